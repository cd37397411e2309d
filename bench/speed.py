"""Speed and memory of sm-lint next to floors measured in the same run (issue 25).

    python bench/speed.py [--runs N] [--drafts N] [--no-peer] [--no-scale]
    python bench/speed.py --instructions   # cold start only, as instruction counts (valgrind)
    python bench/speed.py --throughput-instructions   # -j 1 on the drafts, the same way

Every command runs in turn with the others, `runs` rounds (interleaved, so that a busy moment
hits all alike); each row shows medians of wall time and of CPU time (user + system of the
child and its workers: what a loaded machine changes least) and peak RSS, with the ratio to
the floor above it. The load average is printed at the start and the end: on a machine busy
with other work, wall times mean little and CPU times grow too (shared caches).
- cold start: `sm-lint` (default output) on a typical draft (front matter, a phone number,
  a link) and on a clean plain-text draft, next to the floor
  `python -c "import fugashi; fugashi.Tagger().parse('テスト')"` (the dictionary load any run pays);
- rendering: the findings of the drafts below rendered by the default output and by JSON,
  CPU time, interleaved, in a child process (linting 1,000 drafts here would grow this
  process, and a child's peak RSS counts its parent's at the fork);
- throughput: a directory of synthetic drafts with `-j 1` and the default `-j`, next to a bare
  fugashi pass that reads surface, lemma and POS of every token in one process;
- the peer: textlint with ja-no-inappropriate-words and with the ja-technical-writing preset,
  where a textlint is on PATH (bench/textlint_peer.py: it is in neither Debian nor PyPI, so
  it is printed as unavailable here), and
- scale: one draft of 10 MB against one of 1 MB, with peak memory per input byte;
then each target of issue 25, met or not, judged on CPU time.

`--instructions` measures the cold start alone as instructions executed (valgrind's
callgrind, one run each: the count hardly depends on the load, unlike any time), with stdout
a pipe and, where `script` exists, a terminal; Python's hash seed is fixed for the count.
`--throughput-instructions` counts `-j 1` on the drafts (JSON output) next to the fugashi pass
the same way (a few minutes under valgrind).
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
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
FLOOR_TAGGER = "import fugashi; fugashi.Tagger().parse('テスト')"


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
        't = fugashi.Tagger(f\'-r "{os.path.join(d, "mecabrc")}" -d "{d}"\');'
        "[[(n.surface, n.feature.lemma, n.feature.pos1) for line in open(p, encoding='utf-8') for n in t(line)]"
        " for p in sys.argv[1:]]"
    )
    return [sys.executable, "-c", script, *map(str, paths)]


def row(label: str, m: Measure, floor: Measure | None = None) -> None:
    ratio = f"{m.median_wall / floor.median_wall:5.2f}x" if floor else ""
    cpu_ratio = f"{m.median_cpu / floor.median_cpu:5.2f}x" if floor else ""
    print(
        f"{label:<52}{m.median_wall * 1000:8.1f} ms {ratio:>6}  "
        f"{m.median_cpu * 1000:8.1f} ms {cpu_ratio:>6}  {m.rss:6.1f} MB"
    )


TARGETS: list[tuple[str, str, bool]] = []  # (target, measured, met), printed at the end


def target(name: str, measured: str, met: bool) -> None:
    TARGETS.append((name, measured, met))


def instructions(cmd: list[str], terminal: bool = False) -> int:
    """Instructions `cmd` executes (callgrind's total), stdout a pipe or a terminal (`script`)."""
    env = ENV | {"PYTHONHASHSEED": "0"}
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "callgrind.log"
        grind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", f"--log-file={log}", *cmd]
        if terminal:
            grind = ["script", "-qec", shlex.join(grind), "/dev/null"]
        subprocess.run(grind, env=env, capture_output=True, check=False)
        found = re.search(r"Collected : (\d+)", log.read_text(encoding="utf-8", errors="replace"))
    if not found:
        raise SystemExit(f"no instruction count from valgrind for {shlex.join(cmd)}")
    return int(found.group(1))


def cold_instructions(sm_lint: list[str], typical: Path, plain: Path) -> None:
    """The cold start in instructions, each next to the floor counted in the same run."""
    if not shutil.which("valgrind"):
        print("--instructions: valgrind is not installed here")
        return
    floor = instructions([sys.executable, "-c", FLOOR_TAGGER])
    label = "floor: import fugashi; Tagger().parse('テスト')"
    print(f"{label:<52}{floor / 1e6:10.1f} M instructions")
    ways = [False, True] if shutil.which("script") else [False]
    for label, draft, most in (("a typical draft", typical, 3), ("a clean plain-text draft", plain, 2)):
        for terminal in ways:
            count = instructions([*sm_lint, str(draft)], terminal)
            where = "terminal" if terminal else "pipe"
            print(f"{f'cold start: {label}, stdout a {where}':<52}{count / 1e6:10.1f} M {count / floor:6.2f}x")
            target(
                f"cold start, {label} ({where}), at most {most}x (instructions)",
                f"{count / floor:.2f}x",
                count <= most * floor,
            )


def throughput_instructions(sm_lint: list[str], paths: list[Path], drafts: Path) -> None:
    """`-j 1` on the drafts in instructions, next to the fugashi pass counted in the same run."""
    if not shutil.which("valgrind"):
        print("--throughput-instructions: valgrind is not installed here")
        return
    floor = instructions(tokenize_floor_cmd(paths))
    print(f"{f'floor: fugashi on {len(paths)} drafts':<52}{floor / 1e9:10.3f} G instructions")
    count = instructions([*sm_lint, "--format", "json", "-j", "1", str(drafts)])
    print(f"{f'sm-lint -j 1 on {len(paths)} drafts':<52}{count / 1e9:10.3f} G {count / floor:6.2f}x")
    target("-j 1 at most 1.5x the fugashi pass (instructions)", f"{count / floor:.2f}x", count <= 1.5 * floor)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def render_times(folder: Path, runs: int) -> None:
    """In the child (`--render-only FOLDER`): lint the folder once, then time rendering its
    findings as JSON and in the default output, interleaved; print `count json full`."""
    sys.path.insert(0, str(ROOT))
    from sm_lint.io.inputs import Reader, expand
    from sm_lint.report import ReportContext, render
    from sm_lint.run.linter import Linter

    linter = Linter()
    result = linter.lint_sources(list(expand([str(folder)], "-")), read=Reader())
    times: dict[str, list[float]] = {"json": [], "full": []}
    with open(os.devnull, "w", encoding="utf-8") as devnull:
        ctx = ReportContext(
            checked=result.checked, source_lines=result.drafts, stream=devnull, rules=linter.packs.by_id()
        )
        for _ in range(max(5, runs)):
            for fmt, spent in times.items():
                start = time.process_time()
                render(fmt, result.findings, ctx)
                spent.append(time.process_time() - start)
    print(len(result.findings), statistics.median(times["json"]), statistics.median(times["full"]))


def rendering(folder: Path, runs: int) -> None:
    """The default output against JSON on the same findings (CPU time): what the output
    costs, without the linting both pay alike."""
    done = subprocess.run(
        [sys.executable, __file__, "--render-only", str(folder), "--runs", str(runs)],
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    count, json_cpu, full_cpu = done.stdout.split()
    json_cpu, full_cpu = float(json_cpu), float(full_cpu)
    print(f"{'render ' + format(int(count), ',') + ' findings: JSON (floor)':<52}{'':>19}{json_cpu * 1000:8.1f} ms")
    print(
        f"{'render the same: default output (no terminal)':<52}{'':>19}"
        f"{full_cpu * 1000:8.1f} ms {full_cpu / json_cpu:5.2f}x"
    )
    target("default output at most 1.3x JSON (render, CPU)", f"{full_cpu / json_cpu:.2f}x", full_cpu / json_cpu <= 1.3)


def scale(tmp: Path, sm_lint: list[str], paths: list[Path], runs: int) -> None:
    """Time linear in draft size: one draft of 10 MB against one of 1 MB; memory per byte."""
    body = "".join(p.read_text(encoding="utf-8").split("---\n", 2)[-1] for p in paths).encode("utf-8")
    sizes = {}
    for name, size in (("one-megabyte.md", 1_000_000), ("ten-megabytes.md", 10_000_000)):
        data = (body * (size // len(body) + 1))[:size].decode("utf-8", "ignore")  # a character cut in two: dropped
        (tmp / name).write_text(data, encoding="utf-8")
        sizes[name] = (tmp / name).stat().st_size
    limit = ["--max-draft-size", "20MB", "--format", "json"]
    small, large = measure(
        [[*sm_lint, *limit, str(tmp / "one-megabyte.md")], [*sm_lint, *limit, str(tmp / "ten-megabytes.md")]],
        max(1, runs // 3),
    )
    row(f"one draft of {sizes['one-megabyte.md'] / 1e6:.1f} MB", small)
    row(f"one draft of {sizes['ten-megabytes.md'] / 1e6:.1f} MB", large, small)
    growth = large.median_cpu / small.median_cpu
    target("10 MB draft within 10.5x of 1 MB (CPU)", f"{growth:.2f}x", growth <= 10.5)
    per_byte = large.rss * 1024 * 1024 / sizes["ten-megabytes.md"]
    print(f"peak memory on the 10 MB draft: {large.rss:.0f} MB = {per_byte:.0f} bytes per input byte")
    target("peak memory at most 30 bytes per input byte (10 MB)", f"{per_byte:.0f}", per_byte <= 30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--no-peer", action="store_true", help="skip textlint")
    parser.add_argument("--no-scale", action="store_true", help="skip the 1 MB and 10 MB drafts")
    parser.add_argument("--instructions", action="store_true", help="the cold start only, in instructions (valgrind)")
    parser.add_argument(
        "--throughput-instructions", action="store_true", help="-j 1 on the drafts only, in instructions (valgrind)"
    )
    parser.add_argument("--render-only", type=Path, help=argparse.SUPPRESS)  # the child of rendering()
    args = parser.parse_args()
    if args.render_only:
        render_times(args.render_only, args.runs)
        return 0
    sm_lint = [sys.executable, "-m", "sm_lint"]
    print(time.strftime("%Y-%m-%d %H:%M %Z"), load())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one = tmp / "one.txt"
        one.write_text("【お知らせ】高田城址公園で観桜会を開きます。\n", encoding="utf-8")
        # A typical draft pays for what a clean line does not: YAML, phone numbers, links.
        typical = tmp / "typical.md"
        typical.write_text(
            "---\nplatform: x\nscheduled_at: 2026-12-01T10:00:00+09:00\napproved_by: 広報対話課長\n---\n"
            "除雪の情報です。問い合わせ：道路課 025-526-5111\n"
            "https://www.city.joetsu.niigata.jp/site/bousai/ #上越市\n",
            encoding="utf-8",
        )
        for warm in (one, typical):  # the rule cache and bytecode, as any run after the first
            subprocess.run([*sm_lint, str(warm)], env=ENV, capture_output=True)
        if args.instructions:
            cold_instructions(sm_lint, typical, one)
            return _targets()
        paths = write_corpus(tmp / "drafts", args.drafts)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
        if args.throughput_instructions:
            throughput_instructions(sm_lint, paths, tmp / "drafts")
            return _targets()

        print(f"medians of {args.runs} interleaved runs; ratios to the floor above; peak RSS")
        print(f"{'':<52}{'wall':>11} {'ratio':>6}  {'cpu':>11} {'ratio':>6}  {'memory':>9}")
        floor, cold_typical, cold = measure(
            [[sys.executable, "-c", FLOOR_TAGGER], [*sm_lint, str(typical)], [*sm_lint, str(one)]], args.runs
        )
        row("floor: import fugashi; Tagger().parse('テスト')", floor)
        row("cold start: a typical draft (front matter etc.)", cold_typical, floor)
        row("cold start: a clean plain-text draft", cold, floor)
        ratio = cold_typical.median_cpu / floor.median_cpu
        target("cold start, typical draft, at most 3x the floor", f"{ratio:.2f}x", ratio <= 3)
        ratio = cold.median_cpu / floor.median_cpu
        target("cold start, clean plain draft, at most 2x the floor", f"{ratio:.2f}x", ratio <= 2)

        rendering(tmp / "drafts", args.runs)

        runs = max(3, args.runs // 2)
        drafts = str(tmp / "drafts")
        tok, whole, auto = measure(
            [
                tokenize_floor_cmd(paths),
                [*sm_lint, "--format", "json", "-j", "1", drafts],
                [*sm_lint, "--format", "json", drafts],
            ],
            runs,
        )
        row(f"floor: fugashi on {args.drafts} drafts ({chars:,} ch)", tok)
        row(f"sm-lint -j 1 on {args.drafts} drafts", whole, tok)
        row(f"sm-lint default -j on {args.drafts} drafts", auto, tok)
        ratio = whole.median_cpu / tok.median_cpu
        target("-j 1 at most 1.5x the fugashi pass (CPU)", f"{ratio:.2f}x", ratio <= 1.5)
        slower = auto.median_wall / whole.median_wall
        target("default -j no slower than -j 1 (wall)", f"{slower:.2f}x", slower <= 1.05)
        print(
            f"throughput -j 1: {args.drafts / whole.median_wall:,.0f} drafts/s, "
            f"{chars / whole.median_wall:,.0f} chars/s"
        )

        if not args.no_peer:
            from textlint_peer import SETUPS, textlint

            for setup in SETUPS:
                command = textlint(setup)
                if command is not None:
                    peer, ours = measure([[*command, drafts], [*sm_lint, "--format", "json", drafts]], 3)
                    row(f"peer: textlint {setup}, {args.drafts} drafts", peer)
                    row(f"sm-lint, all rules, {args.drafts} drafts", ours, peer)
                    print(f"sm-lint takes {ours.median_cpu / peer.median_cpu:.2f}x the CPU time of textlint {setup}")

        if not args.no_scale:
            scale(tmp, sm_lint, paths, args.runs)
    return _targets()


def _targets() -> int:
    print(f"\n{load()}")
    print("targets (issue 25, on CPU time unless said)")
    for name, measured, met in TARGETS:
        print(f"  {'met    ' if met else 'NOT met'}  {name:<52} {measured}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
