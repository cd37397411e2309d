"""Output formats. Each module has `render(findings, ctx) -> None`; loaded on demand so a
clean run does not import what it does not print."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Collection, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from sm_lint.findings import Finding

if TYPE_CHECKING:
    from sm_lint.io.document import Draft
    from sm_lint.pipeline.selection import TurnedOff
    from sm_lint.rules.model import Rule

FORMATS = {
    "full": "full",
    "concise": "concise",
    "json": "jsonfmt",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
}
# Formats read by programs: no progress bar, no summary or notes mixed in.
MACHINE_FORMATS = frozenset({"json", "jsonl", "sarif", "github", "junit"})


class ReportContext(NamedTuple):
    lang: str = "ja"
    color: bool | None = None  # None: decide from the terminal and NO_COLOR
    checked: Collection[str] = ()  # the path of every draft linted, clean or not (a dict: path -> its facts)
    stream: IO[str] | None = None
    source_lines: Mapping[str, Draft] = {}  # the drafts with findings, by path
    rules: Mapping[str, Rule] = {}
    quiet: bool = False  # findings only: no summary line
    turned_off: Sequence[TurnedOff] = ()  # rules not checked, and which configuration said so


def scores(ctx: ReportContext) -> dict[str, dict[str, Any]]:
    """path -> plain-Japanese score facts (rules.kinds.readability.score_facts) of each draft
    checked that has words; a caller that gave only the paths (no facts) gets none."""
    checked = ctx.checked if isinstance(ctx.checked, dict) else {}
    return {path: facts["readability"] for path, facts in checked.items() if facts and facts.get("readability")}


def score_summary(ctx: ReportContext) -> str | None:
    """The scores in one line, for the text formats' summary: the draft's own, or the mean,
    the lowest and how many are under their target."""
    from sm_lint.i18n import t

    found = scores(ctx)
    if not found:
        return None
    band = "band_en" if ctx.lang == "en" else "band"
    if len(found) == 1:
        [facts] = found.values()
        return t(ctx.lang, "score_one", score=f"{facts['score']:.2f}", band=facts[band], target=f"{facts['target']:g}")
    path, lowest = min(found.items(), key=lambda item: item[1]["score"])
    return t(
        ctx.lang,
        "score_many",
        mean=f"{sum(f['score'] for f in found.values()) / len(found):.2f}",
        path=path,
        score=f"{lowest['score']:.2f}",
        band=lowest[band],
        below=sum(f["below_target"] for f in found.values()),
    )


def turned_off_text(ctx: ReportContext) -> str:
    """The sentences that say which rules were not checked, to follow a summary line."""
    end = ". " if ctx.lang == "en" else "。"
    return "".join(end + off.text(ctx.lang) for off in ctx.turned_off)


def with_suggestion(f: Finding, lang: str) -> str:
    """The message, and the suggested rewrite on a second line (for one-field formats)."""
    from sm_lint.i18n import t

    return f.message + (f"\n{t(lang, 'suggestion')}:{suggestion_text(f.suggestion, '  ')}" if f.suggestion else "")


def suggestion_text(suggestion: str, indent: str) -> str:
    """A suggestion after its label and colon: one line after a space; a block (the YAML to
    paste into the front matter) from the next line on, indented, its own indentation kept."""
    if "\n" not in suggestion:
        return " " + suggestion
    return "\n" + "\n".join(indent + line for line in suggestion.split("\n"))


# Formats that record suppressed findings for the audit (SARIF marks them as suppressions).
AUDIT_FORMATS = ("json", "jsonl", "sarif")


def shown(findings: Sequence[Finding], fmt: str) -> list[Finding]:
    """What a reader sees: suppressed findings only in the audit formats."""
    from sm_lint.pipeline.filter import reported

    return list(findings) if fmt in AUDIT_FORMATS else reported(findings)


def write_json(value: object, ctx: ReportContext) -> None:
    """Indented JSON, written some thousand tokens at a time: json.dump writes each token on
    its own, a system call each where output is unbuffered (PYTHONUNBUFFERED), 70 ms for 700
    findings; the whole report as one string held every token as a string of its own first
    (a long draft's 8,000 findings: 44 MB, 22 bytes per byte of the draft). A long token (the
    match of a platform limit's finding runs to the end of the draft) ends its batch: eight of
    them in one batch, then its join and its UTF-8, took 24 bytes per byte of the draft."""
    import json

    stream = ctx.stream or sys.stdout
    batch: list[str] = []
    for token in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(value):
        batch.append(token)
        if len(batch) == 4096 or len(token) > 4096:
            stream.write("".join(batch))
            batch.clear()
    stream.write("".join(batch))
    stream.write("\n")


# The shape of `--format json` (and of jsonl's last line); 1 was a bare list of findings.
JSON_VERSION = 2


def run_facts(findings: Sequence[Finding], ctx: ReportContext) -> dict[str, Any]:
    """What a JSON report says besides the findings: each draft read, with its count of
    findings (suppressed ones apart) and its plain-Japanese score (null with no words), and the
    rules a configuration turned off, as SARIF's runs[].properties.turnedOff: an empty list of
    findings must not pass for a clean run."""
    counts: dict[str, list[int]] = {path: [0, 0] for path in ctx.checked}
    for f in findings:
        counts.setdefault(f.path, [0, 0])[bool(f.suppressed_by)] += 1
    score = scores(ctx)
    return {
        "drafts": [
            {"path": path, "findings": n, "suppressed": s, "readability": score.get(path)}
            for path, (n, s) in counts.items()
        ],
        "turnedOff": [off.to_dict() for off in ctx.turned_off],
    }


def render(fmt: str, findings: Sequence[Finding], ctx: ReportContext) -> None:
    module = importlib.import_module(f"sm_lint.report.{FORMATS[fmt]}")
    module.render(shown(findings, fmt), ctx)
