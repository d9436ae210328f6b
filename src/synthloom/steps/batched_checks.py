"""Per-record checks made in batches: each record waits while a batch is being checked, and the records
that arrived meanwhile go together in the next one (up to `size`). One batch is checked at a time, so a
checker that keeps per-batch state (the decontaminator's indices of its texts) never sees two at once,
and batches grow with how many records the stream has in flight: the semantic stage embeds them
together instead of one by one."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class BatchedChecks(Generic[Item, Result]):
    def __init__(self, check: Callable[[list[Item]], Awaitable[list[Result]]], size: int) -> None:
        self._check = check
        self._size = size
        self._waiting: list[tuple[Item, asyncio.Future]] = []
        self._lock = asyncio.Lock()

    async def submit(self, item: Item) -> Result:
        mine: asyncio.Future = asyncio.get_running_loop().create_future()
        self._waiting.append((item, mine))
        async with self._lock:
            while not mine.done():  # not checked by an earlier batch: this caller checks the next ones
                batch, self._waiting = self._waiting[:self._size], self._waiting[self._size:]
                await self._run(batch, mine)
        return await mine

    async def _run(self, batch: list[tuple[Item, asyncio.Future]], mine: asyncio.Future) -> None:
        try:
            results = await self._check([item for item, _ in batch])
        except asyncio.CancelledError:
            # The others in the batch were not checked: they go first in the next batch.
            self._waiting[:0] = [(item, future) for item, future in batch if future is not mine]
            raise
        except Exception as exc:  # noqa: BLE001 - every record of the batch gets the checker's error
            for _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for (_, future), result in zip(batch, results, strict=True):
            if not future.done():
                future.set_result(result)
