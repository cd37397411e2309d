"""`sm-lint score PATH...`: each draft's plain-Japanese score (jReadability) against its
account's target, as JP-E107 reads them; a table or JSON."""

from __future__ import annotations

from typing import Any, NamedTuple

from sm_lint.app.lint import failed
from sm_lint.errors import SmLintError
from sm_lint.i18n import t
from sm_lint.io.echo import echo


class ScoreSettings(NamedTuple):
    paths: tuple[str, ...]
    fmt: str = "text"  # text or json
    lang: str = "ja"


def score(settings: ScoreSettings) -> int:
    """Print the scores; the exit status: 2 when a draft could not be read, else 0."""
    from sm_lint.io.document import read_draft
    from sm_lint.io.inputs import describe, expand, read_bytes
    from sm_lint.rules.kinds.readability import score_facts, target_for
    from sm_lint.run.linter import Linter
    from sm_lint.text.analysis import analyse

    lang = settings.lang
    rows: list[dict[str, Any]] = []
    problem = False
    try:
        linter = Linter()
        sources = list(expand(list(settings.paths)))
    except SmLintError as exc:
        return failed(exc.text(lang))
    for source in sources:
        try:
            if source.error:
                raise describe(source.error, source.display)
            analysis = analyse(read_draft(source.display, read_bytes(source)), linter.config_for(source))
        except OSError as exc:
            echo(f"sm-lint: {describe(exc, source.display).text(lang)}", err=True)
            problem = True
            continue
        except SmLintError as exc:
            echo(f"sm-lint: {exc.text(lang)}", err=True)
            problem = True
            continue
        facts = score_facts(analysis) or {
            "score": None,
            "band": None,
            "target": target_for(analysis),
            "below_target": False,
            "words": 0,
            "sentences": 0,
        }
        english = facts.pop("band_en", None)
        rows.append({"path": source.display, **facts, "band": english if lang == "en" else facts["band"]})
    if settings.fmt == "json":
        import json

        echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            shown = "-" if row["score"] is None else f"{row['score']:.2f} ({row['band']})"
            echo(f"{row['path']}\t{shown}\t{t(lang, 'score_target')} {row['target']}")
    return 2 if problem else 0
