"""CPU time of the hostile inputs the tests check by counting work, 1x against 4x.

    python bench/hostile.py

The tests (tests/test_saferegex.py, test_hostile_drafts.py, test_yamlsafe.py) count lines
run and characters handed to the regex engines, never time: a timing depends on the machine
and its load. This prints the timings beside those counts, for a person to read: for each
input, the CPU time of 4x the input over 1x (linear: about 4; a quadratic step: about 16),
and for hostile YAML, the time to refuse it over the time to read a plain list of 1,000
values. Best of 5 runs each, taken in turn.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def cpu_ratio(slow, fast, repeat: int = 5) -> float:
    """How many times the CPU time of `fast()` `slow()` takes, each the best of `repeat`."""
    fast()
    best = {fast: float("inf"), slow: float("inf")}
    gc.disable()
    try:
        for _ in range(repeat):
            for call in (fast, slow):
                started = time.process_time()
                call()
                best[call] = min(best[call], time.process_time() - started)
    finally:
        gc.enable()
    return best[slow] / max(best[fast], 1e-9)


def main() -> None:
    from test_yamlsafe import ALIAS_DEPTH, BOMB, DEEP_BLOCK, DEEP_FLOW, RECURSIVE

    from sm_lint.io.yamlsafe import YamlError, load_yaml
    from sm_lint.rules.loader import load_rules
    from sm_lint.run.linter import Linter
    from sm_lint.text.extract import extract_entities
    from sm_lint.text.saferegex import compile_user

    linter = Linter(rules=load_rules())
    backtracking = compile_user(r"(a+)+b", "w")
    scaled = [
        ("(a+)+b on RE2, 25,000 a", backtracking.search, "a" * 25_000),
        ("a name per search, 1,000 names", linter.lint_text, "田中ひなたさん、" * 1000),
        ("写真 on one line, 2,000 times", linter.lint_text, "写真に写っている" * 2_000),
        ("a line of 12,500 [ and a link", extract_entities, "[" * 12_500 + "](https://example.jp/)"),
        ("entities, 2,000", extract_entities, "#上越 @joetsu_city https://example.jp/#x mail@example.jp " * 500),
    ]
    print("4x the input over 1x, CPU time (linear ~4, quadratic ~16)")
    for name, call, small in scaled:
        large = small * 4
        print(f"  {cpu_ratio(lambda c=call, t=large: c(t), lambda c=call, t=small: c(t)):5.1f}  {name}")

    plain = "a: [" + ", ".join(["x"] * 1000) + "]"
    print("refusing hostile YAML over reading a plain list of 1,000 values, CPU time")
    for name, source in [
        ("alias bomb", BOMB),
        ("deep flow", DEEP_FLOW),
        ("deep block", DEEP_BLOCK),
        ("recursive", RECURSIVE),
        ("depth by aliases", ALIAS_DEPTH),
    ]:

        def refuse(source=source, name=name):
            try:
                load_yaml(source)
            except YamlError:
                return
            raise SystemExit(f"{name} was not refused")

        print(f"  {cpu_ratio(refuse, lambda: load_yaml(plain)):5.1f}  {name}")


if __name__ == "__main__":
    main()
