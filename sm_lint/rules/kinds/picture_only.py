"""`picture-only`: a post with images whose body is about a `topic` (an event notice) but says
nothing that matches one of the `needs` (a date, a place, a contact): that information is
probably only in the picture, which a screen reader, a slow connection or a text-only
notification never shows (4(1)). One hit, at the topic's first mention.

    match:
      picture-only: '開催|イベント|説明会'          # the topic
      needs:
        - {label: 日時, label-en: date, pattern: '\\d+月\\d+日|曜日'}
        - {label: 場所, label-en: place, pattern: '会場|場所'}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.checks.images.entries import checked_entries
from sm_lint.errors import RuleError
from sm_lint.rules import grading
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind
from sm_lint.spelling import refuse_unknown_keys
from sm_lint.text.saferegex import UserRegex

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis


class PictureOnly(Matcher):
    def __init__(self, topic: UserRegex, needs: list[tuple[str, str, UserRegex]]) -> None:
        self.topic = topic
        self.needs = needs  # (label, label_en, pattern)

    def signs(self) -> list[tuple[str, Any]] | None:
        return [("text", self.topic.sign)]

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        if not any(not name.startswith("videos[") for name, _, _ in checked_entries(analysis)):
            return
        text = analysis.text
        first = self.topic.search(text)
        if first is None:
            return
        missing = [(ja, en) for ja, en, pattern in self.needs if not pattern.search(text)]
        if missing:
            yield Hit(
                first.start(),
                first.end(),
                detail={
                    "missing": "・".join(ja for ja, _ in missing),
                    "missing_en": ", ".join(en for _, en in missing),
                },
            )


@kind("picture-only", options=("needs",))
def compile_picture_only(spec: dict[str, Any], where: str) -> PictureOnly:
    needs = spec.get("needs")
    if not isinstance(needs, list) or not needs or not all(isinstance(n, dict) for n in needs):
        raise RuleError(
            where,
            "`needs` には {label, label-en, pattern} のリストを書いてください",
            "`needs` is a list of {label, label-en, pattern}",
        )
    compiled = []
    for need in needs:
        refuse_unknown_keys(need, ("label", "label-en", "pattern"), where, ("`needs` の項目に", " in a `needs` item"))
        label, label_en = need.get("label"), need.get("label-en", need.get("label"))
        if not isinstance(label, str) or not label or not isinstance(label_en, str) or not label_en:
            raise RuleError(where, "`needs` の各項目には label が必要です", "each `needs` item needs a label")
        compiled.append((label, label_en, grading.pattern(need.get("pattern"), where, "needs.pattern")))
    return PictureOnly(grading.pattern(spec["picture-only"], where, "picture-only"), compiled)
