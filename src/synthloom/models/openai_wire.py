"""The OpenAI wire format both the live endpoint (openai_compat.py) and the Batch API (openai_batch.py)
read: a chat or text completion as a Completion. Shared here so neither imports the other."""

from __future__ import annotations

from typing import Any

from synthloom.models.base import BackendError, Choice, Completion, Usage
from synthloom.redaction import redact


def _float(value: Any) -> float | None:
    return None if value is None else float(value)  # llama-cpp-python gives numpy float32


def _parse_logprobs(raw: Any) -> list[dict[str, Any]] | None:
    if not raw or not raw.get("content"):
        return None
    return [
        {
            "token": item.get("token"),
            "logprob": _float(item.get("logprob")),
            "top": {t.get("token"): _float(t.get("logprob")) for t in item.get("top_logprobs") or []},
        }
        for item in raw["content"]
    ]


def _parse_text_logprobs(raw: Any) -> list[dict[str, Any]] | None:
    """The legacy completions format: parallel lists of tokens, logprobs and top-logprob maps."""
    if not raw or not raw.get("tokens"):
        return None
    tops = raw.get("top_logprobs") or [None] * len(raw["tokens"])
    return [
        {"token": token, "logprob": _float(logprob),
         "top": {t: _float(lp) for t, lp in (top or {}).items()}}
        for token, logprob, top in zip(raw["tokens"], raw.get("token_logprobs") or [], tops, strict=False)
    ]


def _choice(c: dict[str, Any]) -> Choice:
    if "message" in c:  # chat completion
        refusal = c["message"].get("refusal")
        if refusal:  # an answer of its own kind: never an empty success for the cache
            raise BackendError(f"the model refused: {redact(str(refusal)[:300])}", retryable=False, kind="refusal")
        return Choice(c["message"].get("content") or "", c.get("finish_reason"), _parse_logprobs(c.get("logprobs")))
    return Choice(c["text"], c.get("finish_reason"), _parse_text_logprobs(c.get("logprobs")))


def completion_from_dict(data: Any) -> Completion:
    """Read an OpenAI-shaped chat or text completion (from a server, or llama-cpp-python in process)."""
    try:
        choices = [_choice(c) for c in sorted(data["choices"], key=lambda c: c.get("index", 0))]
    except (KeyError, TypeError, AttributeError) as exc:
        raise BackendError(f"response is not a chat completion ({exc.__class__.__name__}: {exc})",
                           retryable=True, kind="bad_response") from None
    if not choices:
        raise BackendError("response had no choices", retryable=True, kind="bad_response")
    usage = data.get("usage") or {}
    details = usage.get("prompt_tokens_details") or {}  # parts of prompt_tokens the prompt cache read or wrote
    return Completion(
        choices=choices,
        usage=Usage(usage.get("prompt_tokens") or 0, usage.get("completion_tokens") or 0,
                    details.get("cached_tokens") or 0, details.get("cache_write_tokens") or 0),
        model=data.get("model"),
    )
