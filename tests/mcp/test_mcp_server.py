"""`outreach-lint mcp` driven by the MCP SDK's own client over stdio, as a drafting agent would."""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

import jsonschema
import pytest

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

WEAK_DRAFT = (
    "Hi Morgan,\n\n"
    "I hope this email finds you well. Our platform is the industry-leading solution and we utilize "
    "cutting-edge AI to leverage synergies. We are the best at what we do and our team is world-class.\n\n"
    "Let me know if you are interested.\n\nThanks,\nRiley"
)


def _params() -> StdioServerParameters:
    return StdioServerParameters(command=sys.executable, args=["-m", "outreach_lint.cli", "mcp"])


async def _session_run(work) -> Any:
    async with stdio_client(_params()) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            return await work(session)


def run(work) -> Any:
    return asyncio.run(_session_run(work))


def _structured(result) -> dict[str, Any]:
    assert not result.is_error, result.content
    return result.structured_content


def _apply_safe(text: str, findings: list[dict[str, Any]]) -> str:
    edits = [
        e
        for f in findings
        for s in f["suggestions"]
        if s["safe"]
        for e in s["edits"]
        if e["field"] == "body"
    ]
    taken: list[tuple[int, int]] = []
    for e in sorted(edits, key=lambda e: e["start"], reverse=True):
        if any(e["start"] < end and start < e["end"] for start, end in taken):
            continue  # overlapping edits: keep the later one, lint again for the rest
        text = text[: e["start"]] + e["replacement"] + text[e["end"] :]
        taken.append((e["start"], e["end"]))
    return text


def test_tools_are_listed_with_schemas_and_results_match_them() -> None:
    async def work(session: ClientSession):
        tools = {t.name: t for t in (await session.list_tools()).tools}
        assert set(tools) >= {"lint_outreach", "explain_rule", "list_rules"}
        for tool in tools.values():
            assert tool.description and len(tool.description) > 40
            jsonschema.Draft202012Validator.check_schema(tool.input_schema)
            jsonschema.Draft202012Validator.check_schema(tool.output_schema)
        lint = _structured(await session.call_tool("lint_outreach", {"subject": "Quick question", "body": WEAK_DRAFT}))
        explain = _structured(await session.call_tool("explain_rule", {"code": lint["findings"][0]["code"]}))
        listing = _structured(await session.call_tool("list_rules", {"family": "CTA"}))
        for name, value in (("lint_outreach", lint), ("explain_rule", explain), ("list_rules", listing)):
            jsonschema.validate(value, tools[name].output_schema)
        return lint, explain, listing

    lint, explain, listing = run(work)
    assert 0 <= lint["score"] < 100 and lint["findings"]
    for finding in lint["findings"]:
        if finding["field"] == "body" and finding["start"] is not None:
            assert WEAK_DRAFT[finding["start"] : finding["end"]] == finding["excerpt"]
        assert finding["why"]
    assert explain["code"] == lint["findings"][0]["code"]
    assert listing["rules"] and all(r["code"].startswith("CTA") for r in listing["rules"])


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"body": "Hi there, a short note.", "html": "<p>Hi there</p>"}, "html"),
        ({"body": ""}, "body"),
        ({"body": "Hello", "profile": "carrier-pigeon"}, "profile"),
    ],
)
def test_bad_input_is_a_tool_error_naming_the_field(arguments: dict[str, Any], field: str) -> None:
    async def work(session: ClientSession):
        bad = await session.call_tool("lint_outreach", arguments)
        good = await session.call_tool("lint_outreach", {"body": "Would Tuesday at 10 suit you for a call?"})
        return bad, good

    bad, good = run(work)
    assert bad.is_error
    assert field in " ".join(getattr(c, "text", "") for c in bad.content)
    assert not good.is_error  # the server is still serving


def test_unknown_rule_is_a_tool_error() -> None:
    result = run(lambda session: session.call_tool("explain_rule", {"code": "ZZ999"}))
    assert result.is_error
    assert "code" in " ".join(getattr(c, "text", "") for c in result.content)


def test_an_agent_loop_of_safe_suggestions_raises_the_score() -> None:
    async def work(session: ClientSession):
        first = _structured(await session.call_tool("lint_outreach", {"body": WEAK_DRAFT}))
        revised = _apply_safe(WEAK_DRAFT, first["findings"])
        second = _structured(await session.call_tool("lint_outreach", {"body": revised}))
        return first, revised, second

    first, revised, second = run(work)
    assert any(s["safe"] for f in first["findings"] for s in f["suggestions"]), json.dumps(first)[:500]
    assert revised != WEAK_DRAFT
    assert second["score"] > first["score"]
