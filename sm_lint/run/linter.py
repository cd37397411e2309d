"""Lint many drafts: read → analyse → check → filter. Input errors are collected per file
so one bad draft never stops the others."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from sm_lint.errors import InputError, SmLintError
from sm_lint.findings import Finding
from sm_lint.io import rulecache
from sm_lint.io.document import Draft, parse_draft, read_draft
from sm_lint.io.gitignore import ignored
from sm_lint.io.inputs import MAX_BYTES, Outside, Source, describe, not_a_draft, read_bytes
from sm_lint.pipeline.filter import failing, filter_findings, sort_findings
from sm_lint.pipeline.selection import TurnedOff, select_rules, selector_matches, shown_path
from sm_lint.rules.engine import check
from sm_lint.rules.loader import load_rules
from sm_lint.rules.model import Rule
from sm_lint.run.configs import Configs, draft_path
from sm_lint.run.configs import Options as Options  # re-exported: what a command builds for the Linter
from sm_lint.run.packs import Packs
from sm_lint.run.workers import parallel
from sm_lint.settings.config import Config, PackKey
from sm_lint.text.analysis import analyse
from sm_lint.text.draftcache import forget
from sm_lint.text.suppressions import draft_suppressions


class Result:
    """What a run found, filled in draft by draft."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.errors: list[SmLintError] = []  # one line each, shown in the report's language
        self.notices: list[SmLintError] = []  # told to the user, not failures
        self.checked: dict[str, dict[str, Any]] = {}  # every draft read and linted, once, in order: its facts
        # Drafts with findings, for context lines and fixes: a clean draft's text is let go
        # as soon as it is linted, and a worker process does not send it back.
        self.drafts: dict[str, Draft] = {}
        self.failing_in: dict[str, int] = {}  # draft -> its findings at or above its fail-on severity

    @property
    def failing(self) -> int:
        return sum(self.failing_in.values())

    def take(self, again: Result) -> None:
        """`again`'s outcome for the drafts it linted anew (after --fix changed them) in place
        of theirs here."""
        self.findings = sort_findings([*(f for f in self.findings if f.path not in again.checked), *again.findings])
        for path in again.checked:
            self.drafts.pop(path, None)
        self.drafts.update(again.drafts)
        self.failing_in.update(again.failing_in)
        self.errors.extend(e for e in again.errors if e not in self.errors)
        self.notices.extend(n for n in again.notices if n not in self.notices)


_LARGE = 100_000  # characters: below this the cyclic collector costs a draft nothing worth saving


class Linter:
    """One run's linting: each draft read, analysed, checked and filtered with its configuration
    (run/configs.py) and its rules (run/packs.py, pipeline/selection.py), over worker processes
    (run/workers.py) when there are many."""

    def __init__(self, options: Options = Options(), rules: Sequence[Rule] | None = None):
        self.options = options
        self.all_rules = list(rules) if rules is not None else load_rules()
        self.baseline = None
        if options.baseline:
            from sm_lint.pipeline.baseline import load_baseline  # json and the rest only when asked for

            self.baseline = load_baseline(options.baseline)
        self._selected: dict[tuple[PackKey, tuple[str, ...], tuple[str, ...]], list[Rule]] = {}
        self.packs = Packs(self.all_rules, self)
        self.configs = Configs(options, self.packs)
        self._ignored: dict[
            tuple[PackKey, tuple[str, ...]], list[Rule]
        ] = {}  # (rule dirs, ignore selectors) -> rules they match

    def config_for(self, source: Source) -> Config:
        """The draft's configuration (run/configs.py)."""
        return self.configs.of(source)

    def turned_off(self, sources: Iterable[Source]) -> list[TurnedOff]:
        """The rules these drafts were not checked with because a configuration file said so:
        a repository's file that ignores everything must show in the report, not pass as a
        clean run. (--select and --ignore are the caller's own, in plain sight.) `select` is
        stated as written (the rules it leaves out would be every rule added since); what
        `ignore` and `per-path-ignores` match is stated as whole categories and clauses, then
        rules."""
        selected: dict[str, tuple[str, ...]] = {}  # file -> select as written
        ignored: dict[str, dict[str, Rule]] = {}  # file -> rule id -> rule
        for source in sources:
            try:
                config = self.config_for(source)
                pack = self.packs.pack(config)
            except SmLintError:  # reported with the draft
                continue
            file = self.configs.file_of(config)
            if file.path is None:
                continue
            by = shown_path(file.path)
            if file.select and not self.options.select:  # --select replaces it
                selected[by] = file.select
            selectors = file.ignores_for(draft_path(source))
            if selectors:
                key = (config.pack_key, selectors)
                if key not in self._ignored:
                    self._ignored[key] = [r for r in pack if any(selector_matches(s, r) for s in selectors)]
                ignored.setdefault(by, {}).update((r.id, r) for r in self._ignored[key])
        everything = list(self.packs.by_id().values())
        return [
            TurnedOff.of(by, selected.get(by, ()), ignored.get(by, {}).values(), everything)
            for by in sorted(selected.keys() | ignored.keys())
        ]

    def skipped(self, sources: Sequence[Source]) -> dict[Source, str]:
        """The drafts not to lint, each with what says so: those its
        configuration's `exclude` names and those git ignores, found in a folder or named
        (pre-commit names every file it passes; the rule is the same however sm-lint runs)."""
        files = [s for s in sources if s.path is not None and not s.error]
        why = {s: ".sm-lint.yaml: exclude" for s in files if self._excluded(s)}
        gone = ignored([s.path for s in files if s not in why and s.path is not None])
        why.update((s, ".gitignore") for s in files if s.path in gone)
        return why

    def _excluded(self, source: Source) -> bool:
        try:
            return source.path is not None and self.config_for(source).excludes(source.path)
        except SmLintError:  # a broken configuration is reported when the draft is linted
            return False

    def report_lang(self, sources: Sequence[Source]) -> str:
        """The language of the tool's own words: --lang, else the first draft's configuration."""
        if self.options.lang or not sources:
            return self.options.lang or "ja"
        try:
            return self.config_for(sources[0]).lang
        except SmLintError:  # already reported for that draft
            return "ja"

    def rules_for(self, config: Config, path: Path | None = None) -> list[Rule]:
        ignore = config.ignores_for(path)
        key = (config.pack_key, config.select, ignore)
        if key not in self._selected:
            self._selected[key] = select_rules(self.packs.pack(config), config.select, ignore)
        return self._selected[key]

    def lint_draft(
        self,
        draft: Draft,
        config: Config,
        rules: Sequence[Rule] | None = None,
        problems: list[SmLintError] | None = None,
        facts: dict[str, Any] | None = None,
    ) -> list[Finding]:
        """Findings of `rules` on `draft`, filtered; a user regex that runs out of time is added to
        `problems` (the other rules' findings stand), or raised without a list. `facts` gets
        what the reports say of the draft besides findings (its plain-Japanese score)."""
        rules = self.rules_for(config) if rules is None else rules
        try:
            analysis = analyse(draft, config)
            found = check(analysis, rules, config.lang, problems, self.packs.ids(config))
            if facts is not None:
                from sm_lint.rules.kinds.readability import score_facts

                facts["readability"] = score_facts(analysis)  # the rule's memo: no second count
            return filter_findings(found, config, draft_suppressions(analysis), self.baseline)
        finally:
            forget()  # no draft's words outlive its lint in a memo cache

    def lint_text(
        self,
        text: str,
        path: str = "<text>",
        config: Config | None = None,
        rules: Sequence[Rule] | None = None,
        modified: float | None = None,
    ) -> list[Finding]:
        """Lint a string (what the rule examples and tests use); `modified` stands for the
        file's modification time where a check guesses the year from it."""
        return self.lint_draft(parse_draft(text, path)._replace(modified=modified), config or Config(), rules)

    def lint_source(
        self, source: Source, data: bytes | None, problem: SmLintError | None = None, text: str | None = None
    ) -> Outcome:
        """One draft from its bytes (read by the caller: stdin and --fix need the parent to
        read), or the problem met while reading it; or from its `text`, not (yet) saved as the
        file (an editor's buffer: app/buffer.py), whose Outcome keeps the draft."""
        if problem is not None:
            if source.walked and isinstance(source.error, Outside):  # a link out of a folder walked
                return Outcome(source.display, notice=problem)
            return Outcome(source.display, error=problem)
        try:
            config = self.config_for(source)
            rules = self.rules_for(config, draft_path(source))  # a broken rule pack: its own line
            if text is not None:
                draft = parse_draft(text, source.display)
            else:
                assert data is not None  # read, since there is no problem
                draft = read_draft(source.display, data, self.options.encoding)
            draft = draft._replace(within=source.within)
        except SmLintError as exc:
            return Outcome(source.display, error=exc)
        problems: list[SmLintError] = []  # a user regex that ran out of time: now disabled
        facts: dict[str, Any] = {}
        if len(draft.text) < _LARGE or not gc.isenabled():
            findings = self.lint_draft(draft, config, rules, problems, facts)
        else:
            # Tokens and what rules build from them hold no cycles, yet millions of them set
            # off full collections that walk them all, again and again: a 10 MB draft's
            # tokenizing took 6.7 s, 4.1 s without the collector.
            gc.disable()
            try:
                findings = self.lint_draft(draft, config, rules, problems, facts)
            finally:
                gc.enable()
        disabled = tuple(type(p)(source.display, p.text("ja"), p.text("en")) for p in problems)
        return Outcome(
            source.display,
            draft=draft if findings or text is not None else None,
            findings=findings,
            failing=failing(findings, config.fail_on),
            linted=True,
            disabled=disabled,
            facts=facts,
        )

    def read(
        self,
        source: Source,
        read: Callable[[Source, int], bytes] = read_bytes,
    ) -> tuple[Source, bytes | None, SmLintError | None]:
        """(source, its bytes, None) or (source, None, the problem met reading it), read
        within the draft's size limit."""
        if source.error:
            return source, None, describe(source.error, source.display)
        refused = not_a_draft(source)
        if refused:
            return source, None, refused
        try:
            limit = self.config_for(source).max_draft_size
        except SmLintError:  # a broken configuration: reported when the draft is linted
            limit = self.options.max_draft_size or MAX_BYTES
        try:
            return source, read(source, limit), None
        except Outside as exc:  # swapped for a link out since it was listed: as if found so
            return source._replace(error=exc), None, describe(exc, source.display)
        except OSError as exc:
            return source, None, describe(exc, source.display)
        except InputError as exc:
            return source, None, exc

    def lint_sources(
        self,
        sources: Iterable[Source],
        read: Callable[[Source, int], bytes] = read_bytes,
        jobs: int = 1,
        done: Callable[[], None] = lambda: None,
    ) -> Result:
        """Lint every source; `jobs` > 1 spreads the drafts over worker processes (results
        keep the sources' order). `done` is called after each draft (a progress bar)."""
        if jobs > 1:
            # Workers read files themselves (the bytes need not cross a pipe); stdin, which
            # only this process can read, goes to them as bytes.
            inputs = [(s, None, None) if s.path is not None and not s.error else self.read(s, read) for s in sources]
            finished = parallel(self, inputs, jobs)
        else:
            finished = enumerate(self.lint_source(*self.read(source, read)) for source in sources)
        by_index: dict[int, Outcome] = {}
        for index, outcome in finished:  # in the order they are done
            done()
            by_index[index] = outcome
        result = Result()
        found: list[Finding] = []
        disabled: set[str] = set()
        for _, outcome in sorted(by_index.items()):
            if outcome.error and outcome.error not in result.errors:  # a broken rule pack fails every draft alike
                result.errors.append(outcome.error)
            if outcome.notice:
                result.notices.append(outcome.notice)
            for notice in outcome.cache_notices:  # told once, whichever process met it
                rulecache.tell(notice)
            # A slow regex is disabled in every process of the run once one met it
            # (regexbudget.RunBudget): reported once, whichever process paid the timeout.
            result.errors.extend(e for e in outcome.disabled if e.what not in disabled)
            disabled.update(e.what for e in outcome.disabled)
            if outcome.linted:
                result.checked[outcome.display] = outcome.facts
                if outcome.draft is not None:
                    result.drafts[outcome.display] = outcome.draft
                result.failing_in[outcome.display] = outcome.failing
                found.extend(outcome.findings)
        result.findings = sort_findings(found)  # each draft's findings are already processed
        return result


class Outcome(NamedTuple):
    """What linting one source gave: its findings (and any rule disabled on it), or the error
    that kept it from being linted, or a notice."""

    display: str
    draft: Draft | None = None  # only when it has findings
    findings: list[Finding] = []  # noqa: RUF012  shared when empty: never changed
    failing: int = 0
    error: SmLintError | None = None
    notice: SmLintError | None = None
    linted: bool = False  # read and checked: its findings count
    disabled: tuple[SmLintError, ...] = ()  # the rules whose regex ran out of time on it
    cache_notices: tuple[SmLintError, ...] = ()  # the rule cache's, given while linting it
    facts: dict[str, Any] = {}  # noqa: RUF012 (a NamedTuple default, never mutated) what the reports say of the draft besides findings (Linter.lint_draft)
