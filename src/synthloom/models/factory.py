"""Build backends and engines from config sections (or from plain arguments, for `generate`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from synthloom.engine.cache import ResponseCache
from synthloom.engine.engine import Engine, EngineSettings
from synthloom.engine.metrics import Price
from synthloom.engine.retry import RetryPolicy
from synthloom.errors import UserError
from synthloom.models.base import Backend, EndpointUnreachable

if TYPE_CHECKING:  # the pydantic models load only where a config file is read
    from synthloom.engine.config import EngineConfig
    from synthloom.models.config import ModelConfig


def http_backend(base_url: str, model: str, api_key: str | None, *, max_connections: int,
                 native_n: bool = False, schema_style: str = "json_schema", chat: bool = True,
                 fields: dict | None = None) -> Backend:
    from synthloom.models.capabilities import openai_caps
    from synthloom.models.openai_compat import OpenAICompatBackend

    caps = openai_caps(model, base_url).with_overrides(**(fields or {}))
    return OpenAICompatBackend(base_url, model, api_key, max_connections=max_connections,
                               native_n=native_n, schema_style=schema_style, chat=chat, caps=caps)


def local_backend(model: str | None, *, n_ctx: int = 2048, n_threads: int | None = None,
                  chat: bool = True) -> Backend:
    from synthloom.models.llamacpp import LlamaCppBackend

    try:
        return LlamaCppBackend(model, n_ctx=n_ctx, n_threads=n_threads, chat=chat)
    except EndpointUnreachable as exc:
        raise UserError(str(exc)) from None


def anthropic_backend(model: str, api_key: str | None, *, base_url: str, max_connections: int,
                      fields: dict | None = None) -> Backend:
    from synthloom.models.anthropic import AnthropicBackend
    from synthloom.models.capabilities import anthropic_caps

    caps = anthropic_caps(model).with_overrides(**(fields or {}))
    return AnthropicBackend(model, api_key, base_url=base_url, max_connections=max_connections, caps=caps)


def build_backend(config: ModelConfig, max_connections: int = 64) -> Backend:
    if config.backend == "anthropic":
        return anthropic_backend(config.model, config.resolved_api_key(), base_url=config.base_url,
                                 max_connections=max_connections, fields=config.overrides())
    if config.backend == "openai":
        return http_backend(config.resolved_base_url(), config.resolved_model(), config.resolved_api_key(),
                            max_connections=max_connections, native_n=config.native_n,
                            schema_style=config.schema_style, chat=config.chat, fields=config.overrides())
    return local_backend(config.model, n_ctx=config.n_ctx, n_threads=config.n_threads, chat=config.chat)


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
