"""The blocks of the container formats whose metadata sm-lint reads and removes: a PNG's
chunks, a GIF's blocks. Read from a file handle, seeking over the pixels where only the
metadata is wanted (sm_lint/checks/images/pictures.py), or whole for `--fix` (strip.py)."""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from typing import BinaryIO

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_TEXT = (b"tEXt", b"iTXt", b"zTXt")
GIF_COMMENT, GIF_APPLICATION = b"\xfe", b"\xff"  # extension labels (GIF89a)
GIF_XMP = b"XMP DataXMP"  # an application extension's name and code: Adobe's XMP packet


def png_chunks(handle: BinaryIO, metadata_only: bool = False) -> Iterator[tuple[bytes, bytes]]:
    """(type, data) of each chunk of a PNG; with `metadata_only`, the data of the image chunks
    (IDAT and the rest) is skipped by seeking and comes back empty."""
    handle.seek(0)
    if handle.read(8) != PNG_SIGNATURE:
        raise ValueError("not a PNG")
    while True:
        head = handle.read(8)
        if len(head) < 8:
            raise ValueError("truncated")
        length, kind = struct.unpack(">I4s", head)
        if metadata_only and kind not in (b"eXIf", *PNG_TEXT):
            handle.seek(length + 4, os.SEEK_CUR)
            data = b""
        else:
            data = handle.read(length)
            handle.read(4)
        yield kind, data
        if kind == b"IEND":
            return


def gif_blocks(handle: BinaryIO, metadata_only: bool = False) -> Iterator[tuple[bytes, int, int, bytes]]:
    """(label, start, end, data) of each block of a GIF after its header and colour table:
    label b"," for a frame (data empty), b";" for the trailer, or an extension's label with its
    sub-blocks joined as data (an application's starts with its 11-byte name). With
    `metadata_only` it stops at the first frame, where the pixels begin."""
    handle.seek(0)
    head = handle.read(13)
    if len(head) < 13 or head[:6] not in (b"GIF87a", b"GIF89a"):
        raise ValueError("not a GIF")
    if head[10] & 0x80:  # a global colour table
        handle.seek(3 << ((head[10] & 7) + 1), os.SEEK_CUR)
    while True:
        start = handle.tell()
        kind = handle.read(1)
        if kind == b";":
            yield kind, start, start + 1, b""
            return
        if kind == b",":
            if metadata_only:
                return
            descriptor = handle.read(10)  # position, size, flags; then the LZW code size
            if len(descriptor) < 10:
                raise ValueError("truncated")
            if descriptor[8] & 0x80:  # a local colour table comes before the code size
                handle.seek((3 << ((descriptor[8] & 7) + 1)) - 1, os.SEEK_CUR)
                handle.read(1)
            _sub_blocks(handle, keep=False)
            yield kind, start, handle.tell(), b""
        elif kind == b"!":
            label = handle.read(1)
            data = _sub_blocks(handle, keep=True)
            yield label, start, handle.tell(), data
        else:
            raise ValueError("damaged" if kind else "truncated")


def _sub_blocks(handle: BinaryIO, keep: bool) -> bytes:
    parts: list[bytes] = []
    while True:
        size = handle.read(1)
        if not size:
            raise ValueError("truncated")
        if size == b"\x00":
            return b"".join(parts)
        if keep:
            parts.append(handle.read(size[0]))
        else:
            handle.seek(size[0], os.SEEK_CUR)
