"""`media-entries`: the `images:` and `videos:` entries of the front matter (portrait consent),
as checks/images/entries.py reads them (the body's Markdown images included).

`check` picks what a rule reports, at the entry's line: `consent` (identifiable people without
obtained / not-required consent), `people` (no or an unknown `people`) or `alt` (an image
without alt text). A value the key does not take gets the rule's `note`.
General front-matter validation is elsewhere; this module owns what these keys mean.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.checks.images.entries import CONSENT, CONSENT_OK, PEOPLE, checked_entries, has_alt
from sm_lint.io.yamlsafe import LineDict
from sm_lint.rules import grading
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.options import one_of
from sm_lint.rules.registry import kind

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis


def _line(entry: dict[str, Any], key: str, default: int) -> int:
    return entry.line_of(key) if isinstance(entry, LineDict) and key in entry else default


# Each check gives the line to report, the value found (None: not written) and the values the
# key takes (None: any text).
Found = tuple[int, Any, Collection[str] | None]


def _consent(name: str, entry: dict[str, Any], line: int) -> Found | None:
    if entry.get("people") == "identifiable" and entry.get("consent") not in CONSENT_OK:
        return _line(entry, "consent", line), entry.get("consent"), CONSENT
    return None


def _people(name: str, entry: dict[str, Any], line: int) -> Found | None:
    value = entry.get("people")
    return None if value in PEOPLE else (_line(entry, "people", line), value, PEOPLE)


def _alt(name: str, entry: dict[str, Any], line: int) -> Found | None:
    # Alt text is what a screen reader says for an image; a video speaks for itself and the
    # platforms take captions for it, not alt text.
    return None if name.startswith("videos[") or has_alt(entry) else (line, None, None)


def _credit(name: str, entry: dict[str, Any], line: int) -> Found | None:
    # Borrowed: from the web, or credited in part. Copyright (5(3)) asks for both where it came
    # from (source) and the permission or licence it is used under (license).
    path = entry.get("path")
    borrowed = (
        (isinstance(path, str) and path.startswith(("http://", "https://"))) or "source" in entry or "license" in entry
    )
    lacking = [k for k in ("source", "license") if not (isinstance(entry.get(k), str) and entry[k].strip())]
    return (line, ", ".join(lacking), None) if borrowed and lacking else None


_CHECKS = {"consent": _consent, "people": _people, "alt": _alt, "credit": _credit}
_NO_NOTE = {"note": "", "note_en": ""}


class MediaEntries(Matcher):
    def __init__(self, check: Callable[[str, dict[str, Any], int], Found | None], note: grading.Note) -> None:
        self.check = check
        self.note = note

    def draft_needs(self) -> list[tuple[str, Any]] | None:
        return [("pictures", True)]  # checked_entries() reads the front matter and the body's ![…]

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        for name, entry, line in checked_entries(analysis):
            found = self.check(name, entry, line)
            if found:
                at, value, values = found
                text = "" if value is None else str(value)
                # a value the key does not take (consent: 同意書あり) gets the note: read as
                # "no consent" without a word, the finding would look wrong to its writer
                unread = bool(text) and values is not None and value not in values
                fields = {"value": text, "values": ", ".join(values or ())}
                note = self.note.detail(fields, fields) if unread else _NO_NOTE
                # An entry without a path as text (missing, misspelt, a list) is named by its
                # place in the list.
                path = entry.get("path")
                yield Hit(
                    line=at,
                    suggestion=self.fixed(name, path),
                    detail={
                        "path": path if isinstance(path, str) and path else name,
                        "value": text or "なし",
                        "value_en": text or "missing",
                        **note,
                    },
                )

    def fixed(self, name: str, path: Any) -> str | None:
        """For a missing consent, the YAML of the entry with the line to add, indented as
        it goes under `images:`: what to paste, not only the key's value."""
        if self.check is not _consent:
            return None
        import yaml  # loaded already: the front matter was read with it

        key = name.partition("[")[0]  # consent is only ever missing from a front-matter entry
        first = f"path: {yaml.safe_dump(path).splitlines()[0]}" if isinstance(path, str) and path else "..."
        return f"{key}:\n  - {first}\n    consent: {CONSENT_OK[0]}"


@kind("media-entries", options=("note", "note-en"))
def compile_media_entries(spec: dict[str, Any], where: str) -> MediaEntries:
    return MediaEntries(
        _CHECKS[one_of(spec["media-entries"], _CHECKS, where, "media-entries")],
        grading.note(spec, where, "value", "values"),
    )
