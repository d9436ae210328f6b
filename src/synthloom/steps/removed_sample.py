"""What a step writes to removed.jsonl of the candidates it dropped: every one, or past REMOVED_CAP a
deterministic sample of them (by record id, so a resumed run writes the same sample). A generative step
can drop hundreds of thousands of candidates; the counts by reason stay exact in the step's counters."""

from __future__ import annotations

from collections import Counter

from synthloom.record import Record

REMOVED_CAP = 50_000  # dropped candidates written per step


def capped(removed: list[Record], counters: Counter) -> list[Record]:
    total = len(removed)
    if total <= REMOVED_CAP:
        return removed
    keep = REMOVED_CAP / total
    sample = [r for r in removed if int(r.id[:8], 16) / 0xFFFFFFFF < keep]
    counters["removed_written_sample"] = len(sample)
    counters["removed_total"] = total
    return sample
