"""The step shape every technique, verifier and guard shares: one record in, zero or more out."""

from __future__ import annotations

from typing import Protocol

from synthloom.record import Record


class StepError(Exception):
    """This record cannot pass this step (bad field, unusable model output); the run goes on."""


class Step(Protocol):
    name: str
    scope: str  # "record": process() one record at a time; "all": run_all() over every record at once

    async def process(self, record: Record) -> list[Record]:
        """Children of `record` (itself, changed, for a 1:1 step; [] to drop it). Raise StepError,
        GenerationFailed or EndpointUnreachable; the pipeline records the first two on the record."""
        ...

    # Whole-pool steps (scope "all") implement instead:
    #   async def run_all(self, records: list[Record], board: ProgressBoard) -> list[Record]
    # and keep a `counters` Counter of what they kept and dropped, by reason.
