"""Every output format against a golden file (checked by eye when written), plus the
properties each consumer relies on: valid SARIF, parseable JUnit and JSON, escaped
GitHub workflow commands, nothing but data on stdout in machine formats."""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

import helpers
from helpers import run
from sm_lint.report import FORMATS, MACHINE_FORMATS, ReportContext
from sm_lint.report.github import render as render_github

HERE = Path(__file__).parent
DRAFTS = HERE / "fixtures" / "formats"
GOLDEN = HERE / "golden"
SCHEMA = HERE / "schemas" / "sarif-schema-2.1.0.json"
FINDINGS_SCHEMA = HERE.parent / "sm_lint" / "report" / "findings.schema.json"
# SM_LINT_UPDATE_GOLDEN=1 rewrites the golden files; read the diff before committing it.
UPDATE = os.environ.get("SM_LINT_UPDATE_GOLDEN") == "1"
# The fixture's configuration selects four rules; every report says so (issue 22).
TURNED_OFF = "チェックしないルール (設定 .sm-lint.yaml): select (JP-C101, JP-P101, JP-P201, JP-P203) 以外のすべて"


def lint_drafts(fmt: str):
    return run(["--format", fmt, "--no-color", "bus-route.md", "garbage.txt"], cwd=DRAFTS)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_format_matches_golden(fmt):
    result = lint_drafts(fmt)
    assert result.exit_code == 1, result.stderr
    golden = GOLDEN / f"{fmt}.txt"
    if UPDATE:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_every_format_has_a_golden_file():
    assert {p.stem for p in GOLDEN.glob("*.txt")} >= set(FORMATS)


@pytest.mark.parametrize("fmt", sorted(MACHINE_FORMATS))
def test_machine_formats_print_only_data(fmt):
    result = lint_drafts(fmt)
    assert "--fix" not in result.stdout and "下書きを確認" not in result.stdout
    # stderr only says which rules the fixture's `select:` leaves out (no summary line does)
    assert result.stderr == f"sm-lint: {TURNED_OFF}\n"


def test_sarif_is_valid_against_the_official_schema():
    log = json.loads(lint_drafts("sarif").stdout)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["JP-C101", "JP-P201", "JP-P101", "JP-P203"]
    assert all(r["properties"]["clause"] and r["help"]["text"].startswith("ガイドライン ") for r in rules)
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    # 裏日本 on line 6, columns 13-15: endColumn is the column after the match.
    (urani,) = [r for r in run_["results"] if r["ruleId"] == "JP-P201"]
    region = urani["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (6, 13, 16)
    assert urani["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "日本海側"
    assert {r["level"] for r in run_["results"]} == {"error", "note"}


def test_sarif_of_a_clean_run_is_valid():
    log = json.loads(run(["--format", "sarif", "garbage.txt"], cwd=DRAFTS).stdout)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert log["runs"][0]["results"] == []


def test_json_and_jsonl_carry_the_same_findings_and_facts():
    report = json.loads(lint_drafts("json").stdout)
    *as_lines, last = [json.loads(line) for line in lint_drafts("jsonl").stdout.splitlines()]
    assert report["findings"] == as_lines
    assert [f["rule"] for f in as_lines] == ["JP-C101", "JP-P201", "JP-P101", "JP-P203"]
    assert last == {"summary": {k: report[k] for k in ("version", "drafts", "turnedOff")}}


def test_json_lists_every_draft_read_and_what_was_turned_off():
    report = json.loads(lint_drafts("json").stdout)
    jsonschema.validate(report, json.loads(FINDINGS_SCHEMA.read_text(encoding="utf-8")))
    assert report["version"] == 2 and report["tool"]["name"] == "sm-lint"
    # garbage.txt has no finding: only drafts[] says it was read at all
    counts = [{key: draft[key] for key in ("path", "findings", "suppressed")} for draft in report["drafts"]]
    assert counts == [
        {"path": "bus-route.md", "findings": 4, "suppressed": 0},
        {"path": "garbage.txt", "findings": 0, "suppressed": 0},
    ]
    # each draft's plain-Japanese score too (tests/test_readability.py checks the numbers)
    assert [draft["readability"]["band"] for draft in report["drafts"]] == ["中級後半", "初級後半"]
    assert report["turnedOff"] == [
        {
            "by": ".sm-lint.yaml",
            "select": ["JP-C101", "JP-P101", "JP-P201", "JP-P203"],
            "categories": [],
            "clauses": [],
            "rules": [],
        }
    ]


def test_junit_counts_failures_per_draft():
    root = ET.fromstring(lint_drafts("junit").stdout)
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert suites["bus-route.md"].get("failures") == "4"
    assert suites["garbage.txt"].get("failures") == "0"
    assert len(suites["garbage.txt"].findall("testcase")) == 1  # a passing case for a clean draft
    assert root.get("tests") == "5" and root.get("failures") == "4"


def test_github_commands_escape_newlines_commas_and_colons():
    finding = helpers.finding(
        path="a,b:c.md", end_column=3, rule="JP-X", name="x", clause_title="t", severity="info", end=2,
        message="100% 確認\n2行目", match="xx",
    )  # fmt: skip

    out = io.StringIO()
    render_github([finding], ReportContext(stream=out))
    assert out.getvalue() == (
        "::notice file=a%2Cb%3Ac.md,line=1,col=1,endLine=1,endColumn=3,title=JP-X [5(5)] x::100%25 確認%0A2行目\n"
    )


def test_full_format_shows_a_window_of_a_long_line_with_the_caret_under_the_match(tmp_path):
    # a post written as one paragraph: the whole line would wrap over a dozen terminal lines
    line = "雪" * 300 + "あのバカな客" + "雪" * 300
    (tmp_path / "long.txt").write_text(line + "\n", encoding="utf-8")
    shown, carets = run(["--no-color", "--ignore", "accessibility", "long.txt"], cwd=tmp_path).stdout.splitlines()[2:4]
    assert shown == "    1 | …" + "雪" * 17 + "あのバカな客" + "雪" * 17 + "…"
    assert carets == " " * (len("    1 | ") + 1 + 2 * 19) + "^^^^"  # …, 17 雪 and あの before バカ
