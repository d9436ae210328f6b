"""Batch mode against a local server that follows OpenAI's Batch API and Anthropic's Message Batches
(files, batch states, output and error files, partial failures, expiry, cancellation): answers come
back by custom id, in input order; failed lines go in a later batch; a killed run polls its batch again
and never sends the same request twice."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from synthloom.engine.batch_ledger import BatchLedger
from synthloom.engine.cache import ResponseCache
from synthloom.engine.engine import Engine, EngineSettings, GenerationFailed
from synthloom.engine.metrics import Price
from synthloom.engine.retry import RetryPolicy
from synthloom.models.anthropic import AnthropicBackend
from synthloom.models.base import ChatRequest, EndpointUnreachable
from synthloom.models.openai_compat import OpenAICompatBackend
from tests.conftest import run_cli

FAST_RETRY = RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.05)


def _backend(server, provider: str):
    if provider == "openai":
        return OpenAICompatBackend(server.openai_url, "gpt-test", "sk-test")
    return AnthropicBackend("claude-test-1", "sk-ant-test", base_url=server.anthropic_url)


def _batch_engine(server, provider: str, tmp: Path, price: Price = Price(),
                  stuck_s: float = 60.0) -> tuple[Engine, BatchLedger]:
    engine = Engine(_backend(server, provider), EngineSettings(retry=FAST_RETRY, price=price),
                    ResponseCache(tmp / "cache.sqlite"))
    ledger = BatchLedger(tmp / "batches.sqlite")
    engine.use_batches(ledger, collect_s=0.05, poll_s=0.02, stuck_s=stuck_s)
    return engine, ledger


def _ask(engine: Engine, prompts: list[str]) -> list:
    async def main():
        try:
            return await asyncio.gather(*(engine.complete(ChatRequest.build([{"role": "user", "content": p}]))
                                          for p in prompts), return_exceptions=True)
        finally:
            await engine.close()
    return asyncio.run(main())


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
def test_one_batch_answers_every_request_by_custom_id_at_half_price(provider_server, tmp_path, provider):
    engine, ledger = _batch_engine(provider_server, provider, tmp_path, Price(10.0, 30.0))
    prompts = [f"question {i}" for i in range(25)]
    outcomes = _ask(engine, prompts)
    assert [o[0].choice.text for o in outcomes] == [f"echo: {p}" for p in prompts]
    assert len(provider_server.batches) == 1 and provider_server.direct_calls == 0
    assert set(provider_server.sent.values()) == {1} and len(provider_server.sent) == 25
    metrics = engine.metrics
    assert metrics.batch_summary() == {"completed" if provider == "openai" else "ended": 1}
    full = Price(10.0, 30.0).cost(metrics.prompt_tokens, metrics.completion_tokens)
    assert metrics.cost == pytest.approx(full / 2) and metrics.cost > 0
    # Every answer is in the cache: the same requests again need no batch.
    again, _ = _batch_engine(provider_server, provider, tmp_path)
    assert all(o[0].cached for o in _ask(again, prompts)) and len(provider_server.batches) == 1
    ledger.close()


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
def test_failed_lines_go_in_a_later_batch_and_bad_requests_are_recorded(provider_server, tmp_path, provider):
    engine, ledger = _batch_engine(provider_server, provider, tmp_path)
    prompts = ["fine 1", "linefail once", "fine 2", "linebad always"]
    outcomes = _ask(engine, prompts)
    assert outcomes[0][0].choice.text == "echo: fine 1" and outcomes[2][0].choice.text == "echo: fine 2"
    assert outcomes[1][0].choice.text == "echo: linefail once"  # answered in the second batch
    assert isinstance(outcomes[3], GenerationFailed) and "attempt" in str(outcomes[3])
    assert sorted(provider_server.sent.values()) == [1, 1, 1, 2]  # the bad request is not sent again
    assert len(provider_server.batches) == 2
    ledger.close()


@pytest.mark.parametrize("provider, ending", [("openai", "expire_next"), ("anthropic", "expire_next"),
                                              ("openai", "cancel_next"), ("anthropic", "cancel_next")])
def test_expired_or_cancelled_batch_resends_only_what_it_left_unanswered(provider_server, tmp_path, provider, ending):
    setattr(provider_server, ending, True)
    engine, ledger = _batch_engine(provider_server, provider, tmp_path)
    prompts = [f"q{i}" for i in range(10)]
    outcomes = _ask(engine, prompts)
    assert [o[0].choice.text for o in outcomes] == [f"echo: {p}" for p in prompts]
    assert sorted(provider_server.sent.values()) == [1] * 5 + [2] * 5
    assert engine.metrics.errors["batch_expired"] == 5
    ledger.close()


def test_a_batch_the_provider_refuses_stops_the_run_with_its_reason(provider_server, tmp_path):
    provider_server.fail_next = True
    engine, ledger = _batch_engine(provider_server, "openai", tmp_path)
    outcomes = _ask(engine, ["a", "b"])
    assert all(isinstance(o, EndpointUnreachable) for o in outcomes)
    assert "invalid_model: the model does not exist" in str(outcomes[0])
    ledger.close()


def test_a_submission_the_killed_run_never_recorded_is_found_by_its_token(provider_server, tmp_path):
    """Killed between the provider creating the batch and the ledger storing its id: the next session
    finds the batch by the token in its metadata instead of sending the requests again."""
    engine, ledger = _batch_engine(provider_server, "openai", tmp_path)
    requests = [ChatRequest.build([{"role": "user", "content": f"lost {i}"}]) for i in range(4)]
    keys = [engine._key(r, 0) for r in requests]
    identity = f"{engine.backend.identity}|{engine.backend.model_name}"
    ledger.begin("token-1", identity, keys)
    assert engine.batches is not None
    asyncio.run(engine.batches.api.submit(list(zip(keys, requests, strict=True)), "token-1"))
    ledger.close()
    engine, ledger = _batch_engine(provider_server, "openai", tmp_path)
    outcomes = _ask(engine, [f"lost {i}" for i in range(4)])
    assert [o[0].choice.text for o in outcomes] == [f"echo: lost {i}" for i in range(4)]
    assert set(provider_server.sent.values()) == {1} and len(provider_server.batches) == 1
    ledger.close()


def test_generate_batch_writes_lines_in_order_and_keeps_batch_ids_beside_the_cache(provider_server, tmp_path):
    prompts = tmp_path / "prompts.jsonl"
    prompts.write_text("".join(orjson.dumps({"prompt": f"line {i}"}).decode() + "\n" for i in range(30)))
    cache = tmp_path / "cache.sqlite"
    args = ("generate", str(prompts), "--out", str(tmp_path / "out.jsonl"), "--base-url", provider_server.openai_url,
            "--model", "gpt-test", "--cache", str(cache), "--batch", "--batch-poll-s", "0.05", "--no-progress")
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    lines = [orjson.loads(line) for line in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    assert [line["completion"] for line in lines] == [f"echo: line {i}" for i in range(30)]
    assert "batches: 1 completed" in result.stderr
    with sqlite3.connect(tmp_path / "cache.sqlite.batches") as db:
        rows = db.execute("SELECT batch_id, status FROM batches").fetchall()
    assert rows == [(*provider_server.batches, "completed")]
    assert "--batch needs" in run_cli(*args[:-4], "--batch", "--no-cache").stderr


def _run_config(tmp: Path, server_url: str, rows: int) -> Path:
    (tmp / "in.jsonl").write_text("".join(orjson.dumps({"instruction": f"task {i}"}).decode() + "\n"
                                          for i in range(rows)))
    config = tmp / "batch.yaml"
    config.write_text(f"""run_dir: run
model: {{backend: openai, base_url: "{server_url}", model: gpt-test}}
engine: {{batch: true, batch_poll_s: 0.05, batch_collect_s: 0.2, max_attempts: 3, backoff_base: 0.01}}
input: {{path: in.jsonl}}
pipeline:
  - step: generate
    max_tokens: 16
output: {{report: false}}
""")
    return config


def test_a_killed_batch_run_resumes_polling_its_batch_and_sends_nothing_twice(provider_server, tmp_path):
    provider_server.hold = True
    config = _run_config(tmp_path, provider_server.openai_url, rows=12)
    proc = subprocess.Popen([sys.executable, "-m", "synthloom.cli", "run", str(config), "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not provider_server.batches and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # polled at least once while in progress
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert len(provider_server.batches) == 1 and len(provider_server.sent) == 12
    provider_server.hold = False
    resumed = run_cli("run", str(config), "--resume", "--no-progress", cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert len(provider_server.batches) == 1 and set(provider_server.sent.values()) == {1}
    records = [orjson.loads(line) for line in (tmp_path / "run" / "output.jsonl").read_bytes().splitlines()]
    assert sorted(r["fields"]["output"] for r in records) == sorted(f"echo: task {i}" for i in range(12))
    with sqlite3.connect(tmp_path / "run" / "batches.sqlite") as db:
        assert db.execute("SELECT status, finished IS NOT NULL FROM batches").fetchall() == [("completed", 1)]
    [batch_id] = provider_server.batches
    assert f"resuming batch {batch_id} (12 requests)" in (tmp_path / "run" / "run.log").read_text()


def test_a_model_can_opt_out_of_batch_mode_in_a_batched_run(provider_server, tmp_path):
    config = _run_config(tmp_path, provider_server.openai_url, rows=5)
    text = config.read_text().replace("model: gpt-test}", "model: gpt-test}\nmodels:\n  direct: {backend: openai, "
                                      f"base_url: \"{provider_server.openai_url}\", model: gpt-test, batch: false}}")
    # max_tokens 17: not the request the first step cached
    config.write_text(text.replace("output: {report: false}", "  - {step: generate, model: direct, "
                                   "output_field: second, max_tokens: 17}\noutput: {report: false}"))
    plan = orjson.loads(run_cli("plan", str(config), "--json").stdout)
    assert [row["batched"] for row in plan["calls"]] == [True, False]
    result = run_cli("run", str(config), "--no-progress", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(provider_server.sent) == 5 and provider_server.direct_calls == 5
