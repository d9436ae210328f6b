"""Magpie self-synthesis (Xu et al., 2024): instructions sampled from an aligned chat model's pre-query
template (its chat template up to where a user's words begin), then answered as a normal chat.

No seed data: the model's alignment is the distribution the instructions come from. The pre-query
template is the model's own (`auto`: the GGUF's metadata for the in-process llama.cpp backend, GET /props
for llama.cpp's server) or a preset (chatml, llama3, phi3, gemma) for OpenAI-compatible servers whose
`/v1/completions` takes the raw text. Instructions that are empty, cut off by the token limit, loops,
too short, or repeats of one kept already are dropped, each counted by reason (and written to
removed.jsonl); sampling goes on in rounds until `count` are kept or `max_samples` were drawn.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import Field

from synthloom.engine.prompting import gather_settled, item_seed
from synthloom.errors import UserError
from synthloom.models.base import ChatRequest
from synthloom.record import Lineage, Record, stable_id
from synthloom.steps.base import PoolStep, StepContext
from synthloom.steps.plan import Flow, ModelCalls, Span, StepPlan, tokens
from synthloom.steps.removed_sample import capped
from synthloom.steps.step_config import ModelName, OptionalModelName, RunFacts, StepConfig
from synthloom.techniques.magpie import PRESETS, InstructionFilter, PreQuery, pre_query


class MagpieStepConfig(StepConfig):
    """Magpie: instructions sampled from an aligned model's pre-query template, then answered."""

    makes_records: ClassVar[bool] = True

    step: Literal["magpie"]
    model: ModelName = Field("default", description="the aligned chat model whose pre-query template is sampled")
    response_model: OptionalModelName = Field(None, description="answers the instructions; default: model")
    count: int = Field(100, ge=1, description="instructions to keep")
    max_samples: int | None = Field(None, ge=1, description="instructions to sample at most; default: 3 x count")
    pre_query_template: str = Field("auto", description="auto (the model's own chat template: GGUF metadata, or "
                                    "llama.cpp server's /props), a preset (chatml, llama3, phi3, gemma), or a "
                                    "chat template in Jinja")
    system: str | None = Field(None, description="a system prompt rendered into the pre-query template (steers "
                               "the topic) and sent with the answer")
    instruction_stop: list[str] | None = Field(None, description="what ends an instruction; default: what the "
                                               "template writes after a user's message")
    instruction_temperature: float = Field(1.0, ge=0, description="Magpie sampled at 1.0, top_p 1.0")
    instruction_top_p: float = Field(1.0, gt=0, le=1)
    instruction_max_tokens: int = Field(128, ge=8, description="an instruction cut off here is dropped")
    temperature: float = Field(0.7, ge=0, description="the answer's")
    max_tokens: int = Field(512, ge=8)
    keep_truncated_responses: bool = Field(False, description="keep answers cut off by max_tokens")
    repeat_similarity: float = Field(0.9, gt=0, le=1, description="ROUGE-L F at which an instruction repeats "
                                     "one kept already; 1: only the same words")
    min_words: int = Field(3, ge=1, description="shorter instructions are dropped")
    seed: int = 0

    def samples_cap(self) -> int:
        return self.max_samples or 3 * self.count

    def check_in_run(self, run: RunFacts, index: int) -> None:
        if run.backends[self.model] == "anthropic":
            raise ValueError(f"pipeline.{index}.model: Magpie samples raw text completions, which the Anthropic "
                             "Messages API does not offer; use the llamacpp backend or an OpenAI-compatible server")
        if self.max_samples is not None and self.max_samples < self.count:
            raise ValueError(f"pipeline.{index}.max_samples: {self.max_samples} is fewer than count ({self.count})")

    def plan(self, before: Flow) -> StepPlan:
        answerer = self.response_model or self.model
        calls = [ModelCalls.each(self.model, "instructions", Span(self.count, self.samples_cap()),
                                 tokens(len(self.system or "")) + 30, self.instruction_max_tokens),
                 ModelCalls.each(answerer, "answers", Span(0, self.count), self.instruction_max_tokens,
                                 self.max_tokens)]
        return StepPlan(calls, before.records + Span(0, self.count), self.max_tokens,
                        "filters drop instructions; sampling stops at count kept or max_samples drawn")


class MagpieStep(PoolStep[MagpieStepConfig]):
    config_class = MagpieStepConfig

    def __init__(self, config: MagpieStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.engine = context.engines.get(config.model)
        self.answerer = context.engines.get(config.response_model or config.model)
        self.pre: PreQuery | None = None

    async def _pre_query(self) -> PreQuery:
        cfg = self.config
        name = cfg.pre_query_template
        if name in PRESETS:
            found = pre_query(PRESETS[name], f"preset {name}", cfg.system)
        elif name != "auto":
            found = pre_query(name, "pre_query_template", cfg.system)
        else:
            reader = getattr(self.engine.backend, "chat_template", None)
            template = await reader() if reader is not None else None
            if template is None:
                raise UserError(f"{self.name}: the model {self.engine.backend.model_name!r} does not report its "
                                f"chat template; set pre_query_template to one of {', '.join(PRESETS)} (or the "
                                "template itself)")
            found = pre_query(template, f"{self.engine.backend.model_name}'s own chat template", cfg.system)
        if cfg.instruction_stop is not None:
            found = PreQuery(found.text, tuple(cfg.instruction_stop), found.source)
        return found

    async def run_all(self, records: list[Record]) -> list[Record]:
        cfg = self.config
        self.pre = pre = await self._pre_query()
        keep = InstructionFilter(cfg.repeat_similarity, cfg.min_words)
        kept: list[tuple[int, str, dict[str, Any]]] = []
        drawn = 0
        bar = self.context.board.bar(f"{self.name}: instructions", cfg.count)
        while len(kept) < cfg.count and drawn < cfg.samples_cap():
            batch = range(drawn, min(drawn + cfg.count - len(kept), cfg.samples_cap()))
            drawn = batch.stop
            sampled = await gather_settled((self._instruction(pre, i) for i in batch), self.counters,
                                           "instruction_request_failed")
            for i, outcome in zip(batch, sampled, strict=True):
                if outcome is None:
                    continue
                text, meta = outcome
                reason = keep.reason_to_drop(text, meta["finish_reason"])
                if reason is not None:
                    self._drop(i, text, meta, reason)
                    continue
                kept.append((i, text, meta))
                bar.advance()
        self.counters["instructions_sampled"] = drawn
        self.counters["instructions_kept"] = len(kept)
        answers = await gather_settled((self._answer(i, text, meta) for i, text, meta in kept), self.counters,
                                       "answer_request_failed")
        self.removed = capped(self.removed, self.counters)
        return [*records, *(r for r in answers if r is not None)]

    async def _instruction(self, pre: PreQuery, index: int) -> tuple[str, dict[str, Any]]:
        cfg = self.config
        seed = item_seed(cfg.seed, "magpie", index)
        [sample] = await self.engine.complete(ChatRequest.text(
            pre.text, temperature=cfg.instruction_temperature, top_p=cfg.instruction_top_p,
            max_tokens=cfg.instruction_max_tokens, stop=list(pre.stop), seed=seed))
        return sample.choice.text.strip(), {
            "sample_index": index, "seed": seed, "finish_reason": sample.choice.finish_reason,
            "prompt_tokens": sample.usage.prompt_tokens, "completion_tokens": sample.usage.completion_tokens,
            "cached": sample.cached}

    def _record_id(self, index: int) -> str:
        assert self.pre is not None
        return stable_id("magpie", self.name, self.pre.text, self.config.seed, index)

    def _lineage(self, rid: str, seed: int) -> Lineage:
        assert self.pre is not None
        return Lineage(technique="magpie", model=self.engine.backend.model_name, template="pre_query",
                       params={"pre_query": self.pre.source, "response_model": self.answerer.backend.model_name,
                               "instruction_temperature": self.config.instruction_temperature},
                       seed=seed, root=rid, steps=[self.name])

    def _drop(self, index: int, text: str, meta: dict[str, Any], reason: str) -> None:
        self.counters[f"dropped_{reason}"] += 1
        rid = self._record_id(index)
        self.removed.append(Record(rid, {"instruction": text}, lineage=self._lineage(rid, meta["seed"]),
                                   meta={self.name: {"removed": reason, "instruction": meta}}))

    async def _answer(self, index: int, instruction: str, meta: dict[str, Any]) -> Record | None:
        cfg = self.config
        messages = [{"role": "system", "content": cfg.system}] if cfg.system else []
        messages.append({"role": "user", "content": instruction})
        [sample] = await self.answerer.complete(ChatRequest.build(
            messages, temperature=cfg.temperature, max_tokens=cfg.max_tokens,
            seed=item_seed(cfg.seed, "magpie-answer", index)))
        response = sample.choice.text.strip()
        answer_meta = {"finish_reason": sample.choice.finish_reason, "prompt_tokens": sample.usage.prompt_tokens,
                       "completion_tokens": sample.usage.completion_tokens, "cached": sample.cached}
        rid = self._record_id(index)
        record = Record(rid, {"instruction": instruction, "response": response,
                              "messages": [*messages, {"role": "assistant", "content": response}]},
                        lineage=self._lineage(rid, meta["seed"]),
                        meta={self.name: {"instruction": meta, "answer": answer_meta}})
        reason = ("empty_response" if not response else
                  "truncated_response" if sample.choice.finish_reason == "length" and not cfg.keep_truncated_responses
                  else None)
        if reason:
            self.counters[f"dropped_{reason}"] += 1
            record.meta[self.name]["removed"] = reason
            self.removed.append(record)
            return None
        self.counters["records"] += 1
        return record
