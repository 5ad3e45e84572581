"""Call and pitch scripts: speaker-labelled turns, of which only the seller's are linted."""

from __future__ import annotations

from dataclasses import dataclass

from .. import linear_regex
from ..mapped import MappedText, TextBuilder
from .base import Excluded

DEFAULT_SELLER_LABELS = ("Rep", "AE", "SDR", "BDR", "Me", "Seller", "Sales", "You (rep)")
DEFAULT_PROSPECT_LABELS = ("Prospect", "Customer", "Them", "Buyer", "Lead", "Client")


@dataclass(frozen=True)
class SpeakerLabels:
    seller: tuple[str, ...] = DEFAULT_SELLER_LABELS
    prospect: tuple[str, ...] = DEFAULT_PROSPECT_LABELS

    def pattern(self) -> linear_regex.Pattern:
        names = sorted(set(self.seller) | set(self.prospect), key=len, reverse=True)
        alternation = "|".join(linear_regex.escape(n) for n in names)
        return linear_regex.compile(rf"^[ \t]*(?:\*\*)?(?P<label>{alternation})(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*", linear_regex.I | linear_regex.M)


def seller_turns(view: MappedText, labels: SpeakerLabels) -> tuple[MappedText, tuple[Excluded, ...]]:
    """Keep the seller's turns (one paragraph each); the prospect's turns are excluded.

    Text before the first label (a title, stage notes) is kept as the seller's: scripts are written
    by the seller, and only labelled prospect turns are someone else's words.
    """
    text = view.text
    seller = {s.lower() for s in labels.seller}
    marks = list(labels.pattern().finditer(text))
    b = TextBuilder()
    excluded: list[Excluded] = []
    if not marks:
        return view, ()
    b.copy(view, 0, marks[0].start())
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        is_seller = m.group("label").lower() in seller
        if is_seller:
            if b.length:
                b.insert_at("\n\n", view.source_start(m.start()))
            b.copy(view, m.end(), end)
        else:
            s, e = view.to_source(m.start(), end)
            excluded.append(Excluded("prospect", s, e))
    return b.build(anchor=view.anchor), tuple(excluded)
