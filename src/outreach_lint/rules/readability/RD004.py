"""RD004 long-sentence: A sentence too long to take in at a glance (over 30 words)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...diagnostics import Finding, Fix, Severity
from ...rule import Example, RuleContext, RuleDocs, RuleOptions, rule


class SentenceOptions(RuleOptions):
    max_words: int = Field(
        default=30, ge=5,
        description="Plain-language guides aim for 15-20 words on average and treat 30+ as hard to follow.",
    )


@rule(
    code="RD004",
    name="long-sentence",
    summary="A sentence too long to take in at a glance (over 30 words).",
    docs=RuleDocs(
        what="Flags each body sentence with more than `max-words` words (default 30; 25 in call scripts).",
        why=(
            "A long sentence makes the reader hold several ideas at once on a small screen. On a call, the "
            "listener cannot re-read it at all."
        ),
        example="We are reaching out because we noticed that many companies in your industry are struggling with "
        "the growing complexity of compliance reporting, which our platform was designed to simplify.",
        instead="Split it: one idea per sentence. \"Compliance reporting keeps growing. Yours could take an afternoon.\"",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Where to split a "
            "sentence depends on what it says."
        ),
        sources=(
            "Doctrine section 6 (long sentences). Plain-language guides aim for an average of 15-20 words a "
            "sentence (the Plain English Campaign) and treat 25-30 or more as hard to follow (the GOV.UK style "
            "guide sets 25); spoken sentences get 25 in the script profile."
        ),
    ),
    severity=Severity.INFO,
    options=SentenceOptions,
    fail=(
        "Hi Sam,\n\nWe noticed that many companies in your industry are struggling with the growing complexity "
        "of compliance reporting across several countries and agencies, which is exactly the problem that our "
        "team has spent years learning to solve for finance leaders. Worth a look?\n",
        "Hi Jo,\n\nI wanted to follow up on the conversation we had at the conference last month about how your "
        "support team handles the seasonal spike in tickets and whether a shared inbox with routing rules could "
        "take some of that load off them. Can we talk?\n",
        Example("SELLER: Hi, this is Sam from Acme, and I am calling because we have been helping operations teams "
                "like yours save a few hours a week on scheduling by moving their rotas out of spreadsheets.\n"
                "PROSPECT: Okay.\n", format="script"),
        Example("Hi Sam,\n\nYour planners copy every order from the shared inbox into the warehouse system by hand. "
                "Worth a look?\n", options={"max-words": 12}),
    ),
    passes=(
        "Hi Sam,\n\nCompliance reporting keeps growing. Yours could take an afternoon instead of a week. Worth a look?\n",
        "Hi Jo,\n\nAt the conference you said tickets spike every December. A shared inbox with routing could "
        "take some of that load. Can we talk?\n",
        Example("SELLER: Hi, this is Sam from Acme. We help operations teams take rotas out of spreadsheets.\n"
                "PROSPECT: Okay.\n", format="script"),
        Example("Hi Sam,\n\nWe noticed that many companies in your industry are struggling with the growing complexity "
                "of compliance reporting across several countries and agencies, which is exactly the problem that our "
                "team has spent years learning to solve for finance leaders. Worth a look?\n", options={"max-words": 45}),
    ),
)
def long_sentence(ctx: RuleContext, opts: SentenceOptions) -> Iterator[Finding]:
    for sent in ctx.body_sentences():
        n = ctx.words_in(sent)
        if n > opts.max_words:
            yield ctx.finding(
                *ctx.trimmed(sent),
                f"sentence of {n} words (more than {opts.max_words})",
                Fix("Split it at 'and', 'which' or 'because' into sentences of one idea each"),
            )

