"""A server no call can succeed against never hangs a command, however many prompts there are.

Each case runs `synthloom generate` and `synthloom run` as real processes with 1,500 prompts: more than
generate's reorder window (1,024 lines), `run`'s records in flight (2 x concurrency) and the engine's
concurrency. A fatal case ends with one clear message; a per-request failure (a Retry-After longer than
the engine waits) ends every prompt as a recorded failure. `timeout=` turns a hang into a test failure.
"""

from __future__ import annotations

import socket

import orjson
import pytest
import yaml

from synthloom.cli.generate_command import REORDER_WINDOW
from synthloom.engine.defaults import CONCURRENCY
from tests.conftest import run_cli

PROMPTS = 1500
assert PROMPTS > REORDER_WINDOW


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"  # nothing listens there once the socket is closed


def setup(fault_server, case: str) -> tuple[str, str, str]:
    """(base_url, model, prompt prefix) for the case; the fault server set to misbehave."""
    if case == "401":
        fault_server.mode = "401"
    elif case == "html":
        fault_server.mode = "html"
    elif case == "retry_after_too_long":
        fault_server.retry_after = 3600
        return fault_server.url, "fault-model", "fault:429x1 "
    if case == "unreachable":
        return closed_port_url(), "fault-model", ""
    return fault_server.url, "gpt-99" if case == "unlisted_model" else "fault-model", ""


FATAL = {"401": "refused the API key", "html": "HTML page", "unlisted_model": "'gpt-99' is not served",
         "unreachable": "127.0.0.1"}
CASES = [*FATAL, "retry_after_too_long"]


def ended_with_one_message(result, case: str) -> bool:
    """For a fatal case, asserts the one clear message and says True; else False (per-request failures)."""
    assert "Traceback" not in result.stderr
    if case not in FATAL:
        assert result.returncode == 1, result.stderr[-500:]
        return False
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and FATAL[case] in result.stderr, result.stderr
    return True


@pytest.mark.parametrize("case", CASES)
def test_generate_ends_with_one_message(fault_server, tmp_path, case):
    url, model, prefix = setup(fault_server, case)
    prompts = tmp_path / "prompts.jsonl"
    prompts.write_bytes(b"".join(orjson.dumps({"prompt": f"{prefix}question {i}"}) + b"\n" for i in range(PROMPTS)))
    out = tmp_path / "out.jsonl"
    result = run_cli("generate", str(prompts), "--out", str(out), "--base-url", url, "--model", model,
                     "--no-progress", "--timeout", "2", env={"SYNTHLOOM_API_KEY": "sk-test"}, timeout=180)
    if ended_with_one_message(result, case):
        assert not out.exists()  # no output file that looks finished
    else:
        lines = [orjson.loads(line) for line in out.read_bytes().splitlines()]
        assert [row["index"] for row in lines] == list(range(PROMPTS))
        assert all(row["completion"] is None and "Retry-After" in row["error"] for row in lines)


@pytest.mark.parametrize("case", CASES)
def test_run_ends_with_one_message(fault_server, tmp_path, case):
    url, model, prefix = setup(fault_server, case)
    inputs = tmp_path / "inputs.jsonl"
    inputs.write_bytes(b"".join(orjson.dumps({"instruction": f"{prefix}q{i}"}) + b"\n" for i in range(PROMPTS)))
    config = tmp_path / "run.yaml"
    config.write_text(yaml.safe_dump({
        "run_dir": str(tmp_path / "run"), "input": {"path": str(inputs)}, "pipeline": [{"step": "generate"}],
        "model": {"backend": "openai", "base_url": url, "model": model},
        "engine": {"concurrency": 8, "timeout": 2, "backoff_base": 0.01, "backoff_max": 0.05, "max_attempts": 2}}))
    result = run_cli("run", str(config), "--no-progress", env={"SYNTHLOOM_API_KEY": "sk-test"}, timeout=180)
    if not ended_with_one_message(result, case):
        failures = (tmp_path / "run" / "failures.jsonl").read_bytes().splitlines()
        assert len(failures) == PROMPTS


def test_a_template_no_record_can_render_stops_with_one_message(fault_server, tmp_path):
    template = tmp_path / "t.jinja"
    template.write_text("{{ question }}")
    inputs = tmp_path / "inputs.jsonl"
    inputs.write_bytes(b"".join(orjson.dumps({"instruction": f"q{i}"}) + b"\n" for i in range(PROMPTS)))
    config = tmp_path / "run.yaml"
    config.write_text(yaml.safe_dump({
        "run_dir": str(tmp_path / "run"), "input": {"path": str(inputs)},
        "pipeline": [{"step": "generate", "template": str(template)}],
        "model": {"backend": "openai", "base_url": fault_server.url, "model": "fault-model"}}))
    result = run_cli("run", str(config), "--no-progress", timeout=180)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and "question" in result.stderr and "--resume" in result.stderr
    assert result.stderr.count("\n") <= 2
    assert not fault_server.log  # no model was asked anything


def test_a_template_only_some_records_lack_keeps_the_rest(fault_server, tmp_path):
    template = tmp_path / "t.jinja"
    template.write_text("{{ question }}")
    rows = [{"question": f"q{i}"} if i % 2 else {"instruction": f"q{i}"} for i in range(40)]
    inputs = tmp_path / "inputs.jsonl"
    inputs.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    config = tmp_path / "run.yaml"
    config.write_text(yaml.safe_dump({
        "run_dir": str(tmp_path / "run"), "input": {"path": str(inputs)},
        "pipeline": [{"step": "generate", "template": str(template)}],
        "model": {"backend": "openai", "base_url": fault_server.url, "model": "fault-model"}}))
    result = run_cli("run", str(config), "--no-progress", timeout=180)
    assert result.returncode == 1, result.stderr  # some records failed; the run finished
    written = (tmp_path / "run" / "output.jsonl").read_bytes().splitlines()
    failures = (tmp_path / "run" / "failures.jsonl").read_bytes().splitlines()
    assert len(written) == 20 and len(failures) == 20


def test_a_field_the_model_refuses_stops_a_run_with_the_key_to_change(provider_server, tmp_path):
    provider_server.refuse_fields = {"max_tokens"}
    inputs = tmp_path / "inputs.jsonl"
    inputs.write_bytes(b"".join(orjson.dumps({"instruction": f"q{i}"}) + b"\n" for i in range(PROMPTS)))
    config = tmp_path / "run.yaml"
    config.write_text(yaml.safe_dump({
        "run_dir": str(tmp_path / "run"), "input": {"path": str(inputs)}, "pipeline": [{"step": "generate"}],
        "model": {"backend": "openai", "base_url": provider_server.openai_url, "model": "gpt-test"}}))
    result = run_cli("run", str(config), "--no-progress", env={"SYNTHLOOM_API_KEY": "sk-test"}, timeout=180)
    assert result.returncode == 2, result.stderr[-500:]
    assert result.stderr.startswith("error: ") and "max_tokens_field: max_completion_tokens" in result.stderr
    # Stopped at once: only the calls already in flight (at most the concurrency) reached the server.
    assert "Traceback" not in result.stderr and provider_server.direct_calls <= CONCURRENCY


def test_a_batch_whose_results_are_gone_stops_generate_with_one_message(provider_server, tmp_path):
    provider_server.results_gone = True
    prompts = tmp_path / "prompts.jsonl"
    prompts.write_bytes(b"".join(orjson.dumps({"prompt": f"question {i}"}) + b"\n" for i in range(PROMPTS)))
    out = tmp_path / "out.jsonl"
    result = run_cli("generate", str(prompts), "--out", str(out), "--base-url", provider_server.openai_url,
                     "--model", "gpt-test", "--cache", str(tmp_path / "cache.sqlite"), "--batch",
                     "--batch-poll-s", "0.05", "--no-progress", env={"SYNTHLOOM_API_KEY": "sk-test"}, timeout=180)
    assert result.returncode == 2, result.stderr[-500:]
    assert result.stderr.startswith("error: ") and "gone" in result.stderr and "Traceback" not in result.stderr
    assert provider_server.downloads == 1 and set(provider_server.sent.values()) == {1}
