"""The data-value experiment end to end, tiny: the bundled student samples, the verifier keeps, TRL
fine-tunes the four arms for one step each, all five arms are scored on held-out and OOD problems by
both scorers, and value.json, the report's section and the dataset card say what was measured.
(benchmarks/data_value.py runs the real size.)"""

from __future__ import annotations

import orjson
import pytest

from tests.conftest import run_cli

pytestmark = pytest.mark.slow

CONFIG = """run_dir: run
model: {backend: llamacpp}
engine: {concurrency: 2, timeout: 300}
input: {builtin: math_problems, classes: [basic], per_class: 10, seed: 0}
pipeline:
  - step: rejection
    system: Solve the problem. End with "The answer is" followed by the number.
    template: question
    verifier: {kind: math, gold_field: answer}
    k: 4
    m: 4
    batch: 4
    temperature: 0.8
    max_tokens: 96
    seed: 0
value:
  eval_per_class: 6
  min_held_out: 3
  ood_per_class: 3
  examples: 2
  epochs: 1
  batch_size: 2
  eval_batch_size: 8
  bootstrap: 200
output:
  exports:
    - {format: sft, path: sft.jsonl}
"""


def test_value_experiment_end_to_end_on_the_bundled_student(tmp_path):
    config = tmp_path / "value.yaml"
    config.write_text(CONFIG)
    result = run_cli("value", str(config), "--no-progress", cwd=tmp_path, timeout=1200)
    assert result.returncode == 0, result.stderr
    value = orjson.loads((tmp_path / "run" / "value.json").read_bytes())
    assert list(value["arms"]) == ["no_finetune", "verified", "unverified", "prompt_matched", "wrong_formed"]
    problems = value["held_out"]["problems"]
    assert 3 <= problems <= 6 and value["train"]["examples_per_arm"] == 2 and value["design"]["ood"] == 3
    assert value["train"]["steps"] == 1 and len(value["curves"]["verified seed 0"]) == 1
    for arm in value["arms"].values():
        assert 0 <= arm["low"] <= arm["pass_at_1"] <= arm["high"] <= 1
        assert arm["strict"]["pass_at_1"] <= arm["pass_at_1"] + 1e-9  # strict never accepts what lenient rejects
        assert arm["ood"]["problems"] == 3 and set(arm["eval_stats"]) >= {"mean_chars", "truncated"}
    primary = value["primary"]
    assert primary["contrast"] == "verified - unverified" and primary["test"] == "exact McNemar"
    assert 0 <= primary["p_value"] <= 1 and "smallest_detectable" in primary
    assert list(value["differences"])[0] == "verified - unverified"
    assert "primary verified - unverified" in result.stdout
    # No held-out question was a training question.
    trained = {orjson.loads(line)["fields"]["question"]
               for line in (tmp_path / "run" / "output.jsonl").read_bytes().splitlines()}
    held = orjson.loads((tmp_path / "run" / "value" / "no_finetune.json").read_bytes())
    assert len(held["answers"]) == problems and not trained & {e["question"] for e in value["now_solved"]}
    report = (tmp_path / "run" / "report.html").read_text()
    assert "Data value" in report and "verified - no_finetune" in report
    card_run = run_cli("export", str(tmp_path / "run"), "--format", "sft", "--out", str(tmp_path / "export"))
    assert card_run.returncode == 0, card_run.stderr
    assert "## Measured value" in (tmp_path / "export" / "README.md").read_text()
    # A second call finds every arm done and only re-reads them.
    again = run_cli("value", str(config), "--no-progress", cwd=tmp_path, timeout=600)
    assert again.returncode == 0 and again.stderr.count("done in an earlier session") == 5
