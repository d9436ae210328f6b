"""The generic model step: render a template from the record's fields, ask the model, keep the answer."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from synthloom.models.base import ChatRequest
from synthloom.record import Record
from synthloom.steps.base import RecordStep, StepContext, StepError, TemplateFieldMissing
from synthloom.steps.plan import Flow, ModelCalls, StepPlan, tokens
from synthloom.steps.reply_fields import UNFINISHED_HINT, reasoning_fields, reasoning_meta
from synthloom.steps.step_config import ModelName, StepConfig, TemplateName
from synthloom.templates import load_template, render


class GenerateStepConfig(StepConfig):
    """Render a template from each record's fields, ask a model, keep the answer in `output_field`."""

    step: Literal["generate"]
    model: ModelName = Field("default", description="a name under `models:`, or default for `model:`")
    template: TemplateName = Field("answer", description="a template in synthloom's data/templates, or a .jinja path")
    system: str | None = None
    output_field: str = "output"
    n: int = Field(1, ge=1)
    temperature: float = Field(ChatRequest.temperature, ge=0)
    top_p: float = Field(ChatRequest.top_p, gt=0, le=1)
    max_tokens: int = Field(ChatRequest.max_tokens, ge=1)
    seed: int | None = None
    stop: list[str] = Field(default_factory=list)
    json_schema: dict[str, Any] | None = None

    def plan(self, before: Flow) -> StepPlan:
        chosen = before.selected(self.only_if)
        prompt = self.template_tokens(self.template) + before.record_tokens + tokens(len(self.system or ""))
        return StepPlan([ModelCalls.each(self.model, "answers", chosen * self.n, prompt, self.max_tokens)],
                        before.records + chosen * (self.n - 1), self.max_tokens)


class GenerateStep(RecordStep[GenerateStepConfig]):
    config_class = GenerateStepConfig

    def __init__(self, config: GenerateStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.engine = context.engines.get(config.model)
        self.template = load_template(config.template)
        self.params = {
            "n": config.n, "temperature": config.temperature, "top_p": config.top_p,
            "max_tokens": config.max_tokens, "seed": config.seed, "stop": list(config.stop),
            "json_schema": config.json_schema,
        }

    def request_for(self, record: Record) -> ChatRequest:
        try:
            prompt = render(self.template, record.fields)
        except KeyError as exc:
            raise TemplateFieldMissing.of(self.config.template, exc) from None
        messages = [{"role": "system", "content": self.config.system}] if self.config.system else []
        messages.append({"role": "user", "content": prompt})
        return ChatRequest.build(messages, **self.params)

    async def process(self, record: Record) -> list[Record]:
        request = self.request_for(record)
        samples = await self.engine.complete(request)
        lineage_params = {k: v for k, v in self.params.items() if k not in ("seed", "n") and v not in (None, [])}
        children = []
        for index, sample in enumerate(samples):
            if sample.choice.reasoning_unfinished:  # no answer to keep; the others of its n still count
                self.counters["unfinished_reasoning"] += 1
                continue
            child = record.child(
                self.name, index, {self.config.output_field: sample.choice.text,
                                   **reasoning_fields(sample, self.config.output_field, record.fields)},
                technique=record.lineage.technique or "generate",
                model=self.engine.backend.model_name,
                template=self.config.template,
                params=lineage_params,
                seed=request.seed if request.seed is None else request.seed + index,
            )
            child.meta[self.name] = {
                "finish_reason": sample.choice.finish_reason,
                "prompt_tokens": sample.usage.prompt_tokens,
                "completion_tokens": sample.usage.completion_tokens,
                "cached": sample.cached,
                "sample_index": index,
                **reasoning_meta(sample),
            }
            children.append(child)
        if samples and not children:
            raise StepError(f"unfinished: {UNFINISHED_HINT}")
        return children
