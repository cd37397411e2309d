"""Findings point at the original file: 1-based lines, columns in characters."""

from __future__ import annotations

import pytest

from sm_lint.errors import InputError
from sm_lint.io.document import parse_draft


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
    assert text[f.start : f.end] == "裏日本"


def test_full_width_and_emoji_before_match_count_as_one_column(lint):
    text = "🎍👨‍👩‍👧ＡＢＣ　ばかな話だ"
    f = _only(lint(text), "JP-P101")
    # 🎍 + 5 code points of the ZWJ family + ＡＢＣ + U+3000 = 10 characters before the match
    assert f.column == 11
    assert f.match == "ばか"


def test_half_width_kana_reports_original_span(lint):
    text = "あいつはﾊﾞｶだ。"
    f = _only(lint(text), "JP-P101")
    assert f.match == text[f.start : f.end] == "ﾊﾞｶ"
    assert (f.column, f.end_column) == (5, 8)


def test_front_matter_only_with_bom_and_body_offsets():
    draft = parse_draft("\ufeff---\ntitle: テスト\n---\n本文", "a.md")
    assert draft.front_matter == {"title": "テスト"}
    assert draft.body == "本文"
    assert draft.position(draft.body_start) == (4, 1)


def test_text_without_front_matter_starts_at_line_one():
    draft = parse_draft("---ではない\n本文", "a.md")
    assert draft.body_start == 0 and draft.front_matter == {}


@pytest.mark.parametrize(
    "text",
    [
        "---\nplatform: x\napproved_by: 広報対話課長\n本日の除雪情報です。\n",
        "\ufeff---\r\nplatform: x\r\n本文\r\n",
        "---\nimages:\n  - path: a.jpg\n",
    ],
)
def test_front_matter_without_its_closing_line_is_an_input_error(text):
    # Read as body text, its settings (approval, platform, schedule) would go unchecked.
    with pytest.raises(InputError) as caught:
        parse_draft(text, "a.md")
    assert caught.value.where == "a.md:1"
    assert "終わりを示す `---`" in caught.value.text("ja") and "closing `---`" in caught.value.text("en")


@pytest.mark.parametrize(
    "text",
    [
        "---\n詳しくは https://www.city.joetsu.niigata.jp/ をご覧ください。\n",  # a rule, then a link
        "---\nhttps://example.jp\n",
        "----\nplatform: x\n",  # not a front-matter opening
        "本文\n---\nplatform: x\n",
        "---\n【年末年始のお知らせ】\n---\nごみの収集日が変わります。\n",  # a LINE bubble's heading between rules
        "---\n\n　上越市です！\n---\n",
    ],
)
def test_a_draft_that_only_starts_with_a_rule_is_body_text(text):
    draft = parse_draft(text, "a.md")
    assert draft.body_start == 0 and draft.front_matter == {}


@pytest.mark.parametrize(
    "text",
    [
        "---\nplatform x\n---\n本文\n",  # a key without its colon: a front matter written wrong
        "---\n告知：年末年始\n---\n本文\n",  # a colon: it may be one
    ],
)
def test_text_between_rules_that_may_be_a_front_matter_is_still_refused(text):
    with pytest.raises(InputError, match="キー: 値"):
        parse_draft(text, "a.md")
