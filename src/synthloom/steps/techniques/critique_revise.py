"""Constitutional AI, stage 1 (Bai et al., 2022): critique and revise against sampled principles.

For each prompt: a first response, then `rounds` rounds, each drawing a principle at random, asking
for a critique of the current response under it, then a revision that answers the critique. The record
keeps the whole chain; the final revision is the supervised target (or, with keep_all_revisions, every
round's revision becomes its own record, as the paper trained on all of them).

On a conversation (a record's chat `messages`, as the conversation step writes), `turns: last` revises
the last assistant turn with the conversation before it as context, and `turns: all` revises every
assistant turn in order (each seeing the turns before it as already revised); the record's `messages`
then hold the revised conversation and `constitution_chain` every turn's chain.
"""

from __future__ import annotations

import random
from typing import Literal

from pydantic import Field, model_validator

from synthloom.engine.prompting import item_seed
from synthloom.models.base import ChatRequest
from synthloom.record import Record
from synthloom.steps.base import RecordStep, StepContext, StepError
from synthloom.steps.plan import Flow, ModelCalls, Span, StepPlan
from synthloom.steps.step_config import BuiltinOrPath, ModelName, StepConfig
from synthloom.techniques.constitution import Principle, load_constitution
from synthloom.techniques.conversation import as_messages, view_fields
from synthloom.techniques.text_quality import still_answers

CONVERSATION_TURNS_PLANNED = 5  # the cost plan's upper bound on assistant turns per conversation (turns: all)
REVISION_SUFFIX = " Reply with the rewritten response only."


def sample_principles(principles: list[Principle], rounds: int, seed: int, record_id: str) -> list[Principle]:
    """One principle per round, drawn uniformly with replacement; the same record always gets the same."""
    rng = random.Random(item_seed(seed, "principles", record_id))
    return [rng.choice(principles) for _ in range(rounds)]


class CritiqueReviseStepConfig(StepConfig):
    """Constitutional AI stage 1 (Bai et al., 2022): critique and revise against sampled principles."""

    step: Literal["critique_revise"]
    model: ModelName = Field("default", description="the policy: writes responses, critiques and revisions")
    constitution: BuiltinOrPath = Field("builtin", description="a YAML constitution, or builtin for synthloom's")
    rounds: int = Field(4, ge=1, description="critique-revision rounds (the paper used 4)")
    keep_all_revisions: bool = Field(False, description="one record per round, not only the final revision")
    prompt_field: str = "prompt"
    original_field: str = Field("original_response", description="the first response; reused if present")
    response_field: str = Field("response", description="the final revision, the supervised target")
    temperature: float = Field(0.7, ge=0)
    max_tokens: int = Field(256, ge=8)
    seed: int = 0
    turns: Literal["single", "last", "all"] = Field(
        "single", description="single: prompt_field and response_field; last or all: the assistant turns of the "
        "record's messages_field conversation (its last, or every one)")
    messages_field: str = "messages"

    @model_validator(mode="after")
    def _one_record_per_conversation(self) -> CritiqueReviseStepConfig:
        if self.keep_all_revisions and self.turns != "single":
            raise ValueError("keep_all_revisions works with turns: single; a conversation keeps its final revisions")
        return self

    def check_files(self) -> None:
        super().check_files()
        load_constitution(self.constitution)

    def plan(self, before: Flow) -> StepPlan:
        chosen = before.selected(self.only_if)
        answer = self.max_tokens
        to_answer = chosen * (1 - before.share_with.get(self.original_field, 0.0))
        rounds = chosen * self.rounds
        if self.turns != "single":  # a conversation's turns are answered already; `all` revises each of them
            to_answer = Span.of(0)
            rounds = rounds * (Span(1, CONVERSATION_TURNS_PLANNED) if self.turns == "all" else Span.of(1))
        # The conversation grows: a critique reads the answer, a revision the answer and the critique.
        calls = [ModelCalls.each(self.model, "first answers", to_answer, before.record_tokens, answer),
                 ModelCalls.each(self.model, "critiques", rounds, before.record_tokens + 2 * answer + 80, answer),
                 ModelCalls.each(self.model, "revisions", rounds, before.record_tokens + 3 * answer + 80, answer)]
        extra = chosen * (self.rounds - 1) if self.keep_all_revisions and self.turns == "single" else Span.of(0)
        note = f"turns: all is planned at 1-{CONVERSATION_TURNS_PLANNED} assistant turns a conversation" \
            if self.turns == "all" else ""
        return StepPlan(calls, before.records + extra, 2 * answer, note)


class CritiqueReviseStep(RecordStep[CritiqueReviseStepConfig]):
    config_class = CritiqueReviseStepConfig

    def __init__(self, config: CritiqueReviseStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.engine = context.engines.get(config.model)
        self.principles = load_constitution(config.constitution)

    async def _say(self, messages: list[dict[str, str]], seed: int) -> str:
        cfg = self.config
        [sample] = await self.engine.complete(ChatRequest.build(messages, temperature=cfg.temperature,
                                                               max_tokens=cfg.max_tokens, seed=seed))
        return sample.choice.text.strip()

    async def process(self, record: Record) -> list[Record]:
        if self.config.turns != "single":
            return [await self._revise_conversation(record)]
        cfg = self.config
        prompt = str(record.fields.get(cfg.prompt_field) or "").strip()
        if not prompt:
            raise StepError(f"the record has no {cfg.prompt_field!r} field to respond to")
        conversation = [{"role": "user", "content": prompt}]
        current = str(record.fields.get(cfg.original_field) or "").strip() or await self._say(
            conversation, item_seed(cfg.seed, "response", record.id))
        original, children = current, []
        chain: list[dict] = []
        for round_no, principle in enumerate(sample_principles(self.principles, cfg.rounds, cfg.seed, record.id), 1):
            current = await self._round(conversation, current, principle, chain, (record.id, round_no))
            if cfg.keep_all_revisions or round_no == cfg.rounds:
                children.append(self._child(record, original, chain, round_no))
        self.counters["chains"] += 1
        self.counters["revisions"] += len(chain)
        self.counters["changed_by_revision"] += current != original
        return children

    async def _round(self, conversation: list[dict[str, str]], current: str, principle: Principle,
                     chain: list[dict], key: tuple) -> str:
        """One critique and revision of `current` (the reply to `conversation`); appends the link to
        `chain` and returns the response that stands after it."""
        cfg = self.config
        prompt = next(m["content"] for m in reversed(conversation) if m["role"] == "user")
        asked = [*conversation, {"role": "assistant", "content": current},
                 {"role": "user", "content": principle.critique}]
        critique = await self._say(asked, item_seed(cfg.seed, "critique", *key))
        revision = await self._say([*asked, {"role": "assistant", "content": critique},
                                    {"role": "user", "content": principle.revision + REVISION_SUFFIX}],
                                   item_seed(cfg.seed, "revision", *key))
        link = {"principle": principle.name, "critique_request": principle.critique,
                "critique": critique, "revision_request": principle.revision}
        if not revision:
            self.counters["empty_revision_kept_previous"] += 1
            revision = current
        elif not still_answers(prompt, current, revision):
            # "Explain why the sky is blue" revised under a fairness principle into a paragraph on
            # wealth: no longer an answer. The previous response stays the target; the chain keeps it.
            self.counters["off_topic_revision_kept_previous"] += 1
            link["off_topic_revision"] = revision
            revision = current
        chain.append({**link, "revision": revision})
        return revision

    async def _revise_conversation(self, record: Record) -> Record:
        cfg = self.config
        messages = as_messages(record.fields.get(cfg.messages_field))
        if messages is None:
            raise StepError(f"the record has no conversation in {cfg.messages_field!r} (chat messages ending "
                            "with an assistant turn) to revise")
        replies = [i for i, m in enumerate(messages) if m["role"] == "assistant"]
        chosen = replies[-1:] if cfg.turns == "last" else replies
        revised = [dict(m) for m in messages]
        chains: list[dict] = []
        for i in chosen:
            original = revised[i]["content"]
            current = original
            chain: list[dict] = []
            for round_no, principle in enumerate(sample_principles(self.principles, cfg.rounds, cfg.seed,
                                                                   f"{record.id}:{i}"), 1):
                current = await self._round(revised[:i], current, principle, chain, (record.id, i, round_no))
            revised[i]["content"] = current
            chains += [{"turn": i, **link} for link in chain]
            self.counters["revisions"] += len(chain)
            self.counters["turns_revised"] += 1
            self.counters["turns_changed_by_revision"] += current != original
        self.counters["chains"] += 1
        child = record.child(
            self.name, 0, {cfg.messages_field: revised, "original_messages": messages,
                           "constitution_chain": chains, **view_fields(revised)},
            technique="constitutional", model=self.engine.backend.model_name, template="constitution",
            params={"rounds": cfg.rounds, "turns": cfg.turns, "principles": [c["principle"] for c in chains]},
            seed=cfg.seed)
        return child

    def _child(self, record: Record, original: str, chain: list[dict], round_no: int) -> Record:
        cfg = self.config
        return record.child(
            self.name, round_no,
            {cfg.original_field: original, cfg.response_field: chain[-1]["revision"],
             "constitution_chain": [dict(link) for link in chain]},
            technique="constitutional", model=self.engine.backend.model_name, template="constitution",
            params={"rounds": cfg.rounds, "principles": [link["principle"] for link in chain]},
            seed=cfg.seed, generation=round_no)
