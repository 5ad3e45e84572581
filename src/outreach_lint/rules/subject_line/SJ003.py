"""SJ003 shouting-subject: A subject in capitals, with !!! or spam words ("FREE", "act now", "100%")."""

from __future__ import annotations

from collections.abc import Iterator

from ... import linear_regex
from ...diagnostics import Finding, Fix, TextEdit
from ...rule import RuleContext, RuleDocs, rule
from ._common import EMAIL_PROFILES

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
            s, e, f"'{ctx.quote(s, e)}' in the subject reads as spam",
            Fix(f"Drop '{ctx.quote(s, e)}' and name the reader's topic, as you would to a colleague: \"your audit backlog\""),
        )
        return
    words = [w for w in _LATIN_WORD.findall(text)]
    caps = [w for w in words if len(w) > 1 and w.isupper()]
    if len(words) >= 3 and len(caps) * 2 > len(words):
        calm = text[:1].upper() + text[1:].lower()
        yield ctx.finding(
            region.start, region.end, f"subject in capitals reads as shouting: '{ctx.quote(region.start, region.end)}'",
            Fix(f"Use sentence case: '{calm}' (check names and acronyms)", (TextEdit(region.start, region.end, calm),)),
        )

