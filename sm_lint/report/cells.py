"""Terminal cells of text, as rich.cells counts them (full-width characters take two), without
importing rich for the characters drafts are mostly made of: importing rich.cells (rich's
package and its tables of character widths) cost a draft with findings, written to a pipe,
about 7 M instructions, 1% of its cold start (issue 25). Any other character is measured by
rich.cells itself.

The ranges below have the same width in every Unicode version rich ships a table for
(tests/test_startup.py compares them character by character), so `UNICODE_VERSION`, which
picks rich's table, changes nothing here either.
"""

from __future__ import annotations

from functools import lru_cache

from sm_lint.text.lazyre import lazy_compile

# ASCII letters, digits and signs take one cell; CJK punctuation, kana, the CJK ideographs of
# Unicode 4.1 and the full-width forms take two.
NARROW = ((0x20, 0x7E),)
WIDE = (
    (0x3000, 0x301F),
    (0x3041, 0x3096),
    (0x309B, 0x309E),
    (0x30A1, 0x30FE),
    (0x4E00, 0x9FBB),
    (0xFF01, 0xFF60),
    (0xFFE0, 0xFFE6),
)
_KNOWN = lazy_compile("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in (*NARROW, *WIDE)) + "]*")


def cell_len(text: str) -> int:
    """rich.cells.cell_len(text). Only short texts are cached, as rich caches them: a whole
    line of a long draft, kept in the cache, would undo the memory a draft may use."""
    return _short_cell_len(text) if len(text) < 512 else _cell_len(text)


@lru_cache(maxsize=4096)
def _short_cell_len(text: str) -> int:
    return _cell_len(text)


def _cell_len(text: str) -> int:
    if _KNOWN().fullmatch(text):
        narrow = len(text.encode("ascii", "ignore"))  # every known character outside ASCII is wide
        return narrow + 2 * (len(text) - narrow)
    from rich.cells import cell_len as measured

    return measured(text)


def char_cells(char: str) -> int:
    """rich.cells.get_character_cell_size(char)."""
    if _KNOWN().fullmatch(char):
        return 1 if char.isascii() else 2
    from rich.cells import get_character_cell_size

    return get_character_cell_size(char)
