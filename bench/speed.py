"""Speed and memory of sm-lint next to floors measured in the same run.

    python bench/speed.py [--runs N] [--drafts N]

Prints median wall time and peak RSS (of the child process) for:
- cold start: `sm-lint` on one short clean draft, next to the floor
  `python -c "import fugashi; fugashi.Tagger()('テスト')"` (the dictionary load any run pays);
- throughput: a directory of synthetic drafts, next to the floor of tokenizing the same
  text with fugashi in one process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from corpus import write_corpus  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
FLOOR_TAGGER = (
    "import os, fugashi, unidic_lite; d = unidic_lite.DICDIR;"
    "fugashi.Tagger(f'-r \"{os.path.join(d, \"mecabrc\")}\" -d \"{d}\"')('テスト')"
)


def timed(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MB) of a command over `runs` runs."""
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(child.pid, 0)  # this child's own peak RSS, in KiB on Linux
        times.append(time.perf_counter() - start)
        child.returncode = 0  # reaped by wait4
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(times), max(peaks)


def tokenize_floor(paths: list[Path], runs: int) -> float:
    script = (
        "import sys, os, fugashi, unidic_lite; d = unidic_lite.DICDIR;"
        "t = fugashi.Tagger(f'-r \"{os.path.join(d, \"mecabrc\")}\" -d \"{d}\"');"
        "[[(n.surface, n.feature.lemma, n.feature.pos1) for line in open(p, encoding='utf-8') for n in t(line)]"
        " for p in sys.argv[1:]]"
    )
    return timed([sys.executable, "-c", script, *map(str, paths)], runs)[0]


def row(label: str, seconds: float, floor: float | None = None, rss: float | None = None) -> None:
    ratio = f"{seconds / floor:6.2f}x floor" if floor else ""
    memory = f"{rss:7.1f} MB" if rss is not None else ""
    print(f"{label:<46}{seconds * 1000:9.1f} ms  {ratio:<14}{memory}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--drafts", type=int, default=1000)
    args = parser.parse_args()
    sm_lint = [sys.executable, "-m", "sm_lint"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one = tmp / "one.md"
        one.write_text("【お知らせ】高田城址公園で観桜会を開きます。\n", encoding="utf-8")
        paths = write_corpus(tmp / "drafts", args.drafts)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)

        print(f"median of {args.runs} runs; peak RSS of the child process")
        floor, floor_rss = timed([sys.executable, "-c", FLOOR_TAGGER], args.runs)
        row("floor: import fugashi + Tagger + one call", floor, None, floor_rss)
        cold, cold_rss = timed([*sm_lint, str(one)], args.runs)
        row("cold start: sm-lint one short clean draft", cold, floor, cold_rss)

        runs = max(3, args.runs // 2)
        tok = tokenize_floor(paths, runs)
        row(f"floor: tokenize {args.drafts} drafts ({chars:,} chars)", tok, None)
        whole, whole_rss = timed([*sm_lint, "--format", "json", str(tmp / "drafts")], runs)
        row(f"sm-lint on {args.drafts} drafts", whole, tok, whole_rss)
        print(f"throughput: {args.drafts / whole:,.0f} drafts/s, {chars / whole:,.0f} chars/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
