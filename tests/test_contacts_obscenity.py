"""Issue 23, ninth pass (obscenity, private contacts and the known false alarms left by the eighth
pass): each case here failed on the code before the pass."""

from __future__ import annotations

import pytest

from tests.helpers import loud


def _rules(findings, severity: str | None = None) -> list[str]:
    return [f.rule for f in findings if severity is None or f.severity == severity]


@pytest.mark.parametrize(
    "quiet,loud_text,rule",
    [
        # a task's difficulty is the course's, not the teacher's; a vent about a person still is
        ("あの先生の講座、難しすぎて…", "さっきのお客さん、話が長すぎてマジで疲れた。", "JP-P105"),
        ("例の講師の試験、むずかしすぎる。", "あの人、気難しすぎて話にならない。", "JP-P105"),
        # one who easily feels fear is a temperament told of, not a fault judged
        ("うちの係長って、意外と怖がりなんです。", "うちの係長って、意外と図々しいんです。", "JP-P107"),
        # a city-wide residence tells no home (round 16); a district does
        (
            "料理講座の講師は、上越市在住の料理研究家・坂口美奈子さんです。",
            "大和在住の坂口美奈子さんから写真が届きました。",
            "JP-I107",
        ),
        ("県外在住の山本健一さんから、応援のお便りが届きました。", "山本健一さん（ご自宅 523-1111）へ", "JP-I107"),
    ],
)
def test_known_false_alarms_stay_quiet_and_the_harmful_ones_not(lint, quiet, loud_text, rule):
    assert loud(lint(quiet)) == []
    assert rule in [r for r, _ in loud(lint(loud_text))]


@pytest.mark.parametrize(
    "text,name,relation",
    [
        ("ひなたさん（523-1111）に届けてください。", "ひなた", "みなさん（523-1111）に届けてください。"),  # 日向
        ("しずかさん、連絡は 523-1111 まで。", "しずか", "おじいちゃん、連絡は 523-1111 まで。"),  # 静か
        ("会員のことねさん（523-1111）", "ことね", "会員のじいちゃん（523-1111）"),  # こと|ね
        ("「さくら」さん（523-1111）", "さくら", "これからみなさんと一緒に（523-1111）"),  # quoted
        ("つばさちゃん（090-1234-5678）", "つばさ", "おばあちゃん（090-1234-5678）"),
    ],
)
def test_a_given_name_in_kana_the_tagger_does_not_know_is_a_name(lint, text, name, relation):
    """A hiragana name before さん/ちゃん/くん is a name; kinship and everyone are not."""
    assert [f.match for f in lint(text) if f.rule == "JP-I107" and f.severity == "error"] == [name]
    assert "JP-I107" not in _rules(lint(relation))


@pytest.mark.parametrize(
    "quiet,named",
    [
        # the city's mascot (rules/city.yaml), a mascot by its title
        ("「レルヒ」さん（523-1111）も会場に来ます！", "会員の大野さん（523-1111）も会場に来ます！"),
        ("マスコットキャラクターのミルルさん（523-1111）", "会員のミルルさん（523-1111）"),
        ("ゆるキャラのひなたちゃん（523-1111）", "会員のひなたちゃん（523-1111）"),
    ],
)
def test_a_mascot_is_no_private_person(lint, quiet, named):
    assert "JP-I107" not in _rules(lint(quiet))
    assert "JP-I107" in _rules(lint(named), "error")


def test_a_private_class_is_no_office_of_the_city(lint):
    # 〜室 of an office makes a number the office's; a 料理教室 is often a person's own, from home
    assert "JP-I107" in _rules(lint("山田花子さんの料理教室(025-523-1111)へどうぞ"), "error")
    assert "JP-I107" not in _rules(lint("広報室(025-526-5111)の山田花子さんが担当します"), "error")


@pytest.mark.parametrize(
    "text",
    [
        "小学校の統合は方向で調整中。プールの廃止もたたき台の段階です。",
        "新体育館の入札、予定価格は約12億円です。新体育館の入札、予定価格は約12億円です。",
    ],
)
def test_two_unreleased_matters_on_one_line_are_two_errors(lint, text):
    assert _rules(lint(text), "error").count("JP-C106") == 2
