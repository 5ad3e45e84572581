"""SP005 voicemail-without-callback: A voicemail gives no reason to call back, or no way to."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...analyses.references import READER_PRONOUNS
from ...analyses.specifics import PLATFORMS
from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, rule
from ..generic._common import sender_names
from ._common import (
    CALLBACK,
    CALLBACK_DETAIL,
    REFERRAL,
    VOICEMAIL,
    VOICEMAIL_LEXICONS,
    has_phone,
    hits,
    is_voicemail,
    phone_span,
    seller_turns,
    sentences_in,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# Phrases whose "you" is not about the prospect: the callback itself, a pleasantry, an empty question.
_NOT_ABOUT_THEM = (CALLBACK, "spoken-pitch", "spoken-empty-opener", "spoken-permission", "pleasantry", "vague-ask", "spoken-pretext")


def _about_them(ctx: RuleContext, start: int, end: int) -> bool:
    """A sentence that refers to the prospect outside a callback, pitch or pleasantry phrase: "your fleet",
    or something of their company's by name ("Rivers Edge's twelve trucks")."""
    masked = [(s, e) for name in _NOT_ABOUT_THEM for s, e, _ in ctx.lexicon_in(name, start, end)]
    names = sender_names(ctx)
    callers = ctx.memo("sp005_callers", lambda: _callers_company(ctx))
    for t in ctx.doc.char_span(start, end, alignment_mode="expand") or ():
        if any(s <= t.idx < e for s, e in masked):
            continue
        if t.lower_ in READER_PRONOUNS or (_named_owner(t) and t.i not in names and t.lower_ not in callers):
            return True
    return False


def _named_owner(token: Token) -> bool:
    """A name that owns something in the sentence: "Rivers Edge's twelve trucks" (not a platform's: "Google's
    new rules" are everyone's)."""
    return (
        token.pos_ == "PROPN" and token.dep_ == "poss" and token.lower_ not in PLATFORMS
        and any(c.dep_ == "case" for c in token.children)
    )


# How a caller says where they are from: "Cal from Penbrook", "Cal with Penbrook", "here at Penbrook",
# "I lead sales at Penbrook", "calling on behalf of Penbrook".
_FROM_PREPS = frozenset({"from", "with", "at", "for", "of"})


def _callers_company(ctx: RuleContext) -> frozenset[str]:
    """The words of the company the caller says they are from, in the first sentence of each of their
    turns (where a caller introduces themselves), and anywhere as "on behalf of X"."""
    firsts = {sents[0].start for turn in seller_turns(ctx) if (sents := sentences_in(ctx, turn))}
    out: set[str] = set()
    for t in ctx.tokens:
        prep = t.head
        if t.pos_ != "PROPN" or t.dep_ != "pobj" or prep.lower_ not in _FROM_PREPS:
            continue
        behalf = prep.lower_ == "of" and prep.head.lower_ == "behalf"
        if behalf or (prep.lower_ != "of" and t.sent.start in firsts):
            out.update(c.lower_ for c in t.subtree if c.pos_ == "PROPN")
    return frozenset(out)


@rule(
    code="SP005",
    name="voicemail-without-callback",
    analyses=(),
    summary="A voicemail gives no reason to call back, or no way to.",
    docs=RuleDocs(
        what=(
            "In a voicemail (a script of one seller turn that asks to be called back, leaves a number or says it "
            "is a message), flags it when nothing in it is about the prospect (\"your team\", or their company's "
            "things by name: \"Halvor Dental's new chairs\"; \"regarding your account\" and \"it's important that I speak with you\" name nothing of theirs) or an earlier contact (a referral, "
            "an email, a meeting): \"call me back\" with only a name and a company. It also flags an explicit "
            "\"call me back\" that leaves no number, no time for the next try and no email to answer instead. A "
            "voicemail with a reason and no callback ask (\"I'll send you an email\") needs no number."
        ),
        why=(
            "A voicemail is returned when the listener hears a reason that is theirs and an easy way back. \"Call "
            "me back\" with only the seller's name and company is a request to do the seller a favour; a reason "
            "without a number leaves them to look it up, which they will not."
        ),
        example="Hi Rhea, this is Cal from Penbrook. Give me a call back when you can. Thanks!",
        instead=(
            "\"Hi Rhea, Cal from Penbrook. Your team is hiring three field engineers; I have a question about how "
            "you schedule them. I'm on 555-0142, or I'll try you Thursday morning.\""
        ),
        fix_safety="Advice only: the reason and the number are the writer's to give.",
        sources="Voicemail guidance: a reason that is about the listener, the number said clearly, a time for the next try.",
    ),
    # The parse finds what the caller names as theirs ("Halvor Dental's chairs") and where they call from.
    requires=("POS", "DEP", "LEMMA"),
    lexicons=(*VOICEMAIL_LEXICONS, "reader-trace", "spoken-pretext"),
    profiles=("script",),
    fail=(
        Example("Hi Robert, this is Amanda from Summit Services. It's important that I speak with you as soon as "
                "possible, so please call me back at 555-0182 today.\n", format="script"),
        Example("Hi Rhea, this is Cal from Penbrook. Give me a call back when you can. Thanks!\n", format="script"),
        Example("Hi, this is Cal, please call me back as soon as possible, it's regarding your account. 555-0199.\n",
                format="script"),
        Example("Hi Rhea, Cal from Penbrook here. We make scheduling software for field teams. Call me back at "
                "555-014-2290.\n", format="script"),
        Example("Hi Rhea, it's Cal from Penbrook. Penbrook's scheduler is the fastest around. Call me back at "
                "555-014-2290.\n", format="script"),
        Example("Hi Rhea, this is Cal with Penbrook. Penbrook's scheduler is the fastest around. Call me back at "
                "555-014-2290.\n", format="script"),
        Example("Hi Rhea, I'm calling on behalf of Penbrook. Penbrook's scheduler is the fastest around. Call me "
                "back at 555-014-2290.\n", format="script"),
        Example("Hi Rhea, it's Cal from Penbrook. I saw your team is hiring three field engineers and had a question "
                "about how you schedule them. Give me a call back.\n", format="script"),
    ),
    passes=(
        Example("Hi Jo, it's Cal from Penbrook. Regarding your listing at 14 Elm Street, we have two buyers asking "
                "to view it Saturday. Call me back at 555-0182.\n", format="script"),
        Example("Hi Rhea, it's Cal from Penbrook. I'm calling because Halvor Dental's two new chairs open in May, and "
                "our Leeds team has fitters free that month. Call me back at 555-014-2290.\n", format="script"),
        Example("Hi Rhea, it's Cal from Penbrook. I saw your team is hiring three field engineers and had a question "
                "about how you schedule them. Call me back at 555-014-2290.\n", format="script"),
        Example("Hi Rhea, Cal from Penbrook. Dev Patel suggested I call about scheduling. I'll try you again "
                "Thursday morning, or reach me at {{rep_phone}}.\n", format="script"),
        Example("Hi Rhea, this is Cal from Penbrook. I'll send you an email with two times.\n", format="script"),
    ),
)
def voicemail_without_callback(ctx: RuleContext) -> Iterator[Finding]:
    if not is_voicemail(ctx):
        return
    [turn] = seller_turns(ctx)
    asks = hits(ctx, CALLBACK, turn)
    reason = any(
        _about_them(ctx, s.start_char, s.end_char) or hits(ctx, REFERRAL, s) or hits(ctx, "reader-trace", s)
        for s in sentences_in(ctx, turn)
    )
    # Without an explicit ask to call back, a voicemail that says why it called needs no number: it may
    # promise an email or a next try instead, which the listener needs nothing to act on.
    detail = has_phone(ctx, turn.start, turn.end) or bool(hits(ctx, CALLBACK_DETAIL, turn)) or not asks
    if reason and detail:
        return
    marks = asks or hits(ctx, VOICEMAIL, turn)
    start, end = (marks[0][0], marks[0][1]) if marks else (phone_span(ctx, turn.start, turn.end) or (turn.start, turn.end))
    words = ctx.quote(start, end)
    if not reason:
        message, fix = (
            "a voicemail with no reason that is about them",
            "Say something you noticed about their business, or who referred you.",
        )
    else:
        message, fix = (
            f"'{words}' with no number and no time to call",
            "Say your number (twice, slowly), or when you will try again: \"I'll try you Thursday morning.\"",
        )
    yield ctx.finding(start, end, message, Fix(fix))
