"""`step: coverage`: count records per category, list the thin ones, and with `fill: true` ask the model
for new prompts in each thin category until it reaches `fill_to` (examples from the category, when it
has any, show what belongs there). Filled records carry technique `coverage_fill` and their category.

Without `fill` it only measures: an observer (`CoverageObserver`) that counts what its stage ends with
in bounded memory (guards/coverage_stream.py) and holds neither the pool nor the pipeline. Filling needs
the pool (the thin categories are known only once every record is counted): a whole-pool step."""

from __future__ import annotations

import asyncio
import random
from collections import Counter, defaultdict
from typing import Literal

from pydantic import Field

from synthloom.engine.prompting import ask, gather_settled, item_seed
from synthloom.guards.coverage import category_counts, category_labels, thin_categories
from synthloom.guards.coverage_stream import StreamingCoverage
from synthloom.guards.record_text import first_line, record_text
from synthloom.guards.settings import CoverageSettings
from synthloom.guards.text import normalized_text
from synthloom.record import Lineage, Record, stable_id
from synthloom.steps.base import ObserverStep, PoolStep, Step, StepContext
from synthloom.steps.plan import Flow, ModelCalls, Span, StepPlan
from synthloom.steps.step_config import TEXT_FIELDS_HELP, ModelName, StepConfig, TemplateName, setting_field


class CoverageStepConfig(StepConfig):
    """Count records per category, list thin ones, and optionally generate prompts to fill them."""

    step: Literal["coverage"]
    fields: list[str] | None = Field(None, description=TEXT_FIELDS_HELP)
    category_field: str | None = Field(None, description="the label field; without it, embedding clusters")
    categories: list[str] | None = Field(None, description="the categories expected (an absent one is empty)")
    # Declared once, in guards/settings.py (with their help and bounds):
    clusters: int = setting_field(CoverageSettings, "clusters")
    min_count: int = setting_field(CoverageSettings, "min_count")
    min_share: float = setting_field(CoverageSettings, "min_share")
    fill: bool = Field(False, description="generate prompts for thin categories")
    fill_to: int | None = Field(None, ge=1, description="records per thin category after filling; "
                                "default: min_count")
    fill_field: str = Field("instruction", description="the field the generated prompt goes to")
    model: ModelName = "default"
    template: TemplateName = "coverage_fill"
    examples_per_prompt: int = Field(3, ge=0)
    temperature: float = Field(0.9, ge=0)
    max_tokens: int = Field(120, ge=8)
    seed: int = 0

    def needs_embeddings(self) -> bool:
        return self.category_field is None

    def plan(self, before: Flow) -> StepPlan:
        if not self.fill:
            return StepPlan([], before.records)
        groups = len(self.categories) if self.categories else self.clusters
        fills = Span(0, groups * (self.fill_to or self.min_count))
        prompt = self.template_tokens(self.template) + self.examples_per_prompt * before.record_tokens
        return StepPlan([ModelCalls.each(self.model, "prompts for thin categories", fills, prompt, self.max_tokens)],
                        before.records + fills, 0, "only thin categories are filled")


def _thin_report(counts: dict[str, int], config: CoverageStepConfig) -> list[dict]:
    return [{"category": t.category, "count": t.count, "reason": t.reason}
            for t in thin_categories(counts, config.min_count, config.min_share)]


class CoverageObserver(ObserverStep[CoverageStepConfig]):
    """Coverage without `fill`: counts and thin categories of the records its stage ends with."""

    config_class = CoverageStepConfig

    def __init__(self, config: CoverageStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self._stream = StreamingCoverage(config.category_field, config.clusters, config.seed)
        self._counts: dict[str, int] = {}
        self._thin: list[dict] = []
        self._estimated_from = 0

    def observe(self, record: Record) -> None:
        text = None if self.config.category_field else record_text(record.fields, self.config.fields)
        self._stream.add(record.id, record.fields, text)

    def finish(self) -> None:
        stream = self._stream
        self._counts = stream.counts(self.config.categories)
        self._thin = _thin_report(self._counts, self.config)
        self._estimated_from = len(stream.sample) if stream.estimated else 0
        self.counters["categories"] = len(self._counts)
        self.counters["thin_categories"] = len(self._thin)
        self._stream = StreamingCoverage(self.config.category_field, self.config.clusters, self.config.seed)

    def report(self) -> dict:
        report: dict = {"counts": self._counts, "thin": self._thin}
        if self._estimated_from:
            report["counts_estimated_from_sample"] = self._estimated_from
        return report


class CoverageStep(PoolStep[CoverageStepConfig]):
    config_class = CoverageStepConfig
    kind_label = "pool step with fill; observer without"

    @classmethod
    def for_config(cls, config: StepConfig) -> type[Step]:
        return cls if getattr(config, "fill", False) else CoverageObserver

    def __init__(self, config: CoverageStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.engines = context.engines
        self._counts: dict[str, int] = {}
        self._thin: list[dict] = []
        self._after_fill: dict[str, int] = {}

    def _labels(self, records: list[Record]) -> list[str]:
        cfg = self.config
        texts = lambda: [record_text(r.fields, cfg.fields) for r in records]  # noqa: E731 (only for clusters)
        return category_labels([r.fields for r in records], texts, cfg.category_field, cfg.clusters, cfg.seed)

    async def run_all(self, records: list[Record]) -> list[Record]:
        cfg = self.config
        labels = await asyncio.to_thread(self._labels, records)
        for record, label in zip(records, labels, strict=True):
            record.meta[self.name] = {"category": label}
        self._counts = category_counts(labels, cfg.categories)
        self._thin = _thin_report(self._counts, cfg)
        self.counters["categories"] = len(self._counts)
        self.counters["thin_categories"] = len(self._thin)
        if not cfg.fill or not self._thin:
            return records
        by_category: dict[str, list[str]] = defaultdict(list)
        for record, label in zip(records, labels, strict=True):
            by_category[label].append(record_text(record.fields, cfg.fields))
        target = cfg.fill_to or cfg.min_count
        jobs = [(t["category"], i) for t in self._thin for i in range(max(target - t["count"], 0))]
        bar = self.context.board.bar(f"{self.name}: filling thin categories", len(jobs))
        filled = await gather_settled((self._fill(category, i, by_category, bar) for category, i in jobs),
                                      self.counters, "fill_request_failed")
        # A small model often hands an example back: a copy fills nothing.
        seen = {normalized_text(t) for texts in by_category.values() for t in texts}
        new = []
        for record in filled:
            if record is None:
                continue
            key = normalized_text(record.fields[cfg.fill_field])
            if key in seen:
                self.counters["fill_copy_dropped"] += 1
                continue
            seen.add(key)
            new.append(record)
        self.counters["filled"] = len(new)
        after = Counter(labels) + Counter(r.fields[cfg.category_field or "category"] for r in new)
        self._after_fill = {c: after.get(c, 0) for c in self._counts}
        return records + new

    async def _fill(self, category: str, index: int, by_category: dict[str, list[str]], bar) -> Record | None:
        cfg = self.config
        rng = random.Random(item_seed(cfg.seed, category, index))
        own = by_category.get(category, [])
        pool = own or [t for texts in by_category.values() for t in texts]
        examples = rng.sample(pool, min(cfg.examples_per_prompt, len(pool)))
        engine = self.engines.get(cfg.model)
        seed = item_seed(cfg.seed, "fill", category, index)
        sample = await ask(engine, cfg.template, {"category": category, "examples": examples,
                                                  "same_category": bool(own)},
                           temperature=cfg.temperature, max_tokens=cfg.max_tokens, seed=seed)
        bar.advance()
        text = first_line(sample.choice.text)
        if not text:
            self.counters["fill_empty_dropped"] += 1
            return None
        rid = stable_id("coverage_fill", self.name, category, index)
        lineage = Lineage(technique="coverage_fill", model=engine.backend.model_name, template=cfg.template,
                          seed=seed, root=rid, steps=[self.name], params={"category": category})
        record = Record(id=rid, fields={cfg.fill_field: text, cfg.category_field or "category": category},
                        lineage=lineage)
        record.meta[self.name] = {"category": category, "filled": True, "cached": sample.cached}
        return record

    def report(self) -> dict:
        report = {"counts": self._counts, "thin": self._thin}
        if self._after_fill:
            report["counts_after_fill"] = self._after_fill
        return report
