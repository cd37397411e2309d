"""Regenerate rules/lists/jmdict-derogatory.txt and rules/lists/jmdict-vulgar.txt from JMdict.

A maintainer's tool, not part of sm-lint (issue 23: lexicons from a licensed public source
instead of words written while reading rows). JMdict marks each sense of a word with usage
tags; the lists keep the words whose *every* sense is tagged derogatory (「侮蔑的」) or vulgar
(「卑語」), so a word with an ordinary sense (犬, 出る, 尺八, 駅弁) never enters, and that are
current Japanese (no sense tagged archaic, obsolete, obscure, dated, historical or rare).
Left out: forms of one character, and every entry one of whose forms another JMdict word or a
JMnedict name is also written as (kana compared alike): ちゅうごく (虫国) is also 中国, 男女
(おとこおんな) also danjo, 川田 a surname. JMdict's "sensitive" tag is not used: it marks ordinary city words too (漁師, 移民).

JMdict is read from the SQLite database of the PyPI package jamdict-data (not a dependency of
sm-lint; install it in a scratch environment):

    python -m venv /tmp/jm && /tmp/jm/bin/pip install jamdict-data==1.5
    /tmp/jm/bin/python tools/jmdict_lists.py
"""

from __future__ import annotations

import sqlite3
import sys
import unicodedata
from pathlib import Path

LISTS = Path(__file__).resolve().parents[1] / "rules" / "lists"
TAGS = {"derogatory": "derogatory", "vulgar": "vulgar expression or word"}
OUTDATED = ("archaism", "obsolete term", "obscure term", "dated term", "historical term", "rare")
HEADER = """\
# {title}
# Source: JMdict (Japanese-Multilingual Dictionary), version {version}, as compiled in the PyPI
#   package jamdict-data 1.5 (17 Apr 2021). Copyright James William Breen and the Electronic
#   Dictionary Research and Development Group (EDRDG). Licence: CC BY-SA 4.0
#   (https://www.edrdg.org/edrdg/licence.html); this derived list is under the same licence.
# Selection: {selection} Written out by tools/jmdict_lists.py on 2026-12-07; do not edit by hand,
#   add words to the rule's own list instead.
# One word a line, matched on whole tokens (kana-, width- and case-insensitive).
"""


def forms(db: sqlite3.Connection, tag: str) -> list[str]:
    """Kanji and kana forms of the entries all of whose senses carry `tag` and none an outdated tag."""
    rows = db.execute(
        """select e.idseq from Sense e group by e.idseq
           having sum(exists(select 1 from misc m where m.sid = e.ID and m.text = ?)) = count(*)
              and sum(exists(select 1 from misc m where m.sid = e.ID and m.text in ({}))) = 0"""
        .format(",".join("?" * len(OUTDATED))), (tag, *OUTDATED)).fetchall()
    chosen = {idseq for (idseq,) in rows}
    words = {}
    for table in ("Kanji", "Kana"):
        for idseq, text in db.execute(f"select idseq, text from {table}"):
            words.setdefault(unicodedata.normalize("NFKC", text), set()).add(idseq)
    names = {_kana_alike(unicodedata.normalize("NFKC", text))
             for table in ("NEKanji", "NEKana") for (text,) in db.execute(f"select text from {table}")}
    others = {_kana_alike(text) for text, ids in words.items() if ids - chosen} | names
    # a whole entry goes when one of its forms is shared: the matcher compares lemmas, and the
    # lemma of おとこおんな is 男女, so its kana form alone would still find 男女 (danjo)
    shared = {idseq for text, ids in words.items() if _kana_alike(text) in others for idseq in ids & chosen}
    return sorted(text for text, ids in words.items() if ids & (chosen - shared) and len(text) > 1
                  and _kana_alike(text) not in others)


def _kana_alike(text: str) -> str:
    """Katakana as hiragana, so that クリ and くり (栗) compare alike."""
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)


def main() -> int:
    import jamdict_data  # noqa: F401  (the scratch environment's package; see the docstring)

    db = sqlite3.connect(Path(jamdict_data.__file__).with_name("jamdict.db"))
    version = dict(db.execute("select key, value from meta"))["jmdict.version"]
    for name, title, tag in (
        ("jmdict-derogatory.txt", "Derogatory words for people and groups (JMdict tag 'derog').", "derogatory"),
        ("jmdict-vulgar.txt", "Vulgar and obscene words (JMdict tag 'vulg').", "vulgar"),
    ):
        selection = (f"the entries every sense of which JMdict tags '{TAGS[tag]}', with no sense tagged\n"
                     f"#   {', '.join(OUTDATED)}; forms longer than one character.")
        words = forms(db, TAGS[tag])
        (LISTS / name).write_text(HEADER.format(title=title, version=version, selection=selection)
                                  + "\n".join(words) + "\n", encoding="utf-8")
        print(f"{name}: {len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
