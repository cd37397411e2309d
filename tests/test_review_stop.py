"""Found in review of this stop's change (issues 23 and 25): each case failed before its fix."""

from __future__ import annotations

import pytest

from helpers import assert_linear_work


def test_a_lone_surname_beside_an_address_on_a_look_alike_of_the_citys_domain_is_a_name(lint):
    # names.py read "own" e-mail domains with str.endswith, where JP-I105 (email_address.py)
    # reads a domain or its subdomains: xcity.joetsu.lg.jp passed as the city's own, so the
    # surname beside it was not found, while the address itself was reported as private.
    text = "フリマの出店相談は、主催の黒田（kuroda@xcity.joetsu.lg.jp）まで。"
    assert "JP-I107" in [f.rule for f in lint(text)]
    # the city's own domain and its subdomains still tell no person's contact
    assert "JP-I107" not in [f.rule for f in lint("申込みは木田 kouhou@city.joetsu.lg.jp へ")]
    assert "JP-I107" not in [f.rule for f in lint("申込みは木田 kouhou@kanko.city.joetsu.lg.jp へ")]


def test_a_facilitys_own_lot_number_in_brackets_after_it_tells_no_persons_home(lint):
    # the lot-number context (JP-I107) passed over a facility word after the number only: the
    # city hall's own address after its name made an exhibitor's name an error
    quiet = "出展者の田中一郎さん（大潟区）の作品も並びます。会場は市役所木田庁舎（木田1-1-3）1階ロビーです。"
    assert [f.severity for f in lint(quiet) if f.rule == "JP-I107"] == ["info"]
    quiet = "出展者の田中一郎さん。会場：高田公民館（本町三丁目4番）"
    assert [f.severity for f in lint(quiet) if f.rule == "JP-I107"] == ["info"]
    # a person's own lot, in brackets after the name, still is one
    assert "error" in [f.severity for f in lint("回覧板は山口明美さん（大町2-3-4）へ") if f.rule == "JP-I107"]
    loud = "回覧板は、次の班の今井和子さん（本町三丁目4番）へ回してください。"
    assert "error" in [f.severity for f in lint(loud) if f.rule == "JP-I107"]


def test_the_second_shop_of_a_bar_crawl_is_no_house(lint):
    # 「2軒目」 read as where a house is (JP-I107 context) whatever followed: a shop owner at a
    # city shopping-street event was an error
    quiet = "商店街のはしご酒イベント！2軒目の店では、店主の佐藤さんが地酒を紹介します。"
    assert [f.severity for f in lint(quiet) if f.rule == "JP-I107"] == ["info"]
    loud = "苦情をくれたのは森田修さん、郵便局の角から2軒目の家です。"
    assert "error" in [f.severity for f in lint(loud) if f.rule == "JP-I107"]


def test_breastfeeding_in_a_health_check_or_childcare_post_is_not_obscene(lint):
    # おっぱい is how health checks and childcare posts name breastfeeding; JP-P402 made it an error
    for quiet in (
        "乳幼児健診では、身長・体重の測定と、おっぱい・ミルクの相談を受け付けます。",
        "助産師による、おっぱいの悩み相談会を開きます。",
        "赤ちゃんがおっぱいを飲まないときは、保健師にご相談ください。",
    ):
        assert [f.rule for f in lint(quiet) if f.category == "prohibited"] == [], quiet
    assert "JP-P402" in [f.rule for f in lint("飲み会の二次会はおっぱいパブで決まり！")]


@pytest.mark.parametrize("piece", ["講師：佐藤（@sato_yoga）、", "電話 090-1234-5678 "])
def test_many_contacts_on_one_line_take_linear_work(linter, piece):
    # the surname in brackets after each contact (@handle, phone) was matched with the rest of
    # the text as its window, not the eight characters a bracketed name takes: what a regex
    # may read (as assert_linear_work counts it) grew with the square of the line
    assert_linear_work(linter.lint_text, piece * 150, piece * 600)


@pytest.mark.parametrize(
    "word", ["くまさん", "ねこちゃん", "やおやさん", "おまわりさん", "いちごちゃん", "にんじんさん", "おこさん"]
)
def test_an_animal_a_trade_or_a_food_with_san_is_no_kana_given_name(lint, word):
    # a children's page addresses them with さん / ちゃん; the ninth pass took each for a given
    # name the tagger did not know (JP-I107 info on a craft class's post)
    text = f"公民館の工作教室で、{word}を作りました。"
    assert [f.match for f in lint(text) if f.rule == "JP-I107"] == []
