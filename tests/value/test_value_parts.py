"""The data-value experiment's parts that need no model: the training sets, the held-out split, the
intervals."""

from __future__ import annotations

import orjson
import pytest

from synthloom.config import RunConfig
from synthloom.errors import UserError
from synthloom.value.data import Example, arms, candidates, held_out
from synthloom.value.stats import bootstrap
from synthloom.value.train import steps_for

RUN = {"run_dir": "r", "input": {"builtin": "math_problems", "classes": ["basic", "easy"], "per_class": 50},
       "pipeline": [{"step": "rejection", "template": "question",
                     "verifier": {"kind": "math", "gold_field": "answer"}}],
       "value": {"eval_per_class": 120}}


def test_arms_are_equal_in_size_and_only_the_verified_one_is_all_correct():
    pool = [Example(f"q{i}", f"a{i}", i % 4 == 0, f"r{i}") for i in range(40)]
    sets = arms(pool, None, seed=0)
    assert len(sets["verified"]) == len(sets["unverified"]) == 10
    assert all(e.correct for e in sets["verified"])
    assert sets == arms(pool, None, seed=0)  # seeded
    assert len(arms(pool, 4, seed=0)["unverified"]) == 4
    with pytest.raises(UserError, match="accepted no candidate"):
        arms([e for e in pool if not e.correct], None, seed=0)


def test_both_arms_take_the_same_steps():
    config = RunConfig.model_validate({**RUN, "value": {"epochs": 2, "batch_size": 8}}).value
    assert config is not None and steps_for(40, config) == 10 and steps_for(3, config) == 1


def test_held_out_problems_exclude_every_training_question():
    run = RunConfig.model_validate(RUN)
    from synthloom.run.execute import load_inputs

    seen = {str(r.fields["question"]) for r in load_inputs(run)}
    problems = held_out(run, seen)
    assert len(problems) >= 200 and not seen & {p["question"] for p in problems}
    assert len({p["question"] for p in problems}) == len(problems)
    assert {p["difficulty"] for p in problems} == {"basic", "easy"}
    with pytest.raises(UserError, match="min_held_out"):
        held_out(RunConfig.model_validate({**RUN, "value": {"eval_per_class": 20}}), seen)


def test_a_config_without_math_input_or_with_the_same_seed_is_refused():
    with pytest.raises(ValueError, match="eval_seed"):
        RunConfig.model_validate({**RUN, "value": {"eval_seed": 0}})
    with pytest.raises(ValueError, match="builtin: math_problems"):
        RunConfig.model_validate({**RUN, "input": {"path": "x.jsonl"}})


def test_candidates_are_read_from_output_and_removed_records(tmp_path):
    def record(root, steps, fields, meta=None):
        return orjson.dumps({"id": root + "x", "fields": fields, "meta": meta or {},
                             "lineage": {"root": root, "steps": steps}}) + b"\n"
    (tmp_path / "output.jsonl").write_bytes(
        record("r1", ["rejection"], {"prompt": "What is 2 + 2?", "response": "The answer is 4"}) +
        record("r9", ["generate"], {"prompt": "other", "response": "not a candidate"}))
    (tmp_path / "removed.jsonl").write_bytes(
        record("r1", ["rejection"], {"prompt": "What is 2 + 2?", "response": "The answer is 5"},
               {"rejection": {"removed": "rejected by the verifier (wrong_answer)"}}) +
        record("r1", ["rejection"], {"prompt": "What is 2 + 2?", "response": "It is 4. The answer is 4"},
               {"rejection": {"removed": "accepted, but the same reasoning as a kept answer"}}))
    run = RunConfig.model_validate(RUN)
    from synthloom.value.data import rejection_config

    found = candidates(tmp_path, rejection_config(run))
    assert [(e.answer, e.correct) for e in found] == [("The answer is 4", True), ("The answer is 5", False),
                                                      ("It is 4. The answer is 4", True)]


def test_bootstrap_intervals_hold_the_estimate_and_pairs_are_paired():
    a = [True] * 30 + [False] * 70
    b = [True] * 40 + [False] * 60  # solves everything a solves, and 10 more
    stats = bootstrap({"a": a, "b": b}, resamples=500, confidence=0.95, seed=0, pairs=[("b", "a"), ("a", "a")])
    assert stats["a"]["low"] < 0.3 < stats["a"]["high"] and stats["a"]["solved"] == 30
    assert stats["b - a"]["difference"] == pytest.approx(0.1) and stats["b - a"]["low"] > 0
    assert stats["a - a"] == {"difference": 0.0, "low": 0.0, "high": 0.0}
    # The arms' own intervals overlap, yet the paired difference is clear of zero.
    assert stats["b"]["low"] < stats["a"]["high"]
