"""How well the score ranks good messages above bad ones, on every labelled set the team measures.

    python benchmarks/accuracy.py              # print the tables
    python benchmarks/accuracy.py --write      # and write them into docs/accuracy.md
    python benchmarks/accuracy.py --dev PATH   # the dev set from elsewhere (default: ../shared/eval/...)

Each set gets one table: all messages, each profile, each source_kind and each value of complete (when
the set has them) and, for the dev set, its two halves by source host (A tunes, B checks). Every figure comes from the public
``outreach_lint.evaluate`` functions and one Linter with the default settings, so the tables are what
``outreach-lint evaluate FILE --by profile`` would print. See docs/accuracy.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # measure this checkout, not whatever is installed

from outreach_lint import Linter  # noqa: E402
from outreach_lint._version import __version__  # noqa: E402
from outreach_lint.evaluate import (  # noqa: E402
    BOOTSTRAP_RESAMPLES,
    NO_GROUP,
    EvaluationError,
    GroupStats,
    Labelled,
    Outcome,
    breakdown,
    evaluate,
    field_key,
    format_auc,
    format_share,
    read_labelled,
)

DOC = ROOT / "docs" / "accuracy.md"
BEGIN, END = "<!-- accuracy:begin -->", "<!-- accuracy:end -->"
CORPUS = ROOT / "tests" / "corpus" / "messages.jsonl"
HOLDOUT = ROOT / "tests" / "corpus" / "holdout.jsonl"
REAL_STYLES = ROOT / "tests" / "corpus" / "messages-real-styles.jsonl"
UNSEEN = ROOT / "tests" / "corpus" / "messages-unseen.jsonl"
DEV = ROOT.parent / "shared" / "eval" / "real-outreach-dev.jsonl"
HALF_A, HALF_B = "half A (tune)", "half B (check)"


def host_halves(records: Sequence[Labelled]) -> Callable[[Labelled], str]:
    """Split a set in two by the host of each record's ``source_url``, keeping a host's messages together.

    Hosts go largest first (then by name), each to the half with fewer messages so far, ties to A, so
    the halves come out about even and no site's writing style is in both.
    """
    def host(record: Labelled) -> str:
        url = record.fields.get("source_url")
        return (urlparse(url).hostname or NO_GROUP) if isinstance(url, str) else NO_GROUP

    counts = Counter(host(r) for r in records)
    half: dict[str, str] = {}
    size = {HALF_A: 0, HALF_B: 0}
    for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        side = HALF_A if size[HALF_A] <= size[HALF_B] else HALF_B
        half[name] = side
        size[side] += n
    return lambda record: half[host(record)]


def rows(records: Sequence[Labelled], outcomes: Sequence[Outcome], halves: bool) -> list[GroupStats]:
    out = list(breakdown(outcomes, lambda _: "all"))
    # "complete" (where the set has it) splits whole messages from copies cut short where they were found.
    for name in ("profile", "source_kind", "complete"):
        if any(name in r.fields for r in records):
            out.extend(
                replace(g, name=f"{name}={g.name}") for g in breakdown(outcomes, field_key(name))
            )
    if halves:
        out.extend(breakdown(outcomes, host_halves(records)))
    return out


def table(title: str, groups: Sequence[GroupStats]) -> str:
    def count(share: float | None, total: int) -> str:
        # The share is a count over the total, so rounding gives the count back exactly.
        return "-" if share is None else f"{round(share * total)}/{total} ({format_share(share)})"

    lines = [
        f"### {title}",
        "",
        "| group | messages | good/bad | AUC (90% CI) | pairs ordered | good flagged | bad unflagged |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for g in groups:
        pairs = f"{g.pairs_ordered}/{g.pairs_total}" if g.pairs_total else "-"
        lines.append(
            f"| {g.name} | {g.messages} | {g.good}/{g.bad} | {format_auc(g.auc, g.auc_interval)} | {pairs} "
            f"| {count(g.good_flagged, g.good)} | {count(g.bad_unflagged, g.bad)} |"
        )
    return "\n".join(lines)


def shown(path: Path) -> str:
    """The path as the tables name it: relative to the repository root when it can be."""
    return os.path.relpath(path.resolve(), ROOT) if path.is_absolute() else str(path)


def measure(dev: Path) -> str:
    linter = Linter()
    sets = [(CORPUS, "team corpus", False), (REAL_STYLES, "team corpus in real styles", False),
            (HOLDOUT, "holdout", False), (UNSEEN, "written without reading the rules", False)]
    notes = []
    if dev.is_file():
        sets.append((dev, "dev set", True))
    else:
        notes.append(f"dev set {dev} skipped: not found (pass --dev PATH)")  # the path as the user gave it
    parts = [
        (f"Measured with outreach-lint {__version__}, default settings; intervals from "
         f"{BOOTSTRAP_RESAMPLES} bootstrap resamples with a fixed seed.")
    ]
    for path, label, halves in sets:
        records = read_labelled(path)
        result = evaluate(linter, records)
        parts.append(table(f"{label}: {shown(path)}", rows(records, result.outcomes, halves)))
        if halves:
            # The same messages with their profile left to inference (profile = "auto"), grouped by the
            # profile their record names, so the two tables compare row by row.
            inferred = [replace(r, message={k: v for k, v in r.message.items() if k != "profile"}) for r in records]
            result = evaluate(linter, inferred)
            parts.append(table(f"{label}, profile inferred (auto): {shown(path)}", rows(records, result.outcomes, halves)))
    parts.extend(notes)
    return "\n\n".join(parts)


def write(section: str, path: Path = DOC) -> None:
    """Put ``section`` between the page's markers, keeping the hand-written prose around them."""
    doc = path.read_text(encoding="utf-8") if path.exists() else f"# Accuracy\n\n{BEGIN}\n{END}\n"
    if BEGIN not in doc or END not in doc:
        doc += f"\n{BEGIN}\n{END}\n"
    head, _, rest = doc.partition(BEGIN)
    _, _, tail = rest.partition(END)
    path.write_text(f"{head}{BEGIN}\n{section}\n{END}{tail}", encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=DEV, help="the dev set (skipped with a note if absent)")
    parser.add_argument("--write", action="store_true", help="write the tables into docs/accuracy.md")
    args = parser.parse_args(argv)
    try:
        section = measure(args.dev)
    except EvaluationError as exc:
        print(f"accuracy: error: {exc}", file=sys.stderr)
        return 2
    print(section)
    if args.write:
        write(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
