"""Post metadata and platforms (issue 5): front-matter schema, posting time, replies, approval,
platform limits, accounts and reasoned suppressions, on realistic drafts."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml

from sm_lint.checks.post.counting import crossing, post_text, x_weighted
from sm_lint.errors import ConfigError
from sm_lint.io.inputs import Source
from sm_lint.io.yamlsafe import load_yaml
from sm_lint.report import ReportContext, render
from sm_lint.rules.sections import parse_config

SNOW = "本日の除雪情報です。市道の除雪は午前5時から始めています。"


def draft(body: str = SNOW, **front) -> str:
    lines = [f"{k.replace('_dash_', '-')}: {v}" for k, v in front.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def config(text: str):
    return parse_config(load_yaml(text), ".sm-lint.yaml")


def found(lint, text, cfg=None):
    return [(f.rule, f.line) for f in lint(text, config=cfg)]


def rules_of(lint, text, cfg=None, prefix="JP-"):
    # the 4(1) readability rules would judge the filler (あ × 141), not the metadata
    return sorted(
        {f.rule for f in lint(text, config=cfg) if f.rule.startswith(prefix) and f.category != "accessibility"}
    )


# --- the front-matter schema -------------------------------------------------------------


def test_unknown_key_is_reported_at_its_line_with_a_hint(lint):
    text = "---\nplatform: x\napprove_by: 広報対話課長\n---\n" + SNOW
    hits = [f for f in lint(text) if f.rule == "JP-M101"]
    # an error: a misspelt key's checks would not run, and a warning lets the draft through
    assert [(h.line, h.severity) for h in hits] == [(3, "error")]
    assert "「approved_by」の誤りでは?" in hits[0].message


def test_a_misspelt_platform_fails_the_draft(tmp_path):
    from helpers import run

    (tmp_path / "draft.md").write_text("---\nplatfrom: x\napproved_by: 広報対話課長\n---\n" + SNOW, encoding="utf-8")
    result = run(["--format", "concise", "draft.md"], cwd=tmp_path)
    assert result.exit_code == 1
    assert (
        "draft.md:2:1: エラー JP-M101 [6(1)②] front matter: `platfrom` は知らない項目です (「platform」の誤りでは?)"
        in result.stdout
    )


def test_an_unknown_key_without_a_close_spelling_lists_the_known_ones(lint):
    text = "---\nplatform: x\nhashtags: [上越市]\n---\n" + SNOW
    hits = [f for f in lint(text) if f.rule == "JP-M101"]
    assert [h.line for h in hits] == [3]
    assert "書ける項目: platform, account" in hits[0].message


IMAGE_WITH_FILE = """---
approved_by: 広報対話課長
images:
  - file: img/snow-festival.jpg
    alt: 雪まつり会場のようす
    people: crowd
  - path: img/stage.jpg
    alt:
    people:
---
本日の雪まつりのようすです。
"""


def test_a_misspelt_key_of_an_image_entry_is_reported_and_the_entry_still_named(lint):
    found = lint(IMAGE_WITH_FILE)
    unknown = [f for f in found if f.rule == "JP-M101"]
    assert [(f.line, f.match) for f in unknown] == [(4, "  - file: img/snow-festival.jpg")]
    assert "`images[0].file`" in unknown[0].message and "path, alt, people, consent" in unknown[0].message
    # alt and people belong to the portrait-consent rules: reported once, by them, not
    # a second time by the schema as "no value"
    assert not [f for f in found if f.rule == "JP-M102"]
    by_rule = {f.rule: f for f in found if f.rule in ("JP-F102", "JP-F103")}
    assert by_rule["JP-F103"].message.startswith("img/stage.jpg に代替テキスト")
    assert by_rule["JP-F102"].message.startswith("img/stage.jpg に人物が")


def test_an_image_entry_without_a_path_is_named_by_its_place(lint):
    text = "---\nimages:\n  - alt: 雪まつり\n  - people: crowd\n  - path: [a.jpg, b.jpg]\n---\n" + SNOW
    alt = [f.message for f in lint(text) if f.rule == "JP-F103"]
    people = [f.message for f in lint(text) if f.rule == "JP-F102"]
    assert alt == [f"images[{i}] に代替テキスト（alt）がありません。画像の内容を短く書いてください。" for i in (1, 2)]
    assert people == [
        f"images[{i}] に人物が写っているか（people: none / crowd / identifiable）を書いてください。" for i in (0, 2)
    ]


def test_markdown_images_in_the_body_are_checked_like_entries(lint):
    text = (
        "---\nplatform: facebook\nimages:\n  - path: img/kids.jpg\n    people: identifiable\n---\n"
        "雪遊びの様子です。\n"
        "![園児の雪遊び](img/kids.jpg)\n"  # the entry's alt: its consent is still missing
        "![](img/castle.jpg)\n"  # no entry, no alt
        '![雪の高田城](<img/castle 2.jpg> "高田城")\n'
    )
    found = [(f.rule, f.line, f.message.split(" に")[0]) for f in lint(text) if f.category == "portrait-consent"]
    assert found == [
        ("JP-F101", 4, "img/kids.jpg"),
        ("JP-F102", 9, "img/castle.jpg"),
        ("JP-F103", 9, "img/castle.jpg"),
        ("JP-F102", 10, "img/castle 2.jpg"),
    ]


# every platform the schema takes, in its order (a platform added there is listed too)
PLATFORMS = ", ".join(
    yaml.safe_load((Path(__file__).parents[1] / "rules/schema/front-matter.yaml").read_text(encoding="utf-8"))["keys"][
        "platform"
    ]["enum"]
)


@pytest.mark.parametrize(
    "line,expected",
    [
        ("platform: threads", f"使える値: {PLATFORMS}"),  # not one of the platforms
        ("platform: facebok", f"「facebook」の誤りでは?)。使える値: {PLATFORMS}"),
        ("kind: 返信", "使える値: post, reply, quote"),
        ("use: offical", "`use: offical` は使えません (「official」の誤りでは?)。使える値: official, private"),
        ("scheduled_at: 2026-12-01", "時刻がありません"),  # a date without a time
        ("scheduled_at: 来週の月曜", "日時"),
        ("approved_by: [課長, 部長]", "文字列"),
        ("images: photo.jpg", "リスト"),
    ],
)
def test_bad_values_are_errors_at_their_line(lint, line, expected):
    approval = "title: お知らせ" if line.startswith("approved_by") else "approved_by: 広報対話課長"
    text = f"---\n{approval}\n{line}\n---\n{SNOW}"
    hits = [f for f in lint(text) if f.rule == "JP-M102"]
    assert [h.line for h in hits] == [3]
    assert expected in hits[0].message


@pytest.mark.parametrize("written", ["X", "twitter", "Twitter"])
def test_a_platform_in_another_case_or_by_its_old_name_is_read_as_the_platform(lint, written):
    text = f"---\nplatform: {written}\nuse: Official\napproved_by: 広報対話課長\n---\n" + "雪" * 150
    # X's limit, and no JP-M102 (150 雪 in a row are also a long sentence and a kanji run: 4(1))
    assert [f.rule for f in lint(text) if f.category != "accessibility"] == ["JP-N101"]


def test_a_complete_front_matter_passes_the_schema(lint):
    text = """---
platform: x
account: joetsu_city
use: official
kind: post
scheduled_at: 2026-12-01T09:30:00+09:00
approved_by: 広報対話課長
images:
  - path: photos/snow-festival.jpg
    people: 3
    consent: true
sm-lint:
  allow:
    - rule: JP-P503
      reason: 気象台の発表を引用するため
      approved_by: 広報対話課長
      by: 広報対話課 山田
      until: 2099-03-31
---
本日の除雪情報です。"""
    assert not [f for f in lint(text) if f.category == "metadata" and f.rule != "JP-M111"]


def test_a_draft_without_front_matter_gets_no_metadata_findings(lint):
    assert not [f for f in lint(SNOW) if f.category in ("metadata", "approval", "posting-time", "reply")]


def test_a_malformed_suppression_entry_is_a_schema_finding(lint):
    text = "---\napproved_by: 課長\nsm-lint:\n  allow:\n    - JP-P101\n    - reason: 引用\n---\n" + SNOW
    hits = [(f.rule, f.line) for f in lint(text) if f.rule == "JP-M102"]
    assert hits == [("JP-M102", 4), ("JP-M102", 6)]  # a plain list item has no line of its own: its list's


# --- posting time -------------------------------------------------------------------------


def posting(lint, when, cfg=None, **front):
    text = draft(approved_by="広報対話課長", scheduled_at=when, **front)
    return [f for f in lint(text, config=cfg) if f.category == "posting-time"]


@pytest.mark.parametrize(
    "when",
    [
        "2026-12-01T09:30:00+09:00",  # Tuesday morning
        "2026-12-01T08:30:00+09:00",  # the first minute
        "2026-12-01T17:14:00+09:00",  # the last minute
        "2026-12-01T12:30:00+09:00",  # lunch break: the office is open
        "2026-12-01T00:30:00Z",  # 09:30 in Tokyo
        "2026-11-30T23:30:00-01:00",  # 09:30 in Tokyo the next day
        "2026-12-01 10:00",  # no offset: Tokyo time
        "2027-01-04T09:00:00+09:00",  # the first working day of the year
        "2026-12-28T16:00:00+09:00",  # the last working day of the year
    ],
)
def test_official_posts_in_office_hours_are_fine(lint, when):
    assert posting(lint, when) == []


@pytest.mark.parametrize(
    "when,reason",
    [
        ("2026-12-05T10:00:00+09:00", "土曜日"),
        ("2026-12-06T10:00:00+09:00", "日曜日"),
        ("2026-11-23T10:00:00+09:00", "勤労感謝の日"),
        ("2026-05-06T10:00:00+09:00", "振替休日"),  # substitute holiday, computed by the holiday library
        ("2026-09-22T10:00:00+09:00", "国民の休日"),  # the day between two holidays
        ("2026-12-29T10:00:00+09:00", "閉庁日"),
        ("2027-01-03T10:00:00+09:00", "閉庁日"),
        ("2026-12-01T08:29:00+09:00", "8:30"),
        ("2026-12-01T17:15:00+09:00", "17:15"),
        ("2026-12-01T09:30:00Z", "17:15"),  # 18:30 in Tokyo
    ],
)
def test_official_posts_outside_office_hours_are_warned(lint, when, reason):
    hits = posting(lint, when)
    assert [(h.rule, h.severity, h.line) for h in hits] == [("JP-T101", "warning", 3)]
    assert reason in hits[0].message.replace("08:30", "8:30")


@pytest.mark.parametrize(
    "when,reason",
    [
        ("2026-11-23T10:00:00+09:00", "a national holiday (Labor Thanksgiving Day)"),
        ("2026-05-06T10:00:00+09:00", "a national holiday (Substitute Holiday)"),
        ("2026-12-05T10:00:00+09:00", "(Sat)"),
    ],
)
def test_english_messages_name_the_holiday_in_english(lint, when, reason):
    [hit] = posting(lint, when, config("lang: en\n"))
    assert reason in hit.message and "勤労" not in hit.message and "振替" not in hit.message


@pytest.mark.parametrize(
    "when",
    [
        "2026/12/05 10:00",
        "2026年12月5日(土) 10時30分",
        "２０２６年１２月５日　１０：００",  # full-width, as an IME writes it
        "2026-12-5 9:30",
    ],
)
def test_dates_as_written_in_japanese_are_read(lint, when):
    hits = posting(lint, when)
    assert [h.rule for h in hits] == ["JP-T101"] and "2026-12-05(土)" in hits[0].message


@pytest.mark.parametrize(
    "when, words",
    [
        ("2026年12月5日(月) 10:00", "曜日 (月) が日付と合いません (2026-12-05 は土曜日)"),  # one of them is a typo
        ("2026-12-05", "時刻がありません"),
        ("12/5 10:00", "日時 (例 2026-12-01T09:30:00+09:00)で書いてください"),  # no year
    ],
)
def test_a_schedule_that_cannot_be_read_says_why(lint, when, words):
    findings = lint(draft(scheduled_at=when, approved_by="課長"))
    assert [f.rule for f in findings if f.rule.startswith(("JP-M", "JP-T"))] == ["JP-M102"]
    assert words in next(f.message for f in findings if f.rule == "JP-M102")


def test_urgent_information_may_go_out_at_night(lint):
    assert posting(lint, "2026-12-05T05:30:00+09:00", urgent="disaster") == []
    assert posting(lint, "2026-12-05T20:00:00+09:00", urgent="event") == []


def test_private_posts_in_working_time_are_errors(lint):
    hits = posting(lint, "2026-12-01T10:15:00+09:00", use="private")
    assert [(h.rule, h.severity) for h in hits] == [("JP-T102", "error")]
    assert hits[0].clause == "7(2)②"


@pytest.mark.parametrize(
    "when",
    [
        "2026-12-01T12:15:00+09:00",  # lunch break
        "2026-12-01T18:00:00+09:00",  # after work
        "2026-11-23T10:00:00+09:00",  # holiday
        "2026-12-30T10:00:00+09:00",  # closed day
    ],
)
def test_private_posts_outside_working_time_are_fine(lint, when):
    assert posting(lint, when, use="private") == []


def test_the_schedule_is_configurable(lint):
    cfg = config("schedule:\n  end: 17:00\n  closed: [2026-12-02]\n  days: [mon, tue, wed, thu, fri, sat]\n")
    assert [h.rule for h in posting(lint, "2026-12-01T17:05:00+09:00", cfg)] == ["JP-T101"]
    assert [h.rule for h in posting(lint, "2026-12-02T10:00:00+09:00", cfg)] == ["JP-T101"]
    assert posting(lint, "2026-12-05T10:00:00+09:00", cfg) == []  # Saturday is a working day now
    assert posting(lint, "2026-12-29T10:00:00+09:00", cfg) == []  # the list replaced the defaults
    no_holidays = config("schedule:\n  holidays: false\n")
    assert posting(lint, "2026-11-23T10:00:00+09:00", no_holidays) == []


@pytest.mark.parametrize(
    "text",
    [
        "schedule:\n  start: 8時半\n",
        "schedule:\n  days: [monday]\n",
        "schedule:\n  timezone: Asia/Joetsu\n",
        "schedule:\n  closed: [12-32]\n",
        "schedule:\n  holidays: XX\n",
        "accounts:\n  joetsu_city: {platform: twitter}\n",
        "platforms:\n  line_delivery: push\n",
        "platforms:\n  limits: {instagram-hashtags: 0}\n",
    ],
)
def test_bad_settings_are_config_errors(text):
    with pytest.raises(ConfigError):
        config(text)


# --- replies and approval -----------------------------------------------------------------


def test_a_reply_is_warned_and_arguing_back_points_to_6_2(lint):
    polite = draft(
        "ご意見ありがとうございます。担当の環境衛生課から改めてご連絡します。", kind="reply", approved_by="課長"
    )
    assert rules_of(lint, polite, prefix="JP-R") == ["JP-R101"]
    arguing = draft(
        "ご指摘は当たりません。除雪は計画どおり適正に行っています。よく読んでください。",
        kind="reply",
        approved_by="課長",
    )
    hits = [f for f in lint(arguing) if f.rule == "JP-R102"]
    assert [h.match for h in hits] == ["ご指摘は当たりません", "よく読んでください"]
    assert hits[0].clause == "6(2)" and hits[0].line == 5


def test_warning_about_false_rumours_in_a_post_is_not_arguing(lint):
    text = draft(
        "SNS上で「断水する」という事実無根の投稿が広がっています。市の発表をご確認ください。", approved_by="課長"
    )
    assert not rules_of(lint, text, prefix="JP-R")


def test_official_draft_without_approval_is_warned_and_can_be_made_an_error(lint):
    text = draft(platform="x")
    hits = [f for f in lint(text) if f.rule == "JP-A101"]
    assert [(h.severity, h.line) for h in hits] == [("warning", 1)]
    strict = config("severity:\n  JP-A101: error\n")
    assert [f.severity for f in lint(text, config=strict) if f.rule == "JP-A101"] == ["error"]
    assert not [f for f in lint(draft(platform="x", approved_by="広報対話課長")) if f.rule == "JP-A101"]


# --- platform limits ----------------------------------------------------------------------


def x_length(text: str) -> int:
    return crossing(x_weighted(post_text(text)), 280, 100)[0]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("あ" * 140, 280),  # domain-notes §1.1, checked with twitter-text
        ("あ" * 141, 282),
        (
            "あ" * 15
            + "https://www.city.joetsu.niigata.jp/soshiki/kouhou/0000000000000000000000000000000000000000.html",
            53,
        ),
        ("👨\u200d👩\u200d👧\u200d👦", 2),  # one family emoji
        ("🇯🇵", 2),
        ("english text 日本語 😷 https://example.com", 46),  # twitter-text's own example
        ("「」。、・\u3000０Ａｱ…※", 22),  # CJK punctuation, full-width forms, … and ※ count 2
        ("—\u201c\u201d", 3),  # em dash and curly quotes count 1
        ("か\u3099", 2),  # NFC makes one が
        ("詳しくはcity.joetsu.niigata.jp/soshiki/へ", 33),  # a bare domain is a URL too
        ("申込みはbit.ly/3xAbCdEから", 35),  # any real TLD, when a path follows
        ("資料はreport.pdf/2から", 22),  # .pdf is no TLD: text
    ],
)
def test_x_weighted_length_matches_twitter_text(text, expected):
    assert x_length(text) == expected


def test_x_finding_gives_count_limit_and_where_the_text_crosses(lint):
    body = "高田城址公園の観桜会は4月上旬から開催します。" * 7
    text = draft(body, platform="x", approved_by="課長")
    (hit,) = [f for f in lint(text) if f.rule == "JP-N101"]
    assert "315" in hit.message and "280" in hit.message
    # 280 weighted = six sentences (270) + 5 characters more (10): the 6th character of the 7th
    assert hit.line == 5 and hit.column == 6 * 23 + 6


def test_html_comments_are_not_counted(lint):
    body = "<!-- 下書きメモ: 広報対話課で確認済み。" + "ここは投稿されません。" * 3 + " -->\n" + "あ" * 140
    assert not [f for f in lint(draft(body, platform="x", approved_by="課長")) if f.rule == "JP-N101"]


def test_instagram_hashtag_cap_points_at_the_first_tag_over_and_is_configurable(lint):
    body = "高田城址公園の夜桜です。\n#上越市 #高田城址公園 #夜桜 #桜 #新潟 #観桜会 #日本三大夜桜"
    text = draft(body, platform="instagram", approved_by="課長")
    (hit,) = [f for f in lint(text) if f.rule == "JP-N103"]
    assert hit.match.startswith("#観桜会") and "7" in hit.message
    legacy = config("platforms:\n  limits: {instagram-hashtags: 30}\n")
    assert not [f for f in lint(text, config=legacy) if f.rule == "JP-N103"]


def test_line_bubbles_split_at_a_configured_marker(lint):
    bubble = "今週の燃やせるごみの収集日をお知らせします。" * 10  # 220 characters
    body = "\n===\n".join([bubble] * 4)
    text = draft(body, platform="line", approved_by="課長")
    assert rules_of(lint, text, None, "JP-N10") == ["JP-N105"]  # without the marker: one long bubble
    marker = config("platforms:\n  line_marker: '==='\n")
    assert rules_of(lint, text, marker, "JP-N10") == ["JP-N106"]
    long_bubble = draft(bubble + "\n---\n" + bubble * 3, platform="line", approved_by="課長")
    (hit,) = [f for f in lint(long_bubble) if f.rule == "JP-N105"]
    assert "2 個目" in hit.message and "660" in hit.message


def test_youtube_title_and_description(lint):
    text = draft(
        "＜春編＞ 高田城址公園の夜桜\n詳しくは <https://www.city.joetsu.niigata.jp/> へ",
        platform="youtube",
        title="上越市観光PR動画 <春編>",
        approved_by="課長",
    )
    assert found(lint, text).count(("JP-N111", 3)) == 1
    assert [f.match for f in lint(text) if f.rule == "JP-N110"] == ["<", ">"]


def test_platform_comes_from_the_account_or_the_default(lint):
    cfg = config("accounts:\n  joetsu_city: {name: 上越市, platform: x, department: 広報対話課}\n")
    text = draft("あ" * 141, account="joetsu_city", approved_by="課長")
    assert "JP-N101" in rules_of(lint, text, cfg)
    default = config("platforms:\n  default: x\n")
    assert "JP-N101" in rules_of(lint, "あ" * 141, default)
    assert "JP-N101" not in rules_of(lint, "あ" * 141)


def test_a_post_for_several_platforms_is_checked_against_each(lint):
    tags = " ".join(f"#上越{i}" for i in range(7))
    text = draft("あ" * 141 + "\n" + tags, platform="[X, instagram]", approved_by="課長")
    assert rules_of(lint, text) == ["JP-N101", "JP-N103"]  # X's length, Instagram's hashtags
    assert rules_of(lint, draft("あ" * 141, platform="[line, facebook]", approved_by="課長")) == []
    [bad] = [f for f in lint(draft(platform="[x, threads]", approved_by="課長")) if f.rule == "JP-M102"]
    assert "`platform: threads` は使えません" in bad.message


# --- accounts -------------------------------------------------------------------------------

ACCOUNTS = "accounts:\n  joetsu_city: {name: 上越市, platform: x, department: 広報対話課}\n"


def test_accounts_are_checked_when_configured(lint):
    cfg = config(ACCOUNTS)
    assert found(lint, draft(account="joetsu_kanko", approved_by="課長"), cfg) == [("JP-M103", 2)]
    assert found(lint, draft(platform="x", approved_by="課長"), cfg) == [("JP-M104", 1)]
    mismatch = draft(account="joetsu_city", platform="line", approved_by="課長")
    assert found(lint, mismatch, cfg) == [("JP-M105", 3)]
    assert found(lint, draft(account="joetsu_city", platform="x", approved_by="課長"), cfg) == []
    # a post for several platforms names its account's among them
    assert found(lint, draft(account="joetsu_city", platform="[x, facebook]", approved_by="課長"), cfg) == []
    [several] = lint(draft(account="joetsu_city", platform="[line, facebook]", approved_by="課長"), config=cfg)
    assert several.rule == "JP-M105" and "`platform: line, facebook`" in several.message


# --- reasoned suppressions ----------------------------------------------------------------

QUOTE = "市に「役所の馬鹿」という書き込みが寄せられています。誹謗中傷はおやめください。"
WAIVER = """sm-lint:
  allow:
    - rule: JP-P101
      reason: 寄せられた書き込みをそのまま示して注意を呼びかけるため
      approved_by: 広報対話課長
      by: 広報対話課 山田
      until: 2099-03-31"""


def test_a_reasoned_waiver_suppresses_its_rule_and_is_audited(lint):
    text = "---\napproved_by: 広報対話課長\n" + WAIVER + "\n---\n" + QUOTE
    (hit,) = [f for f in lint(text) if f.rule == "JP-P101"]
    assert hit.suppressed_by and "広報対話課長" in hit.suppressed_by and "line 5" in hit.suppressed_by
    assert not [f for f in lint(text) if f.category == "metadata"]


def test_a_waiver_without_reason_or_approver_does_not_suppress(lint):
    text = (
        "---\napproved_by: 広報対話課長\nsm-lint:\n  allow:\n"
        "    - rule: JP-P101\n      approved_by: 広報対話課長\n---\n"
    ) + QUOTE
    findings = lint(text)
    assert [(f.rule, f.line) for f in findings if f.rule == "JP-M110"] == [("JP-M110", 5)]
    assert [f.suppressed_by for f in findings if f.rule == "JP-P101"] == [None]


def test_inline_suppression_covers_the_next_line_only(lint):
    text = (
        "<!-- sm-lint-allow JP-P101: 寄せられた書き込みの引用 -->\n"
        "「役所の馬鹿」という書き込みがありました。\n"
        "馬鹿という言葉は使わないでください。\n"
    )
    findings = [f for f in lint(text) if f.rule == "JP-P101"]
    assert [(f.line, bool(f.suppressed_by)) for f in findings] == [(2, True), (3, False)]


def test_unused_and_mistyped_suppressions_are_reported(lint):
    text = (
        "---\napproved_by: 広報対話課長\nsm-lint:\n  allow:\n"
        "    - {rule: JP-P1O1, reason: 引用のため, approved_by: 広報対話課長}\n---\n"
        "<!-- sm-lint-allow JP-P101: 引用のため -->\n本日の除雪情報です。\n"
    )
    unused = [f for f in lint(text) if f.rule == "JP-M111"]
    assert [(f.rule, f.line) for f in unused] == [("JP-M111", 5), ("JP-M111", 7)]
    # the mistyped id (a letter O for a zero) is named, with the rule probably meant
    assert "JP-P1O1 というルールはありません (「JP-P101」の誤りでは?)。" in unused[0].message
    assert "というルール" not in unused[1].message


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- sm-lint: disable-next-line JP-P101 -->",  # ESLint's wording
        "<!-- sm-lint-disable JP-P101 -->",  # textlint's
        "<!-- SM-LINT-ALLOW: 引用のため -->",  # no rule id
    ],
)
def test_a_comment_to_sm_lint_it_cannot_read_is_reported_and_suppresses_nothing(lint, comment):
    findings = lint(f"本日の除雪情報です。\n{comment}\n「役所の馬鹿」という書き込みがありました。\n")
    assert [(f.rule, f.line) for f in findings if f.category == "metadata"] == [("JP-M112", 2)]
    assert [f.suppressed_by for f in findings if f.rule == "JP-P101"] == [None]


def test_comments_not_addressed_to_sm_lint_are_left_alone(lint):
    text = (
        "<!-- textlint-disable -->\n<!-- 写真は後で差し替え -->\n"
        "<!-- sm-lint-allow JP-P101: 引用 by: 広報対話課 山田 until: 2099-03-31 -->\n「馬鹿」\n"
    )
    assert not [f for f in lint(text) if f.category == "metadata"]


def test_suppressed_findings_do_not_fail_the_run_but_are_in_json(linter, tmp_path):
    path = tmp_path / "quote.md"
    path.write_text("---\napproved_by: 広報対話課長\n" + WAIVER + "\n---\n" + QUOTE, encoding="utf-8")
    result = linter.lint_sources([Source(str(path), path)])
    assert result.failing == 0
    out = io.StringIO()
    render("json", result.findings, ReportContext(stream=out))
    (entry,) = [e for e in json.loads(out.getvalue())["findings"] if e["rule"] == "JP-P101"]
    assert "寄せられた書き込み" in entry["suppressed_by"]
    concise = io.StringIO()
    render("concise", result.findings, ReportContext(stream=concise))
    assert "JP-P101" not in concise.getvalue()


@pytest.mark.parametrize(
    "value",
    [
        "2026-13-01T10:00:00",  # looks like a YAML timestamp, is no date
        "2026-02-30",
        "9999-12-31T23:59:59-12:00",  # beyond the last day in Tokyo
    ],
)
def test_impossible_times_never_crash(lint, value):
    rules = {f.rule for f in lint(draft(scheduled_at=value, approved_by="課長"))}
    assert not rules & {"JP-T101", "JP-T102"}


@pytest.mark.parametrize(
    "text",
    [
        "上越市の観桜会は4月です。",
        "Hello, world — “quotes” and … and ※ and 　(ideographic space)",
        "詳しくは https://www.city.joetsu.niigata.jp/site/kanko/ と example.jp を見てね 👨‍👩‍👧‍👦🇯🇵 e\u0301",
        "ｱｲｳ ＡＢＣ ０１２ ㈱ か\u3099",
    ],
)
def test_fast_x_total_equals_the_unit_walk(text):
    from sm_lint.checks.post.counting import post_text, x_weighted, x_weighted_total

    post = post_text(text)
    assert x_weighted_total(post) == sum(cost for _, _, cost in x_weighted(post))


@pytest.mark.parametrize("measure", ["characters", "utf16", "bytes", "hashtags"])
def test_fast_totals_equal_the_unit_walks(measure):
    from sm_lint.checks.post.counting import MEASURES, TOTALS, post_text

    post = post_text("#上越市 の𠮷野家と #高田 の 😀 です\nLINE の吹き出し")
    walk, _ = MEASURES[measure]
    assert TOTALS[measure](post) == sum(cost for _, _, cost in walk(post))


def test_several_problems_on_one_front_matter_line_are_all_reported(lint):
    findings = lint("---\nimages: [1, 2, 3]\n---\n本文です。\n")
    problems = [f for f in findings if f.rule == "JP-M102"]
    assert len(problems) == 3 and len({f.message for f in problems}) == 3


def test_suppressed_findings_are_audited_not_counted(tmp_path):
    import json as jsonlib

    from helpers import run

    draft = tmp_path / "post.md"
    draft.write_text(
        "<!-- sm-lint-allow JP-P201: 歴史的な呼び名の紹介のため by: 広報対話課 山田 until: 2099-03-31 -->\n"
        "裏日本と呼ばれた時代の話です。\n",
        encoding="utf-8",
    )
    stats = run(["--statistics", "--format", "json", "post.md"], cwd=tmp_path)
    assert "JP-P201" not in stats.stdout
    sarif = jsonlib.loads(run(["--format", "sarif", "post.md"], cwd=tmp_path).stdout)
    [result] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "JP-P201"]
    assert result["suppressions"][0]["justification"].count("歴史的な呼び名") == 1
    assert "JP-P201" not in run(["--format", "github", "post.md"], cwd=tmp_path).stdout


def test_full_width_hashtags_count_towards_the_instagram_cap(rule_ids):
    tags = " ".join(f"＃上越{n}" for n in range(6))
    assert "JP-N103" in rule_ids(f"---\nplatform: instagram\n---\n雪の高田公園です。\n{tags}\n")
    assert "JP-N103" not in rule_ids(f"---\nplatform: instagram\n---\n雪の高田公園です。\n{tags[:-5]}\n")


def test_emoji_and_urls_next_to_each_other_count_once_each():
    from sm_lint.checks.post.counting import post_text, x_weighted, x_weighted_total

    post = post_text("雪だるま⛄👍🏻 https://www.city.joetsu.niigata.jp/👍 example.jp " * 50)
    # per repeat: 4 kana (8) + 2 emoji (4) + space + URL (23) + emoji (2) + space + domain (23) + space
    assert x_weighted_total(post) == sum(cost for _, _, cost in x_weighted(post)) == 50 * 6300 - 100


LIBRARY_NEWS = (
    "<!-- sm-lint-allow JP-P101, JP-P201: 小説の題名をそのまま紹介するため -->\n"
    "今月の一冊は「裏日本のあのバカ息子」です。\n"
)


def test_a_suppression_comment_in_a_plain_text_draft_is_posted_text_not_a_suppression(lint):
    # in Markdown the comment is hidden and suppresses the next line
    assert [
        f.rule for f in lint(LIBRARY_NEWS, "図書館だより.md") if not f.suppressed_by and f.rule.startswith("JP-P")
    ] == []
    # a .txt draft is posted as written: the comment would be seen, and it suppresses nothing
    found = lint(LIBRARY_NEWS, "図書館だより.txt")
    assert [(f.rule, f.line, f.suppressed_by) for f in found if f.rule in ("JP-M113", "JP-P101", "JP-P201")] == [
        ("JP-M113", 1, None),
        ("JP-P201", 2, None),
        ("JP-P101", 2, None),
    ]
    posted = next(f for f in found if f.rule == "JP-M113")
    assert "投稿される文章の一部" in posted.message
    # the suggestion is the front matter to paste at the top instead
    assert posted.suggestion == (
        "---\nsm-lint:\n  allow:\n"
        "    - rule: JP-P101\n      reason: 小説の題名をそのまま紹介するため\n"
        "      approved_by:\n      by:\n      until:\n"
        "    - rule: JP-P201\n      reason: 小説の題名をそのまま紹介するため\n"
        "      approved_by:\n      by:\n      until:\n---"
    )
    # an owner and a last day written in the comment are carried over, pasted as they were said
    owned = LIBRARY_NEWS.replace("ため -->", "ため by: 図書館 山田 until: 2027-03-31 -->")
    posted = next(f for f in lint(owned, "図書館だより.txt") if f.rule == "JP-M113")
    assert (
        "      reason: 小説の題名をそのまま紹介するため\n"
        "      approved_by:\n      by: 図書館 山田\n      until: 2027-03-31\n"
    ) in posted.suggestion


def test_a_plain_text_draft_suppresses_in_its_front_matter(lint):
    text = (
        "---\nsm-lint:\n  allow:\n    - rule: JP-P101\n      reason: 小説の題名をそのまま紹介するため\n"
        "      approved_by: 図書館長\n      by: 図書館 山田\n      until: 2099-03-31\n---\n"
        "今月の一冊は「あのバカは荒れ野を目指す」です。\n"
    )
    found = lint(text, "図書館だより.txt")
    assert [(f.rule, f.suppressed_by is not None) for f in found if f.rule == "JP-P101"] == [("JP-P101", True)]
    assert not [f for f in found if f.rule.startswith("JP-M11")]
