"""`step: grounding_check`: keep only answers their cited text supports, and say where it supports them.

Two stages. A lexical pre-filter, free: every number in the answer must be in the cited chunks and
enough of its content words (`min_content_overlap`); it can only reject. Then an entailment-style judge
(`model`): does the source state, or directly imply, every claim of the answer? Before its verdicts
count, the judge grades pairs known supported or unsupported (built in: changed numbers, names and
dates, negations and added facts against short passages; or the user's file), with the balanced-accuracy
bar every synthloom judge meets. A judge under it is not used: the run stops (`on_untrusted: stop`,
before anything is dropped) or the pre-filter decides alone and the report says so (`lexical_only`).
With no `model`, the pre-filter decides alone by choice.

A per-record step: the judge is calibrated once, before the first record is decided (records that
arrive meanwhile wait), so a judge that fails stops the run before anything is dropped; then each record
is checked as it streams. It runs in the driver, where its one calibration lives.

Removed records carry the stage and the reason. Kept ones get `support`: for each cited chunk, the
character span (in the document's text) of the supporting sentence: the model's quoted evidence when
it is in the chunk, else the sentence sharing most content words with the answer.
"""

from __future__ import annotations

import asyncio
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import orjson
from pydantic import Field

from synthloom.engine.prompting import ask
from synthloom.errors import RunStop
from synthloom.guards.calibration_rows import check_labelled_rows
from synthloom.guards.judge_calibration import MIN_BALANCED_ACCURACY, Calibration, score
from synthloom.io.tables import read_table
from synthloom.models.logprobs import choice_from_logprobs
from synthloom.record import Record
from synthloom.steps.base import RecordStep, StepContext, dropped
from synthloom.steps.plan import Flow, ModelCalls, Span, StepPlan
from synthloom.steps.step_config import (
    BuiltinOrPath,
    OptionalModelName,
    RunFacts,
    StepConfig,
    TemplateName,
    refuse_self_judging,
)
from synthloom.techniques.grounding import MIN_CONTENT_OVERLAP, find_support, lexical_support

CALIBRATION_FIELDS = ("source", "question", "answer", "supported")


class JudgeNotTrusted(RunStop):
    """The grounding judge failed its calibration and the step was told to stop."""


class GroundingCheckStepConfig(StepConfig):
    """Drop answers their cited chunks do not support: a lexical pre-filter, then a calibrated judge."""

    step: Literal["grounding_check"]
    model: OptionalModelName = Field(None, description="the entailment judge; none: the lexical pre-filter "
                                     "decides alone")
    policy_model: OptionalModelName = Field("default", description="the model that wrote the answers")
    allow_same_model: bool = Field(False, description="let the policy judge its own answers (flagged)")
    template: TemplateName = "grounding_judge"
    lexical: bool = Field(True, description="run the lexical pre-filter")
    min_content_overlap: float = Field(MIN_CONTENT_OVERLAP, ge=0, le=1,
                                       description="share of the answer's content words the cited text must hold")
    calibration: BuiltinOrPath = Field("builtin", description="pairs known supported or not: a table with "
                                       "source, question, answer and a boolean `supported`; builtin: synthloom's")
    on_untrusted: Literal["stop", "lexical_only"] = Field(
        "stop", description="a judge under the calibration bar: stop the run, or let the pre-filter decide alone")
    keep_unclear: bool = Field(False, description="keep answers whose verdict the judge left unclear")
    max_tokens: int = Field(60, ge=1, description="the verdict and its one-sentence reason")
    question_field: str = "question"
    answer_field: str = "answer"

    def check_in_run(self, run: RunFacts, index: int) -> None:
        if self.model is not None and self.policy_model is not None:
            refuse_self_judging(run, f"pipeline.{index}.model", self.model, self.policy_model,
                                self.allow_same_model, "grounding judge")

    def check_files(self) -> None:
        super().check_files()
        if self.model is not None:
            calibration_items(self.calibration)

    def plan(self, before: Flow) -> StepPlan:
        calls = []
        if self.model is not None:
            prompt = self.template_tokens(self.template) + 2 * before.record_tokens
            items = len(calibration_items(self.calibration))
            calls = [ModelCalls.each(self.model, "calibration verdicts", Span(items, items), prompt, self.max_tokens),
                     ModelCalls.each(self.model, "grounding verdicts", before.selected(self.only_if), prompt,
                                     self.max_tokens)]
        return StepPlan(calls, Span(0, before.records.hi), 0, "keeps the answers their citations support")


def calibration_items(calibration: str) -> list[dict[str, Any]]:
    if calibration == "builtin":
        text = (resources.files("synthloom") / "data" / "grounding_calibration.jsonl").read_text(encoding="utf-8")
        rows = [orjson.loads(line) for line in text.splitlines() if line.strip()]
    else:
        rows = read_table(Path(calibration))
    fields = [name for name in CALIBRATION_FIELDS if name != "supported"]
    check_labelled_rows(rows, step="grounding_check", source=calibration, fields=fields, label="supported",
                        kinds="pairs known supported and known not")
    return rows


def read_yes_no(text: str, logprobs: list[dict] | None) -> tuple[bool | None, str]:
    """(supported, reason) from "YES: ..." / "NO: ..."; the first tokens' logprobs decide when the text
    does not start with either word."""
    head, _, reason = text.strip().partition(":")
    word = head.strip().strip("*").strip().lower().rstrip(".")
    verdict = {"yes": True, "no": False, "supported": True, "unsupported": False, "not supported": False}.get(word)
    if verdict is None:
        verdict = choice_from_logprobs(logprobs, {"yes": True, "no": False})
    return verdict, (reason.strip() or text.strip())[:300]


def cited_text(citations: list[dict[str, Any]]) -> str:
    return "\n\n".join(str(c.get("chunk_text") or "") for c in citations)


class GroundingCheckStep(RecordStep[GroundingCheckStepConfig]):
    config_class = GroundingCheckStepConfig
    runs_on_driver = True  # one calibration for the run, before any record is decided

    def __init__(self, config: GroundingCheckStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.engine = context.engines.get(config.model) if config.model is not None else None
        self.calibration: Calibration | None = None
        self.same_model = (config.model is not None and config.policy_model is not None
                           and context.engines.same_model(config.model, config.policy_model))
        self._calibrating = asyncio.Lock()

    async def _supported(self, source: str, question: str, answer: str) -> tuple[bool | None, str]:
        assert self.engine is not None
        reply = await ask(self.engine, self.config.template, {"source": source, "question": question,
                                                              "answer": answer},
                          temperature=0, max_tokens=self.config.max_tokens, logprobs=True, top_logprobs=10)
        return read_yes_no(reply.choice.text, reply.choice.logprobs)

    async def _trusted_judge(self) -> bool:
        """Whether a judge decides: calibrated once (the first record does it, the others wait); one
        that fails stops the run (`on_untrusted: stop`) before any record is dropped."""
        cfg = self.config
        if self.engine is None:
            return False
        async with self._calibrating:
            if self.calibration is None:
                items = calibration_items(cfg.calibration)
                answers = await asyncio.gather(*(self._supported(i["source"], i["question"], i["answer"])
                                                 for i in items))
                untrusted = {"stop": "the run stops", "lexical_only": "the lexical pre-filter decides alone"}
                self.calibration = score([passed for passed, _ in answers], [i["supported"] for i in items],
                                         labels=("supported", "unsupported"),
                                         untrusted_means=untrusted[cfg.on_untrusted])
                if not self.calibration.trusted and cfg.on_untrusted != "stop":
                    self._counters["judge_untrusted"] = 1
        if not self.calibration.trusted and cfg.on_untrusted == "stop":
            raise JudgeNotTrusted(
                f"{self.name}: the judge {cfg.model!r} cannot tell supported answers from unsupported ones: "
                f"{self.calibration.describe()}. Use a stronger judge (under `models:`), or set "
                "on_untrusted: lexical_only to let the lexical pre-filter decide alone. Work done so far "
                "is saved (model answers are cached); rerun with --resume.")
        return self.calibration.trusted

    def _removed(self, record: Record, stage: str, reason: str, **more: Any) -> list[Record]:
        self.counters[f"dropped_unsupported_{stage}"] += 1
        return [dropped(self.name, record, f"unsupported_{stage}", reason=reason, **more)]

    async def process(self, record: Record) -> list[Record]:
        cfg = self.config
        judged = await self._trusted_judge()
        fields = record.fields
        citations = fields.get("citations")
        answer = str(fields.get(cfg.answer_field) or "")
        if citations is None and not answer.strip():
            self.counters["passed_without_answer"] += 1
            return [record]  # not a question-answer record (a chunk kept by keep_chunks): not ours
        if not isinstance(citations, list) or not citations or not answer.strip():
            return self._removed(record, "no_citation", "the record cites no chunk text, or has no answer")
        if cfg.lexical:
            check = lexical_support(answer, cited_text(citations), cfg.min_content_overlap)
            record.scores["content_overlap"] = round(check.overlap, 3)
            if not check.supported:
                return self._removed(record, "lexical", check.reason())
        verdict, reason = (await self._supported(cited_text(citations), str(fields.get(cfg.question_field) or ""),
                                                 answer)) if judged else (None, "")
        if verdict is False or (verdict is None and judged and not cfg.keep_unclear):
            return self._removed(record, "judge" if verdict is False else "judge_unclear", reason, judge=cfg.model)
        if verdict is not None:
            record.scores["grounded"] = 1.0 if verdict else 0.0
        self._locate(record)
        self.counters["kept_judged" if verdict is not None else "kept_lexical_only"] += 1
        return [record]

    def _locate(self, record: Record) -> None:
        """`support`: per cited chunk, the supporting text's span in its document (None when not found)."""
        fields = record.fields
        support = []
        for cited in fields["citations"]:
            found = find_support(str(fields.get("evidence") or ""), str(fields.get(self.config.answer_field) or ""),
                                 str(cited.get("chunk_text") or ""))
            offset = cited.get("char_start") or 0
            if found is None:
                support.append({"chunk_id": cited.get("chunk_id"), "span": None, "found_by": None, "text": None})
                continue
            start, end, how = found
            support.append({"chunk_id": cited.get("chunk_id"), "span": [offset + start, offset + end],
                            "found_by": how, "text": str(cited["chunk_text"])[start:end]})
        fields["support"] = support
        self.counters["support_spans_found"] += sum(s["span"] is not None for s in support)

    def report(self) -> dict:
        out: dict = {"lexical_prefilter": self.config.lexical, "min_content_overlap": self.config.min_content_overlap,
                     "required_balanced_accuracy": MIN_BALANCED_ACCURACY}
        if self.engine is None:
            out["judge"] = "none: the lexical pre-filter decides alone"
        if self.calibration:
            out["judge_calibration"] = self.calibration.describe()
            out["judge_trusted"] = self.calibration.trusted
            if not self.calibration.trusted:
                out["flag"] = "the judge failed its calibration: only the lexical pre-filter checked grounding"
        if self.same_model:
            out["flag"] = "the judge is the policy model (allow_same_model: true)"
        return out
