"""SP003 long-monologue: A seller turn in a dialogue runs on longer than a listener follows."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...diagnostics import Finding, Fix, Severity
from ...rule import Example, RuleContext, RuleDocs, RuleOptions, rule
from ._common import is_dialogue, seller_turns, sentences_in


class MonologueOptions(RuleOptions):
    max_words: int = Field(
        default=90, ge=20,
        description=(
            "Words in one seller turn. At a speaking pace of about 150 words a minute, 90 words is over half a "
            "minute of the prospect listening without a chance to answer."
        ),
    )


_LONG = " ".join(
    ["We built the planner so that every crew lead sees the day's jobs, the parts for each job and the route between them."] * 5
)


@rule(
    code="SP003",
    name="long-monologue",
    analyses=(),
    summary="A seller turn in a dialogue runs on longer than a listener follows.",
    docs=RuleDocs(
        what=(
            "In a dialogue (labelled turns, with the prospect speaking), flags a seller turn longer than `max-words` "
            "(default 90) words. Only the seller's turns are counted; a voicemail or an opener without labels is one "
            "turn and is not checked."
        ),
        why=(
            "A spoken turn is heard once and cannot be re-read. After half a minute of talk the prospect has "
            "stopped listening and is waiting for a gap to end the call; a call is a conversation, not a recital."
        ),
        example="Rep: (a paragraph of a hundred words about the product without a pause)",
        instead="Break the turn with a question: say one point, then ask how it lands for them.",
        fix_safety="Advice only: where to break a turn is the writer's choice.",
        sources="Speaking pace of about 150 words a minute; call coaching that keeps a seller's turn under 30 seconds.",
    ),
    severity=Severity.INFO,
    options=MonologueOptions,
    profiles=("script",),
    fail=(
        Example(f"Rep: Hi Lou, Kim from Routewise. {_LONG}\nProspect: Okay.\nRep: Would Thursday suit you?\n", format="script"),
        Example(f"Caller: {_LONG} {_LONG}\nLou: Right.\nCaller: Does that sound useful?\nLou: Maybe.\n", format="script"),
        Example("Rep: Hi Lou, Kim from Routewise. We plan routes for crews, we order parts for each job, and we send the "
                "customer a text when the crew is on the way.\nProspect: Okay.\nRep: How do you plan yours?\n",
                format="script", options={"max-words": 20}),
    ),
    passes=(
        Example("Rep: Hi Lou, Kim from Routewise. How do your crews plan their day?\nProspect: On paper.\n"
                "Rep: What happens when a job runs late?\n", format="script"),
        Example(f"Hi Lou, Kim from Routewise. {_LONG}\n", format="script"),
        Example("Rep: Hi Lou, Kim from Routewise. We plan routes for crews, we order parts for each job, and we send the "
                "customer a text when the crew is on the way.\nProspect: Okay.\nRep: How do you plan yours?\n",
                format="script"),
    ),
)
def long_monologue(ctx: RuleContext, opts: MonologueOptions) -> Iterator[Finding]:
    if not is_dialogue(ctx):
        return
    for turn in seller_turns(ctx):
        sents = sentences_in(ctx, turn)
        words = sum(ctx.words_in(s) for s in sents)
        if words > opts.max_words and sents:
            start, _ = ctx.trimmed(sents[0])
            _, end = ctx.trimmed(sents[-1])
            yield ctx.finding(
                start, end,
                f"a {words}-word turn (over {opts.max_words}) before the prospect can answer",
                Fix("Break it up: make one point, then ask a question that lets them talk."),
            )
