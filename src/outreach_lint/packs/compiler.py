"""Pack rules at run time: one shared set of matchers for every pack rule and lexicon.

All phrase and pattern rules compile once per pipeline: phrases (and token patterns that are only
words) into PhraseMatchers, one-word lemma lists into a hash table, and the remaining token patterns
into an AnchoredMatcher (see ``anchors``). Each Doc is scanned once by the phrase matchers and the
table, its token patterns run per code when a rule or analysis first reads the code, and the matches
are handed to the rules by code. Rules then apply their kind's logic.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..diagnostics import Finding, Fix, Severity, TextEdit
from ..rule import (
    PROFILES,
    Example,
    Examples,
    RuleContext,
    RuleDocs,
    RuleMeta,
    lexicon_key,
    longest_first,
)
from .anchors import AnchoredMatcher, plain_heads
from .loader import PackError, pattern_requirements, read_pack, requirements
from .schema import ExampleSpec, RuleSpec, Terms

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_SEP = "\x1f"
_FIELDS = {
    "phrase": {"match"},
    "pattern": {"match"},
    "substitute": {"match", "replacement"},
    "count": {"count", "min", "max", "match"},
    "ratio": {"numerator", "denominator", "ratio", "match"},
}


@dataclass(frozen=True)
class PackRule:
    """A declarative rule from a YAML pack."""

    meta: RuleMeta
    spec: RuleSpec

    def term_groups(self) -> Iterator[tuple[str, Terms]]:
        s = self.spec
        if s.kind == "ratio":
            assert s.numerator is not None and s.denominator is not None
            yield "num", s.numerator
            yield "den", s.denominator
        elif s.kind == "substitute":
            for term in s.substitutions:
                yield term, Terms(phrases=[term], attr="LOWER")
        else:
            yield "", Terms(phrases=s.phrases, patterns=s.patterns, attr=s.attr)

    def check(self, ctx: RuleContext, options: Any = None) -> Iterable[Finding]:
        hits = [m for m in ctx.matches(self.meta.code) if self._in_regions(ctx, m[0], m[1])]
        kind = self.spec.kind
        if kind in ("phrase", "pattern", "substitute"):
            for start, end, label in longest_first(hits):
                yield self._match_finding(ctx, start, end, label)
        elif kind == "count":
            yield from self._count(ctx, longest_first(hits))
        else:
            yield from self._ratio(ctx, hits)

    def _in_regions(self, ctx: RuleContext, start: int, end: int) -> bool:
        return any(ctx.in_region(r, start, end) for r in self.meta.regions)

    def _format(self, **values: Any) -> str:
        return self.spec.message.format(**values)

    def _advice(self, **values: Any) -> tuple[Fix, ...]:
        """The pack's suggestion as a fix with no edits: advice the writer applies by hand."""
        if not self.spec.suggestion:
            return ()
        return (Fix(self.spec.suggestion.format(**values)),)

    def _match_finding(self, ctx: RuleContext, start: int, end: int, label: str) -> Finding:
        words = ctx.quote(start, end)
        if self.spec.kind != "substitute":
            return ctx.finding(start, end, self._format(match=words), *self._advice(match=words))
        replacement = self.spec.substitutions[label]
        original = ctx.text[start:end]
        if original[:1].isupper() and replacement:
            replacement = replacement[0].upper() + replacement[1:]
        fix = Fix(f"Replace '{words}' with '{replacement}'", (TextEdit(start, end, replacement),), safe=True)
        return ctx.finding(start, end, self._format(match=words, replacement=replacement), fix)

    def _count(self, ctx: RuleContext, hits: list[tuple[int, int, str]]) -> Iterator[Finding]:
        s = self.spec
        n = len(hits)
        values = {"count": n, "min": s.min, "max": s.max}
        if s.min is not None and n < s.min:
            anchor = _last_sentence(ctx, self.meta.regions)
            if anchor is not None:
                words = ctx.quote(*anchor)
                yield ctx.finding(*anchor, self._format(match=words, **values), *self._advice(match=words, **values))
        if s.max is not None and n > s.max:
            start, end, _ = hits[s.max]
            words = ctx.quote(start, end)
            yield ctx.finding(start, end, self._format(match=words, **values), *self._advice(match=words, **values))

    def _ratio(self, ctx: RuleContext, hits: list[tuple[int, int, str]]) -> Iterator[Finding]:
        s = self.spec
        num = longest_first([h for h in hits if h[2] == "num"])
        den = longest_first([h for h in hits if h[2] == "den"])
        if len(num) < s.min_count or not num:
            return
        ratio = len(num) / len(den) if den else float("inf")
        low = s.min_ratio is not None and ratio < s.min_ratio
        high = s.max_ratio is not None and ratio > s.max_ratio
        if low or high:
            start, end, _ = num[0]
            values = {"numerator": len(num), "denominator": len(den), "ratio": _ratio_text(len(num), len(den)),
                      "match": ctx.quote(start, end)}
            yield ctx.finding(start, end, self._format(**values), *self._advice(**values))


def _ratio_text(numerator: int, denominator: int) -> str:
    """A ratio as it is said: "3.5 to 1", "6 to 1", and "6 to 0" when nothing matched the denominator
    (a quotient would be infinite, and "infx" or "no" reads as a bug in a message)."""
    if not denominator:
        return f"{numerator} to 0"
    return f"{numerator / denominator:.1f}".removesuffix(".0") + " to 1"


def _last_sentence(ctx: RuleContext, regions: tuple[str, ...]) -> tuple[int, int] | None:
    last = None
    for sent in ctx.body_sentences():
        if any(ctx.in_region(r, sent.start_char, sent.end_char) for r in regions):
            last = (sent.start_char, sent.end_char)
    return last


def _example(e: str | ExampleSpec) -> Example:
    if isinstance(e, str):
        return Example(e)
    return Example(e.text, profile=e.profile, mode=e.mode, options=e.options, fixed=e.fixed)


def rules_from_pack(path: Path, origin: str, *, trusted: bool = False) -> list[PackRule]:
    spec = read_pack(path, trusted=trusted)
    out = []
    for r in spec.rules:
        allowed = _FIELDS[r.kind]
        for field_name, text in (("message", r.message), ("suggestion", r.suggestion or "")):
            for _, name, _, _ in string.Formatter().parse(text):
                if name is not None and name.split(".")[0].split("[")[0] not in allowed:
                    raise PackError(
                        f"rule pack {path}: rule {r.code} field '{field_name}': unknown placeholder {{{name}}} "
                        f"(a {r.kind} rule offers {', '.join(sorted(allowed))})"
                    )
        meta = RuleMeta(
            code=r.code,
            name=r.name,
            summary=r.summary,
            docs=RuleDocs(r.docs.what, r.docs.why, r.docs.example, r.docs.instead, r.docs.fix_safety, r.docs.sources),
            severity=Severity.parse(r.severity),
            regions=tuple(r.regions),
            requires=requirements(r),
            stability=r.stability,
            examples=Examples(tuple(map(_example, r.examples.fail)), tuple(map(_example, r.examples.passes))),
            profiles=tuple(r.profiles) if r.profiles else PROFILES,
            origin=f"{origin} ({path.name})",
            unless=tuple(r.unless),
        )
        problems = meta.validate()
        if problems:
            raise PackError(f"rule pack {path}: rule {r.code}: {'; '.join(problems)}")
        out.append(PackRule(meta, r))
    return out


def _by_hash(words: Mapping[str, set[str]]) -> dict[int, frozenset[str]]:
    """The same table keyed by spaCy's string hashes, as the Doc's attribute array holds them."""
    from spacy.strings import hash_string

    out: dict[int, set[str]] = {}
    for word, keys in words.items():
        out.setdefault(hash_string(word), set()).update(keys)
    return {h: frozenset(keys) for h, keys in out.items()}


_MAX_EXPANSION = 400


def expand_to_phrases(pattern: list[dict[str, Any]]) -> tuple[str, list[list[str]]] | None:
    """The attribute and word sequences a plain-word pattern matches, or None if it uses anything else.

    Plain means each token constrains only LOWER or ORTH to a string or an IN list, optionally with OP
    "?". The attribute is LOWER unless some token needs an exact case ("URGENT"), then ORTH (every token
    must then be ORTH). Expansions larger than a few hundred phrases stay token patterns.
    """
    attrs = {next(iter(set(t) - {"OP"}), "") for t in pattern}
    exact = any(
        (set(t) - {"OP"}) == {"ORTH"} and any(o != o.lower() for o in _values(t["ORTH"])) for t in pattern
    )
    if exact and attrs != {"ORTH"}:
        return None
    sequences: list[list[str]] = [[]]
    for token in pattern:
        op = token.get("OP")
        keys = set(token) - {"OP"}
        if op not in (None, "?") or len(keys) != 1:
            return None
        (attr,) = keys
        value = token[attr]
        if isinstance(value, str):
            options = [value]
        elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
            options = list(value["IN"])
        else:
            return None
        if attr not in ("LOWER", "ORTH"):
            return None
        choices: list[str | None] = list(options) if exact else [o.lower() for o in options]
        if op == "?":
            choices.append(None)
        sequences = [seq + ([c] if c is not None else []) for seq in sequences for c in choices]
        if len(sequences) > _MAX_EXPANSION:
            return None
    return ("ORTH" if exact else "LOWER"), [seq for seq in sequences if seq]


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _values(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and isinstance(value.get("IN"), list):
        return [v for v in value["IN"] if isinstance(v, str)]
    return []


class CompiledPacks:
    """The matchers holding every enabled pack rule's terms and every lexicon (see the module docs)."""

    def __init__(
        self,
        nlp: Language,
        rules: Iterable[PackRule],
        lexicons: Mapping[str, Sequence[Terms]] = {},
        annotations: frozenset[str] | None = None,
    ) -> None:
        from spacy.matcher import PhraseMatcher

        self._nlp = nlp
        # What the pipeline annotates (None: everything). A lexicon pattern on tags or lemmas that this
        # pipeline does not produce could never match, and spaCy's Matcher refuses such a Doc outright.
        self._annotations = annotations
        self.matcher = AnchoredMatcher(nlp.vocab, _common_words())
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")  # plain patterns where case matters
        # One-word lemma phrases are looked up token by token in a dict: far cheaper than Matcher
        # patterns, which are tried at every token.
        self._words: dict[str, set[str]] = {}  # while building; looked up by hash at run time
        for rule in rules:
            for label, terms in rule.term_groups():
                self._add(f"{rule.meta.code}{_SEP}{label}", terms)
        for name, groups in lexicons.items():
            for terms in groups:
                self._add(f"{lexicon_key(name)}{_SEP}", terms)
        self._word_keys = _by_hash(self._words)
        # The Matcher's keys by the code (or @lexicon) they report under: a code has one key per label.
        self._pattern_keys: dict[str, list[str]] = {}
        for key in self.matcher.keys():
            self._pattern_keys.setdefault(key.partition(_SEP)[0], []).append(key)

    def _add(self, key: str, terms: Terms) -> None:
        patterns = []
        for pattern in terms.patterns:
            # A pattern of plain words (with IN choices and optional tokens) is a short list of phrases:
            # the PhraseMatcher finds those by hashing, while the Matcher tries every pattern at every token.
            expanded = expand_to_phrases(pattern)
            if expanded is None:
                patterns.extend(plain_heads(list(pattern)))
                continue
            attr, phrases = expanded
            # The PhraseMatcher takes a phrase as its sequence of attribute hashes as well as a Doc;
            # building some 14,000 Docs was most of the start-up cost of the packs. The lexeme's hash
            # is the one a Doc of these words would carry (and the lexemes are made as a Doc makes them).
            vocab = self._nlp.vocab
            if attr == "ORTH":
                self.exact.add(key, [[vocab[w].orth for w in words] for words in phrases])
            else:
                self.phrases.add(key, [[vocab[w].lower for w in words] for words in phrases])
        if terms.attr == "LEMMA":
            # Lemma phrases are matched on the lemma or on the word itself (the tagger's lemma of a
            # mis-tagged word, "Upgrade" read as a proper noun, keeps its capital). A phrase matcher
            # would need every pattern run through the tagger and lemmatizer at start-up.
            for phrase in terms.phrases:
                words = list(self._nlp.make_doc(phrase))
                if len(words) == 1:
                    for form in {words[0].text, words[0].lower_}:
                        self._words.setdefault(form, set()).add(key)
                    continue
                patterns.extend(plain_heads([{"LEMMA": {"IN": [t.text, t.lower_]}} for t in words]))
                self.phrases.add(key, [self._nlp.make_doc(phrase.lower())])
        elif terms.phrases:
            self.phrases.add(key, [self._nlp.make_doc(p) for p in terms.phrases])
        patterns = [p for p in patterns if self._can_match(p)]
        if patterns:
            self.matcher.add(key, patterns)

    def _can_match(self, pattern: list[dict[str, Any]]) -> bool:
        return self._annotations is None or pattern_requirements(pattern) <= self._annotations

    def run(self, doc: Doc) -> PackMatches:
        """Matches by rule code (and by ``@lexicon`` name): (start_char, end_char, label).

        The phrase matchers and the one-word lookups find every key's matches here; the token patterns
        run per key when the key is first read (see :class:`PackMatches`).
        """
        out: dict[str, list[Hit]] = {}
        if not len(doc):
            return PackMatches(out)
        from spacy import attrs

        # The Doc's attribute array as Python lists, one per attribute: reading these is far cheaper
        # than creating a Token object per token, and small lookups in sets beat numpy's.
        names = ["IDX", "LENGTH", "LOWER", "LEMMA", *(a for a in self.matcher.lookups if a not in ("LOWER", "LEMMA"))]
        column = dict(zip(names, doc.to_array([getattr(attrs, n) for n in names]).T.tolist()))
        starts, lengths = column["IDX"], column["LENGTH"]
        vocab = doc.vocab.strings

        def record(match_id: int, start: int, end: int) -> None:
            code, _, label = vocab[match_id].partition(_SEP)
            out.setdefault(code, []).append((starts[start], starts[end - 1] + lengths[end - 1], label))

        for matcher in (self.phrases, self.exact):
            if len(matcher):
                for match in matcher(doc):
                    record(*match)
        if self._word_keys:
            # One-word lemma phrases: the token's lower-case form or its lemma is one of the words.
            words = self._word_keys
            for i, (lower, lemma) in enumerate(zip(column["LOWER"], column["LEMMA"])):
                if lower in words or lemma in words:
                    for key in words.get(lower, frozenset()) | words.get(lemma, frozenset()):
                        code, _, label = key.partition(_SEP)
                        out.setdefault(code, []).append((starts[i], starts[i] + lengths[i], label))

        return PackMatches(out, _TokenPatterns(self.matcher, self._pattern_keys, doc, column))


Hit = tuple[int, int, str]


class _TokenPatterns:
    """The AnchoredMatcher's patterns for one Doc, run one code at a time."""

    def __init__(self, matcher: AnchoredMatcher, keys: dict[str, list[str]], doc: Doc, column: dict[str, list[int]]) -> None:
        self.codes = frozenset(keys)
        self._matcher, self._keys, self._doc, self._column = matcher, keys, doc, column
        self._anchors: dict[str, list[int]] | None = None  # every key's anchors, found for the first code run

    def __call__(self, code: str) -> list[Hit]:
        if self._anchors is None:
            self._anchors = self._matcher.anchors(self._column)
        starts, lengths = self._column["IDX"], self._column["LENGTH"]
        vocab = self._doc.vocab.strings
        found = []
        for key in self._keys[code]:
            for match_id, start, end in self._matcher.match(key, self._doc, self._anchors):
                found.append((starts[start], starts[end - 1] + lengths[end - 1], vocab[match_id].partition(_SEP)[2]))
        return found


class PackMatches(Mapping[str, list[Hit]]):
    """One Doc's matches by rule code and ``@lexicon`` name, each key's in text order.

    A message reads only some keys (a call script's word lists are not read in an email, a rule of
    another profile does not run), and running the Matcher is most of the cost of matching, so a key's
    token patterns run when the key is first read. A key reads the same matches either way.
    """

    def __init__(self, found: dict[str, list[Hit]], patterns: _TokenPatterns | None = None) -> None:
        self._found = found  # by key: its phrase and word hits, then its token patterns' too once they ran
        self._waiting = set(patterns.codes) if patterns is not None else set()  # keys whose patterns have not run
        self._patterns = patterns
        for hits in found.values():
            hits.sort()  # text order, whichever matcher found them

    def _hits(self, code: str) -> list[Hit]:
        if code in self._waiting:
            self._waiting.discard(code)
            assert self._patterns is not None
            hits = self._found.get(code, []) + self._patterns(code)
            hits.sort()
            if hits:
                self._found[code] = hits
        return self._found.get(code, [])

    def get(self, code: str, default: Any = None) -> Any:
        return self._hits(code) or default

    def __getitem__(self, code: str) -> list[Hit]:
        hits = self._hits(code)
        if not hits:
            raise KeyError(code)
        return hits

    def __iter__(self) -> Iterator[str]:
        return iter([code for code in sorted({*self._found, *self._waiting}) if self._hits(code)])

    def __len__(self) -> int:
        return sum(1 for _ in self)
