"""Textbook-quality data to spec (phi-1, Gunasekar et al., 2023): explanations and exercises with worked
solutions for every combination of topic, audience, style and difficulty, so that the diversity comes
from the spec rather than from the sampler's luck. Topics are given, or generated from a root subject.
Exercises keep their final answer apart, ready for a verifier to check.
"""

from __future__ import annotations

import itertools
import random
import re
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from synthloom.engine.prompting import ask, gather_settled, item_seed
from synthloom.record import Lineage, Record, stable_id
from synthloom.steps.base import PoolStep, StepContext
from synthloom.steps.plan import Flow, ModelCalls, Span, StepPlan
from synthloom.steps.step_config import ModelName, StepConfig
from synthloom.techniques.self_instruct_parsing import parse_numbered_tasks


class TextbookStepConfig(StepConfig):
    """Textbook-quality explanations and exercises to spec (phi-1): topics x audiences x styles x levels."""

    makes_records: ClassVar[bool] = True

    step: Literal["textbook"]
    model: ModelName = "default"
    subject: str | None = Field(None, description="root subject; topics are generated from it if not given")
    topics: list[str] | None = Field(None, description="the topic taxonomy, if you have one")
    num_topics: int = Field(8, ge=1)
    audiences: list[str] = Field(default_factory=lambda: ["a curious teenager", "a university student",
                                                          "a working professional"], min_length=1)
    styles: list[str] = Field(default_factory=lambda: ["a clear step-by-step explanation",
                                                       "a worked-example walkthrough", "a short dialogue"],
                              min_length=1)
    difficulties: list[str] = Field(default_factory=lambda: ["introductory", "intermediate", "advanced"],
                                    min_length=1)
    max_items: int | None = Field(None, ge=1, description="a seeded sample of the combinations, if fewer")
    exercises: int = Field(2, ge=0)
    temperature: float = Field(0.7, ge=0)
    max_tokens: int = Field(700, ge=32)
    seed: int = 0

    @model_validator(mode="after")
    def _subject_or_topics(self) -> TextbookStepConfig:
        if not self.subject and not self.topics:
            raise ValueError("give a `subject` (topics are generated from it) or a list of `topics`")
        return self

    def plan(self, before: Flow) -> StepPlan:
        topics = len(self.topics) if self.topics else self.num_topics
        combos = topics * len(self.audiences) * len(self.styles) * len(self.difficulties)
        items = min(combos, self.max_items) if self.max_items else combos
        calls = [ModelCalls.each(self.model, "sections", Span.of(items), self.template_tokens(SECTION),
                                 self.max_tokens)]
        if not self.topics:
            calls.insert(0, ModelCalls.each(self.model, "topics", Span.of(1), self.template_tokens(TOPICS),
                                            self.max_tokens))
        return StepPlan(calls, before.records + Span(0, items), 0)


TOPICS = "textbook_topics"
SECTION = "textbook_section"
_EXERCISE = re.compile(r"Exercise\s*\d+\s*:(.*?)Solution\s*:(.*?)(?:Answer\s*:(.*?))?(?=Exercise\s*\d+\s*:|\Z)",
                       re.IGNORECASE | re.DOTALL)


def parse_exercises(text: str) -> tuple[str, list[dict[str, str]]]:
    """(the explanation before the first exercise, the exercises with solution and answer)."""
    first = re.search(r"Exercise\s*\d+\s*:", text, re.IGNORECASE)
    explanation = text[: first.start()].strip() if first else text.strip()
    exercises = [{"exercise": q.strip(), "solution": s.strip(), "answer": (a or "").strip()}
                 for q, s, a in _EXERCISE.findall(text) if q.strip() and s.strip()]
    return explanation, exercises


def combinations(topics: list[str], audiences: list[str], styles: list[str], difficulties: list[str],
                 limit: int | None, seed: int) -> list[tuple[str, str, str, str]]:
    """Every combination, or a seeded sample of `limit` of them spread over the whole product."""
    grid = list(itertools.product(topics, audiences, styles, difficulties))
    if limit is not None and limit < len(grid):
        grid = random.Random(seed).sample(grid, limit)
    return grid



class TextbookStep(PoolStep[TextbookStepConfig]):
    config_class = TextbookStepConfig

    def __init__(self, config: TextbookStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.engine = context.engines.get(config.model)

    async def _topics(self) -> list[str]:
        cfg = self.config
        if cfg.topics:
            return list(dict.fromkeys(cfg.topics))
        reply = await ask(self.engine, TOPICS, {"subject": cfg.subject, "count": cfg.num_topics},
                          temperature=0.3, max_tokens=40 * cfg.num_topics, seed=item_seed(cfg.seed, "topics"))
        topics, _ = parse_numbered_tasks(reply.choice.text, reply.choice.finish_reason == "length")
        topics = list(dict.fromkeys(t for t in topics if 0 < len(t.split()) <= 12))[: cfg.num_topics]
        self.counters["topics_generated"] = len(topics)
        return topics

    async def run_all(self, records: list[Record]) -> list[Record]:
        cfg = self.config
        topics = await self._topics()
        if not topics:
            self.counters["no_topics"] = 1
            return records
        grid = combinations(topics, cfg.audiences, cfg.styles, cfg.difficulties, cfg.max_items, cfg.seed)
        bar = self.context.board.bar(f"{self.name}: sections", len(grid))

        async def section(spec: tuple[str, str, str, str]) -> Record | None:
            topic, audience, style, difficulty = spec
            try:
                reply = await ask(self.engine, SECTION, {"subject": cfg.subject or topic, "topic": topic,
                                                         "audience": audience, "style": style,
                                                         "difficulty": difficulty, "exercises": cfg.exercises},
                                  temperature=cfg.temperature, max_tokens=cfg.max_tokens,
                                  seed=item_seed(cfg.seed, *spec))
            finally:
                bar.advance()
            explanation, exercises = parse_exercises(reply.choice.text)
            if reply.choice.finish_reason == "length" and exercises:
                exercises = exercises[:-1]  # the last exercise may be cut off
                self.counters["dropped_exercise_cut_off_by_length"] += 1
            if not explanation:
                self.counters["dropped_empty_section"] += 1
                return None
            self.counters["sections"] += 1
            self.counters["exercises"] += len(exercises)
            self.counters["exercises_with_answer"] += sum(bool(e["answer"]) for e in exercises)
            rid = stable_id("textbook", *spec)
            spec_fields = dict(zip(("topic", "audience", "style", "difficulty"), spec, strict=True))
            return Record(rid, {**spec_fields, "explanation": explanation, "exercises": exercises,
                                "prompt": f"Explain {topic} for {audience}, as {style}, at {difficulty} level.",
                                "response": reply.choice.text.strip()},
                          lineage=Lineage(technique="textbook", model=self.engine.backend.model_name,
                                          template=SECTION, params=spec_fields, seed=item_seed(cfg.seed, *spec),
                                          root=rid, steps=[self.name]))

        made = await gather_settled((section(spec) for spec in grid), self.counters, "section_request_failed")
        return [*records, *(r for r in made if r is not None)]
