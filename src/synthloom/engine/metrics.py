"""Counters for every model call: calls, cache hits, retries, failures, tokens, cost, latency."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from synthloom.engine.defaults import BATCH_PRICE_FACTOR, CACHE_READ_PRICE_FACTOR, CACHE_WRITE_PRICE_FACTOR


@dataclass(frozen=True)
class Price:
    """Cost per million tokens, as the user's provider charges it (0 for local models)."""

    input_per_mtok: float = 0.0
    output_per_mtok: float = 0.0
    batch_factor: float = BATCH_PRICE_FACTOR  # the share of the price a batch API charges
    cache_read_factor: float = CACHE_READ_PRICE_FACTOR  # shares of the input price for prompt-cache tokens
    cache_write_factor: float = CACHE_WRITE_PRICE_FACTOR

    def cost(self, prompt_tokens: float, completion_tokens: float, cache_read: float = 0,
             cache_write: float = 0) -> float:
        """`cache_read` and `cache_write` are parts of `prompt_tokens`, priced at their own shares."""
        inputs = (prompt_tokens - cache_read - cache_write + cache_read * self.cache_read_factor
                  + cache_write * self.cache_write_factor)
        return (inputs * self.input_per_mtok + completion_tokens * self.output_per_mtok) / 1e6

    def usage_cost(self, usage: Any) -> float:
        return self.cost(usage.prompt_tokens, usage.completion_tokens, usage.cache_read_tokens,
                         usage.cache_write_tokens)


@dataclass
class EngineMetrics:
    price: Price = field(default_factory=Price)
    started: float = field(default_factory=time.time)
    samples: int = 0  # samples asked of the engine
    cache_hits: int = 0
    shared_calls: int = 0  # samples that waited for an identical request already in flight
    calls: int = 0  # backend calls attempted, retries included
    succeeded_calls: int = 0
    retries: int = 0
    failed_samples: int = 0
    errors: Counter = field(default_factory=Counter)  # by kind: rate_limited, timeout, ...
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasoning_tokens: int = 0  # the part of completion_tokens spent on reasoning (counted, else estimated)
    batch_prompt_tokens: int = 0  # the part of the tokens above sent through a batch API
    batch_completion_tokens: int = 0
    cache_read_tokens: int = 0  # parts of prompt_tokens the provider's prompt cache read or wrote
    cache_write_tokens: int = 0
    batch_cache_read_tokens: int = 0
    batch_cache_write_tokens: int = 0
    batch_states: dict[str, str] = field(default_factory=dict)  # batch id -> the provider's last word
    saved_prompt_tokens: int = 0  # tokens the cache spared
    saved_completion_tokens: int = 0
    latency_total: float = 0.0
    carried_cost: float = 0.0  # cost already priced elsewhere (a sum over engines)
    waiting_until: float = 0.0  # wall-clock end of a pause the server asked for (Retry-After)
    concurrency_limit: float | None = None  # calls allowed at once now (moves with engine.adaptive)

    @classmethod
    def combined(cls, parts: list[EngineMetrics]) -> EngineMetrics:
        """The sum over several engines (one per model), for totals and progress."""
        total = cls(started=min((p.started for p in parts), default=time.time()))
        for p in parts:
            for name in ("samples", "cache_hits", "shared_calls", "calls", "succeeded_calls", "retries",
                         "failed_samples", "prompt_tokens", "completion_tokens", "reasoning_tokens",
                         "batch_prompt_tokens",
                         "batch_completion_tokens", "cache_read_tokens", "cache_write_tokens",
                         "batch_cache_read_tokens", "batch_cache_write_tokens", "saved_prompt_tokens",
                         "saved_completion_tokens", "latency_total"):
                setattr(total, name, getattr(total, name) + getattr(p, name))
            total.errors.update(p.errors)
            total.batch_states.update(p.batch_states)
            total.waiting_until = max(total.waiting_until, p.waiting_until)
        total.carried_cost = sum(p.cost for p in parts)  # each engine priced at its own model's rates
        return total

    @property
    def cost(self) -> float:
        direct = self.price.cost(self.prompt_tokens - self.batch_prompt_tokens,
                                 self.completion_tokens - self.batch_completion_tokens,
                                 self.cache_read_tokens - self.batch_cache_read_tokens,
                                 self.cache_write_tokens - self.batch_cache_write_tokens)
        batched = self.price.cost(self.batch_prompt_tokens, self.batch_completion_tokens, self.batch_cache_read_tokens,
                                  self.batch_cache_write_tokens) * self.price.batch_factor
        return self.carried_cost + direct + batched

    def to_dict(self) -> dict[str, Any]:
        elapsed = max(time.time() - self.started, 1e-9)
        return {
            "samples": self.samples,
            "cache_hits": self.cache_hits,
            "shared_calls": self.shared_calls,
            "calls": self.calls,
            "succeeded_calls": self.succeeded_calls,
            "retries": self.retries,
            "failed_samples": self.failed_samples,
            "errors": dict(self.errors),
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            **({"reasoning_tokens": self.reasoning_tokens} if self.reasoning_tokens else {}),
            **({"cache_read_tokens": self.cache_read_tokens, "cache_write_tokens": self.cache_write_tokens}
               if self.cache_read_tokens or self.cache_write_tokens else {}),
            "saved_prompt_tokens": self.saved_prompt_tokens,
            "saved_completion_tokens": self.saved_completion_tokens,
            "estimated_cost_usd": round(self.cost, 6),
            "saved_cost_usd": round(self.price.cost(self.saved_prompt_tokens, self.saved_completion_tokens), 6),
            "mean_latency_s": round(self.latency_total / self.succeeded_calls, 4) if self.succeeded_calls else None,
            "elapsed_s": round(elapsed, 3),
            "calls_per_s": round(self.succeeded_calls / elapsed, 2),
            "completion_tokens_per_s": round(self.completion_tokens / elapsed, 2),
            **({"concurrency_limit": round(self.concurrency_limit, 1)} if self.concurrency_limit else {}),
            **({"batch_prompt_tokens": self.batch_prompt_tokens, "batch_completion_tokens":
                self.batch_completion_tokens, "batches": self.batch_summary()} if self.batch_states else {}),
        }

    def batch_summary(self) -> dict[str, int]:
        """Batches by the provider's last word: {"in_progress": 2, "completed": 5}."""
        return dict(Counter(self.batch_states.values()))

    def summary(self) -> str:
        d = self.to_dict()
        errors = ", ".join(f"{k} {v}" for k, v in sorted(self.errors.items())) or "none"
        batches = ", ".join(f"{n} {status}" for status, n in sorted(self.batch_summary().items()))
        return ((f"batches: {batches}; " if batches else "")
                + f"{d['succeeded_calls']} calls ({d['calls_per_s']}/s), {d['cache_hits']} cache hits, "
                f"{d['retries']} retries, {d['failed_samples']} failed samples (errors: {errors}), "
                f"{d['prompt_tokens']}+{d['completion_tokens']} tokens"
                + (f" ({self.reasoning_tokens} reasoning)" if self.reasoning_tokens else "")
                + f", ${d['estimated_cost_usd']:.4f}")
