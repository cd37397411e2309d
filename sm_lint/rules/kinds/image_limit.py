"""`image-limit`: what each platform the draft goes to takes in its images, from the table
rules/platforms/images.yaml (overridable: `platforms.limits: {x-image-bytes: ...}`).

    match:
      image-limit: bytes     # count | bytes | pixels | aspect | animation | alt

A finding names the platform, the limit and the value measured, at the image's entry line.
`count` and `alt` read the draft only; the others read the image files (sm_lint/checks/images/pictures.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sm_lint.checks.images.entries import checked_entries, draft_pictures, image_entries
from sm_lint.checks.post.metadata import post_meta
from sm_lint.io import rulecache
from sm_lint.io.resources import rules_root
from sm_lint.io.yamlsafe import load_yaml
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.options import one_of
from sm_lint.rules.registry import kind

if TYPE_CHECKING:
    from sm_lint.checks.images.pictures import Picture
    from sm_lint.text.analysis import Analysis

NAMES = {
    "x": "X",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "line": "LINE",
    "youtube": "YouTube",
    "blog": "ブログ",
}
NAMES_EN = {**NAMES, "blog": "blog"}


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, Any]]:
    return rulecache.cached(
        rules_root() / "platforms" / "images.yaml", lambda path: load_yaml(path.read_text(encoding="utf-8"))
    )


def _platforms(analysis: Analysis) -> list[str]:
    platform = post_meta(analysis).get("platform")
    return [platform] if isinstance(platform, str) else list(platform or [])


def _limit(analysis: Analysis, platform: str, key: str) -> int | None:
    """The table's value, or the configuration's `platforms.limits.<platform>-image-<key>`
    (whole numbers both: the settings' schema and the table)."""
    overrides = analysis.config.section("platforms")["limits"]
    limit: int | None = overrides.get(f"{platform}-image-{key}", table().get(platform, {}).get(key))
    return limit


def _megabytes(size: int) -> str:
    return f"{size / 1048576:.1f} MB"


def _ratio(width: int, height: int) -> str:
    return f"{width}×{height} ({width / height:.2f}:1)"


def _count(analysis: Analysis, platform: str) -> Iterator[tuple[int, dict[str, str]]]:
    limit = _limit(analysis, platform, "count")
    images = image_entries(analysis)
    if limit and len(images) > limit:
        yield images[limit][1], {"value": f"{len(images)}", "limit": f"{limit}", "path": images[limit][0]}


def _bytes(picture: Picture, analysis: Analysis, platform: str) -> tuple[str, str, str, str] | None:
    gif = picture.animated and picture.format == "GIF"
    limit = (gif and _limit(analysis, platform, "gif-bytes")) or _limit(analysis, platform, "bytes")
    if limit and picture.size > limit:
        return _megabytes(picture.size), _megabytes(limit), _megabytes(picture.size), _megabytes(limit)
    return None


def _pixels(picture: Picture, analysis: Analysis, platform: str) -> tuple[str, str, str, str] | None:
    gif = "gif-" if picture.format == "GIF" else ""
    w, h = picture.width, picture.height
    minimum = _limit(analysis, platform, "min-width")
    if minimum and w < minimum:
        return f"幅 {w} px", f"幅 {minimum} px 以上", f"width {w} px", f"width at least {minimum} px"
    for axis, size, ja, en in (("width", w, "幅", "width"), ("height", h, "高さ", "height")):
        maximum = (gif and _limit(analysis, platform, f"gif-max-{axis}")) or _limit(analysis, platform, f"max-{axis}")
        if maximum and size > maximum:
            return f"{ja} {size} px", f"{ja} {maximum} px まで", f"{en} {size} px", f"{en} at most {maximum} px"
    return None


def _aspect(picture: Picture, analysis: Analysis, platform: str) -> tuple[str, str, str, str] | None:
    allowed = table().get(platform, {}).get("aspect")
    if not allowed or not picture.height:
        return None
    narrow, wide = allowed
    ratio = picture.width / picture.height
    if narrow - 0.005 <= ratio <= wide + 0.005:  # rounding of the ratio as cameras crop it
        return None
    measured = _ratio(picture.width, picture.height)
    return measured, f"{narrow:.2f}:1〜{wide:.2f}:1", measured, f"{narrow:.2f}:1 to {wide:.2f}:1"


def _animation(picture: Picture, analysis: Analysis, platform: str) -> tuple[str, str, str, str] | None:
    if picture.animated and table().get(platform, {}).get("animation") is False:
        return "アニメーション", "静止画", "animated", "a still image"
    return None


def _alt(analysis: Analysis, platform: str) -> Iterator[tuple[int, dict[str, str]]]:
    limit = _limit(analysis, platform, "alt")
    if not limit:
        return
    for name, entry, line in checked_entries(analysis):
        alt = entry.get("alt")
        if isinstance(alt, str) and len(alt) > limit:
            yield line, {"value": f"{len(alt)}", "limit": f"{limit}", "path": entry.get("path") or name}


_DRAFT_CHECKS = {"count": _count, "alt": _alt}
_FILE_CHECKS = {"bytes": _bytes, "pixels": _pixels, "aspect": _aspect, "animation": _animation}


class ImageLimit(Matcher):
    def __init__(self, check: str) -> None:
        self.check = check

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        for platform in _platforms(analysis):
            if platform not in table():
                continue
            names = {"platform": NAMES.get(platform, platform), "platform_en": NAMES_EN.get(platform, platform)}
            if self.check in _DRAFT_CHECKS:
                for line, detail in _DRAFT_CHECKS[self.check](analysis, platform):
                    yield Hit(
                        line=line, detail={**names, **detail, "value_en": detail["value"], "limit_en": detail["limit"]}
                    )
                continue
            for picture in draft_pictures(analysis):
                if picture.problem:
                    continue
                found = _FILE_CHECKS[self.check](picture, analysis, platform)
                if found:
                    value, limit, value_en, limit_en = found
                    yield Hit(
                        line=picture.line,
                        detail={
                            **names,
                            "path": picture.name,
                            "value": value,
                            "limit": limit,
                            "value_en": value_en,
                            "limit_en": limit_en,
                        },
                    )


@kind("image-limit")
def compile_image_limit(spec: dict[str, Any], where: str) -> ImageLimit:
    return ImageLimit(one_of(spec["image-limit"], (*_DRAFT_CHECKS, *_FILE_CHECKS), where, "image-limit"))
