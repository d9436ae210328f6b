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
    options = {p.name: p.default for p in get_command(app).commands[command].params}
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
