"""Counters a step keeps only to build its report from (kept apart from the counts people read).

A per-record step's report must add up over every worker and every session: counters do (Ray workers
send theirs back with each call, earlier sessions' are in their summaries), lists of records do not.
So such a step folds each record's figures into counters named `tally.<...>`, which the summary and
the report leave out of their tables of counts.
"""

from __future__ import annotations

from collections.abc import Mapping

TALLY = "tally."
MICRO = 1_000_000  # a fraction kept in a counter: summed in millionths


def tally_key(*parts: object) -> str:
    return TALLY + ".".join(str(p).replace(".", "_") for p in parts)


def shown_counters(counters: Mapping[str, int]) -> dict[str, int]:
    """The counts a reader sees: without the tallies."""
    return {key: value for key, value in counters.items() if not key.startswith(TALLY)}


def tallies(counters: Mapping[str, int], *prefix: object) -> dict[str, int]:
    """The tallies under `prefix`, by the rest of their key."""
    head = tally_key(*prefix) + "." if prefix else TALLY
    return {key[len(head):]: value for key, value in counters.items() if key.startswith(head)}
