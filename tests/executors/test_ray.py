"""The Ray executor on a local Ray instance (each run starts its own, as a user's laptop would): the
same records as the local executor, a worker killed mid-run without loss or duplicates, verification
fanned out as Ray tasks. The model is a real llama.cpp server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
import yaml

from tests.conftest import run_cli

pytest.importorskip("ray")
pytestmark = pytest.mark.slow  # each test starts a local Ray instance (~20-50 s)

NO_REPORT = {"report": False, "parquet": False}


def ids(run: Path) -> set[str]:
    return {record_id for record_id, _ in records(run)}


def records(run: Path) -> set[tuple[str, bytes]]:
    rows = [orjson.loads(line) for line in (run / "output.jsonl").read_bytes().splitlines() if line.strip()]
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "a record was written twice"
    return {(r["id"], orjson.dumps(r["fields"], option=orjson.OPT_SORT_KEYS)) for r in rows}


def write_config(folder: Path, server: str, pipeline: list, rows: list[dict], concurrency: int = 4) -> Path:
    (folder / "in.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    config = folder / "run.yaml"
    config.write_text(yaml.safe_dump({
        "run_dir": "run", "input": {"path": "in.jsonl"}, "engine": {"concurrency": concurrency},
        "model": {"backend": "openai", "base_url": server, "model": "smollm2"},
        "pipeline": pipeline, "output": NO_REPORT}))
    return config


def step_stats(run: Path) -> dict:
    return orjson.loads((run / "metrics.json").read_bytes())["sessions"][-1]["metrics"]["pipeline"]["steps"]


def test_ray_gives_the_same_records_as_the_local_executor(tmp_path, llama_server):
    rows = [{"instruction": f"Give one word that rhymes with {w}."} for w in ("cat", "tree", "moon", "cat", "rain",
                                                                              "light")]
    pipeline = [{"step": "generate", "max_tokens": 16, "seed": 3, "output_field": "response"},
                {"step": "dedup", "fields": ["instruction"]},
                {"step": "critique_revise", "prompt_field": "instruction", "original_field": "response",
                 "rounds": 1, "max_tokens": 24, "seed": 1}]
    outcome = {}
    for executor in ("local", "ray"):
        folder = tmp_path / executor
        folder.mkdir()
        config = write_config(folder, llama_server, pipeline, rows)
        result = run_cli("run", str(config), "--executor", executor, "--workers", "2", cwd=folder)
        assert result.returncode == 0, result.stderr
        outcome[executor] = records(folder / "run")
    # The same records (ids derive from parent, step and index; dedup decides on the instruction). Their
    # texts are compared in the next test, from one cache: a llama.cpp server's answers depend slightly on
    # the order it is asked in (it reuses the previous prompt's prefix), even greedy ones.
    assert ids(tmp_path / "ray" / "run") == ids(tmp_path / "local" / "run") and len(outcome["ray"]) == 5
    run = tmp_path / "ray" / "run"
    assert sorted(p.name for p in (run / "caches").iterdir() if p.suffix == ".sqlite") == ["shard-0.sqlite",
                                                                                          "shard-1.sqlite"]
    assert step_stats(run)["dedup"]["counters"]["signature_batches_on_ray"] == 1  # MinHash on the cluster
    totals = orjson.loads((run / "metrics.json").read_bytes())["totals"]
    # Answers (before dedup), critiques, revisions, from the workers. The two identical "cat" prompts share
    # one call when they meet in one engine (one worker); on two workers each asks once.
    assert totals["calls"] in (5 + 5 * 2, 6 + 5 * 2)

    # A resume on one worker instead of two reads the finished stage (generate, dedup) from its shards and
    # finds every later root committed: nothing is asked, not even of the cache.
    again = run_cli("run", str(tmp_path / "ray" / "run.yaml"), "--resume", "--executor", "ray", "--workers", "1",
                    cwd=tmp_path / "ray")
    assert again.returncode == 0, again.stderr
    last = orjson.loads((run / "metrics.json").read_bytes())["sessions"][-1]["metrics"]["engine"]
    assert last["calls"] == 0 and last["samples"] == 0
    assert records(run) == outcome["ray"]


def test_every_step_kind_counts_and_reports_the_same_on_ray(tmp_path, llama_server):
    """The Ray run reads the local run's answers from its cache: a llama.cpp server's samples depend
    slightly on the order it is asked in, and this test is about the executor, not the server."""
    rows = [{"instruction": f"Give one word that rhymes with {w}."} for w in ("cat", "tree", "moon", "cat", "rain")]
    # Every per-record step kind runs on the workers; dedup runs on the driver with MinHash as Ray tasks.
    pipeline = [{"step": "generate", "max_tokens": 16, "seed": 3, "output_field": "original_response"},
                {"step": "dedup", "fields": ["instruction"]},
                {"step": "critique_revise", "prompt_field": "instruction", "rounds": 1, "max_tokens": 24, "seed": 1},
                {"step": "ai_feedback", "model": "default", "allow_same_model": True, "prompt_field": "instruction",
                 "agreement_model": "default", "agreement_sample": 1.0, "confidence_threshold": 0.5}]
    outcome, stats, totals = {}, {}, {}
    for executor in ("local", "ray"):
        folder = tmp_path / executor
        folder.mkdir()
        config = write_config(folder, llama_server, pipeline, rows)
        data = yaml.safe_load(config.read_text())
        data["engine"]["cache"] = str(tmp_path / "cache.sqlite")
        config.write_text(yaml.safe_dump(data))
        result = run_cli("run", str(config), "--executor", executor, "--workers", "2", cwd=folder)
        assert result.returncode == 0, result.stderr
        outcome[executor] = records(folder / "run")
        stats[executor] = step_stats(folder / "run")
        totals[executor] = orjson.loads((folder / "run" / "metrics.json").read_bytes())["totals"]
    assert totals["local"]["calls"] > 0 and totals["ray"]["calls"] == 0
    assert outcome["ray"] == outcome["local"] and len(outcome["ray"]) == 4
    for name, local in stats["local"].items():
        on_ray = stats["ray"][name]
        assert {k: v for k, v in on_ray["counters"].items() if k != "signature_batches_on_ray"} == local["counters"]
        assert on_ray["report"] == local["report"], name
        assert {k: on_ray[k] for k in ("received", "emitted", "dropped", "failed")} == {
            k: local[k] for k in ("received", "emitted", "dropped", "failed")}, name
    assert stats["ray"]["critique_revise"]["counters"]["revisions"] == 4
    feedback = stats["ray"]["ai_feedback"]["report"]
    assert feedback["feedback_model_is_policy_model"] is True and "agreement_rate" in feedback


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(tmp_path, llama_server):
    rows = [{"instruction": f"Write a sentence about the number {i}."} for i in range(24)]
    pipeline = [{"step": "generate", "max_tokens": 24, "seed": 0}]
    local = tmp_path / "local"
    local.mkdir()
    result = run_cli("run", str(write_config(local, llama_server, pipeline, rows, concurrency=2)), cwd=local)
    assert result.returncode == 0, result.stderr

    folder = tmp_path / "ray"
    folder.mkdir()
    config = write_config(folder, llama_server, pipeline, rows, concurrency=2)
    env = {**os.environ, "SYNTHLOOM_CACHE_DIR": str(folder)}
    proc = subprocess.Popen([sys.executable, "-m", "synthloom.cli", "run", str(config), "--executor", "ray",
                             "--workers", "2", "--no-progress"], cwd=folder, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    pid_file, output = folder / "run" / "workers" / "shard-0.pid", folder / "run" / "output.jsonl"
    deadline = time.monotonic() + 180
    while not (pid_file.exists() and output.exists() and len(output.read_bytes().splitlines()) >= 3):
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline
        time.sleep(0.05)
    victim = int(pid_file.read_text())
    os.kill(victim, signal.SIGKILL)
    _, stderr = proc.communicate(timeout=900)
    assert proc.returncode == 0, stderr
    assert int(pid_file.read_text()) != victim  # Ray restarted the worker
    assert ids(folder / "run") == ids(local / "run")  # all 24, each once (records() checks), as on one machine
    totals = orjson.loads((folder / "run" / "metrics.json").read_bytes())["totals"]
    assert totals["succeeded_calls"] <= 24 + 2  # at most the killed worker's calls in flight are asked again


def test_verification_fans_out_as_ray_tasks(tmp_path, llama_server):
    pipeline = [{"step": "rejection", "template": "question", "k": 2, "m": 1, "batch": 2, "max_tokens": 40,
                 "seed": 0, "verifier": {"kind": "math", "gold_field": "answer"},
                 "system": 'End with "The answer is" and the number.'}]
    rows = [{"question": "What is 2 + 2?", "answer": "4", "difficulty": "easy"},
            {"question": "What is 10 + 5?", "answer": "15", "difficulty": "easy"}]
    outcome = {}
    for executor in ("local", "ray"):
        folder = tmp_path / executor
        folder.mkdir()
        config = write_config(folder, llama_server, pipeline, rows)
        data = yaml.safe_load(config.read_text())
        data["engine"]["cache"] = str(tmp_path / "cache.sqlite")  # the same samples; each verified again
        config.write_text(yaml.safe_dump(data))
        result = run_cli("run", str(config), "--executor", executor, cwd=folder)
        assert result.returncode == 0, result.stderr
        outcome[executor] = records(folder / "run")
        steps = orjson.loads((folder / "run" / "metrics.json").read_bytes())["sessions"][-1]["metrics"][
            "pipeline"]["steps"]
        outcome[executor + "_counters"] = steps["rejection"]["counters"]
    assert outcome["ray"] == outcome["local"]
    assert outcome["ray_counters"] == outcome["local_counters"]


def test_an_unreachable_cluster_is_one_clear_error(tmp_path, llama_server):
    config = write_config(tmp_path, llama_server, [{"step": "generate", "max_tokens": 4}], [{"instruction": "Hi."}])
    result = run_cli("run", str(config), "--executor", "ray", "--address", "127.0.0.1:1", cwd=tmp_path,
                     timeout=120)
    assert result.returncode == 2 and "Ray cluster" in result.stderr and "Traceback" not in result.stderr


def test_the_driver_killed_mid_run_resumes_without_loss_duplicates_or_repeated_calls(tmp_path, llama_server):
    rows = [{"instruction": f"Name an animal that starts with the letter {c}."} for c in "ABCDEFGHIJKLMNOPQRST"]
    config = write_config(tmp_path, llama_server, [{"step": "generate", "max_tokens": 16, "seed": 0}], rows,
                          concurrency=2)
    env = {**os.environ, "SYNTHLOOM_CACHE_DIR": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "synthloom.cli", "run", str(config), "--executor", "ray",
                             "--workers", "2", "--no-progress"], cwd=tmp_path, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    output = tmp_path / "run" / "output.jsonl"
    deadline = time.monotonic() + 180
    while not (output.exists() and len(output.read_bytes().splitlines()) >= 4):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and the local Ray it started, workers included
    proc.wait()
    result = run_cli("run", str(config), "--resume", "--executor", "ray", "--workers", "2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(records(tmp_path / "run")) == 20  # each once
    sessions = orjson.loads((tmp_path / "run" / "metrics.json").read_bytes())["sessions"]
    assert sessions[0]["status"] == "killed" and sessions[-1]["status"] == "complete"
    # the 4+ committed inputs are not asked again, and answers received but not yet committed come from
    # the workers' caches, merged at the start of the resumed session
    assert sessions[-1]["metrics"]["engine"]["calls"] <= 20 - 4
