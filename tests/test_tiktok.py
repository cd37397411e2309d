"""TikTok (guideline clause 2 names it): a draft for TikTok is accepted and counted as TikTok counts."""

from __future__ import annotations

from sm_lint.io.yamlsafe import load_yaml
from sm_lint.rules.sections import parse_config

CAPTION = "雁木通りを歩いてみました。冬の高田の町並みをご覧ください。\n#上越市 #雁木 #高田 #新潟 #雪国"


def test_platform_tiktok_is_a_known_platform(lint):
    rules = {f.rule for f in lint("---\nplatform: tiktok\naccount: joetsu_kanko\n---\n" + CAPTION)}
    assert not rules & {"JP-M101", "JP-M102"}, rules


def test_an_account_on_tiktok_gives_its_drafts_the_tiktok_limits(lint):
    config = parse_config(load_yaml("accounts:\n  joetsu_kanko: {name: 上越観光, platform: tiktok}\n"), ".sm-lint.yaml")
    text = "---\naccount: joetsu_kanko\n---\n" + CAPTION + " #冬"
    hits = [f for f in lint(text, config=config) if f.rule == "JP-N115"]
    assert [(h.severity, h.line) for h in hits] == [("warning", 5)]
    assert "6 個" in hits[0].message
