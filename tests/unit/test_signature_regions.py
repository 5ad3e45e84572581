"""Signatures and P.S. lines: what after the message's last sentence is the sender's text, and what is not.

A P.S. after the sign-off is written for the reader and is linted; a contact block at the end (a name, a
title, a phone number, a link, or the template fields that fill them in) is a signature even without
"Best," above it. Findings in a P.S. point at the exact characters of the source.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_lint import Linter

from ..conftest import codes

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

_BODY = "Hi Sam,\n\nYour Leeds site opened in May. Worth a look at how the stock counts went?\n\n"
# A ≥30-word note with nothing about its reader: GN002's case when nothing else traces the reader.
_GENERIC = (
    "Hi {{first_name}},\n\nWe help businesses grow faster with smarter tools that save time and money every "
    "single day. Most teams find that our approach makes work easier and helps them get more done. Would you "
    "like to see a short demo next week?\n\n"
)


def _excluded(report) -> dict[str, int]:
    return dict(report.metrics["excluded"])


def _signature_is(report, signature: str) -> bool:
    """The signature left out is exactly ``signature`` (with the line break that ends it, or not)."""
    return _excluded(report).get("signature") in (len(signature), len(signature) + 1)


def test_ps_after_the_sign_off_is_linted(linter: Linter) -> None:
    text = _BODY + "Best,\nAna\n\nP.S. Our world-class team can run the counts for you.\n"
    r = linter.lint_text(text)
    [d] = [d for d in r.diagnostics if d.code == "PC002"]
    assert d.excerpt == "world-class" and text[d.start.offset : d.end.offset] == "world-class"
    assert (d.start.line, d.start.column) == (8, 10)
    # The sign-off and the name are still the signature.
    assert _signature_is(r, "Best,\nAna")


def test_every_spelling_of_a_postscript(linter: Linter) -> None:
    for lead in ("P.S.", "PS:", "PS", "P.P.S.", "p.s.", "P.S:", "PPS:"):
        text = _BODY + f"Thanks,\nAna\n\n{lead} Our world-class team can help.\n"
        assert "PC002" in codes(linter.lint_text(text)), lead


def test_a_postscript_after_a_contact_block_and_a_second_one(linter: Linter) -> None:
    text = (
        _BODY + "Regards,\nAna Silva\nHead of Sales, Acme\n+44 20 7946 0000\n\n"
        "P.S. Saw your panel talk.\n\nP.P.S. Our best-in-class guide is attached.\n"
    )
    r = linter.lint_text(text)
    assert [d.excerpt for d in r.diagnostics if d.code == "PC002"] == ["best-in-class"]
    sig = "Regards,\nAna Silva\nHead of Sales, Acme\n+44 20 7946 0000"
    assert _signature_is(r, sig)


def test_a_word_that_starts_with_ps_is_not_a_postscript(linter: Linter) -> None:
    text = _BODY + "Best,\nAna\nPSD2 world-class compliance lead\n"
    assert "PC002" not in codes(linter.lint_text(text))


def test_contact_block_without_a_sign_off_is_a_signature(linter: Linter) -> None:
    text = _BODY.rstrip("\n") + "\nAna Silva\nWorld-class Sales Lead, Acme\n+44 20 7946 0000\nana@acme.io\n"
    r = linter.lint_text(text)
    assert "PC002" not in codes(r)
    assert _signature_is(r, "Ana Silva\nWorld-class Sales Lead, Acme\n+44 20 7946 0000\nana@acme.io")


def test_contact_block_in_its_own_paragraph(linter: Linter) -> None:
    text = _BODY + "Ana Silva | Acme\nwww.acme.io\n"
    r = linter.lint_text(text)
    assert _signature_is(r, "Ana Silva | Acme\nwww.acme.io")


def test_template_contact_block_is_not_body(linter: Linter) -> None:
    # The sender's own fields are not a trace of the reader: GN002 still sees a note written for anyone.
    for block in ("{{sender.name}}\n{{sender.title}}, {{sender.company}}", "[Your Name]\n[Title]\n[Phone]"):
        r = linter.lint_text(_GENERIC + block + "\n")
        assert "GN002" in codes(r), block
        assert _signature_is(r, block), block


def test_a_dash_and_a_name_on_the_last_line_sign_the_message(linter: Linter) -> None:
    for sign in ("- Brian", "—Ana Ruiz", "-- Sam"):
        report = linter.lint_message(body=f"I'd like to add you to my professional network.\n\n{sign}",
                                     profile="linkedin")
        assert _excluded(report).get("signature") == len(sign), sign
        assert "LI002" in codes(report), sign  # the sender's name is no reason to connect
    listed = linter.lint_message(body="Two steps before Friday:\n\n- Book\n- Pay")
    assert "signature" not in _excluded(listed)


def test_short_last_sentence_is_body(linter: Linter) -> None:
    for last in ("Worth a look?", "Tuesday at 10 works for me.", "Does Thursday work?"):
        text = "Hi Sam,\n\nYour Leeds site opened in May and the counts doubled.\n" + last + "\n"
        r = linter.lint_text(text)
        assert "signature" not in _excluded(r), last
        assert "CTA001" not in codes(r) or last.endswith("."), last


def test_title_case_sentence_without_contact_detail_stays_body(linter: Linter) -> None:
    text = "Hi Sam,\n\nOur world-class team can help.\nWorth A Look?\n"
    r = linter.lint_text(text)
    assert "signature" not in _excluded(r)
    assert "PC002" in codes(r)


_NAMES = st.sampled_from(["Ana", "Ana Silva", "Tom de Vries", "The Acme Team"])
_SIGN_OFFS = st.sampled_from(["Best,", "Thanks,", "Cheers", "Kind regards,", "--"])
_CONTACT = st.lists(st.sampled_from(["Head of Sales, Acme", "+44 20 7946 0000", "ana@acme.io", "www.acme.io", "Acme Ltd."]),
                    max_size=3)
_LEADS = st.sampled_from(["P.S.", "PS:", "P.P.S.", "PS", "P.S"])
_FILLER = st.sampled_from(["Saw your panel talk.", "the", "counts", "at Leeds", "and", "café", "naïve", "日本"])
_NEWLINE = st.sampled_from(["\n", "\r\n"])


@SETTINGS
@given(name=_NAMES, sign_off=_SIGN_OFFS, contact=_CONTACT, lead=_LEADS,
       before=st.lists(_FILLER, max_size=4), after=st.lists(_FILLER, max_size=4), newline=_NEWLINE,
       gap=st.sampled_from(["", "\n"]))
def test_findings_in_a_postscript_point_at_the_source(linter: Linter, name, sign_off, contact, lead, before, after,
                                                     newline, gap) -> None:
    ps = " ".join([lead, *before, "world-class", *after])
    lines = ["Hi Sam,", "", "Your Leeds site opened in May. Worth a look?", "", sign_off, name, *contact, *([""] if gap else []), ps]
    text = newline.join(lines) + newline
    r = linter.lint_text(text)
    found = [d for d in r.diagnostics if d.code == "PC002"]
    assert len(found) == 1, (text, codes(r))
    d = found[0]
    at = text.index("world-class")
    assert (d.start.offset, d.end.offset) == (at, at + len("world-class"))
    assert d.excerpt == "world-class"
    line = text[:at].count("\n") + 1
    assert d.start.line == line
