"""Every key of `.sm-lint.yaml`, declared once: its JSON Schema (type, allowed values), default,
and help in Japanese and English.

The loader (settings/loader.py) accepts exactly these keys and fills in these defaults,
`sm-lint config` shows them, and the keys page (docs/settings.md) and the JSON Schema for
editors (settings/sm-lint.schema.json) are generated from here (settings/generate.py). This is
data only: an area's own check of its section's values stays with the area, and the layer that
owns the checks hands them to the loader (rules/sections.py), so settings/ imports nothing
above it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

SEVERITIES = ("info", "warning", "error")  # ascending; the rules' severities too
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# JSON Schema fragments the keys share. A list setting also takes one text (a list of one);
# YAML reads some bare texts as numbers (0255265111), which the loader takes as texts.
TEXTS = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": ["string", "number"]}}]}
SELECTORS = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
SCORE = {"type": "number", "minimum": 0, "maximum": 10}
# a time as YAML 1.1 reads 08:30 (minutes since midnight) or as written
TIME = {"type": ["string", "integer"], "pattern": r"^\s*\d{1,2}:\d{2}(:\d{2})?\s*$"}
PLATFORM = {"$ref": "#/definitions/platform"}  # the front-matter schema's platforms, filled in on generation
CITY = "the city's value"  # a default that is the city's own, from rules/city.yaml (data, not code)


# NamedTuples, not frozen dataclasses: the module is read at every start, and making a
# dataclass (and a frozen one's instances) cost a cold start about 1.5 ms here.
class Key(NamedTuple):
    name: str
    schema: dict[str, Any]
    ja: str
    en: str
    default: Any = None
    # A top-level key's reader, by its name in settings/loader.py's READERS: how the value is
    # checked and becomes the Config field of the key's name (`fail-on` -> fail_on), and how
    # `sm-lint config` shows it. A section's keys have none.
    read: str | None = None

    @property
    def field(self) -> str:
        return self.name.replace("-", "_")


class Section(NamedTuple):
    """A mapping of settings of one area (`links:`, `schedule:`). `keys` are its fixed keys;
    a section whose keys the user names (account ids, election names) has `entry`, the schema
    of each value, instead. The area's check of the values is in rules/sections.py."""

    name: str
    ja: str
    en: str
    keys: tuple[Key, ...] = ()
    entry: dict[str, Any] | None = None

    @property
    def open(self) -> bool:
        return self.entry is not None

    @property
    def defaults(self) -> dict[str, Any]:
        return {
            key.name: city_values()[self.name][key.name] if key.default is CITY else key.default for key in self.keys
        }


# The declarations are tables: one key a few lines, aligned by hand (ruff format would give
# each argument its own line and double the module).
# fmt: off
# Settings of the run itself; the loader reads each into a field of Config.
TOP = (
    Key("select", SELECTORS, "使うルール (ID、ID の前方一致、カテゴリ)。空なら全部",
        "rules to use (ids, id prefixes, categories); empty for all", [], read="selectors"),
    Key("ignore", SELECTORS, "使わないルール (ID、ID の前方一致、カテゴリ)",
        "rules not to use (ids, id prefixes, categories)", [], read="selectors"),
    Key("per-path-ignores", {"type": "object", "additionalProperties": SELECTORS},
        "パスのパターン (設定ファイルのフォルダから、例: archive/**) ごとに、そこで使わないルール",
        "a glob (from the configuration's folder, e.g. archive/**) -> rules not used for drafts there", {}, read="per-path"),
    Key("severity", {"type": "object", "additionalProperties": {"enum": list(SEVERITIES)}},
        "ルール ID ごとの重大度 (info、warning、error) の変更",
        "a rule id -> its severity here (info, warning, error)", {}, read="severities"),
    Key("fail-on", {"enum": list(SEVERITIES)}, "この重大度以上の指摘があると終了コード 1",
        "exit 1 when a finding has this severity or higher", "error", read="choice"),
    Key("lang", {"enum": ["ja", "en"]}, "メッセージの言語", "the language of messages", "ja", read="choice"),
    Key("rule-dirs", TEXTS, "組み込みのルールに加えて読むルールのディレクトリ (リポジトリの中)",
        "more rule packs to load besides the built-in ones (inside the repository)", [], read="folders"),
    Key("exclude", TEXTS, "フォルダを調べるとき飛ばすファイルやフォルダのパターン (例: README.md、templates、archive/**)",
        "globs of files and folders a folder's walk skips (e.g. README.md, templates, archive/**)", [], read="texts"),
    Key("max-draft-size", {"anyOf": [{"type": "integer", "minimum": 1},
                                     {"type": "string", "pattern": r"^\s*\d+\s*([KkMm]i?[Bb]?|[Bb])?\s*$"}]},
        "これより大きいファイルは読まずに断る (2MiB、512KiB、バイト数)",
        "a larger file is refused before it is read (2MiB, 512KiB, or bytes)", "1MiB", read="size"),
)

SECTIONS: tuple[Section, ...] = (
    Section("accounts", "市のアカウント: ID ごとに name、platform、department、url (市のホームページ)、plans (運用計画のある年度)",
            "the city's accounts: per id, name, platform, department, url (the city web page), plans (fiscal years with a plan)",
            entry={"type": "object", "additionalProperties": False, "properties": {
                "name": {"type": "string"}, "platform": PLATFORM, "department": {"type": "string"},
                "url": {"type": "string"}, "plans": {"type": "array", "items": {"type": "integer"}}}}),
    Section("platforms", "媒体の設定", "platform settings", keys=(
        Key("default", {"anyOf": [PLATFORM, {"type": "null"}]},
            "媒体を書いていない下書き (アカウントからも分からないもの) の媒体",
            "the platform of drafts that name none (and whose account does not tell)"),
        Key("line_marker", {"type": "string", "minLength": 1}, "LINE の吹き出しの区切りにする行",
            "the line between LINE speech bubbles", "---"),
        Key("line_delivery", {"enum": ["manager", "api"]},
            "LINE の配信方法: manager (吹き出しごとに 500 字) か api (5,000 字)",
            "how LINE messages are sent: manager (500 per bubble) or api (5,000)", "manager"),
        Key("limits", {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1}},
            "上限の名前ごとの変更 (例: instagram-hashtags: 30)",
            "limits changed by name (e.g. instagram-hashtags: 30 for the legacy API cap)", {}),
    )),
    Section("schedule", "市の勤務時間: 開庁時間は start〜end、勤務時間はそこから breaks を除いた時間",
            "the city's working hours: office hours are start to end, working time less the breaks", keys=(
        Key("timezone", {"type": "string"}, "タイムゾーン", "time zone", CITY),
        Key("days", {"type": "array", "items": {"enum": list(DAYS)}}, "開庁日の曜日", "working days", CITY),
        Key("start", TIME, "開庁の時刻", "opening time", CITY),
        Key("end", TIME, "閉庁の時刻", "closing time", CITY),
        Key("breaks", TEXTS, "休憩時間 (12:00-13:00 の形)", "breaks, as 12:00-13:00", CITY),
        Key("holidays", {"type": ["string", "boolean"]},
            "祝日のカレンダー (holidays パッケージの国コード)、なしは false",
            "the holiday calendar (a country code of the holidays package); false for none", CITY),
        Key("closed", TEXTS, "毎年の休庁日 (MM-DD) か特定の日 (YYYY-MM-DD)。条例で 12/29〜1/3",
            "closed days, yearly (MM-DD) or once (YYYY-MM-DD); 12/29 to 1/3 by ordinance", CITY),
    )),
    Section("privacy", "市が意図して公開する連絡先や名前 (個人情報として指摘しない)。既定値に追加されます",
            "what the city publishes on purpose (never personal information); added to the defaults", keys=(
        Key("allowed_phones", TEXTS, "公開している電話番号 (上越市役所 代表)", "published phone numbers (the city hall)",
            CITY),
        Key("allowed_email_domains", TEXTS, "公開しているメールのドメイン", "published e-mail domains", CITY),
        Key("allowed_emails", TEXTS, "公開しているメールアドレス", "published e-mail addresses", CITY),
        Key("allowed_addresses", TEXTS, "公開している住所 (上越市役所、公共施設)",
            "published addresses (the city hall, public facilities)", CITY),
        Key("allowed_names", TEXTS, "役職として名前を公開している人 (市長など)",
            "officials whose names are published in their role (e.g. the mayor)", CITY),
    )),
    Section("directory", "課ごとの市の電話番号 (一つかリスト): 課の名前と同じ行の番号は、このどれかでなければなりません",
            "the city's numbers by office (one or a list): a number on the line of an office's name must be one of them",
            entry=TEXTS),
    Section("links", "リンクの信頼のしかた", "how links are trusted", keys=(
        Key("own_hosts", TEXTS, "市のサイト (サブドメインも)", "the city's own site (and its subdomains)", CITY),
        Key("trusted", TEXTS, "信頼する公的機関のドメイン (サブドメインも)",
            "public bodies' domains, trusted with their subdomains", CITY),
        Key("also_trusted", TEXTS, "trusted に既定値を繰り返さずに加えるドメイン (協力団体など)",
            "added to `trusted` without repeating the defaults (e.g. a partner body)", []),
        Key("trusted_lists", TEXTS, "ホストを信頼する rules/lists/ のリスト (一般ドメインの自治体)",
            "host lists under rules/lists/ whose hosts are trusted (municipalities on general domains)", CITY),
        Key("lower_confidence", TEXTS, "信頼するが info で知らせるドメイン (学校)",
            "trusted, but named in an info finding (schools)", CITY),
        Key("local_government_domains", {"type": "boolean"},
            "地方公共団体の属性型ドメイン (city.X.Y.jp など) を信頼する",
            "trust geographic-type local-government domains (city.X.Y.jp, pref.Y.jp, ...)", True),
        Key("allow", TEXTS, "どのリンクのルールも指摘しない URL の前方部分 (市の https://lin.ee/… など)",
            "URL prefixes no link rule reports (e.g. the city's published https://lin.ee/...)", []),
        Key("shorteners", TEXTS, "短縮 URL のホストの追加", "more shortener hosts", []),
        Key("own_accounts", TEXTS, "市のソーシャルメディアのアカウント (https://x.com/joetsu_city など)",
            "the city's social-media accounts (e.g. https://x.com/joetsu_city)", []),
        Key("trusted_accounts", TEXTS, "市が引用する信頼できるアカウント (https://x.com/niigata_pref など)",
            "other reliable accounts the city quotes (e.g. https://x.com/niigata_pref)", []),
    )),
    Section("elections", "選挙ごとに 告示日 (または 公示日)、投票日、あれば candidates、parties (docs/elections.md)",
            "per election: 告示日 (or 公示日), 投票日, and optionally candidates and parties (docs/elections.md)",
            entry={"type": "object", "additionalProperties": False, "required": ["投票日"],
                   "anyOf": [{"required": ["告示日"]}, {"required": ["公示日"]}],
                   "properties": {"告示日": {"type": "string", "format": "date"},
                                  "公示日": {"type": "string", "format": "date"},
                                  "投票日": {"type": "string", "format": "date"},
                                  "candidates": TEXTS, "parties": TEXTS}}),
    Section("readability", "やさしい日本語の目標 (0〜10、高いほどやさしい)",
            "the plain-Japanese target (0 to 10, higher is easier)", keys=(
        Key("target", SCORE, "目標の点数 (2.5: 中級後半)", "the target score (2.5: upper intermediate)", CITY),
        Key("accounts", {"type": "object", "additionalProperties": SCORE}, "アカウントごとの目標",
            "targets per account", {}),
    )),
    Section("faces", "顔の検出 (追加機能 faces、JP-G105/G106)", "face detection (the faces extra, JP-G105/G106)", keys=(
        Key("share", {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
            "同意の記録を求める顔の大きさ (画面に占める割合、0.01 = 1%)",
            "the share of the frame a face takes before consent is asked for (0.01 = 1%)", 0.01),
    )),
)

# `rules: {JP-P101: {extend: {words: [...], except: [...]}}}` (docs/rules.md, "Extending a built-in rule")
EXTENSION = {"type": "object", "additionalProperties": False, "required": ["extend"], "properties": {
    "extend": {"type": "object", "minProperties": 1, "additionalProperties": {"type": "array", "minItems": 1}},
}}
SECTIONS += (
    Section("rules", "ルール ID ごとに、組み込みのルールの一覧 (match: の words、中の一覧は phrases.ask のような道筋) と except: に項目を加える (extend:)",
            "per rule id, more entries for a built-in rule's list (a list of its match:, e.g. words, or one inside by its path, e.g. phrases.ask) and its except: (extend:)",
            entry=EXTENSION),
)

BY_NAME: dict[str, Section] = {section.name: section for section in SECTIONS}
TOP_NAMES = tuple(key.name for key in TOP)
TOP_BY_NAME: dict[str, Key] = {key.name: key for key in TOP}


@lru_cache(maxsize=1)
def city_values() -> dict[str, Any]:
    """rules/city.yaml: section -> key -> the city's value (compiled once, like the rules)."""
    from sm_lint.io import rulecache
    from sm_lint.io.resources import rules_root

    return rulecache.cached(rules_root() / "city.yaml", _read_city)


def _read_city(path: Path) -> dict[str, Any]:
    from sm_lint.errors import RuleError
    from sm_lint.io.yamlsafe import YamlError, load_yaml

    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except YamlError as exc:
        raise exc.reported(RuleError, path) from None
    wanted = {s.name: {k.name for k in s.keys if k.default is CITY} for s in SECTIONS}
    given = {name: set(values) for name, values in data.items()} if isinstance(data, dict) else {}
    if given != {name: keys for name, keys in wanted.items() if keys}:
        raise RuleError(str(path), "市の既定値は settings/keys.py が CITY とするキーをちょうど書いてください",
                        "the city's values are exactly the keys settings/keys.py marks CITY")
    return {name: dict(values) for name, values in data.items()}
