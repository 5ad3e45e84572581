"""Hostile inputs: does any pattern or input format cost more than linear time?

Two measurements, each at 10 KB, 100 KB and 1 MB of input:

- patterns: every regular expression outreach-lint compiles (``outreach_lint.linear_regex.REGISTRY``)
  against generic hostile texts (long runs of one character, repeated delimiters) and texts built from
  the pattern's own literal characters; the worst growth per pattern is printed.
- formats: ``Linter.lint_bytes`` on hostile documents of every input format (and ``lint_message``),
  including each input that once made a pattern or the parser super-linear.

Linear growth means time at 100 KB / time at 10 KB near 10 (below, when fixed costs dominate). A
ratio over 20 is marked. The script exits 1 if any ratio is over 20, so it can guard a change.

    python benchmarks/adversarial.py                 # both, 10 KB / 100 KB / 1 MB
    python benchmarks/adversarial.py --only patterns
    python benchmarks/adversarial.py --quick         # 1 KB / 10 KB, a smoke test
    python benchmarks/adversarial.py --write         # and put the tables in docs/performance.md
"""

from __future__ import annotations

import argparse
import gc
import os
import string
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from checkout import SRC
from perfdoc import write_section

sys.path.insert(0, str(SRC))

from outreach_lint import Linter, linear_regex  # noqa: E402
from outreach_lint.engine import load_linter  # noqa: E402,F401  (imports every module that compiles patterns)
from outreach_lint.sources import SourceError  # noqa: E402

SIZES = (10_000, 100_000, 1_000_000)
# Documents stop just under the parser's 1,000,000-character limit, so each is parsed in one piece
# (longer ones are parsed in pieces; benchmarks/growth.py measures one).
DOCUMENT_SIZES = (10_000, 100_000, 990_000)
QUICK_SIZES = (1_000, 10_000)
LIMIT = 20.0  # growth over this, for a tenfold input, is super-linear


def repeat(unit: str, prefix: str = "", suffix: str = "") -> Callable[[int], str]:
    """A text of about n characters: ``prefix``, ``unit`` repeated, ``suffix``."""

    def build(n: int) -> str:
        count = max(1, (n - len(prefix) - len(suffix)) // len(unit))
        return prefix + unit * count + suffix

    return build


# Hostile texts for any pattern: the shapes that make backtracking engines blow up.
GENERIC: dict[str, Callable[[int], str]] = {
    "spaces": repeat(" "),
    "letters": repeat("a"),
    "newlines": repeat("\n"),
    "word-underscore": repeat("_a", "[A"),
    "letter-dot": repeat("a.", "@"),
    "brackets": repeat("["),
    "braces-space": repeat(" ", "{{ "),
    "comment-open": repeat("<!--"),
    "entity-start": repeat("&#"),
    "bold-word": repeat("**a "),
    "image-open": repeat("!["),
    "tag-open": repeat("{%"),
    "comment-tag-open": repeat("{#"),
    "reply-prefix": repeat(" ", "re"),
    "sign-off-spaces": repeat(" ", "Best", "x!"),
    "subject-spaces": repeat(" ", "Subject:", "x"),
    "unicode-spaces": repeat("\u00a0\u2009"),
    "dots": repeat("."),
    "blanks": repeat("___ ", "It costs "),
}


def from_pattern(pattern: str) -> dict[str, Callable[[int], str]]:
    """Texts made of the pattern's own literal characters, alone and in pairs."""
    chars = sorted({c for c in pattern if c in string.punctuation or c.isalpha()} - set("\\"))[:12]
    out: dict[str, Callable[[int], str]] = {}
    if chars:
        out["own-chars"] = repeat("".join(chars))
        out["own-chars-spaced"] = repeat(" ".join(chars) + " ")
    for a, b in zip(chars, chars[1:]):
        out[f"own-{a}{b}"] = repeat(a + b)
    return out


def timed(fn: Callable[[], object], rounds: int = 3) -> float:
    """Best of ``rounds``, with the garbage collector paused: the benchmark keeps every match of a
    megabyte in one list, and the collector's passes over that list are not the pattern's cost."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            t = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t)
    finally:
        gc.enable()
    return best


@dataclass(frozen=True)
class Row:
    name: str
    worst: str
    times: tuple[float, ...]

    def ratios(self) -> list[float]:
        # Below a millisecond, fixed costs and timer noise decide the ratio; it says nothing of growth.
        return [b / max(a, 1e-3) for a, b in zip(self.times, self.times[1:])]

    def line(self) -> str:
        ratios = self.ratios()
        flag = "  <-- super-linear" if any(r > LIMIT for r in ratios) else ""
        cells = " ".join(f"{t * 1000:10.2f}" for t in self.times)
        return f"{self.name[:58]:58} {self.worst[:18]:18} {cells}  {' '.join(f'{r:6.1f}' for r in ratios)}{flag}"


def measure_patterns(sizes: tuple[int, ...]) -> list[Row]:
    rows = []
    for k, p in enumerate(linear_regex.REGISTRY):
        inputs = {**GENERIC, **from_pattern(p.pattern)}
        worst: Row | None = None
        for name, build in inputs.items():
            texts = [build(n) for n in sizes]
            times = tuple(timed(lambda t=t: (list(p.finditer(t)), p.match(t), p.search(t))) for t in texts)
            row = Row(f"{k:02} {p.pattern}", name, times)
            if worst is None or max(row.ratios(), default=0) > max(worst.ratios(), default=0) or (
                times[-1] > worst.times[-1] and max(row.ratios(), default=0) >= max(worst.ratios(), default=0)
            ):
                worst = row
        assert worst is not None
        rows.append(worst)
    return rows


def _mime(body: str) -> str:
    return f"From: a@example.com\nTo: b@example.com\nSubject: Hello\nContent-Type: text/plain\n\n{body}"


# (name, file name the format is chosen from, hostile document of about n characters)
FORMATS: list[tuple[str, str, Callable[[int], str]]] = [
    ("text: bracket merge field", "a.txt", repeat("_a", "Hi [A")),
    ("text: sign-off then spaces", "a.txt", repeat(" ", "Hi Sam,\n\nWorth a look?\n\nBest", "x!")),
    ("text: e-mail address of dots", "a.txt", repeat("a.", "Hi @")),
    ("text: braces then spaces", "a.txt", repeat(" ", "{{ ")),
    ("text: run of dots", "a.txt", repeat(".", "Hi ")),
    ("text: Subject line then spaces", "a.txt", repeat(" ", "Subject:", "x\n\nHi")),
    ("text: long word, broken field", "a.txt", repeat("a", "Hi ", "{")),
    ("text: many short lines", "a.txt", repeat("ok\n")),
    ("text: a line of blanks to fill in", "a.txt", repeat("___ ", "It costs ", "a month.")),
    ("text: many links", "a.txt", repeat("see https://a.example/x ")),
    ("text: words", "a.txt", repeat("We help teams like yours ship faster. ")),
    ("text: one sentence of leading questions", "a.txt", repeat("wouldn't you agree that you want it and ", "Hi ", ", right?")),
    ("markdown: brackets", "a.md", repeat("[")),
    ("markdown: bold words", "a.md", repeat("**a ")),
    ("markdown: image openers", "a.md", repeat("![")),
    ("markdown: stars", "a.md", repeat("*a")),
    ("html: entity starts", "a.html", repeat("&#", "<p>", "</p>")),
    ("html: comment openers", "a.html", repeat("<!--", "<p>Hi</p>")),
    ("html: directive then spaces", "a.html", repeat(" ", "<p>Hi</p><!-- outreach-lint:", "x")),
    ("html: many paragraphs", "a.html", repeat("<p>Hi &amp; bye</p>")),
    ("template: tag openers", "a.txt.j2", repeat("{%")),
    ("template: comment openers", "a.txt.j2", repeat("{#")),
    ("template: comment then text", "a.txt.j2", repeat("word ", "{# step #}\nSubject: Hi\n\n")),
    ("eml: plain body of brackets", "a.eml", lambda n: _mime("[" * n)),
    ("eml: many headers", "a.eml", lambda n: "X-A: b\n" * (n // 7) + "Subject: Hi\n\nHello"),
    ("mbox: many messages", "a.mbox", repeat("From a@b Mon Jan 1 00:00:00 2024\nSubject: Hi\n\nHello there.\n\n")),
    ("jsonl: many records", "a.jsonl", repeat('{"subject": "Hi", "body": "Hello there, worth a look?"}\n')),
    ("json: escapes", "a.json", lambda n: '{"body": "' + "\\u00e9\\n" * (n // 8) + '"}'),
    ("script: labels", "a.script.txt", repeat("Rep: Hi there.\nProspect: Hello.\n")),
    ("script: label then spaces", "a.script.txt", repeat(" ", "Rep:", "x")),
]


def _lint_timed(fn: Callable[[], object]) -> float:
    """Seconds one lint took; an input refused as too long (a SourceError) counts as its refusal."""
    started = time.perf_counter()
    try:
        fn()
    except SourceError:
        pass
    return time.perf_counter() - started


def measure_formats(sizes: tuple[int, ...], linter: Linter, report: Callable[[Row], None]) -> list[Row]:
    documents = [
        (name, file_name, lambda data, f=file_name: linter.lint_bytes(data, f), build)
        for name, file_name, build in FORMATS
    ]
    documents.append((
        "lint_message: subject of spaces", "API",
        lambda data: linter.lint_message(subject=data.decode(), body="Hi Sam, worth a look?"), repeat(" ", "re"),
    ))
    rows = []
    for name, file_name, lint, build in documents:
        times = tuple(_lint_timed(lambda d=build(n).encode("utf-8"): lint(d)) for n in sizes)
        rows.append(Row(name, file_name, times))
        report(rows[-1])
    return rows


def header(sizes: tuple[int, ...], first: str) -> str:
    cells = " ".join(f"{f'{n // 1000} KB ms':>10}" for n in sizes)
    growth = " ".join(f"{'x' + str(b // a):>6}" for a, b in zip(sizes, sizes[1:]))
    return f"{first:58} {'worst input':18} {cells}  {growth}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=("patterns", "formats"))
    parser.add_argument("--quick", action="store_true", help="1 KB and 10 KB only (smoke test)")
    parser.add_argument("--write", action="store_true", help="write the tables to docs/performance.md")
    args = parser.parse_args()
    sizes = QUICK_SIZES if args.quick else SIZES
    rows: list[Row] = []
    parts: dict[str, list[str]] = {}
    lines: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    if args.only in (None, "patterns"):
        lines = parts["patterns"] = []
        found = measure_patterns(sizes)
        say(f"Patterns: {len(found)} (every one compiled through outreach_lint.linear_regex)")
        say(header(sizes, "pattern"))
        for row in found:
            say(row.line())
        rows += found
    if args.only in (None, "formats"):
        linter = Linter()
        linter.lint_message(subject="Warm-up", body="Hi Sam, worth a look?")
        lines = parts["formats"] = []
        say(f"Input formats: {len(FORMATS) + 1} hostile documents through Linter.lint_bytes / lint_message")
        doc_sizes = QUICK_SIZES if args.quick else DOCUMENT_SIZES
        say(header(doc_sizes, "document"))
        found = measure_formats(doc_sizes, linter, lambda row: say(row.line()))
        rows += found
    worst = max((r for row in rows for r in row.ratios()), default=0.0)
    bad = [row.name for row in rows if any(r > LIMIT for r in row.ratios())]
    lines = parts.setdefault("formats" if args.only == "formats" else "patterns", [])
    say()
    say(f"Worst growth for a tenfold input: {worst:.1f} (linear is about 10; over {LIMIT:.0f} is marked)")
    if bad:
        say("Super-linear: " + "; ".join(bad))
    if args.write:
        for part, text in parts.items():
            write_section(f"adversarial-{part}", section(text))
    return 1 if bad else 0


def section(lines: list[str]) -> str:
    import platform

    return (
        f"Measured by `python benchmarks/adversarial.py` on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}. Milliseconds per input (patterns: best of three runs of"
        " finditer, match and search; documents: one lint), and the growth for each tenfold step.\n\n"
        "```text\n" + "\n".join(lines) + "\n```"
    )


if __name__ == "__main__":
    sys.exit(main())
