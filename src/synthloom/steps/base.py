"""The step shape every technique, verifier and guard shares: one record in, zero or more out."""

from __future__ import annotations

from typing import Protocol

from synthloom.record import Record


class StepError(Exception):
    """This record cannot pass this step (bad field, unusable model output); the run goes on."""


class Step(Protocol):
    name: str

    async def process(self, record: Record) -> list[Record]:
        """Children of `record` (itself, changed, for a 1:1 step; [] to drop it). Raise StepError,
        GenerationFailed or EndpointUnreachable; the pipeline records the first two on the record."""
        ...
