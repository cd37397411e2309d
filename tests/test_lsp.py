"""`sm-lint lsp` in a real session: the command started as a subprocess, spoken to over
stdio in JSON-RPC by pygls's language client, as an editor would."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

CONFIG = "accounts:\n  joetsu_city: {name: 上越市, platform: x, department: 広報対話課}\n"
DRAFT = (
    "---\nplatform: x\naccount: joetsu_city\napproved_by: 広報対話課長\n---\n"
    "🌸窓口に来たあのバカな客のせいで、裏日本の冬の説明会が長引きました。\n"
    "詳しくは https://bit.ly/3abcDEF をご覧ください。\n"
)
WAIT = 60  # seconds; each wait ends when the answer comes


class Session:
    """A client connected to `sm-lint lsp`, collecting the diagnostics it publishes."""

    def __init__(self, folder: Path, lang: str | None = None, env: dict[str, str] | None = None):
        self.folder = folder
        self.args = ["-m", "sm_lint", "lsp", *(["--lang", lang] if lang else [])]
        self.env = {**os.environ, **(env or {})}
        self.client = LanguageClient("sm-lint-test", "1")
        self.published: dict[str, asyncio.Queue] = {}
        self.messages: list[tuple[lsp.MessageType, str]] = []  # window/showMessage, in order

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: lsp.PublishDiagnosticsParams):
            self.queue(params.uri).put_nowait(params.diagnostics)

        @self.client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def show_message(params: lsp.ShowMessageParams):
            self.messages.append((params.type, params.message))

    def queue(self, uri: str) -> asyncio.Queue:
        return self.published.setdefault(uri, asyncio.Queue())

    async def __aenter__(self):
        await self.client.start_io(sys.executable, *self.args, cwd=self.folder, env=self.env)
        result = await asyncio.wait_for(
            self.client.initialize_async(
                lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), root_uri=from_fs_path(str(self.folder)))
            ),
            WAIT,
        )
        self.capabilities = result.capabilities
        self.client.initialized(lsp.InitializedParams())
        return self

    async def __aexit__(self, *exc):
        await asyncio.wait_for(self.client.shutdown_async(None), WAIT)
        self.client.exit(None)
        await self.client.stop()

    async def diagnostics(self, uri: str) -> list[lsp.Diagnostic]:
        return await asyncio.wait_for(self.queue(uri).get(), WAIT)

    async def code_actions(self, uri: str, diagnostic: lsp.Diagnostic) -> list:
        """The editor's quick-fix request for one diagnostic, as a lightbulb on it sends it."""
        params = lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=lsp.CodeActionContext(diagnostics=[diagnostic]),
        )
        return await asyncio.wait_for(self.client.text_document_code_action_async(params), WAIT)

    def open(self, path: Path, text: str) -> str:
        uri = from_fs_path(str(path))
        self.client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                text_document=lsp.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            )
        )
        return uri

    def change(self, uri: str, text: str, version: int) -> None:
        self.client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / ".sm-lint.yaml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def _by_code(diagnostics):
    return {d.code: d for d in diagnostics}


def test_diagnostics_quick_fixes_and_hover(folder):
    async def session():
        async with Session(folder) as s:
            assert s.capabilities.hover_provider and s.capabilities.code_action_provider
            uri = s.open(folder / "post.md", DRAFT)
            found = _by_code(await s.diagnostics(uri))
            assert set(found) == {"JP-P101", "JP-P201", "JP-L101"}
            insult = found["JP-P101"]
            # Line 6 (0-based 5); the 🌸 before it is two UTF-16 units: バカ starts at 9, not 8.
            assert (insult.range.start.line, insult.range.start.character, insult.range.end.character) == (5, 9, 11)
            assert insult.severity == lsp.DiagnosticSeverity.Error and insult.source == "sm-lint"
            assert insult.message == "侮辱的・不敬な表現「バカ」は公式の発信に使えません。"
            related = insult.related_information[0]
            assert related.message == "ガイドライン 5(5) 不適切な発信を行わないこと (sm-lint explain JP-P101)"
            guideline = Path(related.location.uri.removeprefix("file://"))
            clause_line = guideline.read_text(encoding="utf-8").splitlines()[related.location.range.start.line]
            assert clause_line == "- id: 5(5)"
            assert insult.code_description.href.endswith(f"guideline.yaml#L{related.location.range.start.line + 1}")
            link = found["JP-L101"]
            assert (link.range.start.line, link.range.start.character, link.range.end.character) == (6, 5, 27)

            # A quick fix for the finding with a literal rewrite, none for advice.
            region = found["JP-P201"]
            actions = await s.code_actions(uri, region)
            assert [a.title for a in actions] == ["「日本海側」に置き換える (JP-P201)"]
            assert list(actions[0].edit.changes[uri]) == [lsp.TextEdit(range=region.range, new_text="日本海側")]
            assert list(actions[0].diagnostics) == [region]
            none = await s.code_actions(uri, link)
            assert not none

            # Hovering the insult shows the clause's text.
            hover = await asyncio.wait_for(
                s.client.text_document_hover_async(
                    lsp.HoverParams(
                        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=5, character=10)
                    )
                ),
                WAIT,
            )
            assert "**JP-P101**" in hover.contents.value
            assert "> 次に掲げる情報は発信してはなりません。" in hover.contents.value
            nothing = await asyncio.wait_for(
                s.client.text_document_hover_async(
                    lsp.HoverParams(
                        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=5, character=2)
                    )
                ),
                WAIT,
            )
            assert nothing is None

            # Each change is linted again: the fix applied, its finding is gone.
            s.change(uri, DRAFT.replace("裏日本", "日本海側"), 2)
            assert set(_by_code(await s.diagnostics(uri))) == {"JP-P101", "JP-L101"}
            # A front matter that cannot be read is one diagnostic on its line.
            s.change(uri, "---\nplatform: [x\n---\n本文\n", 3)
            (problem,) = await s.diagnostics(uri)
            assert problem.range.start.line == 1 and "YAML" in problem.message

    asyncio.run(session())


def test_configuration_is_found_as_the_command_line_finds_it(folder):
    sub = folder / "archive"
    sub.mkdir()
    (sub / ".sm-lint.yaml").write_text("lang: en\nignore: [JP-L101]\n", encoding="utf-8")

    async def session():
        async with Session(folder) as s:
            # The root's configuration: accounts are configured, so a missing account is reported.
            root = s.open(folder / "post.md", "---\nplatform: x\napproved_by: 課長\n---\n説明会のお知らせです。\n")
            assert set(_by_code(await s.diagnostics(root))) == {"JP-M104"}
            # The nearer configuration: English, JP-L101 ignored.
            near = s.open(sub / "old.md", DRAFT)
            found = _by_code(await s.diagnostics(near))
            assert "JP-L101" not in found and "JP-P101" in found
            assert found["JP-P101"].related_information[0].message.startswith("guideline 5(5) Do not post")

    asyncio.run(session())


def test_an_excluded_draft_is_said_not_to_be_checked_as_on_the_command_line(folder):
    # The command line names such a file "not checked"; an editor showing nothing would pass it as clean.
    (folder / ".sm-lint.yaml").write_text(CONFIG + "exclude: [templates]\n", encoding="utf-8")
    (folder / "templates").mkdir()

    async def session():
        async with Session(folder, lang="en") as s:
            [said] = await s.diagnostics(s.open(folder / "templates" / "post.md", DRAFT))
            assert said.severity == lsp.DiagnosticSeverity.Information
            assert said.message.endswith("post.md: not checked: matched by .sm-lint.yaml: exclude")
            assert "JP-P101" in _by_code(await s.diagnostics(s.open(folder / "post.md", DRAFT)))

    asyncio.run(session())


@pytest.mark.parametrize("ignore_file", [".gitignore", ".git/info/exclude"])
def test_saving_a_gitignore_lints_open_drafts_again(folder, ignore_file):
    # The command line does not check a file .gitignore (or the repository's own
    # .git/info/exclude) leaves out; an editor that kept its old answer after the file was saved
    # would show findings for a file lint no longer checks.
    subprocess.run(["git", "init", "-q", str(folder)], check=True)

    async def session():
        async with Session(folder, lang="en") as s:
            uri = s.open(folder / "post.md", DRAFT)
            assert "JP-P101" in _by_code(await s.diagnostics(uri))
            ignore = folder / ignore_file
            ignore.write_text("post.md\n", encoding="utf-8")
            s.client.text_document_did_save(
                lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=from_fs_path(str(ignore))))
            )
            [said] = await s.diagnostics(uri)
            assert said.severity == lsp.DiagnosticSeverity.Information
            assert "post.md: not checked" in said.message

    asyncio.run(session())


def test_saving_the_configuration_lints_open_drafts_again(folder):
    async def session():
        async with Session(folder) as s:
            uri = s.open(folder / "post.md", DRAFT)
            assert "JP-P101" in _by_code(await s.diagnostics(uri))
            config = folder / ".sm-lint.yaml"
            config.write_text(CONFIG + "ignore: [JP-P101]\n", encoding="utf-8")
            s.client.text_document_did_save(
                lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=from_fs_path(str(config))))
            )
            assert set(_by_code(await s.diagnostics(uri))) == {"JP-P201", "JP-L101"}
            # Saving the draft lints it (the configuration as it now is).
            s.client.text_document_did_save(
                lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
            )
            assert set(_by_code(await s.diagnostics(uri))) == {"JP-P201", "JP-L101"}
            # Closing clears its diagnostics.
            s.client.text_document_did_close(
                lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
            )
            assert list(await s.diagnostics(uri)) == []

    asyncio.run(session())


def test_what_lint_says_beside_its_report_is_shown_once(folder):
    # `lint` ends its summary with the rules the configuration turns off, and prints the rule
    # cache's notices: an editor showing no finding must not pass for a full check either.
    (folder / ".sm-lint.yaml").write_text(CONFIG + "ignore: [prohibited]\n", encoding="utf-8")
    shared = folder / "shared-cache"  # writable by anyone: the rule cache is not used
    shared.mkdir()
    shared.chmod(0o777)
    off = (lsp.MessageType.Info, "sm-lint: not checked (by .sm-lint.yaml): categories prohibited")

    async def session():
        async with Session(folder, lang="en", env={"SM_LINT_CACHE_DIR": str(shared)}) as s:
            uri = s.open(folder / "post.md", DRAFT)
            assert "JP-P101" not in _by_code(await s.diagnostics(uri))
            s.change(uri, DRAFT + "説明会は十時からです。\n", 2)
            await s.diagnostics(uri)
            await s.diagnostics(s.open(folder / "other.md", DRAFT))  # after any message of the change
            assert s.messages[0] == off
            [(kind, cache)] = s.messages[1:]  # each once, however often the drafts are linted
            assert kind == lsp.MessageType.Warning and cache.startswith(f"sm-lint: {shared}")
            assert cache.endswith(
                "not using the rule cache: the folder is owned or writable by another user"
                " (check its owner and permissions)"
            )
            # A configuration saved is a new one: what it turns off is said again, the cache's notice not.
            config = folder / ".sm-lint.yaml"
            s.client.text_document_did_save(
                lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=from_fs_path(str(config))))
            )
            await s.diagnostics(uri)  # both open drafts are linted again
            await s.diagnostics(from_fs_path(str(folder / "other.md")))
            assert s.messages[2:] == [off]

    asyncio.run(session())
