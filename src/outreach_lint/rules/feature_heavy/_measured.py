"""A term inside a measured result ("utilization went from 72% to 91%") reports an outcome, not a feature."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ...analyses.grammar import nearest_verb
from ...rule import RuleContext

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Words that make a number a quantity rather than a count of things ("200 integrations" is a spec).
_QUANTITY_UNITS = frozenset({"%", "percent", "per", "points", "pts", "x", "times", "hours", "days", "minutes", "weeks"})


def in_measured_outcome(ctx: RuleContext, start: int, end: int) -> bool:
    """The term at ``[start, end)`` sits in a clause that measures a change: a number that moves
    ("from 72% to 91%", "to 88%") or a change word next to a quantity ("rose 19 points", "doubled")."""
    # Most terms sit in sentences with no number at all: those are answered from one pass per message.
    starts, ends = ctx.memo("numbered_sentences", lambda: _numbered_sentences(ctx))
    # Sentences are in text order and never overlap: the one that could hold the term is the last that
    # starts at or before it (a bisection; a scan per term made a long message quadratic).
    k = bisect.bisect_right(starts, start) - 1
    if k < 0 or start >= ends[k]:
        return False
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    clause = _clause(span)
    tokens = list(clause)
    numbers = [t for t in tokens if t.like_num or _is_quantity(t)]
    if not numbers:
        return False
    if any(_moves(t) for t in numbers):
        return True
    change = ctx.lexicon_in("measured-change", clause.start_char, clause.end_char)
    return bool(change) and any(_is_quantity(t) or _unit_after(t) for t in numbers)


def _numbered_sentences(ctx: RuleContext) -> tuple[list[int], list[int]]:
    """The starts and the ends of the sentences with a number or a quantity in them."""
    from spacy.attrs import LIKE_NUM

    doc = ctx.doc
    like_num = doc.to_array([LIKE_NUM]).tolist()  # one array read, not a Token object per word
    starts: list[int] = []
    ends: list[int] = []
    for sent in doc.sents:
        # A quantity ("40%", "3x") holds a percent sign or a digit: only such sentences are read word by word.
        if any(like_num[sent.start : sent.end]) or (
            _may_hold_quantity(sent.text) and any(_is_quantity(t) for t in ctx.tokens_of(sent))
        ):
            starts.append(sent.start_char)
            ends.append(sent.end_char)
    return starts, ends


def _may_hold_quantity(text: str) -> bool:
    return "%" in text or any(map(str.isdigit, text))


def _clause(span: Span) -> Span:
    """The smallest clause around the term: its nearest verb's subtree, else its sentence."""
    if not span.doc.has_annotation("DEP"):
        return span.sent
    token = nearest_verb(span.root)
    if token.pos_ not in ("VERB", "AUX"):
        return span.sent
    return span.doc[token.left_edge.i : token.right_edge.i + 1]


def _is_quantity(token: Token) -> bool:
    text = token.text.lower()
    return text.endswith("%") or (text.endswith("x") and text[:-1].replace(".", "").isdigit())


def _unit_after(token: Token) -> bool:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.lower_ in _QUANTITY_UNITS


def _moves(token: Token) -> bool:
    """A number after "from", "to" or "by" with a unit or percent: a value that changed."""
    prev = token.nbor(-1) if token.i > 0 else None
    if prev is None or prev.lower_ not in ("from", "to"):
        return False
    return _is_quantity(token) or _unit_after(token)
