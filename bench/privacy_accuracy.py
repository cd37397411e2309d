"""Precision and recall of category e (personal information) on the labelled eval data.

    python bench/privacy_accuracy.py [/work/shared/eval/dev.jsonl]

A row counts as flagged at a level when a personal-info or portrait-consent finding reaches
that severity. Prints only counts and rates, never row text (the data holds random phone
numbers that may be real). Reads the file only; nothing here touches the network.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout, uninstalled

from sm_lint.rules.loader import load_rules  # noqa: E402
from sm_lint.rules.model import severity_rank  # noqa: E402
from sm_lint.runner import Linter  # noqa: E402

DEFAULT = Path("/work/shared/eval/dev.jsonl")
CATEGORIES = {"personal-info", "portrait-consent"}
LEVELS = ("warning", "error")


def main(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rules = [r for r in load_rules() if r.category in CATEGORIES]
    linter = Linter(rules=rules)
    started = time.perf_counter()
    top: list[int] = []  # highest severity rank of an e finding per row, -1 for none
    for row in rows:
        findings = linter.lint_text(row["text"])
        top.append(max((severity_rank(f.severity) for f in findings), default=-1))
    elapsed = time.perf_counter() - started
    print(f"{len(rows)} rows, {elapsed:.1f} s ({1000 * elapsed / len(rows):.1f} ms/row)")
    for level in LEVELS:
        rank = severity_rank(level)
        tp = fp = fn = 0
        for row, best in zip(rows, top):
            flagged = best >= rank
            if "e" in row["expected"]:
                tp += flagged
                fn += not flagged
            elif "e" not in row.get("optional", []):
                fp += flagged
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        print(f"e at {level:7}: precision {precision:.3f} recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})")
    for name, keep in (
        ("bulletin_clean", lambda r: r["subset"] == "bulletin_clean"),
        ("office_phone", lambda r: "office_phone" in r["tags"]),
        ("all clean rows", lambda r: not r["expected"] and "e" not in r.get("optional", [])),
    ):
        chosen = [best for row, best in zip(rows, top) if keep(row)]
        for level in LEVELS:
            share = sum(b >= severity_rank(level) for b in chosen) / len(chosen) if chosen else 0.0
            print(f"{name:15} with a {level:7}: {share:.1%} of {len(chosen)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
