"""Call scripts: the speakers are found by structure and the seller by what each one says."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_lint import Linter
from outreach_lint.config import Config

from ..conftest import codes

HYPE = "world-class"  # PC002 flags it wherever the seller says it, so it shows which turns were linted


def lint_script(linter: Linter, text: str):
    return linter.lint_text(text, "script")


def flagged(report) -> list[str]:
    return [d.excerpt for d in report.diagnostics if d.code == "PC002"]


@pytest.mark.parametrize(
    "script, seller, prospect",
    [
        # A transcript of a call someone received: "Me" answers the phone, the caller introduces a company.
        (f"Me: Hello?\nTM: Hi, this is Dan from Brightsun Energy. We offer {HYPE} panels.\nMe: Who is this?\n"
         "TM: Dan, from Brightsun. Do you own your home?\nMe: Not interested, thanks.\n", "TM", "Me"),
        (f"**Caller:** Hi Ana, it's Joe with Ledgerline, I'm calling about your invoices.\n**Ana:** Okay. {HYPE} stuff?\n"
         "**Caller:** How do you approve invoices today?\n**Ana:** By email.\n", "Caller", "Ana"),
        (f"• Salesperson: Good morning, my name is Kit and I'm calling from Parcelbay.\n• Customer: Yes? {HYPE} thing?\n"
         "• Salesperson: Who handles your shipping?\n• Customer: I do.\n", "Salesperson", "Customer"),
        (f"[Name]: Speaking.\nYou: Hi, this is Lena from Fieldnote, calling because your team is hiring. How do you "
         f"onboard new hires?\n[Name]: We are {HYPE} at it.\nYou: What takes the longest?\n", "You", "[Name]"),
        # First names only: the one who introduces a company and asks is the seller.
        (f"Priya: Hello?\nMarco: Hi Priya, Marco from Tillwise here, calling about your shop's card fees.\n"
         f"Priya: We're all set, {HYPE} provider already.\nMarco: Understood. What do you pay per swipe now?\n", "Marco", "Priya"),
    ],
)
def test_the_seller_is_found_by_what_they_say(linter: Linter, script: str, seller: str, prospect: str) -> None:
    r = lint_script(linter, script)
    speakers = r.metrics["speakers"]
    assert (speakers["seller"], speakers["prospect"]) == (seller, prospect), speakers
    assert speakers["reason"].startswith(seller) or speakers["reason"].startswith(prospect)
    assert r.metrics["excluded"]["prospect"] > 0
    # Only the prospect says "world-class" (or the seller does, in the first case): their words are not linted.
    assert flagged(r) == ([HYPE] if seller == "TM" else [])


def test_a_transcript_labelled_me_is_read_as_the_prospect(linter: Linter) -> None:
    r = lint_script(linter, f"Me: Yes, speaking.\nAgent: Hi, I'm calling from Homeguard about our {HYPE} alarms.\n"
                            "Me: Take me off your list.\nAgent: Can I ask who your provider is?\n")
    assert r.metrics["speakers"]["seller"] == "Agent" and r.metrics["speakers"]["prospect"] == "Me"
    assert flagged(r) == [HYPE]


def test_configured_labels_always_win() -> None:
    text = f"Me: Hello?\nTM: Hi, this is Dan from Brightsun Energy. We offer {HYPE} panels.\nMe: Who is {HYPE}?\nTM: Dan.\n"
    r = Linter(Config(seller_labels=("Me",), prospect_labels=("TM",))).lint_text(text, "script")
    assert r.metrics["speakers"] == {"seller": "Me", "prospect": "TM", "reason": "configured seller label"}
    assert flagged(r) == [HYPE]  # Me's "world-class"; TM's is excluded


def test_unlabelled_scripts_are_one_seller_turn(linter: Linter) -> None:
    r = lint_script(linter, f'"Hi Sam, it\'s Jo from Acme, our {HYPE} team is calling about your fleet."\n')
    assert r.metrics["speakers"]["seller"] is None and r.metrics["speakers"]["prospect"] is None
    assert flagged(r) == [HYPE] and "prospect" not in r.metrics["excluded"]


def test_headings_and_times_are_not_speakers(linter: Linter) -> None:
    text = (f"Goal: book a call\nNote: keep it short, {HYPE} tone.\nTime: 10:30\n"
            "Hi Sam, it's Jo from Acme. See https://acme.example/x for details.\nNote: pause here.\n")
    r = lint_script(linter, text)
    assert r.metrics["speakers"]["seller"] is None and "prospect" not in r.metrics["excluded"]
    assert flagged(r) == [HYPE]


def test_listed_labels_still_split_a_short_script(linter: Linter) -> None:
    r = lint_script(linter, f"Rep: Hi Sam, how is hiring going?\nProspect: We are the {HYPE} leader here.\n")
    assert r.metrics["speakers"] == {"seller": "Rep", "prospect": "Prospect", "reason": "Rep is a listed seller label"}
    assert flagged(r) == []
    assert "speakers" not in linter.lint_text("Hi Sam,\n\nWorth a chat?\n").metrics  # emails have none


LABELS = st.sampled_from(["Rep", "Me", "TM", "**Caller**", "• Dana", "- [Name]", "Cold Caller", "Sam", "Them", "x y z w"])
LINES = st.sampled_from([
    "Hello?", "Speaking.", "Hi, this is Jo from Acme, calling about your fleet.", f"We offer {HYPE} tracking.",
    "How do you plan routes today?", "Not interested.", "", "  ", '"Hi there"', "**", ":", "10:30", "https://x.io/a",
    "é ü 😀", "\t", f"our {HYPE} platform", "Note: pause", "[Pause]",
])
TURN = st.tuples(LABELS, st.sampled_from([":", ": ", ":**", "**:", ":\"", " :"]), LINES)
SCRIPTS = st.one_of(
    st.lists(TURN, max_size=14).map(lambda ts: "\n".join(f"{a}{c}{b}" for a, c, b in ts)),
    st.text(st.sampled_from(list("RepM: \n*•-[]\"abc?")), max_size=200),
)
FAST = Linter(Config(model="blank:en"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=SCRIPTS, crlf=st.booleans())
def test_turns_map_back_into_the_source(script: str, crlf: bool) -> None:
    source = script.replace("\n", "\r\n") if crlf else script
    r = FAST.lint_text(source, "script")
    speakers = r.metrics["speakers"]
    assert set(speakers) == {"seller", "prospect", "reason"} and speakers["reason"]
    for d in r.diagnostics:
        assert 0 <= d.start.offset <= d.end.offset <= len(source)
        assert source[d.start.offset : d.end.offset] == d.excerpt
    excluded = r.metrics["excluded"].get("prospect", 0)
    assert 0 <= excluded <= len(source)
    if speakers["seller"] is None and speakers["prospect"] is None:
        assert excluded == 0


@pytest.mark.parametrize(
    "hostile",
    [
        "a:\n" * 40_000,
        "Rep: Prospect: " * 20_000,
        ("A: x\nB: y\n" * 20_000),
        "**" * 50_000 + ":" + " x" * 10_000,
        ("Me: " + "[" * 40 + " ") * 5_000,
        "x y z: " * 30_000,
    ],
    ids=["colons", "labels-on-one-line", "long-dialogue", "stars", "brackets", "many-words"],
)
def test_hostile_scripts_finish(hostile: str) -> None:
    begun = time.monotonic()
    r = FAST.lint_text(hostile, "script")
    assert r.metrics["speakers"]["reason"]
    assert time.monotonic() - begun < 30  # a hang guard, not a benchmark


def test_spoken_rules_run_on_scripts_only(linter: Linter) -> None:
    opener = "Hi Dana, it's Lee from Fernway. How are you today? We offer fleet tracking for delivery firms.\n"
    assert not [c for c in codes(linter.lint_text(opener)) if c.startswith("SP")]
    assert {"SP001", "SP004"} <= set(codes(linter.lint_text(opener, "script")))
