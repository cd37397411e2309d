"""Accuracy of sm-lint on the labelled evaluation set (../shared/eval/dev.jsonl).

Labels: a = prohibited content or obscene link, b = confidential, c = shortened URL,
d = untrusted link, e = personal information; `optional` labels count neither way.
The rows are split by their source item (the labelled item, the first part of `source`) on a
hash of it into a half rules are tuned on (`tune`) and a half that is only measured (`measure`):
a figure on rows read while tuning is not evidence that a rule generalises (issue 23).
For each half: precision and recall per label at warning level (findings >= warning) and error
level, the share of clean municipal articles with an error-level finding, and per-subset false
alarms; then the probe drafts of bench/probes/ (see bench/probes.py).
The data is read as inert text: no URL in it is ever opened.

    python bench/accuracy.py [--data PATH] [--show-misses LABEL]

`--show-misses` prints rows of the tune half only: never read the measure half while tuning.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from sm_lint.rules.model import severity_rank  # noqa: E402
from sm_lint.run.linter import Linter  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "dev.jsonl"
LABELS = {
    "prohibited": "a",
    "obscene-link": "a",
    "confidential": "b",
    "shortened-url": "c",
    "untrusted-link": "d",
    "personal-info": "e",
}
HALVES = ("tune", "measure")


def half_of(row) -> str:
    """The half a row belongs to, fixed by its source item so that every row made from the same
    comment, article, word or name lands in the same half."""
    item = row["source"].split(" + ")[0]
    return HALVES[hashlib.sha256(item.encode("utf-8")).digest()[0] % 2]


LEVELS = {"warning": severity_rank("warning"), "error": severity_rank("error")}


def labels_of(findings, level: int) -> set[str]:
    return {LABELS[f.category] for f in findings if f.category in LABELS and severity_rank(f.severity) >= level}


def score(rows, flagged):
    """flagged[i] = labels the linter gave row i. Returns {label: (tp, fp, fn)}."""
    counts = defaultdict(lambda: [0, 0, 0])
    for row, got in zip(rows, flagged, strict=True):
        expected, optional = set(row["expected"]), set(row["optional"])
        for label in "abcde":
            if label in expected:
                counts[label][0 if label in got else 2] += 1
            elif label in got and label not in optional:
                counts[label][1] += 1
    return counts


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  n/a"


def peer_table(rows, findings) -> None:
    """Label a side by side with textlint-rule-ja-no-inappropriate-words (the peer)."""
    import tempfile

    from textlint_peer import flagged_files, textlint

    command = textlint()
    if command is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, row in enumerate(rows):
            path = Path(tmp, f"row-{n:05d}.md")
            path.write_text(row["text"], encoding="utf-8")
            paths.append(path)
        flagged = flagged_files(command, paths)
        peer = [{"a"} if str(p.resolve()) in flagged else set() for p in paths]
    ours_w = score(rows, [labels_of(f, LEVELS["warning"]) & {"a"} for f in findings])["a"]
    ours_e = score(rows, [labels_of(f, LEVELS["error"]) & {"a"} for f in findings])["a"]
    theirs = score(rows, peer)["a"]
    print("\nlabel a (prohibited content or obscene link), side by side:")
    for name, (tp, fp, fn) in (
        ("sm-lint (warning)", ours_w),
        ("sm-lint (error)", ours_e),
        ("textlint ja-no-inappropriate-words", theirs),
    ):
        print(
            f"  {name:<36}TP {tp:>3}  FP {fp:>3}  FN {fn:>3}  "
            f"precision {ratio(tp, tp + fp)}  recall {ratio(tp, tp + fn)}"
        )
    clean = [i for i, r in enumerate(rows) if r["subset"] == "bulletin_clean"]
    print(f"  clean municipal articles flagged by textlint: {sum(bool(peer[i]) for i in clean)} / {len(clean)}")


def report(rows, findings, title: str) -> None:
    print(f"\n== {title}: {len(rows)} rows")
    print(f"{'label':<6}{'level':<9}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}")
    for level_name, level in LEVELS.items():
        counts = score(rows, [labels_of(f, level) for f in findings])
        for label in "abcde":
            tp, fp, fn = counts[label]
            print(f"{label:<6}{level_name:<9}{tp:>5}{fp:>5}{fn:>5}{ratio(tp, tp + fp):>11}{ratio(tp, tp + fn):>8}")

    clean = [(r, f) for r, f in zip(rows, findings, strict=True) if r["subset"] == "bulletin_clean"]
    with_error = sum(any(x.severity == "error" for x in f) for _, f in clean)
    with_any = sum(bool(f) for _, f in clean)
    print(
        f"clean municipal articles (bulletin_clean): {len(clean)}; "
        f"with an error: {with_error} ({ratio(with_error, len(clean))}); "
        f"with any finding: {with_any} ({ratio(with_any, len(clean))})"
    )

    print("rows with a false alarm (at warning level), by subset:")
    per_subset: Counter = Counter()
    totals: Counter = Counter(r["subset"] for r in rows)
    for row, f in zip(rows, findings, strict=True):
        wrong = labels_of(f, LEVELS["warning"]) - set(row["expected"]) - set(row["optional"])
        if wrong:
            per_subset[row["subset"]] += 1
    for subset, total in sorted(totals.items()):
        print(f"  {subset:<38}{per_subset[subset]:>4} / {total}")


def main() -> int:
    from probes import PROBES
    from probes import report as probe_report

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--show-misses", metavar="LABEL", help="print tune-half rows missed / falsely flagged for a label"
    )
    parser.add_argument("--no-peer", action="store_true", help="skip the textlint comparison")
    args = parser.parse_args()
    linter = Linter()
    if args.data.is_file():
        rows = [json.loads(line) for line in args.data.open(encoding="utf-8")]
        findings = [linter.lint_text(row["text"], path=row["id"]) for row in rows]
        print(f"{len(rows)} rows from {args.data}")
        for half in HALVES:
            chosen = [n for n, row in enumerate(rows) if half_of(row) == half]
            report([rows[n] for n in chosen], [findings[n] for n in chosen], f"{half} half")
        if not args.no_peer:
            peer_table(rows, findings)
        if args.show_misses:
            show_misses(rows, findings, args.show_misses)
    else:
        print(f"evaluation data not found: {args.data} (skipped)")
    for round_dir in sorted(p for p in PROBES.iterdir() if p.is_dir()):
        probe_report(linter, round_dir.name)
    return 0


def show_misses(rows, findings, label: str) -> None:
    for row, f in zip(rows, findings, strict=True):
        if half_of(row) != "tune":
            continue
        got = labels_of(f, LEVELS["warning"])
        if label in row["expected"] and label not in got:
            print("MISS", row["id"], row["text"][:100].replace("\n", " "))
        elif label in got and label not in row["expected"] and label not in row["optional"]:
            hits = [(x.rule, x.match) for x in f if LABELS.get(x.category) == label]
            print("FALSE", row["id"], hits, row["text"][:100].replace("\n", " "))


if __name__ == "__main__":
    sys.exit(main())
