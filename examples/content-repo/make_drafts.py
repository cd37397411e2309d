"""Writes the sample content repository's drafts: fiscal year 2026 (April 2026 to March 2027)
of three city accounts, for `sm-lint report examples/content-repo`. Deterministic: the same
files every run (run it again after changing a post below; the drafts are committed).

What the sample shows on purpose: joetsu_bousai posts nothing in October 2026 (a month under
the minimum of 4(4)②); a few posts are out of office hours or on holidays; one waiver ran out
on 2026-06-30. The accounts' gaps in configuration are in
.sm-lint.yaml."""

from __future__ import annotations

import shutil
from pathlib import Path

HERE = Path(__file__).parent
CITY = "https://www.city.joetsu.niigata.jp/"

# (account, "YYYY-MM-DDTHH:MM", slug, title, body): a year of short posts.
POSTS = [
    (
        "joetsu_city",
        "2026-04-03T10:00",
        "kanoukai",
        "高田城址公園観桜会",
        "4月3日から高田城址公園観桜会が始まります。夜桜のライトアップは18時からです。",
    ),
    (
        "joetsu_city",
        "2026-04-20T14:00",
        "zeimu",
        "軽自動車税の納期",
        "軽自動車税の納期限は6月1日です。コンビニエンスストアでも納付できます。",
    ),
    (
        "joetsu_city",
        "2026-05-12T10:00",
        "kenshin",
        "特定健診の受付",
        "今年度の特定健診の受付を始めました。受診券は5月中旬にお届けします。",
    ),
    (
        "joetsu_city",
        "2026-05-26T11:00",
        "gomi",
        "ごみの分別",
        "6月からプラスチック製容器包装の収集日が変わります。地区ごとの収集日は市のホームページでご確認ください。",
    ),
    (
        "joetsu_city",
        "2026-06-09T10:00",
        "kouhou",
        "広報じょうえつ6月号",
        "広報じょうえつ6月号を発行しました。特集は子育て支援の新しい制度です。",
    ),
    (
        "joetsu_city",
        "2026-06-23T15:00",
        "tsuyu",
        "梅雨の大雨への備え",
        "梅雨の時期です。お住まいの地域の洪水ハザードマップを確認しておきましょう。",
    ),
    (
        "joetsu_city",
        "2026-07-10T09:30",
        "senkyo",
        "期日前投票の案内",
        "期日前投票は市役所木田庁舎と各区総合事務所でできます。入場券をお持ちください。",
    ),
    (
        "joetsu_city",
        "2026-07-25T19:00",
        "kenshin-matsuri",
        "上越まつり",
        "上越まつりの大民謡流しが始まりました。会場周辺は交通規制があります。",
    ),
    (
        "joetsu_city",
        "2026-08-04T10:00",
        "nettyuusyou",
        "熱中症に注意",
        "暑い日が続いています。こまめな水分補給と、エアコンの適切な使用を心がけましょう。",
    ),
    (
        "joetsu_city",
        "2026-08-21T13:00",
        "bosyuu",
        "市民活動の補助金",
        "市民活動を応援する補助金の募集を始めました。締め切りは9月30日です。",
    ),
    (
        "joetsu_city",
        "2026-09-08T10:00",
        "bousaikunren",
        "総合防災訓練",
        "9月13日に総合防災訓練を行います。防災行政無線で訓練放送が流れます。",
    ),
    (
        "joetsu_city",
        "2026-09-24T16:00",
        "koureisya",
        "敬老会",
        "各地区で敬老会が開かれました。長寿をお祝いするとともに、日頃の地域の支えに感謝します。",
    ),
    (
        "joetsu_city",
        "2026-10-06T10:00",
        "sports",
        "スポーツフェスティバル",
        "10月12日は市民スポーツフェスティバルです。当日参加もできます。",
    ),
    (
        "joetsu_city",
        "2026-10-20T11:00",
        "yobousessyu",
        "インフルエンザ予防接種",
        "高齢者のインフルエンザ予防接種の費用を助成します。市内の協力医療機関で受けられます。",
    ),
    (
        "joetsu_city",
        "2026-11-04T10:00",
        "josetsu",
        "除雪計画",
        "今冬の除雪計画をまとめました。路上駐車は除雪の妨げになりますのでご協力ください。",
    ),
    (
        "joetsu_city",
        "2026-11-18T14:00",
        "kouhou11",
        "広報じょうえつ11月号",
        "広報じょうえつ11月号を発行しました。特集は冬の暮らしの備えです。",
    ),
    (
        "joetsu_city",
        "2026-12-07T10:00",
        "nenmatsu",
        "年末年始の窓口",
        "12月29日から1月3日まで市役所は閉庁します。戸籍の届出は夜間窓口で受け付けます。",
    ),
    (
        "joetsu_city",
        "2026-12-29T10:00",
        "gomi-nenmatsu",
        "年末年始のごみ収集",
        "年末年始のごみ収集日をお知らせします。12月31日から1月3日は収集がありません。",
    ),
    (
        "joetsu_city",
        "2027-01-12T10:00",
        "seijinshiki",
        "二十歳のつどい",
        "二十歳のつどいを開きました。新たな門出を迎えた皆さん、おめでとうございます。",
    ),
    (
        "joetsu_city",
        "2027-01-26T15:00",
        "yukioroshi",
        "雪下ろしの事故防止",
        "雪下ろしは二人以上で、命綱とヘルメットを着けて行いましょう。",
    ),
    (
        "joetsu_city",
        "2027-02-09T10:00",
        "kakuteishinkoku",
        "確定申告の相談会場",
        "確定申告の相談会場を2月16日から開設します。混雑する時間帯は市のホームページで確認できます。",
    ),
    (
        "joetsu_city",
        "2027-02-22T11:00",
        "yosan",
        "新年度予算案",
        "令和9年度の当初予算案を公表しました。主な事業の説明資料を掲載しています。",
    ),
    (
        "joetsu_city",
        "2027-03-09T10:00",
        "tenkyo",
        "転入・転出の手続き",
        "3月から4月は窓口が混み合います。転出届はマイナンバーカードでオンライン手続きもできます。",
    ),
    (
        "joetsu_city",
        "2027-03-24T14:00",
        "kanoukai-yokoku",
        "観桜会の準備",
        "今年の高田城址公園観桜会は4月1日からの予定です。詳しい日程は後日お知らせします。",
    ),
    (
        "joetsu_kanko",
        "2026-04-10T10:00",
        "yozakura",
        "高田の夜桜",
        "高田城址公園の夜桜が見頃を迎えました。三重櫓と桜のライトアップをお楽しみください。",
    ),
    (
        "joetsu_kanko",
        "2026-04-24T09:00",
        "kasugayama",
        "春日山城跡",
        "新緑の春日山城跡を歩いてみませんか。山頂からは日本海と頸城平野を見渡せます。",
    ),
    (
        "joetsu_kanko",
        "2026-05-04T09:00",
        "hasu-junbi",
        "みどりの日の散策",
        "みどりの日は金谷山公園へ。レルヒ像の周りでは新緑がきれいです。",
    ),
    ("joetsu_kanko", "2026-05-19T10:00", "sake", "上越の酒蔵", "上越は酒どころ。市内の酒蔵見学の情報をまとめました。"),
    (
        "joetsu_kanko",
        "2026-06-05T10:00",
        "ajisai",
        "あじさいの名所",
        "雨の季節はあじさいが見頃です。市内のあじさいの名所を紹介します。",
    ),
    (
        "joetsu_kanko",
        "2026-06-19T11:00",
        "uramachi",
        "雁木通りの歴史",
        "高田の雁木通りは日本一の長さです。裏日本と呼ばれた時代の暮らしを伝えています。",
    ),
    (
        "joetsu_kanko",
        "2026-07-03T10:00",
        "hasu",
        "高田城址公園のハス",
        "外堀のハスが咲き始めました。東洋一と言われるハスの花を朝の散歩でどうぞ。",
    ),
    (
        "joetsu_kanko",
        "2026-07-18T20:30",
        "hanabi",
        "直江津の花火",
        "今夜は直江津の花火大会です。海に映る大輪の花火をお楽しみください。",
    ),
    (
        "joetsu_kanko",
        "2026-07-31T09:00",
        "umi",
        "海水浴場",
        "市内の海水浴場がにぎわっています。遊泳区域と監視員の時間を守って楽しみましょう。",
    ),
    (
        "joetsu_kanko",
        "2026-08-21T10:00",
        "kenshin-sai",
        "謙信公祭",
        "謙信公祭の出陣行列が春日山を進みます。甲冑姿の武者行列は迫力があります。",
    ),
    (
        "joetsu_kanko",
        "2026-09-11T10:00",
        "ine",
        "棚田の稲刈り",
        "大島区の棚田で稲刈りが始まりました。黄金色の景色が広がっています。",
    ),
    (
        "joetsu_kanko",
        "2026-09-25T09:00",
        "suizokuhaku",
        "うみがたり",
        "上越市立水族博物館うみがたりのマゼランペンギンは日本一の飼育数です。",
    ),
    (
        "joetsu_kanko",
        "2026-10-09T10:00",
        "kouyou",
        "紅葉の名所",
        "山あいの紅葉が色づき始めました。ドライブの際は路面の状態にお気を付けください。",
    ),
    (
        "joetsu_kanko",
        "2026-10-23T10:00",
        "shokunoten",
        "食の祭典",
        "地元の食材を集めた食の祭典を開きます。上越の新米も味わえます。",
    ),
    (
        "joetsu_kanko",
        "2026-11-06T10:00",
        "kanburi",
        "寒ぶりの季節",
        "能生や直江津の港で寒ぶりの水揚げが始まりました。旬の味をどうぞ。",
    ),
    (
        "joetsu_kanko",
        "2026-11-20T10:00",
        "onsen",
        "冬の温泉",
        "冷え込む季節は市内の温泉へ。日帰りで入れる施設を紹介します。",
    ),
    (
        "joetsu_kanko",
        "2026-12-04T10:00",
        "illumination",
        "冬のイルミネーション",
        "高田駅前のイルミネーションが点灯しました。雁木の街並みに光が映えます。",
    ),
    (
        "joetsu_kanko",
        "2026-12-18T10:00",
        "ski",
        "スキー場オープン",
        "市内のスキー場が今シーズンの営業を始めました。金谷山は日本スキー発祥の地です。",
    ),
    (
        "joetsu_kanko",
        "2027-01-08T10:00",
        "sake-shinsyu",
        "新酒の季節",
        "酒蔵で新酒の仕込みが進んでいます。しぼりたての新酒は今だけの味です。",
    ),
    (
        "joetsu_kanko",
        "2027-01-22T10:00",
        "yukiguni",
        "雪国の暮らし",
        "雪国ならではの雁木の暮らしを、冬の街歩きで体験してみませんか。",
    ),
    (
        "joetsu_kanko",
        "2027-02-05T10:00",
        "yukimatsuri",
        "雪まつり",
        "各地で雪まつりが開かれます。雪像づくりや雪の滑り台を楽しめます。",
    ),
    (
        "joetsu_kanko",
        "2027-02-19T10:00",
        "kasugayama-yuki",
        "雪の春日山",
        "雪化粧した春日山城跡は冬だけの景色です。足元に気を付けてお出かけください。",
    ),
    (
        "joetsu_kanko",
        "2027-03-05T10:00",
        "hinamatsuri",
        "町家のひな祭り",
        "高田の町家で雛人形を公開しています。雁木通りを歩きながら巡ってください。",
    ),
    (
        "joetsu_kanko",
        "2027-03-26T10:00",
        "sakura-yokoku",
        "桜の開花予想",
        "高田城址公園の桜の開花は4月上旬の見込みです。観桜会の情報はこちらでお知らせします。",
    ),
    (
        "joetsu_bousai",
        "2026-04-15T10:00",
        "kikenkasho",
        "危険箇所の点検",
        "雪解けの時期は土砂災害に注意が必要です。斜面の亀裂や湧き水に気付いたら市へご連絡ください。",
    ),
    (
        "joetsu_bousai",
        "2026-05-14T10:00",
        "hinanjo",
        "避難所の確認",
        "お住まいの地区の指定避難所を確認しておきましょう。避難所の一覧は市のホームページにあります。",
    ),
    (
        "joetsu_bousai",
        "2026-06-16T10:00",
        "ooame",
        "大雨への備え",
        "梅雨前線の影響で大雨が予想されます。側溝の掃除や土のうの準備をお願いします。",
    ),
    (
        "joetsu_bousai",
        "2026-07-14T06:30",
        "keihou",
        "大雨警報",
        "市内に大雨警報が出ています。川や用水路には近づかないでください。",
    ),
    (
        "joetsu_bousai",
        "2026-08-18T10:00",
        "taifu",
        "台風の接近",
        "台風が接近しています。飛ばされやすい物は屋内にしまい、最新の気象情報を確認してください。",
    ),
    (
        "joetsu_bousai",
        "2026-09-01T10:00",
        "bousainohi",
        "防災の日",
        "9月1日は防災の日です。非常持出品と3日分の水・食料を確認しましょう。",
    ),
    (
        "joetsu_bousai",
        "2026-11-10T10:00",
        "tsunami",
        "津波避難訓練",
        "11月15日に沿岸の地区で津波避難訓練を行います。避難経路を一緒に確かめましょう。",
    ),
    (
        "joetsu_bousai",
        "2026-12-15T10:00",
        "setsugai",
        "雪害への備え",
        "大雪に備えて、スコップや燃料を早めに準備しておきましょう。",
    ),
    (
        "joetsu_bousai",
        "2027-01-08T21:00",
        "ooyuki",
        "大雪の情報",
        "今夜から明日にかけて大雪の見込みです。不要不急の外出は控えてください。",
    ),
    (
        "joetsu_bousai",
        "2027-02-16T10:00",
        "nadare",
        "雪崩への注意",
        "気温が上がり雪崩の危険が高まっています。山沿いの道路では十分に注意してください。",
    ),
    (
        "joetsu_bousai",
        "2027-03-11T10:00",
        "shinsai",
        "震災の日に",
        "東日本大震災から16年です。家族で連絡方法と避難場所を話し合っておきましょう。",
    ),
]

PLATFORMS = {"joetsu_city": "x", "joetsu_kanko": "instagram", "joetsu_bousai": "line"}
APPROVERS = {"joetsu_city": "広報対話課長", "joetsu_kanko": "観光振興課長", "joetsu_bousai": "危機管理課長"}
# The uramachi post quotes an old name of the region under a waiver that ran out on 2026-06-30.
WAIVED = {"uramachi": ("JP-P201", "歴史的な呼び名として紹介するため", "観光振興課 小林", "2026-06-30")}


def front_matter(account: str, when: str, slug: str) -> str:
    lines = [
        "---",
        f"platform: {PLATFORMS[account]}",
        f"account: {account}",
        f"scheduled_at: {when}:00+09:00",
        f"approved_by: {APPROVERS[account]}",
    ]
    if slug in WAIVED:
        rule, reason, by, until = WAIVED[slug]
        lines += [
            "sm-lint:",
            "  allow:",
            f"    - rule: {rule}",
            f"      reason: {reason}",
            f"      approved_by: {APPROVERS[account]}",
            f"      by: {by}",
            f"      until: {until}",
        ]
    return "\n".join([*lines, "---", ""])


def draft(account: str, when: str, slug: str, title: str, body: str) -> str:
    tag = {"joetsu_city": "#上越市", "joetsu_kanko": "#上越観光", "joetsu_bousai": "#上越市防災"}[account]
    return f"{front_matter(account, when, slug)}【{title}】\n{body}\n{CITY}\n{tag}\n"


def main() -> None:
    drafts = HERE / "drafts"
    shutil.rmtree(drafts, ignore_errors=True)  # a post taken out of POSTS leaves no file behind
    for account, when, slug, title, body in POSTS:
        path = drafts / account / f"{when[:10]}-{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(draft(account, when, slug, title, body), encoding="utf-8")
    print(f"{len(POSTS)} drafts in {drafts}")


if __name__ == "__main__":
    main()
