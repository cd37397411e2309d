"""The configuration as the rules read it: `.sm-lint.yaml` read by settings/loader.py with
each area's check of its section.

settings/keys.py declares the sections as data; the checks of their values belong to the
areas (checks/ and the matcher kinds of rules/), which sit above settings/. This module, in
the lowest layer that sees them all, names them by section and hands them to the loader, so
settings/ imports nothing above it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from sm_lint.checks.links import linktrust
from sm_lint.checks.post import metadata, schedule
from sm_lint.checks.privacy import phones
from sm_lint.checks.privacy import settings as privacy
from sm_lint.rules.kinds import election, faces, readability
from sm_lint.settings import loader
from sm_lint.settings.config import Config
from sm_lint.settings.loader import SectionCheck

# section -> its check (every section of settings/keys.py has one; tests/test_settings.py checks)
CHECKS: dict[str, SectionCheck] = {
    "accounts": metadata.check_accounts,
    "platforms": metadata.check_platforms,
    "schedule": schedule.check_section,
    "privacy": privacy.check_section,
    "directory": phones.check_directory,
    "links": linktrust.validate,
    "elections": election.check_elections,
    "readability": readability.check_section,
    "faces": faces.check_section,
    "rules": loader.check_rules,  # the extensions of rules: the settings' own check
}


def parse_config(data: Any, path: str) -> Config:
    """A configuration read from YAML data (`path`: where it came from, for messages)."""
    return loader.parse_config(data, path, CHECKS)


def load_config(path: Path) -> Config:
    return loader.load_config(path, CHECKS)


@lru_cache(maxsize=64)
def config_for(directory: Path) -> Config:
    """The configuration of the drafts in `directory`: the nearest `.sm-lint.yaml` at or above
    it inside the repository (settings/loader.py's find_config), or the defaults."""
    found = loader.find_config(directory)
    return load_config(found) if found else Config()
