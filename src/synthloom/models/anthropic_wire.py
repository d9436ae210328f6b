"""Anthropic's wire format both the Messages API client (anthropic.py) and Message Batches
(anthropic_batch.py) read: a message as a Completion, an error body as a BackendError. Shared here so
neither imports the other."""

from __future__ import annotations

from typing import Any

import orjson

from synthloom.models.base import RETRYABLE_STATUS, BackendError, Choice, Completion, Usage, status_kind
from synthloom.models.capabilities import refused_field, refused_field_error
from synthloom.models.http import should_retry, snippet
from synthloom.redaction import redact

KEY_HINT = "set the key in ANTHROPIC_API_KEY (or the variable model.api_key_env names)"
# Anthropic's stop reasons (the SDK's StopReason: all seven), in the OpenAI vocabulary the rest of synthloom
# reads. A full context window and a paused turn end the text early, as max_tokens does: "length".
FINISH_REASONS = {"end_turn": "stop", "stop_sequence": "stop", "max_tokens": "length", "tool_use": "tool_calls",
                  "refusal": "content_filter", "model_context_window_exceeded": "length", "pause_turn": "length"}


def message_from_dict(data: Any) -> Completion:
    """A Messages API response (or a batch result's `message`) as a Completion."""
    try:
        text = "".join(block.get("text", "") for block in data["content"] if block.get("type") == "text")
        # extended thinking: its blocks are the reply's reasoning part (redacted_thinking has no text to keep)
        thinking = "".join(block.get("thinking", "") for block in data["content"] if block.get("type") == "thinking")
        usage = data.get("usage") or {}
        read, written = usage.get("cache_read_input_tokens") or 0, usage.get("cache_creation_input_tokens") or 0
        prompt_tokens = (usage.get("input_tokens") or 0) + read + written  # input_tokens excludes the cached parts
        stop_reason = data.get("stop_reason")
        choice = Choice(text, FINISH_REASONS.get(stop_reason, stop_reason), reasoning=thinking or None)
        completion = Completion([choice],
                                Usage(prompt_tokens, usage.get("output_tokens") or 0, read, written), data.get("model"))
    except (KeyError, TypeError, AttributeError) as exc:
        raise BackendError(f"response is not a Messages API message ({exc.__class__.__name__}: {exc})",
                           retryable=True, kind="bad_response") from None
    if stop_reason == "refusal":  # a refusal is no answer to cache, whatever text came before it
        raise BackendError(f"the model refused (stop_reason refusal): {redact(text[:300])}", retryable=False,
                           kind="refusal")
    return completion


def error_detail(body: bytes) -> str:
    """`type: message` of Anthropic's `{"type": "error", "error": {"type", "message"}}`, else the body's start."""
    try:
        error = orjson.loads(body)["error"]
        detail = f"{error.get('type')}: {error.get('message')}"
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        detail = snippet(body)
    return redact(detail)


def error_from_body(status: int, body: bytes, where: str, model: str, retry_after: float | None,
                    headers: Any = None, sent: dict[str, Any] | None = None) -> BackendError:
    """An HTTP error as a BackendError."""
    detail = error_detail(body)
    field = refused_field(status, detail, None, sent or {})
    if field is not None:
        return refused_field_error(model, where, field, detail)
    if status == 401 or status == 403:
        return BackendError(f"{where} refused the API key (HTTP {status}: {detail}); {KEY_HINT}",
                            retryable=False, kind="auth", fatal=True)
    if status == 404:
        return BackendError(f"{where} does not know the model {model!r} (HTTP 404: {detail}); set model.model to "
                            "one it serves", retryable=False, kind="not_found", fatal=True)
    return BackendError(f"HTTP {status} from {where}: {detail}",
                        retryable=should_retry(headers, status in RETRYABLE_STATUS), retry_after=retry_after,
                        kind=status_kind(status))
