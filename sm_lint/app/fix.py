"""`--fix` and `--diff` after a lint: the safe suggestions applied to the drafts (io/fix.py)
and the images' position and personal metadata stripped (checks/images/strip.py). A fixed
draft is linted again, so the report shows what is left at its new position; the drafts left
as they were keep the findings of the first lint (each draft is linted once unless it changed)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sm_lint.errors import InputError, SmLintError
from sm_lint.i18n import t
from sm_lint.io.echo import echo

if TYPE_CHECKING:
    from sm_lint.io.document import Draft
    from sm_lint.io.inputs import Reader, Source
    from sm_lint.run.linter import Linter, Result


def show_diff(linter: Linter, sources: Sequence[Source], reader: Reader, result: Result, lang: str) -> int:
    """--diff: print the changes, write nothing; exit 1 if there are any, 2 on an error."""
    from sm_lint.checks.images.strip import to_strip
    from sm_lint.io.fix import plan, unified_diff

    changes, problems = plan(result.findings, result.drafts, sources, reader)
    images, refused = to_strip(result.findings, result.drafts, linter.packs.by_id())
    for change in changes:
        echo(unified_diff(change), nl=False)
    for picture in images:  # as git shows a changed binary file
        echo(f"Binary files a/{picture.file} and b/{picture.file} differ")
    for error in [*result.errors, *problems, *refused]:
        echo(f"sm-lint: {error.text(lang)}", err=True)
    return 2 if result.errors or problems or refused else 1 if changes or images else 0


def fix(linter: Linter, sources: Sequence[Source], reader: Reader, result: Result, quiet: bool, lang: str) -> Result:
    """--fix: write the changes, then lint again the drafts that changed (their text, or an
    image they show); returns the run's result with theirs replaced."""
    from sm_lint.io.fix import plan, write_atomic

    changes, problems = plan(result.findings, result.drafts, sources, reader)
    written = []
    for change in changes:
        try:
            if change.source.path is not None:
                write_atomic(change.source.path, change.data, change.source.within)
        except SmLintError as exc:  # this file stays as it was; the others are fixed
            problems.append(exc)
            continue
        reader.data[change.source.display] = change.data
        written.append(change)
    images = _strip_images(linter, result, problems, tuple({root: None for s in sources for root in s.within}))
    for source in sources:
        if source.path is None:  # stdin: the text comes back on stdout, fixed or not, as editors expect
            sys.stdout.buffer.write(reader(source))
            sys.stdout.flush()
    if not quiet and written:
        echo(t(lang, "fixed", count=sum(c.count for c in written), files=len(written)), err=True)
    if not quiet and images:
        echo(t(lang, "images_fixed", files=len(images)), err=True)
    changed = {c.source.display for c in written} | _showing(result.drafts, images)
    if changed:
        result.take(linter.lint_sources([s for s in sources if s.display in changed], read=reader))
    result.errors.extend(p for p in problems if p not in result.errors)
    return result


def _showing(drafts: dict[str, Draft], images: list[Path]) -> set[str]:
    """The drafts (of those with findings) that show one of the `images`."""
    if not images:
        return set()
    from sm_lint.checks.images.pictures import pictures
    from sm_lint.text.analysis import analyse

    return {path for path, draft in drafts.items() if any(p.file in images for p in pictures(analyse(draft)))}


def _strip_images(linter: Linter, result: Result, problems: list[SmLintError], within: tuple[str, ...]) -> list[Path]:
    """--fix on images: remove the position and the person's metadata, pixels untouched, in
    folders still inside `within` (the drafts' repositories) when written. The images written;
    what cannot be done goes to problems."""
    from sm_lint.checks.images.strip import stripped, to_strip
    from sm_lint.io.fix import write_atomic

    images, refused = to_strip(result.findings, result.drafts, linter.packs.by_id())
    problems.extend(refused)
    written = []
    for picture in images:
        data = stripped(picture)
        if data is None:
            problems.append(
                InputError(
                    str(picture.file),
                    f"この画像（{picture.format}）のメタデータは自動では消せません。画像編集ソフトで書き出し直してください",
                    f"cannot remove the metadata of this {picture.format} image; export it again from an image editor",
                )
            )
            continue
        try:
            write_atomic(picture.file, data, within)
            written.append(picture.file)
        except SmLintError as exc:
            problems.append(exc)
    return written
