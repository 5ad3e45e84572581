"""Warm latency of `outreach-lint mcp`: a `lint_outreach` tool call over stdio beside `lint_message`.

One MCP server is started as a child process by the MCP SDK's own client (as an agent host starts it),
and one `Linter` is loaded in this process. Each email of about 200 words (``corpus.py``) is linted
both ways, the two sides taken in turn and the order swapped every time, so a busy neighbour slows
both alike. The difference of the medians is what the protocol adds: JSON-RPC both ways over the pipes,
the SDK's validation of arguments and of the structured result, and the compact report.

    python benchmarks/mcp_latency.py                 # 60 emails after 5 warm-up calls
    python benchmarks/mcp_latency.py --calls 200
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import email_of  # noqa: E402


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def measure(calls: int, warmup: int) -> tuple[list[float], list[float]]:
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    from outreach_lint import Linter

    linter = Linter()
    emails = [email_of(200, seed=100 + n) for n in range(calls + warmup)]
    server = StdioServerParameters(command=sys.executable, args=["-m", "outreach_lint.cli", "mcp"])
    times: tuple[list[float], list[float]] = ([], [])
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            for n, email in enumerate(emails):
                for side in ((0, 1) if n % 2 else (1, 0)):
                    start = time.perf_counter()
                    if side == 0:
                        result = await session.call_tool("lint_outreach", email)
                        if result.is_error:
                            raise SystemExit(f"lint_outreach failed: {result.content}")
                    else:
                        linter.lint_message(**email)
                    if n >= warmup:
                        times[side].append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()
    mcp, local = asyncio.run(measure(args.calls, args.warmup))
    words = statistics.mean(len(email_of(200, seed=100 + n)["body"].split()) for n in range(args.calls))
    print(f"{args.calls} emails of about {words:.0f} words, sides taken in turn")
    print("| Path | p50 | p95 |\n| --- | --- | --- |")
    for name, values in (("MCP `lint_outreach` over stdio", mcp), ("`Linter.lint_message` in process", local)):
        print(f"| {name} | {statistics.median(values):.1f} ms | {_pct(values, 0.95):.1f} ms |")
    print(f"MCP p50 - in-process p50: {statistics.median(mcp) - statistics.median(local):+.1f} ms")


if __name__ == "__main__":
    main()
