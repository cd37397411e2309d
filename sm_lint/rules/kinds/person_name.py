"""`person-name`: private persons' names (sm_lint.checks.privacy.names), graded by what else the
draft says about them. A name alone is a reminder; a name with a phone number or one of the
`attributes` (address, age, school, workplace, health: regexes in the rule) on the same line
within `window` characters identifies the person and rises to `combined`.

An attribute is a regex searched around the name, or `{regex: ..., adjacent: true}` for one
that must follow the name (and honorific) at once, like 「(37・大和)」; the mapping form may
give `label-en`, the attribute's name in English messages (as `phone-label-en` does for
`phone-label`).

A name next to a public role (市長, 講師, 会長: sm_lint.checks.privacy.names) is public, and
most attributes leave it a reminder; an attribute with `public-too: true` (a home or a private
phone) and a mobile number still raise it: a role makes a name public, not the person's own
phone (issue 23: 「サークルの代表、佐野さん（自宅 522-3318）」 is a private citizen's contact).
A number written right after an office's name (市民生活課(025-…): sm_lint.checks.privacy.phones)
is the office's, never the person's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from sm_lint.checks.privacy import within
from sm_lint.checks.privacy.names import Name, names
from sm_lint.checks.privacy.phones import phones
from sm_lint.errors import RuleError
from sm_lint.rules import grading
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.options import optional_text
from sm_lint.rules.registry import kind
from sm_lint.spelling import refuse_unknown_keys
from sm_lint.text.saferegex import UserRegex

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis


class Attribute(NamedTuple):
    label: str
    label_en: str
    pattern: UserRegex | None  # None for the phone numbers (sm_lint.checks.privacy.phones)
    adjacent: bool = False
    public_too: bool = False  # counts next to a name in a public role as well


class PersonNameMatcher(Matcher):
    def __init__(
        self,
        attributes: tuple[Attribute, ...],
        phone: Attribute | None,
        combined: str | None,
        note: grading.Note,
        window: int,
    ) -> None:
        self.attributes = attributes
        self.phone = phone  # the Attribute of a nearby phone number, or None
        self.combined = combined
        self.note = note
        self.window = window

    def _attribute(self, analysis: Analysis, name: Name) -> Attribute | None:
        text = analysis.text
        line_start, line_end = analysis.line_span(name.start, name.stop)
        lo, hi = max(line_start, name.start - self.window), min(line_end, name.stop + self.window)
        for attribute in self.attributes:
            if name.public and not attribute.public_too:
                continue
            pattern = attribute.pattern
            if pattern is None:  # the phone's: looked for below
                continue
            if attribute.adjacent:  # within the window too: a match to the end of a long line per name was quadratic
                if pattern.match(text, name.stop, hi):
                    return attribute
            elif pattern.search(text[lo : name.start]) or pattern.search(text, name.stop, hi):
                return attribute
        if self.phone and any(
            not p.allowed and not p.office and (not name.public or p.type == "mobile")
            for p in within(phones(analysis), lo, hi)
        ):
            return self.phone
        return None

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        for name in names(analysis):
            attribute = self._attribute(analysis, name)
            if attribute is None:
                yield Hit(name.start, name.end, detail=_ALONE)
                continue
            detail = {
                "attribute": attribute.label,
                "attribute_en": attribute.label_en,
                **self.note.detail({"attribute": attribute.label}, {"attribute": attribute.label_en}),
            }
            yield Hit(name.start, name.end, severity=self.combined, detail=detail)


_ALONE = {"attribute": "", "attribute_en": "", "note": "", "note_en": ""}  # shared: never changed


def _attributes(value: Any, where: str) -> tuple[Attribute, ...]:
    if not isinstance(value, dict):
        raise RuleError(
            where,
            "`person-name` には属性を「ラベル: 正規表現」の形で書いてください",
            "`person-name` maps attribute labels to regexes",
        )
    result = []
    for label, item in value.items():
        key = f"person-name.{label}"
        if isinstance(item, dict):
            refuse_unknown_keys(
                item, ("regex", "adjacent", "label-en", "public-too"), where, (f"`{key}` に", f" in `{key}`")
            )
            source, adjacent, public_too = item.get("regex"), bool(item.get("adjacent")), bool(item.get("public-too"))
            label_en = optional_text(item.get("label-en"), where, f"{key}.label-en") or str(label)
        else:
            source, adjacent, public_too, label_en = item, False, False, str(label)
        result.append(Attribute(str(label), label_en, grading.pattern(source, where, key), adjacent, public_too))
    return tuple(result)


@kind("person-name", options=("phone-label", "phone-label-en", "combined", "note", "note-en", "window"))
def compile_person_name(spec: dict[str, Any], where: str) -> PersonNameMatcher:
    phone_label = spec.get("phone-label")
    if phone_label is not None and not isinstance(phone_label, str):
        raise RuleError(
            where,
            "`phone-label` には近くにある電話番号のラベルを書いてください (例: 電話番号)",
            "`phone-label` is the label of a nearby phone number, e.g. 電話番号",
        )
    phone = None
    if phone_label:
        label_en = optional_text(spec.get("phone-label-en"), where, "phone-label-en")
        phone = Attribute(phone_label, label_en or phone_label, None)
    return PersonNameMatcher(
        _attributes(spec["person-name"], where),
        phone,
        grading.severity(spec.get("combined", "error"), where, "combined"),
        grading.note(spec, where, "attribute"),
        grading.window(spec, where),
    )
