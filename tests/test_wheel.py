"""A non-editable wheel carries the rule data and declares every package it needs: installed
into a fresh venv that sees neither this checkout nor the base interpreter's packages, with its
dependencies resolved by pip (from the run's wheelhouse, never a package index: tests/wheelhouse.py),
`sm-lint` finds its bundled rules and lints the example drafts, away from this checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

from wheelhouse import offline_pip

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_installs_with_its_rules(tmp_path, wheelhouse):
    [wheel] = wheelhouse.glob("sm_lint-*.whl")  # built from this checkout
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", str(wheel)],
        capture_output=True,
        text=True,
        env=offline_pip(os.environ, wheelhouse),
    )
    assert install.returncode == 0, install.stderr
    check = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "check"], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    work = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "examples", work / "examples")
    probe = "import json, sys, sm_lint; print(json.dumps([sm_lint.__file__, sys.path]))"
    where, path = json.loads(
        subprocess.run([python, "-c", probe], cwd=work, capture_output=True, text=True, check=True).stdout
    )
    assert Path(where).is_relative_to(env_dir)
    outside = [p for p in path if p and not Path(p).is_relative_to(env_dir) and "site-packages" in p]
    assert outside == []  # only the venv's own packages, never the base interpreter's
    r = subprocess.run(
        [env_dir / "bin" / "sm-lint", "examples", "--format", "json"], cwd=work, capture_output=True, text=True
    )
    assert r.returncode == 1, r.stderr
    rules = {f["rule"] for f in json.loads(r.stdout)["findings"]}
    assert {"JP-C101", "JP-P101", "JP-P201"} <= rules
    assert all(Path(f["path"]).parts[0] == "examples" for f in json.loads(r.stdout)["findings"])
