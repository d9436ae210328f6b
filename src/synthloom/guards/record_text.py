"""Which text of a record a guard looks at."""

from __future__ import annotations

from typing import Any

from synthloom.io.training_formats import prompt_and_response


def record_text(fields: dict[str, Any], names: list[str] | None) -> str:
    """The named fields joined by newlines; by default the record's prompt and response (as the
    exports find them), else every string field."""
    if names:
        return "\n".join(str(fields[n]) for n in names if fields.get(n) not in (None, ""))
    parts = [p for p in prompt_and_response(fields, None, None) if p]
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
