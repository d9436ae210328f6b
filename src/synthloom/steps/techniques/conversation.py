"""Multi-turn conversations grown from a seed instruction: an assistant answers, a user simulator (another
model, or the same one prompted to play the user) writes the next message, until a stopping rule ends it.

Stopping rules, each counted under `stopped_<reason>`: `max_turns` assistant turns; the simulator says it
is done (its message holds `stop_phrase`); a turn that is empty, or that repeats an earlier turn of the
same speaker (the same words, or ROUGE-L F at `repeat_similarity` or above); a simulated user turn in
the assistant's voice ("I'm happy to help", the small simulator's usual slip); an assistant reply cut off
by max_tokens (that exchange is left out: a training target that stops mid-sentence teaches the wrong
ending). A conversation with fewer than `min_turns` assistant turns is dropped (`dropped_too_short`).

Every turn's lineage (who wrote it, a hash of the prompt it answered, tokens, finish reason, cached)
goes in the record's meta under the step's name, beside the stop reason; the conversation itself is the
record's `messages` (chat format), which the sft and sharegpt exports write whole.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from synthloom.engine.prompting import item_seed
from synthloom.io.training_formats import instruction_and_input
from synthloom.models.base import ChatRequest
from synthloom.record import Record, stable_id
from synthloom.steps.base import RecordStep, StepContext, StepError, TemplateFieldMissing
from synthloom.steps.plan import Flow, ModelCalls, Span, StepPlan
from synthloom.steps.step_config import ModelName, StepConfig, TemplateName
from synthloom.techniques.conversation import (
    clean_user_turn,
    is_repeat,
    says_done,
    sounds_like_assistant,
    transcript,
    view_fields,
)
from synthloom.templates import load_template, render

DEFAULT_STOP_PHRASE = "[DONE]"


class ConversationStepConfig(StepConfig):
    """Grow a multi-turn conversation from each record's instruction with a user simulator and an assistant."""

    step: Literal["conversation"]
    assistant_model: ModelName = Field("default", description="writes the assistant turns")
    user_model: ModelName = Field("default", description="the user simulator; may be another model")
    prompt_field: str | None = Field(None, description="the seed instruction; default: prompt, instruction "
                                     "(with its input) or question")
    system: str | None = Field(None, description="the assistant's system prompt, kept as the first message")
    user_template: TemplateName = Field("conversation_user", description="the simulator's prompt: sees seed, "
                                        "transcript, persona, stop_phrase, turn and the record's fields")
    persona_field: str = Field("persona", description="a record field whose value the simulator plays")
    max_turns: int = Field(3, ge=1, le=50, description="assistant turns at most")
    min_turns: int = Field(1, ge=1, description="conversations with fewer assistant turns are dropped")
    stop_phrase: str = Field(DEFAULT_STOP_PHRASE, min_length=1, description="the simulator writes it when done")
    repeat_similarity: float = Field(0.9, gt=0, le=1, description="a turn this close (ROUGE-L F) to an earlier "
                                     "turn of its speaker ends the conversation; 1: only identical words")
    drop_assistant_voice: bool = Field(True, description="a simulated user turn that offers help instead of "
                                       "asking (\"I'm happy to help\") ends the conversation")
    temperature: float = Field(0.7, ge=0, description="the assistant's")
    user_temperature: float = Field(0.9, ge=0)
    max_tokens: int = Field(512, ge=8, description="per assistant turn")
    user_max_tokens: int = Field(160, ge=8, description="per user turn")
    messages_field: str = "messages"
    seed: int = 0

    def plan(self, before: Flow) -> StepPlan:
        chosen = before.selected(self.only_if)
        prompt = before.record_tokens + self.max_turns * (self.max_tokens + self.user_max_tokens) / 2
        answers = ModelCalls.each(self.assistant_model, "assistant turns", chosen * Span(1, self.max_turns),
                                  prompt, self.max_tokens)
        users = ModelCalls.each(self.user_model, "simulated user turns", chosen * Span(0, self.max_turns - 1),
                                prompt + self.template_tokens(self.user_template), self.user_max_tokens)
        return StepPlan([answers, users], Span(0, before.records.hi),
                        Span(1, self.max_turns).hi * (self.max_tokens + self.user_max_tokens),
                        "stopping rules end conversations early; short ones are dropped")


def prompt_hash(messages: list[dict[str, str]]) -> str:
    return stable_id("prompt", messages)[:16]


class ConversationStep(RecordStep[ConversationStepConfig]):
    config_class = ConversationStepConfig

    def __init__(self, config: ConversationStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.assistant = context.engines.get(config.assistant_model)
        self.user = context.engines.get(config.user_model)
        self.user_template = load_template(config.user_template)

    def _seed(self, record: Record) -> str:
        cfg = self.config
        if cfg.prompt_field:
            value = record.fields.get(cfg.prompt_field)
            seed = str(value).strip() if value not in (None, "") else ""
        else:
            instruction, extra = instruction_and_input(record.fields, None)
            seed = f"{instruction}\n\n{extra}".strip() if instruction and extra else (instruction or "").strip()
        if not seed:
            raise StepError(f"the record has no {cfg.prompt_field or 'prompt, instruction or question'} field "
                            "to start a conversation from")
        return seed

    async def _turn(self, who: str, messages: list[dict[str, str]], seed: int) -> tuple[str, str | None, dict]:
        """(text, finish reason, lineage) of one turn."""
        cfg = self.config
        engine = self.assistant if who == "assistant" else self.user
        temperature, max_tokens = ((cfg.temperature, cfg.max_tokens) if who == "assistant"
                                   else (cfg.user_temperature, cfg.user_max_tokens))
        [sample] = await engine.complete(ChatRequest.build(messages, temperature=temperature,
                                                           max_tokens=max_tokens, seed=seed))
        lineage = {"role": who, "model": engine.backend.model_name, "prompt_hash": prompt_hash(messages),
                   "prompt_tokens": sample.usage.prompt_tokens, "completion_tokens": sample.usage.completion_tokens,
                   "finish_reason": sample.choice.finish_reason, "cached": sample.cached, "seed": seed}
        return sample.choice.text.strip(), sample.choice.finish_reason, lineage

    def _simulator_prompt(self, record: Record, seed_text: str, messages: list[dict[str, str]], turn: int) -> str:
        cfg = self.config
        fields = {**record.fields, "seed": seed_text, "transcript": transcript(messages),
                  "persona": record.fields.get(cfg.persona_field) or "", "stop_phrase": cfg.stop_phrase,
                  "turn": turn}
        try:
            return render(self.user_template, fields)
        except KeyError as exc:
            raise TemplateFieldMissing.of(cfg.user_template, exc) from None

    async def process(self, record: Record) -> list[Record]:
        cfg = self.config
        seed_text = self._seed(record)
        messages = [{"role": "system", "content": cfg.system}] if cfg.system else []
        messages.append({"role": "user", "content": seed_text})
        turns: list[dict[str, Any]] = [{"role": "user", "model": record.lineage.model, "source": "seed"}]
        said: dict[str, list[str]] = {"user": [seed_text], "assistant": []}
        stop = ""
        for turn in range(1, cfg.max_turns + 1):
            reply, finish, lineage = await self._turn("assistant", messages,
                                                      item_seed(cfg.seed, "assistant", record.id, turn))
            ended = self._assistant_stop(reply, finish, said["assistant"])
            if ended:
                stop = ended
                messages, turns = messages[:-1], turns[:-1]  # the user turn it failed to answer goes too
                break
            messages.append({"role": "assistant", "content": reply})
            turns.append(lineage)
            said["assistant"].append(reply)
            if turn == cfg.max_turns:
                stop = "max_turns"
                break
            asked = [{"role": "user", "content": self._simulator_prompt(record, seed_text, messages, turn)}]
            text, finish, lineage = await self._turn("user", asked, item_seed(cfg.seed, "user", record.id, turn))
            text = clean_user_turn(text)
            ended = self._user_stop(text, finish, said["user"])
            if ended:
                stop = ended
                break
            messages.append({"role": "user", "content": text})
            turns.append({**lineage, "source": "simulator"})
            said["user"].append(text)
        self.counters[f"stopped_{stop}"] += 1
        kept = sum(m["role"] == "assistant" for m in messages)
        if kept < cfg.min_turns:
            self.counters["dropped_too_short"] += 1
            return []
        self.counters["conversations"] += 1
        self.counters["assistant_turns"] += kept
        self.counters["user_turns_simulated"] += sum(t.get("source") == "simulator" for t in turns)
        child = record.child(
            self.name, 0, {cfg.messages_field: messages, "turns": kept, **view_fields(messages)},
            technique="conversation", model=self.assistant.backend.model_name, template=cfg.user_template,
            params={"max_turns": cfg.max_turns, "user_model": self.user.backend.model_name,
                    "stop_phrase": cfg.stop_phrase}, seed=cfg.seed)
        child.meta[self.name] = {"turns": turns, "stop_reason": stop}
        return [child]

    def _assistant_stop(self, reply: str, finish: str | None, earlier: list[str]) -> str | None:
        if not reply:
            return "empty_assistant_turn"
        if finish == "length":
            return "assistant_turn_truncated"
        if is_repeat(reply, earlier, self.config.repeat_similarity):
            return "repeated_assistant_turn"
        return None

    def _user_stop(self, text: str, finish: str | None, earlier: list[str]) -> str | None:
        if says_done(text, self.config.stop_phrase):
            return "user_done"
        if not text:
            return "empty_user_turn"
        if finish == "length":
            return "user_turn_truncated"
        if is_repeat(text, earlier, self.config.repeat_similarity):
            return "repeated_user_turn"
        if self.config.drop_assistant_voice and sounds_like_assistant(text):
            return "user_turn_in_assistant_voice"
        return None
