"""`limit`: a platform's length limit (4(4)②), counted as the platform counts (sm_lint/checks/post/counting.py).

    match:
      limit: x-weighted        # characters | utf16 | bytes | hashtags | x-weighted | bubbles | media
      max: 280
      setting: x-length        # optional: config `platforms.limits.x-length` overrides max
      field: body              # body (default) or title (the front-matter `title:`)
      per: bubble              # optional: count each LINE speech bubble on its own
      delivery: manager        # optional: only when config `platforms.line_delivery` is this
    match:
      forbid: "<>"             # instead of a limit: characters the platform rejects

The rule's `when: {platform: ...}` says which drafts it applies to. A finding gives the count,
the limit and the place where the text crosses it. `media` counts the photos and videos (the
front matter's entries and the body's Markdown images) and reports the first one over.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.checks.images.entries import checked_entries
from sm_lint.checks.post.counting import MEASURES, TOTALS, PostText, crossing, post_text, split_lines
from sm_lint.errors import RuleError
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.options import optional_text
from sm_lint.rules.registry import kind

if TYPE_CHECKING:
    from sm_lint.settings.config import Config
    from sm_lint.text.analysis import Analysis

_OPTIONS = ("max", "setting", "field", "per", "delivery")


def _texts(analysis: Analysis, field: str) -> tuple[list[PostText], int | None]:
    """The texts to count and, for a front-matter field, the line to report."""
    draft = analysis.draft
    if field == "title":
        title = draft.front_matter.get("title") if draft.front_matter else None
        if not isinstance(title, str):
            return [], None
        return [PostText(title, array("I", range(len(title) + 1)))], draft.front_matter.line_of("title")
    # Every limit rule counts the same text: build it once per draft.
    return [analysis.memo("post_text", lambda a: post_text(a.draft.body, a.draft.body_start))], None


def _hit(analysis: Analysis, start: int, end: int, line: int | None, detail: dict[str, Any]) -> Hit:
    """A hit from original offsets (or at a front-matter line)."""
    if line is not None:
        return Hit(line=line, detail=detail)
    view = analysis.view
    return Hit(view.from_original(start), view.from_original(end), detail=detail)


class Limit(Matcher):
    def __init__(
        self, measure: str, maximum: int, setting: str | None, field: str, per: str | None, delivery: str | None
    ):
        self.measure, self.maximum, self.setting = measure, maximum, setting
        self.field, self.per, self.delivery = field, per, delivery

    def limit_for(self, config: Config) -> int | None:
        """The limit under `config` (`platforms.limits` overrides), None where this LINE
        delivery is not the configured one."""
        settings = config.section("platforms")
        if self.delivery and settings["line_delivery"] != self.delivery:
            return None
        limit: int = settings["limits"].get(self.setting, self.maximum) if self.setting else self.maximum
        return limit

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        settings = analysis.config.section("platforms")
        limit = self.limit_for(analysis.config)
        if limit is None:
            return
        if self.measure == "media":
            media = checked_entries(analysis)
            if len(media) > limit:
                yield Hit(
                    line=media[limit][2], detail={"count": len(media), "limit": limit, "over": len(media) - limit}
                )
            return
        texts, line = _texts(analysis, self.field)
        for post in texts:
            if self.measure == "bubbles":
                bubbles = split_lines(post, settings["line_marker"])
                if len(bubbles) > limit:
                    yield _hit(
                        analysis,
                        bubbles[limit].offsets[0],
                        post.offsets[-1],
                        line,
                        {"count": len(bubbles), "limit": limit, "over": len(bubbles) - limit},
                    )
                continue
            parts = split_lines(post, settings["line_marker"]) if self.per == "bubble" else [post]
            measure, scale = MEASURES[self.measure]
            for n, part in enumerate(parts, 1):
                if TOTALS[self.measure](part) <= limit * scale:
                    continue
                total, first_over = crossing(measure(part), limit, scale)
                if first_over is not None:
                    several = len(parts) > 1  # which bubble, when there are several
                    yield _hit(
                        analysis,
                        part.offsets[first_over],
                        part.offsets[-1],
                        line,
                        {
                            "count": total,
                            "limit": limit,
                            "over": total - limit,
                            "part": f"{n} 個目の" if several else "",
                            "part_en": f" (number {n})" if several else "",
                        },
                    )


class Forbid(Matcher):
    def __init__(self, chars: str, field: str) -> None:
        self.chars, self.field = chars, field

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        texts, line = _texts(analysis, self.field)
        for post in texts:
            for i, ch in enumerate(post.text):
                if ch in self.chars:
                    yield _hit(analysis, post.offsets[i], post.offsets[i] + 1, line, {"char": ch})
                    if line is not None:
                        break  # one finding per front-matter line


def _field(spec: dict[str, Any], where: str) -> str:
    field: str = spec.get("field", "body")
    if field not in ("body", "title"):
        raise RuleError(where, "`field` は body か title です", "`field` is body or title")
    return field


@kind("limit", options=_OPTIONS)
def compile_limit(spec: dict[str, Any], where: str) -> Limit:
    measure = spec["limit"]
    counted = [*MEASURES, "bubbles", "media"]
    if measure not in counted:
        raise RuleError(
            where,
            f"`limit` で数えられるのは {', '.join(counted)} のいずれかです",
            f"`limit` counts one of: {', '.join(counted)}",
        )
    maximum = spec.get("max")
    if not isinstance(maximum, int) or isinstance(maximum, bool) or maximum <= 0:
        raise RuleError(where, "`max` は正の整数で書いてください", "`max` is a positive number")
    if spec.get("per") not in (None, "bubble") or spec.get("delivery") not in (None, "manager", "api"):
        raise RuleError(
            where, "`per` は bubble、`delivery` は manager か api です", "`per` is bubble; `delivery` is manager or api"
        )
    setting = optional_text(spec.get("setting"), where, "setting")  # a key of `platforms.limits`
    return Limit(measure, maximum, setting, _field(spec, where), spec.get("per"), spec.get("delivery"))


@kind("forbid", options=("field",))
def compile_forbid(spec: dict[str, Any], where: str) -> Forbid:
    chars = spec["forbid"]
    if not isinstance(chars, str) or not chars:
        raise RuleError(
            where,
            "`forbid` には使ってはいけない文字を並べた文字列を書いてください",
            "`forbid` is a string of the characters not allowed",
        )
    return Forbid(chars, _field(spec, where))
