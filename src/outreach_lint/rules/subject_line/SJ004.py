"""SJ004 fake-reply-prefix: A first-touch subject that pretends to be a reply or forward ("RE:", "FW:")."""

from __future__ import annotations

from collections.abc import Iterator

from ... import linear_regex
from ...diagnostics import Finding, Fix, TextEdit
from ...rule import Example, RuleContext, RuleDocs, rule

_REPLY_PREFIX = linear_regex.compile(r"^\s*(?:re|fw|fwd|aw|sv|tr)\s*(?:\[\d+\])?\s*:", linear_regex.I)


@rule(
    code="SJ004",
    name="fake-reply-prefix",
    summary="A first-touch subject that pretends to be a reply or forward (\"RE:\", \"FW:\").",
    docs=RuleDocs(
        what=(
            "In cold emails (a first touch), flags a subject that starts with RE:, FW: or Fwd: when the "
            "message quotes no earlier thread. With the default profile, auto, a RE: subject over no quoted "
            "thread reads as a follow-up sent in its thread, so a RE: is only flagged where the profile is "
            "named cold-email."
        ),
        why=(
            "The reader knows they never wrote to you. A fake reply wins one open and loses their trust for "
            "every message after it."
        ),
        example="Subject: RE: our conversation",
        instead="An honest subject about them: 'Subject: onboarding at Northwind'.",
        fix_safety=(
            "Unsafe: the suggestion carries the edit that removes the prefix, but --fix never applies it. The "
            "rule cannot see a thread kept outside the file (a reply whose quote the sending tool strips), "
            "where the prefix is honest, so the writer decides."
        ),
        sources=(
            "Doctrine section 6 (fake \"RE:\"/\"FW:\" prefixes) and section 8 (claimed familiarity reads as a "
            "trick)."
        ),
    ),
    regions=("subject",),
    profiles=("cold-email",),
    fail=(
        Example("Subject: RE: our conversation\n\nHi Sam,\n\nYour team is hiring analysts. Worth a look?\n",
                profile="cold-email"),
        "Subject: Fwd: pricing for Northwind\n\nHi Jo,\n\nHere are the numbers. Can we talk Tuesday?\n",
        Example("Subject: re: quick question\n\nHi Al,\n\nWho owns onboarding at your company?\n", profile="cold-email"),
    ),
    passes=(
        "Subject: Our conversation at the meetup\n\nHi Sam,\n\nYour team is hiring analysts. Worth a look?\n",
        Example("Subject: RE: pricing for Northwind\n\nHi Jo,\n\nHere are the numbers. Can we talk Tuesday?\n",
                profile="reply"),
        "Subject: RE: pricing\n\nHi Al,\n\nThe numbers you asked for are below. Tuesday at 10?\n\n"
        "On Mon, 3 Feb 2025 at 09:12, Al Smith <al@example.com> wrote:\n> Can you send pricing?\n",
    ),
)
def fake_reply_prefix(ctx: RuleContext) -> Iterator[Finding]:
    region = ctx.region("subject")
    if region is None:
        return
    m = _REPLY_PREFIX.match(ctx.text[region.start : region.end])
    if not m or any(x.kind == "quoted" for x in ctx.prepared.excluded):
        return
    s = region.start + len(m.group(0)) - len(m.group(0).lstrip())
    e = region.start + m.end()
    end = e + (len(ctx.text[e : region.end]) - len(ctx.text[e : region.end].lstrip()))
    yield ctx.finding(
        s, e, f"'{ctx.quote(s, e)}' makes a first message look like a reply",
        Fix(f"Remove '{ctx.quote(s, e)}'", (TextEdit(s, end, ""),)),
    )

