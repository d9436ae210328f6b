"""One engine per configured model, built when a step first asks for it, all sharing one cache."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from synthloom.engine.batch_ledger import BatchLedger
from synthloom.engine.budget import Budget
from synthloom.engine.cache import ResponseCache
from synthloom.engine.engine import Engine
from synthloom.engine.metrics import EngineMetrics
from synthloom.errors import UserError
from synthloom.models.reasoning import DEFAULT_TAGS

if TYPE_CHECKING:
    from synthloom.config import RunConfig
    from synthloom.models.base import Backend

DEFAULT = "default"
BATCH_BACKENDS = ("openai", "anthropic")


def model_is_batched(config: RunConfig, name: str) -> bool:
    model = config.model_config_named(name)
    if model.backend not in BATCH_BACKENDS:
        return False
    own = getattr(model, "batch", None)
    return config.engine.batch if own is None else own


class Engines:
    def __init__(self, config: RunConfig, cache_path: str | None, cache=None,
                 backends: dict[str, Backend] | None = None, batch_ledger: str | Path | None = None,
                 spent_before: float = 0.0) -> None:
        """`backends`: ready backends by model name, used instead of building them from the config (an
        application embedding synthloom with its own client; the unit tests' scripted backend).
        `batch_ledger`: where batch ids are kept when engine.batch is on (the run directory's).
        `spent_before`: what earlier sessions of the run spent, counted against engine.max_cost."""
        self._config = config
        self._ledger = BatchLedger(batch_ledger) if batch_ledger and any(
            self.batched(name) for name in self.names()) else None
        max_cost = config.engine.max_cost
        self.budget = Budget(max_cost, spent_before) if max_cost is not None else None
        self._given = dict(backends or {})
        self._cache = cache if cache is not None else ResponseCache(cache_path) if cache_path else None
        self._engines: dict[str, Engine] = {}
        self.remote_metrics: list[EngineMetrics] = []  # engines running elsewhere (the Ray executor's workers)

    def names(self) -> list[str]:
        return [DEFAULT, *self._config.models]

    def batched(self, name: str) -> bool:
        """Whether this model's calls go through a batch API: its own `batch:`, else engine.batch."""
        return model_is_batched(self._config, name)

    def get(self, name: str = DEFAULT) -> Engine:
        if name not in self._engines:
            from synthloom.engine.build import engine_settings
            from synthloom.models.factory import build_backend

            model = self._config.model if name == DEFAULT else self._config.models.get(name)
            if model is None:
                raise UserError(f"no model named {name!r}: add it under `models:` (known: {', '.join(self.names())})")
            engine_config = self._config.engine
            backend = self._given.get(name) or build_backend(model, max_connections=engine_config.concurrency)
            engine = Engine(backend, engine_settings(engine_config), self._cache,
                            reasoning_tags=getattr(model, "reasoning_tags", DEFAULT_TAGS))
            engine.budget = self.budget
            if self._ledger is not None and self.batched(name) and hasattr(backend, "batch_api"):
                engine.use_batches(self._ledger, collect_s=engine_config.batch_collect_s,
                                   poll_s=engine_config.batch_poll_s, stuck_s=engine_config.batch_stuck_s)
            self._engines[name] = engine
        return self._engines[name]

    def same_model(self, a: str, b: str) -> bool:
        return self._config.model_config_named(a) == self._config.model_config_named(b)

    def metrics(self) -> EngineMetrics:
        return EngineMetrics.combined([e.metrics for e in self._engines.values()] + self.remote_metrics)

    def metrics_by_model(self) -> dict[str, dict]:
        return {name: {"model": e.backend.model_name, **e.metrics.to_dict()} for name, e in self._engines.items()}

    async def close(self) -> None:
        for engine in self._engines.values():
            if engine.batches is not None:
                await engine.batches.close()
            await engine.backend.close()
        if self._cache is not None:
            self._cache.close()
        if self._ledger is not None:
            self._ledger.close()
