"""`front-matter: KEY`: one finding at the line of KEY (or at the top of the front matter
when KEY is absent). Used with the rule's `when:`, which says on which drafts it fires:
`when: {kind: reply}` + `front-matter: kind`. A draft without front matter never fires."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.errors import RuleError
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis


class AtKey(Matcher):
    def __init__(self, key: str) -> None:
        self.key = key

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        front = analysis.draft.front_matter
        if front:
            # A missing key is reported at the opening `---` (line 1), not at some other key.
            yield Hit(line=front.key_lines.get(self.key, 1), detail={"value": front.get(self.key, "")})


@kind("front-matter")
def compile_front_matter(spec: dict[str, Any], where: str) -> AtKey:
    key = spec["front-matter"]
    if not isinstance(key, str) or not key:
        raise RuleError(
            where,
            "`front-matter` には指摘する front matter のキー名を書いてください",
            "`front-matter` names the key the finding points at",
        )
    return AtKey(key)
