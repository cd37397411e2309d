"""Every matcher kind is a rules.model.Matcher: its optional capabilities (`signs` for the gate,
`review` for what looks at the other rules' findings) are part of the protocol with declining
defaults, not found by probing for attributes; and a reviewer gets what it needs from the
engine (the pack's rule ids) instead of loading the rule pack itself (issue 24, item 2)."""

from __future__ import annotations

from sm_lint.io.document import parse_draft
from sm_lint.rules.engine import check
from sm_lint.rules.model import Matcher
from sm_lint.settings.config import Config
from sm_lint.text.analysis import analyse

WAIVED = (
    "<!-- sm-lint-allow JP-Z901: 取材先の表記どおりのため by: 広報対話課 山田 until: 2027-03-31 -->\n"
    "上越市立水族博物館の公開講座を開きます。\n"
)


def test_every_rule_s_matcher_is_a_matcher(rules):
    assert [r.id for r in rules if not isinstance(r.matcher, Matcher)] == []


def test_a_plain_matcher_declines_the_optional_capabilities():
    class Finds(Matcher):
        def find(self, analysis):
            return ()

    assert Finds().signs() is None and Finds().draft_needs() is None and not Finds().reviews
    assert list(Finds().review(None, [], [], frozenset())) == []


def test_the_unused_suppression_review_asks_the_engine_which_rule_ids_exist(rules):
    unused = [r for r in rules if r.name == "unused-waiver"]
    analysis = analyse(parse_draft(WAIVED, "下書き.md"), Config())
    # JP-Z901 is no built-in rule: an id of the pack the caller names is known all the same
    assert check(analysis, unused, known=frozenset({"JP-Z901", *(r.id for r in rules)})) == []
    told = check(analysis, unused, known=frozenset(r.id for r in rules))
    assert [f.rule for f in told] == [unused[0].id] and "JP-Z901 というルールはありません" in told[0].message
