"""Does linting one long message grow linearly with its length?

One message of realistic prose (bodies from ``corpus.py`` joined into paragraphs) at about 1k, 10k
and 100k words, the 100k words again as 50,000 short lines (two words a line), and one text over
spaCy's 1,000,000-character limit (about 1.15 MB, linted in chunks), each through
``Linter().lint_message``. Every lint runs in a child process of its own, so its peak resident size
(``getrusage``) is its own; the children are run in turn, in one order and then the reverse, and the
faster of the two times is kept, so a busy neighbour slows every size alike.

Targets: 100k/10k words <= 12x (linear is 10x); 50,000 short lines < 5x the same words in paragraphs.

    python benchmarks/growth.py                          # every size, twice
    python benchmarks/growth.py --rounds 1 --quick       # 1k and 10k words only, a smoke test
    python benchmarks/growth.py --profile lines 100000   # cProfile of one lint, the slowest calls
    python benchmarks/growth.py --write                  # and put the table in docs/performance.md
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Any

from checkout import SRC, env_with_source
from corpus import message

KINDS = ("prose", "lines")
GROWTH_LIMIT = 12.0  # 100k words / 10k words
LINES_LIMIT = 5.0  # 50,000 short lines / the same words in paragraphs
LINE_COUNT = 50_000
OVER_LIMIT_CHARS = 1_150_000  # a text over spaCy's default max_length of 1,000,000


def prose(words: int, seed: int = 5) -> str:
    """About ``words`` words of outreach prose: the paragraphs of many generated bodies, one greeting
    before them and one ask and sign-off after, so it reads as one long email."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        body = message(rng, rng.randint(120, 300))["body"].split("\n\n")
        for paragraph in body[1:-2]:  # the greeting and the closing ask and name are not repeated
            paragraphs.append(paragraph)
            count += len(paragraph.split())
    return "Hi Dana,\n\n" + "\n\n".join(paragraphs) + "\n\nWorth a look?\n\nSam"


def prose_of_chars(chars: int) -> str:
    """Prose of about ``chars`` characters (a little more), ending at a paragraph's end."""
    text = prose(chars // 5)
    while len(text) < chars:
        text = prose(len(text.split()) * chars // len(text) + 1000)
    cut = text.find("\n\n", chars)
    return text if cut < 0 else text[:cut] + "\n\nWorth a look?\n\nSam"


def short_lines(text: str, lines: int = LINE_COUNT) -> str:
    """The words of ``text`` laid out as ``lines`` lines of a few words each."""
    words = text.split()
    per_line = max(1, round(len(words) / lines))
    return "\n".join(" ".join(words[i : i + per_line]) for i in range(0, len(words), per_line))


def build(kind: str, size: int) -> str:
    if kind == "prose":
        return prose(size)
    if kind == "lines":
        return short_lines(prose(size))
    if kind == "chars":
        return prose_of_chars(size)
    raise ValueError(f"unknown input kind {kind!r}")


def warm_linter() -> Any:
    """A Linter of this checkout with its pipeline loaded and warmed by one short message."""
    sys.path.insert(0, str(SRC))
    from outreach_lint import Linter

    linter = Linter()
    linter.lint_message(subject="Warm-up", body="Hi Sam, worth a look?")
    return linter


def child(kind: str, size: int) -> None:
    """Lint one input in this process; print its time and memory as one JSON line."""
    linter, body = warm_linter(), build(kind, size)
    warm_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    report = linter.lint_message(subject="One long message", body=body)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({
        "seconds": seconds, "chars": len(body), "words": len(body.split()), "lines": body.count("\n") + 1,
        "warm_mb": warm_kb / 1024, "peak_mb": peak_kb / 1024, "diagnostics": len(report.diagnostics),
    }))


def profile(kind: str, size: int, top: int) -> None:
    import cProfile
    import pstats

    linter, body = warm_linter(), build(kind, size)
    profiler = cProfile.Profile()
    profiler.runcall(linter.lint_message, subject="One long message", body=body)
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


@dataclass(frozen=True)
class Case:
    label: str
    kind: str
    size: int


@dataclass(frozen=True)
class Result:
    case: Case
    seconds: float
    chars: int
    words: int
    lines: int
    warm_mb: float
    peak_mb: float
    diagnostics: int


def run_child(case: Case) -> Result:
    out = subprocess.run(
        [sys.executable, __file__, "--child", case.kind, str(case.size)],
        env=env_with_source(), capture_output=True, text=True, check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"{case.label}: the child failed:\n{out.stderr[-3000:]}")
    return Result(case, **json.loads(out.stdout.strip().splitlines()[-1]))


def measure(cases: list[Case], rounds: int) -> dict[str, Result]:
    best: dict[str, Result] = {}
    for r in range(rounds):
        for case in cases if r % 2 == 0 else reversed(cases):
            result = run_child(case)
            print(f"  round {r + 1}: {case.label}: {result.seconds:.2f} s, peak RSS {result.peak_mb:.0f} MB", file=sys.stderr, flush=True)
            if case.label not in best or result.seconds < best[case.label].seconds:
                best[case.label] = result
    return best


def table(results: dict[str, Result], quick: bool) -> list[str]:
    lines = [
        "| Input | Characters | Lines | Time | Peak RSS (after warm-up) | Findings |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in results.values():
        lines.append(
            f"| {r.case.label} | {r.chars:,} | {r.lines:,} | {r.seconds:.2f} s | {r.peak_mb:,.0f} MB ({r.warm_mb:,.0f} MB) | {r.diagnostics:,} |"
        )
    t = {label: r.seconds for label, r in results.items()}
    lines.append("")
    lines.append(f"- 10k / 1k words: {t['10k words'] / t['1k words']:.1f}x (linear: 10x)")
    if not quick:
        grow = t["100k words"] / t["10k words"]
        lined = t["100k words, 50,000 lines"] / t["100k words"]
        lines.append(f"- 100k / 10k words: {grow:.1f}x (target <= {GROWTH_LIMIT:.0f}x: {'met' if grow <= GROWTH_LIMIT else 'NOT met'})")
        lines.append(
            f"- 50,000 short lines / the same words in paragraphs: {lined:.2f}x "
            f"(target < {LINES_LIMIT:.0f}x: {'met' if lined < LINES_LIMIT else 'NOT met'})"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2, help="runs of every case, in alternating order")
    parser.add_argument("--quick", action="store_true", help="1k and 10k words only (smoke test)")
    parser.add_argument("--no-over-limit", action="store_true", help="leave out the 1.15 MB text")
    parser.add_argument("--write", action="store_true", help="write the table to docs/performance.md")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--profile", nargs=2, metavar=("KIND", "SIZE"), help="profile one lint: prose|lines WORDS, or chars CHARS")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    if args.profile:
        profile(args.profile[0], int(args.profile[1]), args.top)
        return 0
    cases = [Case("1k words", "prose", 1_000), Case("10k words", "prose", 10_000)]
    if not args.quick:
        cases += [Case("100k words", "prose", 100_000), Case("100k words, 50,000 lines", "lines", 100_000)]
        if not args.no_over_limit:
            cases.append(Case("1.15 MB of prose (chunked)", "chars", OVER_LIMIT_CHARS))
    results = measure(cases, args.rounds)
    ordered = {c.label: results[c.label] for c in cases}
    lines = table(ordered, args.quick)
    print("\n".join(lines))
    if args.write:
        from perfdoc import write_section

        import platform

        head = (
            f"Measured by `python benchmarks/growth.py` on {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}: one `Linter().lint_message` per child process, best of "
            f"{args.rounds} runs taken in turn.\n\n"
        )
        write_section("growth", head + "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
