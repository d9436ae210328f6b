"""The reasoning examples, run as a user runs them (`synthloom run`), against a stand-in reasoning
server (tests/reasoning_server.py): what lands in output.jsonl, removed.jsonl, the SFT and DPO files and
the report. The examples' own input is the builtin problem set; here it is sums the stand-in can answer,
and the decontamination benchmark is one whose item only a trace repeats."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
import yaml

from tests.conftest import run_cli
from tests.reasoning_server import ReasoningServer

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PROBLEMS = [{"question": f"What is {a} + {a + 1}?", "answer": str(2 * a + 1), "difficulty": ("easy", "hard")[a % 2]}
            for a in range(2, 14)]
# the stand-in's trace for 7 + 8 (tests/reasoning_server.py), as a benchmark item
LEAKED_TRACE = "I need 7 + 8. Counting up from 7 by 8 gives the sum. So the answer is 15."


def jsonl(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


@pytest.fixture
def reasoner():
    server = ReasoningServer().start()
    yield server
    server.stop()


def run_example(name: str, tmp_path: Path, server: ReasoningServer, **changes) -> Path:
    config = yaml.safe_load((EXAMPLES / name).read_text())
    (tmp_path / "problems.jsonl").write_bytes(b"".join(orjson.dumps(p) + b"\n" for p in PROBLEMS))
    config.update(run_dir="run", input={"path": "problems.jsonl"}, **changes)
    (tmp_path / name).write_text(yaml.safe_dump(config, sort_keys=False))
    result = run_cli("run", name, cwd=tmp_path, env={"SYNTHLOOM_BASE_URL": server.url, "SYNTHLOOM_MODEL": "reasoner"})
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp_path / "run"


@pytest.mark.slow
def test_reasoning_distillation_keeps_traces_and_decontaminates_them(reasoner, tmp_path):
    (tmp_path / "reasoning").mkdir()
    benchmark = {"id": "L1", "problem": LEAKED_TRACE}
    (tmp_path / "reasoning" / "benchmark.jsonl").write_bytes(orjson.dumps(benchmark) + b"\n")
    run = run_example("reasoning_distill.yaml", tmp_path, reasoner)
    output = jsonl(run / "output.jsonl")
    assert output and all(r["fields"]["response"] == f"The answer is {r['fields']['answer']}." for r in output)
    removed = jsonl(run / "removed.jsonl")
    leaked = [r for r in removed if "decontaminate" in r["meta"]]
    # the prompt and answer of "What is 7 + 8?" are clean: only its trace repeats the benchmark item
    assert leaked and all(r["fields"]["question"] == "What is 7 + 8?" for r in leaked)
    assert all(r["fields"]["question"] != "What is 7 + 8?" for r in output)
    sft = jsonl(run / "sft.jsonl")
    assert len(sft) == len(output)
    reply = sft[0]["messages"][1]["content"]
    assert reply.startswith("<think>\nI need ") and reply.endswith("</think>\n\n" + output[0]["fields"]["response"])
    apart = jsonl(run / "sft_fields.jsonl")[0]["messages"][1]
    assert apart["content"] == output[0]["fields"]["response"] and apart["reasoning_content"].startswith("I need ")
    metrics = orjson.loads((run / "metrics.json").read_bytes())
    assert metrics["totals"]["reasoning_tokens"] > 0
    report = (run / "report.html").read_text()
    assert "of which reasoning" in report and "reasoning tokens" in report and "never closed" in report


@pytest.mark.slow
def test_rlvr_math_writes_sft_and_dpo_files_and_bands_per_class(reasoner, tmp_path):
    run = run_example("rlvr_math.yaml", tmp_path, reasoner)
    output = jsonl(run / "output.jsonl")
    assert output and all(0.125 <= r["fields"]["pass_rate"] <= 0.875 for r in output)
    removed = jsonl(run / "removed.jsonl")
    by_rate = [r for r in removed if "keep_pass_rate" in r["meta"]["rejection"].get("removed", "")]
    # A % 4 == 0 is always solved by the stand-in: 4, 8, 12 are dropped for it
    assert {r["fields"]["question"] for r in by_rate} == {"What is 4 + 5?", "What is 8 + 9?", "What is 12 + 13?"}
    assert len(jsonl(run / "sft.jsonl")) == len(output)
    dpo = jsonl(run / "dpo.jsonl")
    assert dpo and len(dpo) == sum("rejected" in r["fields"] for r in output)
    assert all(row["chosen"] != row["rejected"] and row["prompt"].startswith("What is ") for row in dpo)
    report = (run / "report.html").read_text()
    assert "prompts per difficulty band" in report and "preference pairs" in report
    assert report.count("<svg") >= 3  # the funnel, the acceptance rates, the bands per class (and more)
