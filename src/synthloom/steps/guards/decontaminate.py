"""`step: decontaminate`: drop (or, with `keep`, mark) records that contain or reword a benchmark item.
Each such record says which benchmark item it matched, in which field, how, and on what evidence.

A per-record step: the benchmark index (and the judge, with its calibration) is built once, on the
first record, and each record is checked as it streams, in batches of the records in flight together
(steps/batched_checks.py: the semantic stage embeds a batch at once). With a judge it runs in the
driver, where its one calibration lives; without one each Ray worker builds its own index. The
`decontaminate` command checks a whole file at once (`run_all`) to list the near misses."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from synthloom.engine.prompting import ask
from synthloom.guards.benchmarks import BenchmarkSource
from synthloom.guards.decontam import Contamination, Decontaminator, DecontamSettings, Judge
from synthloom.guards.judge_calibration import Calibration
from synthloom.guards.record_text import record_text
from synthloom.guards.settings import settings_of
from synthloom.models.logprobs import choice_from_logprobs
from synthloom.record import Record
from synthloom.steps.base import RecordStep, StepContext, dropped
from synthloom.steps.batched_checks import BatchedChecks
from synthloom.steps.plan import Flow, Span, StepPlan
from synthloom.steps.step_config import (
    TEXT_FIELDS_HELP,
    OptionalConfigRelativePath,
    OptionalModelName,
    StepConfig,
    Strict,
    setting_field,
)


class BenchmarkConfig(Strict):
    name: str | None = Field(None, description="default: the builtin's name or the file's stem")
    builtin: Literal["humaneval"] | None = None
    path: OptionalConfigRelativePath = Field(None, description="JSONL, CSV, Parquet or a saved datasets folder")
    fields: list[str] | None = Field(None, description="fields compared; default: every string field")
    semantic_fields: list[str] | None = Field(None, description="fields embedded; default: `fields`")
    id_field: str | None = None
    split: str = "test"

    @model_validator(mode="after")
    def _one_source(self) -> BenchmarkConfig:
        if (self.path is None) == (self.builtin is None):
            raise ValueError("give exactly one of `builtin` and `path`")
        return self


class DecontaminateStepConfig(StepConfig):
    """Remove records that contain or reword a benchmark item (n-grams, then embeddings and a judge)."""

    step: Literal["decontaminate"]
    fields: list[str] | None = Field(None, description=TEXT_FIELDS_HELP)
    benchmarks: list[BenchmarkConfig] = Field(default_factory=lambda: [BenchmarkConfig(builtin="humaneval")],
                                              min_length=1)
    # Declared once, in guards/settings.py (with their help and bounds):
    ngram: bool = setting_field(DecontamSettings, "ngram")
    n: int = setting_field(DecontamSettings, "n")
    min_n: int = setting_field(DecontamSettings, "min_n")
    adaptive_n: bool = setting_field(DecontamSettings, "adaptive_n")
    semantic: bool = setting_field(DecontamSettings, "semantic")
    top_k: int = setting_field(DecontamSettings, "top_k")
    similarity_threshold: float = setting_field(DecontamSettings, "similarity_threshold")
    behaviour: bool = setting_field(DecontamSettings, "behaviour")
    behaviour_agreement: float = setting_field(DecontamSettings, "behaviour_agreement")
    judge_model: OptionalModelName = Field(None, description="a model that confirms semantic candidates")
    judge_threshold: float = setting_field(DecontamSettings, "judge_threshold")
    judge_max_tokens: int = Field(8, ge=1)
    keep: bool = Field(False, description="keep contaminated records, only marking them")

    def check_files(self) -> None:
        super().check_files()
        from synthloom.guards.benchmarks import load_segments

        for benchmark in self.benchmarks:
            load_segments(benchmark_source(benchmark))

    def needs_embeddings(self) -> bool:
        return self.semantic

    def plan(self, before: Flow) -> StepPlan:
        return StepPlan([], Span(min(before.records.lo, 1), before.records.hi), 0, "removes what it finds")


JUDGE_TEMPLATE = "decontam_judge"
POOL_BATCH = 2_000  # most records checked at once in a run: the semantic stage embeds them together


def benchmark_source(config: BenchmarkConfig) -> BenchmarkSource:
    name = config.name or config.builtin or Path(config.path or "").stem
    return BenchmarkSource(name=name, builtin=config.builtin, path=config.path, fields=tuple(config.fields or ()),
                           semantic_fields=tuple(config.semantic_fields or ()), id_field=config.id_field,
                           split=config.split)


def read_verdict(text: str, logprobs: list[dict] | None) -> bool | None:
    """True / False from the judge's answer; None when it gives neither."""
    verdict = choice_from_logprobs(logprobs, {"true": True, "false": False, "yes": True, "no": False})
    if verdict is not None:
        return verdict
    lowered = text.strip().lower()
    for word, value in (("false", False), ("true", True), ("no", False), ("yes", True)):
        if lowered.startswith(word):
            return value
    return None


def model_judge(engine, max_tokens: int, counters: Callable[[], Counter] | None) -> Judge:
    """The judge as a function; its answers are counted in `counters()` (the counters of the call that
    runs it; None: not counted, as for the calibration pairs)."""
    async def judge(text: str, benchmark_text: str) -> bool | None:
        sample = await ask(engine, JUDGE_TEMPLATE, {"first": text, "second": benchmark_text}, temperature=0.0,
                           max_tokens=max_tokens, logprobs=True, top_logprobs=10)
        verdict = read_verdict(sample.choice.text, sample.choice.logprobs)
        if counters is not None:
            counters()[{True: "judge_same", False: "judge_different", None: "judge_unclear"}[verdict]] += 1
        return verdict is True
    return judge


class DecontaminateStep(RecordStep[DecontaminateStepConfig]):
    config_class = DecontaminateStepConfig

    def __init__(self, config: DecontaminateStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.engines = context.engines
        self.settings = settings_of(config, DecontamSettings)
        self.runs_on_driver = bool(config.judge_model and config.semantic)  # one judge calibration per run
        self._description: dict = {}
        self._calibration: Calibration | None = None
        self._judges: tuple[Judge | None, Judge | None] | None = None  # built by _setup
        self._batches: BatchedChecks[str, Contamination | None] = BatchedChecks(self._check_batch, POOL_BATCH)

    def _setup(self) -> None:
        """The benchmark index and the judge, built once for every record."""
        if self._judges is not None:
            return
        cfg = self.config
        self.decontaminator = Decontaminator([benchmark_source(b) for b in cfg.benchmarks], self.settings)
        self._description = self.decontaminator.describe()
        self._judges = (None, None)
        if cfg.judge_model and cfg.semantic:
            engine = self.engines.get(cfg.judge_model)
            self._judges = (model_judge(engine, cfg.judge_max_tokens, lambda: self.counters),
                            model_judge(engine, cfg.judge_max_tokens, None))

    async def _find(self, texts: list[str]) -> dict[int, Contamination]:
        self._setup()
        judge, calibration_judge = self._judges or (None, None)
        hits = {hit.index: hit for hit in await self.decontaminator.find(texts, judge, calibration_judge)}
        if self._calibration is None and self.decontaminator.calibration is not None:
            self._calibration = self.decontaminator.calibration
            self.counters["judge_trusted" if self._calibration.trusted else "judge_not_trusted"] = 1
        return hits

    async def _check_batch(self, texts: list[str]) -> list[Contamination | None]:
        hits = await self._find(texts)
        self.decontaminator.closest.clear()  # a batch's near misses, by its own indices: not kept
        return [hits.get(i) for i in range(len(texts))]

    async def process(self, record: Record) -> list[Record]:
        text = record_text(record.fields, self.config.fields, with_reasoning=True)  # traces leak too
        return self._decide(record, await self._batches.submit(text))

    def _decide(self, record: Record, hit: Contamination | None) -> list[Record]:
        if hit is None:
            self.counters["clean"] += 1
            return [record]
        self.counters[f"contaminated_{hit.method}"] += 1
        self.counters[f"contaminated_{hit.benchmark}"] += 1
        record.meta[self.name] = {"contamination": hit.to_dict()}
        if self.config.keep:
            return [record]
        return [dropped(self.name, record, f"matches {hit.benchmark} {hit.item_id} ({hit.method})")]

    async def run_all(self, records: list[Record]) -> list[Record]:
        """A whole file at once (the `decontaminate` command): its near misses stay listed, by index."""
        bar = self.context.board.bar(f"{self.name}: records", len(records))
        hits = await self._find([record_text(r.fields, self.config.fields, with_reasoning=True) for r in records])
        kept = []
        for i, record in enumerate(records):
            for out in self._decide(record, hits.get(i)):
                if self.name in out.meta and "removed" in out.meta[self.name]:
                    self.removed.append(out)
                else:
                    kept.append(out)
        bar.advance(len(records))
        return kept

    def report(self) -> dict:
        if not self._description:  # under Ray the workers checked the records: the index is described here
            self._description = Decontaminator([benchmark_source(b) for b in self.config.benchmarks],
                                               self.settings).describe()
        calibration = {"judge_calibration": self._calibration.describe()} if self._calibration else {}
        return {**calibration, "benchmarks": ", ".join(self._description.get("benchmarks", [])),
                "ngram_n": self._description.get("n_by_benchmark", {}),
                "segments_too_short_for_ngrams": self._description.get("segments_too_short_for_ngrams", 0)}
