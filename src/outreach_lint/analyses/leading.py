"""Leading questions: questions that ask the reader to agree rather than to tell.

"Wouldn't you agree that...?", "Don't you think...?", "Isn't it true that...?", "You'd agree, right?" put
the answer in the reader's mouth. Two shapes are read:

- a negative question that asks for agreement ("wouldn't you agree", "don't you want", "wouldn't it be
  great"), or a statement of what the reader would agree to ("you'd agree", "we can all agree"): the
  pack lexicon ``leading-question``;
- a tag question (", right?", ", isn't it?", the lexicon ``leading-tag``) on a sentence that speaks for
  the reader: its subject is the reader and it guesses what they want or would do ("you'd be
  interested, right?", "your bill is probably too high, right?"). A tag that checks a fact ("You run the
  Leeds depot, right?") is how a good discovery question starts, and is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .references import READER_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..rule import RuleContext

LEXICONS = ("leading-question", "leading-tag")

# In a sentence with a tag, what makes it a guess at the reader's mind rather than a fact checked.
_GUESSING_VERBS = frozenset({"want", "agree", "like", "love", "need", "prefer", "wish", "care", "deserve"})
_GUESSING_WORDS = frozenset({"would", "'d", "’d", "will", "'ll", "’ll", "must", "should", "probably", "surely",
                             "obviously", "definitely", "certainly", "interested", "too"})


@dataclass(frozen=True)
class Leading:
    """One leading question: the sentence, and the words that make it one."""

    start: int  # the sentence
    end: int
    cue_start: int  # "wouldn't you agree", ", right?"
    cue_end: int


def compute(ctx: RuleContext) -> tuple[Leading, ...]:
    found: list[Leading] = []
    for sent in ctx.body_sentences():
        start, end = sent.start_char, sent.end_char
        cues = ctx.lexicon_in("leading-question", start, end)
        if not cues:
            tags = ctx.lexicon_in("leading-tag", start, end)
            tokens = ctx.tokens_of(sent)
            cues = tags if tags and _speaks_for_reader(tokens) else []
        if cues:
            cue_start, cue_end, _ = cues[0]
            while cue_start < cue_end and ctx.text[cue_start] in ", ":
                cue_start += 1  # a tag's comma is not what the reader hears as the question
            found.append(Leading(*ctx.trimmed(sent), cue_start, cue_end))
    return tuple(found)


def _speaks_for_reader(tokens: list[Token]) -> bool:
    """The reader is a subject, and the sentence guesses what they want, think or would do."""
    reader_subject = any(t.dep_ in ("nsubj", "nsubjpass") and (t.lower_ in READER_PRONOUNS or any(
        c.dep_ == "poss" and c.lower_ == "your" for c in t.children)) for t in tokens)
    if not reader_subject:
        return False
    return any(t.lower_ in _GUESSING_WORDS or (t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in _GUESSING_VERBS)
               for t in tokens)
