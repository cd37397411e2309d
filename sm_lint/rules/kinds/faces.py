"""`faces`: faces found in a draft's pictures (sm_lint/checks/images/faces.py, the optional `faces` extra)
against what its `images:` entry says, at the entry's line.

    match:
      faces: people-none    # people: none, yet a face is found
      faces: large          # a face takes at least `faces.share` of the frame, no consent recorded

`large` leaves out an entry that says `people: identifiable`: JP-F101 already asks for its
consent. The share is set in the configuration:

    faces:
      share: 0.01    # the default: a face box of 1% of the frame is about a tenth of its height

Without the extra installed these find nothing (no import fails).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.checks.images.entries import CONSENT_OK, checked_entries, draft_pictures
from sm_lint.checks.images.faces import face_shares
from sm_lint.errors import ConfigError
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.options import one_of
from sm_lint.rules.registry import kind

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

DEFAULT_SHARE = 0.01


def check_section(value: dict[str, Any], where: str) -> dict[str, Any]:
    """The `faces:` section's check (rules/sections.py hands it to the loader)."""
    share = value.get("share", DEFAULT_SHARE)
    if not isinstance(share, (int, float)) or isinstance(share, bool) or not 0 < share <= 1:
        raise ConfigError(
            where,
            "`faces.share` は 0 より大きく 1 以下の数です（顔が画面に占める割合）",
            "`faces.share` is a number above 0 and at most 1 (the share of the frame a face takes)",
        )
    return dict(value)


def _people_none(entry: dict[str, Any], shares: tuple[float, ...], share: float) -> dict[str, str] | None:
    if entry.get("people") == "none" and shares:
        return {"count": str(len(shares)), "count_en": str(len(shares))}
    return None


def _large(entry: dict[str, Any], shares: tuple[float, ...], share: float) -> dict[str, str] | None:
    if entry.get("people") == "identifiable" or entry.get("consent") in CONSENT_OK:
        return None
    if shares and shares[0] >= share:
        return {"share": f"{shares[0]:.0%}", "limit": f"{share:.0%}"}
    return None


_CHECKS = {"people-none": _people_none, "large": _large}


class Faces(Matcher):
    extra = "faces"  # what it needs installed to find anything (tests skip its examples without it)

    def __init__(self, check: str) -> None:
        self.check = _CHECKS[check]

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        share = analysis.config.section("faces")["share"]
        entries = {
            (entry.get("path", "").strip(), line): entry
            for _, entry, line in checked_entries(analysis)
            if isinstance(entry.get("path"), str)
        }
        for picture in draft_pictures(analysis):
            entry = entries.get((picture.name, picture.line))
            # the cheap test first: the pixels are decoded only for an entry the check may report
            if picture.problem or entry is None or self.check(entry, (1.0,), share) is None:
                continue
            found = self.check(entry, face_shares(picture.file), share)
            if found is not None:
                yield Hit(line=picture.line, detail={"path": picture.name, **found})


@kind("faces")
def compile_faces(spec: dict[str, Any], where: str) -> Faces:
    return Faces(one_of(spec["faces"], _CHECKS, where, "faces"))
