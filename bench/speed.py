"""Speed and memory of sm-lint next to floors measured in the same run.

    python bench/speed.py [--runs N] [--drafts N]

Prints median wall time and peak RSS (of the child process and its workers) for:
- cold start: `sm-lint` on one short clean draft, next to the floor
  `python -c "import fugashi; fugashi.Tagger()('テスト')"` (the dictionary load any run pays),
  and on a typical draft (front matter, a phone number, a link);
- throughput: a directory of synthetic drafts, next to the floor of tokenizing the same
  text with fugashi in one process, with `-j 1` and `-j 2`; both again on a tenth of the
  drafts, which splits a run into what each draft costs and what the run pays once;
- the peer (textlint with ja-no-inappropriate-words) and scale (10x the drafts, one large draft);
then each target of issue 7, met or not.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from corpus import write_corpus  # noqa: E402

# Installed packages run from bytecode (pip compiles it at install time); this machine sets
# PYTHONDONTWRITEBYTECODE, which would make every run compile sm-lint's sources afresh.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(ROOT)}
FLOOR_TAGGER = (
    "import os, fugashi, unidic_lite; d = unidic_lite.DICDIR;"
    "fugashi.Tagger(f'-r \"{os.path.join(d, \"mecabrc\")}\" -d \"{d}\"')('テスト')"
)


class Measure:
    """Wall and CPU seconds (medians) and peak RSS of one command over several runs."""

    def __init__(self, cmd: list[str]):
        self.cmd, self.wall, self.cpu, self.rss = cmd, [], [], 0.0

    def run_once(self) -> None:
        start = time.perf_counter()
        child = subprocess.Popen(self.cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(child.pid, 0)  # this child's own usage; ru_maxrss in KiB
        child.returncode = 0  # reaped by wait4
        self.wall.append(time.perf_counter() - start)
        self.cpu.append(usage.ru_utime + usage.ru_stime)
        self.rss = max(self.rss, usage.ru_maxrss / 1024)

    @property
    def median_wall(self) -> float:
        return statistics.median(self.wall)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


def measure(commands: list[list[str]], runs: int) -> list[Measure]:
    """Run the commands in turn, `runs` rounds, so that a noisy moment hits them alike."""
    measures = [Measure(cmd) for cmd in commands]
    for _ in range(runs):
        for m in measures:
            m.run_once()
    return measures


def tokenize_floor_cmd(paths: list[Path]) -> list[str]:
    script = (
        "import sys, os, fugashi, unidic_lite; d = unidic_lite.DICDIR;"
        "t = fugashi.Tagger(f'-r \"{os.path.join(d, \"mecabrc\")}\" -d \"{d}\"');"
        "[[(n.surface, n.feature.lemma, n.feature.pos1) for line in open(p, encoding='utf-8') for n in t(line)]"
        " for p in sys.argv[1:]]"
    )
    return [sys.executable, "-c", script, *map(str, paths)]


def row(label: str, m: Measure, floor: Measure | None = None) -> None:
    ratio = f"{m.median_wall / floor.median_wall:5.2f}x" if floor else ""
    cpu_ratio = f"{m.median_cpu / floor.median_cpu:5.2f}x" if floor else ""
    print(f"{label:<50}{m.median_wall * 1000:8.1f} ms {ratio:>6}  {m.median_cpu * 1000:8.1f} ms {cpu_ratio:>6}  {m.rss:6.1f} MB")


TARGETS: list[tuple[str, str, bool]] = []  # (target, measured, met), printed at the end


def target(name: str, measured: str, met: bool) -> None:
    TARGETS.append((name, measured, met))


def scale(tmp: Path, sm_lint: list[str], base_count: int, base: Measure) -> None:
    """Cost must grow linearly: 10x the drafts, and one draft of about 1 MB."""
    paths = write_corpus(tmp / "drafts10k", base_count * 10)
    [big] = measure([[*sm_lint, "--format", "json", "-j", "1", str(tmp / "drafts10k")]], 1)
    row(f"sm-lint on {len(paths):,} drafts", big)
    growth = big.median_wall / base.median_wall
    print(f"  {growth:.1f}x the time of {base_count:,} drafts (linear: 10x)")
    target("10x the drafts: at most 10x the time", f"{growth:.1f}x", growth <= 10.5)
    text = "".join(p.read_text(encoding="utf-8").split("---\n", 2)[-1] for p in paths)
    one_mb = tmp / "one-megabyte.md"
    one_mb.write_text(text[: 1_000_000 // 3], encoding="utf-8")  # ~3 bytes per character
    half = tmp / "half-megabyte.md"
    half.write_text(text[: 500_000 // 3], encoding="utf-8")
    small, large = measure([[*sm_lint, "--format", "json", str(half)], [*sm_lint, "--format", "json", str(one_mb)]], 3)
    row(f"one draft of {half.stat().st_size / 1e6:.1f} MB", small)
    row(f"one draft of {one_mb.stat().st_size / 1e6:.1f} MB", large, small)
    growth = large.median_wall / small.median_wall
    target("a draft twice as large: at most twice the time", f"{growth:.2f}x", growth <= 2.1)
    target("peak memory under 200 MB", f"{max(big.rss, large.rss):.0f} MB", max(big.rss, large.rss) < 200)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--no-peer", action="store_true", help="skip textlint")
    parser.add_argument("--no-scale", action="store_true", help="skip 10,000 drafts and the 1 MB draft")
    args = parser.parse_args()
    sm_lint = [sys.executable, "-m", "sm_lint"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one = tmp / "one.md"
        one.write_text("【お知らせ】高田城址公園で観桜会を開きます。\n", encoding="utf-8")
        # A typical draft pays for what a clean line does not: YAML, phone numbers, links.
        typical = tmp / "typical.md"
        typical.write_text("---\nplatform: x\nscheduled_at: 2026-12-01T10:00:00+09:00\napproved_by: 広報対話課長\n---\n"
                           "除雪の情報です。問い合わせ：道路課 025-526-5111\n"
                           "https://www.city.joetsu.niigata.jp/site/bousai/ #上越市\n", encoding="utf-8")
        paths = write_corpus(tmp / "drafts", args.drafts)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)

        print(f"medians of {args.runs} interleaved runs; ratios to the floor above; peak RSS")
        print(f"{'':<50}{'wall':>11} {'ratio':>6}  {'cpu':>11} {'ratio':>6}  {'memory':>9}")
        subprocess.run([*sm_lint, str(one)], env=ENV, capture_output=True)  # rule cache and bytecode
        floor, cold, cold_typical = measure([[sys.executable, "-c", FLOOR_TAGGER], [*sm_lint, str(one)],
                                             [*sm_lint, str(typical)]], args.runs)
        row("floor: import fugashi + Tagger + one call", floor)
        row("cold start: sm-lint one short clean draft", cold, floor)
        row("cold start: a typical draft (YAML, phone, link)", cold_typical, floor)
        ratio = cold.median_wall / floor.median_wall
        target("cold start at most 2.5x the floor", f"{ratio:.2f}x", ratio <= 2.5)

        runs = max(3, args.runs // 2)
        drafts = str(tmp / "drafts")
        # A tenth of the drafts as well: the difference is the cost of a draft, without the
        # start-up and warm-up that a run pays once.
        tenth = tmp / "tenth"
        tenth.mkdir()
        for path in paths[: len(paths) // 10]:
            shutil.copy(path, tenth / path.name)
        tok, whole, two, tok_tenth, whole_tenth = measure(
            [tokenize_floor_cmd(paths), [*sm_lint, "--format", "json", "-j", "1", drafts],
             [*sm_lint, "--format", "json", "-j", "2", drafts],
             tokenize_floor_cmd(sorted(tenth.iterdir())), [*sm_lint, "--format", "json", "-j", "1", str(tenth)]], runs)
        row(f"floor: tokenize {args.drafts} drafts ({chars:,} ch)", tok)
        row(f"sm-lint -j 1 on {args.drafts} drafts", whole, tok)
        row(f"sm-lint -j 2 on {args.drafts} drafts", two, tok)
        speedup = whole.median_wall / two.median_wall
        print(f"-j 2 is {speedup:.2f}x faster than -j 1 ({os.cpu_count()} CPUs)")
        more = len(paths) - len(paths) // 10
        floor_each = (tok.median_wall - tok_tenth.median_wall) / more
        ours_each = (whole.median_wall - whole_tenth.median_wall) / more
        print(f"a draft costs {ours_each * 1e6:.0f} µs in -j 1, the floor {floor_each * 1e6:.0f} µs "
              f"({ours_each / floor_each:.2f}x); once a run: {(whole.median_wall - ours_each * len(paths)) * 1000:.0f} ms, "
              f"the floor {(tok.median_wall - floor_each * len(paths)) * 1000:.0f} ms")
        ratio = whole.median_wall / tok.median_wall
        target("-j 1 at most 1.5x the tokenize floor", f"{ratio:.2f}x", ratio <= 1.5)
        target("-j 2 at least 1.6x faster than -j 1", f"{speedup:.2f}x", speedup >= 1.6)
        rss = max(whole.rss, two.rss)
        target(f"peak memory under 200 MB ({args.drafts} drafts)", f"{rss:.0f} MB", rss < 200)
        print(f"throughput -j 1: {args.drafts / whole.median_wall:,.0f} drafts/s, {chars / whole.median_wall:,.0f} chars/s")

        if not args.no_peer:
            from textlint_peer import textlint

            command = textlint()
            if command is not None:
                peer, ours = measure([[*command, drafts], [*sm_lint, "--format", "json", drafts]], 3)
                row(f"peer: textlint one rule, {args.drafts} drafts", peer)
                row(f"sm-lint, all rules, {args.drafts} drafts", ours, peer)
                faster = peer.median_wall / ours.median_wall
                print(f"sm-lint is {faster:.1f}x faster than the peer")
                target("at least 10x faster than the textlint rule", f"{faster:.1f}x", faster >= 10)

        if not args.no_scale:
            scale(tmp, sm_lint, args.drafts, whole)
    print("\ntargets (issue 7)")
    for name, measured, met in TARGETS:
        print(f"  {'met    ' if met else 'NOT met'}  {name:<50} {measured}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
