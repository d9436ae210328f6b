"""Everything a report shows, read from a run directory, finished or not.

Nothing here needs the run to have ended: a killed run has no final metrics snapshot and maybe no
metrics.json at all, and the view says so rather than failing. Step counts: the steps of a finished
stage (a whole-pool step and the per-record steps before it) carry the run's figures (`whole`), so the
latest session's counts are the run's; streamed steps only see each session's new work, so they are summed.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import yaml

from synthloom.errors import UserError
from synthloom.run.run_dir import FINISHING, missing_final_files

SAMPLE_RECORDS = 300  # records of each kind embedded in the report's browser


@dataclass
class StepView:
    name: str
    kind: str
    received: int = 0
    emitted: int = 0
    dropped: int = 0
    failed: int = 0
    bypassed: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    report: dict[str, Any] = field(default_factory=dict)


@dataclass
class RunView:
    path: Path
    status: str  # complete, incomplete (finished with failed inputs), unfinished (final files missing),
    # killed, running, aborted, unknown
    status_note: str
    config: dict[str, Any]
    steps: list[StepView]
    totals: dict[str, Any]
    models: dict[str, dict]
    timeline: list[dict]
    sessions: list[dict]
    inputs_total: int
    inputs_done: int
    records_written: int
    records: list[dict]  # a sample of output records
    removed: list[dict]
    failures: list[dict]
    removed_total: int = 0
    failures_total: int = 0
    value: dict[str, Any] | None = None  # value.json: the data-value experiment (`synthloom value`)

    @property
    def finished(self) -> bool:
        return self.status in ("complete", "incomplete")


def _jsonl(path: Path, limit: int | None = None) -> tuple[list[dict], int]:
    """Up to `limit` parsed lines and the count of all lines; a torn last line (a killed write) is skipped."""
    rows: list[dict] = []
    total = 0
    if not path.exists():
        return rows, 0
    with path.open("rb") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                row = orjson.loads(line)
            except orjson.JSONDecodeError:
                continue
            total += 1
            if limit is None or len(rows) < limit:
                rows.append(row)
    return rows, total


def _committed(path: Path) -> int:
    """Inputs committed ok, from the commit log, read-only."""
    db_path = path / "state.sqlite"
    if not db_path.exists():
        return 0
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
        return db.execute("SELECT COUNT(*) FROM roots WHERE status = 'ok'").fetchone()[0]


def _steps(config: dict, sessions: list[dict]) -> list[StepView]:
    kinds = {}
    for step in config.get("pipeline", []):
        kinds[step.get("name") or step["step"]] = step["step"]
    merged: dict[str, StepView] = {}
    for session in sessions:
        for name, stats in ((session.get("metrics") or {}).get("pipeline", {}).get("steps") or {}).items():
            view = merged.setdefault(name, StepView(name, kinds.get(name, name.rsplit("_", 1)[0])))
            if stats.get("whole") or not any((view.received, view.emitted)):
                # a finished stage's step: these counts are the run's
                view.received, view.emitted = stats["received"], stats["emitted"]
                view.dropped, view.failed = stats["dropped"], stats["failed"]
                view.bypassed = stats.get("bypassed", 0)
                view.errors, view.counters = dict(stats.get("errors", {})), dict(stats.get("counters", {}))
            else:
                view.received += stats["received"]
                view.emitted += stats["emitted"]
                view.dropped += stats["dropped"]
                view.failed += stats["failed"]
                view.bypassed += stats.get("bypassed", 0)
                view.errors = dict(Counter(view.errors) + Counter(stats.get("errors", {})))
                view.counters = dict(Counter(view.counters) + Counter(stats.get("counters", {})))
            if stats.get("report"):
                view.report = stats["report"]
    order = list(kinds)
    return sorted(merged.values(), key=lambda v: order.index(v.name) if v.name in order else len(order))


def _writer_alive(writer: dict) -> bool | None:
    """Whether the process that wrote metrics.json still runs; None when it ran on another machine."""
    if writer.get("host") != socket.gethostname() or not writer.get("pid"):
        return None
    try:
        os.kill(int(writer["pid"]), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _status(metrics: dict | None, path: Path, config: dict) -> tuple[str, str]:
    status, note = _recorded_status(metrics, path)
    missing = missing_final_files(path, config) if status in ("complete", "incomplete", "killed") else []
    if missing and metrics is not None and metrics.get("status") in ("complete", "incomplete", FINISHING):
        return "unfinished", (f"every record is done, but the run stopped before writing {', '.join(missing)}; "
                              "`synthloom run CONFIG --resume` writes them")
    return status, note


def _recorded_status(metrics: dict | None, path: Path) -> tuple[str, str]:
    if metrics is None:
        return "unknown", (f"{path} has no metrics.json: the run was killed before its first save (it saves "
                           "every few seconds), or this is not a run directory")
    status = metrics.get("status", "unknown")
    last = (metrics.get("sessions") or [{}])[-1]
    if status == "complete":
        return status, "finished: every input was processed"
    if status == "incomplete":
        return status, "finished, but some inputs failed (see failures); `synthloom run CONFIG --resume` retries them"
    if status in ("running", FINISHING):
        ago = time.time() - (last.get("ended") or last.get("started") or time.time())
        alive = _writer_alive(metrics.get("writer") or {})
        if alive is None:
            alive = ago < 60  # another machine's run: judge by how recent its last save is
        if alive:
            return "running", f"still running (last save {ago:,.0f} s ago): this report shows the work so far"
        return "killed", (f"not finished: the run was stopped {ago:,.0f} s ago without recording an end (killed, "
                          "or its machine stopped); this report shows the work saved until then; "
                          "`synthloom run CONFIG --resume` continues it")
    return status, f"not finished ({status}); `synthloom run CONFIG --resume` continues it"


def load_run(path: str | Path) -> RunView:
    path = Path(path)
    if not path.is_dir():
        raise UserError(f"no run directory at {path}")
    if not (path / "config.yaml").exists() and not (path / "state.sqlite").exists():
        raise UserError(f"{path} is not a run directory (no config.yaml or state.sqlite); give the run_dir of a run")
    config = yaml.safe_load((path / "config.yaml").read_text()) if (path / "config.yaml").exists() else {}
    metrics = orjson.loads((path / "metrics.json").read_bytes()) if (path / "metrics.json").exists() else None
    sessions = (metrics or {}).get("sessions", [])
    status, note = _status(metrics, path, config)
    last_pipeline = ((sessions[-1].get("metrics") or {}).get("pipeline") or {}) if sessions else {}
    done = _committed(path)
    records, written = _jsonl(path / "output.jsonl", SAMPLE_RECORDS)
    removed, removed_total = _jsonl(path / "removed.jsonl", SAMPLE_RECORDS)
    failures, failures_total = _jsonl(path / "failures.jsonl", SAMPLE_RECORDS)
    models: dict[str, dict] = {}
    for session in sessions:
        for name, m in ((session.get("metrics") or {}).get("models") or {}).items():
            entry = models.setdefault(name, {"model": m.get("model"), "calls": 0, "cache_hits": 0,
                                             "prompt_tokens": 0, "completion_tokens": 0, "reasoning_tokens": 0})
            for key in ("calls", "cache_hits", "prompt_tokens", "completion_tokens", "reasoning_tokens"):
                entry[key] += m.get(key, 0) or 0
    metrics = metrics or {}
    return RunView(path=path, status=status, status_note=note, config=config, steps=_steps(config, sessions),
                   totals=metrics.get("totals", {}), models=models, timeline=metrics.get("timeline", []),
                   sessions=sessions, inputs_total=last_pipeline.get("roots_total", 0), inputs_done=done,
                   records_written=written, records=records, removed=removed, failures=failures,
                   removed_total=removed_total, failures_total=failures_total,
                   value=orjson.loads((path / "value.json").read_bytes()) if (path / "value.json").exists() else None)
