"""What checking the rule cache's entries costs a cold start (issue 22: entries are unpickled
only once their MAC under the per-user secret is checked).

    python bench/rule_cache.py [--repeats N]

For every entry a plain `sm-lint` run loads (compiled rules, schema, ...), in one process, in a
temporary cache: the best time of `rulecache.load` (read, MAC check, unpickle) next to the
floor of reading and unpickling the same bytes with no check, and the MAC alone.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import best  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SM_LINT_CACHE_DIR"] = str(Path(tmp, "cache"))
        os.environ["XDG_STATE_HOME"] = str(Path(tmp, "state"))
        draft = Path(tmp, "post.md")
        draft.write_text("上越市の花火大会は8月です。\n", encoding="utf-8")
        from sm_lint.io import rulecache
        from sm_lint.io.inputs import expand
        from sm_lint.run.linter import Linter

        Linter().lint_sources(list(expand([str(draft)])))  # fills the cache
        secret = rulecache._secret(rulecache.key_file())
        header = len(rulecache._MAGIC) + rulecache._MAC_SIZE
        total = floor = mac = 0.0
        prefix = f"rules-{rulecache._install()}-"  # entries are named per install: rules-<install>-<key>.cache
        for entry in sorted(Path(tmp, "cache").glob(f"{prefix}*.cache"), key=lambda p: -p.stat().st_size):
            key = entry.name[len(prefix) : -len(".cache")]
            assert rulecache.load(key) is not None, entry  # a hit, or the figures would time a miss
            data = entry.read_bytes()
            checked = best(args.repeats, lambda key=key: rulecache.load(key))
            plain = best(args.repeats, lambda entry=entry: pickle.loads(memoryview(entry.read_bytes())[header:]))
            alone = best(
                args.repeats, lambda key=key, data=data: rulecache._mac(secret, key, memoryview(data)[header:])
            )
            print(
                f"{entry.stat().st_size:>9,} bytes: load {checked:6.2f} ms  floor (read+unpickle) {plain:6.2f} ms"
                f"  MAC alone {alone:5.2f} ms"
            )
            total, floor, mac = total + checked, floor + plain, mac + alone
        print(f"all entries: load {total:.2f} ms, floor {floor:.2f} ms, of which the MAC {mac:.2f} ms")


if __name__ == "__main__":
    main()
