"""`media-people`: the body presents photos or videos (`media` regex) of named or identifiable
people (a private person's name from sm_lint.checks.privacy.names, or the `people` regex; officials in
their role need no consent) on the same line, and the
draft records no consent: no `consent: obtained / not-required` in its images/videos entries
and nothing in the body matching `consent`."""

from __future__ import annotations

from typing import Any

from sm_lint.checks.images.entries import consent_recorded
from sm_lint.checks.privacy import within
from sm_lint.checks.privacy.names import names
from sm_lint.rules import grading
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind


class MediaPeople(Matcher):
    def __init__(self, media, people, consent):
        self.media = media
        self.people = people
        self.consent = consent

    def signs(self):
        return [("text", self.media.sign)]

    def find(self, analysis):
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
            crowd = self.people.search(text, line_start, line_end)
            if named or crowd:
                yield Hit(m.start(), m.end(), detail={"who": named or crowd.group()})


@kind("media-people", options=("people", "consent"))
def compile_media_people(spec: dict[str, Any], where: str) -> MediaPeople:
    return MediaPeople(
        grading.pattern(spec["media-people"], where, "media-people"),
        grading.pattern(spec.get("people"), where, "people"),
        grading.pattern(spec.get("consent"), where, "consent"),
    )
