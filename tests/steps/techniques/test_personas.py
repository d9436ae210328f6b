"""Personas crossed with tasks (PersonaHub): the pool's sources, an even deal of personas over tasks, the
drops by reason, and coverage and diversity per persona in the step's report and in the guards'."""

from __future__ import annotations

from collections import Counter

import orjson
import pytest
import yaml

from synthloom.config import RunConfig
from synthloom.errors import UserError
from synthloom.report.run_view import RunView
from synthloom.report.sections import coverage_section, diversity_section
from synthloom.steps.techniques.personas import clean_request, deal, load_personas
from tests.conftest import run_cli
from tests.run.test_pipeline_scripted import run_pipeline
from tests.scripted_backend import ScriptedBackend

TASKS = [{"instruction": f"Write a short note about {topic}."} for topic in
         ("rain", "bread", "trains", "chess", "tea", "bees", "maps", "clocks", "salt", "kites", "ink", "moss")]
PERSONAS = ["a beekeeper in Wales", "a retired train driver", "a pastry chef in Lyon", "a chess coach",
            "a first-year nursing student"]


def test_the_pool_comes_built_in_or_from_a_text_file_or_a_table(tmp_path):
    builtin = load_personas("builtin")
    assert len(builtin) >= 40 and not any(p.startswith("#") for p in builtin)
    assert len(set(builtin)) == len(builtin)
    text = tmp_path / "p.txt"
    text.write_text("# my personas\na baker\n\na baker\na sailor\n")
    assert load_personas(text) == ["a baker", "a sailor"]
    table = tmp_path / "p.jsonl"
    table.write_bytes(b"".join(orjson.dumps({"who": p}) + b"\n" for p in PERSONAS))
    assert load_personas(table, "who") == PERSONAS
    with pytest.raises(UserError, match="no 'persona' column"):
        load_personas(table)
    (tmp_path / "empty.txt").write_text("# nothing\n")
    with pytest.raises(UserError, match="no personas"):
        load_personas(tmp_path / "empty.txt")
    with pytest.raises(UserError, match="not found"):
        load_personas(tmp_path / "missing.txt")


def test_personas_are_dealt_evenly_and_never_twice_to_one_task():
    ids = [f"t{i}" for i in range(12)]
    dealt = deal(ids, PERSONAS, per_task=3, seed=0)
    uses = Counter(p for personas in dealt.values() for p in personas)
    assert set(uses) == set(PERSONAS) and max(uses.values()) - min(uses.values()) <= 1  # 36 over 5: 7 or 8
    assert all(len(set(p)) == 3 for p in dealt.values())
    assert dealt == deal(list(reversed(ids)), PERSONAS, 3, 0)  # the order records arrive in does not matter
    assert dealt != deal(ids, PERSONAS, 3, 1)
    assert all(len(p) == 2 for p in deal(ids, PERSONAS[:2], 5, 0).values())  # never more than the pool


TOPIC_LINES = {"rain": "how do I keep my hives dry through a week of heavy rain", "bread": "which flour gives "
               "the crustiest loaf", "trains": "could you plan a scenic rail journey across the Alps",
               "chess": "teach me one opening a beginner can remember", "tea": "what pairs well with smoky "
               "lapsang souchong", "bees": "why are my bees so restless this spring", "maps": "explain how old "
               "sea charts measured depth", "clocks": "help me repair a grandfather clock that runs slow",
               "salt": "does sea salt change how caramel sets", "kites": "design a kite for a windy beach day",
               "ink": "recommend an ink that will not smudge on recipe cards", "moss": "get rid of moss "
               "growing between garden paving stones"}


def persona_reply(request) -> str:
    prompt = request.messages[-1]["content"]
    task = prompt.split("\n")[1]
    topic = task.removeprefix("Write a short note about ").rstrip(".")
    if "chess coach" in prompt:
        return task  # hands the task back unchanged
    if "nursing student" in prompt:
        if topic in ("rain", "bread"):
            return ""
        return f"Request: For my nursing course, {TOPIC_LINES[topic]} - and is it safe?"
    if "train driver" in prompt and topic == "tea":
        return "I'm here to help you with any questions about tea."  # out of the persona, into the assistant
    if "train driver" in prompt:
        return "Tell me a story about the old railway line I drove for forty years."  # the same every time
    if "beekeeper" in prompt:
        return f'"As a beekeeper, {TOPIC_LINES[topic]}?"'
    return f"For my little pastry shop in Lyon I really have to ask: {TOPIC_LINES[topic]}, please?"


async def test_each_task_becomes_requests_from_its_personas_with_drops_by_reason(tmp_path):
    (tmp_path / "p.txt").write_text("\n".join(PERSONAS))
    pipeline = [{"step": "personas", "personas": str(tmp_path / "p.txt"), "per_task": 2, "seed": 3}]
    summary, output, removed, _ = await run_pipeline(tmp_path, pipeline, ScriptedBackend(default=persona_reply),
                                                     rows=[*TASKS, {"other": "no task here"}])
    counters = summary.steps["personas"].counters
    dealt = Counter(r["meta"]["personas"]["persona"] for r in [*output, *removed] if "personas" in r["meta"]
                    and r["meta"]["personas"].get("persona"))
    assert sum(dealt.values()) == 24 and max(dealt.values()) - min(dealt.values()) <= 1
    assert counters["tasks"] == 12 and counters["dropped_no_task"] == 1
    chess, train = dealt["a chess coach"], dealt["a retired train driver"]
    assert counters["dropped_copy_of_task"] == chess
    voice = sum(1 for r in removed if r["meta"]["personas"].get("removed") == "assistant_voice")
    assert voice == 1  # the train driver's tea request
    assert counters["dropped_repeated"] == train - voice - 1
    nurse_empty = sum(1 for r in removed if r["meta"]["personas"].get("removed") == "empty")
    assert counters.get("dropped_empty", 0) == nurse_empty <= 2
    assert counters["records"] == len(output) == 24 - chess - (train - 1) - nurse_empty
    for record in output:
        fields = record["fields"]
        assert fields["persona"] in PERSONAS and fields["source_task"] in {t["instruction"] for t in TASKS}
        assert fields["instruction"] != fields["source_task"]
        assert not fields["instruction"].startswith(('"', "Request:"))  # label and quotes stripped
        assert record["lineage"]["technique"] == "personas"
        assert record["lineage"]["params"] == {"persona": fields["persona"]}
        assert record["lineage"]["parents"] and record["meta"]["personas"]["output_field"] == "instruction"
    report = summary.steps["personas"].report
    assert set(report["counts"]) == set(PERSONAS) and report["counts"]["a chess coach"] == 0
    assert {t["category"] for t in report["thin"]} >= {"a chess coach"}
    assert report["personas_without_records"] == 1 and report["personas_not_dealt"] == 0
    diversity = report["diversity_by_group"]
    assert diversity["a retired train driver"]["count"] == 1 and diversity["all"]["count"] == len(output)
    assert diversity["a pastry chef in Lyon"]["distinct_2"] < diversity["all"]["distinct_2"] + 1


async def test_generated_personas_coverage_and_diversity_per_persona_in_the_report(tmp_path):
    listing = "\n".join(f"{i}. {p}." for i, p in enumerate([*PERSONAS[:3], PERSONAS[0], "x"], 1))
    backend = ScriptedBackend(rules=[("different people", listing)], default=persona_reply)
    pipeline = [{"step": "personas", "generate": 3, "per_task": 1, "keep_tasks": True},
                {"step": "diversity", "by": "persona", "embeddings": False, "fields": ["instruction"]},
                {"step": "coverage", "category_field": "persona", "min_count": 2}]
    summary, output, _, _ = await run_pipeline(tmp_path, pipeline, backend, rows=TASKS[:6])
    counters = summary.steps["personas"].counters
    assert counters["personas_generated"] == 3 and counters["personas_dropped_repeated"] == 1
    assert counters["personas_dropped_too_short"] == 1
    assert len([r for r in output if "persona" not in r["fields"]]) == 6  # keep_tasks: the tasks pass on
    made = [r for r in output if "persona" in r["fields"]]
    assert {r["fields"]["persona"] for r in made} <= set(PERSONAS[:3])
    groups = summary.steps["diversity"].report["diversity_by_group"]
    assert set(groups) >= {r["fields"]["persona"] for r in made}
    coverage = summary.steps["coverage"].report["counts"]
    assert sum(coverage.values()) == len(output)


async def test_a_template_naming_a_field_no_task_has_stops_the_run(tmp_path):
    (tmp_path / "t.jinja").write_text("{{ task }} for {{ persona }} in {{ country }}")
    with pytest.raises(UserError, match="country"):
        await run_pipeline(tmp_path, [{"step": "personas", "template": str(tmp_path / "t.jinja")}],
                           ScriptedBackend(), rows=TASKS[:2])


def test_the_config_takes_one_source_of_personas():
    with pytest.raises(ValueError, match="not both"):
        RunConfig.model_validate({"run_dir": "r", "input": {"path": "x.jsonl"},
                                  "pipeline": [{"step": "personas", "personas": "p.txt", "generate": 5}]})


def test_requests_lose_labels_and_quotes():
    assert clean_request('New request: "How do bees see colour?"') == "How do bees see colour?"
    assert clean_request("1. Plan a trip to Kyoto.") == "Plan a trip to Kyoto."


def test_the_report_shows_coverage_and_diversity_per_persona():
    class Step:
        name = "personas"
        report = {"counts": {"a baker": 3, "a sailor": 0}, "thin": [{"category": "a sailor", "count": 0,
                                                                      "reason": "empty"}],
                  "diversity_by_group": {"a baker": {"count": 3, "distinct_2": 0.9}}}

    class View:
        steps = [Step()]

    coverage = coverage_section(View(), draw=False)  # type: ignore[arg-type]
    assert coverage.tables[0].rows == [["a baker", 3, "", ""], ["a sailor", 0, "", "empty"]]
    diversity = diversity_section(View(), draw=False)  # type: ignore[arg-type]
    assert diversity.tables[0].rows[0][:2] == ["a baker", 3]
    assert RunView  # the view the real report builds from metrics.json


@pytest.mark.slow
def test_personas_on_the_bundled_model(tmp_path):
    (tmp_path / "in.jsonl").write_bytes(b"".join(orjson.dumps(t) + b"\n" for t in TASKS[:2]))
    config = tmp_path / "personas.yaml"
    config.write_text(yaml.safe_dump({"run_dir": "r", "input": {"path": "in.jsonl"}, "pipeline": [
        {"step": "personas", "limit": 4, "per_task": 2, "max_tokens": 60}]}))
    result = run_cli("run", str(config), "--no-progress", cwd=tmp_path, timeout=900)
    assert result.returncode == 0, result.stderr
    records = [orjson.loads(x) for x in (tmp_path / "r" / "output.jsonl").read_bytes().splitlines()]
    assert records
    pool = load_personas("builtin")[:4]
    for record in records:
        assert record["fields"]["persona"] in pool and record["fields"]["instruction"].strip()
        assert record["fields"]["source_task"] in {t["instruction"] for t in TASKS[:2]}
    metrics = orjson.loads((tmp_path / "r" / "metrics.json").read_bytes())
    assert "personas" in orjson.dumps(metrics).decode()
