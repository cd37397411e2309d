"""The `images:` and `videos:` entries of a draft's front matter, as the image and portrait
rules read them:

    images:
      - path: img/snow-festival.jpg
        alt: 雪まつり会場のようす
        people: identifiable      # none | crowd | identifiable
        consent: obtained         # obtained | not-required | pending | none

A Markdown image in the body (`![alt](img/kids.jpg)`) that no entry names counts as an entry
of its own, at its line, with its alt text; an entry's missing alt is taken from the body's
image of the same path."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sm_lint.io.yamlsafe import LineDict

if TYPE_CHECKING:
    from sm_lint.checks.images.pictures import Picture
    from sm_lint.text.analysis import Analysis

MEDIA_KEYS = ("images", "videos")
PEOPLE = ("none", "crowd", "identifiable")
CONSENT = ("obtained", "not-required", "pending", "none")
CONSENT_OK = CONSENT[:2]


def media_entries(front_matter: object) -> list[tuple[str, Any, int]]:
    """(name, entry, line) for every entry of images/videos, named as the schema's messages
    name it (images[0]); an entry may be a bare path."""
    result = []
    for key in MEDIA_KEYS:
        items = front_matter.get(key) if isinstance(front_matter, dict) else None
        if not isinstance(items, list):
            continue
        line = front_matter.line_of(key) if isinstance(front_matter, LineDict) else 1
        for i, item in enumerate(items):
            result.append((f"{key}[{i}]", item, item.line if isinstance(item, LineDict) else line))
    return result


# ![alt](path) or ![alt](<path with spaces> "title")
_BODY_IMAGE = re.compile(r"""!\[([^\]\n]*)\]\(\s*(?:<([^>\n]+)>|([^\s()]+))(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)""")


def _body_images(analysis: Analysis) -> list[tuple[str, str, int]]:
    """(path, alt, line) of each Markdown image in the body."""
    draft = analysis.draft
    return [
        (m.group(2) or m.group(3), m.group(1).strip(), draft.position(draft.body_start + m.start())[0])
        for m in _BODY_IMAGE.finditer(draft.body)
    ]


def has_alt(entry: dict[str, Any]) -> bool:
    alt = entry.get("alt")
    return isinstance(alt, str) and bool(alt.strip())


def _with_alt(entry: dict[str, Any], alt: str) -> dict[str, Any]:
    copy = LineDict(entry.line if isinstance(entry, LineDict) else 0)
    copy.update(entry, alt=alt)
    if isinstance(entry, LineDict):
        copy.key_lines = entry.key_lines
    return copy


def checked_entries(analysis: Analysis) -> list[tuple[str, dict[str, Any], int]]:
    """(name, entry, line): the front matter's entries, then the body's images no entry names
    (built once per draft: the portrait rules and the media limit share it)."""
    return analysis.memo("media_entries", _checked_entries)


def _checked_entries(analysis: Analysis) -> list[tuple[str, dict[str, Any], int]]:
    images = _body_images(analysis)
    alts = {path: alt for path, alt, _ in images if alt}
    named: set[str] = set()
    result = []
    for name, entry, line in media_entries(analysis.draft.front_matter):
        if not isinstance(entry, dict):
            entry = {"path": entry}
        path = entry.get("path")
        if isinstance(path, str):
            named.add(path)
            if path in alts and not has_alt(entry):
                entry = _with_alt(entry, alts[path])
        result.append((name, entry, line))
    for path, alt, line in images:
        if path not in named:
            named.add(path)
            result.append((path, {"path": path, "alt": alt}, line))
    return result


def image_entries(analysis: Analysis) -> list[tuple[str, int]]:
    """(path as written, line) of each image (not video, not a web address) the draft names."""
    found = []
    for name, entry, line in checked_entries(analysis):
        path = entry.get("path")
        if name.startswith("videos[") or not isinstance(path, str) or not path.strip() or "://" in path:
            continue
        found.append((path.strip(), line))
    return found


def draft_pictures(analysis: Analysis) -> tuple[Picture, ...]:
    """The draft's images as read (pictures.pictures): pictures.py, the readers of the image
    formats, is imported only for a draft that names an image (2 ms of every cold start)."""
    if not image_entries(analysis):
        return ()
    from sm_lint.checks.images.pictures import pictures

    return pictures(analysis)


def consent_recorded(front_matter: object) -> bool:
    return any(isinstance(e, dict) and e.get("consent") in CONSENT_OK for _, e, _ in media_entries(front_matter))
