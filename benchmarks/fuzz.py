"""A long fuzzing campaign: the suite's hostile-input fuzz tests with many more examples.

tests/security/test_fuzz.py runs a few dozen examples per format in the test suite; this runs it with
``--examples`` per format (default 2,000) against this checkout and prints what hypothesis tried and
whether anything failed (an exception, a hang over 5 s, an excerpt that is not the source slice).

    python benchmarks/fuzz.py                  # 2,000 examples per test, about half an hour
    python benchmarks/fuzz.py --examples 200
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time

from checkout import SRC, env_with_source

TESTS = SRC.parent / "tests" / "security" / "test_fuzz.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per fuzz test")
    args = parser.parse_args()
    env = env_with_source()
    env["OUTREACH_LINT_FUZZ_EXAMPLES"] = str(args.examples)
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics", str(TESTS)],
        cwd=SRC.parent, env=env, capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - started
    out = run.stdout
    print(f"Fuzzed {TESTS.relative_to(SRC.parent)} with up to {args.examples:,} examples per test in {elapsed:.0f} s")
    for test, block in re.findall(r"test_fuzz\.py::(\w+):\n(.*?)(?=\n\S|\Z)", out, re.S):
        # One line per phase (generate, shrink...): the counts are their sums.
        counts = [tuple(map(int, m)) for m in re.findall(r"(\d+) passing examples?, (\d+) failing examples?, (\d+) invalid", block)]
        typical = re.findall(r"Typical runtimes: ([^\n]+)", block)
        if counts:
            passing, failing, invalid = (sum(c[i] for c in counts) for i in range(3))
            print(f"  {test:18} {passing:6,} passing, {failing} failing, {invalid} invalid;"
                  f" runtimes {typical[-1] if typical else '?'}")
    summary = out.strip().splitlines()[-1] if out.strip() else run.stderr.strip()[-500:]
    print(summary)
    return run.returncode


if __name__ == "__main__":
    os.chdir(SRC.parent)
    sys.exit(main())
