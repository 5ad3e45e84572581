"""PR006 leading-question: A question that asks the reader to agree instead of telling ("wouldn't you agree?")."""

from __future__ import annotations

from collections.abc import Iterator

from ...analyses.leading import Leading
from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, rule, short


@rule(
    code="PR006",
    name="leading-question",
    analyses=("leading",),
    summary="A question that asks the reader to agree instead of telling (\"wouldn't you agree?\").",
    docs=RuleDocs(
        what=(
            "Flags questions that put the answer in the reader's mouth: a negative question asking for agreement "
            "(\"wouldn't you agree\", \"don't you think\", \"don't you want\", \"isn't it true\", \"wouldn't it be "
            "great\"), a statement of what they would agree to (\"you'd agree\", \"we can all agree\"), and a tag "
            "question (\", right?\", \", wouldn't you?\") on a sentence that guesses what the reader wants or would "
            "do (\"you'd be interested, right?\", \"your bill is probably too high, right?\"). A tag that checks a "
            "fact (\"You run the Leeds depot, right?\", \"You said the audit is in May, right?\") is left alone, "
            "and so is agreement inside a condition (\"if you'd agree to a trial, ...\"). In a call script, a "
            "leading question does not count as a question about the prospect's situation (SP002, SP004)."
        ),
        why=(
            "A question the reader can only agree with is a push, not a question: it tells them what to think "
            "and teaches the seller nothing. People notice when a yes is being collected, and trust drops with it."
        ),
        example="Wouldn't you agree that every clinic wants fewer no-shows? So you'd be open to a demo, right?",
        instead="Ask what is true for them: \"How many appointments a week end up as no-shows at your clinic?\"",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. An open question "
            "needs to ask about something the seller wants to learn."
        ),
        sources=(
            "Doctrine section 4: customer focus used as a technique to hit numbers reads as manipulation. A "
            "tie-down question collects a yes the reader never gave."
        ),
    ),
    requires=("DEP", "POS", "LEMMA"),
    fail=(
        Example("Rep: Wouldn't you agree that every clinic wants fewer no-shows?\nProspect: Sure.\n"
                "Rep: So you'd be open to a demo on Thursday?\n", format="script"),
        "Hi Sam,\n\nYour freight costs are probably higher than they need to be, right? We cut them for depots "
        "near Leeds. Worth a call on Tuesday?\n",
        "Hi Jo,\n\nDon't you think your reps deserve better tools? Our app puts every lead on one screen. Can we "
        "talk on Friday?\n",
        "Hi Al,\n\nI'm sure you'd agree that late invoices hurt cash flow. Could I show you our fix on Monday?\n",
    ),
    passes=(
        "Hi Sam,\n\nYou run the Leeds depot, right? How do you plan the Friday routes there today?\n",
        Example("Rep: How do you book appointments today?\nProspect: By phone, mostly.\n"
                "Rep: What happens when nobody picks up?\n", format="script"),
        "Hi Jo,\n\nWould you agree to a short pilot at the Bristol site in May? I can send the plan first.\n",
        # Tags that check a fact the reader gave or will know: their words, a plan, a date.
        "Hi Jo,\n\nYou said the Leeds audit will be in May, right? I can send the checklist a month ahead.\n",
        "Hi Jo,\n\nYou run the Bristol depot too, right? Who plans its weekend rota?\n",
        "Hi Jo,\n\nYou'd mentioned the renewal is due on 1 March, right? Shall I send the comparison in February?\n",
        "Hi Jo,\n\nYou'll be at the Leeds logistics expo next week, won't you? Could we meet at the coffee bar?\n",
        "Hi Jo,\n\nIf you'd agree to a two-week trial at Bristol, I'll draft the plan by Friday. Does that work?\n",
    ),
)
def leading_question(ctx: RuleContext) -> Iterator[Finding]:
    found: tuple[Leading, ...] = ctx.analysis("leading")
    for q in found[:2]:  # two show the habit; more would repeat it
        yield ctx.finding(
            q.cue_start,
            q.cue_end,
            f"'{short(ctx.quote(q.cue_start, q.cue_end), 40)}' asks them to agree, not to tell you",
            Fix("Ask what is true for them: \"How do you handle this today?\""),
        )
