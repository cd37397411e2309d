"""`when:` conditions are tested once per combination of the metadata they read, and that
must never change which rules run on a draft."""

from __future__ import annotations

from itertools import product

from sm_lint.io.document import parse_draft
from sm_lint.rules import conditions, engine
from sm_lint.rules.conditions import compile_when
from sm_lint.text.analysis import analyse

FRONT = {
    "platform": [None, "x", "[x, facebook]", "[facebook, x]", "instagram", "YouTube"],
    "use": [None, "official", "private"],
    "kind": [None, "reply", "post"],
    "title": [None, "雪まつりのお知らせ", "観桜会"],
    "approved_by": [None, "広報対話課長", "''"],
}
WHENS = [
    {"platform": "x"},
    {"platform": "youtube", "title": {"present": False}},
    {"use": "official", "approved_by": {"present": False}},
    {"kind": "reply", "use": "official"},
    {"platform": {"not": ["x", "line"]}},
    {"title": {"present": True}},
    {"use": ["official", "private"], "kind": {"not": "reply"}},
]


def _draft(values: tuple[str | None, ...]) -> str:
    lines = [f"{key}: {value}" for key, value in zip(FRONT, values, strict=True) if value is not None]
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n本日の除雪情報です。\n"


def test_the_answers_shared_between_drafts_are_those_of_each_draft():
    from sm_lint.rules.conditions import Conditions

    whens = [compile_when(spec, "t") for spec in WHENS]
    together = Conditions([w for w in whens if w is not None])
    checked = 0
    for values in product(*FRONT.values()):
        analysis = analyse(parse_draft(_draft(values), "x.md"))
        assert together(analysis) == [when(analysis) for when in together.conditions], values
        checked += 1
    assert checked == 6 * 3 * 3 * 3 * 3


def test_drafts_with_the_same_metadata_test_each_condition_once(linter, monkeypatch):
    engine._PLANS.clear()
    calls = []
    original = conditions.When.__call__
    monkeypatch.setattr(
        conditions.When, "__call__", lambda self, analysis: calls.append(self.key) or original(self, analysis)
    )
    for n in range(5):  # the titles differ, the values the conditions compare do not
        linter.lint_text(f"---\nplatform: x\nuse: official\ntitle: お知らせ{n}\n---\n本日の除雪情報です。\n")
    engine._PLANS.clear()
    assert calls and len(calls) == len(set(calls))
