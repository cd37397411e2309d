"""Lint many drafts: read → analyse → check → filter. Input errors are collected per file
so one bad draft never stops the others."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

from sm_lint.analysis import analyse
from sm_lint.config import Config, config_for, load_config
from sm_lint.document import Draft, parse_draft, read_draft
from sm_lint.engine import check
from sm_lint.errors import SmLintError
from sm_lint.findings import Finding
from sm_lint.inputs import Source, read_bytes
from sm_lint.pipeline import apply_suppressions, process, select_rules
from sm_lint.rules.loader import load_rules
from sm_lint.rules.model import Rule, severity_rank
from sm_lint.suppressions import suppressions


@dataclass(frozen=True)
class Options:
    """What the command line says; it wins over the configuration files."""

    config: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    lang: str | None = None


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each: "path: problem"
    drafts: dict[str, Draft] = field(default_factory=dict)
    failing: int = 0  # findings at or above their draft's fail-on severity


class Linter:
    """Holds the compiled rules and resolves each draft's configuration."""

    def __init__(self, options: Options = Options(), rules: Sequence[Rule] | None = None):
        self.options = options
        self.all_rules = list(rules) if rules is not None else load_rules()
        self.explicit = load_config(options.config) if options.config else None
        self._selected: dict[int, list[Rule]] = {}

    def config_for(self, source: Source) -> Config:
        if self.explicit is not None:
            config = self.explicit
        else:
            directory = source.path.parent if source.path is not None else Path.cwd()
            config = config_for(directory.resolve())
        o = self.options
        return replace(
            config,
            select=o.select or config.select,
            ignore=(*config.ignore, *o.ignore),
            fail_on=o.fail_on or config.fail_on,
            lang=o.lang or config.lang,
        )

    def rules_for(self, config: Config) -> list[Rule]:
        key = hash((config.select, config.ignore))
        if key not in self._selected:
            self._selected[key] = select_rules(self.all_rules, config.select, config.ignore)
        return self._selected[key]

    def lint_draft(self, draft: Draft, config: Config, rules: Sequence[Rule] | None = None) -> list[Finding]:
        rules = self.rules_for(config) if rules is None else rules
        findings = process(check(analyse(draft, config), rules, config.lang), config.severity)
        return apply_suppressions(findings, suppressions(draft))

    def lint_text(self, text: str, path: str = "<text>", config: Config | None = None,
                  rules: Sequence[Rule] | None = None) -> list[Finding]:
        """Lint a string (what the rule examples and tests use)."""
        return self.lint_draft(parse_draft(text, path), config or Config(), rules)

    def lint_sources(self, sources: Sequence[Source]) -> Result:
        result = Result()
        found: list[Finding] = []
        for source in sources:
            try:
                config = self.config_for(source)
                draft = read_draft(source.display, read_bytes(source))
            except SmLintError as exc:
                result.errors.append(str(exc))
                continue
            except OSError as exc:
                result.errors.append(f"{source.display}: {exc.strerror or exc}")
                continue
            result.drafts[draft.path] = draft
            findings = self.lint_draft(draft, config)
            threshold = severity_rank(config.fail_on)
            result.failing += sum(severity_rank(f.severity) >= threshold for f in findings if not f.suppressed_by)
            found.extend(findings)
        result.findings = process(found)
        return result
