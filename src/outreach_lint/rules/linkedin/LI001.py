"""LI001 pitch-in-connection-note: A first connection note that pitches the sender's offer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from ...analyses.grammar import SUBJECT_DEPS, classify
from ...analyses.references import READER_PRONOUNS
from ...analyses.specifics import checkable
from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, RuleOptions, rule, short
from ..generic._common import sender_names
from ._common import (
    FIRST_NOTE_LEXICONS,
    answers_their_request,
    continues_a_conversation,
    inline_greeting_name,
    referred_by_name,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class NoteOptions(RuleOptions):
    max_words: int = Field(
        default=60, ge=1,
        description="A connection note is short (LinkedIn caps it at 200-300 characters); longer messages are "
                    "InMails or later messages and are not judged as connection notes.",
    )


# Asks that a pitch puts to a stranger once it has talked about itself: "Intrigued?", "Open to a call?".
_PITCH_FOLLOW_UP_KINDS = frozenset({"question", "interest", "meeting", "offer"})


@rule(
    code="LI001",
    name="pitch-in-connection-note",
    analyses=("asks", "metrics"),
    summary="A first connection note that pitches the sender's offer.",
    docs=RuleDocs(
        what=(
            "Reads a first LinkedIn note: a message of at most `max-words` words (default 60) that does not "
            "continue an earlier conversation (\"as we discussed\", \"great to meet you\", a quoted reply). "
            "Flags it when it pitches: a sentence whose subject is the sender and whose clause names what the "
            "sender sells (\"We offer...\", \"Our platform...\", \"I help teams...\"), an ask for a demo, the "
            "pricing or a call with the sales team, or a question put right after sentences only about the "
            "sender (\"We run workshops for founders. Interested?\"). A note that answers what the reader asked "
            "for in public (\"saw your post asking who handles payroll abroad\", \"you were asking about ...\") "
            "is not a cold pitch, and neither is a clause about being at their talk, a conditional offer "
            "(\"glad to send the checklist if it would help\"), a note a named person referred, an invitation "
            "to speak (\"would you consider a 20-minute talk at the summit?\"), or an offer of something to read or "
            "have after an opening on something checkable of the reader's (\"your post last week said turnover hit "
            "28%. ... Would the one-page summary help?\"). A meeting, an introduction or a follow asked for there is "
            "still a pitch, and so is an opening on the seller's own numbers."
        ),
        why=(
            "A connection note has one job: to be accepted. A pitch from a stranger reads as a sales funnel, "
            "and the request is ignored or reported; the same offer lands better once they know who you are "
            "and have answered."
        ),
        example="Hi Ola, we offer a payroll platform for agencies. Would you like a demo next week?",
        instead=(
            "Say why you want to connect with them: \"Hi Ola, your post on paying freelancers in six countries "
            "was useful. Would be glad to follow your work.\" Keep the offer for a later message."
        ),
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. The reason to "
            "connect has to come from the writer."
        ),
        sources=(
            "Doctrine section 1 (a message about the sender, not the reader) applied to LinkedIn, whose "
            "connection note is capped at a few hundred characters and is judged as a request to connect."
        ),
    ),
    requires=("POS", "TAG", "DEP", "LEMMA"),
    options=NoteOptions,
    profiles=("linkedin",),
    lexicons=("seller-offer", "pitch-ask", "speaking-invite", *FIRST_NOTE_LEXICONS),
    fail=(
        # "like yours" is anyone's, and a proposal is the sale itself
        Example("Hi Raj, companies like yours lose 30% of inbound leads. We fix that with our AI SDR. Want me to send "
                "our case study?\n", profile="linkedin"),
        Example("Hi Raj, your post last week said 30% of your inbound leads go cold. We provide outsourced SDRs at half "
                "the cost. Can I send you a proposal?\n", profile="linkedin"),
        Example("Hi Ola, we offer a payroll platform for agencies. Would you like a demo next week?\n",
                profile="linkedin"),
        Example("Thanks for accepting, Ben! Our studio builds booking apps for gyms and clinics. Can I send over "
                "our pricing?\n", profile="linkedin"),
        Example("Hi Mira, I'm Jon, a coach at Northstar. We run leadership retreats for new managers every "
                "spring. Intrigued?\n", profile="linkedin"),
        Example("Hi Kai, I saw your talk at the robotics meetup. Would you be up for a product tour with our "
                "sales team?\n", profile="linkedin"),
        Example("Hi Noor, if your payroll still runs on spreadsheets, our platform can fix that. Want a demo?\n",
                profile="linkedin"),
        Example("Hi Dr. Osei, we run a webinar program for clinic leaders. Would you join our webinar next Tuesday?\n",
                profile="linkedin"),
        Example("Hi Noor, Gartner says most payroll teams lose a day a month to corrections. We offer a payroll "
                "platform that fixes that. Want a demo?\n", profile="linkedin"),
        # the seller's own number is no detail of the reader's, and a meeting costs more than a reply
        Example("Hi Raj, I help SaaS companies like yours book 30+ sales calls a month with our outreach service. "
                "Want me to send a sample?\n", profile="linkedin"),
        Example("Hi Noor, your post last week said the Gdansk payroll closes in 9 days. We run payroll for teams "
                "like yours. Open to a demo call on Tuesday?\n", profile="linkedin"),
    ),
    passes=(
        Example("Hi Marcus, I was in the audience for your HR Tech Chicago panel last week and your point on month-two "
                "quits stuck. We have data from 40 staffing firms that backs it up. Happy to share it if you'd find it useful.\n",
                profile="linkedin"),
        Example("Hi Jess, you said in your post that Saturday walk-ins are turned away by 10am. We build online "
                "queue lists for salons. Want a 1-minute demo video?\n", profile="linkedin"),
        Example("Hi Ola, your post on paying freelancers in six countries was useful. Would be glad to follow "
                "your work.\n", profile="linkedin"),
        Example("Hi Ben, as we discussed at the expo, here is the booking app we built. Does Thursday still "
                "work for the pricing call?\n", profile="linkedin"),
        Example("Hi Mira, I run leadership retreats too, and your piece on first-time managers was spot on. "
                "How do you pick the cohort?\n", profile="linkedin"),
        Example("Hi Kai, I read your write-up on the pick-rate tool you built. Would you be open to a short "
                "call to compare notes?\n", profile="linkedin"),
        Example("Hi Lena, I loved your talk on discounts for software resellers. How did the pilot go?\n",
                profile="linkedin"),
        Example("Hi Tomas, I was at your meetup talk on pricing for clinics; the part on annual plans was new to "
                "me. Would like to follow what you share next.\n", profile="linkedin"),
        Example("Hi Ruth, saw you're opening a second clinic. I've run intake for three clinics and am glad to "
                "send the checklist we used if it would help.\n", profile="linkedin"),
        Example("Hi Dev, saw your post in the founders' forum asking who handles payroll for contractors abroad. "
                "We run payroll for twelve such teams. Want me to check your setup?\n", profile="linkedin"),
        Example("Hi Dr. Osei, I run the program for the Coastal Care Forum in May. Your piece on shared pharmacists "
                "was passed around our whole board. Would you consider a 20-minute talk on the pilot?\n",
                profile="linkedin"),
        Example("Thanks for connecting, Noor. Is your team still checking contractor invoices by hand? If yes, our "
                "service might help; if not, no worries.\n", profile="linkedin"),
        Example("Hi Noor, Tomasz Wren mentioned you're moving the Gdansk team onto one payroll. We did that move for "
                "his firm last spring. Want the list of what went wrong first?\n", profile="linkedin"),
        Example("Hi Noor, I promise this isn't a sales note. You said in your talk that the rota takes a day each "
                "week. Is that still true at the Gdansk office?\n", profile="linkedin"),
        # an opening on something checkable of theirs, and an offer of something to read or have
        Example("Hi Monica, your post last week said nurse turnover at Dunmore hit 28%, mostly over rotas. We run "
                "self-scheduling for hospital wards. Would the one-page summary of what another ward changed be "
                "useful?\n", profile="linkedin"),
        Example("Hi Tamara - I saw Eastside Pantry is looking for 12 volunteer drivers on your site. We make route "
                "software and give it free to food banks. Want me to set up an account?\n", profile="linkedin"),
        Example("Hi Ola, we offer a payroll platform for agencies. Would you like a demo next week?\n",
                profile="linkedin", options={"max-words": 10}),
    ),
)
def pitch_in_connection_note(ctx: RuleContext, opts: NoteOptions) -> Iterator[Finding]:
    body = ctx.region("body")
    if body is None or ctx.metrics.words > opts.max_words or continues_a_conversation(ctx):
        return
    if any(ctx.lexicon_in("speaking-invite", a.start, a.end + 1) for a in ctx.asks):
        return  # "Would you consider a 20-minute talk at the summit?": they are asked to speak, not to buy
    if answers_their_request(ctx) or referred_by_name(ctx):
        # "saw your post asking whether anyone ...", "Priya mentioned you're rebuilding returns": an offer
        # they asked for, or one a person they know passed on, is not a cold pitch
        return
    names = sender_names(ctx)
    sentences = list(ctx.body_sentences())
    if _earned(ctx, sentences):
        return
    for sent in sentences:
        clause = _offer_clause(ctx, sent, names)
        if clause is not None:
            yield _finding(ctx, *clause)
            return
    for ask in ctx.asks:
        if ctx.lexicon_in("pitch-ask", ask.start, ask.end):
            yield _finding(ctx, ask.start, ask.end)
            return
    # A question put right after the sender's sentences: "We run retreats for founders. Intrigued?". One
    # that follows a sentence about the reader ("You said the rota takes a day. Still true?") is theirs.
    for ask in ctx.asks:
        if ask.kind not in _PITCH_FOLLOW_UP_KINDS:
            continue
        before = [s for s in sentences if s.end_char <= ask.start]
        if before and _about_seller_only(ctx, before[-1], names):
            yield _finding(ctx, *ctx.trimmed(before[-1]))
            return


# Asks that cost a stranger more than a reply: a meeting, an introduction, a follow.
_NOT_EARNED = frozenset({"meeting", "referral", "social"})
# What the seller sells with, offered to read: still a pitch.
_SALES_PAPERS = frozenset({"proposal", "pricing", "price", "prices", "quote", "brochure", "deck", "rates", "catalog", "catalogue", "rate"})
# "I saw Eastside Pantry is short of drivers": the sender as subject, the reader as what was noticed.
_NOTICED = frozenset({"see", "notice", "read", "hear", "spot", "watch", "catch"})


def _earned(ctx: RuleContext, sentences: list[Span]) -> bool:
    """A note that opens on something checkable of the reader's ("your post last week said turnover hit
    28%") and offers something to read or have, not a meeting: the offer answers what it opened on."""
    if not sentences or not ctx.asks or any(a.actions & _NOT_EARNED for a in ctx.asks):
        return False
    if any(a.words & _SALES_PAPERS for a in ctx.asks):
        return False  # "Can I send you a proposal?", "Want our pricing?": the offer is the sale
    if any(verb.lemma_.lower() not in _NOTICED | _WITNESS_VERBS
           for _, verb in _seller_clauses(ctx, sentences[0], sender_names(ctx))):
        return False  # "I help SaaS companies like yours get 30+ leads a month" is the seller's number
    body = ctx.region("body")
    greeted = inline_greeting_name(ctx)
    first = [t for t in ctx.tokens_of(sentences[0]) if t.i not in greeted and (body is None or t.idx >= body.start)]
    if not any(t.lower_ in ("you", "your") for t in first):
        return False  # "companies like yours lose 30% of leads" could open a note to anyone
    text = ctx.text[first[0].idx : sentences[0].end_char] if first else ""
    return checkable(first, text, dates=True)


def _finding(ctx: RuleContext, start: int, end: int) -> Finding:
    return ctx.finding(
        start,
        end,
        f"pitches in a first connection note: '{short(ctx.quote(start, end), 50)}'",
        Fix("Give one reason to connect that is about them; keep the offer for after they accept and reply"),
    )


def _seller_clauses(ctx: RuleContext, sent: Span, names: set[int]) -> list[tuple[Token, Token]]:
    """(subject, verb) of each main clause whose subject is the sender: the root and verbs joined to it."""
    out = []
    for token in ctx.tokens_of(sent):
        if token.dep_ not in SUBJECT_DEPS or classify(token, names) != "seller":
            continue
        verb = token.head
        if any(c.lower_ == "both" for c in (*verb.children, *token.children)):
            continue  # "we were both on the pricing panel": the sender and the reader, not the seller
        if verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
            out.append((token, verb))
    return out


def _offer_clause(ctx: RuleContext, sent: Span, names: set[int]) -> tuple[int, int] | None:
    """(start, end) of a main clause in which the sender names what it sells."""
    offers = {h[0] for h in ctx.lexicon_in("seller-offer", sent.start_char, sent.end_char)}
    if not offers:
        return None
    asked_first = any(a.kind in ("situation", "question") and a.end <= sent.start_char for a in ctx.asks)
    for subject, verb in _seller_clauses(ctx, sent, names):
        if _about_their_thing(verb) or (asked_first and _conditional(verb)):
            # "Is your team still checking by phone? If yes, I might be able to help": an offer that waits
            # on their answer to a question about them is not a pitch
            continue
        # The subject's own words count ("our platform"); so do the verb's, except inside the reader's
        # things ("I saw your post on the pricing tool you built" names their tool, not an offer).
        for token in [*subject.subtree, *verb.subtree]:
            if token.idx in offers and not _reader_owned(token, verb) and not _others_verb(token, names):
                start = min(subject.left_edge.idx, verb.idx)
                return start, ctx.trimmed(sent)[1]
    return None


# Verbs of having been there: "I was at your talk", "I listened to your podcast", "we sat in on your panel".
_WITNESS_VERBS = frozenset({"be", "attend", "listen", "watch", "read", "sit", "go", "come", "tune"})


def _about_their_thing(verb: Token) -> bool:
    """The clause is about something of the reader's: "I read your article on pricing" (whatever the
    parser attached "on pricing" to), "We loved your talk", "I was at your talk on pricing"."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "pobj")]
    if verb.lemma_ in _WITNESS_VERBS:
        # Through a preposition only for being there: "we work with your competitors" is still a pitch.
        objects += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return any(any(c.dep_ == "poss" and c.lower_ in READER_PRONOUNS for c in o.children) for o in objects)


def _conditional(verb: Token) -> bool:
    """The clause holds only on a condition: "If yes, I might be able to help"."""
    return any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in verb.subtree)


def _others_verb(token: Token, names: set[int]) -> bool:
    """An offer word that is a verb with a subject of its own other than the sender: "if it would help"."""
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ in SUBJECT_DEPS and classify(c, names) != "seller" for c in token.children
    )


def _reader_owned(token: Token, verb: Token) -> bool:
    """Whether ``token`` sits in a phrase that belongs to the reader, on its way up to ``verb``."""
    node = token
    while node.i != verb.i:
        if node.lower_ in READER_PRONOUNS:
            return True
        if any(c.lower_ in READER_PRONOUNS and c.dep_ in ("poss", "nsubj", "nsubjpass") for c in node.children):
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def _about_seller_only(ctx: RuleContext, sent: Span, names: set[int]) -> bool:
    """A sentence whose main subject is the sender and which never mentions the reader."""
    if any(t.lower_ in READER_PRONOUNS for t in ctx.tokens_of(sent)):
        return False
    return bool(_seller_clauses(ctx, sent, names))
