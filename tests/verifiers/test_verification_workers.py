"""Math replies judged in worker processes (verifiers/math_pool.py): the same verdicts off the main
thread as on it, a worker past its time is replaced, and no worker outlives a killed run."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time

from synthloom.verifiers.math import MathAnswerVerifier, MathConventions
from synthloom.verifiers.math_pool import judge_in_worker

# Each needs math-verify (sympy), not only text equality: the case a thread used to reject.
NEEDS_SYMPY = [("\\frac{1}{2}", "So the answer is 0.5.", True), ("6", "The answer is 6.0", True),
               ("(1,2)", "The answer is (2,1).", False), ("\\sqrt{2}", "The answer is 2^{1/2}.", True)]


def verdicts() -> list[bool]:
    verifier = MathAnswerVerifier("answer")

    async def all_of_them() -> list[bool]:
        return [(await verifier.verify(reply, {"answer": gold})).passed for gold, reply, _ in NEEDS_SYMPY]

    return asyncio.run(all_of_them())


def test_a_pipeline_on_another_thread_gets_the_main_threads_verdicts():
    # The Python API runs the pipeline on a worker thread in Jupyter; math-verify's alarm works only on a
    # main thread, and each comparison there used to raise and read as "no match".
    expected = [right for _, _, right in NEEDS_SYMPY]
    assert verdicts() == expected
    seen: list[list[bool]] = []
    thread = threading.Thread(target=lambda: seen.append(verdicts()))
    thread.start()
    thread.join(120)
    assert seen == [expected]


def test_a_reply_past_its_time_is_not_judged_and_the_next_one_is():
    async def both() -> tuple[tuple[str, str], tuple[str, str]]:
        late = await judge_in_worker("\\frac{1}{2}", "The answer is 0.5.", MathConventions(), timeout=1e-6)
        return late, await judge_in_worker("\\frac{1}{2}", "The answer is 0.5.", MathConventions())

    late, next_one = asyncio.run(both())
    assert late[0] == "unparseable" and "not judged" in late[1]
    assert next_one[0] == "pass"


KILLED_RUN = """
import asyncio, os, sys
from synthloom.verifiers import math_pool
from synthloom.verifiers.math import MathConventions
asyncio.run(math_pool.judge_in_worker("6", "The answer is 6.", MathConventions()))
print(" ".join(str(pid) for pid in math_pool._pool._processes), flush=True)
sys.stdin.read()  # wait to be killed
"""


def test_no_worker_outlives_a_run_killed_with_sigkill():
    run = subprocess.Popen([sys.executable, "-c", KILLED_RUN], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           text=True)
    workers = [int(pid) for pid in run.stdout.readline().split()]
    assert workers
    run.send_signal(signal.SIGKILL)
    run.wait(30)

    def alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        try:  # a zombie is gone for every purpose here but still answers kill(0)
            with open(f"/proc/{pid}/stat") as stat:
                return stat.read().split(")")[-1].split()[0] != "Z"
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(pid) for pid in workers)
