"""`alt-text`: alt text that tells a screen-reader user nothing (4(1)), at the image's entry.

    match:
      alt-text: [画像, 写真, image, ...]   # alt that is only one of these (digits after it too: 写真1)

Besides the words: a file name (sakura.jpg, IMG_0123), the body's text again (the reader hears
it twice and learns nothing of the picture), or only emoji and symbols. A missing alt is rule
JP-F103's (media-entries: alt).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from sm_lint.checks.images.entries import checked_entries
from sm_lint.errors import RuleError
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind
from sm_lint.text.lazyre import lazy_compile

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

_FILE_NAME = lazy_compile(
    r"(?:[\w\-. ]+\.(?:jpe?g|png|gif|webp|heic|heif|bmp|tiff?)|(?:img|dsc|dscn|pxl|image)[_\-]?\d+\w*)", re.I | re.A
)
_NUMBERED = lazy_compile(r"[\s\d_\-]+$")
_WORDY = lazy_compile(r"\w")


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def _body_lines(analysis: Analysis) -> set[str]:
    """The body's text and each of its lines, as keys (built once per draft)."""
    text = analysis.text
    return {_key(text), *(_key(line) for line in text.splitlines() if line.strip())}


REASONS = {
    "word": ("「{alt}」だけでは何の画像か分かりません", '"{alt}" does not say what the picture shows'),
    "file": ("ファイル名（{alt}）は読み上げても意味が伝わりません", "a file name ({alt}) means nothing read aloud"),
    "body": (
        "本文と同じ文なので、読み上げでは同じことを 2 回聞くだけです",
        "it repeats the body text, so a screen reader says it twice",
    ),
    "symbols": ("絵文字や記号だけでは内容が伝わりません", "emoji and symbols alone say nothing"),
}


class AltText(Matcher):
    def __init__(self, words: frozenset[str]) -> None:
        self.words = words

    def _reason(self, alt: str, path: str, analysis: Analysis) -> str | None:
        key = _key(alt)
        if _NUMBERED().sub("", key) in self.words or key in self.words:
            return "word"
        stem = PurePosixPath(path).stem.lower() if path else ""
        if _FILE_NAME().fullmatch(key) or (stem and key in (stem, PurePosixPath(path).name.lower())):
            return "file"
        if not _WORDY().search(key):
            return "symbols"
        if len(key) >= 5 and key in analysis.memo("alt_body_lines", _body_lines):
            return "body"
        return None

    def draft_needs(self) -> list[tuple[str, Any]] | None:
        return [("pictures", True)]  # checked_entries() reads the front matter and the body's ![…]

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        for name, entry, line in checked_entries(analysis):
            alt, path = entry.get("alt"), entry.get("path")
            if name.startswith("videos[") or not isinstance(alt, str) or not alt.strip():
                continue
            reason = self._reason(alt.strip(), path if isinstance(path, str) else "", analysis)
            if reason:
                ja, en = REASONS[reason]
                shown = alt.strip()
                yield Hit(
                    line=line,
                    detail={
                        "path": path if isinstance(path, str) else name,
                        "reason": ja.format(alt=shown),
                        "reason_en": en.format(alt=shown),
                    },
                )


@kind("alt-text")
def compile_alt_text(spec: dict[str, Any], where: str) -> AltText:
    words = spec["alt-text"]
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise RuleError(
            where,
            "`alt-text` には、それだけでは意味のない alt の語のリストを書いてください",
            "`alt-text` is a list of alt texts that say nothing alone",
        )
    return AltText(frozenset(_key(w) for w in words))
