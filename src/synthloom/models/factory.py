"""Build a backend from its config section."""

from __future__ import annotations

from synthloom.config import EngineConfig, LlamaCppModelConfig, ModelConfig, OpenAIModelConfig
from synthloom.engine.cache import ResponseCache
from synthloom.engine.engine import Engine, EngineSettings
from synthloom.engine.metrics import Price
from synthloom.engine.retry import RetryPolicy
from synthloom.errors import UserError
from synthloom.models.base import Backend, EndpointUnreachable


def build_backend(config: ModelConfig, max_connections: int = 64) -> Backend:
    if isinstance(config, OpenAIModelConfig):
        from synthloom.models.openai_compat import OpenAICompatBackend

        return OpenAICompatBackend(config.resolved_base_url(), config.resolved_model(),
                                   config.resolved_api_key(), max_connections=max_connections,
                                   native_n=config.native_n, schema_style=config.schema_style)
    if isinstance(config, LlamaCppModelConfig):
        from synthloom.models.llamacpp import LlamaCppBackend

        try:
            return LlamaCppBackend(config.model, n_ctx=config.n_ctx, n_threads=config.n_threads)
        except EndpointUnreachable as exc:
            raise UserError(str(exc)) from None
    raise UserError(f"unknown backend {getattr(config, 'backend', config)!r}")


def build_engine(model: ModelConfig, engine: EngineConfig, cache_path: str | None) -> Engine:
    settings = EngineSettings(
        concurrency=engine.concurrency, rpm=engine.rpm, tpm=engine.tpm, timeout=engine.timeout,
        retry=RetryPolicy(max_attempts=engine.max_attempts, base_delay=engine.backoff_base,
                          max_delay=engine.backoff_max),
        price=Price(engine.price_input_per_mtok, engine.price_output_per_mtok),
    )
    backend = build_backend(model, max_connections=engine.concurrency)
    return Engine(backend, settings, ResponseCache(cache_path) if cache_path else None)
