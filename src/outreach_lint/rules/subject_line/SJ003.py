"""SJ003 shouting-subject: A subject in capitals, with !!! or spam words ("FREE", "act now", "100%")."""

from __future__ import annotations

from collections.abc import Iterator

from ... import linear_regex
from ...diagnostics import Finding, Fix, TextEdit
from ...rule import RuleContext, RuleDocs, rule
from ._common import EMAIL_PROFILES

_LATIN_WORD = linear_regex.compile(r"[A-Za-z][A-Za-z'-]*")
# Marks of an identifier rather than a word: an underscore, a digit, a path or a file extension.
_IDENTIFIER = linear_regex.compile(r"[_\d/\\]|\w\.\w")


# Phrases that are spam on their own: nobody writes them to a colleague.
_SPAM_PHRASES = linear_regex.compile(
    r"\b(?:act now|risk[- ]free|no obligation|limited time|click here|once in a lifetime|special promotion|"
    r"don'?t miss|last chance|earn \$|guaranteed (?:results|income|returns|savings))|\$\$+|!{2,}|\?{2,}",
    linear_regex.I,
)
# Words that are spam signals only with another one beside them, or in capitals: "Cash flow at Northwind"
# and "Your free trial ended" are ordinary subjects; "FREE cash" and "Urgent: free audit" are not.
_SPAM_WORDS = linear_regex.compile(r"\b(?:free|guaranteed?|urgent|winner|cash)\b|100%", linear_regex.I)


def _spam(text: str) -> tuple[int, int] | None:
    """Where the subject reads as spam: a spam phrase, a spam word in capitals, or two spam signals."""
    m = _SPAM_PHRASES.search(text)
    if m:
        return m.start(), m.end()
    words = list(_SPAM_WORDS.finditer(text))
    shouted = [w for w in words if w.group().isupper()]
    if shouted:
        return shouted[0].start(), shouted[0].end()
    if len(words) >= 2 or (words and "!" in text):
        return words[0].start(), words[-1].end()
    return None


@rule(
    code="SJ003",
    name="shouting-subject",
    summary="A subject in capitals, with !!! or spam words (\"FREE\", \"act now\", \"100%\").",
    docs=RuleDocs(
        what=(
            "Flags a subject line that is mostly capitals (three or more words), or that contains repeated "
            "punctuation (\"!!\", \"??\", \"$$\") or a spam-filter phrase such as \"act now\", \"risk-free\" "
            "or \"last chance\". A spam-filter word such as \"free\", \"cash\", \"urgent\" or \"100%\" is "
            "flagged in capitals (\"FREE\"), next to another one or with an exclamation mark; alone it is an "
            "ordinary word (\"Cash flow at Northwind\")."
        ),
        why=(
            "Spam filters and people react to the same signals. A shouting subject reads as an advert and is "
            "filtered, by software or by the reader's thumb."
        ),
        example="Subject: FREE AUDIT FOR YOUR TEAM!!!",
        instead="Write it as you would to a colleague: 'Subject: your audit backlog'.",
        fix_safety=(
            "Unsafe: for a subject in capitals the suggestion carries an edit to sentence case, but --fix never "
            "applies it, since lowercasing breaks names and acronyms (\"ACME\", \"SaaS\", \"NYC\"); apply it in "
            "an editor or the --diff output after checking them. A spam word gets advice only."
        ),
        sources=(
            "Doctrine section 6 (ALL CAPS and spammy subjects). Spam filters score the same signals: "
            "SpamAssassin has rules for an all-capitals subject and for words such as \"free\", \"guaranteed\" "
            "and \"act now\"."
        ),
    ),
    regions=("subject",),
    profiles=EMAIL_PROFILES + ("reply",),
    fail=(
        "Subject: Q4 PRICING UPDATE\n\nHi Kim,\n\nWorth a look?\n",
        "Subject: FREE AUDIT FOR YOUR TEAM\n\nHi Sam,\n\nWorth a look?\n",
        "Subject: Quick question!!!\n\nHi Jo,\n\nWho runs onboarding at Northwind?\n",
        "Subject: Guaranteed results in 30 days\n\nHi Al,\n\nWorth a look?\n",
        "Subject: Urgent: free audit for your team\n\nHi Kim,\n\nWorth a look?\n",
    ),
    passes=(
        "Subject: Your audit backlog\n\nHi Sam,\n\nWorth a look?\n",
        "Subject: Quick question\n\nHi Jo,\n\nWho runs onboarding at Northwind?\n",
        "Subject: SOC 2 audit at Northwind\n\nHi Al,\n\nWorth a look?\n",
        "Subject: Cash flow in your second quarter\n\nHi Kim,\n\nWorth a look?\n",
        "Subject: RATES_FINAL_V7\n\nHi Kim,\n\nIs the rate sheet on your shared drive still called that?\n",
    ),
)
def shouting_subject(ctx: RuleContext) -> Iterator[Finding]:
    region = ctx.region("subject")
    if region is None:
        return
    text = ctx.text[region.start : region.end]
    m = _spam(text)
    if m:
        s, e = region.start + m[0], region.start + m[1]
        yield ctx.finding(
            s, e, f"'{ctx.quote(s, e)}' in the subject reads as spam",
            Fix(f"Drop '{ctx.quote(s, e)}' and name the reader's topic, as you would to a colleague: \"your audit backlog\""),
        )
        return
    # A file or field name ("QUOTES_FINAL_v7", "Q4") is quoted, not shouted: it is a word of the subject
    # but never a shouted one.
    chunks = text.split()
    words = [w for c in chunks if not _IDENTIFIER.search(c) for w in _LATIN_WORD.findall(c)]
    caps = [w for w in words if len(w) > 1 and w.isupper()]
    counted = len(words) + sum(1 for c in chunks if _IDENTIFIER.search(c))
    if counted >= 3 and len(caps) * 2 > counted:
        calm = text[:1].upper() + text[1:].lower()
        yield ctx.finding(
            region.start, region.end, f"subject in capitals reads as shouting: '{ctx.quote(region.start, region.end)}'",
            Fix(f"Use sentence case: '{calm}' (check names and acronyms)", (TextEdit(region.start, region.end, calm),)),
        )

