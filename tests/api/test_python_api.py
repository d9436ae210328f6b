"""`import synthloom`: the Python API over the run machinery, on the scripted backend (every answer chosen
by the test): inputs of every kind, the result's views, preview, resume, event loops, function steps."""

from __future__ import annotations

import asyncio
import gc
import math

import orjson
import pytest

import synthloom as sl
from synthloom.models.base import BackendError
from tests.scripted_backend import ScriptedBackend

WORDS = [f"word{i}" for i in range(30)]
ROWS = [{"instruction": f"Repeat {w}."} for w in WORDS] + [{"instruction": "Repeat word0."}]  # one duplicate


def echo_backend(**kwargs) -> ScriptedBackend:
    """Answers 'Repeat X.' with X: distinct inputs give distinct responses."""
    return ScriptedBackend(rules=[(r"Repeat (\w+)\.", lambda r: r.messages[-1]["content"].split()[-1][:-1])],
                           **kwargs)


def generate_dedup(backend, **kwargs) -> sl.Pipeline:
    return sl.Pipeline([sl.Step("generate", output_field="response", seed=0),
                        sl.Step("dedup", fields=["response"])], model=backend, **kwargs)


def test_rows_in_records_out_with_removed_reasons_metrics_and_report(tmp_path):
    backend = echo_backend()
    result = generate_dedup(backend).run(ROWS, run_dir=tmp_path / "run")
    # 31 rows, above the stream's in-flight window (8 here): one exact duplicate removed
    assert len(result) == 30 and result.status == "complete"
    assert sorted(row["response"] for row in result) == sorted(WORDS)
    [removed] = result.removed
    assert (removed["step"], removed["reason"], removed["fields"]["response"]) == ("dedup", "exact duplicate", "word0")
    assert result.failures == []
    assert result.metrics["status"] == "complete" and result.metrics["totals"]["succeeded_calls"] == 31
    assert result.summary.steps["dedup"].dropped == 1
    assert result.report_path is not None and result.report_path.exists()
    frame = result.to_pandas()
    assert list(frame.columns) == ["id", "instruction", "response"] and len(frame) == 30
    assert set(result.to_hf().column_names) == {"instruction", "response"}
    assert result.removed_to_pandas()["reason"].tolist() == ["exact duplicate"]
    page = result._repr_html_()
    assert "30 records kept" in page and "<td>dedup</td><td>31</td><td>30</td><td>1</td>" in page
    # The same files the CLI leaves: output.jsonl is what the result holds
    on_disk = [orjson.loads(line) for line in (tmp_path / "run" / "output.jsonl").read_bytes().splitlines()]
    assert [r["id"] for r in on_disk] == [r["id"] for r in result.records]


def test_dataframe_dataset_and_file_inputs_give_the_same_records(tmp_path):
    pd = pytest.importorskip("pandas")
    datasets = pytest.importorskip("datasets")
    rows = [{"instruction": f"Repeat w{i}.", "score": i + 0.5} for i in range(5)]
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    pipe = sl.Pipeline([sl.Step("generate", output_field="response")], model=echo_backend(),
                       output={"report": False})
    results = [pipe.run(data, run_dir=tmp_path / name) for name, data in
               (("list", rows), ("frame", pd.DataFrame(rows)), ("dataset", datasets.Dataset.from_list(rows)),
                ("file", path), ("file_str", str(path)))]
    expected = [{**r, "response": f"w{i}"} for i, r in enumerate(rows)]
    for result in results:
        assert result.rows == expected


def test_dataframe_numpy_values_and_missing_values_become_json(tmp_path):
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"instruction": ["Repeat a.", "Repeat b."], "n": [1, 2], "x": [0.5, math.nan]})
    result = sl.Pipeline([sl.Step("generate")], model=echo_backend()).run(frame, run_dir=tmp_path / "r")
    assert [(r["n"], r["x"]) for r in result] == [(1, 0.5), (2, None)]
    assert all(type(r["n"]) is int for r in result)


def test_failures_are_listed_and_a_resume_retries_only_them(tmp_path):
    refused = BackendError("400: not allowed", retryable=False, kind="bad_request")
    flaky = echo_backend()
    flaky.rules.insert(0, (r"word7\.", refused))
    pipe = sl.Pipeline([sl.Step("generate", output_field="response")], model=flaky)
    first = pipe.run(ROWS[:20], run_dir=tmp_path / "run")
    assert len(first) == 19 and first.status == "incomplete"
    [failure] = first.failures
    assert "not allowed" in failure["error"]
    fixed = echo_backend()
    second = sl.Pipeline([sl.Step("generate", output_field="response")], model=fixed).run(
        ROWS[:20], run_dir=tmp_path / "run", resume=True)
    assert second.status == "complete" and len(second) == 20 and len(fixed.requests) == 1
    with pytest.raises(sl.UserError, match="already holds a run"):
        pipe.run(ROWS[:20], run_dir=tmp_path / "run")


def test_without_a_run_dir_a_rerun_finds_its_run_and_asks_nothing_again(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    backend = echo_backend()
    pipe = generate_dedup(backend, output={"report": False})
    first = pipe.run(ROWS)
    again = pipe.run(ROWS)
    assert again.run_dir == first.run_dir and first.run_dir.parent.name == "runs"
    assert len(backend.requests) == 31 and again.rows == first.rows
    other = pipe.run(ROWS[:3])  # other data: another run
    assert other.run_dir != first.run_dir and len(other) == 3


def test_preview_runs_the_first_n_in_a_temporary_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    backend = echo_backend()
    pipe = generate_dedup(backend, run_dir=tmp_path / "full")
    preview = pipe.preview(ROWS, n=3)
    assert [r["response"] for r in preview] == ["word0", "word1", "word2"] and len(backend.requests) == 3
    folder = preview.run_dir
    assert folder.exists() and not (tmp_path / "full").exists() and not (tmp_path / "runs").exists()
    assert not (folder / "output.parquet").exists() and preview.report_path is None
    del preview
    gc.collect()
    assert not folder.exists()
    full = pipe.run(ROWS)  # the preview changed nothing of the pipeline's own settings
    assert full.run_dir == tmp_path / "full" and (full.run_dir / "output.parquet").exists() and len(full) == 30


def test_preview_of_a_yaml_pipeline_limits_its_file_input(tmp_path):
    rows = [{"instruction": f"Repeat y{i}."} for i in range(12)]
    (tmp_path / "in.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    (tmp_path / "job.yaml").write_text("run_dir: out\ninput: {path: in.jsonl}\n"
                                       "pipeline:\n  - step: generate\n    output_field: response\n")
    backend = echo_backend()
    pipe = sl.Pipeline.from_yaml(tmp_path / "job.yaml", backends={"default": backend})
    assert [r["response"] for r in pipe.preview(n=2)] == ["y0", "y1"]
    result = pipe.run()
    assert result.run_dir == tmp_path / "out" and [r["response"] for r in result] == [f"y{i}" for i in range(12)]
    other = pipe.run([{"instruction": "Repeat z."}], run_dir=tmp_path / "rows")  # rows instead of its input
    assert other.rows == [{"instruction": "Repeat z.", "response": "z"}]


def test_a_yaml_pipeline_without_input_takes_rows_and_says_when_none_are_given(tmp_path):
    (tmp_path / "job.yaml").write_text("run_dir: out\npipeline:\n  - step: generate\n")
    pipe = sl.Pipeline.from_yaml(tmp_path / "job.yaml", backends={"default": echo_backend()})
    with pytest.raises(sl.UserError, match="give the rows to run on"):
        pipe.run()
    assert pipe.run([{"instruction": "Repeat q."}]).rows[0]["output"] == "q"


def test_run_works_inside_a_running_event_loop_and_arun_awaits(tmp_path):
    backend = echo_backend()
    pipe = generate_dedup(backend, output={"report": False})

    async def notebook_cell():
        blocking = pipe.run(ROWS[:4], run_dir=tmp_path / "a")  # a Jupyter cell's loop is running
        ticks = 0

        async def tick():
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.001)

        ticker = asyncio.create_task(tick())
        awaited = await pipe.arun(ROWS[:4], run_dir=tmp_path / "b")
        ticker.cancel()
        return blocking, awaited, ticks

    blocking, awaited, ticks = asyncio.run(notebook_cell())
    assert blocking.rows == awaited.rows and len(blocking) == 4
    assert ticks > 0  # the caller's loop kept running while arun worked


def test_function_steps_transform_split_filter_and_fail_records(tmp_path):
    @sl.step
    def shout(row):
        return {**row, "loud": row["response"].upper()}

    @sl.step(name="no_sevens")
    async def no_sevens(row):
        await asyncio.sleep(0)
        return "7" not in row["response"]

    def split(row):  # a plain function in a pipeline's list is a step too
        if row["response"] == "word9":
            raise ValueError("nine is not allowed")
        return [row, {**row, "copy": True}] if row["response"] == "word1" else row

    assert shout({"response": "a"}) == {"response": "a", "loud": "A"}  # still callable as a function
    pipe = sl.Pipeline([sl.Step("generate", output_field="response"), shout, no_sevens, split],
                       model=echo_backend())
    result = pipe.run(ROWS[:12], run_dir=tmp_path / "run")
    responses = sorted((r["response"], r.get("copy", False)) for r in result)
    assert responses == sorted([(f"word{i}", False) for i in range(12) if i not in (7, 9)] + [("word1", True)])
    assert all(r["loud"] == r["response"].upper() for r in result)
    [failure] = result.failures
    assert "nine is not allowed" in failure["error"] and failure["error_step"] == "split"
    assert result.summary.steps["no_sevens"].dropped == 1


def test_the_shift_operator_builds_a_pipeline():
    pipe = sl.Step("generate", output_field="response") >> sl.Step("dedup") >> {"step": "diversity"}
    assert repr(pipe) == "Pipeline(generate >> dedup >> diversity)"
    assert [s.step for s in pipe.steps] == ["generate", "dedup", "diversity"]


def test_bad_settings_fail_when_the_step_is_made_with_one_clear_error():
    with pytest.raises(sl.UserError, match=r"step generate: n: Input should be greater than or equal to 1"):
        sl.Step("generate", n=0)
    with pytest.raises(sl.UserError, match=r"step dedup: fieldz: Extra inputs are not permitted"):
        sl.Step("dedup", fieldz=["x"])
    with pytest.raises(sl.UserError, match=r"no step kind 'generat' \(known: .*generate"):
        sl.Step("generat")
    with pytest.raises(sl.UserError, match="each row must be a dict"):
        sl.Pipeline([sl.Step("generate")], model=echo_backend()).run(["just text"])
    with pytest.raises(sl.UserError, match="cannot run on a int"):
        sl.Pipeline([sl.Step("generate")], model=echo_backend()).run(3)
    with pytest.raises(sl.UserError, match="no model named 'judge'"):
        sl.Pipeline([sl.Step("generate", model="judge")], model=echo_backend()).run([{"instruction": "x"}])


def test_plan_counts_the_calls_before_any_request():
    backend = echo_backend()
    plan = sl.Pipeline([sl.Step("generate", n=3)], model=backend).plan(ROWS)
    assert plan.inputs == 31 and plan.total("calls").hi == 93 and backend.requests == []


def test_import_synthloom_is_quick_and_loads_nothing_heavy():
    import subprocess
    import sys

    code = ("import time, sys; t = time.perf_counter(); import synthloom; "
            "print(time.perf_counter() - t, 'pydantic' in sys.modules, 'synthloom.run.execute' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    seconds, pydantic_loaded, run_loaded = float(out[0]), out[1], out[2]
    assert (pydantic_loaded, run_loaded) == ("False", "False") and seconds < 0.5


def ends_even(candidate, row):  # importable by its path, as a YAML config names it
    return int(candidate[-1]) % 2 == 0


def test_plain_functions_are_verifiers_with_no_package_or_entry_point(tmp_path):
    seen = []

    @sl.verifier
    async def not_three(candidate, row):
        seen.append(row["instruction"])
        if candidate == "word3":
            raise RuntimeError("three is unlucky")
        return (True, "fine") if candidate != "word5" else (False, "five is out")

    def returns_nonsense(candidate, row):
        return "yes"

    assert ends_even("word2", {}) and not_three is not None  # the decorator hands the function back
    rows = ROWS[:10]
    pipe = sl.Pipeline([sl.Step("rejection", template="answer", k=2, batch=2,
                                verifier={"kind": "all_of", "of": [ends_even, not_three]})], model=echo_backend())
    result = pipe.run(rows, run_dir=tmp_path / "run")
    # Even endings pass ends_even; not_three then keeps all of them (3 and 5 are odd: ends_even failed first
    # or not_three said no), so word0, 2, 4, 6, 8 are kept, each answer checked by the functions.
    assert sorted(r["response"] for r in result) == ["word0", "word2", "word4", "word6", "word8"]
    assert len(result.removed) == 10 and result.failures == []  # both candidates of each odd prompt
    assert "Repeat word0." in seen
    errors = sl.Pipeline([sl.Step("rejection", k=1, batch=1, verifier=not_three)], model=echo_backend())
    outcome = errors.run([{"instruction": "Repeat word3."}, {"instruction": "Repeat word5."}],
                         run_dir=tmp_path / "errors")
    verdicts = {r["fields"]["response"]: r["meta"]["rejection"]["verification"] for r in outcome.removed}
    # An exception is an error verdict for that candidate (the run goes on); a pair gives its detail.
    assert verdicts["word3"] == {"outcome": "error", "error_kind": "raised",
                                 "detail": f"{__name__}:test_plain_functions_are_verifiers_with_no_package_or_entry_"
                                           "point.<locals>.not_three raised RuntimeError: three is unlucky"}
    assert verdicts["word5"] == {"outcome": "fail", "detail": "five is out"}
    assert len(outcome) == 0 and outcome.failures == []
    # The YAML form names the function by its import path; a wrong one is one clear error at once.
    by_path = sl.Step("rejection", verifier={"kind": "python", "function": "tests.api.test_python_api:ends_even"})
    assert by_path.config.verifier.function == "tests.api.test_python_api:ends_even"
    with pytest.raises(sl.UserError, match="cannot import the function 'tests.api.test_python_api:nosuch'"):
        sl.Step("rejection", verifier={"kind": "python", "function": "tests.api.test_python_api:nosuch"})
    nonsense = sl.Pipeline([sl.Step("rejection", k=1, batch=1, verifier=returns_nonsense)], model=echo_backend())
    [wrong] = nonsense.run([{"instruction": "Repeat word2."}], run_dir=tmp_path / "nonsense").removed
    assert wrong["meta"]["rejection"]["verification"]["error_kind"] == "protocol"
