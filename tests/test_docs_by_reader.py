"""The documents by reader (issue 24, 5): the README stays a short entry page that leads to
every other page, and no link between the pages points at a file that is not there (pages
move; a link left behind would send a reader nowhere)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt

from helpers import ROOT
from sm_lint.app.staffdocs import GENERATED

README = ROOT / "README.md"
PAGES = [README, ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").rglob("*.md"))]


def links(page: Path) -> list[str]:
    """The targets of the Markdown links and images of a page."""
    found = []
    for token in MarkdownIt().parse(page.read_text(encoding="utf-8")):
        for child in token.children or []:
            attribute = {"link_open": "href", "image": "src"}.get(child.type)
            if attribute and child.attrGet(attribute):
                found.append(str(child.attrGet(attribute)))
    return found


def local(page: Path, target: str) -> Path | None:
    """The file a relative link of the page names (None for a web address or an anchor)."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return (page.parent / unquote(parts.path)).resolve()


def test_readme_is_a_short_page_that_leads_to_every_other():
    assert len(README.read_bytes()) <= 10 * 1024, "README.md is the entry page: move the details to docs/"
    linked = {local(README, target) for target in links(README)}
    # the staff pages are reached through docs/staff/README.md, which links each of them
    entry_pages = [ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "docs/staff/README.md"]
    assert [p.relative_to(ROOT).as_posix() for p in entry_pages if p.resolve() not in linked] == []
    staff = ROOT / "docs" / "staff"
    from_staff = {local(staff / "README.md", target) for target in links(staff / "README.md")}
    assert [p.name for p in sorted(staff.glob("*.md")) if p.name != "README.md" and p.resolve() not in from_staff] == []


def test_every_link_between_the_pages_resolves():
    # The generated staff pages quote rule texts, where `![代替テキスト](パス)` shows what to write.
    written = [page for page in PAGES if GENERATED not in page.read_text(encoding="utf-8")]
    broken = [
        f"{page.relative_to(ROOT)}: {target}"
        for page in written
        for target in links(page)
        if (path := local(page, target)) is not None and not path.exists()
    ]
    assert broken == []


def test_the_files_the_contributors_pages_name_exist():
    """A module or folder of the package named on the contributors' pages (`sm_lint/...`, not
    a pattern such as `sm_lint/checks/<area>/`) is there: the pages follow the code."""
    missing = []
    for page in (ROOT / "CONTRIBUTING.md", ROOT / "docs" / "architecture.md"):
        for name in re.findall(r"`(sm_lint/[\w/.]*?)`", page.read_text(encoding="utf-8")):
            if not (ROOT / name).exists():
                missing.append(f"{page.name}: {name}")
    assert missing == []
