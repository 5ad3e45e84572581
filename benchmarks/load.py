"""Load test for `outreach-lint serve`: a bounded number of requests over loopback.

    python benchmarks/load.py                         # starts a server, 2,000 requests at concurrency 16
    python benchmarks/load.py --workers 2 --requests 2000 --concurrency 16
    python benchmarks/load.py --url http://127.0.0.1:8000   # an already running server (no memory figure)
    python benchmarks/load.py --mode memory --requests 20000   # unique words: does memory level off?
    python benchmarks/load.py --mode hostile                  # normal traffic with and without hostile clients
    python benchmarks/load.py --mode latency --write          # what HTTP adds to Linter.lint_message, 1 and 2 workers

Prints p50/p95/p99 latency, throughput, the error count and the server's peak memory (VmHWM summed
over the server and its worker processes), and with --write updates docs/performance.md.

`--mode memory` sends messages that each carry words never seen before (spaCy keeps every new string),
and prints the resident memory of the server and its lint processes every tenth of the run: with lint
processes recycled (`--max-requests-per-process`, default 2000) it levels off instead of growing.

`--mode hostile` runs the normal traffic twice, alone and next to hostile clients: slowloris
connections that never finish their headers, bodies over the size limit, bodies that take far longer
than the time limit to lint, and malformed ones (lone surrogates, invalid JSON, a foreign Host). It
prints the normal requests' p99 both ways and every status each kind got; it fails if a normal request
did not get 200 or a hostile one got a 5xx other than the expected 503.

`--mode latency` pairs the service with the library: `Linter.lint_message` in this process and
`POST /v1/lint` on the same messages, in alternating batches so a busy neighbour slows both sides,
at concurrency 1 and 16, against a server of 1 and then of 2 workers (it starts both; `--rounds`
sets the batches per side). It prints p50/p95 of each side and what the service adds to the p50.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from checkout import env_with_source  # noqa: E402
from corpus import corpus  # noqa: E402
from perfdoc import DOC, write_section  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(workers: int, *extra: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "outreach_lint.cli", "serve", "--port", str(port), "--workers", str(workers), *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env_with_source(),
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    ready = 0
    while time.monotonic() < deadline:
        try:
            # With several workers each answers /readyz only once loaded; ask until several say yes.
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                ready += 1
                if ready >= 3 * workers:
                    return proc, url
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not become ready")


def _children(pid: int) -> list[int]:
    # Every thread's list: lint processes are started from the server's helper threads, and a task's
    # `children` file only names the processes that thread started.
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def _tree_status_kb(pid: int, field: str) -> int:
    """A /proc status field (in kB) of a process and all its descendants, summed."""
    total = 0
    pids = [pid]
    while pids:
        p = pids.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith(field + ":"):
                    total += int(line.split()[1])
            pids.extend(_children(p))
        except OSError:
            continue
    return total


def tree_peak_kb(pid: int) -> int:
    """VmHWM of a process and all its descendants, summed (each worker holds its own pipeline)."""
    return _tree_status_kb(pid, "VmHWM")


def tree_rss_kb(pid: int) -> int:
    """VmRSS now (not the peak) of a process and all its descendants, summed."""
    return _tree_status_kb(pid, "VmRSS")


def run(url: str, requests: int, concurrency: int, server_pid: int | None,
        messages: list[dict[str, str]] | None = None, on_done: Callable[[int], None] | None = None) -> dict[str, float]:
    messages = messages or corpus(200, seed=5)
    done = {"n": 0}
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    peak = {"kb": 0}
    stop = threading.Event()

    def sample() -> None:
        while server_pid and not stop.is_set():
            peak["kb"] = max(peak["kb"], tree_peak_kb(server_pid))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    local = threading.local()

    def one(i: int) -> None:
        nonlocal errors
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=url, timeout=60)
        msg = messages[i % len(messages)]
        t = time.perf_counter()
        try:
            ok = client.post("/v1/lint", json=msg).status_code == 200
        except httpx.HTTPError:
            ok = False
        elapsed = (time.perf_counter() - t) * 1000
        with lock:
            latencies.append(elapsed)
            if not ok:
                errors += 1
            done["n"] += 1
            if on_done is not None:
                on_done(done["n"])

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(one, range(requests)))
    wall = time.perf_counter() - started
    stop.set()
    sampler.join(timeout=2)
    if server_pid:
        peak["kb"] = max(peak["kb"], tree_peak_kb(server_pid))
    ordered = sorted(latencies)
    return {"requests": requests, "concurrency": concurrency, "p50": statistics.median(ordered), "p95": _pct(ordered, 0.95),
            "p99": _pct(ordered, 0.99), "throughput": requests / wall, "errors": errors, "wall": wall,
            "peak_mb": peak["kb"] / 1024 if server_pid else float("nan")}


def unique_messages(count: int, seed: int = 11) -> list[dict[str, str]]:
    """Corpus emails, each with a sentence of words no other message has (new strings for spaCy)."""
    base = corpus(200, seed=seed)
    rnd = random.Random(seed)
    letters = "bcdfghjklmnpqrstvwxz"
    out = []
    for i in range(count):
        words = " ".join("".join(rnd.choice(letters) for _ in range(7)) + f"{i}x{k}" for k in range(8))
        msg = dict(base[i % len(base)])
        msg["body"] = f"{msg['body']}\n\nP.S. {words.capitalize()}.\n"
        out.append(msg)
    return out


def memory_run(url: str, requests: int, concurrency: int, server_pid: int) -> tuple[dict[str, float], list[tuple[int, float]]]:
    step = max(1, requests // 10)
    samples = [(0, tree_rss_kb(server_pid) / 1024)]

    def sample(n: int) -> None:
        if n % step == 0:
            samples.append((n, tree_rss_kb(server_pid) / 1024))

    r = run(url, requests, concurrency, server_pid, messages=unique_messages(requests), on_done=sample)
    return r, samples


def slowloris(url: str, stop: threading.Event, connections: int, counts: Counter[str]) -> None:
    """Hold `connections` sockets open with half-sent headers; reopen each one the server drops."""
    host, port = url.removeprefix("http://").split(":")
    socks: list[socket.socket | None] = [None] * connections
    rounds = 0
    while not stop.is_set() and rounds < 10_000:  # bounded even if stop never comes
        rounds += 1
        for i, sock in enumerate(socks):
            try:
                if sock is None:
                    sock = socks[i] = socket.create_connection((host, int(port)), timeout=5)
                    sock.sendall(b"POST /v1/lint HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    counts["opened"] += 1
                else:
                    sock.sendall(b"X-Slow: 1\r\n")  # a trickle, never the blank line
            except OSError:
                counts["dropped by the server"] += 1
                if sock is not None:
                    sock.close()
                socks[i] = None
        stop.wait(0.5)
    for sock in socks:
        if sock is not None:
            sock.close()


def hostile_requests(url: str, stop: threading.Event, statuses: dict[str, Counter[int]]) -> None:
    """Oversized, slow-to-lint and malformed requests, one after another, until told to stop."""
    slow_words = "your team posted three analyst roles this month which usually means reports pile up".split()
    rnd = random.Random(3)
    slow = {"body": " ".join(rnd.choice(slow_words) for _ in range(60_000))}
    kinds: list[tuple[str, dict[str, object]]] = [
        ("oversized body", {"json": {"body": "word " * 300_000}}),
        ("slow to lint", {"json": slow}),
        ("lone surrogate", {"content": b'{"body": "a\\ud800b"}', "headers": {"content-type": "application/json"}}),
        ("invalid JSON", {"content": b'{"body": ', "headers": {"content-type": "application/json"}}),
        ("deep JSON", {"content": b'{"body": "x", "id": ' + b"[" * 5000 + b"]" * 5000 + b"}",
                       "headers": {"content-type": "application/json"}}),
        ("foreign Host", {"json": {"body": "Hi"}, "headers": {"host": "evil.example"}}),
    ]
    with httpx.Client(base_url=url, timeout=60) as client:
        for i in range(10_000):  # bounded
            if stop.is_set():
                return
            name, kwargs = kinds[i % len(kinds)]
            try:
                status = client.post("/v1/lint", **kwargs).status_code  # type: ignore[arg-type]
            except httpx.HTTPError:
                status = 0
            statuses[name][status] += 1


def hostile_run(url: str, requests: int, concurrency: int, server_pid: int, slow_clients: int) -> tuple[dict[str, float], dict[str, float], dict[str, Counter[int]], Counter[str]]:
    calm = run(url, requests, concurrency, server_pid)
    stop = threading.Event()
    statuses: dict[str, Counter[int]] = {}
    for name in ("oversized body", "slow to lint", "lone surrogate", "invalid JSON", "deep JSON", "foreign Host"):
        statuses[name] = Counter()
    conns: Counter[str] = Counter()
    threads = [threading.Thread(target=slowloris, args=(url, stop, slow_clients, conns), daemon=True),
               threading.Thread(target=hostile_requests, args=(url, stop, statuses), daemon=True)]
    for t in threads:
        t.start()
    time.sleep(1.0)  # let the slow clients settle in
    try:
        stormy = run(url, requests, concurrency, server_pid)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=90)
    return calm, stormy, statuses, conns


def _pct(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


LATENCY_BATCH = 32  # messages per side per round


def paired_latency(url: str, concurrency: int, rounds: int, messages: list[dict[str, str]]) -> dict[str, float]:
    """In-process and HTTP latency (ms) on the same messages, one batch of each in turn."""
    from outreach_lint import Linter

    linter = Linter()
    local = threading.local()
    clients: list[httpx.Client] = []

    def post(msg: dict[str, str]) -> float:
        client = getattr(local, "client", None)
        if client is None:  # one keep-alive connection per thread, as a real caller keeps
            client = local.client = httpx.Client(base_url=url, timeout=60)
            clients.append(client)
        t = time.perf_counter()
        status = client.post("/v1/lint", json=msg).status_code
        elapsed = (time.perf_counter() - t) * 1000
        if status != 200:
            raise SystemExit(f"POST /v1/lint answered {status}")
        return elapsed

    def in_process(msg: dict[str, str]) -> float:
        t = time.perf_counter()
        linter.lint_message(subject=msg.get("subject"), body=msg.get("body"))
        return (time.perf_counter() - t) * 1000

    lib: list[float] = []
    http: list[float] = []
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for msg in messages[:4]:  # warm both sides: the pipeline here, every connection there
            in_process(msg)
        list(pool.map(post, messages[:2 * concurrency]))
        for r in range(rounds):
            batch = [messages[(r * LATENCY_BATCH + i) % len(messages)] for i in range(LATENCY_BATCH)]
            sides = [lambda: lib.extend(in_process(m) for m in batch), lambda: http.extend(pool.map(post, batch))]
            for side in sides if r % 2 == 0 else reversed(sides):  # which goes first alternates
                side()
    for client in clients:
        client.close()
    lib.sort()
    http.sort()
    return {"lib_p50": statistics.median(lib), "lib_p95": _pct(lib, 0.95),
            "http_p50": statistics.median(http), "http_p95": _pct(http, 0.95), "samples": len(http)}


def latency_table(rounds: int, serve_args: list[str]) -> tuple[str, bool]:
    """The paired table for 1 and 2 workers at concurrency 1 and 16, and whether the target is met."""
    messages = corpus(200, seed=5)
    rows = []
    met = False
    for workers in (1, 2):
        proc, url = start_server(workers, *serve_args)
        try:
            for concurrency in (1, 16):
                r = paired_latency(url, concurrency, rounds, messages)
                added = r["http_p50"] - r["lib_p50"]
                if workers == 2 and concurrency == 1:
                    met = added <= 5.0
                rows.append(f"| {workers} | {concurrency} | {r['lib_p50']:.1f} ms | {r['lib_p95']:.1f} ms | "
                            f"{r['http_p50']:.1f} ms | {r['http_p95']:.1f} ms | {added:+.1f} ms |")
                print(rows[-1], file=sys.stderr, flush=True)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
    served = "".join(f" --serve-arg={arg}" for arg in serve_args)
    text = (
        f"`python benchmarks/load.py --mode latency --rounds {rounds}{served}` on "
        f"{time.strftime('%Y-%m-%d')}: the same emails of 50-300 words through `Linter.lint_message` in the benchmark's "
        f"process and through `POST /v1/lint`, {rounds} batches of {LATENCY_BATCH} per side, the sides taken in turn.\n\n"
        "| Workers | Concurrency | In-process p50 | In-process p95 | HTTP p50 | HTTP p95 | HTTP p50 - in-process p50 |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n" + "\n".join(rows) + "\n\n"
        f"Target: with 2 workers at concurrency 1, HTTP p50 <= in-process p50 + 5 ms: {'met' if met else '**not met**'}."
    )
    return text, met


# What each hostile kind may be answered; anything else (a 500, a hang) is a failure.
EXPECTED = {"oversized body": {413}, "slow to lint": {503}, "lone surrogate": {422}, "invalid JSON": {422},
            "deep JSON": {400, 422}, "foreign Host": {400}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="an already running server")
    parser.add_argument("--mode", choices=["normal", "memory", "hostile", "latency"], default="normal")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=6, help=f"latency mode: batches of {LATENCY_BATCH} per side and cell")
    parser.add_argument("--slow-clients", type=int, default=30, help="hostile mode: slowloris connections held open")
    parser.add_argument("--serve-arg", action="append", default=[], help="passed on to `outreach-lint serve` (repeatable)")
    parser.add_argument("--write", action="store_true", help=f"update {DOC.name}")
    args = parser.parse_args()
    if args.mode == "latency":
        if args.url is not None:
            raise SystemExit("--mode latency starts its own servers of 1 and 2 workers: drop --url")
        text, _ = latency_table(args.rounds, list(args.serve_arg))
        print(text)
        if args.write:
            write_section("latency", text)
        return
    proc = None
    url = args.url
    if args.mode != "normal" and url is not None:
        raise SystemExit("--mode memory and hostile start their own server: drop --url")
    extra = list(args.serve_arg)
    if args.mode == "hostile":
        extra += ["--timeout", "2", "--read-timeout", "3"]
    if url is None:
        proc, url = start_server(args.workers, *extra)
    try:
        if args.mode == "memory":
            assert proc is not None
            r, samples = memory_run(url, args.requests, args.concurrency, proc.pid)
        elif args.mode == "hostile":
            assert proc is not None
            calm, stormy, statuses, conns = hostile_run(url, args.requests, args.concurrency, proc.pid, args.slow_clients)
        else:
            r = run(url, args.requests, args.concurrency, proc.pid if proc else None)
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
    workers = f"{args.workers} worker(s)" if proc else "an external server"
    served = " ".join(args.serve_arg)
    command = (f"`python benchmarks/load.py{'' if args.mode == 'normal' else ' --mode ' + args.mode} --workers {args.workers} "
               f"--requests {args.requests} --concurrency {args.concurrency}{' --serve-arg ' + served if served else ''}`")
    if args.mode == "memory":
        text = (
            f"{command} on {time.strftime('%Y-%m-%d')}: {workers}, every message with eight words never seen before.\n\n"
            "| Requests done | " + " | ".join(f"{n:,}" for n, _ in samples) + " |\n"
            "| --- | " + " | ".join("---" for _ in samples) + " |\n"
            "| Server resident memory | " + " | ".join(f"{mb:.0f} MB" for _, mb in samples) + " |\n\n"
            f"Errors: {r['errors']}; throughput {r['throughput']:.1f} req/s; peak {r['peak_mb']:.0f} MB."
        )
        print(text)
        if args.write:
            write_section("memory", text)
        if r["errors"]:
            raise SystemExit(f"{r['errors']} request(s) failed")
        return
    if args.mode == "hostile":
        unexpected = {name: {s: n for s, n in c.items() if s not in EXPECTED[name]} for name, c in statuses.items()}
        unexpected = {k: v for k, v in unexpected.items() if v}
        rows = "\n".join(f"| {name} | {', '.join(f'{s}: {n}' for s, n in sorted(c.items())) or 'none sent'} |"
                         for name, c in statuses.items())
        text = (
            f"{command} on {time.strftime('%Y-%m-%d')}: {workers}, `--timeout 2 --read-timeout 3`, "
            f"{args.slow_clients} slowloris connections.\n\n"
            "| Normal traffic | p50 | p99 | Throughput | Not 200 |\n| --- | --- | --- | --- | --- |\n"
            f"| alone | {calm['p50']:.0f} ms | {calm['p99']:.0f} ms | {calm['throughput']:.1f} req/s | {calm['errors']} |\n"
            f"| with hostile clients | {stormy['p50']:.0f} ms | {stormy['p99']:.0f} ms | {stormy['throughput']:.1f} req/s | {stormy['errors']} |\n\n"
            "| Hostile request | Statuses |\n| --- | --- |\n" + rows + "\n"
            f"| slowloris connections | opened {conns['opened']}, dropped by the server {conns['dropped by the server']} |\n\n"
            f"Unexpected statuses: {json.dumps(unexpected) if unexpected else 'none'}."
        )
        print(text)
        if args.write:
            write_section("hostile", text)
        if calm["errors"] or stormy["errors"] or unexpected:
            raise SystemExit("normal requests failed or hostile ones got an unexpected status")
        return
    text = (
        f"`python benchmarks/load.py --workers {args.workers} --requests {args.requests} --concurrency "
        f"{args.concurrency}` on {time.strftime('%Y-%m-%d')}: {workers}, `POST /v1/lint` with emails of 50-300 words.\n\n"
        "| Requests | Concurrency | p50 | p95 | p99 | Throughput | Errors | Server peak memory |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
        f"| {r['requests']:,} | {r['concurrency']} | {r['p50']:.0f} ms | {r['p95']:.0f} ms | {r['p99']:.0f} ms | "
        f"{r['throughput']:.1f} req/s | {r['errors']} | {r['peak_mb']:.0f} MB |"
    )
    print(text)
    if args.write:
        write_section("load", text)


if __name__ == "__main__":
    main()
