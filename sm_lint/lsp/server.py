"""`sm-lint lsp`: a Language Server Protocol server over stdio, on pygls.

A draft is linted on open, on every change and on save, as the command line would lint that
file (app/buffer.py: its `.sm-lint.yaml` found from its folder, an unsaved buffer's from the
editor's working folder; a file the configuration excludes is said not to be checked). Each
finding is a diagnostic with the rule id as its code and the guideline's clause as related
information, linked to the clause in the bundled guideline; a finding with a
literal rewrite has a quick fix; hovering a finding shows its clause's text. Saving a
`.sm-lint.yaml`, a `.gitignore` or `.git/info/exclude` makes the next lint read them afresh.

What `lint` says beside its report is said to the editor with window/showMessage, once: the
rules a configuration file turns off (Info; again after the file is saved, as it is then a
new configuration) and the rule cache's notices (Warning). They are about the configuration
and the machine, not about a place in the draft, so they are not diagnostics."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from sm_lint import __version__
from sm_lint.app.buffer import BufferLinter, Checked
from sm_lint.app.lint import LintSettings, Options
from sm_lint.errors import SmLintError, line_in
from sm_lint.findings import Finding
from sm_lint.i18n import t
from sm_lint.io.document import Draft
from sm_lint.io.gitignore import IGNORE_FILES
from sm_lint.io.resources import rules_root
from sm_lint.report import with_suggestion
from sm_lint.rules.catalog import clauses
from sm_lint.rules.sections import config_for
from sm_lint.settings.loader import CONFIG_NAMES, find_config

_SEVERITY = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "info": lsp.DiagnosticSeverity.Information,
}
_UNSAVED = "untitled.md"  # a buffer with no file: linted as a draft in the working folder


class SmLintServer(LanguageServer):
    def __init__(self, lang: str | None = None):
        super().__init__("sm-lint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.lang = lang
        self._linter: BufferLinter | None = None
        self.linted: dict[str, tuple[Draft, list[Finding], str]] = {}  # uri -> draft, findings, lang
        # the notices shown (window/showMessage), each once: what configurations turn off, the cache's
        self._told: dict[lsp.MessageType, set[str]] = {lsp.MessageType.Info: set(), lsp.MessageType.Warning: set()}

    @property
    def linter(self) -> BufferLinter:
        """The command line's lint of the file (app/buffer.py); made at the first draft, so the
        editor's handshake does not wait for the rules."""
        if self._linter is None:
            self._linter = BufferLinter(LintSettings((), Options(lang=self.lang)))
        return self._linter

    def forget_configuration(self) -> None:
        config_for.cache_clear()
        find_config.cache_clear()
        self._told[lsp.MessageType.Info].clear()  # a configuration saved is new: what it turns off is said again
        if self._linter is not None:
            self._linter = self._linter.reloaded()

    def lint(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        fs_path = to_fs_path(uri) if uri.startswith("file:") else None
        path = Path(fs_path) if fs_path else Path.cwd() / _UNSAVED
        try:
            checked = self.linter.lint(document.source, path)
        except SmLintError as exc:  # a front matter or configuration that cannot be read
            self.linted.pop(uri, None)
            self._publish(uri, [_problem(exc, self.lang or "ja", str(path))], document.version)
            return
        draft, findings, lang = checked.draft, checked.findings, checked.config.lang
        self.linted[uri] = (draft, findings, lang)
        lines = _lines(draft)
        # What the command line would say beside the findings: not checked, or a rule disabled.
        said = [_problem(p, lang, str(path)) for p in checked.problems]
        if checked.skipped is not None:
            said.append(_problem(checked.skipped, lang, str(path), lsp.DiagnosticSeverity.Information))
        self._publish(uri, [*(self._diagnostic(f, lines, lang) for f in findings), *said], document.version)
        self._tell(checked, lang)

    def _tell(self, checked: Checked, lang: str) -> None:
        """The notices `lint` prints beside its report, each shown once (window/showMessage)."""
        said = [(lsp.MessageType.Info, off.text(lang)) for off in checked.turned_off]
        said += [(lsp.MessageType.Warning, notice.text(lang)) for notice in checked.notices]
        for kind, message in said:
            if message not in self._told[kind]:
                self._told[kind].add(message)
                self.window_show_message(lsp.ShowMessageParams(type=kind, message=f"sm-lint: {message}"))

    def _publish(self, uri: str, diagnostics: list[lsp.Diagnostic], version: int | None = None) -> None:
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def range_of(self, f: Finding, lines: list[str]) -> lsp.Range:
        """A finding's place in the editor's units (UTF-16 unless the client chose another)."""
        codec = self.workspace.position_codec
        return codec.range_to_client_units(
            lines,
            lsp.Range(
                start=lsp.Position(line=f.line - 1, character=f.column - 1),
                end=lsp.Position(line=f.end_line - 1, character=f.end_column - 1),
            ),
        )

    def _diagnostic(self, f: Finding, lines: list[str], lang: str) -> lsp.Diagnostic:
        clause = clauses().get(f.clause)
        where = _clause_location(clause.line if clause else 0)
        return lsp.Diagnostic(
            range=self.range_of(f, lines),
            message=with_suggestion(f, lang),
            severity=_SEVERITY.get(f.severity, lsp.DiagnosticSeverity.Warning),
            code=f.rule,
            code_description=lsp.CodeDescription(href=f"{where.uri}#L{where.range.start.line + 1}"),
            source="sm-lint",
            related_information=[
                lsp.DiagnosticRelatedInformation(
                    location=where,
                    message=f"{t(lang, 'clause')} {f.clause} {f.clause_title} (sm-lint explain {f.rule})",
                )
            ],
        )

    def at(self, uri: str, position: lsp.Position) -> tuple[list[Finding], list[str], str]:
        """The findings of the last lint of `uri` that cover `position`."""
        if uri not in self.linted:
            return [], [], "ja"
        draft, findings, lang = self.linted[uri]
        lines = _lines(draft)
        here = self.workspace.position_codec.position_from_client_units(lines, position)
        point = (here.line + 1, here.character + 1)
        return [f for f in findings if (f.line, f.column) <= point <= (f.end_line, f.end_column)], lines, lang


def _lines(draft: Draft) -> list[str]:
    """The draft's lines as sm-lint counts them (pygls would also break at U+2028 and others)."""
    return [draft.line_text(n) for n in range(1, len(draft.line_starts) + 1)]


def _clause_location(line: int) -> lsp.Location:
    """The clause in the bundled guideline (rules/guideline.yaml), which editors can open."""
    position = lsp.Position(line=max(line - 1, 0), character=0)
    return lsp.Location(
        uri=from_fs_path(str(rules_root() / "guideline.yaml")), range=lsp.Range(start=position, end=position)
    )


def _problem(
    exc: SmLintError, lang: str, path: str, severity: lsp.DiagnosticSeverity = lsp.DiagnosticSeverity.Error
) -> lsp.Diagnostic:
    """An input or configuration error, on the line it names when that is in this draft."""
    position = lsp.Position(line=(line_in(exc, path) or 1) - 1, character=0)
    return lsp.Diagnostic(
        range=lsp.Range(start=position, end=position),
        message=exc.text(lang),
        severity=severity,
        source="sm-lint",
    )


def build(lang: str | None = None) -> SmLintServer:
    server = SmLintServer(lang)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: SmLintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: SmLintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: SmLintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        # A configuration, a .gitignore or .git/info/exclude saved changes what is checked and
        # how: lint every open draft again.
        saved = params.text_document.uri
        if saved.rpartition("/")[2] in CONFIG_NAMES or saved.endswith(IGNORE_FILES):
            ls.forget_configuration()
            for uri in list(ls.linted):
                ls.lint(uri)
        else:
            ls.lint(saved)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: SmLintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.linted.pop(params.text_document.uri, None)
        ls._publish(params.text_document.uri, [])

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix])
    )
    def code_action(ls: SmLintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        if uri not in ls.linted:
            return []
        draft, findings, lang = ls.linted[uri]
        lines = _lines(draft)
        wanted = params.range
        actions: list[lsp.CodeAction] = []
        for f in findings:
            where = ls.range_of(f, lines)
            if f.fix is None or _before(where.end, wanted.start) or _before(wanted.end, where.start):
                continue
            title = f"「{f.fix}」に置き換える ({f.rule})" if lang != "en" else f"Replace with “{f.fix}” ({f.rule})"
            actions.append(
                lsp.CodeAction(
                    title=title,
                    kind=lsp.CodeActionKind.QuickFix,
                    is_preferred=True,
                    diagnostics=[d for d in params.context.diagnostics if d.code == f.rule and d.range == where],
                    edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(range=where, new_text=f.fix)]}),
                )
            )
        return actions

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: SmLintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        found, lines, lang = ls.at(params.text_document.uri, params.position)
        if not found:
            return None
        parts = []
        for f in found:
            clause = clauses().get(f.clause)
            text = "\n".join(f"> {line}" for line in clause.text.splitlines()) if clause else ""
            parts.append(
                f"**{f.rule}** {f.name} — {t(lang, 'clause')} {f.clause} {f.clause_title}\n\n"
                f"{with_suggestion(f, lang)}\n\n{text}\n\n`sm-lint explain {f.rule}`"
            )
        return lsp.Hover(
            contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
            range=ls.range_of(found[0], lines),
        )

    return server


def _before(a: lsp.Position, b: lsp.Position) -> bool:
    return (a.line, a.character) < (b.line, b.character)


def start(lang: str | None = None) -> None:
    build(lang).start_io()
