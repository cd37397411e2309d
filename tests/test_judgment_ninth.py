"""Issue 23, ninth pass: incitement and unreleased matters read by grammar. Each draft that must
fire is a new variant of a class (written for these tests, not taken from a probe round); beside
it, a city post with the same words that must stay quiet."""

from __future__ import annotations

import pytest

from tests.helpers import loud

INCITEMENT = ("JP-P302", "JP-P303", "JP-P304", "JP-P305", "JP-P306", "JP-P307")


@pytest.mark.parametrize(
    "text,kept",
    [
        # any prohibition, conceded in the casual voice, whatever is prohibited; the polite ですが
        # of a post that offers an alternative stays quiet
        (
            "キャンプ禁止の河原だけど、テント張っても誰にも何も言われないから気にせず泊まって。",
            "ロケット花火は禁止ですが、手持ち花火なら公園で楽しめます。",
        ),
        (
            "花火禁止の公園でも、端っこの方なら文句言われないし楽しめますよ。",
            "花火禁止の公園もあるので、事前に確認しよう！",
        ),
        # a place closed to the public as the place one goes; a volitional go-ahead
        (
            "立入禁止の防波堤、先端まで行くと夕日がきれい。週末は探検してみよう！",
            "立入禁止の区域は、地図の赤い部分です。",
        ),
        # dumped "wherever", or in a wild place; hidden among the rest to pass a check
        (
            "古い家電は、裏山の谷にでも放り込んじゃえばいいって。",
            "不要な家電は、リサイクル店に引き取ってもらえばお得です。",
        ),
        # a volitional or a polite ending the ninth pass reads, beside city posts that keep a rule
        (
            "粗大ごみ、沢にでも捨てちゃおう。",
            "ご協力ありがとう！河川敷のごみ拾いで、軽トラック3台分のごみが集まりました。",
        ),
        (
            "バーベキュー禁止の河原も、夜中ならいけます。みんなで焼こう！",
            "花火大会当日は臨時駐車場を設けます。路上駐車は絶対におやめください。",
        ),
        ("回数券、1枚を家族みんなで使い回しちゃうよ。", "公民館のコピー機は、1枚10円でどなたでも使えます。"),
        # a ticket not bought, in any wording, and whoever enforces it seldom comes
        (
            "釣り券なんか買わなくても、河口のあたりは見回りがめったに来ないよ。",
            "遊漁券はコンビニでも買えます。釣りを楽しみましょう。",
        ),
        # someone else's name used to get more than one's share
        ("市営住宅の申込み、親戚の名義を借りて出せば2口応募できます。", "名前を借りての申込みは無効です。"),
        (
            "公民館の抽選、友達の名前を借りて何口も申し込めば当たりやすいよ。",
            "公民館の部屋は、1回の申込みで2コマまで使えます。",
        ),
        # a cheaper category claimed by someone outside it, and a check nobody does
        (
            "美術館の年齢確認なんてしてないから、大人でも高校生料金で入れちゃうよ。",
            "65歳以上の方は、シニア料金でご利用いただけます。",
        ),
        # whoever enforces it gone (named by the duty + の人) and a tip's word
        (
            "海水浴場の監視の人が帰った後が、沖まで泳ぐ狙い目です。",
            "夜桜のライトアップは21時まで。撮影の狙い目は日没直後です。",
        ),
        # nobody can tell who did it
        (
            "町内の掲示板のポスター、邪魔ならはがしても誰がやったかなんて分かりません。",
            "選挙ポスター掲示場の場所を地図で紹介します。",
        ),
        # the polite potential right after the means (から入れます): not after a condition
        ("市民プール、休館日でも通用口から入れます。", "駐輪場は、許可シールなしでも当日利用なら停められます。"),
        # a book not returned, a licence one does not have
        (
            "図書館で借りた本、返さなくても催促なんてまず来ないし平気。",
            "雪かき道具は、返さなくても大丈夫です。どうぞお持ち帰りください。",
        ),
    ],
)
def test_incitement_by_the_grammar_of_the_act_and_the_go_ahead(lint, text, kept):
    assert [f.rule for f in lint(text) if f.rule in INCITEMENT], text
    assert loud(lint(kept)) == []


@pytest.mark.parametrize(
    "text",
    [
        # pre-ninth-pass false alarms: 駐車場 the place is no parking, an act negated is kept,
        # a lament about those who do it is no incitement
        "夜なら駐車場も空いています。夜桜見物にどうぞ。",
        "早朝なら駐車場にも余裕があります。朝の散歩に行こう！",
        "立入禁止の区域に入らず、安全な場所から花火を見よう！",
        "禁止の看板を立てても、ごみを捨てる人が後を絶ちません。",
    ],
)
def test_city_posts_that_keep_a_rule_stay_quiet(lint, text):
    assert loud(lint(text)) == []


@pytest.mark.parametrize(
    "text,published",
    [
        # a verb of closing, cutting, merging or moving, in any form, and a state of deliberation
        (
            "出張所を二つ閉じる話が出ていて、来年度中にはなくなりそうです。",
            "冬の間、キャンプ場は閉じています。4月の再開をお待ちください。",
        ),
        (
            "地区の公民館を3館から1館に集約する案を、いま企画課で練っているところです。",
            "雪まつりの準備を進めているところです。お楽しみに！",
        ),
        (
            "来年度の除雪予算、2割減らす案を財政課でまとめてる最中。",
            "ごみの量を2割減らすことを目標に、分別の徹底をお願いします。",
        ),
        # a stage reached inside, an outcome guessed
        (
            "市営バスの路線を半分に減らす方針、まだ課内止まりだけど通ると思う。",
            "この先は行き止まりです。市の路線バスは迂回します。",
        ),
        (
            "市民球場の取り壊し、たぶん決まると思うけど、まだ部長のところで止まってる。",
            "小学校の校舎を取り壊し、跡地に公園を整備しました。",
        ),
        # any verb + 方向で, whatever follows; a talk being advanced
        (
            "温泉施設を手放す方向で、買い手の会社と話を進めているところです。",
            "自転車は左側通行です。進む方向で左に寄ってください。",
        ),
        # a paper for a body not yet given to it, an internal paper seen
        (
            "来月の委員会に出す給食費の改定表、見たら小学校が月500円上がってた。",
            "地区の公民館で、来月の委員会に出す資料を作っています。",
        ),
        (
            "スポーツ施設の使用料を上げる試案を見せてもらったら、テニスコートが倍になってた。",
            "料金の改定を行いました。新しい料金表をご覧ください。",
        ),
        # settled among the higher-ups
        (
            "公立保育園を2園ひとつに統合する件、上のほうでほぼ固まったそうです。",
            "3月定例会に提出する議案の概要を公表しました。",
        ),
        # a decision told in the polite past is the city announcing it
        ("路線バスを減らす方向でバス会社とやりとりしています。", "建設工事の予定価格の事前公表を取りやめました。"),
        (
            "体育館の新しい愛称、たぶん通ると思う。",
            "新しい名前が決まると思うとわくわくしますね。愛称の応募は今月末まで。",
        ),
    ],
)
def test_an_unreleased_matter_by_the_grammar_of_its_state(lint, text, published):
    assert "JP-C106" in [f.rule for f in lint(text)], text
    assert loud(lint(published)) == []


@pytest.mark.parametrize(
    "text,published",
    [
        (
            "新しい給食センターの工事、予定価格は9億6千万円で積算しています。",
            "工事の予定価格は、入札公告で事前に公表しています。",
        ),
        (
            "図書館システムの更新業務、最低制限価格は1,280万円にする予定です。",
            "入札参加資格の申請は、1月31日までです。",
        ),
        (
            "公園整備の設計金額、だいたい3億円くらいで見積もってあります。",
            "新しい体育館の事業費は約28億円です（基本計画より）。",
        ),
        ("除雪業務の調査基準価格は2,400万円です。", "落札金額は1億2千万円でした（入札結果は市ホームページに掲載）。"),
    ],
)
def test_a_tenders_figure_before_it_is_published_is_an_error(lint, text, published):
    assert ("JP-C107", "error") in [(f.rule, f.severity) for f in lint(text)]
    assert loud(lint(published)) == []


@pytest.mark.parametrize("text", ["説明会の資料を作っている最中です。", "展示の資料は、調整中です。"])
def test_a_paper_is_no_charge(lint, text):
    # 資料 was read as a charge ([一-龥]料, like 使用料): an error on main
    assert "JP-C106" not in [f.rule for f in lint(text)]
