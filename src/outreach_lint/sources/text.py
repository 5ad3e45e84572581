"""Plain text and Markdown drafts: optional front matter, an optional ``Subject:`` first line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import linear_regex
from ..mapped import MappedText, TextBuilder
from .base import Directive, Excluded, SourceNote
from .html import html_to_text
from .template import leading_comments

_FRONT_MATTER = linear_regex.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", linear_regex.S)
_SUBJECT_LINE = linear_regex.compile(r"\A[ \t]*(?:subject|subj)[ \t]*:[ \t]*(?P<value>[^\n]*?)[ \t]*(?:\n|\Z)", linear_regex.I)
_HTML_COMMENT = linear_regex.compile(r"<!--(.*?)-->", linear_regex.S)
DIRECTIVE_KEY = "outreach-lint"


@dataclass(frozen=True)
class Header:
    """What a draft declares about itself before the body starts."""

    body: MappedText
    subject: MappedText | None
    meta: dict[str, Any]
    directives: tuple[Directive, ...]
    notes: tuple[SourceNote, ...]


def split_header(root: MappedText, *, allow_front_matter: bool) -> Header:
    """Peel front matter and a ``Subject:`` line off the top of a text draft."""
    text = root.text
    pos = 0
    meta: dict[str, Any] = {}
    directives: list[Directive] = []
    notes: list[SourceNote] = []
    subject: MappedText | None = None
    fm = _FRONT_MATTER.match(text) if allow_front_matter else None
    if fm:
        pos = fm.end()
        meta, fm_notes = _load_front_matter(fm.group(1) or "")
        notes.extend(fm_notes)
        raw = meta.get(DIRECTIVE_KEY)
        if raw is not None:
            values = raw if isinstance(raw, list) else [raw]
            s, e = root.to_source(fm.start(), fm.end())
            for value in values:
                directives.append(Directive(f"{DIRECTIVE_KEY}: {value}", s, e, "front-matter"))
        subject_value = meta.get("subject")
        if isinstance(subject_value, str) and subject_value.strip():
            subject = _find_value(root, fm.start(), fm.end(), subject_value.strip())
    m = _SUBJECT_LINE.match(text, pos) if subject is None else None
    if m is None and subject is None:
        # Template comments may come first ("{# step 2 #}" above the Subject line): they are template
        # syntax, so the subject still starts the draft. They are taken off only when a subject follows.
        comments, after = leading_comments(text, pos)
        m = _SUBJECT_LINE.match(text, after) if comments else None
        if m:
            for start, end, inner in comments:
                s, e = root.to_source(start, end)
                directives.append(Directive(inner.strip(), s, e, "template-comment"))
    if m:
        subject = root.slice(m.start("value"), m.end("value"))
        pos = m.end()
    return Header(root.slice(pos, len(text)), subject, meta, tuple(directives), tuple(notes))


def _find_value(root: MappedText, start: int, end: int, value: str) -> MappedText:
    found = root.text.find(value, start, end)
    if found >= 0:
        return root.slice(found, found + len(value))
    b = TextBuilder()
    b.insert(value, root, start, end)
    return b.build()


def _load_front_matter(block: str) -> tuple[dict[str, Any], list[SourceNote]]:
    import srsly  # deferred: only drafts with front matter pay for the YAML parser

    try:
        data = srsly.yaml_loads(block) if block.strip() else {}
    except Exception as exc:  # ruamel raises many types; any of them means bad YAML
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return {}, [SourceNote("E011", f"front matter is not valid YAML ({first}); it was ignored")]
    if not isinstance(data, dict):
        return {}, [SourceNote("E011", "front matter must be a YAML mapping; it was ignored")]
    return {str(k).lower(): v for k, v in data.items()}, []


def html_comments(view: MappedText) -> tuple[MappedText, tuple[Directive, ...]]:
    """Drop HTML comments from ``view``, keeping any that are directives."""
    b = TextBuilder()
    directives: list[Directive] = []
    pos = 0
    for m in _HTML_COMMENT.finditer(view.text):
        b.copy(view, pos, m.start())
        s, e = view.to_source(m.start(), m.end())
        directives.append(Directive(m.group(1).strip(), s, e, "html-comment"))
        pos = m.end()
    b.copy(view, pos, len(view.text))
    return b.build(anchor=view.anchor), tuple(directives)


_FENCE = linear_regex.compile(r"^[ \t]{0,3}(```|~~~)")
_HEADING = linear_regex.compile(r"^[ \t]{0,3}#{1,6}[ \t]+")
_IMAGE = linear_regex.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = linear_regex.compile(r"\[(?P<text>[^\]\n]+)\]\((?P<url>[^)\s]+)(?:[ \t]+\"[^\"\n]*\")?\)")
# Strong emphasis: "**" or "__", text that starts and ends with a non-space, the same delimiter.
_STRONG = linear_regex.compile(r"\*\*(?P<inner>\S(?:.*?\S)??)\*\*|__(?P<inner_u>\S(?:.*?\S)??)__")
_INLINE_CODE = linear_regex.compile(r"`([^`\n]+)`")
# A thematic break: three or more of one of "-", "*", "_", spaces allowed between them.
_RULE_LINE = linear_regex.compile(r"^[ \t]{0,3}(?:-(?:[ \t]*-){2,}|\*(?:[ \t]*\*){2,}|_(?:[ \t]*_){2,})[ \t]*$")


# Raw HTML blocks, as CommonMark starts them: a <pre>, <script>, <style> or <textarea> block runs to
# the line that closes it; a block-level tag, or any complete tag alone on a line after a blank line,
# runs to the next blank line.
_HTML_RAW_BLOCK = linear_regex.compile(r"^[ \t]{0,3}<(?P<tag>pre|script|style|textarea)(?:[ \t>]|$)", linear_regex.I)
_HTML_BLOCK = linear_regex.compile(
    r"^[ \t]{0,3}</?(?:address|article|aside|blockquote|body|center|details|dialog|div|dl|dd|dt|fieldset|figure|"
    r"footer|form|h[1-6]|head|header|hr|html|iframe|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|"
    r"thead|title|tr|ul)(?:[ \t/>]|$)",
    linear_regex.I,
)
_HTML_TAG_LINE = linear_regex.compile(r"^[ \t]{0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t][^<>\n]*)?/?>|</[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$")


def _html_block_end(lines: list[str], i: int, after_blank: bool) -> int | None:
    """The index after the last line of a raw HTML block starting at ``lines[i]``, if one starts there."""
    raw = _HTML_RAW_BLOCK.match(lines[i])
    if raw:
        close = f"</{raw.group('tag').lower()}"
        for j in range(i, len(lines)):
            if close in lines[j].lower():
                return j + 1
        return len(lines)
    if _HTML_BLOCK.match(lines[i]) or (after_blank and _HTML_TAG_LINE.match(lines[i].rstrip("\n"))):
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        return j
    return None


def markdown_to_text(view: MappedText) -> tuple[MappedText, tuple[Excluded, ...]]:
    """Strip Markdown markup while keeping the words (and their offsets) the reader will see.

    Raw HTML blocks are read as the HTML reader reads them: ``<pre>``, ``<code>``, ``<style>`` and
    ``<script>`` are not prose, and the words between tags are.
    """
    b = TextBuilder()
    excluded: list[Excluded] = []
    text = view.text
    in_fence = False
    fence_start = 0
    pos = 0
    lines = text.splitlines(keepends=True)
    skip_to = 0
    for i, line in enumerate(lines):
        start, end = pos, pos + len(line)
        pos = end
        if i < skip_to:
            continue
        if not in_fence and "<" in line:
            block_end = _html_block_end(lines, i, i == 0 or not lines[i - 1].strip())
            if block_end is not None:
                stop = start + sum(len(x) for x in lines[i:block_end])
                body, _, html_excluded, _ = html_to_text(view.slice(start, stop))
                excluded.extend(html_excluded)
                b.copy(body, 0, len(body))
                # Keep the paragraph break the block made, so text around it stays apart.
                b.insert("\n", view, stop - 1, stop)
                skip_to = block_end
                continue
        if _FENCE.match(line):
            if not in_fence:
                in_fence, fence_start = True, start
            else:
                in_fence = False
                s, e = view.to_source(fence_start, end)
                excluded.append(Excluded("code", s, e))
                # Keep the paragraph break the block made, so text around it stays apart.
                b.insert("\n", view, fence_start, end)
            continue
        if in_fence:
            continue
        if _RULE_LINE.match(line):
            b.insert("\n", view, start, end)
            continue
        heading = _HEADING.match(line)
        content_start = start + (heading.end() if heading else 0)
        _copy_inline(b, view, content_start, end)
    if in_fence:
        s, e = view.to_source(fence_start, len(text))
        excluded.append(Excluded("code", s, e))
    return b.build(anchor=view.anchor), tuple(excluded)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _single_star_emphasis(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of ``*emphasis*`` in ``text[start:end]``.

    An opening star not after a word character or another star, text with no star or line break
    that starts and ends with a non-space, and a closing star not followed by another. The text
    holds no star, so the closing star is the next one: each candidate looks only as far as the next
    star, and the whole line is read once.
    """
    found: list[tuple[int, int]] = []
    i = text.find("*", start, end)
    while i >= 0:
        j = text.find("*", i + 1, end)
        if j < 0:
            break
        if (
            (i == 0 or not (_is_word_char(text[i - 1]) or text[i - 1] == "*"))
            and j > i + 1
            and not text[i + 1].isspace()
            and not text[j - 1].isspace()
            and text.find("\n", i + 1, j) < 0
            and not text.startswith("*", j + 1)
        ):
            found.append((i, j + 1))
            i = text.find("*", j + 1, end)
        else:
            i = j
    return found


def _copy_inline(b: TextBuilder, view: MappedText, start: int, end: int) -> None:
    """Copy one line, unwrapping links, emphasis and code spans."""
    text = view.text
    spans: list[tuple[int, int, list[tuple[int, int]] | None]] = []
    # Collect replacement spans: (match start, match end, kept sub-spans or None to drop).
    for rx, keep in ((_IMAGE, None), (_LINK, "text"), (_INLINE_CODE, 1)):
        for m in rx.finditer(text, start, end):
            spans.append((m.start(), m.end(), None if keep is None else [m.span(keep)]))
    for m in _STRONG.finditer(text, start, end):
        inner = "inner" if m.group("inner") is not None else "inner_u"
        spans.append((m.start(), m.end(), [m.span(inner)]))
    spans.extend((s, e, [(s + 1, e - 1)]) for s, e in _single_star_emphasis(text, start, end))
    spans.sort()
    pos = start
    for s, e, keep in spans:
        if s < pos:
            continue  # overlaps an earlier construct; leave it as written
        b.copy(view, pos, s)
        for ks, ke in keep or ():
            _copy_inline(b, view, ks, ke)
        pos = e
    b.copy(view, pos, end)
