"""Probe drafts (bench/probes/<round>/<kind>.yaml): new drafts per category of issue 23, written
before the rules were changed and kept as a regression set.

A file gives `category` (the finding category that must be raised, or null for clean drafts),
`clause`, and two lists: `fire` (a finding of `category` at warning level or above must be
raised) and `quiet` (no finding of any category at warning level or above). An item is a draft's
text, or `{text:, config:}` with the `.sm-lint.yaml` settings it is linted under.

    python bench/probes.py [round1|round2 ...] [--show]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sm_lint.io.yamlsafe import load_yaml  # noqa: E402
from sm_lint.rules.model import severity_rank  # noqa: E402
from sm_lint.rules.sections import parse_config  # noqa: E402

PROBES = ROOT / "bench" / "probes"
WARNING, ERROR = severity_rank("warning"), severity_rank("error")


def draft(item, path: Path, lines: list[str]):
    """(text, config) of one probe item. A draft written unquoted with ': ' in it (【連絡先】: 田中
    090-…) parses as a mapping with no `text`: it is read back from its line, as written. A
    `config` may be a mapping or a string of YAML."""
    if isinstance(item, str):
        return item, None
    line = getattr(item, "line", 0)
    if isinstance(item, dict) and "text" not in item and 0 < line <= len(lines):
        written = lines[line - 1].strip().removeprefix("- ").strip()
        if load_yaml(written) == item:
            return written, None
    elif isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= {"text", "config"}:
        config = item.get("config")
        return item["text"], load_yaml(config) if isinstance(config, str) else config
    raise SystemExit(
        f"{path}:{line or '?'}: a probe is a draft's text or {{text:, config:}}, not {item!r}: quote the draft"
    )


def load(round_name: str):
    """Yield (kind, category, expect, text, config) for every probe of a round, files in name order."""
    for path in sorted((PROBES / round_name).glob("*.yaml")):
        source = path.read_text(encoding="utf-8")
        data, lines = load_yaml(source), source.splitlines()
        for expect in ("fire", "quiet"):
            for item in data.get(expect) or ():
                yield path.stem, data.get("category"), expect, *draft(item, path, lines)


def outcome(linter, category, expect, text, config):
    """(passed at warning level, passed at error level, the findings that decided it)."""
    findings = linter.lint_text(text, path="<probe>", config=parse_config(config, "<probe>") if config else None)
    if expect == "fire":
        relevant = [f for f in findings if f.category == category]
        return (
            any(severity_rank(f.severity) >= WARNING for f in relevant),
            any(severity_rank(f.severity) >= ERROR for f in relevant),
            relevant,
        )
    loud = [f for f in findings if severity_rank(f.severity) >= WARNING]
    return not loud, not any(severity_rank(f.severity) >= ERROR for f in loud), loud


def report(linter, round_name: str, show: bool = False) -> None:
    """Per kind: drafts that must fire and how many did (at warning / at error), and drafts that
    must stay quiet and how many did."""
    table: dict[str, list[int]] = {}
    for kind, category, expect, text, config in load(round_name):
        ok_warning, ok_error, decisive = outcome(linter, category, expect, text, config)
        row = table.setdefault(kind, [0, 0, 0, 0, 0])
        if expect == "fire":
            row[0] += 1
            row[1] += ok_warning
            row[2] += ok_error
        else:
            row[3] += 1
            row[4] += ok_warning
        if show and not ok_warning:
            got = ", ".join(f"{f.rule}:{f.severity}:{f.match}" for f in decisive)
            print(f"  {'MISS ' if expect == 'fire' else 'NOISY'} {kind:<15}{text[:70]}  {got}")
    print(
        f"\nprobes {round_name}: {'kind':<15}{'fire':>5}{'found(w)':>10}{'recall':>8}{'found(e)':>10}"
        f"{'quiet':>7}{'quiet ok':>10}"
    )
    for kind, (fire, hit_w, hit_e, quiet, quiet_ok) in table.items():
        recall = f"{hit_w / fire:.2f}" if fire else "  n/a"
        print(f"{'':<16}{kind:<15}{fire:>5}{hit_w:>10}{recall:>8}{hit_e:>10}{quiet:>7}{quiet_ok:>10}")


def main() -> int:
    from sm_lint.run.linter import Linter

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", nargs="*", default=None)
    parser.add_argument("--show", action="store_true", help="print the drafts that missed or were noisy")
    args = parser.parse_args()
    linter = Linter()
    for round_name in args.rounds or sorted(p.name for p in PROBES.iterdir() if p.is_dir()):
        report(linter, round_name, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
