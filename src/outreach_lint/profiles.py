"""Profiles: what kind of message this is, and the thresholds and severities that follow from it.

A rule declares the profiles it runs in (``RuleMeta.profiles``). A profile adjusts the rules that do run:
option defaults (a follow-up should be shorter than a cold email) and severities (a missing ask in an
announcement is worth a note, not a warning). The user's own ``[rules.CODE]`` options and ``severity``
table win over a profile's values. docs/profiles.md is generated from this table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .diagnostics import Severity


@dataclass(frozen=True)
class Profile:
    name: str
    summary: str
    # code -> option values that replace the rule's defaults in this profile
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # code -> severity that replaces the rule's default severity in this profile
    severity: Mapping[str, Severity] = field(default_factory=dict)
    # Where the numbers come from, shown in docs/profiles.md.
    sources: tuple[str, ...] = ()


_LENGTH_SOURCE = (
    "Length: reply-rate studies of cold email put the best results under about 125 words (published optima "
    "range from 25-50 to 200), so cold email warns above 125. Follow-ups add one point to a thread the reader "
    "has seen, so they get less room."
)
_GRADE_SOURCE = (
    "Reading grade: email-tool data shows grades 3-6 answered most and a drop above grade 8 (Flesch-Kincaid)."
)

PROFILES: dict[str, Profile] = {
    p.name: p
    for p in (
        Profile(
            "cold-email",
            "A first message to someone who does not know the sender. The default for emails.",
            options={"RD003": {"max_words": 125}},
            sources=(_LENGTH_SOURCE, _GRADE_SOURCE, "A first touch should ask for little: an interest question or a "
                     "short call (CTA005), not an hour-long demo."),
        ),
        Profile(
            "follow-up",
            "A later message in a sequence to someone who has not replied yet.",
            options={"RD003": {"max_words": 100}},
            sources=(_LENGTH_SOURCE, "Time-boxed asks (CTA006) matter most once a conversation is under way, "
                     "so only this profile checks them."),
        ),
        Profile(
            "reply",
            "An answer inside a thread the prospect started or answered. Quoted text is never linted.",
            options={"RD003": {"max_words": 250}, "RD001": {"max_grade": 10.0}},
            severity={"RD003": Severity.INFO},
            sources=("A reply answers the reader's own questions, so it may run longer and need no new ask.",),
        ),
        Profile(
            "linkedin",
            "A LinkedIn message or InMail: read on a phone, in a chat window.",
            options={"RD003": {"max_words": 100}, "RD005": {"max_paragraph_words": 60}},
            sources=("LinkedIn messages are read in a narrow chat pane; InMail guidance favours under 100 words.",),
        ),
        Profile(
            "script",
            "A call or pitch script: only the seller's turns are linted; it is spoken, not read.",
            options={"RD004": {"max_words": 25}},
            sources=("Spoken sentences must be shorter than written ones: a listener cannot re-read.",),
        ),
        Profile(
            "announcement",
            "A product or company update sent to existing contacts.",
            options={"RD003": {"max_words": 200}, "RD001": {"max_grade": 9.0}},
            severity={"CTA001": Severity.INFO},
            sources=("An update may be longer than a cold email, but it still needs a payoff for the reader "
                     "(PC005); a missing next step is a note, not a warning.",),
        ),
    )
}
DEFAULT_PROFILE = "cold-email"
