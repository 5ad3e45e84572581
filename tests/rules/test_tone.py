"""Tone the other rules do not see: hedging (TN001), shouting (TN002) and loss framing (PR005)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_lint import Linter, Severity


def found(linter: Linter, code: str, text: str, profile: str | None = None):
    return [d for d in linter.lint_text(text, "text", profile=profile).diagnostics if d.code == code]


# -- TN001 hedging ---------------------------------------------------------------------------------------
HEDGED = (
    "Hi Sam,\n\nI just wanted to check if maybe you have a minute. I think the rota could sort of be simpler, "
    "hopefully. Perhaps we could talk?\n"
)


def test_hedges_are_highlighted_one_by_one(linter: Linter) -> None:
    excerpts = [d.excerpt.lower() for d in found(linter, "TN001", HEDGED, profile="cold-email")]
    assert excerpts == ["just", "maybe", "i think", "sort of", "hopefully", "perhaps"]


def test_nearly_every_sentence_hedging_is_a_warning(linter: Linter) -> None:
    assert {d.severity for d in found(linter, "TN001", HEDGED, profile="cold-email")} == {Severity.WARNING}


def test_a_few_hedges_among_plain_sentences_are_info(linter: Linter) -> None:
    text = (
        "Hi Sam,\n\nYour planners re-key every order. I think that costs an hour a day. Maybe more at month-end. "
        "Our import skips the step. Would a short call help? Perhaps on Tuesday.\n"
    )
    assert {d.severity for d in found(linter, "TN001", text, profile="cold-email")} == {Severity.INFO}


@pytest.mark.parametrize(
    "text",
    [
        # "just" as an adjective and "just" meaning exactly; "kind of" naming a type.
        "Hi Jo,\n\nIt is a just cause. What kind of rota do you use? This sort of shift is hard. Maybe not for you?\n",
        "Hi Jo,\n\nIt takes just 10 minutes, just like last time. Which kind of report helps? Maybe the short one.\n",
        # Two hedges are politeness, whatever the density.
        "Hi Jo,\n\nI think so. Maybe?\n",
    ],
)
def test_words_that_only_look_like_hedges(linter: Linter, text: str) -> None:
    assert not found(linter, "TN001", text, profile="cold-email")


def test_call_scripts_are_not_judged_for_hedges(linter: Linter) -> None:
    assert not found(linter, "TN001", HEDGED, profile="script")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([
    "Your team ships on Fridays.", "Month-end takes nine days.", "Would a call on Tuesday help?",
    "The import checks each row.", "Who owns the rota?", "It is a just cause.", "What kind of report is it?",
]), min_size=1, max_size=8))
def test_plain_sentences_never_hedge(linter: Linter, sentences: list[str]) -> None:
    assert not found(linter, "TN001", "Hi Sam,\n\n" + " ".join(sentences) + "\n", profile="cold-email")


# -- TN002 shouting --------------------------------------------------------------------------------------
def test_capitals_and_exclamations_shout(linter: Linter) -> None:
    text = "Hi Sam,\n\nThis is HUGE for your stores! Reply NOW and we will set it up TODAY!\n"
    assert [d.excerpt for d in found(linter, "TN002", text)] == ["HUGE", "!", "NOW", "TODAY", "!"]


@pytest.mark.parametrize(
    "text",
    [
        "Hi Sam,\n\nYour CFO wants SOC2 before Q3. Our US team can send the GDPR and HIPAA notes. Does the API help?\n",
        "SELLER: Hi, is that Sam?\nPROSPECT: Yes.\nSELLER: Thanks! I saw your team is hiring.\n",
        "Hi Sam,\n\nCongrats on the launch! How is the first week going?\n",
    ],
)
def test_acronyms_labels_and_one_exclamation_do_not_shout(linter: Linter, text: str) -> None:
    assert not found(linter, "TN002", text)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["CFO", "API", "US", "Q3", "SSO", "GDPR", "IT", "CRM", "NASA", "EMEA", "10 AM"]),
                min_size=1, max_size=12))
def test_acronyms_never_shout(linter: Linter, words: list[str]) -> None:
    text = "Hi Sam,\n\n" + " ".join(f"Your {w} team is ready." for w in words) + "\n"
    assert not found(linter, "TN002", text)


# -- PR005 loss framing ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence,excerpt",
    [
        ("You're losing money every day you wait.", "every day you wait"),
        ("Seats are going fast, so don't lose your spot.", "don't lose your spot"),
        ("You will not be able to keep this price unless you sign today.", "You will not be able to"),
        ("If you wait, you'll miss out on the spring intake.", "you'll miss out"),
        ("You can't afford to wait on this.", "can't afford to wait"),
    ],
)
def test_a_threatened_loss_pushes(linter: Linter, sentence: str, excerpt: str) -> None:
    [d] = found(linter, "PR005", f"Hi Sam,\n\n{sentence} Can we talk this week?\n")
    assert d.excerpt == excerpt


@pytest.mark.parametrize(
    "sentence",
    [
        "Month-end takes your team nine days.",
        "Most clinics lose a day a month to re-keying referrals.",
        "You won't be able to see the old reports in the new tool, so we move them first.",
        "Your stores lose stock every week to miscounts.",
        "Don't miss out on the new onboarding kit.",  # fake urgency: PR002's, not a threatened loss
        "Sign up before it's too late.",
    ],
)
def test_a_stated_problem_is_not_loss_framing(linter: Linter, sentence: str) -> None:
    assert not found(linter, "PR005", f"Hi Sam,\n\n{sentence} Can we talk this week?\n")


def test_one_finding_per_threatening_sentence(linter: Linter) -> None:
    text = "Hi Sam,\n\nDon't lose your spot while you still can. Can we talk this week?\n"
    assert len(found(linter, "PR005", text)) == 1
