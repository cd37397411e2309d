"""The peer: textlint with textlint-rule-ja-no-inappropriate-words, installed with npm into a
cache folder on first use (only where node and npm exist). Shared by speed.py and accuracy.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

PACKAGES = ("textlint@15", "textlint-rule-ja-no-inappropriate-words@2")
HOME = Path(os.environ.get("SM_LINT_BENCH_CACHE", Path.home() / ".cache" / "sm-lint-bench")) / "textlint"


def textlint() -> list[str] | None:
    """The command to run the peer rule, or None (with a message) when it cannot be had."""
    binary = HOME / "node_modules" / ".bin" / "textlint"
    if not binary.exists():
        if not (shutil.which("node") and shutil.which("npm")):
            print("textlint peer skipped: node/npm not found")
            return None
        HOME.mkdir(parents=True, exist_ok=True)
        print(f"installing {' '.join(PACKAGES)} into {HOME} ...", flush=True)
        done = subprocess.run(["npm", "install", "--prefix", str(HOME), "--no-audit", "--no-fund", *PACKAGES],
                              capture_output=True, text=True)
        if done.returncode != 0 or not binary.exists():
            print("textlint peer skipped: npm install failed:", done.stderr.strip().splitlines()[-1:])
            return None
    return [str(binary), "--no-textlintrc", "--rule", "ja-no-inappropriate-words"]


def flagged_files(command: list[str], files: list[Path]) -> set[str]:
    """Paths of the files textlint reports anything on."""
    out = subprocess.run([*command, "--format", "json", *map(str, files)], capture_output=True, text=True)
    return {str(Path(r["filePath"]).resolve()) for r in json.loads(out.stdout or "[]") if r["messages"]}
