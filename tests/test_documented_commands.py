"""Every shell command the README, docs/ and CONTRIBUTING.md show is run, as a user would type it, on a fresh copy
of this checkout: the commands are read from the ```sh blocks, so a newly documented command is
run from then on (or listed in EXCLUDED, with the reason). They run in document order (the README
first: its quick start makes the .venv that later commands use), with PATH as the user's, not this
test venv's; a documented `source .venv/bin/activate` holds for the commands after it. The CI
templates in docs/ci run their install and sm-lint steps in a repository of drafts, installing
from a local clone where they name the city's Git server. pip installs from the run's wheelhouse,
never a package index (tests/wheelhouse.py): the commands stay as typed, the user's pip is set up
to find no index; docs/rules.md's jamdict-data (JMdict, 100 MB) is a stand-in with a few entries,
and its scratch venv under /tmp is made in the test's own temporary folder."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from helpers import REPO_PLACEHOLDER, REV_PLACEHOLDER, ROOT, fenced, git, snapshot
from wheelhouse import offline_pip, write_wheel

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md")), ROOT / "CONTRIBUTING.md"]
SHELL = {"sh", "bash", "shell", "console"}

_TEST_SUITE = "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest -n auto"
_GIT_FOR_GITLAB = "apt-get update && apt-get install -y --no-install-recommends git"
EXCLUDED = {
    _TEST_SUITE: "the test suite itself (it would run this test again); .ci/run runs it, "
    "test_ci_runs_the_readme_test_command checks that the two agree",
    "git push origin main --follow-tags": "publishes the release on the city's Git server",
    _GIT_FOR_GITLAB: "installs git in GitLab's python image; the test machine has git",
}
# A server runs until Ctrl-C: it is run until it says where it listens, then stopped.
SERVERS = {"sm-lint serve"}

# The drafts the documents name, as a member of staff would have them.
DRAFTS = {
    "下書き.md": "---\nplatform: x\n---\n市民プールは7月1日から営業します。\n",
    "下書き.txt": "あのバカな計画のせいで、説明会が長引きました。\n",
    "drafts/snow.md": "除雪車が通る日は、道路に車を止めないでください。\n",
    "drafts/insult.md": "裏日本の冬に備えて、あのバカな計画が進んでいます。\n",
}


def documented_commands() -> list[tuple[str, str]]:
    """(where, command) for every command line of the documents' shell blocks, in order."""
    found = []
    for document in DOCUMENTS:
        for line, text in fenced(document, SHELL):
            for offset, command in enumerate(text.splitlines()):
                if command.strip() and not command.lstrip().startswith("#"):
                    found.append((f"{document.relative_to(ROOT)}:{line + 1 + offset}", command.strip()))
    return found


def ci_steps(template: Path) -> list[tuple[str, dict[str, str]]]:
    """The shell steps of a CI template, in order (GitHub steps' `run`, GitLab's script lists),
    each with the environment the template gives it (a GitHub step's `env`)."""
    data = yaml.safe_load(template.read_text(encoding="utf-8"))
    if "jobs" in data:
        return [
            (step["run"], step.get("env", {}))
            for job in data["jobs"].values()
            for step in job["steps"]
            if "run" in step
        ]
    return [
        (line, {})
        for job in data.values()
        if isinstance(job, dict)
        for key in ("before_script", "script", "after_script")
        for line in job.get(key, [])
    ]


# What the CI services set, for a pull request into `main`: the values of the GitHub
# expressions the templates use, and GitLab's predefined variables.
GITHUB_EXPRESSIONS = {"${{ github.base_ref || github.ref_name }}": "main"}
GITLAB_VARIABLES = {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main", "CI_DEFAULT_BRANCH": "main"}


def user_env(houses: tuple[Path, ...]) -> dict[str, str]:
    """The user's environment: this test venv is neither on PATH nor active; pip installs from
    `houses` only and, like the rule cache, keeps to the run's temporary caches (conftest.py); no
    browser is opened."""
    ours = str(Path(sys.executable).parent)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if p != ours)
    who = {
        f"GIT_{role}_{key}": value
        for role in ("AUTHOR", "COMMITTER")
        for key, value in (("NAME", "広報 太郎"), ("EMAIL", "koho@example.invalid"))
    }  # their git config
    return {**offline_pip(env, *houses), **who, "BROWSER": "true", "NO_COLOR": "1"}


def jamdict_stand_in(dest: Path) -> Path:
    """A wheel `jamdict-data 1.5` whose jamdict.db has the tables tools/jmdict_lists.py reads, with
    two entries: one tagged derogatory and vulgar, one glossed "fool"."""
    dest.mkdir(parents=True, exist_ok=True)
    db_path = dest / "jamdict.db"
    with sqlite3.connect(db_path) as db:
        db.executescript(
            """create table meta (key, value); create table Sense (ID integer primary key, idseq);
            create table misc (sid, text); create table pos (sid, text); create table SenseGloss (sid, lang, text);
            create table Kanji (idseq, text); create table Kana (idseq, text);
            create table NEKanji (idseq, text); create table NEKana (idseq, text);
            insert into meta values ('jmdict.version', 'stand-in');
            insert into Sense values (1, 1001), (2, 1002);
            insert into misc values (1, 'derogatory'), (1, 'vulgar expression or word');
            insert into pos values (1, 'noun (common) (futsuumeishi)'), (2, 'noun (common) (futsuumeishi)');
            insert into SenseGloss values (1, 'eng', 'bastard'), (2, 'eng', 'fool');
            insert into Kanji values (1001, '糞野郎'), (1002, '阿呆者');
            insert into Kana values (1001, 'くそやろう'), (1002, 'あほうもの');"""
        )
    db.close()
    files = {"jamdict_data/__init__.py": b"", "jamdict_data/jamdict.db": db_path.read_bytes()}
    write_wheel(dest, "jamdict-data", "1.5", files)
    db_path.unlink()
    return dest


@pytest.fixture(scope="module")
def houses(wheelhouse, tmp_path_factory) -> tuple[Path, ...]:
    """Where the user's pip finds packages: the run's wheelhouse and the stand-ins."""
    return wheelhouse, jamdict_stand_in(tmp_path_factory.mktemp("stand-ins"))


def shell(command: str, cwd: Path, env: dict[str, str], activated: bool):
    script = f"source .venv/bin/activate && {command}" if activated else command
    return subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=900
    )


def until_listening(command: str, cwd: Path, env: dict[str, str], activated: bool) -> tuple[int, str]:
    script = f"source .venv/bin/activate && exec {command}" if activated else f"exec {command}"
    # Ctrl-C must reach it even when this run was started in the background (SIGINT ignored).
    server = subprocess.Popen(
        ["bash", "-c", script],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    first = server.stdout.readline()  # the URL, or an error
    server.send_signal(signal.SIGINT)
    rest = server.communicate(timeout=60)[0]
    return (0 if "http://127.0.0.1:" in first and server.returncode in (0, 130, -signal.SIGINT) else 1), first + rest


def ends_with_sm_lint(command: str) -> bool:
    """sm-lint exits 1 when it has findings, as documented: fine for a command that runs it last."""
    return re.search(r"(^|[\s/|])sm-lint(\s|$)", re.split(r"&&|\|", command)[-1]) is not None


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> tuple[Path, str]:
    """A fresh copy of this checkout (a git repository at one commit), with the drafts the
    documents name."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an sdist)")
    where = tmp_path_factory.mktemp("fresh-checkout")
    commit = snapshot(where)
    for name, text in DRAFTS.items():
        (where / name).parent.mkdir(parents=True, exist_ok=True)
        (where / name).write_text(text, encoding="utf-8")
    return where, commit


def local_source(text: str, checkout: tuple[Path, str]) -> str:
    """The city's Git server and release replaced by the local checkout and its commit."""
    where, commit = checkout
    return text.replace(REPO_PLACEHOLDER, f"file://{where}").replace(REV_PLACEHOLDER, commit)


def own_tmp(command: str, tmp: Path) -> str:
    """A documented scratch path under /tmp moved into a folder of the test's own: the machine's
    /tmp may hold one from before (docs/rules.md's /tmp/jm with the real JMdict, 100 MB, on which
    the tool ran for 20 s instead of on the stand-in), and other runs may use it at the same time."""
    return re.sub(r"(?<![\w./-])/tmp/", f"{tmp}/", command)


def test_every_documented_command_runs(checkout, houses, tmp_path):
    where, _ = checkout
    env, activated, ran = user_env(houses), False, []
    for place, command in documented_commands():
        if command in EXCLUDED:
            continue
        command = own_tmp(local_source(command, checkout), tmp_path)
        if command in SERVERS:
            status, output = until_listening(command, where, env, activated)
        else:
            result = shell(command, where, env, activated)
            status, output = result.returncode, result.stdout + result.stderr
        allowed = {0, 1} if ends_with_sm_lint(command) else {0}
        assert status in allowed and "Traceback" not in output, (
            f"{place}: `{command}` exited {status}:\n{output[-3000:]}"
        )
        activated = activated or re.fullmatch(r"(source|\.) \.venv/bin/activate", command) is not None
        ran.append(command)
    assert any("sm-lint" in c for c in ran) and (where / ".venv" / "bin" / "sm-lint").exists()
    assert list((where / "dist").glob("sm_lint-*.whl")), "docs/release.md builds the wheel"
    # docs/rules.md's tool read the stand-in jamdict-data that its documented pip installed
    assert "version stand-in," in (where / "rules" / "lists" / "jmdict-derogatory.txt").read_text(encoding="utf-8")


def test_exclusions_are_still_documented():
    commands = {command for _, command in documented_commands()} | {
        step for template in (ROOT / "docs" / "ci").glob("*.yml") for step, _ in ci_steps(template)
    }
    assert set(EXCLUDED) <= commands and commands >= SERVERS


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    [command] = [c for c in EXCLUDED if "pytest" in c]
    install, test = command.rsplit(" && ", 1)
    # the tests run in a network namespace of their own (no network), the install before it does not
    offline = re.escape('"${offline[@]}" ')
    assert install in ci and re.search(rf"^HOME=\S+ {offline}{re.escape(test)}( \|\| |$)", ci, re.M)
    assert re.search(r"^offline=\(unshare -n ", ci, re.M)


def test_installation_names_only_sources_the_city_controls():
    texts = {p: p.read_text(encoding="utf-8") for p in [*DOCUMENTS, *(ROOT / "docs" / "ci").glob("*.yml")]}
    for path, text in texts.items():
        # `pip install NAME` of a package index name would take whatever is registered there.
        assert not re.search(r"pip install ['\"]?sm[-_]lint\b(?!\.git)", text), path
    assert all(
        REPO_PLACEHOLDER in texts[ROOT / "docs" / "ci" / name] for name in ("github-actions.yml", "gitlab-ci.yml")
    )
    assert "置き換えて" in texts[ROOT / "README.md"] and REPO_PLACEHOLDER in texts[ROOT / "README.md"]


@pytest.mark.parametrize("template", ["github-actions.yml", "gitlab-ci.yml"])
def test_ci_template_installs_and_runs(checkout, houses, template, tmp_path):
    """The template's steps on a pull request, in a clone of a repository of drafts whose base
    branch has settings and a baseline of its old posts; sm-lint installed into the fresh
    checkout's venv (test_every_documented_command_runs made it). The pull request adds a
    draft with a finding and edits the settings and the baseline to hide it: the templates
    take both from the base branch, so the finding still fails the check."""
    where, _ = checkout
    if not (where / ".venv" / "bin" / "sm-lint").exists():
        pytest.skip("needs the venv of the README's quick start (test_every_documented_command_runs)")
    activate = f"source {where}/.venv/bin/activate && "
    origin, repo = tmp_path / "origin", tmp_path / "drafts-repo"
    (origin / "drafts").mkdir(parents=True)
    (origin / "drafts" / "old.md").write_text("あのバカな計画は中止になりました。\n", encoding="utf-8")
    (origin / ".sm-lint.yaml").write_text("ignore: [JP-P501]\n", encoding="utf-8")  # the project's own choice
    env = {**user_env(houses), **GITLAB_VARIABLES}
    write = shell(activate + "sm-lint --write-baseline .sm-lint-baseline.json drafts/", origin, env, False)
    assert write.returncode == 0, write.stderr
    git("init", "-q", "-b", "main", cwd=origin)
    git("add", "-A", cwd=origin)
    git("commit", "-q", "-m", "drafts", cwd=origin)
    git("clone", "-q", str(origin), str(repo), cwd=tmp_path)
    git("checkout", "-q", "-b", "pull-request", cwd=repo)
    (repo / "drafts" / "bus.md").write_text("裏日本の冬に備えて、運行を見直します。\n", encoding="utf-8")
    # The pull request turns every category off and records its own finding as known.
    categories = json.loads((ROOT / "sm_lint" / "report" / "findings.schema.json").read_text(encoding="utf-8"))
    categories = categories["$defs"]["finding"]["properties"]["category"]["enum"]
    (repo / ".sm-lint.yaml").write_text(f"ignore: [{', '.join(categories)}]\n", encoding="utf-8")
    hide = shell(
        activate + "sm-lint --no-repo-config --write-baseline .sm-lint-baseline.json drafts/", repo, env, False
    )
    assert hide.returncode == 0, hide.stderr
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "a new draft", cwd=repo)
    # With the pull request's own files the new draft would pass: what the templates must avoid.
    assert shell(activate + "sm-lint --baseline .sm-lint-baseline.json drafts/", repo, env, False).returncode == 0
    results = []
    for step, step_env in ci_steps(ROOT / "docs" / "ci" / template):
        if step in EXCLUDED:
            continue
        values = {
            name: GITHUB_EXPRESSIONS[value] if value.startswith("${{") else value for name, value in step_env.items()
        }
        result = shell(activate + local_source(step, checkout), repo, {**env, **values}, False)
        results.append((step, result))
        assert result.returncode in ({0, 1} if ends_with_sm_lint(step) else {0}), (
            f"{template}: `{step}`:\n{result.stderr}"
        )
        assert "Traceback" not in result.stderr
    [(_, gate)] = [(s, r) for s, r in results if s.startswith("sm-lint ") and "--exit-zero" not in s]
    assert gate.returncode == 1  # the check fails
    # the base branch's settings are the ones used, and said
    assert gate.stderr == "sm-lint: チェックしないルール (設定 .sm-lint.trusted.yaml): ルール JP-P501\n"
    outputs = "".join(r.stdout for _, r in results)
    assert "old.md" not in outputs  # the base branch's baseline still holds the old posts
    if template == "github-actions.yml":
        assert "::error file=drafts/bus.md" in gate.stdout
        sarif = json.loads((repo / "sm-lint.sarif").read_text(encoding="utf-8"))
        assert [
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]
        ] == ["drafts/bus.md"]
    else:
        cases = ET.parse(repo / "sm-lint-junit.xml").getroot().iter("testcase")
        assert any("bus.md" in ET.tostring(case, encoding="unicode") for case in cases)
        assert "drafts/bus.md:1:1: エラー JP-P201" in results[-1][1].stdout
