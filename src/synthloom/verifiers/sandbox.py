"""Run untrusted, model-written Python in a sandbox.

Preferred isolation ("bwrap"): bubblewrap gives the code a root filesystem of its own (interpreter and
standard library read-only, a fresh writable scratch folder, nothing else of the host: see
sandbox_rootfs.py), new user, PID, network, IPC, UTS and cgroup namespaces, no capabilities, an empty
environment; as root it also runs under a throwaway uid, so the process limit counts only its own
processes. Where bwrap cannot run, the weaker "namespaces" mode (sandbox_child.py: the host filesystem
read-only but visible) is used and said once, in the log and in every verifier report.

Every run: a wall-clock timeout that kills the whole tree, CPU / memory / file-size / process /
open-file limits, size-capped in-memory mounts for everything it may write (bwrap mode, and the
fallback where it may mount), a fresh empty session keyring, a seccomp filter (sandbox_seccomp.py),
output capped so a flood of prints cannot exhaust the caller. Outcomes: ok, error (non-zero exit),
timeout. A verifier must never trust those for a verdict: see code.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import functools
import json
import logging
import os
import random
import resource
import signal
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass

from synthloom.verifiers import sandbox_cgroup, sandbox_rootfs, sandbox_seccomp
from synthloom.verifiers.sandbox_cgroup import SandboxCgroup
from synthloom.verifiers.sandbox_scratch import make_scratch, remove_tree

log = logging.getLogger(__name__)
OUTPUT_CAP = 64 * 1024
# The longest line a reader of the sandbox's stdout accepts: what one answer can cost the parent, since
# a JSON line decodes to at most ~30 times its size in Python objects.
LINE_LIMIT = 4 * 1024 * 1024


@dataclass(frozen=True)
class SandboxLimits:
    wall_s: float = 10.0
    cpu_s: int = 5
    memory_mb: int = 512  # each process's address space; with a cgroup, also the whole sandbox's memory
    file_mb: int = 16
    processes: int = 32
    open_files: int = 64
    writable_mb: int = 64  # each writable mount (scratch, /tmp, /dev/shm): what the code writes lands there


@dataclass
class SandboxResult:
    status: str  # "ok", "error" (non-zero exit) or "timeout"
    returncode: int | None
    stdout: str
    stderr: str
    seconds: float


@functools.lru_cache(maxsize=1)
def isolation() -> dict[str, str]:
    """Which isolation runs here, and in words what that means; logged once, when first asked."""
    problem = sandbox_rootfs.bwrap_problem()
    _, syscalls = sandbox_seccomp.compiled_filter()
    whole = sandbox_cgroup.available() or "a cgroup caps the whole sandbox's memory, tasks and CPU"
    if problem is None:
        found = {"mode": "bwrap", "detail": "own root filesystem (interpreter and standard library only), "
                                            "no network, empty environment, unprivileged, writable folders "
                                            "size-capped in memory, no nested user namespaces, a fresh "
                                            f"session keyring; {syscalls}; {whole}"}
    else:
        found = {"mode": "namespaces", "detail": "WEAKER: bubblewrap cannot run here (" + problem + "); "
                 "candidate code can read the host's world-readable files (writes and network still blocked; "
                 "writable folders size-capped only where the launcher may mount, i.e. as root); "
                 f"a fresh session keyring; {syscalls}; {whole}"}
        log.warning("sandbox isolation is weaker than intended: %s", found["detail"])
    return found


async def read_capped(stream: asyncio.StreamReader, cap: int = OUTPUT_CAP) -> bytes:
    kept = bytearray()
    while chunk := await stream.read(65536):
        if len(kept) < cap:
            kept += chunk[: cap - len(kept)]  # keep draining, so the child never blocks on a full pipe
    return bytes(kept)


def _limits_then_drop(limits: SandboxLimits, uid: int | None, cgroup: SandboxCgroup | None):
    """Runs in the forked child before exec: into the sandbox's cgroup, resource limits, then (as root)
    the throwaway uid, then a new empty session keyring, so no key of the caller's login session is
    reachable from inside."""
    mb = 1024 * 1024
    libc = ctypes.CDLL(None, use_errno=True)

    def prepare() -> None:
        if cgroup is not None:
            cgroup.join()
        pairs = [(resource.RLIMIT_CPU, limits.cpu_s), (resource.RLIMIT_AS, limits.memory_mb * mb),
                 (resource.RLIMIT_FSIZE, limits.file_mb * mb), (resource.RLIMIT_NOFILE, limits.open_files),
                 (resource.RLIMIT_CORE, 0)]
        if uid is not None:  # per-uid count: only meaningful for a uid nothing else uses
            pairs.append((resource.RLIMIT_NPROC, limits.processes))
        for limit, value in pairs:
            resource.setrlimit(limit, (value, value))
        if uid is not None:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
        sandbox_seccomp.join_new_session_keyring(libc)
    return prepare


@contextlib.asynccontextmanager
async def open_python(files: dict[str, str], main: str,
                      limits: SandboxLimits = SandboxLimits()) -> AsyncIterator[asyncio.subprocess.Process]:
    """Start `main` (one of `files`, all written to the scratch folder) in the sandbox, pipes on stdin,
    stdout and stderr. On leaving, whatever still runs is killed and the scratch folder removed."""
    uid = sandbox_rootfs.SANDBOX_UID_BASE + random.randrange(1, 1_000_000) if os.geteuid() == 0 else None
    scratch = make_scratch(files, uid)
    cgroup = SandboxCgroup.create(limits.memory_mb, limits.processes)
    proc = None
    try:
        proc = await _spawn(scratch, list(files), main, limits, uid, cgroup)
        yield proc
    finally:
        if proc is not None:
            if proc.returncode is None:
                kill_tree(proc.pid)
            try:
                await asyncio.wait_for(proc.wait(), 2)
            except (ProcessLookupError, asyncio.TimeoutError):
                # A reader paused on a full buffer (a flood past LINE_LIMIT) never sees end-of-file, and
                # until every pipe is closed wait() never returns: close them, then wait once more.
                transport = getattr(proc, "_transport", None)
                if transport is not None:
                    transport.close()
                with contextlib.suppress(ProcessLookupError, asyncio.TimeoutError):
                    await asyncio.wait_for(proc.wait(), 5)
        if cgroup is not None:
            await asyncio.to_thread(cgroup.remove)  # kills what is left in it first
        remove_tree(scratch)


async def _spawn(scratch: str, files: list[str], main: str, limits: SandboxLimits, uid: int | None,
                 cgroup: SandboxCgroup | None) -> asyncio.subprocess.Process:
    pipe = asyncio.subprocess.PIPE
    if isolation()["mode"] == "bwrap":
        seccomp_fd = sandbox_rootfs.seccomp_pipe()
        command = sandbox_rootfs.bwrap_command(sandbox_rootfs.sandbox_python(), scratch, files, [main], uid,
                                               writable_mb=limits.writable_mb, seccomp_fd=seccomp_fd)
        try:
            return await asyncio.create_subprocess_exec(
                *command, stdin=pipe, stdout=pipe, stderr=pipe, limit=LINE_LIMIT, start_new_session=True, env={},
                pass_fds=() if seccomp_fd is None else (seccomp_fd,), preexec_fn=_limits_then_drop(limits, uid, cgroup))
        finally:
            if seccomp_fd is not None:
                os.close(seccomp_fd)
    spec = json.dumps({"workdir": scratch, "main": main, "python": sandbox_rootfs.sandbox_python(), "uid": uid,
                       **{k: v for k, v in asdict(limits).items() if k != "wall_s"}})
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "synthloom.verifiers.sandbox_child", spec, stdin=pipe, stdout=pipe, stderr=pipe,
        limit=LINE_LIMIT, env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": _package_root()},
        preexec_fn=cgroup.join if cgroup is not None else None)


async def run_python(code: str, limits: SandboxLimits = SandboxLimits(), stdin: bytes = b"",
                     files: dict[str, str] | None = None) -> SandboxResult:
    """Run `code` as a script to its end (or the wall-clock limit) and collect what it printed."""
    started = time.monotonic()
    async with open_python({**(files or {}), "candidate.py": code}, "candidate.py", limits) as proc:
        assert proc.stdin and proc.stdout and proc.stderr
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            proc.stdin.write(stdin)
            await proc.stdin.drain()
        proc.stdin.close()
        readers = asyncio.gather(read_capped(proc.stdout), read_capped(proc.stderr), proc.wait())
        try:
            stdout, stderr, returncode = await asyncio.wait_for(asyncio.shield(readers), limits.wall_s)
            status = "ok" if returncode == 0 else "error"
            if returncode in (-signal.SIGXCPU, -signal.SIGKILL, 128 + signal.SIGXCPU, 128 + signal.SIGKILL):
                status = "timeout"  # the CPU limit ended it
        except asyncio.TimeoutError:
            kill_tree(proc.pid)
            stdout, stderr, returncode = await readers
            status = "timeout"
    return SandboxResult(status, returncode, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"),
                         round(time.monotonic() - started, 3))


def kill_tree(pid: int) -> None:
    """The launcher leads its own process group; in bwrap mode the sandbox dies with its parent too."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def _package_root() -> str:
    """So the fallback launcher module imports in the child, wherever synthloom is installed."""
    import synthloom

    return os.path.dirname(os.path.dirname(os.path.abspath(synthloom.__file__)))
