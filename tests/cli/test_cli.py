"""The command line as a user meets it: clear errors for bad input, the bundled model end to end."""

from __future__ import annotations

import orjson
import pytest
import yaml

from benchmarks.llama_server import free_port
from tests.conftest import run_cli


def assert_one_clear_error(result, *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ")
    for needle in needles:
        assert needle in result.stderr, result.stderr


def test_missing_config_file(tmp_path):
    assert_one_clear_error(run_cli("run", str(tmp_path / "nope.yaml"), cwd=tmp_path),
                           "config file not found", "nope.yaml")


def test_unknown_backend_names_the_field(tmp_path):
    config = tmp_path / "bad.yaml"
    config.write_text(yaml.safe_dump({"run_dir": "r", "model": {"backend": "telepathy"},
                                      "input": {"path": "in.jsonl"}, "pipeline": [{"step": "generate"}]}))
    assert_one_clear_error(run_cli("run", str(config), cwd=tmp_path), "bad.yaml: model", "telepathy",
                           "llamacpp", "openai")


def test_wrong_value_and_misspelt_key_name_their_fields(tmp_path):
    config = tmp_path / "bad.yaml"
    config.write_text(yaml.safe_dump({"run_dir": "r", "input": {"path": "in.jsonl"},
                                      "engine": {"concurency": 4},
                                      "pipeline": [{"step": "generate", "temperature": "hot"}]}))
    assert_one_clear_error(run_cli("run", str(config), cwd=tmp_path),
                           "pipeline.0.generate.temperature", "engine.concurency: Extra inputs")


def test_unreachable_base_url(tmp_path):
    prompts = tmp_path / "p.jsonl"
    prompts.write_text('{"prompt": "hi"}\n')
    url = f"http://127.0.0.1:{free_port()}/v1"
    result = run_cli("generate", str(prompts), "--out", str(tmp_path / "o.jsonl"), "--base-url", url,
                     "--model", "m", "--no-progress", cwd=tmp_path)
    assert_one_clear_error(result, "cannot reach the model server", url)


@pytest.mark.parametrize("content, needle", [
    ('{"prompt": "fine"}\n{"prompt": oops}\n', "p.jsonl:2: not valid JSON"),
    ('{"prompt": "fine"}\n{"text": "no prompt"}\n', 'p.jsonl:2: needs a "prompt" string'),
    ("", "input file is empty"),
])
def test_malformed_prompts_file(tmp_path, content, needle):
    prompts = tmp_path / "p.jsonl"
    prompts.write_text(content)
    result = run_cli("generate", str(prompts), "--out", str(tmp_path / "o.jsonl"), "--no-progress",
                     cwd=tmp_path)
    assert_one_clear_error(result, needle)


def test_generate_against_real_server_rerun_is_served_from_cache(llama_server, tmp_path):
    prompts = tmp_path / "p.jsonl"
    prompts.write_text('{"prompt": "Name a fruit."}\n{"messages": [{"role": "user", "content": "Say hi."}]}\n')
    args = ["generate", str(prompts), "--out", str(tmp_path / "o.jsonl"), "--base-url", llama_server,
            "--model", "smollm2", "--max-tokens", "12", "--seed", "3", "--no-progress"]
    first = run_cli(*args, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    lines = [orjson.loads(line) for line in (tmp_path / "o.jsonl").read_bytes().splitlines()]
    assert [line["index"] for line in lines] == [0, 1]
    assert all(line["completion"] and not line["cached"] for line in lines)
    second = run_cli(*args, cwd=tmp_path)
    assert second.returncode == 0 and "0 calls" in second.stderr and "2 cache hits" in second.stderr
    again = [orjson.loads(line) for line in (tmp_path / "o.jsonl").read_bytes().splitlines()]
    assert [a["completion"] for a in again] == [line["completion"] for line in lines]
    assert all(a["cached"] for a in again)


def test_models_checks_the_bundled_model_and_a_server(llama_server, tmp_path):
    result = run_cli("models", "--base-url", llama_server, "--model", "smollm2", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok  llamacpp" in result.stdout and "ok  openai" in result.stdout


def test_run_on_the_bundled_model_in_process(tmp_path):
    inputs = tmp_path / "in.jsonl"
    inputs.write_text('{"instruction": "Name a planet."}\n'
                      '{"instruction": "Translate to French:", "input": "good morning"}\n')
    config = tmp_path / "run.yaml"
    config.write_text(yaml.safe_dump({"run_dir": "run", "input": {"path": "in.jsonl"},
                                      "pipeline": [{"step": "generate", "max_tokens": 16, "seed": 1}]}))
    result = run_cli("run", str(config), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    records = [orjson.loads(x) for x in (tmp_path / "run" / "output.jsonl").read_bytes().splitlines()]
    assert len(records) == 2 and all(r["fields"]["output"] for r in records)
    assert {r["lineage"]["model"] for r in records} == {"smollm2-135m-instruct"}
    assert all(r["lineage"]["template"] == "answer" and r["lineage"]["parents"] for r in records)
    metrics = orjson.loads((tmp_path / "run" / "metrics.json").read_bytes())
    assert metrics["status"] == "complete" and metrics["totals"]["succeeded_calls"] == 2
    assert (tmp_path / "run" / "output.parquet").exists()
    assert "model:" in (tmp_path / "run" / "config.yaml").read_text()


def test_a_malformed_seed_file_is_reported_before_any_run_starts(tmp_path):
    (tmp_path / "seeds.jsonl").write_text('{"instruction": "Name a fruit.", "instances": [], '
                                          '"is_classification": false}\n')
    config = tmp_path / "si.yaml"
    config.write_text(yaml.safe_dump({"run_dir": "r", "pipeline": [{"step": "self_instruct", "seeds": "seeds.jsonl"}]}))
    assert_one_clear_error(run_cli("run", str(config), cwd=tmp_path), "seeds.jsonl:1: \"instances\" must be")
    assert not (tmp_path / "r").exists()  # nothing to clean up: fix the file and run the same command


def test_seed_tasks_given_as_input_are_refused_with_the_field_to_use(tmp_path):
    (tmp_path / "mine.jsonl").write_text('{"instruction": "Name a fruit.", "input": "", "output": "Apple"}\n')
    config = tmp_path / "si.yaml"
    config.write_text(yaml.safe_dump({"run_dir": "r", "input": {"path": "mine.jsonl"},
                                      "pipeline": [{"step": "self_instruct"}]}))
    assert_one_clear_error(run_cli("run", str(config), cwd=tmp_path), "pipeline.0.seeds: self_instruct takes")
    assert not (tmp_path / "r").exists()
