"""HTML (including email HTML: tables, inline styles, ``<br>``) to mapped plain text."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from .. import linear_regex
from ..mapped import LineIndex, MappedText, TextBuilder
from .base import Directive, Excluded, SourceNote

_PARAGRAPH_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 table ul ol section article header footer main aside form center "
    "address dl hr".split()
)
_LINE_TAGS = frozenset("br tr dt dd caption".split())
_CELL_TAGS = frozenset(["td", "th"])
_DROP_TAGS = frozenset("script style head title noscript template svg math object iframe".split())
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_QUOTE_CLASSES = linear_regex.compile(r"gmail_quote|yahoo_quoted|moz-cite-prefix|protonmail_quote|OutlookMessageHeader")
_QUOTE_IDS = linear_regex.compile(r"divRplyFwdMsg|appendonsend|x_divRplyFwdMsg")
_SIGNATURE_CLASSES = linear_regex.compile(r"gmail_signature|signature", linear_regex.I)
_ENTITY = linear_regex.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_SPACE_RUN = linear_regex.compile(r"\s+")
_HTML_TAG = linear_regex.compile(r"<(html|body|p|div|br|table|span|a|ul|li|h[1-6])\b", linear_regex.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_TAG.search(text, 0, 4096))


class _Converter(HTMLParser):
    def __init__(self, view: MappedText) -> None:
        super().__init__(convert_charrefs=False)
        self.view = view
        self.lines = LineIndex(view.text)
        self.out = TextBuilder()
        self.last = "\n"  # last character written, for whitespace collapsing
        # A line or paragraph break is written lazily, just before the next visible text, so runs of
        # block tags collapse into one break and no text starts or ends with empty lines.
        self.pending: tuple[str, int, int] | None = None
        self.directives: list[Directive] = []
        self.excluded: list[Excluded] = []
        # Open elements whose content is not linted: (tag, kind or None when dropped, start, depth).
        self.hidden: list[tuple[str, str | None, int, int]] = []
        self.depth: dict[str, int] = {}

    def _index(self) -> int:
        line, col = self.getpos()
        return self.lines.line_start(line) + col

    # -- output ------------------------------------------------------------------------------
    def _request_break(self, text: str, start: int, end: int) -> None:
        if self.hidden:
            return
        if self.pending is None or len(text) > len(self.pending[0]):
            self.pending = (text, start, end)

    def _flush(self) -> None:
        if self.pending is not None:
            text, start, end = self.pending
            self.pending = None
            if self.out.length:
                self.out.insert(text, self.view, start, end)
                self.last = "\n"

    def _emit_text(self, start: int, end: int) -> None:
        if self.hidden or end <= start:
            return
        text = self.view.text
        pos = start
        for m in _SPACE_RUN.finditer(text, start, end):
            if m.start() > pos:
                self._flush()
                self.out.copy(self.view, pos, m.start())
                self.last = text[m.start() - 1]
            if self.last not in " \n" and self.pending is None:
                self.out.insert(" ", self.view, m.start(), m.end())
                self.last = " "
            pos = m.end()
        if pos < end:
            self._flush()
            self.out.copy(self.view, pos, end)
            self.last = text[end - 1]

    def _emit_inserted(self, value: str, start: int, end: int) -> None:
        if self.hidden:
            return
        self._flush()
        self.out.insert(value, self.view, start, end)
        self.last = value[-1]

    # -- parser callbacks --------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._index()
        end = start + len(self.get_starttag_text() or "")
        if tag not in _VOID_TAGS:
            depth = self.depth.get(tag, 0) + 1
            self.depth[tag] = depth
            kind = self._hidden_kind(tag, {k: (v or "") for k, v in attrs})
            if kind is not None or tag in _DROP_TAGS:
                self.hidden.append((tag, kind, start, depth))
                return
        self._break_for(tag, start, end, opening=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._index()
        self._break_for(tag, start, start + len(self.get_starttag_text() or ""), opening=True)

    def handle_endtag(self, tag: str) -> None:
        start = self._index()
        close = self.view.text.find(">", start)
        end = close + 1 if close >= 0 else len(self.view.text)
        depth = self.depth.get(tag, 0)
        if depth <= 0:
            return  # a stray end tag: email HTML is full of them
        if self.hidden and self.hidden[-1][0] == tag and self.hidden[-1][3] == depth:
            _, kind, hidden_start, _ = self.hidden.pop()
            if kind is not None:
                s, e = self.view.to_source(hidden_start, end)
                self.excluded.append(Excluded(kind, s, e))
        self.depth[tag] = depth - 1
        self._break_for(tag, start, end, opening=False)

    def handle_data(self, data: str) -> None:
        start = self._index()
        if self.view.text.startswith(data, start):
            self._emit_text(start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        self._entity()

    def handle_charref(self, name: str) -> None:
        self._entity()

    def _entity(self) -> None:
        m = _ENTITY.match(self.view.text, self._index())
        if not m or self.hidden:
            return
        value = html.unescape(m.group(0))
        if not value.strip():
            if self.last not in " \n" and self.pending is None:
                self.out.insert(" ", self.view, m.start(), m.end())
                self.last = " "
            return
        self._emit_inserted(value, m.start(), m.end())

    def handle_comment(self, data: str) -> None:
        start = self._index()
        end = self.view.text.find("-->", start)
        end = end + 3 if end >= 0 else len(self.view.text)
        s, e = self.view.to_source(start, end)
        self.directives.append(Directive(data.strip(), s, e, "html-comment"))

    # -- helpers -------------------------------------------------------------------------------
    @staticmethod
    def _hidden_kind(tag: str, attr: dict[str, str]) -> str | None:
        cls, ident = attr.get("class", ""), attr.get("id", "")
        if tag == "blockquote" or _QUOTE_CLASSES.search(cls) or _QUOTE_IDS.search(ident):
            return "quoted"
        if _SIGNATURE_CLASSES.search(cls) or attr.get("data-smartmail") == "gmail_signature":
            return "signature"
        if tag in ("pre", "code"):
            return "code"
        return None

    def _break_for(self, tag: str, start: int, end: int, *, opening: bool) -> None:
        if tag in _PARAGRAPH_TAGS:
            self._request_break("\n\n", start, end)
        elif tag == "li" and opening:
            self._request_break("\n", start, end)
            self._emit_inserted("- ", start, end)
        elif tag in _LINE_TAGS and (opening or tag != "br"):
            self._request_break("\n", start, end)
        elif tag in _CELL_TAGS and not opening and self.last not in " \n" and not self.hidden:
            self.out.insert(" ", self.view, start, end)
            self.last = " "


def html_to_text(view: MappedText) -> tuple[MappedText, tuple[Directive, ...], tuple[Excluded, ...], tuple[SourceNote, ...]]:
    """Convert HTML in ``view`` to the text a reader sees, mapped to the source."""
    conv = _Converter(view)
    notes: list[SourceNote] = []
    conv.feed(view.text)
    leftover = conv.rawdata
    if leftover.lstrip().startswith("<"):
        at = len(view.text) - len(leftover) + (len(leftover) - len(leftover.lstrip()))
        line, _ = LineIndex(view.text).line_col(at)
        notes.append(
            SourceNote("E006", f"malformed HTML: unterminated tag or comment at line {line}; text before it was linted")
        )
        conv.rawdata = ""
    conv.close()
    for _tag, kind, start, _depth in reversed(conv.hidden):
        if kind is not None:
            s, e = view.to_source(start, len(view.text))
            conv.excluded.append(Excluded(kind, s, e))
    return conv.out.build(anchor=view.anchor), tuple(conv.directives), tuple(conv.excluded), tuple(notes)
