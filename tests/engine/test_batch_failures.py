"""Batch mode when the provider's answer is not the happy one, against the stand-in server (its answers
checked against the SDKs' types): a batch refused for a passing reason, batches over the size limits,
error lines that are not ASCII, results that are gone or unreadable, polls that keep failing, a lost
submission behind more than a page of other batches, another run's batch of the same size, an unknown
batch id, account errors inside a batch. Nothing hangs, nothing is downloaded in a loop, nothing is
sent twice."""

from __future__ import annotations

import asyncio
import sqlite3
import time

import orjson
import pytest

from synthloom.engine import batching
from synthloom.engine.engine import GenerationFailed
from synthloom.models.base import ChatRequest, EndpointUnreachable
from synthloom.models.openai_batch import OpenAIBatches
from tests.engine.test_batches import _ask, _batch_engine

BOTH = ["openai", "anthropic"]
pytestmark = pytest.mark.timeout(120)  # a batch that loops forever fails here instead of hanging the suite


def _ledger_rows(tmp_path) -> list[tuple]:
    with sqlite3.connect(tmp_path / "batches.sqlite") as db:
        return db.execute("SELECT batch_id, status, finished IS NOT NULL FROM batches ORDER BY submitted").fetchall()


def _answered(outcomes, prompts) -> bool:
    return [o[0].choice.text for o in outcomes] == [f"echo: {p}" for p in prompts]


def test_a_batch_failed_for_the_enqueued_token_limit_is_sent_again_later(provider_server, tmp_path, monkeypatch):
    monkeypatch.setattr(batching, "BATCH_REQUEUE_S", 0.01, raising=False)
    provider_server.fail_next = "token_limit_exceeded"
    engine, ledger = _batch_engine(provider_server, "openai", tmp_path)
    prompts = [f"q{i}" for i in range(6)]
    assert _answered(_ask(engine, prompts), prompts)
    assert len(provider_server.batches) == 2 and set(provider_server.sent.values()) == {2}
    assert engine.metrics.errors["batch_deferred"] == 6
    ledger.close()


@pytest.mark.parametrize("provider", BOTH)
def test_batches_stay_under_the_byte_limit(provider_server, tmp_path, provider):
    engine, ledger = _batch_engine(provider_server, provider, tmp_path)
    assert engine.batches is not None
    engine.batches.max_bytes = 2_000
    prompts = [f"question {i}: " + "many words " * 20 for i in range(40)]
    assert _answered(_ask(engine, prompts), prompts)
    assert len(provider_server.batches) >= 7 and set(provider_server.sent.values()) == {1}
    for batch in provider_server.batches.values():  # each line as sent: its JSON and a newline (or comma)
        assert sum(len(orjson.dumps(line)) + 1 for line in batch.lines) <= 2_000
    ledger.close()


@pytest.mark.parametrize("provider", BOTH)
def test_a_batch_refused_as_too_large_goes_again_in_smaller_ones(provider_server, tmp_path, provider):
    provider_server.max_upload_bytes = 9_000
    engine, ledger = _batch_engine(provider_server, provider, tmp_path)
    prompts = [f"question {i}: " + "many words " * 20 for i in range(60)]  # about 18 KB in one batch
    assert _answered(_ask(engine, prompts), prompts)
    assert len(provider_server.batches) >= 3 and set(provider_server.sent.values()) == {1}
    assert engine.metrics.errors["batch_too_large"] >= 60  # every line of each refused batch, once or twice
    ledger.close()


def test_an_error_line_with_non_ascii_text_is_read_whole_characters():
    body = {"error": {"message": "é" * 400, "type": "server_error"}}  # byte 300 falls inside an é
    error = OpenAIBatches._line({"custom_id": "k", "error": None, "response": {"status_code": 500, "body": body}})
    assert not isinstance(error, type(None)) and error.retryable and "éé" in str(error)  # type: ignore[union-attr]


@pytest.mark.parametrize("provider", BOTH)
def test_results_that_are_gone_stop_the_run_after_one_download(provider_server, tmp_path, provider):
    provider_server.results_gone = True
    engine, ledger = _batch_engine(provider_server, provider, tmp_path)
    outcomes = _ask(engine, [f"q{i}" for i in range(5)])
    assert all(isinstance(o, EndpointUnreachable) for o in outcomes)
    assert "gone" in str(outcomes[0]) and "sends them again" in str(outcomes[0])
    assert provider_server.downloads == 1
    [(batch_id, status, finished)] = _ledger_rows(tmp_path)
    assert (status, finished) == ("results_gone", 1)
    ledger.close()


@pytest.mark.parametrize("provider", BOTH)
@pytest.mark.parametrize("broken", ["broken_results", "broken_polls"])
def test_a_batch_that_cannot_be_read_gives_up_in_bounded_time_and_a_rerun_picks_it_up(
        provider_server, tmp_path, provider, broken):
    setattr(provider_server, broken, -1)
    engine, ledger = _batch_engine(provider_server, provider, tmp_path, stuck_s=0.4)
    prompts = [f"q{i}" for i in range(5)]
    outcomes = _ask(engine, prompts)
    assert all(isinstance(o, EndpointUnreachable) for o in outcomes), outcomes
    assert "batch_stuck_s" in str(outcomes[0]) and "--resume" in str(outcomes[0])
    # Asked again less and less often: a handful of reads in 0.4 s of 0.02 s polls, not one a poll.
    reads = provider_server.downloads if broken == "broken_results" else provider_server.state_reads
    assert 2 <= reads <= 8
    [(batch_id, _, finished)] = _ledger_rows(tmp_path)
    assert finished == 0  # still open: the next session polls it again
    ledger.close()
    setattr(provider_server, broken, 0)
    engine, ledger = _batch_engine(provider_server, provider, tmp_path)
    assert _answered(_ask(engine, prompts), prompts)
    assert len(provider_server.batches) == 1 and set(provider_server.sent.values()) == {1}
    ledger.close()


def _lost_submission(server, provider: str, tmp_path, prompts: list[str], *, submit: bool = True) -> None:
    """A session killed after sending a batch but before recording its id."""
    engine, ledger = _batch_engine(server, provider, tmp_path)
    requests = [ChatRequest.build([{"role": "user", "content": p}]) for p in prompts]
    keys = [engine._key(r, 0) for r in requests]
    ledger.begin("token-1", f"{engine.backend.identity}|{engine.backend.model_name}", keys)
    if submit:
        assert engine.batches is not None
        asyncio.run(engine.batches.api.submit(list(zip(keys, requests, strict=True)), "token-1"))
    ledger.close()


@pytest.mark.parametrize("provider, others, later_s", [
    ("openai", 150, 5),  # more than a page (100) of newer batches
    ("anthropic", 1_001, 3_600),  # more than a page (1,000) of newer batches of the same size
])
def test_a_lost_submission_is_found_behind_a_page_of_newer_batches(provider_server, tmp_path, provider, others,
                                                                    later_s):
    prompts = [f"lost {i}" for i in range(3)]
    _lost_submission(provider_server, provider, tmp_path, prompts)
    provider_server.foreign_batches(provider, others, 3, created=time.time() + later_s)  # listed before ours
    engine, ledger = _batch_engine(provider_server, provider, tmp_path)
    assert _answered(_ask(engine, prompts), prompts)
    assert set(provider_server.sent.values()) == {1} and provider_server.list_pages[provider] == 2
    ledger.close()


def test_another_runs_anthropic_batch_of_the_same_size_is_not_adopted(provider_server, tmp_path):
    prompts = [f"never sent {i}" for i in range(3)]
    _lost_submission(provider_server, "anthropic", tmp_path, prompts, submit=False)  # killed before the POST
    provider_server.foreign_batches("anthropic", 1, 3, created=time.time() + 1)  # same size, same minute
    [foreign] = provider_server.batches
    engine, ledger = _batch_engine(provider_server, "anthropic", tmp_path)
    assert _answered(_ask(engine, prompts), prompts)
    assert foreign not in [row[0] for row in _ledger_rows(tmp_path)]
    assert set(provider_server.sent.values()) == {1}  # ours once, in a batch of our own
    ledger.close()


def test_an_unknown_anthropic_batch_id_is_named_as_such_and_kept(provider_server, tmp_path):
    engine, ledger = _batch_engine(provider_server, "anthropic", tmp_path)
    key = engine._key(ChatRequest.build([{"role": "user", "content": "q"}]), 0)
    ledger.begin("token-1", f"{engine.backend.identity}|{engine.backend.model_name}", [key])
    ledger.submitted("token-1", "msgbatch_from_another_workspace")
    [outcome] = _ask(engine, ["q"])
    assert isinstance(outcome, EndpointUnreachable)
    assert "does not know this batch" in str(outcome) and "model" not in str(outcome).split(";")[0]
    assert not provider_server.sent and _ledger_rows(tmp_path)[0][2] == 0
    ledger.close()


@pytest.mark.parametrize("error_type, stops, sends", [
    ("billing_error", True, 1), ("permission_error", True, 1), ("authentication_error", True, 1),
    ("not_found_error", True, 1), ("invalid_request_error", False, 1), ("overloaded_error", False, 3),
])
def test_errors_inside_an_anthropic_batch_are_retried_only_when_worth_it(provider_server, tmp_path, error_type,
                                                                          stops, sends):
    engine, ledger = _batch_engine(provider_server, "anthropic", tmp_path)
    [outcome] = _ask(engine, [f"lineerr:{error_type} here"])
    assert isinstance(outcome, EndpointUnreachable if stops else GenerationFailed)
    assert error_type in str(outcome)
    assert list(provider_server.sent.values()) == [sends]
    ledger.close()
