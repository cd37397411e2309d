"""`--format json`: a list of findings."""

from __future__ import annotations

import json
import sys


def render(findings, ctx) -> None:
    stream = ctx.stream or sys.stdout
    json.dump([f.to_dict() for f in findings], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
