"""What a step writes to removed.jsonl of the candidates it dropped: every one, or past REMOVED_CAP a
deterministic sample of them: the REMOVED_CAP whose ids hash smallest, so a resumed run writes the same
sample whatever the order the candidates came in. A generative step can drop hundreds of thousands of
candidates; the counts by reason stay exact in the step's counters, and the sample is kept as they
come (`RemovedSample`), so its memory is bounded by the cap, not by the drops."""

from __future__ import annotations

import heapq
from collections import Counter

from synthloom.record import Record

REMOVED_CAP = 50_000  # dropped candidates written per step


class RemovedSample:
    def __init__(self, cap: int | None = None) -> None:
        self.cap = REMOVED_CAP if cap is None else cap
        self.total = 0  # also each record's arrival number, to give the kept ones back in that order
        self._heap: list[tuple[int, int, Record]] = []  # max-heap by id hash: (-hash, arrival, record)

    def add(self, record: Record) -> None:
        self.total += 1
        entry = (-int(record.id[:8], 16), self.total, record)
        if len(self._heap) < self.cap:
            heapq.heappush(self._heap, entry)
        elif entry[0] > self._heap[0][0]:
            heapq.heapreplace(self._heap, entry)

    def records(self, counters: Counter) -> list[Record]:
        """The kept records in arrival order; past the cap, `counters` say how many there were."""
        if self.total > self.cap:
            counters["removed_written_sample"] = len(self._heap)
            counters["removed_total"] = self.total
        return [record for *_, record in sorted(self._heap, key=lambda e: e[1])]


def capped(removed: list[Record], counters: Counter) -> list[Record]:
    sample = RemovedSample()
    for record in removed:
        sample.add(record)
    return sample.records(counters)
