"""RD003 too-long: The body is longer than the profile's limit (125 words for a cold email)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...diagnostics import Finding, Fix, Severity
from ...rule import Example, RuleContext, RuleDocs, RuleOptions, rule


class LengthOptions(RuleOptions):
    max_words: int = Field(
        default=125, ge=1,
        description="Cold-email studies put reply rates highest under ~125 words; each profile sets its own value.",
    )


@rule(
    code="RD003",
    name="too-long",
    analyses=("metrics",),
    summary="The body is longer than the profile's limit (125 words for a cold email).",
    docs=RuleDocs(
        what=(
            "Counts the words of the body (greeting, signature, quoted text and footers excluded) and flags a "
            "message longer than `max-words`. The default depends on the profile: 125 for cold email, 100 for "
            "follow-ups and LinkedIn, 200 for announcements, 250 for replies (see docs/profiles.md). It is a "
            "note (info) by default: on real outreach that other people wrote and judged, nearly half the "
            "messages over the limit were praised, so length is a reason to look again, not a fault on its own; "
            "set its severity to `warning` to make the limit one."
        ),
        why=(
            "Readers give a message from a stranger a few seconds. Short messages get read to the end, where "
            "the ask is; long ones get skimmed or saved for a later that never comes."
        ),
        example="A 220-word cold email that explains the product, the company history and three case studies.",
        instead="Keep one point about the reader, one line of proof and one ask; link to the rest.",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Cutting a message "
            "means choosing what to leave out."
        ),
        sources=(
            "Doctrine section 6: reply-rate studies of cold email put the best results under about 125 words, "
            "with published optima from 25-50 up to 200 words, so this is a note whose limit each profile sets "
            "(docs/profiles.md)."
        ),
    ),
    severity=Severity.INFO,
    options=LengthOptions,
    profiles=("cold-email", "follow-up", "reply", "linkedin", "announcement"),
    fail=(
        "Hi Sam,\n\n" + "Your team runs payroll for four countries and every run takes two days of checking. " * 10
        + "Worth a look?\n",
        Example("Hi Jo,\n\n" + "Following up on the pilot numbers we shared with your team last week. " * 9
                + "Can we talk Tuesday?\n", profile="follow-up"),
        Example("Hi Al,\n\n" + "Saw your post about hiring twenty engineers this quarter. " * 12 + "Open to a chat?\n",
                profile="linkedin"),
        Example("Hi Sam,\n\nYour team runs payroll for four countries and every run takes two days of checking. Most "
                "of that is copying totals between sheets. Worth a look?\n", options={"max-words": 20}),
    ),
    passes=(
        "Hi Sam,\n\nYour team runs payroll for four countries and every run takes two days of checking. "
        "Worth a look at cutting that to an afternoon?\n",
        Example("Hi Jo,\n\n" + "Following up on the pilot numbers we shared with your team last week. " * 9
                + "Can we talk Tuesday?\n", profile="reply"),
        Example("Hi Al,\n\nSaw your post about hiring twenty engineers this quarter. Open to a chat?\n", profile="linkedin"),
        Example("Hi Sam,\n\n" + "Your team runs payroll for four countries and every run takes two days of checking. " * 10
                + "Worth a look?\n", options={"max-words": 200}),
    ),
)
def too_long(ctx: RuleContext, opts: LengthOptions) -> Iterator[Finding]:
    words = ctx.metrics.words
    if words <= opts.max_words:
        return
    count = 0
    for sent in ctx.body_sentences():
        count += ctx.words_in(sent)
        if count > opts.max_words:
            yield ctx.finding(
                *ctx.trimmed(sent),
                f"the body is {words} words; it passes the {ctx.profile} limit of {opts.max_words} here",
                Fix("Cut to one point about the reader, one line of proof and one ask; link to the rest"),
            )
            return

