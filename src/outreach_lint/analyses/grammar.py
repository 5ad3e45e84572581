"""Who a sentence is about: the seller, the reader, or neither, from its grammatical subject.

Shared by the product-centric, feature-heavy and generic rules (PC001, PC004, FH002, GN001, GN002).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
SELLER_WORDS = frozenset({"i", "we"})
SELLER_POSSESSIVES = frozenset({"our", "my"})
READER_WORDS = frozenset({"you"})
READER_POSSESSIVES = frozenset({"your"})


def classify(subject: Token, names: set[int]) -> str | None:
    """'seller', 'reader' or None for one grammatical subject."""
    lower = subject.lower_
    if lower in SELLER_WORDS or subject.i in names:
        return "seller"
    if lower in READER_WORDS:
        return "reader"
    owners = {c.lower_ for c in subject.children if c.dep_ == "poss"}
    if owners & SELLER_POSSESSIVES or any(c.i in names for c in subject.children if c.dep_ in ("compound", "poss")):
        return "seller"
    if owners & READER_POSSESSIVES:
        return "reader"
    return None


def nearest_verb(token: Token) -> Token:
    """The first verb (or auxiliary) up the parse from ``token``, itself included; the root if none is."""
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):  # the root is its own head
        token = token.head
    return token
