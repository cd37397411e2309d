"""`--format sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, IDE viewers).

Rules carry their guideline clause and its text as help; results carry regions in the
original file (columns count characters: columnKind unicodeCodePoints), the safe fix if any,
and a fingerprint from (rule, path, matched text), the same identity the baseline uses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sm_lint import __version__
from sm_lint.i18n import t
from sm_lint.report import scores, with_suggestion, write_json
from sm_lint.rules.catalog import clauses

if TYPE_CHECKING:
    from sm_lint.findings import Finding
    from sm_lint.report import ReportContext
    from sm_lint.rules.model import Rule

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    p = Path(path)
    return p.as_uri() if p.is_absolute() else quote(p.as_posix())


def _rule(f: Finding, rule: Rule | None, lang: str) -> dict[str, Any]:
    clause = clauses()[f.clause]
    help_lines = [f"{t(lang, 'clause')} {clause.id} {f.clause_title}", clause.text]
    if rule is not None:
        help_lines += [
            "",
            f"{t(lang, 'examples_invalid')}: " + " / ".join(rule.invalid),
            f"{t(lang, 'examples_valid')}: " + " / ".join(rule.valid),
        ]
    description = (rule.description or "").strip() if rule is not None else ""
    return {
        "id": f.rule,
        "name": f.name,
        "shortDescription": {"text": f"{f.name} [{f.clause} {f.clause_title}]"},
        "fullDescription": {"text": description or f"{f.name}: {t(lang, 'clause')} {f.clause} {f.clause_title}"},
        "help": {"text": "\n".join(help_lines)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity if rule is not None else f.severity]},
        "properties": {"category": f.category, "clause": f.clause, "tags": [f.category, f"clause {f.clause}"]},
    }


def _region(f: Finding) -> dict[str, Any]:
    return {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}


def _result(f: Finding, index: int, lang: str) -> dict[str, Any]:
    location = {"artifactLocation": {"uri": _uri(f.path)}}
    result = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": _LEVEL[f.severity],
        "message": {"text": with_suggestion(f, lang)},
        "locations": [{"physicalLocation": {**location, "region": {**_region(f), "snippet": {"text": f.match}}}}],
        "partialFingerprints": {
            "smLint/v1": hashlib.sha256(f"{f.rule}\0{f.path}\0{f.match}".encode()).hexdigest()[:32]
        },
    }
    if f.fix is not None:
        result["fixes"] = [
            {
                "description": {"text": f"{f.match} → {f.fix}"},
                "artifactChanges": [
                    {**location, "replacements": [{"deletedRegion": _region(f), "insertedContent": {"text": f.fix}}]}
                ],
            }
        ]
    if f.suppressed_by:
        result["suppressions"] = [{"kind": "inSource", "justification": f.suppressed_by}]
    return result


def sarif_log(findings: Sequence[Finding], ctx: ReportContext) -> dict[str, Any]:
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for f in findings:
        if f.rule not in index:
            index[f.rule] = len(rules)
            rules.append(_rule(f, ctx.rules.get(f.rule), ctx.lang))
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "sm-lint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index[f.rule], ctx.lang) for f in findings],
                # Each draft with words and its plain-Japanese score (4(1)), clean or not.
                "artifacts": [
                    {"location": {"uri": _uri(path)}, "properties": {"readability": facts}}
                    for path, facts in scores(ctx).items()
                ],
                # Rules the run did not check and the configuration that turned them off: a
                # clean result with every category ignored must not pass for a clean draft.
                "properties": {"turnedOff": [off.to_dict() for off in ctx.turned_off]},
            }
        ],
    }


def render(findings: Sequence[Finding], ctx: ReportContext) -> None:
    write_json(sarif_log(findings, ctx), ctx)
