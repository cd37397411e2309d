"""`sm-lint waivers PATH`: every waiver (`sm-lint: allow:` and `<!-- sm-lint-allow -->`) of the
drafts under PATH, with its reason, owner, approver and last day, so a 広報 officer sees which
exceptions are open, whose they are, and which have run out."""

from __future__ import annotations

from datetime import date
from typing import Any

from sm_lint.io.document import Draft, read_draft
from sm_lint.io.inputs import every_draft
from sm_lint.text.suppressions import Suppression, suppressions

_STATES = {"expired": ("期限切れ", "expired"), "open": ("有効", "open"), "undated": ("期限なし", "no end date")}


def state(waiver: Suppression, today: date) -> str:
    if waiver.expired(today):
        return "expired"
    return "open" if waiver.expiry else "undated"


def collect(paths: list[str], today: date) -> list[dict[str, Any]]:
    """One row per waiver (and per rule of an inline waiver naming several), in file order.
    A draft that cannot be read or parsed raises SmLintError (exit 2, nothing listed)."""
    rows = []
    for source, data in every_draft(paths):
        rows.extend(draft_rows(read_draft(source.display, data), today))
    return rows


def draft_rows(draft: Draft, today: date) -> list[dict[str, Any]]:
    """One row per waiver of one draft (`sm-lint report` lists them per account)."""
    return [
        {
            "path": draft.path,
            "line": w.line,
            "rule": w.rule,
            "reason": w.reason,
            "by": w.by,
            "approved_by": w.approved_by,
            "until": w.until,
            "where": "inline" if w.inline else "front-matter",
            "state": state(w, today),
        }
        for w in suppressions(draft)
    ]


def table_rows(rows: list[dict[str, Any]], lang: str) -> list[list[str]]:
    header = (
        ["場所", "ルール", "状態", "期限", "責任者", "承認者", "理由"]
        if lang == "ja"
        else ["place", "rule", "state", "until", "owner", "approved by", "reason"]
    )
    pick = 0 if lang == "ja" else 1
    return [
        header,
        *(
            [
                f"{r['path']}:{r['line']}",
                r["rule"],
                _STATES[r["state"]][pick],
                r["until"] or "-",
                r["by"] or "-",
                r["approved_by"] or "-",
                r["reason"] or "-",
            ]
            for r in rows
        ),
    ]


def summary(rows: list[dict[str, Any]], lang: str) -> str:
    expired = sum(r["state"] == "expired" for r in rows)
    undated = sum(r["state"] == "undated" for r in rows)
    if lang == "ja":
        return f"抑止 {len(rows)} 件 (期限切れ {expired} 件、期限なし {undated} 件)"
    return f"{len(rows)} waivers ({expired} expired, {undated} without an end date)"
