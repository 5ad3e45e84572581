"""What the MCP tools return: typed models, so each tool declares an output schema.

Findings are kept compact for a model's context: the quoted words, a one-line why, and edits counted
from the start of the field the agent sent (subject, body or html), ready to apply to its own draft.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class EditOut(BaseModel):
    """Replace `text[start:end]` of `field` with `replacement` (code points; `*_utf16` for JavaScript strings)."""

    field: Literal["subject", "body", "html"] | None
    start: int
    end: int
    start_utf16: int | None = None
    end_utf16: int | None = None
    replacement: str


class SuggestionOut(BaseModel):
    title: str
    safe: bool = Field(description="True: may be applied without a person reading it.")
    edits: list[EditOut]


class FindingOut(BaseModel):
    code: str
    severity: Literal["info", "warning", "error"]
    message: str
    excerpt: str = Field(description="The words the finding is about, as they stand in the draft.")
    why: str = Field(description="Why the reader cares, in one sentence; explain_rule has the rest.")
    field: Literal["subject", "body", "html"] | None
    start: int | None = Field(description="Code points from the start of `field`.")
    end: int | None
    suggestions: list[SuggestionOut]


class LintOut(BaseModel):
    score: int = Field(ge=0, le=100, description="100 is a draft with no findings; revise until it rises.")
    score_breakdown: dict[str, int] = Field(description="Points lost per category.")
    profile: str | None = Field(description="The profile the message was linted as.")
    counts: dict[str, int] = Field(description="Findings per severity.")
    findings: list[FindingOut]


class RuleOut(BaseModel):
    code: str
    name: str
    severity: str
    summary: str
    enabled: bool
    profiles: list[str]


class RuleList(BaseModel):
    rules: list[RuleOut]


class RuleDocOut(BaseModel):
    code: str
    name: str
    severity: str
    summary: str
    what: str
    why: str
    example: str
    instead: str
    fix_safety: str
    markdown: str = Field(description="The whole rule page, as `outreach-lint rule CODE` prints it.")
