"""Template files (Jinja, Liquid, Handlebars, Mustache): comments and control tags come out.

Comments are where suppression directives live in templates (rendering strips them, so they never
reach a reader). Expressions such as ``{{ first_name }}`` stay in the text; the merge-field pass turns
them into opaque names.
"""

from __future__ import annotations


from .. import linear_regex
from ..mapped import MappedText, TextBuilder
from .base import Directive

TEMPLATE_EXTENSIONS = (".j2", ".jinja", ".jinja2", ".liquid", ".hbs", ".handlebars", ".mustache")

_COMMENT = linear_regex.compile(
    r"\{#-?(?P<jinja>.*?)-?#\}"
    r"|\{\{!--(?P<hbs_long>.*?)--\}\}"
    r"|\{\{!(?P<hbs>.*?)\}\}"
    r"|\{%-?\s*comment\s*-?%\}(?P<liquid>.*?)\{%-?\s*endcomment\s*-?%\}",
    linear_regex.S,
)
# Block helpers and partials carry no words of their own.
_CONTROL = linear_regex.compile(r"\{\{[#/^>][^{}]*\}\}|\{\{\s*else\s*\}\}|\{%-?.*?-?%\}", linear_regex.S)


# Template logic in a file that is not named as a template (Postmark and Foundation keep theirs as
# .html): a block helper or partial, a comment, a Liquid/Jinja tag, or an expression with a filter.
_TEMPLATE_SYNTAX = linear_regex.compile(
    r"\{\{[#/^>!][^{}\n]{0,200}\}\}|\{%-?[ \t]*[A-Za-z][^%\n]{0,200}%\}|\{#[^\n]{0,200}?#\}"
    r"|\{\{[^{}|\n]{1,120}\|[^{}\n]{1,120}\}\}"
)


def has_template_syntax(text: str) -> bool:
    """Whether ``text`` holds template logic, not just merge fields (``{{first_name}}`` alone is not)."""
    return _TEMPLATE_SYNTAX.search(text) is not None


_SPACE = frozenset(" \t\n")


def leading_comments(text: str, pos: int = 0) -> tuple[list[tuple[int, int, str]], int]:
    """The template comments at ``text[pos:]`` before anything else (blank lines between them allowed).

    Returns each comment's span and inner text, and where the first other character is. A comment on
    the first line of a draft ("{# step 2 #}") is template syntax, so what follows it is still the
    top of the draft.
    """
    found: list[tuple[int, int, str]] = []
    n = len(text)
    while True:
        at = pos
        while at < n and text[at] in _SPACE:
            at += 1
        m = _COMMENT.match(text, at) if text.startswith("{", at) else None
        if m is None:
            return found, at
        found.append((m.start(), m.end(), next(g for g in m.groups() if g is not None)))
        pos = m.end()


def strip_template_syntax(view: MappedText) -> tuple[MappedText, tuple[Directive, ...]]:
    b = TextBuilder()
    directives: list[Directive] = []
    pos = 0
    spans: list[tuple[int, int]] = []
    for m in _COMMENT.finditer(view.text):
        inner = next(g for g in m.groups() if g is not None)
        s, e = view.to_source(m.start(), m.end())
        directives.append(Directive(inner.strip(), s, e, "template-comment"))
        spans.append(m.span())
    for m in _CONTROL.finditer(view.text):
        if not any(s <= m.start() < e for s, e in spans):
            spans.append(m.span())
    for start, end in sorted(spans):
        if start < pos:
            continue
        b.copy(view, pos, start)
        pos = end
    b.copy(view, pos, len(view.text))
    return b.build(anchor=view.anchor), tuple(directives)
