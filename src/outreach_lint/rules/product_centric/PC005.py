"""PC005 announcement-without-payoff: News about the sender ("we're excited to announce") with nothing in it for the reader."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...analyses.payoff import LEXICONS as PAYOFF_LEXICONS
from ...analyses.payoff import has_payoff
from ...diagnostics import Finding, Fix
from ... import linear_regex
from ...rule import RuleContext, RuleDocs, rule

if TYPE_CHECKING:
    pass

# "... if it would help", "if it's useful", "if helpful", "if that would be useful to you".
_IF_HELPFUL = linear_regex.compile(
    r"\bif[ \t]+(?:(?:it[ \t]+(?:would|might|could|will)|it['’]d)[ \t]+help|(?:(?:it|that)(?:'s|’s|[ \t]+is|[ \t]+would[ \t]+be|'d[ \t]+be)[ \t]+)?(?:useful|helpful))\b",
    linear_regex.I,
)
_NEXT_WORD = linear_regex.compile(r"[ \t]+(?:with[ \t]+you[ \t]+)?([\w’']+)")
_NEWS_OPENERS = frozenset({"that", "our", "my", "some", "news", "this"})


@rule(
    code="PC005",
    name="announcement-without-payoff",
    summary="News about the sender (\"we're excited to announce\") with nothing in it for the reader.",
    docs=RuleDocs(
        what=(
            "Flags announcement phrases (\"just wanted to let you know\", \"we're excited to announce\", "
            "\"FYI\", \"we just launched\") in a message where no sentence says what the news means for the "
            "reader (\"so you can\", \"which means\", \"you'll\", \"saves you\", or an outcome word next to you/your). "
            "\"I'm happy to share the checklist if it would help\" is an offer on the reader's terms, not news."
        ),
        why=(
            "The reader does not need to know our news; they need to know what it changes for them. An "
            "announcement with no payoff is a message about us, sent to them."
        ),
        example="We're excited to announce our new integrations page!",
        instead="Lead with the payoff: \"You can now send invoices straight from Xero, so month-end needs no re-keying.\"",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. What the news "
            "changes for this reader is the writer's to say."
        ),
        sources=(
            "Doctrine section 1: messages that deliver an announcement with no payoff for the reader (\"Just "
            "wanted to let you know\", \"FYI, we launched\")."
        ),
    ),
    profiles=("cold-email", "follow-up", "reply", "linkedin", "announcement"),
    # The parse tells a promise ("you could save") from the reader's state ("since you're growing").
    requires=("POS", "TAG", "DEP", "LEMMA"),
    lexicons=("announcement", *PAYOFF_LEXICONS),
    fail=(
        "Hi Sam,\n\nWe're excited to announce our new reporting module. It has twelve new chart types. "
        "Want a tour?\n",
        "Hi Jo,\n\nJust wanted to let you know that we opened an office in Berlin. Can we meet there?\n",
        "Hi Al,\n\nFYI, we launched version 4 last week with a new design. Worth a look?\n",
        "Hi Al,\n\nI'm happy to share that we opened a second office in Leeds. Can we meet there?\n",
        "Hi Al,\n\nI'm happy to share our new reporting module with you. Let me know if it looks useful.\n",
        # "you're growing" says where the reader is now, not what the news changes for them
        "Hi Ana,\n\nJust wanted to let you know we launched our billing module. I thought of you since you're "
        "growing so fast. Worth a look?\n",
    ),
    passes=(
        "Hi Sam,\n\nWe're excited to announce our new reporting module, so you can send the board pack in minutes "
        "instead of a day. Want a tour?\n",
        "Hi Jo,\n\nJust wanted to let you know we opened in Berlin, which means your German team gets support in "
        "their own time zone. Can we meet there?\n",
        "Hi Al,\n\nYour exports took an hour last quarter. Version 4 cuts that to five minutes for you. Worth a look?\n",
        "Hi Ana,\n\nJust wanted to let you know we launched our billing module, which helps you grow without "
        "hiring a second bookkeeper. Worth a look?\n",
        "Hi Al,\n\nI ran the audit for two mills near you. I'm happy to share the checklist I used if it would help.\n",
    ),
)
def announcement_without_payoff(ctx: RuleContext) -> Iterator[Finding]:
    body = ctx.region("body")
    if body is None:
        return
    news = [h for h in ctx.lexicon("announcement") if h[0] >= body.start and not _offer(ctx, h[0], h[1])]
    if not news:
        return
    if any(has_payoff(ctx, sent) for sent in ctx.body_sentences()):
        return
    start, end, _ = news[0]
    yield ctx.finding(
        start,
        end,
        f"'{ctx.quote(start, end)}' is news with nothing in it for the reader",
        Fix("Add what the news changes for them: \"..., so your team can ...\" or \"which means your team ...\""),
    )


def _offer(ctx: RuleContext, start: int, end: int) -> bool:
    """"I'm happy to share the ramp plan if it would help" offers something on the reader's terms; it is
    not news. Only "share" and "tell" read both ways: news follows them as "that ..." or "our new ...",
    an offer ends on a condition of helping the reader ("if it would help", "if useful")."""
    if ctx.text[start:end].split()[-1].lower() not in ("share", "tell"):
        return False
    sent_end = next((s.end_char for s in ctx.body_sentences() if s.start_char <= start < s.end_char), end)
    tail = _NEXT_WORD.match(ctx.text, end, sent_end)
    if tail is not None and tail.group(1).lower() in _NEWS_OPENERS:
        return False
    return _IF_HELPFUL.search(ctx.text, end, sent_end) is not None
