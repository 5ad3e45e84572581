"""RD003-RD005: the shape of the message: length, long sentences, walls of text."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from .. import linear_regex
from ..diagnostics import Finding, Fix, Severity
from ..rule import Example, RuleContext, RuleDocs, RuleOptions, rule

# A run of non-space characters counts as a word if it has a letter or digit; one match per such run.
_WORD = linear_regex.compile(r"\S*[^\W_]\S*")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


class LengthOptions(RuleOptions):
    max_words: int = Field(
        default=125, ge=1,
        description="Cold-email studies put reply rates highest under ~125 words; each profile sets its own value.",
    )


@rule(
    code="RD003",
    name="too-long",
    summary="The body is longer than the profile's limit (125 words for a cold email).",
    docs=RuleDocs(
        what=(
            "Counts the words of the body (greeting, signature, quoted text and footers excluded) and flags a "
            "message longer than `max-words`. The default depends on the profile: 125 for cold email, 100 for "
            "follow-ups and LinkedIn, 200 for announcements, 250 for replies (see docs/profiles.md)."
        ),
        why=(
            "Readers give a message from a stranger a few seconds. Short messages get read to the end, where "
            "the ask is; long ones get skimmed or saved for a later that never comes."
        ),
        example="A 220-word cold email that explains the product, the company history and three case studies.",
        instead="Keep one point about the reader, one line of proof and one ask; link to the rest.",
    ),
    options=LengthOptions,
    profiles=("cold-email", "follow-up", "reply", "linkedin", "announcement"),
    fail=(
        "Hi Sam,\n\n" + "Your team runs payroll for four countries and every run takes two days of checking. " * 10
        + "Worth a look?\n",
        Example("Hi Jo,\n\n" + "Following up on the pilot numbers we shared with your team last week. " * 9
                + "Can we talk Tuesday?\n", profile="follow-up"),
        Example("Hi Al,\n\n" + "Saw your post about hiring twenty engineers this quarter. " * 12 + "Open to a chat?\n",
                profile="linkedin"),
    ),
    passes=(
        "Hi Sam,\n\nYour team runs payroll for four countries and every run takes two days of checking. "
        "Worth a look at cutting that to an afternoon?\n",
        Example("Hi Jo,\n\n" + "Following up on the pilot numbers we shared with your team last week. " * 9
                + "Can we talk Tuesday?\n", profile="reply"),
        Example("Hi Al,\n\nSaw your post about hiring twenty engineers this quarter. Open to a chat?\n", profile="linkedin"),
    ),
)
def too_long(ctx: RuleContext) -> Iterator[Finding]:
    opts: LengthOptions = ctx.options  # type: ignore[assignment]
    words = ctx.metrics.words
    if words <= opts.max_words:
        return
    count = 0
    for sent in ctx.body_sentences():
        count += ctx.words_in(sent)
        if count > opts.max_words:
            yield ctx.finding(
                *ctx.trimmed(sent),
                f"the body is {words} words; the {ctx.profile} profile aims for at most {opts.max_words}: "
                "the message passes the limit here; keep one point, one proof and one ask",
                Fix("Cut to one point about the reader, one line of proof and one ask; link to the rest"),
            )
            return


class SentenceOptions(RuleOptions):
    max_words: int = Field(
        default=30, ge=5,
        description="Plain-language guides aim for 15-20 words on average and treat 30+ as hard to follow.",
    )


@rule(
    code="RD004",
    name="long-sentence",
    summary="A sentence too long to take in at a glance (over 30 words).",
    docs=RuleDocs(
        what="Flags each body sentence with more than `max-words` words (default 30; 25 in call scripts).",
        why=(
            "A long sentence makes the reader hold several ideas at once on a small screen. On a call, the "
            "listener cannot re-read it at all."
        ),
        example="We are reaching out because we noticed that many companies in your industry are struggling with "
        "the growing complexity of compliance reporting, which our platform was designed to simplify.",
        instead="Split it: one idea per sentence. \"Compliance reporting keeps growing. Yours could take an afternoon.\"",
    ),
    severity=Severity.INFO,
    options=SentenceOptions,
    fail=(
        "Hi Sam,\n\nWe noticed that many companies in your industry are struggling with the growing complexity "
        "of compliance reporting across several countries and agencies, which is exactly the problem that our "
        "team has spent years learning to solve for finance leaders. Worth a look?\n",
        "Hi Jo,\n\nI wanted to follow up on the conversation we had at the conference last month about how your "
        "support team handles the seasonal spike in tickets and whether a shared inbox with routing rules could "
        "take some of that load off them. Can we talk?\n",
        Example("SELLER: Hi, this is Sam from Acme, and I am calling because we have been helping operations teams "
                "like yours save a few hours a week on scheduling by moving their rotas out of spreadsheets.\n"
                "PROSPECT: Okay.\n", format="script"),
    ),
    passes=(
        "Hi Sam,\n\nCompliance reporting keeps growing. Yours could take an afternoon instead of a week. Worth a look?\n",
        "Hi Jo,\n\nAt the conference you said tickets spike every December. A shared inbox with routing could "
        "take some of that load. Can we talk?\n",
        Example("SELLER: Hi, this is Sam from Acme. We help operations teams take rotas out of spreadsheets.\n"
                "PROSPECT: Okay.\n", format="script"),
    ),
)
def long_sentence(ctx: RuleContext) -> Iterator[Finding]:
    opts: SentenceOptions = ctx.options  # type: ignore[assignment]
    for sent in ctx.body_sentences():
        n = ctx.words_in(sent)
        if n > opts.max_words:
            yield ctx.finding(
                *ctx.trimmed(sent),
                f"this sentence is {n} words (more than {opts.max_words}): split it so each sentence says one thing",
                Fix("Split it at 'and', 'which' or 'because' into sentences of one idea each"),
            )


class WallOptions(RuleOptions):
    max_paragraph_words: int = Field(
        default=80, ge=10,
        description="About five lines on a phone screen; a longer block reads as a wall and gets skipped.",
    )


@rule(
    code="RD005",
    name="wall-of-text",
    summary="A paragraph too long to skim (over 80 words with no break).",
    docs=RuleDocs(
        what=(
            "Flags a body paragraph with more than `max-paragraph-words` words (default 80; 60 on LinkedIn). "
            "A paragraph ends at a blank line."
        ),
        why=(
            "On a phone, 80 words is a screen of unbroken text. Readers skim for the point and the ask; a "
            "wall hides both."
        ),
        example="One block of 120 words with the problem, the product, the proof and the ask run together.",
        instead="Break it into short paragraphs: the reader's situation, what changes, the ask.",
    ),
    severity=Severity.INFO,
    options=WallOptions,
    fail=(
        "Hi Sam,\n\n" + "Your planners re-key every order into the warehouse system by hand each morning. " * 7
        + "Worth a look?\n",
        "Hi Jo,\n\n" + "Your support queue doubled this year and the team is still the same size. " * 7
        + "Can we talk Tuesday?\n",
        Example("Hi Al,\n\n" + "Saw your post about hiring twenty engineers this quarter. " * 8 + "Open to a chat?\n",
                profile="linkedin"),
    ),
    passes=(
        "Hi Sam,\n\n" + "Your planners re-key every order into the warehouse system by hand each morning. " * 3
        + "\n\n" + "Other teams your size cut that step out and got two hours back a day. " * 3 + "\n\nWorth a look?\n",
        "Hi Jo,\n\nYour support queue doubled this year.\n\nCan we talk Tuesday?\n",
        "Hi Al,\n\n" + "Saw your post about hiring twenty engineers this quarter. " * 5 + "Open to a chat?\n",
    ),
)
def wall_of_text(ctx: RuleContext) -> Iterator[Finding]:
    opts: WallOptions = ctx.options  # type: ignore[assignment]
    body = ctx.region("body")
    if body is None:
        return
    pos = body.start
    for block in ctx.text[body.start : body.end].split("\n\n"):
        n = _words(block)
        if n > opts.max_paragraph_words:
            lead = len(block) - len(block.lstrip())
            start = pos + lead
            end = pos + len(block.rstrip())
            first_line_end = ctx.text.find(".", start, end)
            yield ctx.finding(
                start,
                first_line_end + 1 if first_line_end > 0 else end,
                f"this paragraph is {n} words with no break (more than {opts.max_paragraph_words}): split it into "
                "short paragraphs a reader can skim",
                Fix("Break it into the reader's situation, what changes for them, and the ask"),
            )
        pos += len(block) + 2


SHAPE_RULES = [too_long, long_sentence, wall_of_text]
