"""The data-value experiment's parts that need no model: the pool, the arms' training sets, the
held-out split and its leakage filter, the OOD set, the config."""

from __future__ import annotations

import asyncio
from collections import Counter

import orjson
import pytest

from synthloom.config import RunConfig
from synthloom.errors import UserError
from synthloom.value.data import (Example, candidates, exported, held_out, ood_set, prompt_matched, training_sets,
                                  wrong_versions)
from synthloom.value.leakage import canonical_key
from synthloom.value.train import steps_for
from synthloom.verifiers.build import build_verifier
from synthloom.verifiers.config import VerifierConfig

RUN = {"run_dir": "r", "input": {"builtin": "math_problems", "classes": ["basic", "easy"], "per_class": 50},
       "pipeline": [{"step": "rejection", "template": "question",
                     "verifier": {"kind": "math", "gold_field": "answer"}}],
       "value": {"eval_per_class": 150}}
MATH = build_verifier(VerifierConfig.model_validate({"kind": "math", "gold_field": "answer"}), None)


def passes(items):
    async def all_verdicts():
        return await asyncio.gather(*(MATH.verify(text, {"answer": e.gold}) for text, e in items))
    return [v.passed for v in asyncio.run(all_verdicts())]


def pool_of(problems: int = 30) -> list[Example]:
    """Four candidates a problem: the first correct and kept, the second correct but a duplicate (not
    exported), two wrong; every third problem has no correct candidate at all."""
    pool = []
    for i in range(problems):
        a, b = i % 9 + 1, i % 7 + 2
        prompt, gold, root = f"What is {a} + {b}?", str(a + b), f"r{i}"
        right = i % 3 != 2
        pool += [Example(prompt, f"{a} + {b} = {a + b if right else a + b + 4}. The answer is "
                                 f"{a + b if right else a + b + 4}.", right, root, right, gold),
                 Example(prompt, f"Adding gives {a + b}. The answer is {a + b}.", right, root, False, gold),
                 Example(prompt, f"The answer is {a + b + 1}.", False, root, False, gold),
                 Example(prompt, f"First {a}, then {b}... so maybe {a * b}", False, root, False, gold)]
    return pool


def test_the_verified_arm_is_what_the_step_exports_and_duplicates_are_left_out():
    pool = pool_of()
    verified = exported(pool, None, seed=0)
    assert len(verified) == 20 and all(e.kept and e.correct for e in verified)
    assert not any(e.answer.startswith("Adding") for e in verified)  # accepted duplicates: not exported
    assert len(exported(pool, 5, seed=0)) == 5 and exported(pool, 5, seed=0) == exported(pool, 5, seed=0)
    with pytest.raises(UserError, match="accepted no candidate"):
        exported([e for e in pool if not e.kept], None, seed=0)


def test_every_arm_has_the_verified_arms_size_and_is_drawn_as_documented():
    pool = pool_of(60)
    sets, notes = training_sets(pool, ["verified", "unverified", "prompt_matched", "wrong_formed"], None, 0, 7,
                                passes)
    n = len(sets["verified"])
    assert n == 40 and {len(s) for s in sets.values()} == {n}
    # unverified: drawn from everything sampled (rejected and duplicate candidates too), regardless of verdict
    unverified = sets["unverified"]
    assert 0 < sum(e.correct for e in unverified) < n and any(not e.kept and e.correct for e in unverified)
    assert any(e.root.endswith(("2", "5", "8")) and int(e.root[1:]) % 3 == 2 for e in unverified)
    # prompt_matched: exactly the verified arm's problems, answers regardless of the verdict
    matched = sets["prompt_matched"]
    assert Counter(e.root for e in matched) == Counter(e.root for e in sets["verified"])
    assert 0 < sum(e.correct for e in matched) < n
    # wrong_formed: the verified answers, same format and (near) the same length, every one wrong
    wrong = sets["wrong_formed"]
    assert notes["wrong_formed_repeated"] == 0
    for original, changed in zip(sets["verified"], wrong, strict=True):
        assert changed.root == original.root and changed.answer != original.answer
        assert abs(len(changed.answer) - len(original.answer)) <= 2 and "The answer is" in changed.answer
    assert not any(passes([(e.answer, e) for e in wrong]))
    # another draw seed draws other unverified sets; the same seed the same ones
    again, _ = training_sets(pool, ["verified", "unverified"], None, 0, 7, passes)
    other, _ = training_sets(pool, ["verified", "unverified"], None, 0, 8, passes)
    assert again["unverified"] == unverified and other["unverified"] != unverified


def test_prompt_matched_reuses_a_problems_candidates_only_when_they_run_out():
    pool = [Example("q", f"a{i}", i == 0, "r", i == 0, "1") for i in range(3)]
    verified = [pool[0]] * 5
    drawn = prompt_matched(pool, verified, seed=0)
    assert len(drawn) == 5 and {e.answer for e in drawn[:3]} == {"a0", "a1", "a2"}


def test_wrong_versions_change_the_stated_value_but_not_the_question():
    assert wrong_versions("3 + 5 = 8. The answer is 8.", "8")[0] == "3 + 5 = 9. The answer is 9."
    # the gold value is also an operand: only the results change
    assert wrong_versions("5 × 1 = 5. The answer is 5.", "5", "What is 5 × 1?")[0] == "5 × 1 = 6. The answer is 6."
    assert wrong_versions("The answer is 1,000.", "1000")[0] == "The answer is 1001."
    assert wrong_versions("I do not know.", "4") == [] and wrong_versions("The answer is 1/2", "1/2") == []
    assert all(int(v.split()[-1].rstrip(".")) >= 0 for v in wrong_versions("The answer is 1.", "1"))


def test_an_arm_that_cannot_be_made_wrong_is_refused_or_filled():
    pool = [Example("What is 2 + 2?", "It is four.", True, "r", True, "4"),
            Example("What is 2 + 3?", "The answer is 5.", True, "s", True, "5")]
    sets, notes = training_sets(pool, ["verified", "unverified", "wrong_formed"], None, 0, 0, passes)
    assert notes["wrong_formed_repeated"] == 1 and len(sets["wrong_formed"]) == 2
    with pytest.raises(UserError, match="wrong_formed"):
        training_sets(pool[:1], ["verified", "unverified", "wrong_formed"], None, 0, 0, passes)


def test_both_arms_take_the_same_steps():
    config = RunConfig.model_validate({**RUN, "value": {"epochs": 2, "batch_size": 8}}).value
    assert config is not None and steps_for(40, config) == 10 and steps_for(3, config) == 1


def test_the_canonical_key_sees_through_operand_order_and_number_writing():
    key = canonical_key
    assert key("What is 3 + 5?") == key("what is 5+3 ?") == key("What is 05 + 3.0?")
    assert key("What is 4 × 12?") == key("What is 12 × 4?") == key("What is 12 x 4?")
    assert key("What is 1,000 + 2?") == key("What is 2 + 1000?")
    assert key("What is 5 - 3?") != key("What is 3 - 5?")  # not commutative
    assert key("What is 12 ÷ 4?") != key("What is 4 ÷ 12?")
    assert key("What is 3 + 5?") != key("What is 3 × 5?")
    assert key("Ana has 3 apples and buys 5 more.") != key("Ana has 5 apples and buys 3 more.")


def test_held_out_problems_share_no_canonical_key_with_a_training_problem():
    run = RunConfig.model_validate(RUN)
    from synthloom.run.execute import load_inputs

    seen = {str(r.fields["question"]) for r in load_inputs(run)}
    problems, removed = held_out(run, seen)
    keys = [canonical_key(p["question"]) for p in problems]
    assert len(problems) >= 200 and not {canonical_key(q) for q in seen} & set(keys)
    assert len(set(keys)) == len(keys)  # one problem per key
    assert removed["same_key_other_wording"] > 0  # operand swaps an exact-string filter lets through
    assert removed["drawn"] == 300 and len(problems) == 300 - removed["same_question"] - \
        removed["same_key_other_wording"] - removed["repeated_key"]
    assert {p["difficulty"] for p in problems} == {"basic", "easy"}
    with pytest.raises(UserError, match="min_held_out"):
        held_out(RunConfig.model_validate({**RUN, "value": {"eval_per_class": 20}}), seen)


def test_the_ood_set_is_another_class_with_its_own_answers():
    run = RunConfig.model_validate({**RUN, "value": {"eval_per_class": 150, "ood_classes": ["word", "medium"],
                                                     "ood_per_class": 30}})
    ood = ood_set(run, set())
    assert {p["difficulty"] for p in ood} == {"word", "medium"} and 50 <= len(ood) <= 60
    for problem in ood:
        if problem["difficulty"] == "word":
            numbers = [int(w) for w in problem["question"].replace(".", " ").split() if w.isdigit()]
            expected = {"addition": sum(numbers), "multiplication": numbers[0] * numbers[1],
                        "subtraction": numbers[0] - numbers[1]}[problem["kind"]]
            assert problem["answer"] == str(expected) and not problem["question"].startswith("What is")
    assert ood_set(RunConfig.model_validate({**RUN, "value": {"ood_per_class": 0}}), set()) == []


def test_a_config_without_math_input_or_with_the_same_seed_is_refused():
    with pytest.raises(ValueError, match="eval_seed"):
        RunConfig.model_validate({**RUN, "value": {"eval_seed": 0}})
    with pytest.raises(ValueError, match="builtin: math_problems"):
        RunConfig.model_validate({**RUN, "input": {"path": "x.jsonl"}})
    with pytest.raises(ValueError, match="primary test"):
        RunConfig.model_validate({**RUN, "value": {"arms": ["verified", "wrong_formed"]}})
    with pytest.raises(ValueError, match="one per training seed"):
        RunConfig.model_validate({**RUN, "value": {"seeds": [0, 1], "draws": [3]}})
    with pytest.raises(ValueError, match="ood_classes"):
        RunConfig.model_validate({**RUN, "value": {"ood_classes": ["riddles"]}})
    config = RunConfig.model_validate({**RUN, "value": {"seeds": [3, 4]}}).value
    assert config is not None and config.draw_seeds() == [3, 4]


def test_candidates_are_read_from_output_and_removed_records(tmp_path):
    def record(root, steps, fields, meta=None):
        return orjson.dumps({"id": root + "x", "fields": fields, "meta": meta or {},
                             "lineage": {"root": root, "steps": steps}}) + b"\n"
    q = {"prompt": "What is 2 + 2?", "answer": "4"}
    (tmp_path / "output.jsonl").write_bytes(
        record("r1", ["rejection"], {**q, "response": "The answer is 4"}) +
        record("r9", ["generate"], {"prompt": "other", "response": "not a candidate"}))
    (tmp_path / "removed.jsonl").write_bytes(
        record("r1", ["rejection"], {**q, "response": "The answer is 5"},
               {"rejection": {"removed": "rejected by the verifier (wrong_answer)"}}) +
        record("r1", ["rejection"], {**q, "response": "It is 4. The answer is 4"},
               {"rejection": {"removed": "accepted, but the same reasoning as a kept answer"}}))
    run = RunConfig.model_validate(RUN)
    from synthloom.value.data import rejection_config

    found = candidates(tmp_path, rejection_config(run))
    assert [(e.answer, e.correct, e.kept, e.gold) for e in found] == [
        ("The answer is 4", True, True, "4"), ("The answer is 5", False, False, "4"),
        ("It is 4. The answer is 4", True, False, "4")]
