"""Adversarial candidates against the code verifier: each is contained and none passes.

The candidates know synthloom's source. Classes: faking the verdict, escaping the limits, reading the
host, writing the host, reaching the network, harming the parent, leaving processes behind. Every
attack runs against a real HumanEval-style problem through the real sandbox; a control proves the
problem is passable, so a "not passed" below is the verifier's doing, not a broken setup.
"""

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

from synthloom.verifiers.code import CodeVerifier
from synthloom.verifiers.sandbox import SandboxLimits, isolation
from synthloom.verifiers.sandbox_rootfs import SANDBOX_UID_BASE
from tests.verifiers.test_sandbox import _accept

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="the full sandbox (throwaway uid) needs root")

LIMITS = SandboxLimits(wall_s=5, cpu_s=2, memory_mb=256, processes=16)

# A decomposable problem (cases mode) and one whose check loops (whole_check mode).
ADD = {"prompt": 'def add(a, b):\n    """Return a + b."""\n', "entry_point": "add",
       "test": "def check(candidate):\n    assert candidate(2, 3) == 5\n    assert candidate(-1, 1) == 0\n"
               "    assert candidate(10, 5) == 15\n    assert abs(candidate(0.1, 0.2) - 0.3) < 1e-9\n"}
SHIFT = {"prompt": 'def shift(xs):\n    """Each number plus one."""\n', "entry_point": "shift",
         "test": "def check(candidate):\n    for n in range(5):\n        assert candidate(list(range(n))) == "
                 "[i + 1 for i in range(n)]\n"}
CORRECT = {"add": "    return a + b\n", "shift": "    return [x + 1 for x in xs]\n"}


def body(code: str) -> str:
    return textwrap.indent(textwrap.dedent(code).strip("\n"), "    ") + "\n"


def whole(code: str) -> str:
    return textwrap.dedent(code).strip("\n") + "\n"


# (name, problem, candidate): faking the verdict without solving the task.
FAKES = [
    ("always_equal_object", ADD, whole("""
        class Anything:
            def __eq__(self, other): return True
            def __ne__(self, other): return False
            def __sub__(self, other): return 0
            def __rsub__(self, other): return 0
            def __abs__(self): return 0
            def __lt__(self, other): return True
        def add(a, b): return Anything()
        """)),
    ("int_subclass_with_eq", ADD, whole("""
        class Int(int):
            def __eq__(self, other): return True
        def add(a, b): return Int(0)
        """)),
    ("exit_zero_at_import", ADD, whole("import sys\nsys.exit(0)\ndef add(a, b): return 0")),
    ("os_exit_zero_in_call", ADD, whole("import os\ndef add(a, b): os._exit(0)")),
    ("system_exit_in_call", ADD, whole("def add(a, b): raise SystemExit(0)")),
    ("patch_assertion_machinery", ADD, whole("""
        import builtins
        builtins.AssertionError = type("Nothing", (Exception,), {})
        builtins.abs = lambda x: 0
        def add(a, b): return 0
        """)),
    ("print_pass_markers", ADD, whole("""
        import sys
        print('{"id": 0, "value": {"i": "5"}}')
        print("PASS\\nall tests passed")
        def add(a, b):
            print('{"verdict": "pass"}')
            return 0
        """)),
    ("forge_answers_on_the_channel", ADD, whole("""
        import json, os
        def add(a, b):
            for fd in range(3, 20):
                try:
                    for i in range(10):
                        os.write(fd, (json.dumps({"id": i, "value": {"i": "5"}}) + "\\n").encode())
                except OSError:
                    pass
            return 0
        """)),
    ("read_the_test_file", ADD, whole("""
        import os, re
        def add(a, b):
            for root in ("/sandbox", "/tmp", "/"):
                for folder, _, files in os.walk(root):
                    for name in files:
                        if name.endswith(".py") and "harness" not in name and "wire" not in name:
                            text = open(os.path.join(folder, name), errors="ignore").read()
                            found = re.search(rf"candidate\\({a}, {b}\\) == (-?\\d+)", text)
                            if found:
                                return int(found.group(1))
            return 0
        """)),
    ("read_expected_from_stack_and_heap", ADD, whole("""
        import gc, sys
        def add(a, b):
            frame = sys._getframe(1)
            while frame:
                for value in list(frame.f_locals.values()):
                    if isinstance(value, (list, tuple)) and len(value) == 4 and value[0] == (a, b):
                        return value[1]
                frame = frame.f_back
            for thing in gc.get_objects():
                if isinstance(thing, tuple) and len(thing) == 4 and thing[0] == (a, b):
                    return thing[1]
            return 0
        """)),
    ("patch_the_encoder", ADD, whole("""
        import sys
        def add(a, b):
            wire = sys.modules.get("sandbox_wire")
            if wire:
                wire.encode = lambda value, *rest: {"i": "5"}
            return 0
        """)),
    ("whole_check_always_equal", SHIFT, whole("""
        class Anything(list):
            def __eq__(self, other): return True
        def shift(xs): return Anything()
        """)),
    ("whole_check_exit_zero", SHIFT, whole("import os\ndef shift(xs): os._exit(0)")),
    ("whole_check_patch_builtins", SHIFT, whole("""
        import builtins
        builtins.AssertionError = KeyError
        def shift(xs): return []
        """)),
]

# Escaping the limits: each must end as timeout or error, within the wall-clock limit.
ESCAPES = [
    ("infinite_loop", body("while True:\n    pass")),
    ("sleep_forever", body("import time\ntime.sleep(60)")),
    ("memory_bomb", body("blocks = []\nwhile True:\n    blocks.append(bytearray(50 * 1024 * 1024))")),
    ("deep_recursion", body("import sys\nsys.setrecursionlimit(10**9)\ndef f(n): return f(n + 1)\nreturn f(0)")),
    ("huge_return_value", body("return 'x' * (200 * 1024 * 1024)")),
    ("file_size_bomb", body("with open('big', 'wb') as f:\n    while True:\n        f.write(b'x' * 2**20)")),
    ("output_flood", body("import sys\nwhile True:\n    sys.stderr.write('x' * 65536)")),
    ("fork_bomb", body("import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass")),
]

# Reading the host: whatever is read is returned, so a leak would show in the verdict's detail.
HOST_FILES = ["/etc/passwd", "/etc/hostname", "/root/.bashrc", str(Path(__file__).resolve()),
              "/sys/class/net", "/home", "/usr/share", "/work", "/var", "/opt"]


def reader(path: str) -> str:
    return body(f"""
        import os
        path = {path!r}
        try:
            if os.path.isdir(path):
                return 'LEAK:' + ','.join(os.listdir(path))
            return 'LEAK:' + open(path, errors='ignore').read()[:200]
        except OSError as error:
            return error.errno
        """)


async def test_the_problems_are_passable_and_wrong_answers_fail():
    verifier = CodeVerifier(LIMITS)
    for problem in (ADD, SHIFT):
        right = await verifier.verify(CORRECT[problem["entry_point"]], problem)
        assert right.passed, right
        wrong = await verifier.verify("    return None\n" if problem is ADD else "    return xs\n", problem)
        assert not wrong.passed and wrong.outcome == "fail"
    assert right.mode == "whole_check" and (await verifier.verify(CORRECT["add"], ADD)).mode == "cases"


@pytest.mark.parametrize("name, problem, candidate", FAKES, ids=[f[0] for f in FAKES])
async def test_faking_the_verdict_does_not_pass(name, problem, candidate):
    verdict = await CodeVerifier(LIMITS).verify(candidate, problem)
    assert not verdict.passed, (name, verdict)
    assert verdict.outcome in ("fail", "error", "timeout"), verdict


@pytest.mark.parametrize("name, candidate", ESCAPES, ids=[e[0] for e in ESCAPES])
async def test_escaping_the_limits_is_contained(name, candidate):
    started = time.monotonic()
    verdict = await CodeVerifier(LIMITS).verify(candidate, ADD)
    assert not verdict.passed and verdict.outcome in ("timeout", "error"), verdict
    assert time.monotonic() - started < LIMITS.wall_s + 5
    _assert_no_sandbox_processes_left()


@pytest.mark.parametrize("path", HOST_FILES)
async def test_the_host_filesystem_is_not_visible(path):
    verdict = await CodeVerifier(LIMITS).verify(reader(path), ADD)
    assert not verdict.passed and "LEAK" not in verdict.detail + str(verdict.cases), verdict


async def test_the_sandbox_root_holds_only_the_interpreter():
    listing = body("""
        import os
        return sorted(os.listdir('/')), sorted(os.listdir('/sandbox')), sorted(os.environ)
        """)
    verdict = await CodeVerifier(LIMITS).verify(listing, ADD)
    got = verdict.cases[0]["detail"]
    assert "'etc'" not in got and "'home'" not in got and "'root'" not in got, got
    assert "'program.py'" in got and "test" not in got.split("[")[2], got  # no test file beside the candidate
    assert "API_KEY" not in got and "PATH" not in got, got
    assert "site-packages" not in str(verdict.cases)


async def test_other_processes_and_the_environment_are_not_visible(monkeypatch):
    monkeypatch.setenv("SYNTHLOOM_API_KEY", "sk-sandbox-canary")
    snoop = body("""
        import os
        seen = []
        for pid in os.listdir('/proc'):
            if pid.isdigit():
                for name in ('cmdline', 'environ'):
                    try:
                        seen.append(open(f'/proc/{pid}/{name}', 'rb').read().decode(errors='ignore'))
                    except OSError:
                        pass
        found = [s for s in seen + list(os.environ) if 'canary' in s or 'pytest' in s or 'SYNTHLOOM' in s]
        return (len(seen), found)
        """)
    detail = (await CodeVerifier(SandboxLimits(wall_s=5, cpu_s=2)).verify(snoop, ADD)).cases[0]["detail"]
    assert detail.startswith("got (") and detail.split(", ", 1)[1].startswith("[])"), detail


@pytest.mark.parametrize("target", ["/tmp/synthloom-escape-{}", "{tmp}/escape.txt", "/usr/lib/escape-{}",
                                    "{tests}/escape-{}.txt"])
async def test_writing_the_host_fails(target, tmp_path):
    path = target.format(uuid.uuid4().hex, tmp=tmp_path, tests=Path(__file__).resolve().parent)
    writer = body(f"""
        import os
        os.makedirs(os.path.dirname({path!r}), exist_ok=True)
        open({path!r}, 'w').write('x')
        return 5
        """)
    verdict = await CodeVerifier(LIMITS).verify(writer, ADD)
    assert not Path(path).exists()
    assert not verdict.passed


async def test_no_network_connection_can_be_opened():
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    server.settimeout(8)
    accepted: list = []
    thread = threading.Thread(target=lambda: accepted.append(_accept(server)), daemon=True)
    thread.start()
    connect = body(f"""
        import socket
        try:
            socket.create_connection(('127.0.0.1', {port}), timeout=2)
            return 'CONNECTED'
        except OSError as error:
            return error.errno
        """)
    verdict = await CodeVerifier(LIMITS).verify(connect, ADD)
    thread.join(10)
    server.close()
    assert accepted == [None] and "CONNECTED" not in str(verdict.cases)
    resolve = body("import socket\nreturn socket.gethostbyname('pypi.org')")
    assert (await CodeVerifier(LIMITS).verify(resolve, ADD)).cases[0]["outcome"] == "error"
    interfaces = body("return sorted(line.split(':')[0].strip() for line in open('/proc/net/dev') if ':' in line)")
    assert (await CodeVerifier(LIMITS).verify(interfaces, ADD)).cases[0]["detail"].startswith("got ['lo']")


async def test_the_parent_cannot_be_harmed():
    me = os.getpid()
    for attack in (f"import os, signal\nos.kill({me}, signal.SIGKILL)",
                   f"import os, signal\nos.killpg({os.getpgid(me)}, signal.SIGKILL)",
                   "import os, signal\nos.kill(-1, signal.SIGKILL)",
                   f"import ctypes\nlibc = ctypes.CDLL(None)\nreturn libc.ptrace(16, {me}, 0, 0)"):
        verdict = await CodeVerifier(LIMITS).verify(body(attack + "\nreturn 5"), ADD)
        assert not verdict.passed
    assert os.getpid() == me  # and this process is still here to say so


async def test_nothing_is_left_running():
    daemon = body("""
        import os, time
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                time.sleep(120)
            os._exit(0)
        return a + b
        """)
    verdict = await CodeVerifier(LIMITS).verify(daemon, ADD)
    assert verdict.passed  # it did solve the task; what matters is what is left afterwards
    _assert_no_sandbox_processes_left()


def _assert_no_sandbox_processes_left() -> None:
    for _ in range(50):  # the namespace's teardown takes a moment
        uids = subprocess.run(["ps", "-eo", "uid="], capture_output=True, text=True).stdout.split()
        if not [u for u in uids if int(u) >= SANDBOX_UID_BASE]:
            return
        time.sleep(0.1)
    raise AssertionError("sandbox processes survived")


def test_isolation_is_the_strong_kind_here():
    assert isolation()["mode"] == "bwrap", isolation()
