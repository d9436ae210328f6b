"""The pipeline and steps on an in-process scripted backend: exact replies chosen by the test, so what
each step keeps, drops, counts and commits can be checked to the record (real servers and models are
in the integration tests)."""

from __future__ import annotations

import orjson

from synthloom.config import RunConfig
from synthloom.engine.model_engines import Engines
from synthloom.models.base import BackendError
from synthloom.record import Record
from synthloom.run.pipeline import Pipeline
from synthloom.run.run_dir import RunDirectory
from synthloom.steps.base import StepContext
from synthloom.steps.registry import build_steps
from tests.scripted_backend import ScriptedBackend

ROWS = [{"instruction": "Give one word that rhymes with cat."},
        {"instruction": "Give one word that rhymes with bat."},
        {"instruction": "Give one word that rhymes with moon."},
        {"instruction": "Give one word that rhymes with tree."}]


async def run_pipeline(tmp_path, pipeline: list[dict], backend: ScriptedBackend, rows: list[dict] = ROWS,
                       models: dict[str, ScriptedBackend] | None = None):
    """`models`: more named models (each a scripted backend) beside `default`."""
    config = RunConfig.model_validate({"run_dir": str(tmp_path / "run"), "input": {"path": "in.jsonl"},
                                       "models": {name: {"backend": "openai", "base_url": "http://unused/v1",
                                                         "model": name} for name in models or {}},
                                       "pipeline": pipeline})
    engines = Engines(config, None, backends={"default": backend, **(models or {})})
    context = StepContext.in_process(engines)
    run_dir = RunDirectory(config.run_dir)
    run_dir.open("config", "input", resume=False)
    try:
        pipeline_ = Pipeline(build_steps(config.pipeline, context), run_dir, max_in_flight=4, board=context.board)
        summary = await pipeline_.run([Record.from_input(i, row) for i, row in enumerate(rows)])
        failures = run_dir.failures()
    finally:
        run_dir.close()
        await engines.close()
    output = [orjson.loads(line) for line in (run_dir.path / "output.jsonl").read_bytes().splitlines()]
    removed_file = run_dir.path / "removed.jsonl"  # written by whole-pool steps only
    removed = [orjson.loads(line) for line in removed_file.read_bytes().splitlines()] if removed_file.exists() else []
    return summary, output, removed, failures


async def test_duplicates_are_removed_once_and_every_kept_record_is_revised(tmp_path):
    backend = ScriptedBackend(rules=[(r"rhymes with (cat|bat)", "hat"), (r"rhymes with moon", "spoon"),
                                     (r"rhymes with tree", "bee")], default="A word that rhymes: bee.")
    pipeline = [{"step": "generate", "output_field": "response", "seed": 0},
                {"step": "dedup", "fields": ["response"]},
                {"step": "critique_revise", "prompt_field": "instruction", "original_field": "response",
                 "response_field": "revision", "rounds": 1}]
    summary, output, removed, _ = await run_pipeline(tmp_path, pipeline, backend)
    assert sorted(r["fields"]["response"] for r in output) == ["bee", "hat", "spoon"]
    assert [r["fields"]["instruction"] for r in removed] == [ROWS[1]["instruction"]]
    assert removed[0]["meta"]["dedup"]["removed"] == "exact duplicate"
    stats = summary.steps
    assert (stats["dedup"].received, stats["dedup"].emitted, stats["dedup"].dropped) == (4, 3, 1)
    assert stats["critique_revise"].counters["chains"] == 3 and summary.records_written == 3
    assert all(r["fields"]["revision"] for r in output)


async def test_a_request_that_fails_for_good_fails_its_record_and_the_rest_are_written(tmp_path):
    refused = BackendError("400: the prompt is not allowed", retryable=False, kind="bad_request")
    backend = ScriptedBackend(rules=[(r"rhymes with moon", refused)], default="word")
    summary, output, _, failures = await run_pipeline(tmp_path, [{"step": "generate", "seed": 0}], backend)
    assert summary.roots_failed == 1 and summary.records_written == 3 and len(output) == 3
    [failure] = failures
    assert "not allowed" in failure["error"]
