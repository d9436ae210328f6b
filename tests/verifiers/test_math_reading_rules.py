"""Rules of the math reader added for issue 26: each case is written for the rule it tests, in its own words."""

from __future__ import annotations

import pytest

from synthloom.verifiers.math import answers_match, judge_reply
from synthloom.verifiers.math_units import stated_unit, units_differ

HALVES = "Five split into two equal halves gives each half the same size.\n\n"  # working before an answer


@pytest.mark.parametrize(
    "gold, answer",
    [
        ("40\\text{ cm}", "40 m"),
        ("12 kg", "12\\,\\mathrm{g}"),
        ("\\$7.25", "7.25 \\text{ euros}"),
        ("\\$7.25", "€7.25"),
        ("9 m^2", "9 m"),
    ],
)
def test_a_different_unit_is_another_quantity(gold, answer):
    assert units_differ(gold, answer)
    assert not answers_match(gold, answer)


@pytest.mark.parametrize(
    "gold, answer",
    [
        ("40\\text{ cm}", "40 centimetres"),
        ("\\$7.25", "7.25 dollars"),
        ("40\\text{ cm}", "40"),  # no unit in the answer: the number decides, as before
        ("15", "15 apples"),  # a word this does not know as a unit says nothing
    ],
)
def test_the_same_unit_or_no_known_unit_leaves_the_number_to_decide(gold, answer):
    assert not units_differ(gold, answer)
    assert answers_match(gold, answer)


def test_units_are_read_as_canonical_names():
    assert stated_unit("3 square feet") == "ft^2"
    assert stated_unit("$3.10$") is None  # a math span around a number is no dollar sign
    assert stated_unit("x \\in (1, 2)") is None


@pytest.mark.parametrize(
    "reply, gold",
    [
        ("Collecting the terms on one side gives 2x on the left.\n\nIt's x \\ge 7.", "x \\ge 7"),
        ("Two equations, two unknowns.\n\nThat works out to b = 3 and a = -1 overall.", "a = -1, b = 3"),
        ("Dividing both sides by the positive factor keeps the sign.\n\nSo in the end we reach -2 < x.", "x > -2"),
        (
            "Adding them up.\n\nWe end up with (4, -1, 0). The trick generalises to any number of vectors like this.",
            "(4,-1,0)",
        ),
        ("The remainder tells us the colour.\n\nSo our result is green.", "\\text{green}"),
    ],
)
def test_a_sentence_of_words_then_mathematics_is_read_whole(reply, gold):
    outcome, detail, _ = judge_reply(gold, reply)
    assert outcome == "pass", detail


@pytest.mark.parametrize(
    "reply",
    [
        "Multiplying out the brackets and collecting like terms.\n\nAnswer:\n#### 3x + 2",
        "Multiplying out the brackets and collecting like terms.\n\n## Answer\n> $3x + 2$",
        "Multiplying out the brackets and collecting like terms.\n\n| Final answer |\n|---|\n| 3x + 2 |",
        "Multiplying out the brackets and collecting like terms.\n\nFinal answer (simplified): $3x + 2$",
    ],
)
def test_markdown_around_an_answer_is_not_part_of_it(reply):
    outcome, detail, found = judge_reply("2 + 3x", reply)
    assert outcome == "pass", (detail, found.text)


@pytest.mark.parametrize(
    "reply",
    [
        "Summing the pieces.\n\nSo the total is 58.\n\nGood luck on the 3 remaining exercises!",
        "Summing the pieces.\n\nSo the total is 58.\n\nSanity check: 50 + 8 = 58, and nothing is left over.",
        "Summing the pieces.\n\nSo the total is 58.\n\nJust to be clear, 85 is not the answer.",
        "Summing the pieces.\n\nSo the total is 58. Writing the pieces in a column makes this much easier to follow.",
    ],
)
def test_sign_offs_checks_remarks_and_rejected_values_are_not_the_answer(reply):
    outcome, detail, _ = judge_reply("58", reply)
    assert outcome == "pass", detail


@pytest.mark.parametrize(
    "reply",
    [
        "So the total is 58, unless it's 59.",
        "Final answer: $58$.\n\nOr it might be $59$.",
        "I ended up with two different numbers along the way.\n\nSo the total is $\\boxed{58}$.",
        "The total is $\\boxed{58}$. Unless it is 59, which I can't rule out.",
    ],
)
def test_a_second_live_candidate_is_never_accepted(reply):
    outcome, _, _ = judge_reply("58", reply)
    assert outcome != "pass"


def test_candidates_listed_then_one_chosen_do_not_compete():
    reply = "Possible values I tried: 3.5, 7, 14; only the last one checks out.\n\nSo the answer is 14."
    assert judge_reply("14", reply)[0] == "pass"
    assert judge_reply("7", reply)[0] != "pass"


@pytest.mark.parametrize(
    "gold, answer",
    [
        ("\\text{5:20 PM}", "17{:}20"),
        ("(2, 5, 1)", "<2, 5, 1>"),
        ("3\\pm\\sqrt{7}", "3 ± √7"),
        ("9\\frac{2}{7}", "9 and 2/7"),
        ("31", "\\text{thirty-one} (31)"),
        ("4x^2 - 3", "4*x**2 - 3"),
    ],
)
def test_more_written_forms_of_the_same_answer(gold, answer):
    outcome, detail, _ = judge_reply(gold, f"Working omitted.\n\nThe answer is ${answer}$.")
    assert outcome == "pass", detail


@pytest.mark.parametrize(
    "reply",
    [
        "Dividing the distance by the time.\n\nThat gives **63 km**.",  # gold is a speed
        "Dividing the distance by the time.\n\nIt's 63 miles per hour.",
    ],
)
def test_a_speed_is_not_a_distance_nor_another_speed(reply):
    assert judge_reply("63\\text{ km/h}", reply)[0] != "pass"


def test_a_unit_the_reader_left_out_of_the_answer_still_counts():
    assert judge_reply("\\$4.10", "Counting the coins one by one.\n\nSo it's 4.10 cents.")[0] != "pass"
    assert judge_reply("\\$4.10", "Counting the coins one by one.\n\nSo it's 4.10 dollars.")[0] == "pass"


@pytest.mark.parametrize(
    "reply",
    [
        "Adding the parts.\n\nFinal answer: $19$. Hmm, or 21.",
        "Adding the parts.\n\nSo we get 19. Also, 21 could be correct.",
        "Adding the parts.\n\nThe answer is 19. Some would say 21, which also works.",
        "Adding the parts. The answer is 19.\n\nLet me fix an error: the previous result is wrong; it should be 21.",
    ],
)
def test_a_later_value_offered_or_put_in_its_place_is_not_accepted(reply):
    assert judge_reply("19", reply)[0] != "pass"


def test_a_restatement_in_another_form_must_be_the_same_answer():
    assert judge_reply("2.5", HALVES + "So the answer is 2.5. Written another way: 5/2.")[0] == "pass"
    assert judge_reply("2.5", HALVES + "So the answer is 2.5. Written another way: 5/3.")[0] != "pass"


@pytest.mark.parametrize(
    "reply",
    [
        HALVES + "That works out to 2.5 Supposing the total were 6, you'd get 3.",
        HALVES + "Answer: 2.5 Halves of an odd number are never whole numbers.",
    ],
)
def test_a_sentence_that_runs_on_without_its_full_stop_ends_at_the_capital(reply):
    outcome, detail, _ = judge_reply("2.5", reply)
    assert outcome == "pass", detail


@pytest.mark.parametrize(
    "reply",
    [
        "Adding the two legs of the trip together.\n\n#### 41 Good luck with the rest of the set!",
        "Adding the two legs of the trip together.\n\n#### $41$ (Had the second leg been 20, we would get 44.)",
    ],
)
def test_a_hashes_line_states_its_answer_not_the_prose_after_it(reply):
    outcome, detail, _ = judge_reply("41", reply)
    assert outcome == "pass", detail


def test_an_answer_is_found_where_it_stands_whole():
    reply = "Adding the two legs of the trip together.\n\n**Answer: 4.1** Check: 2.05 + 2.05 = 4.10, as expected."
    outcome, detail, _ = judge_reply("4.1", reply)
    assert outcome == "pass", detail


def test_numbered_answers_are_each_a_statement():
    reply = "Taking square roots keeps both signs.\n\nAnswer 1: 25\nAnswer 2: 5, -5"
    assert judge_reply("\\pm 5", reply)[0] == "ambiguous"


# Issue 26, split 9 conventions. Each case is worded for its rule, not taken from the split.
LAPS = "Each lap is 400 m and she runs 9 of them, so we multiply.\n\n"  # working before an answer


@pytest.mark.parametrize(
    "reply, gold, outcome",
    [
        (LAPS + "I reckon the total is 3600, though I wouldn't swear to it.", "3600", "pass"),
        (LAPS + "Answer: 3600 (I'm not 100% certain, please check.)", "3600", "pass"),
        (LAPS + "My best estimate is $-12$, but I'm not fully sure.", "-12", "pass"),
        (LAPS + "Answer: 3600, though I'm not sure it isn't 3200.", "3600", "ambiguous"),  # doubt beside a value
        (LAPS + "Answer: 3600.\n\nMy two methods disagree, though.", "3600", "ambiguous"),  # a second result implied
        (LAPS + "Answer: 3600. I doubt whether laps or metres were asked; by laps I'd get nine.", "3600", "ambiguous"),
        (LAPS + "Answer: \\text{north}\n\nThen again, \\text{south} might work too.", "\\text{north}", "ambiguous"),
    ],
)
def test_doubt_with_no_other_value_leaves_the_answer_standing(reply, gold, outcome):
    assert judge_reply(gold, reply)[0] == outcome


@pytest.mark.parametrize(
    "reply",
    [
        LAPS + "Final answer: 3600 (or 3200)",
        LAPS + "Final answer: $3600\\text{ m}$ (or $3600\\text{ km}$)",
        LAPS + "Final answer: 3200 (or $3600$)",
    ],
)
def test_a_bracketed_or_names_a_second_live_candidate(reply):
    assert judge_reply("3600\\text{ m}" if "km" in reply else "3600", reply)[0] == "ambiguous"


def test_a_bracketed_restatement_is_no_hedge():
    assert judge_reply("\\frac{1}{2}", LAPS + "Final answer: 0.5 (or equivalently, 1/2)")[0] == "pass"


@pytest.mark.parametrize(
    "reply, gold",
    [
        (LAPS + "$$\n400 \\times 9 = 3600\n$$\n\nAnd that is our answer.", "3600"),
        (LAPS + "$$\n\\text{distance} = 3600\n$$\n\nThis is the answer.", "3600"),
        (LAPS + "$$\n(p, q) = p = 2, q = 5\n$$\n\nAnd that is our answer.", "p = 2, q = 5"),
    ],
)
def test_a_sign_off_that_points_back_leaves_the_display_as_the_answer(reply, gold):
    outcome, detail, _ = judge_reply(gold, reply)
    assert outcome == "pass", detail


@pytest.mark.parametrize(
    "reply",
    [
        LAPS + "Careful: it is **not** 3200, which forgets a lap.\n\nTotal: 3600",
        LAPS + "Running total: **400**.\n\nTotal: 3600",
        LAPS + "- Laps: 9\n- **Total:** 3600",
        LAPS + "→ 3600",
        LAPS + "= 3600\n\nThat was 2 steps. Ping me if you want the next 3 done too!",
        LAPS + "Total: 3600\n\nP.S. Question 14 works the same way.",
    ],
)
def test_emphasis_working_values_markers_and_offers_are_not_the_answer(reply):
    outcome, detail, _ = judge_reply("3600", reply)
    assert outcome == "pass", detail


def test_a_rejected_value_in_bold_is_still_not_the_answer_for_a_wrong_final():
    reply = LAPS + "Careful: it is **not** 3600, which forgets a lap.\n\nTotal: 3200"
    assert judge_reply("3600", reply)[0] == "wrong_answer"


@pytest.mark.parametrize(
    "reply, outcome",
    [
        ("The answer is 3600.\n\nReasoning:\n\nEach lap is 400 m.\n\nThere are 9 laps.\n\nThat settles it.", "pass"),
        ("Short answer: 3600\n\nHere's why:\n\nEach lap is 400 m, and 9 laps give the total.", "pass"),
        ("Short answer: 3600\n\nHere's why:\n\nEach lap is 400 m.\n\nSo the total is 3200.", "ambiguous"),
    ],
)
def test_working_after_an_answer_given_first_supports_it(reply, outcome):
    assert judge_reply("3600", reply)[0] == outcome


@pytest.mark.parametrize(
    "reply",
    [
        "So the answer is 3200.\n\nHmm, no, that's not right; I mis-copied a lap.\n\nThe correct answer is **3600**.",
        "So the answer is 3200.\n\nWait, I made a slip.\n\nSo the answer is actually $\\boxed{3600}$.",
    ],
)
def test_a_self_correction_is_judged_on_its_last_answer(reply):
    outcome, detail, _ = judge_reply("3600", reply)
    assert outcome == "pass", detail


def test_a_currency_command_before_its_digits_names_the_currency():
    assert stated_unit("\\pounds9.90") == "GBP"
    assert judge_reply("\\$9.90", "Each costs the same.\n\n- **Result:** £9.90")[0] == "wrong_answer"


TILES = "Each row holds 7 tiles and there are 6 rows.\n\n"  # working before an answer (heldout-10 rules)


@pytest.mark.parametrize(
    "reply, gold",
    [
        (TILES + "$$\\therefore\\quad 42$$", "42"),
        (TILES + "\\[ \\Rightarrow \\; (6, 7) \\]", "(6, 7)"),
        (TILES + "$$\\implies\\qquad x = 42$$\n\nI'm fairly sure about this.", "x = 42"),
    ],
)
def test_a_therefore_sign_opening_a_display_is_no_part_of_the_value(reply, gold):
    outcome, detail, found = judge_reply(gold, reply)
    assert outcome == "pass", (detail, found.text)
    assert judge_reply("43" if gold == "42" else "(7, 6)" if gold == "(6, 7)" else "x = 43", reply)[0] == "wrong_answer"


@pytest.mark.parametrize(
    "reply",
    [
        TILES + "Putting it all together:\n\\[\n42\n\\]",
        TILES + "In summary,\n$$\n42\n$$",
    ],
)
def test_a_summary_lead_over_a_display_states_the_display(reply):
    outcome, detail, found = judge_reply("42", reply)
    assert outcome == "pass", (detail, found.text)
    assert judge_reply("24", reply)[0] == "wrong_answer"


@pytest.mark.parametrize(
    "reply",
    [
        TILES + "So the answer is 24.\n\nEdit: I mis-multiplied there, so the correct answer is 42, not 24.",
        TILES + "So the answer is 24.\n\nEdit: wrong product above. The answer is $42$ rather than $24$.",
    ],
)
def test_a_late_edit_counts_its_value_and_not_the_one_it_sets_aside(reply):
    outcome, detail, found = judge_reply("42", reply)
    assert outcome == "pass", (detail, found.text)
    assert judge_reply("24", reply)[0] == "wrong_answer"


def test_a_value_blamed_on_a_slip_does_not_compete():
    reply = TILES + "#### 24\n\nWait, correction: that should be 42. The 24 above came from a transcription slip."
    assert judge_reply("42", reply)[0] == "pass"
    assert judge_reply("24", reply)[0] != "pass"


def test_advice_to_double_check_is_no_second_answer():
    reply = TILES + "So the answer is 42.\n\nIt might be worth checking the row count once more."
    assert judge_reply("42", reply)[0] == "pass"
    assert judge_reply("42", TILES + "So the answer is 42.\n\nIt might be 48, though.")[0] != "pass"


def test_a_minus_before_an_escaped_dollar_sign_stays_with_the_amount():
    reply = "The refund and the fee are netted out.\n\n**Balance:** $-\\$31.40$"
    assert judge_reply("\\$31.40", reply)[0] == "wrong_answer"
    assert judge_reply("-\\$31.40", reply)[0] == "pass"


@pytest.mark.parametrize(
    "reply",
    [
        TILES + "So the answer is 48.\n\nHold on, I counted a row twice. Corrected:\n\nThat leaves **42**.",
        TILES + "So the answer is 48.\n\nHold on, that used 8 rows.\n\n$$\\therefore\\quad 42$$",
    ],
)
def test_hold_on_withdraws_the_answer_just_given(reply):
    outcome, detail, found = judge_reply("42", reply)
    assert outcome == "pass", (detail, found.text)
    assert judge_reply("48", reply)[0] != "pass"


def test_a_value_set_aside_after_an_equation_does_not_compete():
    reply = TILES + "So the line is y = 2x + 1.\n\nEdit: I mis-added, the correct answer is y = 2x - 1, not y = 2x + 1."
    assert judge_reply("y = 2x - 1", reply)[0] == "pass"
    assert judge_reply("y = 2x + 1", reply)[0] != "pass"


EDGES = "Counting the edges of each shape in the list one by one.\n\n"


@pytest.mark.parametrize(
    "reply",
    [
        EDGES + 'So, to answer "Which shape wins?" it\'s $\\text{hexagon}$.',
        "You're asking: *Which shape wins?*\n\n"
        + EDGES
        + "Back to the question (Which shape wins?): $\\text{hexagon}$.",
    ],
)
def test_a_quoted_question_is_not_the_replys_doubt(reply):
    outcome, detail, _ = judge_reply("\\text{hexagon}", reply)
    assert outcome == "pass", detail
    assert judge_reply("\\text{pentagon}", reply)[0] == "wrong_answer"


def test_doubt_in_the_replys_own_question_still_competes():
    reply = EDGES + "So it's $\\text{hexagon}$. Or is it a pentagon?"
    assert judge_reply("\\text{hexagon}", reply)[0] != "pass"


@pytest.mark.parametrize("reply", [TILES + "This gives 42 as the answer.", TILES + "We get (B) as our final answer."])
def test_a_value_named_as_the_answer_is_stated(reply):
    gold = "(B)" if "(B)" in reply else "42"
    outcome, detail, _ = judge_reply(gold, reply)
    assert outcome == "pass", detail
    assert judge_reply("(C)" if gold == "(B)" else "43", reply)[0] == "wrong_answer"


def test_a_value_named_as_the_answer_in_a_hypothetical_is_not():
    reply = TILES + "So the answer is 42. If a row were missing we would get 35 as the answer."
    assert judge_reply("42", reply)[0] == "pass"


def test_a_closing_tick_does_not_hide_the_last_stated_value():
    reply = TILES + "That makes 42 tiles. Check: 42 / 6 = 7. ✓"
    assert judge_reply("42", reply)[0] != "unparseable"
    assert judge_reply("43", reply)[0] == "wrong_answer"


def test_a_check_sentence_is_not_read_as_the_answer():
    reply = TILES + "That makes 48 tiles. To be safe: Check: 6 rows of 7 is about 42. ✓"
    assert judge_reply("42", reply)[0] == "wrong_answer"


def test_a_dash_before_a_signed_number_separates_it_from_its_label():
    reply = TILES + "Answer - -42"
    assert judge_reply("42", reply)[0] != "pass"
    assert judge_reply("-42", reply)[0] == "pass"
