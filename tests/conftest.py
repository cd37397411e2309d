from __future__ import annotations

import pytest

from sm_lint.rules.loader import load_rules
from sm_lint.runner import Linter


@pytest.fixture(scope="session", autouse=True)
def _rule_cache_in_tmp(tmp_path_factory):
    """Tests (and the commands they start) keep compiled-rule caches and the key that signs
    them out of the user's home."""
    import os

    os.environ["SM_LINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["XDG_STATE_HOME"] = str(tmp_path_factory.mktemp("state"))


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture(scope="session")
def linter(rules):
    return Linter(rules=rules)


@pytest.fixture(scope="session")
def lint(linter):
    """Lint a text; returns the findings."""
    return linter.lint_text


@pytest.fixture(scope="session")
def rule_ids(lint):
    def ids(text: str) -> list[str]:
        return [f.rule for f in lint(text)]

    return ids
