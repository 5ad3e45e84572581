"""What the LinkedIn rules share: is this a first connection note, and does it show its reader."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analyses.specifics import PLATFORMS
from ...rule import RuleContext
from ..generic._common import NOT_NAMES, addressed_by_name, capitalised_name, reader_number, sender_names
from ..generic.GN002 import _reader_fact

if TYPE_CHECKING:
    from spacy.tokens import Token

# The lexicons the helpers below read; a rule that calls them declares these.
FIRST_NOTE_LEXICONS = ("earlier-contact",)
TRACE_LEXICONS = ("reader-trace", "common-ground", "earlier-contact")
_GREETING_WORDS = frozenset({"hi", "hello", "hey", "dear", "hiya", "morning", "afternoon", "evening"})


def continues_a_conversation(ctx: RuleContext) -> bool:
    """The note answers or follows up on something the two already said ("as we discussed", a quoted reply)."""
    if any(x.kind == "quoted" for x in ctx.prepared.excluded):
        return True
    return any(ctx.in_region("body", s, e) for s, e, _ in ctx.lexicon("earlier-contact"))


def answers_their_request(ctx: RuleContext) -> bool:
    """The note answers something the reader asked for in public: "saw your post asking if anyone else is
    drowning in VAT returns", "you were asking about swap times", "your question about ...". An offer
    they asked for is no cold pitch."""
    return ctx.memo("li_answers", lambda: any(_reader_asks(t) for t in ctx.tokens))


def _reader_asks(token: Token) -> bool:
    if token.lemma_ == "ask" and token.pos_ == "VERB":
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children):
            return False  # "you might ask why I'm writing" is the sender's rhetoric
        asked = token.tag_ in ("VBD", "VBN") or (
            token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("were", "was") for c in token.children)
        )
        if asked and any(c.dep_ == "nsubj" and c.lower_ == "you" for c in token.children):
            return True  # "you asked for", "you were asking about"
        if any(c.dep_ == "nsubj" and _readers(c) for c in token.children):
            return True  # "saw your post asking if anyone ..." (parsed with the post as subject)
        return token.dep_ in ("acl", "relcl") and _readers(token.head)  # the same, parsed as a modifier
    # "your question about payroll", "your question in the founders' group"; not "any of your questions".
    return (
        token.lemma_ == "question" and token.pos_ == "NOUN" and _readers(token)
        and any(c.dep_ == "prep" and c.lower_ in ("about", "on", "in", "re", "regarding") for c in token.children)
    )


# Verbs by which a third person passes the reader on: "Priya mentioned you're rebuilding returns".
_REFERRING_VERBS = frozenset({"mention", "suggest", "recommend", "refer", "introduce", "point"})


def referred_by_name(ctx: RuleContext) -> bool:
    """Someone the sender names passed the reader on: "Priya Shah mentioned you're rebuilding returns",
    "Dana suggested I reach out to you". A referral from a person they know is no cold pitch; a platform
    ("LinkedIn suggested I reach out") or a source that reports ("Gartner says your industry ...") is no
    referral."""
    return ctx.memo("li_referred", lambda: _find_referral(ctx))


def _find_referral(ctx: RuleContext) -> bool:
    names = sender_names(ctx)
    for token in ctx.tokens:
        if token.pos_ != "VERB" or token.lemma_.lower() not in _REFERRING_VERBS:
            continue
        if not any(c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.i not in names and c.lower_ not in PLATFORMS
                   for c in token.children):
            continue
        # The reader is who was passed on: the verb's object or the clause it reports.
        passed_on = [c for c in token.children if c.dep_ in ("dobj", "ccomp", "xcomp", "dative")]
        if any(t.lower_ in ("you", "your") for c in passed_on for t in c.subtree):
            return True
    return False


def _readers(noun: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ == "your" for c in noun.children)


def shows_the_reader(ctx: RuleContext) -> bool:
    """A reason to connect that is only true of this reader.

    The traces GN002 looks for in cold email (a reader-trace phrase, a merge field outside the greeting,
    a name that is not the sender's, a sentence about something of theirs, a number about them), plus
    what a connection note adds: ground the two share ("we're both in fintech", "a mutual friend") and a
    conversation they had. A note opens "Hi Noor, ..." on the same line as its first sentence, so the
    reader's own first name there is the greeting, not a trace; nor is the employer their profile
    already shows ("I see you work at Atlassian").
    """
    if ctx.lexicon("common-ground") or continues_a_conversation(ctx):
        return True
    if any(ctx.in_region("body", s, e) and not _saw_their_job(ctx, s, e) for s, e, _ in ctx.lexicon("reader-trace")):
        return True
    greeting = ctx.region("greeting")
    if any(greeting is None or not (greeting.start <= f.start < greeting.end) for f in ctx.prepared.merge_fields):
        if not _only_in_vocative(ctx):
            return True
    names = sender_names(ctx) | inline_greeting_name(ctx)
    for sent in ctx.body_sentences():
        tokens = [t for t in ctx.tokens_of(sent) if not ctx.prepared.in_url(t.idx, t.idx + len(t))]
        if _reader_fact(tokens):
            return True
        if any(
            t.pos_ == "PROPN" and capitalised_name(ctx, t) and t.i not in names and t.lower_ not in NOT_NAMES
            and not _their_employer(t) and not addressed_by_name(t)
            for t in tokens
        ):
            return True
        if reader_number(ctx, tokens):
            return True
    return False


# "You work at Atlassian", "you're the head of sales at Loom": what their profile's headline says.
_EMPLOYMENT_PREPS = frozenset({"at", "for", "with"})


def _their_employer(token: Token) -> bool:
    """A name that only says where the reader works ("I noticed you work at Atlassian", "you're the head of
    data at Corvid"): it heads their profile, so any note to them could say it; it is no reason to write
    to this reader. Something they did there is ("saw you're hiring two SDRs at Plotline"), and so is a
    tie beyond the job ("you're on the board of Leeds Mind")."""
    node = token
    while node.dep_ == "compound" and node.head.i != node.i:
        node = node.head
    prep = node.head
    if node.dep_ != "pobj" or prep.lower_ not in _EMPLOYMENT_PREPS:
        return False
    verb = prep.head if prep.head.dep_ != "attr" else prep.head.head  # "you're the head of data at Corvid"
    return _employment(verb)


def _employment(verb: Token) -> bool:
    """"you work ...", "you're (a designer | at Corvid)": the reader's job as the whole clause."""
    if not any(c.dep_ == "nsubj" and c.lower_ == "you" for c in verb.children):
        return False
    if verb.lemma_ == "work":
        return True
    return verb.lemma_ == "be" and any(
        c.dep_ == "attr" or (c.dep_ == "prep" and c.lower_ in _EMPLOYMENT_PREPS) for c in verb.children
    )


def _saw_their_job(ctx: RuleContext, start: int, end: int) -> bool:
    """"I noticed you work at Atlassian", "saw you're a designer": what was seen is only the headline."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    you = span[-1]
    return you.lower_ == "you" and you.dep_ == "nsubj" and _employment(you.head)


def inline_greeting_name(ctx: RuleContext) -> set[int]:
    """Token indices of the name in an opening "Hi Noor," that shares its line with the first sentence."""
    return ctx.memo("li_vocative", lambda: _find_vocative(ctx))


def _find_vocative(ctx: RuleContext) -> set[int]:
    first = next(ctx.body_sentences(), None)
    if first is None:
        return set()
    tokens: list[Token] = [t for t in ctx.tokens_of(first) if not t.is_space]
    if not tokens or tokens[0].lower_ not in _GREETING_WORDS:
        return set()
    out: set[int] = set()
    for t in tokens[1:6]:
        if t.text in (",", "!", "—", "-", ":"):
            return out
        if t.is_title or t.pos_ == "PROPN" or t.text.startswith(("[", "{", "*|", "%")):
            out.add(t.i)
        else:
            return set()
    return set()


def _only_in_vocative(ctx: RuleContext) -> bool:
    """Every merge field outside the greeting line is the name in an inline "Hi {{first_name}}," opening."""
    greeting = ctx.region("greeting")
    vocative = inline_greeting_name(ctx)
    spans = [(ctx.tokens[i].idx, ctx.tokens[i].idx + len(ctx.tokens[i])) for i in vocative]
    for f in ctx.prepared.merge_fields:
        if greeting is not None and greeting.start <= f.start < greeting.end:
            continue
        if not any(s <= f.start < e for s, e in spans):
            return False
    return True
