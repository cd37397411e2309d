"""Clause 4(1): alt text that says nothing or is too long, and text that screen readers mangle
(styled letters, half-width katakana, emoji runs, spaced-out letters), with their plain form."""

from __future__ import annotations

import pytest

from helpers import run


def _found(lint, text: str, prefix: str = "JP-E"):
    return [f for f in lint(text) if f.rule.startswith(prefix)]


@pytest.mark.parametrize(
    "alt,reason",
    [
        ("写真", "「写真」だけでは何の画像か分かりません"),
        ("画像２", "「画像２」だけでは何の画像か分かりません"),
        ("Image", "「Image」だけでは何の画像か分かりません"),
        ("DSC_0042", "ファイル名"),
        ("sakura", "ファイル名"),  # the image's own file name without .jpg
        ("🌸✨", "絵文字や記号だけ"),
        ("高田城址公園の桜が満開です。", "本文と同じ文"),
    ],
)
def test_alt_that_says_nothing_gives_its_reason(lint, alt, reason):
    text = (
        f"---\nimages:\n  - path: img/sakura.jpg\n    alt: {alt}\n    people: none\n---\n高田城址公園の桜が満開です。\n"
    )
    [finding] = _found(lint, text)
    assert finding.rule == "JP-E101" and finding.line == 3 and reason in finding.message


def test_a_describing_alt_is_quiet_even_when_it_contains_a_medium_word(lint):
    text = (
        "---\nimages:\n  - path: img/sakura.jpg\n"
        "    alt: 満開の桜を写した写真。奥に高田城三重櫓\n    people: none\n---\n"
        "高田城址公園の桜が満開です。\n"
    )
    assert _found(lint, text) == []


def test_alt_over_the_platform_limit_gives_both_numbers(lint):
    alt = "会場までの道順を示した地図" * 80  # 1,040 characters
    text = (
        f"---\nplatform: [x, facebook]\nimages:\n  - path: img/map.png\n    people: none\n    alt: {alt}\n---\n"
        "会場案内です。"
    )
    [finding] = _found(lint, text)
    assert finding.rule == "JP-E102" and "1040 文字" in finding.message and "X の上限 1000 文字" in finding.message


@pytest.mark.parametrize(
    "text,match,plain",
    [
        ("𝐍𝐄𝐖 パンフレットができました。", "𝐍𝐄𝐖", "NEW"),
        ("𝓙𝓸𝓮𝓽𝓼𝓾 𝓒𝓲𝓽𝔂 の夜景です。", "𝓙𝓸𝓮𝓽𝓼𝓾 𝓒𝓲𝓽𝔂", "Joetsu City"),
        ("ｲﾍﾞﾝﾄのお知らせです。", "ｲﾍﾞﾝﾄ", "イベント"),
        ("本日限り S A L E 開催", "S A L E", "SALE"),
        ("お　知　ら　せ：雪下ろしの注意", "お　知　ら　せ", "お知らせ"),
    ],
)
def test_mangled_text_is_found_in_the_draft_as_written_with_its_plain_form(lint, text, match, plain):
    [finding] = _found(lint, text)
    assert (finding.match, finding.suggestion) == (match, plain)


@pytest.mark.parametrize(
    "text,fires",
    [
        ("桜が満開です🌸🌸🌸🌸", True),
        ("桜が満開です🌸 🌸 🌸 🌸", True),
        ("桜が満開です🌸🌸🌸", False),
        ("👨‍👩‍👧‍👦👨‍👩‍👧‍👦👍🏻 家族で", False),  # a ZWJ family and a toned thumb are one emoji each: three
        ("🇯🇵🇯🇵🇯🇵🇯🇵 上越市から", True),
        ("🇯🇵🇺🇸 上越市から", False),  # two flags, not four indicators
    ],
)
def test_emoji_runs_count_each_emoji_once(lint, text, fires):
    assert bool([f for f in _found(lint, text) if f.rule == "JP-E105"]) is fires


def test_fix_writes_the_plain_form_of_styled_letters_and_half_width_kana(tmp_path):
    draft = tmp_path / "post.md"
    draft.write_text("𝐍𝐄𝐖 ｲﾍﾞﾝﾄのお知らせ\n本日限り S A L E 開催\n", encoding="utf-8")
    result = run(["lint", "post.md", "--fix", "--select", "JP-E"], cwd=tmp_path)
    # the spaced letters may be a design choice: shown, not rewritten
    assert draft.read_text(encoding="utf-8") == "NEW イベントのお知らせ\n本日限り S A L E 開催\n"
    assert result.exit_code == 0 and "2 件を修正しました" in result.stderr


def test_a_notice_told_only_in_its_flyer_names_what_the_body_lacks(lint):
    text = (
        "---\nimages:\n  - path: img/flyer.jpg\n    alt: 謙信公祭のポスター\n    people: none\n---\n"
        "謙信公祭を開催します！会場は春日山城跡です。詳しくはポスターをご覧ください。\n"
    )
    [finding] = [f for f in lint(text) if f.rule == "JP-E111"]
    assert finding.match == "開催" and "本文に日時・問い合わせ先が書かれていません" in finding.message
    assert not [
        f
        for f in lint(
            text.replace("images:\n  - path: img/flyer.jpg\n    alt: 謙信公祭のポスター\n    people: none\n", "")
        )
        if f.rule == "JP-E111"
    ]  # no picture: nothing can be only in it


CAT = " /\\_/\\\n( o.o )\n > ^ <\n"
SNOWMAN = "      _===_\n     (.,.)\n    ( : )\n   (  :  )\n"
ROUTE = "   /N\\\n    ^\n----+----[P]\n    |\n  [ * ]\n"


@pytest.mark.parametrize("art,lines", [(CAT, 3), (SNOWMAN, 4), (ROUTE, 5)])
def test_ascii_art_is_one_warning_over_its_block(lint, art, lines):
    text = f"雪まつりの案内です。\n{art}ぜひお越しください。\n"
    [finding] = [f for f in _found(lint, text) if f.rule == "JP-E112"]
    assert finding.severity == "warning" and finding.line == 2 and finding.match == art.rstrip()
    assert f"{lines} 行" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "雪まつりの日程\n| 日 | 時間 |\n|---|---|\n| 2/7 | 10:00-16:00 |\n| 2/8 | 10:00-15:00 |\n",  # a Markdown table
        "| day | hours |\n|:---:|---|\n| 7 | 10-16 |\n| 8 | 10-15 |\n",  # one in ASCII only
        "詳細\nhttps://www.city.joetsu.niigata.jp/\nhttps://joetsu-kanko.net/?p=1&q=2\nwww.city.joetsu.niigata.jp/soshiki/\n",
        "Snow Festival 2026\nFeb. 7-8 (Sat-Sun), 10:00-16:00\nTel. 025-526-5111\n#joetsu #snow #festival\n",
        "まさかの大雪です……\n……\n……\n……\n",  # pauses, not a picture (…… is ASCII only after NFKC)
        "！！！\n！！！\n！！！\n雪下ろしは2人以上で。\n",
        "=====\n-----\n=====\n",  # two symbols: a rule line, not a picture
        "(^_^)/ 今日もいい天気\n(>_<) 雪がすごい\n",  # kaomoji beside words
    ],
)
def test_tables_addresses_text_and_pauses_are_not_ascii_art(lint, text):
    assert not [f for f in lint(text) if f.rule == "JP-E112"]


def test_rare_loanwords_are_named_at_their_sentence(lint):
    text = (
        "雪まつりを開催します。事業者へのインセンティブを設け、エビデンスに基づく施策を進めます。ぜひご参加ください。"
    )
    [finding] = [f for f in lint(text) if f.rule == "JP-E113"]
    assert finding.match == "事業者へのインセンティブを設け、エビデンスに基づく施策を進めます。"
    assert "「インセンティブ、エビデンス」" in finding.message and finding.severity == "info"


@pytest.mark.parametrize(
    "text",
    [
        "雪まつりのイベントでボランティアを募集します。詳しくはホームページをご覧ください。",
        "マイナンバーカードの申請はスマートフォンからもできます。",  # the list's own words; common parts
        "サンケイスポーツに上越市の記事が載りました。",  # a name, not vocabulary
    ],
)
def test_common_loanwords_and_names_are_quiet(lint, text):
    assert not [f for f in lint(text) if f.rule == "JP-E113"]


def test_the_loanword_threshold_and_count_are_the_rules_options(tmp_path):
    from sm_lint.io.document import parse_draft
    from sm_lint.rules.kinds.loanword import compile_loanword
    from sm_lint.text.analysis import analyse

    analysis = analyse(
        parse_draft("地域のステークホルダーとのコンセンサスを得ます。プラネタリウムで星を見ます。", "<text>")
    )

    def words(**options):
        matcher = compile_loanword({"loanword": {"file": "common-loanwords.txt"}, **options}, "test")
        return [hit.detail["words"] for hit in matcher.find(analysis)]

    assert words() == ["ステークホルダー、コンセンサス"]  # プラネタリウム: Zipf 3.26, common from 3.2
    assert words(zipf=3.5) == ["ステークホルダー、コンセンサス", "プラネタリウム"]
    assert words(min=2) == ["ステークホルダー、コンセンサス"]
    assert words(min=3) == []
