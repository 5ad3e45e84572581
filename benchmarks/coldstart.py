"""Cold start of `outreach-lint check` against loading the same pipeline with spaCy alone.

    python benchmarks/coldstart.py            # 9 runs of each side, in turn; prints medians and overhead
    python benchmarks/coldstart.py --runs 5
    python benchmarks/coldstart.py --src /elsewhere/src   # another copy's sources (a before-and-after)

The overhead is what the linter adds to a start: the median of `check one-email.txt` minus the median
of `spacy.load(model, exclude=[...])` with the components the linter leaves out, so both sides load
the same components. The sources are byte-compiled first, as pip does on install, and the two
commands alternate so that a busy neighbour slows both alike.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from checkout import SRC  # noqa: E402
from corpus import email_of  # noqa: E402

# The components the linter never loads for `check` with the default rules (see nlp.py).
EXCLUDED = ["ner", "senter"]


def timed(cmd: list[str], src: Path) -> tuple[float, float]:
    """Wall time and the child's CPU time (user + system): on a busy machine the CPU time is the
    steadier of the two, since waiting for a core is not counted."""
    env = dict(os.environ, PYTHONPATH=str(src))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, env=env, capture_output=True, check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(runs: int, src: Path = SRC) -> dict[str, float | str]:
    """Medians of both sides over ``runs`` runs each, taken in turn: wall and CPU seconds, and the
    overheads (check minus load) of each."""
    src = src.resolve()
    compileall.compile_dir(str(src), quiet=2)
    sys.path.insert(0, str(src))
    from outreach_lint.nlp import resolve_model

    model = resolve_model(None)
    load_cmd = [sys.executable, "-c", f"import spacy; spacy.load({model!r}, exclude={EXCLUDED!r})"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one-email.txt"
        msg = email_of(150)
        path.write_text(f"Subject: {msg['subject']}\n\n{msg['body']}\n", encoding="utf-8")
        check_cmd = [sys.executable, "-m", "outreach_lint.cli", "check", "-q", str(path)]
        timed(check_cmd, src)  # one run to warm the pack and syllable caches, as any second start finds them
        check, load = [], []
        for n in range(runs):
            pair = [(check, check_cmd), (load, load_cmd)]
            for out, cmd in pair if n % 2 == 0 else reversed(pair):
                out.append(timed(cmd, src))
    out: dict[str, float | str] = {"model": model, "runs": runs, "src": str(src)}
    for i, what in enumerate(("wall", "cpu")):
        out[f"check_{what}"], out[f"load_{what}"] = (statistics.median(t[i] for t in side) for side in (check, load))
        out[f"overhead_{what}"] = float(out[f"check_{what}"]) - float(out[f"load_{what}"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--src", type=Path, default=SRC, help="the sources to run (default: this checkout's)")
    args = parser.parse_args()
    result = measure(args.runs, args.src)
    print(f"model {result['model']}, {args.runs} runs each, sources {result['src']}")
    for what in ("wall", "cpu"):
        print(f"{what:4}  check median {result[f'check_{what}']:.3f} s  load median {result[f'load_{what}']:.3f} s  "
              f"overhead {result[f'overhead_{what}']:+.3f} s")


if __name__ == "__main__":
    main()
