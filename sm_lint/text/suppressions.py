"""Suppressions that carry a reason: the front matter's `sm-lint: {allow: [...]}` (the whole
draft) and inline `<!-- sm-lint-allow JP-P101: 理由 -->` (the next line). A guideline is
applied by people with judgement, so a suppression is valid only with its reason (and, in the
front matter, who approved it); an invalid one suppresses nothing and is itself a finding."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from sm_lint.findings import Finding
from sm_lint.io.document import Draft
from sm_lint.text.lazyre import lazy_compile

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

_INLINE = lazy_compile(
    r"<!--\s*sm-lint-allow\s+(?P<ids>[\w-]+(?:\s*,\s*[\w-]+)*)\s*(?::\s*(?P<reason>.*?))?\s*-->", re.S
)
# Any comment that starts with "sm-lint" is meant for us: one that is not a suppression as
# written above (sm-lint: disable-next-line, a missing rule id) would otherwise do nothing unseen.
_DIRECTIVE = lazy_compile(r"<!--\s*sm[-_ ]?lint\b.*?-->", re.S | re.I)


def _text(value: object) -> str | None:
    if isinstance(value, date):  # `until: 2027-03-31` is a date to YAML
        return value.isoformat()
    return value.strip() if isinstance(value, str) and value.strip() else None


# An inline waiver's owner and expiry follow its reason: `理由 by: 広報対話課 until: 2027-03-31`.
_OWNER_EXPIRY = lazy_compile(
    r"\s*[(（]?\s*\b(by|until)\s*[:：=]\s*(.+?)(?=\s+(?:by|until)\s*[:：=]|\s*[)）]?\s*$)", re.S
)


def _inline_reason(text: str | None) -> tuple[str | None, str | None, str | None]:
    """(reason, by, until) of an inline waiver's text."""
    if text is None:
        return None, None, None
    found = {m.group(1): m.group(2).strip() for m in _OWNER_EXPIRY().finditer(text)}
    first = _OWNER_EXPIRY().search(text)
    return _text(text[: first.start()] if first else text), found.get("by"), found.get("until")


class Suppression(NamedTuple):
    rule: str
    reason: str | None
    approved_by: str | None
    line: int  # where it is written
    target: int | None  # the line it covers; None: the whole draft
    inline: bool
    by: str | None = None  # who owns the waiver (answers for it until it ends)
    until: str | None = None  # the last day it applies, YYYY-MM-DD

    @property
    def expiry(self) -> date | None:
        try:
            return date.fromisoformat(self.until) if self.until else None
        except ValueError:
            return None

    def expired(self, today: date | None = None) -> bool:
        """Past its `until:` day: it suppresses nothing any more, and is an error itself."""
        return self.expiry is not None and self.expiry < (today or date.today())

    @property
    def missing(self) -> tuple[str, ...]:
        needed = ("reason",) if self.inline else ("reason", "approved_by")
        return tuple(k for k in needed if getattr(self, k) is None)

    def covers(self, finding: Finding) -> bool:
        return finding.rule == self.rule and (self.target is None or finding.line <= self.target <= finding.end_line)

    @property
    def label(self) -> str:
        """What `suppressed_by` says, for the approver's audit."""
        where = "sm-lint-allow" if self.inline else "sm-lint.allow"
        who = f" (approved_by: {self.approved_by})" if self.approved_by else ""
        return f"{where} line {self.line}: {self.reason}{who}"


def draft_suppressions(analysis: Analysis) -> list[Suppression]:
    """The draft's suppressions, read once per draft (the runner and two rules need them)."""
    found: list[Suppression] = analysis.memo("suppressions", lambda a: suppressions(a.draft))
    return found


def suppressions(draft: Draft) -> list[Suppression]:
    if "sm-lint" not in draft.text:  # most drafts: no need to look further
        return []
    found: list[Suppression] = []
    settings = draft.front_matter.get("sm-lint") if draft.front_matter else None
    allow = settings.get("allow") if isinstance(settings, dict) else None
    for item in allow if isinstance(allow, list) else []:
        if isinstance(item, dict) and _text(item.get("rule")):  # other shapes: the schema reports them
            found.append(
                Suppression(
                    item["rule"].strip(),
                    _text(item.get("reason")),
                    _text(item.get("approved_by")),
                    getattr(item, "line", 1),
                    None,
                    False,
                    _text(item.get("by")),
                    _text(item.get("until")),
                )
            )
    for m in () if draft.plain else _INLINE().finditer(draft.text, draft.body_start):
        line = draft.position(m.start())[0]
        end_line = draft.position(m.end())[0]
        reason, by, until = _inline_reason(m.group("reason"))
        for rule in re.split(r"\s*,\s*", m.group("ids")):
            found.append(Suppression(rule, reason, None, line, end_line + 1, True, by, until))
    return found


def malformed(draft: Draft) -> list[int]:
    """Lines of comments addressed to sm-lint that are not a suppression it can read (in a
    plain-text draft every such comment is reported by `posted`)."""
    if "<!--" not in draft.text or draft.plain:
        return []
    return [
        draft.position(m.start())[0]
        for m in _DIRECTIVE().finditer(draft.text, draft.body_start)
        if not _INLINE().fullmatch(m.group())
    ]


def _after(value: str | None) -> str:
    """A YAML value after its key's colon, or nothing for a person to fill in."""
    return f" {value}" if value else ""


def posted(draft: Draft) -> list[tuple[int, str | None]]:
    """Comments addressed to sm-lint in the body of a plain-text draft, which would be posted
    with the text: (line, the front matter that says the same, when it is a suppression)."""
    if "<!--" not in draft.text or not draft.plain:
        return []
    found = []
    for m in _DIRECTIVE().finditer(draft.text, draft.body_start):
        inline = _INLINE().fullmatch(m.group())
        block = None
        if inline:
            reason, by, until = _inline_reason(inline.group("reason"))
            # what the comment did not say is left for a person to fill in (JP-M110, JP-M115 until then)
            block = "sm-lint:\n  allow:\n" + "\n".join(
                f"    - rule: {rule}\n      reason:{_after(reason)}\n      approved_by:\n      by:{_after(by)}\n"
                f"      until:{_after(until)}"
                for rule in re.split(r"\s*,\s*", inline.group("ids"))
            )
            if not draft.body_start:  # no front matter yet: the whole block, with its lines
                block = f"---\n{block}\n---"
        found.append((draft.position(m.start())[0], block))
    return found
