"""An example third-party step: `step: word_count` adds the number of words of a field to each record,
and drops records shorter than `min_words`. Installed (`pip install -e examples/plugin`), it is found
through the `synthloom.steps` entry point in this folder's pyproject.toml; synthloom needs no change."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from synthloom.record import Record
from synthloom.steps.base import RecordStep
from synthloom.steps.step_config import StepConfig


class WordCountConfig(StepConfig):
    step: Literal["word_count"]
    field: str = Field("instruction", description="the field whose words are counted")
    min_words: int = Field(0, ge=0, description="records with fewer words are dropped")


class WordCountStep(RecordStep[WordCountConfig]):
    config_class = WordCountConfig

    async def process(self, record: Record) -> list[Record]:
        words = len(str(record.fields.get(self.config.field) or "").split())
        if words < self.config.min_words:
            self.counters["dropped_short"] += 1
            return []
        self.counters["counted"] += 1
        return [record.child(self.name, 0, {"words": words})]

    def report(self) -> dict:
        return {"kept_share": round(self.counters["counted"] / max(1, self.counters["counted"]
                                                                    + self.counters["dropped_short"]), 4)}
