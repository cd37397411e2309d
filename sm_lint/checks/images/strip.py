"""`--fix` for images: remove the GPS position and what names a person, leave the pixels.

The compressed picture is copied byte for byte: a JPEG keeps every segment from its frame
header through the scan data, a PNG every chunk but its text, a GIF every frame and every
extension but comments and XMP, a WebP every chunk but XMP; only metadata segments, chunks and
blocks are dropped or rewritten. The Exif block is rewritten without the GPS directory, the
person's tags and the maker notes, and keeps the rest, above all the Orientation: the picture
stays turned the way its writer saw it. Written atomically (sm_lint.io.fix.write_atomic), and
only for an image inside the draft's folder reached with no symbolic link (Picture.outside).
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.checks.images.containers import (
    GIF_APPLICATION,
    GIF_COMMENT,
    GIF_XMP,
    PNG_SIGNATURE,
    PNG_TEXT,
    gif_blocks,
    png_chunks,
)
from sm_lint.checks.images.pictures import EXIF_IFD, GPS_IFD, MAKER_NOTE, PERSONAL_EXIF, PERSONAL_IFD0

if TYPE_CHECKING:
    from pathlib import Path

    from sm_lint.checks.images.pictures import Picture
    from sm_lint.errors import InputError
    from sm_lint.findings import Finding
    from sm_lint.io.document import Draft

_EXIF_ID = b"Exif\x00\x00"
_DROPPED_APP1 = (b"http://ns.adobe.com/xap/1.0/\x00", b"http://ns.adobe.com/xmp/extension/\x00")
_APP1, _APP13, _COM, _SOS = 0xE1, 0xED, 0xFE, 0xDA
# Markers with no length after them (TEM, RSTn): none is expected before SOS, read safely.
_STANDALONE = {0x01, *range(0xD0, 0xD8)}


class NotStrippable(ValueError):
    """The format is not one this module rewrites (TIFF, HEIF...), or the file is damaged."""


def clean_exif(data: bytes) -> bytes | None:
    """The Exif block (with its `Exif\\0\\0` header) without the GPS directory, the person's
    tags and the maker notes; None when nothing worth keeping is left."""
    from PIL import Image

    exif = Image.Exif()
    exif.load(data)
    sub = exif.get_ifd(EXIF_IFD)
    exif.get_ifd(GPS_IFD)
    for tag in (*PERSONAL_EXIF, MAKER_NOTE):
        sub.pop(tag, None)
    for tag in (GPS_IFD, *PERSONAL_IFD0):
        exif.pop(tag, None)
    if not sub:
        exif.pop(EXIF_IFD, None)
    if not len(exif):
        return None
    return exif.tobytes()


def strip(data: bytes) -> bytes:
    """The file's bytes without the identifying metadata (the same bytes when there is none)."""
    if data.startswith(b"\xff\xd8"):
        return _strip_jpeg(data)
    if data.startswith(PNG_SIGNATURE):
        return _strip_png(data)
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return _strip_gif(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _strip_webp(data)
    raise NotStrippable("format")


def _strip_jpeg(data: bytes) -> bytes:
    out = [data[:2]]
    position = 2
    while True:
        if position + 4 > len(data) or data[position] != 0xFF:
            raise NotStrippable("damaged")
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in _STANDALONE:
            out.append(data[position : position + 2])
            position += 2
            continue
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        end = position + 2 + length
        if marker == _SOS:
            out.append(data[position:])  # the scan and everything after: untouched
            return b"".join(out)
        payload = data[position + 4 : end]
        if marker == _APP1 and payload.startswith(_EXIF_ID):
            kept = clean_exif(payload)
            if kept is not None:
                if len(kept) + 2 > 0xFFFF:
                    raise NotStrippable("exif")
                out.append(b"\xff\xe1" + struct.pack(">H", len(kept) + 2) + kept)
        elif not ((marker == _APP1 and payload.startswith(_DROPPED_APP1)) or marker in (_APP13, _COM)):
            out.append(data[position:end])
        position = end


def _strip_png(data: bytes) -> bytes:
    out = [PNG_SIGNATURE]
    for kind, payload in png_chunks(io.BytesIO(data)):
        if kind in PNG_TEXT:
            continue
        if kind == b"eXIf":
            kept = clean_exif(payload)
            if kept is None:
                continue
            payload = kept[len(_EXIF_ID) :] if kept.startswith(_EXIF_ID) else kept
        out.append(struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload)))
    return b"".join(out)


def _strip_gif(data: bytes) -> bytes:
    try:
        blocks = list(gif_blocks(io.BytesIO(data)))
    except ValueError:
        raise NotStrippable("damaged") from None
    out = [data[: blocks[0][1]]]  # header, screen descriptor, global colour table
    for label, start, end, payload in blocks:
        if not (label == GIF_COMMENT or (label == GIF_APPLICATION and payload.startswith(GIF_XMP))):
            out.append(data[start:end])  # frames, their timing, the loop count: as they were
    return b"".join(out)


_WEBP_EXIF_FLAG, _WEBP_XMP_FLAG = 0x08, 0x04  # VP8X flags saying the chunks are there


def _strip_webp(data: bytes) -> bytes:
    """The RIFF chunks as they were, but XMP dropped and Exif cleaned (its Orientation kept),
    the VP8X flags and the RIFF size made to say so."""
    chunks, position, end = [], 12, min(len(data), 8 + struct.unpack("<I", data[4:8])[0])
    while position + 8 <= end:
        kind, length = data[position : position + 4], struct.unpack("<I", data[position + 4 : position + 8])[0]
        if position + 8 + length > end:
            raise NotStrippable("damaged")
        chunks.append([kind, data[position + 8 : position + 8 + length]])
        position += 8 + length + (length & 1)
    flags = 0
    kept = []
    for kind, payload in chunks:
        if kind == b"XMP ":
            flags |= _WEBP_XMP_FLAG
            continue
        if kind == b"EXIF":
            cleaned = clean_exif(payload)
            if cleaned is None:
                flags |= _WEBP_EXIF_FLAG
                continue
            payload = cleaned[len(_EXIF_ID) :] if cleaned.startswith(_EXIF_ID) else cleaned
        kept.append([kind, payload])
    for chunk in kept:
        if chunk[0] == b"VP8X":
            chunk[1] = bytes([chunk[1][0] & ~flags]) + chunk[1][1:]
    body = b"".join(
        kind + struct.pack("<I", len(payload)) + payload + b"\x00" * (len(payload) & 1) for kind, payload in kept
    )
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


def to_strip(
    findings: Iterable[Finding], drafts: dict[str, Draft], rules: dict[str, Any]
) -> tuple[list[Picture], list[InputError]]:
    """The images that `--fix` strips: those reported by a rule whose matcher `strips`, by a
    finding no waiver covers; and an InputError for each that must stay as it is."""
    from sm_lint.checks.images.pictures import pictures
    from sm_lint.errors import InputError
    from sm_lint.text.analysis import analyse

    lines: dict[str, set[int]] = {}
    for f in findings:
        rule = rules.get(f.rule)
        if not f.suppressed_by and rule is not None and rule.matcher.strips:
            lines.setdefault(f.path, set()).add(f.line)
    chosen: dict[Path, Picture] = {}
    problems: list[InputError] = []
    for path, wanted in lines.items():
        for picture in pictures(analyse(drafts[path])):
            if picture.line not in wanted or not (picture.gps or picture.personal) or picture.file in chosen:
                continue
            if picture.outside:
                problems.append(
                    InputError(
                        str(picture.file),
                        "下書きのフォルダの外にある画像（またはリンク越しの画像）は変更しません",
                        "an image outside the draft's folder (or behind a link) is never changed",
                    )
                )
                continue
            chosen[picture.file] = picture
    return list(chosen.values()), problems


def stripped(picture: Picture) -> bytes | None:
    """The image's new bytes, or None when it cannot be stripped (see NotStrippable)."""
    try:
        data = picture.file.read_bytes()
        return strip(data)
    except (OSError, NotStrippable, SyntaxError, struct.error):
        return None
