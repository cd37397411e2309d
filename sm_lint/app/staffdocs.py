"""The pages built from the data they describe, so they cannot drift from it. The staff pages
in Japanese (docs/staff/): the front-matter reference from rules/schema/front-matter.yaml (and
the values the portrait-consent rules take), the page of findings from the rule catalogue (each
rule's description, the message its first example really gets, its suggestion). The rule
authors' page of matcher kinds (docs/kinds.md): every registered kind, with its module's own
description, the options the registry accepts for it, and as a worked example the shortest
shipped rule that uses it, copied from its rule file with its comments.

    python -m sm_lint.app.staffdocs docs/staff      # write the staff pages, and docs/kinds.md beside the folder
tests/test_staff_docs.py and tests/test_kind_docs.py fail when a committed page differs from
what this writes.
"""

from __future__ import annotations

import inspect
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from sm_lint.app.newdraft import SCHEMA, platforms, template
from sm_lint.checks.images.entries import CONSENT, PEOPLE
from sm_lint.checks.post.schema import load_schema
from sm_lint.i18n import t
from sm_lint.io.resources import rules_root
from sm_lint.io.yamlsafe import LineDict, YamlError, load_yaml
from sm_lint.rules.model import Rule
from sm_lint.rules.registry import KINDS, load_kinds

if TYPE_CHECKING:
    from sm_lint.rules.model import Rule
    from sm_lint.run.linter import Linter

KINDS_GENERATED = (
    "<!-- This page is written by `python -m sm_lint.app.staffdocs docs/staff`: do not edit it by hand. -->"
)
GENERATED = (
    "<!-- このページは `python -m sm_lint.app.staffdocs docs/staff` で作っています。直接編集しないでください。 -->"
)
_TYPES = {
    "string": "文字列",
    "integer": "整数",
    "boolean": "true / false",
    "datetime": "日時",
    "list": "リスト",
    "mapping": "「キー: 値」の組",
}
_PLATFORM_NAMES = {
    "x": "X (旧 Twitter)",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "line": "LINE",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "blog": "ブログ",
}
# accounts of the examples: docs/checks.md's configuration names the first two
_ACCOUNTS = {"x": "joetsu_city", "line": "joetsu_line"}
_ENTRY = {  # the keys of an images:/videos: entry, owned by the portrait-consent rules
    "path": ("文字列", "", "画像・動画のファイル (下書きのフォルダーからの相対パス)"),
    "alt": ("文字列", "", "代替テキスト: 画面読み上げで読まれる、画像の内容の短い説明 (動画には不要)"),
    "people": (
        "文字列",
        ", ".join(PEOPLE),
        "人物が写っているか: none 写っていない、crowd 遠景・群衆で個人が分からない、identifiable 個人が特定できる",
    ),
    "consent": (
        "文字列",
        ", ".join(CONSENT),
        "本人 (子どもは保護者) の同意: obtained 得た、not-required 不要 (公人の公務中など)、"
        "pending 確認中、none 得ていない。people: identifiable のときは obtained か not-required が必要",
    ),
}


def _kind(spec: dict[str, Any]) -> str:
    types = spec.get("type", [])
    return " または ".join(_TYPES[x] for x in ([types] if isinstance(types, str) else types)) or "—"


def _values(spec: dict[str, Any]) -> str:
    values = ", ".join(f"`{v}`" for v in spec.get("enum", []))
    aliases = "、".join(f"`{a}` は `{v}`" for a, v in spec.get("aliases", {}).items())
    return values + (f" ({aliases})" if aliases else "") if values else "—"


def front_matter_page() -> str:
    keys = load_schema(SCHEMA)["keys"]
    rows = [
        f"| `{key}` | {_kind(spec)} | {_values(spec)} | {spec.get('default', '—')} "
        f"| {spec.get('description', '').strip()} |"
        for key, spec in keys.items()
    ]
    entry = [
        f"| `{key}` | {kind} | {', '.join(f'`{v}`' for v in values.split(', ')) if values else '—'} | {text} |"
        for key, (kind, values, text) in _ENTRY.items()
    ]
    examples = []
    for platform in platforms():
        account = _ACCOUNTS.get(platform, "joetsu_" + platform)
        examples += [
            f"### {_PLATFORM_NAMES.get(platform, platform)} (`platform: {platform}`)",
            "",
            f"`sm-lint new 下書き.md --platform {platform} --account {account}` で作られる下書き:",
            "",
            "```markdown",
            template(platform, account).rstrip("\n"),
            "```",
            "",
        ]
    return (
        "\n".join(
            [
                "# 下書きの先頭に書く項目 (front matter)",
                "",
                GENERATED,
                "",
                "下書きの先頭に、`---` の行で囲んで「項目: 値」を書きます。投稿先、アカウント、予定日時、決裁者、",
                "写真などを書くと、sm-lint がそれに合わせて確認します (文字数の上限、就業時間、肖像の同意など)。",
                "この部分は投稿される文章には含まれません。",
                "",
                "- 項目名を書き間違えると (`platfrom:` など) エラーになり、正しい名前の候補が示されます。",
                "- 決まった値しか書けない項目に他の値を書くと、エラーになり、書ける値が示されます。",
                "- `#` から行末まではメモ (コメント) です。確認には使われません。",
                "- ひな形は `sm-lint new 下書き.md --platform x --account joetsu_city` で作れます"
                " (同じ名前のファイルがあるときは作りません)。",
                "",
                "## 項目の一覧",
                "",
                "| 項目 | 書き方 | 書ける値 | 書かないとき | 説明 |",
                "|---|---|---|---|---|",
                *rows,
                "",
                "### `images:` / `videos:` の 1 件ごとに書く項目",
                "",
                "| 項目 | 書き方 | 書ける値 | 説明 |",
                "|---|---|---|---|",
                *entry,
                "",
                "## 写真・動画に写った人の同意 (肖像) の記録",
                "",
                "ガイドライン 5(3) により、個人が特定できる写真や映像は、本人 (子どもは保護者) の了解を得てから",
                "掲載します。写真・動画を 1 件ずつ `images:` / `videos:` に書き、写っている人と同意を記録します。",
                "",
                "```yaml",
                "images:",
                "  - path: img/undokai.jpg",
                "    alt: 運動会で走る子どもたち",
                "    people: identifiable      # 個人が特定できる",
                "    consent: obtained         # 保護者の同意を得た  # 同意書は教育総務課で保管",
                "  - path: img/kaijo.jpg",
                "    alt: 会場のようす",
                "    people: crowd             # 遠景で個人は分からない (consent は不要)",
                "videos:",
                "  - path: movie/aisatsu.mp4",
                "    people: identifiable",
                "    consent: not-required     # 市長の公務中のあいさつ",
                "```",
                "",
                "- `people: identifiable` なのに `consent:` が `obtained` か `not-required` でないと、"
                "エラー (JP-F101) になります。",
                "  指摘には、その写真の項目に足す YAML がそのまま示されます。",
                "- `consent:` には決まった値だけを書きます。同意書の保管先などのメモは、"
                "値のあとに `# ` を付けて書きます。",
                "- 本文に `![説明](img/photo.jpg)` で入れた画像も、"
                "同じ `path` の項目を `images:` に書いて `people:` を示します。",
                "",
                "## 投稿先ごとの例",
                "",
                "`#` で始まる行は、必要なときに `#` を消して使います。",
                "",
                *examples,
            ]
        ).rstrip("\n")
        + "\n"
    )


_SEVERITY_HELP = {
    "error": "直してから決裁に回します。",
    "warning": "内容を確かめ、必要なら直します。",
    "info": "念のための注意です。",
}


def _escaped(text: str) -> str:
    """Text for a Markdown heading: <発信すべき理由> is no HTML tag."""
    return text.replace("<", "\\<").replace(">", "\\>")


def findings_page(rules: Sequence[Rule], linter: Linter) -> str:
    from sm_lint.report.ruleinfo import example_message
    from sm_lint.rules.catalog import clauses

    catalogue = clauses()
    order = list(catalogue)
    lines = [
        "# 指摘の意味と直し方",
        "",
        GENERATED,
        "",
        "sm-lint の指摘は、上越市ソーシャルメディアガイドラインの条項ごとに並んでいます。各ルールについて、",
        "何を見つけるか、実際に表示される指摘の例、直し方を示します。"
        "同じ内容は `sm-lint explain ルール番号` でも表示できます。",
        "",
        "- 重要度:",
        *(f"  - **{t('ja', s)}** … {_SEVERITY_HELP[s]}" for s in ("error", "warning", "info")),
        "- 言い換え例が示されたら参考にします (sm-lint が勝手に下書きを書き換えることはありません。"
        "`--fix` を付けたときだけ、安全な言い換えを書き込みます)。",
        "- 判断に迷うときは、ガイドライン 5(5) のとおり発信を控え、運用管理責任者 (所属長) に相談してください。",
        "- 指摘が当たらない理由があるときは、理由と決裁者を添えて抑止できます (下書きの先頭の front matter に",
        "  `sm-lint: {allow: [{rule: ルール番号, reason: 理由, approved_by: 決裁者}]}`)。",
        "",
    ]
    by_clause: dict[str, list[Rule]] = {}
    for rule in rules:
        by_clause.setdefault(rule.clause, []).append(rule)
    for clause_id in sorted(by_clause, key=lambda c: order.index(c) if c in order else len(order)):
        title = catalogue[clause_id].title if clause_id in catalogue else ""
        lines += [f"## {clause_id} {_escaped(title)}", ""]
        for rule in by_clause[clause_id]:
            message, suggestion = example_message(rule, linter, "ja")
            lines += [f"### {rule.id} ({t('ja', rule.severity)}) {rule.name}", ""]
            if rule.description:
                lines += [rule.description.strip(), ""]
            lines.append(f"- 指摘の例: {message}")
            if suggestion:
                block = suggestion.replace("\n", "\n    ")
                lines.append(
                    f"- 言い換え例: {suggestion}"
                    if "\n" not in suggestion
                    else f"- 言い換え例 (貼り付ける YAML):\n\n    ```yaml\n    {block}\n    ```"
                )
            todo = _SEVERITY_HELP[rule.severity]
            if suggestion:
                todo += "言い換え例を参考にします。"
            if rule.fix == "safe":
                todo += "`sm-lint --fix 下書き.md` で言い換え例のとおりに直せます。"
            lines += [f"- 直し方: {todo}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def pages() -> dict[str, str]:
    """File name -> text of every generated staff page."""
    from sm_lint.rules.loader import load_rules
    from sm_lint.run.linter import Linter

    rules = load_rules()
    return {"front-matter.md": front_matter_page(), "findings.md": findings_page(rules, Linter(rules=rules))}


def _kind_of(text: str) -> str:
    """The kind a rule's `match:` names, read from the rule's YAML text."""
    [rule] = load_yaml(text)
    [kind] = [key for key in rule["match"] if key in KINDS]
    return str(kind)


def _kinds_within(value: Any) -> set[str]:
    """The kinds named anywhere inside a rule's `match:` (the parts of a construction, ...)."""
    if isinstance(value, dict):
        return {str(k) for k in value if k in KINDS} | {n for v in value.values() for n in _kinds_within(v)}
    if isinstance(value, list):
        return {n for v in value for n in _kinds_within(v)}
    return set()


def rule_text(rule: Rule) -> str:
    """The rule as written in its file: from its `- id:` line to the next rule's, without the
    comments and blank lines that introduce the next one. A rule that names an `&anchor` of
    another is written out whole instead (without its comments), so that it stands on its own."""
    path, line = rule.source.rsplit(":", 1)
    source = Path(path).read_text(encoding="utf-8")
    lines = source.splitlines()
    start = int(line) - 1
    indent = _indent(lines[start])
    end = start + 1
    while end < len(lines) and not (
        lines[end].strip() and _indent(lines[end]) <= indent and not lines[end].lstrip().startswith("#")
    ):
        end += 1
    while end > start + 1 and (
        not lines[end - 1].strip() or (lines[end - 1].lstrip().startswith("#") and _indent(lines[end - 1]) <= indent)
    ):
        end -= 1
    text = textwrap.dedent("\n".join(lines[start:end]))
    try:
        load_yaml(text)
    except YamlError:
        [whole] = [item for item in load_yaml(source)["rules"] if item.line == int(line)]
        text = yaml.dump([dict(whole)], Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100).rstrip("\n")
    return text


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


class _Dumper(yaml.SafeDumper):
    """Texts of several lines as `|` blocks, as the rule files write them."""


_Dumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None),
)
_Dumper.add_representer(LineDict, lambda dumper, data: dumper.represent_dict(data))


def examples_by_kind() -> dict[str, tuple[Rule, str]]:
    """For each kind, the shipped rule that uses it whose text is shortest, and that text; a kind
    no rule names at the top of its `match:` is shown in the shortest rule that uses it inside."""
    from sm_lint.rules.loader import load_rules

    best: dict[str, tuple[Rule, str]] = {}
    inner: dict[str, tuple[Rule, str]] = {}  # kinds used only inside another (an `any` part)
    for rule in load_rules():
        text = rule_text(rule)
        kind = _kind_of(text)
        if kind not in best or len(text) < len(best[kind][1]):
            best[kind] = (rule, text)
        [written] = load_yaml(text)
        for name in _kinds_within(written["match"]) - {kind}:
            if name not in inner or len(text) < len(inner[name][1]):
                inner[name] = (rule, text)
    return {**inner, **best}


def kinds_page() -> str:
    """docs/kinds.md: every matcher kind, for rule authors (in English, like the other maintainers' pages)."""
    load_kinds()
    examples = examples_by_kind()
    modules: dict[str, list[str]] = {}
    for name, (compiler, _) in sorted(KINDS.items()):
        modules.setdefault(compiler.__module__, []).append(name)
    out = [
        "# Matcher kinds (for rule authors)",
        "",
        KINDS_GENERATED,
        "",
        "A rule's `match:` names one kind and that kind's options (how to write a rule:",
        "[rules.md](rules.md)). For each kind: what it finds, in the words of its module, the options",
        "it accepts, and, as a worked example, the shortest rule of the built-in pack that uses it,",
        "as written in its file. Copy one into your pack's folder, give it an id of your own and",
        "change the words; its `examples` are what the tests run (`invalid` texts must fire,",
        "`valid` ones must not), here too: tests/test_kind_docs.py loads every block of this page",
        "as a rule pack and runs them.",
        "",
        " · ".join(f"[`{name}`](#{name})" for name in sorted(KINDS)),
        "",
    ]
    for module, names in sorted(modules.items(), key=lambda item: item[1][0]):
        doc = inspect.getdoc(sys.modules[module]) or ""
        out += [f'<a id="{name}"></a>' for name in names]
        out += [f"## {', '.join(f'`{name}`' for name in names)}", "", f"`{module.replace('.', '/')}.py`:", "", doc, ""]
        for name in names:
            options = ", ".join(f"`{option}`" for option in sorted(KINDS[name][1])) or "none"
            rule, text = examples[name]
            where = "rules/" + Path(rule.source.rsplit(":", 1)[0]).relative_to(rules_root()).as_posix()
            out += [
                f"`{name}` options: {options}. Worked example: {rule.id} ({rule.name}), `{where}`:",
                "",
                "```yaml",
                text,
                "```",
                "",
            ]
    return "\n".join(out).rstrip("\n") + "\n"


def main(folder: str) -> None:
    for name, text in pages().items():
        (Path(folder) / name).write_text(text, encoding="utf-8", newline="\n")
    (Path(folder).parent / "kinds.md").write_text(kinds_page(), encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/staff")
