"""Deterministic synthetic drafts for benchmarks: varied Japanese sentences with links,
numbers, names and front matter. The same seed always gives the same files."""

from __future__ import annotations

import random
from pathlib import Path

SENTENCES = [
    "高田城址公園で観桜会を開きます。夜桜のライトアップは18時からです。",
    "12月29日から1月3日までは、ごみの収集をお休みします。",
    "燃やせるごみは収集日の朝8時30分までに出してください。",
    "大雪に備えて、除雪車の出動基準を見直しました。",
    "子育て世帯を対象に、冬季の暖房費を一部助成します。",
    "上越市らしい雪国の風景を写真で紹介します。",
    "詳しくは市のホームページをご覧ください。",
    "問い合わせ：環境保全課 025-526-5111（平日8時30分～17時15分）",
    "直江津港に大型客船が寄港しました。多くの観光客でにぎわいました。",
    "春日山城跡で歴史ウォークを開催します。参加は無料です。",
    "今にも雪が降りそうな空ですが、路線バスは通常どおり運行しています。",
    "市民プールの利用時間が変わります。水曜日は休館日です。",
    "ＳＮＳでの情報発信を強化し、観光情報をお届けします。",
    "申し込みは12月10日（金）までに、電話かメールでお願いします。",
    "謙信公祭の出陣行列に参加する武者を募集しています。",
    "気象台によると、週末は大雪になるおそれがあるとのことです。",
]
EXTRAS = [
    "https://www.city.joetsu.niigata.jp/site/kanko/",
    "https://www.pref.niigata.lg.jp/site/bousai/",
    "#上越市 #高田の夜桜",
    "@joetsu_city",
    "kouhou@city.joetsu.lg.jp",
    "【お知らせ】",
]
NAMES = [
    "講師は上越大学の山田花子さんです。",
    "受付担当：佐藤",
    "市民リポーターの田中一郎さんが取材しました。",
]
PROBLEMS = [
    "窓口に来たあのバカな客のせいで残業だ。",
    "【極秘】来年度の予算案について。",
    "来週、駅前のスーパーが閉店するらしい。",
    "裏日本の冬は厳しい。",
]


# Platform and how many sentences a post there usually has (X posts are short).
PLATFORMS = [("x", 1, 3), ("x", 1, 3), ("facebook", 3, 8), ("instagram", 2, 6), ("line", 2, 5)]


def draft(rng: random.Random, n: int) -> str:
    platform, low, high = rng.choice(PLATFORMS)
    lines = [
        "---",
        f"platform: {platform}",
        "account: joetsu_city",
        f"scheduled_at: 2027-01-{n % 28 + 1:02d}T10:00:00+09:00",
        "approved_by: 広報対話課長",
        "---",
    ]
    for _ in range(rng.randint(low, high)):
        lines.append(rng.choice(SENTENCES))
        if rng.random() < 0.3:
            lines.append(rng.choice(EXTRAS))
        if rng.random() < 0.1:
            lines.append(rng.choice(NAMES))
    if rng.random() < 0.1:
        lines.append(rng.choice(PROBLEMS))
    return "\n".join(lines) + "\n"


def write_corpus(directory: Path, count: int, seed: int = 20261125) -> list[Path]:
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = directory / f"draft-{n:05d}.md"
        path.write_text(draft(rng, n), encoding="utf-8")
        paths.append(path)
    return paths
