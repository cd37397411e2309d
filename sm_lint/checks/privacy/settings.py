"""The `privacy` configuration section: what the city publishes on purpose."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from sm_lint.settings.keys import BY_NAME
from sm_lint.settings.loader import string_list

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis


def check_section(value: dict[str, Any], where: str) -> dict[str, Any]:
    """Each configured list adds to its default: configuring one more office number never
    makes the city's own number a finding."""
    defaults = BY_NAME["privacy"].defaults
    return {key: [*defaults[key], *string_list(items, where, f"privacy.{key}")] for key, items in value.items()}


def compact(text: str) -> str:
    """Comparison key for allow-lists: NFKC, lower case, no spaces, one kind of hyphen."""
    text = unicodedata.normalize("NFKC", text).lower()
    for dash in "‐‑–—―−ーｰ":
        text = text.replace(dash, "-")
    return "".join(text.split())


def privacy(analysis: Analysis) -> dict[str, list[str]]:
    return analysis.config.section("privacy")
