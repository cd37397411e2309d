"""Cost of one large draft: time and peak memory per input byte, next to a floor.

    python bench/bounded.py [--mib 1] [--runs 3]

For 1 MiB of Latin letters (one long run, the case that became one token per character)
and 1 MiB of Japanese (the labelled drafts repeated), each in a fresh process:
- floor: bare fugashi (MeCab's own parse to a string, its default options) on the same
  text, in the pieces sm-lint gives it (lines, cut at MAX_CHUNK characters);
- tokenize: sm_lint.text.tokenizer.tokenize on the text;
- lint: `sm-lint` on the file, every rule.
Memory is the peak RSS of the process less that of the same process given an empty text
(the interpreter, the dictionary, the rules), divided by the input's bytes; issue 22 asks
for at most 30 bytes per input byte. Times are medians of --runs.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from corpus import PROBLEMS, SENTENCES  # noqa: E402

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(ROOT)}
TARGET = 30  # bytes of memory per input byte (issue 22)

FLOOR = """
import os, sys, fugashi, unidic_lite
from sm_lint.text.tokenizer import MAX_CHUNK
d = unidic_lite.DICDIR
tagger = fugashi.GenericTagger(f'-r "{os.path.join(d, "mecabrc")}" -d "{d}"')
text = open(sys.argv[1], encoding="utf-8").read()
for line in text.split("\\n"):
    for i in range(0, len(line), MAX_CHUNK):
        tagger.parse(line[i:i + MAX_CHUNK])
"""
TOKENIZE = """
import sys
from sm_lint.text.tokenizer import tokenize
tokenize("テスト")
tokens = tokenize(open(sys.argv[1], encoding="utf-8").read())
"""
LINT = [sys.executable, "-m", "sm_lint", "--max-draft-size", "64MiB", "--format", "json"]


def japanese(size: int) -> str:
    """The benchmark corpus's sentences (bench/corpus.py) in a fixed random order, a line each."""
    rng = random.Random(22)
    lines, length = [], 0
    while length < size:
        lines.append(rng.choice(SENTENCES + PROBLEMS))
        length += len(lines[-1].encode()) + 1
    return "\n".join(lines)


def latin(size: int) -> str:
    letters = "thequickbrownfoxjumpsoverthelazydog"
    return (letters * (size // len(letters) + 1))[:size]


def measure(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in bytes) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = 0
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"failed: {' '.join(cmd)}: {child.stderr.read().decode()[-500:]}")
    return time.perf_counter() - start, usage.ru_maxrss * 1024


def row(name: str, cmd: list[str], path: Path, empty: Path, runs: int) -> tuple[float, float]:
    base = min(measure([*cmd, str(empty)])[1] for _ in range(runs))
    results = [measure([*cmd, str(path)]) for _ in range(runs)]
    seconds = statistics.median(r[0] for r in results)
    per_byte = (max(r[1] for r in results) - base) / path.stat().st_size
    print(f"  {name:<9} {seconds:7.2f} s  {per_byte:6.1f} B/byte")
    return seconds, per_byte


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=float, default=1.0, help="size of each text")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    size = int(args.mib * (1 << 20))
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp, "empty.md")
        empty.write_text("", encoding="utf-8")
        for name, text in (("Latin", latin(size)), ("Japanese", japanese(size))):
            path = Path(tmp, f"{name}.md")
            path.write_text(text, encoding="utf-8")
            print(f"{name}: {path.stat().st_size:,} bytes, {len(text):,} characters")
            _, floor = row("floor", [sys.executable, "-c", FLOOR], path, empty, args.runs)
            _, tokens = row("tokenize", [sys.executable, "-c", TOKENIZE], path, empty, args.runs)
            _, lint = row("lint", LINT, path, empty, args.runs)
            verdict = "met" if tokens <= TARGET else "NOT met"
            print(
                f"  tokenize: {tokens:.1f} B/byte (floor {floor:.1f}), target <= {TARGET}: {verdict};"
                f" a whole lint {lint:.1f} B/byte"
            )


if __name__ == "__main__":
    main()
