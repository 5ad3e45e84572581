"""PR005 loss-framing: A loss threatened to push a decision ("you'll miss out", "every day you wait")."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, rule, short

# After "you won't be able to ..." or "you'll lose ...", these turn a statement into a condition the
# reader must meet: "unless you sign by Friday", "if you don't book this week".
_CONDITIONS = ("unless", "if you don't", "if you don’t", "if you do not", "if you wait", "once the offer",
               "when the offer", "after the deadline")


@rule(
    code="PR005",
    name="loss-framing",
    summary="A loss threatened to push a decision (\"you'll miss out\", \"every day you wait\").",
    docs=RuleDocs(
        what=(
            "Flags a consequence threatened to hurry the reader: \"you'll miss out\", \"don't lose your spot\", "
            "\"you're losing money every day you wait\", \"the longer you wait\", \"while you still can\", "
            "\"you can't afford to wait\", \"you're going to kick yourself\", \"your competitors are already on board\", and \"you won't be able to ...\" or \"you'll lose ...\" followed by a "
            "condition (\"unless you book this week\"). Fake urgency (\"don't miss out\", \"before it's too "
            "late\") is PR002's. Stating a problem the reader has (\"month-end takes nine days\", \"teams lose "
            "a day a month to re-keying\") is not loss framing."
        ),
        why=(
            "Fear of loss moves people in the moment and costs trust after it. A reader who feels pushed by a "
            "threat stops trusting the rest of the message, and the seller's timing is not theirs."
        ),
        example="You're losing money every day you wait. Don't lose your spot: book before Friday.",
        instead=(
            "State their problem and let them choose the timing: \"Month-end takes your team nine days. If that "
            "is worth fixing this quarter, would a call help?\""
        ),
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Replacing a threat "
            "with the reader's real problem is a rewrite."
        ),
        sources=(
            "Doctrine section 4 (the customer's timing, not ours: fake urgency such as \"don't miss out\" is "
            "pressure). Loss framed as a threat is the fear-of-missing-out form of the same push."
        ),
    ),
    regions=("subject", "body"),
    lexicons=("loss-threat", "loss-if-not"),
    fail=(
        Example("Hi Elena,\n\nI'll stop reaching out after this. I'd hate for you to miss out, though: a lot of your "
                "competitors are already on board.\n", profile="follow-up"),
        "Hi Kim,\n\nCan I grab 30 minutes next week to walk you through it? You're going to kick yourself if you "
        "miss this one.\n",
        "Hi Sam,\n\nYou're losing money every day you wait. Can we talk this week?\n",
        "Hi Jo,\n\nOnly a few seats are left, so don't lose your spot. Shall I book you in?\n",
        "Hi Al,\n\nAfter Friday you won't be able to lock in this rate unless you sign today. Ready?\n",
        "Hi Kim,\n\nYour rivals already use it, and you'll miss out if you wait. Worth a call?\n",
        "Hi Lee,\n\nThe longer you wait, the more stock goes missing. Can we talk this week?\n",
    ),
    passes=(
        Example("Hi Kim,\n\nYou said you regret the Salesforce rollout. What would you change?\n", profile="follow-up"),
        "Hi Kim,\n\nYour competitors have all raised prices 8% since March, per the county data. Want the table?\n",
        "Hi Sam,\n\nMonth-end takes your team nine days. If that is worth fixing this quarter, would a call help?\n",
        "Hi Jo,\n\nMost clinics lose a day a month to re-keying referrals. Is that true at yours?\n",
        "Hi Al,\n\nYou won't be able to see the old reports in the new tool, so we export them first. Any questions?\n",
        "Hi Kim,\n\nSorry you missed the webinar. Here is the recording, in case it helps.\n",
    ),
)
def loss_framing(ctx: RuleContext) -> Iterator[Finding]:
    hits = [h for h in ctx.lexicon("loss-threat") if _linted(ctx, h)]
    hits += [h for h in ctx.lexicon("loss-if-not") if _linted(ctx, h) and _conditional(ctx, h[0], h[1])]
    seen: set[int] = set()
    for start, end, _ in sorted(hits):
        sentence = _sentence_start(ctx, start, end)
        if sentence in seen:
            continue  # one finding per sentence: "don't lose your spot" and "while you still can" side by side
        seen.add(sentence)
        yield ctx.finding(
            start,
            end,
            f"'{short(ctx.quote(start, end), 50)}' threatens a loss to push a decision",
            Fix("State the reader's problem as it is and let them choose the timing"),
        )


def _conditional(ctx: RuleContext, start: int, end: int) -> bool:
    """The rest of the sentence makes the loss a condition to meet ("... unless you sign today")."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    sent = span.sent
    before = ctx.text[sent.start_char : start].lower()
    after = ctx.text[end : sent.end_char].lower()
    return any(c in after or c in before for c in _CONDITIONS)


def _sentence_start(ctx: RuleContext, start: int, end: int) -> int:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return start if span is None else span.sent.start_char


def _linted(ctx: RuleContext, hit: tuple[int, int, str]) -> bool:
    return any(ctx.in_region(r, hit[0], hit[1]) for r in ("subject", "body"))
