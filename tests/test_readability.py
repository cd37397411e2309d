"""The plain-Japanese score: the same number as the reference package `jreadability` (the
Lee & Hasebe formula) on realistic city texts, a target per account, and the finding at the
sentence that pulls the draft down."""

from __future__ import annotations

import json

import pytest

from helpers import run
from sm_lint.io.document import parse_draft
from sm_lint.io.yamlsafe import load_yaml
from sm_lint.rules.sections import parse_config
from sm_lint.settings.config import Config
from sm_lint.text.analysis import analyse
from sm_lint.text.readability import readability

jreadability = pytest.importorskip("jreadability")  # the reference, in the `test` extra

TEXTS = [
    "高田城址公園の桜が見頃を迎えました。夜はぼんぼりが灯り、幻想的な雰囲気です。ぜひお越しください。",
    "本市では、令和7年度における国民健康保険税の税率改定に伴い、納税通知書を送付いたしました。",
    "雪が降っています。車の運転に気をつけてください。",
    "今日は晴れ！みんなで公園に行こう？",
    "上越市は新潟県の南西部に位置し、日本海に面した自然豊かな都市です。\n春は桜、夏は海、秋は紅葉、冬は雪と、四季折々の魅力があります。",
    "燃やせるごみは月曜日と木曜日に出してください。\n出す時間は朝8時30分までです。",
    "【お知らせ】高齢者に関する総合相談（介護・保健・医療・福祉・認知症に関すること）を受け付けています。",
    "大雪のため、本日の市内小中学校は臨時休校とします。保護者の皆様にはご理解とご協力をお願いします。",
    "謙信公祭の出陣行列は、春日山城跡から出発します。沿道での観覧は、係員の指示に従ってください。",
    "子育て支援センターでは、親子で遊べる広場を毎日ひらいています。予約はいりません。",
    "マイナンバーカードの申請は、市役所本庁舎1階の窓口で受け付けています。",
    "道路の除雪は、幹線道路から順に行います。家の前の雪は、道路に出さないでください。",
    "防災行政無線の放送内容は、電話でも確認できます。聞き逃したときにご利用ください。",
    "上越市立水族博物館うみがたりでは、イルカのパフォーマンスを1日4回行っています。",
    "図書館の本は、2週間借りることができます。返すときは返却ポストも使えます。",
    "新型コロナウイルス感染症の予防接種に関する情報は、市のホームページをご覧ください。",
    "ごみの出し方が分からないときは、環境政策課に電話してください。",
    "令和8年度の市民税・県民税の申告受付を、2月16日から3月16日まで行います。",
    "直江津港に大型クルーズ船が寄港しました。たくさんの観光客でにぎわいました！",
    "熱中症に注意してください。のどがかわく前に水を飲みましょう。エアコンも使いましょう。",
    "市内の公園で、クマの目撃情報がありました。近くを通るときは、音の出るものを持ちましょう。",
    "投票所入場券を、各世帯に郵送しました。届いていない場合は、選挙管理委員会へご連絡ください。",
]


def _score(text: str, config: Config = Config()) -> float:
    return readability(analyse(parse_draft(text, "<text>"), config)).score


@pytest.mark.parametrize("text", TEXTS)
def test_the_score_is_the_reference_implementations(text):
    import unidic_lite
    from fugashi import Tagger

    reference = jreadability.compute_readability(text, Tagger(f'-d "{unidic_lite.DICDIR}"'))
    assert _score(text) == pytest.approx(reference, abs=1e-9)


def test_the_finding_points_at_the_hardest_sentence_and_says_why(lint):
    text = (
        "大雪に伴い、市道の除雪作業を行っています。車の運転には十分注意してください。"
        "なお、令和7年度道路除雪計画に基づき、幹線道路及び通学路の除雪作業を優先的に実施いたします。"
    )
    [finding] = [f for f in lint(text) if f.rule == "JP-E107"]
    assert (
        finding.match == "なお、令和7年度道路除雪計画に基づき、幹線道路及び通学路の除雪作業を優先的に実施いたします。"
    )
    assert "目標 2.5 を下回っています" in finding.message and "漢語が多く" in finding.message


def test_an_account_may_ask_for_easier_text(lint):
    text = (
        "---\naccount: kosodate\n---\n子育て支援センターで親子で遊べる催しを開きます。申込みは電話で受け付けています。"
        "当日は動きやすい服で来てください。"
    )
    assert 2.5 < _score(text) < 4.5
    assert not [f for f in lint(text) if f.rule == "JP-E107"]  # the default target 2.5 is met
    config = parse_config(
        load_yaml("accounts: {kosodate: {name: 子育て}}\nreadability: {accounts: {kosodate: 4.5}}\n"), "test"
    )
    [finding] = [f for f in lint(text, config=config) if f.rule == "JP-E107"]
    assert "目標 4.5" in finding.message


def test_a_bad_target_is_a_configuration_error(tmp_path):
    (tmp_path / ".sm-lint.yaml").write_text("readability:\n  target: やさしく\n", encoding="utf-8")
    (tmp_path / "post.md").write_text("雪が降っています。\n", encoding="utf-8")
    result = run(["lint", "post.md"], cwd=tmp_path)
    assert result.exit_code == 2 and "readability" in result.stderr and "Traceback" not in result.stderr


def test_the_score_command_gives_every_drafts_score_as_json(tmp_path):
    (tmp_path / "easy.md").write_text("雪が降っています。車の運転に気をつけてください。\n", encoding="utf-8")
    (tmp_path / "hard.md").write_text(
        "本市では、令和7年度における国民健康保険税の税率改定に伴い、納税通知書を送付いたしました。\n", encoding="utf-8"
    )
    result = run(["score", "easy.md", "hard.md", "--format", "json"], cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    rows = {row["path"]: row for row in json.loads(result.stdout)}
    assert rows["easy.md"]["score"] == pytest.approx(4.148, abs=0.001) and rows["easy.md"]["below_target"] is False
    assert rows["hard.md"]["band"] == "上級後半" and rows["hard.md"]["below_target"] is True
    assert rows["hard.md"]["target"] == 2.5 and rows["hard.md"]["sentences"] == 1


EASY = "雪が降っています。車の運転に気をつけてください。\n"  # 4.148 (中級前半)
HARD = "本市では、令和7年度における国民健康保険税の税率改定に伴い、納税通知書を送付いたしました。\n"  # under 1.5


def _two_drafts(tmp_path, *args: str):
    (tmp_path / "easy.md").write_text(EASY, encoding="utf-8")
    (tmp_path / "hard.md").write_text(HARD, encoding="utf-8")
    result = run(["lint", "easy.md", "hard.md", "--select", "JP-E108", *args], cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_score_is_in_the_text_reports_summary(tmp_path):
    hard = round(_score(HARD), 3)  # the reports carry the score to 3 places
    line = (
        f"読みやすさ (jReadability): 平均 {(4.148 + hard) / 2:.2f}、最も低いのは hard.md の {hard:.2f}（上級後半）、"
        "目標を下回る下書き 1 件"
    )
    assert _two_drafts(tmp_path).splitlines()[-1] == line  # full, after the clean line
    assert "mean" in _two_drafts(tmp_path, "--lang", "en").splitlines()[-1]
    assert "読みやすさ" not in _two_drafts(tmp_path, "-q")
    (tmp_path / "hard.md").unlink()
    result = run(["lint", "easy.md", "--select", "JP-E108"], cwd=tmp_path)
    assert result.stdout.splitlines()[-1] == "読みやすさ (jReadability): 4.15（中級前半、目標 2.5）"


def test_the_score_is_in_each_drafts_entry_of_json_and_jsonl(tmp_path):
    drafts = {d["path"]: d["readability"] for d in json.loads(_two_drafts(tmp_path, "--format", "json"))["drafts"]}
    assert drafts["easy.md"]["score"] == pytest.approx(4.148, abs=0.001) and drafts["easy.md"]["band"] == "中級前半"
    assert drafts["hard.md"]["score"] == round(_score(HARD), 3) and drafts["hard.md"]["below_target"] is True
    summary = json.loads(_two_drafts(tmp_path, "--format", "jsonl").splitlines()[-1])["summary"]
    assert {d["path"]: d["readability"] for d in summary["drafts"]} == drafts
    (tmp_path / "empty.md").write_text("---\nplatform: x\n---\n", encoding="utf-8")
    result = run(["lint", "empty.md", "--format", "json", "--select", "JP-E108"], cwd=tmp_path)
    assert json.loads(result.stdout)["drafts"][0]["readability"] is None  # no words, no score


def test_the_score_is_in_junit_suites_properties(tmp_path):
    import xml.etree.ElementTree as ET

    root = ET.fromstring(_two_drafts(tmp_path, "--format", "junit"))
    properties = {
        suite.get("name"): {p.get("name"): p.get("value") for p in suite.iter("property")}
        for suite in root.iter("testsuite")
    }
    assert properties["hard.md"] == {
        "readability.score": str(round(_score(HARD), 3)),
        "readability.band": "上級後半",
        "readability.target": "2.5",
        "readability.below_target": "true",
    }
    assert properties["easy.md"]["readability.below_target"] == "false"


def test_the_score_is_in_sarif_and_statistics(tmp_path):
    artifacts = json.loads(_two_drafts(tmp_path, "--format", "sarif"))["runs"][0]["artifacts"]
    scores = {a["location"]["uri"]: a["properties"]["readability"] for a in artifacts}
    assert scores["easy.md"]["score"] == pytest.approx(4.148, abs=0.001) and scores["hard.md"]["below_target"] is True
    assert scores["hard.md"]["band"] == "上級後半" and scores["hard.md"]["target"] == 2.5
    stats = json.loads(_two_drafts(tmp_path, "--statistics", "--format", "json"))["readability"]
    assert stats["drafts"] == 2 and stats["below_target"] == 1 and stats["lowest"]["path"] == "hard.md"
    assert stats["mean"] == pytest.approx((4.148 + _score(HARD)) / 2, abs=0.001)
    assert "読みやすさ:\n  平均 " in _two_drafts(tmp_path, "--statistics")
