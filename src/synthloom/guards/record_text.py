"""Which text of a record a guard looks at."""

from __future__ import annotations

from typing import Any

from synthloom.io.training_formats import prompt_and_response
from synthloom.models.reasoning import REASONING_FIELD

# What a trainer sees besides prompt and answer: a reasoning model's trace, and a preference pair's
# rejected side with its trace (DPO trains on both sides).
TRAINED_BESIDES_ANSWER = (REASONING_FIELD, "rejected", "rejected_reasoning")


def record_text(fields: dict[str, Any], names: list[str] | None, with_reasoning: bool = False) -> str:
    """The named fields joined by newlines; by default the record's prompt and response (as the
    exports find them), else every string field. Guards that judge the answer (dedup, diversity,
    coverage) leave a reasoning model's trace out; `with_reasoning` (decontamination: a benchmark leaked
    into a trace is leaked into the training data) adds the trace and a pair's rejected side."""
    if names:
        return "\n".join(str(fields[n]) for n in names if fields.get(n) not in (None, ""))
    parts = [p for p in prompt_and_response(fields, None, None) if p]
    if with_reasoning:
        parts += [v for n in TRAINED_BESIDES_ANSWER if isinstance(v := fields.get(n), str) and v.strip()]
    if parts:
        return "\n".join(parts)
    return "\n".join(v for v in fields.values() if isinstance(v, str))


def first_line(text: str) -> str:
    """The task itself: models often add a second line of commentary, or number the task."""
    for line in text.strip().splitlines():
        line = line.strip().lstrip("0123456789.-) ").strip()
        if line:
            return line
    return ""
