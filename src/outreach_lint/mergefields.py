"""Merge fields: the placeholders a sequencing tool fills in (``{{first_name}}``, ``*|FNAME|*``...).

They are recognised before parsing and stand in the parsed text as one neutral word, so
"Hi {{first_name}}," parses as an ordinary greeting while diagnostics still point at the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Order matters: longer delimiters first so ``{{{x}}}`` is not read as ``{{x}}`` plus braces.
_SYNTAXES: tuple[tuple[str, str], ...] = (
    ("handlebars-raw", r"\{\{\{\s*(?P<n1>[^{}]{1,80}?)\s*\}\}\}"),
    ("double-brace", r"\{\{(?![!#/^>])\s*(?P<n2>[^{}]{1,120}?)\s*\}\}"),
    ("salesforce", r"\{!\s*(?P<n3>[A-Za-z_][\w.]{0,80})\s*\}"),
    ("mailchimp", r"\*\|(?P<n4>[A-Z0-9_:]{1,40})\|\*"),
    ("percent", r"%(?P<n5>[A-Za-z][A-Za-z0-9_]{1,40})%"),
    ("single-brace", r"(?<![{\\$])\{(?P<n6>[A-Za-z_][A-Za-z0-9_. -]{0,40}?)\}(?!\})"),
    ("bracket", r"\[(?P<n7>(?:[A-Z][A-Za-z0-9_']*|[A-Z][A-Z0-9_]*)(?:[ _](?:[A-Za-z][A-Za-z0-9_']*)){0,4})\](?!\()"),
    ("liquid-tag", r"\{%-?\s*(?P<n8>[^%]{1,200}?)\s*-?%\}"),
)
# Every syntax opens with one of these characters; the lookahead lets the regex engine pass over all
# other positions at once instead of trying each syntax there (ten times faster on ordinary prose).
_OPENERS = r"(?=[{*%\[])"
MERGE_FIELD_RE = re.compile(_OPENERS + "(?:" + "|".join(f"(?P<{name.replace('-', '_')}>{rx})" for name, rx in _SYNTAXES) + ")")

_PERSON = re.compile(r"name|first|last|contact|recipient|lead|prospect|fname|lname|sender|rep", re.I)
_COMPANY = re.compile(r"company|org|account|business|employer|firm|brand|client", re.I)


@dataclass(frozen=True)
class MergeField:
    """A placeholder in the linted text (offsets in linted-text coordinates)."""

    name: str
    syntax: str
    start: int
    end: int


def field_name(match: re.Match[str]) -> tuple[str, str]:
    """The field's name and syntax for a match of :data:`MERGE_FIELD_RE`."""
    syntax = (match.lastgroup or "").replace("_", "-")
    name = next(v for k, v in match.groupdict().items() if k[0] == "n" and k[1:].isdigit() and v is not None)
    return name.strip(), syntax


def placeholder_for(name: str, syntax: str) -> str:
    """A word the parser reads the way a filled-in value would be read."""
    if syntax == "liquid-tag":
        return ""  # control flow ({% if %}) has no text of its own
    if _COMPANY.search(name):
        return "Northwind"
    if _PERSON.search(name):
        return "Alex"
    return "Placeholder"


def is_control_expression(name: str) -> bool:
    """Template logic rather than a value (``{{#if}}``, ``{{ else }}``)."""
    head = name.split()[0] if name.split() else ""
    return head in {"else", "end", "endif", "endfor", "if", "for", "unless", "each", "with"}
