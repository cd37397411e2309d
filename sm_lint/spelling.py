"""The hint after an unknown name: the known name it is probably a misspelling of (fail_on →
fail-on), or else every name that can be written there."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sm_lint.errors import RuleError

_LOOKALIKE_DIGITS = str.maketrans("lIOo", "1100")


def hint(
    name: str, known: Iterable[str], prefix: str = "", otherwise: tuple[str, str] | None = None
) -> tuple[str, str]:
    """(Japanese, English) hint, each starting with a space, to append to the message;
    `otherwise` in place of the list of known names, where that list would be too long."""
    import difflib  # only when a name is wrong

    known = [str(k) for k in known]
    # A letter typed for a digit (JP-P10l, JP-P1O1) is a closer guess than difflib's, which
    # ranks JP-P101, JP-P102 and JP-P103 alike there.
    digits = name.translate(_LOOKALIKE_DIGITS)
    close = [digits] if digits != name and digits in known else difflib.get_close_matches(name, known, n=1)
    if close:
        return f" (「{prefix}{close[0]}」の誤りでは?)", f" (did you mean `{prefix}{close[0]}`?)"
    if otherwise is not None:
        return otherwise
    return f" (書ける項目: {', '.join(known)})", f" (known: {', '.join(known)})"


def refuse_unknown_keys(
    mapping: Mapping[str, object], known: Iterable[str], where: str, within: tuple[str, str] = ("", "")
) -> None:
    """A rule file's mapping with a key that is not in `known`: RuleError naming the first
    such key, with the hint. `within` says where, e.g. ("`person-name.年齢` に", " in `person-name.年齢`")."""
    known = [str(k) for k in known]
    unknown = sorted(str(k) for k in mapping if str(k) not in known)
    if unknown:
        ja, en = hint(unknown[0], known)
        raise RuleError(
            where,
            f"{within[0]}知らないキー `{unknown[0]}` があります{ja}",
            f"unknown key `{unknown[0]}`{within[1]}{en}",
        )
