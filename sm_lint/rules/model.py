"""What a rule is once loaded, and what a matcher reports."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from sm_lint.settings.keys import SEVERITIES as SEVERITIES  # re-exported for the kinds and the CLI

if TYPE_CHECKING:
    from sm_lint.findings import Finding
    from sm_lint.rules.conditions import When
    from sm_lint.text.analysis import Analysis


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


class Hit(NamedTuple):
    """One place a matcher found. `start`/`end` are view offsets of the body; a hit on the
    front matter gives `line` (1-based line of the original file) instead."""

    start: int = 0
    end: int = 0
    suggestion: str | None = None
    severity: str | None = None  # a matcher may grade a hit (e.g. a first-party shortener)
    detail: dict[str, Any] = {}  # noqa: RUF012  shared when empty: never changed
    line: int | None = None
    safe: bool | None = None  # whether --fix may apply the suggestion; None: the rule's `fix:` decides


class Example(str):
    """A rule's example text; `config` is the configuration mapping it needs (e.g. accounts)."""

    config: Any = None
    path: str | None = None  # the draft file it is read as (its images lie beside it)
    modified: float | None = None  # the file's modification time it is read with (a guessed year)
    recipe: tuple[str, str, int, str] | None = None  # (text, repeat, times, after) of a long one

    def __reduce__(self) -> tuple[Any, ...]:
        """A long example is pickled as its recipe: written out, the length limits' examples
        were two thirds of the rule cache, read and MAC-checked at every start."""
        if self.recipe is None:
            return Example, (str(self),), self.__dict__
        return example_from, self.recipe, self.__dict__


def example_from(text: str, repeat: str, times: int, after: str) -> Example:
    return Example(text + repeat * times + after)


class Matcher:
    """What a matcher kind compiles a rule's `match:` into (one class per kind, rules/kinds/).
    `find` is the one method every matcher has; `signs` and `review` are capabilities whose
    defaults here decline them, so the engine and the gate ask every matcher alike."""

    # True for a matcher that looks at what the other rules found on the draft (`review`).
    reviews = False
    # True where `--fix` may strip what its findings point at from the draft's images.
    strips = False

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        raise NotImplementedError(f"{type(self).__name__}.find")

    def signs(self) -> list[tuple[str, Any]] | None:
        """(attribute, sign) pairs one of which must hold for any hit (rules/gate.py); None:
        the matcher names nothing in advance, and its rule always runs."""
        return None

    def sign_groups(self) -> list[list[tuple[str, Any]]] | None:
        """Groups of (attribute, sign) pairs, each group one of whose signs must hold for any
        hit (rules/gate.py): by default the one group of `signs()`; a matcher of parts that
        must all hit (a construction) gives a group per part. None: nothing named in advance."""
        pairs = self.signs()
        return [pairs] if pairs else None

    def draft_needs(self) -> list[tuple[str, Any]] | None:
        """(what, value) pairs one of which a draft must have for any hit, beside the signs:
        ("entity", kinds) an entity (text/extract.py) of one of those kinds, ("digits", True) a
        decimal digit, ("pictures", True) a Markdown image or any front matter. Read only where
        the rule cache decides which matchers to load (rules/deferred.py); None: nothing named."""
        return None

    def review(
        self, analysis: Analysis, findings: list[Finding], rules: Sequence[Rule], known: Collection[str]
    ) -> Iterable[Hit]:
        """Hits found by looking at the other rules' `findings` on the draft, after them:
        `rules` ran on it, `known` holds every rule id of the pack (selected or not)."""
        return ()


class Rule(NamedTuple):
    id: str
    name: str
    category: str
    clause: str
    severity: str
    message: str
    message_en: str | None
    suggestion: str | None  # the rule's own advice, where a hit brings no replacement
    suggestion_en: str | None
    description: str | None
    matcher: Matcher
    exceptions: tuple[Callable[[Analysis, Hit], bool], ...]
    valid: tuple[str, ...]
    invalid: tuple[str, ...]
    source: str  # path:line of its definition
    when: When | None = None  # runs only on drafts whose metadata match
    # `fix: safe`: each suggestion is the literal replacement of its match and `--fix` may apply it.
    fix: str | None = None

    def message_in(self, lang: str) -> str:
        """The message template in `lang`, Japanese where there is no English one."""
        return self.message_en if lang == "en" and self.message_en else self.message

    def suggestion_in(self, lang: str) -> str | None:
        """The rule's advice in `lang`, Japanese where there is no English one."""
        return self.suggestion_en if lang == "en" and self.suggestion_en else self.suggestion
