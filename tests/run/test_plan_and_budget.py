"""`synthloom plan` (calls, tokens and cost before any request) and engine.max_cost (a run stops,
resumable, before its budget is exceeded; a resume may raise the budget)."""

from __future__ import annotations

import orjson

from tests.conftest import run_cli

PRICES = "price_input_per_mtok: 2000, price_output_per_mtok: 8000"  # dear, so a tiny run costs cents


def _config(tmp, url: str, engine: str, pipeline: str, rows: int = 10) -> str:
    (tmp / "in.jsonl").write_text("".join(orjson.dumps({"instruction": f"say the word number {i}",
                                                        "answer": str(i) if i % 2 else ""}).decode() + "\n"
                                          for i in range(rows)))
    path = tmp / "run.yaml"
    path.write_text(f"""run_dir: run
model: {{backend: openai, base_url: "{url}", model: echo}}
engine: {{{engine}}}
input: {{path: in.jsonl}}
pipeline:
{pipeline}
output: {{report: false}}
""")
    return str(path)


GENERATE = "  - {step: generate, n: 2, max_tokens: 50}"


def test_plan_counts_calls_and_prices_without_sending_a_request(fault_server, tmp_path):
    config = _config(tmp_path, fault_server.url, PRICES, GENERATE)
    shown = run_cli("plan", config)
    assert shown.returncode == 0, shown.stderr
    assert fault_server.requests_seen == 0  # nothing was asked, not even the model list
    plan = orjson.loads(run_cli("plan", config, "--json").stdout)
    [row] = plan["calls"]
    assert row["calls"] == {"low": 20, "high": 20} and row["completion_tokens"] == {"low": 1000, "high": 1000}
    prompt = row["prompt_tokens"]["high"]
    assert row["cost"]["high"] == round((prompt * 2000 + 1000 * 8000) / 1e6, 6)
    assert "generate" in shown.stdout and f"${row['cost']['high']:,.4f}" in shown.stdout
    batched = orjson.loads(run_cli("plan", _config(tmp_path, fault_server.url, PRICES + ", batch: true", GENERATE),
                                   "--json").stdout)
    assert batched["calls"][0]["batched"] and batched["total"]["cost"]["high"] == round(row["cost"]["high"] / 2, 6)


def test_plan_shows_answer_dependent_counts_as_ranges(fault_server, tmp_path):
    pipeline = ("  - {step: rejection, only_if: answer, template: question, k: 6, batch: 2, m: 1, "
                "verifier: {kind: math, gold_field: answer}}\n  - {step: dedup}")
    config = _config(tmp_path, fault_server.url, PRICES, pipeline)
    plan = orjson.loads(run_cli("plan", config, "--json").stdout)
    [row] = plan["calls"]
    assert row["calls"] == {"low": 10, "high": 30}  # 5 problems with an answer: 2 to 6 candidates each
    shown = run_cli("plan", config).stdout
    assert "10-30" in shown and "rejection: 10 records in, 5-10 out" in shown


def test_a_budget_stops_the_run_before_it_is_exceeded_and_a_raised_one_resumes(fault_server, tmp_path):
    config = _config(tmp_path, fault_server.url, PRICES + ", max_cost: 3, concurrency: 2", GENERATE, rows=40)
    plan_high = orjson.loads(run_cli("plan", config, "--json").stdout)["total"]["cost"]["high"]
    stopped = run_cli("run", config, "--no-progress", cwd=tmp_path)
    assert stopped.returncode != 0 and "engine.max_cost $3.0000" in stopped.stderr and "--resume" in stopped.stderr
    metrics = orjson.loads((tmp_path / "run" / "metrics.json").read_bytes())
    first_cost = metrics["sessions"][-1]["metrics"]["engine"]["estimated_cost_usd"]
    assert 0 < first_cost <= 3
    written = len((tmp_path / "run" / "output.jsonl").read_bytes().splitlines())
    assert 0 < written < 80
    # Only the engine section changed: the run resumes with the raised budget and finishes.
    raised = (tmp_path / "run.yaml").read_text().replace("max_cost: 3,", "max_cost: 50,")
    (tmp_path / "run.yaml").write_text(raised)
    resumed = run_cli("run", config, "--resume", "--no-progress", cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    ids = [orjson.loads(line)["id"] for line in (tmp_path / "run" / "output.jsonl").read_bytes().splitlines()]
    assert len(ids) == 80 == len(set(ids))
    sessions = orjson.loads((tmp_path / "run" / "metrics.json").read_bytes())["sessions"]
    total = sum(s["metrics"]["engine"]["estimated_cost_usd"] for s in sessions)
    assert total <= plan_high  # the plan's high end bounds what the run spent
    # A change beyond the engine's settings is still refused on resume.
    (tmp_path / "run.yaml").write_text(raised.replace("max_tokens: 50", "max_tokens: 51"))
    refused = run_cli("run", config, "--resume", "--no-progress", cwd=tmp_path)
    assert refused.returncode != 0 and "in more than its engine settings" in refused.stderr
