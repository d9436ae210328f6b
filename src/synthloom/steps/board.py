"""The progress board a step draws its bars on (part of the step contract: a step gets one in its
context). The run machinery (run/progress.py) fills it with rich's live bars; outside a run it draws
nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Bar:
    """One stage's bar. Advance once per finished item."""

    def __init__(self, board: ProgressBoard, task: Any) -> None:
        self._board, self._task = board, task

    def advance(self, amount: int = 1) -> None:
        self._board.update(self._task, advance=amount)


class ProgressBoard:
    def __init__(self, progress: Any, engine_line: Callable[[], str]) -> None:
        self._progress, self._engine_line = progress, engine_line

    def bar(self, description: str, total: int | None, done: int = 0) -> Bar:
        task = self._progress.add_task(description, total=total, completed=done, engine="") if self._progress else None
        return Bar(self, task)

    def update(self, task: Any, **changes: Any) -> None:
        if self._progress is not None:
            self._progress.update(task, engine=self._engine_line(), **changes)


def no_bars() -> ProgressBoard:
    """A board that draws nothing: a step used outside a run, a Ray worker (progress is the driver's)."""
    return ProgressBoard(None, str)
