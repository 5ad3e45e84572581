"""SJ001 subject-too-long: The subject line is longer than a phone inbox shows."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, RuleOptions, rule


class Options(RuleOptions):
    max_chars: int = Field(
        default=60, ge=1,
        description="Phone inboxes cut subjects at roughly 40-60 characters; reply-rate studies favour a few words.",
    )
    max_words: int = Field(
        default=9, ge=1,
        description="Subjects of a few words get more replies than long ones; nine words is already a long line on a phone.",
    )


@rule(
    code="SJ001",
    name="subject-too-long",
    summary="The subject line is longer than a phone inbox shows.",
    docs=RuleDocs(
        what="Flags a subject line with more than `max-words` words (default 9) or `max-chars` characters (default 60).",
        why=(
            "The subject is all the reader sees before deciding to open. A long one is cut off on a phone, "
            "and what survives is usually the part about the sender."
        ),
        example="Subject: Introducing our new AI-powered revenue intelligence platform for modern sales teams",
        instead="A few words about the reader: 'Subject: Onboarding at Northwind' or 'Subject: your Q3 hiring post'.",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Which words of the "
            "subject to keep is the writer's call."
        ),
        sources=(
            "Doctrine section 6 (very long subject lines). Phone inboxes cut subjects at roughly 40-60 "
            "characters, and email-tool studies find subjects of a few words answered more often."
        ),
    ),
    regions=("subject",),
    options=Options,
    profiles=("cold-email", "follow-up", "reply", "announcement"),
    fail=(
        "Subject: Introducing our new AI-powered revenue intelligence platform for modern sales teams\n\nHi Sam,\n\nWorth a look?\n",
        "Subject: Following up on my previous email regarding the partnership opportunity we discussed\n\nHi Jo,\n\nAny thoughts?\n",
        "Subject: Quick question about how your team currently handles quarterly board reporting today\n\nHi Al,\n\nHow do you do it?\n",
        Example("Subject: Stock counts at the new Leeds warehouse\n\nHi Priya,\n\nHow are the counts going at the "
                "second site?\n", options={"max-chars": 30}),
        Example("Subject: Your Leeds warehouse stock counts\n\nHi Priya,\n\nHow are the counts going at the second "
                "site?\n", options={"max-words": 4}),
    ),
    passes=(
        "Subject: Your Q3 hiring post\n\nHi Sam,\n\nWorth a look?\n",
        "Subject: Onboarding at Northwind\n\nHi Jo,\n\nHow long does it take today?\n",
        "Hi Al,\n\nNo subject here, as in a LinkedIn message. How do you do it?\n",
    ),
)
def subject_too_long(ctx: RuleContext, opts: Options) -> Iterator[Finding]:
    region = ctx.region("subject")
    if region is None:
        return
    text = ctx.text[region.start : region.end]
    words = len(text.split())
    if words > opts.max_words or len(text) > opts.max_chars:
        yield ctx.finding(
            region.start,
            region.end,
            f"subject is {words} words, {len(text)} characters (limit {opts.max_words} words, {opts.max_chars})",
            Fix("Say one thing about the reader in a few words: \"Onboarding at Northwind\""),
        )

