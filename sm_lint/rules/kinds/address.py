"""`address`: postal addresses, graded by what stands around them.

An address followed by 在住/お住まい/宅 (a home) rises to `residence`, one next to a private
person's name to `with-name`; one beside a facility word (市役所, 公民館, 〜課) falls to
`facility`. Addresses on config `privacy.allowed_addresses` (public facilities) are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.checks.privacy.settings import compact, privacy
from sm_lint.errors import RuleError
from sm_lint.rules import grading
from sm_lint.rules.model import Matcher
from sm_lint.rules.registry import kind
from sm_lint.text.lazyre import lazy_compile
from sm_lint.text.saferegex import UserRegex

if TYPE_CHECKING:
    from sm_lint.rules.model import Hit
    from sm_lint.text.analysis import Analysis

_BEFORE = 40  # characters before an address searched for a facility or home word
_AFTER = 12
# what may be left out when an address is written again: 〒 code, prefecture
_OPTIONAL_HEAD = lazy_compile(r"^(?:[〒〠]?(?P<code>\d{3}-?\d{4}))?(?:東京都|北海道|京都府|大阪府|[^都道府県]{2,3}県)?")


def _parts(address: str) -> tuple[str, str]:
    """(postal code without hyphen, the rest without prefecture), for allow-list comparison."""
    m = _OPTIONAL_HEAD().match(compact(address))
    assert m is not None  # every part of the pattern is optional
    return (m.group("code") or "").replace("-", ""), compact(address)[m.end() :]


def _allowed(found: str, allowed: list[tuple[str, str]]) -> bool:
    """The same place as an allowed address: written in full or shortened (上越市木田1-1-3 for
    新潟県上越市木田1-1-3), but not a longer house number (木田1-1-30) or another place."""
    code, core = _parts(found)
    if not core:  # a postal code on its own
        return any(code and code == a_code for a_code, _ in allowed)
    for _, a in allowed:
        if core == a:
            return True
        shorter, longer = (core, a) if len(core) < len(a) else (a, core)
        if shorter and longer.startswith(shorter) and not longer[len(shorter)].isdigit():
            return True
    return False


class AddressMatcher(Matcher):
    def __init__(
        self,
        pattern: UserRegex,
        residence: UserRegex,
        facility: UserRegex,
        grades: dict[str, grading.Grade],
        note: grading.Note,
        window: int,
    ) -> None:
        self.pattern = pattern
        self.residence = residence
        self.facility = facility
        self.grades = grades
        self.note = note
        self.window = window

    def signs(self) -> list[tuple[str, Any]] | None:
        return [("text", self.pattern.sign)]

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        text = analysis.text
        allowed = [_parts(a) for a in privacy(analysis)["allowed_addresses"]]
        for m in self.pattern.finditer(text):
            start, end = m.span()
            if _allowed(m.group(), allowed):
                continue
            before = text[max(0, start - _BEFORE) : start]
            after = text[end : end + _AFTER]
            if self.residence.search(before + "\0" + after):
                grade = self.grades["residence"]
            elif self.facility.search(before + "\0" + after):
                grade = self.grades["facility"]
            else:
                grade = self.grades["address"]
            yield grading.graded_hit(analysis, start, end, grade, self.note, self.window)


@kind("address", options=("residence", "facility", "grades", "note", "note-en", "window"))
def compile_address(spec: dict[str, Any], where: str) -> AddressMatcher:
    grades = grading.grades(spec.get("grades"), where, "grades")
    missing = {"address", "residence", "facility"} - set(grades)
    if missing:
        raise RuleError(
            where,
            f"`grades` に {', '.join(sorted(missing))} の等級がありません",
            f"`grades` needs {', '.join(sorted(missing))}",
        )
    return AddressMatcher(
        grading.pattern(spec["address"], where, "address"),
        grading.pattern(spec.get("residence"), where, "residence"),
        grading.pattern(spec.get("facility"), where, "facility"),
        grades,
        grading.note(spec, where, "name"),
        grading.window(spec, where),
    )
