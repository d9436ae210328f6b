"""`step: diversity`: measure the pool's diversity, per generation (or per value of a field), and pass
every record through unchanged. The figures go to the step's report (metrics.json, summary.md)."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Literal

from pydantic import Field

from synthloom.guards.diversity import metrics_by_group
from synthloom.guards.record_text import record_text
from synthloom.guards.settings import DIVERSITY, DiversitySettings, settings_of
from synthloom.record import Record
from synthloom.steps.base import PoolStep, StepContext
from synthloom.steps.plan import Flow, StepPlan
from synthloom.steps.step_config import TEXT_FIELDS_HELP, StepConfig, setting_field


class DiversityStepConfig(StepConfig):
    """Measure diversity (distinct-n, self-BLEU, pairwise ROUGE-L, embedding dispersion, Vendi); passes
    every record through."""

    step: Literal["diversity"]
    fields: list[str] | None = Field(None, description=TEXT_FIELDS_HELP)
    by: str | None = Field("generation", description="group by lineage generation, by this field, or not")
    # Declared once, in guards/settings.py (with their help and bounds):
    sample: int = setting_field(DiversitySettings, "sample")
    rouge_sample: int = setting_field(DiversitySettings, "rouge_sample")
    embeddings: bool = setting_field(DiversitySettings, "embeddings")
    seed: int = DIVERSITY.seed

    def needs_embeddings(self) -> bool:
        return self.embeddings

    def plan(self, before: Flow) -> StepPlan:
        return StepPlan([], before.records)  # no model calls


def group_key(record: Record, by: str | None) -> str:
    if by is None:
        return "all"
    if by == "generation":
        return str(record.lineage.generation)
    return str(record.fields.get(by, "(none)"))


def records_by_group(records: list[Record], fields: list[str] | None, by: str | None,
                     settings: DiversitySettings) -> dict[str, dict]:
    groups: dict[str, list[str]] = defaultdict(list)
    for record in records:
        groups[group_key(record, by)].append(record_text(record.fields, fields))
    return metrics_by_group(groups, settings, total=True)


class DiversityStep(PoolStep[DiversityStepConfig]):
    config_class = DiversityStepConfig

    def __init__(self, config: DiversityStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.settings = settings_of(config, DiversitySettings)
        self._metrics: dict[str, dict] = {}

    async def run_all(self, records: list[Record]) -> list[Record]:
        bar = self.context.board.bar(f"{self.name}: measuring", 1)
        self._metrics = await asyncio.to_thread(records_by_group, records, self.config.fields, self.config.by,
                                                self.settings)
        bar.advance()
        return records

    def report(self) -> dict:
        return {"diversity_by_group": self._metrics, "grouped_by": self.config.by or "none"}
