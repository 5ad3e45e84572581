"""Words whose meaning depends on their context: the country "US", a lowercase "id", a Title-Cased line,
a topic word inside a measured result, one ordinary word in a subject."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_lint import Linter


def found(linter: Linter, code: str, text: str, profile: str | None = None):
    return [d for d in linter.lint_text(text, "text", profile=profile).diagnostics if d.code == code]


def metrics(linter: Linter, text: str) -> dict:
    return linter.lint_text(text, "text").metrics


# -- "US" the country is not "us" the seller ------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Your stores in the US close their books on the fifth.",
        "Most of your buyers are in the U.S. and Canada.",
        "Your US warehouses ship twice a day.",
        "You opened three US offices this year.",
    ],
)
def test_the_country_is_not_the_seller(linter: Linter, sentence: str) -> None:
    assert metrics(linter, f"Hi Sam,\n\n{sentence} How do you plan stock?\n")["seller_references"] == 0


@pytest.mark.parametrize(
    "text,seller",
    [
        ("Hi Sam,\n\nTell us how your team plans stock today.\n", 1),
        ("Hi Sam,\n\nCALL US TODAY about your stock.\n", 1),  # all capitals: still the pronoun
        ("Hi Sam,\n\nLet us know if your US team would like the notes.\n", 1),
    ],
)
def test_the_pronoun_still_counts(linter: Linter, text: str, seller: int) -> None:
    assert metrics(linter, text)["seller_references"] == seller


# -- a lowercase "id" is an identifier, not "I'd" ----------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Hi Sam,\n\nSend your user id and your team can see the report.\n",
        "Hi Sam,\n\nYour account id is on the invoice. Does your team keep it?\n",
    ],
)
def test_lowercase_id_is_not_i(linter: Linter, text: str) -> None:
    report = linter.lint_text(text, "text")
    assert report.metrics["seller_references"] == 0
    assert "PC003" not in [d.code for d in report.diagnostics]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["user", "account", "order", "tenant"]), st.sampled_from(["id", "id,", "id."]))
def test_lowercase_id_is_one_word(linter: Linter, noun: str, word: str) -> None:
    text = f"Hi Sam,\n\nYour {noun} {word} is on the form you sent.\n"
    assert metrics(linter, text)["seller_references"] == 0


# -- GN002: a Title-Cased line is not a name -----------------------------------------------------------------
GENERIC = (
    "We help businesses grow faster with smarter tools that save time and money every single day. Most teams "
    "find that our approach makes work easier and helps them get more done with less effort. Would you like "
    "to see a short demo next week?\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "Subject: Quick Question About Your Growth Plans\n\nHi there,\n\n" + GENERIC,
        "Subject: A Better Way To Grow\n\nHello,\n\n" + GENERIC,
        "Hi there,\n\nSmarter Tools For Growing Teams\n\n" + GENERIC,
        "Hi there,\n\nSales Leaders tell us the same thing. " + GENERIC,
    ],
)
def test_title_case_is_not_a_reader_name(linter: Linter, text: str) -> None:
    assert found(linter, "GN002", text, profile="cold-email")


@pytest.mark.parametrize(
    "text",
    [
        "Subject: Northwind's second site\n\nHi there,\n\n" + GENERIC,
        "Hi there,\n\nSaw that Northwind opened a site in Leeds. " + GENERIC,
        "Hi there,\n\nNorthwind opened a second site last month. " + GENERIC,
    ],
)
def test_real_names_still_count(linter: Linter, text: str) -> None:
    assert not found(linter, "GN002", text, profile="cold-email")


# -- FH001/FH003: a measured result is not jargon -------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Hi Sam,\n\nAt a firm like yours, utilization went from 72% to 91% in one quarter. Worth a look?\n",
        "Hi Sam,\n\nOne of your peers saw utilization rise 19 points after the switch. Worth a look?\n",
        "Hi Sam,\n\nTheir fleet utilization climbed to 88% by March. Worth a look?\n",
    ],
)
def test_a_measured_result_is_not_jargon(linter: Linter, text: str) -> None:
    assert not found(linter, "FH001", text)


def test_jargon_verbs_still_count(linter: Linter) -> None:
    assert found(linter, "FH001", "Hi Sam,\n\nYour team could utilize one shared rota. Worth a look?\n")


def test_feature_terms_in_a_result_do_not_tip_density(linter: Linter) -> None:
    text = (
        "Hi Sam,\n\nAt a shop your size, dashboard adoption went from 20% to 85% and API traffic grew to 300% "
        "of the old level. Automation coverage rose to 60%, and alerts went from 40 to 4 a day. Worth a look?\n"
    )
    assert not found(linter, "FH003", text)


def test_feature_counts_that_are_specs_still_tip_density(linter: Linter) -> None:
    text = (
        "Hi Sam,\n\nOur platform has 200 integrations, 40 dashboards, an API and 12 automation templates. "
        "Worth a look?\n"
    )
    assert found(linter, "FH003", text)


# -- SJ003: one ordinary word is not shouting --------------------------------------------------------------
@pytest.mark.parametrize(
    "subject",
    ["Cash flow at Northwind", "Your free trial ended", "Cash", "The urgent-care rota"],
)
def test_one_ordinary_word_is_not_shouting(linter: Linter, subject: str) -> None:
    assert not found(linter, "SJ003", f"Subject: {subject}\n\nHi Sam,\n\nWorth a look?\n", profile="cold-email")


@pytest.mark.parametrize(
    "subject",
    ["FREE cash for your team", "Act now: limited time offer", "Free money!!", "GUARANTEED results", "Earn $500 today",
     "Risk-free trial, no obligation", "Last chance"],
)
def test_real_spam_subjects_still_shout(linter: Linter, subject: str) -> None:
    assert found(linter, "SJ003", f"Subject: {subject}\n\nHi Sam,\n\nWorth a look?\n", profile="cold-email")


# -- numbers: what the reader has, not what the seller promises -----------------------------------------------
_GENERIC_TAIL = " We built a tool for that kind of work, and it takes an afternoon to set up. Worth a look next week?"


@pytest.mark.parametrize(
    "sentence",
    [
        "You'd mentioned that your 40 reps spend Fridays on admin.",
        "You cut refunds by 12% last quarter.",
        "Your team runs 3 depots and ships twice a day.",
    ],
)
def test_the_readers_numbers_are_a_trace(linter: Linter, sentence: str) -> None:
    assert not found(linter, "GN002", f"Subject: Fridays\n\nHi Sam,\n\n{sentence}{_GENERIC_TAIL}\n")


@pytest.mark.parametrize(
    "sentence",
    [
        "What if you could free up 20 hours a week for your team?",
        "You'll save 40% on every order from the first month.",
        "Most teams like yours double their output in 90 days.",
        "That is one place for your team to plan the work.",
    ],
)
def test_a_promises_numbers_are_no_trace(linter: Linter, sentence: str) -> None:
    assert found(linter, "GN002", f"Subject: An idea\n\nHi Sam,\n\n{sentence}{_GENERIC_TAIL}\n")


def test_the_greetings_name_in_the_subject_is_no_trace(linter: Linter) -> None:
    body = "Clinicians are busier than ever, and the paperwork keeps growing." + _GENERIC_TAIL
    assert found(linter, "GN002", f"Subject: Dr. Okafor, a question\n\nDr. Okafor,\n\n{body}\n")
    assert not found(linter, "GN002", f"Subject: Dr. Okafor, your Leeds clinic\n\nDr. Okafor,\n\n{body}\n")
