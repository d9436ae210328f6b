"""The engine's settings in a run config: concurrency, rate limits, retries, prices, cache. Defaults come
from engine/defaults.py and RetryPolicy, which the engine and `synthloom generate` use too."""

from __future__ import annotations

from pydantic import Field

from synthloom.config_model import Strict
from synthloom.engine.defaults import (
    BATCH_COLLECT_S,
    BATCH_POLL_S,
    BATCH_PRICE_FACTOR,
    BATCH_STUCK_S,
    CACHE_READ_PRICE_FACTOR,
    CACHE_WRITE_PRICE_FACTOR,
    CONCURRENCY,
    TIMEOUT_S,
)
from synthloom.engine.retry import RetryPolicy


class EngineConfig(Strict):
    concurrency: int = Field(CONCURRENCY, ge=1, le=100_000, description="calls at once; with adaptive, the ceiling")
    adaptive: bool = Field(False, description="find the concurrency the server sustains: grow while calls are "
                           "answered, shrink on 429/503/529 (additive increase, multiplicative decrease)")
    rpm: float | None = Field(None, gt=0, description="requests per minute")
    tpm: float | None = Field(None, gt=0, description="tokens per minute")
    timeout: float = Field(TIMEOUT_S, gt=0, description="seconds for one call")
    max_attempts: int = Field(RetryPolicy.max_attempts, ge=1)
    backoff_base: float = Field(RetryPolicy.base_delay, ge=0)
    backoff_max: float = Field(RetryPolicy.max_delay, ge=0)
    max_retry_wait: float = Field(RetryPolicy.max_retry_after, gt=0, description="seconds; a server asking to "
                                  "wait longer (Retry-After) fails the request instead of stalling the run")
    price_input_per_mtok: float = Field(0.0, ge=0)
    price_output_per_mtok: float = Field(0.0, ge=0)
    price_batch_factor: float = Field(BATCH_PRICE_FACTOR, gt=0, le=1, description="share of the price the "
                                      "provider's batch API charges")
    price_cache_read_factor: float = Field(CACHE_READ_PRICE_FACTOR, ge=0, description="share of the input price "
                                           "for prompt tokens read from the provider's prompt cache")
    price_cache_write_factor: float = Field(CACHE_WRITE_PRICE_FACTOR, ge=0, description="share of the input price "
                                            "for prompt tokens written to the provider's prompt cache (Anthropic)")
    max_cost: float | None = Field(None, gt=0, description="the run's budget in the currency of the prices: it "
                                   "stops, resumable, before a call could take it past this (earlier sessions count)")
    batch: bool = Field(False, description="send the calls of openai and anthropic models through the provider's "
                        "batch API (half price; answers within 24 h); other models are called directly")
    batch_collect_s: float = Field(BATCH_COLLECT_S, gt=0, description="seconds samples gather before a batch is sent")
    batch_poll_s: float = Field(BATCH_POLL_S, gt=0, description="seconds between looks at open batches")
    batch_stuck_s: float = Field(BATCH_STUCK_S, gt=0, description="seconds a batch's state or results may stay "
                                 "unreadable before the run stops, resumable, naming the batch")
    max_in_flight: int | None = Field(None, ge=1, description="inputs in the pipeline at once; "
                                      "default twice the concurrency (in batch mode: 50,000)")
    cache: str | None = Field(None, description="response cache file; default: cache.sqlite in the run dir")
