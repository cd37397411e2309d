"""Property tests: no input makes the linter raise anything but a one-line InputError,
and every finding points at exactly the text it reports."""

from __future__ import annotations

from fuzz.strategies import body, draft, draft_bytes, lint_and_check, read_lint_and_check
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sm_lint.text.tokenizer import _AS_SPACE, tokenize

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=draft)
def test_any_text_lints_with_findings_inside_the_text(linter, text):
    lint_and_check(linter, text)


@SETTINGS
@given(data=draft_bytes)
def test_any_bytes_read_or_fail_with_one_line(linter, data):
    read_lint_and_check(linter, data)


# Separators and blanks MeCab might skip or split on without saying so.
BLANKS = st.text(
    alphabet=st.sampled_from(list("\x0b\x0c\x1c\x1f\x85\u2028\u3000\u00a0\u200b\ufeff \t\r\x00\nあ漢a1")), max_size=30
)


@SETTINGS
@given(text=st.one_of(body, BLANKS))
def test_tokens_are_ordered_and_slice_to_their_surface(text):
    end = 0
    for token in tokenize(text):
        assert end <= token.start < token.end <= len(text)
        assert text[token.start : token.end].translate(_AS_SPACE) == token.surface
        end = token.end
