"""`account`: the draft's `account:` against the accounts in the configuration (section
`accounts`: id -> name, platform, department). Checks only when accounts are configured.
`account: unknown` (not a configured id), `account: missing` (no `account:`),
`account: platform` (the draft's `platform:` is not the account's)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.checks.post.metadata import post_meta
from sm_lint.errors import RuleError
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

_CHECKS = ("unknown", "missing", "platform")


class AccountCheck(Matcher):
    def __init__(self, check: str) -> None:
        self.check = check

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        accounts = analysis.config.section("accounts")
        front = analysis.draft.front_matter
        if not accounts or not front:
            return
        meta = post_meta(analysis)
        name = meta.get("account")
        known = ", ".join(map(str, accounts))
        if self.check == "missing" and name is None and "account" not in front:
            yield Hit(line=1, detail={"known": known})
        elif self.check == "unknown" and name is not None and name not in accounts:
            yield Hit(line=front.line_of("account"), detail={"value": name, "known": known})
        elif self.check == "platform" and name in accounts and "platform" in front:
            expected = (accounts[name] or {}).get("platform")
            platform = meta.get("platform")
            # a post for several platforms names its account's among them
            listed = platform if isinstance(platform, list) else [platform] if platform else []
            if expected and listed and expected not in listed:
                yield Hit(
                    line=front.line_of("platform"),
                    detail={"value": ", ".join(listed), "account": name, "expected": expected},
                )


@kind("account")
def compile_account(spec: dict[str, Any], where: str) -> AccountCheck:
    if spec["account"] not in _CHECKS:
        raise RuleError(
            where, f"`account` は {', '.join(_CHECKS)} のいずれかです", f"`account` is one of: {', '.join(_CHECKS)}"
        )
    return AccountCheck(spec["account"])
