"""Code verdicts: per-case reports, both modes, bad input as outcomes, and the plain-data wire."""

from __future__ import annotations

import math
import os

import pytest

from synthloom.verifiers import sandbox_wire as wire
from synthloom.verifiers.code import CodeVerifier
from synthloom.verifiers.code_cases import NotDecomposable, decompose
from synthloom.verifiers.sandbox import SandboxLimits

LIMITS = SandboxLimits(wall_s=5, cpu_s=2)
root_only = pytest.mark.skipif(os.geteuid() != 0, reason="the full sandbox needs root")

HALVE = {"prompt": "def halve(n):\n", "entry_point": "halve",
         "test": "def check(candidate):\n    assert candidate(4) == 2\n    assert candidate(9) == 4.5\n"
                 "    assert sorted(candidate([3, 1])) == [0.5, 1.5]\n"}


def test_humaneval_style_assertions_become_cases():
    cases = decompose("def check(candidate):\n    assert candidate(1, [2]) == {'a': 1}\n"
                      "    assert abs(candidate(0.5) - 1.5) < 1e-6\n    assert not candidate('x')\n"
                      "    assert set(candidate(3)) == set([1, 2])\n    assert candidate(5) is None\n"
                      "    assert True, 'debugging aid'\n", "f")
    assert [c.compare for c in cases] == ["eq", "close", "falsy", "eq", "is_none"]
    assert cases[0].args == "(1, [2])" and cases[3].wrapper == "set" and cases[1].tolerance == "1e-06"
    with pytest.raises(NotDecomposable, match="For"):
        decompose("def check(candidate):\n    for i in range(3):\n        assert candidate(i) == i\n")
    # In HumanEval's run the entry point's own name is the candidate, and module-level code runs
    # against it: both are left to the whole check, which gives them exactly those semantics.
    with pytest.raises(NotDecomposable, match="by its name"):
        decompose("def check(candidate):\n    assert candidate(2) == f(2)\n", "f")
    with pytest.raises(NotDecomposable, match="module level"):
        decompose("def check(candidate):\n    assert candidate(2) == 3\n\nassert f(1) == 2\n", "f")


def test_the_wire_carries_plain_data_only():
    value = {"a": [1, 2.5, (3, None)], (1, 2): {frozenset({1}), "s"}, "b": b"\x00", "c": 1 + 2j,
             "big": 10 ** 40, "inf": math.inf}
    assert wire.decode(wire.encode(value)) == value
    nan = wire.decode(wire.encode(float("nan")))
    assert nan != nan

    class Sneaky(int):
        def __eq__(self, other):
            return True

    for bad in (Sneaky(1), object(), [Sneaky(2)], {"k": type}):
        with pytest.raises(wire.Unencodable):
            wire.encode(bad)
    for forged in ({"i": "1", "f": "0x0p+0"}, {"x": 1}, [1, 2], {"s": [{"l": []}]}, 3):
        with pytest.raises((wire.Unencodable, TypeError)):
            wire.decode(forged)


@root_only
async def test_each_case_is_reported_and_the_first_failure_explained():
    verifier = CodeVerifier(LIMITS)
    verdict = await verifier.verify("    return n // 2 if isinstance(n, int) else [x / 2 for x in n]\n", HALVE)
    assert not verdict.passed and verdict.outcome == "fail" and verdict.mode == "cases"
    assert [c["outcome"] for c in verdict.cases] == ["pass", "fail", "pass"]
    assert "got 4, expected 4.5" in verdict.cases[1]["detail"] and "line 3" in verdict.detail
    right = await verifier.verify("    return n / 2 if not isinstance(n, list) else [x / 2 for x in n]\n", HALVE)
    assert right.passed and right.summary()["cases"][2]["outcome"] == "pass"


@root_only
async def test_bad_input_is_an_outcome_not_a_crash():
    verifier = CodeVerifier(LIMITS)
    prose = await verifier.verify("I would halve the number, then return it.", HALVE)
    assert prose.outcome == "error" and "not valid Python" in prose.detail
    broken_test = await verifier.verify("    return n / 2\n", {**HALVE, "test": "def check(candidate:\n"})
    assert broken_test.outcome == "bad_test" and "does not parse" in broken_test.detail
    assert (await verifier.verify("    return 1\n", {"prompt": "x"})).outcome == "bad_test"
    failing_expectation = {**HALVE, "test": "def check(candidate):\n    assert candidate(1) == undefined_name\n"}
    assert (await verifier.verify("    return n / 2\n", failing_expectation)).outcome == "bad_test"
    missing = await verifier.verify("def other(n):\n    return n\n", {**HALVE, "prompt": ""})
    assert missing.outcome == "error" and "halve" in missing.detail
    raising = await verifier.verify("    raise ValueError('no')\n", HALVE)
    assert raising.outcome == "error" and "ValueError" in raising.cases[0]["detail"]


async def test_a_process_that_stops_reading_cannot_hang_a_write_to_it():
    """A sandbox that no longer reads its stdin fills the pipe: every write to it is bounded by the
    same deadline as every read, so the verifier times out instead of waiting forever."""
    import asyncio
    import time

    from synthloom.verifiers.code import _Channel

    proc = await asyncio.create_subprocess_exec("sleep", "30", stdin=asyncio.subprocess.PIPE,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        channel = _Channel(proc, asyncio.get_running_loop().time() + 1.5)
        started = time.monotonic()
        with pytest.raises(asyncio.TimeoutError):
            await channel.send({"args": list(range(300_000))})  # megabytes: far more than a pipe holds
        assert time.monotonic() - started < 5
    finally:
        proc.kill()
        await proc.wait()
