"""The sandbox against real attacks: each ends as a failed candidate, the host untouched, the run going on."""

from __future__ import annotations

import os
import socket
import subprocess
import textwrap
import threading
import time
import uuid
from pathlib import Path

import pytest

from synthloom.verifiers import sandbox_cgroup
from synthloom.verifiers.sandbox import OUTPUT_CAP, SandboxLimits, run_python
from synthloom.verifiers.sandbox_rootfs import SANDBOX_UID_BASE
from synthloom.verifiers.sandbox_scratch import scratch_prefix

LIMITS = SandboxLimits(wall_s=6, cpu_s=2, memory_mb=256, processes=16)
pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="the full sandbox (namespaces, user switch) needs root")


async def test_ordinary_code_runs_and_outcomes_are_distinct():
    ok = await run_python("import json\nprint(json.dumps({'sum': 2 + 2}))", LIMITS)
    assert ok.status == "ok" and ok.stdout.strip() == '{"sum": 4}'
    failed = await run_python("assert 1 == 2, 'wrong answer'", LIMITS)
    assert failed.status == "error" and "wrong answer" in failed.stderr
    broken = await run_python("def f(:\n  pass", LIMITS)
    assert broken.status == "error" and "SyntaxError" in broken.stderr


async def test_an_infinite_loop_times_out():
    result = await run_python("while True:\n    pass", LIMITS)
    assert result.status == "timeout" and result.seconds < LIMITS.wall_s + 2


async def test_a_sleeping_candidate_is_killed_at_the_wall_clock_limit():
    result = await run_python("import time\ntime.sleep(60)", SandboxLimits(wall_s=1.5, cpu_s=2))
    assert result.status == "timeout" and result.seconds < 4


async def test_a_fork_bomb_is_contained_and_leaves_nothing_behind():
    result = await run_python("import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass",
                              LIMITS)
    assert result.status in ("timeout", "error")
    # When the namespace's PID 1 ends, the kernel kills the rest; that teardown takes a moment.
    for _ in range(50):
        uids = subprocess.run(["ps", "-eo", "uid="], capture_output=True, text=True).stdout.split()
        leftover = " ".join(u for u in uids if int(u) >= SANDBOX_UID_BASE)
        if not leftover:
            break
        time.sleep(0.1)
    assert leftover == "", f"sandbox processes survived: {leftover}"


async def test_a_memory_bomb_fails():
    result = await run_python("blocks = []\nwhile True:\n    blocks.append(bytearray(50 * 1024 * 1024))", LIMITS)
    assert result.status == "error" and "MemoryError" in result.stderr


async def test_writing_outside_the_work_directory_fails(tmp_path):
    targets = [f"/tmp/synthloom-escape-{uuid.uuid4().hex}", str(tmp_path / "escape.txt"),
               str(Path(__file__).resolve().parent / "escape.txt"), "/root/escape.txt"]
    code = textwrap.dedent(f"""
        for target in {targets!r}:
            try:
                open(target, "w").write("x")
                print("WROTE", target)
            except OSError as error:
                print("refused", target, error.errno)
        open("inside.txt", "w").write("ok")
        """)
    result = await run_python(code, LIMITS)
    # The sandbox's /tmp is a private, empty tmpfs: a write there may succeed but reaches nothing of the host's.
    assert all(f"WROTE {t}" not in result.stdout for t in targets[1:]) and result.stdout.count("refused") >= 3
    assert not any(Path(t).exists() for t in targets)
    assert result.status == "ok"  # writing inside its own directory works; that directory is gone now
    assert not list(Path("/tmp").glob(scratch_prefix() + "*"))


async def test_api_keys_in_the_environment_are_not_visible(monkeypatch):
    monkeypatch.setenv("SYNTHLOOM_API_KEY", "sk-sandbox-canary")
    monkeypatch.setenv("HF_TOKEN", "hf-sandbox-canary")
    result = await run_python("import os\nprint(sorted(os.environ))\nprint(open('/proc/self/environ').read())",
                              LIMITS)
    assert "canary" not in result.stdout + result.stderr
    assert "SYNTHLOOM_API_KEY" not in result.stdout and "HF_TOKEN" not in result.stdout


async def test_no_network_connection_can_be_opened():
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    accepted = []
    server.settimeout(8)
    thread = threading.Thread(target=lambda: accepted.append(_accept(server)), daemon=True)
    thread.start()
    result = await run_python(f"import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=2)", LIMITS)
    thread.join(10)
    server.close()
    assert result.status == "error" and accepted == [None]
    # Below the socket guard there is no network at all: a fresh namespace with only a loopback.
    interfaces = await run_python("print(open('/proc/self/net/dev').read())", LIMITS)
    names = {line.split(":")[0].strip() for line in interfaces.stdout.splitlines()[2:] if ":" in line}
    assert names == {"lo"}


def _accept(server: socket.socket):
    try:
        return server.accept()
    except (TimeoutError, OSError):
        return None


async def test_the_parent_cannot_be_signalled():
    me = os.getpid()
    result = await run_python(f"import os, signal\nos.kill({me}, signal.SIGTERM)", LIMITS)
    assert result.status == "error" and ("ProcessLookupError" in result.stderr or "PermissionError" in result.stderr)
    group = await run_python(f"import os, signal\nos.killpg({os.getpgid(me)}, signal.SIGKILL)", LIMITS)
    assert group.status == "error"  # and this test process is still here to check it


async def test_output_floods_are_capped():
    result = await run_python("import sys\nfor _ in range(200000):\n    sys.stdout.write('x' * 100)", LIMITS)
    assert len(result.stdout) <= OUTPUT_CAP


# -- hard walls: writable mounts capped in memory, the kernel's surfaces refused --------------------

@pytest.mark.parametrize("folder", ["/dev/shm", "/tmp", "."])
async def test_every_writable_folder_is_capped_in_memory(folder):
    limits = SandboxLimits(wall_s=8, cpu_s=4, memory_mb=256, file_mb=4096, writable_mb=32)
    many_files = f"""
import os
total = 0
for i in range(200):
    try:
        with open(os.path.join({folder!r}, f"part{{i}}"), "wb") as handle:
            handle.write(b"x" * (4 * 1024 * 1024))
        total += 4
    except OSError:
        break
print("written_mb", total)
"""
    result = await run_python(many_files, limits)
    written = int(result.stdout.split("written_mb")[1])
    assert written <= 32, result.stdout  # 200 files of 4 MB each: the cap, not the file-size limit, held


async def test_dev_is_read_only():
    result = await run_python("open('/dev/evil', 'w')", LIMITS)
    assert result.status == "error" and "Read-only file system" in result.stderr


async def test_the_callers_keyring_is_out_of_reach():
    """A key in the caller's session keyring (as a login session has) cannot be read or listed."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    secret = f"key-{uuid.uuid4().hex}".encode()
    key = libc.syscall(248, b"user", b"synthloom-test", secret, len(secret), -3)  # add_key to the session keyring
    if key < 0:
        pytest.skip("this kernel has no keyring for the test process")
    code = """
import ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
buf = ctypes.create_string_buffer(4096)
for request in (0, 6, 11):  # get the session keyring's id, read it, read key by id
    r = libc.syscall(250, request, -3 if request != 11 else KEY, buf, 4096)
    print(request, r, ctypes.get_errno())
print("keys", open("/proc/keys").read() if os.path.exists("/proc/keys") else "")
""".replace("KEY", str(key))
    try:
        result = await run_python(code, LIMITS)
    finally:
        libc.syscall(250, 3, key)  # KEYCTL_REVOKE: the test leaves no key behind
    assert secret.decode() not in result.stdout + result.stderr
    for line in result.stdout.splitlines()[:3]:
        assert int(line.split()[1]) == -1, result.stdout  # each keyctl refused


@pytest.mark.parametrize("call", [
    "libc.syscall(272, 0x10000000)",  # unshare(CLONE_NEWUSER)
    "libc.syscall(56, 0x10000000 | 17, 0, 0, 0, 0)",  # clone(CLONE_NEWUSER | SIGCHLD)
    "libc.syscall(165, b'none', b'/tmp', b'tmpfs', 0, 0)",  # mount
    "libc.syscall(101, 16, 1, 0, 0)",  # ptrace(PTRACE_ATTACH, pid 1)
    "libc.syscall(321, 0, 0, 0)",  # bpf
    "libc.syscall(298, 0, 0, -1, -1, 0)",  # perf_event_open
    "libc.syscall(425, 8, 0)",  # io_uring_setup
])
async def test_system_calls_a_verified_program_never_needs_are_refused(call):
    code = f"import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\nr = {call}\nprint(r, ctypes.get_errno())"
    result = await run_python(code, LIMITS)
    returned, errno_ = result.stdout.split()
    assert int(returned) == -1 and int(errno_) == 1, result.stdout  # EPERM


async def test_threads_processes_and_subprocesses_still_work_under_the_filter():
    code = """
import os, subprocess, sys, threading, multiprocessing
out = []
t = threading.Thread(target=lambda: out.append("thread")); t.start(); t.join()
pid = os.fork()
if pid == 0:
    os._exit(7)
out.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
child = subprocess.run([sys.executable, "-I", "-S", "-c", "print(6 * 7)"], capture_output=True, text=True)
out.append(child.stdout.strip())
print(out)
"""
    result = await run_python(code, LIMITS)
    assert result.status == "ok" and result.stdout.strip() == "['thread', 7, '42']", result.stderr


@pytest.mark.skipif(sandbox_cgroup.available() is not None, reason="no writable cgroups here")
async def test_memory_across_processes_is_capped_for_the_whole_sandbox_and_its_cgroup_removed():
    """Eight processes of 200 MB each: per-process limits allow all of them; the sandbox's cgroup
    (memory_mb for everything together) does not."""
    code = """
import os
children = []
for i in range(8):
    pid = os.fork()
    if pid == 0:
        block = bytearray(200 * 1024 * 1024)
        for j in range(0, len(block), 4096):
            block[j] = 1
        import time; time.sleep(2)
        os._exit(0)
    children.append(pid)
print(sum(os.waitstatus_to_exitcode(os.waitpid(p, 0)[1]) == 0 for p in children))
"""
    parents = sandbox_cgroup._layout() or {}
    before = {p: set(os.listdir(p)) for p in parents.values()}
    result = await run_python(code, SandboxLimits(wall_s=10, cpu_s=5, memory_mb=512, processes=16))
    assert result.status == "ok" and int(result.stdout.strip()) <= 2, result.stdout  # at most 512 MB held at once
    for parent, names in before.items():
        assert {n for n in os.listdir(parent) if n.startswith(f"synthloom-{os.getpid()}-")} <= names
