"""What the kernel lets sandboxed code reach: a seccomp filter refusing the system calls a verified
program never needs, and a fresh session keyring.

Refused with EPERM: the kernel keyring (keyctl, add_key, request_key), new namespaces (unshare, setns,
clone with any CLONE_NEW* flag), mounts and root changes, tracing and reading other processes' memory,
bpf, perf_event_open, io_uring, kernel modules, kexec and reboot, memory outside every file and tmpfs
limit (memfd_create, System V shared memory, message queues and semaphores), and a few old
container-escape routes (open_by_handle_at, userfaultfd). clone3 answers ENOSYS, since its flags sit in memory a filter
cannot read; the C library then falls back to clone, whose flags it can. System calls of another ABI
than the machine's own (32-bit or x32 ones, a way around a filter) kill the process: libseccomp's
default for an architecture the filter was not built for.

Built with libseccomp through `pyseccomp`, once per process; None (and the reason) where either is
missing, and the sandbox then says it runs without the filter. bwrap loads it (--seccomp); the fallback
launcher loads it itself (`load_filter`) just before it runs the code.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import platform
import tempfile

REFUSED = (
    "keyctl", "add_key", "request_key",
    "unshare", "setns",
    "mount", "umount2", "pivot_root", "chroot", "move_mount", "open_tree", "fsopen", "fsmount", "fsconfig",
    "fspick", "mount_setattr",
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp",
    "bpf", "perf_event_open", "io_uring_setup", "io_uring_enter", "io_uring_register",
    "init_module", "finit_module", "delete_module", "kexec_load", "kexec_file_load", "reboot",
    "open_by_handle_at", "name_to_handle_at", "userfaultfd", "swapon", "swapoff", "acct", "quotactl",
    "syslog", "lookup_dcookie",
    # Memory no file-size, tmpfs or address-space limit sees: anonymous files, System V shared memory.
    "memfd_create", "memfd_secret", "shmget", "shmat", "shmctl", "msgget", "msgsnd", "msgctl", "semget",
    "semctl", "semop", "semtimedop",
)
CLONE_NAMESPACE_FLAGS = {
    "CLONE_NEWNS": 0x00020000, "CLONE_NEWCGROUP": 0x02000000, "CLONE_NEWUTS": 0x04000000,
    "CLONE_NEWIPC": 0x08000000, "CLONE_NEWUSER": 0x10000000, "CLONE_NEWPID": 0x20000000,
    "CLONE_NEWNET": 0x40000000,
}


@functools.lru_cache(maxsize=1)
def compiled_filter() -> tuple[bytes | None, str]:
    """(the filter as a cBPF program for bwrap's --seccomp, what it refuses) or (None, why not)."""
    try:
        import pyseccomp as seccomp
    except (ImportError, OSError) as exc:  # OSError: the package is there, libseccomp.so is not
        return None, f"no seccomp filter (libseccomp not usable: {exc})"
    try:
        rules = seccomp.SyscallFilter(seccomp.ALLOW)
        refused = []
        for name in REFUSED:
            try:
                rules.add_rule(seccomp.ERRNO(errno.EPERM), name)
                refused.append(name)
            except (OSError, ValueError, RuntimeError):
                pass  # a call this kernel's libseccomp does not know: nothing to refuse
        for flag in CLONE_NAMESPACE_FLAGS.values():
            rules.add_rule(seccomp.ERRNO(errno.EPERM), "clone", seccomp.Arg(0, seccomp.MASKED_EQ, flag, flag))
        try:
            rules.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
            refused.append("clone3 (ENOSYS)")
        except (OSError, ValueError, RuntimeError):
            pass
        with tempfile.TemporaryFile() as handle:
            rules.export_bpf(handle)
            handle.seek(0)
            program = handle.read()
    except (OSError, ValueError, RuntimeError, AttributeError) as exc:
        return None, f"no seccomp filter (it could not be built: {exc})"
    return program, f"seccomp refuses {len(refused) + 1} kinds of system call (clone with namespace flags, " \
                    f"{', '.join(refused[:3])}, ...)"


KEYCTL_SYSCALL = {"x86_64": 250, "aarch64": 219}.get(platform.machine())
KEYCTL_JOIN_SESSION_KEYRING = 1
PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 38, 22, 2


def join_new_session_keyring(libc) -> None:
    """keyctl(KEYCTL_JOIN_SESSION_KEYRING, NULL): a new, empty session keyring for this process and all
    it starts, so no key of the caller's login session is reachable (this holds where seccomp is missing)."""
    if KEYCTL_SYSCALL is not None:
        libc.syscall(KEYCTL_SYSCALL, KEYCTL_JOIN_SESSION_KEYRING, None)


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def load_filter(libc, program: bytes) -> bool:
    """Install a compiled filter on this process (inherited across exec); no new privileges after it."""
    buffer = ctypes.create_string_buffer(program, len(program))
    fprog = _SockFprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    return (libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0
            and libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) == 0)
