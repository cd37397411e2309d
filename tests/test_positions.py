"""Findings point at the original file: 1-based lines, columns in characters."""

from __future__ import annotations

from sm_lint.document import parse_draft


def _only(findings, rule):
    hits = [f for f in findings if f.rule == rule]
    assert len(hits) == 1, findings
    return hits[0]


def test_position_below_front_matter(lint):
    text = "---\nplatform: x\naccount: joetsu_city\n---\n本日の窓口は混雑しています。\nあのバカな客には困った。\n"
    f = _only(lint(text), "JP-P101")
    assert (f.line, f.column, f.end_line, f.end_column) == (6, 3, 6, 5)
    assert f.match == "バカ"


def test_crlf_line_endings(lint):
    text = "---\r\nplatform: x\r\n---\r\n一行目です。\r\n二行目の裏日本。\r\n"
    f = _only(lint(text), "JP-P201")
    assert (f.line, f.column) == (5, 5)
    assert f.match == "裏日本"
    assert text[f.start:f.end] == "裏日本"


def test_full_width_and_emoji_before_match_count_as_one_column(lint):
    text = "🎍👨‍👩‍👧ＡＢＣ　ばかな話だ"
    f = _only(lint(text), "JP-P101")
    # 🎍 + 5 code points of the ZWJ family + ＡＢＣ + U+3000 = 10 characters before the match
    assert f.column == 11
    assert f.match == "ばか"


def test_half_width_kana_reports_original_span(lint):
    text = "あいつはﾊﾞｶだ。"
    f = _only(lint(text), "JP-P101")
    assert f.match == text[f.start:f.end] == "ﾊﾞｶ"
    assert (f.column, f.end_column) == (5, 8)


def test_front_matter_only_with_bom_and_body_offsets():
    draft = parse_draft("\ufeff---\ntitle: テスト\n---\n本文", "a.md")
    assert draft.front_matter == {"title": "テスト"}
    assert draft.body == "本文"
    assert draft.position(draft.body_start) == (4, 1)


def test_text_without_front_matter_starts_at_line_one():
    draft = parse_draft("---ではない\n本文", "a.md")
    assert draft.body_start == 0 and draft.front_matter == {}
