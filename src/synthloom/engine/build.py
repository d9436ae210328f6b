"""An engine from its config section, or around a ready backend (`generate`, the guard commands' judges)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from synthloom.engine.cache import ResponseCache
from synthloom.engine.engine import Engine, EngineSettings
from synthloom.engine.metrics import Price
from synthloom.engine.retry import RetryPolicy

if TYPE_CHECKING:
    from synthloom.engine.config import EngineConfig
    from synthloom.models.base import Backend


def engine_settings(engine: EngineConfig) -> EngineSettings:
    return EngineSettings(
        concurrency=engine.concurrency, adaptive=engine.adaptive, rpm=engine.rpm, tpm=engine.tpm,
        timeout=engine.timeout,
        retry=RetryPolicy(max_attempts=engine.max_attempts, base_delay=engine.backoff_base,
                          max_delay=engine.backoff_max, max_retry_after=engine.max_retry_wait),
        price=Price(engine.price_input_per_mtok, engine.price_output_per_mtok, engine.price_batch_factor,
                    engine.price_cache_read_factor, engine.price_cache_write_factor),
    )


def make_engine(backend: Backend, settings: EngineSettings, cache_path: str | None) -> Engine:
    return Engine(backend, settings, ResponseCache(cache_path) if cache_path else None)
