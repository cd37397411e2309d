"""The images a draft posts: existence, metadata (GPS, owner, serial, XMP, IPTC, PNG text),
the lossless `--fix`, and the platform limits. Every image is built here with Pillow."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from PIL import Image, ImageFile

from helpers import git, run
from imagefactory import gif, idat_data, jpeg, png, riff_chunks, scan_data, webp
from sm_lint.checks.images.containers import gif_blocks
from sm_lint.checks.images.pictures import read_picture

DRAFT = """---
platform: x
images:
  - path: img/{name}
    alt: 高田城址公園の夜桜
    people: none
---
高田城址公園の夜桜が見頃です。
"""


def _post(folder: Path, name: str, platform: str = "x") -> Path:
    draft = folder / "post.md"
    draft.write_text(DRAFT.format(name=name).replace("platform: x", f"platform: {platform}"), encoding="utf-8")
    return draft


def _findings(folder: Path, *args: str) -> list[dict]:
    result = run(["lint", "post.md", "--format", "json", "--select", "JP-G", *args], cwd=folder)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]


@pytest.fixture
def folder(tmp_path) -> Path:
    (tmp_path / "img").mkdir()
    return tmp_path


def _rules(findings) -> list[str]:
    return sorted(f["rule"] for f in findings)


def test_gps_is_an_error_that_gives_the_precision_not_the_coordinates(folder):
    jpeg(folder / "img" / "park.jpg", gps=True)
    _post(folder, "park.jpg")
    [finding] = _findings(folder)
    assert finding["rule"] == "JP-G103" and finding["severity"] == "error" and finding["line"] == 4
    message = finding["message"]
    assert "img/park.jpg" in message and "北緯 37.1 度・東経 138.2 度付近" in message
    # 45.12 seconds is kept to a hundredth of a second: about a metre, not the place's 6'45"
    assert "約 1 m" in message
    assert "37.11" not in message and "138.24" not in message and "45.12" not in message


def test_owner_serial_xmp_iptc_and_comment_are_each_named(folder):
    jpeg(
        folder / "img" / "camera.jpg",
        owner="Yamada Taro",
        serial="4012345",
        xmp=True,
        iptc="Sato Hanako",
        comment="undokai 2026",
    )
    _post(folder, "camera.jpg")
    [finding] = _findings(folder)
    assert finding["rule"] == "JP-G104" and finding["severity"] == "warning"
    for said in (
        "カメラの所有者名「Yamada Taro」",
        "カメラのシリアル番号「4012345」",
        "XMP の作成者「Yamada Taro」",
        "IPTC の作成者「Sato Hanako」",
        "埋め込みコメント「undokai 2026」",
    ):
        assert said in finding["message"]


def test_png_text_and_exif_are_read_without_the_pixels(folder):
    png(folder / "img" / "flyer.png", text={"Author": "Yamada Taro", "Software": "GIMP"}, gps=True)
    _post(folder, "flyer.png")
    found = _findings(folder)
    assert _rules(found) == ["JP-G103", "JP-G104"]
    assert "Author: Yamada Taro" in next(f for f in found if f["rule"] == "JP-G104")["message"]
    assert "GIMP" not in json.dumps(found, ensure_ascii=False)


def test_a_clean_photo_with_its_orientation_is_quiet(folder):
    jpeg(folder / "img" / "clean.jpg", orientation=6)
    _post(folder, "clean.jpg")
    assert _findings(folder) == []


def test_missing_and_unreadable_images_are_errors_naming_the_path(folder):
    jpeg(folder / "img" / "whole.jpg")
    data = (folder / "img" / "whole.jpg").read_bytes()
    (folder / "img" / "cut.jpg").write_bytes(data[: len(data) // 2])
    (folder / "img" / "text.jpg").write_text("これは画像ではありません", encoding="utf-8")
    draft = folder / "post.md"
    draft.write_text(
        "---\nimages:\n  - path: img/none.jpg\n    alt: 桜\n    people: none\n"
        "  - path: img/cut.jpg\n    alt: 桜\n    people: none\n"
        "  - path: img/text.jpg\n    alt: 桜\n    people: none\n---\n桜が咲きました。\n",
        encoding="utf-8",
    )
    found = _findings(folder)
    assert [(f["rule"], f["line"]) for f in found] == [("JP-G101", 3), ("JP-G102", 6), ("JP-G102", 9)]
    assert "img/none.jpg" in found[0]["message"] and "img/cut.jpg" in found[1]["message"]


def test_fix_strips_the_metadata_and_keeps_the_scan_data_and_orientation(folder):
    image = jpeg(
        folder / "img" / "park.jpg",
        gps=True,
        owner="Yamada Taro",
        serial="4012345",
        orientation=6,
        xmp=True,
        iptc="Sato Hanako",
        comment="undokai",
    )
    before = image.read_bytes()
    _post(folder, "park.jpg")
    result = run(["lint", "post.md", "--fix", "--select", "JP-G"], cwd=folder)
    assert result.exit_code == 0, result.stderr
    after = image.read_bytes()
    assert scan_data(after) == scan_data(before)  # the compressed picture, byte for byte
    with Image.open(image) as opened:
        assert opened.getexif().get(0x0112) == 6  # still turned the way the writer saw it
        assert not opened.getexif().get_ifd(0x8825)
        assert b"http://ns.adobe.com/xap" not in after and b"Photoshop 3.0" not in after
    picture = read_picture(folder, "img/park.jpg", 4)
    assert picture.gps is None and picture.personal == () and (picture.width, picture.height) == (48, 64)
    assert not [p for p in folder.rglob("*.sm-lint")]  # no temporary file left behind


def test_fix_strips_png_text_and_keeps_the_idat_bytes(folder):
    image = png(folder / "img" / "flyer.png", text={"Author": "Yamada Taro"}, gps=True, orientation=3)
    before = image.read_bytes()
    _post(folder, "flyer.png")
    assert run(["lint", "post.md", "--fix", "--select", "JP-G"], cwd=folder).exit_code == 0
    after = image.read_bytes()
    assert idat_data(after) == idat_data(before) and after != before
    assert b"tEXt" not in after
    with Image.open(image) as opened:
        assert opened.getexif().get(0x0112) == 3 and not opened.getexif().get_ifd(0x8825)
        opened.load()  # the chunks' checksums still hold


def _frames(data: bytes) -> list[bytes]:
    """A GIF's frames as stored (image descriptor, colour table, LZW data) and as decoded."""
    stored = [data[start:end] for label, start, end, _ in gif_blocks(io.BytesIO(data)) if label == b","]
    with Image.open(io.BytesIO(data)) as opened:
        decoded = []
        for index in range(opened.n_frames):
            opened.seek(index)
            decoded.append(opened.convert("RGB").tobytes())
    return stored + decoded


def test_fix_strips_gif_comments_and_xmp_and_keeps_every_frame(folder):
    image = gif(folder / "img" / "moving.gif", frames=3, comment="Yamada Taro", xmp=True)
    before = image.read_bytes()
    _post(folder, "moving.gif", platform="x")
    [finding] = _findings(folder)
    assert finding["rule"] == "JP-G104"
    assert (
        "埋め込みコメント「Yamada Taro」" in finding["message"] and "XMP の作成者「Yamada Taro」" in finding["message"]
    )
    assert run(["lint", "post.md", "--fix", "--select", "JP-G"], cwd=folder).exit_code == 0
    after = image.read_bytes()
    assert _frames(after) == _frames(before) and len(after) < len(before)
    assert b"Yamada" not in after and b"XMP DataXMP" not in after
    with Image.open(image) as opened:
        assert opened.info["loop"] == 0 and opened.info["duration"] == 100 and opened.n_frames == 3


def test_fix_strips_webp_xmp_and_exif_and_keeps_the_picture_and_orientation(folder):
    image = webp(folder / "img" / "park.webp", gps=True, artist="Yamada Taro", orientation=6, xmp=True)
    before = image.read_bytes()
    _post(folder, "park.webp")
    assert _rules(_findings(folder)) == ["JP-G103", "JP-G104"]
    assert run(["lint", "post.md", "--fix", "--select", "JP-G"], cwd=folder).exit_code == 0
    after = image.read_bytes()
    assert riff_chunks(after)[b"VP8L"] == riff_chunks(before)[b"VP8L"]  # the compressed picture, byte for byte
    assert b"XMP " not in riff_chunks(after) and b"Yamada" not in after
    with Image.open(image) as opened:
        assert opened.getexif().get(0x0112) == 6 and not opened.getexif().get_ifd(0x8825)
        assert "xmp" not in opened.info
        opened.load()
    assert _findings(folder) == []


def test_a_maker_note_with_the_owners_name_is_reported_on_its_own_and_fixed(folder):
    image = jpeg(folder / "img" / "canon.jpg", canon_owner="Yamada Taro", orientation=6)
    before = image.read_bytes()
    _post(folder, "canon.jpg")
    [finding] = _findings(folder)
    assert finding["rule"] == "JP-G104" and "メーカーノートの所有者名「Yamada Taro」" in finding["message"]
    assert run(["lint", "post.md", "--fix", "--select", "JP-G"], cwd=folder).exit_code == 0
    after = image.read_bytes()
    assert scan_data(after) == scan_data(before) and b"Yamada" not in after
    with Image.open(image) as opened:
        assert opened.getexif().get(0x0112) == 6
    assert _findings(folder) == []


def test_diff_names_the_image_and_writes_nothing(folder):
    image = jpeg(folder / "img" / "park.jpg", gps=True)
    before = image.read_bytes()
    _post(folder, "park.jpg")
    result = run(["lint", "post.md", "--diff", "--select", "JP-G"], cwd=folder)
    assert result.exit_code == 1
    assert "Binary files a/img/park.jpg and b/img/park.jpg differ" in result.stdout
    assert image.read_bytes() == before


def test_fix_never_touches_an_image_outside_the_drafts_folder(tmp_path):
    # in the drafts' repository, so read (and reported), but not in the draft's own folder
    git("init", "-q", cwd=tmp_path)
    posts = tmp_path / "posts"
    posts.mkdir()
    shared = jpeg(tmp_path / "shared.jpg", gps=True)
    before = shared.read_bytes()
    (posts / "post.md").write_text(DRAFT.replace("img/{name}", "../shared.jpg"), encoding="utf-8")
    result = run(["lint", "post.md", "--fix", "--select", "JP-G"], cwd=posts)
    assert result.exit_code == 2
    assert "下書きのフォルダの外" in result.stderr and "Traceback" not in result.stderr
    assert shared.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_fix_never_writes_through_a_symbolic_link(folder):
    (folder / "originals").mkdir()  # a link within the folder checked: read, never written through
    target = jpeg(folder / "originals" / "park.jpg", gps=True)
    before = target.read_bytes()
    (folder / "img" / "park.jpg").symlink_to(target)
    _post(folder, "park.jpg")
    result = run(["lint", "post.md", "--fix", "--select", "JP-G"], cwd=folder)
    assert result.exit_code == 2 and "リンク越し" in result.stderr
    assert target.read_bytes() == before and (folder / "img" / "park.jpg").is_symlink()


def _outside_findings(cwd: Path, *args: str) -> list[dict]:
    """The image findings of `sm-lint ARGS`, with the proof that the image outside was not read:
    it carries a GPS position (JP-G103 if it were read)."""
    result = run(["lint", *args, "--format", "json", "--select", "JP-G"], cwd=cwd)
    assert result.exit_code == 1 and "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout)["findings"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_an_image_linking_out_of_the_folder_checked_is_never_read(folder, tmp_path_factory):
    # a pull request's picture that is a link to a file of the CI machine
    secret = jpeg(tmp_path_factory.mktemp("machine") / "passwd", gps=True)
    (folder / "img" / "park.jpg").symlink_to(secret)
    _post(folder, "park.jpg")
    [finding] = _outside_findings(folder, "post.md")
    assert (finding["rule"], finding["line"], finding["severity"]) == ("JP-G107", 4, "error")
    assert finding["message"].startswith("画像 img/park.jpg は確認するフォルダ（Git のリポジトリならその全体）の外")
    [english] = _outside_findings(folder, "post.md", "--lang", "en")
    assert english["message"].startswith("The image img/park.jpg is outside the folder being checked")
    assert str(secret) not in finding["message"]


@pytest.mark.parametrize("how", ["dot-dot", "absolute"])
def test_an_image_path_leaving_the_repository_is_never_read(tmp_path, how):
    repo = tmp_path / "drafts-repo"
    (repo / "posts").mkdir(parents=True)
    git("init", "-q", cwd=repo)
    secret = jpeg(tmp_path / "secret.jpg", gps=True)
    path = "../../secret.jpg" if how == "dot-dot" else str(secret)
    (repo / "posts" / "post.md").write_text(DRAFT.replace("img/{name}", path), encoding="utf-8")
    inside = jpeg(repo / "shared.jpg")  # outside the draft's folder, inside the repository: read
    (repo / "posts" / "other.md").write_text(DRAFT.replace("img/{name}", "../shared.jpg"), encoding="utf-8")
    assert inside.exists()
    for args in (["posts/post.md", "posts/other.md"], ["posts/"]):  # named, and found in a walk
        findings = _outside_findings(repo, *args, "-j1")
        assert [(Path(f["path"]).name, f["rule"]) for f in findings] == [("post.md", "JP-G107")]


def test_an_image_outside_the_folder_walked_is_never_read_without_git(tmp_path):
    # no repository: the folder being checked is the limit
    (tmp_path / "posts").mkdir()
    jpeg(tmp_path / "secret.jpg", gps=True)
    (tmp_path / "posts" / "post.md").write_text(DRAFT.replace("img/{name}", "../secret.jpg"), encoding="utf-8")
    assert [f["rule"] for f in _outside_findings(tmp_path, "posts", "-j2")] == ["JP-G107"]


def test_a_waived_finding_leaves_its_image_alone(folder):
    image = jpeg(folder / "img" / "park.jpg", gps=True)
    before = image.read_bytes()
    draft = _post(folder, "park.jpg")
    draft.write_text(
        draft.read_text(encoding="utf-8").replace(
            "---\n高田",
            "sm-lint:\n  allow:\n    - rule: JP-G103\n      reason: 公園の位置は公開情報\n"
            "      approved_by: 広報対話課長\n---\n高田",
        ),
        encoding="utf-8",
    )
    run(["lint", "post.md", "--fix", "--select", "JP-G"], cwd=folder)
    assert image.read_bytes() == before


def test_metadata_is_read_without_decoding_the_pixels(folder, monkeypatch):
    jpeg(folder / "img" / "park.jpg", gps=True)
    png(folder / "img" / "flyer.png", text={"Author": "Yamada Taro"})

    def refuse(*args, **kwargs):
        raise AssertionError("decoded the pixels")

    monkeypatch.setattr(Image.Image, "load", refuse)
    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)
    assert read_picture(folder, "img/park.jpg", 1).gps is not None
    assert read_picture(folder, "img/flyer.png", 1).personal


@pytest.mark.parametrize(
    "platform,name,build,rule",
    [
        ("x", "big.png", lambda p: png(p, size=(300, 300)), "JP-G202"),
        ("instagram", "narrow.jpg", lambda p: jpeg(p, size=(200, 200)), "JP-G203"),
        ("instagram", "tall.jpg", lambda p: jpeg(p, size=(360, 640)), "JP-G204"),
        ("line", "moving.gif", gif, "JP-G205"),
    ],
)
def test_platform_limits_give_the_limit_and_the_measured_value(folder, platform, name, build, rule):
    build(folder / "img" / name)
    _post(folder, name, platform)
    (folder / ".sm-lint.yaml").write_text("platforms:\n  limits:\n    x-image-bytes: 2000\n", encoding="utf-8")
    [finding] = [f for f in _findings(folder) if f["rule"] == rule]
    message = finding["message"]
    expected = {
        "JP-G202": ("MB", "0.0 MB"),
        "JP-G203": ("幅 200 px", "幅 320 px 以上"),
        "JP-G204": ("360×640 (0.56:1)", "0.80:1〜1.91:1"),
        "JP-G205": ("アニメーション", "静止画"),
    }[rule]
    assert all(part in message for part in expected), message


def test_orientation_turns_the_measured_shape(folder):
    # stored 640 wide and 360 high, shown turned a quarter: a 9:16 portrait on Instagram
    jpeg(folder / "img" / "turned.jpg", size=(640, 360), orientation=6)
    _post(folder, "turned.jpg", "instagram")
    assert "360×640" in next(f for f in _findings(folder) if f["rule"] == "JP-G204")["message"]
