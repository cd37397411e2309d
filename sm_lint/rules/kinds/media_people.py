"""`media-people`: the body presents photos or videos (`media` regex) of named or identifiable
people (a private person's name from sm_lint.checks.privacy.names, or the `people` regex; officials in
their role need no consent) on the same line, and the
draft records no consent: no `consent: obtained / not-required` in its images/videos entries
and nothing in the body matching `consent`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.checks.images.entries import consent_recorded
from sm_lint.checks.privacy import within
from sm_lint.checks.privacy.names import names
from sm_lint.rules import grading
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind
from sm_lint.text.saferegex import UserRegex

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis


class MediaPeople(Matcher):
    def __init__(self, media: UserRegex, people: UserRegex, consent: UserRegex) -> None:
        self.media = media
        self.people = people
        self.consent = consent

    def signs(self) -> list[tuple[str, Any]] | None:
        return [("text", self.media.sign)]

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        text = analysis.text
        if consent_recorded(analysis.draft.front_matter) or self.consent.search(text):
            return
        found = names(analysis)
        # The answer depends on the line only: each line is looked at once (a long line with
        # thousands of 写真 was searched once per 写真, quadratic).
        seen: set[int] = set()
        for m in self.media.finditer(text):
            line_start, line_end = analysis.line_span(m.start(), m.end())
            if line_start in seen:
                continue
            seen.add(line_start)
            named = next((n.text for n in within(found, line_start, line_end) if not n.public), None)
            if named:
                yield Hit(m.start(), m.end(), detail={"who": named})
            elif crowd := self.people.search(text, line_start, line_end):
                yield Hit(m.start(), m.end(), detail={"who": crowd.group()})


@kind("media-people", options=("people", "consent"))
def compile_media_people(spec: dict[str, Any], where: str) -> MediaPeople:
    return MediaPeople(
        grading.pattern(spec["media-people"], where, "media-people"),
        grading.pattern(spec.get("people"), where, "people"),
        grading.pattern(spec.get("consent"), where, "consent"),
    )
