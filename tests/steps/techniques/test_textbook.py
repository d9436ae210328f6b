"""Textbook-quality generation to spec: parsing, the combination grid, lineage on a real run."""

from __future__ import annotations

import orjson
import pytest
import yaml
from pydantic import ValidationError

from synthloom.config import RunConfig
from synthloom.steps.techniques.textbook import combinations, parse_exercises
from tests.conftest import run_cli


def test_exercises_are_parsed_with_solution_and_answer_apart():
    text = ("Friction is a force that resists sliding.\n\nExercise 1: A box needs 20 N to slide. What is the "
            "friction?\nSolution: At the point of sliding, the push equals friction.\nAnswer: 20 N\n"
            "Exercise 2: Why do tyres have treads?\nSolution: Treads channel water away to keep contact.")
    explanation, exercises = parse_exercises(text)
    assert explanation == "Friction is a force that resists sliding."
    assert [e["answer"] for e in exercises] == ["20 N", ""]
    assert exercises[1]["solution"].startswith("Treads channel water")


def test_the_grid_covers_every_combination_or_a_seeded_sample_of_it():
    grid = combinations(["t1", "t2"], ["a1", "a2"], ["s1"], ["easy", "hard"], None, 0)
    assert len(grid) == 8 and len(set(grid)) == 8
    sample = combinations(["t1", "t2"], ["a1", "a2"], ["s1"], ["easy", "hard"], 3, 7)
    assert len(sample) == 3 and set(sample) <= set(grid)
    assert sample == combinations(["t1", "t2"], ["a1", "a2"], ["s1"], ["easy", "hard"], 3, 7)


def test_a_subject_or_topics_is_required():
    with pytest.raises(ValidationError, match="give a `subject`"):
        RunConfig.model_validate({"run_dir": "r", "pipeline": [{"step": "textbook"}]})


def test_sections_on_the_bundled_model_carry_their_spec(tmp_path):
    config = tmp_path / "textbook.yaml"
    config.write_text(yaml.safe_dump({"run_dir": "r", "pipeline": [{
        "step": "textbook", "topics": ["levers", "buoyancy"], "audiences": ["a child"],
        "styles": ["a short story"], "difficulties": ["introductory", "advanced"], "max_items": 3,
        "max_tokens": 60, "exercises": 1}]}))
    result = run_cli("run", str(config), "--no-progress", cwd=tmp_path, timeout=600)
    assert result.returncode == 0, result.stderr
    records = [orjson.loads(x) for x in (tmp_path / "r" / "output.jsonl").read_bytes().splitlines()]
    assert len(records) == 3
    specs = {(r["fields"]["topic"], r["fields"]["difficulty"]) for r in records}
    assert len(specs) == 3 and specs <= {(t, d) for t in ("levers", "buoyancy") for d in ("introductory", "advanced")}
    for record in records:
        lineage = record["lineage"]
        assert lineage["technique"] == "textbook" and lineage["template"] == "textbook_section"
        assert {k: record["fields"][k] for k in ("topic", "audience", "style", "difficulty")} == lineage["params"]
        assert record["fields"]["explanation"]
