"""What the image checks cost on a 12-megapixel photo, and how much of the file they read.

    python bench/images.py [--images N] [--repeats N]

A 4000 x 3000 JPEG is built with Pillow (GPS, camera owner, serial, XMP, as a phone photo
carries them), N copies are named by one draft, and the draft is linted with every rule and
again with the image rules (JP-G) ignored: the difference, per image, is what the image checks
add. The bytes read are counted below Python's buffering (what the operating system hands
over), next to the file's size. Floors, measured in the same run: opening the file and reading
that many bytes raw, which no reader of the metadata can beat; and, for scale, decoding the
pixels, which the checks never do. Each figure is the best of the repeats.

The face rules (JP-G105/G106, the optional `faces` extra) do decode the pixels, of an entry
that says `people: none` or records no consent: they are left out of "every rule" and timed on
their own, once per image (their result is cached per file), when OpenCV is installed.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from PIL import Image  # noqa: E402

from imagefactory import XMP, exif  # noqa: E402
from sm_lint.checks.images import faces  # noqa: E402
from sm_lint.checks.images.pictures import read_picture  # noqa: E402
from sm_lint.io.document import parse_draft  # noqa: E402
from sm_lint.pipeline.selection import select_rules  # noqa: E402
from sm_lint.run.linter import Linter  # noqa: E402
from sm_lint.settings.config import Config  # noqa: E402
from timing import best  # noqa: E402


class _CountingRaw(io.FileIO):
    count = 0

    def readinto(self, buffer):
        n = super().readinto(buffer)
        self.count += n or 0
        return n


class Counted(io.BufferedReader):
    """A buffered file whose `count` is the bytes the system handed over."""

    def __init__(self, path, mode="rb"):
        super().__init__(_CountingRaw(path, "rb"))

    @property
    def count(self) -> int:
        return self.raw.count


def photo(path: Path) -> None:
    """A 12-megapixel JPEG with detail enough to compress like a photo (a few megabytes)."""
    small = Image.effect_noise((500, 375), 60).convert("RGB")
    image = small.resize((4000, 3000), Image.Resampling.BICUBIC)
    image.save(
        path, "JPEG", quality=90, exif=exif(gps=True, owner="Yamada Taro", serial="4012345", orientation=1), xmp=XMP
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        photo(folder / "photo0.jpg")
        data = (folder / "photo0.jpg").read_bytes()
        for i in range(1, args.images):
            (folder / f"photo{i}.jpg").write_bytes(data)
        entries = "".join(
            f"  - path: photo{i}.jpg\n    alt: 高田城址公園の夜桜\n    people: none\n" for i in range(args.images)
        )
        text = f"---\nplatform: x\nimages:\n{entries}---\n高田城址公園の夜桜が見頃です。ぜひお越しください。\n"
        draft = parse_draft(text, str(folder / "post.md"))
        linter = Linter()
        every = select_rules(linter.rules_for(Config()), ignore=["JP-G105", "JP-G106"])  # the faces extra: below
        without = select_rules(every, ignore=["JP-G"])
        with_images = best(args.repeats, lambda: linter.lint_draft(draft, Config(), every))
        no_images = best(args.repeats, lambda: linter.lint_draft(draft, Config(), without))
        found = linter.lint_draft(draft, Config(), every)
        picture = read_picture(folder, "photo0.jpg", 1, opener=Counted)
        read = picture.read

        def raw_floor():
            with open(folder / "photo0.jpg", "rb", buffering=0) as handle:
                handle.read(read)

        def decode():
            with Image.open(folder / "photo0.jpg") as image:
                image.load()

        floor = best(args.repeats, raw_floor)
        one = best(args.repeats, lambda: read_picture(folder, "photo0.jpg", 1))
        decoding = best(max(1, args.repeats // 3), decode)
        # uncached: what the face rules add for one image the first time they see it
        finding_faces = (
            best(max(1, args.repeats // 3), lambda: faces._shares.__wrapped__(folder / "photo0.jpg", 0, 0))
            if faces.available()
            else None
        )
    per_image = (with_images - no_images) / args.images
    print(
        f"photo: {picture.width} x {picture.height} px, {len(data):,} bytes; "
        f"findings on the draft: {sorted({f.rule for f in found if f.rule.startswith('JP-G')})}"
    )
    print(f"bytes read per image:            {read:>10,}  ({100 * read / len(data):.2f}% of the file)")
    print(f"lint, {args.images} images, every rule:   {with_images:8.2f} ms")
    print(f"lint, image rules ignored:       {no_images:8.2f} ms")
    print(f"image checks added per image:    {per_image:8.2f} ms   (target < 20 ms)")
    print(f"reading one image's facts:       {one:8.2f} ms")
    print(f"floor: open + read {read:,} bytes raw: {floor:6.2f} ms")
    print(f"for scale: decoding the pixels:  {decoding:8.2f} ms   (never done by the checks)")
    if finding_faces is None:
        print("faces extra: not installed (JP-G105/G106 find nothing and cost nothing)")
    else:
        print(f"faces extra, one image (decoded at 1/4 scale, Haar cascade): {finding_faces:8.2f} ms")


if __name__ == "__main__":
    main()
