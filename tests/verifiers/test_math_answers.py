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
    ("x=2 or x=-3", "2, -3"),  # both roots, as a list
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


# Each case is one rule of the reading, stated in math.py and math_answers.py.
@pytest.mark.parametrize("gold, reply, outcome", [
    ("42", "The answer is 42. (If we had counted the weekends too, the answer would be 60.)", "pass"),
    ("15", "The answer is 12. Wait, that's wrong, I forgot the tax. So the answer is actually 15.", "pass"),
    ("12", "The answer is 12 or maybe 15.", "ambiguous"),
    ("12", "Final answer: 12\n\nUsing the second method instead:\nFinal answer: 15", "ambiguous"),
    ("\\{1, 2\\}", "So \\boxed{1} and \\boxed{2}.", "pass"),
    ("(1,2)", "The answer is \\{1, 2\\}.", "wrong_answer"),
    ("(2, \\infty)", "The answer is $x > 2$.", "pass"),
    ("5/2", "The answer is 2 1/2.", "pass"),
    ("0.0012", "Final answer: 1.2e-3", "pass"),
    ("3500000", "The answer is 3.5 million.", "pass"),
    ("15:45", "They arrive at 3:45 p.m. (Note the time zone.)", "pass"),
    ("12", "The values are 3, 7 and 12.", "wrong_answer"),
    ("C", "**C**", "pass"),
    ("sixteen", "Therefore, the answer is 16.", "pass"),
    ("x=2, y=3", "The solution is (2, 3).", "pass"),
    ("(2,3)", "The answer is x = 2, y = 3.", "pass"),
    ("\\pm 2", "The answer is 2.", "wrong_answer"),
    ("0.75", "The answer is 75%.", "wrong_answer"),
    ("7=11a+c", "The answer is 11a+c", "wrong_answer"),
    ("18", "So she earns $18 per day.", "pass"),
    ("[-1, 3)", "The answer is $[-1, 3]$.", "wrong_answer"),
    ("12", "**12**\n\nA common mistake is to stop early and report x = 13.", "pass"),
    ("2\\sqrt{3}", "So the side is 2 cm longer than the base, and we are done.", "unparseable"),
    ("12", "", "unparseable"),
])
def test_replies_are_read_whole_or_rejected_as_unreadable(gold, reply, outcome):
    from synthloom.verifiers.math import judge_reply

    assert judge_reply(gold, reply)[0] == outcome


async def test_strict_format_counts_only_boxes_hashes_and_statements():
    strict = MathAnswerVerifier(conventions=MathConventions(format="strict"))
    assert not (await strict.verify("So 12.", {"answer": "12"})).passed
    verdict = await strict.verify("The answer is 12.", {"answer": "12"})
    assert verdict.passed and verdict.category == "integer"
