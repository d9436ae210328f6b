"""`step: diversity`: measure diversity, per generation (or per value of a field), and pass every record
through unchanged. An observer: it measures the records its stage ends with (the run's output when it
comes after the last whole-pool step) without holding them (guards/diversity_stream.py). The figures
go to the step's report (metrics.json, summary.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from synthloom.guards.diversity_stream import StreamingDiversity
from synthloom.guards.record_text import record_text
from synthloom.guards.settings import DIVERSITY, DiversitySettings, settings_of
from synthloom.record import Record
from synthloom.steps.base import ObserverStep, StepContext
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


class DiversityStep(ObserverStep[DiversityStepConfig]):
    config_class = DiversityStepConfig

    def __init__(self, config: DiversityStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.settings = settings_of(config, DiversitySettings)
        self._stream = StreamingDiversity(self.settings)
        self._metrics: dict[str, dict] = {}

    def observe(self, record: Record) -> None:
        self._stream.add(group_key(record, self.config.by), record.id, record_text(record.fields, self.config.fields))

    def finish(self) -> None:
        self._metrics = self._stream.metrics()
        self._stream = StreamingDiversity(self.settings)  # what it held is in the metrics now

    def report(self) -> dict:
        return {"diversity_by_group": self._metrics, "grouped_by": self.config.by or "none"}
