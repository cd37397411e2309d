"""`--format junit`: JUnit XML for GitLab CI / Jenkins test reports. Each draft is a test
suite, with its plain-Japanese score as properties; each finding a failed test case; a draft
without findings one passing case."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sm_lint.i18n import t
from sm_lint.report import scores, with_suggestion

if TYPE_CHECKING:
    from sm_lint.findings import Finding
    from sm_lint.report import ReportContext


def render(findings: Sequence[Finding], ctx: ReportContext) -> None:
    stream = ctx.stream or sys.stdout
    by_path = defaultdict(list)
    for f in findings:
        by_path[f.path].append(f)
    paths = sorted(set(ctx.checked) | set(by_path))
    root = ET.Element(
        "testsuites",
        name="sm-lint",
        tests=str(sum(max(1, len(by_path[p])) for p in paths)),
        failures=str(len(findings)),
    )
    score = scores(ctx)
    for path in paths:
        found = by_path[path]
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(max(1, len(found))), failures=str(len(found)))
        if path in score:
            properties = ET.SubElement(suite, "properties")
            for key in ("score", "band", "target", "below_target"):
                value = score[path]["band_en" if key == "band" and ctx.lang == "en" else key]
                ET.SubElement(
                    properties,
                    "property",
                    name=f"readability.{key}",
                    value=str(value).lower() if isinstance(value, bool) else str(value),
                )
        if not found:
            ET.SubElement(suite, "testcase", name="sm-lint", classname=path)
        for f in found:
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{f.rule} {f.name} ({f.line}:{f.column})",
                classname=path,
                file=path,
                line=str(f.line),
            )
            failure = ET.SubElement(case, "failure", message=f.message, type=f.severity)
            head = f"{f.path}:{f.line}:{f.column}: {t(ctx.lang, f.severity)} {f.rule} [{f.clause} {f.clause_title}]"
            failure.text = f"{head}\n{with_suggestion(f, ctx.lang)}"
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode") + "\n")
