"""What the command line says to the Linter (it wins over the configuration files), apart from
run/configs.py so that the command line's entry can build it without loading the Linter."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path


class Options(NamedTuple):
    """What the command line says; it wins over the configuration files."""

    config: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    lang: str | None = None
    baseline: Path | None = None  # findings recorded there are known and not reported
    encoding: str | None = None  # force one codec instead of detecting it
    max_draft_size: int | None = None  # bytes; over the configuration's `max-draft-size`
    no_repo_config: bool = False  # no .sm-lint.yaml from the drafts' folders (a pull request's)
