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


def shows_the_reader(ctx: RuleContext) -> bool:
    """A reason to connect that is only true of this reader.

    The traces GN002 looks for in cold email (a reader-trace phrase, a merge field outside the greeting,
    a name that is not the sender's, a sentence about something of theirs, a number about them), plus
    what a connection note adds: ground the two share ("we're both in fintech", "a mutual friend") and a
    conversation they had. A note opens "Hi Noor, ..." on the same line as its first sentence, so the
    reader's own first name there is the greeting, not a trace.
    """
    if ctx.lexicon("common-ground") or continues_a_conversation(ctx):
        return True
    if any(ctx.in_region("body", s, e) for s, e, _ in ctx.lexicon("reader-trace")):
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
        if any(t.pos_ == "PROPN" and t.i not in names and t.lower_ not in NOT_NAMES for t in tokens):
            return True
        if reader_number(ctx, tokens):
            return True
    return False


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
