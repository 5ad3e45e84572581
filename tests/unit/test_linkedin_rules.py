"""The LinkedIn rules run on LinkedIn notes only, and judge a note by what it says about its reader."""

from __future__ import annotations

from outreach_lint import Linter

from ..conftest import codes

PITCH = "Hi Ola, our studio builds booking apps for gyms. Would you like a demo next week?"
GENERIC = "Hi Noor, I would like to add you to my professional network."


def test_linkedin_rules_run_in_the_linkedin_profile_only(linter: Linter) -> None:
    for body, code in ((PITCH, "LI001"), (GENERIC, "LI002")):
        assert code in codes(linter.lint_message(body=body, profile="linkedin"))
        for profile in ("cold-email", "follow-up", "script"):
            assert not [c for c in codes(linter.lint_message(body=body, profile=profile)) if c[:2] == "LI"], profile


def test_a_linkedin_finding_costs_score_in_its_own_category(linter: Linter) -> None:
    report = linter.lint_message(body=GENERIC, profile="linkedin")
    assert "LI002" in codes(report)
    assert report.score_breakdown["linkedin"] < 100


def test_the_readers_name_in_an_inline_greeting_is_not_a_reason(linter: Linter) -> None:
    for body in (GENERIC, "Hi {{first_name}}, let's connect!", "Hey Sam - I'd love to connect."):
        assert "LI002" in codes(linter.lint_message(body=body, profile="linkedin", mode="template")), body


def test_a_note_that_continues_a_conversation_is_not_a_first_note(linter: Linter) -> None:
    body = "Hi Ola, great to meet you at the gym owners' breakfast. Our studio builds booking apps; want a demo?"
    assert not {"LI001", "LI002"} & set(codes(linter.lint_message(body=body, profile="linkedin")))


def test_a_long_message_is_not_judged_as_a_connection_note(linter: Linter) -> None:
    filler = " Your members book classes from the app, the site and the front desk, and each keeps its own list."
    body = PITCH + filler * 4
    assert "LI001" not in codes(linter.lint_message(body=body, profile="linkedin"))


def test_where_the_reader_works_is_no_reason_but_what_they_did_there_is(linter: Linter) -> None:
    ask = " Could you refer me for the analyst role?"
    for seen in ("I noticed you work at Corvid.", "I see you're the head of data at Corvid."):
        assert "LI002" in codes(linter.lint_message(body=f"Hi Mia, {seen}{ask}", profile="linkedin")), seen
    for seen in ("I saw you're hiring four analysts at Corvid.", "Your post on Corvid's data team was great.",
                 "I see you're on the board of Leeds Mind, where I volunteer."):
        assert "LI002" not in codes(linter.lint_message(body=f"Hi Mia, {seen}{ask}", profile="linkedin")), seen


def test_an_offer_the_reader_asked_for_in_public_is_no_pitch(linter: Linter) -> None:
    offer = " We run payroll for contractors in nine countries. Want me to check your setup?"
    for asked in ("saw your post asking who handles payroll for contractors abroad.",
                  "you were asking about contractor payroll at the meetup."):
        assert "LI001" not in codes(linter.lint_message(body=f"Hi Dev, {asked}{offer}", profile="linkedin")), asked
    for not_asked in ("I'm asking around about payroll.", "you might ask why I'm writing.",
                      "happy to answer any of your questions."):
        assert "LI001" in codes(linter.lint_message(body=f"Hi Dev, {not_asked}{offer}", profile="linkedin")), not_asked


def test_asking_to_connect_is_a_connection_notes_own_ask(linter: Linter) -> None:
    note = "Hi Ada, your write-up on cold-chain freight audits was sharp. Would like to connect and read the next one."
    assert "CTA002" not in codes(linter.lint_message(body=note, profile="linkedin"))
    assert "CTA002" in codes(linter.lint_message(body=note, profile="cold-email"))
