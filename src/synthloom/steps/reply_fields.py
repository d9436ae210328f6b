"""What a model's reply puts on a record besides its answer: the reasoning, and what it cost.

`reasoning` always belongs to the answer the latest step wrote: a step that writes an answer without
reasoning clears one an earlier step left (a question's trace is not its answer's), so an export that
keeps traces never pairs an answer with another reply's reasoning.
"""

from __future__ import annotations

from typing import Any

from synthloom.engine.engine import Sample
from synthloom.models.reasoning import REASONING_FIELD, REASONING_OF

__all__ = ["REASONING_FIELD", "UNFINISHED", "UNFINISHED_HINT", "reasoning_fields", "reasoning_meta", "trace_fields"]


def trace_fields(reasoning: str | None, answer_field: str, parent: dict[str, Any]) -> dict[str, Any]:
    """The fields that go beside the answer in `answer_field`: `reasoning` and `reasoning_of` (the
    answer's field, so an export of another field never takes this trace), or the parent's cleared."""
    if reasoning:
        return {REASONING_FIELD: reasoning, REASONING_OF: answer_field}
    return {REASONING_FIELD: None} if parent.get(REASONING_FIELD) else {}


def reasoning_fields(sample: Sample, answer_field: str, parent: dict[str, Any]) -> dict[str, Any]:
    """trace_fields of one sample's reply."""
    return trace_fields(sample.choice.reasoning, answer_field, parent)


def reasoning_meta(sample: Sample) -> dict[str, Any]:
    """For the step's meta on the record: the reasoning's own token count, and whether it closed."""
    if not sample.choice.reasoning and not sample.choice.reasoning_unfinished:
        return {}
    out: dict[str, Any] = {"reasoning_tokens": sample.usage.reasoning_tokens}
    if sample.reasoning_tokens_estimated:
        out["reasoning_tokens_estimated"] = True  # the reasoning's share of the reply's characters
    if sample.choice.reasoning_unfinished:
        out["reasoning_unfinished"] = True
    return out


UNFINISHED = "unfinished"
UNFINISHED_HINT = ("the reply's reasoning never closed (it ran out of max_tokens inside its trace): there is no "
                   "answer; raise max_tokens for reasoning models")
