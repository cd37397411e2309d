"""Drafts in every encoding Japanese editors save are read with the same positions."""

from __future__ import annotations

import codecs

import pytest
from click.testing import CliRunner

from sm_lint.cli import main
from sm_lint.errors import InputError
from sm_lint.io.document import read_draft
from sm_lint.io.encoding import decode, looks_binary

DRAFT = (
    "---\ntitle: 春の観光案内\n---\n高田城址公園の桜が見頃です。\r\nこれは極秘の資料ですが、特別にお知らせします。\r\n"
)


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp932", "euc_jp", "iso2022_jp"])
def test_every_encoding_reads_the_same_text(codec):
    data = DRAFT.encode(codec)
    if codec == "utf-16-be":  # with a BOM, as Windows tools write it
        data = codecs.BOM_UTF16_BE + data
    draft = read_draft("d.md", data)
    assert draft.text == DRAFT
    assert draft.front_matter["title"] == "春の観光案内"


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "cp932", "euc_jp"])
def test_findings_have_the_same_line_and_column_in_every_encoding(tmp_path, codec):
    (tmp_path / "d.md").write_bytes(DRAFT.encode(codec))
    out = CliRunner().invoke(main, ["--format", "concise", "--select", "JP-C101", str(tmp_path / "d.md")])
    # 「極秘」 is on line 5 (after 3 front-matter lines and one body line), column 4.
    assert f"{tmp_path / 'd.md'}:5:4:" in out.output
    assert out.exit_code == 1


def test_short_shift_jis_is_not_taken_for_another_code_page():
    text, codec = decode("ｱｲｳ半角カナのお知らせ".encode("cp932"), "d.md")
    assert (text, codec) == ("ｱｲｳ半角カナのお知らせ", "cp932")


def test_forced_encoding_wins_and_a_wrong_one_is_a_clear_error():
    data = DRAFT.encode("euc_jp")
    assert decode(data, "d.md", "euc_jp")[0] == DRAFT
    with pytest.raises(InputError, match="utf-8 として読めません"):
        decode(data, "d.md", "utf-8")


def test_forced_utf8_drops_the_bom():
    assert decode(codecs.BOM_UTF8 + "上越".encode(), "d.md", "utf-8") == ("上越", "utf-8-sig")


def test_undecodable_bytes_are_an_error_that_says_what_to_do():
    with pytest.raises(InputError, match="--encoding"):
        decode(b"abc\x80\x80\xa0\xfd\xfe\x85" * 5, "d.md")


def test_bytes_above_127_after_an_escape_are_not_taken_for_iso2022_jp():
    # A file of random bytes holding ESC $ was "iso2022_jp として読めません (byte 0)": a
    # codec the file never named, for a 7-bit encoding it cannot be.
    data = bytes(range(0x80, 0x100)) * 4 + b"\x1b$B"
    with pytest.raises(InputError) as info:
        decode(data, "x.md")
    assert "iso2022_jp" not in str(info.value) and "--encoding" in str(info.value)
    jis = "雪まつりのお知らせ\n".encode("iso2022_jp")
    assert decode(jis, "x.md") == ("雪まつりのお知らせ\n", "iso2022_jp")


def test_binary_files_are_recognised_but_a_stray_nul_is_still_text():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    assert looks_binary(png)
    with pytest.raises(InputError, match="テキストファイルではありません"):
        decode(png, "logo.md")
    pasted = "PDFから貼り付けた\x00文章です。".encode()
    assert not looks_binary(pasted)
    assert decode(pasted, "d.md")[0] == "PDFから貼り付けた\x00文章です。"


def test_encoding_option_is_checked(tmp_path):
    out = CliRunner().invoke(main, ["--encoding", "klingon", str(tmp_path)])
    assert out.exit_code == 2
    assert "--encoding: 知らない文字コードです: klingon" in out.output


def test_the_draft_remembers_its_encoding_for_fixes():
    assert read_draft("d.md", DRAFT.encode("cp932")).encoding == "cp932"
    assert read_draft("d.md", DRAFT.encode("utf-8-sig")).encoding == "utf-8-sig"


INSULT = "市民の皆さまへ。\n窓口に来たあのバカな客には困りました。\n"


def test_control_bytes_before_a_draft_are_an_error_not_a_skipped_file(tmp_path):
    # Hostile padding in front of a real draft once made it "binary, skipped" and exit 0.
    (tmp_path / "post.md").write_bytes(b"\x01" * 1000 + INSULT.encode())
    out = CliRunner().invoke(main, [str(tmp_path / "post.md")])
    assert out.exit_code == 2
    assert f"{tmp_path / 'post.md'}: テキストファイルではありません" in out.output


@pytest.mark.parametrize("where", [0, 10, -1])  # before the text, inside a character, at the end
def test_a_stray_byte_in_utf8_is_an_error_naming_its_line_not_cp932_mojibake(tmp_path, where):
    data = INSULT.encode()
    where = len(data) - 1 if where < 0 else where
    (tmp_path / "post.md").write_bytes(data[:where] + b"\x81" + data[where:])
    out = CliRunner().invoke(main, ["--format", "json", str(tmp_path / "post.md")])
    assert out.exit_code == 2, out.output
    line = data.count(b"\n", 0, where) + 1
    # Inside a character the decoder may take the stray byte as part of it and stop at the
    # next one: the byte named is the first it cannot read.
    assert f"{tmp_path / 'post.md'}:{line}: UTF-8 として読めないバイト 0x" in out.output


def test_a_legacy_draft_is_still_detected_when_it_is_not_broken_utf8():
    for codec in ("cp932", "euc_jp"):
        assert decode(INSULT.encode(codec), "d.md") == (INSULT, codec)
