"""Load test for `outreach-lint serve`: a bounded number of requests over loopback.

    python benchmarks/load.py                         # starts a server, 2,000 requests at concurrency 16
    python benchmarks/load.py --workers 2 --requests 2000 --concurrency 16
    python benchmarks/load.py --url http://127.0.0.1:8000   # an already running server (no memory figure)

Prints p50/p95/p99 latency, throughput, the error count and the server's peak memory (VmHWM summed
over the server and its worker processes), and with --write updates docs/performance.md.
"""

from __future__ import annotations

import argparse
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
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


def start_server(workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "outreach_lint.cli", "serve", "--port", str(port), "--workers", str(workers)],
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


def tree_peak_kb(pid: int) -> int:
    """VmHWM of a process and all its descendants, summed (each worker holds its own pipeline)."""
    total = 0
    pids = [pid]
    while pids:
        p = pids.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
            pids.extend(int(c) for c in children)
        except OSError:
            continue
    return total


def run(url: str, requests: int, concurrency: int, server_pid: int | None) -> dict[str, float]:
    messages = corpus(200, seed=5)
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

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(one, range(requests)))
    wall = time.perf_counter() - started
    stop.set()
    sampler.join(timeout=2)
    if server_pid:
        peak["kb"] = max(peak["kb"], tree_peak_kb(server_pid))
    ordered = sorted(latencies)

    def pct(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]

    return {"requests": requests, "concurrency": concurrency, "p50": statistics.median(ordered), "p95": pct(0.95),
            "p99": pct(0.99), "throughput": requests / wall, "errors": errors, "wall": wall,
            "peak_mb": peak["kb"] / 1024 if server_pid else float("nan")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="an already running server")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--write", action="store_true", help=f"update {DOC.name}")
    args = parser.parse_args()
    proc = None
    url = args.url
    if url is None:
        proc, url = start_server(args.workers)
    try:
        r = run(url, args.requests, args.concurrency, proc.pid if proc else None)
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
    workers = f"{args.workers} worker(s)" if proc else "an external server"
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
