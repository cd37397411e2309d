"""Hypothesis strategies for hostile drafts, shared by the property tests and the campaign.

Drafts are built from realistic pieces (every rule's own examples) mixed with characters
that have broken text tools before: NUL, lone CR, BOMs, NFKC expansions (㍻ -> 平成),
half-width voiced kana, combining marks, emoji sequences, bidi controls, full-width URLs.
Lone surrogates are left out: no decoder produces them from a file.
"""

from __future__ import annotations

import yaml
from hypothesis import strategies as st

from sm_lint.rules.loader import load_rules

HOSTILE = [
    "\x00",
    "\r\n",
    "\r",
    "\n",
    "\t",
    "\x1b",
    "\x7f",
    "\x85",
    "\ufeff",
    "\u200b",
    "\u2028",
    "\u202e",
    "\u3000",
    "ﾊﾞ",
    "ｶﾞ",
    "ﾞ",
    "ﾟ",
    "ｱ",
    "A\u0301",
    "\u0301",
    "İ",
    "ß",
    "ﬁ",
    "㍻",
    "㌔",
    "①",
    "ｶﾟ",
    "\U0001f600",
    "👨\u200d👩\u200d👧",
    "🇯🇵",
    "𠮷",
    "\uffff",
    "\U0010ffff",
    "---",
    "---\n",
    "#",
    "＃",
    "@",
    "＠",
    "https://",
    "ｈｔｔｐｓ：／／",
    "www.",
    "[",
    "]",
    "(",
    ")",
    "（",
    "）",
    "「",
    "」",
    "。",
    "、",
    "！",
    "？",
    "\\",
    "{match}",
    "{",
    "}",
    "%s",
]


def _seeds() -> list[str]:
    texts = {t for rule in load_rules() for t in (*rule.invalid, *rule.valid)}
    return sorted(texts)


SEEDS = _seeds()


def _seed(index: int) -> str:
    return SEEDS[index]


ANY_CHAR = st.characters(exclude_categories=("Cs",))
piece = st.one_of(
    st.integers(0, len(SEEDS) - 1).map(_seed),  # not sampled_from: its repr lists every seed
    st.sampled_from(HOSTILE),
    st.text(alphabet=ANY_CHAR, max_size=12),
)
body = st.lists(piece, max_size=12).map("".join)

_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.text(alphabet=ANY_CHAR, max_size=10), body)
_data = st.recursive(
    _scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(
                st.sampled_from(["title", "platform", "date", "tags", "account"]),
                st.text(alphabet=ANY_CHAR, min_size=1, max_size=8),
            ),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=10,
)
front_matter = st.one_of(
    _data.map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
    st.lists(
        st.one_of(piece, st.sampled_from(["&a ", "*a", ": ", "- ", "[", "{", "!!binary ", "? ", "<<: "])), max_size=8
    ).map("".join),
)
draft = st.one_of(body, st.tuples(front_matter, body).map(lambda fb: f"---\n{fb[0]}\n---\n{fb[1]}"))
CODECS = ["utf-8", "utf-8-sig", "utf-16", "cp932", "euc_jp", "iso2022_jp"]
encoded = st.tuples(draft, st.sampled_from(CODECS)).map(lambda dc: dc[0].encode(dc[1], errors="ignore"))


def _padded(args) -> bytes:
    """Control bytes in front of a draft (once 'binary, skipped', exit 0)."""
    control, count, data = args
    return bytes([control]) * count + data


def _stray(args) -> bytes:
    """A draft with bytes put in at random places (once read as CP932 mojibake)."""
    data, inserts = args
    for where, byte in inserts:
        where = where % (len(data) + 1)
        data = data[:where] + bytes([byte]) + data[where:]
    return data


raw_bytes = st.one_of(
    st.binary(max_size=2000),
    st.tuples(st.integers(0, 31), st.integers(1, 3000), encoded).map(_padded),
    st.tuples(
        encoded, st.lists(st.tuples(st.integers(0, 10_000), st.integers(0x80, 0xFF)), min_size=1, max_size=4)
    ).map(_stray),
)
draft_bytes = st.one_of(encoded, raw_bytes)

# Long runs of one script with no break (a pasted base64 image, a URL's path, digits, kana):
# MeCab once made a token of every character past its 24-character grouping.
RUN_ALPHABETS = [
    "abcdefghijklmnopqrstuvwxyz",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=",
    "0123456789",
    "абвгдежзий",
    "アイウエオカキクケコー",
    "!?#$%&*-=",
    "😀😁😂",
]
long_run = st.tuples(
    body, st.sampled_from(RUN_ALPHABETS), st.integers(25, 200_000), st.randoms(use_true_random=False), body
).map(lambda a: a[0] + "".join(a[3].choice(a[1]) for _ in range(a[2])) + a[4])


def check_findings(text: str, findings) -> None:
    """Every finding lies within the text, slices to its `match` and has its own position."""
    from sm_lint.io.document import parse_draft

    parsed = parse_draft(text, "<text>")
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert text[f.start : f.end] == f.match, f
        assert parsed.position(f.start) == (f.line, f.column), f
        assert parsed.position(f.end) == (f.end_line, f.end_column), f


def lint_and_check(linter, text: str) -> None:
    """Lint any text: only a one-line InputError may come out, and the findings must be sound."""
    from sm_lint.errors import InputError

    try:
        findings = linter.lint_text(text)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    check_findings(text, findings)


def read_lint_and_check(linter, data: bytes) -> None:
    """Read any bytes as a draft and lint it, with the same promises as lint_and_check."""
    from sm_lint.errors import InputError
    from sm_lint.io.document import read_draft
    from sm_lint.settings.config import Config

    try:
        draft = read_draft("d.md", data)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    check_findings(draft.text, linter.lint_draft(draft, Config()))
