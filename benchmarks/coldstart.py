"""Cold start of `outreach-lint check` against loading the same pipeline with spaCy alone.

    python benchmarks/coldstart.py            # 9 runs of each side, in turn; prints medians and overhead
    python benchmarks/coldstart.py --runs 5

The overhead is what the linter adds to a start: the median of `check one-email.txt` minus the median
of `spacy.load(model, exclude=[...])` with the components the linter leaves out, so both sides load
the same components. The sources are byte-compiled first, as pip does on install, and the two
commands alternate so that a busy neighbour slows both alike.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from checkout import SRC, env_with_source  # noqa: E402
from corpus import email_of  # noqa: E402

# The components the linter never loads for `check` with the default rules (see nlp.py).
EXCLUDED = ["ner", "senter"]


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env_with_source(), capture_output=True, check=False)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    compileall.compile_dir(str(SRC), quiet=2)
    sys.path.insert(0, str(SRC))
    from outreach_lint.nlp import resolve_model

    model = resolve_model(None)
    load_cmd = [sys.executable, "-c", f"import spacy; spacy.load({model!r}, exclude={EXCLUDED!r})"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one-email.txt"
        msg = email_of(150)
        path.write_text(f"Subject: {msg['subject']}\n\n{msg['body']}\n", encoding="utf-8")
        check_cmd = [sys.executable, "-m", "outreach_lint.cli", "check", "-q", str(path)]
        timed(check_cmd)  # one run to warm the pack and syllable caches, as any second start finds them
        check, load = [], []
        for n in range(args.runs):
            pair = [(check, check_cmd), (load, load_cmd)]
            for out, cmd in pair if n % 2 == 0 else reversed(pair):
                out.append(timed(cmd))
    mc, ml = statistics.median(check), statistics.median(load)
    print(f"model {model}, {args.runs} runs each")
    print(f"check  median {mc:.3f} s  (min {min(check):.3f})")
    print(f"load   median {ml:.3f} s  (min {min(load):.3f})")
    print(f"overhead {mc - ml:+.3f} s")


if __name__ == "__main__":
    main()
