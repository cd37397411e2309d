"""Accuracy of the link rules on the labelled evaluation set (../shared/eval/dev.jsonl).

Only the link rules run: shortened-url → label c, untrusted-link → d, obscene-link → a (its
recall is measured on the adult-link rows, the only `a` rows that are about links). `optional`
labels count neither way. Also prints false alarms on official municipal URLs and on every
clean row, and how many shortener-list hosts are caught in a sentence.
The data is read as inert text: no URL in it is ever opened, resolved or fetched.

    python bench/links_accuracy.py [--data PATH] [--show LABEL]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sm_lint.checks.links.hostlists import bundled_list  # noqa: E402
from sm_lint.rules.loader import load_rules  # noqa: E402
from sm_lint.rules.model import severity_rank  # noqa: E402
from sm_lint.run.linter import Linter  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "dev.jsonl"
LABELS = {"shortened-url": "c", "untrusted-link": "d", "obscene-link": "a"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", metavar="LABEL", help="print the rows missed or falsely flagged for c, d or a")
    args = parser.parse_args()
    rules = [r for r in load_rules() if r.category in LABELS]
    linter = Linter(rules=rules)

    if args.data.is_file():
        rows = [json.loads(line) for line in args.data.open(encoding="utf-8")]
        started = time.perf_counter()
        findings = [linter.lint_text(row["text"], path=row["id"]) for row in rows]
        elapsed = time.perf_counter() - started
        print(f"{len(rows)} rows from {args.data} in {elapsed:.2f} s")
        print(f"{'label':<6}{'level':<9}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}")
        for level in ("warning", "error"):
            for label in "cda":
                tp = fp = fn = 0
                for row, found in zip(rows, findings, strict=True):
                    got = any(
                        LABELS[f.category] == label and severity_rank(f.severity) >= severity_rank(level) for f in found
                    )
                    expected = label in row["expected"] and (label != "a" or row["subset"] == "ut1_adult_link")
                    if expected:
                        tp, fn = tp + got, fn + (not got)
                    elif got and label not in row["optional"] and label not in row["expected"]:
                        fp += 1
                precision = f"{tp / (tp + fp):.3f}" if tp + fp else "  n/a"
                recall = f"{tp / (tp + fn):.3f}" if tp + fn else "  n/a"
                print(f"{label:<6}{level:<9}{tp:>5}{fp:>5}{fn:>5}{precision:>11}{recall:>8}")
        official = [
            (r, f)
            for r, f in zip(rows, findings, strict=True)
            if r["subset"] == "official_municipal_link" or "official_url" in r.get("tags", ())
        ]
        print(
            f"\nofficial municipal URLs: {len(official)} rows; with a link finding: "
            f"{sum(bool(f) for _, f in official)} (warning or worse), "
            f"{sum(any(x.severity == 'error' for x in f) for _, f in official)} (error)"
        )
        clean = [(r, f) for r, f in zip(rows, findings, strict=True) if not r["expected"] and not r["optional"]]
        print(f"clean rows: {len(clean)}; with a link finding: {sum(bool(f) for _, f in clean)}")
        if args.show:
            for row, found in zip(rows, findings, strict=True):
                got = [(f.rule, f.match) for f in found if LABELS[f.category] == args.show]
                expected = args.show in row["expected"] and (args.show != "a" or row["subset"] == "ut1_adult_link")
                if expected != bool(got) and args.show not in row["optional"]:
                    print("MISS " if not got else "FALSE", row["id"], got, row["text"][-90:].replace("\n", " "))
    else:
        print(f"evaluation data not found: {args.data} (skipped)")

    hosts = list(bundled_list("shorteners.txt").hosts)
    caught = sum(
        any(f.rule == "JP-L101" for f in linter.lint_text(f"申込みは https://{h}/AbC12xY から。")) for h in hosts
    )
    print(f"\nshortener list: {caught} / {len(hosts)} hosts caught in a sentence")
    return 0


if __name__ == "__main__":
    sys.exit(main())
