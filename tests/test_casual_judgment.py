"""Issue 23, eighth pass: contempt and discrimination in the register of a vent (JP-P109, JP-P212,
JP-P213, rules/lists/casual-judgments.txt), the `any` kind and the construction's `adjacent`
option they are written with, and the false alarms found while building them.

Each case is a pair: a draft that must be found and a draft with the same people and words that
must stay quiet, so that a rule which finds everything fails as surely as one that finds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from sm_lint.rules.model import severity_rank
from tests.helpers import loud, one_rule, rule_error


def rules_of(findings):
    return {f.rule for f in findings if severity_rank(f.severity) >= severity_rank("warning")}


@pytest.mark.parametrize(
    "fire,quiet",
    [
        # a specific person + a judgment in speech; the same person in a polite post
        (
            "昨日来た業者の人、見積もりの説明がまともにできないし。",
            "昨日来られた業者の方に、見積もりを説明していただきました。",
        ),
        # a person as the casual topic + a mocking question; the same question admiring
        (
            "隣の課の係長、どういう育ち方したらああなるんだろ。",
            "隣の課の係長、どうやったらあんなに字がきれいに書けるんだろ。",
        ),
        # a person reduced to a fault; a praise of the same shape
        ("例の委員長、目立ちたがりで人の話を聞かない。", "例の委員長、文句ひとつ言わずに最後まで片付けてくれた。"),
        # a verdict in the next sentence; a report of what the person said
        ("電話してきた男性、同じ話を三回。ほんと最低。", "電話してきた男性、雪かきが間に合わないって言ってた。"),
        # likened to a child; a child's level as an age limit in a notice (a municipal bulletin)
        ("うちの部長、都合が悪いとすぐ黙る子どもみたいな人。", "参加者は小学生以下は保護者同伴。先着200人。"),
        # exasperation at what someone keeps doing; perseverance praised
        ("参加した中学生、何度注意しても走り回る。", "参加した中学生、何度転んでもあきらめずに滑っていた。"),
        # a habit pinned on someone; not yet used to something
        ("あのお客さん、何度説明しても書類を持ってこない。", "若い職員は、雪道の運転にまだ慣れてない。"),
    ],
)
def test_a_person_judged_in_the_voice_of_a_vent(lint, fire, quiet):
    assert rules_of(lint(fire)) & {"JP-P109", "JP-P110"}
    assert loud(lint(quiet)) == []


@pytest.mark.parametrize(
    "fire,quiet",
    [
        # a group's presence has a bad outcome; the same presence welcomed
        (
            "外国人の住民が増えると、ごみ置き場が汚くなるだけ。",
            "外国人の住民が増えると、地域のお祭りもにぎやかになるね。",
        ),
        # a benefit denied; the benefit reported
        ("生活保護の世帯に灯油代の補助までいらないでしょ。", "生活保護の世帯にも、灯油代の補助は届く。"),
        # unfit as a class, described by a disability; an accommodation for the same people
        ("目の見えない人に受付の仕事は無理だろ。", "目の見えない人にも分かるよう、点字の案内を付けた。"),
        # nationality by a country's name (UniDic 地名-国) + best avoided; the same group thanked
        (
            "フィリピンの実習生は、すぐ辞めるから雇っても意味がない。",
            "フィリピンの実習生が、雪かきを手伝ってくれた。ありがとう！",
        ),
        # a stereotype; the stereotype answered
        ("年寄りだから、スマホなんてどうせ使えない。", "年寄りだからって、スマホが使えないわけじゃない。"),
    ],
)
def test_a_group_judged_in_the_voice_of_a_vent(lint, fire, quiet):
    assert rules_of(lint(fire)) & {"JP-P212", "JP-P213"}
    assert loud(lint(quiet)) == []


@pytest.mark.parametrize(
    "fire,quiet",
    [
        # the plain style of an encyclopedia or a notice is not the voice of a vent: the same
        # people and the same negation said in speech are found, in plain prose they are not
        ("あの男、最後まで謝りもしないし。", "その男は、最後まで罪を認めなかった。"),
        ("うちの議員って、選挙のときしか顔を出さないよね。", "当選した議員は、翌年の選挙には出馬しなかった。"),
        ("高齢の住民って、回覧板もまともに読まないよね。", "高齢の住民が多く、祭りは担い手が足りない。"),
        ("若手の鈴木、何回言っても同じミス。", "鈴木、佐藤、高橋の3人は、すぐ決勝に進んだ。"),
        # a group word modifying an event
        ("障害者は、どうせイベントに来ても楽しめないでしょ。", "障害者スポーツ大会、今年は雨で開けなかった。"),
        # a purpose
        ("車いすの人が来ると、準備が面倒になるだけ。", "車いすの人が来ても困らないよう、スロープを付けた。"),
        # an obligation
        ("職員って、みんな定時で帰りたいだけでしょ。", "職員は全員、防災訓練に参加しなければならない。"),
        # a casual web comment (dev tune half)
        ("おっさんってのは話が長くて困る。", "おっさんが好きそうなの続くな"),
    ],
)
def test_plain_prose_about_people_stays_quiet(lint, fire, quiet):
    assert rules_of(lint(fire)) & {"JP-P109", "JP-P212", "JP-P213"}
    assert rules_of(lint(quiet)) & {"JP-P109", "JP-P212", "JP-P213"} == set()


def test_a_prejudice_answered_is_not_a_prejudice_stated(lint):
    # JP-P211 read 守らない as a trait pinned on a group; the sentence denies it
    assert loud(lint("外国人だからといって、ごみ出しのルールを守らないわけではない。")) == []
    # the trait stated is found (JP-P211, or JP-P207 where its error covers the same stretch)
    assert rules_of(lint("外国人の住民って、ごみ出しのルールを守らない。")) & {"JP-P207", "JP-P211"}


def test_gratitude_without_arigatou_is_no_gossip(lint):
    # JP-P105 read ほんと after a specific person as a vent; ありがたい is thanks
    assert loud(lint("あのおじいさん、毎日公園の雪かきをしてくれる。ほんとにありがたい。")) == []
    assert "JP-P105" in rules_of(lint("あのおじいさん、毎日窓口に来る。ほんとにうんざり。"))


def test_polite_negation_and_honesty_are_no_vent(lint):
    # ません is as polite as ます (JP-P212 took 〜ないのかもしれません for a plain negation), and
    # 正直に言うと is honest, not the register of a vent (JP-P105, on main too)
    assert loud(lint("若者は正直、地元の良さに気づいていないのかもしれません。もっと発信します。")) == []
    assert loud(lint("うちの係長、正直に言うと雪かきが一番上手です。")) == []
    assert "JP-P212" in rules_of(lint("若者って、地元の良さに気づいてないよね。"))


def test_the_comics_boke_is_no_insult(lint):
    # JP-P101 took ボケ, the role in a manzai duo, for a dotard (probes round 14)
    assert loud(lint("地元出身の漫才コンビのお笑いライブ。ボケとツッコミの掛け合いをお楽しみに！")) == []
    assert "JP-P101" in rules_of(lint("あのボケ老人、また来た。"))


def test_gossip_needs_more_than_zenzen(lint):
    # JP-P105 took 全然 for the register of a vent; with a negation it is JP-P109's
    assert loud(lint("昨日来てくれたおばあちゃん、雪かきしても全然疲れないって笑ってた！")) == []
    assert "JP-P109" in rules_of(lint("昨日来たおばあちゃん、説明を全然聞いてないし。"))


PACK = """\
pack: test
rules:
  - id: X-201
    name: group-topic
    category: prohibited
    clause: 5(5)
    severity: warning
    message: 「{match}」
    match:
      construction:
        - any:
            - {words: [年寄り]}
            - {sequence: [{pos4: 国}]}
        - {regex: 'は|って'}
        - {regex: '無理'}
      ordered: true
      ADJACENT
    examples:
      invalid: [年寄りは無理。]
      valid: [雪は無理。]
"""


def _rule(tmp_path: Path, adjacent: str = "adjacent: [2]"):
    return one_rule(tmp_path, PACK.replace("ADJACENT", adjacent))


def test_any_finds_each_alternative(tmp_path, linter):
    rule = _rule(tmp_path)
    assert linter.lint_text("年寄りは無理。", rules=[rule])
    assert linter.lint_text("ベトナムは無理。", rules=[rule])  # a country, by its part of speech
    assert linter.lint_text("雪は無理。", rules=[rule]) == []
    # every alternative names what it needs, so the gate may skip drafts with none of them
    assert rule.matcher.sign_groups() is not None


def test_adjacent_parts_have_nothing_between_them(tmp_path, linter):
    rule = _rule(tmp_path)
    assert linter.lint_text("年寄りの運転は無理。", rules=[rule]) == []  # の運転 between the group and は
    loose = _rule(tmp_path, "")
    assert linter.lint_text("年寄りの運転は無理。", rules=[loose])


@pytest.mark.parametrize(
    "change,needle",
    [
        (("            - {sequence: [{pos4: 国}]}\n", ""), "`any` is a list of two match mappings or more"),
        (("ADJACENT", "adjacent: [1]"), "`adjacent` is a list of part numbers from 2 to 3"),
        (("      ordered: true\n      ADJACENT", "      adjacent: [2]"), "with ordered, not"),
    ],
)
def test_a_broken_any_or_adjacent_is_a_rule_error(tmp_path, change, needle):
    assert needle in rule_error(tmp_path, PACK.replace(*change).replace("ADJACENT", ""))


@pytest.mark.parametrize(
    "fire,quiet",
    [
        # a person likened to a thing, in です/ます; a thing of the same name
        ("うちの課長は、会議で座ってるだけの置物です。", "うちの課長が、干支の置物を窓口に飾りました。"),
        # a rebuke to a handle, politely; thanks to the same handle
        (
            "@snow_taro さん、文句を言う暇があったら調べてみてはいかがでしょう。",
            "@snow_taro さん、ご意見ありがとうございます。調べてお答えします。",
        ),
        # a mocking question about upbringing; a request (the ださい inside ください is no verdict)
        ("昨日来た大学生、どんな育ち方をしたのか。", "昨日来た大学生、申込書をよく読んでください。"),
        # sarcasm about an easy life; a hobby on days off
        ("例のクレーマー、また来た。暇な年寄りはいいよね。", "うちの課長、休みの日は畑仕事を楽しんでいます。"),
        # unworthy of the role, politely; a role done well
        (
            "さっきの業者さん、説明がしどろもどろで、プロとは思えませんでした。",
            "昨日来た業者さん、プロの技術で屋根の雪を下ろしてくれました。",
        ),
        # a virtue said to be lacking; the same virtue praised
        (
            "ボランティアの学生たち、やる気が感じられませんでした。",
            "ボランティアの学生さんたちの熱意に、職員一同感謝しています。",
        ),
        # likened to a relic; a relic as a hobby
        ("うちの部長、パソコンも使えない化石みたいな人です。", "うちの部長、化石の発掘体験で講師を務めました。"),
        # age held against a person named with さん; the same age admired
        (
            "田中さんは、いい年して窓口で大声を出すのはやめてほしい。",
            "田中さんは、いつも新しいことに挑戦していてすごい。",
        ),
        # someone not worth having around; someone missed
        (
            "受付の佐藤さんは、仕事が遅くていてもいなくても同じ。",
            "受付の佐藤さんが異動して、窓口がさみしくなりました。",
        ),
        # called mad; a plan gone awry
        ("さっき怒鳴り込んできたじいさん、完全にイカれてる。", "さっき来たおじいさん、雪で予定が狂ってるみたい。"),
        # a fault by its suffix; やっぱり is no 〜っぱり
        ("隣の課の係長、意地っ張りで謝らない人です。", "隣の課の係長、やっぱり雪かきが上手です。"),
    ],
)
def test_a_person_given_a_verdict_in_any_register(lint, fire, quiet):
    assert "JP-P110" in rules_of(lint(fire))
    assert loud(lint(quiet)) == []


@pytest.mark.parametrize(
    "fire,quiet",
    [
        # a bad outcome of a group's presence, politely; the same presence welcomed
        (
            "外国人観光客が増えてから、駅前がなんだか物騒になった気がします。",
            "外国人観光客が増えてから、駅前がにぎやかになりました。",
        ),
        # people steered away from a district's people; a tour recommended
        (
            "山側の地区の人は冷たいので、移住するなら別の地区がおすすめです。",
            "山側の地区の人は雪に慣れています。移住するなら冬の体験ツアーがおすすめです。",
        ),
        # a marriage refused for someone's origin; the same origin in a friendly talk
        ("川向こうの出だと聞いて、親が結婚に反対したらしい。", "川向こうの出身だと聞いて、話が弾みました。"),
        # a stereotype said as an image (出し方 is a way of doing, not the respectful 方); a
        # group's image as a topic of a polite post
        (
            "団地に住んでる人は、ごみの出し方が雑なイメージがある。",
            "高齢者の方のイメージがある雪かきボランティアに、若い人も参加しています。",
        ),
        # a trait pinned on a district's people; the same people's trait praised
        (
            "あの地区の出身者は、昔から気性が荒いと言われている。",
            "あの地区の出身の職人さんは、昔から腕がいいと評判です。",
        ),
        # a sanction demanded of a group; a service offered to it
        (
            "高齢者に運転させるのは危ないから、免許は取り上げるべき。",
            "高齢者の運転免許の自主返納を、タクシー券で支えます。",
        ),
        # a benefit denied with なんて, politely; a benefit granted, listed with とか
        (
            "LGBTの人たちのための制度なんて、この町には必要ありません。",
            "障害者手帳をお持ちの人は、入館料とか駐車料金はいりません。",
        ),
        # a group called a burden; the same hiring supported
        (
            "障がいのある人を雇うと、周りの職員の負担が増えるだけです。",
            "障害のある人を雇うと、助成金が出ます。詳しくは窓口へ。",
        ),
        # an aversion to a group; the same group on an outing
        ("障害児と一緒の遠足なんて、正直ほかの子がかわいそう。", "障害児と一緒の遠足で、子どもたちは楽しそうでした。"),
    ],
)
def test_a_group_given_a_verdict_in_any_register(lint, fire, quiet):
    assert "JP-P214" in rules_of(lint(fire))
    assert loud(lint(quiet)) == []
