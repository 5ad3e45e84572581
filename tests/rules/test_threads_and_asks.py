"""Asks read from the parse, follow-ups that add nothing, polite closes and shallow personalisation.

Each test states a class of message through the public API; the examples are the team's own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_lint import Linter
from outreach_lint.config import Config, ConfigError
from outreach_lint.engine import load_linter


def codes(linter: Linter, body: str, profile: str | None = None, subject: str | None = None) -> set[str]:
    report = linter.lint_message(subject=subject, body=body, profile=profile)
    return {d.code for d in report.diagnostics}


# -- asks from the parse ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Preview the spring menu at the Leeds kitchen on Friday.",  # a verb the model may tag as a noun
        "Skim the two-page plan before Thursday.",
        "Forward this to whoever runs payroll at Calder.",
        "Pick whichever day suits you next week.",
        "I'll ring you on Wednesday at 3 with two ideas.",  # the sender commits to the next step
        "I'd love a short chat about how the pilot went.",
    ],
)
def test_an_ask_the_word_lists_do_not_name_is_still_an_ask(linter: Linter, sentence: str) -> None:
    body = f"Hi Mo,\n\nYour Bristol depot opened last month with two new loading bays. {sentence}\n"
    assert "CTA001" not in codes(linter, body)


@pytest.mark.parametrize("sentence", ["Have a great week.", "Enjoy the conference!", "Hope this helps."])
def test_a_courtesy_in_the_imperative_asks_for_nothing(linter: Linter, sentence: str) -> None:
    body = f"Hi Mo,\n\nYour Bristol depot opened last month with two new loading bays. {sentence}\n"
    assert "CTA001" in codes(linter, body)


def test_let_me_know_is_vague_unless_it_names_an_option(linter: Linter) -> None:
    open_ended = "Hi Rob,\n\nYour depot in Hull ships twice a day now. Let me know if this could help at some point.\n"
    options = "Hi Rob,\n\nYour depot in Hull ships twice a day now. Let me know which suits you, Tuesday or Friday.\n"
    assert "CTA002" in codes(linter, open_ended)
    assert "CTA002" not in codes(linter, options)


def test_a_meeting_about_the_seller_is_a_vague_ask(linter: Linter) -> None:
    report = linter.lint_message(body="Hi Nia,\n\nCould we book a call next week so I can show you how our scheduler can help?\n")
    [finding] = [d for d in report.diagnostics if d.code == "CTA002"]
    assert "is the seller" in finding.message
    assert "CTA002" not in codes(linter, "Hi Nia,\n\nCould we book 15 minutes on Thursday to see whether your rota "
                                         "could be done in an hour?\n")


def test_the_readers_own_event_is_not_a_meeting_asked_for(linter: Linter) -> None:
    body = "Hi Ola,\n\nYour session on rota design at the Ghent meetup was the clearest of the day. I'd love to keep in touch.\n"
    assert "CTA005" not in codes(linter, body, profile="linkedin")


# -- follow-ups ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        "Hi Sam,\n\nJust following up on my last email. Let me know what you think.\n",
        "Hi Sam,\n\nCircling back on this. Any thoughts?\n",
        "Hi Sam,\n\nI'm guessing my note slipped past you, so I'm floating it back up.\n",
    ],
)
def test_a_follow_up_that_adds_nothing(linter: Linter, body: str) -> None:
    assert "PR004" in codes(linter, body, profile="follow-up")


@pytest.mark.parametrize(
    "body",
    [
        "Hi Sam,\n\nFollowing up with the rota checklist that cut overtime at two depots by 12%. Want it?\n",
        "Hi Sam,\n\nCircling back with one question: how many sites does your team schedule by hand?\n",
        "Hi Sam,\n\nFollowing up on my note from Tuesday: here is the recording of the demo.\n",
        "Hi Sam,\n\nSince my last note, Wellby moved its handovers to tablets. Shall I send their plan?\n",
    ],
)
def test_a_follow_up_that_adds_a_fact_a_resource_or_a_question(linter: Linter, body: str) -> None:
    assert "PR004" not in codes(linter, body, profile="follow-up")


@pytest.mark.parametrize(
    "sentence",
    [
        "Not sure you ever saw my note about the rota.",
        "I wanted to make sure you received the email I sent about your fleet.",
        "Just making sure my earlier email didn't get buried.",
        "Have you had a chance to think about what I sent?",
    ],
)
def test_guilt_is_read_from_the_parse_in_any_wording(linter: Linter, sentence: str) -> None:
    assert "PR003" in codes(linter, f"Hi Nell,\n\n{sentence} Can we talk on Monday at 9?\n", profile="follow-up")


def test_a_question_about_a_resource_is_not_guilt(linter: Linter) -> None:
    body = "Hi Nell,\n\nDid you see the new rota template in the Leeds report? Page 4 has the numbers.\n"
    assert "PR003" not in codes(linter, body, profile="follow-up")


# -- polite closes ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        "Hi Bo,\n\nI've reached out a few times, so I'll close your file. If rotas come up again, just reply.\n",
        "Hi Bo,\n\nI haven't heard back, so I won't follow up again. Good luck with the Leeds launch.\n",
        "Hi Bo,\n\nI'm going to stop writing for now; we've sent you three notes and our plan twice. All the best.\n",
        "Hi Bo,\n\nI'll keep this short. No problem at all if the timing is wrong; I'll stop writing.\n",
    ],
)
def test_a_polite_close_is_not_guilt_or_self_centred(linter: Linter, body: str) -> None:
    found = codes(linter, body, profile="follow-up")
    assert not found & {"PR003", "PR004", "PC001", "PC003", "CTA001", "CTA002"}, found


@pytest.mark.parametrize(
    "body",
    [
        "Hi Bo,\n\nI've reached out several times. I'll assume you're not interested unless you reply this week.\n",
        "Hi Bo,\n\nIf I don't hear back I'll assume you're not interested.\n",
        "Hi Bo,\n\nI've tried you 6 times and haven't heard a word. If you don't reply by Friday, I'll close your file.\n",
        "Hi Bo,\n\nI'll assume you're not interested and close your file.\n",
    ],
)
def test_an_ultimatum_is_not_a_close(linter: Linter, body: str) -> None:
    assert "PR003" in codes(linter, body, profile="follow-up")


def test_an_opt_out_line_is_not_a_close(linter: Linter) -> None:
    body = ("Hi Bo,\n\nWe have launched our new rota app with faster exports. Let me know if you want a look.\n\n"
            "Should these updates not suit you, reply STOP and we'll take your address off the mailing.\n")
    assert "CTA002" in codes(linter, body)


# -- personalisation -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "opening",
    [
        "I love your content on LinkedIn, really inspiring stuff!",
        "I came across your profile and thought we should talk.",
        "Big fan of your work!",
    ],
)
def test_praise_with_nothing_checkable(linter: Linter, opening: str) -> None:
    assert "GN004" in codes(linter, f"Hi Kenji,\n\n{opening} We make podcasts for agencies. Open to a call?\n")


@pytest.mark.parametrize(
    "opening",
    [
        "I loved your post on cutting month-end to five days.",
        "I came across your profile after your talk at the Lisbon summit.",
        "Big fan of your work on the 2024 hiring report.",
    ],
)
def test_praise_that_names_something(linter: Linter, opening: str) -> None:
    assert "GN004" not in codes(linter, f"Hi Kenji,\n\n{opening} How did the pilot go?\n")


def test_claimed_familiarity(linter: Linter) -> None:
    empty = "Hi Sam,\n\nAs we discussed, I'm sending over some information about our services. Can we talk again?\n"
    named = "Hi Sam,\n\nAs we discussed at the Leeds meetup, here are the two rota templates. Want a walkthrough?\n"
    assert "GN005" in codes(linter, empty)
    assert "GN005" not in codes(linter, named)


def test_a_short_pitch_is_product_centric(linter: Linter) -> None:
    assert "PC001" in codes(linter, "Our studio designs menus for cafes. Interested?\n")
    assert "PC001" not in codes(linter, "Hi Tess,\n\nI noticed that Bramble is hiring six engineers. Want the laptop checklist?\n")


# -- a long paragraph typed line by line is not a footer -----------------------------------------------
def test_a_message_typed_line_by_line_keeps_its_body(linter: Linter) -> None:
    body = ("Hello Marta,\nI'm Sam, head of sales at Rotawise, the scheduling service for clinics.\nOur app builds "
            "the weekly rota.\nIt checks leave requests.\nCan I send the brochure?\nKind regards,\nSam\n"
            "Unsubscribe from these emails at any time")
    report = linter.lint_message(body=body)
    assert "PC004" in {d.code for d in report.diagnostics}
    assert report.metrics["excluded"].get("footer", 0) < 80


# -- conditions a rule yields to -------------------------------------------------------------------------
PACK = """
pack: house
rules:
  - code: HS001
    name: sorry-word
    kind: phrase
    summary: An apology.
    message: "'{match}' apologises"
    phrases: [sorry]
    unless: [%s]
    docs: {what: Flags sorry., why: It reads as weak., example: Sorry to bother you., instead: Say why you write.}
    examples:
      fail: ["Sorry to bother you. Worth a chat about your Leeds rota?"]
      pass: ["Your Leeds rota takes a day. Worth a chat?"]
"""


def test_a_pack_rule_yields_to_a_polite_close(tmp_path: Path) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(PACK % "polite-close")
    linter = load_linter(Config(packs=(pack,), select=("HS001",)))
    assert codes(linter, "Hi Bo,\n\nSorry to bother you. Worth a chat about your Leeds rota?\n") == {"HS001"}
    close = "Hi Bo,\n\nSorry for the silence on my side. I've written a few times, so I'll close your file for now.\n"
    assert codes(linter, close) == set()
    assert "## Silenced" in __import__("outreach_lint.docs", fromlist=["rule_markdown"]).rule_markdown(
        next(r for r in linter.rules if r.meta.code == "HS001")
    )


def test_an_unknown_condition_is_a_one_line_error(tmp_path: Path) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(PACK % "polite-closing")
    with pytest.raises(ConfigError) as info:
        load_linter(Config(packs=(pack,)))
    message = str(info.value)
    assert "house.yaml" in message and "polite-closing" in message and "polite-close" in message
    assert "\n" not in message


# -- the analyses never fail on arbitrary text -----------------------------------------------------------
_WORDS = st.sampled_from(
    ["following up", "my last note", "I'll", "close", "your", "file", "if", "unless", "you", "saw", "Love", "your",
     "content", "as we discussed", "let me know", "which", "or", "Tuesday", "42%", "Leeds", "?", ".", "!", "\n\n",
     "Hi Sam,", "P.S.", "we", "can", "help", "call", "Sample", "the", "menu", "what I sent", "—", ":"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, min_size=1, max_size=40))
def test_findings_stay_inside_the_text(linter: Linter, words: list[str]) -> None:
    body = " ".join(words)
    report = linter.lint_message(body=body, profile="follow-up")
    for d in report.diagnostics:
        assert 0 <= d.start.offset <= d.end.offset <= len(body)


def test_a_sign_off_is_not_a_vague_ask_but_an_open_someday_is(linter: Linter) -> None:
    signed = "Hi Ola,\n\nYour Leeds depot ships twice a day now. Would a 15-minute call on Thursday help?\n\nTalk soon,\nBea\n"
    someday = "Hi Ola,\n\nIt was good to hear about the Leeds depot. Let's talk again at some point!\n"
    assert "CTA002" not in codes(linter, signed)
    assert "CTA002" in codes(linter, someday)


def test_like_as_a_comparison_is_not_praise(linter: Linter) -> None:
    body = "Hi Ola,\n\nIt seems like your checkout asks for the card number twice. Want the two fixes we found?\n"
    assert "GN004" not in codes(linter, body)


def test_a_short_linkedin_note_needs_no_ask_but_a_long_message_does(linter: Linter) -> None:
    note = "Hi Ola,\n\nWe were both on the cold-chain panel in Antwerp. Your point on night deliveries stuck with me.\n"
    assert "CTA001" not in codes(linter, note, profile="linkedin")
    assert "CTA001" in codes(linter, note, profile="cold-email")


def test_a_call_between_the_reader_and_someone_else_is_not_a_meeting_asked_for(linter: Linter) -> None:
    body = ("Hi Teo,\n\nYour Rotterdam dock takes trucks only until 2 pm. Two carriers we know run 6 am slots.\n\n"
            "Would you like their details, or should I ask them to call you?\n")
    assert "CTA006" not in codes(linter, body, profile="follow-up")


def test_a_prospect_who_answers_once_is_still_a_speaker(linter: Linter) -> None:
    script = ("[Kai]: Hi Roberta, it's Kai from Staylane. I'm calling about your booking page.\n"
              "[Roberta]: We already have one.\n[Kai]: Understood. How many bookings come in by phone?\n")
    report = linter.lint_message(body=script, format="script", mode="rendered")
    assert report.metrics["speakers"]["seller"] == "[Kai]" and report.metrics["speakers"]["prospect"] == "[Roberta]"
    assert "MF001" not in {d.code for d in report.diagnostics}


def test_praise_with_nothing_checkable_is_no_trace_of_the_reader(linter: Linter) -> None:
    pitch = ("We help growing companies hire engineers faster with our vetted network of recruiters in every "
             "big city. Would you be open to a quick call this week?\n")
    praised = f"Hi Kenji,\n\nI love your content and I'm really impressed by what you're building. {pitch}"
    assert "GN002" in codes(linter, praised)
    specific = f"Hi Kenji,\n\nI loved your post on hiring four SREs in a quarter. {pitch}"
    assert "GN002" not in codes(linter, specific)


def test_someone_the_sender_knows_is_not_the_senders_own_name(linter: Linter) -> None:
    # A referral names a person: "I spoke with Jakub" is a trace of the reader's world, not the sender's name.
    body = ("Hi Ola,\n\nI spoke with Jakub last month and he suggested I write to you. We help planning teams cut "
            "the time they spend on weekly rotas, and most of them see it drop within a few weeks. Worth a chat?\n")
    assert "GN002" not in codes(linter, body)
