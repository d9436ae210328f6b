"""Run untrusted, model-written Python in a sandbox; see sandbox_child.py for the lock-down itself.

Each run gets a fresh work directory (removed afterwards), a wall-clock timeout that kills the whole
process group, CPU / memory / file-size / process / open-file limits, an empty environment (no API keys
or tokens), no network, and an unprivileged user that cannot touch the parent. Outcomes are distinct:
ok, error (non-zero exit), timeout. Output is capped so a flood of prints cannot exhaust the caller.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import asdict, dataclass

from synthloom.verifiers.sandbox_child import NOBODY

OUTPUT_CAP = 64 * 1024


@dataclass(frozen=True)
class SandboxLimits:
    wall_s: float = 10.0
    cpu_s: int = 5
    memory_mb: int = 512
    file_mb: int = 16
    processes: int = 32
    open_files: int = 64


@dataclass
class SandboxResult:
    status: str  # "ok", "error" (non-zero exit) or "timeout"
    returncode: int | None
    stdout: str
    stderr: str
    seconds: float

    @property
    def passed(self) -> bool:
        return self.status == "ok"


async def _read_capped(stream: asyncio.StreamReader) -> bytes:
    kept = bytearray()
    while chunk := await stream.read(65536):
        if len(kept) < OUTPUT_CAP:
            kept += chunk[: OUTPUT_CAP - len(kept)]  # keep draining, so the child never blocks on a full pipe
    return bytes(kept)


def _world_readable(path: str) -> bool:
    """Whether an unprivileged user can reach and run `path`: every folder on the way searchable."""
    import stat

    real = os.path.realpath(path)
    if not os.path.isfile(real) or not os.stat(real).st_mode & stat.S_IXOTH:
        return False
    folder = os.path.dirname(real)
    while True:
        if not os.stat(folder).st_mode & stat.S_IXOTH:
            return False
        if folder == os.path.dirname(folder):
            return True
        folder = os.path.dirname(folder)


def sandbox_python() -> str:
    """An interpreter the unprivileged sandbox user can run: this one if it can, else the system's."""
    if os.geteuid() != 0:
        return sys.executable  # not root: no user switch, so any interpreter we can run will do
    for candidate in (sys.executable, "/usr/bin/python3", "/usr/local/bin/python3"):
        if _world_readable(candidate):
            return candidate
    raise RuntimeError("no Python interpreter that an unprivileged user can run (the sandbox drops to "
                       "`nobody`): install python3 from the system's packages")


def _work_dir() -> str:
    path = tempfile.mkdtemp(prefix="synthloom-sandbox-")
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)  # the only place the unprivileged code may write
    return path


async def run_python(code: str, limits: SandboxLimits = SandboxLimits()) -> SandboxResult:
    workdir = _work_dir()
    try:
        with open(os.path.join(workdir, "candidate.py"), "w") as handle:
            handle.write(code)
        spec = json.dumps({"workdir": workdir, "python": sandbox_python(),
                           **{k: v for k, v in asdict(limits).items() if k != "wall_s"}})
        started = time.monotonic()
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "synthloom.verifiers.sandbox_child", spec,
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": _package_root()},
        )
        readers = asyncio.gather(_read_capped(proc.stdout), _read_capped(proc.stderr), proc.wait())
        try:
            stdout, stderr, returncode = await asyncio.wait_for(asyncio.shield(readers), limits.wall_s)
            status = "ok" if returncode == 0 else "error"
            if returncode in (-signal.SIGXCPU, -signal.SIGKILL, 128 + signal.SIGXCPU, 128 + signal.SIGKILL):
                status = "timeout"  # the CPU limit ended it
        except asyncio.TimeoutError:
            _kill_group(proc.pid)
            stdout, stderr, returncode = await readers
            status = "timeout"
        return SandboxResult(status, returncode, stdout.decode("utf-8", "replace"),
                             stderr.decode("utf-8", "replace"), round(time.monotonic() - started, 3))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)  # the child made itself a group leader; this ends all it started
    except ProcessLookupError:
        pass


def _package_root() -> str:
    """So the launcher module imports in the child, wherever synthloom is installed."""
    import synthloom

    return os.path.dirname(os.path.dirname(os.path.abspath(synthloom.__file__)))
