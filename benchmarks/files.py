"""`outreach-lint check DIR` against `Linter.lint_many` on the same texts, and the memory of `check`.

    python benchmarks/files.py                      # 1,000 messages for throughput; RSS at 1,000 and 10,000 files
    python benchmarks/files.py --messages 600 --rss 1000,10000 --rounds 1

Each generated message (benchmarks/corpus.py) is written as one .txt file, ``Subject: ...`` then the
body. Throughput runs `check CHUNK --format jsonl` in this process through the CLI's entry point (its
output to a null stream; the pipeline is loaded once per process, so no cold start is counted) and
`Linter.lint_many` on the same messages' subjects and bodies, a chunk of files at a time, in turn,
the order swapped each chunk, so a busy neighbour slows both alike. Memory is the peak resident size
of `python -m outreach_lint.cli check DIR --format jsonl` as a subprocess, read by a wrapper process
from getrusage(RUSAGE_CHILDREN), whose only child it is. Prints figures and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import corpus  # noqa: E402

CHUNK_FILES = 250  # files per turn of each side: each `check` also pays its set-up (config, rules), about 0.3 s

# Run in a fresh interpreter, so RUSAGE_CHILDREN holds the one `check` and nothing else.
_RSS_WRAPPER = (
    "import resource, subprocess, sys\n"
    "rc = subprocess.run([sys.executable, '-m', 'outreach_lint.cli', 'check', sys.argv[1], '--format', 'jsonl'],"
    " stdout=subprocess.DEVNULL).returncode\n"
    "print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def write_files(root: Path, messages: list[dict[str, str]]) -> list[Path]:
    """One file per message, CHUNK_FILES to a folder, so each folder is one turn of `check`."""
    chunks = []
    for start in range(0, len(messages), CHUNK_FILES):
        folder = root / f"chunk{start // CHUNK_FILES:04}"
        folder.mkdir(parents=True)
        for i, m in enumerate(messages[start:start + CHUNK_FILES], start=start):
            (folder / f"m{i:05}.txt").write_text(f"Subject: {m['subject']}\n\n{m['body']}\n", encoding="utf-8")
        chunks.append(folder)
    return chunks


def check_in_process(folder: Path) -> int:
    """`outreach-lint check FOLDER --format jsonl` through the entry point; the number of results."""
    from outreach_lint.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            main(["check", str(folder), "--format", "jsonl"], standalone_mode=False)
        except SystemExit:
            pass
    return sum(1 for line in out.getvalue().splitlines() if json.loads(line)["type"] == "result")


def throughput(messages: list[dict[str, str]], rounds: int) -> dict[str, float]:
    from outreach_lint import Linter

    linter = Linter()
    words = sum(len(f"{m['subject']}\n\n{m['body']}".split()) for m in messages)
    with tempfile.TemporaryDirectory() as tmp:
        chunks = write_files(Path(tmp), messages)
        check_in_process(chunks[0])  # both sides warm: the pipeline, packs and caches loaded
        list(linter.lint_many(messages[:20]))
        spent = {"check": 0.0, "lint_many": 0.0}
        for round_no in range(rounds):
            for n, folder in enumerate(chunks):
                part = messages[n * CHUNK_FILES:(n + 1) * CHUNK_FILES]

                def check() -> float:
                    t = time.perf_counter()
                    got = check_in_process(folder)
                    assert got == len(part), (got, len(part))
                    return time.perf_counter() - t

                def many() -> float:
                    t = time.perf_counter()
                    for _report in linter.lint_many(part, batch_size=64):
                        pass
                    return time.perf_counter() - t

                # Swap which side goes first, so neither always runs on the other's warm caches.
                turn = [("lint_many", many), ("check", check)][:: -1 if (round_no + n) % 2 else 1]
                for side, timed in turn:
                    spent[side] += timed()
    total = words * rounds
    return {"words": words, "check": total / spent["check"], "lint_many": total / spent["lint_many"],
            "ratio": spent["lint_many"] / spent["check"]}


def peak_rss_mb(n: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        write_files(Path(tmp), corpus(n, seed=2))
        out = subprocess.run([sys.executable, "-c", _RSS_WRAPPER, tmp], capture_output=True, text=True, check=True,
                             env=os.environ.copy()).stdout.split()
        return int(out[1]) / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1000, help="messages (files) for the throughput comparison")
    parser.add_argument("--rounds", type=int, default=2, help="passes over them")
    parser.add_argument("--rss", default="1000,10000", help="file counts at which to measure check's peak RSS")
    args = parser.parse_args()
    import outreach_lint

    print(f"outreach_lint from {Path(outreach_lint.__file__).parent}")
    thr = throughput(corpus(args.messages, seed=1), args.rounds)
    print(f"throughput, {thr['words']:,} words x {args.rounds}: check DIR --format jsonl {thr['check']:,.0f} words/s, "
          f"lint_many {thr['lint_many']:,.0f} words/s: ratio {thr['ratio']:.2f} (target >= 0.9)", flush=True)
    sizes = [int(n) for n in args.rss.split(",") if n]
    rss: dict[int, float] = {}
    for n in sizes:
        rss[n] = peak_rss_mb(n)
        print(f"peak RSS, check DIR of {n:,} files: {rss[n]:,.0f} MB", flush=True)
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        print(f"RSS ratio {last:,} / {first:,} files: {rss[last] / rss[first]:.2f} (target: flat, about 1.0)")


if __name__ == "__main__":
    main()
