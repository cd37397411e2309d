"""`email-address`: e-mail addresses graded by domain class.

Each class other than `other` names a host list under rules/lists/ (`free-mail` reads
free-mail.txt): a domain matches when it is a listed domain or under one. The city's own domains and addresses
(config `privacy.allowed_email_domains` / `allowed_emails`) are never reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.checks.links.hostlists import bundled_list, host_in
from sm_lint.checks.privacy.settings import privacy
from sm_lint.io.listfiles import list_path
from sm_lint.rules import grading
from sm_lint.rules.model import Matcher
from sm_lint.rules.registry import kind

if TYPE_CHECKING:
    from sm_lint.rules.model import Hit
    from sm_lint.text.analysis import Analysis


class EmailMatcher(Matcher):
    def __init__(self, grades: dict[str, grading.Grade], note: grading.Note, window: int) -> None:
        self.grades = grades
        self.note = note
        self.window = window

    def _class(self, domain: str) -> str:
        for name in self.grades:
            if name != "other" and bundled_list(f"{name}.txt").match(domain, subdomains=True):
                return name
        return "other"

    def draft_needs(self) -> list[tuple[str, Any]] | None:
        return [("entity", frozenset({"email"}))]

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        settings = privacy(analysis)
        own_domains = [d.lower() for d in settings["allowed_email_domains"]]
        own = {a.lower() for a in settings["allowed_emails"]}
        for entity in analysis.entities:
            if entity.kind != "email":
                continue
            address = entity.text.lower()
            domain = address.rsplit("@", 1)[1]
            if address in own or host_in(domain, own_domains):
                continue
            grade = self.grades.get(self._class(domain))
            if grade is not None:
                yield grading.graded_hit(analysis, entity.start, entity.end, grade, self.note, self.window)


@kind("email-address", options=("note", "note-en", "window"))
def compile_email(spec: dict[str, Any], where: str) -> EmailMatcher:
    grades = grading.grades(spec["email-address"], where, "email-address")
    for name in grades:
        if name != "other":
            list_path(f"{name}.txt", where)  # a missing list is a rule error now, not at lint time
    return EmailMatcher(grades, grading.note(spec, where, "name"), grading.window(spec, where))
