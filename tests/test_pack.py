"""The 5(5)/5(4) pack on realistic drafts: real hits, no substring false positives."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "クルクルセンターのリサイクル体験講座の受講者募集",
        "アプリの画面をカスタマイズできます。",
        "ちびっこスポーツ教室を開きます。",
        "SMSで認証コードをお送りします。",
        "正しい糖質制限と適量のたんぱく質を知る調理実習",
        "性感染症の検査は保健所で無料・匿名で受けられます。",
        "アホウドリの保護活動を紹介します。",
        "おりがみのへや「玉のりピエロ」を開きます。",
        "HIVの予防にはコンドームの使用が効果的です。",
        "相談内容の秘密は厳守します。",
        "神秘的な雪景色をお楽しみください。",
        "建物内部の見学ツアーを開催します。",
        "参加を検討中の方は、説明会にお越しください。",
        "今にも雪が降りそうです。",
        "上越市らしい風景を紹介します。",
        "彼は男らしい人だ。",
        "気象台によると、明日は大雪になるとのことです。",
        "燃やせるごみは月曜日と木曜日に出してください。",
        "民生委員には守秘義務があり、相談者のプライバシーは守られます。",
        "問合せ：本庁秘書課",
    ],
)
def test_ordinary_city_text_stays_clean(rule_ids, text):
    assert rule_ids(text) == []


@pytest.mark.parametrize(
    "text,rule",
    [
        ("窓口に来たあのバカな客のせいで残業だ。", "JP-P101"),
        ("窓口に来たあのﾊﾞｶな客のせいで残業だ。", "JP-P101"),
        ("窓口に来たあのばかな客のせいで残業だ。", "JP-P101"),
        ("窓口に来たあの馬鹿な客のせいで残業だ。", "JP-P101"),
        ("裏日本の冬は雪が多い。", "JP-P201"),
        ("痴呆症の予防教室を開きます。", "JP-P204"),
        ("年末だし不法投棄しようぜ。", "JP-P301"),
        ("明日は雨らしい。", "JP-P501"),
        ("来月から休館だそうです。", "JP-P502"),
        ("拡散希望！駅前で事故があったと聞きました。", "JP-P503"),
        ("【極秘】来年度の除雪計画", "JP-C101"),
        ("部外秘：新庁舎の配置図", "JP-C101"),
        ("正式発表前ですが、新しい図書館ができます。", "JP-C102"),
        ("保育園の統廃合を検討中です。", "JP-C106"),  # JP-C103 too, dropped under its error
        ("（担当者メモ：管理者ID kanko-joetsu、PW：Kanko#2026、更新後は削除）", "JP-C104"),
    ],
)
def test_problem_drafts_fire(rule_ids, text, rule):
    assert rule in rule_ids(text)


def test_suggestion_comes_from_the_word_entry(lint):
    [f] = lint("裏日本の天気は変わりやすい。")
    assert f.suggestion == "日本海側"
    assert f.clause == "5(5)" and f.clause_title == "不適切な発信を行わないこと"


def test_rumour_with_a_named_source_in_another_sentence_still_fires(rule_ids):
    assert "JP-P503" in rule_ids("気象台の発表を見ました。大雪になるとのことです。")


def test_english_messages(linter):
    from sm_lint.settings.config import Config

    [f] = linter.lint_text("裏日本の天気", config=Config(lang="en"))
    assert f.message == '"裏日本" is discriminatory towards a race, ethnicity or region.'
    assert f.clause_title == "Do not post inappropriate content"
