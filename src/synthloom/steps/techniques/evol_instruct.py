"""Evol-Instruct (Xu et al., 2023, WizardLM): rewrite instructions into harder ones, round after round.

Each round evolves every instruction in the pool with an operation drawn uniformly at random (five
in-depth operations and in-breadth). An evolution that fails the paper's elimination checks is dropped
and its parent goes back to the pool unchanged, to be tried again next round. The dataset is the seeds
plus every round's survivors, each answered by the answer model and carrying its parent, operation
and round.
"""

from __future__ import annotations

import random
from functools import lru_cache
from importlib import resources
from typing import Literal, get_args

import yaml
from pydantic import Field

from synthloom.engine.prompting import ask, gather_settled, item_seed
from synthloom.record import Record
from synthloom.steps.base import PoolStep, StepContext
from synthloom.steps.plan import Flow, ModelCalls, Span, StepPlan
from synthloom.steps.removed_sample import capped
from synthloom.steps.step_config import ModelName, OptionalModelName, StepConfig
from synthloom.techniques.evol_filters import (
    copies_template_words,
    is_only_punctuation_and_stop_words,
    is_refusal,
    judge_says_equal,
    shares_prompt_run,
)
from synthloom.techniques.text_quality import is_not_language, is_repetition_loop, nearly_same, strip_numbering
from synthloom.templates import load_template, render

EvolOperation = Literal["add_constraints", "deepen", "concretize", "increase_reasoning", "complicate_input",
                        "in_breadth"]


class EvolInstructStepConfig(StepConfig):
    """Evol-Instruct (Xu et al., 2023); defaults are the paper's (M = 4 rounds)."""

    step: Literal["evol_instruct"]
    model: ModelName = Field("default", description="the model that rewrites instructions")
    answer_model: OptionalModelName = Field(None, description="the model that answers them; default: `model`")
    judge_model: OptionalModelName = Field(None, description="the model for the Equal / Not Equal check; "
                                    "default: `model`")
    rounds: int = Field(4, ge=1)
    operations: list[EvolOperation] = Field(default_factory=lambda: list(get_args(EvolOperation)), min_length=1)
    instruction_field: str = "instruction"
    output_field: str = "output"
    include_seeds: bool = Field(True, description="the final dataset is the seeds plus every round's survivors")
    refusal_max_words: int = Field(80, ge=1, description="a response with 'sorry' under this length fails")
    copy_markers: list[str] = Field(default_factory=lambda: [
        "given prompt", "rewritten prompt", "#given", "#rewritten", "given instruction", "rewritten instruction",
        "original instruction", "instruction to rewrite", "new instruction:"])
    temperature: float = Field(0.7, ge=0)
    max_tokens: int = Field(300, ge=16)
    answer_max_tokens: int = Field(400, ge=16)
    seed: int = 0

    def plan(self, before: Flow) -> StepPlan:
        pool = before.records
        rounds = pool * self.rounds
        answer_model = self.answer_model or self.model
        prompt = before.record_tokens + 150  # the instruction inside an evolution prompt
        calls = [ModelCalls.each(self.model, "evolutions", rounds, prompt, self.max_tokens),
                 ModelCalls.each(answer_model, "answers", Span(0, rounds.hi), self.max_tokens, self.answer_max_tokens),
                 ModelCalls.each(self.judge_model or self.model, "equal checks", Span(0, rounds.hi),
                                 self.template_tokens(EQUAL_CHECK) + 2 * self.max_tokens, 8)]
        if self.include_seeds:
            calls.insert(0, ModelCalls.each(answer_model, "seed answers", pool, before.record_tokens,
                                            self.answer_max_tokens))
        seeds = pool if self.include_seeds else Span.of(0)
        return StepPlan(calls, seeds + Span(0, rounds.hi), self.answer_max_tokens,
                        "an evolution eliminated early (a copy, a refusal) skips its answer and check")


IN_DEPTH = "evol_in_depth"
IN_BREADTH = "evol_in_breadth"
EQUAL_CHECK = "evol_equal_check"
ANSWER = "answer"


@lru_cache(maxsize=1)
def in_depth_methods() -> dict[str, str]:
    return yaml.safe_load((resources.files("synthloom") / "data" / "evol" / "methods.yaml").read_text())


def prompt_text(template: str, fields: dict) -> str:
    """The rewriting prompt's own words: rendered without the instruction being rewritten."""
    return render(load_template(template), {**fields, "instruction": ""})



class Eliminated(Exception):
    """An evolution that failed a check; `reason` names the check, `evolved` and `response` say what
    failed it (for removed.jsonl)."""

    def __init__(self, reason: str, evolved: str = "", response: str = "") -> None:
        super().__init__(reason)
        self.reason, self.evolved, self.response = reason, evolved, response


class EvolInstructStep(PoolStep[EvolInstructStepConfig]):
    config_class = EvolInstructStepConfig

    def __init__(self, config: EvolInstructStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.engines = context.engines

    async def run_all(self, records: list[Record]) -> list[Record]:
        cfg = self.config
        self.removed = []
        pool = [r for r in records if str(r.fields.get(cfg.instruction_field) or "").strip()]
        self.counters["skipped_without_instruction"] = len(records) - len(pool)
        rng = random.Random(cfg.seed)
        dataset: list[Record] = []
        bar = self.context.board.bar(f"{self.name}: evolutions", cfg.rounds * len(pool) + len(pool) * cfg.include_seeds)
        if cfg.include_seeds:
            dataset.extend(await self._answer_seeds(pool, bar))
        for round_no in range(1, cfg.rounds + 1):
            operations = [rng.choice(cfg.operations) for _ in pool]  # drawn in pool order: reproducible
            outcomes = await gather_settled((self._evolve(item, op, round_no, bar)
                                             for item, op in zip(pool, operations, strict=True)),
                                            self.counters, "eliminated_request_failed", keep=(Eliminated,))
            next_pool = []
            for item, outcome in zip(pool, outcomes, strict=True):
                if isinstance(outcome, Record):
                    self.counters[f"kept_round_{round_no}"] += 1
                    self.counters["kept"] += 1
                    dataset.append(outcome)
                    next_pool.append(outcome)
                    continue
                if isinstance(outcome, Eliminated):
                    self.counters[f"eliminated_{outcome.reason}"] += 1
                self._drop(item, round_no, outcome)
                next_pool.append(item)  # failed: the parent goes back as it was
            pool = next_pool
        self.counters["records"] = len(dataset)
        self.removed = capped(self.removed, self.counters)
        return dataset

    def _drop(self, parent: Record, round_no: int, outcome: Eliminated | None) -> None:
        cfg = self.config
        reason = outcome.reason if outcome is not None else "request_failed"
        fields = {cfg.instruction_field: outcome.evolved if outcome is not None else ""}
        if outcome is not None and outcome.response:
            fields[cfg.output_field] = outcome.response
        record = parent.child(self.name, round_no, fields, technique="evol_instruct", generation=round_no,
                              params={"round": round_no})
        record.meta[self.name] = {"removed": reason, "parent_instruction": parent.fields.get(cfg.instruction_field)}
        self.removed.append(record)

    async def _answer_seeds(self, seeds: list[Record], bar) -> list[Record]:
        async def answer(seed: Record) -> Record:
            if str(seed.fields.get(self.config.output_field) or "").strip():
                self.counters["seed_answer_given"] += 1
            else:
                response = await self._answer(seed.fields[self.config.instruction_field], seed.id, 0)
                seed = seed.child(self.name, 0, {self.config.output_field: response}, technique="seed")
                self.counters["seed_answered"] += 1
            bar.advance()
            return seed

        answered = await gather_settled((answer(s) for s in seeds), self.counters, "seed_answer_failed")
        return [record for record in answered if record is not None]

    async def _answer(self, instruction: str, item_id: str, round_no: int) -> str:
        cfg = self.config
        reply = await ask(self.engines.get(cfg.answer_model or cfg.model), ANSWER, {"instruction": instruction},
                          temperature=cfg.temperature, max_tokens=cfg.answer_max_tokens,
                          seed=item_seed(cfg.seed, "answer", item_id, round_no))
        return reply.choice.text.strip()

    async def _evolve(self, item: Record, operation: str, round_no: int, bar) -> Record:
        try:
            return await self._evolve_checked(item, operation, round_no)
        finally:
            bar.advance()

    async def _evolve_checked(self, item: Record, operation: str, round_no: int) -> Record:
        cfg = self.config
        parent = str(item.fields[cfg.instruction_field]).strip()
        template = IN_BREADTH if operation == "in_breadth" else IN_DEPTH
        fields = {"instruction": parent}
        if template == IN_DEPTH:
            fields["method"] = in_depth_methods()[operation]
        evolver = self.engines.get(cfg.model)
        reply = await ask(evolver, template, fields, temperature=cfg.temperature, max_tokens=cfg.max_tokens,
                          seed=item_seed(cfg.seed, "evolve", item.id, round_no))
        evolved = reply.choice.text.strip()
        if reply.choice.finish_reason == "length":
            raise Eliminated("cut_off_by_length", evolved)
        if not evolved:
            raise Eliminated("empty_evolution")
        own_words = prompt_text(template, fields)
        if copies_template_words(evolved, cfg.copy_markers) or shares_prompt_run(evolved, own_words):
            raise Eliminated("copied_template_words", evolved)
        if nearly_same(strip_numbering(evolved), parent):
            raise Eliminated("same_as_parent", evolved)  # no evolution at all: the judge need not be asked
        if is_repetition_loop(evolved) or is_not_language(evolved, min_words=4):
            raise Eliminated("not_an_instruction", evolved)
        verdict = await ask(self.engines.get(cfg.judge_model or cfg.model), EQUAL_CHECK,
                            {"first": parent, "second": evolved}, temperature=0, max_tokens=5,
                            logprobs=True, top_logprobs=10)
        equal = judge_says_equal(verdict.choice.text, verdict.choice.logprobs)
        if equal is None:
            self.counters["judge_unclear_kept"] += 1  # the paper drops only on a clear "Equal"
        elif equal:
            raise Eliminated("no_information_gain", evolved)
        response = await self._answer(evolved, item.id, round_no)
        if is_refusal(response, cfg.refusal_max_words):
            raise Eliminated("refusal", evolved, response)
        if is_only_punctuation_and_stop_words(response):
            raise Eliminated("response_only_punctuation_and_stop_words", evolved, response)
        return item.child(self.name, round_no, {cfg.instruction_field: evolved, cfg.output_field: response},
                          technique="evol_instruct", model=evolver.backend.model_name, template=template,
                          params={"operation": operation, "round": round_no},
                          seed=item_seed(cfg.seed, "evolve", item.id, round_no), generation=round_no)
