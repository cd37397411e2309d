"""`person-name`: private persons' names (sm_lint.privacy.names), graded by what else the
draft says about them. A name alone is a reminder; a name with a phone number or one of the
`attributes` (address, age, school, workplace, health: regexes in the rule) on the same line
within `window` characters identifies the person and rises to `combined`.

An attribute is a regex searched around the name, or `{regex: ..., adjacent: true}` for one
that must follow the name (and honorific) at once, like 「(37・大和)」.
"""

from __future__ import annotations

from typing import Any

from sm_lint.errors import RuleError
from sm_lint.privacy import grading
from sm_lint.privacy.names import names
from sm_lint.privacy.phones import phones
from sm_lint.rules.model import Hit
from sm_lint.rules.registry import kind


class PersonNameMatcher:
    def __init__(self, attributes, phone_label, combined, note, window):
        self.attributes = attributes  # label -> (pattern, adjacent)
        self.phone_label = phone_label
        self.combined = combined
        self.note = note
        self.window = window

    def _attribute(self, analysis, name) -> str | None:
        text = analysis.text
        line_start, line_end = analysis.line_span(name.start, name.stop)
        lo, hi = max(line_start, name.start - self.window), min(line_end, name.stop + self.window)
        for label, (pattern, adjacent) in self.attributes.items():
            if adjacent:
                if pattern.match(text, name.stop, line_end):
                    return label
            elif pattern.search(text[lo:name.start]) or pattern.search(text, name.stop, hi):
                return label
        if self.phone_label and any(not p.allowed and lo <= p.start and p.end <= hi for p in phones(analysis)):
            return self.phone_label
        return None

    def find(self, analysis):
        for name in names(analysis):
            attribute = None if name.public else self._attribute(analysis, name)
            yield Hit(
                name.start, name.end,
                severity=self.combined if attribute else None,
                detail={"attribute": attribute or "", "note": self.note.format(attribute=attribute) if attribute else ""},
            )


def _attributes(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise RuleError(where, "`person-name` maps attribute labels to regexes")
    result = {}
    for label, item in value.items():
        adjacent = isinstance(item, dict) and bool(item.get("adjacent"))
        source = item.get("regex") if isinstance(item, dict) else item
        result[str(label)] = (grading.pattern(source, where, f"person-name.{label}"), adjacent)
    return result


@kind("person-name", options=("phone-label", "combined", "note", "window"))
def compile_person_name(spec: dict[str, Any], where: str) -> PersonNameMatcher:
    phone_label = spec.get("phone-label")
    if phone_label is not None and not isinstance(phone_label, str):
        raise RuleError(where, "`phone-label` is the label of a nearby phone number, e.g. 電話番号")
    return PersonNameMatcher(
        _attributes(spec["person-name"], where), phone_label,
        grading.severity(spec.get("combined", "error"), where, "combined"),
        grading.note(spec, where), grading.window(spec, where),
    )
