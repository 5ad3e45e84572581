"""Fuzzing the HTTP API with hostile message text: pieces of every syntax, left open and repeated.

For every generated request: the answer is a report or a named client error (never a 5xx), it comes
within 5 seconds (a hang guard; the service's own time limit is higher), and every excerpt is the
slice of the message the service linted.
"""

from __future__ import annotations

import time

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PIECES = [
    "{{", "}}", "{%", "%}", "{#", "#}", "*|", "|*", "[", "]", "![", "](", "**", "*", "<!--", "-->", "<p>", "</p>",
    "&#", "&amp;", "Subject:", "\n", "\n\n", " ", "@", "a.", "http://", "_a", "[A", "[first name", "re:", "Best,",
    "We", "our platform", "you", "?", ".", "é", "👋🏽", "\u00a0", "\ud800", "\udc00",
]
PIECE = st.sampled_from(PIECES)
TEXT = st.lists(st.one_of(PIECE, PIECE, st.tuples(PIECE, st.integers(1, 1500)).map(lambda t: t[0] * t[1])),
                max_size=30).map("".join).map(lambda s: s[:5000])
HANG_GUARD = 5.0


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(subject=st.one_of(st.none(), TEXT.map(lambda s: s[:300])), body=TEXT, as_html=st.booleans())
def test_hostile_text_gets_a_report_or_a_named_error(client: httpx.Client, subject: str | None, body: str, as_html: bool) -> None:
    fields = {"subject": subject, ("html" if as_html else "body"): body}
    # JSON cannot carry a lone surrogate as UTF-8; send it as the \\u escape a client library would.
    started = time.perf_counter()
    response = client.post("/v1/lint", content=_json(fields), headers={"content-type": "application/json"})
    assert time.perf_counter() - started < HANG_GUARD
    assert response.status_code in (200, 422), response.text
    answer = response.json()
    if response.status_code == 422:
        assert answer["error"]["code"] and answer["error"]["fields"]
        return
    # Offsets count from the message as the service assembles it: a Subject line, a blank line, the text.
    source = (f"Subject: {subject}\n\n" if subject is not None else "") + body
    for d in answer["diagnostics"]:
        assert source[d["start"]["offset"] : d["end"]["offset"]] == d["excerpt"]


def _json(fields: dict[str, str | None]) -> bytes:
    import json

    return json.dumps(fields, ensure_ascii=True).encode("ascii")
