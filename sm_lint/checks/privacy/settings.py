"""The `privacy` configuration section: what the city publishes on purpose."""

from __future__ import annotations

import unicodedata
from typing import Any

from sm_lint.settings.loader import register_section, string_list

DEFAULTS: dict[str, Any] = {
    # 上越市役所 代表 (domain-notes §3.3)
    "allowed_phones": ["025-526-5111"],
    "allowed_email_domains": ["city.joetsu.niigata.jp", "city.joetsu.lg.jp"],
    "allowed_emails": [],
    # 上越市役所 (domain-notes §3.4); add other public facilities here
    "allowed_addresses": ["新潟県上越市木田1-1-3"],
    # officials whose names are published in their role, e.g. the mayor
    "allowed_names": [],
}


def _validate(value: dict, where: str) -> dict:
    """Each configured list adds to its default: configuring one more office number never
    makes the city's own number a finding."""
    result = {}
    for key, items in value.items():
        result[key] = [*DEFAULTS[key], *string_list(items, where, f"privacy.{key}")]
    return result


register_section("privacy", DEFAULTS, _validate)


def compact(text: str) -> str:
    """Comparison key for allow-lists: NFKC, lower case, no spaces, one kind of hyphen."""
    text = unicodedata.normalize("NFKC", text).lower()
    for dash in "‐‑–—―−ーｰ":
        text = text.replace(dash, "-")
    return "".join(text.split())


def privacy(analysis) -> dict[str, list[str]]:
    return analysis.config.section("privacy")
