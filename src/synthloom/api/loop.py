"""Running a blocking call whether or not the caller is inside an event loop (a Jupyter cell is)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


def call_blocking(work: Callable[[], T]) -> T:
    """`work()` here when no event loop runs in this thread; else on a worker thread with its own loop
    (the run uses asyncio.run, which a running loop refuses), the caller waiting for it."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return work()
    with ThreadPoolExecutor(1, thread_name_prefix="synthloom-run") as pool:
        return pool.submit(work).result()
