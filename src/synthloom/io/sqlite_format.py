"""Schema versions of synthloom's SQLite files (a run's state.sqlite, a response cache).

Each file records `info.format` = "<family>/<version>". A file of the family at another version was
written by another synthloom release and is refused with one clear error rather than misread; a file
of ours from before formats were recorded is stamped; a SQLite file that is not ours is never written to.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from synthloom.errors import UserError

INFO_SCHEMA = "CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT NOT NULL)"


def tables(db: sqlite3.Connection) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def stored_format(db: sqlite3.Connection) -> str | None:
    if "info" not in tables(db):
        return None
    row = db.execute("SELECT value FROM info WHERE key = 'format'").fetchone()
    return row[0] if row else None


def check_format(db: sqlite3.Connection, path: Path, current: str, *, ours: set[str], what: str,
                 fix: str) -> None:
    """Refuse `path` unless it is empty, of format `current`, or an unstamped file of ours (it holds
    every table in `ours`: then it is stamped). `what` names the file's role, `fix` the way out."""
    present = tables(db)
    if not present:
        return
    found = stored_format(db)
    family = current.split("/")[0]
    if found is None and not ours <= present:
        raise UserError(f"{path} is not {what} (a SQLite file with other tables: {', '.join(sorted(present)[:5])}); "
                        f"synthloom will not write into it: {fix}")
    if found is not None and found != current:
        if found.split("/")[0] == family:
            raise UserError(f"{path} is {what} in format {found}, written by another synthloom release; this one "
                            f"reads {current}: {fix}, or use the release that wrote it")
        raise UserError(f"{path} is not {what} (its format is {found}): {fix}")


def stamp_format(db: sqlite3.Connection, current: str) -> None:
    db.execute(INFO_SCHEMA)
    db.execute("INSERT OR REPLACE INTO info VALUES ('format', ?)", (current,))
