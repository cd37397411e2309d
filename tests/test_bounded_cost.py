"""Bounded cost on untrusted drafts (issue 22): what one hostile draft can make a run pay."""

from __future__ import annotations

import tracemalloc

from click.testing import CliRunner

from sm_lint.cli import main
from sm_lint.io.document import parse_draft
from sm_lint.text.analysis import analyse
from sm_lint.text.tokenizer import tokenize

# A draft with an image pasted as base64 text: one run of letters and digits, no break.
PASTED = (
    "イベントの写真です。\n" + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk" * 100 + "\n以上です。\n"
)


def test_a_long_run_of_latin_letters_is_not_one_token_per_character():
    tokens = analyse(parse_draft(PASTED, "post.md")).tokens
    run = [t for t in tokens if t.surface.isascii()]
    pasted = PASTED.split("\n")[1]
    # MeCab groups a run of one class (letters, digits) only up to 24 characters, and gave
    # one token per character beyond: 5,600 tokens for these 5,800 characters. Now each
    # run of letters or of digits is one token (403 here).
    assert len(run) * 10 <= len(pasted), [t.surface[:30] for t in run[:5]]
    assert "".join(t.surface for t in run) == pasted
    assert all(PASTED[t.start : t.end] == t.surface for t in tokens)


def _peak_per_byte(text: str) -> float:
    tokenize("テスト")  # the dictionary is loaded before measuring
    tracemalloc.start()
    try:
        tokens = tokenize(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert tokens
    return peak / len(text.encode())


def test_tokenizing_letters_keeps_memory_under_30_bytes_per_input_byte():
    # Python's own allocations while tokenizing 200 KB of letters with spaces now and then
    # (words too long for MeCab's grouping): 150 bytes and more per byte when every letter
    # was a token.
    text = ("Lorem" + "ipsumdolorsitamet" * 3 + " ") * 3000
    assert _peak_per_byte(text) <= 30


LARGE = ("高田城址公園の桜が見頃です。窓口に来たあのバカな客には困りました。\n" * 11_000).encode()  # 1.1 MiB


def lint(*args, **kwargs):
    return CliRunner().invoke(main, ["--format", "concise", *map(str, args)], **kwargs)


def test_a_draft_over_one_mib_is_refused_by_default_with_its_name(tmp_path):
    (tmp_path / "post.md").write_bytes(LARGE)
    out = lint(tmp_path / "post.md")
    assert out.exit_code == 2
    assert out.output.strip() == (
        f"sm-lint: {tmp_path / 'post.md'}: 下書きとしては大きすぎます ({len(LARGE):,} バイト、上限 1MiB)。"
        "投稿の下書きか確かめてください。上限は .sm-lint.yaml の max-draft-size か --max-draft-size で変えられます"
    )


def test_the_limit_is_read_from_the_configuration_and_the_option_wins(tmp_path):
    (tmp_path / "post.md").write_bytes(LARGE)
    (tmp_path / ".sm-lint.yaml").write_text("max-draft-size: 2MiB\n", encoding="utf-8")
    assert lint(tmp_path / "post.md").exit_code == 1  # linted: the insult is found
    out = lint("--max-draft-size", "512KiB", tmp_path / "post.md")
    assert out.exit_code == 2 and "上限 512KiB" in out.output


def test_stdin_is_read_no_further_than_the_limit():
    out = lint("--max-draft-size", "1KiB", "-", input=LARGE)
    assert out.exit_code == 2 and "-: 下書きとしては大きすぎます (上限 1KiB)" in out.output


def test_a_size_that_is_not_one_is_a_clear_error(tmp_path):
    (tmp_path / ".sm-lint.yaml").write_text("max-draft-size: 1.5MB\n", encoding="utf-8")
    (tmp_path / "post.md").write_text("雪が降りました。\n", encoding="utf-8")
    out = lint(tmp_path / "post.md")
    assert out.exit_code == 2
    assert (
        f"{tmp_path / '.sm-lint.yaml'}:1: `max-draft-size` は 2MiB や 512KiB のような大きさで書いてください"
        in out.output
    )
    out = lint("--max-draft-size", "big", tmp_path / "post.md")
    assert out.exit_code == 2 and "--max-draft-size" in out.output
