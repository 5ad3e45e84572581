"""Who a message refers to: the seller's and the reader's pronouns, and the seller's configured names."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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


# "US" and "U.S." name the country as often as "us" names the seller; spelled in capitals they are the
# country unless the words around them shout too ("CALL US TODAY").
_COUNTRY_FORMS = frozenset({"US", "U.S.", "U.S"})


def is_country(token: Token) -> bool:
    """``token`` is "US"/"U.S." the country ("in the US", "your US offices"), not the pronoun "us"."""
    if token.text not in _COUNTRY_FORMS:
        return False
    if token.text != "US":
        return True  # nobody writes the pronoun with full stops
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and before.lower_ == "the":
        return True
    neighbours = [t for t in (before, after) if t is not None and t.is_alpha and len(t) > 1]
    if neighbours and all(t.is_upper for t in neighbours):
        return False  # a line in capitals: "CONTACT US NOW"
    return token.pos_ != "PRON"  # the tagger's reading when it ran ("Tell US more"); untagged, the spelling


def country_mentions(doc: Doc, start: int = 0) -> list[Token]:
    """The tokens from ``start`` on that are the country "US" rather than the pronoun."""
    from spacy.attrs import LOWER
    from spacy.strings import hash_string

    lowers = doc.to_array([LOWER])
    wanted = {hash_string(w) for w in ("us", "u.s.", "u.s")}
    # The attribute array first: a Token object per word would cost more than the whole count.
    candidates = (doc[i] for i, h in enumerate(lowers.tolist()) if h in wanted)
    return [t for t in candidates if t.idx >= start and is_country(t)]
