"""The summary of a finished experiment from scored arms (no model): the primary test, its power,
mean ± SD across seeds, the controls' statistics, and the table the README shows."""

from __future__ import annotations

import random

import pytest

from synthloom.config import RunConfig
from synthloom.value.data import Example
from synthloom.value.experiment import format_table, pairs, summarize
from synthloom.value.stats import mcnemar_exact

RUN = {"run_dir": "r", "input": {"builtin": "math_problems", "classes": ["basic"], "per_class": 10},
       "pipeline": [{"step": "rejection", "template": "question", "verifier": {"kind": "math", "gold_field": "answer"}}],
       "value": {"seeds": [0, 1], "arms": ["verified", "unverified", "wrong_formed"], "bootstrap": 300,
                 "permutations": 2000}}


def _result(arm, seed, rate, n=300, ood=20, rng=None):
    rng = rng or random.Random(hash((arm, seed)) % 1000)
    solved = [rng.random() < rate for _ in range(n)]
    stats = {"answers": n, "mean_chars": 100.0 + 10 * (seed or 0), "truncated": 0.1, "states_final_answer": 0.8}
    return {"arm": arm, "seed": seed, "solved": sum(solved), "per_problem": solved, "strict": solved[:],
            "ood": [rng.random() < rate for _ in range(ood)], "ood_strict": [False] * ood,
            "answers": ["x"] * n, "ood_answers": ["y"] * ood, "curve": [{"step": 1, "loss": 1.0}] if seed is not None
            else [], "examples_correct": 10 if arm == "verified" else 4, "train_stats": stats, "eval_stats": stats,
            "ood_eval_stats": stats, "load_s": 1.0, "train_s": 2.0, "eval_s": 3.0}


def test_the_summary_names_the_primary_test_and_its_power():
    run = RunConfig.model_validate(RUN)
    value = run.value
    assert value is not None
    results = {"no_finetune": [_result("no_finetune", None, 0.2)],
               "verified": [_result("verified", s, 0.45) for s in (0, 1)],
               "unverified": [_result("unverified", s, 0.25) for s in (0, 1)],
               "wrong_formed": [_result("wrong_formed", s, 0.2) for s in (0, 1)]}
    problems = [{"question": f"q{i}", "answer": "1", "difficulty": "basic"} for i in range(300)]
    pool = [Example("q", "a", True, "r", True, "1"), Example("q", "b", True, "r", False, "1"),
            Example("q", "c", False, "r", False, "1")]
    summary = summarize(run, value, run.pipeline[0], pool, 10, problems, [{}] * 20,
                        {"drawn": 300, "same_question": 0, "same_key_other_wording": 0, "repeated_key": 0}, results)
    primary = summary["primary"]
    assert primary["contrast"] == "verified - unverified" and list(summary["differences"])[0] == primary["contrast"]
    verified = summary["arms"]["verified"]
    rates = [sum(r["per_problem"]) / 300 for r in results["verified"]]
    assert verified["per_seed"] == [round(r, 4) for r in rates] and verified["sd"] > 0
    assert verified["pass_at_1"] == pytest.approx(sum(rates) / 2, abs=1e-4)
    assert verified["low"] < verified["pass_at_1"] < verified["high"]
    assert primary["difference"] > 0.1 and primary["p_value"] < 0.01 and primary["detected"]
    assert primary["test"].startswith("sign-flip") and len(primary["mcnemar_per_seed"]) == 2
    first = mcnemar_exact(results["verified"][0]["per_problem"], results["unverified"][0]["per_problem"])
    assert primary["mcnemar_per_seed"][0] == first
    assert primary["discordance"] == pytest.approx(
        (first["discordant"] + mcnemar_exact(results["verified"][1]["per_problem"],
                                             results["unverified"][1]["per_problem"])["discordant"]) / 600, abs=1e-4)
    assert 0 < primary["smallest_detectable"] < 0.2 and primary["power_at_observed"] > 0.9
    assert summary["train"]["duplicates_left_out"] == 1 and summary["train"]["exported"] == 1
    assert summary["arms"]["wrong_formed"]["train_stats"]["mean_chars"] == 105.0  # mean over the seeds
    assert summary["arms"]["verified"]["ood"]["problems"] == 20
    assert summary["arms"]["verified"]["ood_strict"]["pass_at_1"] == 0
    assert set(summary["differences"]) == {f"{a} - {b}" for a, b in pairs(["verified", "unverified", "wrong_formed"])}
    table = format_table(summary)
    assert "primary verified - unverified" in table and "smallest detectable" in table
    assert "± " in table and "wrong_formed" in table
    from benchmarks.data_value import table as readme_table

    markdown = readme_table({**summary, "design": {**summary["design"], "complete": False,
                                                   "planned": {"seeds": [0, 1, 2], "arms": ["verified"]}}})
    assert markdown.startswith("**Partial**") and "**Primary test, verified - unverified**" in markdown
    assert f"| verified | {verified['pass_at_1']:.3f} ± {verified['sd']:.3f} |" in markdown
    assert markdown.count("\n| wrong_formed |") == 1 and "| verified - wrong_formed |" in markdown


def test_one_seed_uses_exact_mcnemar_and_says_when_nothing_is_detectable():
    run = RunConfig.model_validate({**RUN, "value": {**RUN["value"], "seeds": [0]}})
    value = run.value
    assert value is not None
    same = random.Random(5)
    shared = _result("verified", 0, 0.3, rng=same)
    results = {"no_finetune": [_result("no_finetune", None, 0.3)], "verified": [shared],
               "unverified": [{**shared, "arm": "unverified"}], "wrong_formed": [_result("wrong_formed", 0, 0.3)]}
    problems = [{"question": f"q{i}", "answer": "1"} for i in range(300)]
    summary = summarize(run, value, run.pipeline[0], [Example("q", "a", True, "r", True, "1")], 1, problems,
                        [{}] * 20, {}, results)
    primary = summary["primary"]
    assert primary["test"] == "exact McNemar" and primary["p_value"] == 1.0 and not primary["detected"]
    assert primary["reading"].startswith("not detected at this size")
