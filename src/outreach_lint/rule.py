"""The rule model: what a rule declares about itself and what it is given when it runs."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

from . import linear_regex
from .diagnostics import Finding, Fix, Severity

if TYPE_CHECKING:  # spaCy is only imported where a pipeline is loaded
    from spacy.tokens import Doc, Span, Token

    from .regions import Prepared, Region

CODE_RE = linear_regex.compile(r"^[A-Z]{2,3}[0-9]{3}$")
_PREFIX = linear_regex.compile(r"[A-Z]+")
NAME_RE = linear_regex.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
CATEGORIES: dict[str, str] = {
    "PC": "product-centric",
    "FH": "feature-heavy",
    "CTA": "call-to-action",
    "PR": "pressure",
    "GN": "generic",
    "MF": "merge-fields",
    "RD": "readability",
    "SJ": "subject-line",
    "OL": "engine",
}
ANNOTATIONS = frozenset({"ORTH", "LOWER", "POS", "TAG", "MORPH", "LEMMA", "DEP", "SENT_START"})
REGION_KINDS = ("subject", "greeting", "opening", "body", "ask_zone")
PROFILES = ("cold-email", "follow-up", "reply", "linkedin", "script", "announcement")


def category_of(code: str) -> str:
    prefix = _PREFIX.match(code)
    return CATEGORIES.get(prefix.group(0) if prefix else "", "other")


def lexicon_key(name: str) -> str:
    """Where a pack lexicon's matches are filed among the shared matcher's results (rules use codes)."""
    return "@" + name


def longest_first(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop matches that overlap a longer (or earlier equal) one; keep text order.

    The matches kept never overlap, so sorted by start their ends rise too: a candidate can only
    overlap the last kept match that starts before its end (a bisection, not a scan of all of them).
    """
    chosen: list[tuple[int, int, str]] = []
    starts: list[int] = []
    for h in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0])):
        j = bisect.bisect_left(starts, h[1])
        if j and chosen[j - 1][1] > h[0] and chosen[j - 1][0] < h[1]:
            continue
        k = bisect.bisect_left(chosen, h)
        chosen.insert(k, h)
        starts.insert(k, h[0])
    return chosen


class RuleOptions(BaseModel):
    """Base for a rule's options: validated from ``[rules.CODE]``, unknown keys rejected, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class NoOptions(RuleOptions):
    """Rules without options still validate their config table: it must be empty."""


@dataclass(frozen=True)
class RuleDocs:
    what: str
    why: str
    example: str
    instead: str


@dataclass(frozen=True)
class Example:
    """A message a rule must flag (fail) or leave alone (pass). ``text`` is a draft file's content."""

    text: str
    profile: str | None = None
    mode: str | None = None
    format: str = "text"
    model: str | None = None  # a pipeline to run the example with (e.g. "blank:en")


@dataclass(frozen=True)
class Examples:
    fail: tuple[Example, ...] = ()
    passes: tuple[Example, ...] = ()


@dataclass(frozen=True)
class RuleMeta:
    code: str
    name: str
    summary: str
    docs: RuleDocs
    severity: Severity = Severity.WARNING
    regions: tuple[str, ...] = ("body",)
    requires: frozenset[str] = frozenset()
    options: type[BaseModel] = NoOptions
    stability: str = "stable"
    examples: Examples = field(default_factory=Examples)
    profiles: tuple[str, ...] = PROFILES  # the profiles the rule runs in
    origin: str = "builtin"
    needs_readability: bool = False  # loads textstat's syllable data
    lexicons: tuple[str, ...] = ()  # word lists from packs the rule reads (ctx.lexicon)

    @property
    def category(self) -> str:
        return category_of(self.code)

    def validate(self) -> list[str]:
        """Problems with the declaration itself (checked when a rule is registered)."""
        problems = []
        if not CODE_RE.match(self.code):
            problems.append(f"code {self.code!r} must look like PC001 (2-3 capitals and 3 digits)")
        elif category_of(self.code) == "other" and self.origin == "builtin":
            problems.append(f"code {self.code!r} uses an unknown prefix")
        if not NAME_RE.match(self.name):
            problems.append(f"name {self.name!r} must be kebab-case")
        unknown = set(self.requires) - ANNOTATIONS
        if unknown:
            problems.append(f"requires unknown annotations {sorted(unknown)}")
        bad_regions = set(self.regions) - set(REGION_KINDS)
        if bad_regions:
            problems.append(f"unknown regions {sorted(bad_regions)}")
        if self.stability not in ("stable", "preview"):
            problems.append("stability must be 'stable' or 'preview'")
        return problems


class RuleContext:
    """Everything a rule may read about one message. Rules never read files or print."""

    def __init__(
        self,
        doc: Doc,
        prepared: Prepared,
        *,
        options: BaseModel | None,
        profile: str,
        mode: str,
        seller_names: tuple[str, ...],
        metrics: Any,
        matches: dict[str, list[tuple[int, int, str]]],
        asks: tuple[Any, ...] = (),
    ) -> None:
        self.doc = doc
        self.prepared = prepared
        self.text = prepared.text.text
        self.options = options
        self.profile = profile
        self.mode = mode
        self.seller_names = seller_names
        self.metrics = metrics
        self.asks = asks  # the asks found in the body (see outreach_lint.asks)
        self._matches = matches
        self._lexicon_starts: dict[str, list[int]] = {}
        self._lexicons: dict[str, list[tuple[int, int, str]]] = {}
        self._body_sentences: list[Span] | None = None
        self._tokens: list[Token] | None = None
        self._memo: dict[str, Any] = {}

    # -- regions -------------------------------------------------------------------------------
    def region(self, kind: str) -> Region | None:
        return self.prepared.region(kind)

    @property
    def subject(self) -> str | None:
        r = self.region("subject")
        return None if r is None else self.text[r.start : r.end]

    @property
    def tokens(self) -> list[Token]:
        """The Doc's tokens, made once per message.

        spaCy builds a new Token object each time a Doc or Span is indexed or iterated; rules that walk
        sentences share these instead (``tokens_of``), which keeps the rules' cost small beside the parse.
        """
        if self._tokens is None:
            self._tokens = list(self.doc)
        return self._tokens

    def tokens_of(self, span: Span) -> list[Token]:
        """The tokens of a sentence or other span of this Doc, from the shared list."""
        return self.tokens[span.start : span.end]

    def words_in(self, span: Span) -> int:
        """Words (alphabetic or number-like tokens) in a span: the count the length rules use."""
        return sum(1 for t in self.tokens_of(span) if t.is_alpha or t.like_num)

    def trimmed(self, span: Span) -> tuple[int, int]:
        """(start, end) of a span without its trailing whitespace (a sentence's line break): where a
        finding about the whole sentence points."""
        return span.start_char, span.start_char + len(self.text[span.start_char : span.end_char].rstrip())

    def body_sentences(self) -> Iterator[Span]:
        """Sentences of the body (not the subject or greeting) that contain words."""
        yield from self._sentences()

    def _sentences(self) -> list[Span]:
        if self._body_sentences is None:  # many rules ask; the sentences are found once per message
            body = self.region("body")
            self._body_sentences = [] if body is None else [
                sent for sent in self.doc.sents
                if sent.start_char >= body.start and any(t.is_alpha for t in self.tokens_of(sent))
            ]
        return self._body_sentences

    def in_region(self, kind: str, start: int, end: int) -> bool:
        if kind == "opening":
            sentences = self._sentences()
            return bool(sentences) and sentences[0].start_char <= start and end <= sentences[0].end_char
        for r in self.prepared.spans(kind):
            if r.start <= start and end <= r.end:
                return True
        return False

    def matches(self, code: str) -> list[tuple[int, int, str]]:
        """Shared matcher results for a pack rule: (start_char, end_char, pattern id)."""
        return self._matches.get(code, [])

    def seller_tokens(self) -> set[int]:
        """Indices of tokens that belong to a configured seller name ("Acme Cloud"), found once."""
        from .metrics import seller_name_tokens

        return self.memo("seller_tokens", lambda: seller_name_tokens(self.doc, self.seller_names))

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute something several rules need once per message (``key`` names it)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def lexicon(self, name: str) -> list[tuple[int, int, str]]:
        """Matches of a pack lexicon in the whole text, longest first on overlaps, in text order."""
        if name not in self._lexicons:
            self._lexicons[name] = longest_first(self._matches.get(lexicon_key(name), []))
        return self._lexicons[name]

    def lexicon_in(self, name: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """Lexicon matches that fall inside ``[start, end)`` (a sentence, say).

        Found by bisection on the matches' starts: rules ask once per sentence, and a scan of every
        match each time made long messages quadratic.
        """
        hits = self.lexicon(name)
        starts = self._lexicon_starts.get(name)
        if starts is None:
            starts = self._lexicon_starts[name] = [h[0] for h in hits]
        found = []
        for k in range(bisect.bisect_left(starts, start), len(hits)):
            h = hits[k]
            if h[0] >= end:
                break
            if h[1] <= end:
                found.append(h)
        return found

    def finding(self, start: int, end: int, message: str, *fixes: Fix, severity: Severity | None = None) -> Finding:
        return Finding(start, end, message, tuple(fixes), severity)

    def quote(self, start: int, end: int) -> str:
        """The words as the reader reads them (decoded: no markup, entities, escapes or transfer
        encoding), with merge fields as the user typed them rather than as their placeholders."""
        p = self.prepared
        words, pos = [], start
        for f in p.merge_fields[bisect.bisect_right(p.merge_fields, start, key=lambda f: f.end) :]:
            if f.start >= end:
                break
            s, e = p.text.to_source(f.start, f.end)
            words += [p.text.text[pos : max(pos, f.start)], p.message.source[s:e]]
            pos = max(pos, f.end)
        words.append(p.text.text[pos:max(pos, end)])
        return " ".join("".join(words).split())


@runtime_checkable
class Rule(Protocol):
    meta: RuleMeta

    def check(self, ctx: RuleContext) -> Iterable[Finding]: ...


@dataclass(frozen=True)
class FunctionRule:
    """A rule written as a plain function decorated with :func:`rule`."""

    meta: RuleMeta
    func: Callable[[RuleContext], Iterable[Finding]]

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        return self.func(ctx)


def rule(
    *,
    code: str,
    name: str,
    summary: str,
    docs: RuleDocs,
    severity: Severity | str = Severity.WARNING,
    regions: Iterable[str] = ("body",),
    requires: Iterable[str] = (),
    options: type[BaseModel] = NoOptions,
    stability: str = "stable",
    fail: Iterable[str | Example] = (),
    passes: Iterable[str | Example] = (),
    profiles: Iterable[str] = PROFILES,
    needs_readability: bool = False,
    lexicons: Iterable[str] = (),
    origin: str = "builtin",
) -> Callable[[Callable[[RuleContext], Iterable[Finding]]], FunctionRule]:
    """Declare a Python rule: ``@rule(code="PC001", ...)`` on ``def check(ctx): yield ...``."""

    def as_example(e: str | Example) -> Example:
        return e if isinstance(e, Example) else Example(e)

    meta = RuleMeta(
        code=code,
        name=name,
        summary=summary,
        docs=docs,
        severity=Severity.parse(severity),
        regions=tuple(regions),
        requires=frozenset(requires),
        options=options,
        stability=stability,
        examples=Examples(tuple(map(as_example, fail)), tuple(map(as_example, passes))),
        profiles=tuple(profiles),
        origin=origin,
        needs_readability=needs_readability,
        lexicons=tuple(lexicons),
    )

    def wrap(func: Callable[[RuleContext], Iterable[Finding]]) -> FunctionRule:
        return FunctionRule(meta, func)

    return wrap
