"""A third-party backend registered through the `synthloom.backends` entry point, as an installed package
would register it: a run config names it by its kind, and the run uses it through the same engine."""

from __future__ import annotations

import os

import orjson
import yaml

from tests.conftest import run_cli

PLUGIN = '''
from synthloom.models.base import Choice, Completion, Usage
from synthloom.models.config import BackendConfig


class ReverseBackend:
    native_n = False
    max_parallel = None

    def __init__(self, suffix):
        self.suffix, self.identity, self.model_name = suffix, "reverse:" + suffix, "reverse"

    async def generate(self, request):
        text = request.messages[-1]["content"][::-1] + self.suffix
        return Completion([Choice(text, "stop")], Usage(1, 1), "reverse")

    async def check(self):
        return "reverse"

    async def preflight(self):
        return None

    async def close(self):
        return None


class ReverseConfig(BackendConfig):  # no Literal: the entry point's name is the kind
    suffix: str = "!"

    def build(self, max_connections):
        return ReverseBackend(self.suffix)
'''


def install(site, entry: str) -> dict:
    site.mkdir()
    (site / "synthloom_reverse.py").write_text(PLUGIN)
    info = site / "synthloom_reverse-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: synthloom-reverse\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text(f"[synthloom.backends]\n{entry}\n")
    # beside the path this test runs with (a checkout's src/ when it is not the installed one)
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))}


def write_config(folder, model: dict):
    (folder / "in.jsonl").write_bytes(b"".join(orjson.dumps({"instruction": t}) + b"\n" for t in ("abc", "xyz")))
    (folder / "echo.jinja").write_text("{{ instruction }}")
    config = folder / "run.yaml"
    config.write_text(yaml.safe_dump({"run_dir": "run", "input": {"path": "in.jsonl"}, "model": model,
                                      "pipeline": [{"step": "generate", "template": "echo.jinja",
                                                    "output_field": "response"}],
                                      "output": {"report": False, "parquet": False}}))
    return config


def test_a_backend_plugin_is_named_by_its_kind_and_runs_through_the_engine(tmp_path):
    env = install(tmp_path / "site", "reverse = synthloom_reverse:ReverseConfig")
    config = write_config(tmp_path, {"backend": "reverse", "suffix": "?"})
    result = run_cli("run", str(config), "--no-progress", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    rows = [orjson.loads(line) for line in (tmp_path / "run" / "output.jsonl").read_bytes().splitlines()]
    assert [r["fields"]["response"] for r in rows] == ["cba?", "zyx?"]
    metrics = orjson.loads((tmp_path / "run" / "metrics.json").read_bytes())
    assert metrics["totals"]["succeeded_calls"] == 2  # the engine's accounting, as for any backend
    # Its config checks itself like a built-in's: a wrong key names the field.
    bad = run_cli("run", str(write_config(tmp_path, {"backend": "reverse", "sufix": "?"})), cwd=tmp_path, env=env)
    assert bad.returncode == 2 and "model.reverse.sufix" in bad.stderr


def test_a_backend_plugin_that_is_no_backend_config_is_one_clear_error(tmp_path):
    env = install(tmp_path / "site", "reverse = synthloom_reverse:ReverseBackend")
    result = run_cli("run", str(write_config(tmp_path, {"backend": "reverse"})), cwd=tmp_path, env=env)
    assert result.returncode == 2 and "is not a synthloom BackendConfig subclass" in result.stderr
    assert "Traceback" not in result.stderr
