"""The guards inside pipelines and as commands: real files, the bundled model in process, a real
llama.cpp server as the decontamination judge, and the echo server for a loop that must collapse."""

from __future__ import annotations

import orjson
import pytest
import yaml

from synthloom.config import RunConfig
from synthloom.engine.model_engines import Engines
from synthloom.guards.benchmarks import BenchmarkSource, load_segments
from synthloom.record import Record
from synthloom.steps.base import StepContext
from synthloom.steps.guards.self_consuming import SelfConsumingStep
from tests.conftest import run_cli


def jsonl(path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def write_jsonl(path, rows) -> None:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))


@pytest.fixture(scope="module")
def leaked_prompt() -> str:
    return next(s.text for s in load_segments(BenchmarkSource.parse("humaneval")) if s.item_id == "HumanEval/2"
                and s.field == "prompt")


def guard_inputs(leaked_prompt: str) -> list[dict]:
    return [
        {"instruction": "Write a haiku about autumn leaves falling in the quiet park at dusk.", "category": "poetry"},
        {"instruction": "Explain photosynthesis to a ten year old using a simple kitchen analogy.",
         "category": "science"},
        {"instruction": "WRITE a haiku about autumn leaves falling in the quiet park, at dusk!", "category": "poetry"},
        {"instruction": "Complete this function:\n" + leaked_prompt, "category": "code"},
        {"instruction": "List three practical tips for saving money on groceries every week.", "category": "advice"},
        {"instruction": "Compose a limerick about a cat who learns to play the violin at night.",
         "category": "poetry"},
    ]


def test_guards_in_a_pipeline_remove_with_reasons_fill_gaps_and_resume_from_the_cache(tmp_path, leaked_prompt):
    write_jsonl(tmp_path / "in.jsonl", guard_inputs(leaked_prompt))
    config = tmp_path / "guards.yaml"
    config.write_text(yaml.safe_dump({"run_dir": "run", "input": {"path": "in.jsonl"}, "pipeline": [
        {"step": "dedup"},
        {"step": "decontaminate"},
        {"step": "coverage", "category_field": "category", "categories": ["poetry", "science", "code", "math"],
         "min_count": 1, "fill": True, "fill_to": 2, "max_tokens": 40},
        {"step": "diversity", "by": "category", "embeddings": False}]}))
    result = run_cli("run", str(config), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    run = tmp_path / "run"
    inputs = {r["fields"]["instruction"]: r["id"] for r in jsonl(run / "output.jsonl")
              if r["lineage"]["technique"] is None}
    removed = {r["fields"]["instruction"]: r["meta"] for r in jsonl(run / "removed.jsonl")}
    assert len(removed) == 2
    duplicate = removed[guard_inputs(leaked_prompt)[2]["instruction"]]["dedup"]
    assert duplicate["removed"] == "exact duplicate"
    assert duplicate["duplicate_of"] == inputs[guard_inputs(leaked_prompt)[0]["instruction"]]
    leak = removed[guard_inputs(leaked_prompt)[3]["instruction"]]["decontaminate"]
    assert leak["contamination"]["item_id"] == "HumanEval/2" and leak["contamination"]["method"] == "ngram"
    filled = [r for r in jsonl(run / "output.jsonl") if r["lineage"]["technique"] == "coverage_fill"]
    assert {r["fields"]["category"] for r in filled} <= {"code", "math"}
    assert all(r["fields"]["instruction"] and r["fields"]["instruction"] not in inputs for r in filled)
    steps = orjson.loads((run / "metrics.json").read_bytes())["sessions"][-1]["metrics"]["pipeline"]["steps"]
    coverage = steps["coverage"]
    assert coverage["report"]["counts"]["math"] == 0
    # math was always empty; code lost its only record to decontamination. Each is asked for 2.
    assert {t["category"]: t["reason"] for t in coverage["report"]["thin"]} == {"math": "empty", "code": "empty"}
    counters = coverage["counters"]
    assert len(filled) + counters.get("fill_copy_dropped", 0) + counters.get("fill_empty_dropped", 0) == 4
    assert coverage["report"]["counts_after_fill"]["math"] == sum(r["fields"]["category"] == "math" for r in filled)
    assert set(steps["diversity"]["report"]["diversity_by_group"]) >= {"poetry", "math", "all"}
    summary = (run / "summary.md").read_text()
    assert "records per category" in summary and "diversity by group" in summary
    before = [(r["id"], r["fields"]) for r in jsonl(run / "output.jsonl")]

    import sqlite3

    with sqlite3.connect(run / "state.sqlite") as db:  # as if killed before anything was committed
        db.execute("DELETE FROM roots")
    again = run_cli("run", str(config), "--resume", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    # the finished stages are read from their shards (no step runs again, no fill is asked even of the
    # cache), and the output is written again from the last one, each record once
    assert [(r["id"], r["fields"]) for r in jsonl(run / "output.jsonl")] == before
    last = orjson.loads((run / "metrics.json").read_bytes())["sessions"][-1]["metrics"]
    assert last["engine"]["calls"] == 0 and last["engine"]["samples"] == 0
    assert last["pipeline"]["steps"]["coverage"]["report"]["thin"]  # the stage's figures, from its manifest


def test_self_consuming_loop_on_the_bundled_model(tmp_path):
    write_jsonl(tmp_path / "real.jsonl", [{"instruction": t} for t in (
        "Name three rivers in Africa.", "Write a short poem about rain.", "Explain what a prime number is.",
        "Suggest a name for a bakery.", "Translate 'good night' into Spanish.", "List two uses of copper.")])
    config = tmp_path / "loop.yaml"
    config.write_text(yaml.safe_dump({"run_dir": "run", "input": {"path": "real.jsonl"}, "pipeline": [
        {"step": "self_consuming", "generations": 2, "per_generation": 4, "examples_per_prompt": 2,
         "real_fraction": 0.5, "embeddings": False, "max_tokens": 32}]}))
    result = run_cli("run", str(config), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    records = jsonl(tmp_path / "run" / "output.jsonl")
    by_generation = {}
    for record in records:
        by_generation.setdefault(record["lineage"]["generation"], []).append(record)
    assert len(by_generation[0]) == 6 and 1 <= len(by_generation[1]) <= 4 and 1 <= len(by_generation[2]) <= 4
    ids = {r["id"]: r["lineage"]["generation"] for r in records}
    for record in by_generation[1]:
        assert {ids[p] for p in record["lineage"]["parents"]} == {0}  # generation 1 learns from real data only
    for record in by_generation[2]:
        assert {ids[p] for p in record["lineage"]["parents"]} <= {0, 1}
    report = orjson.loads((tmp_path / "run" / "metrics.json").read_bytes())["sessions"][-1]["metrics"][
        "pipeline"]["steps"]["self_consuming"]["report"]
    assert set(report["diversity_by_generation"]) == {"0", "1", "2"}
    assert all("distinct_2" in m and "self_bleu" in m for m in report["diversity_by_generation"].values())
    assert "collapse alarms" in (tmp_path / "run" / "summary.md").read_text()


def make_loop(tmp_path, model: dict, **step) -> tuple[SelfConsumingStep, Engines]:
    config = RunConfig.model_validate({"run_dir": str(tmp_path / "r"), "input": {"path": "unused.jsonl"},
                                       "model": model, "pipeline": [{"step": "self_consuming", **step}]})
    engines = Engines(config, str(tmp_path / "cache.sqlite"))
    return SelfConsumingStep(config.pipeline[0], StepContext.in_process(engines), "loop"), engines


def real_records(count: int) -> list[Record]:
    return [Record.from_input(i, {"instruction": f"Real task number {i} about topic {i * 7}"}) for i in range(count)]


def test_the_pool_mixes_real_data_or_accumulates(tmp_path):
    import random

    step, _ = make_loop(tmp_path, {"backend": "llamacpp"}, real_fraction=0.25, per_generation=8)
    real = real_records(20)
    made = {1: [r.child("loop", i) for i, r in enumerate(real[:8])], 2: [r.child("loop", 9 + i) for i, r in
                                                                         enumerate(real[:8])]}
    pool = step._pool(3, real, made, random.Random(0))
    assert len(pool) == 8 and sum(r in real for r in pool) == 2 and sum(r in made[2] for r in pool) == 6
    step, _ = make_loop(tmp_path, {"backend": "llamacpp"}, mode="accumulate")
    assert step._pool(3, real, made, random.Random(0)) == real + made[1] + made[2]


async def test_a_collapsing_loop_raises_the_alarm_and_stops(tmp_path, fault_server):
    # The echo server repeats the prompt's first line, the same for every request: total collapse.
    step, engines = make_loop(tmp_path, {"backend": "openai", "base_url": fault_server.url, "model": "echo"},
                              generations=4, per_generation=6, embeddings=False, on_alarm="stop",
                              alarm_metrics=["distinct_2"])
    try:
        out = await step.run_all(real_records(12))
    finally:
        await engines.close()
    assert step.counters["stopped_at_generation"] == 1
    assert max(r.lineage.generation for r in out) == 1
    alarms = step.report()["collapse_alarms"]
    assert alarms and alarms[0]["metric"] == "distinct_2" and alarms[0]["loss"] > 0.2


@pytest.mark.slow
def test_decontamination_judge_on_a_real_server(tmp_path, llama_server):
    write_jsonl(tmp_path / "in.jsonl", [
        {"instruction": "Write a function that tells whether any two numbers in a list are closer to each other "
                        "than a given threshold."},
        {"instruction": "Write a poem about the sea and the wind in autumn."}])
    config = tmp_path / "judge.yaml"
    config.write_text(yaml.safe_dump({
        "run_dir": "run", "input": {"path": "in.jsonl"},
        "models": {"judge": {"backend": "openai", "base_url": llama_server, "model": "smollm2",
                             "schema_style": "json_object"}},
        "pipeline": [{"step": "decontaminate", "semantic": True, "judge_model": "judge", "keep": True}]}))
    result = run_cli("run", str(config), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    steps = orjson.loads((tmp_path / "run" / "metrics.json").read_bytes())["sessions"][-1]["metrics"][
        "pipeline"]["steps"]
    counters = steps["decontaminate"]["counters"]
    report = steps["decontaminate"]["report"]
    records = jsonl(tmp_path / "run" / "output.jsonl")
    assert len(records) == 2  # keep: true marks instead of removing
    flagged = [r for r in records if "decontaminate" in r["meta"]]
    # The judge answered the calibration pairs first; the report says whether it was trusted, and only a
    # trusted judge's verdicts count (the 135M model cannot tell the pairs apart).
    assert "judge calibration:" in report["judge_calibration"]
    if counters.get("judge_trusted"):
        asked = sum(counters.get(k, 0) for k in ("judge_same", "judge_different", "judge_unclear"))
        assert asked >= 1 and all(r["meta"]["decontaminate"]["contamination"]["method"] == "semantic+judge"
                                  for r in flagged)
    else:
        assert counters["judge_not_trusted"] == 1 and "NOT trusted" in report["judge_calibration"]
        assert not counters.get("judge_same") and not counters.get("contaminated_semantic+judge")


# -- the commands --------------------------------------------------------------------------------

def test_dedup_and_decontaminate_commands_on_files(tmp_path, leaked_prompt):
    import csv

    rows = guard_inputs(leaked_prompt)
    with (tmp_path / "data.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["instruction", "category"])
        writer.writeheader()
        writer.writerows(rows)
    result = run_cli("dedup", "data.csv", "--out", "deduped.jsonl", "--fields", "instruction", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(jsonl(tmp_path / "deduped.jsonl")) == 5
    [removed] = jsonl(tmp_path / "deduped.removed.jsonl")
    assert removed["_line"] == 3 and removed["_removed"]["duplicate_of_line"] == 1

    bench = tmp_path / "bench.jsonl"
    write_jsonl(bench, [{"id": "B1", "question": "Compose a limerick about a cat who learns to play the violin "
                                                 "at night under the moon."}])
    result = run_cli("decontaminate", "deduped.jsonl", "-o", "clean.parquet", "-b", "humaneval",
                     "-b", f"{bench}:question", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    removed = {r["_removed"]["item_id"]: r["_removed"] for r in jsonl(tmp_path / "clean.removed.jsonl")}
    assert set(removed) == {"HumanEval/2", "B1"} and removed["B1"]["benchmark"] == "bench"
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "clean.parquet").num_rows == 3


def test_decontaminate_compares_the_text_never_the_label_and_lists_near_misses(tmp_path, leaked_prompt):
    rows = [{"text": leaked_prompt, "label": "positive"},
            {"text": "Write a function telling whether the largest and smallest values of a list differ by more "
                     "than a limit.", "label": "negative"}]
    write_jsonl(tmp_path / "labelled.jsonl", rows)
    result = run_cli("decontaminate", "labelled.jsonl", "-o", "clean.jsonl", "--semantic", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "compared fields: text (choose with --fields)" in result.stderr
    assert [r["text"] for r in jsonl(tmp_path / "clean.removed.jsonl")] == [leaked_prompt]
    assert "near miss, line 2: similarity" in result.stderr and "HumanEval/" in result.stderr
    only_labels = run_cli("decontaminate", "labelled.jsonl", "-o", "c.jsonl", "--fields", "label", cwd=tmp_path)
    assert only_labels.returncode == 0 and "compared fields: label\n" in only_labels.stderr
    help_text = run_cli("decontaminate", "--help", env={"COLUMNS": "200"}).stdout
    assert "(default: every field holding text" in help_text
    flags = [line for line in help_text.splitlines() if line.lstrip("│ ").startswith(("--semantic", "--fixed-n"))]
    assert len(flags) == 2 and not any("<bool>" in line for line in flags)  # flags take no value


@pytest.mark.slow
def test_decontaminate_command_with_a_judge_server(tmp_path, llama_server):
    write_jsonl(tmp_path / "d.jsonl", [{"instruction": "Write a function that tells whether any two numbers in "
                                                       "a list are closer to each other than a given threshold."}])
    result = run_cli("decontaminate", "d.jsonl", "-o", "clean.jsonl", "--semantic", "--judge-model", "smollm2",
                     "--judge-base-url", llama_server, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    removed = jsonl(tmp_path / "clean.removed.jsonl")
    assert len(removed) + len(jsonl(tmp_path / "clean.jsonl")) == 1
    assert "judge calibration:" in result.stderr  # checked before it is trusted, and the user is told
    if "NOT trusted" in result.stderr:
        assert removed == [] and "judge answers" not in result.stderr  # no evidence, and no verdict counts
    else:
        assert "judge answers: judge_" in result.stderr  # the neighbour (similarity 0.9) went to the judge
    result = run_cli("decontaminate", "d.jsonl", "-o", "c.jsonl", "--judge-model", "x", cwd=tmp_path)
    assert result.returncode == 2 and "add --semantic" in result.stderr


def test_guard_commands_name_what_to_fix(tmp_path):
    write_jsonl(tmp_path / "d.jsonl", [{"text": "one"}, {"text": "two"}])
    result = run_cli("dedup", "d.jsonl", "-o", "o.jsonl", "--fields", "instruction", cwd=tmp_path)
    assert result.returncode == 2 and "no field 'instruction'" in result.stderr and "text" in result.stderr
    result = run_cli("decontaminate", "d.jsonl", "-o", "o.jsonl", "-b", "nosuch.jsonl", cwd=tmp_path)
    assert result.returncode == 2 and "benchmark 'nosuch.jsonl'" in result.stderr
    assert "Traceback" not in result.stderr


def test_diversity_and_coverage_commands(tmp_path):
    rows = [{"instruction": f"Task {i}: describe the colour of object {i % 3}", "generation": i // 4,
             "category": ["a", "b"][i % 2]} for i in range(8)]
    write_jsonl(tmp_path / "d.jsonl", rows)
    result = run_cli("diversity", "d.jsonl", "--no-embeddings", "--json", "div.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "| generation |" in result.stdout
    assert set(orjson.loads((tmp_path / "div.json").read_bytes())) == {"0", "1"}
    result = run_cli("coverage", "d.jsonl", "--category-field", "category", "--categories", "a,b,c",
                     "--min-count", "1", cwd=tmp_path)
    assert result.returncode == 1 and "c" in result.stdout and "empty" in result.stdout
