"""`--write-baseline` / `--baseline`: old findings are known by rule, path and matched text,
so edits above them keep them known, while new findings (even a second copy) are reported."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import run

OLD = "【観桜会のお知らせ】\n窓口に来たあのバカな客のせいで説明会が長引きました。\n"


def concise(args, cwd):
    return run(["--format", "concise", *args], cwd=cwd)


def test_baseline_hides_known_findings_even_when_lines_move(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "2023-04.md").write_text(OLD, encoding="utf-8")
    written = run(["--write-baseline", "baseline.json", "archive"], cwd=tmp_path)
    assert written.exit_code == 0
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data["findings"] == [{"rule": "JP-P101", "path": "archive/2023-04.md", "match": "バカ", "count": 1}]

    # Lines added above: the old finding moves down but is still known.
    (archive / "2023-04.md").write_text("追記：日程を変更しました。\n\n" + OLD, encoding="utf-8")
    result = concise(["--baseline", "baseline.json", "archive"], tmp_path)
    assert (result.exit_code, result.stdout) == (0, "")

    # A second copy of the same word in the same draft, and a new draft, are new.
    (archive / "2023-04.md").write_text(OLD + "またバカな話だ。\n", encoding="utf-8")
    (archive / "2023-05.md").write_text("【極秘】除雪計画の案です。\n", encoding="utf-8")
    result = concise(["--baseline", "baseline.json", "archive"], tmp_path)
    assert result.exit_code == 1
    assert [line.split(": ")[0] + " " + line.split()[2] for line in result.stdout.splitlines()] == [
        "archive/2023-04.md:3:3 JP-P101",
        "archive/2023-05.md:1:2 JP-C101",
    ]


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path):
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "ci").mkdir()
    run(["--write-baseline", "ci/baseline.json", "posts/a.md"], cwd=tmp_path)
    assert json.loads((tmp_path / "ci" / "baseline.json").read_text())["findings"][0]["path"] == "../posts/a.md"
    # From another folder, the same draft under another spelling is still known.
    result = concise(["--baseline", "../ci/baseline.json", "a.md"], tmp_path / "posts")
    assert (result.exit_code, result.stdout) == (0, "")


def test_a_finding_in_another_draft_with_the_same_text_is_new(tmp_path):
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "b.md").write_text(OLD, encoding="utf-8")
    run(["--write-baseline", "baseline.json", "a.md"], cwd=tmp_path)
    result = concise(["--baseline", "baseline.json", "a.md", "b.md"], tmp_path)
    assert result.stdout.startswith("b.md:2:8: ") and result.stdout.count("\n") == 1


def test_bad_baseline_files_are_errors(tmp_path: Path):
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    missing = concise(["--baseline", "nope.json", "a.md"], tmp_path)
    assert missing.exit_code == 2 and "nope.json: ベースラインのファイルがありません" in missing.stderr
    missing = concise(["--baseline", "nope.json", "--lang", "en", "a.md"], tmp_path)
    assert missing.exit_code == 2 and "nope.json: baseline file not found" in missing.stderr
    (tmp_path / "broken.json").write_text('{"version": 1,\n "findings": [}\n', encoding="utf-8")
    broken = concise(["--baseline", "broken.json", "--lang", "en", "a.md"], tmp_path)
    assert broken.exit_code == 2 and "broken.json:2: the baseline is not valid JSON" in broken.stderr
    (tmp_path / "other.json").write_text('{"version": 1, "findings": [{"rule": "JP-P101"}]}', encoding="utf-8")
    other = concise(["--baseline", "other.json", "a.md"], tmp_path)
    assert other.exit_code == 2 and "1 件目の指摘に rule、path、match (文字列) がありません" in other.stderr
    other = concise(["--baseline", "other.json", "--lang", "en", "a.md"], tmp_path)
    assert other.exit_code == 2 and "finding #1 needs string rule, path and match" in other.stderr


def test_a_baseline_nested_200000_deep_is_a_clear_error(tmp_path: Path):
    # json.loads recursed until Python's limit: a RecursionError came out as an internal error.
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    deep = concise(["--baseline", "deep.json", "a.md"], tmp_path)
    assert deep.exit_code == 2
    assert (
        deep.stderr == "sm-lint: deep.json: ベースラインの入れ子が深すぎます。--write-baseline で作り直してください\n"
    )
    deep = concise(["--baseline", "deep.json", "--lang", "en", "a.md"], tmp_path)
    assert deep.stderr == "sm-lint: deep.json: the baseline nests too deeply; write it again with --write-baseline\n"
