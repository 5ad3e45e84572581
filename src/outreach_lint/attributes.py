"""The model's attribute ruler as table lookups: the same annotations, without running a Matcher.

spaCy's ``attribute_ruler`` maps each tagger tag to its POS and morphology and fixes a few hundred
word exceptions. It runs every one of its Matcher patterns over every token, building a Token object
for each test, which cost a fifth of the whole pipeline. Almost all of its patterns test one token
for fixed values, so the answer depends only on the token's (tag, lowercase, dependency, is-space)
signature: this component computes it once per signature, from the ruler's own patterns and in the
ruler's own order, and then only looks it up.

Exactness is the contract. ``compile_ruler`` returns None for any pattern it cannot evaluate exactly
(an operator, an attribute or predicate it does not read, an extension attribute, a regular
expression the linear engine cannot run with Python's meaning), and the loader then keeps spaCy's
component. The tests compare every token attribute with the stock pipeline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from outreach_lint import linear_regex

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

FACTORY = "outreach_lint_attributes"

# The token attributes a pattern may test here. All are read from one Doc.to_array call.
_READABLE = ("TAG", "LOWER", "DEP", "IS_SPACE", "ORTH", "NORM")
_FLAGS = frozenset({"IS_SPACE"})
# A signature cache entry is a few small tuples; a corpus of a million distinct word forms stays
# bounded by clearing the cache, which costs only recomputation.
_CACHE_LIMIT = 200_000

Test = Callable[[tuple[int, ...]], bool]


@dataclass(frozen=True)
class Alternative:
    """One Matcher pattern of a ruler entry: its token tests and the position of the token it sets."""

    entry: int  # the ruler entry, whose order decides which attributes win
    specs: tuple[int, ...]  # spec ids (see Tables.exact and Tables.tested), one per token
    target: int  # offset from the match start of the token that receives the attributes


@dataclass(frozen=True)
class Tables:
    order: tuple[str, ...]  # the attributes a signature is made of, as Doc.to_array reads them
    # Specs testing fixed values (equality, IN): per set of attribute slots, the value tuples that satisfy
    # each spec, so a new signature costs a dict lookup per slot set, not a call per spec.
    exact: tuple[tuple[tuple[int, ...], dict[tuple[int, ...], tuple[int, ...]]], ...]
    tested: tuple[tuple[int, Test], ...]  # the other specs (REGEX, NOT_IN), as predicates
    single: dict[int, tuple[int, ...]]  # spec id -> the entries whose one-token alternative it is
    multi: tuple[Alternative, ...]
    entry_attrs: tuple[dict[Any, Any], ...]  # each entry's normalised attributes, as the ruler stores them


def compile_ruler(ruler: AttributeRuler) -> Tables | None:
    """Lookup tables equivalent to ``ruler``, or None when a pattern cannot be evaluated exactly."""
    strings = ruler.vocab.strings
    used: list[str] = []
    specs: list[dict[str, Any]] = []
    spec_ids: dict[str, int] = {}
    single: dict[int, list[int]] = {}
    multi: list[Alternative] = []
    entry_attrs: list[dict[Any, Any]] = []
    for entry, pattern in enumerate(ruler.patterns):
        attrs = ruler.attrs[entry]
        if "_" in pattern["attrs"]:
            return None  # extension attributes are set through Token objects; keep the stock ruler
        entry_attrs.append(dict(attrs))
        index = int(pattern.get("index", 0))
        for alternative in pattern["patterns"]:
            if not alternative:
                return None
            target = index if index >= 0 else len(alternative) + index
            if not 0 <= target < len(alternative):
                return None  # the stock ruler raises here; do not guess
            ids = []
            for token_spec in alternative:
                if not _supported(token_spec):
                    return None
                for key in token_spec:
                    if key not in used:
                        used.append(key)
                key = repr(sorted(token_spec.items()))
                if key not in spec_ids:
                    spec_ids[key] = len(specs)
                    specs.append(token_spec)
                ids.append(spec_ids[key])
            if len(ids) == 1:
                single.setdefault(ids[0], []).append(entry)
            else:
                multi.append(Alternative(entry, tuple(ids), target))
    order = tuple(a for a in _READABLE if a in used)
    exact: dict[tuple[int, ...], dict[tuple[int, ...], list[int]]] = {}
    tested: list[tuple[int, Test]] = []
    try:
        for spec_id, spec in enumerate(specs):
            keys = _exact_keys(spec, order, strings)
            if keys is None:
                tested.append((spec_id, _test(spec, order, strings)))
                continue
            slots, values = keys
            table = exact.setdefault(slots, {})
            for value in values:
                table.setdefault(value, []).append(spec_id)
    except linear_regex.PatternError:
        return None  # a REGEX the linear engine cannot run the same way
    frozen = tuple((slots, {v: tuple(ids) for v, ids in table.items()}) for slots, table in exact.items())
    singles = {spec: tuple(entries) for spec, entries in single.items()}
    return Tables(order, frozen, tuple(tested), singles, tuple(multi), tuple(entry_attrs))


_MAX_EXPANSION = 4096  # value tuples one spec may expand to (a product of IN sets); beyond, test it instead


def _exact_keys(
    token_spec: dict[str, Any], order: tuple[str, ...], strings: Any
) -> tuple[tuple[int, ...], list[tuple[int, ...]]] | None:
    """(slots, every value tuple that satisfies the spec) when it tests only fixed values, else None."""
    choices: list[tuple[int, list[int]]] = []
    for key, value in token_spec.items():
        if key in _FLAGS:
            wanted = [int(value)]
        elif isinstance(value, str):
            wanted = [strings.add(value)]
        elif set(value) == {"IN"}:
            wanted = sorted({strings.add(v) for v in value["IN"]})
        else:
            return None
        choices.append((order.index(key), wanted))
    choices.sort()
    values: list[tuple[int, ...]] = [()]
    for _, wanted in choices:
        values = [v + (w,) for v in values for w in wanted]
        if len(values) > _MAX_EXPANSION:
            return None
    return tuple(slot for slot, _ in choices), values


def _supported(token_spec: dict[str, Any]) -> bool:
    for key, value in token_spec.items():
        if key not in _READABLE:
            return False  # OP, POS, MORPH, LEMMA, ... : not read here
        if isinstance(value, dict):
            if not value or any(op not in ("IN", "NOT_IN", "REGEX") for op in value):
                return False
            if any(op != "REGEX" and not all(isinstance(v, str) for v in arg) for op, arg in value.items()):
                return False  # the Matcher also takes hashes in a set; only strings are read here
            if key in _FLAGS:
                return False
        elif key in _FLAGS:
            if not isinstance(value, bool):
                return False
        elif not isinstance(value, str):
            return False
    return True


def _test(token_spec: dict[str, Any], order: tuple[str, ...], strings: Any) -> Test:
    """A predicate over a signature tuple (hashes and flags in ``order``), as the Matcher reads them."""
    checks: list[Callable[[tuple[int, ...]], bool]] = []
    for key, value in token_spec.items():
        slot = order.index(key)
        if key in _FLAGS:
            wanted = int(value)
            checks.append(lambda sig, s=slot, w=wanted: sig[s] == w)
        elif isinstance(value, str):
            wanted = strings.add(value)
            checks.append(lambda sig, s=slot, w=wanted: sig[s] == w)
        else:
            for op, arg in value.items():
                if op == "REGEX":
                    # Linear matching, like every pattern outreach-lint runs. Its \b is ASCII-only where
                    # Python's is Unicode-aware: a pattern that uses it keeps the stock ruler.
                    if not isinstance(arg, str) or "\\b" in arg or "\\B" in arg:
                        raise linear_regex.PatternError(f"not evaluated here: {arg!r}")
                    pattern = linear_regex.compile(arg, register=False)
                    # The Matcher searches the attribute's string; an unset attribute reads as "".
                    checks.append(lambda sig, s=slot, p=pattern: bool(p.search(strings[sig[s]] if sig[s] else "")))
                else:
                    members = frozenset(strings.add(v) for v in arg)
                    if op == "IN":
                        checks.append(lambda sig, s=slot, m=members: sig[s] in m)
                    else:
                        checks.append(lambda sig, s=slot, m=members: sig[s] not in m)
    return lambda sig: all(check(sig) for check in checks)


class LookupAttributeRuler:
    """A pipeline component that sets exactly what the stock attribute ruler would set.

    It is created empty by its factory (spaCy builds components from factories) and given the tables
    compiled from the ruler it replaces; until then it is an error to run it.
    """

    def __init__(self) -> None:
        self.tables: Tables | None = None
        self._by_signature: dict[tuple[int, ...], tuple[frozenset[int], tuple[int, ...]]] = {}
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}
        self._attr_ids: list[int] = []

    def use(self, tables: Tables) -> None:
        from spacy.attrs import IDS

        self.tables = tables
        self._attr_ids = [IDS[name] for name in tables.order]
        self._by_signature.clear()
        self._merged.clear()

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        if self.tables is None:
            raise RuntimeError(f"{FACTORY} has no tables: build it with attributes.install(nlp)")
        if not len(doc):
            return doc
        rows = doc.to_array(self._attr_ids).reshape(len(doc), -1).tolist()
        found = [self._lookup(tuple(row)) for row in rows]
        # Which entries hit which token. Later entries win, as in the stock ruler's sorted matches.
        hits: list[list[int]] = [list(singles) for _, singles in found]
        for alternative in self.tables.multi:  # a handful ("gon na", "let 's"): test the first token, then the rest
            first, length = alternative.specs[0], len(alternative.specs)
            for start in range(len(doc) - length + 1):
                if first in found[start][0] and all(
                    spec in found[start + k][0] for k, spec in enumerate(alternative.specs[1:], 1)
                ):
                    hits[start + alternative.target].append(alternative.entry)
        for i, entries in enumerate(hits):
            if entries:
                set_token_attrs(doc[i], self._merge(tuple(sorted(entries))))
        return doc

    def _lookup(self, signature: tuple[int, ...]) -> tuple[frozenset[int], tuple[int, ...]]:
        """The specs a token satisfies and the one-token entries that hit it, computed once per signature."""
        cached = self._by_signature.get(signature)
        if cached is None:
            if len(self._by_signature) >= _CACHE_LIMIT:
                self._by_signature.clear()
            tables = self.tables
            assert tables is not None
            found: list[int] = []
            for slots, table in tables.exact:
                found.extend(table.get(tuple(signature[s] for s in slots), ()))
            found.extend(spec for spec, test in tables.tested if test(signature))
            satisfied = frozenset(found)
            singles = tuple(sorted({e for spec in satisfied for e in tables.single.get(spec, ())}))
            cached = self._by_signature[signature] = (satisfied, singles)
        return cached

    def _merge(self, entries: tuple[int, ...]) -> dict[Any, Any]:
        merged = self._merged.get(entries)
        if merged is None:
            merged = {}
            assert self.tables is not None
            for entry in entries:
                merged.update(self.tables.entry_attrs[entry])
            if len(self._merged) >= _CACHE_LIMIT:
                self._merged.clear()
            self._merged[entries] = merged
        return merged


_registered = False


def _register() -> None:
    global _registered
    if _registered:
        return
    from spacy.language import Language

    @Language.factory(FACTORY)
    def make(nlp: Any, name: str) -> LookupAttributeRuler:
        return LookupAttributeRuler()

    _registered = True


def install(nlp: Any) -> bool:
    """Swap the pipeline's attribute ruler for the lookup component; False (and no change) if not exact."""
    from spacy.pipeline import AttributeRuler

    _register()

    name = "attribute_ruler"
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if type(ruler) is not AttributeRuler:
        return False
    tables = compile_ruler(ruler)
    if tables is None or not tables.order:
        return False  # nothing to look up (a ruler with no patterns): spaCy's own only warns
    nlp.replace_pipe(name, FACTORY)
    nlp.get_pipe(name).use(tables)
    return True
