"""The rule model: what a rule declares about itself and what it is given when it runs."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

from . import linear_regex
from .analyses import ANALYSES, CONDITIONS, UnknownAnalysis, analyses_named
from .analyses.references import seller_name_tokens
from .diagnostics import Finding, Fix, Severity
from .names import PROFILES

if TYPE_CHECKING:  # spaCy is only imported where a pipeline is loaded
    from spacy.tokens import Doc, Span, Token

    from .analyses.asks import Ask
    from .analyses.metrics import Metrics
    from .regions import LintedMessage, Region

CODE_RE = linear_regex.compile(r"^[A-Z]{2,3}[0-9]{3}$")
_PREFIX = linear_regex.compile(r"[A-Z]+")
NAME_RE = linear_regex.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
PREFIX_RE = linear_regex.compile(r"^[A-Z]{2,3}$")
ANNOTATIONS = frozenset({"ORTH", "LOWER", "POS", "TAG", "MORPH", "LEMMA", "DEP", "SENT_START"})
# "links" is not a part of the message but a permission: a rule that lists it may report inside URLs
# (a merge field in a link's query string is still unfilled); findings of other rules there are dropped.
REGION_KINDS = ("subject", "greeting", "opening", "body", "ask_zone", "links")


def prefix_of(code: str) -> str:
    """The capitals a code starts with (``CTA`` for CTA001): what a :class:`Family` declares."""
    prefix = _PREFIX.match(code)
    return prefix.group(0) if prefix else ""


def category_of(code: str, families: Mapping[str, Family]) -> str:
    """The name of the family that declares the code's prefix, or ``other`` when none does."""
    family = families.get(prefix_of(code))
    return family.name if family is not None else "other"


@dataclass(frozen=True)
class Family:
    """A rule family: a code prefix and the category its rules are filed under.

    Every distribution that ships rules declares the prefixes it uses (the built-ins in each
    ``outreach_lint/rules/<family>/__init__.py``, a plugin beside its provider) and returns them with its
    rules; no central list exists. ``origin`` is filled in by the loader from the distribution's metadata.
    """

    prefix: str
    name: str
    summary: str
    origin: str = ""

    def validate(self) -> list[str]:
        problems = []
        if not PREFIX_RE.match(self.prefix):
            problems.append(f"prefix {self.prefix!r} must be 2-3 capitals (like PC or CTA)")
        if not NAME_RE.match(self.name):
            problems.append(f"name {self.name!r} must be kebab-case")
        if not self.summary.strip():
            problems.append("summary must say what the family's rules look for")
        return problems


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


def short(text: str, limit: int = 60) -> str:
    """A quote cut to ``limit`` characters with an ellipsis: messages stay one short clause."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
    # When --fix may apply the rule's suggestions and when it must not (or that they are advice only).
    fix_safety: str = ""
    # Where the rule's reason and thresholds come from: a doctrine section, a named formula or guide.
    sources: str = ""


@dataclass(frozen=True)
class Example:
    """A message a rule must flag (fail) or leave alone (pass). ``text`` is a draft file's content.

    ``options`` are the rule's options for this example, as ``[rules.CODE]`` would set them
    (``{"max-words": 40}``), so an example can show what a threshold does. ``fixed``, when given, is
    the text --fix must make of ``text`` with this rule's safe suggestions, exactly.
    """

    text: str
    profile: str | None = None
    mode: str | None = None
    format: str = "text"
    model: str | None = None  # a pipeline to run the example with (e.g. "blank:en")
    # Left out of the hash (a mapping has none); read-only, since an example is a value.
    options: Mapping[str, Any] = field(default_factory=dict, hash=False)
    fixed: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", MappingProxyType(dict(self.options)))


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
    origin: str = ""  # the distribution that ships the rule ("outreach-lint"), set when it is loaded
    needs_readability: bool = False  # loads textstat's syllable data
    lexicons: tuple[str, ...] = ()  # word lists from packs the rule reads (ctx.lexicon)
    source: str = ""  # the file that defines the rule, as its package names it (set when it is loaded)
    analyses: tuple[str, ...] = ()  # shared analyses the rule reads (outreach_lint.analyses: asks, metrics...)
    # Message conditions that silence the rule (outreach_lint.analyses.CONDITIONS: "polite-close").
    unless: tuple[str, ...] = ()

    @property
    def reads(self) -> tuple[str, ...]:
        """The analyses the rule reads, with those its ``unless`` conditions read."""
        known = [CONDITIONS[c].analysis for c in self.unless if c in CONDITIONS]
        return tuple(dict.fromkeys([*self.analyses, *known]))

    @property
    def needs(self) -> frozenset[str]:
        """The annotations the rule needs: its own and those of the analyses it reads."""
        return self.requires.union(*(a.requires for a in analyses_named(self.reads)))

    @property
    def word_lists(self) -> tuple[str, ...]:
        """The lexicons the rule reads, its analyses' included."""
        return tuple(dict.fromkeys([*self.lexicons, *(n for a in analyses_named(self.reads) for n in a.lexicons)]))

    @property
    def wants_readability(self) -> bool:
        return self.needs_readability or any(a.readability for a in analyses_named(self.reads))
    # The name of the family declaring the code's prefix: filled in by the registry from the declarations.
    category: str = "other"

    def validate(self) -> list[str]:
        """Problems with the declaration itself (checked when a rule is registered)."""
        problems = []
        if not CODE_RE.match(self.code):
            problems.append(f"code {self.code!r} must look like PC001 (2-3 capitals and 3 digits)")
        if not NAME_RE.match(self.name):
            problems.append(f"name {self.name!r} must be kebab-case")
        unknown = set(self.requires) - ANNOTATIONS
        if unknown:
            problems.append(f"requires unknown annotations {sorted(unknown)}")
        bad_regions = set(self.regions) - set(REGION_KINDS)
        if bad_regions:
            problems.append(f"unknown regions {sorted(bad_regions)}")
        try:
            analyses_named(self.analyses)
        except UnknownAnalysis as exc:
            problems.append(str(exc))
        unknown_conditions = sorted(set(self.unless) - set(CONDITIONS))
        if unknown_conditions:
            problems.append(f"unknown conditions {unknown_conditions} in 'unless': known ones are {', '.join(sorted(CONDITIONS))}")
        if self.stability not in ("stable", "preview"):
            problems.append("stability must be 'stable' or 'preview'")
        return problems


class RuleContext:
    """Everything a rule may read about one message. Rules never read files or print.

    Built complete by the engine, once per message, and shared by every rule; a rule's options are passed
    to the rule beside it, not stored here. Shared analyses (:mod:`outreach_lint.analyses`) are computed on
    first use through :meth:`analysis`.
    """

    def __init__(
        self,
        doc: Doc,
        prepared: LintedMessage,
        *,
        profile: str,
        mode: str,
        seller_names: tuple[str, ...],
        matches: Mapping[str, list[tuple[int, int, str]]],
        annotations: frozenset[str],
        wanted: frozenset[str] = frozenset(),
    ) -> None:
        self.doc = doc
        self.prepared = prepared
        self.text = prepared.text.text
        self.profile = profile
        self.mode = mode
        self.seller_names = seller_names
        self.annotations = annotations  # what the pipeline that made ``doc`` provides
        self._wanted = wanted  # the analyses the run's rules read
        self._matches = matches
        self._lexicon_starts: dict[str, list[int]] = {}
        self._lexicons: dict[str, list[tuple[int, int, str]]] = {}
        self._body_sentences: list[Span] | None = None
        self._tokens: list[Token] | None = None
        self._memo: dict[str, Any] = {}
        self._analyses: dict[str, Any] = {}

    # -- shared analyses ---------------------------------------------------------------------------
    def can(self, name: str) -> bool:
        """Whether this message's pipeline provides what the analysis ``name`` reads."""
        return ANALYSES[name].requires <= self.annotations

    def wants(self, name: str) -> bool:
        """Whether a rule of this run reads the analysis ``name`` (the reading grade is only computed then)."""
        return name in self._wanted

    def analysis(self, name: str) -> Any:
        """The result of a shared analysis, computed once per message.

        Raises MissingAnnotations when the pipeline lacks what it reads: the engine skips rules whose
        analyses it cannot serve, so only a rule that reads an analysis it did not declare meets this.
        """
        if name not in self._analyses:
            missing = ANALYSES[name].requires - self.annotations
            if missing:
                raise MissingAnnotations(
                    f"the {name!r} analysis needs {', '.join(sorted(missing))}, which the pipeline does not provide "
                    "(declare it in the rule's analyses)"
                )
            self._analyses[name] = ANALYSES[name].compute(self)
        return self._analyses[name]

    @property
    def asks(self) -> tuple[Ask, ...]:
        """The asks found in the body (see outreach_lint.analyses.asks)."""
        return self.analysis("asks")  # type: ignore[no-any-return]

    @property
    def metrics(self) -> Metrics:
        return self.analysis("metrics")  # type: ignore[no-any-return]

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
            words += [p.text.text[pos : max(pos, f.start)], f.typed]
            pos = max(pos, f.end)
        words.append(p.text.text[pos:max(pos, end)])
        return " ".join("".join(words).split())


class MissingAnnotations(RuntimeError):
    """An analysis was asked of a Doc whose pipeline lacks the annotations it reads."""


@runtime_checkable
class Rule(Protocol):
    meta: RuleMeta

    def check(self, ctx: RuleContext, options: Any) -> Iterable[Finding]: ...


@dataclass(frozen=True)
class FunctionRule:
    """A rule written as a plain function decorated with :func:`rule`.

    The function takes the context, and its options when the rule declares an options model:
    ``def check(ctx: RuleContext, opts: MyOptions)``, so the options arrive typed.
    """

    meta: RuleMeta
    func: Callable[..., Iterable[Finding]]

    def check(self, ctx: RuleContext, options: Any) -> Iterable[Finding]:
        if self.meta.options is NoOptions:
            return self.func(ctx)
        return self.func(ctx, options)


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
    analyses: Iterable[str] = (),
    unless: Iterable[str] = (),
    origin: str = "",
) -> Callable[[Callable[..., Iterable[Finding]]], FunctionRule]:
    """Declare a Python rule: ``@rule(code="PC001", ...)`` on ``def check(ctx): yield ...``.

    ``origin`` need not be given: a rule loaded through the ``outreach_lint.rules`` entry points is
    stamped with the name and version of the distribution that installed it, whatever it says here.
    """

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
        analyses=tuple(analyses),
        unless=tuple(unless),
    )

    def wrap(func: Callable[..., Iterable[Finding]]) -> FunctionRule:
        return FunctionRule(meta, func)

    return wrap


@dataclass(frozen=True)
class EngineFacts:
    """What the engine knows about one message once its rules have run: what the OL rules report on.

    Offsets are into the message's source file.
    """

    source: str
    bounds: tuple[int, int]  # the part of the source this message covers (one record of a jsonl file)
    body_start: int
    skipped: tuple[tuple[str, str], ...] = ()  # (code, reason): rules the pipeline cannot serve
    failed: tuple[str, ...] = ()  # "CODE (Error: ...)": rules that raised on this message
    unused: tuple[Any, ...] = ()  # suppress.Suppression directives that suppressed nothing
    malformed: tuple[Any, ...] = ()  # suppress.Malformed directives


@dataclass(frozen=True)
class EngineFinding:
    """A finding an OL rule makes, in source offsets (directives and decoding damage are not linted text)."""

    start: int
    end: int
    message: str
    region: str = "body"


@dataclass(frozen=True)
class EngineRule:
    """A rule about the run itself (suppressions, skipped rules, decoding), not about the copy.

    It never reads the Doc: the engine calls ``report`` with the message's :class:`EngineFacts`, before
    suppressions are applied, or after them when ``after_suppressions`` (the rules about directives).
    """

    meta: RuleMeta
    report: Callable[[EngineFacts], Iterable[EngineFinding]]
    after_suppressions: bool = False

    def check(self, ctx: RuleContext, options: Any) -> Iterable[Finding]:
        return ()


def engine_rule(
    *, after_suppressions: bool = False, **declaration: Any
) -> Callable[[Callable[[EngineFacts], Iterable[EngineFinding]]], EngineRule]:
    """Declare an OL rule: ``@engine_rule(code="OL003", ...)`` on ``def report(facts): yield ...``.

    Takes the declaration :func:`rule` takes (docs, severity, examples...).
    """

    def wrap(func: Callable[[EngineFacts], Iterable[EngineFinding]]) -> EngineRule:
        meta = rule(**declaration)(func).meta
        return EngineRule(meta, func, after_suppressions)

    return wrap
