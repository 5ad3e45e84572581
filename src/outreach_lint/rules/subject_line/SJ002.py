"""SJ002 missing-subject: An email with no subject line."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, rule
from ._common import EMAIL_PROFILES


def _is_email_record(ctx: RuleContext) -> bool:
    """An email handed over whole (.eml, mbox, a JSON record, the API), where a subject would be present."""
    m = ctx.prepared.message
    return m.format in ("eml", "mbox") or bool(m.meta.get("api") or m.meta.get("record"))


@rule(
    code="SJ002",
    name="missing-subject",
    summary="An email with no subject line.",
    docs=RuleDocs(
        what=(
            "Flags an .eml or mbox email with no subject, and a JSON record or API call whose `subject` is given "
            "but empty. A draft file without a `Subject:` line, or a record with no subject field at all (a "
            "LinkedIn message, say), is not flagged."
        ),
        why="With no subject, the inbox shows '(no subject)': it looks like a mistake or spam, and is rarely opened.",
        example='lint_message(subject="", body="Hi Sam, ...")',
        instead="A few words about the reader: 'Subject: onboarding at Northwind'.",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. A subject has to say "
            "something about this reader."
        ),
        sources=(
            "Doctrine section 6: a missing subject line."
        ),
    ),
    regions=("subject",),
    profiles=EMAIL_PROFILES,
    fail=(
        Example('{"subject": "", "body": "Hi Sam,\\n\\nWorth a look?\\n"}\n', format="json"),
        Example('{"subject": "   ", "body": "Hi Sam,\\n\\nWorth a look?\\n"}\n', format="json"),
        Example("From: a@example.com\nTo: b@example.com\nSubject: \n\nHi Sam,\n\nWorth a look?\n", format="eml"),
    ),
    passes=(
        Example('{"subject": "Onboarding at Northwind", "body": "Hi Sam,\\n\\nWorth a look?\\n"}\n', format="json"),
        "Hi Sam,\n\nA draft without a subject line. Worth a look?\n",
        Example('{"body": "Hi Sam,\\n\\nWorth a look?\\n"}\n', format="json"),
    ),
)
def missing_subject(ctx: RuleContext) -> Iterator[Finding]:
    subject = ctx.subject
    if subject is not None and subject.strip():
        return
    # A record or API call without a subject field may be a LinkedIn message; an empty one is a mistake.
    whole_email = ctx.prepared.message.format in ("eml", "mbox")
    given_empty = subject is not None and _is_email_record(ctx)
    if not (whole_email or given_empty):
        return
    region = ctx.region("subject")
    body = ctx.region("body")
    at = region.start if region else (body.start if body else 0)
    yield ctx.finding(
        at, at, "no subject: the inbox will show '(no subject)'",
        Fix("Add a subject of a few words about the reader: \"Onboarding at Northwind\""),
    )

