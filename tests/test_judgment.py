"""Issue 23: judgment from constructions (the `construction` kind), the false alarms that must
stay quiet, and the severities that fit the harm."""

from __future__ import annotations

from pathlib import Path

import pytest

from sm_lint.io.yamlsafe import load_yaml
from sm_lint.rules.loader import load_rules
from sm_lint.rules.sections import parse_config
from tests.helpers import loud, one_rule, rule_error

# Every false alarm issue 23 lists, as a city post would say it: nothing at warning or above.
QUIET = [
    "映画「釣りバカ日誌」の上映会を市民プラザで開催します。入場無料です。",
    "ご当地ラーメンが駅の売店でバカ売れしています！",
    "窓口ではバカ丁寧なくらいの説明を心がけています。",
    "親バカですが、うちの子も雪像づくりに参加しました！",
    "年末年始のごみ収集日程をお知らせします。燃やせるごみは12月30日が最終です。",
    "4月から資源ゴミの出し方が変わります。ゴミ集積所の雪かきにもご協力ください。",
    "小川未明の未発表作品展を高田図書館で開催します。",
    "春日山城跡で撮影した桜の写真を募集します。フォトコンテストの応募は2月末まで。",
    "本日、上越市長 中川 幹太が雪まつりの開会式であいさつしました。",
    "国民健康保険の保険証に関するお問い合わせは、保険年金課（電話 025-526-5111）へ。",
    "保険証を忘れた方は、電話 526-5111 までご連絡ください。",  # a phone number, not the card's
    "未発表原稿を含む坂口安吾の資料展を開きます。",
    "地元画家の未発表スケッチを初公開します。",  # any unpublished work shown, not only 作品/原稿
    "お持ち帰りできるお弁当を、道の駅で販売しています。",  # takeout, not the JMdict slang sense
    "説明を読んでも分からないときは、遠慮なく窓口へ。",
    "看板犬のモモは、来館者にモテモテです。",
    "駅前に、バカでかい雪だるまが登場しました。",  # ばか + adjective: an intensifier (probes round 10)
    "名物は、馬鹿高い櫓から見下ろす花火です。",
]


@pytest.mark.parametrize("text", QUIET)
def test_listed_false_alarms_stay_quiet(lint, text):
    assert loud(lint(text)) == []


def test_the_citys_own_line_link_is_quiet_when_configured(lint):
    text = "上越市公式LINEはこちらから友だち追加できます https://lin.ee/Ab3dEfG"
    assert [f.rule for f in lint(text)] == ["JP-L101"]  # a shortener, unless it is the city's own
    config = parse_config(load_yaml("links:\n  own_accounts: [https://lin.ee/Ab3dEfG]\n"), "<test>")
    assert lint(text, config=config) == []


@pytest.mark.parametrize("host", ["city-joetsu.jp", "joetsu-city.jp", "joetsucity.com"])
def test_a_host_imitating_the_city_is_an_error_never_offered_for_trust(lint, host):
    [finding] = lint(f"除雪情報は https://{host}/josetsu/ をご覧ください。")
    assert (finding.rule, finding.severity) == ("JP-L201", "error")
    assert "also_trusted" not in finding.message + (finding.suggestion or "")


def test_a_site_with_the_place_name_only_stays_a_warning(lint):
    [finding] = lint("観光情報は https://joetsu-kanko.net/ へ。")
    assert (finding.rule, finding.severity) == ("JP-L203", "warning")


@pytest.mark.parametrize(
    "text,rule",
    [
        ("4月の人事、内示前ですが観光課長が異動です。", "JP-C102"),
        ("窓口に来た鈴木さん、認知症が進んでいるみたい。", "JP-I107"),
        ("町内の大橋さんは生活保護を受けながら一人暮らしです。", "JP-I107"),
        ("雪かきボランティアの代表は高橋美和さんです。連絡は【電話】421-7855まで。", "JP-I107"),
    ],
)
def test_harm_that_must_never_be_posted_is_an_error(lint, text, rule):
    assert (rule, "error") in [(f.rule, f.severity) for f in lint(text)]


LISTS = Path(__file__).resolve().parents[1] / "rules" / "lists"


@pytest.mark.parametrize(
    "name", ["jmdict-derogatory.txt", "jmdict-vulgar.txt", "jmdict-person-faults.txt", "jmdict-sexual.txt"]
)
def test_a_dictionary_derived_list_states_its_source_and_leaves_out_ordinary_homographs(name):
    text = (LISTS / name).read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "JMdict" in header and "CC BY-SA 4.0" in header and "2026-12-07" in header
    words = {line for line in text.splitlines() if line and not line.startswith("#")}
    # homographs of ordinary words and names (男女 = danjo, 中国, 漁師, 川田) never enter
    assert len(words) > 50 and not words & {
        "男女",
        "おとこおんな",
        "ちゅうごく",
        "漁師",
        "川田",
        "迷惑",
        "粘り強い",
        "お持ち帰り",
        "ヌード",
        "黒穂病",
    }  # takeout food, nude art, a plant disease


@pytest.mark.parametrize(
    "text,rule",
    [
        ("あいつ、ヤリマンで有名らしいよ。", "JP-P403"),  # JMdict: vulgar
        ("あの窓口の人、態度が大きくて本当に図々しい。", "JP-P107"),  # person + JMdict judgment
        ("うちの近所の若者は、みんなわがままで挨拶もしない。", "JP-P210"),  # group + frame + judgment
        ("河川敷のバーベキュー、見回りがいない夜なら平気だよ。", "JP-P304"),  # enforcement absent + go-ahead
        ("禁止の浜でも、夕方なら泳いでも注意されませんよ。", "JP-P305"),  # no consequence promised
        ("雪まつりのステージ衣装、スケスケすぎでしょ。", "JP-P404"),  # JMdict: sexual talk
        ("あの窓口の人、説明を聞く気がまるでない。", "JP-P104"),  # a shape: no will to
        ("新しい公民館の建設地、まだ地元に説明していませんが東側で決まりです。", "JP-C106"),  # not yet told
    ],
)
def test_the_fifth_pass_finds_what_no_hand_written_list_named(lint, text, rule):
    assert rule in [f.rule for f in lint(text)]


@pytest.mark.parametrize(
    "text,rule",
    [
        ("またあの相談者から電話。頭おかしいんじゃないの。", "JP-P105"),  # the judgment in the next sentence
        ("受付の山田さん、ほんと使えねー。", "JP-P104"),  # any name + さん is a person
        ("窓口の担当者、態度も口の利き方も最低だった。", "JP-P108"),  # a faculty belittled
        ("難病を抱えている職員って、結局は足手まといなんだよね。", "JP-P211"),  # attribute … person + frame + dismissal
        ("あの団地の住民とは関わるなって、昔から言われてる。", "JP-P211"),  # a negative imperative about a group
        ("城跡の石垣、無断で登ってもまず大丈夫ですよ。", "JP-P306"),  # an evasion + a go-ahead, no listed act
        ("遊歩道は夜間通行止めだけど、みんなで星を見に行っちゃおう。", "JP-P303"),  # a casual invitation
        ("キャンプ場の管理人がいない平日なら、好きな場所にテントを張れますよ。", "JP-P304"),  # no enforcer
        ("市民会館の建て替え、幹部の間ではほぼ固まったようです。", "JP-C106"),  # settled inside
    ],
)
def test_the_seventh_pass_finds_by_construction(lint, text, rule):
    assert rule in [f.rule for f in lint(text)]


@pytest.mark.parametrize(
    "text",
    [
        "手話サークルの代表、佐野さん（自宅 522-3318）が窓口です。",  # a home phone (probes round 10)
        "陶芸教室の講師、岩田 澄江さん（携帯 〇九〇・四四五五・六六七七）",  # a private mobile (round 9)
        "子ども会の会長、大野さん（090-1111-2222）へ。",
    ],
)
def test_a_role_makes_a_name_public_but_not_the_persons_own_phone(lint, text):
    assert ("JP-I107", "error") in [(f.rule, f.severity) for f in lint(text)]


def test_a_number_read_out_in_kanji_with_any_separator_is_a_contact_detail(lint):
    text = "手芸サークルの連絡は、会員の野村さん（携帯 〇八〇・一一二二・三三四四）へ。"
    assert ("JP-I107", "error") in [(f.rule, f.severity) for f in lint(text)]


PACK = """\
pack: test
rules:
  - id: X-101
    name: drone-evasion
    category: prohibited
    clause: 5(5)
    severity: error
    message: 「{match}」
    match:
      construction:
        - {words: [ドローン]}
        - {regex: '無許可|こっそり'}
      within: WITHIN
      unless:
        - {regex: 'やめましょう'}
      unless_within: draft
    examples:
      invalid: [無許可でドローンを飛ばそう。]
      valid: [ドローン教室を開きます。]
"""


def _rule(tmp_path: Path, within: str = "sentence"):
    return one_rule(tmp_path, PACK.replace("WITHIN", within))


def test_construction_needs_every_part_in_one_sentence(tmp_path, linter):
    rule = _rule(tmp_path)
    [hit] = linter.lint_text("高田公園では、こっそりドローンを飛ばしても平気です。", rules=[rule])
    assert hit.match == "こっそりドローン"  # the stretch from the first part to the last
    assert linter.lint_text("ドローン教室を開きます。こっそり教えます、桜の名所。", rules=[rule]) == []


def test_construction_scope_can_be_a_window_and_a_veto_the_whole_draft(tmp_path, linter):
    rule = _rule(tmp_path, "20")
    assert linter.lint_text("ドローン教室を開きます。こっそり教えます。", rules=[rule])
    vetoed = "ドローン教室を開きます。こっそり教えます。無許可の飛行はやめましょう。"
    assert linter.lint_text(vetoed, rules=[rule]) == []


def test_a_construction_without_its_short_part_never_compiles_its_long_one(tmp_path, linter):
    # A long list last (the verdicts, the acts: up to 4,600 characters) cost a cold start ~10 ms
    # to compile in RE2; a draft with no hit of the short part must not pay it.
    long_part = "|".join(f"{w}(?:を|が)?.{{0,4}}(?:捨て|置い|止め)" for w in ("ごみ", "車", "自転車", "雪", "家具"))
    pack = (
        PACK.replace("WITHIN", "sentence")
        .replace("- {words: [ドローン]}", "- {regex: 'こっそり'}")
        .replace("- {regex: '無許可|こっそり'}", "- {regex: '" + long_part + "'}")
        .replace("ドローン教室を開きます", "ごみ収集の日です")
        .replace("無許可でドローンを飛ばそう", "こっそりごみを捨てよう")
    )
    rule = one_rule(tmp_path, pack)
    short, long = (part.pattern for part in rule.matcher.parts)
    short._compiled = long._compiled = None  # as a cold start finds them (loading ran the examples)
    assert linter.lint_text("燃やせるごみは月曜日の朝、集積所に捨ててください。", rules=[rule]) == []
    assert long._compiled is None
    assert linter.lint_text("夜のうちに、こっそりごみを捨てて帰ろう。", rules=[rule])


@pytest.mark.parametrize(
    "change,needle",
    [
        (("within: WITHIN", "within: paragraph"), "`within` is sentence, line, draft or a positive number"),
        (("        - {regex: '無許可|こっそり'}\n", ""), "needs two parts or more"),
        (("        - {words: [ドローン]}", "        - ドローン"), "is a list of match mappings"),
        (("        - {words: [ドローン]}", "        - {wordz: [ドローン]}"), "exactly one kind"),
    ],
)
def test_a_broken_construction_is_a_rule_error(tmp_path, change, needle):
    assert needle in rule_error(tmp_path, PACK.replace(*change).replace("WITHIN", "sentence"))


def test_a_word_list_file_is_read_by_name(tmp_path, linter):
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "drones.txt").write_text(
        "# source: written for a test, MIT\nドローン\nラジコン\n", encoding="utf-8"
    )
    (tmp_path / "pack.yaml").write_text(
        PACK.replace("{words: [ドローン]}", "{words: drones.txt}").replace("WITHIN", "sentence"), encoding="utf-8"
    )
    [rule] = load_rules([tmp_path])
    assert linter.lint_text("こっそりラジコンを飛ばそう。", rules=[rule])
