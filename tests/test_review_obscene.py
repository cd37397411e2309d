"""Found in review of this stop's change (issue 23, ninth pass, obscenity): a harmless city post
the new alternatives reported; it failed before its fix."""

from __future__ import annotations


def test_grown_ups_nightlife_is_no_sexual_slang(lint):
    # 大人の夜遊び is a tourism page's word for bars and night views (JP-P406 read it as slang)
    text = "大人の夜遊びスポット、地ビールのバーがオープンしました。"
    assert [f.rule for f in lint(text) if f.category == "prohibited"] == []
    assert "JP-P406" in [f.rule for f in lint("週末は大人のおもちゃの店に行ってきた。")]
