"""Ask a model through a template: the one way techniques talk to the engine."""

from __future__ import annotations

import hashlib
from typing import Any

from synthloom.engine.engine import Engine, Sample
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
