"""Merge fields: the placeholders a sequencing tool fills in (``{{first_name}}``, ``*|FNAME|*``...).

They are recognised before parsing and stand in the parsed text as one neutral word, so
"Hi {{first_name}}," parses as an ordinary greeting while diagnostics still point at the field.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from . import linear_regex
from .linear_regex import Match

# Order matters: longer delimiters first so ``{{{x}}}`` is not read as ``{{x}}`` plus braces.
# Each name group is n<digit>; a syntax with two spellings has two groups.
_SYNTAXES: tuple[tuple[str, str], ...] = (
    ("handlebars-raw", r"\{\{\{\s*(?P<n1>[^{}]{1,80}?)\s*\}\}\}"),
    # The character after "{{" is not a block or comment sigil (! # / ^ >): either the name starts
    # there, or spaces do. "{{ }}" (one space) is a field whose name is that space.
    ("double-brace", r"\{\{(?:\s+(?P<n2>[^{}]{1,120}?)|(?P<n9>[^!#/^>{}\s][^{}]{0,119}?)|(?P<n0>\s))\s*\}\}"),
    ("salesforce", r"\{!\s*(?P<n3>[A-Za-z_][\w.]{0,80})\s*\}"),
    ("mailchimp", r"\*\|(?P<n4>[A-Z0-9_:]{1,40})\|\*"),
    ("percent", r"%(?P<n5>[A-Za-z][A-Za-z0-9_]{1,40})%"),
    ("single-brace", r"\{(?P<n6>[A-Za-z_][A-Za-z0-9_. -]{0,40}?)\}"),
    ("bracket", r"\[(?P<n7>(?:[A-Z][A-Za-z0-9_']*|[A-Z][A-Z0-9_]*)(?:[ _](?:[A-Za-z][A-Za-z0-9_']*)){0,4})\]"),
    ("liquid-tag", r"\{%-?\s*(?P<n8>[^%]{1,200}?)\s*-?%\}"),
    # Blanks a writer leaves for a person, not a tool, to fill ("[insert company here]", "<first name>",
    # "(Company)", "INSERT PLAN NAME HERE", "XXXX", "___"): no sending tool replaces them, so in a rendered
    # message they are as unfilled as "{{company}}", and in a template a rep fills them in per send.
    ("instruction", r"\[(?P<n10>(?i:insert|add|enter|put|personali[sz]ed?|custom|specific|mention|their|your)"
                    r"\b[^\[\]\n]{0,60})\]"),
    ("angle", r"<(?P<n11>(?i:(?:first|last|full|contact|prospect|company|business)[ _]?name|name|company|title|"
              r"job[ _]title|role|industry|city|product|date|link|url))>"),
    ("parenthesis", r"\((?P<n12>(?:First |Last |Full |Contact |Company )?Name|Company(?: Name)?|Job Title|"
                    r"Title|Industry)\)"),
    ("capitals", r"\b(?P<n13>INSERT(?:[ \t]+[A-Z][A-Z'’]*){1,4}|(?:(?:COMPANY|PROSPECT|CONTACT|FIRST|LAST|"
                 r"PRODUCT|CITY|INDUSTRY|TITLE|LINK|URL|DATE|STORE|BRAND|NAME)[ \t]+){1,3}HERE)\b"),
    ("blank", r"\b(?P<n14>[Xx]{3,})\b|(?P<n15>_{3,})"),
)
MERGE_FIELD_RE = linear_regex.compile("|".join(f"(?P<{name.replace('-', '_')}>{rx})" for name, rx in _SYNTAXES))

_PERSON = linear_regex.compile(r"name|first|last|contact|recipient|lead|prospect|fname|lname|sender|rep", linear_regex.I)
_COMPANY = linear_regex.compile(r"company|org|account|business|employer|firm|brand|client", linear_regex.I)


def _in_context(m: Match, text: str) -> bool:
    """The context conditions a linear-time pattern cannot state: a single-brace field is not part of
    ``{{``, ``\\{`` or ``${`` and not followed by another ``}``; a bracket field is not a Markdown link.

    Rejecting a candidate loses nothing: no syntax can start inside one (their names hold no
    opening delimiter) or at its first character (the other syntaxes open differently).
    """
    syntax = m.lastgroup
    if syntax == "single_brace":
        start, end = m.span()
        return (start == 0 or text[start - 1] not in "{\\$") and not text.startswith("}", end)
    if syntax == "bracket":
        return not text.startswith("(", m.end())
    if syntax == "angle":  # "<<First Name>>" is no tool's syntax: MF002 reports it as malformed
        start, end = m.span()
        return not (text[start - 1 : start] == "<" or text.startswith(">", end))
    if syntax == "blank":
        return _blank_in_a_line_of_words(m, text)
    return True


def _blank_in_a_line_of_words(m: Match, text: str) -> bool:
    """A run of x's or underscores is a blank to fill in only inside a line of words ("costs ___ a month"):
    a line of underscores is a separator, and "XXX-1234" or "xxx@" is part of an identifier."""
    start, end = m.span()
    if not (_word_on_line(text, start - 1, -1) or _word_on_line(text, end, 1)):
        return False
    after = text[end : end + 1]
    return not (after.isalnum() or after in "-@_/")


def _word_on_line(text: str, at: int, step: int) -> bool:
    """Whether something other than white space stands on the same line, from ``at`` going ``step`` (-1 or 1).

    The walk stops at the first character that is not white space, so each run of spaces is walked
    by one blank at most and a line of many blanks costs time linear in its length.
    """
    while 0 <= at < len(text) and text[at] != "\n" and text[at].isspace():
        at += step
    return 0 <= at < len(text) and text[at] != "\n"


def merge_fields(text: str) -> Iterator[Match]:
    """Every merge field in ``text``, left to right."""
    for m in MERGE_FIELD_RE.finditer(text):
        if _in_context(m, text):
            yield m


@dataclass(frozen=True)
class MergeField:
    """A placeholder in the linted text (offsets in linted-text coordinates)."""

    name: str
    syntax: str
    start: int
    end: int
    typed: str = ""  # the field as the reader's text has it (decoded), before it became a placeholder


# The name groups of each syntax, by the syntax's group name: a match reads only its own syntax's
# groups (a dict of every group, for each of thousands of fields, was most of the cost of a long text).
def _group_names(rx: str) -> tuple[str, ...]:
    names, at = [], rx.find("(?P<")
    while at >= 0:
        close = rx.index(">", at)
        names.append(rx[at + 4 : close])
        at = rx.find("(?P<", close)
    return tuple(names)


_NAME_GROUPS: dict[str, tuple[str, ...]] = {name.replace("-", "_"): _group_names(rx) for name, rx in _SYNTAXES}


def field_name(match: Match) -> tuple[str, str]:
    """The field's name and syntax for a match of :func:`merge_fields`."""
    group = match.lastgroup or ""
    name = next(v for v in (match.group(g) for g in _NAME_GROUPS[group]) if v is not None)
    return name.strip(), group.replace("_", "-")


def names_a_party(name: str) -> bool:
    """Whether a field's name asks for a person or a company ("first_name", "Your Name", "Company")."""
    return bool(_PERSON.search(name) or _COMPANY.search(name))


@lru_cache(maxsize=4096)
def placeholder_for(name: str, syntax: str) -> str:
    """A word the parser reads the way a filled-in value would be read."""
    if syntax == "liquid-tag":
        return ""  # control flow ({% if %}) has no text of its own
    if _COMPANY.search(name):
        return "Northwind"
    if _PERSON.search(name):
        return "Alex"
    return "Placeholder"

