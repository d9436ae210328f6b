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
    # Answers in a table row, matrices as nested lists, complex parts in brackets, `pi` in plain text.
    ("40", "| Step | Work |\n|---|---|\n| 1 | 8 x 5 = 40 |\n| **Answer** | 40 |", "pass"),
    ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", "The answer is [[1, 2], [3, 4]].", "pass"),
    ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", "The answer is [[1, 3], [2, 4]].", "wrong_answer"),
    ("7 - 2i", "The answer is 7 + (-2)i.", "pass"),
    ("25\\pi", "The area is 25*pi square meters.", "pass"),
    ("3:15 \\text{ PM}", "3:15 \\text{ PM}", "pass"),
    ("4x^2 + 1", "The answer is 1 + 4x^2.", "pass"),
    ("hexagon", "The answer is a hexagon.", "pass"),
    ("(4, -1)", "So the point is $\\left(4, -1\\right)$.", "pass"),
    ("(4, -1)", "The answer is [4, -1].", "wrong_answer"),  # square brackets: an interval, not a point
    ("212", "Adding them gives two hundred twelve. So there are Two hundred twelve marbles.", "pass"),
    # A second answer offered beside the first, or stated just before it, makes the reply ambiguous.
    ("30", "So the total is 25.\n\nAlso, the answer is 30.", "ambiguous"),
    ("30", "Final answer: 30\n\nAlternatively, the answer could be 35.", "ambiguous"),
    ("30", "So the total is 35. My other result, 30, is also a valid answer.", "ambiguous"),
    ("30", "Therefore, the total is 35.\n\nThe answer is 30.", "ambiguous"),
    ("30", "So the total is 30.\n\nThe answer is 30.", "pass"),
    ("30", "35\n\nThe answer is 30.", "ambiguous"),  # an answer given up front, then another
    ("30", "It's either 30 or 35; I'm not sure which.", "ambiguous"),
    ("30", "So, thus the total is 35.\n\nSo, to summarize: 30.", "ambiguous"),
    # ...but a labelled final answer overrides working that concluded otherwise, as graders read it.
    ("30", "Thus the total is 35. Final Answer: The final answer is $30$. I hope it is correct.", "pass"),
    # A closing display block, a bold sentence, a summary, and closing checks or hypotheticals left out.
    ("\\frac{1}{6}", "Left: $1 - \\frac{5}{6}$.\n\nHence\n\\[\n\\dfrac{1}{6}\n\\]\n\nCheck: 1/6 + 5/6 = 1.", "pass"),
    ("(3, 1)", "## Answer\n\n**The point is $(3, 1)$.**", "pass"),
    ("x - 4", "So the quotient is $x - 4$.\n\nIf the divisor were $x + 1$, we would get $x - 5$.", "pass"),
    ("17", "Final answer: 17\n\nIn summary, the total is 18.", "ambiguous"),
    ("17", "Answer: 18\n\nFinal answer: 17", "ambiguous"),
    # A withdrawn answer is not the answer; what replaces it is.
    ("-5 - 3i", "So the answer is 5 - 3i.\n\nHmm, actually that isn't right. So the result is -5 - 3i.", "pass"),
    ("12", "$12$ - wait, no: $14$", "wrong_answer"),
    ("12", "The answer is 12.\n\nA common mistake is to report 21.", "pass"),
    ("0 < x \\le 7", "The answer is $x > 0 \\text{ and } x \\le 7$.", "pass"),
    ("\\pm \\sqrt{6}", "#### +/-sqrt(6)", "pass"),
    ("(-\\infty, 4)", "The answer is x in (-inf, 4).", "pass"),
    ("30", "It could be 30 or 35; without more information I can't decide between them.", "ambiguous"),
    ("30", "The answer is 30.\n\nThat said, it could also be 35 if read differently - I'm not certain which.", "ambiguous"),
    ("12", "Hence $\\boxed{21}$.\n\nHmm, no. Re-examining, I swapped digits, so it should be 12 instead.", "pass"),
    ("30", "The answer is 30.\n\nLet me know if you're not sure about any step.", "pass"),
    # Doubt about which result is right, and a later sentence reporting a different result.
    ("8", "The answer is 8, though both approaches look plausible and they disagree.", "ambiguous"),
    ("8", "The answer is 8: by the first way I get 8 and by the second way 9.", "ambiguous"),
    ("(2, 3)", "The answer is (2, 3).\n\nSolving again by substitution, I get (3, 2).", "ambiguous"),
    ("(2, 3)", "The answer is (2, 3).\n\nSubstituting back, we get 2 + 3 = 5, as given in the problem.", "pass"),
    ("(2, 3)", "The answer is (2, 3).\n\nRecomputing, the result is (2, 3) again.", "pass"),
    ("8", "The answer is 8.\n\nAs a check, doubling it gives 16, which matches.", "pass"),
    # Layouts that state an answer without "is": a Final Answer heading over the value, "∴ x", "⇒ the final value is x".
    ("3.5 million", "Adding them up.\n\n## Final Answer\n3.5 million\n\nThis uses the 2 million from the question.", "pass"),
    ("(1, 0, -4)", "Use the determinant.\n\n**Final Answer**\n\n(1, 0, -5)", "wrong_answer"),
    ("7:45 PM", "It starts at 6:00 PM and runs 105 minutes.\n\n∴ 7:45 p.m.", "pass"),
    ("[-1, 3)", "Combine both conditions.\n\n$\\Rightarrow$ the final value is [-1, 3).", "pass"),
    ("[-1, 3)", "Combine both conditions.\n\n$\\Rightarrow$ the final value is [-1, 3].", "wrong_answer"),
    # Doubt after the answer needs no value to count; doubt addressed to the reader is not the reply's.
    ("9", "The answer is 9.\n\nRedoing it another way I land somewhere else, and I am not confident in this.", "ambiguous"),
    ("9", "#### 9\n\nThe two routes disagree and one of them has a slip I cannot spot.", "ambiguous"),
    ("9", "The answer is 9.\n\nIf you are unsure about the second step, redo it slowly.", "pass"),
    # A letter for a multiple-choice gold, never a value or an aside's letter.
    ("B", "The value is 9.\n#### 9\n\n(If the numbers were different, the choice might have been (B).)", "wrong_answer"),
    ("B", "So the choice is **9**.\n\n(Had we rounded, the choice might have been **B**.)", "wrong_answer"),
])
def test_replies_are_read_whole_or_rejected_as_unreadable(gold, reply, outcome):
    from synthloom.verifiers.math import judge_reply

    assert judge_reply(gold, reply)[0] == outcome


async def test_strict_format_counts_only_boxes_hashes_and_statements():
    strict = MathAnswerVerifier(conventions=MathConventions(format="strict"))
    assert not (await strict.verify("So 12.", {"answer": "12"})).passed
    verdict = await strict.verify("The answer is 12.", {"answer": "12"})
    assert verdict.passed and verdict.category == "integer"


# Competing signals (math_signals.py): the gold stated as the final answer is not enough when the reply competes with it.
@pytest.mark.parametrize("reply, outcome", [
    ("I'm not entirely sure this is right.\nFinal answer: 31", "pass"),  # doubt with no other value leaves it standing
    ("I'm not entirely sure it isn't 29.\nFinal answer: 31", "ambiguous"),  # doubt beside another value
    ("The answer is 31. Both 31 and 29 are candidate answers.", "ambiguous"),  # a second answer named after
    ("Answer: 31\n\nWorking it a second way I get 32.", "ambiguous"),  # a rederivation left standing
    ("The answer is 31. (If the problem had asked for the total, we would get 48 instead.)", "pass"),  # hypothetical
    ("Hence $\\boxed{31}$. Sanity check: 31 + 17 = 48 matches the setup.", "pass"),  # a check
    ("One might be tempted to say 32, but that skips a step. The answer is 31.", "pass"),  # a dismissed value
])
def test_a_final_answer_with_a_competing_signal_is_ambiguous(reply, outcome):
    from synthloom.verifiers.math import judge_reply

    assert judge_reply("31", reply)[0] == outcome
