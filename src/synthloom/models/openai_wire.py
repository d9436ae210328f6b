"""The OpenAI wire format both the live endpoint (openai_compat.py) and the Batch API (openai_batch.py)
read: a chat or text completion as a Completion. Shared here so neither imports the other."""

from __future__ import annotations

import json
import reprlib
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
        message = c["message"]
        # vLLM and SGLang (and DeepSeek's API) name it reasoning_content; newer vLLM and some proxies reasoning
        reasoning = message.get("reasoning_content") or message.get("reasoning")
        return Choice(message.get("content") or "", c.get("finish_reason"), _parse_logprobs(c.get("logprobs")),
                      _tool_calls(message.get("tool_calls")),
                      reasoning=reasoning if isinstance(reasoning, str) and reasoning else None)
    return Choice(c["text"], c.get("finish_reason"), _parse_text_logprobs(c.get("logprobs")))


def _tool_calls(raw: Any) -> list[dict[str, Any]] | None:
    """The message's function calls as plain dicts in OpenAI's shape; arguments stay the text the model
    wrote (a caller checks them), and an entry of another shape is kept as it came, for the caller to refuse."""
    if not raw:
        return None
    if not isinstance(raw, list):
        return [{"malformed": redact(reprlib.repr(raw))}]
    calls: list[dict[str, Any]] = []
    for item in raw:
        function = item.get("function") if isinstance(item, dict) else None
        if not isinstance(function, dict):
            calls.append({"malformed": redact(reprlib.repr(item))})
            continue
        arguments = function.get("arguments")
        if not isinstance(arguments, str):  # an object where JSON text belongs: its text, when it has one
            try:
                arguments = json.dumps(arguments)
            except (TypeError, ValueError, RecursionError):
                arguments = reprlib.repr(arguments)
        calls.append({"id": str(item.get("id") or ""), "type": "function",
                      "function": {"name": function.get("name"),
                                   "arguments": arguments}})
    return calls


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
    completion_details = usage.get("completion_tokens_details") or {}
    return Completion(
        choices=choices,
        usage=Usage(usage.get("prompt_tokens") or 0, usage.get("completion_tokens") or 0,
                    details.get("cached_tokens") or 0, details.get("cache_write_tokens") or 0,
                    completion_details.get("reasoning_tokens") or 0),
        model=data.get("model"),
    )
