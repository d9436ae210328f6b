"""Self-Instruct (Wang et al., 2023): grow a pool of human-written seed tasks into many new tasks.

1. Bootstrap: each prompt shows 8 tasks (6 human seeds, 2 generated so far) and asks for more; every
   candidate passes the filters and the ROUGE-L novelty check against the whole pool before it joins.
2. Classify each new task (can its answer be one of a fixed set of labels?).
3. Write instances: input first for ordinary tasks, output (the label) first for classification,
   so that labels are not skewed toward whatever inputs the model happens to write.
4. Clean the instances; each surviving instance becomes one instruction/input/output record.

Prompts within one round go out together; the pool is updated between rounds in prompt order, with a
seeded random generator, so a rerun (or a resume) replays the same choices from the response cache.

Memory: the task pool and its ROUGE-L index are the one global state (admission compares every candidate
with every task admitted so far); they hold instructions only, num_instructions of them. The records
are made `INSTANCE_WINDOW` tasks at a time and go on as they are made, the input rows pass through read
again from disk, and the dropped candidates are a bounded sample (removed_sample.py).
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar, Literal

from pydantic import Field

from synthloom.engine.prompting import ask, gather_settled
from synthloom.record import Lineage, Record, stable_id
from synthloom.steps.base import PoolStep, StepContext
from synthloom.steps.plan import Flow, ModelCalls, Span, StepPlan
from synthloom.steps.removed_sample import RemovedSample
from synthloom.steps.step_config import ModelName, OptionalBuiltinOrPath, OptionalModelName, RunFacts, StepConfig
from synthloom.techniques.instruction_filters import (
    DEFAULT_BLACKLIST,
    Instance,
    InstructionFilter,
    bare_line,
    clean_instances,
    example_key,
)
from synthloom.techniques.rouge import RougeNoveltyIndex
from synthloom.techniques.seeds import load_seed_tasks
from synthloom.techniques.self_instruct_parsing import (
    compose_examples,
    parse_input_first,
    parse_numbered_tasks,
    parse_output_first,
    parse_yes_no,
)
from synthloom.techniques.text_quality import strip_numbering
from synthloom.templates import load_template, render

GENERATE = "self_instruct_generate"
CLASSIFY = "self_instruct_is_classification"
INPUT_FIRST = "self_instruct_instances_input_first"
OUTPUT_FIRST = "self_instruct_instances_output_first"
INSTANCE_WINDOW = 512  # tasks whose instances are asked for at once: enough to keep the engine busy


class SelfInstructStepConfig(StepConfig):
    """Self-Instruct (Wang et al., 2023); defaults are the paper's."""

    makes_records: ClassVar[bool] = True

    step: Literal["self_instruct"]
    model: ModelName = "default"
    instance_model: OptionalModelName = Field(None, description="model that writes instances; default: `model`")
    seeds: OptionalBuiltinOrPath = Field(None, description="Self-Instruct-format JSONL, or builtin for "
                                         "synthloom's pool (the default, except that a run with `input:` must "
                                         "say which it means)")
    num_instructions: int = Field(100, ge=1, description="new tasks to generate")
    max_requests: int | None = Field(None, ge=1, description="budget of generation prompts; default 10 x "
                                     "num_instructions")
    requests_per_round: int = Field(8, ge=1, description="generation prompts sent at once between pool updates")
    examples_per_prompt: int = Field(8, ge=1)
    machine_examples: int = Field(2, ge=0, description="of the examples, how many come from generated tasks")
    new_per_request: int = Field(12, ge=1, description="new tasks each prompt asks for")
    rouge_threshold: float = Field(0.7, gt=0, le=1)
    min_words: int = Field(4, ge=1)
    max_words: int = Field(150, ge=1)
    blacklist: list[str] | None = Field(None, description="default: image(s) graph(s) picture(s) file(s) "
                                        "map(s) draw plot 'go to'")
    banned_prefixes: list[str] = Field(default_factory=lambda: ["Write a program"])
    max_instances: int = Field(5, ge=1)
    temperature: float = Field(0.7, ge=0)
    top_p: float = Field(0.5, gt=0, le=1)
    max_tokens: int = Field(1024, ge=16)
    instance_max_tokens: int = Field(350, ge=16)
    seed: int = 0

    def check_files(self) -> None:
        super().check_files()
        load_seed_tasks(self.seeds)

    def check_in_run(self, run: RunFacts, index: int) -> None:
        """`input:` rows before Self-Instruct pass through it; they are not its seed tasks. A user who
        meant them as seeds would silently get the built-in pool and their rows in the output."""
        if index == 0 and run.has_input and self.seeds is None:
            raise ValueError("pipeline.0.seeds: self_instruct takes its seed tasks from `seeds:` (a "
                             "Self-Instruct-format JSONL), not from `input:`, whose rows it passes through to the "
                             "output; put your seed file under the step's `seeds:`, or set `seeds: builtin` to "
                             "keep the built-in pool and pass the input rows through")

    def plan(self, before: Flow) -> StepPlan:
        budget = self.max_requests or 10 * self.num_instructions
        requests = Span(-(-self.num_instructions // self.new_per_request), budget)
        tasks = Span(0, self.num_instructions)  # admission stops at num_instructions
        # A generation prompt shows `examples_per_prompt` tasks of about 40 tokens each.
        generate = self.template_tokens(GENERATE) + 40 * self.examples_per_prompt
        instance_model = self.instance_model or self.model
        calls = [ModelCalls.each(self.model, "new tasks", requests, generate, self.max_tokens),
                 ModelCalls.each(self.model, "classification checks", tasks, self.template_tokens(CLASSIFY) + 40, 4),
                 ModelCalls.each(instance_model, "instances", tasks, self.template_tokens(INPUT_FIRST) + 40,
                                 self.instance_max_tokens)]
        return StepPlan(calls, before.records + tasks * self.max_instances, 0,
                        "rounds continue until num_instructions tasks pass the filters or max_requests are sent")


@dataclass
class NewTask:
    id: str
    instruction: str
    parents: list[str]  # ids of the tasks shown as examples in the prompt that produced it
    round: int
    seed: int


@lru_cache(maxsize=4)
def prompt_examples(template: str, parse) -> frozenset[tuple[str, str]]:
    """What the prompt itself shows, as fingerprints a small model's copies would match: each worked
    example's (input, output) first lines, and every prompt line of 12 or more characters (with any
    "Label:" prefix removed) as ("", line). Short lines are left out so that a genuine label such as
    "positive" is not mistaken for a copy."""
    text = render(load_template(template), {"instruction": "", "max_instances": 1})
    shown = {example_key(instance) for instance in parse(text)}
    for line in map(bare_line, text.splitlines()):
        if len(line) >= 12:
            shown.add(("", line))
    return frozenset(shown)



class SelfInstructStep(PoolStep[SelfInstructStepConfig]):
    config_class = SelfInstructStepConfig

    def __init__(self, config: SelfInstructStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.engines = context.engines
        self._removed = RemovedSample()
        self.filter = InstructionFilter(
            min_words=config.min_words, max_words=config.max_words,
            blacklist=tuple(config.blacklist) if config.blacklist is not None else DEFAULT_BLACKLIST,
            banned_prefixes=tuple(config.banned_prefixes))

    async def run_all(self, records: list[Record]) -> list[Record]:
        return [r async for r in await self.run_pool(lambda: iter(records), len(records))]

    async def run_pool(self, pool: Callable[[], Iterator[Record]], count: int) -> AsyncIterator[Record]:
        """The input rows (read again from `pool`), then the new tasks' records as they are made."""
        self._removed = RemovedSample()
        seeds = load_seed_tasks(self.config.seeds)
        tasks = await self._bootstrap(seeds)
        # The tasks records name as parents: every seed task and every task admitted to the pool.
        self.sources = [{"id": s.id, "kind": "seed_task", "instruction": s.instruction} for s in seeds] + [
            {"id": t.id, "kind": "generated_task", "instruction": t.instruction, "parents": t.parents,
             "round": t.round, "seed": t.seed} for t in tasks]

        async def records() -> AsyncIterator[Record]:
            for record in pool():
                yield record
            bar = self.context.board.bar(f"{self.name}: instances", len(tasks))
            made = 0
            for start in range(0, len(tasks), INSTANCE_WINDOW):
                window = tasks[start:start + INSTANCE_WINDOW]
                outcomes = await gather_settled((self._instances(task, bar) for task in window), self.counters,
                                                "instance_request_failed")
                for task, outcome in zip(window, outcomes, strict=True):
                    if outcome is None:  # its requests failed after their retries
                        self._drop(task, None, "instance_request_failed")
                        continue
                    made += len(outcome)
                    for record in outcome:
                        yield record
            self.counters["records"] = made
            self.removed = self._removed.records(self.counters)

        return records()

    # -- 1. bootstrap --------------------------------------------------------------------------

    async def _bootstrap(self, seeds) -> list[NewTask]:
        cfg = self.config
        rng = random.Random(cfg.seed)
        index = RougeNoveltyIndex(cfg.rouge_threshold)
        for seed in seeds:
            index.add(seed.instruction)
        seed_texts = [s.instruction for s in seeds]
        generated: list[NewTask] = []
        budget = cfg.max_requests or 10 * cfg.num_instructions
        sent = 0
        round_no = 0
        bar = self.context.board.bar(f"{self.name}: instructions", cfg.num_instructions)
        engine = self.engines.get(cfg.model)
        while len(generated) < cfg.num_instructions and sent < budget:
            round_no += 1
            count = min(cfg.requests_per_round, budget - sent)
            prompts = [compose_examples(rng, seed_texts, [t.instruction for t in generated],
                                        cfg.examples_per_prompt, cfg.machine_examples) for _ in range(count)]
            seeds_for_calls = [cfg.seed + sent + i for i in range(count)]
            sent += count
            replies = await gather_settled((
                ask(engine, GENERATE, {"examples": [self._text(p, seed_texts, generated) for p in prompt],
                                       "max_new": cfg.new_per_request},
                    temperature=cfg.temperature, top_p=cfg.top_p, max_tokens=cfg.max_tokens, seed=call_seed)
                for prompt, call_seed in zip(prompts, seeds_for_calls, strict=True)), self.counters,
                "generation_request_failed")
            for prompt, call_seed, reply in zip(prompts, seeds_for_calls, replies, strict=True):
                if reply is None:
                    continue
                parents = [seeds[i].id if source == "seed" else generated[i].id for source, i in prompt]
                self._admit(reply, parents, round_no, call_seed, index, generated, bar)
                if len(generated) >= cfg.num_instructions:
                    break
        self.counters["generation_requests"] = sent
        if len(generated) < cfg.num_instructions:
            self.counters["short_of_target"] = cfg.num_instructions - len(generated)
        return generated

    @staticmethod
    def _text(pick: tuple[str, int], seed_texts: list[str], generated: list[NewTask]) -> str:
        source, i = pick
        return seed_texts[i] if source == "seed" else generated[i].instruction

    def _admit(self, reply, parents, round_no, call_seed, index, generated, bar) -> None:
        candidates, truncated = parse_numbered_tasks(reply.choice.text, reply.choice.finish_reason == "length")
        self.counters["dropped_cut_off_by_length"] += truncated
        for candidate in candidates:
            self.counters["candidates"] += 1
            unnumbered = strip_numbering(candidate)
            if unnumbered != candidate:
                self.counters["list_number_removed"] += 1  # "Task 1: ..." kept as "..."
                candidate = unnumbered
            reason = self.filter.reason_to_drop(candidate) if candidate else "too_short"
            if reason is None and not index.add_if_novel(candidate)[0]:
                reason = "rouge_l_similar"
            if reason:
                self.counters[f"dropped_{reason}"] += 1
                self._drop(NewTask(stable_id("self_instruct_task", candidate), candidate, parents, round_no,
                                   call_seed), None, reason)
                continue
            generated.append(NewTask(stable_id("self_instruct_task", candidate), candidate, parents, round_no,
                                     call_seed))
            self.counters["kept_instructions"] += 1
            bar.advance()
            if len(generated) >= self.config.num_instructions:
                return

    # -- 2-4. classify, write instances, clean ---------------------------------------------------

    async def _instances(self, task: NewTask, bar) -> list[Record]:
        cfg = self.config
        verdict = await ask(self.engines.get(cfg.model), CLASSIFY, {"instruction": task.instruction},
                            temperature=0, max_tokens=4, logprobs=True, top_logprobs=10)
        is_classification = parse_yes_no(verdict.choice.text, verdict.choice.logprobs)
        if is_classification is None:
            self.counters["classification_unclear_treated_as_no"] += 1
            is_classification = False
        self.counters["classification_tasks" if is_classification else "ordinary_tasks"] += 1
        template = OUTPUT_FIRST if is_classification else INPUT_FIRST
        reply = await ask(self.engines.get(cfg.instance_model or cfg.model), template,
                          {"instruction": task.instruction, "max_instances": cfg.max_instances},
                          temperature=0, max_tokens=cfg.instance_max_tokens)
        parse = parse_output_first if is_classification else parse_input_first
        instances = parse(reply.choice.text)
        bar.advance()
        if not instances:
            self.counters["dropped_task_no_instances_parsed"] += 1
            self._drop(task, None, "no_instances_parsed")
            return []
        dropped: list[tuple[Instance, str]] = []
        if reply.choice.finish_reason == "length":
            dropped.append((instances.pop(), "cut_off_by_length"))  # the last one may be cut off mid-way
        kept, filtered = clean_instances(instances, cfg.max_instances, prompt_examples(template, parse),
                                         task.instruction)
        for instance, reason in dropped + filtered:
            self.counters[f"dropped_instance_{reason}"] += 1
            self._drop(task, instance, f"instance_{reason}")
        if not kept:
            self.counters["dropped_task_without_valid_instances"] += 1
            return []
        self.counters["kept_tasks"] += 1
        self.counters["kept_instances"] += len(kept)
        return [self._record(task, is_classification, template, instance, i) for i, instance in enumerate(kept)]

    def _drop(self, task: NewTask, instance: Instance | None, reason: str) -> None:
        """A dropped candidate, as a record: the task (and the instance) with why it went."""
        fields = {"instruction": task.instruction}
        if instance is not None:
            fields.update(input=instance.input, output=instance.output)
        record = Record(id=stable_id("self_instruct_dropped", task.id, fields), fields=fields,
                        lineage=Lineage(technique="self_instruct", params={"task_id": task.id}, seed=task.seed,
                                        parents=task.parents, generation=task.round, steps=[self.name]),
                        meta={self.name: {"removed": reason}})
        record.lineage.root = record.id
        self._removed.add(record)

    def _record(self, task: NewTask, is_classification: bool, template: str, instance: Instance,
                index: int) -> Record:
        rid = stable_id(task.id, index)
        engine = self.engines.get(self.config.model)
        return Record(
            id=rid,
            fields={"instruction": task.instruction, "input": instance.input, "output": instance.output,
                    "is_classification": is_classification},
            lineage=Lineage(technique="self_instruct", model=engine.backend.model_name, template=template,
                            params={"task_id": task.id, "generation_template": GENERATE,
                                    "temperature": self.config.temperature, "top_p": self.config.top_p},
                            seed=task.seed, parents=task.parents, generation=task.round, root=rid,
                            steps=[self.name]),
        )
