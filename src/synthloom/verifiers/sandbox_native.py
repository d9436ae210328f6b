"""Native programs (a compiler, node, a compiled binary) in the same bubblewrap sandbox as Python code.

The same namespaces, throwaway uid, resource limits, cgroup, seccomp filter, empty environment and
size-capped in-memory folders as sandbox.py gives Python; only the root filesystem differs:
- a program run: the program's binary and the shared libraries `ldd` lists for it, nothing else;
- a compile: the system's /usr (compiler, assembler, linker, headers, libraries) read-only, and one
  writable host folder at /out for the compiler's output (bounded by the file-size limit). No /etc,
  /usr/local, home folders, project sources or data.
Only bwrap mode runs native programs: the fallback launcher (sandbox_child.py) isolates a Python
interpreter, so where bwrap cannot run, SandboxUnavailable says why.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import os
import random
import shutil
import signal
import tempfile
import time
from dataclasses import dataclass

from synthloom.errors import UserError
from synthloom.verifiers import sandbox_rootfs
from synthloom.verifiers.sandbox import LINE_LIMIT, SandboxLimits, _limits_then_drop, isolation, kill_tree
from synthloom.verifiers.sandbox_cgroup import SandboxCgroup
from synthloom.verifiers.sandbox_scratch import make_scratch, remove_tree, scratch_prefix

PROGRAM_DIR = "/program"  # where a compiled binary is bound, read-only, in the run's sandbox
OUT_DIR = "/out"  # a compile's writable folder inside its sandbox
PATH = "/usr/bin:/bin"
SYSTEM_TREES = ("/usr/bin", "/usr/lib", "/usr/lib64", "/usr/libexec", "/usr/include", "/usr/share/gcc")
TOP_LINKS = ("/bin", "/lib", "/lib64", "/sbin")


class SandboxUnavailable(UserError):
    """Native programs need bwrap mode; the message says why it is not available here."""


@dataclass(frozen=True)
class ProgramRun:
    status: str  # "ok", "error" (non-zero exit or a signal) or "timeout" (wall clock or CPU limit)
    returncode: int | None
    stdout: bytes
    stderr: bytes
    seconds: float
    truncated: bool  # stdout went past the cap (what was kept is its start)


def require_bwrap() -> None:
    if isolation()["mode"] != "bwrap":
        raise SandboxUnavailable("running JavaScript or C++ candidates needs the bubblewrap sandbox, which "
                                 f"cannot run here: {isolation()['detail']}")


@functools.lru_cache(maxsize=16)
def program_binds(executable: str, inside: str | None = None) -> tuple[str, ...]:
    """bwrap arguments that bring in one executable (at `inside`, default its own path) and the shared
    libraries it loads."""
    real = os.path.realpath(executable)
    target = inside or executable
    args = ["--ro-bind", real, target]
    if inside is None and executable != real:
        args = ["--ro-bind", real, real, "--symlink", real, executable]
    for library in sandbox_rootfs._shared_libraries([real]):
        args += ["--ro-bind", os.path.realpath(library), library]
    return tuple(args)


@functools.lru_cache(maxsize=1)
def toolchain_binds() -> tuple[str, ...]:
    """The system's /usr trees a compiler needs, read-only, and the top-level links into them."""
    args: list[str] = []
    for tree in SYSTEM_TREES:
        if os.path.isdir(tree):
            args += ["--ro-bind", tree, tree]
    for link in TOP_LINKS:
        if os.path.islink(link):
            args += ["--symlink", os.readlink(link), link]
        elif os.path.isdir(link):
            args += ["--ro-bind", link, link]
    return tuple(args)


async def run_program(command: list[str], binds: tuple[str, ...], files: dict[str, str], limits: SandboxLimits,
                      stdin: bytes = b"", output_cap: int = 64 * 1024, wall_s: float | None = None,
                      writable_dir: str | None = None, address_space_mb: int = 0) -> ProgramRun:
    """Run `command` to its end (or `wall_s`, default the limits' wall clock) with `stdin` as its input.
    `files` go read-only into its working folder; `writable_dir` (a host folder) is its /out.
    `address_space_mb`: virtual memory a runtime reserves without using, added to the per-process
    address-space limit only (the cgroup, where there is one, still caps real memory at memory_mb)."""
    require_bwrap()
    uid = sandbox_rootfs.SANDBOX_UID_BASE + random.randrange(1, 1_000_000) if os.geteuid() == 0 else None
    scratch = make_scratch(files, uid)
    if writable_dir is not None and uid is not None:
        os.chown(writable_dir, uid, uid)
    cgroup = SandboxCgroup.create(limits.memory_mb, limits.processes)
    seccomp_fd = sandbox_rootfs.seccomp_pipe()
    started = time.monotonic()
    proc = None
    try:
        argv = sandbox_rootfs.sandbox_command(
            binds, scratch, list(files), command, uid, writable_mb=limits.writable_mb, seccomp_fd=seccomp_fd,
            env={"PATH": PATH}, writable_binds=((writable_dir, OUT_DIR),) if writable_dir else ())
        pipe = asyncio.subprocess.PIPE
        try:
            proc = await asyncio.create_subprocess_exec(
                *argv, stdin=pipe, stdout=pipe, stderr=pipe, limit=LINE_LIMIT, start_new_session=True, env={},
                pass_fds=() if seccomp_fd is None else (seccomp_fd,),
                preexec_fn=_limits_then_drop(
                    dataclasses.replace(limits, memory_mb=limits.memory_mb + address_space_mb), uid, cgroup))
        finally:
            if seccomp_fd is not None:
                os.close(seccomp_fd)
        return await _collect(proc, stdin, output_cap, limits.wall_s if wall_s is None else wall_s, started)
    finally:
        if proc is not None and proc.returncode is None:
            kill_tree(proc.pid)
            with contextlib.suppress(ProcessLookupError, asyncio.TimeoutError):
                await asyncio.wait_for(proc.wait(), 5)
        if cgroup is not None:
            await asyncio.to_thread(cgroup.remove)
        remove_tree(scratch)


async def _collect(proc: asyncio.subprocess.Process, stdin: bytes, cap: int, wall_s: float,
                   started: float) -> ProgramRun:
    assert proc.stdin and proc.stdout and proc.stderr  # opened as pipes

    async def feed() -> None:
        assert proc.stdin
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            proc.stdin.write(stdin)
            await proc.stdin.drain()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            proc.stdin.close()

    kept: dict[str, bytes] = {}

    async def drain(name: str, stream: asyncio.StreamReader, limit: int) -> None:
        data = bytearray()
        while chunk := await stream.read(65536):
            if len(data) <= limit:  # one byte past the cap tells truncation; draining goes on regardless,
                data += chunk[: limit + 1 - len(data)]  # so the program never blocks on a full pipe
        kept[name] = bytes(data)

    work = asyncio.gather(feed(), drain("stdout", proc.stdout, cap), drain("stderr", proc.stderr, 16 * 1024),
                          proc.wait())
    status = "ok"
    try:
        await asyncio.wait_for(asyncio.shield(work), max(wall_s, 0.01))
    except asyncio.TimeoutError:
        kill_tree(proc.pid)
        status = "timeout"
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(work, 5)
    code = proc.returncode
    if status == "ok" and code != 0:
        ended_by_limit = code in (-signal.SIGXCPU, -signal.SIGKILL, 128 + signal.SIGXCPU, 128 + signal.SIGKILL)
        status = "timeout" if ended_by_limit else "error"
    stdout = kept.get("stdout", b"")
    return ProgramRun(status, code, stdout[:cap], kept.get("stderr", b"")[:16 * 1024],
                      round(time.monotonic() - started, 3), len(stdout) > cap)


@contextlib.contextmanager
def host_folder():
    """A private host folder for a compile's output, removed afterwards whatever was left in it."""
    folder = tempfile.mkdtemp(prefix=scratch_prefix())
    os.chmod(folder, 0o711)  # bwrap runs as the sandbox's user: it must reach what it binds
    try:
        yield folder
    finally:
        remove_tree(folder)


def keep_binary(path: str, into: str) -> str:
    """Copy a compiled binary out of the compile's folder into `into` (root's, readable by the sandbox
    user), so the compile's sandbox user cannot change it between runs."""
    target = os.path.join(into, "main")
    shutil.copyfile(path, target)
    os.chmod(target, 0o555)
    return target
