"""How the message refers to the reader: praise with nothing in it, familiarity with nothing from it.

- **shallow praise**: a compliment or a "saw your profile" that names nothing the reader could check
  ("love your content", "impressive company", "came across your website"), in a sentence and a next
  sentence that hold no checkable detail (see :mod:`outreach_lint.analyses.specifics`).
- **claimed familiarity**: "as we discussed", "following our call", "great to meet you" with nothing
  from that conversation: no topic, name, number, date or event in the sentence or the next one (or,
  for a claim in the message's last sentence, in an earlier sentence that tells of that contact).

A greeting name is not a trace of the reader either; the reader-trace rule (GN002) reads these spans to
discount the praise it would otherwise count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import linear_regex
from .grammar import SUBJECT_DEPS
from .references import READER_PRONOUNS
from .specifics import LEXICONS as SPECIFIC_LEXICONS
from .specifics import checkable

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..rule import RuleContext

LEXICONS = ("shallow-praise", "claimed-familiarity", "earlier-contact", *SPECIFIC_LEXICONS)
# "...about the spring menu": what a conversation was about makes a claim of one checkable.
_TOPIC_PREPS = frozenset({"about", "on", "regarding", "re"})


@dataclass(frozen=True)
class Personal:
    shallow_praise: tuple[tuple[int, int], ...]  # praise that names nothing checkable
    empty_familiarity: tuple[tuple[int, int], ...]  # a claimed earlier contact with nothing from it


def compute(ctx: RuleContext) -> Personal:
    sentences = list(ctx.body_sentences())
    return Personal(
        shallow_praise=_empty(ctx, sentences, "shallow-praise", topic_anywhere=False),
        empty_familiarity=_empty(ctx, sentences, "claimed-familiarity", topic_anywhere=True),
    )


def _empty(
    ctx: RuleContext, sentences: list[Span], lexicon: str, *, topic_anywhere: bool
) -> tuple[tuple[int, int], ...]:
    out = []
    found = ctx.asks if ctx.can("asks") else ()
    asks = [a.start for a in found]
    questions = [a.start for a in found if a.kind in _QUESTION_KINDS]  # questions about them
    meeting_asks = [a.start for a in found if a.kind not in _QUESTION_KINDS]
    for n, sent in enumerate(sentences):
        hits = [h for h in ctx.lexicon_in(lexicon, sent.start_char, sent.end_char)
                if not _not_a_verb(ctx, h[0]) and not _WISH.search(ctx.text, max(sent.start_char, h[0] - 24), h[0])]
        if not hits:
            continue
        # The detail may follow ("Loved your talk. The part on rota swaps ..."), but not in an ask: "can we
        # talk this week?" proposes a time and says nothing about the reader.
        # The next sentence counts only when it is about the reader: "We run a podcast studio" is not, nor
        # is "At Meridian, we help firms like yours grow", whose name is the seller's. After a colon ("As
        # promised:") the next line is what was promised, whoever it is about.
        # A claim that closes the message ("We met at the expo; you asked about swap times. Good to
        # connect.") stands on what the message already said of that contact: for familiarity, an earlier
        # sentence that tells of the contact counts too, and so does the one right before the claim, when it
        # is about the reader (a pitch before it does not).
        before = [
            s for s in sentences[:n] if ctx.lexicon_in("earlier-contact", s.start_char, s.end_char)
        ] if topic_anywhere and n == len(sentences) - 1 else []
        if topic_anywhere and n > 0 and sentences[n - 1] not in before and _what_they_did(ctx, sentences[n - 1]):
            before.append(sentences[n - 1])  # "You asked about dross on 3/8" steel. As promised, I asked ..."
        # For familiarity, a question about them may name the contact ("How did the Leeds opening go?").
        blocked = meeting_asks if topic_anywhere else asks
        window = [sent] + [
            s for s in (*sentences[n + 1 : n + 2], *before)
            if not _holds(s, blocked)
            and (_introduces(ctx, sent) or _about_them(ctx, s) or (topic_anywhere and _holds(s, questions)))
        ]
        # Praise is specific by what it names right after it ("your post on rota swaps"); a claimed
        # conversation by anything in it that came from the conversation.
        topic_from = None if topic_anywhere else hits[0][1]
        # In a question, a day proposes a time ("Would Friday work?"); it is no detail of the contact.
        if any(_specific(ctx, s, topic_from, dates=not _holds(s, questions)) for s in window):
            continue
        out.append((hits[0][0], hits[0][1]))
    return tuple(out)


_QUESTION_KINDS = frozenset({"situation", "question"})


def _holds(sent: Span, starts: list[int]) -> bool:
    """Whether one of the asks starting at ``starts`` is in the sentence."""
    return any(sent.start_char <= a < sent.end_char for a in starts)


def _what_they_did(ctx: RuleContext, sent: Span) -> bool:
    """A sentence that tells what the reader did or said ("You asked about dross", "you were the one with
    the question"): the reader as the subject of a verb in the past. "Your depot could save 10 hours" is a
    pitch about them, not a memory of them."""
    return any(
        t.dep_ in SUBJECT_DEPS and t.lower_ == "you" and t.head.tag_ in ("VBD", "VBN")
        for t in ctx.tokens_of(sent)
    )


def _introduces(ctx: RuleContext, sent: Span) -> bool:
    """A sentence that ends in a colon: what follows is its content ("As promised: - pricing for 14 trucks")."""
    return ctx.text[sent.start_char : sent.end_char].rstrip().endswith(":")


def _about_them(ctx: RuleContext, sent: Span) -> bool:
    """A sentence about the reader, which may hold the detail: "I read your 2023 report twice", "I priced
    the 14 chairs you picked". "At Meridian, we help firms like yours" is not: "like yours" could be
    anyone, and "Foundries spend a lot on power" or "GiveStream is a donor platform" are about no one
    in particular."""
    return any(t.lower_ in READER_PRONOUNS and not (t.i > 0 and t.doc[t.i - 1].lower_ == "like")
               for t in ctx.tokens_of(sent))


def _specific(ctx: RuleContext, sent: Span, topic_from: int | None, *, dates: bool = True) -> bool:
    """A checkable detail in the sentence, or a topic ("about X") anywhere in it or right after ``topic_from``."""
    body = ctx.region("body")
    # The greeting ("Hi Niamh, saw your profile ...") may share the sentence; a name there is no detail.
    tokens = [t for t in ctx.tokens_of(sent) if body is None or t.idx >= body.start]
    if topic_from is not None:
        # Praise is specific by what it praises: "I came across Hallam Foundry and was impressed by what
        # you've built" and "love what you're building at Corvid" name only where the reader works.
        tokens = [t for t in tokens if t.pos_ != "PROPN" or (t.idx >= topic_from and not _where_they_work(t))]
    found = [h for name in SPECIFIC_LEXICONS for h in ctx.lexicon_in(name, sent.start_char, sent.end_char)
             if topic_from is not None or name != "event-terms" or _named_event(ctx, h[0], h[1])]
    if checkable(tokens, ctx.text[tokens[0].idx if tokens else sent.start_char : sent.end_char], found, dates=dates):
        return True
    # "as we discussed on the call about your spring menu": the topic is something from the conversation.
    # "About our services" is the seller's brochure, not the conversation.
    return any(
        (topic_from is None or topic_from <= t.idx <= topic_from + 2)
        and t.lower_ in _TOPIC_PREPS
        and any(c.dep_ == "pobj" and c.pos_ == "NOUN" and not _sellers(c) for c in t.children)
        for t in tokens
    )


# What praise may say someone has at their workplace without naming anything: "all the success at Corvid".
_AT_WORK = frozenset({"success", "growth", "progress", "momentum", "achievement", "accomplishment", "work", "journey", "career"})


def _where_they_work(name: Token) -> bool:
    """The name in "what you're building at Corvid" or "all the success at Carver & Lane": the place of a
    verb the reader is the subject of, or of a success that names nothing else."""
    node = name
    while node.dep_ in ("compound", "conj", "flat") and node.head.i != node.i:
        node = node.head
    prep = node.head
    if node.dep_ != "pobj" or prep.lower_ != "at":
        return False
    if prep.head.lemma_.lower() in _AT_WORK:
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("you", "y'all") for c in prep.head.children)


def _named_event(ctx: RuleContext, start: int, end: int) -> bool:
    """"At SaaStr's dinner", "the Leeds expo", "the 2024 summit": an occasion with its name. "Loved catching
    up at the conference" claims a meeting at an event any reader might have been to."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return any(
        t.pos_ == "PROPN" or t.like_num
        for t in (head, *head.children)
        if t.dep_ in ("compound", "nmod", "amod", "poss", "nummod") or t.i == head.i
    )


# "Would be great to connect", "it'd be good to meet": a wish for the future claims no earlier contact.
_WISH = linear_regex.compile(r"\b(?:would|will|'d|’d|'ll|’ll)[ \t]+be[ \t]+$", linear_regex.I)

_VERB_ONLY = frozenset({"like", "love"})


def _not_a_verb(ctx: RuleContext, start: int) -> bool:
    """"Looked like your site ...": "like" there compares; only the verb praises."""
    span = ctx.doc.char_span(start, start + 1, alignment_mode="expand")
    token = None if span is None else span[0]
    return token is not None and token.lower_ in _VERB_ONLY and token.pos_ != "VERB"


def _sellers(noun: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in noun.children)
