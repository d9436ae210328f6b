"""Run the rejection step over prompts the way the pipeline does (each on its own, at once) and keep
what a test inspects: each prompt's sampled state, and the records kept and dropped."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from synthloom.record import Record
from synthloom.steps.base import dropped_by
from synthloom.steps.techniques.rejection import PromptState, RejectionStep


@dataclass
class Sampled:
    states: list[PromptState]
    kept: list[Record]
    removed: list[Record]


async def sample_all(step: RejectionStep, rows: list[dict]) -> Sampled:
    outcomes = await asyncio.gather(*(step.sample_prompt(Record.from_input(i, row)) for i, row in enumerate(rows)))
    records = [r for _, made in outcomes for r in made]
    return Sampled([state for state, _ in outcomes], [r for r in records if not dropped_by(step, r)],
                   [r for r in records if dropped_by(step, r)])
