"""Severity grades written in rule YAML: `{<class>: {severity: ..., label: ..., with-name: ...}}`;
a grade rises to its `with-name` severity when a private person's name stands next to the item,
and the rule's `note` (with `{name}`) then explains why."""

from __future__ import annotations

from typing import Any, NamedTuple

from sm_lint.errors import RuleError
from sm_lint.privacy.names import private_name_near
from sm_lint.rules.model import SEVERITIES, Hit
from sm_lint.saferegex import compile_spec

DEFAULT_WINDOW = 120  # characters on the same line; a short post's sentence or two


class Grade(NamedTuple):
    severity: str
    label: str
    with_name: str | None = None


def grades(value: Any, where: str, kind: str) -> dict[str, Grade]:
    if not isinstance(value, dict) or not value:
        raise RuleError(where, f"`{kind}` maps each class to {{severity: ..., label: ...}}")
    result = {}
    for name, grade in value.items():
        if not isinstance(grade, dict) or grade.get("severity") not in SEVERITIES or not grade.get("label"):
            raise RuleError(where, f"`{kind}.{name}` needs severity (info, warning, error) and label")
        unknown = set(grade) - {"severity", "label", "with-name"}
        if unknown:
            raise RuleError(where, f"unknown key(s) in `{kind}.{name}`: {', '.join(sorted(unknown))}")
        with_name = severity(grade.get("with-name"), where, f"{kind}.{name}.with-name")
        result[str(name)] = Grade(grade["severity"], str(grade["label"]), with_name)
    return result


def note(spec: dict, where: str) -> str:
    """The rule's `note` template: the reason a hit rose, with the kind's own placeholders."""
    value = spec.get("note", "")
    if not isinstance(value, str):
        raise RuleError(where, "`note` is a text")
    return value


def severity(value: Any, where: str, key: str) -> str | None:
    if value is not None and value not in SEVERITIES:
        raise RuleError(where, f"`{key}` is one of {', '.join(SEVERITIES)}, not {value!r}")
    return value


def window(spec: dict, where: str, default: int = DEFAULT_WINDOW) -> int:
    value = spec.get("window", default)
    if not isinstance(value, int) or value < 0:
        raise RuleError(where, "`window` is a number of characters")
    return value


def pattern(value: Any, where: str, key: str):
    return compile_spec(value, f"{where} (`{key}`)", key)


def graded_hit(analysis, start: int, end: int, grade: Grade, note_template: str, span: int) -> Hit:
    """A hit at `grade`, raised to its `with_name` severity when a private name is near."""
    detail = {"kind": grade.label, "note": ""}
    level = grade.severity
    if grade.with_name and SEVERITIES.index(grade.with_name) > SEVERITIES.index(level):
        name = private_name_near(analysis, start, end, span)
        if name is not None:
            level = grade.with_name
            detail["note"] = note_template.format(name=name.text)
    return Hit(start, end, severity=level, detail=detail)
