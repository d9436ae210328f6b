"""A live progress bar (rich) with throughput, ETA and the engine's counters."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from synthloom.engine.metrics import EngineMetrics


def wanted(choice: bool | None) -> bool:
    """An explicit --progress/--no-progress wins; otherwise draw a bar only on a terminal."""
    return sys.stderr.isatty() if choice is None else choice


class RunProgress:
    """Advance once per finished item; the engine's counters ride along on the same line."""

    def __init__(self, progress: Any, task: int | None, metrics: EngineMetrics) -> None:
        self._progress, self._task, self._metrics = progress, task, metrics

    def advance(self, amount: int = 1) -> None:
        if self._progress is None:
            return
        m = self._metrics
        self._progress.update(self._task, advance=amount,
                              engine=f"{m.succeeded_calls} calls · {m.cache_hits} cached · {m.retries} retries"
                                     f" · {m.failed_samples} failed · {m.completion_tokens} tokens")


@contextmanager
def run_progress(description: str, total: int, done: int, metrics: EngineMetrics,
                 enabled: bool = True) -> Iterator[RunProgress]:
    if not enabled:
        yield RunProgress(None, None, metrics)
        return
    # rich loads only when a bar is drawn: its import is a noticeable part of a short command's start-up.
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:.1f}/s" if task.speed else "  ?/s", style="progress.data.speed")

    columns = [TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
               TextColumn("[dim]{task.fields[engine]}")]
    with Progress(*columns, console=Console(file=sys.stderr), refresh_per_second=4,
                  speed_estimate_period=30) as progress:
        task = progress.add_task(description, total=total, completed=done, engine="")
        yield RunProgress(progress, task, metrics)
