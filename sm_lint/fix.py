"""`--fix` / `--diff`: apply the safe suggestions (findings with `fix`) to the drafts.

Nothing is written unless `--fix` is given. A fixed file keeps its encoding (the new text is
encoded the way the original bytes were, checked by a round trip) and its line endings
(edits replace matched text only, which never spans a line break), and is written atomically:
a temporary file in the same folder, then a rename over the original.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from sm_lint.errors import InputError
from sm_lint.findings import Finding
from sm_lint.inputs import Reader, Source, read_bytes

# Tried in order; the first that turns the draft's text back into exactly its bytes is its encoding.
_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp932", "euc-jp", "iso2022_jp")


@dataclass(frozen=True)
class Change:
    source: Source
    old: str
    new: str
    data: bytes  # the new text, encoded like the original
    count: int  # edits applied


def apply_edits(text: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """Apply each finding's `fix`, left to right; an edit overlapping an earlier one is skipped
    (a later run picks it up if it still applies)."""
    edits = sorted({(f.start, f.end, f.fix) for f in findings if f.fix is not None})
    parts, position, count = [], 0, 0
    for start, end, replacement in edits:
        if start < position:
            continue
        parts.append(text[position:start])
        parts.append(replacement)
        position = end
        count += 1
    parts.append(text[position:])
    return "".join(parts), count


def encode_like(original: bytes, old: str, new: str, where: str) -> bytes:
    for encoding in _ENCODINGS:
        try:
            if old.encode(encoding) == original:
                return new.encode(encoding)
        except UnicodeEncodeError:
            continue
    raise InputError(where, "cannot fix: the file's encoding cannot be kept, so it is left unchanged")


def plan(findings: Iterable[Finding], drafts: dict, sources: Iterable[Source], reader: Reader) -> list[Change]:
    """The changes the safe fixes would make, one per draft that has any."""
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        if f.fixable:
            by_path.setdefault(f.path, []).append(f)
    changes = []
    for source in sources:
        fixes = by_path.get(source.display)
        if not fixes:
            continue
        old = drafts[source.display].text
        new, count = apply_edits(old, fixes)
        data = encode_like(reader(source), old, new, source.display)
        changes.append(Change(source, old, new, data, count))
    return changes


def unified_diff(change: Change) -> str:
    name = change.source.display
    lines = difflib.unified_diff(
        change.old.splitlines(keepends=True), change.new.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def write_atomic(path: Path, data: bytes) -> None:
    try:
        _replace(path, data)
    except OSError as exc:  # a read-only folder or a full disk: say so, the draft is untouched
        raise InputError(str(path), f"cannot write the fix ({exc.strerror or exc}); the file is unchanged") from None


def _replace(path: Path, data: bytes) -> None:
    folder = path.resolve().parent
    mode = path.stat().st_mode
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".sm-lint", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path.resolve())
    except BaseException:
        os.unlink(temporary)
        raise
