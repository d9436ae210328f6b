"""Self-Instruct past its instance window: 600 new tasks (more than INSTANCE_WINDOW) become the same
records, in task order, whether the pool streams or is held, and each task's instances are asked once."""

from __future__ import annotations

import itertools
import re

from synthloom.steps.techniques import self_instruct
from tests.run.test_pipeline_scripted import run_pipeline
from tests.scripted_backend import ScriptedBackend

SYLLABLES = ["ba", "ke", "lo", "mi", "nu", "po", "ra", "si", "tu", "ve", "wo", "za", "de", "fi", "go", "hu"]


def word(n: int) -> str:
    """A distinct pronounceable word per n, so every task shares almost no ROUGE tokens with another."""
    out = ""
    for _ in range(4):
        n, digit = divmod(n, len(SYLLABLES))
        out += SYLLABLES[digit]
    return out


def scripted() -> ScriptedBackend:
    counter = itertools.count()

    def new_tasks(request) -> str:
        start = int(re.search(r"numbered from (\d+)", request.messages[-1]["content"]).group(1))
        lines = []
        for i in range(12):
            n = next(counter) * 6
            lines.append(f"{start + i}. Describe {' '.join(word(n + j) for j in range(6))} plainly.")
        return "\n".join(lines)

    def instances(request) -> str:
        task = re.search(r"Task: (Describe [a-z ]+ plainly\.)", request.messages[-1]["content"]).group(1)
        return f"Example 1\nInput: the {task.split()[1]} case\nOutput: It is {task.split()[2]} and clear."

    return ScriptedBackend(rules=[("numbered from", new_tasks), ("is a classification task", "No"),
                                  ("Task: Describe", instances)])


async def test_more_tasks_than_one_window_make_every_record_once_in_task_order(tmp_path, monkeypatch):
    step = {"step": "self_instruct", "seeds": "builtin", "num_instructions": 600, "requests_per_round": 10,
            "max_requests": 200}
    backend = scripted()
    summary, output, _, _ = await run_pipeline(tmp_path / "window", [step], backend, rows=[{"text": "passes"}])
    assert self_instruct.INSTANCE_WINDOW < 600
    made = [r for r in output if r["lineage"]["technique"] == "self_instruct"]
    assert len(made) == 600 and output[0]["fields"] == {"text": "passes"}  # the input row passes, first
    assert summary.steps["self_instruct"].counters["records"] == 600
    instance_requests = [r for r in backend.requests if "Task: Describe" in r.messages[-1]["content"]
                         and "classification" not in r.messages[-1]["content"]]
    assert len(instance_requests) == 600

    monkeypatch.setattr(self_instruct, "INSTANCE_WINDOW", 10_000)  # the whole pool at once
    _, held, _, _ = await run_pipeline(tmp_path / "held", [step], scripted(), rows=[{"text": "passes"}])
    assert [r["id"] for r in held] == [r["id"] for r in output]
    assert [r["fields"] for r in held] == [r["fields"] for r in output]
