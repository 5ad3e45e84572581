"""Leading questions: questions that ask the reader to agree rather than to tell.

"Wouldn't you agree that...?", "Don't you think...?", "Isn't it true that...?", "You'd agree, right?" put
the answer in the reader's mouth. Two shapes are read:

- a negative question that asks for agreement ("wouldn't you agree", "don't you want", "wouldn't it be
  great"), or a statement of what the reader would agree to ("you'd agree", "we can all agree"): the
  pack lexicon ``leading-question``;
- a tag question (", right?", ", isn't it?", the lexicon ``leading-tag``) on a sentence that speaks for
  the reader: the reader is the subject of a verb of wanting or agreeing in the present, of a
  conditional "would", or of a clause that guesses ("you'd be interested, right?", "your bill is
  probably too high, right?"). A tag that checks a fact ("You run the Leeds depot, right?", "You said
  the audit is in May, right?", "You'll be at the expo, won't you?") is how a good discovery question
  starts, and is left alone.

A statement of agreement inside a condition ("if you'd agree to a two-week trial, ...") proposes a next
step and is left alone too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .grammar import classify

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..rule import RuleContext

LEXICONS = ("leading-question", "leading-tag")

# What makes a tagged sentence a guess at the reader's mind rather than a fact checked: the reader's
# verb is one of wanting or agreeing in the present ("you want fewer no-shows, right?"), a conditional
# "would" ("you'd be interested, right?"), or the clause carries a guess ("probably too high").
_GUESSING_VERBS = frozenset({"want", "agree", "like", "love", "need", "prefer", "wish", "care", "deserve"})
_CONDITIONAL = frozenset({"would", "'d", "’d"})
_GUESSES = frozenset({"probably", "surely", "obviously", "definitely", "certainly", "interested"})
# Reporting verbs: "You said the audit is in May, right?" checks what the reader said.
_REPORTING = frozenset({"say", "mention", "tell", "ask", "write", "note", "email", "explain"})
# A statement of agreement inside a condition is a proposal, not a push: "if you'd agree to a trial".
_CONDITION_WORDS = frozenset({"if", "once", "when", "unless", "until", "whether"})


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
        tokens = ctx.tokens_of(sent)
        cues = ctx.lexicon_in("leading-question", start, end)
        if cues:
            condition = _condition_start(tokens)  # found once per sentence: a long one may hold many cues
            cues = [c for c in cues if condition is None or c[0] < condition]
        if not cues:
            tags = ctx.lexicon_in("leading-tag", start, end)
            cues = tags if tags and _speaks_for_reader(tokens) else []
        if cues:
            cue_start, cue_end, _ = cues[0]
            while cue_start < cue_end and ctx.text[cue_start] in ", ":
                cue_start += 1  # a tag's comma is not what the reader hears as the question
            found.append(Leading(*ctx.trimmed(sent), cue_start, cue_end))
    return tuple(found)


def _condition_start(tokens: list[Token]) -> int | None:
    """Where the sentence's first "if", "once" or "when" is: a cue after it sits in a condition ("If you'd
    agree to a pilot, ...")."""
    return next((t.idx for t in tokens if t.lower_ in _CONDITION_WORDS), None)


def _speaks_for_reader(tokens: list[Token]) -> bool:
    """The reader is the subject of a verb whose clause guesses what they want or would do."""
    for subject in tokens:
        if subject.dep_ not in ("nsubj", "nsubjpass") or classify(subject, set()) != "reader":
            continue
        verb = subject.head
        if verb.lemma_.lower() in _REPORTING:
            return False  # "You said the audit is in May, right?": their own words, checked
        if verb.lemma_.lower() in _GUESSING_VERBS and verb.tag_ in ("VBP", "VB", "VBZ"):
            return True
        clause = [c for c in verb.children if c.dep_ not in ("ccomp", "advcl", "relcl", "conj")]
        if any(c.lower_ in _CONDITIONAL and c.dep_ == "aux" for c in clause) and verb.tag_ != "VBN":
            return True  # "you'd be interested", not "you'd mentioned" (had)
        words = [w for c in clause for w in c.subtree]
        if any(w.lower_ in _GUESSES for w in words) or _too_much(words):
            return True
    return False


def _too_much(words: list[Token]) -> bool:
    """"too high", "too expensive": a verdict on the reader's situation, not "the Bristol depot too"."""
    return any(w.lower_ == "too" and w.head.pos_ == "ADJ" for w in words)
