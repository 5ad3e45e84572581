"""Load YAML rule packs into rules, with errors that name the file, the rule and the field."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..cache import read_json, write_json
from .schema import PackSpec, RuleSpec, Terms


class PackError(Exception):
    """A rule pack that cannot be used. The message is one line: file, rule, field, problem."""


def read_pack(path: Path, *, trusted: bool = False) -> PackSpec:
    """Load and validate a pack. ``trusted`` (the shipped packs, checked by the test suite) skips
    running every token pattern through spaCy's validator, which costs most of a second at start-up."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = -1
    spec = _read_pack(path, stamp)
    if not trusted:
        _validated(path, stamp)
    return spec


@lru_cache(maxsize=64)
def _validated(path: Path, stamp: int) -> bool:
    validate_patterns(path, _read_pack(path, stamp))
    return True


@lru_cache(maxsize=64)
def _read_pack(path: Path, stamp: int) -> PackSpec:
    """Parse and validate one pack; cached by modification time (built-in packs are read twice)."""
    import srsly  # deferred: YAML is only needed when packs load

    try:
        raw = _parse_yaml(path.read_text(encoding="utf-8"), srsly.yaml_loads)
    except FileNotFoundError:
        raise PackError(f"rule pack {path}: file not found (check the 'packs' setting)") from None
    except UnicodeDecodeError:
        raise PackError(f"rule pack {path}: not UTF-8 text") from None
    except Exception as exc:  # the YAML parser raises many types
        detail = " ".join(str(exc).split())[:200]
        raise PackError(f"rule pack {path}: invalid YAML: {detail}") from None
    if not isinstance(raw, dict):
        raise PackError(f"rule pack {path}: must be a mapping with 'pack' and 'rules'")
    try:
        spec = PackSpec.model_validate(raw)
    except ValidationError as exc:
        raise PackError(_describe(path, raw, exc)) from None
    return spec


def _parse_yaml(text: str, loads: Callable[[str], Any]) -> Any:
    """YAML parsing is most of a pack's load time; the parsed form is cached by content hash."""
    name = f"pack-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:32]}.json"
    cached = read_json(name)
    if cached is not None:
        return cached
    raw = loads(text)
    if isinstance(raw, dict):
        write_json(name, raw)
    return raw


def _describe(path: Path, raw: dict[str, Any], exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = list(err["loc"])
    where = ""
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = raw.get("rules") or []
        item = rules[loc[1]] if loc[1] < len(rules) else {}
        code = item.get("code") if isinstance(item, dict) else None
        where = f" rule {code or '#' + str(loc[1] + 1)}"
        loc = loc[2:]
    field = ".".join(str(p) for p in loc if p not in ("str", "ExampleSpec")) or "(rule)"
    msg = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        msg = "unknown key"
    more = f" (+{len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
    return f"rule pack {path}:{where} field '{field}': {msg}{more}"


def validate_patterns(path: Path, spec: PackSpec) -> None:
    """Run every token pattern through spaCy's own validator, once, at load time."""
    from spacy.errors import MatchPatternError
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    groups: list[tuple[str, str, list[list[dict[str, Any]]]]] = []
    for rule in spec.rules:
        where = f"rule {rule.code}"
        groups.append((where, "patterns", rule.patterns))
        if rule.numerator:
            groups.append((where, "numerator.patterns", rule.numerator.patterns))
        if rule.denominator:
            groups.append((where, "denominator.patterns", rule.denominator.patterns))
    for name, terms in spec.lexicons.items():
        groups.append((f"lexicon {name}", "patterns", terms.patterns))
    matcher = Matcher(Vocab(), validate=True)
    for where, field, patterns in groups:
        for i, pattern in enumerate(patterns):
            if not pattern:
                raise PackError(f"rule pack {path}: {where} field '{field}.{i}': empty pattern")
            try:
                matcher.add("check", [pattern])
            except (MatchPatternError, ValueError, TypeError) as exc:
                detail = " ".join(str(exc).split())
                detail = detail.split("Pattern validation errors:", 1)[-1].strip()[:200]
                raise PackError(f"rule pack {path}: {where} field '{field}.{i}': {detail}") from None
            matcher.remove("check")


_ANNOTATION_OF_KEY = {
    "POS": "POS", "TAG": "POS", "LEMMA": "LEMMA", "DEP": "DEP", "MORPH": "MORPH",
    "IS_SENT_START": "SENT_START", "SENT_START": "SENT_START",
}


def pattern_requirements(pattern: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """Annotations one token pattern needs, from the keys it uses."""
    keys = {k.upper() for token in pattern for k in token}
    return frozenset(_ANNOTATION_OF_KEY[k] for k in keys if k in _ANNOTATION_OF_KEY)


def terms_requirements(terms: Terms) -> frozenset[str]:
    """Annotations one group of terms needs (a lexicon, or one side of a ratio)."""
    needed = set().union(*(pattern_requirements(p) for p in terms.patterns))
    if terms.attr == "LEMMA" and terms.phrases:
        needed.add("LEMMA")
    return frozenset(needed)


def requirements(rule: RuleSpec) -> frozenset[str]:
    """Annotations a pack rule needs, derived from the keys its patterns use."""
    sides = [t for t in (rule.numerator, rule.denominator) if t is not None]
    patterns = [*rule.patterns, *(p for t in sides for p in t.patterns)]
    needed = set().union(*(pattern_requirements(p) for p in patterns))
    if "LEMMA" in (rule.attr, *(t.attr for t in sides)) and (rule.phrases or sides):
        needed.add("LEMMA")
    return frozenset(needed)
