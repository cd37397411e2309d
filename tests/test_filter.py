"""The one filter stage (pipeline/filter.py): the configuration's severity overrides, the
draft's suppressions and the baseline are applied in one place, in one order, for every way a
draft is linted; and what fails the run is counted from its result (issue 24, item 2)."""

from __future__ import annotations

from sm_lint.pipeline.baseline import write_baseline
from sm_lint.pipeline.filter import failing, filter_findings, reported
from sm_lint.run.linter import Linter, Options
from sm_lint.settings.loader import Config

RUDE = "窓口に来たあのバカな客のせいで残業だ。\n"
WAIVED = "<!-- sm-lint-allow JP-P101: 苦情の文面を研修資料として引用するため -->\n" + RUDE


def test_a_severity_override_decides_what_fails(lint):
    milder = Config(severity={"JP-P101": "info"}, fail_on="warning")
    found = [f for f in lint(RUDE, "下書き.md", milder) if f.rule == "JP-P101"]
    assert [f.severity for f in found] == ["info"]
    assert failing(found, milder.fail_on) == 0 and failing(found, "info") == 1


def test_a_suppressed_finding_is_kept_for_the_audit_but_neither_reported_nor_failing(lint):
    found = [f for f in lint(WAIVED, "下書き.md") if f.rule == "JP-P101"]
    assert len(found) == 1 and found[0].suppressed_by
    assert reported(found) == [] and failing(found, "info") == 0


def test_the_baseline_filters_text_linted_from_an_editor_too(rules, tmp_path):
    # Before the one stage, the baseline was applied to files on the command line only.
    baseline = tmp_path / "baseline.json"
    known = Linter(rules=rules).lint_text(RUDE, str(tmp_path / "下書き.md"))
    assert write_baseline(baseline, known) >= 1
    again = Linter(Options(baseline=baseline), rules=rules).lint_text(RUDE, str(tmp_path / "下書き.md"))
    assert [f.rule for f in again] == []


def test_the_stage_sorts_and_drops_duplicates(lint):
    found = lint(RUDE + RUDE, "下書き.md")
    twice = filter_findings([*reversed(found), *found], Config(), ())
    assert twice == found and [f.line for f in found] == sorted(f.line for f in found)
