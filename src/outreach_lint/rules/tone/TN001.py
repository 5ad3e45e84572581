"""TN001 hedging: So many hedges ("I think", "just", "maybe", "I was wondering if") that the message says little."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from ...diagnostics import Finding, Fix, Severity
from ...rule import Example, RuleContext, RuleDocs, RuleOptions, rule

if TYPE_CHECKING:
    from spacy.tokens import Token


class HedgingOptions(RuleOptions):
    min_hedges: int = Field(
        default=3, ge=1,
        description="One or two softeners are ordinary politeness; judge a message once it has this many.",
    )
    max_density: float = Field(
        default=0.4, gt=0,
        description="Hedges per sentence above which the message is flagged; above twice this, as a warning.",
    )


@rule(
    code="TN001",
    name="hedging",
    summary="So many hedges (\"I think\", \"just\", \"maybe\", \"I was wondering if\") that the message says little.",
    docs=RuleDocs(
        what=(
            "Counts hedges in the seller's own sentences of the body: \"I think\", \"I guess\", \"just\", "
            "\"maybe\", \"perhaps\", \"hopefully\", \"sort of\", \"kind of\", \"I was wondering if\", \"if that "
            "makes sense\". Flags a message with at least `min-hedges` (default 3) and more than "
            "`info-density` hedges per sentence (default 0.4) as info, and more than `warning-density` "
            "(default 0.8) as a warning, highlighting each hedge. \"just\" as an adjective (\"a just "
            "cause\") or meaning \"exactly\" (\"just like\", \"just as\") and \"kind of\" after a determiner "
            "(\"what kind of tool\") are not hedges. Call scripts are not checked: spoken English softens as it "
            "goes. Quoted text is never counted."
        ),
        why=(
            "A hedge or two is politeness. A message that softens every claim and every ask sounds unsure of "
            "itself, and a reader will not act on something the writer does not seem to believe."
        ),
        example="I just wanted to see if maybe you might be open to a call. I think it could sort of help, hopefully.",
        instead="Say it plainly once: \"Your team re-keys every order. Would a 15-minute call on Tuesday help?\"",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Deleting a hedge can "
            "change what a sentence claims; the writer decides which ones to keep."
        ),
        sources=(
            "Doctrine section 6 (easy to read and answer) and section 1 (about the reader): a message made of "
            "softeners hides both the reader's problem and the ask. The defaults flag a message where at least "
            "two sentences in five carry a hedge."
        ),
    ),
    severity=Severity.INFO,
    # Not call scripts: spoken English softens as it goes ("kind of", "maybe"), and a script written to be
    # said aloud reads that way on purpose.
    profiles=("cold-email", "follow-up", "reply", "linkedin", "announcement"),
    requires=("POS",),
    options=HedgingOptions,
    lexicons=("hedges",),
    fail=(
        "Hi Sam,\n\nI just wanted to see if maybe you might be open to a call. I think it could sort of help your "
        "team, hopefully. Would that be okay?\n",
        "Hi Jo,\n\nI was wondering if you are kind of busy with hiring. Perhaps we could talk? I guess Friday "
        "might work.\n",
        "Hi Al,\n\nJust checking whether the rota is still a pain. Maybe a quick chat would help, I think.\n",
        Example("Hi Kim,\n\nI think your planners re-key orders. Your team loses an hour a day to it. Would a call "
                "on Tuesday help?\n", options={"min-hedges": 1, "max-density": 0.3}),
    ),
    passes=(
        "Hi Sam,\n\nYour planners re-key every order by hand. Would a 15-minute call on Tuesday help?\n",
        "Hi Jo,\n\nWhat kind of rota does your team use? I think a shared one could cut the swaps. It is a just "
        "cause for the night shift. Worth a look?\n",
        "Hi Al,\n\nYour new site opens in March, just like the Leeds one did. How are you planning the stock "
        "counts? Maybe the checklist we wrote for Leeds would help.\n",
        Example("Hi Sam,\n\nI just wanted to see if maybe you might be open to a call. I think it could sort of help "
                "your team, hopefully. Would that be okay?\n", options={"min-hedges": 10}),
        Example("Hi Jo,\n\nI think your planners re-key orders. Maybe that costs an hour. Your team could skip it. "
                "Would a call help? I can send notes first.\n", options={"min-hedges": 1, "max-density": 0.5}),
    ),
)
def hedging(ctx: RuleContext, opts: HedgingOptions) -> Iterator[Finding]:
    sentences = list(ctx.body_sentences())
    if not sentences:
        return
    hedges: list[tuple[int, int]] = []
    for sent in sentences:
        for start, end, _ in ctx.lexicon_in("hedges", sent.start_char, sent.end_char):
            if not ctx.prepared.in_url(start, end) and _is_hedge(ctx, start, end):
                hedges.append((start, end))
    density = len(hedges) / len(sentences)
    if len(hedges) < opts.min_hedges or density <= opts.max_density:
        return
    severity = Severity.WARNING if density > 2 * opts.max_density else Severity.INFO
    quoted = ", ".join(dict.fromkeys(f"'{ctx.quote(s, e).lower()}'" for s, e in hedges))
    message = f"{len(hedges)} hedges in {len(sentences)} sentences ({quoted}): the message sounds unsure of itself"
    for start, end in hedges:
        yield ctx.finding(
            start, end, message,
            Fix("Keep at most one softener; state the reader's problem and the ask plainly"),
            severity=severity,
        )


# "just" meaning "exactly" or "only" compares or measures; it does not soften ("just like", "just 10 minutes").
_JUST_EXACT = frozenset({"like", "as", "the", "what", "how", "because", "in", "about", "after", "before"})
# "kind of" / "sort of" after one of these names a type ("what kind of tool", "this sort of rota").
_TYPE_DETERMINERS = frozenset({"what", "which", "a", "an", "the", "this", "that", "these", "those", "any", "some",
                               "every", "each", "same", "other", "one", "no", "right", "wrong", "new"})


def _is_hedge(ctx: RuleContext, start: int, end: int) -> bool:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    first: Token = span[0]
    if first.lower_ == "just" and len(span) == 1:
        if first.pos_ == "ADJ":
            return False  # "a just cause"
        nxt = first.nbor(1) if first.i + 1 < len(first.doc) else None
        return nxt is None or not (nxt.lower_ in _JUST_EXACT or nxt.like_num)
    if first.lower_ in ("kind", "sort"):
        prev = first.nbor(-1) if first.i > 0 else None
        return prev is None or (prev.lower_ not in _TYPE_DETERMINERS and prev.pos_ not in ("DET", "ADJ", "NUM"))
    return True
