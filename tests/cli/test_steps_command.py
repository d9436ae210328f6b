"""`synthloom steps [KIND]`: the step kinds and their settings, read from the configs themselves."""

from __future__ import annotations

from typer.testing import CliRunner

from synthloom.cli.app import app
from synthloom.steps.registry import step_classes


def test_every_kind_is_listed_with_its_kind_of_step():
    result = CliRunner().invoke(app, ["steps"])
    assert result.exit_code == 0
    listed = {line.split(" ")[0]: line for line in result.output.splitlines()}
    assert set(listed) == set(step_classes())
    assert listed["dedup"].startswith("dedup (pool step): Exact and near-duplicate removal")
    assert listed["python"].startswith("python (record step)")


def test_one_kind_shows_each_setting_with_type_default_bounds_and_help():
    result = CliRunner().invoke(app, ["steps", "dedup"])
    assert result.exit_code == 0
    assert "  threshold: float = 0.7 [> 0, <= 1]  estimated Jaccard similarity of word shingles" in result.output
    assert "  fields: list[str] | None = None  the record fields compared" in result.output
    bad = CliRunner().invoke(app, ["steps", "dedupe"])
    assert bad.exit_code == 2 and "no step kind 'dedupe' (known: " in bad.output
