"""A few lint processes per server worker, so linting never holds the event loop's GIL.

Each process holds its own warm Linter (see lintproc.py). A request borrows a free process, or waits in
a bounded queue for one; a request that passes the time limit gets its process killed at once (a
thread cannot be interrupted, a process can), and a replacement warms up in the background. A process
that has served `max_requests` messages, or grown past `max_memory_mb`, is replaced the same way, but
only after its replacement is ready and its own request has been answered, so no request is dropped.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import multiprocessing
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

import anyio

from ..config import Config
from . import lintproc
from .lintproc import Job, JobResult

log = logging.getLogger("outreach_lint.service")

# A process that has not said "ready" by then is broken (a model load takes a few seconds).
START_TIMEOUT_SECONDS = 120.0
STOP_GRACE_SECONDS = 5.0


@dataclass(frozen=True)
class PoolSettings:
    processes: int = 2
    queue: int = 16
    timeout_seconds: float = 10.0
    queue_timeout_seconds: float = 30.0  # long enough to wait for a replacement to warm up
    max_requests: int = 2000  # messages a process lints before it is replaced; 0: never
    max_memory_mb: int = 0  # resident size after which a process is replaced; 0: no limit


class PoolBusy(Exception):
    """Every process is busy and the queue is full, or no process came free in time."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


class PoolTimeout(Exception):
    """The job passed the time limit; its process was killed."""


class PoolLost(Exception):
    """The process died during the job (killed from outside, or out of memory)."""


class PoolFailed(Exception):
    """A lint process could not load its Linter; the message says why."""


class _Process:
    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.pid = process.pid or 0
        self.served = 0
        self.replacing = False  # its replacement is warming up
        self.retire = False  # its replacement is ready: stop it as soon as it is idle

    def call(self, job: Job) -> JobResult:
        # In a thread: waiting on a pipe releases the GIL, so the event loop keeps running.
        self.conn.send(job)
        result: JobResult = self.conn.recv()
        return result

    def kill(self) -> None:
        self.process.kill()
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(STOP_GRACE_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(STOP_GRACE_SECONDS)
        self.conn.close()


class LintPool:
    """The lint processes of one server worker. Create, `await start()`, `await run(job)`, `await close()`."""

    def __init__(self, config: Config, settings: PoolSettings) -> None:
        self.config = config
        self.settings = settings
        self._context = multiprocessing.get_context("spawn")  # no fork of a process with threads
        self._free: deque[_Process] = deque()
        self._waiters: deque[asyncio.Future[_Process]] = deque()
        self._live: set[_Process] = set()
        self._background: set[asyncio.Task[Any]] = set()
        self._closing = False
        self.started = 0  # processes started, the first ones included (for /readyz and tests)

    # -- lifecycle ---------------------------------------------------------------------------------
    async def start(self) -> None:
        """Start every process and wait until each has loaded and warmed its Linter."""
        processes = await asyncio.gather(*(self._spawn() for _ in range(self.settings.processes)), return_exceptions=True)
        failed = [p for p in processes if isinstance(p, BaseException)]
        for p in processes:
            if isinstance(p, _Process):
                self._hand_out(p)
        if failed:
            await self.close()
            raise failed[0]

    async def close(self) -> None:
        self._closing = True
        for task in list(self._background):
            task.cancel()
        for waiter in self._waiters:
            waiter.cancel()
        live = list(self._live)
        self._live.clear()
        self._free.clear()
        await asyncio.gather(*(anyio.to_thread.run_sync(p.stop) for p in live))

    @property
    def pids(self) -> list[int]:
        return sorted(p.pid for p in self._live)

    @property
    def queued(self) -> int:
        return sum(1 for w in self._waiters if not w.done())

    # -- one job -----------------------------------------------------------------------------------
    async def run(self, job: Job) -> JobResult:
        process = await self._acquire()
        try:
            with anyio.fail_after(self.settings.timeout_seconds):
                result: JobResult = await anyio.to_thread.run_sync(process.call, job, abandon_on_cancel=True)
        except TimeoutError:
            self._discard(process, "timeout")
            raise PoolTimeout from None
        except (EOFError, OSError):
            self._discard(process, "lost")
            raise PoolLost from None
        except BaseException:
            # The client went away mid-job (cancelled): the process is still busy, so it cannot be lent
            # out again; killing it frees its capacity now instead of after the job.
            self._discard(process, "cancelled")
            raise
        process.served += len(job.requests)
        self._check_recycle(process, result.rss_kb)
        self._release(process)
        return result

    async def _acquire(self) -> _Process:
        if self._free:
            return self._free.popleft()
        if self.queued >= self.settings.queue:
            raise PoolBusy(self._retry_after())
        waiter: asyncio.Future[_Process] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            # Waiting has its own limit, not the lint time limit: a process is only ever killed for a
            # job that has run too long, and after a timeout the next request may wait for a warm-up.
            return await asyncio.wait_for(asyncio.shield(waiter), self.settings.queue_timeout_seconds)
        except (TimeoutError, asyncio.CancelledError) as exc:
            if waiter.done() and not waiter.cancelled():
                self._release(waiter.result())  # handed over just as the wait ended: pass it on
            else:
                waiter.cancel()
            if isinstance(exc, TimeoutError):
                raise PoolBusy(self._retry_after()) from None
            raise
        finally:
            try:
                self._waiters.remove(waiter)
            except ValueError:
                pass

    def _retry_after(self) -> int:
        return max(1, math.ceil(self.settings.timeout_seconds / 4))

    def _hand_out(self, process: _Process) -> None:
        """Give a free process to the first request still waiting, or keep it for the next one."""
        if self._closing:
            self._background_task(anyio.to_thread.run_sync(process.stop))
            return
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(process)
                return
        self._free.append(process)

    def _release(self, process: _Process) -> None:
        if process.retire:
            self._live.discard(process)
            log.info(json.dumps({"event": "lint_process_retired", "pid": process.pid, "served": process.served}))
            self._background_task(anyio.to_thread.run_sync(process.stop))
            return
        self._hand_out(process)

    # -- replacing processes -----------------------------------------------------------------------
    def _discard(self, process: _Process, why: str) -> None:
        """Kill a process now and start another in its place."""
        self._live.discard(process)
        process.kill()
        log.warning(json.dumps({"event": "lint_process_killed", "pid": process.pid, "reason": why}))
        if not process.replacing:  # a replacement already warming up takes its place
            self._background_task(self._replace(None))

    def _check_recycle(self, process: _Process, rss_kb: int) -> None:
        s = self.settings
        worn = (s.max_requests and process.served >= s.max_requests) or (s.max_memory_mb and rss_kb >= s.max_memory_mb * 1024)
        if worn and not process.replacing:
            process.replacing = True
            log.info(json.dumps({"event": "lint_process_recycled", "pid": process.pid, "served": process.served,
                                 "rss_mb": rss_kb // 1024}))
            self._background_task(self._replace(process))

    async def _replace(self, old: _Process | None) -> None:
        delay = 1.0
        while not self._closing:
            try:
                new = await self._spawn()
                break
            except PoolFailed as exc:  # should not happen once the first processes loaded; keep trying
                log.error(json.dumps({"event": "lint_process_failed", "error": str(exc)}))
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)
        else:
            return
        if old is not None:
            old.retire = True
            if old in self._free:  # idle: stop it now; a busy one stops when its request is answered
                self._free.remove(old)
                self._release(old)
        self._hand_out(new)

    async def _spawn(self) -> _Process:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=lintproc.serve, args=(child, self.config), name="outreach-lint-lint", daemon=True,
        )
        await anyio.to_thread.run_sync(process.start)
        child.close()
        entry = _Process(process, parent)
        self._live.add(entry)
        try:
            ready = await anyio.to_thread.run_sync(_wait_ready, parent, abandon_on_cancel=True)
        except BaseException:
            self._live.discard(entry)
            entry.kill()
            raise
        if ready[0] != "ready":
            self._live.discard(entry)
            entry.kill()
            raise PoolFailed(str(ready[1]))
        self.started += 1
        log.info(json.dumps({"event": "lint_process_ready", "pid": entry.pid}))
        return entry

    def _background_task(self, work: Any) -> None:
        task = asyncio.ensure_future(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)


def _wait_ready(conn: Connection) -> tuple[str, Any]:
    if not conn.poll(START_TIMEOUT_SECONDS):
        return ("failed", f"no answer in {START_TIMEOUT_SECONDS:g} s")
    try:
        message: tuple[str, Any] = conn.recv()
    except (EOFError, OSError):
        return ("failed", "the process ended while loading")
    return message
