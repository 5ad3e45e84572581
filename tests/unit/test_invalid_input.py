"""Text a spaCy pipeline cannot take (a lone UTF-16 surrogate) is refused with a documented error."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_lint import InvalidInputError, Linter
from outreach_lint.diagnostics import InputError

SURROGATES = st.integers(0xD800, 0xDFFF).map(chr)
PLAIN = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"body": "a\ud800b"}, "body"),
    ({"html": "<p>Hi \udfff</p>"}, "html"),
    ({"subject": "Quick \udc00 idea", "body": "Hi Sam"}, "subject"),
])
def test_lint_message_names_the_field_with_a_lone_surrogate(linter: Linter, kwargs: dict[str, str], field: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        linter.lint_message(**kwargs)
    err = caught.value
    assert err.field == field and err.code == "E015"
    assert err.offset == kwargs[field].index(next(c for c in kwargs[field] if 0xD800 <= ord(c) <= 0xDFFF))
    assert str(err).startswith(f"{field}: E015 ") and "surrogate" in str(err)
    assert isinstance(err, ValueError)  # callers that caught the old UnicodeEncodeError still catch it


def test_lint_text_refuses_a_lone_surrogate(linter: Linter) -> None:
    with pytest.raises(InvalidInputError) as caught:
        linter.lint_text("Hi Sam,\n\nx\ud83d\n")
    assert caught.value.field == "text" and caught.value.offset == 10


def test_the_error_pickles_and_converts_to_an_errors_entry() -> None:
    err = InvalidInputError("body", 3, "E015", "lone surrogate U+D800 at offset 3")
    again = pickle.loads(pickle.dumps(err))
    assert (again.field, again.offset, again.code, again.message) == ("body", 3, "E015", err.message)
    assert err.to_error() == InputError("body", "E015", err.message)


@settings(max_examples=60, deadline=None)
@given(before=PLAIN, surrogate=SURROGATES, after=PLAIN)
def test_any_lone_surrogate_is_found_where_it_is(linter: Linter, before: str, surrogate: str, after: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        linter.lint_message(body=before + surrogate + after)
    assert caught.value.offset == len(before)
