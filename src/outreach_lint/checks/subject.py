"""SJ001: a subject line too long to read at a glance."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from .. import linear_regex
from ..diagnostics import Finding, Fix, TextEdit
from ..rule import Example, RuleContext, RuleDocs, RuleOptions, rule


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
    ),
    regions=("subject",),
    options=Options,
    profiles=("cold-email", "follow-up", "reply", "announcement"),
    fail=(
        "Subject: Introducing our new AI-powered revenue intelligence platform for modern sales teams\n\nHi Sam,\n\nWorth a look?\n",
        "Subject: Following up on my previous email regarding the partnership opportunity we discussed\n\nHi Jo,\n\nAny thoughts?\n",
        "Subject: Quick question about how your team currently handles quarterly board reporting today\n\nHi Al,\n\nHow do you do it?\n",
    ),
    passes=(
        "Subject: Your Q3 hiring post\n\nHi Sam,\n\nWorth a look?\n",
        "Subject: Onboarding at Northwind\n\nHi Jo,\n\nHow long does it take today?\n",
        "Hi Al,\n\nNo subject here, as in a LinkedIn message. How do you do it?\n",
    ),
)
def subject_too_long(ctx: RuleContext) -> Iterator[Finding]:
    opts: Options = ctx.options  # type: ignore[assignment]
    region = ctx.region("subject")
    if region is None:
        return
    text = ctx.text[region.start : region.end]
    words = len(text.split())
    if words > opts.max_words or len(text) > opts.max_chars:
        yield ctx.finding(
            region.start,
            region.end,
            f"subject has {words} words and {len(text)} characters (limit {opts.max_words} words, {opts.max_chars} "
            "characters): phones cut it off; say one thing about the reader in a few words",
            Fix("Keep the few words about the reader: \"Onboarding at Northwind\""),
        )


_EMAIL_PROFILES = ("cold-email", "follow-up", "announcement")


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
    ),
    regions=("subject",),
    profiles=_EMAIL_PROFILES,
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
    at = region.start if region else (ctx.region("body").start if ctx.region("body") else 0)  # type: ignore[union-attr]
    yield ctx.finding(
        at, at, "the email has no subject: the inbox will show '(no subject)'; add a few words about the reader",
        Fix("Add a subject of a few words about the reader: \"Onboarding at Northwind\""),
    )


_LATIN_WORD = linear_regex.compile(r"[A-Za-z][A-Za-z'-]*")
_SPAM_WORDS = linear_regex.compile(
    r"\b(?:free|100%|guaranteed?|act now|urgent|winner|cash|risk[- ]free|no obligation|limited time|click here|"
    r"once in a lifetime|special promotion|don'?t miss|last chance|earn \$)|\$\$+|!{2,}|\?{2,}",
    linear_regex.I,
)


@rule(
    code="SJ003",
    name="shouting-subject",
    summary="A subject in capitals, with !!! or spam words (\"FREE\", \"act now\", \"100%\").",
    docs=RuleDocs(
        what=(
            "Flags a subject line that is mostly capitals (three or more words), or that contains repeated "
            "punctuation (\"!!\", \"??\", \"$$\") or spam-filter words such as \"free\", \"guaranteed\", "
            "\"act now\", \"urgent\", \"100%\"."
        ),
        why=(
            "Spam filters and people react to the same signals. A shouting subject reads as an advert and is "
            "filtered, by software or by the reader's thumb."
        ),
        example="Subject: FREE AUDIT FOR YOUR TEAM!!!",
        instead="Write it as you would to a colleague: 'Subject: your audit backlog'.",
    ),
    regions=("subject",),
    profiles=_EMAIL_PROFILES + ("reply",),
    fail=(
        "Subject: FREE AUDIT FOR YOUR TEAM\n\nHi Sam,\n\nWorth a look?\n",
        "Subject: Quick question!!!\n\nHi Jo,\n\nWho runs onboarding at Northwind?\n",
        "Subject: Guaranteed results in 30 days\n\nHi Al,\n\nWorth a look?\n",
    ),
    passes=(
        "Subject: Your audit backlog\n\nHi Sam,\n\nWorth a look?\n",
        "Subject: Quick question\n\nHi Jo,\n\nWho runs onboarding at Northwind?\n",
        "Subject: SOC 2 audit at Northwind\n\nHi Al,\n\nWorth a look?\n",
    ),
)
def shouting_subject(ctx: RuleContext) -> Iterator[Finding]:
    region = ctx.region("subject")
    if region is None:
        return
    text = ctx.text[region.start : region.end]
    m = _SPAM_WORDS.search(text)
    if m:
        s, e = region.start + m.start(), region.start + m.end()
        yield ctx.finding(
            s, e, f"'{ctx.quote(s, e)}' in the subject reads as spam to filters and readers: write it as you would to a colleague",
            Fix(f"Drop '{ctx.quote(s, e)}' and name the reader's topic: \"your audit backlog\""),
        )
        return
    words = [w for w in _LATIN_WORD.findall(text)]
    caps = [w for w in words if len(w) > 1 and w.isupper()]
    if len(words) >= 3 and len(caps) * 2 > len(words):
        calm = text[:1].upper() + text[1:].lower()
        yield ctx.finding(
            region.start, region.end, "the subject is in capitals, which reads as shouting: use sentence case",
            Fix(f"Use sentence case: '{calm}' (check names and acronyms)", (TextEdit(region.start, region.end, calm),)),
        )


_REPLY_PREFIX = linear_regex.compile(r"^\s*(?:re|fw|fwd|aw|sv|tr)\s*(?:\[\d+\])?\s*:", linear_regex.I)


@rule(
    code="SJ004",
    name="fake-reply-prefix",
    summary="A first-touch subject that pretends to be a reply or forward (\"RE:\", \"FW:\").",
    docs=RuleDocs(
        what=(
            "In cold emails (a first touch), flags a subject that starts with RE:, FW: or Fwd: when the "
            "message quotes no earlier thread."
        ),
        why=(
            "The reader knows they never wrote to you. A fake reply wins one open and loses their trust for "
            "every message after it."
        ),
        example="Subject: RE: our conversation",
        instead="An honest subject about them: 'Subject: onboarding at Northwind'.",
    ),
    regions=("subject",),
    profiles=("cold-email",),
    fail=(
        "Subject: RE: our conversation\n\nHi Sam,\n\nYour team is hiring analysts. Worth a look?\n",
        "Subject: Fwd: pricing for Northwind\n\nHi Jo,\n\nHere are the numbers. Can we talk Tuesday?\n",
        "Subject: re: quick question\n\nHi Al,\n\nWho owns onboarding at your company?\n",
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
        s, e, f"'{ctx.quote(s, e)}' makes a first message look like a reply: the reader knows it is not; drop the prefix",
        Fix(f"Remove '{ctx.quote(s, e)}'", (TextEdit(s, end, ""),)),
    )
