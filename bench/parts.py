"""Where a draft's time goes, in one process, once warm: reading, analysing (tokenizing apart),
checking with all rules, each kind of rule, and the rules whose own search costs most.

    python bench/parts.py [--drafts N] [--repeats N]

Each figure is the best of several repeats over the same synthetic drafts (bench/corpus.py),
so a noisy moment does not count. A kind is checked alone, as the engine checks (its gate,
its findings), so its figure includes the work it shares with other kinds (names and phone
numbers, token indexes, the post's metadata): the kinds add up to more than all rules. A
rule's own search is timed with that shared work already done. Timed apart, the steps add up
to less than the whole lint of a draft (each has the processor's caches to itself).
`bench/speed.py` measures whole runs, with start-up and output.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from corpus import write_corpus  # noqa: E402

from sm_lint.io.document import read_draft  # noqa: E402
from sm_lint.io.inputs import Source  # noqa: E402
from sm_lint.rules.deferred import Deferred  # noqa: E402
from sm_lint.rules.engine import check  # noqa: E402
from sm_lint.run.linter import Linter  # noqa: E402
from sm_lint.text.analysis import Analysis, _blank, analyse  # noqa: E402
from sm_lint.text.draftcache import forget  # noqa: E402
from sm_lint.text.tokenizer import tokenize  # noqa: E402
from timing import best  # noqa: E402


def checking(analyses, rules):
    """The engine's check of every draft, on a fresh Analysis of it: what rules share (memos,
    cached properties) is computed afresh for each, as in a real run."""

    def run():
        for a in analyses:
            check(Analysis(a.draft, a.view, a.entities, a.tokens, a.config), rules)
            forget()

    return run


def own_search(analyses, rule):
    """One rule's search of every draft, with the work it shares already done."""

    def run():
        for analysis in analyses:
            if rule.when is None or rule.when(analysis):
                for _ in rule.matcher.find(analysis):
                    pass

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp), args.drafts)
        data = [(str(p), p.read_bytes()) for p in paths]
    linter = Linter()
    config = linter.config_for(Source(*data[0][:1], paths[0]))
    rules = linter.rules_for(config)
    for name, raw in data[:100]:  # imports, first compiles, caches of dictionary words
        linter.lint_source(Source(name, Path(name)), raw)
    drafts = [read_draft(name, raw) for name, raw in data]
    analyses = [analyse(draft, config) for draft in drafts]
    # what analyse() gives the tokenizer: the view with links and mentions blanked
    tokenized = [_blank(a.text, list(a.entities)) if a.entities else a.text for a in analyses]
    n, r = len(drafts), args.repeats
    per_draft = 1000 / n  # ms per run -> µs per draft

    rows = [
        (
            "whole lint of each draft (read to filtered findings)",
            best(r, lambda: [linter.lint_source(Source(name, Path(name)), raw) for name, raw in data]),
        ),
        ("reading (decode, front matter)", best(r, lambda: [read_draft(name, raw) for name, raw in data])),
        ("analysing (normalize, links, tokens)", best(r, lambda: [(analyse(d, config), forget()) for d in drafts])),
        ("  of which tokenizing", best(r, lambda: [(tokenize(text), forget()) for text in tokenized])),
        (f"checking with all {len(rules)} rules (findings included)", best(r, checking(analyses, rules))),
    ]
    print(f"{n} drafts, best of {r}; µs per draft")
    for label, ms in rows:
        print(f"  {label:<56} {ms * per_draft:7.1f}")

    kinds = defaultdict(list)
    for rule in rules:
        # the kind, not the rule cache's wrapper (rules/deferred.py)
        matcher = rule.matcher.matcher if isinstance(rule.matcher, Deferred) else rule.matcher
        kinds[type(matcher).__name__].append(rule)
    print("each kind of rule alone (with the work it shares)")
    alone = {kind: best(r, checking(analyses, members)) for kind, members in kinds.items()}
    for kind, ms in sorted(alone.items(), key=lambda item: -item[1]):
        print(f"  {kind:<40} {len(kinds[kind]):2} rules {ms * per_draft:7.1f}")
    check_all = checking(analyses, rules)
    check_all()  # leaves each draft's shared work in its memo
    print("the costliest own searches (shared work done, no gate)")
    own = {rule.id: best(r, own_search(analyses, rule)) for rule in rules}
    for rule_id, ms in sorted(own.items(), key=lambda item: -item[1])[:10]:
        print(f"  {rule_id:<56} {ms * per_draft:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
