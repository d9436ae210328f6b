"""The backends a model config can name: synthloom's own (one line each below) and those installed
packages register under the `synthloom.backends` entry point group, through the same door as steps
(plugins.py).

Each entry is a model config class (a `BackendConfig` subclass) whose `backend:` Literal, or entry point
name, is its kind, and whose `build(max_connections)` returns the `Backend` (models/base.py).
"""

from __future__ import annotations

from functools import cache
from typing import Any

ENTRY_POINT_GROUP = "synthloom.backends"

BUILTIN_BACKENDS = [
    "synthloom.models.config:LlamaCppModelConfig",
    "synthloom.models.config:OpenAIModelConfig",
    "synthloom.models.config:AnthropicModelConfig",
]


def _not_a_backend_config(obj: object) -> str | None:
    from synthloom.models.config import BackendConfig

    if isinstance(obj, type) and issubclass(obj, BackendConfig):
        return None
    return "is not a synthloom BackendConfig subclass (synthloom.models.config)"


def _replace(holder: dict[str, Any]) -> Any:
    def set_config(obj: type, config_class: type) -> None:
        holder[obj.__name__] = config_class
    return set_config


@cache
def backend_configs() -> dict[str, type]:
    """Every backend kind's config class, by its `backend:` value: synthloom's, then the plugins'."""
    from synthloom.plugins import load_kinds

    derived: dict[str, Any] = {}  # a plugin config without a Literal: the class with its kind fixed
    kinds = load_kinds(ENTRY_POINT_GROUP, BUILTIN_BACKENDS, what="backend", check=_not_a_backend_config,
                       config_of=lambda cls: derived.get(cls.__name__, cls), set_config=_replace(derived),
                       field="backend")
    return {kind: derived.get(cls.__name__, cls) for kind, cls in kinds.items()}
