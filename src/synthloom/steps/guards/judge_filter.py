"""`step: judge_filter`: keep the records a judge model passes against a rubric, once the judge has shown
it can tell good records from bad.

Filters catch mechanical failures (loops, copies, missing inputs); whether a task makes sense and its
answer is right needs a reader. A judge that passes everything (or nothing) would make the step a no-op
that looks like a check, so before any verdict counts the judge grades a calibration set of records known
good or bad (built in: real SmolLM2 Self-Instruct records a reader rejected, wrong and off-topic answers,
and good ones; or the user's file with the records' own fields and `good`). Under the balanced-accuracy
bar it is not used: the run stops (`on_untrusted: stop`, before any record is dropped) or keeps every
record unjudged and says so (`keep_all`).

A per-record step: the calibration runs once, before the first verdict (the records that arrive
meanwhile wait for it), and each record is then judged as it streams. It runs in the driver, where its
one calibration lives; its model calls still go wherever the driver's engines send them.
"""

from __future__ import annotations

import asyncio
from importlib import resources
from pathlib import Path
from typing import Literal

import orjson
from pydantic import Field

from synthloom.errors import RunStop
from synthloom.guards.calibration_rows import check_labelled_rows
from synthloom.guards.judge_calibration import MIN_BALANCED_ACCURACY, Calibration, score
from synthloom.io.tables import read_table
from synthloom.record import Record
from synthloom.steps.base import RecordStep, StepContext, dropped
from synthloom.steps.plan import Flow, ModelCalls, Span, StepPlan
from synthloom.steps.step_config import BuiltinOrPath, ModelName, RunFacts, StepConfig, refuse_self_judging
from synthloom.verifiers.judge import JudgeVerifier

DEFAULT_RUBRIC = ("The question is a clear task a person could ask. The answer does what it asks, is correct, "
                  "complete and on topic, and does not merely restate the question or its input.")
# The built-in calibration set's prompt fields and response field.
BUILTIN_FIELDS: tuple[tuple[str, ...], str] = (("instruction", "input"), "output")


class JudgeNotTrusted(RunStop):
    """The judge failed its calibration and the step was told to stop rather than run without it."""


class JudgeFilterStepConfig(StepConfig):
    """Keep the records a judge model passes against a rubric, after checking the judge on known records."""

    step: Literal["judge_filter"]
    model: ModelName = Field(description="the judge; must differ from policy_model (see allow_same_model)")
    policy_model: ModelName = Field("default", description="the model that wrote the records")
    allow_same_model: bool = Field(False, description="let the policy judge its own records (flagged)")
    rubric: str = DEFAULT_RUBRIC
    prompt_fields: list[str] = Field(["instruction", "input"], min_length=1,
                                     description="fields shown to the judge as the question, in order")
    response_field: str = "output"
    calibration: BuiltinOrPath = Field("builtin", description="records known good or bad: a table with the "
                                       "prompt fields, the response field and a boolean `good`; builtin: "
                                       "synthloom's instruction/input/output set")
    on_untrusted: Literal["stop", "keep_all"] = Field(
        "stop", description="a judge under the calibration bar: stop the run, or keep every record unjudged")
    keep_unclear: bool = Field(False, description="keep records whose verdict the judge left unclear")
    max_tokens: int = Field(60, ge=1, description="the verdict and its one-sentence reason; 1 reads the verdict "
                            "alone (from the first token's probabilities when the word is not clear)")

    def check_in_run(self, run: RunFacts, index: int) -> None:
        refuse_self_judging(run, f"pipeline.{index}.model", self.model, self.policy_model, self.allow_same_model,
                            "judge")

    def check_files(self) -> None:
        super().check_files()
        calibration_items(self)

    def plan(self, before: Flow) -> StepPlan:
        chosen = before.selected(self.only_if)
        prompt = self.template_tokens("judge_rubric") + before.record_tokens
        items = len(calibration_items(self))
        calls = [ModelCalls.each(self.model, "calibration verdicts", Span(items, items), prompt, self.max_tokens),
                 ModelCalls.each(self.model, "verdicts", chosen, prompt, self.max_tokens)]
        return StepPlan(calls, Span(0, before.records.hi), 0, "keeps the records the judge passes")


def question(fields: dict, prompt_fields: tuple[str, ...] | list[str]) -> str:
    """The prompt fields as the judge reads them: the first as it is, the others labelled, empty ones left out."""
    first, *rest = prompt_fields
    values = {name: str(fields.get(name) or "").strip() for name in prompt_fields}
    parts = [values[first]] + [f"{name.capitalize()}:\n{values[name]}" for name in rest if values[name]]
    return "\n\n".join(p for p in parts if p)


def calibration_items(config: JudgeFilterStepConfig) -> list[tuple[str, str, bool]]:
    """(question, response, good) per calibration record; a file missing a field is one clear error."""
    if config.calibration == "builtin":
        text = (resources.files("synthloom") / "data" / "judge_filter_calibration.jsonl").read_text(encoding="utf-8")
        rows = [orjson.loads(line) for line in text.splitlines() if line.strip()]
        prompt_fields, response_field = BUILTIN_FIELDS[0], BUILTIN_FIELDS[1]
    else:
        rows = read_table(Path(config.calibration))
        prompt_fields, response_field = tuple(config.prompt_fields), config.response_field
    check_labelled_rows(rows, step="judge_filter", source=config.calibration,
                        fields=[*prompt_fields[:1], response_field], label="good",
                        kinds="records known good and known bad")
    return [(question(row, prompt_fields), str(row[response_field]), row["good"]) for row in rows]


class JudgeFilterStep(RecordStep[JudgeFilterStepConfig]):
    config_class = JudgeFilterStepConfig
    runs_on_driver = True  # one calibration for the run, before any verdict

    def __init__(self, config: JudgeFilterStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.judge = JudgeVerifier(context.engines.get(config.model), config.rubric, max_tokens=config.max_tokens)
        self.calibration: Calibration | None = None
        self.same_model = context.engines.same_model(config.model, config.policy_model)
        self._calibrating = asyncio.Lock()

    async def _passes(self, prompt: str, response: str) -> tuple[bool | None, str]:
        """(True pass, False fail, None unclear; the judge's reason)."""
        verdict = await self.judge.verify(response, {"prompt": prompt})
        return (None if verdict.outcome == "judge_unclear" else verdict.passed), verdict.detail

    async def _calibrated(self) -> Calibration:
        async with self._calibrating:  # the first record calibrates; the others wait for its figures
            if self.calibration is None:
                items = calibration_items(self.config)
                answers = await asyncio.gather(*(self._passes(q, response) for q, response, _ in items))
                untrusted = {"stop": "the run stops",
                             "keep_all": "every record is kept unjudged"}[self.config.on_untrusted]
                self.calibration = score([passed for passed, _ in answers], [good for *_, good in items],
                                         labels=("good", "bad"), untrusted_means=untrusted)
        return self.calibration

    async def process(self, record: Record) -> list[Record]:
        cfg = self.config
        calibration = await self._calibrated()
        if not calibration.trusted:
            if cfg.on_untrusted == "stop":
                raise JudgeNotTrusted(
                    f"{self.name}: the judge {cfg.model!r} cannot tell good records from bad: "
                    f"{calibration.describe()}. Use a stronger judge (under `models:`), or set "
                    "on_untrusted: keep_all to keep every record unjudged. Work done so far is saved "
                    "(model answers are cached); rerun with --resume.")
            self.counters["kept_unjudged_untrusted_judge"] += 1
            return [record]
        fields = record.fields
        passed, reason = await self._passes(question(fields, cfg.prompt_fields),
                                            str(fields.get(cfg.response_field) or ""))
        outcome = "pass" if passed else "unclear" if passed is None else "fail"
        if passed or (passed is None and cfg.keep_unclear):
            record.scores["judge_pass"] = 1.0 if passed else 0.0
            self.counters[f"kept_{outcome}"] += 1
            return [record]
        self.counters[f"dropped_judged_{outcome}"] += 1
        return [dropped(self.name, record, f"judged_{outcome}", judge=cfg.model, judge_said=reason)]

    def report(self) -> dict:
        out: dict = {"rubric": self.config.rubric, "required_balanced_accuracy": MIN_BALANCED_ACCURACY}
        if self.calibration:
            out["judge_calibration"] = self.calibration.describe()
            out["judge_trusted"] = self.calibration.trusted
        if self.same_model:
            out["flag"] = "the judge is the policy model (allow_same_model: true)"
        return out
