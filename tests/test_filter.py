"""The one filter stage (pipeline/filter.py): the configuration's severity overrides, the
draft's suppressions and the baseline are applied in one place, in one order, for every way a
draft is linted; it alone sets a finding's severity, from the facts the engine hands over; and
what fails the run is counted from its result (issue 24, item 2)."""

from __future__ import annotations

import ast
from pathlib import Path

import sm_lint
from sm_lint.findings import REPORTED, UNDECIDED
from sm_lint.io.document import parse_draft
from sm_lint.io.yamlsafe import load_yaml
from sm_lint.pipeline.baseline import write_baseline
from sm_lint.pipeline.filter import failing, filter_findings, reported
from sm_lint.rules.engine import check
from sm_lint.rules.sections import parse_config
from sm_lint.run.linter import Linter, Options
from sm_lint.settings.config import Config
from sm_lint.text.analysis import analyse

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


def _assigns_severity(node: ast.AST) -> bool:
    """A finding's severity set here: Finding(..., severity=...) or its 11th positional argument,
    x._replace(severity=...), or x.severity = ..."""
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        if name in ("Finding", "_replace"):
            return any(k.arg == "severity" for k in node.keywords) or (name == "Finding" and len(node.args) > 10)
    targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
    return any(isinstance(t, ast.Attribute) and t.attr == "severity" for t in targets)


def test_one_module_sets_a_finding_s_severity():
    package = Path(sm_lint.__file__).parent
    setters = {
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if any(_assigns_severity(node) for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert setters == {"pipeline/filter.py"}


CALENDAR = "elections:\n  上越市長選挙: {告示日: 2026-10-18, 投票日: 2026-10-25, candidates: [上越太郎]}\n"
AFTER = "---\nscheduled_at: 2026-10-26T10:00\nuse: official\n---\n本日、上越太郎さんが高田城址公園を視察しました。\n"


def test_the_engine_hands_over_the_facts_and_the_filter_decides(rules):
    # JP-V101 is an error; its matcher grades a candidate named outside the period a warning.
    config = parse_config(load_yaml(CALENDAR), ".sm-lint.yaml")
    [checked] = [f for f in check(analyse(parse_draft(AFTER, "下書き.md"), config), rules) if f.rule == "JP-V101"]
    assert (checked.severity, checked.rule_severity, checked.grade) == (UNDECIDED, "error", "warning")
    assert [f.severity for f in filter_findings([checked], config, ())] == ["warning"]
    milder = config.replace(severity={"JP-V101": "info"})
    assert [f.severity for f in filter_findings([checked], milder, ())] == ["info"]
    # what the reports show is unchanged: the decided severity, not its facts
    assert list(filter_findings([checked], config, ())[0].to_dict()) == list(REPORTED)
    assert "grade" not in REPORTED and "rule_severity" not in REPORTED


def test_a_judgment_under_a_waived_stronger_one_is_still_reported(lint):
    # JP-C103's warning on the same words is dropped under JP-C106's error; where a suppression
    # waives the error, the warning is what is left to say, not nothing
    text = "保育園の統廃合を検討中です。\n"
    waived = "<!-- sm-lint-allow JP-C106: 議会で公表済みの内容のため -->\n" + text
    assert [f.rule for f in reported(lint(text)) if f.rule in ("JP-C103", "JP-C106")] == ["JP-C106"]
    assert [f.rule for f in reported(lint(waived)) if f.rule in ("JP-C103", "JP-C106")] == ["JP-C103"]
