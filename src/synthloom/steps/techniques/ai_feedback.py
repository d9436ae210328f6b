"""Constitutional AI, stage 2: AI feedback. A feedback model, not the policy, answers a multiple-choice
comparison of two responses under a sampled principle; the answer's probabilities are the soft label.

Each pair is asked in both orders and the two answers combined, which cancels position bias. A pair
whose combined confidence is below the threshold gets no label (counted). Guards against reward
hacking: the feedback model differs from the policy unless explicitly allowed (and then flagged), a
held-out model re-labels a sample to measure agreement, and the run reports how often the chosen
response is simply the longer one.
"""

from __future__ import annotations

import hashlib
import random
from typing import Any, Literal

from pydantic import Field

from synthloom.engine.engine import Engine
from synthloom.engine.prompting import item_seed
from synthloom.models.base import ChatRequest
from synthloom.record import Record
from synthloom.steps.base import RecordStep, StepContext, StepError
from synthloom.steps.plan import Flow, ModelCalls, StepPlan
from synthloom.steps.step_config import (
    BuiltinOrPath,
    ModelName,
    OptionalModelName,
    RunFacts,
    StepConfig,
    refuse_self_judging,
)
from synthloom.techniques.constitution import load_constitution
from synthloom.techniques.feedback_scoring import clamp, combine_orders, probability_first, probability_first_from_votes
from synthloom.techniques.text_quality import still_answers
from synthloom.templates import load_template, render

CHOICE = "feedback_choice"
CHOICE_COT = "feedback_choice_cot"


class AIFeedbackStepConfig(StepConfig):
    """Constitutional AI stage 2: a feedback model picks the better of two responses (RLAIF)."""

    step: Literal["ai_feedback"]
    model: ModelName = Field(description="the feedback model; must differ from policy_model (see allow_same_model)")
    policy_model: ModelName = Field("default", description="the model that wrote the responses")
    allow_same_model: bool = Field(False, description="let the policy label its own outputs (flagged)")
    constitution: BuiltinOrPath = "builtin"
    prompt_field: str = "prompt"
    first_field: str = "original_response"
    second_field: str = "response"
    mode: Literal["logprobs", "samples", "cot"] = Field(
        "logprobs", description="logprobs: soft label from the (A)/(B) token probabilities; samples: share "
        "of `samples` votes; cot: reason first, then read the answer, probability clamped to 40-60%")
    samples: int = Field(8, ge=1)
    cot_max_tokens: int = Field(160, ge=8)
    confidence_threshold: float = Field(0.55, ge=0.5, le=1, description="pairs below it are not labelled")
    agreement_model: OptionalModelName = Field(None, description="a held-out feedback model that re-labels a sample")
    agreement_sample: float = Field(0.25, gt=0, le=1)
    agreement_min: float = Field(0.7, ge=0, le=1, description="a lower agreement rate is flagged")
    seed: int = 0

    def check_in_run(self, run: RunFacts, index: int) -> None:
        refuse_self_judging(run, f"pipeline.{index}.model", self.model, self.policy_model, self.allow_same_model,
                            "feedback model")

    def check_files(self) -> None:
        super().check_files()
        load_constitution(self.constitution)

    def plan(self, before: Flow) -> StepPlan:
        chosen = before.selected(self.only_if)
        prompt = self.template_tokens(CHOICE) + before.record_tokens
        per_label = {"logprobs": 2, "samples": 2 * self.samples, "cot": 2}[self.mode]
        calls = [ModelCalls.each(self.model, "labels (both orders)", chosen * per_label, prompt, 1)]
        if self.mode == "cot":
            calls.append(ModelCalls.each(self.model, "reasoning", chosen * 2, prompt, self.cot_max_tokens))
        if self.agreement_model:
            calls.append(ModelCalls.each(self.agreement_model, "agreement labels",
                                         chosen * (2 * self.agreement_sample), prompt, 1))
        return StepPlan(calls, before.records, 0, "a backend without logprobs is asked for votes instead")


class AIFeedbackStep(RecordStep[AIFeedbackStepConfig]):
    config_class = AIFeedbackStepConfig

    def __init__(self, config: AIFeedbackStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.engine = context.engines.get(config.model)
        self.held_out = context.engines.get(config.agreement_model) if config.agreement_model else None
        self.principles = load_constitution(config.constitution)
        if config.allow_same_model and context.engines.same_model(config.model, config.policy_model):
            self.counters["feedback_model_is_policy_model"] = 1  # allowed on purpose; flagged in the report

    async def process(self, record: Record) -> list[Record]:
        cfg = self.config
        prompt = str(record.fields.get(cfg.prompt_field) or "")
        first, second = (str(record.fields.get(f) or "").strip() for f in (cfg.first_field, cfg.second_field))
        if not first or not second:
            raise StepError(f"needs two responses in {cfg.first_field!r} and {cfg.second_field!r}")
        if first == second:
            self.counters["skipped_identical_responses"] += 1
            return [record]
        on_topic = [still_answers(prompt, other, response) for response, other in ((first, second), (second, first))]
        if not all(on_topic):
            # A response that left the prompt's subject must never become "chosen", whatever the judge
            # prefers; and a pair with one such side teaches nothing about the prompt itself.
            self.counters["skipped_off_topic_response"] += 1
            return [record]
        principle = random.Random(item_seed(cfg.seed, "feedback", record.id)).choice(self.principles)
        p_first = await self.label(self.engine, prompt, principle.comparison, first, second, record.id)
        if p_first is None:
            self.counters["no_label_unreadable_answer"] += 1
            return [record]
        winner_p = max(p_first, 1 - p_first)
        if winner_p < cfg.confidence_threshold:
            self.counters["dropped_low_confidence"] += 1
            return [record]
        chosen, rejected = (first, second) if p_first > 0.5 else (second, first)
        self.counters["labelled"] += 1
        self.counters["chosen_is_longer"] += len(chosen) > len(rejected)
        self.counters["chosen_is_second"] += p_first < 0.5
        fields = {"chosen": chosen, "rejected": rejected, "preference_strength": round(winner_p, 6),
                  "feedback_principle": principle.name}
        if self.held_out is not None and _in_sample(record.id, cfg.agreement_sample):
            held = await self.label(self.held_out, prompt, principle.comparison, first, second, record.id)
            if held is not None:
                self.counters["agreement_checked"] += 1
                self.counters["agreement_agreed"] += (held > 0.5) == (p_first > 0.5)
        child = record.child(self.name, 0, fields, technique="ai_feedback", model=self.engine.backend.model_name,
                             template=CHOICE_COT if cfg.mode == "cot" else CHOICE,
                             params={"mode": cfg.mode, "principle": principle.name})
        child.scores["preference_strength"] = round(winner_p, 6)
        return [child]

    async def label(self, engine: Engine, prompt: str, question: str, first: str, second: str,
                    key: str) -> float | None:
        """P(first is better): asked with first as (A), then with second as (A), combined."""
        forward = await self._p_first(engine, prompt, question, first, second, (key, "forward"))
        backward = await self._p_first(engine, prompt, question, second, first, (key, "backward"))
        if forward is None or backward is None:
            return None
        return combine_orders(forward, backward)

    async def _p_first(self, engine: Engine, prompt: str, question: str, a: str, b: str,
                       key: tuple) -> float | None:
        cfg = self.config
        fields: dict[str, Any] = {"prompt": prompt, "question": question, "first": a, "second": b}
        seed = item_seed(cfg.seed, *key)
        if cfg.mode == "cot":
            [thought] = await engine.complete(ChatRequest.text(render(load_template(CHOICE_COT), fields),
                                                               max_tokens=cfg.cot_max_tokens, temperature=0,
                                                               seed=seed, stop=["\nSo the answer"]))
            fields["reasoning"] = thought.choice.text.strip()
        text = render(load_template(CHOICE), fields)
        if cfg.mode == "samples":
            votes = await engine.complete(ChatRequest.text(text, n=cfg.samples, max_tokens=1, temperature=1.0,
                                                           seed=seed))
            return probability_first_from_votes([v.choice.text for v in votes])
        [answer] = await engine.complete(ChatRequest.text(text, max_tokens=1, temperature=0, logprobs=True,
                                                          top_logprobs=20, seed=seed))
        tops = answer.choice.logprobs or []
        p = probability_first(tops[0]["top"]) if tops else None
        if p is None:  # no logprobs from this backend, or no choice among the candidates: count votes
            self.counters["fell_back_to_votes"] += 1
            votes = await engine.complete(ChatRequest.text(text, n=cfg.samples, max_tokens=1, temperature=1.0,
                                                           seed=seed))
            p = probability_first_from_votes([v.choice.text for v in votes])
        return clamp(p) if (p is not None and cfg.mode == "cot") else p

    def report(self) -> dict[str, Any]:
        c, cfg = self.counters, self.config
        labelled = c["labelled"]
        report: dict[str, Any] = {
            "chosen_longer_rate": round(c["chosen_is_longer"] / labelled, 4) if labelled else None,
            "feedback_model_is_policy_model": bool(c["feedback_model_is_policy_model"]),
        }
        if c["agreement_checked"]:
            rate = c["agreement_agreed"] / c["agreement_checked"]
            report["agreement_rate"] = round(rate, 4)
            report["low_agreement"] = rate < cfg.agreement_min
        return report


def _in_sample(record_id: str, fraction: float) -> bool:
    """A stable pseudo-random sample: the same records are checked on every run."""
    return int(hashlib.sha256(record_id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < fraction
