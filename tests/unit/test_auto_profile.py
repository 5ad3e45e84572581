"""profile = "auto": the profile is read from the message's structure unless something names one.

Every case goes through the public entry points (the API, the CLI) and reads the profile and its reason
from the report's metrics, where users see them too.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_lint import Linter
from outreach_lint.cli import main
from outreach_lint.config import Config, ConfigError, load_config

COLD = "Hi Dana,\n\nYour team doubled its support staff this spring. How are you keeping answers consistent?\n"
QUOTED = (
    "Hi Dana,\n\nThursday at 2pm works. I will bring the onboarding numbers you asked about.\n\n"
    "On Mon, 3 Mar 2025 at 09:12, Dana Reyes <dana@example.org> wrote:\n"
    "> Could we talk later this week?\n"
)


def _profile(report) -> tuple[str, str]:
    return report.metrics["profile"], report.metrics["profile_reason"]


def test_a_plain_email_is_a_cold_email(linter: Linter) -> None:
    profile, reason = _profile(linter.lint_message(subject="Support answers at scale", body=COLD))
    assert profile == "cold-email"
    assert "first message" in reason


@pytest.mark.parametrize("subject", ["Re: our call", "RE: pricing", "re: the pilot", "Re[2]: next steps", "Aw: Re: demo"])
def test_a_re_subject_without_a_thread_is_a_follow_up(linter: Linter, subject: str) -> None:
    profile, reason = _profile(linter.lint_message(subject=subject, body=COLD))
    assert profile == "follow-up"
    assert "Re:" in reason and "no thread is quoted" in reason


def test_a_subject_that_only_contains_re_is_not_a_follow_up(linter: Linter) -> None:
    assert _profile(linter.lint_message(subject="Rethinking onboarding", body=COLD))[0] == "cold-email"
    assert _profile(linter.lint_message(subject="Regarding: onboarding", body=COLD))[0] == "cold-email"


def test_a_quoted_thread_is_a_reply(linter: Linter) -> None:
    for subject in (None, "Re: Thursday"):
        profile, reason = _profile(linter.lint_message(subject=subject, body=QUOTED))
        assert profile == "reply"
        assert "quoted" in reason


def test_quote_marks_make_a_reply_too(linter: Linter) -> None:
    body = "Hi Dana,\n\n> Does it work with our help desk?\n\nYes: it reads tickets from both of the desks you use.\n"
    assert _profile(linter.lint_message(body=body))[0] == "reply"


@pytest.mark.parametrize(
    "opening",
    [
        "Following up on the note I sent about your support queue.",
        "I wanted to follow up on my message from Tuesday.",
        "Circling back on the onboarding idea.",
        "Quick follow-up on the pilot.",
        "Did my last email get buried?",
        "I reached out last week about your support queue.",
        "We emailed you a few days ago about the pilot.",
        "Just checking in on the pilot idea.",
        "Bumping this to the top of your inbox.",
        "I sent you a note about the pilot.",
        "I haven't heard back, so one more idea.",
        "I don't want to keep bugging you about this.",
        "We've emailed you a couple of times about the pilot.",
        "Closing the loop on the pilot.",
        "Any thoughts on the below?",
        "Did you get a chance to read my note below?",
    ],
)
def test_a_reference_to_an_earlier_email_is_a_follow_up(linter: Linter, opening: str) -> None:
    body = f"Hi Dana,\n\n{opening} Your team doubled its support staff this spring.\n\nWorth a look?\n"
    profile, reason = _profile(linter.lint_message(subject="Support answers", body=body))
    assert profile == "follow-up", opening
    assert "earlier message" in reason and "opening" in reason


def test_a_reference_late_in_the_message_is_not_an_opening(linter: Linter) -> None:
    body = (
        "Hi Dana,\n\nYour team doubled its support staff this spring. New agents answer the same question in "
        "different ways. Customers notice. Leads spend their week on reviews.\n\nI will keep following up with "
        "ideas like this one if they are useful.\n"
    )
    assert _profile(linter.lint_message(body=body))[0] == "cold-email"


@pytest.mark.parametrize(
    "opening",
    ["I'd love to touch base about your support queue.", "Our reps follow up with every lead by hand.", "We help teams check in on renewals."],
)
def test_first_message_phrases_are_not_references(linter: Linter, opening: str) -> None:
    body = f"Hi Dana,\n\n{opening} Your team doubled its support staff this spring.\n\nWorth a look?\n"
    assert _profile(linter.lint_message(subject="Support answers", body=body))[0] == "cold-email", opening


@pytest.mark.parametrize(
    "voicemail",
    [
        "Hi Priya, it's Sam at Brightline. I'm calling about the weekend rota at your Leeds clinic. I'm on 0113 496 0123.",
        "Priya, Sam from Brightline, leaving you a quick message about the Saturday shifts. Call me back on 0113 496 0123.",
    ],
)
def test_a_voicemail_written_as_one_paragraph_is_a_script(linter: Linter, voicemail: str) -> None:
    profile, reason = _profile(linter.lint_message(body=voicemail))
    assert profile == "script", voicemail
    assert "phone call" in reason


def test_an_email_that_mentions_a_call_is_no_voicemail(linter: Linter) -> None:
    body = "Hi Priya,\n\nI'm calling a meeting of clinic managers in May. Would your Leeds team join?\n"
    assert _profile(linter.lint_message(subject="Clinic managers in May", body=body))[0] == "cold-email"


@pytest.mark.parametrize(
    "note",
    [
        "Hi Priya, your talk on warehouse returns at the logistics meetup stuck with me. Glad to connect.",
        "Priya, we both moderate the Ops Leaders forum and somehow aren't connected yet.",
        "Congrats on the move to Halvorsen, Priya. Seemed worth connecting, since I run returns for a peer.",
        "Hi Priya, may I add you to my professional network? We met at the Denver packaging expo.",
        "Thanks for connecting, Priya! Your returns dashboard post was the clearest I've read this year.",
        "Hi Priya, thank you for accepting my request. How is the new Reno depot settling in?",
        "Hi Priya, glad to welcome you to my network. Your note on pallet reuse was a good read.",
    ],
)
def test_a_note_with_no_subject_that_speaks_of_connecting_is_linkedin(linter: Linter, note: str) -> None:
    profile, reason = _profile(linter.lint_message(body=note))
    assert profile == "linkedin", note
    assert "connect" in reason or "network" in reason


@pytest.mark.parametrize(
    "body",
    [
        "Hi Priya,\n\nI'm keen to connect with you about the returns backlog your team posted about.\n",
        "Hi Priya,\n\nOur sensors keep connected freezers at the right temperature.\n",
        "Hi Priya,\n\nThanks for the note on the Reno depot. Our network of carriers covers Nevada.\n",
        "Hi Priya,\n\nThanks for accepting the meeting invite. A few people in my network run depots too.\n",
    ],
)
def test_connecting_is_no_linkedin_note_in_an_email_or_as_a_topic(linter: Linter, body: str) -> None:
    # With a subject line it is an email; "connected freezers" with no subject is a topic, not a request.
    assert _profile(linter.lint_message(subject="Returns backlog", body=body))[0] == "cold-email"
    if "freezers" in body or "carriers" in body or "meeting invite" in body:
        assert _profile(linter.lint_message(body=body))[0] == "cold-email"


def test_a_script_file_is_a_script(linter: Linter) -> None:
    text = "Rep: Hi Dana, this is Sam from Northwind.\nProspect: Hi.\nRep: Did I catch you at a bad time?\n"
    profile, reason = _profile(linter.lint_text(text, "script", path="call.txt"))
    assert profile == "script"
    assert "script" in reason


def test_alternating_speaker_labels_make_a_script(linter: Linter) -> None:
    body = (
        "Caller: Hi Dana, it's Sam from Northwind. Is now a bad time?\n"
        "Dana: I have a minute.\n"
        "Caller: You hired twelve agents this spring. How do they learn the answers?\n"
        "Dana: Mostly by asking the leads.\n"
    )
    profile, reason = _profile(linter.lint_message(body=body))
    assert profile == "script"
    assert "speaker" in reason


def test_labelled_lines_that_never_alternate_are_not_a_script(linter: Linter) -> None:
    body = "Hi Dana,\n\nProblem: agents answer differently.\nIdea: one shared answer bank.\nResult: fewer escalations.\n\nWorth a look?\n"
    assert _profile(linter.lint_message(body=body))[0] == "cold-email"


def test_inference_changes_the_thresholds(linter: Linter) -> None:
    # 110 words: within a cold email's 125, over a follow-up's 100.
    words = " ".join(["Your agents answer the same ticket in different ways every week."] * 10)
    body = f"Hi Dana,\n\n{words}\n\nWorth a look?\n"
    cold = linter.lint_message(subject="Support answers", body=body)
    follow = linter.lint_message(subject="Re: Support answers", body=body)
    assert "RD003" not in {d.code for d in cold.diagnostics}
    assert "RD003" in {d.code for d in follow.diagnostics}


# -- what names a profile wins over inference, and the reason says where it was named --------------


def test_the_api_argument_wins(linter: Linter) -> None:
    profile, reason = _profile(linter.lint_message(subject="Re: our call", body=QUOTED, profile="linkedin"))
    assert (profile, reason) == ("linkedin", "given by the record")


def test_auto_given_explicitly_infers(linter: Linter) -> None:
    profile, reason = _profile(linter.lint_message(subject="Re: our call", body=COLD, profile="auto"))
    assert profile == "follow-up" and "Re:" in reason


def test_the_config_wins() -> None:
    report = Linter(Config(profile="announcement")).lint_message(subject="Re: our call", body=COLD)
    assert _profile(report) == ("announcement", "given by the config")


def test_config_auto_is_valid_and_infers(tmp_path: Path) -> None:
    path = tmp_path / ".outreach-lint.toml"
    path.write_text('profile = "auto"\n', encoding="utf-8")
    assert load_config(path).profile == "auto"
    path.write_text('profile = "automatic"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="auto"):
        load_config(path)


def test_front_matter_wins(linter: Linter) -> None:
    text = "---\nsubject: \"Re: our call\"\nprofile: announcement\n---\nHi Dana,\n\nOur help desk now reads both of your queues.\n"
    assert _profile(linter.lint_text(text, "markdown", path="d.md")) == ("announcement", "given by the front matter")


def test_front_matter_subject_is_read_for_inference(linter: Linter) -> None:
    text = "---\nsubject: \"Re: our call\"\n---\nHi Dana,\n\nHere is the onboarding sheet.\n"
    assert _profile(linter.lint_text(text, "markdown", path="d.md"))[0] == "follow-up"


def test_the_lint_text_argument_wins(linter: Linter) -> None:
    report = linter.lint_text("Subject: Re: our call\n\nHi Dana,\n\nHere is the sheet.\n", "text", profile="reply")
    assert _profile(report) == ("reply", "given by the caller")


def _cli(*args: str, cwd: Path, input: str | None = None):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    finally:
        os.chdir(old)


def _cli_profiles(result) -> list[tuple[str, str]]:
    data = json.loads(result.output)
    return [(f["metrics"]["profile"], f["metrics"]["profile_reason"]) for f in data["results"]]


def test_cli_infers_and_the_profile_option_wins(tmp_path: Path) -> None:
    (tmp_path / "later.txt").write_text("Subject: Re: our call\n\n" + COLD, encoding="utf-8")
    inferred = _cli_profiles(_cli("check", "--format", "json", "later.txt", cwd=tmp_path))
    assert inferred[0][0] == "follow-up"
    given = _cli_profiles(_cli("check", "--format", "json", "--profile", "linkedin", "later.txt", cwd=tmp_path))
    assert given == [("linkedin", "given by --profile")]


def test_cli_config_wins_and_profile_auto_overrides_it(tmp_path: Path) -> None:
    (tmp_path / ".outreach-lint.toml").write_text('profile = "announcement"\n', encoding="utf-8")
    (tmp_path / "later.txt").write_text("Subject: Re: our call\n\n" + COLD, encoding="utf-8")
    assert _cli_profiles(_cli("check", "--format", "json", "later.txt", cwd=tmp_path)) == [("announcement", "given by the config")]
    back = _cli_profiles(_cli("check", "--format", "json", "--profile", "auto", "later.txt", cwd=tmp_path))
    assert back[0][0] == "follow-up"


def test_cli_record_field_wins_per_record(tmp_path: Path) -> None:
    records = [
        {"id": "a", "subject": "Re: our call", "body": COLD},
        {"id": "b", "subject": "Re: our call", "body": COLD, "profile": "cold-email"},
        {"id": "c", "body": QUOTED},
    ]
    (tmp_path / "seq.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    got = _cli_profiles(_cli("check", "--format", "json", "seq.jsonl", cwd=tmp_path))
    assert [p for p, _ in got] == ["follow-up", "cold-email", "reply"]
    assert got[1][1] == "given by the record"


def test_a_record_profile_that_is_no_profile_is_not_given(tmp_path: Path) -> None:
    (tmp_path / "seq.jsonl").write_text(json.dumps({"subject": "Re: our call", "body": COLD, "profile": "newsletter"}) + "\n")
    got = _cli_profiles(_cli("check", "--format", "json", "seq.jsonl", cwd=tmp_path))
    assert got[0][0] == "follow-up" and "Re:" in got[0][1]


def test_cli_script_file(tmp_path: Path) -> None:
    (tmp_path / "call.script.txt").write_text("Rep: Hi Dana, it's Sam.\nProspect: Hi.\nRep: Is now a bad time?\n", encoding="utf-8")
    got = _cli_profiles(_cli("check", "--format", "json", "--input-format", "script", "call.script.txt", cwd=tmp_path))
    assert got[0][0] == "script"


def test_cli_offers_auto() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    assert "auto" in result.output


# -- the inference reads any text without failing and keeps its own rules -----------------------------

_LINE = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.sampled_from(["> quoted", "Rep: hello", "Prospect: hi", "Label: x", "Following up.", "", "Re: x", "A: b"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(subject=st.one_of(st.none(), st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)), lines=st.lists(_LINE, max_size=8))
def test_inference_reads_any_message(linter: Linter, subject: str | None, lines: list[str]) -> None:
    report = linter.lint_message(subject=subject, body="\n".join(lines) or "x")
    profile, reason = _profile(report)
    assert profile in ("cold-email", "follow-up", "reply", "script")
    assert reason and not reason.startswith("given by")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(topic=st.text(st.characters(whitelist_categories=("Ll", "Lu", "Nd")), min_size=1, max_size=20))
def test_any_re_subject_over_an_unquoted_email_is_a_follow_up(linter: Linter, topic: str) -> None:
    assert _profile(linter.lint_message(subject=f"Re: {topic}", body=COLD))[0] == "follow-up"
