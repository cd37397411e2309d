"""`image`: what the image files themselves say (sm_lint/checks/images/pictures.py), at the entry's line.

    match:
      image: missing      # missing | unreadable | outside | location | personal

`missing` / `unreadable`: the file named is not there, or is no image a platform takes (or is
cut short). `outside`: its real path leaves the folder being checked or the repository (`../`,
an absolute path, a symbolic link out), so it was not read. `location`: the Exif or XMP GPS
position; the message gives how precisely it tells the place and the area to a tenth of a
degree (about 10 km), never the full coordinates.
`personal`: the camera owner, serial numbers, creator and comments. A draft with no place on
disk (a rule example without `draft:`, stdin with no --stdin-filename) has no images to read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from sm_lint.checks.images.entries import draft_pictures
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.options import one_of
from sm_lint.rules.registry import kind

if TYPE_CHECKING:
    from sm_lint.checks.images.pictures import Picture
    from sm_lint.text.analysis import Analysis


def _precision(metres: float) -> tuple[str, str]:
    if metres < 1:
        return "1 m 未満", "under 1 m"
    if metres < 1000:
        return f"約 {metres:.0f} m", f"about {metres:.0f} m"
    return f"約 {metres / 1000:.0f} km", f"about {metres / 1000:.0f} km"


def _area(picture: Picture) -> tuple[str, str]:
    assert picture.gps is not None  # only pictures with a position get here
    lat, lon = picture.gps.latitude, picture.gps.longitude
    ns, ew = ("北緯", "N") if lat >= 0 else ("南緯", "S"), ("東経", "E") if lon >= 0 else ("西経", "W")
    return (
        f"{ns[0]} {abs(lat):.1f} 度・{ew[0]} {abs(lon):.1f} 度付近",
        f"near {abs(lat):.1f}°{ns[1]} {abs(lon):.1f}°{ew[1]}",
    )


def _problem(problem: str, picture: Picture) -> dict[str, str] | None:
    """Pictures that could not be read for `problem` (missing, unreadable, outside)."""
    return {} if picture.problem == problem else None


def _location(picture: Picture) -> dict[str, str] | None:
    if picture.gps is None:
        return None
    (precision, precision_en), (area, area_en) = _precision(picture.gps.precision), _area(picture)
    return {"precision": precision, "precision_en": precision_en, "area": area, "area_en": area_en}


def _personal(picture: Picture) -> dict[str, str] | None:
    if not picture.personal:
        return None
    from sm_lint.checks.images.pictures import LABELS

    return {
        "fields": "、".join(f"{LABELS[k][0]}「{v}」" for k, v in picture.personal),
        "fields_en": ", ".join(f'{LABELS[k][1]} "{v}"' for k, v in picture.personal),
    }


_CHECKS: dict[str, Callable[[Picture], dict[str, str] | None]] = {
    **{problem: partial(_problem, problem) for problem in ("missing", "unreadable", "outside")},  # picklable
    "location": _location,
    "personal": _personal,
}


class ImageFile(Matcher):
    def __init__(self, check: str) -> None:
        self.check = _CHECKS[check]
        # `--fix` strips the metadata of the images these rules report (sm_lint/checks/images/strip.py)
        self.strips = check in ("location", "personal")

    def draft_needs(self) -> list[tuple[str, Any]] | None:
        return [("pictures", True)]  # checked_entries() reads the front matter and the body's ![…]

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        for picture in draft_pictures(analysis):
            found = self.check(picture)
            if found is not None:
                yield Hit(line=picture.line, detail={"path": picture.name, **found})


@kind("image")
def compile_image(spec: dict[str, Any], where: str) -> ImageFile:
    return ImageFile(one_of(spec["image"], _CHECKS, where, "image"))
