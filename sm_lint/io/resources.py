"""Where the bundled rule data lives: inside the wheel (sm_lint/_rules) or, in a source
checkout, the top-level rules/ directory next to the package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def rules_root() -> Path:
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "_rules", package.parent / "rules"):
        if (candidate / "guideline.yaml").is_file():
            return candidate
    raise FileNotFoundError("sm-lint's bundled rules are missing (rules/guideline.yaml)")
