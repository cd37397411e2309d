"""Time linear in a draft's size and memory bounded per input byte (issue 25, 4; issue 22, 5).

Memory is the peak RSS of a `sm-lint` process on a 2 MB draft less that of one on a short
draft (what the interpreter, the dictionary and the rules take, the same for any draft),
divided by the draft's bytes; and the peak of the Python heap (tracemalloc) with every rule
turned on by the front matter, which load and the dictionary's pages do not move. Time is
not measured here: for the steps that were quadratic, the lines of sm-lint's code run on four
times the input are counted against those run on one (tests/helpers.py `operations`: a count,
the same on any machine under any load). Wall-clock figures (10 MB against 1 MB) are
bench/speed.py's."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import assert_linear_work
from sm_lint.checks.privacy.names import names
from sm_lint.checks.privacy.phones import phones
from sm_lint.io.document import parse_draft
from sm_lint.rules.gate import MAX_CHARS
from sm_lint.text.analysis import analyse

SENTENCES = (
    "高田城址公園で観桜会を開きます。夜桜のライトアップは18時からです。\n",
    "燃やせるごみは収集日の朝8時30分までに出してください。\n",
    "講師は上越大学の山田花子さんです。問い合わせ：環境保全課 025-526-5111\n",
    "詳しくは市のホームページをご覧ください。https://www.city.joetsu.niigata.jp/site/kanko/ #上越市\n",
    "窓口に来たあのバカな客のせいで残業だ。12月29日から1月3日までは休みます。\n",
)
MIXED = (
    "Joetsu City will open the Takada Castle cherry blossom festival on April 1, 2027.\n",
    "Snow removal: call 025-526-5111 or see https://www.city.joetsu.niigata.jp/site/bousai/ for details.\n",
    "Der Bus fährt heute normal. Автобус ходит как обычно. 除雪の情報です。\n",
    "ID: A1B2C3D4E5F6G7H8 / ref #joetsu_city 2026-12-07T10:00:00+09:00\n",
)


def _draft(lines: tuple[str, ...], size: int) -> bytes:
    data = "".join(lines).encode("utf-8")
    return (data * (size // len(data) + 1))[:size].decode("utf-8", "ignore").encode("utf-8")


def _measured(path, start: str, figure: str) -> int:
    """`figure` after `sm-lint` linted `path` in a process of its own (`start` runs after the
    imports, before the lint)."""
    code = (
        f"import resource, sys, tracemalloc\nfrom sm_lint.cli import main\n{start}\n"
        f"try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\nprint({figure}, file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, "--format", "json", "--max-draft-size", "3MB", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    return int(out.stderr.split()[-1])


def _peak_kib(path) -> int:
    """Peak RSS (KiB) of `sm-lint` linting `path` in a process of its own."""
    return _measured(path, "", "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss")


@pytest.fixture(scope="module")
def floor_kib(tmp_path_factory) -> int:
    path = tmp_path_factory.mktemp("short") / "post.md"
    path.write_bytes(_draft(SENTENCES, 2_000))
    _peak_kib(path)  # the first run may compile the rules (a cache miss takes more memory)
    return _peak_kib(path)


@pytest.mark.parametrize("lines", [SENTENCES, MIXED], ids=["japanese", "latin-mixed"])
def test_memory_stays_under_30_bytes_per_input_byte_on_a_2_mb_draft(tmp_path, floor_kib, lines):
    # A Token object per token (about 180 bytes with its offsets), three indexes of Python ints
    # and a list of every character took 85 bytes per byte of a Japanese draft.
    path = tmp_path / "post.md"
    path.write_bytes(_draft(lines, 2_000_000))
    per_byte = (_peak_kib(path) - floor_kib) * 1024 / path.stat().st_size
    print(f"{per_byte:.1f} bytes of memory per input byte")
    assert per_byte <= 30, f"{per_byte:.0f} bytes of memory per input byte"


# Front matter that turns on every rule with a `when:` (every platform's limits, replies), and
# text that every kind of rule reads (rare loanwords, names, phones, dates, links).
EVERY_RULE = "---\nplatform: [x, facebook, instagram, line, youtube, tiktok]\nkind: reply\n---\n"
LOANWORDS = (*SENTENCES, "事業者へのインセンティブを設け、エビデンスに基づく施策を進めます。\n")


def _traced_peak(path) -> int:
    """Peak bytes of the Python heap (tracemalloc) while `sm-lint` lints `path`, in a process of
    its own, from after the imports. Unlike the RSS it counts neither the dictionary pages that
    MeCab touches (tens of MB, more the more words a draft has, the same for any large draft)
    nor the allocator's slack: what sm-lint's own passes hold, exactly, whatever the load."""
    return _measured(path, "tracemalloc.start()", "tracemalloc.get_traced_memory()[1]")


def test_every_rule_keeps_the_python_heap_under_30_bytes_per_input_byte(tmp_path):
    # The RSS test above runs the rules without a `when:` on a draft with no front matter; here
    # every rule runs. Per-draft passes had crept in: a tuple of every Token (rare loanwords, 45
    # bytes per input byte), an int object per character of the text the platform limits count
    # (18) and a Sentence object per sentence (plain-Japanese score, 1).
    # The shorter draft is longer than the gate reads (rules/gate.py MAX_CHARS), so that it too
    # loads every rule's matcher from the rule cache (rules/deferred.py): memory of the rules,
    # not of the draft.
    short, large = tmp_path / "short.md", tmp_path / "large.md"
    short.write_bytes(EVERY_RULE.encode() + _draft(LOANWORDS, 4 * MAX_CHARS))
    large.write_bytes(EVERY_RULE.encode() + _draft(LOANWORDS, 500_000))
    _peak_kib(short)  # the first run may compile the rules (a cache miss); untraced, 4 s less
    grown = large.stat().st_size - short.stat().st_size
    per_byte = (_traced_peak(large) - _traced_peak(short)) / grown
    print(f"{per_byte:.1f} bytes of Python heap per input byte")
    assert per_byte <= 30, f"{per_byte:.0f} bytes of Python heap per input byte"


@pytest.mark.parametrize(
    "line, rule",
    [
        ("写真：講師の山田花子さんです。\n", "JP-F104"),
        ("山田花子さん 090-1234-5678\n", "JP-I107"),
        ("山田花子さん 025-543-1234\n", "JP-I101"),
    ],
)
def test_names_photos_and_phones_on_many_lines_take_linear_work(rules, line, rule):
    # Each line with a photo looked at every name of the draft, and each name at every phone
    # number (and each number at every name): a 10 MB draft spent a minute there.
    matcher = next(r for r in rules if r.id == rule).matcher

    def analysed(lines: int):
        analysis = analyse(parse_draft(line * lines, "post.md"))
        assert len(names(analysis)) == lines and phones(analysis) is not None  # found once, before timing
        return analysis

    small, large = analysed(1_000), analysed(4_000)
    assert list(matcher.find(large))
    # each name against every phone ran 12 to 16 times the lines on four times the lines of draft
    assert_linear_work(lambda analysis: list(matcher.find(analysis)), small, large)


@pytest.mark.parametrize(
    "line, rule",
    [
        ("図々しい客がまた来た。\n", "JP-P107"),  # ordered: phrase
        ("図々しい客がまた来た、", "JP-P107"),  # one long sentence: each anchor read every word before it
        ("あの窓口の人、ほんとにわがままで困る。\n", "JP-P109"),  # within 40 characters, report: 2
        ("障害者は、どうせイベントに来ても楽しめないでしょ。\n", "JP-P212"),  # adjacent, any
        ("母子家庭の子は落ち着きのない子が多いんです。\n", "JP-P215"),  # a construction inside any
    ],
)
def test_constructions_on_many_judgments_take_linear_work(rules, line, rule):
    # Each anchor of a construction looked at every hit of its other parts in the whole draft
    # (and each match at every veto and every stretch reported; `phrase`, every word of the
    # sentence before it): quadratic in the judgments.
    matcher = next(r for r in rules if r.id == rule).matcher
    small, large = (analyse(parse_draft(line * lines, "post.md")) for lines in (200, 800))
    assert len(list(matcher.find(small))) == 200
    assert_linear_work(lambda analysis: list(matcher.find(analysis)), small, large)


def test_the_citys_numbers_on_many_lines_take_linear_work():
    # The contacts beside a surname (names.py) looked at every one of the city's numbers for each
    # number of the draft: quadratic in a long list of the city's numbers.
    from sm_lint.checks.privacy.names import _surnames_beside_numbers

    line = "問い合わせ：環境保全課 025-526-5111\n"
    small, large = (analyse(parse_draft(line * lines, "post.md")) for lines in (500, 2_000))
    assert all(p.allowed for p in phones(large)) and len(phones(small)) == 500  # found before counting
    assert_linear_work(lambda analysis: _surnames_beside_numbers(analysis, set(), frozenset()), small, large)
