"""PR003 guilt-follow-up: Guilt and pressure in a follow-up ("did you get my last email?", "just bumping this")."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, rule, short


@rule(
    code="PR003",
    name="guilt-follow-up",
    summary="Guilt and pressure in a follow-up (\"did you get my last email?\", \"just bumping this\").",
    docs=RuleDocs(
        what=(
            "Flags follow-up lines that blame the reader for not answering: \"did you get my last email?\", "
            "\"just bumping this to the top of your inbox\", \"I've reached out several times\", \"any update?\", "
            "\"I haven't heard back\". Beside these phrases it reads the parse: the reader as the subject of a "
            "receive, see or read verb whose object is the sender's earlier message, in any wording (\"not sure "
            "you saw my note\", \"wanted to make sure you received the email I sent\"). A message that closes "
            "the thread politely (the sender will stop, close or assume, and asks for no new meeting: \"I've "
            "written a few times, so I'll close your file\") is not flagged at all."
        ),
        why=(
            "Nobody owes a stranger a reply. Guilt makes the reader feel chased, and the easiest way to stop "
            "feeling chased is to mark the sender as spam."
        ),
        example="Just bumping this to the top of your inbox. Did you get my last email?",
        instead=(
            "Add something new and useful (\"Here is the checklist I mentioned\"), or close politely: \"I'll stop "
            "here; if onboarding comes up again, just reply.\""
        ),
        fix_safety="Advice only: what to say instead is a new reason to reply, which only the writer has.",
        sources=(
            "Doctrine section 4 (the customer's timing, not the seller's: guilt about unanswered mail is pressure) "
            "and section 7 (every touch adds something; a message that politely closes the thread is not a nag)."
        ),
    ),
    regions=("subject", "body"),
    lexicons=("guilt", "no-reply", "thread-close", "reader-blame"),
    analyses=("thread",),
    unless=("polite-close",),
    fail=(
        "Hi Sam,\n\nDid you get my last email? Would Tuesday work for a call?\n",
        "Hi Jo,\n\nJust bumping this to the top of your inbox. Can we talk?\n",
        Example("Hi Al,\n\nI haven't heard back. Maybe you're just too busy to care? Can we talk Friday?\n",
                profile="follow-up"),
        "Hi Nell,\n\nNot sure you ever saw my note about the warehouse rota. Can we talk on Monday at 9?\n",
        "Hi Raj,\n\nI wanted to make sure you received the note I wrote on Monday about your fleet. Free on Friday?\n",
        Example("Hi Lu,\n\nClearly you're too busy to reply to a short email. I'll take you off my list.\n",
                profile="follow-up"),
        Example("Hi Kim,\n\nI haven't heard back from you yet. Can we talk on Friday at 10?\n", profile="follow-up"),
        Example("Hi Kim,\n\nDid my last note get lost in your inbox?\n", profile="follow-up"),
        Example("Hi Kim,\n\nI guess you're too busy for a quick reply. Surely you have five minutes on Friday?\n",
                profile="follow-up"),
        Example("Hi Kim,\n\nCan you at least tell me if the rota idea is a no?\n", profile="follow-up"),
    ),
    passes=(
        Example("Hi Kim,\n\nI'm starting to think about next year's rota. Surely you know the Friday crunch. Could "
                "we talk on Friday at 10?\n", profile="follow-up"),
        Example("Hi Kim,\n\nThis is my last note on the rota idea. If it comes up again, a one-line reply reaches "
                "me.\n", profile="follow-up"),
        "Hi Sam,\n\nHere is the checklist I mentioned last week. Would Tuesday work to go through it?\n",
        "Hi Jo,\n\nI'll close the loop here for now. If onboarding comes up again, just reply and I'll send the plan.\n",
        Example("Hi Al,\n\nI haven't heard back, which usually means the timing is wrong, so I won't follow up again. "
                "Good luck with the launch!\n", profile="follow-up"),
        Example("Hi Bo,\n\nI've written a few times without an answer, so I'll close your file for now. If rotas "
                "come up again, a one-line reply reaches me.\n", profile="follow-up"),
        "Hi Nell,\n\nDid you see the new rota template in the Leeds report? Page 4 has the numbers.\n",
    ),
)
def guilt_follow_up(ctx: RuleContext) -> Iterator[Finding]:
    hits = [h for h in ctx.lexicon("guilt") + ctx.lexicon("reader-blame") if _linted(ctx, h)]
    if not ctx.lexicon("thread-close"):  # "haven't heard back, which usually means the timing is wrong"
        hits += [h for h in ctx.lexicon("no-reply") if _linted(ctx, h)]
    hits += [(s, e, "parse") for s, e in ctx.analysis("thread").guilt]
    for start, end in _phrases(ctx, hits):
        yield ctx.finding(
            start,
            end,
            f"'{short(ctx.quote(start, end), 50)}' guilts the reader for not answering",
            Fix("Delete it; give the reader a new reason to reply, or close the thread politely"),
        )


def _phrases(ctx: RuleContext, hits: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """One span per guilt phrase: the hits of one sentence (and one region) joined.

    The lexicons are patterns that meet and overlap inside one phrase: "just bumping this" and "to the top
    of your inbox" side by side, "still haven't heard" (guilt) over "haven't heard back" (no-reply). Each
    was a finding of its own, so one sentence was reported twice, or quoted cut short.
    """
    phrases: list[tuple[int, int]] = []
    last_key: tuple[int, bool] | None = None
    for start, end, _ in sorted(hits):
        key = (_sentence_start(ctx, start, end), ctx.in_region("subject", start, end))
        if phrases and key == last_key:
            phrases[-1] = (phrases[-1][0], max(phrases[-1][1], end))
        else:
            phrases.append((start, end))
        last_key = key
    return phrases


def _sentence_start(ctx: RuleContext, start: int, end: int) -> int:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return start if span is None else span.sent.start_char


def _linted(ctx: RuleContext, hit: tuple[int, int, str]) -> bool:
    return any(ctx.in_region(r, hit[0], hit[1]) for r in ("subject", "body"))
