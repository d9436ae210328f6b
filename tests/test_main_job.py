"""The README's first command: the main job on the bundled models, every technique and guard, ending in
report.html; and `only_if` routing, which it relies on."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest
import yaml

from tests.conftest import run_cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def jsonl(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def test_only_if_sends_records_past_a_step(tmp_path, fault_server):
    rows = [{"question": "What is 2 + 2?"}, {"instruction": "Name a colour."}, {"question": ""}]
    (tmp_path / "in.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    (tmp_path / "run.yaml").write_text(yaml.safe_dump({
        "run_dir": "run", "input": {"path": "in.jsonl"},
        "model": {"backend": "openai", "base_url": fault_server.url, "model": "echo"},
        "pipeline": [{"step": "generate", "template": "question", "only_if": "question"}],
        "output": {"report": False}}))
    result = run_cli("run", "run.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    records = jsonl(tmp_path / "run" / "output.jsonl")
    answered = [r for r in records if "output" in r["fields"]]
    assert [r["fields"]["question"] for r in answered] == ["What is 2 + 2?"]
    assert len(records) == 3 and len(fault_server.log) == 1  # the other two passed the step unasked
    steps = orjson.loads((tmp_path / "run" / "metrics.json").read_bytes())["sessions"][-1]["metrics"][
        "pipeline"]["steps"]
    assert steps["generate"]["received"] == 1 and steps["generate"]["bypassed"] == 2


@pytest.mark.slow
@pytest.mark.timeout(1500)  # the bundled models run the whole main job: minutes, more on a loaded machine
def test_the_main_job_runs_every_technique_and_writes_the_report(tmp_path):
    # As in the repository: the config in examples/, its run_dir (../runs/quickstart) beside that folder.
    (tmp_path / "examples").mkdir()
    shutil.copy(EXAMPLES / "quickstart.yaml", tmp_path / "examples")
    shutil.copy(EXAMPLES / "quickstart_inputs.jsonl", tmp_path / "examples")
    result = run_cli("run", "examples/quickstart.yaml", cwd=tmp_path, timeout=1400)
    assert result.returncode == 0, result.stderr
    run = tmp_path / "runs" / "quickstart"
    steps = orjson.loads((run / "metrics.json").read_bytes())["sessions"][-1]["metrics"]["pipeline"]["steps"]
    assert list(steps) == ["self_instruct", "rejection", "critique_revise", "ai_feedback", "dedup", "decontaminate",
                           "diversity"]
    assert steps["rejection"]["received"] == 4 and steps["critique_revise"]["received"] >= 6
    assert steps["self_instruct"]["counters"]["generation_requests"] > 0
    # Every pair gets one decision: labelled, too unsure, identical sides (an off-topic revision was not
    # taken, so the response stayed the original), or a side off the prompt's subject.
    feedback = steps["ai_feedback"]
    decisions = ("labelled", "dropped_low_confidence", "skipped_identical_responses", "skipped_off_topic_response",
                 "no_label_unreadable_answer")
    assert sum(feedback["counters"].get(k, 0) for k in decisions) == feedback["received"] - feedback["failed"] >= 6
    records = jsonl(run / "output.jsonl")
    techniques = {r["lineage"]["technique"] for r in records}
    assert "constitutional" in techniques
    # Every technique the job runs gives the reader something to look at, and the summary says so.
    summary = (run / "summary.md").read_text()
    for step in ("self_instruct", "rejection", "critique_revise", "ai_feedback"):
        made = [r for r in records if step in r["lineage"]["steps"]]
        assert made, f"{step} produced no record"
        assert f"| {step} | {len(made)} |" in summary
    assert "Produced no record" not in summary
    assert len(jsonl(run / "sft.jsonl")) == len(records)
    report = (run / "report.html").read_text()
    assert 'id="run-status">complete<' in report and 'id="funnel"' in report and 'id="rejection"' in report
