"""The peer: textlint, with textlint-rule-ja-no-inappropriate-words (one rule) and the
ja-technical-writing preset. Shared by speed.py and accuracy.py.

textlint is an npm package, and this project installs only from PyPI and Debian: Debian has
no textlint package (`apt-cache search textlint` finds none) and PyPI none either. So the
peer runs only where a `textlint` command that has these rules is already on PATH (or named
by SM_LINT_TEXTLINT); elsewhere the scripts print it as unavailable, and no figure stands in
for it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

SETUPS = {
    "one rule": ["--rule", "ja-no-inappropriate-words"],
    "preset": ["--preset", "ja-technical-writing"],
}
UNAVAILABLE = (
    "unavailable: textlint is an npm package, not in Debian or PyPI (the only sources used here);"
    " put a textlint with the rule and the preset on PATH or in SM_LINT_TEXTLINT to compare"
)


def textlint(setup: str = "one rule") -> list[str] | None:
    """The command to run the peer with `setup`, or None (with a message) when it cannot run."""
    binary = os.environ.get("SM_LINT_TEXTLINT") or shutil.which("textlint")
    if binary is None:
        print(f"textlint ({setup}) {UNAVAILABLE}")
        return None
    command = [binary, "--no-textlintrc", *SETUPS[setup]]
    probe = subprocess.run(
        [*command, "--stdin", "--stdin-filename", "probe.md"], input="テスト\n", capture_output=True, text=True
    )
    if probe.returncode not in (0, 1):  # 2: the rule or the preset is not installed beside it
        print(f"textlint ({setup}) unavailable: {(probe.stderr or probe.stdout).strip().splitlines()[-1:]}")
        return None
    return command


def flagged_files(command: list[str], files: list[Path]) -> set[str]:
    """Paths of the files textlint reports anything on."""
    out = subprocess.run([*command, "--format", "json", *map(str, files)], capture_output=True, text=True)
    return {str(Path(r["filePath"]).resolve()) for r in json.loads(out.stdout or "[]") if r["messages"]}
