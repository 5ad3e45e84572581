"""Request and response bodies of the HTTP service (the OpenAPI document is generated from these)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..limits import ID_MAX_CHARS, SUBJECT_MAX_CHARS
from ..names import Mode, ProfileChoice, SeverityName



class LintRequest(BaseModel):
    """One message about to be sent."""

    model_config = ConfigDict(extra="forbid")

    subject: str | None = Field(default=None, max_length=SUBJECT_MAX_CHARS)
    body: str | None = Field(default=None, description="Plain text (or the format given in `format`).")
    html: str | None = Field(default=None, description="HTML body, used when `body` is absent.")
    format: Literal["text", "markdown", "html", "template", "script"] | None = None
    profile: ProfileChoice | None = Field(
        default=None, description="auto (default) reads the profile from the message; the report's metrics say which."
    )
    mode: Mode | None = Field(
        default=None, description="rendered (default) reports merge fields left in the message."
    )
    select: list[str] | None = Field(default=None, max_length=50, description="Narrow to these rules (codes, prefixes, names).")
    ignore: list[str] = Field(default_factory=list, max_length=50)
    id: str | None = Field(default=None, max_length=ID_MAX_CHARS)

    @model_validator(mode="after")
    def _has_text(self) -> LintRequest:
        if self.body is None and self.html is None:
            raise ValueError("give 'body' or 'html'")
        return self


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    messages: list[LintRequest] = Field(min_length=1)


class LspPosition(BaseModel):
    """A position as the Language Server Protocol counts it: 0-based line, UTF-16 character in it."""

    line: int
    character: int


class Position(BaseModel):
    offset: int = Field(description="Code points from the start of the source (subject line and body).")
    line: int = Field(description="1-based line.")
    column: int = Field(description="1-based column, in code points.")
    offset_utf16: int | None = Field(default=None, description="UTF-16 code units from the start of the source.")
    lsp: LspPosition | None = None
    field_offset: int | None = Field(
        default=None, description="Code points from the start of the request field named by the diagnostic's `field`."
    )
    field_offset_utf16: int | None = Field(
        default=None, description="UTF-16 code units from the start of that field: a JavaScript string index into it."
    )


class RangeOut(BaseModel):
    start: Position
    end: Position


class EditOut(BaseModel):
    start: int
    end: int
    replacement: str
    range: RangeOut | None = Field(default=None, description="`start` and `end` as positions in every unit.")


class SuggestionOut(BaseModel):
    title: str
    edits: list[EditOut]
    safe: bool


class DiagnosticOut(BaseModel):
    code: str
    name: str
    category: str
    severity: SeverityName
    message: str
    start: Position
    end: Position
    excerpt: str
    region: str
    field: Literal["subject", "body", "html"] | None = Field(
        default=None, description="The request field the finding starts in; `field_offset` counts from its start."
    )
    suggestions: list[SuggestionOut]


class ReportOut(BaseModel):
    """One message's report: the same object as an entry of `results` in the JSON wire format."""

    path: str
    message_id: str | None
    score: int = Field(ge=0, le=100)
    score_breakdown: dict[str, int]
    metrics: dict[str, Any]
    diagnostics: list[DiagnosticOut]


class BatchOut(BaseModel):
    results: list[ReportOut]


class ErrorDetail(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    code: str
    message: str
    fields: list[ErrorDetail] = Field(default_factory=list)


class ErrorOut(BaseModel):
    error: ErrorBody


class RuleOut(BaseModel):
    code: str
    name: str
    category: str
    summary: str
    severity: str
    enabled: bool
    stability: str
    origin: str
    source: str = Field("", description="The file that defines the rule, as its package names it.")
    regions: list[str]
    requires: list[str]
    profiles: list[str]
    options: dict[str, dict[str, Any]]
    docs: dict[str, str]
    examples: dict[str, list[str]]


class RuleDetailOut(RuleOut):
    markdown: str


class Status(BaseModel):
    status: str
