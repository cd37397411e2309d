"""The pictures of a draft, read once per draft: headers and metadata only, never the pixels.

An image is named by the front matter's `images:` (or a Markdown image in the body), relative
to the draft's folder. What is read: the format, the size in pixels and bytes, whether it is
animated, the GPS position and what names a person (the camera owner, serial numbers, the
creator and comments of Exif, XMP, IPTC and PNG text). Reading stops where the pixels begin
(a JPEG's SOS, a PNG's IDAT data is skipped by seeking), so a 12-megapixel photo costs a few
kilobytes of reading (bench/images.py counts them).

The rules read these facts (sm_lint/rules/kinds/image_file.py); `--fix` removes the metadata
without touching the pixels (sm_lint/checks/images/strip.py).
"""

from __future__ import annotations

import contextlib
import os
import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from sm_lint.checks.images.containers import GIF_APPLICATION, GIF_COMMENT, GIF_XMP, PNG_TEXT, gif_blocks, png_chunks
from sm_lint.checks.images.entries import image_entries
from sm_lint.io.inputs import Outside, draft_roots, open_within, outside_of

if TYPE_CHECKING:
    from PIL import Image, ImageFile

    from sm_lint.text.analysis import Analysis

# Exif tags (CIPA DC-008) whose values name a person or a camera that can be traced to one.
EXIF_IFD, GPS_IFD = 0x8769, 0x8825
ORIENTATION = 0x0112
PERSONAL_IFD0 = {0x013B: "artist", 0x9C9D: "xp_author", 0x9C9C: "xp_comment"}
PERSONAL_EXIF = {0xA430: "owner", 0xA431: "serial", 0xA435: "lens_serial", 0x9286: "user_comment"}
MAKER_NOTE = 0x927C  # vendor data, often the owner's name and the serial: removed with the rest
MAKE = 0x010F
# Maker notes that keep the owner's name in a tag of their own (an IFD in the Exif's byte order,
# offsets from the TIFF header): Canon's OwnerName (ExifTool's Canon tags, 0x0009, ASCII).
OWNER_IN_MAKER_NOTE = {"Canon": 0x0009}
LABELS = {
    "artist": ("撮影者 (Artist)", "Artist"),
    "xp_author": ("作成者 (XPAuthor)", "XPAuthor"),
    "xp_comment": ("コメント (XPComment)", "XPComment"),
    "owner": ("カメラの所有者名", "camera owner"),
    "serial": ("カメラのシリアル番号", "camera serial number"),
    "lens_serial": ("レンズのシリアル番号", "lens serial number"),
    "user_comment": ("コメント (UserComment)", "UserComment"),
    "xmp_creator": ("XMP の作成者", "XMP creator"),
    "xmp_comment": ("XMP の説明", "XMP description"),
    "iptc_creator": ("IPTC の作成者", "IPTC by-line"),
    "iptc_comment": ("IPTC のキャプション", "IPTC caption"),
    "comment": ("埋め込みコメント", "embedded comment"),
    "png_text": ("PNG のテキスト", "PNG text"),
    "maker_owner": ("メーカーノートの所有者名", "maker note owner name"),
}
# PNG text keywords that name a person or say something about the picture (not `Software`).
PNG_PERSONAL = {"author", "artist", "creator", "comment", "description", "copyright", "title"}
_XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"
_XMP_EXTENSION = b"http://ns.adobe.com/xmp/extension/\x00"
_XMP_CREATOR = re.compile(rb"<dc:creator>.*?<rdf:li[^>]*>([^<]*)</rdf:li>", re.S)
_XMP_COMMENT = re.compile(rb"<dc:description>.*?<rdf:li[^>]*>([^<]*)</rdf:li>", re.S)
_XMP_GPS = re.compile(rb"GPSLatitude(?:=\"|>)(\d+),(\d+)(?:\.(\d+))?([NS])")
_XMP_LONGITUDE = re.compile(rb"GPSLongitude(?:=\"|>)(\d+),(\d+(?:\.\d+)?)([EW])")
_TAIL = {"JPEG": b"\xff\xd9", "PNG": b"IEND\xaeB`\x82", "GIF": b"\x3b"}  # how a whole file ends
_METRES_PER_DEGREE = 111_320


class Gps(NamedTuple):
    latitude: float
    longitude: float
    precision: float  # metres: the finest step the recorded value can tell


@dataclass(frozen=True)
class Picture:
    """One image of a draft as read. `problem` is `missing` or `unreadable` when no facts
    could be read, `outside` when its real path leaves the folder being checked or the
    repository (a `../` path, an absolute one, a link out: never read); `outside` (the field)
    when the file is not in the draft's own folder tree, or is reached through a link (read if
    within the repository, never fixed)."""

    name: str  # as the draft writes it
    line: int  # of its entry
    file: Path
    problem: str | None = None
    format: str = ""
    width: int = 0
    height: int = 0
    size: int = 0  # bytes
    animated: bool = False
    gps: Gps | None = None
    personal: tuple[tuple[str, str], ...] = ()  # (label key, value)
    outside: bool = False
    read: int = field(default=0, compare=False)  # bytes read (bench/images.py)


def pictures(analysis: Analysis) -> tuple[Picture, ...]:
    """The draft's images, read once per draft whatever the number of rules that ask."""
    return analysis.memo("pictures", _pictures)


def draft_folder(path: str) -> Path | None:
    """Where a draft's images are looked for; None for a text with no place on disk (a rule
    example, stdin without --stdin-filename)."""
    if not path or path == "-" or path.startswith("<"):
        return None
    return Path(path).parent


def _pictures(analysis: Analysis) -> tuple[Picture, ...]:
    folder = draft_folder(analysis.draft.path)
    if folder is None:
        return ()
    within = analysis.draft.within or None  # a draft linted from its text alone: found from its path
    return tuple(read_picture(folder, name, line, within=within) for name, line in image_entries(analysis))


def inside(folder: Path, file: Path) -> bool:
    """Whether `file` lies in the draft's folder tree with no symbolic link on the way (a link
    could make a fix write anywhere)."""
    try:
        relative = file.relative_to(folder)
    except ValueError:
        return False
    if ".." in relative.parts:
        return False
    step = folder
    for part in relative.parts:
        step = step / part
        if step.is_symlink():
            return False
    return True


def read_picture(
    folder: Path, name: str, line: int, opener: Callable[..., Any] = open, within: tuple[str, ...] | None = None
) -> Picture:
    """The facts of the image `name` of a draft in `folder`, if its real path is in `within`
    (the draft's repository, or the folder being checked; by default found from `folder`).
    `opener` makes the file object from the descriptor (bench/images.py counts the bytes)."""
    file = folder / name
    base = Picture(name, line, file, outside=not inside(folder, file))
    roots = within if within is not None else draft_roots(Path(os.path.abspath(folder)))
    if outside_of(file, roots) is not None:  # whether or not it exists: no probing of files outside
        return _replace(base, problem="outside")
    try:
        # checked again on the open file: a link swapped in after the check is never read either
        fd = open_within(file, roots)
        try:
            handle = opener(fd, "rb")
        except BaseException:  # the descriptor is the opener's only once it has made a file of it
            os.close(fd)
            raise
        with handle:
            facts = _read(handle)
    except Outside:
        return _replace(base, problem="outside")
    except FileNotFoundError:
        return _replace(base, problem="missing")
    except (OSError, SyntaxError, ValueError, struct.error, EOFError, zlib.error):
        # Pillow says "cannot identify image file" with an OSError (UnidentifiedImageError),
        # and a broken header with SyntaxError or ValueError.
        return _replace(base, problem="unreadable")
    return _replace(base, **facts)


def _replace(picture: Picture, **changes: Any) -> Picture:
    from dataclasses import replace

    return replace(picture, **changes)


def _read(handle: BinaryIO) -> dict[str, Any]:
    from PIL import Image

    size = os.fstat(handle.fileno()).st_size
    image = Image.open(handle)  # reads the header (a JPEG's markers up to SOS), no pixels
    image_format = image.format or ""
    tail = _TAIL.get(image_format)
    if tail:  # a file cut short (an interrupted copy) cannot be posted: its end is missing
        handle.seek(max(0, size - 64))
        if tail not in handle.read(64):
            raise ValueError("truncated")
    facts = {"format": image_format, "size": size, "animated": bool(getattr(image, "is_animated", False))}
    width, height = image.size
    exif = exif_data = None
    personal: list[tuple[str, str]] = []
    gps = None
    if image_format == "JPEG":
        exif = image.getexif()
        for marker, payload in image.applist:  # type: ignore[attr-defined]  # a JpegImageFile's
            if marker == "APP1" and payload.startswith(_XMP_ID):
                gps = gps or _xmp(payload, personal)
            elif marker == "COM" and payload.strip(b"\x00 "):
                personal.append(("comment", _text(payload)))
        _iptc(image, personal)
    elif image_format == "PNG":
        for kind, payload in png_chunks(handle, metadata_only=True):
            if kind == b"eXIf":
                exif_data = payload
            elif kind in PNG_TEXT:
                keyword, text = _png_text(kind, payload)
                if keyword == "XML:com.adobe.xmp":
                    gps = gps or _xmp(text.encode(), personal)
                elif keyword.lower() in PNG_PERSONAL and text.strip():
                    personal.append(("png_text", f"{keyword}: {text}"))
        if exif_data:
            exif = Image.Exif()
            exif.load(exif_data)
    elif "exif" in image.info:  # WebP and the rest keep it in info without decoding
        exif = image.getexif()
    if image_format == "WEBP" and isinstance(image.info.get("xmp"), bytes):
        gps = gps or _xmp(image.info["xmp"], personal)
    elif image_format == "GIF":  # comments and XMP before the first frame: read, frames not
        for label, start, end, data in gif_blocks(handle, metadata_only=True):
            if label == GIF_COMMENT and data.strip(b"\x00 "):
                personal.append(("comment", _text(data)))
            elif label == GIF_APPLICATION and data.startswith(GIF_XMP):
                handle.seek(start + 3 + len(GIF_XMP))  # the packet is stored raw, not in sub-blocks
                gps = gps or _xmp(handle.read(end - start - 3 - len(GIF_XMP)), personal)
                handle.seek(end)
    if exif is not None:
        if exif.get(ORIENTATION) in (5, 6, 7, 8):  # the picture is seen turned a quarter
            width, height = height, width
        gps = _exif_gps(exif) or gps
        personal[:0] = _exif_personal(exif)
        owner = _maker_owner(exif, image.info.get("exif") or exif_data)
        if owner:
            personal.append(("maker_owner", owner))
    facts.update(width=width, height=height, gps=gps, personal=tuple(personal), read=getattr(handle, "count", 0))
    return facts


def _text(value: object) -> str:
    if isinstance(value, bytes):
        if value[:8] in (b"ASCII\x00\x00\x00", b"UNICODE\x00", b"JIS\x00\x00\x00\x00\x00", b"\x00" * 8):
            value = value[8:]  # an Exif UserComment's character-code prefix
            if value.startswith(b"\x00") or (len(value) > 1 and value[1:2] == b"\x00"):
                value = value.decode("utf-16", "replace").encode()
        value = value.decode("utf-8", "replace")
    text = " ".join(str(value).replace("\x00", " ").split())
    return text if len(text) <= 40 else text[:39] + "…"


def _exif_personal(exif: Image.Exif) -> list[tuple[str, str]]:
    found = []
    for tag, key in PERSONAL_IFD0.items():
        value = exif.get(tag)
        if isinstance(value, tuple):  # XP* tags come as UTF-16 bytes in a tuple of ints
            value = bytes(value).decode("utf-16-le", "replace")
        if value and _text(value):
            found.append((key, _text(value)))
    sub = exif.get_ifd(EXIF_IFD)
    for tag, key in PERSONAL_EXIF.items():
        value = sub.get(tag)
        if value and _text(value):
            found.append((key, _text(value)))
    return found


def _maker_owner(exif: Image.Exif, raw: object) -> str | None:
    """The owner's name a maker note keeps (OWNER_IN_MAKER_NOTE), read from the raw Exif block,
    whose TIFF header the note's offsets count from; None for other makers or a damaged note."""
    tag = OWNER_IN_MAKER_NOTE.get(str(exif.get(MAKE, "")).strip("\x00 "))
    note = exif.get_ifd(EXIF_IFD).get(MAKER_NOTE)
    if tag is None or not isinstance(note, bytes) or not isinstance(raw, bytes):
        return None
    tiff = raw[6:] if raw.startswith(b"Exif\x00\x00") else raw
    order = "<" if tiff[:2] == b"II" else ">"
    try:
        for i in range(struct.unpack(order + "H", note[:2])[0]):
            entry_tag, kind, count, offset = struct.unpack(order + "HHII", note[2 + 12 * i : 14 + 12 * i])
            if entry_tag == tag and kind == 2:  # ASCII
                value = note[10 + 12 * i : 10 + 12 * i + count] if count <= 4 else tiff[offset : offset + count]
                return _text(value) or None
    except struct.error:
        pass
    return None


def _exif_gps(exif: Image.Exif) -> Gps | None:
    gps = exif.get_ifd(GPS_IFD)
    latitude, longitude = gps.get(2), gps.get(4)
    if not (
        isinstance(latitude, tuple) and isinstance(longitude, tuple) and len(latitude) == 3 and len(longitude) == 3
    ):
        return None
    try:
        lat = _degrees(latitude) * (-1 if gps.get(1) == "S" else 1)
        lon = _degrees(longitude) * (-1 if gps.get(3) == "W" else 1)
    except (ZeroDivisionError, TypeError, ValueError):
        return None
    if lat == 0 and lon == 0:  # a camera without a fix writes zeros: no place
        return None
    precision = _step(latitude) * _METRES_PER_DEGREE
    error = gps.get(31)  # GPSHPositioningError, metres
    with contextlib.suppress(TypeError, ValueError, ZeroDivisionError):
        precision = max(precision, float(error)) if error else precision
    return Gps(lat, lon, precision)


def _degrees(dms: tuple[Any, ...]) -> float:
    d, m, s = (float(x) for x in dms)
    return d + m / 60 + s / 3600


def _step(dms: tuple[Any, ...]) -> float:
    """The finest step, in degrees, that the recorded (degree, minute, second) can tell:
    37°6'45.12" tells 0.01 second (about 30 cm), 37°6.75' a hundredth of a minute."""
    units = (1, 1 / 60, 1 / 3600)
    last = max((i for i, x in enumerate(dms) if float(x)), default=0)
    denominator = getattr(dms[last], "denominator", 1) or 1
    return units[last] / denominator


def _xmp(payload: bytes, personal: list[tuple[str, str]]) -> Gps | None:
    for pattern, key in ((_XMP_CREATOR, "xmp_creator"), (_XMP_COMMENT, "xmp_comment")):
        for m in pattern.finditer(payload):
            if m.group(1).strip():
                personal.append((key, _text(m.group(1))))
    lat, lon = _XMP_GPS.search(payload), _XMP_LONGITUDE.search(payload)
    if not (lat and lon):
        return None
    decimals = len(lat.group(3) or b"")
    minutes = float(lat.group(2) + (b"." + lat.group(3) if lat.group(3) else b""))
    latitude = (int(lat.group(1)) + minutes / 60) * (-1 if lat.group(4) == b"S" else 1)
    lon_minutes = float(lon.group(2))
    longitude = (int(lon.group(1)) + lon_minutes / 60) * (-1 if lon.group(3) == b"W" else 1)
    return Gps(latitude, longitude, 10**-decimals / 60 * _METRES_PER_DEGREE)


def _iptc(image: ImageFile.ImageFile, personal: list[tuple[str, str]]) -> None:
    from PIL import IptcImagePlugin

    try:
        info = IptcImagePlugin.getiptcinfo(image) or {}
    except (SyntaxError, ValueError, struct.error):
        return
    for (record, tag), key in (((2, 80), "iptc_creator"), ((2, 120), "iptc_comment")):
        values = info.get((record, tag))
        for value in values if isinstance(values, list) else [values] if values else []:
            personal.append((key, _text(value)))


def _png_text(kind: bytes, payload: bytes) -> tuple[str, str]:
    keyword, _, rest = payload.partition(b"\x00")
    if kind == b"zTXt":
        rest = zlib.decompressobj().decompress(rest[1:], 1 << 16)  # bounded: a bomb stops here
    elif kind == b"iTXt":
        compressed, rest = rest[:1], rest[2:]
        _, _, rest = rest.partition(b"\x00")  # language tag
        _, _, rest = rest.partition(b"\x00")  # translated keyword
        if compressed == b"\x01":
            rest = zlib.decompressobj().decompress(rest, 1 << 16)
    return keyword.decode("latin-1"), rest.decode("utf-8" if kind == b"iTXt" else "latin-1", "replace")
