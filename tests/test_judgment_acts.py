"""Issue 23, eighth pass: false alarms of the judgment rules that must stay quiet, findings that
must not repeat each other, the probe runner's reading of its drafts, and the constructions of
incitement, unreleased matters, obscenity and private contacts."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from sm_lint.errors import RuleError
from sm_lint.rules.loader import load_rules
from tests.helpers import loud
from tests.test_judgment import PACK

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "quiet,loud_text,rule",
    [
        # 臆病 is the dog's, not a person's; a judgment right before a person word still is
        ("臆病な保護犬も、少しずつ人に慣れてきました。", "図々しい客がまた来た。", "JP-P107"),
        ("臆病な性格の保護犬も、少しずつ人に慣れてきました。", "わがままな態度の客にはうんざり。", "JP-P107"),
        ("わがままな猫たちが、来館者をお出迎えします。", "あの窓口の人、ほんとにわがままで困る。", "JP-P107"),
        # what an introduced person says of themselves is no rumour; a matter anyone acts on is
        ("新しく着任した係長を紹介します。趣味は山歩きだそうです。", "来月から休館だそうです。", "JP-P502"),
        ("講師の佐藤さんの特技は、そば打ちだそうです。", "駅前のスーパーが閉店するそうです。", "JP-P502"),
        # an event's or a place's own history (an era and a start, an origin) is no rumour (round15)
        (
            "謙信公祭は昭和の初め頃に始まったと言われており、今年で第100回を迎えるそうです。",
            "昨日から駅前で工事が始まったそうです。",
            "JP-P502",
        ),
        ("この祭りは300年前から続いているそうです。", "3年前から駅前は休館だそうです。", "JP-P502"),
        ("この神社の起源は平安時代だそうです。", "来月から休館だそうです。", "JP-P502"),
        # 〜ほど + praise is an intensifier, like バカ丁寧; before anything else it is an insult
        ("窓口の職員は、うざいほど親切です。", "窓口の職員は、うざいほど嫌な人です。", "JP-P101"),
        ("うざいくらい丁寧な説明で、よく分かりました。", "うざいくらい話が長い客だった。", "JP-P101"),
    ],
)
def test_harmless_judgments_and_hearsay_stay_quiet_and_the_harmful_ones_not(lint, quiet, loud_text, rule):
    assert loud(lint(quiet)) == []
    assert rule in [f.rule for f in lint(loud_text)]


@pytest.mark.parametrize(
    "text",
    [
        "何度説明しても理解できないとか、あの人の知能どうなってるの。",
        "窓口のあの人、何言ってるか分かんないし、いなくていいよ。",
    ],
)
def test_one_stretch_is_reported_once_per_category(lint, text):
    spans = [(f.category, f.start, f.end) for f in lint(text)]
    assert len(spans) == len(set(spans)), [(f.rule, f.match) for f in lint(text)]
    assert any(f.severity == "error" for f in lint(text))  # the stronger finding is the one kept


def test_a_construction_reports_a_stretch_once_not_again_inside_a_longer_one(lint):
    found = [f.match for f in lint("わがままな態度の客の相手は疲れる。") if f.rule == "JP-P107"]
    assert found == ["わがままな態度の客"]


def _probes():
    spec = importlib.util.spec_from_file_location("probes_under_test", ROOT / "bench" / "probes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_probe_runner_reads_a_draft_that_parses_as_a_mapping(tmp_path, monkeypatch):
    probes = _probes()
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "contacts.yaml").write_text(
        "category: personal-info\nclause: 5(3)\nfire:\n"
        "  - 【連絡先】: 田中花子 090-1234-5678\n"  # unquoted: YAML reads a mapping
        "  - {text: '佐藤さん 421-7855', config: 'links: {own_accounts: [https://lin.ee/abc]}'}\n"
        "quiet: [お知らせです。]\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(probes, "PROBES", tmp_path)
    assert list(probes.load("r")) == [
        ("contacts", "personal-info", "fire", "【連絡先】: 田中花子 090-1234-5678", None),
        ("contacts", "personal-info", "fire", "佐藤さん 421-7855", {"links": {"own_accounts": ["https://lin.ee/abc"]}}),
        ("contacts", "personal-info", "quiet", "お知らせです。", None),
    ]
    (tmp_path / "r" / "contacts.yaml").write_text("category: x\nfire:\n  - 12345\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"contacts\.yaml"):
        list(probes.load("r"))


def test_a_constructions_order_is_true_false_or_phrase(tmp_path):
    (tmp_path / "pack.yaml").write_text(
        PACK.replace("within: WITHIN", "within: sentence\n      ordered: sideways"), encoding="utf-8"
    )
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path])
    assert "`ordered` is true, false or phrase" in info.value.text("en")


@pytest.mark.parametrize(
    "text,kept",
    [
        # an offence by its class, with a go-ahead; beside it, the same act kept within the rules
        (
            "屋根の雪は、隣の空き地に落としちゃえばいいよ。",
            "除雪車が来る前に、家の前の雪は敷地内に寄せておけば安心です。",
        ),
        ("自転車の二人乗り、田舎道なら大丈夫だよ。", "自転車は二人乗りをしないでください。"),
        ("人の多い花火大会の上空でドローン空撮しちゃおう！", "閉館後も駐車場は朝まで利用できますよ。"),
        ("期日前投票、友達の分も書いてあげれば喜ばれますよ。", "投票所入場券は、ご家族の分もまとめて郵送します。"),
        ("よその畑の柿、誰も取らないからもいじゃえ。", "アユ釣りの解禁日です！遊漁券はコンビニでも買えますよ。"),
        (
            "使わなくなった冷蔵庫、山に置いてくれば処分代が浮くよ。",
            "落ち葉は燃やさずに、燃やせるごみの日に出しましょう。",
        ),
        ("ペットの犬、公園ではリード外して走らせても平気です。", "ドッグラン内はリードを外してOKです。"),
        ("立ち入り禁止の岩場、満潮前なら降りて写真撮れますよ。", "立入禁止の区域の外からでも、花火がよく見えますよ。"),
        ("城跡の石垣の石、記念に一つ持って帰るのがおすすめ。", "古墳の上に登って、景色を楽しめますよ。"),
        ("夜なら、河川敷でバーベキューしても大丈夫。", "夜なら、花火も楽しめますよ。"),
        ("駐車禁止のところに停めても、夜なら捕まらないよ。", "夜なら星がきれいに見えますよ。"),
        ("公園の桜の枝、少しくらいなら折って持ち帰ってもいいでしょ。", "雪の重みで桜の枝が折れてしまいました。"),
        (
            "神社の賽銭箱のお金、ちょっと借りても誰も気づかないって。",
            "誰も見ていないところでも、ごみは持ち帰りましょう。",
        ),
        ("犬のフン、雪に埋めておけば春までバレません。", "犬のふんは持ち帰りましょう。"),
        ("住宅街でも、庭でごみを燃やしちゃえば袋代が浮くよ。", "ごみの燃やし方について、消防署に相談しましょう。"),
        # a drill climbs a fence on purpose (JP-P302 on main)
        ("閉園後でも、柵をまたげば夜景が見られますよ。", "防災訓練では、柵を越えて避難する練習もしました。"),
    ],
)
def test_an_offence_by_its_class_with_a_go_ahead_is_incitement(lint, text, kept):
    assert "JP-P307" in [f.rule for f in lint(text)]
    assert loud(lint(kept)) == []


@pytest.mark.parametrize(
    "text,published",
    [
        # a matter still being decided, told by its state; beside it, the same matter published,
        # or a facility, a post or a contractor at work (no policy by itself)
        ("スケート場は今季限りで閉める方向です。", "スケート場の営業を今季で終了することを決定しました。"),
        (
            "給食センターの運営委託先、いままさに2社と交渉しているところです。",
            "業者さんと相談して、ステージの配置を詰めています。",
        ),
        ("温泉施設の指定管理、地元のB社で合意寸前です。", "市民会館で、コンサートに向けた最終調整中です！"),
        ("次の教育長は、いまの学校教育課長になる見込みです。", "館長がイルカショーの最終調整中です！お楽しみに。"),
        ("来月記者発表の移住支援金、ひと足先に教えちゃいます！", "移住支援金の申請受付を始めました。"),
        ("子育て支援課と福祉課、4月から一緒になるらしいです。", "4月の組織改正の内容を公表しました。"),
        ("今度の人事で、税務課長は総務課に移るようです。内示はまだです。", "4月1日付の人事異動を発表しました。"),
        ("消雪パイプの工事の入札、参加予定の業者は3社です。", "消雪パイプ工事の入札結果を公表しました。"),
        ("来年度の職員採用は今年の半分にする方向だ。", "来年度の職員採用試験の日程を発表しました。"),
        ("今度のプロポーザル、審査員の採点はA社がトップでした。", "採点の結果、優秀作品が決まりました。"),
        ("市営住宅の家賃、来年から上がるのはほぼ確実です。", "市営住宅の家賃は、収入に応じて決まります。"),
        (
            "まだ表に出ていない話ですが、道の駅の改修は来年度は見送りです。",
            "大雪のため、道の駅の改修工事は延期になりそうです。",
        ),
        ("雪まつりの予算、半分に減らされる見込みで実行委員会は大慌てです。", "路面の凍結が見込まれます。"),
    ],
)
def test_an_unreleased_matter_is_told_by_its_state(lint, text, published):
    assert "JP-C106" in [f.rule for f in lint(text)]
    assert loud(lint(published)) == []


@pytest.mark.parametrize(
    "text,rule,kept",
    [
        # obscenity in English, romaji, slang and a leering look; beside it, the same words harmless
        ("Festival night: so many busty girls at the onsen lol", "JP-P405", "A blue tit visited the feeder."),
        ("Kyou no kanko PR, paizuri shitai", "JP-P405", "Shota Arai took the photo of Takada Park."),
        ("Best bars in Joetsu to get laid tonight", "JP-P406", "Sexual harassment prevention training was held."),
        ("忘年会のあと、二人でヤってたらしいｗ", "JP-P406", "今年もヤル気満々で雪かきボランティアに参加します！"),
        ("雪像コンテスト、どう見てもチ◯コの形で草", "JP-P406", "R18+指定の映画は上映しません。"),
        (
            "PR動画のモデル、スカート短すぎて下着が見えそう",
            "JP-P407",
            "裸足で歩ける芝生広場が、高田公園に完成しました。",
        ),
        (
            "ビーチバレー大会の取材、選手の太ももばっかり撮ってた",
            "JP-P407",
            "ハロウィンのコスプレ大会、衣装がやばいくらい凝ってます！",
        ),
    ],
)
def test_obscenity_in_english_romaji_slang_and_looks(lint, text, rule, kept):
    assert rule in [f.rule for f in lint(text)]
    assert loud(lint(kept)) == []


@pytest.mark.parametrize(
    "text,kept",
    [
        # a private person's contact in forms the name reader did not take; beside it, look-alikes
        ("防災訓練の受付は、自主防災会の係、木村まで（523-4455）。", "お問い合わせ：木田 526-5111"),
        ("回覧：当番 木村 522-8181", "北城 523-1111"),
        # a surname the tagger takes for a place (堀川); the city's staff contact stays quiet
        ("町内会の回覧：班長 堀川 520-3318", "問い合わせ先：観光振興課 担当 木村 025-526-5111"),
        ("【連絡先】544-3309 小柳（花まつり実行委員）", "市長 中川 526-5111"),
        ("餅つき大会の申込みは「よしえ」さん宅（☎522-6789）へ。", "吉川区総合事務所 523-1111"),
        (
            "そば打ち講座の講師、岡田 里美さんへの申込みは電話 525-7788 まで。",
            "講師：山田太郎さん（上越文化会館 電話 523-1111）",
        ),
        (
            "手芸の会の代表、松井さん（LINE：matsui_craft）が受付です。",
            "上越市公式LINE（@joetsu_city）を友だち追加してください。",
        ),
        ("連絡係は長谷川さん（上越市南本町三丁目4-5）です。", "会場は上越市文化会館（上越市新光町1丁目9-1）です。"),
    ],
)
def test_a_private_contact_beside_a_name_is_an_error(lint, text, kept):
    assert ("JP-I107", "error") in [(f.rule, f.severity) for f in lint(text)]
    assert not [f for f in lint(kept) if f.rule == "JP-I107" and f.severity == "error"]


def test_a_surname_between_two_numbers_is_one_name():
    # beside the number before it (木村まで) and the one after it: found from both, it was two
    from sm_lint.checks.privacy.names import names
    from sm_lint.io.document import parse_draft
    from sm_lint.text.analysis import analyse

    found = names(analyse(parse_draft("会計 520-3318 木村まで 522-4790\n", "post.md")))
    assert [(n.text, n.start) for n in found] == [("木村", 12)]


def test_a_state_or_a_go_ahead_is_read_on_the_same_line_only(lint):
    text = "路線バスの見直しについて\nまだ検討中の段階ですが、冬に備えて路線を減らします。\n河川敷のごみ\nOKです。"
    found = [f for f in lint(text) if f.rule in ("JP-C106", "JP-P307")]
    assert [f.rule for f in found] == ["JP-C106"]
    assert all("\n" not in f.match for f in found)
