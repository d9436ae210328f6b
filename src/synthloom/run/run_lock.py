"""One writer per run directory: an advisory lock the kernel drops when its process dies.

flock(2) belongs to the open file, so a SIGKILLed run never blocks its own resume, and no stale lock
file needs cleaning up. The holder writes its pid and host into the file so a refused second writer
can say who holds it.
"""

from __future__ import annotations

import fcntl
import os
import socket
import time
from pathlib import Path

import orjson

from synthloom.errors import UserError
from synthloom.io.private_files import FILE_MODE

LOCK_NAME = "lock"


class RunLock:
    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise UserError(f"{self.path.parent} is in use by another synthloom run ({holder}); "
                            "wait for it to finish, or stop it and rerun with --resume") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, orjson.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                    "started": time.strftime("%Y-%m-%d %H:%M:%S")}), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file drops the lock
            self._fd = None


def _read_holder(fd: int) -> str:
    try:
        info = orjson.loads(os.pread(fd, 4096, 0))
        return f"pid {info['pid']} on host {info['host']}, since {info['started']}"
    except (orjson.JSONDecodeError, KeyError, TypeError, OSError):
        return "its pid is not recorded yet"
