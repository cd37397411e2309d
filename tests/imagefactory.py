"""Small images built with Pillow for the image tests, carrying the metadata a city photo
may carry: GPS, the camera owner and serial, the orientation, XMP, IPTC, PNG text."""

from __future__ import annotations

import io
import struct
from pathlib import Path

from PIL import Image, PngImagePlugin

# Takada Castle Site Park, 上越市: 37°6'45.12"N 138°14'50.5"E (to 0.01 second, about 30 cm)
GPS = {1: "N", 2: (37.0, 6.0, 45.12), 3: "E", 4: (138.0, 14.0, 50.5)}
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq>'
    b"<rdf:li>Yamada Taro</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
)


def exif(
    gps: bool = False,
    owner: str | None = None,
    serial: str | None = None,
    orientation: int | None = None,
    artist: str | None = None,
    canon_owner: str | None = None,
) -> Image.Exif:
    data = Image.Exif()
    data[0x0110] = "SM-CAM 1"  # the camera model: not personal, and the Exif block is never empty
    if orientation:
        data[0x0112] = orientation
    if artist:
        data[0x013B] = artist
    if gps:
        data.get_ifd(0x8825).update(GPS)
    sub = data.get_ifd(0x8769)
    if owner:
        sub[0xA430] = owner
    if serial:
        sub[0xA431] = serial
    if canon_owner:
        _canon_maker_note(data, canon_owner)
    return data


def _canon_maker_note(data: Image.Exif, owner: str) -> None:
    """A Canon maker note with its OwnerName (tag 0x0009, 32 bytes of ASCII) stored right after
    the note's one-entry IFD, at an offset counted from the TIFF header, as Canon writes it."""
    data[0x010F] = "Canon"
    name = owner.encode().ljust(32, b"\x00")
    order = "<" if data.tobytes()[6:8] == b"II" else ">"

    def note(offset: int) -> bytes:
        return struct.pack(order + "HHHII", 1, 0x0009, 2, 32, offset) + b"\x00" * 4 + name

    sub = data.get_ifd(0x8769)
    sub[0x927C] = note(0)
    at = data.tobytes()[6:].index(note(0))  # where the note lands: the same with the real offset
    sub[0x927C] = note(at + 2 + 12 + 4)


def picture(size=(64, 48)) -> Image.Image:
    image = Image.new("RGB", size, (180, 200, 230))
    for x in range(0, size[0], 7):  # some detail, so the compressed data is not trivial
        for y in range(0, size[1], 5):
            image.putpixel((x, y), (x * 3 % 256, y * 5 % 256, 90))
    return image


def jpeg(
    path: Path, size=(64, 48), xmp: bool = False, iptc: str | None = None, comment: str | None = None, **tags
) -> Path:
    out = io.BytesIO()
    options = {"exif": exif(**tags)} if tags else {}
    if xmp:
        options["xmp"] = XMP
    if comment:
        options["comment"] = comment
    picture(size).save(out, "JPEG", quality=85, **options)
    data = out.getvalue()
    if iptc:  # Pillow writes no IPTC: an APP13 Photoshop block with the by-line (2:80)
        record = b"\x1c\x02\x50" + struct.pack(">H", len(iptc.encode())) + iptc.encode()
        resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(record)) + record
        block = b"Photoshop 3.0\x00" + resource
        data = data[:2] + b"\xff\xed" + struct.pack(">H", len(block) + 2) + block + data[2:]
    path.write_bytes(data)
    return path


def png(path: Path, size=(64, 48), text: dict[str, str] | None = None, **tags) -> Path:
    info = PngImagePlugin.PngInfo()
    for key, value in (text or {}).items():
        info.add_text(key, value)
    options = {"exif": exif(**tags)} if tags else {}
    picture(size).save(path, "PNG", pnginfo=info, **options)
    return path


def gif(path: Path, frames: int = 2, size=(32, 32), comment: str | None = None, xmp: bool = False) -> Path:
    images = [Image.new("RGB", size, (i * 60 % 256, 120, 200 - i * 30 % 200)) for i in range(frames)]
    options = {"comment": comment} if comment else {}
    images[0].save(path, "GIF", save_all=frames > 1, append_images=images[1:], duration=100, loop=0, **options)
    if xmp:  # Pillow writes no XMP to a GIF: Adobe's application extension before the first frame
        data = path.read_bytes()
        block = b"!\xff\x0bXMP DataXMP" + XMP + bytes([1, *range(255, -1, -1)]) + b"\x00"  # the "magic trailer"
        first = data.index(b"!\xf9")  # the first frame's graphic control extension
        path.write_bytes(data[:first] + block + data[first:])
    return path


def webp(path: Path, size=(64, 48), xmp: bool = False, **tags) -> Path:
    options = {"exif": exif(**tags)} if tags else {}
    if xmp:
        options["xmp"] = XMP
    picture(size).save(path, "WEBP", lossless=True, **options)
    return path


def riff_chunks(data: bytes) -> dict[bytes, bytes]:
    """A WebP's chunks by their kind (the picture is VP8L, lossless, or VP8)."""
    chunks, position = {}, 12
    while position + 8 <= len(data):
        kind, length = data[position : position + 4], struct.unpack("<I", data[position + 4 : position + 8])[0]
        chunks[kind] = data[position + 8 : position + 8 + length]
        position += 8 + length + (length & 1)
    return chunks


def scan_data(data: bytes) -> bytes:
    """A JPEG's compressed picture: everything from the start-of-scan marker on."""
    return data[data.index(b"\xff\xda") :]


def idat_data(data: bytes) -> bytes:
    """A PNG's compressed picture: the IDAT chunks, as stored."""
    out, position = [], 8
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        if kind == b"IDAT":
            out.append(data[position + 8 : position + 8 + length])
        position += 12 + length
    return b"".join(out)


def face_photo(path: Path, size=(320, 240)) -> Path:
    """A photo with one frontal face, large in the frame (about 12%): scikit-image's
    `data.astronaut()` (NASA's portrait of Eileen Collins, public domain: "no known copyright
    restrictions"), cropped around the face. rules/examples/images/astronaut-face.jpg was made
    with this function."""
    from skimage import data

    Image.fromarray(data.astronaut()).crop((96, 0, 96 + size[0], size[1])).save(path, "JPEG", quality=80)
    return path
