"""TN002 shouting: Exclamation marks and words in capitals all through the body ("This is HUGE!!")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from ...diagnostics import Finding, Fix, Severity
from ...rule import Example, RuleContext, RuleDocs, RuleOptions, rule

if TYPE_CHECKING:
    from spacy.tokens import Token


class ShoutingOptions(RuleOptions):
    min_marks: int = Field(
        default=3, ge=1,
        description="A single \"Congrats on the launch!\" is warmth; judge a message once it has this many marks.",
    )
    max_density: float = Field(
        default=0.5, gt=0,
        description="Exclamation marks and words in capitals per sentence above which the body shouts.",
    )


@rule(
    code="TN002",
    name="shouting",
    summary="Exclamation marks and words in capitals all through the body (\"This is HUGE!!\").",
    docs=RuleDocs(
        what=(
            "Counts exclamation marks and words written in capitals for emphasis (\"HUGE\", \"NOW\", \"YOU\") in "
            "the body. Flags a message with at least `min-marks` (default 3) and more than `max-density` "
            "(default 0.5) per sentence. Acronyms and codes are not shouting: words of up to three letters "
            "(\"CFO\", \"API\", \"US\"), words with digits (\"Q3\", \"SOC2\"), and names of four letters or more "
            "in the `acronyms` lexicon (\"SAAS\", \"GDPR\"), unless they are everyday words (\"YOU\", \"NOW\", "
            "\"FREE\")."
        ),
        why=(
            "Capitals and exclamation marks are how adverts and spam sound. A colleague does not shout; a "
            "reader who feels shouted at stops reading and may report the message."
        ),
        example="This is HUGE for your team!! Reply NOW and we will set it up TODAY!",
        instead="Say why it matters to them, calmly: \"Your team could close the month two days sooner.\"",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Lowercasing "
            "can break names and acronyms, and which exclamation to keep is the writer's call."
        ),
        sources=(
            "Doctrine section 6 (ALL CAPS and \"FREE!!!\" read as spam) applied to the body as the subject-line "
            "rule SJ003 applies it to the subject. Spam filters score exclamation marks and capitals in bodies "
            "as well as subjects."
        ),
    ),
    severity=Severity.INFO,
    options=ShoutingOptions,
    lexicons=("acronyms",),
    fail=(
        "Hi Sam,\n\nThis is HUGE for your team!! Reply NOW and we will set it up TODAY!\n",
        "Hi Jo,\n\nGreat news! Your rota can be fixed this week! Want to see how? It takes ten minutes!\n",
        "Hi Al,\n\nYou do NOT want to miss this! It is REALLY simple to set up for your stores.\n",
        Example("Hi Kim,\n\nCongrats on the launch! Your team must be proud. How are the first orders going?\n",
                options={"min-marks": 1, "max-density": 0.2}),
    ),
    passes=(
        "Hi Sam,\n\nCongrats on the Leeds launch! How is your team handling the stock counts?\n",
        "Hi Jo,\n\nYour CFO asked about SOC2 and the API in Q3. Our US and EU teams can show the GDPR notes. "
        "Would a call with your CTO and VP of IT help?\n",
        "Hi Al,\n\nYour NASA contract needs HIPAA and FedRAMP checks. Who owns them at your end?\n",
        Example("Hi Sam,\n\nThis is HUGE for your team!! Reply NOW and we will set it up TODAY!\n",
                options={"min-marks": 10}),
    ),
)
def shouting(ctx: RuleContext, opts: ShoutingOptions) -> Iterator[Finding]:
    sentences = list(ctx.body_sentences())
    if not sentences:
        return
    acronyms = {ctx.quote(s, e).lower() for s, e, _ in ctx.lexicon("acronyms")}
    marks: list[tuple[int, int]] = []
    for sent in sentences:
        for token in ctx.tokens_of(sent):
            text = token.text
            if not (text.startswith("!") or (len(text) > 1 and text.isupper())):
                continue  # most words: decided without the URL lookup or the token's neighbours
            if ctx.prepared.in_url(token.idx, token.idx + len(token)):
                continue
            if text.startswith("!") or _shouted(token, acronyms):
                marks.append((token.idx, token.idx + len(token)))
    density = len(marks) / len(sentences)
    if len(marks) < opts.min_marks or density <= opts.max_density:
        return
    quoted = ", ".join(dict.fromkeys(f"'{ctx.quote(s, e)}'" for s, e in marks))
    message = f"{len(marks)} exclamation marks and capitalised words in {len(sentences)} sentences ({quoted}) read as shouting"
    for start, end in marks:
        yield ctx.finding(start, end, message, Fix("Write it as you would to a colleague: lowercase, one exclamation at most"))


# Capitalised everyday words are emphasis even when short ("YOU", "NOW", "NOT"); the country and the
# department are not ("US", "IT").
def _label(token: Token) -> bool:
    """A label opening a line ("SELLER:", "NOTE:", "PS:") names a part of the text; it does not shout."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is None or nxt.text != ":":
        return False
    return token.i == 0 or "\n" in doc[token.i - 1].text or doc[token.i - 1].text_with_ws.endswith("\n")


_NOT_SHOUTED = frozenset({"us", "it", "ok", "id", "am", "pm"})


def _shouted(token: Token, acronyms: set[str]) -> bool:
    text = token.text
    if not (token.is_alpha and text.isupper() and len(text) > 1):
        return False
    if _label(token):
        return False
    lower = text.lower()
    if lower in _NOT_SHOUTED or lower in acronyms:
        return False
    if token.is_stop:
        return True  # "YOU", "NOW", "NOT", "VERY"
    return len(text) > 3  # "HUGE", "TODAY"; shorter capitals are acronyms ("CFO", "API", "SSO")
