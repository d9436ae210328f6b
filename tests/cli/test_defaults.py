"""Every guard default has one source (guards/settings.py): the run config, the guard command and the
settings the algorithms take agree, so a run and the command line treat the same data alike."""

from __future__ import annotations

import pytest
from typer.main import get_command

from synthloom.cli.app import app
from synthloom.guards.settings import COVERAGE, DECONTAM, DEDUP, DIVERSITY
from synthloom.steps.guards.coverage import CoverageStepConfig
from synthloom.steps.guards.decontaminate import DecontaminateStepConfig
from synthloom.steps.guards.dedup import DedupStepConfig
from synthloom.steps.guards.diversity import DiversityStepConfig

SHARED = [
    ("dedup", DedupStepConfig, DEDUP, ["threshold", "shingle_size", "num_perm"]),
    ("decontaminate", DecontaminateStepConfig, DECONTAM,
     ["n", "min_n", "top_k", "similarity_threshold", "judge_threshold"]),
    ("diversity", DiversityStepConfig, DIVERSITY, ["sample", "rouge_sample"]),
    ("coverage", CoverageStepConfig, COVERAGE, ["clusters", "min_count", "min_share"]),
]


@pytest.mark.parametrize(("command", "config", "settings", "names"), SHARED, ids=[s[0] for s in SHARED])
def test_the_config_the_command_and_the_settings_share_each_default(command, config, settings, names):
    options = {p.name: p.default for p in get_command(app).get_command(None, command).params}
    for name in names:
        assert config.model_fields[name].default == getattr(settings, name) == options[name], name


def test_generate_and_a_run_config_share_the_engine_and_sampling_defaults():
    from synthloom.engine.config import EngineConfig
    from synthloom.engine.engine import EngineSettings
    from synthloom.models.base import ChatRequest
    from synthloom.steps.generate import GenerateStepConfig

    options = {p.name: p.default for p in get_command(app).commands["generate"].params}
    for name in ("concurrency", "timeout"):
        assert EngineConfig.model_fields[name].default == getattr(EngineSettings, name) == options[name], name
    for name in ("temperature", "top_p", "max_tokens"):
        assert GenerateStepConfig.model_fields[name].default == getattr(ChatRequest, name) == options[name], name


DECLARED = [
    ("dedup", DedupStepConfig, ["threshold", "shingle_size", "num_perm", "exact", "near"]),
    ("decontaminate", DecontaminateStepConfig, ["n", "min_n", "top_k", "similarity_threshold", "judge_threshold",
                                                "semantic"]),
    ("diversity", DiversityStepConfig, ["sample", "rouge_sample", "embeddings"]),
    ("coverage", CoverageStepConfig, ["clusters", "min_count", "min_share"]),
]


@pytest.mark.parametrize(("command", "config", "names"), DECLARED, ids=[s[0] for s in DECLARED])
def test_the_config_and_the_command_take_help_and_bounds_from_the_one_declaration(command, config, names):
    import annotated_types

    from synthloom.guards.settings import declared

    settings_class = {"dedup": DEDUP, "decontaminate": DECONTAM, "diversity": DIVERSITY,
                      "coverage": COVERAGE}[command].__class__
    params = {p.name: p for p in get_command(app).get_command(None, command).params}
    for name in names:
        found = declared(settings_class, name)
        field = config.model_fields[name]
        assert found.help and field.description == found.help == params[name].help, name
        bounds = {type(m).__name__.lower(): getattr(m, type(m).__name__.lower()) for m in field.metadata
                  if isinstance(m, annotated_types.Ge | annotated_types.Gt | annotated_types.Le | annotated_types.Lt)}
        assert bounds == found.bounds, name


def test_the_algorithms_settings_are_taken_from_the_config_by_name():
    from synthloom.guards.settings import DedupSettings, settings_of

    config = DedupStepConfig(step="dedup", threshold=0.9, shingle_size=5, near=False)
    settings = settings_of(config, DedupSettings, workers=3)
    assert (settings.threshold, settings.shingle_size, settings.near, settings.workers) == (0.9, 5, False, 3)
    assert settings.num_perm == DEDUP.num_perm


def test_an_exclusive_bound_is_checked_on_the_command_line_as_in_a_config(tmp_path):
    from typer.testing import CliRunner

    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"prompt": "a", "response": "b"}\n')
    result = CliRunner().invoke(app, ["dedup", str(rows), "-o", str(tmp_path / "out.jsonl"), "--threshold", "0"])
    assert result.exit_code == 2 and "0.0 is not greater than 0" in result.output


def test_the_top_level_help_lists_the_guard_commands_without_loading_them():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "synthloom.cli", "--help"], capture_output=True,
                          text=True, env={**__import__("os").environ, "COLUMNS": "200"})
    assert done.returncode == 0
    for name in ("dedup", "decontaminate", "diversity", "coverage"):
        assert f" {name} " in done.stdout
    assert "Remove exact and near duplicates, keeping the first of each group." in done.stdout
    loaded = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert not {"pydantic", "numpy", "synthloom.cli.guard_commands", "synthloom.steps.guards.dedup"} & loaded
