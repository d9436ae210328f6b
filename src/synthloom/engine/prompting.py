"""Ask a model through a template: the one way techniques talk to the engine."""

from __future__ import annotations

import asyncio
import hashlib
from collections import Counter
from collections.abc import Awaitable, Iterable
from typing import Any

from synthloom.engine.engine import Engine, GenerationFailed, Sample
from synthloom.models.base import ChatRequest
from synthloom.templates import load_template, render


def item_seed(base: int, *parts: Any) -> int:
    """A sampling seed that depends only on the item, not on the order work happens to run in."""
    digest = hashlib.sha256(repr((base, *parts)).encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


async def ask(engine: Engine, template: str, fields: dict[str, Any], **params: Any) -> Sample:
    """One sample for the rendered template as a single user message."""
    prompt = render(load_template(template), fields)
    [sample] = await engine.complete(ChatRequest.build([{"role": "user", "content": prompt}], **params))
    return sample


async def gather_settled(awaitables: Iterable[Awaitable[Any]], counters: Counter, failure_key: str,
                         keep: tuple[type[BaseException], ...] = ()) -> list[Any]:
    """Run together. A request that failed after its retries becomes None, counted under `failure_key`;
    exceptions of the `keep` types are returned as they are; anything else (an unreachable endpoint,
    a bug) is raised, because counting it and going on would hide it."""
    outcomes = await asyncio.gather(*awaitables, return_exceptions=True)
    for outcome in outcomes:
        if isinstance(outcome, BaseException) and not isinstance(outcome, (GenerationFailed, *keep)):
            raise outcome
    counters[failure_key] += sum(isinstance(o, GenerationFailed) for o in outcomes)
    return [None if isinstance(o, GenerationFailed) else o for o in outcomes]
