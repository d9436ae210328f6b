"""`step: judge_filter`: a judge is checked on records known good or bad before its verdicts drop anything.

Scripted judges show exactly what the step does with a judge that can and one that cannot tell them
apart; the bundled SmolLM2 shows the real case (it cannot), through `synthloom run`."""

from __future__ import annotations

import re

import orjson
import pytest

from synthloom.config import RunConfig
from synthloom.errors import UserError
from synthloom.steps.guards.judge_filter import JudgeFilterStepConfig, JudgeNotTrusted, calibration_items
from tests.conftest import run_cli
from tests.run.test_pipeline_scripted import run_pipeline
from tests.scripted_backend import ScriptedBackend

GOOD = {"instruction": "What is the capital of France?", "input": "", "output": "Paris."}
WRONG = {"instruction": "What is 9 times 7?", "input": "", "output": "9 times 7 is 56."}
OFF_TOPIC = {"instruction": "Explain why the sky looks blue.", "input": "",
             "output": "Wealthy people should pay more taxes."}
ROWS = [GOOD, WRONG, OFF_TOPIC, {"instruction": "Sort the numbers.", "input": "3, 1, 2", "output": "1, 2, 3"}]
BAD_ANSWERS = {WRONG["output"], OFF_TOPIC["output"]}


def _answer_of(request) -> str:
    return re.search(r"Answer:\n(.*?)\n\nReply with", request.messages[-1]["content"], re.S).group(1).strip()


def knowing_judge() -> ScriptedBackend:
    """Right on the calibration set and on the records: it knows which answers are bad."""
    bad = {response for _, response, good in calibration_items(JudgeFilterStepConfig(step="judge_filter", model="j"))
           if not good} | BAD_ANSWERS
    return ScriptedBackend(default=lambda request: "FAIL: wrong." if _answer_of(request) in bad else "PASS: fine.",
                           identity="judge", model_name="judge")


async def test_a_judge_that_passes_its_calibration_drops_what_it_fails(tmp_path):
    step = {"step": "judge_filter", "model": "judge"}
    summary, output, removed, _ = await run_pipeline(tmp_path, [step], ScriptedBackend(), rows=ROWS,
                                                     models={"judge": knowing_judge()})
    assert [r["fields"]["output"] for r in output] == [GOOD["output"], ROWS[3]["output"]]
    assert sorted(r["fields"]["output"] for r in removed) == sorted(BAD_ANSWERS)
    assert {r["meta"]["judge_filter"]["removed"] for r in removed} == {"judged_fail"}
    assert {r["meta"]["judge_filter"]["judge_said"] for r in removed} == {"wrong."}
    stats = summary.steps["judge_filter"]
    assert (stats.received, stats.emitted, stats.dropped) == (4, 2, 2)
    assert stats.counters["kept_pass"] == 2 and stats.counters["dropped_judged_fail"] == 2
    assert all(r["scores"]["judge_pass"] == 1.0 for r in output)


@pytest.mark.parametrize("always", ["PASS: looks fine.", "FAIL: no.", "I am not sure."])
async def test_a_judge_that_cannot_tell_good_from_bad_is_never_used(tmp_path, always):
    judge = ScriptedBackend(default=always, identity="judge", model_name="judge")
    with pytest.raises(JudgeNotTrusted, match=r"cannot tell good records from bad.*balanced accuracy 0\.[05]"):
        await run_pipeline(tmp_path / "stop", [{"step": "judge_filter", "model": "judge"}], ScriptedBackend(),
                           rows=ROWS, models={"judge": judge})
    summary, output, removed, _ = await run_pipeline(
        tmp_path / "keep", [{"step": "judge_filter", "model": "judge", "on_untrusted": "keep_all"}],
        ScriptedBackend(), rows=ROWS, models={"judge": judge})
    assert len(output) == 4 and removed == []
    assert summary.steps["judge_filter"].counters["kept_unjudged_untrusted_judge"] == 4


def test_the_policy_may_not_judge_itself_and_a_calibration_file_is_checked(tmp_path):
    with pytest.raises(ValueError, match="same model as the policy"):
        RunConfig.model_validate({"run_dir": "r", "input": {"path": "in.jsonl"},
                                  "pipeline": [{"step": "judge_filter", "model": "default"}]})
    (tmp_path / "cal.jsonl").write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in [
        {**GOOD, "good": True}, {**WRONG, "good": "no"}]))
    config = JudgeFilterStepConfig(step="judge_filter", model="j", calibration=str(tmp_path / "cal.jsonl"))
    with pytest.raises(UserError, match="record 2 needs instruction, output, good.*good"):
        calibration_items(config)
    (tmp_path / "cal.jsonl").write_bytes(orjson.dumps({**GOOD, "good": True}) + b"\n")
    with pytest.raises(UserError, match="known good and known bad"):
        calibration_items(config)
    assert len(calibration_items(JudgeFilterStepConfig(step="judge_filter", model="j"))) == 30


@pytest.mark.slow
@pytest.mark.timeout(2000)  # two runs of the bundled judge, each allowed 900 s (a loaded machine took over 300)
def test_the_bundled_model_fails_as_a_judge_and_the_run_says_so(tmp_path):
    """SmolLM2-135M cannot tell the calibration set's good records from bad: the run stops naming the
    figures and both ways on; with keep_all it finishes with every record kept unjudged."""
    (tmp_path / "in.jsonl").write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in ROWS))
    config = {"run_dir": "run", "models": {"judge": {"backend": "llamacpp"}}, "input": {"path": "in.jsonl"},
              "pipeline": [{"step": "judge_filter", "model": "judge", "allow_same_model": True, "max_tokens": 4}]}
    (tmp_path / "run.yaml").write_bytes(orjson.dumps(config))
    result = run_cli("run", str(tmp_path / "run.yaml"), "--no-progress", timeout=900)
    assert result.returncode == 2
    assert "cannot tell good records from bad" in result.stderr and "on_untrusted: keep_all" in result.stderr
    config["pipeline"][0]["on_untrusted"] = "keep_all"
    (tmp_path / "run.yaml").write_bytes(orjson.dumps(config))
    result = run_cli("run", str(tmp_path / "run.yaml"), "--no-progress", "--resume", timeout=900)
    assert result.returncode == 0, result.stderr
    assert len((tmp_path / "run" / "output.jsonl").read_bytes().splitlines()) == 4
    assert "kept_unjudged_untrusted_judge" in (tmp_path / "run" / "summary.md").read_text()


async def test_records_stream_through_one_calibration_and_no_stage_waits_for_them(tmp_path):
    """300 records, many at once (above the pipeline's window): the judge is calibrated once, before any
    verdict, and every record is judged once; the step closes no stage."""
    from synthloom.run.pipeline import plan_stages
    from synthloom.steps.guards.judge_filter import JudgeFilterStep

    judge = knowing_judge()
    rows = [ROWS[i % 4] | {"instruction": f"{ROWS[i % 4]['instruction']} ({i})"} for i in range(300)]
    summary, output, removed, _ = await run_pipeline(tmp_path, [{"step": "judge_filter", "model": "judge"}],
                                                     ScriptedBackend(), rows=rows, models={"judge": judge})
    calibration = len(calibration_items(JudgeFilterStepConfig(step="judge_filter", model="j")))
    assert len(judge.requests) == calibration + 300
    assert len(output) == 150 and len(removed) == 150
    assert summary.steps["judge_filter"].counters["kept_pass"] == 150
    assert plan_stages([JudgeFilterStep.__new__(JudgeFilterStep)])[0].key == "output"
