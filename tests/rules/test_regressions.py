"""Rules that once said the wrong thing: each case is the smallest message that showed it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_lint import Linter


def found(linter: Linter, code: str, text: str, profile: str | None = None):
    return [d for d in linter.lint_text(text, "text", profile=profile).diagnostics if d.code == code]


# -- PC003: the ratio message reads as English whatever the counts -----------------------------------------
SELLER = ["We built our tool.", "Our team ships it.", "I think we can help.", "My team and I love it.", "We run our stack."]
READER = ["Is your team busy?", "You hire fast.", "How is your launch?"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(SELLER), min_size=3, max_size=8), st.lists(st.sampled_from(READER), max_size=3))
def test_pc003_message_reads_naturally_for_any_counts(linter: Linter, seller: list[str], reader: list[str]) -> None:
    text = "Hi Sam,\n\n" + " ".join(seller + reader) + "\n"
    for d in found(linter, "PC003", text):
        m = d.message
        assert "(no)" not in m and "inf" not in m and "{" not in m, m
        assert not re.search(r"\b1 times\b", m), m  # "once", or a count that takes no "times"
        numbers = [int(n) for n in re.findall(r"we/I/our: (\d+), you/your: (\d+)", m)[0]]
        assert numbers[0] >= 5 and numbers[0] > 2 * numbers[1]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Hi Sam,\n\nWe built our tool. We love our process. We think it helps.\n",
         "seller words outnumber reader words 5 to 0 (we/I/our: 5, you/your: 0)"),
        ("Hi Sam,\n\nWe built our tool. We love our process. We think it helps your team.\n",
         "seller words outnumber reader words 5 to 1 (we/I/our: 5, you/your: 1)"),
        ("Hi Sam,\n\nWe built our tool. We love our process, and we think our team and I help your team and you.\n",
         "seller words outnumber reader words 3.5 to 1 (we/I/our: 7, you/your: 2)"),
    ],
    ids=["no-reader", "one-reader", "fractional"],
)
def test_pc003_message_states_the_counts(linter: Linter, text: str, expected: str) -> None:
    [d] = found(linter, "PC003", text)
    assert d.message.startswith(expected), d.message


# -- PR003: one guilt phrase, one finding ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,excerpt",
    [
        # Two patterns of the guilt lexicon side by side: "just bumping this" + "to the top of your inbox".
        ("Hi Jo,\n\nJust bumping this to the top of your inbox. Can we talk?\n",
         "Just bumping this to the top of your inbox"),
        # A guilt pattern and a no-reply pattern overlapping: "still haven't heard" + "haven't heard back".
        ("Hi Jo,\n\nI still haven't heard back from you. Can we talk?\n", "still haven't heard back"),
        ("Subject: Just bumping this to the top of your inbox\n\nHi Jo,\n\nCan we talk on Friday?\n",
         "Just bumping this to the top of your inbox"),
    ],
    ids=["adjacent-patterns", "overlapping-lexicons", "subject"],
)
def test_pr003_one_phrase_gives_one_finding(linter: Linter, text: str, excerpt: str) -> None:
    hits = found(linter, "PR003", text, profile="follow-up")
    assert [d.excerpt for d in hits] == [excerpt]


def test_pr003_still_reports_each_phrase_of_its_own(linter: Linter) -> None:
    text = ("Subject: Did you get my last email?\n\nHi Jo,\n\nJust bumping this. I've reached out several times.\n\n"
            "Any update?\n")
    hits = found(linter, "PR003", text, profile="follow-up")
    assert [d.excerpt for d in hits] == [
        "Did you get my last email", "Just bumping this", "I've reached out several times", "Any update?",
    ]
    assert [d.region for d in hits][0] == "subject"


# -- CTA004: closing wishes and social links are not asks -----------------------------------------------------
INTRO = ("Hi Sam,\n\nYour team posted four analyst roles this month. That usually means reports are piling up.\n\n"
         "Teams your size cut their Monday reporting from a day to an hour.\n\n")
ASK = "Would a 15-minute call on Tuesday work?"


@pytest.mark.parametrize(
    "close",
    [
        "Have a great weekend!\n\nFollow us on LinkedIn | Twitter\n",
        "Follow us on LinkedIn | Twitter\n\nHave a great weekend!\n",
        "Hope you have a good week, and good luck with the Leeds launch next month!\n",
        "Enjoy the rest of your week!\n\nFollow us on LinkedIn | Twitter | Instagram\n",
    ],
    ids=["wish-then-links", "links-then-wish", "long-wish", "enjoy-then-links"],
)
def test_cta004_an_ask_followed_only_by_courtesies_is_not_buried(linter: Linter, close: str) -> None:
    assert found(linter, "CTA004", INTRO + ASK + "\n\n" + close) == []


def test_cta004_never_calls_a_social_link_the_buried_ask(linter: Linter) -> None:
    text = (INTRO + ASK + " Follow us on LinkedIn | Twitter\n\nHave a great weekend and enjoy the sunshine while it "
            "lasts, it will not last long!\n")
    assert all("Follow us" not in d.message for d in found(linter, "CTA004", text))


def test_cta004_a_social_link_at_the_end_does_not_hide_a_buried_ask(linter: Linter) -> None:
    text = (f"Hi Sam,\n\n{ASK}\n\nYour team posted four analyst roles this month. That usually means reports are "
            "piling up.\n\nTeams your size cut their Monday reporting from a day to an hour.\n\n"
            "Follow us on LinkedIn | Twitter\n")
    [d] = found(linter, "CTA004", text)
    assert d.excerpt == ASK


def test_cta004_content_after_the_ask_still_buries_it(linter: Linter) -> None:
    text = (f"Hi Sam,\n\n{ASK}\n\nYour team posted four analyst roles this month. That usually means reports are "
            "piling up.\n\nTeams your size cut their Monday reporting from a day to an hour.\n\nHave a great weekend!\n")
    [d] = found(linter, "CTA004", text)
    assert d.excerpt == ASK
