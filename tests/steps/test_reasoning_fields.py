"""A reasoning model's trace on the records steps write: `reasoning` beside the answer with its token
count, cleared when a later answer has none, a trace that never closed failing the record as
`unfinished`; guards that judge the answer leave the trace out, decontamination reads it."""

from __future__ import annotations

from synthloom.guards.record_text import record_text
from synthloom.io.training_formats import to_row
from tests.run.test_pipeline_scripted import run_pipeline
from tests.scripted_backend import ScriptedBackend

ROWS = [{"instruction": "Name a colour."}, {"instruction": "Name a fruit."}, {"instruction": "Name a tree."}]


async def test_generate_keeps_the_trace_beside_the_answer_and_fails_an_unfinished_one(tmp_path):
    backend = ScriptedBackend(rules=[(r"colour", "<think>\nThe sky is blue, so\n</think>\n\nblue"),
                                     (r"fruit", "<think>apples, pears, and then"),
                                     (r"tree", "oak")])
    summary, output, _, failures = await run_pipeline(tmp_path, [{"step": "generate", "output_field": "response"}],
                                                      backend, ROWS)
    by_prompt = {r["fields"]["instruction"]: r for r in output}
    colour = by_prompt["Name a colour."]
    assert colour["fields"]["response"] == "blue" and colour["fields"]["reasoning"] == "The sky is blue, so"
    meta = colour["meta"]["generate"]
    # the scripted backend counts 8 tokens (words) in the reply; the trace has 19 of the 23 characters
    assert meta["reasoning_tokens"] == round(8 * 19 / 23) and meta["reasoning_tokens_estimated"]
    assert "reasoning" not in by_prompt["Name a tree."]["fields"]
    [failed] = failures
    assert failed["fields"]["instruction"] == "Name a fruit." and failed["error"].startswith("unfinished:")
    assert "raise max_tokens" in failed["error"]


async def test_a_later_answer_without_a_trace_clears_the_earlier_one(tmp_path):
    backend = ScriptedBackend(rules=[(r"^Name", "<think>pick one</think>Pick a colour you like."),
                                     (r"Pick a colour", "green")])
    pipeline = [{"step": "generate", "output_field": "question", "template": "answer"},
                {"step": "generate", "output_field": "response", "template": "question"}]
    rows = [{"instruction": "Name a colour.", "question": ""}]
    _, output, _, _ = await run_pipeline(tmp_path, pipeline, backend, rows)
    [record] = output
    assert record["fields"]["response"] == "green" and record["fields"]["reasoning"] is None


async def test_dedup_judges_answers_not_traces(tmp_path):
    backend = ScriptedBackend(rules=[(r"colour", lambda r: f"<think>{r.seed} thoughts</think>blue")])
    rows = [{"instruction": "Name a colour."}] * 2
    pipeline = [{"step": "generate", "output_field": "response", "n": 2, "seed": 1, "temperature": 1.0},
                {"step": "dedup"}]
    _, output, removed, _ = await run_pipeline(tmp_path, pipeline, backend, rows)
    assert len({r["fields"]["reasoning"] for r in output + removed}) == 2  # the traces differ...
    assert len(output) == 1 and removed[0]["meta"]["dedup"]["removed"] == "exact duplicate"  # ...the answers do not


def test_decontamination_reads_the_trace_and_a_pairs_rejected_side():
    fields = {"prompt": "Add them.", "response": "4", "reasoning": "LEAKED TRACE", "rejected": "5",
              "rejected_reasoning": "OTHER TRACE"}
    assert record_text(fields, None) == "Add them.\n4"
    assert record_text(fields, None, with_reasoning=True) == "Add them.\n4\nLEAKED TRACE\n5\nOTHER TRACE"
    assert record_text(fields, ["response"], with_reasoning=True) == "4"  # fields named: exactly those


async def test_distill_keeps_a_teachers_trace_and_drops_an_unfinished_label(tmp_path):
    backend = ScriptedBackend(rules=[(r"great", "<think>It says great, so</think>positive"),
                                     (r"awful", "<think>It says awful, and awful means")])
    rows = [{"instruction": "Review: a great film."}, {"instruction": "Review: an awful film."}]
    summary, output, _, _ = await run_pipeline(tmp_path, [{"step": "distill", "label_options": ["positive", "negative"],
                                                           "max_tokens": 32}], backend, rows)
    [labelled] = output
    assert labelled["fields"]["label"] == "positive" and labelled["fields"]["reasoning"] == "It says great, so"
    assert labelled["fields"]["messages"][1] == {"role": "assistant", "content": "positive"}
    counters = summary.steps["distill"].counters
    assert counters["unfinished_reasoning"] == 1 and counters["dropped_unreadable"] == 1


def test_an_export_attaches_a_trace_only_to_the_answer_it_belongs_to():
    fields = {"prompt": "Say hi.", "response": "hi", "revision": "Hello!", "reasoning": "greet them",
              "reasoning_of": "response", "chosen": "Hello!", "rejected": "hi"}
    record = {"fields": fields}
    assert to_row("sft", record)["messages"][1]["content"] == "<think>\ngreet them\n</think>\n\nhi"
    assert to_row("sft", record, response_field="revision")["messages"][1]["content"] == "Hello!"
    # an AI-feedback pair of two answers on one record: neither side's trace is known, none is attached
    assert to_row("dpo", record) == {"prompt": "Say hi.", "chosen": "Hello!", "rejected": "hi"}
    made_elsewhere = {"fields": {"prompt": "Say hi.", "output": "hi", "reasoning": "greet"}}
    assert to_row("alpaca", made_elsewhere, reasoning="field") == {"instruction": "Say hi.", "input": "",
                                                                   "output": "hi", "reasoning": "greet"}
