"""A non-editable wheel carries the rule data: installed into a fresh venv, `sm-lint` finds
its bundled rules and lints the example drafts, away from this checkout."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_installs_with_its_rules(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True, capture_output=True,
    )
    [wheel] = dist.glob("sm_lint-*.whl")
    env_dir = tmp_path / "venv"
    # Dependencies come from the test environment; the package itself only from the wheel.
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True, capture_output=True,
    )
    work = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "examples", work / "examples")
    where = subprocess.run([python, "-c", "import sm_lint; print(sm_lint.__file__)"],
                           cwd=work, capture_output=True, text=True, check=True).stdout
    assert str(env_dir) in where
    r = subprocess.run([env_dir / "bin" / "sm-lint", "examples", "--format", "json"],
                       cwd=work, capture_output=True, text=True)
    assert r.returncode == 1, r.stderr
    rules = {f["rule"] for f in json.loads(r.stdout)}
    assert {"JP-C101", "JP-P101", "JP-P201"} <= rules
    assert all(Path(f["path"]).parts[0] == "examples" for f in json.loads(r.stdout))
