"""Math replies are judged in worker processes, not on the run's event loop.

Two reasons. math-verify bounds its sympy work with `signal.alarm`, which Python allows only on a
process's main thread: on any other thread (the Python API in Jupyter runs the pipeline on one, `arun`
and async actors too) each comparison raised, was read as "no match", and every answer that needed
sympy was rejected. And one comparison can take tens of milliseconds of CPU: on the event loop that
stalls every request in flight. In a worker, the alarm works, the loop stays free and the cores share
the work. A worker stuck past `JUDGE_TIMEOUT_S` (beyond math-verify's own limits) is killed, and the
reply is `unparseable`: an abstention, never an accept.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import threading
import time
import weakref
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

JUDGE_TIMEOUT_S = 30.0  # one reply, all of its comparisons; math-verify stops each one after a few seconds
_WORKERS = max(1, min(4, os.cpu_count() or 1))

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_judge_here = False  # this process is itself a worker (a Ray task): no pool of its own
# One reply per worker at a time from each event loop, so the time limit counts judging, not queueing.
_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = weakref.WeakKeyDictionary()


def judge_in_this_process() -> None:
    """For a process that is a verification worker itself: judge on its main thread, start no pool."""
    global _judge_here
    _judge_here = True


def _watch_parent(parent: int) -> None:
    """A worker's initializer: exit when the run process is gone (SIGKILLed, or left by os._exit). Pool
    workers share their task queue's pipe, so none of them ever sees it close by itself."""

    def watch() -> None:
        while True:
            time.sleep(0.5)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(0)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _judge(gold: str, reply: str, conventions: Any) -> tuple[str, str]:
    from synthloom.verifiers.math import judge_reply

    outcome, detail, _ = judge_reply(gold, reply, conventions)
    return outcome, detail


def _get_pool() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            # forkserver, not fork: the run process has threads (engine, progress, model runtimes).
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["synthloom.verifiers.math", "math_verify"])
            _pool = ProcessPoolExecutor(max_workers=_WORKERS, mp_context=context, initializer=_watch_parent,
                                        initargs=(os.getpid(),))
        return _pool


def shutdown() -> None:
    """Stop the workers (the CLI calls this before it leaves by os._exit, which skips the finalizers that
    would release the pool's semaphores). A worker busy on a reply finishes it: math-verify bounds it."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
        del pool
        gc.collect()  # the queues' semaphores are released by their finalizers


def _discard(pool: ProcessPoolExecutor) -> None:
    """Kill a pool whose worker is stuck or gone; the next call starts a fresh one."""
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


async def judge_in_worker(gold: str, reply: str, conventions: Any,
                          timeout: float = JUDGE_TIMEOUT_S) -> tuple[str, str]:
    """(outcome, detail) of `judge_reply`, computed in a worker process."""
    if _judge_here and threading.current_thread() is threading.main_thread():
        return _judge(gold, reply, conventions)
    loop = asyncio.get_running_loop()
    slots = _slots.setdefault(loop, asyncio.Semaphore(_WORKERS))
    async with slots:
        return await _judge_in_pool(loop, gold, reply, conventions, timeout)


async def _judge_in_pool(loop: asyncio.AbstractEventLoop, gold: str, reply: str, conventions: Any,
                         timeout: float) -> tuple[str, str]:
    pool = _get_pool()
    try:
        return await asyncio.wait_for(loop.run_in_executor(pool, _judge, gold, reply, conventions), timeout)
    except TimeoutError:
        _discard(pool)
        return "unparseable", f"reading the answer took over {timeout:.0f} s: not judged"
    except BrokenProcessPool:
        _discard(pool)
        return "unparseable", "the process reading the answer died: not judged"
