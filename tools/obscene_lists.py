"""Regenerate rules/lists/ldnoobw-en.txt (English obscenity) and rules/lists/obscene-romaji.txt
(romaji of sm-lint's own Japanese obscene words).

A maintainer's tool, not part of sm-lint (issue 23: obscenity in English and romaji from a
licensed source, not words written while reading drafts).

ldnoobw-en.txt is a selection from the English file of the "List of Dirty, Naughty, Obscene and
Otherwise Bad Words" (© Shutterstock, Inc. and contributors, CC BY 4.0), read from the npm
package naughty-words 1.2.0 (`npm pack naughty-words@1.2.0`, en.json). Left out (LEAVE_OUT):
slurs and violence (other rules' categories), words with an ordinary or a medical sense a city
post in English may use (escort, butt, suck, fingering, skeet, scat, penis, sexuality,
intercourse, ...), brand and given names (playboy, twinkie, shota: 翔太) and words already in
obscene-words.txt. The list stays CC BY 4.0, as its source.

obscene-romaji.txt spells in Hepburn romaji the words of kana in obscene-words.txt and in
JP-P401 of rules/joetsu/illegal-obscene.yaml (both written for sm-lint, MIT), with the spellings
people type (ou / oo / o for a long o, nn / n for ん): a romaji draft (oppai, yariman, paizuri)
is read like a kana one. MIT, as its sources.

    python tools/obscene_lists.py path/to/naughty-words/package/en.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LISTS = ROOT / "rules" / "lists"
DATE = "2026-12-07"


def _words(text: str) -> list[str]:
    return text.split()


LEAVE_OUT = {
    # slurs, hate and violence: the discrimination and contempt rules' categories
    *_words("beaner beaners coon coons darkie kike negro nigga nigger nig nog paki raghead spic towelhead"),
    *_words("wetback slanteye honkey jigaboo jiggaboo jiggerboo pikey mong spastic fag faggot poof tranny"),
    *_words("bulldyke carpet muncher carpetmuncher fudge packer fudgepacker"),
    "white power",
    "neonazi",
    "swastika",
    "how to kill",
    "how to murder",
    "nig nog",
    "huge fat",
    "date rape",
    "daterape",
    "rape",
    "raping",
    "rapist",
    "pedophile",
    "paedophile",
    "pedobear",
    "nambla",
    "big black",
    "carpet muncher",
    "fudge packer",
    "god damn",
    "🖕",
    # an ordinary, artistic or medical sense (health and tourism posts in English use them)
    *_words("escort butt suck sucks fingering skeet scat snatch swinger sadism domination grope voyeur"),
    *_words("sexual tit xx bareback hooker"),  # sexual health, a bird, a placeholder, riding, rugby
    *_words("anus rectum penis vagina vulva genitals clitoris semen sexuality sexually intercourse"),
    *_words("ejaculation nudity pornography lovemaking undressing topless incest eunuch erotism"),
    *_words("homoerotic masturbation hardcore lolita spunk snowballing tosser bastardo bastinado"),
    "hard core",
    "tied up",
    "tight white",
    "tongue in a",
    "taste my",
    "girl on",
    "hot chick",
    "pleasure chest",
    "prince albert piercing",
    "leather restraint",
    "leather straight jacket",
    "tainted love",
    "jelly donut",
    "dirty pillows",
    "rosy palm",
    "mound of venus",
    "venus mound",
    "birdlock",
    "dolcett",
    "babeland",
    "cialis",
    "viagra",
    "santorum",
    "goodpoop",
    "hot carl",
    "tub girl",
    "octopussy",
    "sultry women",
    # names and brands: Shota (翔太) is a given name, Twinkie a cake, Playboy a magazine
    *_words("shota twink twinkie playboy bangbros bangbus thumbzilla voyeurweb goatcx"),
}

# Hepburn for the kana of the Japanese lists (hiragana; katakana is folded to it first).
_DIGRAPHS = {
    "きゃ": "kya",
    "きゅ": "kyu",
    "きょ": "kyo",
    "しゃ": "sha",
    "しゅ": "shu",
    "しょ": "sho",
    "ちゃ": "cha",
    "ちゅ": "chu",
    "ちょ": "cho",
    "にゃ": "nya",
    "にゅ": "nyu",
    "にょ": "nyo",
    "ひゃ": "hya",
    "ひゅ": "hyu",
    "ひょ": "hyo",
    "みゃ": "mya",
    "みゅ": "myu",
    "みょ": "myo",
    "りゃ": "rya",
    "りゅ": "ryu",
    "りょ": "ryo",
    "ぎゃ": "gya",
    "ぎゅ": "gyu",
    "ぎょ": "gyo",
    "じゃ": "ja",
    "じゅ": "ju",
    "じょ": "jo",
    "びゃ": "bya",
    "びゅ": "byu",
    "びょ": "byo",
    "ぴゃ": "pya",
    "ぴゅ": "pyu",
    "ぴょ": "pyo",
    "ふぁ": "fa",
    "ふぃ": "fi",
    "ふぇ": "fe",
    "ふぉ": "fo",
    "てぃ": "ti",
    "でぃ": "di",
    "しぇ": "she",
    "じぇ": "je",
    "ちぇ": "che",
}
_SINGLE = dict(
    zip(
        "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
        "がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽぁぃぅぇぉ",
        _words(
            "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho "
            "ma mi mu me mo ya yu yo ra ri ru re ro wa o n ga gi gu ge go za ji zu ze zo da ji zu de do "
            "ba bi bu be bo pa pi pu pe po a i u e o"
        ),
        strict=True,
    )
)


def _hiragana(word: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in word)


def _hepburn(kana: str) -> str:
    """One Hepburn spelling of hiragana; empty if it is not all kana."""
    out, i = "", 0
    while i < len(kana):
        pair, c = kana[i : i + 2], kana[i]
        if pair in _DIGRAPHS:
            syllable, i = _DIGRAPHS[pair], i + 2
        elif c in _SINGLE:
            syllable, i = _SINGLE[c], i + 1
        elif c == "っ" and i + 1 < len(kana):
            nxt = _hepburn(kana[i + 1 : i + 3]) or _hepburn(kana[i + 1])
            syllable, i = ("t" if nxt.startswith("ch") else nxt[:1]), i + 1
        elif c == "ー" and out:
            syllable, i = out[-1], i + 1
        else:
            return ""
        out += syllable
    return out


def romaji(word: str) -> set[str]:
    """The Hepburn spellings of a kana word people type (ou / o, oo / o, nn / n, tch / cch)."""
    out = _hepburn(_hiragana(word))
    if not out:
        return set()
    spellings = {out, out.replace("ou", "o"), out.replace("oo", "o"), out.replace("nn", "n"), out.replace("tch", "cch")}
    return {s for s in spellings if len(s) >= 4}


def _kana_words() -> set[str]:
    words = {w.strip() for w in (LISTS / "obscene-words.txt").read_text(encoding="utf-8").splitlines()}
    rules = (ROOT / "rules" / "joetsu" / "illegal-obscene.yaml").read_text(encoding="utf-8")
    block = rules.split("id: JP-P401", 1)[1].split("  - id:", 1)[0].split("except:", 1)[0]
    words |= {m.group(1) for m in re.finditer(r"^\s+- (?:\{word: )?([^\s,{}]+)", block, re.M)}
    return {w for w in words if w and not w.startswith("#") and re.fullmatch(r"[ぁ-んァ-ヶー]+", w)}


def main(en_json: str) -> int:
    own = {w.strip().lower() for w in (LISTS / "obscene-words.txt").read_text(encoding="utf-8").splitlines()}
    entries = [e.lower() for e in json.loads(Path(en_json).read_text(encoding="utf-8"))]
    kept = sorted({e for e in entries if e not in LEAVE_OUT and e not in own and re.fullmatch(r"[a-z0-9 &'-]+", e)})
    header = f"""\
# English obscenity, selected from the "List of Dirty, Naughty, Obscene and Otherwise Bad Words"
# (© Shutterstock, Inc. and contributors), file en of npm naughty-words 1.2.0; licence CC BY 4.0,
# https://creativecommons.org/licenses/by/4.0/ . Changed: entries selected (slurs, violence,
# words with an ordinary or medical sense, names and brands and words already in
# obscene-words.txt left out: tools/obscene_lists.py, LEAVE_OUT); written out on {DATE}; do not
# edit by hand. This list: CC BY 4.0. Read by JP-P405 as whole words, case-insensitive.
"""
    (LISTS / "ldnoobw-en.txt").write_text(header + "".join(re.escape(e).replace("\\ ", " ") + "\n" for e in kept))
    spelled = sorted({r for w in _kana_words() for r in romaji(w)} - own - {"erro"})  # erro: Portuguese
    header = f"""\
# Romaji (Hepburn, with the spellings people type: ou / o, nn / n) of the kana words of
# obscene-words.txt and JP-P401, so that a draft written in romaji is read like one in kana.
# Source: those lists (written for sm-lint, MIT); written out by tools/obscene_lists.py on
# {DATE}; do not edit by hand. Licence: MIT. Read by JP-P402 as whole tokens.
"""
    (LISTS / "obscene-romaji.txt").write_text(header + "".join(f"{r}\n" for r in spelled))
    print(f"ldnoobw-en.txt: {len(kept)} of {len(entries)}; obscene-romaji.txt: {len(spelled)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
