"""What the spoken rules share: the seller's turns in the linted text, their sentences, and what a
sentence does (asks permission, gives the reason for the call, pitches, asks about the prospect)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ... import linear_regex
from ...analyses.asks import phone_numbers
from ...analyses.references import READER_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ...rule import RuleContext

PERMISSION = "spoken-permission"
EMPTY = "spoken-empty-opener"
REASON = "spoken-call-reason"
BOUNDED = "spoken-bounded-ask"
PITCH = "spoken-pitch"
CALLBACK = "spoken-callback"
VOICEMAIL = "spoken-voicemail"
CALLBACK_DETAIL = "spoken-callback-detail"
REFERRAL = "spoken-referral"
OPENER_LEXICONS = (PERMISSION, EMPTY, REASON, BOUNDED, "reader-trace", REFERRAL, PITCH)
COMMITMENT = "spoken-commitment-ask"
GUESS_CHECK = "spoken-guess-check"
QUESTION_LEXICONS = (PERMISSION, EMPTY, PITCH, COMMITMENT, GUESS_CHECK, "ask-meeting", "interest-ask", "offer-ask", "ask-referral")
VOICEMAIL_LEXICONS = (CALLBACK, VOICEMAIL, CALLBACK_DETAIL, REFERRAL, PITCH, EMPTY, PERMISSION, "pleasantry", "vague-ask")

# A phone number as it is read out or written: seven or more digits in groups ("555-0134", "(212) 555 0188").
_PHONE_FIELD = linear_regex.compile(r"phone|number|cell|mobile|tel\b|direct|line", linear_regex.I)


@dataclass(frozen=True)
class SpokenTurn:
    """A turn of the script in the linted text: ``[start, end)`` and its speaker's role."""

    role: str  # seller | prospect
    start: int
    end: int


def turns(ctx: RuleContext) -> tuple[SpokenTurn, ...]:
    """The script's turns in the linted text, in order. Prospect turns are not in the text, so they are
    empty spans where they stood; a script without labels is one seller turn over its body."""
    return ctx.memo("spoken-turns", lambda: _turns(ctx))  # type: ignore[no-any-return]


def _turns(ctx: RuleContext) -> tuple[SpokenTurn, ...]:
    message = ctx.prepared.message
    found = message.meta.get("turns") or ()
    body = ctx.region("body")
    body_start = body.start if body else len(ctx.text)
    if not found:
        return (SpokenTurn("seller", body_start, len(ctx.text)),)
    mapped = ctx.prepared.text
    starts = [t.start for t in found]
    # Where each linted character came from decides its turn: one pass over the text, a bisection each.
    bounds: list[list[int]] = [[-1, -1] for _ in found]
    for i in range(len(mapped.text)):
        s = mapped.starts[i]
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and s < found[k].end and mapped.ends[i] > s:
            b = bounds[k]
            if b[0] < 0:
                b[0] = i
            b[1] = i + 1
    out: list[SpokenTurn] = []
    pos = body_start
    for t, (s, e) in zip(found, bounds):
        if t.role == "seller" and s >= 0:
            out.append(SpokenTurn("seller", s, e))
            pos = e
        else:
            out.append(SpokenTurn(t.role if s < 0 else "seller", pos, pos))
    return tuple(out)


def seller_turns(ctx: RuleContext) -> list[SpokenTurn]:
    return [t for t in turns(ctx) if t.role == "seller" and t.end > t.start]


def is_dialogue(ctx: RuleContext) -> bool:
    """Labelled turns with a prospect taking part."""
    return any(t.role == "prospect" for t in turns(ctx)) and bool(seller_turns(ctx))


def sentences_in(ctx: RuleContext, turn: SpokenTurn) -> list[Span]:
    """The body sentences that start in ``turn``, found by bisection: rules ask once per turn."""
    sents, starts = ctx.memo("spoken-sentences", lambda: _sentence_starts(ctx))
    return sents[bisect.bisect_left(starts, turn.start) : bisect.bisect_left(starts, turn.end)]


def _sentence_starts(ctx: RuleContext) -> tuple[list[Span], list[int]]:
    sents = list(ctx.body_sentences())
    return sents, [s.start_char for s in sents]


def hits(ctx: RuleContext, name: str, span: Span | SpokenTurn) -> list[tuple[int, int, str]]:
    start, end = (span.start, span.end) if isinstance(span, SpokenTurn) else (span.start_char, span.end_char)
    return ctx.lexicon_in(name, start, end)


def is_question(ctx: RuleContext, sent: Span) -> bool:
    return "?" in ctx.text[sent.start_char : sent.end_char]


def is_discovery_question(ctx: RuleContext, sent: Span) -> bool:
    """A question about the prospect's situation: it refers to them ("you", "your"), asks who owns
    something or checks a guess about them ("Is that what's going on?"), and is not a leading question, a permission question, "how are you", a pitch or an ask
    for a meeting."""
    if not is_question(ctx, sent):
        return False
    # "Wouldn't you agree ...?" collects a yes and learns nothing about them. Read only where the pipeline
    # parses: the spoken rules match word lists and run without a parser too.
    if ctx.can("leading") and any(q.start <= sent.start_char < q.end for q in ctx.analysis("leading")):
        return False
    if hits(ctx, "ask-referral", sent) or hits(ctx, GUESS_CHECK, sent):
        return True  # who owns it, or whether the caller's guess about them is right ("Is that the case?")
    if any(hits(ctx, name, sent) for name in QUESTION_LEXICONS if name not in ("ask-referral", GUESS_CHECK)):
        return False
    return any(t.lower_ in READER_PRONOUNS for t in ctx.tokens_of(sent))


def first_pitch(ctx: RuleContext, spans: Sequence[SpokenTurn]) -> tuple[int, int] | None:
    for turn in spans:
        found = hits(ctx, PITCH, turn)
        if found:
            return found[0][0], found[0][1]
    return None


def has_phone(ctx: RuleContext, start: int, end: int) -> bool:
    """A phone number, or a merge field that stands for one ("[Phone]", "{{rep_number}}")."""
    return phone_span(ctx, start, end) is not None


def is_voicemail(ctx: RuleContext) -> bool:
    """One seller turn (no prospect answers) that asks to be called back, leaves a number or says it is
    a message."""
    if is_dialogue(ctx):
        return False
    spans = seller_turns(ctx)
    if len(spans) != 1:
        return False
    turn = spans[0]
    return bool(hits(ctx, CALLBACK, turn) or hits(ctx, VOICEMAIL, turn)) or has_phone(ctx, turn.start, turn.end)


def phone_span(ctx: RuleContext, start: int, end: int) -> tuple[int, int] | None:
    """Where the first phone number or phone merge field of ``[start, end)`` is."""
    for s, e in phone_numbers(ctx.text[start:end]):
        return start + s, start + e
    for f in ctx.prepared.merge_fields:
        if start <= f.start < end and _PHONE_FIELD.search(f.typed) is not None:
            return f.start, f.end
    return None
