"""Files that hold model answers are readable by their owner only, whatever the umask says.

Run directories and the response cache keep prompts and responses (and, in failure texts, whatever a
server sent back): a shared machine's default umask would make them world-readable.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def make_private_dir(path: Path) -> bool:
    """Create `path` (and missing parents) owner-only; True if this call created it."""
    if path.is_dir():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        path.mkdir(mode=DIR_MODE)
    except FileExistsError:
        return False  # another process made it first
    os.chmod(path, DIR_MODE)  # mkdir's mode is masked by the umask
    return True


def create_private_file(path: Path) -> None:
    """Create an empty owner-only file unless it exists. SQLite gives its -wal and -shm files the
    database file's mode, so creating the database this way keeps all three private."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)


def open_private_append(path: Path) -> int:
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)


def write_all(fd: int, data: bytes) -> None:
    """Every byte of `data` to `fd` (os.write may write only part)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def write_private_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step: a reader sees the old file or the new one, never half."""
    write_private_atomic_chunks(path, [data])


def write_private_atomic_chunks(path: Path, chunks: Iterable[bytes]) -> bool:
    """`write_private_atomic` for data that comes in pieces (a file too big to hold); True if any byte."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    wrote = False
    try:
        for chunk in chunks:
            write_all(fd, chunk)
            wrote = wrote or bool(chunk)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    return wrote
