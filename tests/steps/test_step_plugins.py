"""A third-party step, registered through the `synthloom.steps` entry point as an installed package
would register it (examples/plugin), runs in a pipeline with its counters and report; a plugin that
claims a built-in step's kind is one clear error."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import orjson
import yaml

from tests.conftest import run_cli
from tests.paths import REPO

PLUGIN = REPO / "examples" / "plugin"


def install(site: Path, entry: str) -> dict:
    """What `pip install` leaves behind: the module and a dist-info folder naming the entry point."""
    site.mkdir()
    shutil.copy(PLUGIN / "synthloom_word_count.py", site)
    info = site / "synthloom_word_count-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: synthloom-word-count\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text(f"[synthloom.steps]\n{entry}\n")
    # beside the path this test runs with (a checkout's src/ when it is not the installed one)
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))}


def write_config(folder: Path, step: dict) -> Path:
    rows = [{"instruction": text} for text in ("Name three rivers in Europe.", "Hi.", "Explain why the sky is blue.")]
    (folder / "in.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    config = folder / "run.yaml"
    config.write_text(yaml.safe_dump({"run_dir": "run", "input": {"path": "in.jsonl"}, "pipeline": [step],
                                      "output": {"report": False, "parquet": False}}))
    return config


def test_a_plugin_step_runs_with_its_counts_and_report(tmp_path):
    env = install(tmp_path / "site", "word_count = synthloom_word_count:WordCountStep")
    config = write_config(tmp_path, {"step": "word_count", "min_words": 3})
    result = run_cli("run", str(config), "--no-progress", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    rows = [orjson.loads(line) for line in (tmp_path / "run" / "output.jsonl").read_bytes().splitlines()]
    assert [r["fields"]["words"] for r in rows] == [5, 6]
    step = orjson.loads((tmp_path / "run" / "metrics.json").read_bytes())["sessions"][-1]["metrics"][
        "pipeline"]["steps"]["word_count"]
    assert step["counters"] == {"counted": 2, "dropped_short": 1} and step["report"] == {"kept_share": 0.6667}
    # Its config checks itself like a built-in step's: a wrong setting names the field.
    bad = write_config(tmp_path, {"step": "word_count", "min_words": -1})
    result = run_cli("run", str(bad), "--no-progress", cwd=tmp_path, env=env)
    assert result.returncode == 2 and "pipeline.0.word_count.min_words" in result.stderr


def test_a_plugin_that_claims_a_built_in_kind_is_refused(tmp_path):
    site = tmp_path / "site"
    env = install(site, "dedup = synthloom_word_count:WordCountStep")
    module = site / "synthloom_word_count.py"
    module.write_text(module.read_text().replace('Literal["word_count"]', 'Literal["dedup"]'))
    result = run_cli("run", str(write_config(tmp_path, {"step": "dedup"})), "--no-progress", cwd=tmp_path, env=env)
    assert result.returncode == 2 and "reuses the step kind 'dedup'" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "run").exists()


def test_a_plugin_states_its_kind_once_and_plan_says_it_does_not_count_its_calls(tmp_path):
    site = tmp_path / "site"
    env = install(site, "words = synthloom_word_count:WordCountStep")  # the entry point's name is its kind
    module = site / "synthloom_word_count.py"
    module.write_text(module.read_text().replace('step: Literal["word_count"]', "step: str"))
    config = write_config(tmp_path, {"step": "words", "min_words": 3})
    result = run_cli("run", str(config), "--no-progress", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    rows = [orjson.loads(line) for line in (tmp_path / "run" / "output.jsonl").read_bytes().splitlines()]
    assert [r["fields"]["words"] for r in rows] == [5, 6]
    plan = run_cli("plan", str(config), cwd=tmp_path, env=env)
    assert plan.returncode == 0, plan.stderr
    assert "plan not declared: any model calls it makes are not counted" in plan.stdout


def test_a_plugin_whose_config_names_another_kind_is_refused(tmp_path):
    env = install(tmp_path / "site", "counter = synthloom_word_count:WordCountStep")
    result = run_cli("run", str(write_config(tmp_path, {"step": "counter"})), "--no-progress", cwd=tmp_path, env=env)
    assert result.returncode == 2 and "names the kind 'counter' but its config says step: 'word_count'" in result.stderr
