"""One cgroup per sandbox, where this process may make them: limits on the sandbox as a whole.

Per-process limits (RLIMIT_AS, RLIMIT_CPU) multiply with the number of processes, and memory the code
gets without mapping it (tmpfs pages, kernel objects such as the inodes of a million empty files) is
in none of them. A memory cgroup counts all of it together: the sandbox's processes, what they write
to their in-memory folders, what the kernel allocates for them. So `memory_mb` is the whole sandbox's
memory, `processes` its tasks (pids), and it gets at most one CPU. On the way out everything left in
it is killed and the cgroup removed.

Made under this process's own cgroup (so a sandbox in a container stays inside the container's
limits), with cgroup v1's memory, pids and cpu controllers or v2's unified hierarchy. Where neither is
writable (not root, a read-only /sys/fs/cgroup) there is none, and the isolation detail says so.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import signal
import time

log = logging.getLogger(__name__)
ROOT = "/sys/fs/cgroup"
CPU_PERIOD_US = 100_000


def _own_paths() -> dict[str, str]:
    """{controller (or "" for v2): this process's cgroup path}, from /proc/self/cgroup."""
    paths = {}
    with contextlib.suppress(OSError), open("/proc/self/cgroup") as handle:
        for line in handle:
            _, controllers, path = line.rstrip("\n").split(":", 2)
            for controller in controllers.split(",") if controllers else [""]:
                paths[controller] = path
    return paths


@functools.lru_cache(maxsize=1)
def _layout() -> dict[str, str] | None:
    """{role: the folder new sandbox cgroups go in}: roles memory, pids, cpu (v1) or all (v2)."""
    if os.geteuid() != 0:
        return None
    own = _own_paths()
    v1 = {c: os.path.join(ROOT, c) + own.get(c, "/") for c in ("memory", "pids", "cpu")}
    if all(os.access(path, os.W_OK) and os.path.exists(os.path.join(path, "cgroup.procs")) for path in v1.values()):
        return _without_stale(v1)
    for unified in (ROOT, os.path.join(ROOT, "unified")):
        base = unified + own.get("", "/")
        controllers = os.path.join(base, "cgroup.subtree_control")
        with contextlib.suppress(OSError), open(controllers) as handle:
            if {"memory", "pids", "cpu"} <= set(handle.read().split()) and os.access(base, os.W_OK):
                return _without_stale({"all": base})
    return None


def _without_stale(layout: dict[str, str]) -> dict[str, str]:
    """Remove the empty cgroups of sandbox owners that are gone (a verifier killed before it cleaned up)."""
    for parent in layout.values():
        with contextlib.suppress(OSError):
            for name in os.listdir(parent):
                parts = name.split("-")
                if len(parts) == 3 and parts[0] == "synthloom" and parts[1].isdigit() and \
                        not os.path.exists(f"/proc/{parts[1]}"):
                    with contextlib.suppress(OSError):
                        os.rmdir(os.path.join(parent, name))
    return layout


def available() -> str | None:
    """None if sandbox cgroups can be made here, else why not (for the isolation detail)."""
    if os.geteuid() != 0:
        return "no cgroup (not root): memory and CPU are limited per process only"
    if _layout() is None:
        return "no cgroup (no writable memory, pids and cpu controllers): memory and CPU limited per process only"
    return None


class SandboxCgroup:
    """The cgroup folders of one sandbox (one per v1 controller, or one v2 folder)."""

    def __init__(self, folders: list[str]) -> None:
        self.folders = folders

    @classmethod
    def create(cls, memory_mb: int, processes: int) -> SandboxCgroup | None:
        layout = _layout()
        if layout is None:
            return None
        name = f"synthloom-{os.getpid()}-{os.urandom(4).hex()}"
        folders: list[str] = []
        try:
            for role, parent in layout.items():
                folder = os.path.join(parent, name)
                os.mkdir(folder)
                folders.append(folder)
                for file, value in _settings(role, memory_mb, processes):
                    if os.path.exists(os.path.join(folder, file)):
                        with open(os.path.join(folder, file), "w") as handle:
                            handle.write(value)
        except OSError as exc:
            log.warning("sandbox: could not set up a cgroup (%s); per-process limits only for this run", exc)
            cls(folders).remove()
            return None
        return cls(folders)

    def join(self) -> None:
        """Move the calling process into the cgroup (in the forked child, before exec and before it
        gives up root); what it starts is counted there too."""
        for folder in self.folders:
            with open(os.path.join(folder, "cgroup.procs"), "w") as handle:
                handle.write("0")

    def remove(self) -> None:
        """Kill whatever is still in it, then remove it; never raises."""
        deadline = time.monotonic() + 3
        for folder in self.folders:
            while time.monotonic() < deadline:
                pids = _pids(folder)
                if not pids:
                    break
                for pid in pids:
                    with contextlib.suppress(ProcessLookupError, PermissionError):
                        os.kill(pid, signal.SIGKILL)
                time.sleep(0.01)
            try:
                os.rmdir(folder)
            except OSError as exc:
                log.warning("sandbox: could not remove the cgroup %s: %s", folder, exc)


def _pids(folder: str) -> list[int]:
    try:
        with open(os.path.join(folder, "cgroup.procs")) as handle:
            return [int(line) for line in handle if line.strip()]
    except OSError:
        return []


def _settings(role: str, memory_mb: int, processes: int) -> list[tuple[str, str]]:
    memory = str(memory_mb * 1024 * 1024)
    v1 = {"memory": [("memory.limit_in_bytes", memory), ("memory.memsw.limit_in_bytes", memory)],
          "pids": [("pids.max", str(processes))],
          "cpu": [("cpu.cfs_period_us", str(CPU_PERIOD_US)), ("cpu.cfs_quota_us", str(CPU_PERIOD_US))]}
    v2 = [("memory.max", memory), ("memory.swap.max", "0"), ("pids.max", str(processes)),
          ("cpu.max", f"{CPU_PERIOD_US} {CPU_PERIOD_US}")]
    return v2 if role == "all" else v1[role]
