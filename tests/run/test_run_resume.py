"""Runs of the real command: killed with SIGKILL and resumed, failures retried on resume."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import orjson
import pyarrow.parquet as pq
import yaml

from tests.conftest import run_cli


def write_run(tmp: Path, name: str, url: str, prompts: list[str], **engine) -> Path:
    inputs = tmp / "inputs.jsonl"
    inputs.write_text("".join(orjson.dumps({"instruction": p}).decode() + "\n" for p in prompts))
    config = {
        "run_dir": str(tmp / name),
        "model": {"backend": "openai", "base_url": url, "model": "fault-model"},
        "engine": {"concurrency": 4, "timeout": 2, "backoff_base": 0.02, "backoff_max": 0.1, **engine},
        "input": {"path": str(inputs)},
        "pipeline": [{"step": "generate", "n": 2, "seed": 100, "max_tokens": 16}],
    }
    path = tmp / f"{name}.yaml"
    path.write_text(yaml.safe_dump(config))
    return path


def read_records(run_dir: Path) -> list[dict]:
    return [orjson.loads(line) for line in (run_dir / "output.jsonl").read_bytes().splitlines() if line]


def comparable(records: list[dict]) -> set[bytes]:
    # `meta` says whether an answer came from the cache, which differs between the runs by design.
    return {orjson.dumps({k: r[k] for k in ("id", "fields", "lineage", "scores")},
                         option=orjson.OPT_SORT_KEYS) for r in records}


def test_sigkill_mid_run_then_resume_loses_and_repeats_nothing(fault_server, tmp_path):
    prompts = [f"question {i}" for i in range(120)]
    fault_server.latency = 0.03
    reference_cfg = write_run(tmp_path, "reference", fault_server.url, prompts)
    assert run_cli("run", str(reference_cfg), "--no-progress").returncode == 0
    reference = read_records(tmp_path / "reference")
    assert len(reference) == 240
    fault_server.reset()

    config = write_run(tmp_path, "killed", fault_server.url, prompts)
    run_dir = tmp_path / "killed"
    proc = subprocess.Popen([sys.executable, "-m", "synthloom.cli", "run", str(config), "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        out = run_dir / "output.jsonl"
        if out.exists() and out.read_bytes().count(b"\n") >= 60:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(run_dir / "state.sqlite") as db:
        committed = {row[0] for row in db.execute("SELECT root_id FROM roots WHERE status = 'ok'")}
    assert 0 < len(committed) < 120, "the kill should land mid-run"
    calls_before_kill = len(fault_server.log)

    resumed = run_cli("run", str(config), "--resume", "--no-progress")
    assert resumed.returncode == 0, resumed.stderr
    records = read_records(run_dir)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), "no record may be written twice"
    assert comparable(records) == comparable(reference)

    # No call repeated for work finished before the kill; at most the calls in flight at the kill.
    committed_prompts = {r["fields"]["instruction"] for r in records if r["lineage"]["root"] in committed}
    calls = Counter((r.prompt, r.seed) for r in fault_server.log)
    assert all(calls[(p, s)] == 1 for p in committed_prompts for s in (100, 101))
    assert sum(calls.values()) - 240 <= 4
    assert len(fault_server.log) > calls_before_kill  # the resume did the rest
    sessions = orjson.loads((run_dir / "metrics.json").read_bytes())["sessions"]
    assert [s["status"] for s in sessions] == ["killed", "complete"]
    table = pq.read_table(run_dir / "output.parquet")
    assert table.num_rows == 240 and "fields.output" in table.column_names


def test_failed_records_are_recorded_then_retried_on_resume(fault_server, tmp_path):
    # Fails for the first 3 attempts of each sample: more than one run's retries, fewer than two runs'.
    prompts = ["fine one", "flaky fault:500x3", "fine two"]
    config = write_run(tmp_path, "flaky", fault_server.url, prompts, max_attempts=2)
    key = {"SYNTHLOOM_API_KEY": "sk-canary-7731"}
    first = run_cli("run", str(config), "--no-progress", env=key)
    assert first.returncode == 1 and "1 records failed" in first.stderr
    run_dir = tmp_path / "flaky"
    assert {r["fields"]["instruction"] for r in read_records(run_dir)} == {"fine one", "fine two"}
    [failure] = [orjson.loads(line) for line in (run_dir / "failures.jsonl").read_bytes().splitlines()]
    assert failure["fields"]["instruction"] == "flaky fault:500x3"
    assert failure["error_step"] == "generate" and "HTTP 500" in failure["error"]
    metrics = orjson.loads((run_dir / "metrics.json").read_bytes())
    assert metrics["status"] == "incomplete"

    second = run_cli("run", str(config), "--resume", "--no-progress", env=key)
    assert second.returncode == 0, second.stderr
    records = read_records(run_dir)
    assert len(records) == 6 and len({r["id"] for r in records}) == 6
    assert (run_dir / "failures.jsonl").read_bytes() == b""
    metrics = orjson.loads((run_dir / "metrics.json").read_bytes())
    assert metrics["status"] == "complete" and len(metrics["sessions"]) == 2
    # The fine prompts were answered once in all: the resume asked only for the flaky one.
    assert fault_server.count("fine one") == 2  # two samples, one call each
    assert fault_server.count("flaky") == 2 * 4
    # The key went to the server on every call, and nowhere into the run directory.
    assert {r.authorization for r in fault_server.log} == {"Bearer sk-canary-7731"}
    assert not [p for p in run_dir.rglob("*") if p.is_file() and b"sk-canary-7731" in p.read_bytes()]
    assert [s["status"] for s in metrics["sessions"]] == ["incomplete", "complete"]


def test_resume_refuses_a_changed_config_and_a_fresh_start_refuses_an_existing_run(fault_server, tmp_path):
    config = write_run(tmp_path, "guarded", fault_server.url, ["a question"])
    assert run_cli("run", str(config), "--no-progress").returncode == 0
    again = run_cli("run", str(config), "--no-progress")
    assert again.returncode == 2 and "already holds a run" in again.stderr
    changed = yaml.safe_load(config.read_text())
    changed["pipeline"][0]["max_tokens"] = 99
    config.write_text(yaml.safe_dump(changed))
    resumed = run_cli("run", str(config), "--resume", "--no-progress")
    assert resumed.returncode == 2 and "config differs" in resumed.stderr
