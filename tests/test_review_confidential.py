"""Found in review of this stop's change (issue 23, ninth pass, JP-C107 and JP-C108): harmless
city posts that the new rules reported; each case failed before its fix."""

from __future__ import annotations

import pytest


def _found(lint, text: str, rule: str) -> bool:
    return rule in [f.rule for f in lint(text)]


def test_a_published_tender_result_gives_no_tender_figure_error(lint):
    # 入札の結果 and 落札額 tell a result: JP-C107 knew 入札結果 and 落札金額 only
    assert not _found(lint, "入札の結果、予定価格1,200万円に対し落札額は1,050万円でした。", "JP-C107")
    assert _found(lint, "図書館システム更新業務の最低制限価格、1,280万円にしておきました。", "JP-C107")


@pytest.mark.parametrize(
    "text",
    [
        # 庁内で / 内部で with no deliberation after it: a staff vote, a call for designs
        "ふるさと納税の返礼品、庁内で人気投票をしました。1位は笹団子でした！",
        "新しいゆるキャラ、庁内で募集したデザインから選ばれました。",
        # prepared out of sight, now done and told
        "市内の小学校、水面下で準備を進めてきたサプライズ企画がついに実現しました。",
        "地域の防災訓練、内々に準備してきましたが、いよいよ本番です。",
    ],
)
def test_a_done_thing_prepared_inside_is_no_insider_state(lint, text):
    assert not _found(lint, text, "JP-C108")


@pytest.mark.parametrize(
    "text",
    [
        "来年度の固定資産税の減免、庁内で検討しています。",
        "公民館の統廃合、内部で調整中です。",
        "市民ホールの館長ポスト、元校長先生で内定しています。",
    ],
)
def test_an_insider_state_is_still_one(lint, text):
    assert _found(lint, text, "JP-C108")


def test_a_published_tender_result_gives_no_unreleased_matter_error(lint):
    # JP-C106 read 入札 + 予定価格 as a matter still being decided, even in the result's own post
    assert not _found(lint, "入札の結果、予定価格1,200万円に対し落札額は1,050万円でした。", "JP-C106")
    assert _found(lint, "市道改良工事の入札、予定価格は3,500万円で調整中です。", "JP-C106")


def test_a_thing_done_elsewhere_in_the_draft_does_not_quiet_an_unreleased_matter(lint):
    # the exception for a thing prepared inside and now told (JP-C108) names it being told, not
    # any past deed of the draft (行いました), and JP-C106 keeps its own exceptions
    text = "公民館の統廃合、内部で調整中です。先日、現地視察を行いました。"
    assert _found(lint, text, "JP-C106") and _found(lint, text, "JP-C108")
