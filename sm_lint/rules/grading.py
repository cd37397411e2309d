"""Severity grades written in rule YAML:
`{<class>: {severity: ..., label: ..., label-en: ..., with-name: ...}}`; a grade rises to its
`with-name` severity when a private person's name stands next to the item, and the rule's
`note` / `note-en` (with `{name}`) then explain why. A hit's detail gives both languages
(`kind`/`kind_en`, `note`/`note_en`), so `message_en` never shows the Japanese label."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from sm_lint.checks.privacy.names import private_name_near
from sm_lint.errors import RuleError
from sm_lint.rules.model import SEVERITIES, Hit
from sm_lint.rules.options import one_of, optional_text
from sm_lint.spelling import refuse_unknown_keys
from sm_lint.text.saferegex import UserRegex, compile_spec

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

DEFAULT_WINDOW = 120  # characters on the same line; a short post's sentence or two


class Grade(NamedTuple):
    severity: str
    label: str
    with_name: str | None = None
    label_en: str | None = None  # None: the label, in both languages


class Note(NamedTuple):
    """Why a hit rose, in Japanese and English; `{...}` are the kind's placeholders."""

    ja: str
    en: str

    def detail(self, ja: dict[str, str], en: dict[str, str]) -> dict[str, str]:
        return {"note": self.ja.format(**ja), "note_en": self.en.format(**en)}


def grades(value: Any, where: str, kind: str) -> dict[str, Grade]:
    if not isinstance(value, dict) or not value:
        raise RuleError(
            where,
            f"`{kind}` には分類ごとに {{severity: ..., label: ...}} を書いてください",
            f"`{kind}` maps each class to {{severity: ..., label: ...}}",
        )
    result = {}
    for name, grade in value.items():
        if not isinstance(grade, dict) or grade.get("severity") not in SEVERITIES or not grade.get("label"):
            raise RuleError(
                where,
                f"`{kind}.{name}` には severity (info、warning、error) と label が必要です",
                f"`{kind}.{name}` needs severity (info, warning, error) and label",
            )
        refuse_unknown_keys(
            grade,
            ("severity", "label", "label-en", "with-name"),
            where,
            (f"`{kind}.{name}` に", f" in `{kind}.{name}`"),
        )
        with_name = severity(grade.get("with-name"), where, f"{kind}.{name}.with-name")
        label_en = optional_text(grade.get("label-en"), where, f"{kind}.{name}.label-en")
        result[str(name)] = Grade(grade["severity"], str(grade["label"]), with_name, label_en)
    return result


def note(spec: dict[str, Any], where: str, *placeholders: str) -> Note:
    """The rule's `note` and `note-en` templates (English falls back to the Japanese one),
    checked now: a stray `{...}` would otherwise fail on the first draft it applies to."""
    texts: list[str] = []
    for key in ("note", "note-en"):
        value = spec.get(key, texts[0] if texts else "")
        if not isinstance(value, str):
            raise RuleError(where, f"`{key}` は文字列で書いてください", f"`{key}` is a text")
        try:
            value.format(**dict.fromkeys(placeholders, ""))
        except (KeyError, IndexError, ValueError) as exc:
            named = [f"{{{p}}}" for p in placeholders]
            raise RuleError(
                where,
                f"`{key}` で使える差し込みは {'、'.join(named)} だけです ({type(exc).__name__}: {exc})",
                f"`{key}` may use {', '.join(named)} only ({type(exc).__name__}: {exc})",
            ) from None
        texts.append(value)
    return Note(*texts)


def severity(value: Any, where: str, key: str) -> str | None:
    return None if value is None else one_of(value, SEVERITIES, where, key)


def window(spec: dict[str, Any], where: str, default: int = DEFAULT_WINDOW) -> int:
    value = spec.get("window", default)
    if not isinstance(value, int) or value < 0:
        raise RuleError(where, "`window` は文字数で書いてください", "`window` is a number of characters")
    return value


def pattern(value: Any, where: str, key: str) -> UserRegex:
    return compile_spec(value, f"{where} (`{key}`)", key)


def graded_hit(analysis: Analysis, start: int, end: int, grade: Grade, note: Note, span: int) -> Hit:
    """A hit at `grade`, raised to its `with_name` severity when a private name is near."""
    detail = {"kind": grade.label, "kind_en": grade.label_en or grade.label, "note": "", "note_en": ""}
    level = grade.severity
    if grade.with_name and SEVERITIES.index(grade.with_name) > SEVERITIES.index(level):
        name = private_name_near(analysis, start, end, span)
        if name is not None:
            level = grade.with_name
            detail.update(note.detail({"name": name.text}, {"name": name.text}))
    return Hit(start, end, severity=level, detail=detail)
