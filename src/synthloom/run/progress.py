"""Live progress bars (rich) with throughput, ETA and the engine's counters: one bar per stage."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from synthloom.steps.board import Bar, ProgressBoard

__all__ = ["Bar", "ProgressBoard", "engine_line", "progress_board", "wanted"]


def wanted(choice: bool | None) -> bool:
    """An explicit --progress/--no-progress wins; otherwise draw bars only on a terminal."""
    return sys.stderr.isatty() if choice is None else choice


def engine_line(metrics: Any) -> Callable[[], str]:
    def line() -> str:
        m = metrics()
        waiting = m.waiting_until - time.time()
        batches = ", ".join(f"{n} {status}" for status, n in sorted(m.batch_summary().items()))
        return ((f"waiting {waiting:.0f} s (the server's Retry-After) · " if waiting >= 1 else "")
                + (f"batches: {batches} · " if batches else "")
                + f"{m.succeeded_calls} calls · {m.cache_hits} cached · {m.retries} retries · "
                f"{m.failed_samples} failed · {m.completion_tokens} tokens")
    return line


@contextmanager
def progress_board(metrics: Callable[[], Any], enabled: bool = True) -> Iterator[ProgressBoard]:
    """`metrics` returns the engine metrics to show (summed over engines when there are several)."""
    if not enabled:
        yield ProgressBoard(None, lambda: "")
        return
    # rich loads only when bars are drawn: its import is a noticeable part of a short command's start-up.
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
        try:
            yield ProgressBoard(progress, engine_line(metrics))
        finally:
            # rich draws no last frame when it stops in Jupyter: without this the notebook keeps a stale one.
            progress.refresh()
