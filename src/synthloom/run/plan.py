"""`synthloom plan`: the calls, tokens and cost a run config will need, before any request is sent.

The inputs are read (so counts and prompt sizes come from the real data); each step's config says what
it will ask of its models for the records that reach it (steps/plan.py). Prices are the engine's
(engine.price_input_per_mtok / price_output_per_mtok), at the batch share for models called through a
batch API when engine.batch is on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from synthloom.config import RunConfig
from synthloom.engine.metrics import Price
from synthloom.engine.model_engines import model_is_batched
from synthloom.record import Record
from synthloom.steps.plan import Flow, ModelCalls, Span, StepPlan, tokens


@dataclass
class PlannedCalls:
    step: str
    calls: ModelCalls
    cost: Span
    batched: bool


@dataclass
class RunPlan:
    inputs: int
    rows: list[PlannedCalls] = field(default_factory=list)
    steps: list[tuple[str, StepPlan, Span]] = field(default_factory=list)  # (name, plan, records in)

    def total(self, attribute: str) -> Span:
        spans = [getattr(r.calls, attribute) if attribute != "cost" else r.cost for r in self.rows]
        return sum(spans, Span(0, 0))

    def to_dict(self) -> dict[str, Any]:
        def span(s: Span) -> dict[str, float]:
            return {"low": round(s.lo, 6), "high": round(s.hi, 6)}
        return {"inputs": self.inputs,
                "steps": [{"step": name, "records_in": span(before), "records_out": span(plan.records_out),
                           "note": plan.note} for name, plan, before in self.steps],
                "calls": [{"step": r.step, "model": r.calls.model, "what": r.calls.what, "batched": r.batched,
                           "calls": span(r.calls.calls), "prompt_tokens": span(r.calls.prompt_tokens),
                           "completion_tokens": span(r.calls.completion_tokens), "cost": span(r.cost)}
                          for r in self.rows],
                "total": {k: span(self.total(k)) for k in ("calls", "prompt_tokens", "completion_tokens", "cost")}}


def _flow(inputs: list[Record]) -> Flow:
    if not inputs:
        return Flow(Span.of(0), 0.0)
    sizes = [sum(len(v) for v in r.fields.values() if isinstance(v, str)) for r in inputs]
    names = {name for r in inputs for name in r.fields}
    share = {name: sum(1 for r in inputs if str(r.fields.get(name) or "").strip()) / len(inputs) for name in names}
    return Flow(Span.of(len(inputs)), tokens(sum(sizes) / len(sizes)), share)


def make_plan(config: RunConfig, inputs: list[Record]) -> RunPlan:
    engine = config.engine
    price = Price(engine.price_input_per_mtok, engine.price_output_per_mtok, engine.price_batch_factor)
    plan = RunPlan(len(inputs))
    flow = _flow(inputs)
    for step in config.pipeline:
        name = step.name or step.step
        step_plan = step.plan(flow)
        plan.steps.append((name, step_plan, flow.records))
        for calls in step_plan.calls:
            batched = model_is_batched(config, calls.model)
            factor = price.batch_factor if batched else 1.0
            cost = Span(price.cost(calls.prompt_tokens.lo, calls.completion_tokens.lo) * factor,
                        price.cost(calls.prompt_tokens.hi, calls.completion_tokens.hi) * factor)
            plan.rows.append(PlannedCalls(name, calls, cost, batched))
        flow = Flow(step_plan.records_out, flow.record_tokens + step_plan.adds_tokens, flow.share_with)
    return plan


def format_plan(plan: RunPlan, config: RunConfig) -> str:
    engine = config.engine
    header = (f"{'step':<18} {'model':<10} {'calls for':<26} {'calls':>15} {'prompt tokens':>21} "
              f"{'completion tokens':>21} {'cost':>23}")
    lines = [f"{plan.inputs} input records. Prompt tokens are estimates (about 4 characters a token); completion "
             "tokens are counted at max_tokens, so the high end of a cost is a bound.",
             "A reasoning model's trace is part of its completion tokens (servers count it against max_tokens, and "
             "price it as output): give such a model room for both.",
             "A range (low-high) depends on earlier answers: what verifiers accept, filters keep, rounds need.", "",
             header, "-" * len(header)]
    for row in plan.rows:
        c = row.calls
        lines.append(f"{row.step:<18} {c.model:<10} {c.what + (' (batch)' if row.batched else ''):<26} "
                     f"{c.calls.show():>15} {c.prompt_tokens.show():>21} {c.completion_tokens.show():>21} "
                     f"{row.cost.show(money=True):>23}")
    lines += ["-" * len(header),
              f"{'total':<56} {plan.total('calls').show():>15} {plan.total('prompt_tokens').show():>21} "
              f"{plan.total('completion_tokens').show():>21} {plan.total('cost').show(money=True):>23}", ""]
    for name, step_plan, before in plan.steps:
        note = f" ({step_plan.note})" if step_plan.note else ""
        lines.append(f"{name}: {before.show()} records in, {step_plan.records_out.show()} out{note}")
    if not (engine.price_input_per_mtok or engine.price_output_per_mtok):
        lines.append("\nNo prices configured (engine.price_input_per_mtok, price_output_per_mtok): costs show as $0.")
    if engine.max_cost is not None:
        high = plan.total("cost").hi
        verdict = "fits" if high <= engine.max_cost else "may not fit: the run stops, resumable, before it is exceeded"
        lines.append(f"Budget engine.max_cost ${engine.max_cost:,.4f}: the plan's high end ${high:,.4f} {verdict}.")
    return "\n".join(lines)
