"""Who a message refers to: the seller's and the reader's pronouns, and the seller's configured names."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

SELLER_PRONOUNS = frozenset({"we", "us", "our", "ours", "ourselves", "i", "me", "my", "mine", "myself"})
READER_PRONOUNS = frozenset({"you", "your", "yours", "yourself", "yourselves"})


def seller_name_tokens(doc: Doc, names: tuple[str, ...]) -> set[int]:
    """Indices of tokens that belong to one of the seller's names ("Acme", "Acme Cloud")."""
    if not names:
        return set()
    lowered = [tuple(n.lower().split()) for n in names if n.strip()]
    hits: set[int] = set()
    words = [t.lower_ for t in doc]
    for i in range(len(words)):
        for parts in lowered:
            if tuple(words[i : i + len(parts)]) == parts:
                hits.update(range(i, i + len(parts)))
    return hits
