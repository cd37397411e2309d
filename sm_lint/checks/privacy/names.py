"""Private persons' names from UniDic tags (名詞-固有名詞-人名-姓/名).

A name is a run of proper nouns that either ends in an honorific (山田さん, 上野宇野様) or is a
surname followed by a given name (石川有彩). Rare given names split into common nouns, so a
short kanji run that starts with a surname (any dictionary reading), or a surname and a kana
noun (田中ひなたさん), also counts before an honorific (平野可野さん) or in brackets right after
a phone number (090-…（根本保菜）). A lone surname is not a name: 高田公園 and 直江津駅 are
places. Names in a public role (市長 中川幹太, 講師：山田太郎さん) and the configured officials
are marked public, so they never make a draft identify a private person.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, NamedTuple

from sm_lint.checks.privacy import within
from sm_lint.checks.privacy.lists import word_list
from sm_lint.checks.privacy.phones import Phone, phones
from sm_lint.checks.privacy.settings import compact, privacy
from sm_lint.text.lazyre import lazy_compile
from sm_lint.text.textnorm import fold
from sm_lint.text.tokenizer import Lexeme, Token, Tokens, is_surname
from sm_lint.text.urls import under

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

_PUNCT_BETWEEN = set(" :：・、")
_BRACKETED = lazy_compile(r"\s?[（(]([\u4e00-\u9fff々]{3,5})[)）]")
_BRACKET_REACH = 8  # a space, a bracket, five kanji, a bracket: what the two bracket patterns read
# A local number without its area code (523-1111) or with it, as a contact written beside a name.
_LOCAL = lazy_compile(r"(?<![\d\-－‐.])(?:0\d{1,4}\s?[-－‐]\s?)?\d{3}\s?[-－‐]\s?\d{4}(?![\d\-－‐.])")
# What may stand between a lone surname and its number: a space, brackets, まで / へ / に, a colon.
_BESIDE = lazy_compile(r"[\s（()）:：、]*(?:まで|へ|に|宛)?[\s（()）:：、]*")
# A role in a group of citizens (not 担当 or 係: a city post signs its staff contact 担当 木村 with
# the city's number; a public role, 市長 or 課長, makes the name public: _public below).
_ROLE_BEFORE = lazy_compile(
    r"(?:長|委員|会員|代表|幹事|世話人|世話役|役員|理事|当番|部員|会計|書記|主催|主宰|発起人)[のは:：・、\s]*$"
)
# A roster of a citizens' group earlier on the line (見守り当番：月曜 宮本（545-…）、火曜 荒井…): each
# surname beside a number after it is a member's (ninth pass). Not 長 alone (市長, 課長).
_ROSTER = lazy_compile(r"(?:当番|委員|会員|代表|幹事|世話人|世話役|役員|理事|部員|会計|書記|班長|組長|区長|会長)[:：]")
_ROLE_AFTER = lazy_compile(r"(?:まで|へ|宛)|\s*[（(][^）)\n]{0,12}(?:委員|会員|代表|幹事|長)")


class Name(NamedTuple):
    start: int  # view offsets of the name itself
    end: int
    stop: int  # end including the honorific
    text: str
    public: bool


_PROPER = ("人名", "地名")


def _proper(t: Token | Lexeme) -> bool:
    return t.pos2 == "固有名詞" and t.pos3 in _PROPER


def _is_kanji(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" or c in "々ヶ" for c in text)


def _run(tokens: Tokens, i: int) -> int:
    """Index after the run of name-like tokens starting at i (a trailing short kanji noun is
    allowed: MeCab splits rare given names, 大野|見季)."""
    j = i
    while j < len(tokens):
        t = tokens[j]
        adjacent = j == i or t.start - tokens[j - 1].end <= 1  # 山口　貴裕 keeps one space
        if not adjacent:
            break
        if _proper(t) or (
            j > i
            and t.pos1 == "名詞"
            and len(t.surface) <= 2
            and _is_kanji(t.surface)
            and t.pos2 != "普通名詞"
            and t.pos3 != "助数詞"
        ):
            j += 1
        else:
            break
    return j


def _kanji_run_before(text: str, end: int) -> int:
    start = end
    while start > 0 and _is_kanji(text[start - 1]):
        start -= 1
    return start


def _surname_led(run: str) -> bool:
    """A full name: 2–5 kanji, a surname first, not ending like a role or place (職員, 市)."""
    if not 2 <= len(run) <= 5 or run[-1] in word_list("not-name-endings"):
        return False
    if len(run) == 2:
        return is_surname(run)
    return any(is_surname(run[:k]) for k in range(1, min(3, len(run) - 1) + 1))


def _kana_given_name(surname: Token, given: Token, honorific: Token) -> bool:
    """田中|ひなた|さん: a surname, then a kana noun the tagger did not know as a name."""
    return (
        surname.end == given.start
        and given.end == honorific.start
        and (surname.pos4 == "姓" or (_is_kanji(surname.surface) and is_surname(surname.surface)))
        and given.pos1 == "名詞"
        and 2 <= len(given.surface) <= 5
        and all("\u3041" <= c <= "\u30fa" or c == "ー" for c in given.surface)
    )


_KANA_HONORIFICS = frozenset(("さん", "ちゃん", "くん"))


def _hiragana(text: str) -> bool:
    return all("\u3041" <= c <= "\u3096" or c == "ー" for c in text)


def _names_a_group(tokens: Tokens, k: int) -> bool:
    """ひよこ|ちゃん|クラス, りす|さん|チーム: the honorific inside a group's or a class's name (a
    common noun right after it), not after a person's."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) and tokens[k + 1].start == tokens[k].end else None
    return nxt is not None and nxt.pos1 == "名詞" and nxt.pos2 == "普通名詞" and nxt.surface not in ("宅", "家")


def _kana_name(tokens: Tokens, k: int) -> int:
    """Index of the first token of a given name in hiragana that the tagger did not know, right
    before the honorific tokens[k] (ひなた|さん, しずか|さん, こと|ね|さん, 「さくら」さん), or -1.
    The name is 2 to 5 kana of nouns or adjectival nouns (a final particle inside it: ことね),
    after no other kana word (会員の|ひなた, not これから|みな), and no relation (じい|ちゃん)."""
    end = k
    if k >= 3 and tokens[k - 1].surface == "」" and tokens[k - 1].start == tokens[k - 2].end:
        end = k - 1  # 「さくら」さん: the quote ends right before the honorific
    i = end
    while i > 0 and _hiragana(tokens[i - 1].surface) and tokens[i - 1].end == tokens[i].start:
        t = tokens[i - 1]
        if not (t.pos1 in ("名詞", "形状詞") or (t.pos1 == "助詞" and t.pos2 == "終助詞")):
            break
        i -= 1
    if i == end or tokens[i].pos1 == "助詞":
        return -1
    run = "".join(t.surface for t in tokens[i:end])
    if not 2 <= len(run) <= 5 or run in word_list("not-kana-names") or tokens[i].pos3 == "副詞可能":
        return -1
    before = tokens[i - 1] if i > 0 else None
    if end < k:  # quoted: the opening quote right before it, not a name given to a noun (カフェ「ひなた」さん)
        if before is None or before.surface != "「" or before.end != tokens[i].start:
            return -1
        named = i >= 2 and tokens[i - 2].end == before.start and tokens[i - 2].pos1 in ("名詞", "接尾辞")
        return -1 if named else i
    if before is not None and before.end == tokens[i].start and before.pos1 not in ("助詞", "補助記号", "記号"):
        return -1  # a kana run inside a longer word or phrase (これからみな, お|じい)
    return i


def _split_names(analysis: Analysis, taken: set[int], places: frozenset[str]) -> list[tuple[int, int, int]]:
    """(start, end, stop) of surname-led kanji runs before an honorific or in brackets after
    a phone number, where the token pass found nothing."""
    text = analysis.text
    honorifics = word_list("honorifics")
    found = []
    tokens = analysis.tokens
    # One look at each distinct word: the word lists' token index is built only where they need it.
    for k in tokens.where(lambda t: t.key in honorifics):
        t = tokens[k]
        if t.pos1 != "接尾辞" or t.start in taken:
            continue
        start = _kanji_run_before(text, t.start)
        run = text[start : t.start]
        # A surname the tagger took for a common noun (大橋|さん) counts too (issue 23).
        if len(run) >= 2 and _surname_led(run) and fold(run) not in places:
            found.append((start, t.start, t.end))
        elif k >= 2 and _kana_given_name(tokens[k - 2], tokens[k - 1], t):
            found.append((tokens[k - 2].start, t.start, t.end))
        elif k >= 3 and tokens[k - 1].surface == "」" and tokens[k - 3].surface == "「" and _proper(tokens[k - 2]):
            # 「よしこ」さん: a name quoted, then the honorific (eighth pass)
            name = tokens[k - 2]
            if name.pos3 == "人名" and name.start not in taken:
                found.append((name.start, name.end, t.end))
        elif (
            t.surface in _KANA_HONORIFICS
            and not _names_a_group(tokens, k)
            and (i := _kana_name(tokens, k)) >= 0
            and tokens[i].start not in taken
        ):
            # a given name in hiragana the tagger did not know (ひなた|さん, 「さくら」さん): ninth pass
            quoted = tokens[k - 1].surface == "」"
            found.append((tokens[i].start, tokens[k - 1].start if quoted else t.start, t.end))
    found.extend(_surnames_beside_numbers(analysis, taken, places))
    for phone in phones(analysis):
        m = _BRACKETED().match(text, phone.end, phone.end + _BRACKET_REACH)
        if m and m.start(1) not in taken and _surname_led(m.group(1)) and fold(m.group(1)[:2]) not in places:
            found.append((m.start(1), m.end(1), m.end(1)))
    # Ninth pass: a surname in brackets right after a private contact other than a phone, an
    # e-mail address, an @handle or a LINE ID (LINE ID: yuka_0123（佐々木）): the contact's owner.
    contacts = [e.end for e in analysis.entities if e.kind in ("email", "mention")]
    if "id" in analysis.folded:
        contacts += [m.end() for m in _LINE_ID().finditer(text)]  # an ID named as one: LINE ID: …
    for end in contacts:
        m = _BRACKETED_SURNAME().match(text, end, end + _BRACKET_REACH)
        run = m.group(1) if m else ""
        if m and m.start(1) not in taken and fold(run) not in places and (is_surname(run) or _surname_led(run)):
            found.append((m.start(1), m.end(1), m.end(1)))
    return found


_BRACKETED_SURNAME = lazy_compile(r"\s?[（(]([\u4e00-\u9fff々]{2,5})[)）]")
_LINE_ID = lazy_compile(r"(?i:line|ライン)\s*(?i:id)\s*[:：]?\s*[A-Za-z0-9_.\-]{4,}")


def _surnames_beside_numbers(analysis: Analysis, taken: set[int], places: frozenset[str]) -> list[tuple[int, int, int]]:
    """A lone surname (UniDic 人名-姓, not a place) written right beside a phone number, local or
    full (班長 木村 520-3318, 実行委員の木村まで（522-4790）, 544-3309 木村（実行委員）): a
    contact list of private people, which the honorific would otherwise have to announce."""
    text, tokens = analysis.text, analysis.tokens
    allowed = [p for p in phones(analysis) if p.allowed]  # the city's own numbers, by start
    starts = [p.start for p in allowed]
    reach = max((p.end - p.start for p in allowed), default=0)  # an overlapping one starts this near
    found = []
    seen: set[int] = set()  # a surname between two numbers is beside both: one name
    contacts = [(m.start(), m.end(), True) for m in _LOCAL().finditer(text)]
    contacts += [(start, end, False) for start, end in _private_ids(analysis)]
    for m_start, m_end, is_number in contacts:
        if is_number and _overlaps(allowed, starts, reach, m_start, m_end):
            continue
        line_start, line_end = analysis.line_span(m_start, m_end)
        before = _kanji_run_before(text, m_start - len(_before_gap(text, line_start, m_start)))
        beside = _BESIDE().match(text, m_end, line_end)
        after = beside.end() if beside else m_end
        for start in (before, after):
            i = analysis.token_index(start)
            if i >= len(tokens) or tokens[i].start != start or start in taken or start in seen:
                continue
            t = tokens[i]
            nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].start == t.end else None
            if (
                # a surname by its tag, or one the tagger took for a place or a common noun
                # (小柳, 堀川): the person's context below decides
                (t.pos4 == "姓" or (2 <= len(t.surface) <= 3 and _is_kanji(t.surface) and is_surname(t.surface)))
                and fold(t.surface) not in places
                and not (nxt is not None and nxt.pos1 in ("名詞", "接尾辞") and nxt.pos2 != "数詞")
                # a person's context: a role before (班長, 実行委員の), まで after, a role in brackets
                # after; not a district beside a number (木田 526-…, 木田 is also a surname). A
                # personal ID (LINE, a private e-mail, an @handle) is a person's context itself.
                and (
                    not is_number
                    or _ROLE_BEFORE().search(text, max(line_start, t.start - 10), t.start)
                    or _ROSTER().search(text, max(line_start, t.start - 40), t.start)
                    or _ROLE_AFTER().match(text, t.end, line_end)
                )
                and not _public(analysis, t.start, t.end, t.end)
            ):
                found.append((t.start, t.end, t.end))
                seen.add(t.start)
    return found


def _private_ids(analysis: Analysis) -> list[tuple[int, int]]:
    """Spans of the contacts other than a phone that only a person has: a LINE ID (LINE:
    kuroda_flea), an @handle, an e-mail address outside the city's own domains (ninth pass)."""
    own = [d.lower() for d in privacy(analysis)["allowed_email_domains"]]
    found = [
        (e.start, e.end)
        for e in analysis.entities
        if e.kind == "mention"
        # the city's domain or a subdomain of one, as JP-I105 reads it (not any domain that
        # merely ends in those letters: xcity.joetsu.lg.jp is someone else's)
        or (e.kind == "email" and not any(under(e.text.lower().rsplit("@", 1)[1], d) for d in own))
    ]
    if "line" in analysis.folded or "らいん" in analysis.folded:
        found += [m.span() for m in _LINE_CONTACT().finditer(analysis.text)]
    return sorted(found)


# A LINE ID written as a contact (LINE: kuroda_flea, LINE ID：yuka_0123, ライン kuroda).
_LINE_CONTACT = lazy_compile(r"(?i:line|ライン)\s*(?i:id)?\s*[:：]?\s*[A-Za-z0-9_.\-]{4,}")


def _overlaps(spans: list[Phone], starts: list[int], reach: int, start: int, end: int) -> bool:
    """Whether one of `spans` (sorted by start, none longer than `reach`) overlaps start..end:
    only those that start near are looked at (each number against all of the city's was
    quadratic in a long list of them)."""
    for k in range(bisect_left(starts, start - reach + 1), len(spans)):
        if spans[k].start >= end:
            return False
        if start < spans[k].end:
            return True
    return False


def _before_gap(text: str, line_start: int, end: int) -> str:
    """The separators right before a number (a space, a bracket, まで): what _BESIDE allows."""
    start = end
    while start > line_start and text[start - 1] in " \u3000（()）:：、":
        start -= 1
    for word in ("まで", "へ", "に", "宛"):
        if text.endswith(word, line_start, start):
            start -= len(word)
            while start > line_start and text[start - 1] in " \u3000（()）:：、":
                start -= 1
            break
    return text[start:end]


_ROLE_REACH = 64
# The head of an office of a public body joined to the name by の (市民生活課長の高橋亘, 中央図書館
# 長の…, 市長の…): an official. Not a group's role (会長の, 代表の, 委員長の: a citizen's, which
# the public-roles list takes only when written right before the name). Issue 23, round15.
# Written for sm-lint, 2026-12-07, MIT.
_OFFICE_HEAD = lazy_compile(
    r"(?:(?:[課係室局署館所校園]|センター|副?市|町|村|教育|議)長|知事|議員|市議|県議|大臣)(?:の|である)$"
)


def _public(analysis: Analysis, start: int, end: int, stop: int) -> bool:
    text = analysis.text
    roles = word_list("public-roles")
    # Only the end of the line before the name can hold a role: looking at no more than
    # _ROLE_REACH characters keeps one name O(1) (a long line of names was quadratic).
    line_start = max(analysis.line_span(start, end)[0], start - _ROLE_REACH)
    before = text[line_start:start].rstrip("".join(_PUNCT_BETWEEN))
    after = text[stop : stop + 6]
    folded_before, folded_after = fold(before), fold(after)
    if _OFFICE_HEAD().search(folded_before):
        return True
    return any(folded_before.endswith(r) or folded_after.startswith(r) for r in roles)


def _find(analysis: Analysis) -> tuple[Name, ...]:
    tokens = analysis.tokens
    honorifics = word_list("honorifics")
    places = word_list("surname-places")
    allowed = {compact(n) for n in privacy(analysis)["allowed_names"]}
    found: list[Name] = []
    after = 0  # the end of the last run: runs never overlap
    # A run starts at a proper noun.
    for i in tokens.where(_proper):
        if i < after:
            continue
        j = after = _run(tokens, i)
        run = tokens[i:j]
        nxt = tokens[j] if j < len(tokens) and tokens[j].start == run[-1].end else None
        honorific = nxt is not None and nxt.key in honorifics and nxt.pos1 in ("接尾辞", "名詞")
        persons = [t for t in run if t.pos3 == "人名"]
        if honorific:
            ok = bool(persons) or all(_proper(t) for t in run)
        else:
            # 姓 + 名 (or two name parts), not a place, not the head of a compound (田中町内会)
            ok = (
                len(persons) >= 2
                and run[0].pos4 == "姓"
                and not any(t.key in places for t in run)
                and not (nxt is not None and nxt.pos1 == "名詞" and nxt.pos2 == "普通名詞")
            )
        if ok:
            start, end = run[0].start, run[-1].end
            stop = nxt.end if honorific and nxt is not None else end
            text = analysis.text[start:end]
            if compact(text) not in allowed:
                found.append(Name(start, end, stop, text, _public(analysis, start, end, stop)))
    taken = {n.end for n in found} | {n.start for n in found}
    for start, end, stop in _split_names(analysis, taken, places):
        text = analysis.text[start:end]
        if compact(text) not in allowed:
            found.append(Name(start, end, stop, text, _public(analysis, start, end, stop)))
    found.sort(key=lambda n: n.start)
    return tuple(n for n in found if not _CHARACTER().search(analysis.text, max(0, n.start - 12), n.start))


# A mascot or a character is named like a person but is none (マスコットキャラクターのミルルさん,
# ゆるキャラ・ミルルさん; the city's own, レルヒさん, is in rules/city.yaml). Ninth pass, issue 23;
# written for sm-lint, 2026-12-08, MIT.
_CHARACTER = lazy_compile(r"(?:キャラクター|キャラ|マスコット)(?:の|・|、|\s|「)*[ァ-ヶー]{0,3}$")


def names(analysis: Analysis) -> tuple[Name, ...]:
    return analysis.memo("privacy.names", _find)


def private_name_near(analysis: Analysis, start: int, end: int, window: int) -> Name | None:
    """A private person's name on the same line within `window` characters of the span."""
    line_start, line_end = analysis.line_span(start, end)
    for name in within(names(analysis), line_start, line_end):
        if name.public:
            continue
        if name.start - end > window:  # and so are the names after it
            break
        if start - name.stop <= window:
            return name
    return None
