"""MF001 unfilled-merge-field: A merge field ({{first_name}}, *|FNAME|*, [Company Name]) is still in a rendered message."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Fix, Severity
from ...placeholders import MergeField, names_a_party
from ...rule import Example, RuleContext, RuleDocs, rule


@rule(
    code="MF001",
    name="unfilled-merge-field",
    summary="A merge field ({{first_name}}, *|FNAME|*, [Company Name]) is still in a rendered message.",
    docs=RuleDocs(
        what=(
            "In rendered mode (the default for .eml, .mbox, JSON records, stdin and the Python API's "
            "lint_message) every merge field still present is reported. Template files accept them. Blanks "
            "a writer leaves for a person to fill count too: \"[insert company here]\", \"<first name>\", "
            "\"(Company)\", \"INSERT PLAN NAME HERE\", \"COMPANY NAME HERE\", \"XXXX\" and \"___\" inside a line of "
            "words (a line of underscores is a separator, and \"XXX-1234\" is an identifier)."
        ),
        why=(
            "'Hi {{first_name}}' tells the reader they are one row in a spreadsheet. It undoes every other "
            "effort to make the message about them, and it is impossible to take back once sent."
        ),
        example="Hi {{first_name}}, I noticed [Company Name] is hiring.",
        instead="Fill in every field before sending, or lint the file in template mode if it is a template.",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. The value of a field "
            "lives in the sending tool's data, not in the draft."
        ),
        sources=(
            "Doctrine section 5: merge fields left unfilled in a message about to be sent (in a template they "
            "are expected)."
        ),
    ),
    severity=Severity.ERROR,
    regions=("subject", "greeting", "body", "links"),  # a field left in a link's query string is still unfilled
    fail=(
        Example("Hi {{first_name}},\n\nI saw your post about hiring. Worth a chat?\n", mode="rendered"),
        Example("Subject: Idea for *|COMPANY|*\n\nHi Sam,\n\nQuick question about your hiring plans?\n", mode="rendered"),
        Example("Hi Sam,\n\nI read the [Company Name] launch notes. Can I send you two ideas?\n", mode="rendered"),
        Example("Hi Sam,\n\nCongrats on [insert recent news here]. Can I send you two ideas?\n", mode="rendered"),
        Example("[Your Name]\nHi Roberta, I'm calling about the weekend gaps on your Leeds rota. Call me on 0113 496 "
                "0000.\n", mode="rendered", profile="script"),
        Example("Hi Sam,\n\nOur new INSERT PLAN NAME HERE saves teams ___ hours a week. Can I send you two ideas?\n",
                mode="rendered"),
    ),
    passes=(
        Example("Hi {{first_name}},\n\nI saw your post about hiring. Worth a chat?\n", mode="template"),
        Example("Hi Sam,\n\nI saw your post about hiring. Worth a chat?\n", mode="rendered"),
        Example("Hi Sam,\n\nCongrats on [insert recent news here]. Can I send you two ideas?\n", mode="template"),
        Example("Hi Sam,\n\nTicket XXX-4410 is fixed. Can I send you two ideas?\n\n__________\nSam Lee\n",
                mode="rendered"),
        Example("Hi Sam,\n\nYour Q3 report [1] mentions 40% growth. How are you staffing for it?\n", mode="rendered"),
        Example("[Kai]: Morning, is this Roberta?\n[Roberta]: Speaking.\n[Kai]: I'm calling about your Leeds rota. "
                "How do you plan the weekend shifts today?\n", mode="rendered", profile="script"),
        Example("Hi Roberta, it's Kai from Rotaly about the weekend gaps on your Leeds rota\n[Pause]\nThe Saturday "
                "shifts are the ones we can cover. Call me on 0113 496 0000.\n", mode="rendered", profile="script"),
        Example("[Voicemail]\nHi Roberta, it's Kai from Rotaly. I'm calling about the weekend gaps on your Leeds rota. "
                "Call me on 0113 496 0000.\n", mode="rendered", profile="script"),
    ),
)
def unfilled_merge_field(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.mode != "rendered":
        return
    for f in ctx.prepared.merge_fields:
        if ctx.profile == "script" and (_speaker_label(ctx.text, f.start, f.end) or _stage_direction(ctx, f)):
            # "[Kai]: Morning!" names who speaks in a call script, and a "[Voicemail]" line says which part
            # of it follows; neither is a field to fill
            continue
        typed = ctx.quote(f.start, f.end)
        yield ctx.finding(
            f.start,
            f.end,
            f"unfilled merge field {typed}",
            Fix("Fill in the field before sending (check the sending tool's data for this contact), or lint "
                "templates with --mode template"),
        )


def _stage_direction(ctx: RuleContext, field: MergeField) -> bool:
    """A bracketed word that is a line of its own in a script ("[Voicemail]", "[Pause]") and names no
    person or company a rep would fill in ("[Your Name]" alone on a line still is a blank). Lines are
    read in the source: the linted text joins a line to the one before when it reads as wrapped."""
    if field.syntax != "bracket" or names_a_party(field.name):
        return False
    source = ctx.prepared.message.source
    start, end = ctx.prepared.text.to_source(field.start, field.end)
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    return not source[line_start:start].strip() and not source[end : len(source) if line_end < 0 else line_end].strip()


def _speaker_label(text: str, start: int, end: int) -> bool:
    """A bracketed name alone at the start of a line and followed by a colon: a script's speaker label."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t*•-\"“") and text[end : end + 1] == ":"
