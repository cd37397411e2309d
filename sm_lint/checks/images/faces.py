"""Faces in a draft's pictures, with the optional `faces` extra (`pip install '.[faces]'`).

The detector is OpenCV's Haar cascade for frontal faces (haarcascade_frontalface_default.xml,
Viola & Jones; Intel's licence, BSD-like), which the opencv-python-headless wheel ships under
`cv2.data.haarcascades`: nothing is downloaded at run time. Without the extra, `available()`
is False and the face rules find nothing; nothing here imports cv2 or numpy until a rule asks.

Unlike sm_lint/checks/images/pictures.py this decodes the pixels, so it runs only for the pictures a face rule
needs (people: none, or no consent recorded), at most `SIDE` pixels a side (a JPEG is decoded
straight at 1/2 to 1/8 scale), turned the way the viewer sees it (the Exif orientation), once
per file and version in a process.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import Any

SIDE = 640  # a face of the cascade's 24-pixel minimum is then 1/27 of the picture's long side


def available() -> bool:
    return importlib.util.find_spec("cv2") is not None


@functools.cache
def _cascade() -> Any:  # OpenCV's CascadeClassifier
    import cv2
    import cv2.data

    return cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")


def face_shares(file: Path) -> tuple[float, ...]:
    """The share of the frame each face found takes (its box's area over the picture's), the
    largest first; () without the extra or for a file that cannot be decoded."""
    if not available():
        return ()
    try:
        stat = file.stat()
    except OSError:
        return ()
    return _shares(file, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _shares(file: Path, _mtime: int, _size: int) -> tuple[float, ...]:
    import numpy
    from PIL import Image, ImageOps

    try:
        with Image.open(file) as image:
            image.draft("L", (SIDE, SIDE))
            upright = ImageOps.exif_transpose(image).convert("L")
            upright.thumbnail((SIDE, SIDE))
            gray = numpy.asarray(upright)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return ()  # JP-G102 reports a picture that cannot be read
    boxes = _cascade().detectMultiScale(gray, scaleFactor=1.2, minNeighbors=5, minSize=(24, 24))
    area = gray.shape[0] * gray.shape[1]
    return tuple(sorted((float(w * h) / area for _, _, w, h in boxes), reverse=True))
