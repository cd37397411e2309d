"""What the page asks of the engine, as JSON-ready values: the findings of a text (with
UTF-16 offsets, as the browser counts), its lengths, the text to post, the choices of the
front-matter form, and a clause's text. The rules are compiled once, when the session
starts; the draft is linted as `sm-lint lint` lints the file `draft.md` in the start folder
(app/buffer.py), so its configuration, filtering and what is said of it are the command line's."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TypedDict

from sm_lint.app.buffer import BufferLinter
from sm_lint.app.lint import LintSettings, Options
from sm_lint.checks.images.entries import CONSENT, PEOPLE
from sm_lint.checks.post.counting import MEASURES, TOTALS, PostText, post_text, split_lines
from sm_lint.checks.post.metadata import platforms
from sm_lint.errors import SmLintError, line_in
from sm_lint.findings import Finding
from sm_lint.i18n import t
from sm_lint.rules.catalog import clauses
from sm_lint.rules.kinds.limit import Limit
from sm_lint.rules.kinds.readability import target_for
from sm_lint.rules.model import Rule
from sm_lint.serve.frontmatter import add_entry, set_keys
from sm_lint.settings.config import Config
from sm_lint.text.analysis import Analysis, analyse
from sm_lint.text.draftcache import forget
from sm_lint.text.readability import band, readability

LANGS = ("ja", "en")
DRAFT_NAME = "draft.md"  # the page's draft, for configuration lookup and the saved file


# The JSON the page reads (static/app.js), shape by shape.
class Account(TypedDict):
    id: str
    name: str
    platform: str | None


class Setup(TypedDict):
    platforms: list[str]
    accounts: list[Account]
    lang: str
    draft_name: str
    config: str | None  # the configuration file, if any
    media: dict[str, tuple[str, ...]]  # what an attached image's entry may say: people, consent


class FindingJson(TypedDict):
    rule: str
    name: str
    clause: str
    clause_title: str
    severity: str
    severity_label: str
    message: str
    suggestion: str | None
    fix: str | None
    match: str
    line: int
    column: int
    start: int  # UTF-16 offsets, as the browser counts
    end: int


class Meter(TypedDict):
    rule: str | None
    measure: str
    per: str | None
    limit: int | None
    count: int


class PlainJapanese(TypedDict):
    score: float
    band: str
    target: float


class Checked(TypedDict):
    error: str | None
    notice: str | None  # what `lint` says beside the findings: rules turned off, the rule cache's notices
    findings: list[FindingJson]
    meters: list[Meter]
    readability: PlainJapanese | None
    plain: str | None
    meta: dict[str, str]


class Written(TypedDict):
    text: str
    error: str | None


class ClauseJson(TypedDict):
    id: str
    title: str
    text: str


class Session:
    def __init__(self, folder: Path, config: Path | None = None, lang: str | None = None):
        self.folder = folder.resolve()
        self.draft_path = self.folder / DRAFT_NAME
        # The command line's lint of the file draft.md (app/buffer.py), one linter per language
        # of the messages, sharing the compiled rules.
        first = BufferLinter(LintSettings((), Options(config=config, lang="ja")))
        self._linters = {
            "ja": first,
            "en": BufferLinter(LintSettings((), Options(config=config, lang="en")), first.rules),
        }
        # The engine's per-draft memo is process-wide: one check at a time (each takes ms).
        self._lock = threading.Lock()
        # A broken configuration fails here, at start, as a one-line error.
        self.config = first.config_for(self.draft_path)
        self.lang = lang or self.config.lang  # the page's language when it opens

    def setup(self) -> Setup:
        """What the form offers: platforms from the front-matter schema, accounts from the
        configuration."""
        accounts = self.config.section("accounts")
        return {
            "platforms": platforms(),
            "accounts": [
                {"id": str(key), "name": (spec or {}).get("name") or str(key), "platform": (spec or {}).get("platform")}
                for key, spec in accounts.items()
            ],
            "lang": self.lang,
            "draft_name": DRAFT_NAME,
            "config": self.config.path,
            "media": {"people": PEOPLE, "consent": CONSENT},  # what an attached image's entry says
        }

    def check(self, text: str, lang: str = "ja") -> Checked:
        linter = self._linters[lang if lang in LANGS else "ja"]
        try:
            with self._lock:
                checked = linter.lint(text, self.draft_path)
                draft, config = checked.draft, checked.config
                post = post_text(draft.body, draft.body_start)
                analysis = analyse(draft, config)
                try:
                    meters = _meters(analysis, config, post, checked.rules)
                    plain = _plain_japanese(analysis, lang)
                finally:
                    forget()  # no draft's words outlive its check in a memo cache
        except SmLintError as exc:  # a front matter that cannot be read: said, and nothing else
            return {
                "error": _problem(exc, lang, str(self.draft_path)),
                "notice": None,
                "findings": [],
                "meters": [],
                "readability": None,
                "plain": None,
                "meta": {},
            }
        front = draft.front_matter
        # What the command line would say beside the findings: not checked, or a rule disabled.
        said = [_problem(p, lang, str(self.draft_path)) for p in (checked.skipped, *checked.problems) if p]
        return {
            "error": "\n".join(said) or None,
            "notice": "\n".join(checked.notice_lines(lang)) or None,
            "findings": [_finding(f, text, lang) for f in checked.findings],
            "meters": meters,
            "readability": plain,
            "plain": post.text,  # the post as published: no front matter, no comments (waivers)
            "meta": {k: v for k in ("platform", "account") if isinstance(v := front.get(k), str)},
        }

    def front_matter(
        self,
        text: str,
        values: dict[str, str | None],
        lang: str = "ja",
        media: tuple[str, dict[str, str]] | None = None,
    ) -> Written:
        """The form's choices written into the draft: `values` (platform, account) and an
        attached image or video's entry, `media` = (images | videos, entry)."""
        try:
            text = set_keys(text, values)
            return {"text": add_entry(text, *media) if media else text, "error": None}
        except SmLintError as exc:
            return {"text": text, "error": _problem(exc, lang, "-")}

    def clause(self, clause_id: str, lang: str = "ja") -> ClauseJson | None:
        clause = clauses().get(clause_id)
        if clause is None:
            return None
        return {"id": clause.id, "title": clause.title_in(lang), "text": clause.text}


def _problem(exc: SmLintError, lang: str, draft: str) -> str:
    """The error in one line; in the draft, at its line ("2 行目: ..."), not at a file name."""
    line = line_in(exc, draft)
    if line is not None:
        return f"line {line}: {exc.what_en}" if lang == "en" else f"{line} 行目: {exc.what}"
    return exc.text(lang)


def _units(text: str) -> int:
    """Length in UTF-16 code units, as JavaScript counts: an emoji is two."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le", "surrogatepass")) // 2


def _finding(f: Finding, text: str, lang: str) -> FindingJson:
    start = _units(text[: f.start])
    return {
        "rule": f.rule,
        "name": f.name,
        "clause": f.clause,
        "clause_title": f.clause_title,
        "severity": f.severity,
        "severity_label": t(lang, f.severity),
        "message": f.message,
        "suggestion": f.suggestion,
        "fix": f.fix,
        "match": f.match,
        "line": f.line,
        "column": f.column,
        "start": start,
        "end": start + _units(f.match),
    }


def _plain_japanese(analysis: Analysis, lang: str) -> PlainJapanese | None:
    """The plain-Japanese score (jReadability, higher is easier) against the account's target,
    as JP-E107 reads them; None for a draft with no words."""
    found = readability(analysis)
    if found is None:
        return None
    return {"score": round(found.score, 2), "band": band(found.score, lang), "target": target_for(analysis)}


def _meters(analysis: Analysis, config: Config, post: PostText, rules: Sequence[Rule]) -> list[Meter]:
    """The draft's length as each of its platforms' limit rules counts it (X's weighted
    count, Instagram's characters and hashtags, ...), next to the limit; the characters when
    no platform is named. The rules' own `when:` decides which apply."""
    limits = [
        (r, r.matcher)
        for r in rules
        if isinstance(r.matcher, Limit) and r.matcher.field == "body" and r.matcher.measure in TOTALS
    ]
    meters: list[Meter] = []
    for rule, matcher in limits:
        limit = matcher.limit_for(config)
        if limit is not None and (rule.when is None or rule.when(analysis)):
            measure, per = matcher.measure, matcher.per
            # LINE counts each speech bubble: the longest is the one that meets the limit.
            parts = split_lines(post, config.section("platforms")["line_marker"]) if per == "bubble" else [post]
            count = max((TOTALS[measure](part) for part in parts), default=0)
            meters.append(
                {
                    "rule": rule.id,
                    "measure": measure,
                    "per": per,
                    "limit": limit,
                    "count": count // MEASURES[measure][1],
                }
            )  # x-weighted counts hundredths
    return meters or [{"rule": None, "measure": "characters", "per": None, "limit": None, "count": len(post.text)}]
