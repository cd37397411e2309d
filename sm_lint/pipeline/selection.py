"""Which rules a draft is checked with: `select` / `ignore` selectors (rule id, name,
category, clause) and what a configuration file turned off, said in the report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from sm_lint.errors import ConfigError
from sm_lint.rules.model import Rule
from sm_lint.settings.config import Config


def selector_matches(selector: str, rule: Rule) -> bool:
    """A selector is a rule id or id prefix (JP-P, JP-P101), a rule's name (hearsay), a
    category (reply) or a clause, exact or as a prefix of sub-clauses (5(5), 6(1) covers 6(1)②)."""
    return (
        rule.id.startswith(selector)
        or rule.name == selector
        or rule.category == selector
        or rule.clause == selector
        or (selector.endswith(")") and rule.clause.startswith(selector))
        or (selector.isdigit() and rule.clause.split("(")[0] == selector)
    )


def unknown_selectors(rules: Sequence[Rule], selectors: Iterable[str]) -> list[str]:
    """The selectors that match none of `rules`: a typo (JP-P10l) would otherwise select or
    ignore nothing, silently."""
    return [s for s in selectors if not any(selector_matches(s, r) for r in rules)]


def select_rules(rules: Sequence[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    select, ignore = list(select), list(ignore)
    chosen = [r for r in rules if not select or any(selector_matches(s, r) for s in select)]
    return [r for r in chosen if not any(selector_matches(s, r) for s in ignore)]


class TurnedOff(NamedTuple):
    """Rules a run did not check, and the configuration file that turned them off."""

    by: str  # the configuration file, as the user would name it
    select: tuple[str, ...]  # only these were checked (as written)
    categories: tuple[str, ...]  # ignored whole
    clauses: tuple[str, ...]  # the guideline's clauses none of whose rules is checked (staff read these)
    rules: tuple[str, ...]  # the other rules ignored

    @classmethod
    def of(cls, by: str, select: tuple[str, ...], off: Iterable[Rule], everything: list[Rule]) -> TurnedOff:
        off_ids = {r.id for r in off}
        off = [r for r in everything if r.id in off_ids]
        on = [r for r in everything if r.id not in off_ids]
        categories = sorted({r.category for r in off} - {r.category for r in on})
        clauses = sorted({r.clause for r in off} - {r.clause for r in on})
        rules = sorted(r.id for r in off if r.category not in categories and r.clause not in clauses)
        return cls(by, select, tuple(categories), tuple(clauses), tuple(rules))

    def text(self, lang: str) -> str:
        """One sentence: チェックしないルール (設定 .sm-lint.yaml): カテゴリ reply / ルール JP-P501."""
        ja = lang != "en"
        parts = (
            [f"select ({', '.join(self.select)}) " + ("以外のすべて" if ja else "leaves out every other rule")]
            if self.select
            else []
        )
        parts += [
            f"{label} {', '.join(items)}"
            for label, items in zip(
                ("カテゴリ", "条項", "ルール") if ja else ("categories", "clauses", "rules"),
                (self.categories, self.clauses, self.rules),
                strict=True,
            )
            if items
        ]
        by = f"設定 {self.by}" if ja else f"by {self.by}"
        return (
            f"チェックしないルール ({by}): " + " / ".join(parts) if ja else f"not checked ({by}): " + "; ".join(parts)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "select": list(self.select),
            "categories": list(self.categories),
            "clauses": list(self.clauses),
            "rules": list(self.rules),
        }


def shown_path(path: str) -> str:
    """A configuration file as the user would name it: relative to the current folder when in it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return path


def refuse_names_of_no_rule(
    pack: Sequence[Rule], config: Config, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> None:
    """A selector or a severity override that names no rule is a ConfigError: a typo
    (JP-P10l) would otherwise select, ignore or change nothing, and say nothing."""

    def where(setting: str) -> str:
        return config.origins.get(setting) or config.path or "-"

    named = [
        ("--select", None, select),
        ("--ignore", None, ignore),
        (where("select"), "select", config.select),
        (where("ignore"), "ignore", config.ignore),
        *(
            (where(f"per-path-ignores.{glob}"), f"per-path-ignores.{glob}", selectors)
            for glob, selectors in config.per_path_ignores
        ),
    ]
    ids = {r.id for r in pack}
    for at, setting, selectors in named:
        for wrong in unknown_selectors(pack, selectors):
            _refuse(
                at,
                setting,
                wrong,
                [*sorted(ids), *sorted({r.category for r in pack} | {r.name for r in pack} | {r.clause for r in pack})],
            )
    for rule_id in config.severity:
        if rule_id not in ids:
            _refuse(where(f"severity.{rule_id}"), "severity", rule_id, sorted(ids))


def _refuse(where: str, setting: str | None, wrong: str, known: list[str]) -> None:
    from sm_lint.spelling import hint

    ja, en = hint(
        wrong,
        known,
        otherwise=(
            " (ルール ID・名前・カテゴリ・条項は `sm-lint rules` で確かめられます)",
            " (`sm-lint rules` lists rule ids, names, categories and clauses)",
        ),
    )
    raise ConfigError(
        where,
        f"{f'`{setting}` の' if setting else ''}「{wrong}」に当たるルールがありません{ja}",
        f"no rule matches `{wrong}`{f' in `{setting}`' if setting else ''}{en}",
    )
