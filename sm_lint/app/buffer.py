"""A text not (yet) saved, linted as `sm-lint lint` lints the file it will be saved as: what the
page of `sm-lint serve` and an editor through `sm-lint lsp` ask for. From the same settings
value as the command line (LintSettings) through the same Linter step for one draft
(configuration found from the file's folder, its rules and per-path ignores, the filter
stage), to what the command line reports of it: the findings not suppressed nor in the
baseline, a rule disabled on it (a user regex out of time) beside the others' findings,
"not checked" for a file the configuration's `exclude` or .gitignore leaves out, a draft
over `max-draft-size` refused, and the notices: the rules its configuration file turns off
(the sentence `lint` ends its summary with) and the rule cache's (a cache not used, or
rebuilt)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from sm_lint.app.lint import LintSettings, linter_for, not_checked
from sm_lint.errors import SmLintError
from sm_lint.findings import Finding
from sm_lint.io import rulecache
from sm_lint.io.document import Draft, parse_draft
from sm_lint.io.inputs import Source, too_large
from sm_lint.pipeline.filter import reported
from sm_lint.pipeline.selection import TurnedOff
from sm_lint.rules.model import Rule
from sm_lint.run.configs import draft_path
from sm_lint.settings.config import Config


class Checked(NamedTuple):
    draft: Draft
    config: Config
    rules: Sequence[Rule]  # what it was checked with: the selection, the per-path ignores applied
    findings: list[Finding]  # what is reported: neither suppressed nor in the baseline
    problems: tuple[SmLintError, ...] = ()  # rules disabled on it; the others' findings stand
    skipped: SmLintError | None = None  # not checked, and why (no findings then)
    turned_off: tuple[TurnedOff, ...] = ()  # rules its configuration file turns off, and which file
    notices: tuple[SmLintError, ...] = ()  # the rule cache's, in this process so far

    def notice_lines(self, lang: str) -> list[str]:
        """What `lint` says beside the report of this file: the rules not checked, then the
        rule cache's notices, one line each."""
        return [off.text(lang) for off in self.turned_off] + [notice.text(lang) for notice in self.notices]


class BufferLinter:
    """Lints texts for one session (a page, an editor); the compiled rules are shared with
    another session's linter by passing its `rules`."""

    def __init__(self, settings: LintSettings, rules: Sequence[Rule] | None = None):
        self.settings = settings
        self._linter = linter_for(settings, rules)
        self._skipped: dict[Path, str | None] = {}  # a file's reason not to be checked (git asked once)
        # what the configuration file of a draft turns off, found once per configuration and file
        self._turned_off: dict[tuple[int, Path], tuple[TurnedOff, ...]] = {}

    @property
    def rules(self) -> list[Rule]:
        return self._linter.all_rules

    def reloaded(self) -> BufferLinter:
        """The same settings and compiled rules, the configuration files read afresh."""
        return BufferLinter(self.settings, self.rules)

    def config_for(self, path: Path) -> Config:
        return self._linter.config_for(Source(str(path), path))

    def lint(self, text: str, path: Path) -> Checked:
        """`text` as the file `path` would be linted; a front matter or configuration that
        cannot be read, or a draft over `max-draft-size`, raises its SmLintError, as it stops
        the command line on that file."""
        source = Source(str(path), path)
        config = self.config_for(path)
        if path not in self._skipped:
            self._skipped[path] = self._linter.skipped([source]).get(source)
        reason = self._skipped[path]
        if reason is not None:
            skipped = not_checked(source, reason)
            return Checked(parse_draft(text, source.display), config, [], [], skipped=skipped, notices=_cache_notices())
        limit = config.max_draft_size  # a larger draft is refused, as when it is read from its file
        if len(text) * 4 > limit:  # at most 4 bytes a character: most drafts need no count
            size = len(text.encode("utf-8", "surrogatepass"))
            if size > limit:
                raise too_large(source.display, size, limit)
        outcome = self._linter.lint_source(source, None, text=text)
        if outcome.error is not None:
            raise outcome.error
        assert outcome.draft is not None  # kept for a text
        rules = self._linter.rules_for(config, draft_path(source))
        if (id(config), path) not in self._turned_off:
            self._turned_off[id(config), path] = tuple(self._linter.turned_off([source]))
        off = self._turned_off[id(config), path]
        return Checked(
            outcome.draft, config, rules, reported(outcome.findings), outcome.disabled, None, off, _cache_notices()
        )


def _cache_notices() -> tuple[SmLintError, ...]:
    return tuple(rulecache.notices)
