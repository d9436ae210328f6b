"""`step: self_consuming`: the self-consuming loop, with its diversity watched generation by generation.

Generation 0 is the input (real) data. Generation g is written by the model from examples drawn out of
a pool: in `replace` mode the pool is generation g-1's output, with `real_fraction` of it swapped for
real records (Alemohammad et al.'s "fresh data"); in `accumulate` mode it is the real data and every
earlier generation (Gerstgrasser et al., 2024). After each generation its diversity is measured on as
many texts as every other generation, and an alarm fires when it has fallen too far from generation 0's;
`on_alarm: stop` ends the loop there. Output: the real records and every generated one, each with its
generation in `lineage.generation` and the examples it was written from as its parents.
"""

from __future__ import annotations

import asyncio
import logging
import random
from typing import Literal

from pydantic import Field, model_validator

from synthloom.engine.prompting import ask, gather_settled, item_seed
from synthloom.guards.collapse import collapse_alarms
from synthloom.guards.diversity import diversity_metrics
from synthloom.guards.record_text import first_line
from synthloom.guards.settings import DiversitySettings
from synthloom.record import Lineage, Record, stable_id
from synthloom.steps.base import PoolStep, StepContext
from synthloom.steps.plan import Flow, ModelCalls, Span, StepPlan
from synthloom.steps.step_config import ModelName, StepConfig, TemplateName

log = logging.getLogger("synthloom")


class SelfConsumingStepConfig(StepConfig):
    """A self-consuming loop: generation g is written from examples of generation g-1, with diversity
    tracked per generation and an alarm when it falls (model collapse)."""

    step: Literal["self_consuming"]
    model: ModelName = "default"
    field: str = Field("instruction", description="the field each generation writes and reads")
    generations: int = Field(4, ge=1)
    per_generation: int = Field(24, ge=1, description="records written per generation")
    examples_per_prompt: int = Field(3, ge=1)
    real_fraction: float = Field(0.0, ge=0, le=1, description="share of each generation's pool that is "
                                 "real (input) data")
    mode: Literal["replace", "accumulate"] = Field("replace", description="accumulate keeps every earlier "
                                                   "generation in the pool (Gerstgrasser et al., 2024)")
    template: TemplateName = "self_consuming"
    alarm_metrics: list[str] = Field(default_factory=lambda: ["distinct_2", "self_bleu", "vendi"], min_length=1)
    alarm_drop: float = Field(0.2, gt=0, le=1, description="alarm when a metric loses this share of "
                              "generation 0's diversity")
    on_alarm: Literal["warn", "stop"] = "warn"
    embeddings: bool = True
    temperature: float = Field(0.8, ge=0)
    max_tokens: int = Field(96, ge=8)
    seed: int = 0

    @model_validator(mode="after")
    def _known_metrics(self) -> SelfConsumingStepConfig:
        from synthloom.guards.diversity import HIGHER_IS_DIVERSE

        unknown = [m for m in self.alarm_metrics if m not in HIGHER_IS_DIVERSE]
        if unknown:
            raise ValueError(f"unknown alarm metric {', '.join(unknown)}: use {', '.join(HIGHER_IS_DIVERSE)}")
        return self

    def needs_embeddings(self) -> bool:
        return self.embeddings

    def plan(self, before: Flow) -> StepPlan:
        writes = Span(self.per_generation, self.generations * self.per_generation)  # an alarm may stop it early
        prompt = self.template_tokens(self.template) + self.examples_per_prompt * before.record_tokens
        return StepPlan([ModelCalls.each(self.model, "generations", writes, prompt, self.max_tokens)],
                        before.records + Span(0, writes.hi), 0, "on_alarm: stop ends it at the first alarm")


class SelfConsumingStep(PoolStep[SelfConsumingStepConfig]):
    config_class = SelfConsumingStepConfig

    def __init__(self, config: SelfConsumingStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.engines = context.engines
        self.settings = DiversitySettings(embeddings=config.embeddings, seed=config.seed)
        self._metrics: dict[int, dict] = {}
        self._alarms: list = []

    def _pool(self, generation: int, real: list[Record], made: dict[int, list[Record]], rng: random.Random
              ) -> list[Record]:
        cfg = self.config
        if generation == 1:
            return real
        if cfg.mode == "accumulate":
            return real + [r for g in range(1, generation) for r in made[g]]
        previous = made[generation - 1]
        size = len(previous)
        real_share = min(round(cfg.real_fraction * size), len(real))
        return rng.sample(real, real_share) + rng.sample(previous, size - real_share)

    async def run_all(self, records: list[Record]) -> list[Record]:
        cfg = self.config
        real = [r for r in records if str(r.fields.get(cfg.field) or "").strip()]
        self.counters["real_records"] = len(real)
        self.counters["skipped_without_field"] = len(records) - len(real)
        if not real:
            return records
        rng = random.Random(cfg.seed)
        measured = rng.sample(real, min(cfg.per_generation, len(real)))  # same size as each generation
        self._metrics = {0: await self._measure(measured)}
        made: dict[int, list[Record]] = {}
        bar = self.context.board.bar(f"{self.name}: generations", cfg.generations * cfg.per_generation)
        for generation in range(1, cfg.generations + 1):
            pool = self._pool(generation, real, made, rng)
            jobs = [rng.sample(pool, min(cfg.examples_per_prompt, len(pool))) for _ in range(cfg.per_generation)]
            written = await gather_settled((self._write(generation, i, examples, bar)
                                            for i, examples in enumerate(jobs)),
                                           self.counters, "request_failed")
            made[generation] = [r for r in written if r is not None]
            self.counters[f"generation_{generation}_records"] = len(made[generation])
            if not made[generation]:
                break  # nothing to seed the next generation with
            self._metrics[generation] = await self._measure(made[generation])
            self._alarms = collapse_alarms(self._metrics, cfg.alarm_metrics, cfg.alarm_drop)
            new_alarms = [a for a in self._alarms if a.generation == generation]
            for alarm in new_alarms:
                log.warning("%s: collapse alarm: %s", self.name, alarm.describe())
            if new_alarms and cfg.on_alarm == "stop":
                self.counters["stopped_at_generation"] = generation
                break
        self.counters["alarms"] = len(self._alarms)
        return records + [r for g in sorted(made) for r in made[g]]

    async def _measure(self, records: list[Record]) -> dict:
        texts = [str(r.fields[self.config.field]) for r in records]
        return await asyncio.to_thread(diversity_metrics, texts, self.settings)

    async def _write(self, generation: int, index: int, examples: list[Record], bar) -> Record | None:
        cfg = self.config
        engine = self.engines.get(cfg.model)
        seed = item_seed(cfg.seed, generation, index)
        sample = await ask(engine, cfg.template, {"examples": [str(e.fields[cfg.field]) for e in examples]},
                           temperature=cfg.temperature, max_tokens=cfg.max_tokens, seed=seed)
        bar.advance()
        text = first_line(sample.choice.text)
        if not text:
            self.counters["empty_dropped"] += 1
            return None
        rid = stable_id("self_consuming", self.name, generation, index)
        lineage = Lineage(technique="self_consuming", model=engine.backend.model_name, template=cfg.template,
                          seed=seed, parents=[e.id for e in examples], generation=generation, root=rid,
                          steps=[self.name], params={"mode": cfg.mode, "real_fraction": cfg.real_fraction})
        record = Record(id=rid, fields={cfg.field: text}, lineage=lineage)
        record.meta[self.name] = {"cached": sample.cached, "finish_reason": sample.choice.finish_reason}
        return record

    def report(self) -> dict:
        return {"diversity_by_generation": {str(g): m for g, m in self._metrics.items()},
                "collapse_alarms": [a.to_dict() for a in self._alarms],
                "mode": self.config.mode, "real_fraction": self.config.real_fraction}
