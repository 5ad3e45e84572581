"""The MCP server: three tools on the official SDK's MCPServer, served over stdio."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import ToolAnnotations
from pydantic import Field

from .._version import __version__
from ..config import find_config, load_config
from ..engine import load_linter
from ..limits import SUBJECT_MAX_CHARS
from ..names import MODES, PROFILE_CHOICES, PROFILES
from .models import LintOut, RuleDocOut, RuleList
from .tools import InputProblem, Tools

INSTRUCTIONS = (
    "outreach-lint checks sales outreach (cold emails, follow-ups, LinkedIn notes, call scripts) for customer "
    "focus before it is sent. Call lint_outreach on every draft you write; apply the suggestions marked safe, "
    "rewrite the sentences behind the other findings, and lint again until the score stops rising. Call "
    "explain_rule for a code you do not understand."
)

ProfileArg = Literal[PROFILE_CHOICES]  # type: ignore[valid-type]
KindArg = Literal[PROFILES]  # type: ignore[valid-type]
ModeArg = Literal[MODES]  # type: ignore[valid-type]
T = TypeVar("T")
_READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)


def build_server(config_path: str | None = None) -> MCPServer:
    """A server with one warm Linter, loaded (and run once) before the first request is read."""
    path = Path(config_path) if config_path else find_config(Path.cwd())
    tools = Tools(load_linter(load_config(path)))
    tools.warm()
    server: MCPServer = MCPServer("outreach-lint", version=__version__, instructions=INSTRUCTIONS)

    def answer(work: Callable[[], T]) -> T:
        try:
            return work()
        except InputProblem as exc:
            raise ToolError(str(exc)) from None

    @server.tool(title="Lint an outreach draft", annotations=_READ_ONLY)
    def lint_outreach(
        body: Annotated[str | None, Field(description="The draft as plain text (or give html).")] = None,
        html: Annotated[str | None, Field(description="The draft as HTML, instead of body.")] = None,
        subject: Annotated[str | None, Field(max_length=SUBJECT_MAX_CHARS, description="Subject line of an email.")] = None,
        profile: Annotated[ProfileArg | None, Field(description="Kind of message; auto (default) reads it from the draft.")] = None,
        kind: Annotated[KindArg | None, Field(description="Same as profile, for callers that name the kind of message.")] = None,
        mode: Annotated[ModeArg | None, Field(description="rendered (default): merge fields like {{first_name}} left in are errors; template: they are expected.")] = None,
    ) -> LintOut:
        """Score one outreach draft (0-100) and list what makes it about the sender instead of the reader.

        Call it after writing or revising a draft and before showing or sending it. Each finding quotes the
        words (excerpt), says why the reader cares, and may carry suggestions: apply every suggestion with
        safe=true by replacing text[start:end] of its field with replacement (apply edits from the end of the
        text backwards), rewrite the other flagged sentences yourself, then call again; stop when the score
        no longer rises or no findings remain."""
        if profile is not None and kind is not None and profile not in (kind, "auto"):
            raise ToolError(f"kind: {kind!r} disagrees with profile {profile!r}: give one of them")
        return answer(lambda: tools.lint(subject, body, html, kind or profile, mode))

    @server.tool(title="Explain a rule", annotations=_READ_ONLY)
    def explain_rule(code: Annotated[str, Field(min_length=1, max_length=40, description="A rule code such as PC001.")]) -> RuleDocOut:
        """What a rule checks, why it matters to the reader, an example, and what to write instead.

        Call it when a lint_outreach finding's message and why are not enough to rewrite the sentence."""
        return answer(lambda: tools.explain(code))

    @server.tool(title="List the rules", annotations=_READ_ONLY)
    def list_rules(
        family: Annotated[str | None, Field(max_length=40, description="A code prefix such as PC or CTA.")] = None,
        profile: Annotated[KindArg | None, Field(description="Only rules that run on this kind of message.")] = None,
    ) -> RuleList:
        """The rules outreach-lint runs: code, name, default severity, one-line summary, and whether enabled.

        Call it to see what a draft is checked for, or to find the codes of one family before explain_rule."""
        return answer(lambda: tools.rules(family, profile))

    return server


def run(config_path: str | None = None) -> None:
    build_server(config_path).run("stdio")
