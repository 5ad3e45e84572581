"""Load YAML rule packs into rules, with errors that name the file, the rule and the field."""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import linear_regex
from ..cache import read_json, write_json
from ..sources import SourceError, read_regular_file
from .schema import CODE_PATTERN, PackSpec, RuleSpec, Terms

# A pack is a few thousand lines of YAML at most; a larger file is refused before it is parsed.
MAX_PACK_BYTES = 1_000_000
# The parsed pack, with YAML aliases expanded, may hold at most this many values and string
# characters: a file within MAX_PACK_BYTES cannot say more without aliases, so aliases may share
# data but never multiply it (nine lines of nested aliases stand for hundreds of millions of values).
MAX_PACK_SIZE = 2 * MAX_PACK_BYTES
MAX_PACK_DEPTH = 32
_PACK_KEYS = frozenset(PackSpec.model_fields)


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
    try:
        text = read_regular_file(path, MAX_PACK_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise PackError(f"rule pack {path}: file not found (check the 'packs' setting)") from None
    except SourceError as exc:
        remedy = "split it into several packs" if exc.code == "E004" else "name a YAML file in 'packs'"
        raise PackError(f"rule pack {path}: {exc.message}: {remedy}") from None
    except OSError as exc:
        raise PackError(f"rule pack {path}: cannot read it ({exc.strerror or exc}): check the 'packs' setting") from None
    except UnicodeDecodeError:
        raise PackError(f"rule pack {path}: not UTF-8 text") from None
    raw = _parse_yaml(path, text)
    if not isinstance(raw, dict) or "pack" not in raw or not set(raw) <= _PACK_KEYS:
        # Whatever else the file is (a credentials file named by mistake, say), none of it is quoted.
        stray = next((k for k in raw if k not in _PACK_KEYS), None) if isinstance(raw, dict) else None
        where = _where(text, [stray], key=True) if stray is not None else ""
        raise PackError(
            f"rule pack {path}{where}: not a rule pack: a pack is a YAML mapping with 'pack' and 'rules' or "
            f"'lexicons' (and optionally 'description'){' and nothing else' if stray is not None else ''}"
        )
    try:
        spec = PackSpec.model_validate(raw)
    except ValidationError as exc:
        raise PackError(_describe(path, raw, exc, text)) from None
    return spec


def _parse_yaml(path: Path, text: str) -> Any:
    """YAML parsing is most of a pack's load time; the parsed form is cached by content hash.

    Only a parsed form within the size limits is cached, or even looked at: aliases are counted as
    what they expand to before anything (the cache's JSON, validation) would expand them.
    """
    # "pack2": entries written before the size limits existed (an alias bomb expanded, hundreds of MB)
    # are never read again.
    name = f"pack2-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:32]}.json"
    cached = read_json(name)
    if cached is not None:
        return cached
    from srsly.ruamel_yaml import YAML  # deferred: YAML is only needed when packs load
    from srsly.ruamel_yaml.error import MarkedYAMLError

    try:
        raw = YAML(typ="safe", pure=True).load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        what = ", ".join(part for part in (exc.context, exc.problem) if part) or "syntax error"
        raise PackError(f"rule pack {path}{where}: invalid YAML: {_unquoted(what)}") from None
    except RecursionError:
        raise PackError(f"rule pack {path}: invalid YAML: values nested too deeply (limit {MAX_PACK_DEPTH})") from None
    except Exception as exc:  # the YAML parser raises other types too; their text may quote the file
        raise PackError(f"rule pack {path}: invalid YAML ({type(exc).__name__})") from None
    problem = _size_problem(raw)
    if problem:
        raise PackError(f"rule pack {path}: {problem}")
    if isinstance(raw, dict):
        write_json(name, raw)
    return raw


def _size_problem(raw: Any) -> str | None:
    """Why ``raw`` is too large or too deep to use, counting each alias as what it expands to."""
    size = 0
    stack: list[tuple[Any, int]] = [(raw, 1)]
    while stack:  # iterative: a self-referencing alias is an endless structure
        value, depth = stack.pop()
        if depth > MAX_PACK_DEPTH:
            return f"values nested more than {MAX_PACK_DEPTH} deep"
        size += 1
        if isinstance(value, str):
            size += len(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                size += 1 + (len(k) if isinstance(k, str) else 0)
                stack.append((v, depth + 1))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
        if size > MAX_PACK_SIZE:
            return (
                f"too large once YAML aliases are expanded (over {MAX_PACK_SIZE:,} values and characters): "
                "write the lists out, or split the pack"
            )
    return None


# Parser messages quote what they found ("found undefined alias 'x'"); in a file that may not be a
# pack at all, what it found is not repeated.
_QUOTED = linear_regex.compile(r"'[^']*'|\"[^\"]*\"")
_CODE = linear_regex.compile(CODE_PATTERN)


def _unquoted(problem: str) -> str:
    return _QUOTED.sub("'...'", " ".join(problem.split()))[:120]


def _where(text: str, loc: list[Any], *, key: bool = False) -> str:
    """``:line:column`` of the value at ``loc`` (of its key when ``key``), or "" when not found.

    Only for error messages, so the file is composed again here rather than positions kept on the
    happy path.
    """
    from srsly.ruamel_yaml import SafeLoader, compose
    from srsly.ruamel_yaml.nodes import MappingNode, SequenceNode

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            node = compose(text, Loader=SafeLoader)
    except Exception:
        return ""
    mark = node.start_mark if node is not None else None
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if pair is None:
                continue  # a union's tag in pydantic's location, or a key that is missing
            node, mark = pair[1], (pair[0] if key and last else pair[1]).start_mark
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            mark = node.start_mark
    return f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""


def _describe(path: Path, raw: dict[str, Any], exc: ValidationError, text: str) -> str:
    err = exc.errors()[0]
    loc = list(err["loc"])
    position = _where(text, loc, key=err["type"] == "extra_forbidden")
    where = ""
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = raw.get("rules") or []
        item = rules[loc[1]] if loc[1] < len(rules) else {}
        code = item.get("code") if isinstance(item, dict) else None
        code = code if isinstance(code, str) and _CODE.fullmatch(code) else None
        where = f" rule {code or '#' + str(loc[1] + 1)}"
        loc = loc[2:]
    field = ".".join(str(p) for p in loc if p not in ("str", "ExampleSpec")) or "(rule)"
    msg = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        msg = "unknown key"
    more = f" (+{len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
    return f"rule pack {path}{position}:{where} field '{field}': {msg}{more}"


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
