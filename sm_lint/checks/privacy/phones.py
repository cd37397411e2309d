"""Phone numbers found by `phonenumbers` (libphonenumber's metadata for every JP format:
fixed 0AB-J, 070/080/090, 050, 0120/0800, 0570, +81, parentheses, full width via the view)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from sm_lint.settings.loader import string_list
from sm_lint.text.lazyre import lazy_compile

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

    from sm_lint.settings.config import Config
    from sm_lint.text.analysis import Analysis

# phonenumbers.PhoneNumberType values (libphonenumber's enum), named here so that the
# library (about 10 ms to import) loads only for drafts that hold a number at all.
TYPE_NAMES = {
    0: "fixed-line",  # FIXED_LINE
    1: "mobile",  # MOBILE
    2: "fixed-line",  # FIXED_LINE_OR_MOBILE
    3: "toll-free",  # TOLL_FREE
    4: "premium-rate",  # PREMIUM_RATE
    5: "shared-cost",  # SHARED_COST
    6: "voip",  # VOIP
    7: "personal-number",  # PERSONAL_NUMBER
    8: "pager",  # PAGER
    9: "uan",  # UAN
    10: "voicemail",  # VOICEMAIL
}
# Nine digits or more, allowing the separators numbers are written with: no JP number is shorter.
_DIGITS = re.compile(r"\d(?:[\s()\-.\u2010-\u2015\u2212\u30fc]{0,3}\d){8,}")


def check_directory(value: dict[str, Any], where: str) -> dict[str, Any]:
    from sm_lint.errors import ConfigError

    for name, numbers in value.items():
        for number in string_list(numbers, where, f"directory.{name}"):
            if e164(number) is None:
                raise ConfigError(
                    where,
                    f"`directory.{name}`: {number!r} は電話番号として読めません",
                    f"`directory.{name}`: {number!r} is not a phone number",
                )
    return dict(value)


# `directory:` is the city's official numbers by office (広報対話課: 025-526-5111), one or a list
# each: a number on the same line as an office's name, or in the same exchange as one of them,
# must be one of these (JP-Q105); they are never personal information either.
def directory(config: Config) -> dict[str, tuple[str, ...]]:
    """E.164 number -> the offices it is listed under, parsed once per configuration."""
    return config.memo("directory.numbers", _directory)


def _directory(config: Config) -> dict[str, tuple[str, ...]]:
    numbers: dict[str, tuple[str, ...]] = {}
    for name, listed in config.section("directory").items():
        for number in string_list(listed, "directory", name):
            key = e164(number)
            if key is not None:  # not a phone number: nothing can be compared with it
                numbers[key] = (*numbers.get(key, ()), str(name))
    return numbers


class Phone(NamedTuple):
    start: int
    end: int
    type: str  # a TYPE_NAMES value, or "unknown"
    allowed: bool  # on the configured allow-list or in the directory (the city's own numbers)
    number: str  # E.164
    office: bool = False  # written right after an office's name: the office's number (_OFFICE)


def e164(text: str) -> str | None:
    import phonenumbers

    try:
        number = phonenumbers.parse(text, "JP")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):  # 内線1234: digits, but no phone number
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _type(number: PhoneNumber) -> str | None:
    import phonenumbers

    if phonenumbers.is_valid_number(number):
        return TYPE_NAMES.get(phonenumbers.number_type(number), "unknown")
    # Not (yet) allocated in the metadata, but shaped like a mobile number (0X0 + 8 digits,
    # 060 included): a draft's number is as personal whether or not the block is in use.
    national = str(number.national_number)
    if len(national) == 10 and national[0] in "6789" and national[1] == "0":
        return "mobile"
    return None  # a bare digit string (12345678, 1234-5678) that is no phone number


def _allowed(config: Config) -> frozenset[str]:
    """The configured numbers in E.164 (`privacy.allowed_phones` and the `directory`), parsed
    once per configuration."""
    allowed = (e164(p) for p in config.section("privacy")["allowed_phones"])
    return frozenset(number for number in allowed if number is not None) | set(directory(config))


# An organisational unit (〜課, 〜係, 〜室, 〜局, 〜センター, 〜所, 〜館, 役場...) right before a
# number, in brackets or after a colon, optionally with a phone label: 市民生活課(025-520-5671),
# 保険年金課 TEL：025-…, 南出張所（電話 025-…）. The number is that office's, not a person's, so
# it neither rises beside a private name nor makes a name identifying (issue 23, round15).
# Not 住所/場所 (an address label), and not a name between office and number (課 高橋（…）).
# Not a class or a room either (ninth pass): a 料理教室 or 書道教室 is often a person's own, run
# from home, and 和室/自室 is no unit. Written for sm-lint, 2026-12-07, MIT.
_OFFICE = lazy_compile(  # compiled once a draft has a number
    r"(?:[課係局署館]|(?<![教和洋自寝])室|(?<![住場居])所|センター|事務局|役場|窓口)\s*"
    r"(?:[（(]\s*|[:：]\s*|\s)(?:(?:電話|でんわ|☎|℡|tel|TEL|Tel)(?:番号)?\s*[:：]?\s*)?\(?$"
)
_OFFICE_REACH = 24


def _after_office(text: str, line_start: int, start: int) -> bool:
    return _OFFICE().search(text, max(line_start, start - _OFFICE_REACH), start) is not None


# How far around a run of digits the matcher looks: enough for "+81 (0)" before it and a
# closing bracket after it.
_REACH = 8


def _find(analysis: Analysis) -> tuple[Phone, ...]:
    text = analysis.text
    runs = list(_DIGITS.finditer(text))
    if not runs:
        return ()
    import phonenumbers

    allowed = analysis.config.memo("privacy.allowed_phones", _allowed)
    found: dict[tuple[int, int], Phone] = {}
    # The matcher runs on a short window around each run of digits, not on the whole draft:
    # scanning all of it cost four times as much and found no other number.
    for run in runs:
        line_start, line_end = analysis.line_span(run.start(), run.end())
        offset = max(line_start, run.start() - _REACH)
        window = text[offset : min(line_end, run.end() + _REACH)]
        for match in phonenumbers.PhoneNumberMatcher(window, "JP", leniency=phonenumbers.Leniency.POSSIBLE):
            if not match.raw_string.lstrip("(").startswith(("0", "+")):
                continue
            kind = _type(match.number)
            if kind is None:
                continue
            number = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            start = offset + match.start
            if match.raw_string.count("(") > match.raw_string.count(")"):
                start += 1  # 「（090-…」: the bracket opens the aside, not the number
            office = _after_office(text, line_start, start)
            found[start, offset + match.end] = Phone(start, offset + match.end, kind, number in allowed, number, office)
    return tuple(found[key] for key in sorted(found))


def phones(analysis: Analysis) -> tuple[Phone, ...]:
    return analysis.memo("privacy.phones", _find)
