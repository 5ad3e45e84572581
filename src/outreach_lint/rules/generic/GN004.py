"""GN004 shallow-personalisation: praise of the reader that names nothing they could check."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, rule, short


@rule(
    code="GN004",
    name="shallow-personalisation",
    summary="Praise of the reader that names nothing they could check (\"love your content\", \"impressive company\").",
    docs=RuleDocs(
        what=(
            "Flags a compliment or a \"came across your profile\" (\"love your content\", \"big fan of your "
            "work\", \"impressive company\", \"after looking at your website\") or a finding that names nothing "
            "(\"found some errors on your site\") when neither its sentence nor "
            "the next one holds a checkable detail: a number, a name (a product, a place, an event), a quotation, "
            "a date, or a named occasion (\"your talk at the summit\"). Where they work is no detail (\"all the "
            "success at Corvid\", \"what you're building at Corvid\"), and neither is a next sentence about the "
            "seller (\"At Acme, we help firms like yours\")."
        ),
        why=(
            "Praise that fits anyone is read as a mail-merge trick: the reader knows it was written before "
            "the sender knew anything about them. One detail they can check shows the research was real."
        ),
        example="Hi Dana, I love your content and your company is impressive. Can we talk this week?",
        instead=(
            "Name what you read: \"Your post on cutting month-end to five days (the bit about approvals) matched "
            "what two of our clients found.\""
        ),
        fix_safety="Advice only: the detail has to come from the writer's own research.",
        sources=(
            "Doctrine section 5 and section 8: a trace of the reader is a checkable detail, not a name in the "
            "greeting or praise that could be sent to anyone."
        ),
    ),
    profiles=("cold-email", "follow-up", "linkedin", "script"),
    analyses=("personal",),
    fail=(
        Example("Hi Vee, I was honestly blown away by your profile. Your career journey is so inspiring! Would love "
                "to connect.\n", profile="linkedin"),
        # the reader's company named before the praise is where they work, not what is praised
        "Hi Dana,\n\nI came across Brightside Dental and was really impressed by what you've built. We help clinics "
        "fill empty chairs. Worth a call?\n",
        "Hi Dana,\n\nI love your content and your company is really impressive. Can we talk this week?\n",
        # where they work names no success, and the seller's own sentence after it is no detail of theirs
        # a finding about their site that names nothing
        "Hello,\n\nI was looking at your website and found some errors that hurt your ranking. I can get you to the "
        "top of search results at an affordable price. May I send a proposal?\n",
        "Hi Dana,\n\nCongrats on all the success at Brightside Dental, really impressive what you've built. At "
        "Toothwise, we help practices like yours fill empty chairs. Are you free Tuesday at 2pm?\n",
        "Hi Jo,\n\nI came across your profile and thought we should connect. Are you free for a call?\n",
        "Hi Al,\n\nBig fan of your work! We help teams like yours save time. Worth a chat?\n",
        "Hi Al,\n\nHonestly, love what you're building. We help founders grow. Open to a call this week?\n",
    ),
    passes=(
        # the next sentence holds the detail, about them or about nobody in particular
        "Hi Al,\n\nBig fan of your work. I read your 2023 report on rural dental access twice. Worth comparing "
        "notes?\n",
        "Hi Al,\n\nReally impressive what you've built at Harbor Dental. Your nine chairs and a 4.9 rating on 600 "
        "reviews are rare. Worth a call?\n",
        "Hi Dana,\n\nI loved your post on cutting month-end to five days. The approvals point matched what we see. "
        "Worth comparing notes?\n",
        "Hi Jo,\n\nI came across your profile after your talk at the Lisbon summit. How did the rota pilot go?\n",
        "Hi Al,\n\nBig fan of your work on the 2024 hiring report. Would the raw numbers help your team?\n",
        "Hi Al,\n\nCongrats on the growth to 40 branches since the Leeds merger. Are you free Tuesday at 2pm?\n",
        "Hi Dana,\n\nI noticed a few issues on your checkout page: the shipping cost only shows at step 4. Want the "
        "screen recording?\n",
    ),
)
def shallow_personalisation(ctx: RuleContext) -> Iterator[Finding]:
    for start, end in ctx.analysis("personal").shallow_praise[:1]:
        words = short(ctx.quote(start, end), 30)
        yield ctx.finding(
            start,
            end,
            f"'{words}' could be said to anyone",
            Fix("Replace it with one detail the reader can check: their post's point, a number, a product, an event"),
        )
