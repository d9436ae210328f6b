"""A run directory: resolved config, output written as it is made, the commit log, failures, metrics.

Crash safety: records are appended to output.jsonl in one write per input record (its "root"), then
the root and the file's new length are committed to state.sqlite. On resume the JSONL is cut back to
the last committed length, so a write torn by SIGKILL or a root never committed leaves no trace, and
committed roots are skipped. Their model answers are in the response cache, so nothing is asked twice.
The stages before the last whole-pool step keep their records under stages/ the same way (stage_store.py).
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import socket
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson

from synthloom.errors import UserError
from synthloom.io.private_files import (
    create_private_file,
    make_private_dir,
    open_private_append,
    write_all,
    write_private_atomic,
    write_private_atomic_chunks,
)
from synthloom.io.sqlite_format import check_format, stamp_format
from synthloom.record import Record
from synthloom.run.run_lock import LOCK_NAME, RunLock
from synthloom.run.stage_store import (
    OUTPUT_STAGE,
    STAGE_SCHEMA,
    StageStore,
    count_failed_stage_roots,
    gather_stage_files,
    insert_removed,
    streamed_removed,
)

log = logging.getLogger("synthloom")

OUTPUT = "output.jsonl"
STATE_SCHEMA = """
CREATE TABLE IF NOT EXISTS roots (root_id TEXT PRIMARY KEY, status TEXT NOT NULL, end_offset INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS failures (record_id TEXT PRIMARY KEY, root_id TEXT NOT NULL, step TEXT,
                                     error TEXT, record BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS failures_root ON failures(root_id);
CREATE TABLE IF NOT EXISTS sessions (id INTEGER PRIMARY KEY, started REAL, ended REAL, status TEXT,
                                     metrics BLOB);
CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS timeline (session INTEGER, at REAL, records INTEGER, samples INTEGER, calls INTEGER,
                                     cache_hits INTEGER, prompt_tokens INTEGER, completion_tokens INTEGER,
                                     cost REAL);
"""
FINISHING = "finishing"  # every record is done; the final files are being written
STATE_FORMAT = "synthloom-run/3"  # info.format: marks a folder synthloom made, and its schema version
TIMELINE_KEYS = ("samples", "calls", "cache_hits", "prompt_tokens", "completion_tokens", "estimated_cost_usd")


class RunDirectory:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.output_path = self.path / OUTPUT
        self.config_path = self.path / "config.yaml"
        self._db: sqlite3.Connection | None = None
        self._fd: int | None = None
        self._lock: RunLock | None = None
        self.restarted = False  # a run that had written nothing was started over with a changed config
        self._offset = 0
        self.session_id: int | None = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise RuntimeError(f"{self.path} is not open")
        return self._db

    @property
    def output_fd(self) -> int:
        if self._fd is None:
            raise RuntimeError(f"{self.path} is not open")
        return self._fd

    # -- opening ---------------------------------------------------------------------------------

    def exists(self) -> bool:
        return (self.path / "state.sqlite").exists()

    def open(self, config_text: str, input_digest: str, *, resume: bool, defining: str | None = None) -> None:
        """`defining`: the part of the config that decides the records (the engine's settings left out),
        which a resume must match; a resume may change the rest (concurrency, budget, batch mode)."""
        self._defining = hashlib.sha256((defining if defining is not None else config_text).encode()).hexdigest()
        """Start a run, or resume one. Only one process at a time may hold a run directory; a fresh
        start refuses a folder that holds a run with records, or files synthloom did not write."""
        if self.path.exists() and not self.path.is_dir():
            raise UserError(f"run_dir {self.path} is a file: give the path of a folder (new or empty)")
        if resume and not self.exists():
            raise UserError(f"nothing to resume in {self.path.resolve()}: run without --resume to start "
                            "(a relative run_dir is taken from the config file's folder)")
        self._refuse_foreign()  # before the lock file: not even that goes into a user's folder
        make_private_dir(self.path)
        self._lock = RunLock(self.path)
        self._lock.acquire()
        try:
            self._open_locked(config_text, input_digest, resume=resume)
        except BaseException:
            self.close()
            raise

    def _refuse_foreign(self) -> None:
        """A folder that holds no run may be used only if it is empty (a lock file of ours aside)."""
        if not self.path.is_dir() or self.exists():
            return
        foreign = sorted(p.name for p in self.path.iterdir() if p.name != LOCK_NAME)
        if foreign:
            raise UserError(f"{self.path} holds files synthloom did not write ({', '.join(foreign[:5])}"
                            f"{', ...' if len(foreign) > 5 else ''}): a run_dir must be a new or empty "
                            "folder; choose another run_dir")

    def _open_locked(self, config_text: str, input_digest: str, *, resume: bool) -> None:
        had_run = self.exists()
        if not had_run:
            self._refuse_foreign()  # again under the lock: another process may have written meanwhile
            create_private_file(self.path / "state.sqlite")
        self._db = sqlite3.connect(self.path / "state.sqlite", isolation_level=None)
        if had_run:  # before anything is written: even the journal mode changes a file's header
            check_format(self.db, self.path / "state.sqlite", STATE_FORMAT, ours={"roots", "sessions", "info"},
                         what="a synthloom run's state", fix="choose another run_dir")
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(STATE_SCHEMA + STAGE_SCHEMA)
        stamp_format(self.db, STATE_FORMAT)
        same = had_run and self._same_run(config_text, input_digest)
        if had_run and self._has_records():
            if not resume:
                raise UserError(f"{self.path} already holds a run: pass --resume to continue it, "
                                "or choose another run_dir")
            self._check_same_run(config_text, input_digest)
        elif had_run and not same:
            # Nothing was written yet (the server was unreachable, a template was wrong...): the user
            # fixed the config, so the run starts over with it. Answers already cached are kept.
            log.info("run_dir held no records yet: starting it over with the changed config")
            self.restarted = True
            self.db.executescript("DELETE FROM roots; DELETE FROM failures; DELETE FROM stage_roots; "
                                  "DELETE FROM stage_chunks; DELETE FROM stages; DELETE FROM streamed_removed;")
        if not same or self._saved_config() != config_text:
            write_private_atomic(self.config_path, config_text.encode())
        if not same:
            self._set_info("input_digest", input_digest)
            self._set_info("config_defining", self._defining)
        # A session still marked running was killed before it could say how it ended.
        self.db.execute("UPDATE sessions SET status = 'killed' WHERE status = 'running'")
        self._offset = self._truncate_to_committed()
        self._fd = open_private_append(self.output_path)
        cur = self.db.execute("INSERT INTO sessions (started, status) VALUES (?, 'running')", (time.time(),))
        self.session_id = cur.lastrowid

    def _has_records(self) -> bool:
        """Whether any record was committed: to the output, or to a stage."""
        return bool(self.db.execute("SELECT MAX(end_offset) FROM roots").fetchone()[0]
                    or self.db.execute("SELECT 1 FROM stage_chunks WHERE end_offset > start_offset LIMIT 1").fetchone()
                    or self.db.execute("SELECT 1 FROM stages LIMIT 1").fetchone())

    def _set_info(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO info VALUES (?, ?)", (key, value))

    def _get_info(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM info WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _saved_config(self) -> str | None:
        return self.config_path.read_text() if self.config_path.exists() else None

    def _same_config(self, config_text: str) -> bool:
        defining = self._get_info("config_defining")
        if defining is None:  # a run started before the defining part was recorded: the whole text
            return self._saved_config() == config_text
        return defining == self._defining

    def _same_run(self, config_text: str, input_digest: str) -> bool:
        return self._same_config(config_text) and self._get_info("input_digest") == input_digest

    def _check_same_run(self, config_text: str, input_digest: str) -> None:
        if not self._same_config(config_text):
            raise UserError(f"the config differs from the one {self.path} was started with "
                            f"({self.config_path}) in more than its engine settings; resume with that config, or "
                            "start a new run_dir")
        if self._get_info("input_digest") != input_digest:
            raise UserError(f"the input file changed since {self.path} was started; "
                            "resume with the same input, or start a new run_dir")

    def _truncate_to_committed(self) -> int:
        row = self.db.execute("SELECT MAX(end_offset) FROM roots").fetchone()
        committed = row[0] or 0
        if self.output_path.exists() and self.output_path.stat().st_size != committed:
            with self.output_path.open("r+b") as handle:
                handle.truncate(committed)
        return committed

    # -- progress --------------------------------------------------------------------------------

    def done_roots(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT root_id FROM roots WHERE status = 'ok'")}

    def output_ids(self) -> set[str]:
        return {orjson.loads(line)["id"] for line in self._iter_output_lines()}

    def _iter_output_lines(self) -> Iterator[bytes]:
        if not self.output_path.exists():
            return
        with self.output_path.open("rb") as handle:
            for line in handle:
                if line.strip():
                    yield line

    def output_records(self) -> Iterator[Record]:
        for line in self._iter_output_lines():
            yield Record.from_dict(orjson.loads(line))

    def commit_root(self, root_id: str, records: list[Record], failed: list[Record],
                    removed: Sequence[Record] = ()) -> None:
        """Append a root's records in one write, then commit the root, its status, failures and drops."""
        if records:
            data = b"".join(r.to_json() + b"\n" for r in records)
            write_all(self.output_fd, data)
            self._offset += len(data)
        status = "failed" if failed else "ok"
        db = self.db
        db.execute("BEGIN")
        db.execute("INSERT OR REPLACE INTO roots VALUES (?, ?, ?)", (root_id, status, self._offset))
        db.execute("DELETE FROM failures WHERE root_id = ?", (root_id,))
        db.executemany("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?, ?)",
                       [(r.id, root_id, r.error_step, r.error, r.to_json()) for r in failed])
        insert_removed(db, OUTPUT_STAGE, 0, list(removed))  # the output's drops keep commit order (rowid)
        db.execute("COMMIT")

    def commit_unchanged_roots(self, records: list[Record]) -> None:
        """Roots that are their own single record, appended in one write and committed in one transaction."""
        if not records:
            return
        ends, data = [], bytearray()
        for record in records:
            data += record.to_json() + b"\n"
            ends.append(self._offset + len(data))
        write_all(self.output_fd, bytes(data))
        self._offset += len(data)
        db = self.db
        db.execute("BEGIN")
        db.executemany("INSERT OR REPLACE INTO roots VALUES (?, 'ok', ?)",
                       [(r.id, end) for r, end in zip(records, ends, strict=True)])
        db.executemany("DELETE FROM failures WHERE root_id = ?", [(r.id,) for r in records])
        db.execute("COMMIT")

    def stage(self, key: str) -> StageStore:
        """A stage before the last whole-pool step: its streamed records, then its finished output."""
        return StageStore(self.db, self.path, key, self._defining)

    def count_failed_stage_roots(self) -> int:
        return count_failed_stage_roots(self.db)

    def failures(self) -> list[dict[str, Any]]:
        return [orjson.loads(r[0]) for r in self.db.execute("SELECT record FROM failures ORDER BY rowid")]

    def count_failed_output_roots(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM roots WHERE status = 'failed'").fetchone()[0]

    def count_failed_roots(self) -> int:
        """Roots that failed, in the output's stream and in every stage."""
        return self.count_failed_output_roots() + count_failed_stage_roots(self.db)

    # -- metrics and the end ---------------------------------------------------------------------

    def spent_before(self) -> float:
        """What the run's earlier sessions spent (their engines' estimated cost), for engine.max_cost."""
        total = 0.0
        for (raw,) in self.db.execute("SELECT metrics FROM sessions WHERE id != ? AND metrics IS NOT NULL",
                                      (self.session_id,)):
            total += (orjson.loads(raw).get("engine") or {}).get("estimated_cost_usd") or 0.0
        return total

    def earlier_step_stats(self, step_name: str) -> list[dict[str, Any]]:
        """What each earlier session's summary counted for one step."""
        found = []
        for (raw,) in self.db.execute("SELECT metrics FROM sessions WHERE id != ? AND metrics IS NOT NULL",
                                      (self.session_id,)):
            stats = ((orjson.loads(raw).get("pipeline") or {}).get("steps") or {}).get(step_name)
            if stats:
                found.append(stats)
        return found

    def save_session(self, status: str, metrics: dict[str, Any]) -> None:
        now = time.time()
        self.db.execute("UPDATE sessions SET ended = ?, status = ?, metrics = ? WHERE id = ?",
                         (now, status, orjson.dumps(metrics), self.session_id))
        # One point per save: the report's throughput-over-time plot.
        engine = metrics.get("engine", {})
        records = metrics.get("pipeline", {}).get("records_written", 0)
        self.db.execute("INSERT INTO timeline VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (self.session_id, now, records, *(engine.get(k, 0) for k in TIMELINE_KEYS)))
        sessions = [
            {"id": r[0], "started": r[1], "ended": r[2], "status": r[3],
             "metrics": orjson.loads(r[4]) if r[4] else None}
            for r in self.db.execute("SELECT id, started, ended, status, metrics FROM sessions ORDER BY id")
        ]
        timeline = [dict(zip(("session", "at", "records", *TIMELINE_KEYS), row, strict=True))
                    for row in self.db.execute("SELECT * FROM timeline ORDER BY session, at")]
        summary = {"status": status, "sessions": sessions, "totals": _sum_engine(sessions), "timeline": timeline,
                   # who is writing: a report can tell a killed run from one still going
                   "writer": {"pid": os.getpid(), "host": socket.gethostname()}}
        write_private_atomic(self.path / "metrics.json", orjson.dumps(summary, option=orjson.OPT_INDENT_2))

    def gather_stage_files(self) -> None:
        """removed.jsonl (the records steps dropped, each with its step's reason in `meta`: every finished
        stage's, then what the output's per-record steps dropped) and sources.jsonl (what records name as
        parents without being records: seed and generated tasks). Rewritten whole from the stages' own
        files and state.sqlite: never appended twice."""
        removed = itertools.chain(gather_stage_files(self.path, "removed.jsonl"),
                                  (data + b"\n" for data in streamed_removed(self.db, OUTPUT_STAGE)))
        write_private_atomic_chunks(self.path / "removed.jsonl", removed)
        existed = (self.path / "sources.jsonl").exists()
        if not write_private_atomic_chunks(self.path / "sources.jsonl", gather_stage_files(self.path, "sources.jsonl")) \
                and not existed:
            (self.path / "sources.jsonl").unlink()

    def write_failures_file(self) -> int:
        failures = self.failures()
        write_private_atomic(self.path / "failures.jsonl", b"".join(orjson.dumps(f) + b"\n" for f in failures))
        return len(failures)

    def write_parquet(self) -> Path:
        from synthloom.io.parquet import records_to_parquet  # pyarrow loads only when a run finishes

        target = self.path / "output.parquet"
        records_to_parquet((orjson.loads(line) for line in self._iter_output_lines()), target)
        return target

    def write_exports(self, exports: list) -> dict[str, dict[str, int]]:
        from synthloom.io.training_formats import write_export

        results = {}
        for export in exports:
            records = (orjson.loads(line) for line in self._iter_output_lines())
            written, skipped = write_export(records, export.format, self.path / export.path,
                                            export.prompt_field, export.response_field, export.reasoning)
            results[export.path] = {"written": written, "skipped": skipped}
        return results

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._lock is not None:  # last: nothing of this process writes after another may start
            self._lock.release()
            self._lock = None


def missing_final_files(path: Path, config: dict[str, Any]) -> list[str]:
    """The files a finished run writes after its records (report.html aside) that are not there."""
    output = config.get("output") or {}
    wanted = ["failures.jsonl", "summary.md", "metrics.json"]
    if output.get("parquet", True):
        wanted.append("output.parquet")
    wanted += [e["path"] for e in output.get("exports") or [] if e.get("path")]
    return [name for name in wanted if not (path / name).exists()]


def _sum_engine(sessions: list[dict[str, Any]]) -> dict[str, Any]:
    keys = ("samples", "cache_hits", "calls", "succeeded_calls", "retries", "failed_samples",
            "prompt_tokens", "completion_tokens", "reasoning_tokens", "estimated_cost_usd")
    totals = dict.fromkeys(keys, 0)
    for session in sessions:
        engine = (session.get("metrics") or {}).get("engine") or {}
        for key in keys:
            totals[key] += engine.get(key, 0) or 0
    return totals


