"""Coverage without `fill` only measures: it runs as an observer that holds neither the pool nor the
pipeline (no stage boundary), counts what passes exactly, and leaves every record as it came."""

from __future__ import annotations

from synthloom.config import RunConfig
from synthloom.engine.model_engines import Engines
from synthloom.run.pipeline import plan_stages
from synthloom.steps.base import StepContext
from synthloom.steps.guards.coverage import CoverageObserver, CoverageStep
from synthloom.steps.registry import build_steps
from tests.run.test_pipeline_scripted import run_pipeline
from tests.scripted_backend import ScriptedBackend

CATEGORIES = ["poetry", "science", "cooking", "law"]


def steps_of(pipeline: list[dict]):
    config = RunConfig.model_validate({"run_dir": "unused", "input": {"path": "in.jsonl"}, "pipeline": pipeline})
    return build_steps(config.pipeline, StepContext.in_process(Engines(config, None, backends={})))


def test_without_fill_coverage_is_an_observer_and_closes_no_stage():
    steps = steps_of([{"step": "generate", "template": "answer"}, {"step": "coverage", "category_field": "c"},
                      {"step": "dedup"}, {"step": "coverage", "category_field": "c", "fill": True}])
    assert isinstance(steps[1], CoverageObserver) and type(steps[3]) is CoverageStep
    stages = plan_stages(steps)
    assert [s.key for s in stages] == ["00-dedup", "01-coverage_3", "output"]
    assert stages[0].observers == [steps[1]] and stages[0].steps == [steps[0]]


async def test_observer_counts_every_record_and_changes_none(tmp_path):
    rows = [{"instruction": f"task {i}", "category": CATEGORIES[i % 3] if i % 50 else "rare"} for i in range(600)]
    pipeline = [{"step": "generate", "template": "answer"},
                {"step": "coverage", "category_field": "category", "categories": CATEGORIES, "min_count": 15}]
    summary, output, removed, failures = await run_pipeline(tmp_path, pipeline, ScriptedBackend(default="done"),
                                                            rows=rows)
    assert len(output) == 600 and not removed and not failures
    assert all("coverage" not in r["meta"] for r in output)  # measured, not annotated
    report = summary.steps["coverage"].report
    expected = {"rare": 12, "law": 0}
    for i, name in enumerate(CATEGORIES[:3]):
        expected[name] = sum(1 for j in range(600) if j % 50 and j % 3 == i)
    assert report["counts"] == dict(sorted(expected.items(), key=lambda kv: (-kv[1], kv[0])))
    assert {t["category"]: t["reason"] for t in report["thin"]} == {"law": "empty", "rare": "below min_count"}
    assert summary.steps["coverage"].counters["thin_categories"] == 2
