"""Analyses of one message that several rules share: the asks, the metrics, the reading grade.

Each analysis declares what it needs, as a rule does: the annotations it reads (``requires``) and the
pack word lists it matches (``lexicons``). A rule names the analyses it reads (``analyses=("asks",)``),
so the engine loads a pipeline that serves them, and a rule whose analysis the pipeline cannot serve is
skipped and reported (OL003) instead of reading a parse that is not there. Results are computed on first
use, once per message, by :meth:`outreach_lint.rule.RuleContext.analysis`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import asks as _asks
from . import leading as _leading
from . import metrics as _metrics
from . import personal as _personal
from . import thread as _thread

if TYPE_CHECKING:
    from ..rule import RuleContext


@dataclass(frozen=True)
class Analysis:
    name: str
    summary: str
    compute: Callable[[RuleContext], Any]
    requires: frozenset[str] = frozenset()  # spaCy annotations (DEP, TAG, ...), as RuleMeta.requires
    lexicons: tuple[str, ...] = ()  # pack word lists it matches
    readability: bool = False  # loads textstat's syllable data


def _find_asks(ctx: RuleContext) -> tuple[_asks.Ask, ...]:
    return _asks.find_asks(ctx.body_sentences(), ctx.lexicon_in, ctx.tokens_of, ctx.text)


def _reading_grade(ctx: RuleContext) -> float | None:
    return _metrics.reading_grade(ctx)


ANALYSES: dict[str, Analysis] = {
    a.name: a
    for a in (
        Analysis(
            "asks", "Questions, imperatives and request phrases in the body, with what each asks for.",
            _find_asks,
            # Imperatives are read from the tags and the dependency tree (a verb with no subject).
            requires=frozenset({"DEP", "TAG"}), lexicons=_asks.LEXICONS,
        ),
        Analysis(
            "thread", "What the message refers back to, whether it closes the thread politely, and whether it adds "
            "anything new.", _thread.compute,
            # The guilt and the close are read from the dependency tree; the close needs the asks.
            requires=frozenset({"DEP", "POS", "LEMMA", "TAG"}), lexicons=(*_thread.LEXICONS, *_asks.LEXICONS),
        ),
        Analysis(
            "personal", "Praise of the reader with nothing checkable in it, and claimed familiarity with nothing "
            "from the conversation.", _personal.compute,
            requires=frozenset({"DEP", "POS", "TAG"}), lexicons=(*_personal.LEXICONS, *_asks.LEXICONS),
        ),
        Analysis(
            "leading", "Questions that ask the reader to agree rather than to tell (\"wouldn't you agree?\").",
            _leading.compute,
            # A tag question leads when the reader is its subject and it guesses at what they want.
            requires=frozenset({"DEP", "POS", "LEMMA"}), lexicons=_leading.LEXICONS,
        ),
        Analysis(
            "reading-grade", "The body's Flesch-Kincaid grade (textstat's syllable counts).",
            _reading_grade, readability=True,
        ),
        Analysis(
            "metrics", "Counts of words, sentences, paragraphs, references and terms; the asks and the grade when "
            "the run computes them.", _metrics.compute, lexicons=_metrics.LEXICONS,
        ),
    )
}


@dataclass(frozen=True)
class Condition:
    """A fact about a whole message that silences a rule on it (``unless=("polite-close",)``).

    A rule declares the conditions it yields to; the engine tests them before the rule runs, and the
    analysis a condition reads is loaded for the rule as if the rule had named it.
    """

    name: str
    summary: str  # how the rule's page says it: "the message politely closes the thread"
    analysis: str
    test: Callable[[Any], bool]  # on the analysis's result


CONDITIONS: dict[str, Condition] = {
    c.name: c
    for c in (
        Condition(
            "polite-close", "the message politely closes the thread (\"I'll close your file here\")", "thread",
            lambda thread: thread.close is not None,
        ),
    )
}


def holds(ctx: RuleContext, names: Iterable[str]) -> bool:
    """Whether any of the named conditions holds for this message."""
    return any(CONDITIONS[n].test(ctx.analysis(CONDITIONS[n].analysis)) for n in names)


class UnknownAnalysis(ValueError):
    """A rule names an analysis that does not exist."""


def analyses_named(names: Iterable[str]) -> list[Analysis]:
    unknown = sorted(set(names) - set(ANALYSES))
    if unknown:
        raise UnknownAnalysis(f"unknown analyses {unknown}: known ones are {', '.join(sorted(ANALYSES))}")
    return [ANALYSES[n] for n in names]
