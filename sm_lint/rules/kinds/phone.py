"""`phone`: phone numbers graded by type (mobile, fixed-line, toll-free, voip, uan...).

The city's own numbers (config `privacy.allowed_phones`) are never reported; a number next to a
private person's name rises to `with-name`.
"""

from __future__ import annotations

from typing import Any

from sm_lint.privacy import grading
from sm_lint.privacy.phones import TYPE_NAMES, phones
from sm_lint.rules.registry import kind
from sm_lint.errors import RuleError


class PhoneMatcher:
    def __init__(self, grades, note, window):
        self.grades = grades
        self.note = note
        self.window = window

    def find(self, analysis):
        for phone in phones(analysis):
            grade = self.grades.get(phone.type)
            if grade is None or phone.allowed:
                continue
            yield grading.graded_hit(analysis, phone.start, phone.end, grade, self.note, self.window)


@kind("phone", options=("note", "note-en", "window"))
def compile_phone(spec: dict[str, Any], where: str) -> PhoneMatcher:
    grades = grading.grades(spec["phone"], where, "phone")
    unknown = set(grades) - set(TYPE_NAMES.values()) - {"unknown"}
    if unknown:
        known = ", ".join(sorted(set(TYPE_NAMES.values())))
        raise RuleError(where, f"知らない電話番号の種類です: {', '.join(sorted(unknown))} (使えるもの: {known})",
                        f"unknown phone type(s) {', '.join(sorted(unknown))} (known: {known})")
    return PhoneMatcher(grades, grading.note(spec, where, "name"),
                        grading.window(spec, where))
