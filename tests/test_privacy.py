"""Personal information and portrait consent (5(3), 6(1)①) on realistic drafts.

Every name, number and address here is made up for the test (090-0000-xxxx style numbers,
addresses with 9s); the city's own number and address are public.
"""

from __future__ import annotations

import pytest

from sm_lint.checks.privacy.checksums import luhn_valid, my_number_valid
from sm_lint.errors import ConfigError
from sm_lint.io.yamlsafe import load_yaml
from sm_lint.rules.sections import parse_config


def config(text: str):
    return parse_config(load_yaml(text), ".sm-lint.yaml")


def found(lint, text, rule=None, **kwargs):
    """(rule, severity, match) of the privacy findings."""
    return [
        (f.rule, f.severity, f.match)
        for f in lint(text, **kwargs)
        if f.category in ("personal-info", "portrait-consent") and (rule is None or f.rule == rule)
    ]


def severities(lint, text, rule, **kwargs):
    return [s for _, s, _ in found(lint, text, rule, **kwargs)]


# --- check digits -------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["123456789018", "000000000000"])
def test_my_number_check_digit_valid(number):
    # 123456789018 is the ordinance's worked example (domain-notes §3.1); for all zeros the sum
    # is 0, remainder 0 <= 1, so the check digit is 0.
    assert my_number_valid(number)


@pytest.mark.parametrize("number", ["123456789012", "123456789019", "12345678901", "12345678901a"])
def test_my_number_check_digit_invalid(number):
    assert not my_number_valid(number)


@pytest.mark.parametrize("number", ["4111111111111111", "5555555555554444", "378282246310005", "79927398713"])
def test_luhn_valid(number):
    # Well-known card test numbers (Visa, Mastercard, Amex) and the textbook 79927398713.
    assert luhn_valid(number)


@pytest.mark.parametrize("number", ["4111111111111112", "79927398710", "1234567812345678"])
def test_luhn_invalid(number):
    assert not luhn_valid(number)


# --- phone numbers ------------------------------------------------------------------------


def test_mobile_number_in_full_width_is_an_error_on_the_original_span(lint):
    text = "持ち主の方は　０９０－００００－１２３４（日中のみ）までご連絡ください。"
    hits = found(lint, text, "JP-I101")
    assert hits == [("JP-I101", "error", "０９０－００００－１２３４")]


@pytest.mark.parametrize("number", ["090(0000)2345", "+81 90 0000 1234", "07000001234", "060-0000-1234"])
def test_mobile_formats(lint, number):
    assert severities(lint, f"連絡先：{number}", "JP-I101") == ["error"]


def test_city_number_is_allowed_by_default_in_every_format(lint):
    for number in ("025-526-5111", "０２５（５２６）５１１１", "+81-25-526-5111"):
        assert found(lint, f"問い合わせ：上越市役所 {number}", "JP-I101") == []


def test_office_lines_are_info(lint):
    text = "申込み：市民プラザ 025-000-1234、予約センター 0120-000-000、案内 0570-000-123"
    assert severities(lint, text, "JP-I101") == ["info", "info", "info"]


def test_fixed_line_next_to_a_private_name_is_an_error(lint):
    text = "会場の鍵は佐藤美咲さん（025-000-1234）が預かっています。"
    assert severities(lint, text, "JP-I101") == ["error"]


def test_fixed_line_next_to_a_lecturer_stays_info(lint):
    text = "講師：佐藤美咲さん　申込み 025-000-1234"
    assert severities(lint, text, "JP-I101") == ["info"]


def test_allowed_phones_from_config(lint):
    cfg = config("privacy:\n  allowed_phones: ['025-000-1234']\n")
    assert found(lint, "直江津港湾事務所 025-000-1234", "JP-I101", config=cfg) == []
    # the configured list adds to the default: the city's number stays allowed
    assert found(lint, "市役所 025-526-5111", "JP-I101", config=cfg) == []


def test_digit_strings_that_are_no_phone_numbers(lint):
    text = "受付番号1234-5678、令和7年4月1日、定員30人、2025-0401"
    assert found(lint, text, "JP-I101") == []


# --- My Number, cards, ID numbers ---------------------------------------------------------


def test_my_number_valid_check_digit_without_keyword(lint):
    assert severities(lint, "書類の番号は1234 5678 9018です。", "JP-I102") == ["error"]


def test_my_number_keyword_makes_any_12_digits_an_error(lint):
    assert severities(lint, "個人番号：1234-5678-9012", "JP-I102") == ["error"]


def test_twelve_digits_without_check_digit_or_keyword_are_quiet(lint):
    assert found(lint, "問い合わせ番号 123456789012", "JP-I102") == []


def test_credit_card_needs_luhn(lint):
    assert severities(lint, "カード番号 4111-1111-1111-1111", "JP-I103") == ["error"]
    assert found(lint, "カード番号 4111-1111-1111-1112", "JP-I103") == []


def test_digits_in_a_link_are_not_a_card(lint):
    assert found(lint, "詳しくは https://www.city.joetsu.niigata.jp/site/4111111111111111.html", "JP-I103") == []


@pytest.mark.parametrize(
    "text",
    [
        "運転免許証番号 000012345678 の方",
        "被保険者番号 12345678 記号 99",
        "振込先 普通預金 口座番号 0001234",
        "旅券番号 TZ0000001",
    ],
)
def test_id_numbers_with_keyword(lint, text):
    assert severities(lint, text, "JP-I104") == ["error"]


def test_id_number_keyword_too_far_is_quiet(lint):
    text = "運転免許証をお持ちください。" + "会場は高田公園、受付は午前9時からです。" * 2 + "定員は12345678人"
    assert found(lint, text, "JP-I104") == []


# --- e-mail -------------------------------------------------------------------------------


def test_email_grades(lint):
    text = (
        "申込み：joetsu.hanako.0000@gmail.com\n"
        "連絡：hanako0000@docomo.ne.jp\n"
        "主催：info@example-kankou.jp\n"
        "市：kouhou@city.joetsu.niigata.jp"
    )
    assert found(lint, text, "JP-I105") == [
        ("JP-I105", "warning", "joetsu.hanako.0000@gmail.com"),
        ("JP-I105", "warning", "hanako0000@docomo.ne.jp"),
        ("JP-I105", "info", "info@example-kankou.jp"),
    ]


def test_free_mail_next_to_a_private_name_is_an_error(lint):
    text = "写真を送ってくださった鈴木一郎さん（suzuki.0000@yahoo.co.jp）、ありがとうございます。"
    assert severities(lint, text, "JP-I105") == ["error"]


def test_allowed_email_address_from_config(lint):
    cfg = config("privacy:\n  allowed_emails: [joetsu.kankou.0000@gmail.com]\n")
    assert found(lint, "問い合わせ：joetsu.kankou.0000@gmail.com", "JP-I105", config=cfg) == []


# --- addresses ----------------------------------------------------------------------------


def test_home_address_is_an_error(lint):
    text = "新潟県上越市大和9丁目9番9号にお住まいの方から通報がありました。"
    assert found(lint, text, "JP-I106") == [("JP-I106", "error", "新潟県上越市大和9丁目9番9号")]


def test_address_next_to_a_private_name_is_an_error(lint):
    text = "当選者：上越市寺町9-9-9　山田花子さん"
    assert severities(lint, text, "JP-I106") == ["error"]


def test_plain_address_is_a_warning_and_facility_address_info(lint):
    assert severities(lint, "集合場所：上越市寺町9-9-9", "JP-I106") == ["warning"]
    assert severities(lint, "会場：上越文化会館（上越市新光町9-9-9）", "JP-I106") == ["info"]


def test_city_hall_address_is_allowed(lint):
    assert found(lint, "〒943-8601 新潟県上越市木田1-1-3 上越市役所", "JP-I106") == []


def test_allowed_addresses_from_config(lint):
    cfg = config("privacy:\n  allowed_addresses: ['上越市寺町9-9-9']\n")
    assert found(lint, "集合場所：上越市寺町9-9-9", "JP-I106", config=cfg) == []


# --- names --------------------------------------------------------------------------------


def test_place_names_that_look_like_surnames(lint):
    text = "高田公園の桜が見頃です。直江津駅から吉野川まで歩きました。"
    assert found(lint, text, "JP-I107") == []


def test_honorific_makes_a_place_like_surname_a_name(lint):
    assert found(lint, "高田さんが受付にいます。", "JP-I107") == [("JP-I107", "info", "高田")]


def test_name_alone_is_a_reminder(lint):
    assert severities(lint, "ボランティアの田中一郎さん、ありがとうございました。", "JP-I107") == ["info"]


@pytest.mark.parametrize(
    "text",
    [
        "敬老会で表彰された山田花子さん（88・大和）、おめでとうございます。",
        "山田花子さん（37歳）が優勝しました。",
        "田中一郎さんは市内の中学校に通う2年生です。",
        "佐藤美咲さんは先月から入院しています。",
        "鈴木一郎さん、090-0000-1234に折り返しお電話ください。",
        "鈴木一郎様（上越市寺町9-9-9在住）のお忘れ物をお預かりしています。",
    ],
)
def test_name_with_an_identifying_detail_is_an_error(lint, text):
    assert "error" in severities(lint, text, "JP-I107")


def test_name_split_by_the_tagger_is_still_found(lint):
    # The given name is rare, so the tagger splits it into common nouns; the surname leads.
    assert severities(lint, "表彰された平野可野さん（88歳・大和）、おめでとうございます。", "JP-I107") == ["error"]


def test_contact_name_in_brackets_after_a_phone_number(lint):
    assert [m for _, _, m in found(lint, "持ち主の方は090-0000-1234（根本保菜）へ。", "JP-I107")] == ["根本保菜"]


def test_role_words_with_honorific_are_not_names(lint):
    text = "市民の皆さん、市職員さん、生産者さん、上越市さん、保育園さんへ"
    assert found(lint, text, "JP-I107") == []


def test_public_role_is_never_combined(lint):
    text = "上越市長 中川幹太 (55歳) があいさつしました。"
    assert severities(lint, text, "JP-I107") == ["info"]


@pytest.mark.parametrize(
    "text",
    [
        # round15: the head of an office joined by の is an official; the number right after an
        # office (in brackets, after a colon, after a phone label) is the office's, not a person's
        "市民生活課長の高橋亘が制度の概要を説明します。問い合わせは市民生活課(025-520-5671)へ。",
        "中央図書館長の森田薫がお話しします。申込み：中央図書館 電話：025-000-2234",
        "参加者の佐藤美咲さんが話します。問い合わせは南出張所（025-000-3345）へ。",
    ],
)
def test_an_official_by_title_and_an_offices_number_are_no_private_contact(lint, text):
    assert [s for _, s, _ in found(lint, text) if s != "info"] == []


@pytest.mark.parametrize(
    "text",
    [
        # a citizen group's role joined by の is no office; a number after a name is the person's
        "子ども会の連絡は、会長の大野さん（電話 025-000-4456）へ。",
        "市民生活課長の高橋さん（090-0000-1234）まで。",
        "会場の鍵は佐藤美咲さん（025-000-1234）が預かっています。住所：上越市",
    ],
)
def test_a_private_or_personal_number_beside_a_name_stays_an_error(lint, text):
    assert ("JP-I107", "error") in [(r, s) for r, s, _ in found(lint, text)]


def test_allowed_names_from_config(lint):
    cfg = config("privacy:\n  allowed_names: [中川 幹太]\n")
    assert found(lint, "中川幹太 が出席します。", "JP-I107", config=cfg) == []


# --- portrait consent ---------------------------------------------------------------------

DRAFT = """---
title: 運動会
images:
  - path: img/undokai-1.jpg
    alt: 徒競走のようす
    people: identifiable
    consent: pending
  - path: img/undokai-2.jpg
    people: crowd
  - path: img/undokai-3.jpg
    alt: 玉入れ
videos:
  - path: movie/ouen.mp4
    alt: 応援合戦
    people: identifiable
---
地区の運動会が開かれました。
"""


def test_front_matter_findings_point_at_their_lines(lint):
    got = [(f.rule, f.severity, f.line) for f in lint(DRAFT) if f.category == "portrait-consent"]
    assert sorted(got) == sorted(
        [
            ("JP-F101", "error", 7),  # consent: pending
            ("JP-F101", "error", 13),  # the video entry without consent
            ("JP-F102", "warning", 10),  # undokai-3 says nothing about people
            ("JP-F103", "warning", 8),  # undokai-2 has no alt
        ]
    )


def test_consent_message_names_the_file(lint):
    [finding] = [f for f in lint(DRAFT) if f.rule == "JP-F101" and f.line == 7]
    assert "img/undokai-1.jpg" in finding.message and "pending" in finding.message


def test_consent_written_in_words_says_which_values_it_takes(lint):
    text = (
        "---\nvideos:\n  - path: movie/kenshin.mp4\n    people: identifiable\n"
        "    consent: 出演者全員の同意書を取得済み\n---\n謙信公祭の様子です。"
    )
    [finding] = [f for f in lint(text) if f.rule == "JP-F101"]
    assert "出演者全員の同意書を取得済み" in finding.message
    assert "obtained, not-required, pending, none" in finding.message and "# " in finding.message
    [pending] = [f for f in lint(DRAFT) if f.rule == "JP-F101" and f.line == 7]
    assert "obtained, not-required" not in pending.message  # a value it takes: no note


def test_a_video_needs_no_alt_text_but_an_image_does(lint):
    text = (
        "---\nimages:\n  - path: img/a.jpg\n    people: none\nvideos:\n  - path: movie/b.mp4\n"
        "    people: none\n---\n雪景色です。"
    )
    assert [(f.rule, f.line) for f in lint(text) if f.rule == "JP-F103"] == [("JP-F103", 3)]


def test_not_required_consent_is_accepted(lint):
    text = (
        "---\nimages:\n  - path: a.jpg\n    alt: 市長あいさつ\n"
        "    people: identifiable\n    consent: not-required\n---\n本文"
    )
    assert [f for f in lint(text) if f.category == "portrait-consent"] == []


def test_body_photo_of_named_people_without_consent(lint):
    text = "ボランティアの田中一郎さんと笑顔の子どもたちの写真です。"
    assert severities(lint, text, "JP-F104") == ["warning"]


def test_body_photo_with_consent_in_front_matter_is_quiet(lint):
    text = (
        "---\nimages:\n  - path: a.jpg\n    alt: 子どもたち\n    people: identifiable\n"
        "    consent: obtained\n---\n笑顔の子どもたちの写真です。"
    )
    assert found(lint, text, "JP-F104") == []


def test_photo_of_a_landscape_is_quiet(lint):
    assert found(lint, "雪化粧した高田城三重櫓の写真です。", "JP-F104") == []


# --- configuration ------------------------------------------------------------------------


def test_unknown_privacy_key_is_a_config_error():
    with pytest.raises(ConfigError, match="allowed-phone"):
        config("privacy:\n  allowed-phone: ['025-000-1234']\n")


def test_privacy_lists_must_be_lists_of_strings():
    with pytest.raises(ConfigError, match="allowed_names"):
        config("privacy:\n  allowed_names: {mayor: 中川}\n")


# --- a whole ordinary announcement --------------------------------------------------------


def test_ordinary_announcement_has_no_warning(lint):
    text = (
        "【お知らせ】高田城址公園観桜会を開催します\n"
        "日時：4月1日〜4月15日\n"
        "会場：高田公園（上越市本城町）\n"
        "問い合わせ：上越市観光振興課 025-526-5111 / kankou@city.joetsu.niigata.jp\n"
        "〒943-8601 新潟県上越市木田1-1-3\n"
    )
    worst = [s for _, s, _ in found(lint, text)]
    assert "warning" not in worst and "error" not in worst


def test_school_year_before_the_name(lint):
    assert severities(lint, "中学2年の吉田くんが県大会で優勝しました。", "JP-I107") == ["error"]


def test_form_asking_for_an_address_is_not_a_home(lint):
    text = "往復はがきに住所・氏名を書いて〒943-8601 上越市木田1-1-3 上越市役所スポーツ推進課へ。"
    assert found(lint, text, "JP-I106") == []


def test_housing_complex_is_not_a_home_cue(lint):
    assert severities(lint, "上越市寺町9-9-9の市営住宅で説明会を開きます。", "JP-I106") == ["warning"]


def test_surname_and_kana_given_name(lint):
    assert severities(lint, "田中ひなたさん（12）が書き初め大会で入賞しました。", "JP-I107") == ["error"]
    assert found(lint, "山田のおばさんと市民のみなさん", "JP-I107") == []


def test_privacy_rules_survive_the_rule_cache(linter):
    import pickle

    rules = [r for r in linter.all_rules if r.category in ("personal-info", "portrait-consent")]
    copies = pickle.loads(pickle.dumps(rules))
    text = "個人番号 1234 5678 9018、連絡は090-0000-1234へ。"
    assert {f.rule for f in linter.lint_text(text, rules=copies)} == {"JP-I101", "JP-I102"}


def test_videos_is_a_known_front_matter_key(lint):
    text = "---\nvideos:\n  - path: movie/a.mp4\n    alt: 応援合戦\n    people: crowd\n---\n運動会の動画です。"
    assert [f.rule for f in lint(text) if f.category in ("metadata", "portrait-consent")] == []


def test_phone_type_names_follow_the_library_enum():
    from phonenumbers import PhoneNumberType

    from sm_lint.checks.privacy.phones import TYPE_NAMES

    for name, value in vars(PhoneNumberType).items():
        if name.isupper() and name != "UNKNOWN":
            assert value in TYPE_NAMES, name
    assert TYPE_NAMES[PhoneNumberType.MOBILE] == "mobile"
    assert TYPE_NAMES[PhoneNumberType.TOLL_FREE] == "toll-free"


@pytest.mark.parametrize("text", ["０２５－５２６－５１１１", "025 (526) 5111", "+81 25 526 5111", "090-0000-1234"])
def test_digit_prefilter_lets_every_number_shape_through(text):
    from sm_lint.checks.privacy.phones import _DIGITS
    from sm_lint.text.textnorm import normalize

    assert _DIGITS.search(normalize(text).text)


@pytest.mark.parametrize(
    "text,reported",
    [
        ("集合場所：上越市木田1-1-3", False),  # the city hall itself (allowed by default)
        ("集合場所：上越市木田1-1-30", True),  # a longer house number is another place
        ("送付先：〒943-0000 まで", True),  # a postal code on its own is still looked at
    ],
)
def test_allowed_addresses_match_whole_places_only(lint, text, reported):
    assert any(f.rule == "JP-I106" for f in lint(text)) is reported


CONSENT_MISSING = """---
platform: x
approved_by: 広報対話課長
images:
  - path: img/sakura.jpg
    alt: 高田公園の桜
    people: none
  - path: "img/undokai: 1.jpg"
    alt: 運動会で走る子どもたち
    people: identifiable
    consent: pending
videos:
  - path: movie/parade.mp4
    people: identifiable
---
運動会と謙信公祭のようすです。
"""


def test_the_consent_suggestion_is_the_yaml_to_paste_into_the_entry(lint):
    import yaml

    found = [f for f in lint(CONSENT_MISSING) if f.rule == "JP-F101"]
    assert [f.suggestion for f in found] == [
        "images:\n  - path: 'img/undokai: 1.jpg'\n    consent: obtained",
        "videos:\n  - path: movie/parade.mp4\n    consent: obtained",
    ]
    # each is valid YAML that names the entry by its path and records the consent
    assert yaml.safe_load(found[0].suggestion) == {"images": [{"path": "img/undokai: 1.jpg", "consent": "obtained"}]}


def test_concise_output_carries_the_suggestion_on_its_one_line(tmp_path):
    from helpers import run

    (tmp_path / "draft.md").write_text(CONSENT_MISSING + "裏日本の天気です。\n", encoding="utf-8")
    lines = run(["--format", "concise", "draft.md"], cwd=tmp_path).stdout.splitlines()
    assert (
        "draft.md:17:1: エラー JP-P201 [5(5)] 「裏日本」は人種・民族・地域への差別につながる表現です。"
        " (言い換え例: 日本海側)"
    ) in lines
    consent = [line for line in lines if " JP-F101 " in line]
    assert consent[1].endswith(" (言い換え例: videos:\\n  - path: movie/parade.mp4\\n    consent: obtained)")
