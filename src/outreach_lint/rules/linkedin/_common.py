"""What the LinkedIn rules share: is this a first connection note, and does it show its reader."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...rule import RuleContext
from ..generic._common import NOT_NAMES, reader_number, sender_names
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
        if any(c.dep_ == "nsubj" and (c.lower_ == "you" or _readers(c)) for c in token.children):
            return True  # "you were asking about", "you asked for", "saw your post asking" (as parsed)
        head = token.head
        return token.dep_ in ("acl", "relcl") and _readers(head)  # "your post asking if anyone ..."
    return token.lemma_ == "question" and token.pos_ == "NOUN" and _readers(token)  # "your question about"


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
    names = sender_names(ctx) | _vocative(ctx)
    for sent in ctx.body_sentences():
        tokens = [t for t in ctx.tokens_of(sent) if not ctx.prepared.in_url(t.idx, t.idx + len(t))]
        if _reader_fact(tokens):
            return True
        if any(
            t.pos_ == "PROPN" and t.i not in names and t.lower_ not in NOT_NAMES and not _their_employer(t)
            for t in tokens
        ):
            return True
        if reader_number(ctx, tokens):
            return True
    return False


# "You work at Atlassian", "you're the head of sales at Loom": what their profile's headline says.
_EMPLOYMENT_VERBS = frozenset({"work", "be"})


def _their_employer(token: Token) -> bool:
    """A name that only says where the reader works ("I noticed you work at Atlassian"): every note to
    them could say it, since it heads their profile, so it is no reason to write to this reader. Something
    they did there is ("saw you're hiring two SDRs at Plotline")."""
    node = token
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):  # the root is its own head
        node = node.head
    return node.lemma_ in _EMPLOYMENT_VERBS and any(
        c.dep_ == "nsubj" and c.lower_ == "you" for c in node.children
    )


def _saw_their_job(ctx: RuleContext, start: int, end: int) -> bool:
    """"I noticed you work at Atlassian", "saw you're a designer": what was seen is only the headline."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    you = span[-1]
    verb = you.head
    return you.lower_ == "you" and you.dep_ == "nsubj" and verb.lemma_ in _EMPLOYMENT_VERBS


def _vocative(ctx: RuleContext) -> set[int]:
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
    vocative = _vocative(ctx)
    spans = [(ctx.tokens[i].idx, ctx.tokens[i].idx + len(ctx.tokens[i])) for i in vocative]
    for f in ctx.prepared.merge_fields:
        if greeting is not None and greeting.start <= f.start < greeting.end:
            continue
        if not any(s <= f.start < e for s, e in spans):
            return False
    return True
