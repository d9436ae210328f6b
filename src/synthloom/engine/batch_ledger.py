"""The batch ledger: which sample keys went into which provider batch, kept in SQLite in the run
directory (or beside the cache for `synthloom generate`), so a killed run polls its batches again
instead of paying for the same requests twice.

A submission is written before it is sent (a token and its keys) and completed with the provider's
batch id once created; a submission found without an id on resume is looked up at the provider by its
token. A batch stays open until every one of its results has been handed to the engine.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from synthloom.errors import UserError
from synthloom.io.private_files import create_private_file, make_private_dir
from synthloom.io.sqlite_format import check_format, stamp_format

LEDGER_FORMAT = "synthloom-batches/1"
SCHEMA = """
CREATE TABLE IF NOT EXISTS batches (
    token TEXT PRIMARY KEY,
    backend TEXT NOT NULL,
    batch_id TEXT UNIQUE,
    submitted REAL NOT NULL,
    status TEXT NOT NULL,
    finished REAL
);
CREATE TABLE IF NOT EXISTS batch_keys (
    key TEXT NOT NULL,
    token TEXT NOT NULL REFERENCES batches(token)
);
CREATE INDEX IF NOT EXISTS batch_keys_token ON batch_keys(token);
"""


@dataclass
class OpenBatch:
    token: str
    batch_id: str | None  # None: sent, but the run stopped before the provider's answer was recorded
    submitted: float
    keys: list[str]


class BatchLedger:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        make_private_dir(self.path.parent)
        create_private_file(self.path)
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA busy_timeout=10000")
        try:
            check_format(self._db, self.path, LEDGER_FORMAT, ours={"batches", "batch_keys"},
                         what="a synthloom batch ledger", fix="move that file away")
        except UserError:
            self._db.close()
            raise
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(SCHEMA)
        stamp_format(self._db, LEDGER_FORMAT)

    def begin(self, token: str, backend: str, keys: list[str]) -> None:
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute("INSERT INTO batches VALUES (?, ?, NULL, ?, 'submitting', NULL)",
                             (token, backend, time.time()))
            self._db.executemany("INSERT INTO batch_keys VALUES (?, ?)", [(k, token) for k in keys])

    def submitted(self, token: str, batch_id: str) -> None:
        self._db.execute("UPDATE batches SET batch_id = ?, status = 'submitted' WHERE token = ?", (batch_id, token))

    def status(self, token: str, status: str) -> None:
        self._db.execute("UPDATE batches SET status = ? WHERE token = ?", (status, token))

    def forget(self, token: str) -> None:
        """A submission the provider never received: its keys are free to be sent again."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute("DELETE FROM batch_keys WHERE token = ?", (token,))
            self._db.execute("DELETE FROM batches WHERE token = ?", (token,))

    def finish(self, token: str, status: str) -> None:
        self._db.execute("UPDATE batches SET status = ?, finished = ? WHERE token = ?", (status, time.time(), token))

    def known_id(self, batch_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM batches WHERE batch_id = ?", (batch_id,)).fetchone() is not None

    def open_batches(self, backend: str) -> list[OpenBatch]:
        rows = self._db.execute("SELECT token, batch_id, submitted FROM batches WHERE backend = ? AND finished IS "
                                "NULL ORDER BY submitted", (backend,)).fetchall()
        return [OpenBatch(token, batch_id, submitted,
                          [k for (k,) in self._db.execute("SELECT key FROM batch_keys WHERE token = ?", (token,))])
                for token, batch_id, submitted in rows]

    def summary(self) -> dict[str, int]:
        """Batches by last known status (for the run's metrics)."""
        return dict(self._db.execute("SELECT status, COUNT(*) FROM batches GROUP BY status").fetchall())

    def close(self) -> None:
        self._db.close()
