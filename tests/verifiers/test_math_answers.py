"""The math verifier on the hand-labelled set in benchmarks/data (both halves), and its conventions."""

from __future__ import annotations

import json

import pytest

from synthloom.verifiers.math import MathAnswerVerifier, MathConventions
from synthloom.verifiers.math_answers import extract_answer
from tests.paths import REPO

ROWS = [json.loads(line) for line in
        (REPO / "benchmarks" / "data" / "math_answers.jsonl").read_text().splitlines()]


@pytest.mark.parametrize("half", ["dev", "test"])
async def test_agreement_with_the_labels_meets_the_target(half):
    rows = [r for r in ROWS if r["split"] == half]
    verifier = MathAnswerVerifier()
    decisions = [(await verifier.verify(r["candidate"], {"answer": r["gold"]})).passed for r in rows]
    agreement = sum(d == r["equivalent"] for r, d in zip(rows, decisions, strict=True)) / len(rows)
    false_accepts = [r["id"] for r, d in zip(rows, decisions, strict=True) if d and not r["equivalent"]]
    assert agreement >= 0.97 and len(false_accepts) <= 0.005 * len(rows) + 0.5, (agreement, false_accepts)


async def test_every_gold_passes_against_itself():
    verifier = MathAnswerVerifier()
    for gold in sorted({r["gold"] for r in ROWS}):
        assert (await verifier.verify(gold, {"answer": gold})).passed, gold


@pytest.mark.parametrize("text, answer", [
    ("The answer is 7. Wait, actually it is 8.", "8"),
    ("\\boxed{6}. No: recounting gives \\boxed{7}.", "7"),
    ("Therefore the answer is x = 2 or x = -3.", "x = 2 or x = -3"),
    ("It is $1.2\\times10^{-3}$ in the end, as computed above in the previous steps of the work.", "1.2\\times10^{-3}"),
    ("x=2 or x=-3", "x=2 or x=-3"),
    ("Step 1.\nStep 2 gives 14.\n#### 14", "14"),
])
def test_the_final_answer_is_the_last_one_stated_and_kept_whole(text, answer):
    assert extract_answer(text) == answer


async def test_percent_and_unit_conventions_are_configurable():
    label, fraction = MathAnswerVerifier(), MathAnswerVerifier(conventions=MathConventions(percent="fraction"))
    assert not (await label.verify("The answer is 75%.", {"answer": "0.75"})).passed
    assert (await fraction.verify("The answer is 75%.", {"answer": "0.75"})).passed
    assert (await label.verify("The answer is 75%.", {"answer": "75"})).passed
    strict = MathAnswerVerifier(conventions=MathConventions(units="strict"))
    assert (await label.verify("The answer is 12 cm.", {"answer": "12"})).passed
    assert not (await strict.verify("The answer is 12 cm.", {"answer": "12"})).passed


async def test_a_record_without_gold_is_an_outcome_not_a_crash():
    verdict = await MathAnswerVerifier().verify("The answer is 4.", {"question": "2+2"})
    assert not verdict.passed and verdict.outcome == "bad_gold"
