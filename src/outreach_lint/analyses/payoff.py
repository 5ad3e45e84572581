"""What counts as a payoff for the reader: shared by the announcement and feature-list rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..rule import RuleContext
from .references import READER_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span

LEXICONS = ("payoff", "outcome-terms")


def has_payoff(ctx: RuleContext, sent: Span) -> bool:
    """The sentence says what changes for the reader: "so you can", "which means", or an outcome next to you/your."""
    s, e = sent.start_char, sent.end_char
    if ctx.lexicon_in("payoff", s, e):
        return True
    return bool(ctx.lexicon_in("outcome-terms", s, e)) and any(t.lower_ in READER_PRONOUNS for t in ctx.tokens_of(sent))
