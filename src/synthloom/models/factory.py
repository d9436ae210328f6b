"""Build backends from plain arguments (`generate`, the guard commands' judges) or from a model config.
Engines are built in engine/build.py: models sit below the engine and never import it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from synthloom.errors import UserError
from synthloom.models.base import Backend, EndpointUnreachable

if TYPE_CHECKING:  # the pydantic models load only where a config file is read
    from synthloom.models.config import BackendConfig


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


def build_backend(config: BackendConfig, max_connections: int = 64) -> Backend:
    """The backend a model config names: each config (synthloom's or a plugin's) builds its own."""
    return config.build(max_connections)
