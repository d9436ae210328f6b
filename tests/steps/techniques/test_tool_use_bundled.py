"""`tool_use` on the bundled SmolLM2-135M-Instruct in process (prompted mode), run as a user runs it:
the command finishes, every query is kept or dropped with a reason from the step's list, and what is
kept is a well-formed trajectory that passed its check. (A 135M model rarely gets a call right; this
shows the run holds up against what a real small model writes, not that it writes good data.)"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_cli

EXAMPLES = Path(__file__).parents[3] / "examples"
REASONS = {"truncated", "empty_answer", "no_tool_call", "too_many_calls", "repeated_call", "turn_limit",
           "model_call_failed", "malformed_call", "unknown_tool", "arguments_not_json", "arguments_not_object",
           "arguments_too_large", "schema_invalid", "execution_error", "execution_timeout", "execution_broken",
           "semantics_failed", "check_failed", "unchecked"}


@pytest.mark.slow
def test_the_example_on_the_bundled_model_accounts_for_every_query(tmp_path):
    queries = (EXAMPLES / "tool_use_queries.jsonl").read_text().splitlines()[:2]
    (tmp_path / "queries.jsonl").write_text("\n".join(queries) + "\n")
    shutil.copy(EXAMPLES / "tool_use_checks.py", tmp_path)
    config = yaml.safe_load((EXAMPLES / "tool_use.yaml").read_text())
    config["run_dir"] = "run"
    config["input"]["path"] = "queries.jsonl"
    config["pipeline"][0].update(tool_names=["calculate"], max_turns=2, max_tokens=64)
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(config))
    result = run_cli("run", "config.yaml", cwd=tmp_path, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    run = tmp_path / "run"
    kept = [json.loads(line) for line in (run / "output.jsonl").read_text().splitlines()]
    removed = [json.loads(line) for line in (run / "removed.jsonl").read_text().splitlines()]
    assert len(kept) + len(removed) == 2
    assert {r["meta"]["tool_use"]["removed"] for r in removed} <= REASONS
    exported = [json.loads(line) for line in (run / "tools.jsonl").read_text().splitlines()]
    assert len(exported) == len(kept)
    for row in exported:
        calls = [c["id"] for m in row["messages"] if m.get("tool_calls") for c in m["tool_calls"]]
        answered = [m["tool_call_id"] for m in row["messages"] if m["role"] == "tool"]
        assert calls and calls == answered and row["messages"][-1]["role"] == "assistant"
    summary = (run / "summary.md").read_text()
    assert "tool_use" in summary and "queries" in summary
