"""Profiles: what kind of message this is, and the thresholds and severities that follow from it.

A rule declares the profiles it runs in (``RuleMeta.profiles``). A profile adjusts the rules that do run:
option defaults (a follow-up should be shorter than a cold email) and severities (a missing ask in an
announcement is worth a note, not a warning). The user's own ``[rules.CODE]`` options and ``severity``
table win over a profile's values. docs/profiles.md is generated from this table.

When nothing names a profile (``auto``, the default), :func:`infer_profile` reads it from the message's
structure: a quoted thread, a reply subject, an opening that refers to the sender's earlier message,
speaker turns, a message with no subject line that speaks as a phone call (a voicemail) or of connecting
(a LinkedIn note). Announcements
look like any other short email, so that profile is only ever chosen explicitly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from . import linear_regex
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
DEFAULT_PROFILE = "cold-email"  # what auto falls back to when nothing in the message says otherwise
AUTO = "auto"


@dataclass(frozen=True)
class ChosenProfile:
    """The profile a message is linted in, and why (shown as ``profile`` and ``profile_reason``)."""

    name: str
    reason: str


# docs/profiles.md's section on auto: what each inferred profile is read from, in the order it is tried.
AUTO_DOCS = (
    "`auto` is the default: when nothing names a profile, each message's is read from its structure, in this "
    "order, and the report's `metrics` give it as `profile` with the reason as `profile_reason`:",
    "",
    "1. `script`: a call script (the `script` input format or a record's `kind`), or lines that alternate "
    "between speaker labels (`Rep:` ... `Dana:` ... `Rep:`). Labelled parts of an email (`Problem:`, "
    "`Idea:`) never come back, so they are not turns.",
    "2. `reply`: a quoted thread (an `On ... wrote:` attribution, `>` lines, a forwarded block), which is "
    "never linted.",
    "3. `follow-up`: a subject that starts with `Re:` (or `RE:`, `Re[2]:`, `Aw: Re:`) over no quoted thread, "
    "or a reference to an earlier message of the sender's in the first two sentences or the subject: "
    "\"following up on my note\", \"circling back\", \"my last email\", \"I reached out last week\", "
    "\"just checking in\", \"bumping this\", \"I haven't heard back\". The phrases are the pack lexicon "
    "`follow-up-reference` (with `no-reply`, `guilt` and `thread-close`), which your own pack can extend.",
    "4. `script` again for a voicemail written out as one paragraph: no subject line, and it speaks as a "
    "phone call (\"I'm calling about\", \"leaving you a quick message\", \"call me back\").",
    "5. `linkedin`: no subject line, and the message speaks of connecting (\"glad to connect\", "
    "\"worth connecting\", \"we aren't connected yet\", \"add you to my network\") or thanks the reader for "
    "connecting (\"thanks for connecting\", \"thanks for accepting my request\"). An email has a subject; a "
    "connection note, or the first message after one, has none and says why it asks to connect.",
    "6. `cold-email` otherwise.",
    "",
    "`announcement` looks like any other short email, so it is never inferred: name it. A LinkedIn message "
    "that never mentions connecting reads as a cold email unless it is named.",
    "A profile named for the message wins over inference: the message's own (`profile:` in front matter, a "
    "record's `profile` field, the API's `profile` argument), then `--profile`, then `profile` in the "
    "config; `profile_reason` then says which (\"given by the front matter\", \"given by the record\", "
    "\"given by --profile\", \"given by the config\"). `auto` may be named too, to undo a config's profile "
    "from the command line (`--profile auto`) or for one record.",
)

# Reply prefixes as mail clients write them: "Re:", "RE:", "Re[2]:", "Re(3):", also behind the German,
# Dutch and Nordic reply prefixes ("Aw: Re: demo", "Antw:", "Sv:", "Vs:").
_REPLY_SUBJECT = linear_regex.compile(r"^[ \t]*(?:(?:aw|antw|sv|vs)[ \t]*:[ \t]*)*re(?:\[\d+\]|\(\d+\))?[ \t]*:", linear_regex.I)
# A speaker label at the start of a line: one to three capitalised words, then a colon and the turn
# ("Rep: ...", "**Dana**: ...", "You (rep): ..."). A URL's scheme is not a label (the turn must not
# start with "//").
_LABEL = linear_regex.compile(
    r"^[ \t]*(?:\*\*)?(?P<label>[A-Z][\w.'-]{0,20}(?:[ \t]+(?:[A-Z][\w.'-]{0,20}|\([\w ]{1,12}\))){0,2})(?:\*\*)?[ \t]*:"
    r"(?:\*\*)?[ \t]+(?P<turn>[^\s/]|/[^/])",
    linear_regex.M,
)
# Labelled lines that are headers or notes, not speakers.
_NOT_SPEAKERS = frozenset({
    "from", "to", "cc", "bcc", "sent", "date", "subject", "re", "fw", "fwd", "attachment", "attachments", "note",
    "notes", "ps", "p.s", "nb", "tip", "edit", "update", "important", "reminder", "warning",
})
# Connecting on a network, as a connection note says it: "connect with you", "be/are/aren't connected",
# "worth connecting", "love to connect", "add you to my network", "connection request", and the first
# message after it: "thanks for connecting", "thanks for accepting my request". An email with a
# subject line may say "connect" for a call; only a message with no subject is read as a note.
_CONNECTING = linear_regex.compile(
    r"\b(?:connect(?:ed|ing)?[ \t]+(?:with[ \t]+you|on[ \t]+linkedin|here)\b"
    r"|(?:be|are|aren't|aren’t|not|get|getting|worth|to)[ \t]+connect(?:ed|ing)?\b"
    r"|connection[ \t]+request"
    r"|(?:thanks|thank[ \t]+you|thx)[ \t]+(?:so[ \t]+much[ \t]+)?for[ \t]+(?:connecting|the[ \t]+connect(?:ion)?\b"
    r"|accepting(?:[ \t]*[,.!]|[ \t]+my[ \t]+(?:connection[ \t]+)?(?:request|invite|invitation)))"
    r"|accept(?:ing|ed)?[ \t]+my[ \t]+connection[ \t]+(?:request|invite|invitation)"
    r"|(?:to|into|join)[ \t]+my[ \t]+(?:professional[ \t]+)?network\b"
    r"|add(?:ing)?[ \t]+you[ \t]+to[ \t]+my[ \t]+(?:professional[ \t]+)?network)",
    linear_regex.I,
)
# A phone call in writing, as a voicemail script says it: "I'm calling about", "calling because", "leaving
# you a quick message", "call me back". An email says "call me" too, but not "I'm calling"; only a message
# with no subject line is read as a voicemail.
_CALLING = linear_regex.compile(
    r"\b(?:(?:i'?m|i’m|i am|i was|just)[ \t]+calling\b|calling[ \t]+(?:you[ \t]+)?(?:about|because|regarding|from)\b"
    r"|(?:leaving|left)[ \t]+(?:you[ \t]+)?(?:a|this)[ \t]+(?:quick[ \t]+|short[ \t]+|brief[ \t]+)?(?:message|voicemail)\b"
    r"|call[ \t]+me[ \t]+back\b|give[ \t]+me[ \t]+a[ \t]+(?:call|ring)[ \t]+back\b|return[ \t]+(?:my|this)[ \t]+call\b)",
    linear_regex.I,
)
# A sentence ends at terminal punctuation or a blank line (paragraph); "first sentences" are this many.
_SENTENCE_END = linear_regex.compile(r"[.!?…]+[\"'”’)\]]*(?:\s|$)|\n[ \t]*\n")
OPENING_SENTENCES = 2


# What a message with no subject line is, by what it says, in the order tried.
_NO_SUBJECT_CUES = ((_CALLING, "script", "speaks as a phone call"), (_CONNECTING, "linkedin", "asks to connect"))


def reply_subject(subject: str | None) -> bool:
    """Whether the subject line is a mail client's reply subject ("Re: ...")."""
    return subject is not None and _REPLY_SUBJECT.match(subject) is not None


# Reading a message asks this once and inferring its profile asks again for the same body: the last few
# answers are kept so the second asking is free (a few, since a body may be long).
@lru_cache(maxsize=8)
def speaker_turns(text: str) -> tuple[str, ...]:
    """The labels of alternating speaker turns in ``text``, or () when it does not read as a dialogue.

    A dialogue has at least three labelled lines from at least two speakers, and a speaker who comes
    back after another spoke: "Problem: / Idea: / Result:" lines label parts of an email, never twice.
    """
    labels = [m.group("label") or "" for m in _LABEL.finditer(text)]
    labels = [label for label in labels if label.lower().rstrip(".") not in _NOT_SPEAKERS]
    if len(labels) < 3 or len({label.lower() for label in labels}) < 2:
        return ()
    seen: set[str] = set()
    previous = None
    for label in labels:
        key = label.lower()
        if key != previous and key in seen:
            return tuple(dict.fromkeys(labels))
        seen.add(key)
        previous = key
    return ()


def opening_end(text: str, start: int, end: int, sentences: int = OPENING_SENTENCES) -> int:
    """Where the first ``sentences`` sentences of ``text[start:end]`` end (``end`` if it has fewer)."""
    for found, m in enumerate(_SENTENCE_END.finditer(text, start, end), start=1):
        if found == sentences:
            return m.end()
    return end


def infer_profile(
    *, kind: str, subject: str | None, body: str, quoted: bool, opening_cue: str | None, subject_cue: str | None = None
) -> ChosenProfile:
    """The profile a message's structure says it is (see the module docs for what each one looks like).

    ``opening_cue`` is a phrase in the first sentences that refers to an earlier message of the sender's
    ("following up", "my last email"); ``subject_cue`` the same in the subject line. A quoted thread
    outranks a cue: a reply may well say "following up on your question".
    """
    if kind == "script":
        return ChosenProfile("script", "the message is a call script (speaker turns)")
    turns = speaker_turns(body)
    if turns:
        shown = ", ".join(f"{label}:" for label in turns[:3])
        return ChosenProfile("script", f"speaker turns alternate ({shown})")
    if quoted:
        return ChosenProfile("reply", "a thread is quoted below the message")
    if reply_subject(subject):
        return ChosenProfile("follow-up", "subject starts with Re: and no thread is quoted")
    if opening_cue:
        return ChosenProfile("follow-up", f"the opening refers to an earlier message (\"{opening_cue}\")")
    if subject_cue:
        return ChosenProfile("follow-up", f"the subject refers to an earlier message (\"{subject_cue}\")")
    if not (subject or "").strip():  # an email has a subject line; a voicemail or a connection note has none
        for cue, profile, says in _NO_SUBJECT_CUES:
            found = cue.search(body)
            if found:
                said = " ".join(found.group(0).split()).lower()
                return ChosenProfile(profile, f"no subject line, and it {says} (\"{said}\")")
    return ChosenProfile(
        DEFAULT_PROFILE, "no quoted thread, Re: subject, earlier-message reference, speaker turns or connection note: a first message"
    )
