"""Issue 23, ninth pass: contempt and discrimination said as an observation or a careless remark
(JP-P110 and JP-P214's new verdicts, JP-P215 a trait pinned on a group, JP-P216 schooling held
against people), and the false alarms and misses fixed in the rules before them.

Each case is a pair: a draft that must be found by one of the rules named and a draft with the
same people and words that must stay quiet, so that a rule which finds everything fails as surely
as one that finds nothing. The drafts are written for these tests (classes, not the probe rounds'
texts)."""

from __future__ import annotations

import pytest

from sm_lint.rules.model import severity_rank
from tests.helpers import loud

TRAIT, VERDICT, GROUP = {"JP-P215"}, {"JP-P110"}, {"JP-P212", "JP-P213", "JP-P214", "JP-P215"}
CASES = [
    # JP-P215: a disposition pinned on a district's people; the same people praised
    (
        TRAIT,
        "駅裏の団地の人は昔から閉鎖的で、よそから来た人になかなか心を開かないんです。",
        "駅裏の団地の人は昔から助け合って、よそから来た人も歓迎してくれます。",
    ),
    # a faculty denied to the old, politely; a risk of the old a city warns of
    (
        TRAIT,
        "年寄りはスマホの操作を覚えられないので、若い職員にやらせます。",
        "高齢者は熱中症になりやすいので、こまめに水分をとりましょう。",
    ),
    # a bad tendency pinned on trainees; a risk (fraud) the old are warned of
    (
        TRAIT,
        "外国から来た実習生は、すぐに逃げるから気をつけたほうがいい。",
        "高齢者は詐欺にだまされやすいので、不審な電話に気をつけてください。",
    ),
    # many of them said to be so, with a 皆さん elsewhere in the sentence; isolation is care
    (
        TRAIT,
        "ひとり親の家の子は落ち着きのない子が多いので、ボランティアの皆さんは目を離さないでください。",
        "一人暮らしの高齢者は孤立しがちなので、見守りへのご協力をお願いします。",
    ),
    # a habit said of a whole group; the same said of a part of it
    (
        TRAIT,
        "外国人の住民は、ごみの分別をいつまでたっても覚えないんですよね。",
        "外国人の住民の中には、ごみの分別に慣れていない人もいます。",
    ),
    # a dialect's group (山の方の衆) and trait; the same group's custom
    (
        TRAIT,
        "山の方の衆はみんな気が短くて、話し合いにならんのです。",
        "山の方の衆はみんなで雪囲いをして、冬に備えています。",
    ),
    # idleness pinned on people without work; a service for them
    (
        TRAIT,
        "無職の人たちは昼間から遊んで暮らしているように見えます。",
        "無職の人たちの就職を応援するセミナーを開きます。",
    ),
    # no future for a place of them; the same place helping itself
    (
        TRAIT,
        "高齢者ばかりの集落は、もう先がないと思います。",
        "高齢者ばかりの集落でも、みんなで助け合って雪下ろしをしています。",
    ),
    # common sense said not to reach them; the same said to be untrue
    (
        TRAIT,
        "外国人だから、日本の常識が通じないのは仕方ないですね。",
        "外国人だから日本の常識が通じない、ということはありません。",
    ),
    # a place named by a common noun as where people are from (浜の人); the same people teaching
    (TRAIT, "浜の人はみんな口が悪いんですよ。", "浜の人たちが、地引き網体験を教えてくれました。"),
    # a fate by birth; a right of the same children
    (
        TRAIT,
        "あの家は生活保護だから、子どもも同じようになるよ。",
        "生活保護の家庭の子どもも、進学の支援を受けられます。",
    ),
    # JP-P216: schooling held against people; schooling that opens a door
    (
        {"JP-P216"},
        "高校中退の人には、この仕事は正直難しいと思います。",
        "高校を中退した人も、夜間中学で学び直すことができます。",
    ),
    (
        {"JP-P216"},
        "学歴のない親に、進路の話をしても理解できないでしょう。",
        "学歴は問いません。中学校卒業の方も応募できます。",
    ),
    # JP-P110: age held against someone; age and pluck
    (
        VERDICT,
        "さっき来たおばあさん、もう年なんだから雪かきは業者に頼めばいいのに。",
        "さっき来たおばあさん、もう年だけど雪かきは自分でやると張り切っていました。",
    ),
    # told to stay away, in dialect; welcomed back
    (VERDICT, "例の常連さん、もうこっちに来んでくれ。", "例の常連さん、今日もこっちに来てくれた。"),
    (VERDICT, "例の常連さん、二度と窓口に顔出さんでくれ。", "例の常連さん、毎日窓口に顔を出してくれる。"),
    # not counted as a human being; a neighbour found
    (
        VERDICT,
        "昨日の来庁者、あれで同じ人間とは思えない態度だった。",
        "昨日の来庁者、同じ町内の人だと分かって話が弾んだ。",
    ),
    # smell judged; a smell of snow
    (VERDICT, "今朝の相談者、臭いがきつくて窓口がつらかった。", "今朝の相談者、雪の匂いがする長靴で来られました。"),
    # made of a fault; made of cheer
    (VERDICT, "隣の課の係長、見栄のかたまりみたいな人だよ。", "隣の課の係長、元気のかたまりみたいな人だよ。"),
    # talk said to fail; talk that went well
    (VERDICT, "あの議員、何を聞いても話がかみ合わない。", "あの議員、話がうまくて会場が沸いた。"),
    # sent back to school (a visitor called 〜の方); the same visitor thanking
    (
        VERDICT,
        "さっきの問い合わせの方、義務教育からやり直してほしい。",
        "さっきの問い合わせの方、丁寧にお礼を言って帰られました。",
    ),
    # ridicule of how someone speaks; children's play
    (
        VERDICT,
        "例の常連さんの話し方を真似したら課内で爆笑だった。",
        "子どもたちが先生の話し方を真似して大笑いしていました。",
    ),
    # polite condescension; a hard task owned by the person
    (
        VERDICT,
        "隣の課の主任、あの人にはこの仕事は難しいでしょうね。",
        "隣の課の主任、この仕事は難しいけど頑張ると言っていました。",
    ),
    # a hopeless person, in dialect; a person who helps
    (VERDICT, "あのじいさん、ほんにしょうがねえ人らて。", "あのじいさん、ほんに雪かきが上手な人らて。"),
    # looks judged after 先ほど; looks kept
    (
        VERDICT,
        "先ほどの来庁者の方、身なりがだらしなくて少し驚きました。",
        "先ほどの来庁者の方、身なりを整えて面接に向かわれました。",
    ),
    # a talk judged dull; a long talk praised
    (
        VERDICT,
        "今日の講師の先生、話がつまらなくて参加者がみんな寝てました。",
        "今日の講演、先生の話が長くて、あっという間の2時間でした。",
    ),
    # called sick for how one behaves; an illness cured
    (VERDICT, "例のクレーマー、今日も来てたけど、あれはもう病気だね。", "例の常連さん、病気が治って今日も来てくれた。"),
    # JP-P109: not at all (さっぱり); what the person said of themselves
    (
        {"JP-P109"},
        "さっきの電話のおばあさん、何が言いたいのかさっぱり分からなかった。",
        "さっきの電話のおばあさん、道順がさっぱり分からないと言うので、地図を送りました。",
    ),
    # called demented as a jibe; a family's worry reported
    (
        VERDICT,
        "あのじいさん、認知症なんじゃないの。",
        "あのおばあちゃん、認知症ではないかと心配したご家族から相談がありました。",
    ),
    # a mocking question about someone's head; a head unhurt after a fall
    (VERDICT, "さっきの客、頭大丈夫かな？", "今日来たおじいさん、転んだけど頭は大丈夫でした。"),
    # a wish that someone be gone; a child's wish about snow
    (VERDICT, "例のおばあさん、いなくなればいいのに。", "例の子ども、雪がなくなればいいのにって言ってた。"),
    # a family's bad name (あそこの, a deixis); the same family thanked
    (
        VERDICT,
        "あそこの家の人たちは昔から評判が悪い。",
        "あそこの家の人たち、雪かきを手伝ってくれて本当に助かりました。",
    ),
    # a mannerism mimicked for laughs, with the person as its owner (課長の口癖を)
    (VERDICT, "課長の口癖を真似したら課内で大ウケでした。", "課長の口癖をまとめた冊子が、新人研修で好評でした。"),
    # JP-P109: the topic of a complaint (ときたら) and the Joetsu 〜てねっか; a grandchild's joy
    ({"JP-P109"}, "課長ときたら、なんも分かってねっか。", "うちの孫ときたら、雪が降ると大はしゃぎです。"),
    # JP-P111: a rebuke thrown at someone unnamed; the same word as a warning about snow
    ({"JP-P111"}, "窓口で三回も同じ文句。なめてるな。", "雪道をなめてると、思わぬ事故につながります。"),
    ({"JP-P111"}, "新人のくせに調子に乗るなよ！", "「調子に乗るな」などの暴言は、ハラスメントにあたります。"),
    # JP-P109: not a single one (一つも); one at a time
    ({"JP-P109"}, "電話の人、一つもメモを取らなかった。", "電話の人、メモを一つずつ取っていた。"),
    # groups: a causative 読ませ is no polite ませ (it vetoed JP-P213); the same people helped
    (GROUP, "中卒の人にこの書類を読ませても意味ない。", "中卒の人も、この書類を読めば手続きができます。"),
    # the work a group's presence is said to stop; the same presence served
    (GROUP, "障害のある人が一人来ると、窓口が止まってしまう。", "障害のある人が来ると、係員が窓口まで案内します。"),
    # a group that names itself by a state (ひきこもり) and a verdict; a meeting for it
    (GROUP, "ひきこもりなんて結局は甘えでしょ。", "ひきこもりの方とご家族の相談会を開きます。"),
    # a group's state blamed on lenient parents; support that is not lenience
    (
        GROUP,
        "不登校の子なんて、親が甘やかしたせいでしょ。",
        "不登校の子には、甘やかすのではなく寄り添う支援が必要です。",
    ),
    # a workplace said to stop with them in it; a need that a plan answers
    (
        GROUP,
        "障害のある職員がいる部署は、どうしても仕事が回らなくなります。",
        "障害のある人がいる家庭は、災害時の避難に手間がかかるため、個別避難計画を作ります。",
    ),
    # a right said to be wasted on them; the same right made easier
    (
        GROUP,
        "知的障害のある人に投票させる意味があるのか疑問です。",
        "知的障害のある人も投票できるよう、分かりやすい選挙公報を作りました。",
    ),
    # worse since they came; livelier since they came
    (
        GROUP,
        "アジア系の住民が増えてから、ゴミ出しのマナーがひどくなりました。",
        "外国人住民が増えてから、地域の国際交流が盛んになりました。",
    ),
    # a group told to lie low; advice to stay home in a storm
    (GROUP, "年寄りは家で寝てればいいんだよ。", "台風で外出は危ないので、家にいればいいと思います。"),
    # children kept from a district's children (あの地域); the district's children at play
    (
        {"JP-P211", "JP-P214"},
        "あの地域の子とは遊ばせない方がいいと思います。",
        "地域の子どもたちと一緒に、雪遊びを楽しみました。",
    ),
    # a group wished away; a group invited
    (GROUP, "生活保護の人には、正直来てほしくないです。", "生活保護の人も、気軽に来てほしいです。"),
]


@pytest.mark.parametrize("expected,fire,quiet", CASES)
def test_a_careless_judgment_is_found_and_its_kind_twin_is_not(lint, expected, fire, quiet):
    found = {f.rule for f in lint(fire) if severity_rank(f.severity) >= severity_rank("warning")}
    assert found & expected
    assert loud(lint(quiet)) == []


@pytest.mark.parametrize(
    "denied",
    [
        # わけではありません answers a prejudice as わけではない does: JP-P211 took it for one,
        "外国籍の住民がごみ出しのルールを守らないわけではありません。",
        # and JP-P207 and JP-P104 (errors) had no rebuttal at all
        "生活保護を受けている人は働く気がないわけではありません。",
        "外国人だからといって、みんなルールを守らないなんてことはない。",
        # a prejudice refused (なんて言わせない: JP-P212 read 未来がない as the judgment)
        "若者は未来がない、なんて言わせない。市は若者の挑戦を応援します。",
        # a prejudice named as one (JP-P207, an error)
        "外国人住民はルールを守らないという誤解をなくすため、多文化共生の講座を開きます。",
    ],
)
def test_a_prejudice_denied_politely_is_not_stated(lint, denied):
    assert loud(lint(denied)) == []


@pytest.mark.parametrize(
    "term,rule",
    [
        ("どもり", "JP-P204"),
        ("吃り", "JP-P204"),
        ("精薄", "JP-P204"),
        ("狂人", "JP-P204"),
        ("土民", "JP-P201"),
        ("クロンボ", "JP-P201"),
        ("チャンコロ", "JP-P201"),
        ("バカチョンカメラ", "JP-P201"),
        ("ルンペン", "JP-P208"),
        ("たわけ", "JP-P101"),
        ("あんぽんたん", "JP-P101"),
        ("うすのろ", "JP-P101"),
        ("ぼんくら", "JP-P101"),
        ("ろくでなし", "JP-P101"),
    ],
)
def test_more_of_the_style_guides_terms_are_errors(lint, term, rule):
    # terms the media style guides list (共同通信『記者ハンドブック』 and the like) that the lists
    # lacked, and old or regional names for a fool (JP-P101)
    findings = lint(f"昔はよく{term}と呼んでいた。")
    assert any(f.rule == rule and f.severity == "error" for f in findings)
