"""Parse texts of any length: one longer than the parser takes is parsed in pieces and joined.

spaCy refuses a text longer than ``nlp.max_length`` (its error E088). Such a text is split where a
reader would pause (a blank line, else a line break, else any whitespace), each piece is parsed on its
own, one at a time so the parser's buffers never hold more than one piece, and the parsed pieces are
joined with ``Doc.from_docs`` into one Doc whose text is the original, character for character: every
offset a rule reports into it is an offset into the whole text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import linear_regex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Where a piece may end, best first: after a blank line (a paragraph's end), after a line break, after
# any whitespace. A piece ends after the whole run of whitespace, so the next begins with a word.
_BREAKS = (
    linear_regex.compile(r"\n[ \t\r\f\v]*\n\s*"),
    linear_regex.compile(r"\n\s*"),
    linear_regex.compile(r"\s+"),
)


def split_text(text: str, max_chars: int) -> list[str]:
    """``text`` cut into pieces of at most ``max_chars`` characters that join back into ``text``.

    Each piece but the last ends in whitespace and the next starts after it, at the latest paragraph
    break that keeps the piece short enough, else the latest line break, else the latest whitespace.
    A stretch of ``max_chars`` characters with no whitespace at all is cut where the limit falls, so
    any text splits (the regions step has already cut runs of non-space that long, RUN_LIMIT).
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    pieces: list[str] = []
    start = 0
    while len(text) - start > max_chars:
        end = _cut(text, start, start + max_chars)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the piece that starts at ``start``: the last break of the best kind ending after
    ``start`` and at most at ``limit``."""
    for pattern in _BREAKS:
        end = _last_break_end(pattern, text, start, limit)
        if end is not None:
            return end
    return limit


def _last_break_end(pattern: linear_regex.Pattern, text: str, start: int, limit: int) -> int | None:
    # The search stops at the limit, so a run of whitespace that runs past it is cut there, inside it.
    last: linear_regex.Match | None = None
    for last in pattern.finditer(text, start, limit):
        pass
    return None if last is None else last.end()


def parse(nlp: Language, texts: Sequence[str], batch_size: int = 64, max_chars: int | None = None) -> list[Doc]:
    """One Doc per text, in order; a text over ``max_chars`` (``nlp.max_length`` unless given, for
    tests) is parsed in pieces and joined. Texts within it are parsed together with ``nlp.pipe``."""
    limit = nlp.max_length if max_chars is None else max_chars
    docs: list[Doc | None] = [None] * len(texts)
    short = [i for i, text in enumerate(texts) if len(text) <= limit]
    for i, doc in zip(short, nlp.pipe((texts[i] for i in short), batch_size=batch_size)):
        docs[i] = doc
    for i, text in enumerate(texts):
        if docs[i] is None:
            docs[i] = _parse_long(nlp, text, limit)
    return [doc for doc in docs if doc is not None]


def _parse_long(nlp: Language, text: str, limit: int) -> Doc:
    from spacy.tokens import Doc

    # batch_size=1: the parser works on one piece at a time, so its memory is that of one piece.
    parsed = list(nlp.pipe(split_text(text, limit), batch_size=1))
    joined = Doc.from_docs(parsed, ensure_whitespace=False)
    if joined.text != text:  # from_docs keeps every character; anything else would shift offsets
        raise AssertionError("the parsed pieces do not join back into the text")
    return joined

