"""Self-Instruct and Evol-Instruct end to end on the bundled model, through the real command."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import orjson
import pytest
import yaml

from synthloom.techniques.seeds import load_seed_tasks
from tests.conftest import run_cli
from tests.paths import REPO

EXAMPLES = REPO / "examples"


def run_twice(tmp_path: Path, config: dict) -> tuple[list[dict], dict, list[dict], dict]:
    """Run a config, then run it again into a fresh run dir that shares the response cache."""
    results = []
    for name in ("first", "replay"):
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump({**config, "run_dir": str(tmp_path / name),
                                        "engine": {**config.get("engine", {}), "cache": str(tmp_path / "c.sqlite")}}))
        done = run_cli("run", str(path), "--no-progress", cwd=tmp_path, timeout=900)
        assert done.returncode == 0, done.stderr
        run_dir = tmp_path / name
        records = [orjson.loads(x) for x in (run_dir / "output.jsonl").read_bytes().splitlines()]
        results += [records, orjson.loads((run_dir / "metrics.json").read_bytes())]
    return tuple(results)


def strip_meta(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "meta"} for r in records]


@pytest.mark.slow
def test_self_instruct_on_the_bundled_model(tmp_path):
    config = {"pipeline": [{"step": "self_instruct", "num_instructions": 8, "max_requests": 12,
                            "requests_per_round": 4, "new_per_request": 8, "max_tokens": 320,
                            "instance_max_tokens": 200, "seed": 0}],
              "engine": {"concurrency": 4}}
    records, metrics, replayed, replay_metrics = run_twice(tmp_path, config)
    counters = metrics["sessions"][0]["metrics"]["pipeline"]["steps"]["self_instruct"]["counters"]
    assert counters["generation_requests"] <= 12
    assert counters["candidates"] == counters["kept_instructions"] + sum(
        v for k, v in counters.items() if k.startswith("dropped_") and "instance" not in k and "task" not in k
        and k != "dropped_cut_off_by_length")
    assert counters["kept_instructions"] >= 1 and len(records) >= 1
    seed_ids = {t.id for t in load_seed_tasks()}
    for record in records:
        assert set(record["fields"]) == {"instruction", "input", "output", "is_classification"}
        lineage = record["lineage"]
        assert lineage["technique"] == "self_instruct" and lineage["model"] == "smollm2-135m-instruct"
        assert lineage["generation"] >= 1 and len(lineage["parents"]) == 8
        assert sum(p in seed_ids for p in lineage["parents"]) >= 6  # 6 seeds (more while few are generated)
    summary = (tmp_path / "first" / "summary.md").read_text()
    assert "dropped_rouge_l_similar" in summary or "kept_instructions" in summary
    # Every candidate dropped is in removed.jsonl with its reason, and the funnel adds up exactly.
    removed = [orjson.loads(x) for x in (tmp_path / "first" / "removed.jsonl").read_bytes().splitlines()]
    stats = metrics["sessions"][0]["metrics"]["pipeline"]["steps"]["self_instruct"]
    assert stats["emitted"] == len(records) and stats["dropped"] == len(removed) > 0
    per_reason = Counter(r["meta"]["self_instruct"]["removed"] for r in removed)
    counted = {k.removeprefix("dropped_"): v for k, v in counters.items() if k.startswith("dropped_")
               and k not in ("dropped_cut_off_by_length", "dropped_task_without_valid_instances")}
    counted = {k.replace("task_", ""): v for k, v in counted.items()}
    if counters.get("instance_request_failed"):
        counted["instance_request_failed"] = counters["instance_request_failed"]
    assert dict(per_reason) == counted
    assert all(r["fields"]["instruction"] and r["lineage"]["parents"] for r in removed)
    # Every parent a record or a dropped candidate names is in sources.jsonl (a seed task or a generated
    # task admitted to the pool), and so is every record's task.
    sources = {s["id"]: s for s in map(orjson.loads, (tmp_path / "first" / "sources.jsonl").read_bytes().splitlines())}
    assert {p for r in records + removed for p in r["lineage"]["parents"]} <= set(sources)
    assert {r["lineage"]["params"]["task_id"] for r in records} <= {i for i, s in sources.items()
                                                                    if s["kind"] == "generated_task"}
    assert all(set(s["parents"]) <= set(sources) for s in sources.values() if s["kind"] == "generated_task")
    # The replay makes the same choices and finds every answer in the cache: that is how resume works.
    assert strip_meta(replayed) == strip_meta(records)
    assert replay_metrics["totals"]["succeeded_calls"] == 0 and replay_metrics["totals"]["cache_hits"] > 0


@pytest.mark.slow
def test_evol_instruct_on_the_bundled_model(tmp_path):
    seeds = tmp_path / "seeds.jsonl"
    seeds.write_text('{"instruction": "Explain how a rainbow forms."}\n'
                     '{"instruction": "Give three tips for a good night\'s sleep."}\n'
                     '{"instruction": "Describe how to make a cup of tea."}\n')
    config = {"input": {"path": str(seeds)}, "engine": {"concurrency": 2},
              "pipeline": [{"step": "evol_instruct", "rounds": 2, "max_tokens": 120, "answer_max_tokens": 80,
                            "seed": 0}]}
    records, metrics, replayed, replay_metrics = run_twice(tmp_path, config)
    counters = metrics["sessions"][0]["metrics"]["pipeline"]["steps"]["evol_instruct"]["counters"]
    eliminated = sum(v for k, v in counters.items() if k.startswith("eliminated_"))
    assert counters["kept"] + eliminated == 2 * 3  # every pool item is evolved once per round
    removed = [orjson.loads(x) for x in (tmp_path / "first" / "removed.jsonl").read_bytes().splitlines()]
    assert len(removed) == eliminated  # each failed evolution, with the check that failed it
    assert all(r["meta"]["evol_instruct"]["removed"] and r["meta"]["evol_instruct"]["parent_instruction"]
               for r in removed)
    assert counters["kept"] == counters.get("kept_round_1", 0) + counters.get("kept_round_2", 0)
    seeds_out = [r for r in records if r["lineage"]["technique"] == "seed"]
    evolved = [r for r in records if r["lineage"]["technique"] == "evol_instruct"]
    assert len(seeds_out) == 3 and len(evolved) == counters["kept"] >= 1
    assert all(r["fields"]["output"] for r in records)
    known = {r["id"] for r in records} | {p for r in seeds_out for p in r["lineage"]["parents"]}
    for record in evolved:
        lineage = record["lineage"]
        assert lineage["parents"][0] in known
        assert lineage["params"]["operation"] in {"add_constraints", "deepen", "concretize", "increase_reasoning",
                                                  "complicate_input", "in_breadth"}
        assert lineage["params"]["round"] == lineage["generation"] in (1, 2)
    assert strip_meta(replayed) == strip_meta(records)
    assert replay_metrics["totals"]["succeeded_calls"] == 0


def test_the_example_configs_are_valid():
    from synthloom.config import load_config

    for name in ("quickstart.yaml", "self_instruct.yaml", "evol_instruct.yaml", "constitutional.yaml",
                 "distill.yaml", "textbook.yaml", "rejection_math.yaml", "rejection_code.yaml"):
        assert load_config(EXAMPLES / name).pipeline
