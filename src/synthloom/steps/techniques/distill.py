"""Knowledge distillation: teachers label inputs for a student, with evidence of how often they are wrong.

Before labelling at scale, an optional audit labels a gold sample and measures accuracy overall and per
category; categories under the threshold stop the run, are flagged on their records, or are skipped,
as configured. With several teachers, each labels every input and the majority label wins (or only a
unanimous one); the share of teachers that agree is kept as the label's confidence.
"""

from __future__ import annotations

import asyncio
from typing import Any, Literal

from pydantic import Field

from synthloom.engine.prompting import gather_settled, item_seed
from synthloom.errors import UserError
from synthloom.io.tables import read_table
from synthloom.models.base import ChatRequest
from synthloom.record import Record
from synthloom.steps.base import PoolStep, StepContext, StepError, TemplateFieldMissing
from synthloom.steps.plan import Flow, ModelCalls, Span, StepPlan, tokens
from synthloom.steps.reply_fields import trace_fields
from synthloom.steps.step_config import ConfigRelativePath, ModelNames, StepConfig, Strict, TemplateName
from synthloom.techniques.labels import AuditResult, Vote, audit, match_option, normalize, split_reasoning, vote
from synthloom.templates import load_template, render


class AuditConfig(Strict):
    path: ConfigRelativePath = Field(description="gold-labelled rows (JSONL, CSV, Parquet or a datasets folder)")
    gold_field: str = "label"
    category_field: str | None = "category"
    min_accuracy: float = Field(0.7, ge=0, le=1)
    on_low: Literal["stop", "flag", "skip_category"] = Field(
        "flag", description="stop the run, flag the records of low categories, or leave them unlabelled")
    limit: int | None = Field(None, ge=1)


class DistillStepConfig(StepConfig):
    """Teachers label inputs for a student (knowledge distillation), with an audit against gold labels."""

    step: Literal["distill"]
    teachers: ModelNames = Field(default_factory=lambda: ["default"], min_length=1)
    template: TemplateName = Field("answer", description="builtin template name or a .jinja path")
    system: str | None = None
    output_field: str = "label"
    label_options: list[str] | None = Field(None, description="read the answer as one of these labels")
    reasoning: bool = Field(False, description="keep the reasoning before answer_marker apart from the answer")
    answer_marker: str = "Final answer:"
    agreement: Literal["majority", "unanimous"] = Field("majority", description="unanimous drops disagreements")
    audit: AuditConfig | None = None
    temperature: float = Field(0.0, ge=0)
    max_tokens: int = Field(256, ge=1)
    seed: int = 0

    def plan(self, before: Flow) -> StepPlan:
        prompt = self.template_tokens(self.template) + before.record_tokens + tokens(len(self.system or ""))
        calls = [ModelCalls.each(t, "labels", before.records, prompt, self.max_tokens) for t in self.teachers]
        if self.audit is not None:
            audited = Span(0, self.audit.limit) if self.audit.limit else Span(0, before.records.hi)
            calls += [ModelCalls.each(t, "audit labels", audited, prompt, self.max_tokens) for t in self.teachers]
        kept = Span(0, before.records.hi) if self.agreement == "unanimous" or self.audit else before.records
        return StepPlan(calls, kept, self.max_tokens, "teachers that disagree, or fail the audit, drop records")


class DistillStep(PoolStep[DistillStepConfig]):
    # the audit must finish before any input is labelled
    config_class = DistillStepConfig

    def __init__(self, config: DistillStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.teachers = {t: context.engines.get(t) for t in config.teachers}
        self.template = load_template(config.template)
        self.audit_result: AuditResult | None = None

    async def run_all(self, records: list[Record]) -> list[Record]:
        cfg = self.config
        low: set[str] = set()
        if cfg.audit is not None:
            low = await self._audit()
        bar = self.context.board.bar(f"{self.name}: labels", len(records))
        todo = []
        skip_low = cfg.audit is not None and cfg.audit.on_low == "skip_category"
        for record in records:
            category = self._category(record.fields)
            if category in low and skip_low:
                self.counters["skipped_low_accuracy_category"] += 1
                continue
            todo.append(record)
        labelled = await gather_settled((self._label_record(r, low, bar) for r in todo), self.counters,
                                        "label_request_failed", keep=(StepError,))
        missing = [o for o in labelled if isinstance(o, TemplateFieldMissing)]
        if todo and len(missing) == len(todo):  # not one record renders: the template or input is wrong
            raise UserError(f"{self.name}: {missing[0]}")
        out = []
        for outcome in labelled:
            if isinstance(outcome, StepError):
                self.counters["skipped_missing_field"] += 1
            elif outcome is not None:
                out.append(outcome)
        return out

    # -- labelling ---------------------------------------------------------------------------------

    def _prompt(self, fields: dict[str, Any]) -> str:
        try:
            return render(self.template, fields)
        except KeyError as exc:
            raise TemplateFieldMissing.of(self.config.template, exc) from None

    async def _ask(self, teacher: str, prompt: str, key: str) -> tuple[str | None, str]:
        """One teacher's (label, reasoning); the label is None when no option can be read from it."""
        cfg = self.config
        messages = [{"role": "system", "content": cfg.system}] if cfg.system else []
        messages.append({"role": "user", "content": prompt})
        [sample] = await self.teachers[teacher].complete(ChatRequest.build(
            messages, temperature=cfg.temperature, max_tokens=cfg.max_tokens, seed=item_seed(cfg.seed, key)))
        if sample.choice.reasoning_unfinished:  # a reasoning model that never reached its answer
            self.counters["unfinished_reasoning"] += 1
            return None, sample.choice.reasoning or ""
        reasoning, answer = split_reasoning(sample.choice.text, cfg.answer_marker) if cfg.reasoning \
            else ("", sample.choice.text.strip())
        # A reasoning model's own trace (reasoning_content or a <think> block) comes before any marked part.
        reasoning = "\n\n".join(p for p in (sample.choice.reasoning, reasoning) if p)
        label = match_option(answer, cfg.label_options) if cfg.label_options else answer
        return (label or None), reasoning

    async def _vote(self, prompt: str, key: str) -> tuple[Vote, dict[str, Any]]:
        replies = await asyncio.gather(*(self._ask(t, prompt, key) for t in self.teachers))
        answers = {t: label for t, (label, _) in zip(self.teachers, replies, strict=True)}
        result = vote(list(answers.values()), unanimous=self.config.agreement == "unanimous")
        winner_reasoning = next((r for (label, r) in replies if label and normalize(label) == result.label), "")
        return result, {"answers": answers, "reasoning": winner_reasoning}

    async def _label_record(self, record: Record, low: set[str], bar) -> Record | None:
        cfg = self.config
        try:
            prompt = self._prompt(record.fields)
            result, details = await self._vote(prompt, record.id)
        finally:
            bar.advance()
        if result.label is None:
            self.counters["dropped_no_agreement" if result.counts else "dropped_unreadable"] += 1
            return None
        self.counters["labelled"] += 1
        self.counters[f"agreement_{round(result.agreement, 2)}"] += 1
        # Keep the teacher's own wording of the winning label (vote() compares normalized text).
        label = next(a for a in details["answers"].values() if a and normalize(a) == result.label)
        fields: dict[str, Any] = {
            "prompt": prompt, cfg.output_field: label,
            "messages": [{"role": "user", "content": prompt}, {"role": "assistant", "content": label}],
            "teacher_answers": details["answers"], "teacher_agreement": round(result.agreement, 4),
        }
        if cfg.reasoning and not details["reasoning"]:
            fields["reasoning"] = ""  # asked for: present even when the teacher gave none
        fields.update(trace_fields(details["reasoning"], cfg.output_field, record.fields))
        category = self._category(record.fields)
        if category in low and cfg.audit is not None:
            fields["audit_flag"] = f"teacher accuracy in {category!r} is under {cfg.audit.min_accuracy}"
            self.counters["flagged_low_accuracy_category"] += 1
        child = record.child(self.name, 0, fields, technique="distill", model="+".join(
            e.backend.model_name for e in self.teachers.values()), template=cfg.template,
            params={"teachers": list(self.teachers), "agreement": cfg.agreement})
        child.scores["teacher_agreement"] = round(result.agreement, 4)
        return child

    # -- the audit -----------------------------------------------------------------------------------

    def _category(self, fields: dict[str, Any]) -> str:
        """A record's category under the audit (its category field), or "" without one."""
        audit = self.config.audit
        return str(fields.get(audit.category_field, "")) if audit and audit.category_field else ""

    async def _audit(self) -> set[str]:
        cfg = self.config.audit
        assert cfg is not None  # called only when the step has an audit
        rows = read_table(cfg.path)
        if cfg.limit:
            rows = rows[: cfg.limit]
        missing = [f for f in (cfg.gold_field, cfg.category_field) if f and f not in rows[0]]
        if missing:
            raise UserError(f"{cfg.path}: the gold file has no {', '.join(map(repr, missing))} column")
        bar = self.context.board.bar(f"{self.name}: audit", len(rows))

        async def predict(i: int, row: dict) -> str | None:
            try:
                result, _ = await self._vote(self._prompt(row), f"audit-{i}")
            finally:
                bar.advance()
            return result.label

        predictions = await gather_settled((predict(i, r) for i, r in enumerate(rows)), self.counters,
                                           "audit_request_failed")
        categories = [str(r.get(cfg.category_field, "")) if cfg.category_field else "" for r in rows]
        self.audit_result = result = audit(predictions, [str(r[cfg.gold_field]) for r in rows], categories,
                                           cfg.min_accuracy)
        overall_low = result.overall < cfg.min_accuracy
        if cfg.on_low == "stop" and (result.low or overall_low):
            where = (", ".join(f"{c}: {result.by_category[c]:.0%}" for c in result.low)
                     or f"overall {result.overall:.0%}")
            raise UserError(f"teacher audit on {cfg.path}: accuracy under {cfg.min_accuracy:.0%} ({where}); "
                            "no input was labelled. Use a better teacher, or set audit.on_low to flag or "
                            "skip_category")
        return set(result.low)

    def report(self) -> dict[str, Any]:
        if self.audit_result is None:
            return {}
        r = self.audit_result
        return {"audit_accuracy": r.overall, "audit_accuracy_by_category": r.by_category,
                "audit_examples_by_category": r.counts, "audit_low_categories": r.low}
