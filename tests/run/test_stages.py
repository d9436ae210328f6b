"""Stages: each whole-pool step closes a stage that is checkpointed as shards, and a resume reads finished
stages instead of replaying them. Real `synthloom run` processes against the fault server, killed with
SIGKILL inside stages and between them."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter

import orjson
import pytest

from synthloom.config import RunConfig
from synthloom.engine.model_engines import Engines
from synthloom.io.private_files import write_private_atomic
from synthloom.record import Record
from synthloom.run.pipeline import Pipeline
from synthloom.run.run_dir import RunDirectory
from synthloom.run.stage_store import StageStore
from synthloom.steps.base import StepContext
from synthloom.steps.registry import build_steps
from tests.conftest import run_cli
from tests.run.test_chaos import kill_at_random, write_config
from tests.run.test_run_resume import comparable, read_records
from tests.scripted_backend import ScriptedBackend

# generate -> dedup -> generate -> dedup -> generate: two stages and the output stream.
PIPELINE = [{"step": "generate", "max_tokens": 8, "output_field": "draft", "seed": 3},
            {"step": "dedup", "fields": ["instruction"]},
            {"step": "generate", "max_tokens": 8, "output_field": "second", "seed": 4},
            {"step": "dedup", "fields": ["instruction", "second"]},
            {"step": "generate", "max_tokens": 8, "seed": 5}]
ROWS = [{"instruction": f"task {i % 150}", "n": i} for i in range(200)]  # 50 exact duplicates of the instruction


def stage_folders(run_dir):
    return sorted(p.name for p in (run_dir / "stages").iterdir())


def test_every_whole_pool_step_closes_a_checkpointed_stage(fault_server, tmp_path):
    config = write_config(tmp_path, "staged", fault_server.url, ROWS, PIPELINE)
    assert run_cli("run", str(config), "--no-progress").returncode == 0
    run_dir = tmp_path / "staged"
    assert stage_folders(run_dir) == ["00-dedup", "01-dedup_3"]
    first = orjson.loads((run_dir / "stages" / "00-dedup" / "manifest.json").read_bytes())
    assert first["records"] == 150 and first["removed"] == 50
    assert sum(s["records"] for s in first["shards"]) == 150
    shard = [orjson.loads(line) for line in (run_dir / "stages" / "00-dedup" / first["shards"][0]["path"]).read_bytes()
             .splitlines()]
    # The first copy of each instruction is kept, whatever order the answers came back in.
    assert [r["fields"]["n"] for r in shard] == list(range(150))
    assert first["steps"]["generate"]["received"] == 200 and first["steps"]["dedup"]["emitted"] == 150
    removed = [orjson.loads(line) for line in (run_dir / "removed.jsonl").read_bytes().splitlines()]
    assert len(removed) == 50 and {r["meta"]["dedup"]["removed"] for r in removed} == {"exact duplicate"}
    assert len(read_records(run_dir)) == 150

    # A resume of the finished run reads both stages from their shards: no call, no cache lookup.
    calls = len(fault_server.log)
    again = run_cli("run", str(config), "--resume", "--no-progress")
    assert again.returncode == 0, again.stderr
    assert len(fault_server.log) == calls
    last = orjson.loads((run_dir / "metrics.json").read_bytes())["sessions"][-1]["metrics"]
    assert last["engine"]["samples"] == 0
    # ... and the summary still shows the stages' figures, which that session did not count itself.
    assert last["pipeline"]["steps"]["dedup"]["dropped"] == 50 and last["pipeline"]["steps"]["dedup"]["whole"]


def test_sigkill_inside_and_between_stages_then_resume_matches_one_run_and_no_stage_runs_twice(fault_server,
                                                                                                tmp_path):
    fault_server.latency = 0.02
    reference = write_config(tmp_path, "reference", fault_server.url, ROWS, PIPELINE)
    assert run_cli("run", str(reference), "--no-progress").returncode == 0
    expected = read_records(tmp_path / "reference")
    assert len(expected) == 150

    config = write_config(tmp_path, "chaos", fault_server.url, ROWS, PIPELINE)
    run_dir = tmp_path / "chaos"
    kills = kill_at_random(config, run_dir, random.Random(11), 6, 0.3, 2.5)
    assert kills >= 3, "the kills should land while the run works"
    final = run_cli("run", str(config), "--resume", "--no-progress")
    assert final.returncode == 0, final.stderr
    records = read_records(run_dir)
    assert len(records) == len({r["id"] for r in records}) == 150
    assert comparable(records) == comparable(expected)
    removed = [orjson.loads(line) for line in (run_dir / "removed.jsonl").read_bytes().splitlines()]
    assert len(removed) == len({r["id"] for r in removed}) == 50
    with sqlite3.connect(run_dir / "state.sqlite") as db:
        assert [r[0] for r in db.execute("SELECT stage FROM stages ORDER BY stage")] == ["00-dedup", "01-dedup_3"]
        # every stage input committed once, and its records written once, whatever the kills cut
        assert db.execute("SELECT COUNT(*) FROM stage_roots WHERE stage = '00-dedup'").fetchone()[0] == 200
        assert db.execute("SELECT SUM(records) FROM stage_chunks WHERE stage = '00-dedup'").fetchone()[0] == 200
    # A finished stage keeps its shards only: the streamed copy is gone.
    assert not (run_dir / "stages" / "00-dedup" / "streamed.jsonl").exists()


class Killed(BaseException):
    """Stands for a SIGKILL at one exact point (a real kill cannot be aimed between two statements)."""


async def scripted_session(tmp_path, backend, *, resume: bool):
    config = RunConfig.model_validate({"run_dir": str(tmp_path / "run"), "input": {"path": "in.jsonl"},
                                       "pipeline": PIPELINE})
    engines = Engines(config, None, backends={"default": backend})
    context = StepContext.in_process(engines)
    run_dir = RunDirectory(config.run_dir)
    run_dir.open("config", "input", resume=resume)
    try:
        pipeline = Pipeline(build_steps(config.pipeline, context), run_dir, max_in_flight=8, board=context.board)
        await pipeline.run([Record.from_input(i, row) for i, row in enumerate(ROWS)])
    finally:
        run_dir.close()
        await engines.close()
    return [orjson.loads(line) for line in (run_dir.path / "output.jsonl").read_bytes().splitlines()]


async def test_a_kill_after_the_shards_and_before_the_stage_is_marked_done_reruns_only_the_pool_step(
        tmp_path, monkeypatch):
    reference = await scripted_session(tmp_path / "reference", ScriptedBackend(default="fine"), resume=False)
    backend = ScriptedBackend(default="fine")
    finish = StageStore.finish

    def killed_before_the_mark(self, shards, removed, sources, figures):
        if self.key == "01-dedup_3":
            write_private_atomic(self.folder / "manifest.json", b"{}")  # files written, the mark not yet
            raise Killed
        return finish(self, shards, removed, sources, figures)

    monkeypatch.setattr(StageStore, "finish", killed_before_the_mark)
    with pytest.raises(Killed):
        await scripted_session(tmp_path, backend, resume=False)
    asked = len(backend.requests)
    assert asked == 200 + 150  # both stages' generate ran; the second stage's dedup was cut short
    assert (tmp_path / "run" / "stages" / "01-dedup_3" / "streamed.jsonl").exists()
    monkeypatch.setattr(StageStore, "finish", finish)
    records = await scripted_session(tmp_path, backend, resume=True)
    # Stage 0 is read from its shards and stage 1's dedup runs again over its committed records: nothing
    # of either stage is asked again; only the output's last generate asks.
    assert len(backend.requests) - asked == len(records) == 150
    assert [(r["id"], r["fields"]) for r in records] == [(r["id"], r["fields"]) for r in reference]
    removed = [orjson.loads(line) for line in (tmp_path / "run" / "removed.jsonl").read_bytes().splitlines()]
    assert len(removed) == len({r["id"] for r in removed}) == 50


def test_a_record_that_fails_once_is_retried_before_its_stage_closes(fault_server, tmp_path):
    template = tmp_path / "ask.jinja"
    template.write_text("{{ instruction }} {{ hint }}")
    # A fails its 2 attempts in the stream (more 500s than its attempts), then succeeds in the retry pass.
    rows = [{"instruction": "Name a colour.", "hint": "fault:500x2"},
            {"instruction": "Name a colour.", "hint": "please"},
            {"instruction": "Name a fruit.", "hint": ""}]
    pipeline = [{"step": "generate", "template": str(template), "max_tokens": 8},
                {"step": "dedup", "fields": ["instruction"]}]
    config = write_config(tmp_path, "retry", fault_server.url, rows, pipeline)
    run_dir = tmp_path / "retry"
    first = run_cli("run", str(config), "--no-progress")
    assert first.returncode == 0, first.stderr
    records = read_records(run_dir)
    # Dedup saw the pool in input order, A first: A is kept and its later copy removed.
    assert sorted(r["fields"]["hint"] for r in records) == ["", "fault:500x2"]
    removed = [orjson.loads(line) for line in (run_dir / "removed.jsonl").read_bytes().splitlines()]
    assert [r["fields"]["hint"] for r in removed] == ["please"]
    assert (run_dir / "failures.jsonl").read_bytes() == b""


def test_a_failure_in_a_finished_stage_is_final_and_said_so(fault_server, tmp_path):
    template = tmp_path / "ask.jinja"
    template.write_text("{{ instruction }} {{ hint }}")
    rows = [{"instruction": "Name a colour.", "hint": "fault:always500"},
            {"instruction": "Name a fruit.", "hint": ""}]
    pipeline = [{"step": "generate", "template": str(template), "max_tokens": 8},
                {"step": "dedup", "fields": ["instruction"]}]
    config = write_config(tmp_path, "final", fault_server.url, rows, pipeline)
    run_dir = tmp_path / "final"
    first = run_cli("run", str(config), "--no-progress")
    assert first.returncode == 1, first.stderr  # a record failed: never exit 0
    assert "1 failed for good in a stage" in first.stderr and "does not run again" in first.stderr
    assert orjson.loads((run_dir / "metrics.json").read_bytes())["status"] == "incomplete"
    [failure] = [orjson.loads(line) for line in (run_dir / "failures.jsonl").read_bytes().splitlines()]
    assert failure["fields"]["hint"] == "fault:always500"
    asked = fault_server.count("always500")
    assert asked == 2 * 2  # two attempts in the stream, two in the retry pass
    second = run_cli("run", str(config), "--resume", "--no-progress")
    assert second.returncode == 1
    assert fault_server.count("always500") == asked  # the finished stage is not run again
    assert Counter(r["fields"]["instruction"] for r in read_records(run_dir)) == {"Name a fruit.": 1}
