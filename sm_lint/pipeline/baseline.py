"""`--baseline FILE` / `--write-baseline FILE`: findings already known are not reported.

A finding is known by (rule, path, matched text), never by line, so editing a draft above an
old finding keeps it known. Each key has a count: a second copy of a known phrase is new.
Paths are stored relative to the baseline file's folder, so the file can be committed.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from sm_lint.errors import ConfigError, os_reason
from sm_lint.findings import Finding

VERSION = 1


def _relative(path: str, root: Path) -> str:
    return Path(os.path.relpath(Path(path).resolve(), root)).as_posix()


class Baseline:
    def __init__(self, root: Path, known: Counter[tuple[str, str, str]]):
        self.root = root
        self.known = known

    def key(self, f: Finding) -> tuple[str, str, str]:
        return (f.rule, _relative(f.path, self.root), f.match)

    def new(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings (of one draft) not in the baseline; each recorded one absorbs one finding."""
        used: Counter[tuple[str, str, str]] = Counter()
        result = []
        for f in findings:
            key = self.key(f)
            if used[key] < self.known[key]:
                used[key] += 1
            else:
                result.append(f)
        return result


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            str(path),
            "ベースラインのファイルがありません (--write-baseline で作成してください)",
            "baseline file not found (create it with --write-baseline)",
        ) from None
    except OSError as exc:
        ja, en = os_reason(exc)
        raise ConfigError(str(path), f"ベースラインを読めません ({ja})", f"cannot read the baseline ({en})") from None
    except UnicodeDecodeError as exc:  # sm-lint writes it in UTF-8
        raise ConfigError(
            str(path),
            f"ベースラインが UTF-8 ではありません (byte {exc.start})。--write-baseline で作り直してください",
            f"the baseline is not UTF-8 (byte {exc.start}); write it again with --write-baseline",
        ) from None
    except RecursionError:  # [[[[… 200,000 deep: no baseline is written so
        raise ConfigError(
            str(path),
            "ベースラインの入れ子が深すぎます。--write-baseline で作り直してください",
            "the baseline nests too deeply; write it again with --write-baseline",
        ) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"{path}:{exc.lineno}",
            f"ベースラインが JSON として読めません: {exc.msg}",
            f"the baseline is not valid JSON: {exc.msg}",
        ) from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError(
            str(path),
            f"sm-lint のベースラインではありません (version {VERSION} と `findings` のリストが必要です)",
            f"not an sm-lint baseline (version {VERSION} with a `findings` list)",
        )
    known: Counter[tuple[str, str, str]] = Counter()
    for i, e in enumerate(data["findings"]):
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in ("rule", "path", "match")):
            raise ConfigError(
                str(path),
                f"{i + 1} 件目の指摘に rule、path、match (文字列) がありません",
                f"finding #{i + 1} needs string rule, path and match",
            )
        count = e.get("count", 1)
        if not isinstance(count, int) or count < 1:
            raise ConfigError(
                str(path),
                f"{i + 1} 件目の指摘: count は 1 以上の整数です",
                f"finding #{i + 1}: count must be a positive whole number",
            )
        known[(e["rule"], e["path"], e["match"])] += count
    return Baseline(path.resolve().parent, known)


def write_baseline(path: Path, findings: Iterable[Finding]) -> int:
    """Record `findings`; returns how many. Sorted, so the file diffs well in review."""
    baseline = Baseline(path.resolve().parent, Counter())
    counts = Counter(baseline.key(f) for f in findings)
    entries = [
        {"rule": rule, "path": where, "match": match, "count": n}
        for (rule, where, match), n in sorted(counts.items(), key=lambda kv: (kv[0][1], kv[0][0], kv[0][2]))
    ]
    text = json.dumps({"version": VERSION, "tool": "sm-lint", "findings": entries}, ensure_ascii=False, indent=2)
    try:
        path.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:  # a missing folder or no permission is the user's to fix, not a crash
        ja, en = os_reason(exc)
        raise ConfigError(
            str(path), f"ベースラインを書き込めません ({ja})", f"cannot write the baseline ({en})"
        ) from None
    return sum(counts.values())
