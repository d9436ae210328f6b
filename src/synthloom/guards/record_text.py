"""Which text of a record a guard looks at."""

from __future__ import annotations

from typing import Any

from synthloom.io.training_formats import conversation_of, prompt_and_response
from synthloom.techniques.conversation import as_messages, conversation_text

# Field names a guard's `fields` may use for a conversation (a record's chat `messages`): every turn, or
# the last exchange only (the last user message and the reply to it).
ALL_TURNS, LAST_TURN = "all_turns", "last_turn"


def _field_text(fields: dict[str, Any], name: str) -> str:
    if name in (ALL_TURNS, LAST_TURN) and name not in fields:
        messages = as_messages(fields.get("messages"))
        return conversation_text(messages, "last" if name == LAST_TURN else "all") if messages else ""
    value = fields.get(name)
    messages = as_messages(value) if isinstance(value, list) else None
    if messages:
        return conversation_text(messages, "all")
    return "" if value in (None, "") else str(value)


def record_text(fields: dict[str, Any], names: list[str] | None) -> str:
    """The named fields joined by newlines; by default, as the exports find them, a conversation's every
    turn (its `messages`) or the record's prompt and response, else every string field."""
    if names:
        return "\n".join(t for t in (_field_text(fields, n) for n in names) if t)
    prompt, response = prompt_and_response(fields, None, None)
    messages = conversation_of(fields, prompt, response)
    if messages:
        return conversation_text(messages, "all")
    parts = [p for p in (prompt, response) if p]
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
