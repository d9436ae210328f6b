"""Distillation: input formats, teacher votes and audit, and training exports read by their libraries."""

from __future__ import annotations

from pathlib import Path

import datasets
import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from synthloom.cli.export_command import export_run
from synthloom.errors import UserError
from synthloom.io.tables import read_table
from synthloom.record import Record
from synthloom.techniques.labels import audit, vote
from tests.conftest import run_cli
from tests.paths import REPO

EXAMPLES = REPO / "examples"
ROWS = [{"text": "good", "category": "a", "extra": 1}, {"text": "bad", "category": "b", "extra": 2}]


def test_inputs_from_jsonl_csv_parquet_and_a_saved_dataset(tmp_path):
    (tmp_path / "in.jsonl").write_text("".join(orjson.dumps(r).decode() + "\n" for r in ROWS))
    (tmp_path / "in.csv").write_text("text,category,extra\ngood,a,1\nbad,b,2\n")
    pq.write_table(pa.Table.from_pylist(ROWS), tmp_path / "in.parquet")
    datasets.DatasetDict({"train": datasets.Dataset.from_list(ROWS)}).save_to_disk(str(tmp_path / "hf"))
    expected = [{"text": "good", "category": "a"}, {"text": "bad", "category": "b"}]
    for name in ("in.jsonl", "in.csv", "in.parquet", "hf"):
        assert read_table(tmp_path / name, ["text", "category"]) == expected, name
    with pytest.raises(UserError, match=r"has no column 'label' \(its columns: category, extra, text\)"):
        read_table(tmp_path / "in.csv", ["text", "label"])
    with pytest.raises(UserError, match="has no split 'test'"):
        read_table(tmp_path / "hf", split="test")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(UserError, match="cannot read .*broken.parquet"):
        read_table(tmp_path / "broken.parquet")


def test_agreement_between_teachers():
    both = vote(["Positive", "positive."])
    assert both.label == "positive" and both.agreement == 1.0
    split_vote = vote(["positive", "negative"])
    assert split_vote.label is None and split_vote.agreement == 0.5
    assert vote(["positive", None]).label is None  # one abstains: no majority of two
    three = vote(["positive", "negative", "positive"])
    assert three.label == "positive" and three.agreement == pytest.approx(2 / 3)
    assert vote(["positive", "negative", "positive"], unanimous=True).label is None


def test_audit_accuracy_per_category_on_a_hand_made_gold_set():
    result = audit(predictions=["pos", "neg", "pos", None, "neg", "neg"],
                   gold=["pos", "pos", "pos", "neg", "Neg.", "neg"],
                   categories=["film", "film", "food", "food", "tech", "tech"], min_accuracy=0.7)
    assert result.by_category == {"film": 0.5, "food": 0.5, "tech": 1.0}
    assert result.overall == pytest.approx(round(4 / 6, 4)) and result.low == ["film", "food"]


def run_distill_example(tmp_path: Path, **audit_changes) -> tuple:
    config = yaml.safe_load((EXAMPLES / "distill.yaml").read_text())
    config["run_dir"] = str(tmp_path / "run")
    config["input"]["path"] = str(EXAMPLES / "distill" / "reviews.csv")
    step = config["pipeline"][0]
    step["template"] = str(EXAMPLES / "distill" / "sentiment.jinja")
    step["audit"].update(path=str(EXAMPLES / "distill" / "gold.jsonl"), **audit_changes)
    path = tmp_path / "distill.yaml"
    path.write_text(yaml.safe_dump(config))
    return run_cli("run", str(path), "--no-progress", cwd=tmp_path, timeout=600), tmp_path / "run"


@pytest.mark.slow
def test_two_teachers_label_with_an_audit_first(tmp_path):
    result, run_dir = run_distill_example(tmp_path)
    assert result.returncode == 0, result.stderr
    records = [orjson.loads(x) for x in (run_dir / "output.jsonl").read_bytes().splitlines()]
    for record in records:
        fields = record["fields"]
        assert set(fields["teacher_answers"]) == {"default", "gemma"}
        assert fields["teacher_agreement"] == 1.0  # a majority of two is both
        assert fields["label"] in ("positive", "negative") and fields["messages"][1]["content"] == fields["label"]
    report = orjson.loads((run_dir / "metrics.json").read_bytes())["sessions"][0]["metrics"]["pipeline"][
        "steps"]["distill"]["report"]
    assert set(report["audit_accuracy_by_category"]) == {"product", "restaurant", "film"}
    assert report["audit_examples_by_category"] == {"product": 3, "restaurant": 3, "film": 3}
    flagged = [r for r in records if r["fields"]["category"] in report["audit_low_categories"]]
    assert all("audit_flag" in r["fields"] for r in flagged)
    assert "audit_accuracy" in (run_dir / "summary.md").read_text()


def test_an_audit_under_the_threshold_can_stop_the_run(tmp_path):
    result, run_dir = run_distill_example(tmp_path, on_low="stop", min_accuracy=0.99)
    assert result.returncode == 2 and "teacher audit" in result.stderr and "no input was labelled" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def finished_run(tmp_path) -> Path:
    """A run directory as a run leaves it, with SFT-able and DPO-able records."""
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    records = []
    for i in range(10):
        record = Record.from_input(i, {"instruction": f"Add {i} and 1.", "input": "" if i % 2 else "Be brief.",
                                       "output": str(i + 1)})
        record.lineage.technique, record.lineage.model = "self_instruct", "smollm2-135m-instruct"
        if i < 6:
            record.fields.update(chosen=str(i + 1), rejected=str(i + 2))
        records.append(record)
    (run_dir / "output.jsonl").write_bytes(b"".join(r.to_json() + b"\n" for r in records))
    metrics = {"sessions": [{"metrics": {"models": {"default": {"model": "smollm2-135m-instruct",
                                                               "succeeded_calls": 10}},
                                         "pipeline": {"steps": {"self_instruct": {
                                             "received": 0, "emitted": 10, "dropped": 0, "failed": 0,
                                             "counters": {"dropped_rouge_l_similar": 7}}}}}}]}
    (run_dir / "metrics.json").write_bytes(orjson.dumps(metrics))
    return run_dir


@pytest.mark.parametrize("fmt, columns", [("sft", {"messages"}), ("dpo", {"prompt", "chosen", "rejected"}),
                                          ("alpaca", {"instruction", "input", "output"}),
                                          ("sharegpt", {"conversations"})])
def test_each_export_format_loads_with_datasets(finished_run, tmp_path, fmt, columns):
    out = tmp_path / fmt
    result = export_run(finished_run, fmt, out, validation_fraction=0.2, seed=1, license_id="cc-by-4.0")
    loaded = datasets.load_dataset("json", data_files={"train": str(out / "train.jsonl"),
                                                       "validation": str(out / "validation.jsonl")})
    assert set(loaded["train"].column_names) == columns
    rows = 6 if fmt == "dpo" else 10
    assert loaded["train"].num_rows + loaded["validation"].num_rows == rows and result.skipped == 10 - rows
    if fmt == "dpo":  # what TRL's DPOTrainer reads: three plain strings
        assert all(isinstance(loaded["train"][0][c], str) for c in columns)
    if fmt == "sft":
        assert [m["role"] for m in loaded["train"][0]["messages"]] == ["user", "assistant"]
    card = (out / "README.md").read_text()
    assert card.startswith("---\nlicense: cc-by-4.0") and "smollm2-135m-instruct (10 calls)" in card
    assert "self_instruct.dropped_rouge_l_similar: 7" in card


def test_parquet_and_saved_dataset_exports_and_a_seeded_split(finished_run, tmp_path):
    export_run(finished_run, "sft", tmp_path / "pq", file_format="parquet", validation_fraction=0.3, seed=4)
    loaded = datasets.load_dataset("parquet", data_files=str(tmp_path / "pq" / "train.parquet"))["train"]
    assert loaded.num_rows == 7
    export_run(finished_run, "alpaca", tmp_path / "hf", file_format="hf", validation_fraction=0.3, seed=4)
    saved = datasets.load_from_disk(str(tmp_path / "hf" / "hf"))
    assert saved["train"].num_rows == 7 and saved["validation"].num_rows == 3
    again = export_run(finished_run, "sft", tmp_path / "pq2", file_format="parquet", validation_fraction=0.3, seed=4)
    assert again.rows == {"train": 7, "validation": 3}
    first, second = (tmp_path / d / "validation.parquet" for d in ("pq", "pq2"))
    assert first.read_bytes() == second.read_bytes()


def test_export_errors_are_clear(finished_run, tmp_path):
    result = run_cli("export", str(tmp_path / "nowhere"), "--format", "sft", cwd=tmp_path)
    assert result.returncode == 2 and "is not a run directory" in result.stderr
    result = run_cli("export", str(finished_run), "--format", "csv", cwd=tmp_path)
    assert result.returncode == 2 and "unknown format 'csv'" in result.stderr
    ok = run_cli("export", str(finished_run), "--format", "sft", "--val-fraction", "0.1", cwd=tmp_path)
    assert ok.returncode == 0 and (finished_run / "export-sft" / "validation.jsonl").exists()
