"""Rejection sampling streams prompt by prompt: its prompts are committed as they finish (not held for a
whole-pool pass), its rejected candidates reach removed.jsonl once each, whatever was killed, and the
run's budget is one counter all prompts draw from. Real `synthloom run` processes against the fault
server, whose answers end in the request's seed, so a regex on the seed's parity decides each verdict."""

from __future__ import annotations

import random
import sqlite3

import orjson

from tests.conftest import run_cli
from tests.run.test_chaos import kill_at_random, write_config
from tests.run.test_run_resume import comparable, read_records

EVEN_SEED = {"kind": "regex", "pattern": r"#\d*[02468]$"}
PROMPTS = [{"question": f"What is {i} + {i}?", "difficulty": "easy" if i % 2 else "hard"} for i in range(150)]


def rejection(**settings) -> list[dict]:
    return [{"step": "rejection", "template": "question", "verifier": EVEN_SEED, "k": 4, "m": 4, "batch": 1,
             "max_tokens": 8, **settings}]


def removed_of(run_dir) -> list[dict]:
    return [orjson.loads(line) for line in (run_dir / "removed.jsonl").read_bytes().splitlines()]


def test_the_budget_is_one_counter_for_every_prompt_and_each_candidate_is_one_record(fault_server, tmp_path):
    # 150 prompts, 8 at once: the budget is spent by prompts in flight together, never overspent.
    config = write_config(tmp_path, "budget", fault_server.url, PROMPTS, rejection(budget=300))
    result = run_cli("run", str(config), "--no-progress")
    assert result.returncode == 0, result.stderr
    run_dir = tmp_path / "budget"
    assert len(fault_server.log) == 300
    kept, removed = read_records(run_dir), removed_of(run_dir)
    candidates = [r for r in removed if r["meta"]["rejection"]["removed"].startswith("rejected")]
    cut = [r for r in removed if r["meta"]["rejection"]["removed"].startswith("no candidate")]
    assert len(kept) + len(candidates) == 300 and cut  # every candidate is a record, kept or removed
    assert all(r["fields"]["response"].rsplit("#", 1)[1][-1] in "02468" for r in kept)
    assert len({r["id"] for r in kept + removed}) == len(kept) + len(removed)
    summary = orjson.loads((run_dir / "metrics.json").read_bytes())["sessions"][-1]["metrics"]["pipeline"]
    report = summary["steps"]["rejection"]["report"]
    assert report["budget_left"] == 0
    assert sum(c["tried"] for c in report["yield_by_class"].values()) == 300
    assert sum(c["prompts"] for c in report["yield_by_class"].values()) == 150
    assert not any(key.startswith("tally.") for key in (run_dir / "summary.md").read_text().split())


def test_sigkilled_sessions_then_resume_give_one_runs_records_and_removed_once_each(fault_server, tmp_path):
    fault_server.latency = 0.01
    pipeline = rejection(k=3, m=2, preference_pairs=True) + [{"step": "dedup", "fields": ["response"]}]
    reference = write_config(tmp_path, "reference", fault_server.url, PROMPTS, pipeline)
    assert run_cli("run", str(reference), "--no-progress").returncode == 0
    expected, expected_removed = read_records(tmp_path / "reference"), removed_of(tmp_path / "reference")
    assert expected and expected_removed

    config = write_config(tmp_path, "chaos", fault_server.url, PROMPTS, pipeline)
    run_dir = tmp_path / "chaos"
    kills = kill_at_random(config, run_dir, random.Random(5), 5, 0.4, 2.0)
    assert kills >= 2, "the kills should land while the run works"
    final = run_cli("run", str(config), "--resume", "--no-progress")
    assert final.returncode == 0, final.stderr
    assert comparable(read_records(run_dir)) == comparable(expected)
    removed = removed_of(run_dir)
    assert len(removed) == len({r["id"] for r in removed})
    assert comparable(removed) == comparable(expected_removed)
    with sqlite3.connect(run_dir / "state.sqlite") as db:  # each prompt committed once, in the first stage
        assert db.execute("SELECT COUNT(*) FROM stage_roots WHERE stage = '00-dedup'").fetchone()[0] == 150
