"""Checks a user's calibration file once, the same way for every judge that is calibrated before it is
trusted (judge_filter, grounding_check): every record has the fields the judge reads and a true/false
label, and both labels occur (a set of one kind cannot tell a judge that says one thing from one that knows).
"""

from __future__ import annotations

from synthloom.errors import UserError


def check_labelled_rows(rows: list[dict], *, step: str, source: str, fields: list[str], label: str,
                        kinds: str) -> None:
    """Raise one UserError naming the record and field to fix. CSV booleans ("true"/"false" text) become
    booleans in place. `kinds` says what the two labels mean, for the error ("records known good and known bad")."""
    wanted = [*fields, label]
    for number, row in enumerate(rows, 1):
        value = row.get(label)
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            row[label] = value.strip().lower() == "true"  # a CSV's booleans are text
        missing = [name for name in wanted if name not in row]
        if missing or not isinstance(row.get(label), bool):
            raise UserError(f"{step} calibration {source}: record {number} needs {', '.join(wanted)} "
                            f"(`{label}` true or false); missing or not boolean: {', '.join(missing) or label}")
    if {row[label] for row in rows} != {True, False}:
        raise UserError(f"{step} calibration {source}: needs {kinds}")
