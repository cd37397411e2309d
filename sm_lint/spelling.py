"""The hint after an unknown name: the known name it is probably a misspelling of (fail_on →
fail-on), or else every name that can be written there."""

from __future__ import annotations

from typing import Iterable

from sm_lint.errors import RuleError


def hint(name: str, known: Iterable[str], prefix: str = "") -> tuple[str, str]:
    """(Japanese, English) hint, each starting with a space, to append to the message."""
    import difflib  # only when a name is wrong

    known = [str(k) for k in known]
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f" (「{prefix}{close[0]}」の誤りでは?)", f" (did you mean `{prefix}{close[0]}`?)"
    return f" (書ける項目: {', '.join(known)})", f" (known: {', '.join(known)})"


def refuse_unknown_keys(mapping, known: Iterable[str], where: str, within: tuple[str, str] = ("", "")) -> None:
    """A rule file's mapping with a key that is not in `known`: RuleError naming the first
    such key, with the hint. `within` says where, e.g. ("`person-name.年齢` に", " in `person-name.年齢`")."""
    known = [str(k) for k in known]
    unknown = sorted(str(k) for k in mapping if str(k) not in known)
    if unknown:
        ja, en = hint(unknown[0], known)
        raise RuleError(where, f"{within[0]}知らないキー `{unknown[0]}` があります{ja}",
                        f"unknown key `{unknown[0]}`{within[1]}{en}")
