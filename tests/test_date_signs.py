"""The date detectors (sm_lint/checks/post/dates.py) run their patterns only on a draft that
holds what every match of them holds: skipping the others must never hide a date."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sm_lint.checks.post import dates
from sm_lint.io.document import parse_draft
from sm_lint.text.analysis import analyse

# Pieces of dates, times and years (whole and broken), digits of other scripts, brackets
PIECES = [
    *("12月", "3日", "2026年", "2026/", "3/", "5", "(水)", "水曜日", "令和8年", "(令和8年)", "(2026年)"),
    *(
        "10:00",
        "10時",
        "30分",
        "半",
        "〜",
        "から",
        "翌",
        "午後",
        "٣",
        "１",
        "月",
        "日",
        "/",
        ":",
        "時",
        "(",
        ")",
        " ",
        "\n",
    ),
]
TEXT = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=TEXT)
def test_every_match_holds_its_sign(text):
    if dates._date_pattern().search(text):
        assert dates._DATE_SIGN().search(text)
    if dates._range_pattern().search(text):
        assert dates._CLOCK_SIGN().search(text)
    if dates._pair_pattern().search(text):
        assert "(" in text


def test_a_draft_without_a_sign_runs_no_pattern(monkeypatch):
    def never():
        raise AssertionError("pattern run")

    for name in ("_date_pattern", "_range_pattern", "_pair_pattern"):
        monkeypatch.setattr(dates, name, never)
    analysis = analyse(parse_draft("問い合わせ：025-526-5111、平日のみ\n", "x.md"))
    assert dates.written_dates(analysis) == () and dates.time_ranges(analysis) == ()
    assert list(dates.era_pairs(analysis)) == []
