"""`phone`: phone numbers graded by type (mobile, fixed-line, toll-free, voip, uan...).

The city's own numbers (config `privacy.allowed_phones`) are never reported; a number next to a
private person's name rises to `with-name`, unless it is written right after an office's name
(市民生活課(025-…)): that is the office's number.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.checks.privacy.phones import TYPE_NAMES, directory, phones
from sm_lint.errors import RuleError
from sm_lint.rules import grading
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind
from sm_lint.settings.loader import string_list

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis


class PhoneMatcher(Matcher):
    def __init__(self, grades: dict[str, grading.Grade], note: grading.Note, window: int) -> None:
        self.grades = grades
        self.note = note
        self.window = window

    def draft_needs(self) -> list[tuple[str, Any]] | None:
        return [("digits", True)]  # phones() reads runs of digits

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        for phone in phones(analysis):
            grade = self.grades.get(phone.type)
            if grade is None or phone.allowed:
                continue
            if phone.office:  # the office's number: a name on its line is not its owner
                grade = grade._replace(with_name=None)
            yield grading.graded_hit(analysis, phone.start, phone.end, grade, self.note, self.window)


@kind("phone", options=("note", "note-en", "window"))
def compile_phone(spec: dict[str, Any], where: str) -> PhoneMatcher:
    grades = grading.grades(spec["phone"], where, "phone")
    unknown = set(grades) - set(TYPE_NAMES.values()) - {"unknown"}
    if unknown:
        known = ", ".join(sorted(set(TYPE_NAMES.values())))
        raise RuleError(
            where,
            f"知らない電話番号の種類です: {', '.join(sorted(unknown))} (使えるもの: {known})",
            f"unknown phone type(s) {', '.join(sorted(unknown))} (known: {known})",
        )
    return PhoneMatcher(grades, grading.note(spec, where, "name"), grading.window(spec, where))


class DirectoryCheck(Matcher):
    """A number that should be the city's (an office of the `directory` is named on its line,
    or it shares the office numbers' exchange) but is not listed: a typo or an old number."""

    def __init__(self, exchange_digits: int) -> None:
        self.exchange_digits = exchange_digits

    def draft_needs(self) -> list[tuple[str, Any]] | None:
        return [("digits", True)]  # phones() reads runs of digits

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        listed = directory(analysis.config)
        if not listed:
            return
        offices = analysis.config.section("directory")
        exchanges = {number[: self.exchange_digits] for number in listed}
        for phone in phones(analysis):
            if phone.number in listed:
                continue
            line_start, line_end = analysis.line_span(phone.start, phone.end)
            line = analysis.text[line_start:line_end]
            named = [name for name in offices if str(name) in line]
            if named or phone.number[: self.exchange_digits] in exchanges:
                office = named[0] if named else None
                right = "、".join(string_list(offices[office], "directory", office)) if office else None
                yield Hit(
                    phone.start,
                    phone.end,
                    detail={
                        "number": analysis.text[phone.start : phone.end],
                        "hint": f"電話番号簿では {office} は {right} です。" if office else "",
                        "hint_en": f" The directory lists {office} as {right}." if office else "",
                    },
                )


@kind("phone-directory", options=("exchange-digits",))
def compile_phone_directory(spec: dict[str, Any], where: str) -> DirectoryCheck:
    if spec["phone-directory"] is not True:
        raise RuleError(where, "`phone-directory` は true と書きます", "`phone-directory` is true")
    digits = spec.get("exchange-digits", 8)
    if not isinstance(digits, int) or isinstance(digits, bool) or not 4 <= digits <= 12:
        raise RuleError(where, "`exchange-digits` は 4〜12 の数です", "`exchange-digits` is a number from 4 to 12")
    return DirectoryCheck(digits)
