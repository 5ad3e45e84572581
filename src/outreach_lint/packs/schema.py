"""The YAML rule-pack schema: a closed set of rule kinds, validated strictly (unknown keys fail)."""

from __future__ import annotations

import re._parser as sre_parse  # the tree Python's `re` compiles, so REGEX checks judge what spaCy runs
from re import _constants as sre
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .. import linear_regex
from ..names import Mode, SeverityName

Token = dict[str, Any]
CODE_PATTERN = r"[A-Z]{2,3}[0-9]{3}"

# What one token pattern may cost. spaCy's Matcher keeps a live state for every way a pattern can
# still match, so unbounded operators multiply states on every token; a counted repeat ({n,m}) is
# expanded into m copies of the token; and REGEX runs on every token with Python's backtracking `re`.
MAX_PATTERN_TOKENS = 32
MAX_UNBOUNDED_OPS = 4  # "*", "+" and "{n,}"
MAX_REPEAT = 16  # the largest n or m in "{n}", "{n,m}", "{,m}", "{n,}"
MAX_REGEX_CHARS = 200
MAX_FUZZY_CHARS = 64  # each compare is an edit distance, with up to 30% of this many edits


def _pattern_cost(pattern: list[Token]) -> list[Token]:
    """Refuse a token pattern that could make matching slow on some text (the limits above)."""
    if len(pattern) > MAX_PATTERN_TOKENS:
        raise ValueError(f"a pattern may have at most {MAX_PATTERN_TOKENS} tokens, not {len(pattern)}")
    unbounded = 0
    for token in pattern:
        op = token.get("OP", token.get("op")) if isinstance(token, dict) else None
        if isinstance(op, str):
            lo, hi = _repeats(op)
            unbounded += hi is None
            if max(lo, hi or 0) > MAX_REPEAT:
                raise ValueError(f"operator {op!r}: a counted repeat may be at most {MAX_REPEAT}")
        _check_values(token)
    if unbounded > MAX_UNBOUNDED_OPS:
        raise ValueError(
            f"{unbounded} unbounded operators ('*', '+', '{{n,}}'): a pattern may have at most {MAX_UNBOUNDED_OPS}"
        )
    return pattern


def _repeats(op: str) -> tuple[int, int | None]:
    """(fewest, most) repeats an OP value allows; most is None when unbounded. Unknown values are
    left for spaCy's validator to name."""
    if op in ("*", "+"):
        return (0 if op == "*" else 1), None
    if op.startswith("{") and op.endswith("}"):
        lo, sep, hi = op[1:-1].partition(",")
        try:
            low = int(lo) if lo.strip() else 0
            high = (int(hi) if hi.strip() else None) if sep else low
        except ValueError:
            return 0, 1
        return low, high
    return 0, 1


def _check_values(value: Any, key: str = "") -> None:
    """Check every REGEX and FUZZY value in a token, at any depth ({"LOWER": {"REGEX": ...}})."""
    if isinstance(value, dict):
        for k, v in value.items():
            _check_values(v, str(k).upper())
    elif isinstance(value, list):
        for v in value:
            _check_values(v, key)
    elif isinstance(value, str) and key == "REGEX":
        _check_regex(value)
    elif isinstance(value, str) and key.startswith("FUZZY") and len(value) > MAX_FUZZY_CHARS:
        raise ValueError(f"a FUZZY value may be at most {MAX_FUZZY_CHARS} characters, not {len(value)}")


def _check_regex(value: str) -> None:
    """A REGEX must run in linear time: RE2 compiles it (no backreferences or lookaround), and no
    repeated group holds a repeat or an alternation, which Python's `re` would try every way of."""
    if len(value) > MAX_REGEX_CHARS:
        raise ValueError(f"a REGEX may be at most {MAX_REGEX_CHARS} characters, not {len(value)}")
    try:
        linear_regex.compile(value, register=False)
    except linear_regex.PatternError:
        raise ValueError("REGEX is not supported by RE2 (backreferences, lookaround and the like can backtrack)") from None
    try:
        tree = sre_parse.parse(value)
    except Exception as exc:
        raise ValueError(f"REGEX is not valid: {exc}") from None
    if _nested_repeat(tree, inside=False):
        raise ValueError(
            "REGEX repeats a group that itself holds a repeat or an alternation ('(a+)+', '(a|ab)*'): "
            "this can backtrack; repeat a character class instead"
        )
    # Two open-ended repeats in a row ('\\w*\\w*x') already cost the cube of a token's length in a
    # search that fails; one costs at most its square.
    if _unbounded_repeats(tree) > 1:
        raise ValueError("REGEX has more than one open-ended repeat ('*', '+', '{n,}'); keep one and bound the others ({0,20})")


def _unbounded_repeats(items: Any) -> int:
    """Open-ended repeats one match can pass through (the most of any one alternative)."""
    count = 0
    for op, av in items:
        if op is sre.BRANCH:
            count += max((_unbounded_repeats(alt) for alt in av[1]), default=0)
            continue
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            count += av[1] == sre.MAXREPEAT
        count += sum(_unbounded_repeats(sub) for sub in _subpatterns(av))
    return count


def _nested_repeat(items: Any, inside: bool) -> bool:
    for op, av in items:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if inside:
                return True
            _, most, sub = av
            if _nested_repeat(sub, inside=most > 1):
                return True
        elif op is sre.BRANCH:
            if inside:
                return True
            if any(_nested_repeat(alt, inside) for alt in av[1]):
                return True
        else:
            for sub in _subpatterns(av):
                if _nested_repeat(sub, inside):
                    return True
    return False


def _subpatterns(av: Any) -> list[Any]:
    """The nested patterns of a group, assertion or conditional node of the parse tree."""
    if isinstance(av, sre_parse.SubPattern):
        return [av]
    if isinstance(av, (tuple, list)):
        return [x for x in av if isinstance(x, sre_parse.SubPattern)]
    return []


Pattern = Annotated[list[Token], AfterValidator(_pattern_cost)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class DocsSpec(_Strict):
    what: str = Field(min_length=1)
    why: str = Field(min_length=1)
    example: str = Field(min_length=1)
    instead: str = Field(min_length=1)
    # Optional in users' packs (packs written before these sections still load); every built-in has both.
    fix_safety: str = Field(default="", alias="fix-safety")
    sources: str = ""


class ExampleSpec(_Strict):
    text: str
    profile: str | None = None
    mode: Mode | None = None
    # The rule's options for this example, as `[rules.CODE]` sets them (pack rules take none today).
    options: dict[str, Any] = Field(default_factory=dict)
    # The text --fix must make of `text` with this rule's safe suggestions.
    fixed: str | None = None


class ExamplesSpec(_Strict):
    fail: list[str | ExampleSpec] = Field(min_length=1)
    passes: list[str | ExampleSpec] = Field(alias="pass", min_length=1)


class Terms(_Strict):
    """What a rule matches: phrases (on ``attr``) and/or spaCy Matcher token patterns."""

    phrases: list[str] = Field(default_factory=list)
    patterns: list[Pattern] = Field(default_factory=list)
    attr: Literal["LOWER", "LEMMA"] = "LOWER"

    @model_validator(mode="after")
    def _not_empty(self) -> Terms:
        if not self.phrases and not self.patterns:
            raise ValueError("needs at least one of 'phrases' or 'patterns'")
        return self


class RuleSpec(_Strict):
    code: str
    name: str
    kind: Literal["phrase", "pattern", "substitute", "count", "ratio"]
    summary: str = Field(min_length=1)
    message: str = Field(min_length=1)
    # What to do about a finding, shown under it (same placeholders as `message`). Substitute rules
    # make their own suggestion, with a safe edit.
    suggestion: str | None = None
    docs: DocsSpec
    examples: ExamplesSpec
    severity: SeverityName = "warning"
    regions: list[Literal["subject", "greeting", "opening", "body", "ask_zone", "links"]] = Field(default_factory=lambda: ["body"])
    stability: Literal["stable", "preview"] = "stable"
    profiles: list[str] | None = None
    # Message conditions that silence the rule (e.g. polite-close): see docs/writing-rules.md.
    unless: list[str] = Field(default_factory=list)
    # phrase / pattern / count
    phrases: list[str] = Field(default_factory=list)
    patterns: list[Pattern] = Field(default_factory=list)
    attr: Literal["LOWER", "LEMMA"] = "LOWER"
    # substitute: term -> replacement
    substitutions: dict[str, str] = Field(default_factory=dict)
    # count: occurrences allowed in the rule's regions
    min: int | None = Field(default=None, ge=0)
    max: int | None = Field(default=None, ge=0)
    # ratio: numerator / denominator matches must stay inside [min_ratio, max_ratio]
    numerator: Terms | None = None
    denominator: Terms | None = None
    min_ratio: float | None = Field(default=None, alias="min-ratio", ge=0)
    max_ratio: float | None = Field(default=None, alias="max-ratio", ge=0)
    min_count: int = Field(default=1, alias="min-count", ge=0)

    @model_validator(mode="after")
    def _kind_fields(self) -> RuleSpec:
        k = self.kind
        if k == "phrase" and not self.phrases:
            raise ValueError("a phrase rule needs 'phrases'")
        if k == "pattern" and not self.patterns:
            raise ValueError("a pattern rule needs 'patterns'")
        if k == "substitute" and not self.substitutions:
            raise ValueError("a substitute rule needs 'substitutions'")
        if k == "count":
            if not self.phrases and not self.patterns:
                raise ValueError("a count rule needs 'phrases' or 'patterns'")
            if self.min is None and self.max is None:
                raise ValueError("a count rule needs 'min' or 'max'")
        if k == "ratio":
            if self.numerator is None or self.denominator is None:
                raise ValueError("a ratio rule needs 'numerator' and 'denominator'")
            if self.min_ratio is None and self.max_ratio is None:
                raise ValueError("a ratio rule needs 'min-ratio' or 'max-ratio'")
        if k != "ratio" and (self.numerator or self.denominator):
            raise ValueError(f"'numerator' and 'denominator' belong to ratio rules, not {k}")
        if k != "substitute" and self.substitutions:
            raise ValueError(f"'substitutions' belong to substitute rules, not {k}")
        return self


LEXICON_NAME = r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"
_LEXICON_NAME = linear_regex.compile(LEXICON_NAME)


class PackSpec(_Strict):
    pack: str = Field(min_length=1)
    description: str = ""
    rules: list[RuleSpec] = Field(default_factory=list)
    # Named word lists that Python rules read (``ctx.lexicon(name)``). A pack that defines a lexicon
    # the built-ins already have adds its terms to it, so users extend built-in rules without code.
    lexicons: dict[str, Terms] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _has_content(self) -> PackSpec:
        if not self.rules and not self.lexicons:
            raise ValueError("a pack needs 'rules' or 'lexicons'")
        for name in self.lexicons:
            if not _LEXICON_NAME.match(name):
                raise ValueError(f"lexicon name {name!r} must be kebab-case")
        return self
