"""Per-message metrics, computed once and shared by rules, the score and the output."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .references import READER_PRONOUNS, SELLER_PRONOUNS, country_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..rule import RuleContext



@dataclass(frozen=True)
class Metrics:
    words: int
    sentences: int
    paragraphs: int
    questions: int
    seller_references: int
    reader_references: int
    merge_fields: int
    reading_grade: float | None  # None when no readability rule is enabled (or the text is empty)
    asks: tuple[dict[str, str], ...] | None  # {"text", "kind"} per ask in the body; None without a parser
    feature_terms: int
    outcome_terms: int
    problem_terms: int
    excluded: dict[str, int]  # characters left out, by kind (quoted, signature, footer, ...)

    def to_dict(self) -> dict[str, Any]:
        # Shallow on purpose: dataclasses.asdict deep-copies, and this runs once per message.
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["asks"] = None if self.asks is None else [dict(a) for a in self.asks]
        out["excluded"] = dict(self.excluded)
        return out


LEXICONS = ("feature-terms", "outcome-terms", "problem-terms")


def reading_grade(ctx: RuleContext) -> float | None:
    """The body's Flesch-Kincaid grade, rounded to a tenth; None for a body with no words."""
    text = ctx.text
    body = ctx.region("body")
    body_text = text[body.start if body else len(text):]
    if not any(c.isalnum() for c in body_text):
        return None
    from ..readability import flesch_kincaid_grade, terminate_lines

    return round(flesch_kincaid_grade(terminate_lines(body_text)), 1)


def compute(ctx: RuleContext) -> Metrics:
    """The metrics of one message. The asks and the grade are included when this run computes them
    (a pipeline with a parser, a selected readability rule); otherwise they are null."""
    doc, prepared = ctx.doc, ctx.prepared
    text = prepared.text.text  # what the Doc was made from; doc.text would rebuild it token by token
    body = prepared.region("body")
    body_start = body.start if body else len(text)
    words, seller, reader, questions = _counts(doc, prepared, body_start)
    sentences = list(ctx.body_sentences())
    seller += _name_mentions(ctx.seller_tokens())
    # "in the US" is the country, not the seller's "us".
    seller -= sum(1 for t in country_mentions(doc, body_start)
                  if t.lower_ == "us" and not prepared.in_url(t.idx, t.idx + len(t)))
    body_text = text[body_start:]
    paragraphs = sum(1 for p in body_text.split("\n\n") if p.strip())
    grade = ctx.analysis("reading-grade") if words and ctx.wants("reading-grade") else None
    asks = ctx.analysis("asks") if ctx.can("asks") else None
    excluded: dict[str, int] = {}
    for x in prepared.excluded:
        excluded[x.kind] = excluded.get(x.kind, 0) + (x.end - x.start)

    def in_body(name: str) -> int:
        return sum(1 for h in ctx.lexicon(name) if h[0] >= body_start and not prepared.in_url(h[0], h[1]))

    return Metrics(
        words=words,
        sentences=len(sentences),
        paragraphs=paragraphs,
        questions=questions,
        seller_references=seller,
        reader_references=reader,
        merge_fields=len(prepared.merge_fields),
        reading_grade=grade,
        asks=None if asks is None else tuple({"text": a.text, "kind": a.kind} for a in asks),
        feature_terms=in_body("feature-terms"),
        outcome_terms=in_body("outcome-terms"),
        problem_terms=in_body("problem-terms"),
        excluded=excluded,
    )


def _counts(doc: Doc, prepared: Any, body_start: int) -> tuple[int, int, int, int]:
    """Words, seller references, reader references and question marks in the body (URLs left out).

    Read from the Doc's attribute array: creating a Token object per word costs more than the counting.
    """
    import numpy
    from spacy.attrs import IDX, IS_ALPHA, LENGTH, LIKE_NUM, LOWER

    table = doc.to_array([IDX, LENGTH, LOWER, IS_ALPHA, LIKE_NUM])
    if not len(table):
        return 0, 0, 0, 0
    keep = table[:, 0] >= body_start
    if prepared.has_urls:
        keep &= numpy.array([not prepared.in_url(int(s), int(s + n)) for s, n in table[:, :2]], dtype=bool)
    rows = table[keep]
    lowers = rows[:, 2]
    seller_ids, reader_ids, question_id = _pronoun_hashes()
    words = int(((rows[:, 3] != 0) | (rows[:, 4] != 0)).sum())
    seller = int(numpy.isin(lowers, seller_ids).sum())
    reader = int(numpy.isin(lowers, reader_ids).sum())
    questions = int((lowers == question_id).sum())
    return words, seller, reader, questions


@lru_cache(maxsize=1)
def _pronoun_hashes() -> tuple[Any, Any, int]:
    import numpy
    from spacy.strings import hash_string

    def hashes(words: frozenset[str]) -> Any:
        return numpy.array([hash_string(w) for w in words], dtype="uint64")

    return hashes(SELLER_PRONOUNS), hashes(READER_PRONOUNS), hash_string("?")


def _name_mentions(indices: set[int]) -> int:
    """Count runs of consecutive name tokens as one mention each."""
    count, prev = 0, -2
    for i in sorted(indices):
        if i != prev + 1:
            count += 1
        prev = i
    return count
