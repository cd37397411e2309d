"""`sm-lint rules` and `sm-lint explain WHAT`: the rules of the built-in pack and of the
`rule-dirs` the configuration found from here names, as a table or JSON; a rule (by id or
name) with its message, its advice and its examples, or a clause with the rules citing it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sm_lint.app.lint import failed
from sm_lint.errors import SmLintError
from sm_lint.i18n import t
from sm_lint.io.echo import echo

if TYPE_CHECKING:
    from sm_lint.rules.catalog import Clause
    from sm_lint.rules.model import Rule


class RulesSettings(NamedTuple):
    lang: str | None = None  # None: the configuration's
    fmt: str = "table"  # table or json


class ExplainSettings(NamedTuple):
    what: str  # a clause (5(5), 5-5, ５（５）), a rule id or a rule name
    lang: str | None = None  # None: the configuration's


def _rules(lang: str | None) -> tuple[list[Rule], str]:
    """Every rule (the built-in pack and the `rule-dirs` of the configuration found from
    here) and the language to show them in: `--lang`, else the configuration's."""
    from sm_lint.rules.sections import config_for
    from sm_lint.run.linter import Linter

    config = config_for(Path.cwd())
    return Linter().packs.pack(config), lang or config.lang


def list_rules(settings: RulesSettings) -> int:
    from sm_lint.report.ruleinfo import rules_json, rules_table

    try:
        rules, lang = _rules(settings.lang)
    except SmLintError as exc:
        return failed(exc.text(settings.lang or "ja"))
    if settings.fmt == "json":
        import json

        echo(json.dumps(rules_json(rules, lang), ensure_ascii=False, indent=2))
    else:
        echo(rules_table(rules, lang), nl=False)
    return 0


def _short(example: str, width: int = 200) -> str:
    """Length-limit examples run to thousands of characters: show their start."""
    return example if len(example) <= width else f"{example[:width]}…({len(example)})"


def _echo_examples(label: str, examples: tuple[str, ...]) -> None:
    """One item per example; a draft with front matter keeps its lines, indented under it."""
    echo(f"{label}:")
    for example in examples:
        echo("  - " + _short(example).rstrip("\n").replace("\n", "\n    "))


def explain(settings: ExplainSettings) -> int:
    from sm_lint.rules.catalog import clauses

    try:
        pack, lang = _rules(settings.lang)
    except SmLintError as exc:
        return failed(exc.text(settings.lang or "ja"))
    rules = {r.id: r for r in pack}
    try:
        catalogue = clauses()
    except SmLintError as exc:
        return failed(exc.text(lang))
    from sm_lint.report import suggestion_text
    from sm_lint.report.ruleinfo import example_message, rules_table
    from sm_lint.run.linter import Linter

    found = _explained(settings.what, rules, catalogue, lang)
    if isinstance(found, str):
        return failed(found)
    rule, clause = found
    if rule:
        echo(f"{rule.id} {rule.name} ({rule.category}, {t(lang, rule.severity)})")
        if rule.description:
            echo(rule.description.strip())
        message, suggestion = example_message(rule, Linter(rules=list(rules.values())), lang)
        echo(f"{t(lang, 'message')}: {message}")
        if suggestion:
            echo(f"{t(lang, 'suggestion')}:{suggestion_text(suggestion, '  ')}")
        _echo_examples(t(lang, "examples_invalid"), rule.invalid)
        _echo_examples(t(lang, "examples_valid"), rule.valid)
        echo()
    echo(f"{t(lang, 'clause')} {clause.id} {clause.title_in(lang)}")
    echo(clause.text)
    related = [r for r in rules.values() if r.clause == clause.id]
    if not rule and related:
        echo()
        echo(rules_table(related, lang), nl=False)
    return 0


# what people type for a clause: 5（3）, ５(３) as well as 5(3)
_FULL_WIDTH = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)})


# 5-5, 5.5 and 6-1-2 for 5(5) and 6(1)②: typed without brackets, which a shell would read
_CLAUSE_BY_NUMBERS = re.compile(r"^(\d+)[-.](\d+)(?:[-.]([1-9]))?$")


def _clause_id(numbers: re.Match[str]) -> str:
    article, item, point = numbers.groups()
    return f"{article}({item})" + (chr(0x245F + int(point)) if point else "")  # ① is U+2460


def _explained(
    what: str, rules: dict[str, Rule], catalogue: dict[str, Clause], lang: str
) -> tuple[Rule | None, Clause] | str:
    """The rule (by id in any case, or by name) and the clause that `what` names; when it
    names neither, what to say, with a did-you-mean hint."""
    from sm_lint.spelling import hint

    typed = _CLAUSE_BY_NUMBERS.sub(_clause_id, what.strip().translate(_FULL_WIDTH))
    by_id = {r.id.upper(): r for r in rules.values()}
    by_name = {r.name.lower(): r for r in rules.values()}
    rule = by_id.get(typed.upper()) or by_name.get(typed.lower())
    clause = catalogue.get(rule.clause if rule else typed)
    if clause is None:
        ja, en = hint(
            typed,
            [*rules, *(r.name for r in rules.values()), *catalogue],
            otherwise=(" (`sm-lint rules` で一覧を確かめられます)", " (`sm-lint rules` lists them)"),
        )
        return t(lang, "unknown", what=what) + (en if lang == "en" else ja)
    return rule, clause
