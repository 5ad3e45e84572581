"""HS001 exclamation-stack: exclamation marks piled up ("!!!") or repeated sentence after sentence."""

from __future__ import annotations

from collections.abc import Iterator

from outreach_lint import linear_regex
from outreach_lint.diagnostics import Finding, Fix, TextEdit
from outreach_lint.rule import RuleContext, RuleDocs, rule

# "!!", "!!!", "?!" and "!?": one run is one mark of enthusiasm, however long. outreach-lint's RE2
# wrapper matches in linear time; Python's re would rescan a long run of "?" from every position.
_RUN = linear_regex.compile(r"[!?]*![!?]*")


@rule(
    code="HS001",
    name="exclamation-stack",
    summary="Exclamation marks piled up (\"!!!\") or used in more than one sentence.",
    docs=RuleDocs(
        what=(
            "Flags a run of several exclamation marks (\"!!!\", \"?!\") anywhere in the body, and every "
            "exclamation after the first one in a message. One \"Congrats on the launch!\" is fine."
        ),
        why=(
            "A stranger's excitement about their own product reads as a sales pitch before the reader has "
            "seen a reason to care. Each extra exclamation mark makes the next sentence easier to skip."
        ),
        example="Big news!!! Our routing engine just launched! You're going to love it!",
        instead=(
            "Let the fact carry the weight and end with a full stop: \"Teams your size cut pick times by a "
            "third in the first month.\""
        ),
    ),
    fail=(
        "Hi Dana,\n\nBig news!!! Our new routing engine just launched. Want a quick demo?\n",
        "Hi Marcus,\n\nYour team is going to love this! Onboarding takes five minutes! Can I send you a login?\n",
        "Hi Priya,\n\nCongrats on the Reno warehouse! We can cut your pick times in half! Free this Thursday?!\n",
    ),
    passes=(
        "Hi Dana,\n\nCongrats on opening the Reno warehouse! Are pick times holding up with the extra volume?\n",
        "Hi Marcus,\n\nYour team added four reps last month. How long until each one books a first meeting?\n",
        "Hi Priya,\n\nYour returns rate fell to 4% after the packaging change. Would a short write-up of how "
        "two other shops kept it there be useful?\n",
    ),
)
def exclamation_stack(ctx: RuleContext) -> Iterator[Finding]:
    body = ctx.region("body")
    if body is None:
        return
    seen = 0
    for run in _RUN.finditer(ctx.text, body.start, body.end):
        seen += 1
        start, end = run.span()
        stacked = end - start > 1
        if not stacked and seen == 1:
            continue  # a single exclamation is allowed once
        why = "stacked exclamation marks" if stacked else "a second exclamation in one message"
        yield ctx.finding(
            start,
            end,
            f"'{ctx.text[start:end]}' is {why}: it reads as hype; let the fact carry the sentence",
            Fix("End the sentence with a full stop" if "?" not in run.group() else "Keep only the question mark",
                (TextEdit(start, end, "?" if "?" in run.group() else "."),)),
        )
