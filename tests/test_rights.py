"""Rights and channels (issue 27): reposting, personal details by DM, a staff member's private
criticism of the city's policy, and credit for borrowed images."""

from __future__ import annotations


def _rules(lint, text):
    return sorted({f.rule for f in lint(text) if f.rule.startswith("JP-K")})


def test_asking_for_an_address_by_dm_is_an_error_on_official_accounts_only(lint):
    text = "---\nuse: {use}\n---\n雪で倒れた木の場所は、お名前とご住所を添えてDMでお知らせください。"
    found = [f for f in lint(text.format(use="official")) if f.rule == "JP-K102"]
    assert [(f.severity, f.line) for f in found] == [("error", 4)] and "問い合わせフォーム" in found[0].message
    assert "JP-K102" not in _rules(lint, text.format(use="private"))


def test_private_criticism_as_staff_gets_a_message_for_private_posts(lint):
    text = "---\nuse: private\n---\n市の職員ですが、今回の除雪計画はおかしいと思います。"
    found = [f for f in lint(text) if f.rule == "JP-K103"]
    assert len(found) == 1 and "私的な投稿" in found[0].message and "公式の発信" not in found[0].message


def test_a_borrowed_image_needs_both_source_and_license(lint):
    text = (
        "---\nimages:\n  - path: https://example.jp/photos/takada-snow.jpg\n    alt: 高田の雁木と雪\n"
        "    source: 上越観光コンベンション協会\n---\n雁木通りの雪景色です。"
    )
    found = [f for f in lint(text) if f.rule == "JP-K104"]
    assert [(f.line, f.severity) for f in found] == [(3, "warning")] and "license" in found[0].message
    assert "JP-K104" not in _rules(lint, text.replace("    source:", "    license: 使用許諾済み\n    source:"))


def test_a_long_blockquote_needs_a_credited_quotes_entry(lint):
    notice = "> " + "上越市では今夜から明日にかけて大雪となるおそれがあります。" * 4 + "\n"
    bare = [f for f in lint("気象台の発表です。\n" + notice) if f.rule == "JP-K105"]
    assert [(f.line, f.severity) for f in bare] == [(2, "warning")]
    credited = (
        "---\nquotes:\n  - source: 新潟地方気象台 大雪に関する気象情報\n    license: 政府標準利用規約 (第2.0版)\n---\n"
        "気象台の発表です。\n" + notice
    )
    assert not [f for f in lint(credited) if f.rule in ("JP-K105", "JP-M101", "JP-M102")]
