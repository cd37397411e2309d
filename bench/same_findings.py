"""Every finding one tree of sm-lint gives on the benchmark drafts (bench/corpus.py), the
labelled texts of ../shared/eval/dev.jsonl and every round of probe drafts (bench/probes/),
one line per draft, so that two trees can be compared: a change made for speed must find
exactly what the code before it found.

    python <tree>/bench/same_findings.py OUT [--gate never|always|needs|default] [--eval dev.jsonl]
    cmp OUT-of-main OUT-of-the-change

Each run lints with the tree the script is in (a checkout of main: `git worktree add`, and the
script copied there if main has none).
`--gate` sets when the engine's gate (sm_lint/rules/gate.py) starts skipping searches: `never`
on the tree before the change and `always` after it compares every search it skips with the
search itself, on every draft; `needs` never builds the gate, and skips only what the rule
cache's needs skip before it (sm_lint/rules/deferred.py), on every draft.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from corpus import write_corpus  # noqa: E402
from probes import PROBES, load  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def texts(drafts: int, eval_path: Path):
    """(name, text, config mapping or None) of every draft compared."""
    with tempfile.TemporaryDirectory() as tmp:
        for path in write_corpus(Path(tmp), drafts):
            yield f"bench/{path.name}", path.read_text(encoding="utf-8"), None
    if eval_path.exists():
        for line in eval_path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            yield row["id"], row["text"], None
    for round_dir in sorted(p for p in PROBES.iterdir() if p.is_dir()):
        for n, (kind, _, expect, text, config) in enumerate(load(round_dir.name)):
            yield f"{round_dir.name}/{kind}/{expect}/{n}", text, config


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--gate", choices=("never", "always", "needs", "default"), default="default")
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--eval", type=Path, default=EVAL, help="the labelled texts (JSON lines with `text`)")
    args = parser.parse_args()
    from sm_lint.rules import engine
    from sm_lint.rules.sections import parse_config
    from sm_lint.run.linter import Linter

    if args.gate != "default":
        engine.GATE_FROM = 0 if args.gate == "always" else 10**12
        engine.NEEDS = args.gate == "needs"  # never: no rule skipped, not even before the gate
    linter = Linter()
    count = found = 0
    with args.out.open("w", encoding="utf-8") as out:
        for name, text, config in texts(args.drafts, args.eval):
            findings = linter.lint_text(
                text, path="draft.md", config=parse_config(config, "<probe>") if config else None
            )
            out.write(json.dumps([name, [list(f) for f in findings]], ensure_ascii=False, default=str) + "\n")
            count, found = count + 1, found + len(findings)
    print(f"{count} drafts, {found} findings -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
