"""The sandbox's fallback launcher, where bubblewrap cannot run (see sandbox.py): runs as the child
process, locks itself down, then runs the untrusted code.

Order matters: new namespaces (network: no interfaces but a down loopback; mount: private; PID: the
code's processes die with it; IPC), everything mounted read-only except the work directory, size-capped
tmpfs over the work directory, /tmp and /dev/shm, resource limits, then the switch to an unprivileged
user, a fresh session keyring, the seccomp filter, and last an isolated Python with an empty
environment and an audit hook that refuses sockets (the only network guard where namespaces are not
allowed). Without namespaces (not root) the work directory stays a host folder: only the file-size
limit bounds what is written there, and sandbox_scratch.py removes whatever is left.
Invoked as: python -m synthloom.verifiers.sandbox_child SPEC_JSON
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import sys

from synthloom.verifiers import sandbox_seccomp

CLONE_NEWNS, CLONE_NEWIPC, CLONE_NEWPID, CLONE_NEWNET = 0x00020000, 0x08000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = (
    1, 2, 4, 8, 32, 4096, 16384, 1 << 18)

# Runs first inside the untrusted interpreter. Audit hooks cannot be removed once added.
PRELUDE = """
import sys
def _guard(event, args):
    if event.startswith("socket."):
        raise PermissionError("network access is not allowed in the sandbox")
sys.addaudithook(_guard)
del _guard
__file__ = sys.argv[1]
sys.path.insert(0, ".")  # the scratch folder: a harness imports its helper modules from there
exec(compile(open(__file__).read(), __file__, "exec"), {"__name__": "__main__", "__file__": __file__})
"""


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _mount(libc, source, target, fstype, flags, data: bytes | None = None) -> bool:
    return libc.mount(source, target.encode(), fstype, ctypes.c_ulong(flags), data) == 0


def writable_in_memory(libc, workdir: str, size_mb: int, uid: int | None) -> bool:
    """Size-capped tmpfs over the work directory (its files copied in), /tmp and /dev/shm: what the code
    writes counts against the cap and vanishes with the mount namespace, never the host's disk."""
    files = {}
    for name in os.listdir(workdir):
        with open(os.path.join(workdir, name), "rb") as handle:
            files[name] = handle.read()
    size = f"size={size_mb}m".encode()
    if not _mount(libc, b"tmpfs", workdir, b"tmpfs", MS_NOSUID | MS_NODEV, size + b",mode=0755"):
        return False
    for name, content in files.items():
        path = os.path.join(workdir, name)
        with open(path, "wb") as handle:
            handle.write(content)
        os.chmod(path, 0o444)
    if uid is not None:
        os.chown(workdir, uid, uid)
    return all(_mount(libc, b"tmpfs", folder, b"tmpfs", MS_NOSUID | MS_NODEV, size + b",mode=1777")
               for folder in ("/tmp", "/dev/shm") if os.path.isdir(folder))


def lock_filesystem(libc, workdir: str) -> bool:
    """Every mount read-only (keeping its nosuid/nodev/noexec), except the work directory."""
    if not _mount(libc, None, "/", None, MS_REC | MS_PRIVATE):
        return False
    if not _mount(libc, workdir.encode(), workdir, None, MS_BIND):  # its own mount, left writable
        return False
    with open("/proc/self/mountinfo") as handle:
        mounts = [(line.split()[4], line.split()[5]) for line in handle]
    ok = True
    for target, options in mounts:
        if target == workdir:
            continue
        keep = sum(flag for name, flag in (("nosuid", MS_NOSUID), ("nodev", MS_NODEV), ("noexec", MS_NOEXEC))
                   if name in options.split(","))
        if not _mount(libc, None, target, None, MS_REMOUNT | MS_BIND | MS_RDONLY | keep):
            ok = ok and target != "/"  # a special mount may refuse; the root filesystem must not
    return ok


def set_limits(spec: dict) -> None:
    mb = 1024 * 1024
    for limit, value in ((resource.RLIMIT_CPU, spec["cpu_s"]), (resource.RLIMIT_AS, spec["memory_mb"] * mb),
                         (resource.RLIMIT_FSIZE, spec["file_mb"] * mb), (resource.RLIMIT_NPROC, spec["processes"]),
                         (resource.RLIMIT_NOFILE, spec["open_files"]), (resource.RLIMIT_CORE, 0)):
        resource.setrlimit(limit, (value, value))


def main() -> None:
    spec = json.loads(sys.argv[1])
    workdir = spec["workdir"]
    os.setsid()  # one process group: the parent kills it whole on a timeout
    libc = _libc()
    isolated = libc.unshare(CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWPID) == 0
    if isolated:
        # In a new PID namespace the next child is its PID 1: when it ends, the kernel ends every
        # process it left behind, so nothing the code forks outlives it.
        pid = os.fork()
        if pid:
            _, status = os.waitpid(pid, 0)
            os._exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
        if not lock_filesystem(libc, workdir):
            sys.stderr.write("sandbox: could not make the filesystem read-only\n")
            os._exit(125)
        if not writable_in_memory(libc, workdir, spec["writable_mb"], spec.get("uid")):
            sys.stderr.write("sandbox: could not cap the writable folders\n")
            os._exit(125)
    os.chdir(workdir)
    set_limits(spec)
    if spec.get("uid") is not None:
        os.setgroups([])
        os.setgid(spec["uid"])
        os.setuid(spec["uid"])  # cannot signal, trace or write to anything of the parent's
    sandbox_seccomp.join_new_session_keyring(libc)
    program, _ = sandbox_seccomp.compiled_filter()
    if program is not None and not sandbox_seccomp.load_filter(libc, program):
        sys.stderr.write("sandbox: could not load the seccomp filter\n")
        os._exit(125)
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": workdir, "PYTHONDONTWRITEBYTECODE": "1"}
    python = spec["python"]
    os.execve(python, [python, "-I", "-S", "-c", PRELUDE, spec["main"]], env)


if __name__ == "__main__":
    main()
