"""outreach-lint benchmarks: latency, throughput against raw spaCy, cold start, processes, memory, peers.

    python benchmarks/bench.py            # full run (about fifteen minutes on 2 cores), updates docs/performance.md
    python benchmarks/bench.py --quick    # small sizes, prints the table only (a smoke test)
    python benchmarks/bench.py --only throughput   # one measurement, printed only

Every figure that is compared with something else is measured in the same run on the same machine,
with the two sides taken in turn (call by call, batch by batch or run by run, the order swapped each
time), so a noisy neighbour slows both alike. Throughput and the process speed-ups sum each side's
time over its turns; latency and cold start compare medians (and latency p99s) of the turns.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from checkout import SRC, env_with_source  # noqa: E402
from corpus import corpus, email_of  # noqa: E402
from perfdoc import DOC, write_section  # noqa: E402


@dataclass(frozen=True)
class Sizes:
    latency_calls: int
    throughput_messages: int
    rounds: int
    processes_messages: int
    memory_messages: int
    cold_runs: int


FULL = Sizes(latency_calls=300, throughput_messages=600, rounds=3, processes_messages=1000, memory_messages=10_000, cold_runs=9)
QUICK = Sizes(latency_calls=20, throughput_messages=40, rounds=1, processes_messages=40, memory_messages=200, cold_runs=1)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def stock_pipeline():
    """What a user would load themselves: the same model and the components the linter runs, as shipped.

    The linter swaps the model's attribute ruler for a lookup component with identical output (and adds
    a line-break boundary step); the baseline keeps spaCy's own, so the ratio shows what the linter costs
    against ``spacy.load(model, exclude=["ner", "senter"])``.
    """
    import spacy

    from outreach_lint.nlp import resolve_model

    return spacy.load(resolve_model(None).replace("-", "_"), exclude=["ner", "senter"])


def calls_in_turn(calls: int, first: Callable[[], object], second: Callable[[], object]) -> tuple[list[float], list[float]]:
    """Milliseconds of each call of ``first`` and of ``second``, called in turn ``calls`` times each,
    which goes first swapped every time, so neither always runs on the other's warm caches."""
    times: tuple[list[float], list[float]] = ([], [])
    for n in range(calls):
        for k in ((0, 1) if n % 2 else (1, 0)):
            t = time.perf_counter()
            (first, second)[k]()
            times[k].append((time.perf_counter() - t) * 1000)
    return times


def latency(sizes: Sizes) -> dict[str, float]:
    from outreach_lint import Linter

    linter = Linter()
    raw_nlp = stock_pipeline()
    msg = email_of(150)
    # Raw spaCy parses what the linter parses: the subject line and the body.
    text = f"{msg['subject']}\n\n{msg['body']}"
    words = len(msg["body"].split())
    for _ in range(10):
        linter.lint_message(subject=msg["subject"], body=msg["body"])
        raw_nlp(text)
    lint_ms, raw_ms = calls_in_turn(sizes.latency_calls, lambda: linter.lint_message(subject=msg["subject"], body=msg["body"]),
                                    lambda: raw_nlp(text))
    return {
        "words": words,
        "p50": statistics.median(lint_ms),
        "p99": percentile(lint_ms, 0.99),
        "raw_p50": statistics.median(raw_ms),
        "raw_p99": percentile(raw_ms, 0.99),
        "ratio": statistics.median(lint_ms) / statistics.median(raw_ms),
    }


def throughput(sizes: Sizes) -> dict[str, float]:
    """lint_many against nlp.pipe, batch by batch in turn, so that a noisy neighbour slows both alike.

    Raw spaCy (the stock pipeline, see ``stock_pipeline``) parses exactly the text the linter parses for
    each message: the subject line and the body.
    """
    from outreach_lint import Linter

    linter = Linter()
    raw_nlp = stock_pipeline()
    messages = corpus(sizes.throughput_messages, seed=1)
    texts = [f"{m['subject']}\n\n{m['body']}" for m in messages]
    words = sum(len(t.split()) for t in texts)
    list(linter.lint_many(messages[:20]))
    batch = 64
    raw_s = lint_s = 0.0
    for round_no in range(sizes.rounds):
        for n, i in enumerate(range(0, len(messages), batch)):
            def raw() -> float:
                t = time.perf_counter()
                for _doc in raw_nlp.pipe(texts[i : i + batch], batch_size=batch):
                    pass
                return time.perf_counter() - t

            def lint() -> float:
                t = time.perf_counter()
                for _report in linter.lint_many(messages[i : i + batch], batch_size=batch):
                    pass
                return time.perf_counter() - t

            # Alternate which side goes first, so neither always runs on the other's warm caches.
            if (round_no + n) % 2:
                lint_s += lint()
                raw_s += raw()
            else:
                raw_s += raw()
                lint_s += lint()
    total = words * sizes.rounds
    return {"words": words, "raw": total / raw_s, "linter": total / lint_s, "ratio": raw_s / lint_s,
            "components": ", ".join(f"{name} ({factory})" if factory != name else name
                                    for name, factory in ((n, linter.nlp.get_pipe_meta(n).factory) for n in linter.nlp.pipe_names))}


def cold_start(sizes: Sizes) -> dict[str, float]:
    """The command as installed against loading the same components of the model alone, in turn
    (benchmarks/coldstart.py). The baseline loads what the linter loads (``exclude=["ner",
    "senter"]``): loading NER too would make the linter's own start-up look cheaper than it is. CPU
    time is reported beside wall time: on a busy machine it is the steadier of the two.
    """
    from coldstart import measure

    result = measure(sizes.cold_runs)
    return {"model": result["model"], "check": result["check_wall"], "load": result["load_wall"],
            "overhead": result["overhead_wall"], "check_cpu": result["check_cpu"], "load_cpu": result["load_cpu"],
            "overhead_cpu": result["overhead_cpu"]}


def processes(sizes: Sizes) -> dict[str, float]:
    """One process against two, for the API and the command, in turn: each round runs both sides,
    the order swapped every round, and each side's times are summed over the rounds."""
    from outreach_lint import Linter

    messages = corpus(sizes.processes_messages, seed=2)
    linter = Linter()
    list(linter.lint_many(messages[:10]))
    api = {1: 0.0, 2: 0.0}
    cli = {1: 0.0, 2: 0.0}
    with tempfile.TemporaryDirectory() as tmp:
        for i, m in enumerate(messages):
            (Path(tmp) / f"m{i:05d}.txt").write_text(f"Subject: {m['subject']}\n\n{m['body']}\n", encoding="utf-8")
        for round_no in range(sizes.rounds):
            for n in ((1, 2) if round_no % 2 else (2, 1)):
                t = time.perf_counter()
                list(linter.lint_many(messages, batch_size=64, n_process=n))
                api[n] += time.perf_counter() - t
            for jobs in ((1, 2) if round_no % 2 else (2, 1)):
                t = time.perf_counter()
                subprocess.run([sys.executable, "-m", "outreach_lint.cli", "check", "-q", "--jobs", str(jobs), tmp],
                               env=env_with_source(), capture_output=True, check=False)
                cli[jobs] += time.perf_counter() - t
    rounds = sizes.rounds
    return {"messages": len(messages), "rounds": rounds, "api_1": api[1] / rounds, "api_2": api[2] / rounds,
            "api_speedup": api[1] / api[2], "cli_1": cli[1] / rounds, "cli_2": cli[2] / rounds,
            "cli_speedup": cli[1] / cli[2]}


def peers(sizes: Sizes) -> dict[str, float]:
    """proselint, a prose linter people reach for first, on the same email: warm latency in-process
    (calls taken in turn with outreach-lint's) and cold start of its command on the same file.

    proselint uses no NLP model, so it shows what regular-expression linting costs, not a parse.
    Returns {"missing": ...} when proselint is not installed (``pip install '.[bench]'``).
    """
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return {"missing": "proselint is not installed: pip install '.[bench]'"}
    from outreach_lint import Linter

    CheckRegistry().register_many(__register__)
    linter = Linter()
    msg = email_of(150)
    text = f"{msg['subject']}\n\n{msg['body']}"
    for _ in range(10):
        LintFile("<text>", text).lint()
        linter.lint_message(subject=msg["subject"], body=msg["body"])
    ours_ms, theirs_ms = calls_in_turn(sizes.latency_calls, lambda: linter.lint_message(subject=msg["subject"], body=msg["body"]),
                                       lambda: LintFile("<text>", text).lint())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one-email.txt"
        path.write_text(text + "\n", encoding="utf-8")
        cold: dict[str, list[float]] = {"ours": [], "theirs": []}
        commands = (("ours", [sys.executable, "-m", "outreach_lint.cli", "check", "-q", str(path)]),
                    ("theirs", [sys.executable, "-m", "proselint", "check", str(path)]))
        for n in range(sizes.cold_runs):
            for side, command in (commands if n % 2 else commands[::-1]):
                t = time.perf_counter()
                subprocess.run(command, env=env_with_source(), capture_output=True, check=False)
                cold[side].append(time.perf_counter() - t)
    return {"words": len(msg["body"].split()), "ours_p50": statistics.median(ours_ms),
            "ours_p99": percentile(ours_ms, 0.99), "proselint_p50": statistics.median(theirs_ms),
            "proselint_p99": percentile(theirs_ms, 0.99), "ours_cold": statistics.median(cold["ours"]),
            "proselint_cold": statistics.median(cold["theirs"])}


MEMORY_PROBE = r"""
import json, sys
sys.path.insert(0, sys.argv[2])
from corpus import corpus
from outreach_lint import Linter

def rss_kb(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1])

n = int(sys.argv[1])
linter = Linter()
samples = []
step = max(1, n // 10)
for i, _report in enumerate(linter.lint_many(corpus(n, seed=3), batch_size=64), start=1):
    if i % step == 0:
        samples.append([i, rss_kb("VmRSS:")])
print(json.dumps({"samples": samples, "peak_kb": rss_kb("VmHWM:")}))
"""


def memory(sizes: Sizes) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(sizes.memory_messages), str(HERE)],
                         env=env_with_source(), capture_output=True, text=True, check=True)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    samples = data["samples"]
    # Growth is judged from 10% to 90% of the run; the sample after the final (partial) batch is
    # reported separately, since the allocator may keep that batch's buffers.
    first, late, last = samples[0], samples[-2] if len(samples) > 1 else samples[-1], samples[-1]
    return {"messages": sizes.memory_messages, "first_at": first[0], "first_mb": first[1] / 1024,
            "late_at": late[0], "late_mb": late[1] / 1024, "last_mb": last[1] / 1024,
            "peak_mb": data["peak_kb"] / 1024, "growth_mb": (late[1] - first[1]) / 1024}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    import spacy

    from outreach_lint import __version__

    return (f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; Python "
            f"{platform.python_version()}; spaCy {spacy.__version__}; outreach-lint {__version__}")


def table(lat: dict, thr: dict, cold: dict, proc: dict, mem: dict, peer: dict) -> str:
    def ok(good: bool) -> str:
        return "yes" if good else "**no**"

    rows = [
        ("Warm latency, `Linter.lint_message` vs raw `nlp(text)`, one {words}-word email, calls taken in turn".format(**lat),
         f"p50 {lat['p50']:.1f} ms vs {lat['raw_p50']:.1f} ms: {lat['ratio']:.2f}x; p99 {lat['p99']:.1f} ms vs "
         f"{lat['raw_p99']:.1f} ms", "p50 <= 0.85x", ok(lat["ratio"] <= 0.85)),
        (f"Batch throughput, `lint_many` vs raw `nlp.pipe` ({thr['words']:,} words of subject and body, batches taken in turn)",
         f"{thr['linter']:,.0f} vs {thr['raw']:,.0f} words/s: ratio {thr['ratio']:.2f}", ">= 1.3", ok(thr["ratio"] >= 1.3)),
        ("Cold start, `outreach-lint check one-email.txt` vs `spacy.load` of the same components",
         f"{cold['check']:.2f} s vs {cold['load']:.2f} s: overhead {cold['overhead']:+.2f} s (CPU time "
         f"{cold['check_cpu']:.2f} s vs {cold['load_cpu']:.2f} s: {cold['overhead_cpu']:+.2f} s)", "<= 0.15 s",
         ok(cold["overhead"] <= 0.15)),
        (f"Processes, `lint_many(n_process=2)`, {proc['messages']:,} messages",
         f"{proc['api_1']:.1f} s -> {proc['api_2']:.1f} s: {proc['api_speedup']:.2f}x", ">= 1.6x", ok(proc["api_speedup"] >= 1.6)),
        (f"Processes, `check --jobs 2`, {proc['messages']:,} files",
         f"{proc['cli_1']:.1f} s -> {proc['cli_2']:.1f} s: {proc['cli_speedup']:.2f}x", ">= 1.6x", ok(proc["cli_speedup"] >= 1.6)),
        (f"Memory, one process linting {mem['messages']:,} messages",
         f"RSS {mem['first_mb']:.0f} MB after {mem['first_at']:,} messages, {mem['late_mb']:.0f} MB after "
         f"{mem['late_at']:,} ({mem['growth_mb']:+.0f} MB), {mem['last_mb']:.0f} MB after the last batch; peak "
         f"{mem['peak_mb']:.0f} MB (spaCy's buffers for one batch of 64)", "flat", ok(mem["growth_mb"] <= 0.1 * mem["first_mb"])),
    ]
    if "missing" in peer:
        rows.append(("Peer: proselint", peer["missing"], "", ""))
    else:
        rows.append((f"Peer: proselint on the same {peer['words']}-word email (no NLP model; calls and runs taken in turn)",
                     f"warm p50 {peer['proselint_p50']:.1f} ms (outreach-lint {peer['ours_p50']:.1f} ms); cold start "
                     f"{peer['proselint_cold']:.2f} s (outreach-lint {peer['ours_cold']:.2f} s)", "for reference", ""))
    lines = ["| Measurement | Result | Target | Met |", "| --- | --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes; print only (a smoke test, not a measurement)")
    parser.add_argument("--no-write", action="store_true", help=f"do not update {DOC.relative_to(HERE.parent)}")
    steps = [("latency", latency), ("throughput", throughput), ("cold-start", cold_start),
             ("processes", processes), ("memory", memory), ("peers", peers)]
    parser.add_argument("--only", choices=[name for name, _ in steps],
                        help="run one measurement and print its figures (nothing is written)")
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    if args.only:
        print(json.dumps(dict(steps)[args.only](sizes), indent=2))
        return
    results = []
    for name, fn in steps:
        print(f"running {name}...", file=sys.stderr, flush=True)
        results.append(fn(sizes))
    lat, thr, cold, proc, mem, peer = results
    when = time.strftime("%Y-%m-%d")
    text = (f"Measured on {when} by `python benchmarks/bench.py` on: {machine()}.\n"
            f"Pipeline components: {thr['components']} (model `{cold['model']}`).\n\n" + table(lat, thr, cold, proc, mem, peer))
    print(text)
    if not args.quick and not args.no_write:
        write_section("bench", text)


if __name__ == "__main__":
    main()
