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
        # the second set: a rule dismissed or not kept, permission skipped with whoever gives it
        (
            "餌やり禁止の看板は気にしないで、パンをあげるのが楽しいよ。",
            "鯉の餌やりは禁止ではありません。売店で餌を買えます。",
        ),
        (
            "ごみの日を守らなくても、前の晩に出しておけば問題なし。",
            "収集日を守らないで出されたごみは、回収できません。",
        ),
        ("集会所、管理人に言わずに使っても案外ばれません。", "集会所の利用は、管理人に申し込んでください。"),
        # a key copied, a place for staff used, a protected place's plants, things left taken
        ("倉庫の合鍵があるから、夜でも自由に入れますよ。", "合鍵の作成は、管理事務所でのみ受け付けます。"),
        ("職員用の通路を通ると近道でおすすめです。", "職員用の駐車場は、土日は一般の方も使えます。"),
        ("保護区域のカタクリ、何株か掘って持ち帰っちゃおう。", "天然記念物のオオヒシクイを、望遠鏡で観察しよう！"),
        ("工事現場に置いてある木材、持っていっても平気だよ。", "置いてある資料は、ご自由にお持ち帰りください。"),
        (
            "除雪車の真後ろを走ると楽なので、ぴったりついて行くのがコツ。",
            "除雪車の後ろを走るのは危険です。車間距離をとりましょう。",
        ),
        # impunity without an act: safe unless reported, nobody complains, nobody can tell
        ("公園で手持ち以外の花火をやっても、通報されなきゃセーフ。", "セーフティネットの相談窓口を開設しました。"),
        (
            "グラウンドでゴルフの練習をしても誰も文句言いませんよ。",
            "子ども連れでもいいでしょうか、というお問い合わせをいただきます。",
        ),
        ("掃除当番、名前だけ書いておけば実際にやらなくてもわからない。", "説明を読めば分からないことはありません。"),
        # a requirement waived, an owner dismissed, a document altered, a public place's stones
        (
            "ジムのシャワー、利用者じゃなくても普通に使えちゃいます。",
            "市民じゃなくても参加OK！雪かき体験ボランティアを募集中です。",
        ),
        (
            "浜の流木、持ち主なんてわからないから拾って売っちゃえば。",
            "海岸に流れ着いた漁具を見つけたら、市へご連絡ください。",
        ),
        (
            "補助金の申請、領収書の日付をちょっと変えれば対象になります。",
            "補助金の対象や申請の方法は、ホームページをご覧ください。",
        ),
        ("河原の石、庭にちょうどいいので軽トラで運んじゃいましょう。", "河原の石を持ち帰ることはできません。"),
        # whoever checks not looking; more than one's share; it does not show
        (
            "バスの運転手さんはほとんど見てないので、子ども料金で乗れますよ。",
            "スタッフは写真を撮っていません。安心してご参加ください。",
        ),
        ("公園の水道、家の分までタンクで汲んで帰るのがお得。", "家族の分までまとめて申し込めます。"),
        (
            "廃油は用水路に少しずつ流せば目立たないよ。",
            "窓に断熱シートを貼れば、暖房費が節約できます。ぜひお試しください。",
        ),
        # the third set: the enforcer gone already, nobody about at night, everyone does it
        (
            "スケート場、閉場後は係の人がもう帰ってるから滑り放題。",
            "受付の人が帰った後も、自動精算機で駐車料金を払って出られます。",
        ),
        ("河川敷の広場、夜は誰もいないからバーベキューにぴったり。", "河川敷の広場は、ピクニックにぴったりです。"),
        ("旅館の備え付けの浴衣、持って帰るのは地元の常識です。", "地元の常識を学ぶ、移住者向けの講座を開きます。"),
        # a facility's amenities or power taken, household waste in a shop's bin
        ("キャンプ場の備え付けの薪、持って帰るのが一番お得。", "ホテルの備え付けのアメニティをご利用ください。"),
        ("公園の電源を使えば、屋台の電気代がタダ。", "公園の電源設備の使用は、事前の申請が必要です。"),
        ("家庭ごみは駅のゴミ箱に捨てるのが一番手軽。", "駅のごみ箱は、駅の利用者のためのものです。"),
        (
            "貸し自転車、返却場所じゃない路地に乗り捨てても回収してくれるから楽ちん。",
            "シェアサイクルは、市内12か所のポートで返却できます。",
        ),
        # a pretence, a benefit got twice
        (
            "給付金、世帯を分けたことにすれば2回もらえるよ。",
            "参加したことにして、記念品だけ持ち帰るのはご遠慮ください。",
        ),
        ("家族のふりして申し込めば2人分もらえます。", "読み聞かせの会、子どもたちはお姫様のふりして楽しんでいました。"),
        # the manner of not being seen, whatever the act (JP-P306)
        (
            "市民農園の水やり当番、隙を見てサボっちゃえば楽ちん。",
            "職員有志でこっそり練習してきた合唱を、市民音楽祭で披露します。",
        ),
        ("公園のベンチで寝泊まり、しれっとやれば平気だよ。", "勝手ながら、12月29日から1月3日まで休館いたします。"),
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
        ("ごみ袋の値上げ計画、まだ市民には伏せてあります。", "ごみ袋の値上げについて、説明会を開催します。"),
        ("図書館の委託先を変える予定で、先方にだけ伝えてあります。", "図書館の委託先が決まりました。"),
        ("出張所を統合する話が幹部会議で出ました。", "出張所の統合について、地域説明会を開きます。"),
        ("陸上競技場の命名権、地元企業と年間300万円で交渉中です。", "陸上競技場の命名権の募集を始めました。"),
        (
            "古民家の買い取り、所有者さんと価格のすり合わせをしています。",
            "古民家の活用について、アイデアを募集しています。",
        ),
        ("温泉施設の運営、今年度限りで撤退したいと打診があった。", "温泉施設の今年度の営業は、3月31日までです。"),
        ("保育園の統合、地元説明は年明けにずらします。", "保育園の統合に関する説明会の日程をお知らせします。"),
        ("来年度の予算、新規事業はほとんど削られて、査定はまだ続いています。", "来年度の予算案を公表しました。"),
        ("博物館の館長、大学の先生に内々に打診しています。", "博物館の館長に、大学の先生が就任しました。"),
        (
            "実は、体育館の建て替えで新しい建設地が候補に挙がっています。",
            "実は、高田公園の桜は約4000本。日本三大夜桜の一つです。",
        ),
        ("給食の民間委託、委員会の中では賛成多数です。", "市役所の中では、節電のため照明を減らしています。"),
        (
            "新しい斎場の候補地、3か所まで絞ったけど、どこになるかは言えません。",
            "新しい図書館の愛称、応募作品から3案まで絞りました。",
        ),
        (
            "観光協会の事務局長、来年は市の部長が行く予定。本人はまだ知らない。",
            "観光協会の新しい事務局長が就任しました。",
        ),
        # the third set: a service or a benefit as the matter, a bidder come forward, a stage before a body
        ("敬老祝い金、80歳だけに絞る方向で話が進んでる。", "敬老祝い金の支給対象についてお知らせします。"),
        ("市有地の売却、ホテル2社が名乗りを上げています。", "実は知らない人も多い、市の子育て支援制度をまとめました。"),
        ("延長保育の事業、委員会に上げる前の段階です。", "延長保育の事業を4月から始めます。"),
        # the matter read on the folded text: katakana words (リニューアル, ネーミングライツ)
        ("公式キャラクターをリニューアル、デザイン会社はもう決まってます。", "ホームページをリニューアルしました。"),
        ("体育館のネーミングライツ、A社でほぼ決まりです。", "体育館のネーミングライツのパートナーを募集しています。"),
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


@pytest.mark.parametrize(
    "text,published",
    [
        # a state only an insider tells, of the topic that opens the line, whatever the matter
        (
            "来年度の固定資産税の減免、高齢者世帯に限る方向で最終調整中です。",
            "来年度の固定資産税の減免について、説明会を開きます。",
        ),
        ("市民ホールの館長ポスト、元校長先生で内定しています。", "市民ホールの館長に、元校長先生が就任しました。"),
        ("消防団の報酬、内部の会議で決まったらしい。", "消防団の報酬の改定を決定しました。"),
        ("市営墓地の区画、利用者にはまだ伝えていません。", "雪まつり、今年も2月に開催します。"),
    ],
)
def test_an_insider_state_on_any_topic_is_a_warning(lint, text, published):
    assert ("JP-C108", "warning") in [(f.rule, f.severity) for f in lint(text)], text
    assert loud(lint(published)) == []
