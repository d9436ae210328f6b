"""Content-addressed response cache in SQLite: a rerun or a resumed run never repeats a call."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from pathlib import Path
from typing import Any

import orjson

from synthloom.errors import UserError
from synthloom.io.private_files import create_private_file, make_private_dir
from synthloom.io.sqlite_format import check_format, stamp_format
from synthloom.models.base import ChatRequest, Choice

# info.format of a cache file; bump when the responses table changes meaning (sqlite_format.py).
CACHE_FORMAT = "synthloom-cache/1"
SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    created REAL NOT NULL,
    model TEXT NOT NULL,
    sample BLOB NOT NULL
)
"""


def cache_key(identity: str, model: str, request: ChatRequest, sample_index: int) -> str:
    """Hash of everything that decides a sample: where, which model, what was asked, how, which sample.

    The seed sent for a sample is part of `request.sampling()` already; the index also separates
    unseeded samples of one request. Credentials are never part of the identity.
    """
    material = {
        "backend": identity,
        "model": model,
        "messages": request.messages,
        "params": request.sampling(),
        "sample": sample_index,
    }
    return hashlib.sha256(orjson.dumps(material, option=orjson.OPT_SORT_KEYS)).hexdigest()


def lookup(db: sqlite3.Connection, key: str) -> tuple[Choice, dict[str, int]] | None:
    """The sample stored under `key` in a cache database, with its usage."""
    row = db.execute("SELECT sample FROM responses WHERE key = ?", (key,)).fetchone()
    if row is None:
        return None
    data = orjson.loads(row[0])
    return Choice(text=data["text"], finish_reason=data.get("finish_reason"),
                  logprobs=data.get("logprobs"), tool_calls=data.get("tool_calls"),
                  reasoning=data.get("reasoning")), data.get("usage", {})


class ResponseCache:
    """One row per sample. Each insert commits at once: WAL without fsync costs microseconds and a
    SIGKILL (unlike a power cut) loses nothing the OS already has, so every answer received is kept."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        make_private_dir(self.path.parent)
        create_private_file(self.path)  # it holds every answer: owner-only, as are its -wal and -shm files
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA busy_timeout=10000")
        try:  # before anything is written: even the journal mode changes a file's header
            check_format(self._db, self.path, CACHE_FORMAT, ours={"responses"}, what="a synthloom response cache",
                         fix="point engine.cache (or --cache) at another file")
        except UserError:
            self._db.close()
            raise
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(SCHEMA)
        stamp_format(self._db, CACHE_FORMAT)

    def get(self, key: str) -> tuple[Choice, dict[str, int]] | None:
        return lookup(self._db, key)

    def put(self, key: str, model: str, choice: Choice, usage: dict[str, int]) -> None:
        sample: dict[str, Any] = {"text": choice.text, "finish_reason": choice.finish_reason,
                                  "logprobs": choice.logprobs, "usage": usage}
        if choice.tool_calls:
            sample["tool_calls"] = choice.tool_calls
        if choice.reasoning is not None:  # the server's reasoning part (a <think> block stays in the text)
            sample["reasoning"] = choice.reasoning
        self._db.execute("INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?)",
                         (key, time.time(), model, orjson.dumps(sample)))

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM responses").fetchone()[0]

    def close(self) -> None:
        self._db.close()


class LayeredCache:
    """A worker's cache: reads its own file, then the run's shared cache (read-only); writes its own.
    Workers never write one file together (SQLite over a network filesystem locks badly); the driver
    merges their files into the run's cache (merge_caches)."""

    def __init__(self, own: str | Path, shared: str | Path | None) -> None:
        self.own = ResponseCache(own)
        self.shared = None
        if shared is not None and Path(shared).exists():
            self.shared = sqlite3.connect(f"file:{shared}?mode=ro", uri=True, check_same_thread=False)
            self.shared.execute("PRAGMA busy_timeout=10000")

    def get(self, key: str) -> tuple[Choice, dict[str, int]] | None:
        found = self.own.get(key)
        if found is None and self.shared is not None:
            found = lookup(self.shared, key)
        return found

    def put(self, key: str, model: str, choice: Choice, usage: dict[str, int]) -> None:
        self.own.put(key, model, choice, usage)

    def close(self) -> None:
        self.own.close()
        if self.shared is not None:
            self.shared.close()


def merge_caches(target: str | Path, sources: list[Path]) -> int:
    """Copy every answer in `sources` into `target` (answers already there are kept); returns how many
    were new."""
    cache = ResponseCache(target)
    before = len(cache)
    try:
        for source in sources:
            cache._db.execute("ATTACH DATABASE ? AS shard", (str(source),))
            try:
                cache._db.execute("INSERT OR IGNORE INTO main.responses SELECT * FROM shard.responses")
            finally:
                cache._db.execute("DETACH DATABASE shard")
        return len(cache) - before
    finally:
        cache.close()
