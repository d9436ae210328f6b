"""docs/configuration.md is generated from the step configs, and the committed page is current."""

from __future__ import annotations

from pathlib import Path

from synthloom.cli.config_reference import reference_markdown
from tests.conftest import run_cli

PAGE = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def test_the_committed_configuration_reference_is_current():
    assert PAGE.read_text() == reference_markdown(), (
        "docs/configuration.md is out of date: run `python scripts/gen_config_docs.py` and commit it")


def test_the_reference_holds_every_built_in_step_and_its_settings_from_the_config():
    from synthloom.steps.guards.dedup import DedupStepConfig
    from synthloom.steps.registry import BUILTIN_STEPS

    page = reference_markdown()
    assert page.count("\n## ") - page.count("\n## Section: ") == len(BUILTIN_STEPS)
    threshold = DedupStepConfig.model_fields["threshold"]
    assert f"| `threshold` | float | `{threshold.default!r}` | > 0, <= 1 | {threshold.description} |" in page
    assert "## Section: VerifierConfig" in page and "| `function` |" in page  # nested sections too
    printed = run_cli("steps", "--markdown")
    assert printed.returncode == 0 and printed.stdout == page
