"""Regenerate rules/lists/jmdict-derogatory.txt, jmdict-vulgar.txt and jmdict-person-faults.txt
from JMdict.

A maintainer's tool, not part of sm-lint (issue 23: lexicons from a licensed public source
instead of words written while reading rows). JMdict marks each sense of a word with usage
tags; the lists keep the words whose *every* sense is tagged derogatory (「侮蔑的」) or vulgar
(「卑語」), so a word with an ordinary sense (犬, 出る, 尺八, 駅弁) never enters, and that are
current Japanese (no sense tagged archaic, obsolete, obscure, dated, historical or rare).
Left out: forms of one character, and every entry one of whose forms another JMdict word or a
JMnedict name is also written as (kana compared alike): ちゅうごく (虫国) is also 中国, 男女
(おとこおんな) also danjo, 川田 a surname. JMdict's "sensitive" tag is not used: it marks ordinary
city words too (漁師, 移民).

jmdict-person-faults.txt is a lexicon of negative evaluations of a person: the adjectives and
nouns whose first (most common) sense JMdict glosses with one of the English words in FAULTS,
a seed of the semantic classes a reviewer stops (intelligence, sanity, manners, arrogance,
character, competence, looks, disgust), written for sm-lint. The seed is a few dozen English
words; JMdict brings the Japanese words, spellings and slang nobody wrote down here.

JMdict is read from the SQLite database of the PyPI package jamdict-data (not a dependency of
sm-lint; install it in a scratch environment):

    python -m venv /tmp/jm && /tmp/jm/bin/pip install jamdict-data==1.5
    /tmp/jm/bin/python tools/jmdict_lists.py
"""

from __future__ import annotations

import re
import sqlite3
import sys
import unicodedata
from pathlib import Path

LISTS = Path(__file__).resolve().parents[1] / "rules" / "lists"
TAGS = {"derogatory": "derogatory", "vulgar": "vulgar expression or word"}
OUTDATED = ("archaism", "obsolete term", "obscure term", "dated term", "historical term", "rare")
# English seed glosses of negative judgments of a person (written for sm-lint, MIT). Left out:
# words whose JMdict entries are mostly not about a person (nuts, pest, loser, nuisance, useless,
# pathetic, crazy as "extraordinary", senile as in 老人性, filthy, persistent).
FAULTS = {
    "stupid",
    "foolish",
    "fool",
    "idiot",
    "idiotic",
    "moron",
    "moronic",
    "dumb",
    "dimwit",
    "dim-witted",
    "slow-witted",
    "dull-witted",
    "brainless",
    "halfwit",
    "half-witted",
    "imbecile",
    "ignorant",
    "crazy",
    "insane",
    "lunatic",
    "rude",
    "impolite",
    "insolent",
    "impudent",
    "impertinent",
    "cheeky",
    "arrogant",
    "haughty",
    "conceited",
    "self-important",
    "pompous",
    "bossy",
    "stuck-up",
    "annoying",
    "irritating",
    "obnoxious",
    "obstinate",
    "stubborn",
    "pigheaded",
    "pig-headed",
    "selfish",
    "self-centered",
    "self-centred",
    "greedy",
    "stingy",
    "nasty",
    "spiteful",
    "malicious",
    "lazy",
    "lazybones",
    "incompetent",
    "good-for-nothing",
    "worthless",
    "clumsy",
    "sloppy",
    "ugly",
    "disgusting",
    "creepy",
    "repulsive",
    "shameless",
    "boorish",
    "uncouth",
    "tactless",
    "nosy",
    "nosey",
    "meddlesome",
    "busybody",
    "cowardly",
    "coward",
    "spineless",
    "contemptible",
    "despicable",
    "weirdo",
    "creep",
    "slob",
    "jerk",
    "scumbag",
    "hypocrite",
    "braggart",
    "whiner",
    "crybaby",
    "complainer",
    "grumbler",
    "know-it-all",
    "thick-headed",
    "thickheaded",
    "clueless",
}
# English seed glosses of sexual talk (written for sm-lint, MIT): the words a reviewer stops in a
# city post. Left out: clinical words (intercourse, breast, penis: health posts use them), and
# nude, naked, smut, bulge, indecent (裸婦像 in a museum, むき出しの配線, 黒穂病 a plant disease).
SEXUAL = {
    "erotic",
    "erotica",
    "lewd",
    "obscene",
    "obscenity",
    "dirty joke",
    "dirty jokes",
    "smutty",
    "porn",
    "porno",
    "pornography",
    "pornographic",
    "sexy",
    "horny",
    "randy",
    "pervert",
    "perverted",
    "lecher",
    "lecherous",
    "lewdness",
    "striptease",
    "stripper",
    "see-through",
    "groping",
    "to grope",
    "flirting",
    "to flirt",
    "making out",
    "hooking up",
    "one-night stand",
    "sex",
    "to have sex",
    "panty shot",
    "upskirt",
}
POS = (
    "adjective (keiyoushi)",
    "adjectival nouns or quasi-adjectives (keiyodoshi)",
    "noun (common) (futsuumeishi)",
    "expressions (phrases, clauses, etc.)",
)
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


def tagged(db: sqlite3.Connection, tag: str) -> set[int]:
    """The entries all of whose senses carry `tag`, none an outdated tag."""
    return {
        idseq
        for (idseq,) in db.execute(
            """select e.idseq from Sense e group by e.idseq
           having sum(exists(select 1 from misc m where m.sid = e.ID and m.text = ?)) = count(*)
              and sum(exists(select 1 from misc m where m.sid = e.ID and m.text in ({}))) = 0""".format(
                ",".join("?" * len(OUTDATED))
            ),
            (tag, *OUTDATED),
        )
    }


def _gloss_head(gloss: str) -> str:
    """ "rude (person)" -> "rude", "to be stupid" -> "stupid": the word the gloss is about."""
    gloss = re.sub(r"\s*\([^)]*\)", "", gloss).strip().lower()
    return re.sub(r"^(?:to be |a |an |being )", "", gloss)


def faulted(db: sqlite3.Connection, seed: set[str] = FAULTS, pos: tuple = POS, every_sense: bool = False) -> set[int]:
    """The entries of `pos` whose first sense's first gloss (JMdict's principal one) is a `seed`
    word, none outdated: 粘り強い (tenacious; persistent; stubborn) stays out of FAULTS. With
    `every_sense`, every sense's principal gloss must be one: お持ち帰り is also takeout food."""
    first = dict(db.execute("select idseq, min(ID) from Sense group by idseq"))
    pos_ok = {sid for (sid,) in db.execute(f"select sid from pos where text in ({','.join('?' * len(pos))})", pos)}
    outdated = {
        sid for (sid,) in db.execute(f"select sid from misc where text in ({','.join('?' * len(OUTDATED))})", OUTDATED)
    }
    principal = {}
    for sid, gloss in db.execute("select sid, text from SenseGloss where lang = 'eng' or lang is null order by rowid"):
        principal.setdefault(sid, gloss)
    glossed = {
        sid
        for sid, gloss in principal.items()
        if _gloss_head(gloss) in seed or _gloss_head(gloss).removesuffix(" person") in seed
    }
    chosen = {idseq for idseq, sid in first.items() if sid in glossed and sid in pos_ok and sid not in outdated}
    if every_sense:
        senses = {}
        for idseq, sid in db.execute("select idseq, ID from Sense"):
            senses.setdefault(idseq, []).append(sid)
        chosen = {idseq for idseq in chosen if all(sid in glossed for sid in senses[idseq])}
    return chosen


def forms(db: sqlite3.Connection, chosen: set[int]) -> list[str]:
    """The kanji and kana forms of the chosen entries, without the homographs (see the docstring)."""
    words = {}
    for table in ("Kanji", "Kana"):
        for idseq, text in db.execute(f"select idseq, text from {table}"):
            words.setdefault(unicodedata.normalize("NFKC", text), set()).add(idseq)
    names = {
        _kana_alike(unicodedata.normalize("NFKC", text))
        for table in ("NEKanji", "NEKana")
        for (text,) in db.execute(f"select text from {table}")
    }
    others = {_kana_alike(text) for text, ids in words.items() if ids - chosen} | names
    # a whole entry goes when one of its forms is shared: the matcher compares lemmas, and the
    # lemma of おとこおんな is 男女, so its kana form alone would still find 男女 (danjo)
    shared = {idseq for text, ids in words.items() if _kana_alike(text) in others for idseq in ids & chosen}
    return sorted(
        text
        for text, ids in words.items()
        if ids & (chosen - shared) and len(text) > 1 and _kana_alike(text) not in others
    )


def _kana_alike(text: str) -> str:
    """Katakana as hiragana, so that クリ and くり (栗) compare alike."""
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)


def main() -> int:
    import jamdict_data

    db = sqlite3.connect(Path(jamdict_data.__file__).with_name("jamdict.db"))
    version = dict(db.execute("select key, value from meta"))["jmdict.version"]
    outdated = f"with no sense tagged\n#   {', '.join(OUTDATED)}; forms longer than one character."
    for name, title, chosen, selection in (
        (
            "jmdict-derogatory.txt",
            "Derogatory words for people and groups (JMdict tag 'derog').",
            tagged(db, TAGS["derogatory"]),
            f"the entries every sense of which JMdict tags 'derogatory', {outdated}",
        ),
        (
            "jmdict-vulgar.txt",
            "Vulgar and obscene words (JMdict tag 'vulg').",
            tagged(db, TAGS["vulgar"]),
            f"the entries every sense of which JMdict tags 'vulgar', {outdated}",
        ),
        (
            "jmdict-person-faults.txt",
            "Negative judgments of a person: adjectives and nouns (JMdict glosses).",
            faulted(db),
            "the adjectives and nouns whose first sense's first gloss is an English word of\n"
            "#   FAULTS in tools/jmdict_lists.py (stupid, rude, arrogant, annoying, selfish, lazy, ugly, ...),\n"
            f"#   {outdated}",
        ),
        (
            "jmdict-sexual.txt",
            "Sexual talk: words whose principal JMdict gloss is erotic, lewd, porn, nude, ...",
            faulted(
                db,
                SEXUAL,
                (
                    *POS,
                    "noun or participle which takes the aux. verb suru",
                    "Godan verb with 'ru' ending",
                    "adverb taking the 'to' particle",
                    "onomatopoeic or mimetic word",
                ),
                every_sense=True,
            ),
            "the words every sense of which has for its first gloss an English word of SEXUAL in\n"
            f"#   tools/jmdict_lists.py (erotic, lewd, porn, nude, see-through, flirting, ...), {outdated}",
        ),
    ):
        words = forms(db, chosen)
        (LISTS / name).write_text(
            HEADER.format(title=title, version=version, selection=selection) + "\n".join(words) + "\n", encoding="utf-8"
        )
        print(f"{name}: {len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
