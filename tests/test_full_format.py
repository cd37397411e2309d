"""The default output: one write per draft, rich only on a terminal, and the same text with
colours as without (the golden file in tests/golden/full.txt holds the text itself)."""

from __future__ import annotations

import io
import re
import subprocess
import sys

from rich.cells import cell_len

from sm_lint.findings import Finding
from sm_lint.io.document import Draft, line_starts
from sm_lint.report import ReportContext
from sm_lint.report.full import render
from tests.helpers import finding

# A tab before the match (rich expands it to the next stop of 8 cells), a bell character the
# terminal must not receive, and a row of hashtags wider than 120 cells shown as a window.
LINES = (
    "お問い合わせ\t道路課\x07へ。バカな客がいました。\n"
    + "#上越市 #高田城址公園 #観桜会 #雪下ろし #除雪 #春日山城 #謙信公祭 #うみがたり #直江津 #高田 " * 3
    + "あのバカな客のせいで残業だ。\n"
)


def _findings(path: str, text: str) -> list[Finding]:
    out = []
    for line_no, line in enumerate(text.splitlines(), 1):
        column = line.index("バカ") + 1
        out.append(
            finding(
                path=path,
                line=line_no,
                column=column,
                end_line=line_no,
                end_column=column + 2,
                rule="JP-P101",
                name="insult",
                clause_title="不適切な発信を行わないこと",
                message="侮辱的・不敬な表現「バカ」は公式の発信に使えません。",
                match="バカ",
                suggestion="その方:様子を見る:\\",
                end=2,
            )
        )
    return out


class CountingStream(io.StringIO):
    def __init__(self):
        super().__init__()
        self.writes = 0

    def write(self, text):
        self.writes += 1
        return super().write(text)


def _render(stream, color=None, drafts=("a.md", "b.md")):
    findings = [f for path in drafts for f in _findings(path, LINES)]
    render(
        findings,
        ReportContext(
            color=color,
            checked=list(drafts),
            stream=stream,
            source_lines={p: Draft(p, LINES, 0, {}, line_starts(LINES)) for p in drafts},
        ),
    )
    return stream.getvalue()


def test_one_write_per_draft_and_one_for_the_summary(monkeypatch):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    stream = CountingStream()
    text = _render(stream)
    assert stream.writes == 3
    assert text.count("JP-P101") == 4 and text.endswith("2 件の下書きを確認: エラー 4 件、警告 0 件、情報 0 件\n")


def test_the_text_is_what_a_terminal_shows_without_its_colours(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    plain = _render(io.StringIO())
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich takes the stream for a terminal
    coloured = _render(io.StringIO())
    assert "\x1b[" in coloured and "\x1b" not in plain
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
    # the tab expanded at a stop of 8 cells, the bell removed, the caret under the match
    first = plain.splitlines()[2:4]
    assert first[0] == "    1 | お問い合わせ    道路課へ。バカな客がいました。"
    assert first[1] == " " * cell_len(first[0][: first[0].index("バカ")]) + "^^^^"
    # the wide line as a window around the match
    assert "    2 | …謙信公祭 #うみがたり #直江津 #高田 あのバカな客のせいで残業だ。\n" in plain
    # a suggestion is printed as written: no emoji for ":様子を見る:" and no doubled backslash
    assert "  言い換え例: その方:様子を見る:\\\n" in plain


def test_a_piped_report_does_not_load_rich_s_console(tmp_path):
    # (rich.cells, its table of character widths, is used for the carets)
    draft = tmp_path / "下書き.md"
    draft.write_text("窓口に来たあのバカな客のせいで説明会が長引きました。\n", encoding="utf-8")
    code = (
        "import sys\nfrom sm_lint.cli import main\ntry:\n    main([sys.argv[1]])\n"
        "except SystemExit:\n    print('rich.console' in sys.modules, 'rich.text' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(draft)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert "JP-P101" in done.stdout, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "False False"


def test_the_width_cache_keeps_no_long_line():
    # The default output measures each finding's line and its slices; a draft of one long
    # line kept whole in the cache held twice the memory JSON needs (110 MB against 43 MB on
    # a 0.9 MB line). Only short texts are kept, as rich keeps them.
    from sm_lint.report import cells

    line = "雪まつりの会場はこちらです。" * 10_000
    before = cells._short_cell_len.cache_info().currsize
    assert cells.cell_len(line) == cell_len(line)
    assert cells._short_cell_len.cache_info().currsize == before
    short = "雪灯籠まつり会場の案内図（第三版）"
    assert cells.cell_len(short) == cell_len(short) and cells._short_cell_len.cache_info().currsize == before + 1
