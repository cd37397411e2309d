"""Category e (personal information, 5(3)) on the labelled evaluation set, with only the
privacy rules loaded: precision and recall at warning and error level, with and without the
portrait-consent rules, and the share of clean municipal articles (all of them, and those
tagged office_phone) that get a warning or an error. Prints counts and rates only, never row
text: the data holds random phone numbers that may be real. Nothing here opens a network
connection.

    python bench/privacy_accuracy.py [--data PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from accuracy import DEFAULT_DATA, LEVELS, ROOT, ratio, score  # bench/ is on sys.path

sys.path.insert(0, str(ROOT))

from sm_lint.rules.loader import load_rules
from sm_lint.rules.model import severity_rank
from sm_lint.run.linter import Linter

VARIANTS = {"personal-info": {"personal-info"}, "+ portrait-consent": {"personal-info", "portrait-consent"}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"evaluation data not found: {args.data} (skipped)")
        return 0
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    linter = Linter(rules=[r for r in load_rules() if r.category in VARIANTS["+ portrait-consent"]])
    started = time.perf_counter()
    findings = [linter.lint_text(row["text"], path=row["id"]) for row in rows]
    elapsed = time.perf_counter() - started
    print(f"{len(rows)} rows from {args.data}: {elapsed:.1f} s ({1000 * elapsed / len(rows):.2f} ms a row)")

    print(f"{'rules':<20}{'level':<9}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}")
    for variant, categories in VARIANTS.items():
        for level_name, level in LEVELS.items():
            flagged = [
                {"e"} if any(x.category in categories and severity_rank(x.severity) >= level for x in f) else set()
                for f in findings
            ]
            tp, fp, fn = score(rows, flagged)["e"]
            print(f"{variant:<20}{level_name:<9}{tp:>5}{fp:>5}{fn:>5}{ratio(tp, tp + fp):>11}{ratio(tp, tp + fn):>8}")

    for name, keep in (
        ("bulletin_clean", lambda r: r["subset"] == "bulletin_clean"),
        ("office_phone", lambda r: "office_phone" in r["tags"]),
    ):
        chosen = [f for r, f in zip(rows, findings, strict=True) if keep(r)]
        line = [f"{name}: {len(chosen)} rows"]
        for level_name, level in LEVELS.items():
            n = sum(any(severity_rank(x.severity) >= level for x in f) for f in chosen)
            line.append(f"with a finding at {level_name} or above: {n} ({ratio(n, len(chosen))})")
        print("; ".join(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
