"""Rejection sampling: up to k candidates per prompt, keep those a verifier passes.

Each prompt is sampled on its own, in batches (the backend's `n` where it has one), until m candidates
are accepted, k are tried, or the run's budget is spent. With `adaptive`, a prompt whose pass rate after
those k is low but not zero gets extra samples at once: that is where more tries buy data; prompts at
zero have shown nothing to find. (A tight budget is therefore spent in the order prompts arrive, extra
samples included; `prompts_cut_by_budget` says how many got fewer than k.) Accepted solutions
that repeat a reasoning path are dropped (RFT). Per-prompt statistics go on every record; the report
gives the yield per class and lists the classes where nothing was ever
accepted, because rejection sampling cannot create data the model never produces correctly.

Each prompt is labelled with its pass rate over decided verdicts and a difficulty band
(techniques/difficulty.py); `keep_pass_rate` keeps only prompts in a range of it. With
`preference_pairs`, each kept answer is paired with a verified-wrong one for the same prompt
(techniques/preference_pairs.py: the pairing rule), for the `dpo` export. The verifier, the pairs'
lengths and the dedupe read the answer; a reasoning model's trace stays in `reasoning` beside it.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import Field, model_validator

from synthloom.engine.engine import GenerationFailed, Sample
from synthloom.engine.prompting import item_seed
from synthloom.models.base import ChatRequest
from synthloom.models.reasoning import with_think_tags
from synthloom.record import Record
from synthloom.steps.base import RecordStep, StepContext, TemplateFieldMissing, dropped
from synthloom.steps.plan import Flow, ModelCalls, Span, StepPlan, tokens
from synthloom.steps.reply_fields import UNFINISHED, UNFINISHED_HINT, trace_fields
from synthloom.steps.step_config import ModelName, RunFacts, StepConfig, TemplateName
from synthloom.steps.techniques.rejection_report import PASS_AT, report_from_tallies, tally_prompt
from synthloom.techniques.difficulty import band, decided_pass_rate, in_range
from synthloom.techniques.preference_pairs import RULE, Reply, pair_up
from synthloom.techniques.rejection_dedupe import distinct, equations_key, text_key
from synthloom.templates import load_template, render
from synthloom.verifiers.base import Verdict
from synthloom.verifiers.build import build_verifier
from synthloom.verifiers.config import VerifierConfig
from synthloom.verifiers.passk import pass_at_k


class RejectionStepConfig(StepConfig):
    """Rejection sampling: up to k candidates per prompt, keep those the verifier passes."""

    step: Literal["rejection"]
    model: ModelName = "default"
    template: TemplateName = "answer"
    system: str | None = None
    output_field: str = "response"
    verifier: VerifierConfig
    k: int = Field(8, ge=1, description="candidates per prompt at most")
    m: int = Field(1, ge=1, description="stop a prompt once this many are accepted")
    batch: int = Field(4, ge=1, description="candidates asked for at once (the backend's n where it has one)")
    budget: int | None = Field(None, ge=1, description="candidates for the whole run at most")
    adaptive: bool = Field(False, description="extra samples for prompts whose pass rate is low but not zero")
    adaptive_extra: int = Field(8, ge=1)
    adaptive_below: float = Field(0.5, gt=0, le=1)
    class_field: str | None = Field("difficulty", description="the field whose values are the yield classes")
    dedupe: Literal["none", "text", "equations"] = Field("text", description="equations: RFT's reasoning paths")
    temperature: float = Field(0.8, ge=0)
    max_tokens: int = Field(512, ge=1)
    seed: int = 0
    verify: Literal["answer", "reasoning_and_answer"] = Field(
        "answer", description="what the verifier reads: the answer alone, or a reasoning model's trace before it")
    keep_pass_rate: tuple[float, float] | None = Field(
        None, description="[lo, hi]: keep only prompts whose pass rate is in this range (both ends included); "
        "the rest go to removed.jsonl. Needs m >= k, so every prompt is sampled k times")
    preference_pairs: bool = Field(
        False, description="pair each kept answer with a verified-wrong one for the same prompt (fields chosen, "
        "rejected, pair_evidence: the dpo export)")

    @model_validator(mode="after")
    def _pass_rate_range(self) -> RejectionStepConfig:
        if self.keep_pass_rate is not None:
            lo, hi = self.keep_pass_rate
            if not 0 <= lo <= hi <= 1:
                raise ValueError(f"keep_pass_rate {list(self.keep_pass_rate)}: needs 0 <= lo <= hi <= 1")
            if self.m < self.k:
                raise ValueError(f"keep_pass_rate needs m >= k (m is {self.m}, k {self.k}): a prompt that stops at "
                                 "its m-th pass has a pass rate its early stop decided; set m to k")
        return self

    def check_in_run(self, run: RunFacts, index: int) -> None:
        """A judge verifier must be another model than the one it judges, unless allowed on purpose."""
        for judge in self.verifier.judges():
            name = judge.judge_model_name
            if name is not None and not judge.allow_same_model and run.same_model(name, self.model):
                raise ValueError(f"pipeline.{index}.verifier: the judge {name!r} is the generator's own "
                                 "model; use another model, or set allow_same_model: true")

    def plan(self, before: Flow) -> StepPlan:
        chosen = before.selected(self.only_if)
        most = self.k + (self.adaptive_extra if self.adaptive else 0)
        candidates = Span(chosen.lo * min(self.batch, self.k), chosen.hi * most)
        if self.budget:
            candidates = candidates.at_most(self.budget)
        prompt = self.template_tokens(self.template) + before.record_tokens + tokens(len(self.system or ""))
        kept = before.passed_by(self.only_if) + Span(0, chosen.hi * self.m)
        return StepPlan([ModelCalls.each(self.model, "candidates", candidates, prompt, self.max_tokens)],
                        kept, self.max_tokens,
                        "candidates until m are accepted: depends on the verifier's pass rate")


@dataclass(frozen=True)
class Candidate:
    text: str  # the answer
    verdict: Verdict
    reasoning: str | None = None
    reasoning_tokens: int = 0

    def as_trained(self) -> str:
        """The reply as a trainer would see it with its trace kept (what pair lengths are measured on)."""
        return with_think_tags(self.reasoning, self.text)


@dataclass
class PromptState:
    record: Record
    prompt: str
    tried: int = 0
    tokens: int = 0
    accepted: list[Candidate] = field(default_factory=list)
    outcomes: Counter = field(default_factory=Counter)
    outcomes_by_kind: Counter = field(default_factory=Counter)  # (the verdict's category, outcome): count
    failed_requests: int = 0
    draws: list[bool] = field(default_factory=list)  # each verified candidate, passed or not, in draw order
    rejected: list[Candidate] = field(default_factory=list)
    verdicts: list[tuple[bool, str]] = field(default_factory=list)  # (passed, outcome) in draw order
    reasoning_tokens: int = 0
    duplicates: list[Record] = field(default_factory=list)  # accepted, dropped as the same reasoning

    def stats(self, k: int, m: int) -> dict[str, Any]:
        """This prompt's figures. pass@j only where no stopping rule could have cut its first k draws
        (m >= k): a prompt stopped at its m-th pass has a count of draws that depends on the outcomes."""
        n, c = self.tried, len(self.accepted)
        first = self.draws[:k]
        unstopped = {f"pass@{j}": round(pass_at_k(len(first), sum(first), j), 6)
                     for j in PASS_AT if m >= k and len(first) >= j}
        difficulty, decided = decided_pass_rate(self.verdicts)
        stopped = m < k and c >= m and n < k  # its m-th pass ended it: the rate is the early stop's
        return {"tried": n, "accepted": c, "pass_rate": round(c / n, 4) if n else None,
                "decided": decided, "difficulty_pass_rate": difficulty,
                "difficulty_band": None if stopped else band(difficulty),
                "first_accepted_at": self.draws.index(True) + 1 if True in self.draws else None, **unstopped,
                "tokens_per_accepted": round(self.tokens / c, 1) if c else None,
                "outcomes": dict(self.outcomes), "failed_requests": self.failed_requests,
                **({"reasoning_tokens": self.reasoning_tokens} if self.reasoning_tokens else {})}



class RejectionStep(RecordStep[RejectionStepConfig]):
    """Per prompt: its candidates, verdicts, kept answers and pairs are decided from that prompt alone, so
    prompts stream (bounded memory) and a resume goes on from the committed ones. The run's `budget` is
    one counter every prompt draws from before each request (concurrent prompts cannot overspend; a
    resumed run goes on from what earlier sessions spent). With a budget the step runs in the driver
    under Ray, where that counter lives; its model calls and checks still go to the workers. What it
    drops (each rejected candidate with its verdict) goes to removed.jsonl with its prompt. The report
    is built from counters (tallies), so it covers every worker and every session."""

    config_class = RejectionStepConfig

    def __init__(self, config: RejectionStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.engine = context.engines.get(config.model)
        # A judge needs this process's engines; other verifiers run where the CPU pool runs its work.
        self.local_verifier = build_verifier(config.verifier, context.engines)
        self.verifier = self.local_verifier if config.verifier.judges() else context.cpu.verifier(
            config.verifier, self.local_verifier)
        self.template = load_template(config.template)
        self.budget_left = config.budget
        self.runs_on_driver = config.budget is not None
        self._earlier: Counter = Counter()  # earlier sessions' counters: the report covers the whole run
        # Verification may run code: no more at once than the pool has cores.
        self._verifying = asyncio.Semaphore(context.cpu.slots)

    def carry_over(self, earlier: Counter) -> None:
        self._earlier = Counter(earlier)
        if self.config.budget is not None:
            self.budget_left = max(0, self.config.budget - earlier["candidates"])

    async def process(self, record: Record) -> list[Record]:
        _, records = await self.sample_prompt(record)
        return records

    async def sample_prompt(self, record: Record) -> tuple[PromptState, list[Record]]:
        """One prompt's state once sampled, and its records: the kept answers, then (marked dropped) the
        rejected candidates, repeated reasoning paths and prompts outside keep_pass_rate."""
        cfg = self.config
        try:
            state = PromptState(record, render(self.template, record.fields))
        except KeyError as exc:
            raise TemplateFieldMissing.of(cfg.template, exc) from None
        await self._sample(state, cfg.k)
        if cfg.adaptive and state.accepted and len(state.accepted) < cfg.m \
                and len(state.accepted) / state.tried < cfg.adaptive_below:
            self.counters["adaptive_prompts"] += 1
            await self._sample(state, state.tried + cfg.adaptive_extra)
        if not state.tried and state.failed_requests:  # a failure: retried before the stage closes
            raise GenerationFailed(f"{self.name}: every request for this prompt failed")
        reason = self._outside_range(state)
        records = self._records(state, pairs=reason is None)  # a dropped prompt's pairs are not made
        if reason is not None:
            self.counters["prompts_outside_keep_pass_rate"] += 1
            records = [dropped(self.name, r, reason) for r in records]
        tally_prompt(self.counters, state, cfg)
        return state, records + self._not_kept(state)

    def _outside_range(self, state: PromptState) -> str | None:
        """Why a prompt's answers are dropped under keep_pass_rate, or None when they are kept."""
        keep = self.config.keep_pass_rate
        if keep is None:
            return None
        stats = state.stats(self.config.k, self.config.m)
        rate = stats["difficulty_pass_rate"]
        if in_range(rate, keep):
            return None
        if rate is None:
            return f"no decided verdict: its pass rate is unknown (keep_pass_rate {list(keep)})"
        return f"pass rate {rate} outside keep_pass_rate {list(keep)} ({stats['difficulty_band']})"

    def _not_kept(self, state: PromptState) -> list[Record]:
        """Each candidate the verifier rejected, as a record with its verdict; a prompt that got no
        candidate at all (its requests failed) as itself."""
        stats = state.stats(self.config.k, self.config.m)
        if not state.tried:  # the budget was spent before it
            return [dropped(self.name, state.record, "no candidate: the run's budget was spent",
                            rejection_stats=stats)]
        out = []
        for index, candidate in enumerate(state.rejected):
            verdict = candidate.verdict
            child = state.record.child(self.name, -1 - index, {"prompt": state.prompt,
                                                               self.config.output_field: candidate.text,
                                                               **self._reasoning(candidate, state.record)},
                                       technique="rejection_sampling", model=self.engine.backend.model_name)
            why = "the reply's reasoning never closed" if verdict.outcome == UNFINISHED else "rejected by the verifier"
            child.meta[self.name] = {"removed": f"{why} ({verdict.outcome})",
                                     "verification": verdict.summary(), "prompt_had_accepted": bool(state.accepted),
                                     "rejection_stats": stats}
            out.append(child)
        return out + state.duplicates

    async def _sample(self, state: PromptState, limit: int) -> None:
        cfg = self.config
        while state.tried < limit and len(state.accepted) < cfg.m:
            n = min(cfg.batch, limit - state.tried)
            if self.budget_left is not None:
                n = min(n, self.budget_left)
                if n <= 0:
                    self.counters["prompts_cut_by_budget"] += 1
                    break
                self.budget_left -= n  # taken before the await: concurrent prompts cannot overspend
            messages = ([{"role": "system", "content": cfg.system}] if cfg.system else []) + [
                {"role": "user", "content": state.prompt}]
            try:
                samples = await self.engine.complete(ChatRequest.build(
                    messages, n=n, temperature=cfg.temperature, max_tokens=cfg.max_tokens,
                    seed=item_seed(cfg.seed, state.record.id, state.tried)))
            except GenerationFailed:
                state.failed_requests += 1
                self.counters["request_failed"] += 1
                if self.budget_left is not None:
                    self.budget_left += n  # nothing was drawn
                break
            for sample in samples:
                verdict = await self._verdict(sample, state.record.fields)
                candidate = Candidate(sample.choice.text, verdict, sample.choice.reasoning,
                                      sample.usage.reasoning_tokens)
                state.tried += 1
                state.draws.append(verdict.passed)
                state.verdicts.append((verdict.passed, verdict.outcome))
                state.tokens += sample.usage.completion_tokens
                state.reasoning_tokens += sample.usage.reasoning_tokens
                state.outcomes[verdict.outcome] += 1
                if verdict.category:
                    state.outcomes_by_kind[(verdict.category, verdict.outcome)] += 1
                self.counters["candidates"] += 1
                self.counters[f"outcome_{verdict.outcome}"] += 1
                if verdict.mode:
                    self.counters[f"decided_by_{verdict.mode}"] += 1
                if verdict.error_kind:
                    self.counters[f"error_kind_{verdict.error_kind}"] += 1
                if not verdict.passed:
                    state.rejected.append(candidate)
                else:
                    state.accepted.append(candidate)
                    if len(state.accepted) >= cfg.m:
                        self.counters["prompts_stopped_early"] += state.tried < limit
                        break

    async def _verdict(self, sample: Sample, fields: dict[str, Any]) -> Verdict:
        """The verifier's verdict on the answer (or on trace and answer, as configured). A reply whose
        reasoning never closed has no answer: it is `unfinished`, not wrong, and no verifier sees it."""
        if sample.choice.reasoning_unfinished:
            return Verdict(False, UNFINISHED, UNFINISHED_HINT)
        text = sample.choice.text
        if self.config.verify == "reasoning_and_answer" and sample.choice.reasoning:
            text = f"{sample.choice.reasoning}\n\n{text}"
        async with self._verifying:
            return await self.verifier.verify(text, fields)

    def _reasoning(self, candidate: Candidate, parent: Record) -> dict[str, Any]:
        return trace_fields(candidate.reasoning, self.config.output_field, parent.fields)

    def _records(self, state: PromptState, pairs: bool = True) -> list[Record]:
        cfg = self.config
        texts = [c.text for c in state.accepted]
        keep = list(range(len(texts))) if cfg.dedupe == "none" else distinct(
            texts, equations_key if cfg.dedupe == "equations" else text_key)
        self.counters["dropped_duplicate_reasoning"] += len(texts) - len(keep)
        self.counters["accepted_distinct"] += len(keep)
        for index in sorted(set(range(len(texts))) - set(keep)):
            duplicate = state.record.child(self.name, index, {"prompt": state.prompt, cfg.output_field: texts[index],
                                                              **self._reasoning(state.accepted[index], state.record)},
                                           technique="rejection_sampling", model=self.engine.backend.model_name)
            duplicate.meta[self.name] = {"removed": "accepted, but the same reasoning as a kept answer"}
            state.duplicates.append(duplicate)
        stats = state.stats(cfg.k, cfg.m)
        paired = self._pairs(state, keep) if cfg.preference_pairs and pairs else {}
        out = []
        for index in keep:
            candidate = state.accepted[index]
            verdict = candidate.verdict
            child = state.record.child(
                self.name, index, {"prompt": state.prompt, cfg.output_field: candidate.text, "verdict": verdict.detail,
                                   **self._reasoning(candidate, state.record),
                                   "verification": verdict.summary(),
                                   "rejection_stats": stats, "pass_rate": stats["difficulty_pass_rate"],
                                   "difficulty_band": stats["difficulty_band"], **paired.get(index, {})},
                technique="rejection_sampling", model=self.engine.backend.model_name, template=cfg.template,
                params={"k": cfg.k, "m": cfg.m, "verifier": self.verifier.name})
            child.scores["pass_rate"] = stats["pass_rate"] or 0.0
            if candidate.reasoning:
                child.meta[self.name] = {"reasoning_tokens": candidate.reasoning_tokens}
            out.append(child)
        return out

    def _pairs(self, state: PromptState, keep: list[int]) -> dict[int, dict[str, Any]]:
        """The preference-pair fields of each kept answer that found a verified-wrong partner."""
        chosen = [state.accepted[i] for i in keep]
        partners = pair_up([Reply(c.as_trained(), c.verdict.outcome) for c in chosen],
                           [Reply(r.as_trained(), r.verdict.outcome) for r in state.rejected])
        out: dict[int, dict[str, Any]] = {}
        for index, good, partner in zip(keep, chosen, partners, strict=True):
            if partner is None:
                self.counters["pairs_without_rejected"] += 1
                continue
            bad = state.rejected[partner]
            self.counters["preference_pairs"] += 1
            self.counters[f"pairs_rejected_{bad.verdict.outcome}"] += 1
            # each side's own trace: a pair's export never takes the record's `reasoning` for either side
            out[index] = {"chosen": good.text, "rejected": bad.text,
                          **({"chosen_reasoning": good.reasoning} if good.reasoning else {}),
                          **({"rejected_reasoning": bad.reasoning} if bad.reasoning else {}),
                          "pair_evidence": {"chosen": good.verdict.summary(), "rejected": bad.verdict.summary(),
                                            "rule": RULE, "rejected_candidate": partner}}
        return out

    def _judge_calibration(self) -> dict | None:
        """How a math verifier's judge did on its calibration pairs, if it has one and was asked."""
        describe = getattr(self.local_verifier, "judge_calibration", None)
        return describe() if callable(describe) else None

    def report(self) -> dict[str, Any]:
        counters = Counter(self.counters)
        counters.update(self._earlier)  # (not `+`: that drops the zero counts a report shows)
        sandbox = self.local_verifier.isolation
        return {
            "verifier": self.verifier.name,
            **report_from_tallies(counters, self.config),
            **({"judge_calibration": calibration} if (calibration := self._judge_calibration()) else {}),
            **({"sandbox": sandbox} if sandbox else {}),
            "budget_left": self.budget_left,
        }
