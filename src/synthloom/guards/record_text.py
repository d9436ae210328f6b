"""Which text of a record a guard looks at."""

from __future__ import annotations

from typing import Any

from synthloom.io.training_formats import conversation_of, prompt_and_response
from synthloom.models.reasoning import REASONING_FIELD
from synthloom.techniques.conversation import as_messages, conversation_text

# Field names a guard's `fields` may use for a conversation (a record's chat `messages`): every turn, or
# the last exchange only (the last user message and the reply to it).
ALL_TURNS, LAST_TURN = "all_turns", "last_turn"
# What a trainer sees besides prompt and answer: a reasoning model's trace, and a preference pair's
# rejected side with its trace (DPO trains on both sides).
TRAINED_BESIDES_ANSWER = (REASONING_FIELD, "rejected", "rejected_reasoning")


def _field_text(fields: dict[str, Any], name: str) -> str:
    if name in (ALL_TURNS, LAST_TURN) and name not in fields:
        messages = as_messages(fields.get("messages"))
        return conversation_text(messages, "last" if name == LAST_TURN else "all") if messages else ""
    value = fields.get(name)
    messages = as_messages(value) if isinstance(value, list) else None
    if messages:
        return conversation_text(messages, "all")
    return "" if value in (None, "") else str(value)


def record_text(fields: dict[str, Any], names: list[str] | None, with_reasoning: bool = False) -> str:
    """The named fields joined by newlines; by default, as the exports find them, a conversation's every
    turn (its `messages`) or the record's prompt and response, else every string field. Guards that judge
    the answer (dedup, diversity, coverage) leave a reasoning model's trace out; `with_reasoning`
    (decontamination: a benchmark leaked into a trace is leaked into the training data) adds the trace
    and a pair's rejected side."""
    if names:
        return "\n".join(t for t in (_field_text(fields, n) for n in names) if t)
    prompt, response = prompt_and_response(fields, None, None)
    extra = [v for n in TRAINED_BESIDES_ANSWER if isinstance(v := fields.get(n), str) and v.strip()] \
        if with_reasoning else []
    messages = conversation_of(fields, prompt, response)
    if messages:
        return "\n".join([conversation_text(messages, "all"), *extra])
    parts = [p for p in (prompt, response) if p] + extra
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
