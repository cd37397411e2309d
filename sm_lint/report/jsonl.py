"""`--format jsonl`: one JSON object per finding per line, for streaming tools."""

from __future__ import annotations

import json
import sys


def render(findings, ctx) -> None:
    stream = ctx.stream or sys.stdout
    for f in findings:
        stream.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
