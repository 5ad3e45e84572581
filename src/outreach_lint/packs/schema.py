"""The YAML rule-pack schema: a closed set of rule kinds, validated strictly (unknown keys fail)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Token = dict[str, Any]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class DocsSpec(_Strict):
    what: str = Field(min_length=1)
    why: str = Field(min_length=1)
    example: str = Field(min_length=1)
    instead: str = Field(min_length=1)


class ExampleSpec(_Strict):
    text: str
    profile: str | None = None
    mode: Literal["template", "rendered"] | None = None


class ExamplesSpec(_Strict):
    fail: list[str | ExampleSpec] = Field(min_length=1)
    passes: list[str | ExampleSpec] = Field(alias="pass", min_length=1)


class Terms(_Strict):
    """What a rule matches: phrases (on ``attr``) and/or spaCy Matcher token patterns."""

    phrases: list[str] = Field(default_factory=list)
    patterns: list[list[Token]] = Field(default_factory=list)
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
    severity: Literal["info", "warning", "error"] = "warning"
    regions: list[Literal["subject", "greeting", "opening", "body", "ask_zone"]] = Field(default_factory=lambda: ["body"])
    stability: Literal["stable", "preview"] = "stable"
    profiles: list[str] | None = None
    # phrase / pattern / count
    phrases: list[str] = Field(default_factory=list)
    patterns: list[list[Token]] = Field(default_factory=list)
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


class PackSpec(_Strict):
    pack: str = Field(min_length=1)
    description: str = ""
    rules: list[RuleSpec] = Field(default_factory=list)
    # Named word lists that Python rules read (``ctx.lexicon(name)``). A pack that defines a lexicon
    # the built-ins already have adds its terms to it, so users extend built-in rules without code.
    lexicons: dict[str, Terms] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _has_content(self) -> PackSpec:
        import re

        if not self.rules and not self.lexicons:
            raise ValueError("a pack needs 'rules' or 'lexicons'")
        for name in self.lexicons:
            if not re.match(LEXICON_NAME, name):
                raise ValueError(f"lexicon name {name!r} must be kebab-case")
        return self
