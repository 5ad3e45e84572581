"""MF002 malformed-merge-field: A merge field with unbalanced braces or broken delimiters ("{{first_name}", "*|FNAME")."""

from __future__ import annotations

from collections.abc import Iterator

from ... import linear_regex
from ...diagnostics import Finding, Fix, Severity
from ...rule import Example, RuleContext, RuleDocs, rule

# What is left of a merge field that did not parse: a stray brace or half a delimiter, with the word
# it is attached to ("{first_name", "company}}", "*|FNAME").
_DELIMITER = linear_regex.compile(r"[{}]|\*\||\|\*|<<|\[(?:first|last|full|company|your)", linear_regex.I)


# Syntaxes no sending tool fills in ("<<First Name>>", "#{name}") are reported the same way.
_BROKEN = linear_regex.compile(r"<<[ \t]*[A-Za-z_][\w .-]{0,40}>>|\S*(?:\{|\}|\*\||\|\*)\S*", linear_regex.I)


# "[First Name" with no "]" later on its line, reported with the word it is attached to.
_BRACKET_OPEN = linear_regex.compile(r"\[(?:first|last|full|company|your)[ _]?name", linear_regex.I)


_WORD_END = frozenset(",.!?")


def _unclosed_brackets(text: str) -> Iterator[tuple[int, int]]:
    """(start, end of the name) of each bracket field that is not closed on its line."""
    stop = -1  # the first "]" or line break at or after the last position asked about
    for m in _BRACKET_OPEN.finditer(text):
        at = m.end()
        if stop < at:  # positions only grow, so each stretch of text is searched once
            close, line_end = text.find("]", at), text.find("\n", at)
            stop = min(p for p in (close, line_end, len(text)) if p >= 0)
        if stop < len(text) and text[stop] == "]":
            continue
        yield m.start(), at


def broken_fields(text: str) -> list[tuple[int, int]]:
    """Spans of what is left of merge fields that did not parse, left to right, never overlapping."""
    delimiters = [m.span() for m in _BROKEN.finditer(text)]
    found: list[tuple[int, int]] = []
    last_end = 0
    brackets = _unclosed_brackets(text)
    bracket = next(brackets, None)
    k = 0
    while k < len(delimiters) or bracket is not None:
        if bracket is None or (k < len(delimiters) and delimiters[k][0] <= bracket[0]):
            start, end = delimiters[k]
            k += 1
        else:
            start, end = bracket
            bracket = next(brackets, None)
            if start >= last_end:  # the attached word is read only for a field that is reported
                while end < len(text) and not (text[end].isspace() or text[end] in _WORD_END):
                    end += 1
        if start >= last_end:
            found.append((start, end))
            last_end = end
    return found


@rule(
    code="MF002",
    name="malformed-merge-field",
    summary="A merge field with unbalanced braces or broken delimiters (\"{{first_name}\", \"*|FNAME\").",
    docs=RuleDocs(
        what=(
            "In any mode, flags what is left of a merge field that did not parse: a stray `{` or `}`, half a "
            "Mailchimp `*|...|*` delimiter, an unclosed `[First Name`, or a syntax no sending tool fills in "
            "(`<<First Name>>`). Well-formed fields are handled by "
            "MF001; code blocks and URLs are not checked."
        ),
        why=(
            "A broken field is never filled in: the sequencing tool sends the braces as typed, and the reader "
            "sees 'Hi {{first_name}' however carefully the rest was written."
        ),
        example="Hi {{first_name},",
        instead="Close the field with the same delimiter it opened with: {{first_name}}.",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Which delimiter was "
            "meant depends on the sending tool, so the field is never rewritten."
        ),
        sources=(
            "Doctrine section 5 (merge fields). The delimiters checked are the merge-tag syntaxes of common "
            "sending tools: Mailchimp's *|FNAME|*, double-brace {{first_name}}, single-brace {FirstName}, "
            "[Company Name] and %FIRSTNAME%."
        ),
    ),
    severity=Severity.ERROR,
    regions=("subject", "greeting", "body", "links"),  # a field left in a link's query string is still unfilled
    fail=(
        Example("Hi {{first_name},\n\nI saw your post about hiring. Worth a chat?\n", mode="template"),
        Example("Subject: Idea for *|COMPANY\n\nHi Sam,\n\nQuick question about your hiring plans?\n", mode="template"),
        Example("Hi Sam,\n\nI read the {company}} launch notes. Can I send you two ideas?\n", mode="rendered"),
        Example("Hi <<First Name>>,\n\nI read the launch notes. Can I send you two ideas?\n", mode="template"),
    ),
    passes=(
        Example("Hi {{first_name}},\n\nI saw your post about hiring. Worth a chat?\n", mode="template"),
        Example("Subject: Idea for *|COMPANY|*\n\nHi Sam,\n\nQuick question about your hiring plans?\n", mode="template"),
        Example("Hi Sam,\n\nI read the launch notes at https://example.com/{id}. Can I send you two ideas?\n", mode="rendered"),
    ),
)
def malformed_merge_field(ctx: RuleContext) -> Iterator[Finding]:
    if not _DELIMITER.search(ctx.text):  # nearly every message: nothing that could be a broken field
        return
    for start, end in broken_fields(ctx.text):
        while end > start and ctx.text[end - 1] in ",.;:!?)":
            end -= 1
        if ctx.prepared.in_url(start, end):
            continue
        if not any(ctx.in_region(r, start, end) for r in ("subject", "greeting", "body")):
            continue
        typed = ctx.quote(start, end)
        yield ctx.finding(
            start,
            end,
            f"malformed merge field '{typed}' would be sent as typed",
            Fix("Write the field the way your sending tool expects, with matching delimiters: {{first_name}}, "
                "*|FNAME|* or [First Name]"),
        )

