"""What counts as a payoff for the reader: shared by the announcement and feature-list rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..rule import RuleContext
from .grammar import SUBJECT_DEPS
from .references import READER_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

LEXICONS = ("payoff", "outcome-terms")


def has_payoff(ctx: RuleContext, sent: Span) -> bool:
    """The sentence says what changes for the reader: "so you can", "which means", or an outcome next to you/your."""
    s, e = sent.start_char, sent.end_char
    if ctx.lexicon_in("payoff", s, e):
        return True
    tokens = ctx.tokens_of(sent)
    if not any(t.lower_ in READER_PRONOUNS for t in tokens):
        return False
    outcomes = {h[0] for h in ctx.lexicon_in("outcome-terms", s, e)}
    return any(not _readers_state(t) for t in tokens if t.idx in outcomes)


# Words that open a clause giving the reader's circumstances: "since you're growing", "given how much".
_CIRCUMSTANCE = frozenset({"since", "because", "as", "given", "how"})


def _readers_state(token: Token) -> bool:
    """An outcome verb that reports where the reader is now, not what changes for them: "given how much
    you're growing", "since you cut the team last year". It is a subordinate clause of the reader's
    circumstances; a main clause ("with it you're saving an hour", "you saved 4 hours in the pilot") or a
    modal ("you could save") says what the offer does for them."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ not in ("advcl", "ccomp", "pcomp"):
        return False
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if not subjects or any(c.lower_ not in READER_PRONOUNS for c in subjects):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children):
        return False
    opener = [t.lower_ for t in token.subtree if t.i < subjects[0].i] + [token.head.lower_]
    return any(w in _CIRCUMSTANCE for w in opener)
