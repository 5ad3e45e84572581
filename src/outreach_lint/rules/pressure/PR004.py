"""PR004 empty-follow-up: a follow-up that refers back to an earlier message and adds nothing new."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, rule, short


@rule(
    code="PR004",
    name="empty-follow-up",
    summary="A follow-up that refers back to an earlier message and adds nothing new (\"just following up\").",
    docs=RuleDocs(
        what=(
            "Flags a message that points back at an earlier one (\"following up\", \"circling back\", \"checking "
            "in\", \"my last note\", \"had a chance to look\") when nothing else in it is new to the reader: no "
            "number, no name, no link or resource (a checklist, a case study, a recording), and no question "
            "about the reader's situation. The sentences that only refer back do not count as new. A polite close "
            "of the thread is not flagged."
        ),
        why=(
            "A follow-up earns its place in the inbox by giving the reader a new reason to answer. One that "
            "only reminds them of an unanswered message asks them to do the work of the first one again, and "
            "reads as a nudge from the seller's pipeline."
        ),
        example="Hi Sam, just following up on my last email. Let me know what you think.",
        instead=(
            "Add one new thing the reader can use: \"Following up with the two-page rota checklist that cut "
            "Calder's overtime by 12%. Want the template too?\""
        ),
        fix_safety="Advice only: the new fact, number or resource is something only the writer has.",
        sources=(
            "Doctrine section 7 (every touch adds something) and section 4 (the customer's timing: a reminder "
            "with nothing in it serves the seller's sequence)."
        ),
    ),
    profiles=("cold-email", "follow-up", "linkedin", "script"),
    analyses=("thread", "asks"),
    unless=("polite-close",),
    fail=(
        Example("Hi Sam,\n\nJust following up on my last email. Let me know what you think.\n\nBest,\nAna\n",
                profile="follow-up"),
        Example("Hi Jo,\n\nCircling back on this. Any thoughts?\n", profile="follow-up"),
        Example("Hi Jo,\n\nWanted to make sure this didn't get buried. Any reaction to the note below?\n",
                profile="follow-up"),
        Example("Hi Lee,\n\nChecking in to see if you had a chance to look at my note. Would love to connect.\n",
                profile="follow-up"),
    ),
    passes=(
        Example("Hi Sam,\n\nFollowing up with the rota checklist that cut overtime at two depots by 12%. Want the "
                "template too?\n", profile="follow-up"),
        Example("Hi Jo,\n\nCircling back with one question: how many sites does your team schedule by hand today?\n",
                profile="follow-up"),
        Example("Hi Lee,\n\nFollowing up on my note from Tuesday: here is the recording of the demo, about "
                "9 minutes long.\n", profile="follow-up"),
        Example("Hi Kim,\n\nI've followed up a few times, so I'll stop here. If rotas come up again, just reply.\n",
                profile="follow-up"),
    ),
)
def empty_follow_up(ctx: RuleContext) -> Iterator[Finding]:
    thread = ctx.analysis("thread")
    marks = sorted(thread.refers_back + thread.guilt)
    if not marks or thread.adds_substance:
        return
    start, end = marks[0]
    yield ctx.finding(
        start,
        end,
        f"'{short(ctx.quote(start, end), 30)}' with nothing new added",
        Fix("Add one new thing the reader can use: a number, a resource, or a question about their situation"),
    )
