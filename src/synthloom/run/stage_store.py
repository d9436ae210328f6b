"""One stage of a run on disk: `stages/NN-<step>/` in the run directory.

A stage is the per-record steps up to a whole-pool step, and that step. While it is open, each root's
records (what the per-record steps made of one stage input) are appended to `streamed.jsonl` in one
write, and the byte range is committed to state.sqlite with the root's input position; a resume cuts
the file back to its last committed byte and skips committed roots, as output.jsonl does. The
whole-pool step then reads the streamed records in input order (never in the order they happened to
finish, so its choices do not depend on timing), and its output is written as shards
(`part-NNNNN.jsonl`) beside `removed.jsonl`, `sources.jsonl` and `manifest.json` (shard names and
counts, the config digest, the steps' figures). The stage is done once state.sqlite says so, after
every file is in place: a kill before that reruns only the whole-pool step, from the response cache.
A finished stage is final; later sessions read its shards and never run it again.

What a per-record step drops (rejection's rejected candidates) is committed with its root, in the same
transaction, to state.sqlite's `streamed_removed`, keyed by record id: never twice, whatever was killed.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import AsyncIterator, Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from synthloom.errors import UserError
from synthloom.io.private_files import (
    make_private_dir,
    open_private_append,
    write_all,
    write_private_atomic,
    write_private_atomic_chunks,
)
from synthloom.record import Record

STAGES = "stages"
SHARD_RECORDS = 50_000  # records per output shard: a shard is read whole by nothing, but kept small
STAGE_SCHEMA = """
CREATE TABLE IF NOT EXISTS stage_roots (stage TEXT NOT NULL, root_id TEXT NOT NULL, position INTEGER NOT NULL,
                                        status TEXT NOT NULL, PRIMARY KEY (stage, root_id));
CREATE TABLE IF NOT EXISTS stage_chunks (stage TEXT NOT NULL, position INTEGER NOT NULL,
                                         start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
                                         records INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS stage_chunks_order ON stage_chunks(stage, position);
CREATE TABLE IF NOT EXISTS stages (stage TEXT PRIMARY KEY, config_defining TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS streamed_removed (stage TEXT NOT NULL, position INTEGER NOT NULL, record_id TEXT NOT NULL,
                                             data BLOB NOT NULL, PRIMARY KEY (stage, record_id));
"""
OUTPUT_STAGE = "output"  # the last stage's key: its removed records are in `streamed_removed` under it


def failure_root(stage: str, root_id: str) -> str:
    """A stage root's key in the failures table: a record id can be a root of two stages."""
    return f"{stage}:{root_id}"


class StageStore:
    def __init__(self, db: sqlite3.Connection, run_path: Path, key: str, config_defining: str) -> None:
        self.db = db
        self._state_file = db.execute("PRAGMA database_list").fetchone()[2]  # for readers in other threads
        self.key = key
        self.folder = run_path / STAGES / key
        self.streamed_path = self.folder / "streamed.jsonl"
        self.config_defining = config_defining
        self._fd: int | None = None
        self._offset = 0

    # -- finished ----------------------------------------------------------------------------------

    def manifest(self) -> dict[str, Any] | None:
        """The finished stage's manifest, or None while the stage is open."""
        row = self.db.execute("SELECT config_defining FROM stages WHERE stage = ?", (self.key,)).fetchone()
        if row is None:
            return None
        if row[0] != self.config_defining:  # run_dir checks the config first; this guards the folder itself
            raise UserError(f"{self.folder} was made by another config: start a new run_dir")
        manifest_path = self.folder / "manifest.json"
        if not manifest_path.exists():
            raise UserError(f"{manifest_path} is missing, though state.sqlite marks the stage done: the run "
                            "directory was changed by hand; start a new run_dir")
        return orjson.loads(manifest_path.read_bytes())

    def output(self, manifest: dict[str, Any]) -> Iterator[Record]:
        """The finished stage's records, shard by shard, in order."""
        for shard in manifest["shards"]:
            with (self.folder / shard["path"]).open("rb") as handle:
                for line in handle:
                    yield Record.from_dict(orjson.loads(line))

    # -- open: the streamed part -------------------------------------------------------------------

    def open(self) -> None:
        make_private_dir(self.folder.parent)
        make_private_dir(self.folder)
        row = self.db.execute("SELECT MAX(end_offset) FROM stage_chunks WHERE stage = ?", (self.key,)).fetchone()
        committed = row[0] or 0
        if self.streamed_path.exists() and self.streamed_path.stat().st_size != committed:
            with self.streamed_path.open("r+b") as handle:
                handle.truncate(committed)
        self._offset = committed
        self._fd = open_private_append(self.streamed_path)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def done_roots(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT root_id FROM stage_roots WHERE stage = ? AND status = 'ok'",
                                              (self.key,))}

    def written_ids(self, position: int) -> set[str]:
        """Ids of the records a root at `position` already wrote (a root that partly failed before)."""
        chunks = self.db.execute("SELECT start_offset, end_offset FROM stage_chunks WHERE stage = ? AND position = ?",
                                 (self.key, position)).fetchall()
        return {r.id for r in self._read_chunks(chunks)} if chunks else set()

    def commit_root(self, root_id: str, position: int, records: list[Record], failed: list[Record],
                    removed: list[Record]) -> None:
        assert self._fd is not None, "open() the stage first"
        start = self._offset
        if records:
            data = b"".join(r.to_json() + b"\n" for r in records)
            write_all(self._fd, data)
            self._offset += len(data)
        key = failure_root(self.key, root_id)
        db = self.db
        db.execute("BEGIN")
        db.execute("INSERT OR REPLACE INTO stage_roots VALUES (?, ?, ?, ?)",
                   (self.key, root_id, position, "failed" if failed else "ok"))
        if records:
            db.execute("INSERT INTO stage_chunks VALUES (?, ?, ?, ?, ?)",
                       (self.key, position, start, self._offset, len(records)))
        db.execute("DELETE FROM failures WHERE root_id = ?", (key,))
        db.executemany("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?, ?)",
                       [(r.id, key, r.error_step, r.error, r.to_json()) for r in failed])
        insert_removed(db, self.key, position, removed)
        db.execute("COMMIT")

    def drop_streamed(self) -> None:
        """After the stage is done: the streamed records are in its shards, and nothing reads them again."""
        self.close()
        self.streamed_path.unlink(missing_ok=True)

    def count_streamed(self) -> int:
        return self.db.execute("SELECT COALESCE(SUM(records), 0) FROM stage_chunks WHERE stage = ?",
                               (self.key,)).fetchone()[0]

    def streamed_records(self) -> Iterator[Record]:
        """Every committed record of the streamed part, in input order (then in the order each root made
        them), whatever order the roots finished in. Read through a connection of its own, opened by
        whichever thread iterates: a whole-pool step may read its pool in a worker thread (dedup out of
        core), and a connection may only be used by the thread that made it."""
        return self._committed_records(self._state_file)

    def _committed_records(self, state: str) -> Iterator[Record]:
        db = sqlite3.connect(f"file:{state}?mode=ro", uri=True)
        try:
            yield from self._read_chunks(db.execute(
                "SELECT start_offset, end_offset FROM stage_chunks WHERE stage = ? ORDER BY position, start_offset",
                (self.key,)))
        finally:
            db.close()

    def _read_chunks(self, chunks: Iterable[tuple[int, int]]) -> Iterator[Record]:
        with self.streamed_path.open("rb") as handle:
            for start, end in chunks:
                handle.seek(start)
                for line in handle.read(end - start).splitlines():
                    if line.strip():
                        yield Record.from_dict(orjson.loads(line))

    # -- closing -----------------------------------------------------------------------------------

    async def write_shards(self, records: Iterable[Record] | AsyncIterator[Record]) -> list[dict[str, Any]]:
        """The whole-pool step's output, as it comes, in shards of SHARD_RECORDS."""
        shards: list[dict[str, Any]] = []
        batch: list[bytes] = []

        def add(record: Record) -> None:
            batch.append(record.to_json() + b"\n")
            if len(batch) >= SHARD_RECORDS:
                flush()

        def flush() -> None:
            name = f"part-{len(shards):05d}.jsonl"
            write_private_atomic(self.folder / name, b"".join(batch))
            shards.append({"path": name, "records": len(batch)})
            batch.clear()

        if isinstance(records, AsyncIterator):
            async for record in records:
                add(record)
        else:
            for record in records:
                add(record)
        if batch or not shards:
            flush()
        return shards

    def finish(self, shards: list[dict[str, Any]], removed: list[Record], sources: list[dict[str, Any]],
               figures: dict[str, Any]) -> dict[str, Any]:
        """After the shards: what the stage removed (its per-record steps' drops in input order, then the
        whole-pool step's), its sources, the manifest; then the stage is done."""
        count = [0]

        def lines() -> Iterator[bytes]:
            for data in streamed_removed(self.db, self.key):
                count[0] += 1
                yield data + b"\n"
            for record in removed:
                count[0] += 1
                yield record.to_json() + b"\n"

        write_private_atomic_chunks(self.folder / "removed.jsonl", lines())
        write_private_atomic(self.folder / "sources.jsonl", b"".join(orjson.dumps(s) + b"\n" for s in sources))
        manifest = {"stage": self.key, "config_defining": self.config_defining, "shards": shards,
                    "records": sum(s["records"] for s in shards), "removed": count[0], **figures}
        write_private_atomic(self.folder / "manifest.json", orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
        self.db.execute("INSERT OR REPLACE INTO stages VALUES (?, ?)", (self.key, self.config_defining))
        return manifest


def insert_removed(db: sqlite3.Connection, stage: str, position: int, removed: list[Record]) -> None:
    """Inside the caller's transaction: the records a root's per-record steps dropped."""
    db.executemany("INSERT OR REPLACE INTO streamed_removed VALUES (?, ?, ?, ?)",
                   [(stage, position, r.id, r.to_json()) for r in removed])


def streamed_removed(db: sqlite3.Connection, stage: str) -> Iterator[bytes]:
    """A stage's per-record drops as JSON lines, in input order (then in the order each root made them)."""
    for (data,) in db.execute("SELECT data FROM streamed_removed WHERE stage = ? ORDER BY position, rowid", (stage,)):
        yield data


def count_failed_stage_roots(db: sqlite3.Connection) -> int:
    return db.execute("SELECT COUNT(*) FROM stage_roots WHERE status = 'failed'").fetchone()[0]


def gather_stage_files(run_path: Path, name: str) -> Iterator[bytes]:
    """removed.jsonl or sources.jsonl of every finished stage, in stage order: the run's file, in pieces."""
    folder = run_path / STAGES
    if not folder.is_dir():
        return
    for stage in sorted(p for p in folder.iterdir() if (p / "manifest.json").exists()):
        file = stage / name
        if file.exists():
            with file.open("rb") as handle:
                while piece := handle.read(1 << 20):
                    yield piece
