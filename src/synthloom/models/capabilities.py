"""Which request fields a hosted model takes, and the one table of defaults by model name.

Hosted models differ in what they refuse: OpenAI's reasoning models (o1, o3, o4-mini, gpt-5) want
`max_completion_tokens` and refuse `temperature`, `top_p` and `stop`; api.openai.com takes at most 4
stop sequences; Claude 4.x models refuse `temperature` and `top_p` together, and Claude models from
Opus 4.7 on refuse both. A model config's `sampling`, `max_tokens_field`, `temperature_with_top_p` and
`max_stop_sequences` override any default here. A request a model cannot take fails before it is sent,
with one error naming the key to change; a field the provider refuses anyway gets the same kind of error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlparse

from synthloom.models.base import BackendError, ChatRequest

SAMPLING_FIELDS = ("temperature", "top_p", "seed")
ALL_SAMPLING = frozenset(SAMPLING_FIELDS)
OPENAI_HOST = "api.openai.com"
OPENAI_MAX_STOP = 4  # the Chat Completions API's limit (the SDK's `stop`: "up to 4 sequences")
OPENAI_REASONING = re.compile(r"(^|/)(o\d|gpt-5)")
# Claude 3 and older take temperature and top_p together; the 4.x line up to 4.6 takes one of them;
# later models (Opus 4.7 on, and any Claude not named here) take neither.
CLAUDE_BOTH = re.compile(r"^claude-(instant|2|3)")
CLAUDE_ONE = re.compile(r"^claude-(opus|sonnet|haiku)-4(-[0-6])?($|-\d{8}|-latest)")
ANTHROPIC_MAX_TEMPERATURE = 1.0


@dataclass(frozen=True)
class RequestCaps:
    sampling: frozenset[str] = ALL_SAMPLING  # which of temperature, top_p, seed are sent
    max_tokens_field: str = "max_tokens"  # or max_completion_tokens
    temperature_with_top_p: bool = True  # False: top_p is left out whenever temperature is sent
    max_stop: int | None = None  # stop sequences a request may carry (None: no limit)
    max_temperature: float | None = None
    blank_stop_ok: bool = True  # Anthropic refuses stop sequences of whitespace only

    def with_overrides(self, *, sampling: list[str] | None = None, max_tokens_field: str | None = None,
                       temperature_with_top_p: bool | None = None, max_stop: int | None = None) -> RequestCaps:
        """These defaults with a model config's own keys (None: keep the default)."""
        changes: dict[str, Any] = {}
        if sampling is not None:
            changes["sampling"] = frozenset(sampling)
        if max_tokens_field is not None:
            changes["max_tokens_field"] = max_tokens_field
        if temperature_with_top_p is not None:
            changes["temperature_with_top_p"] = temperature_with_top_p
        if max_stop is not None:
            changes["max_stop"] = max_stop
        return replace(self, **changes)

    def sampling_fields(self, request: ChatRequest) -> dict[str, Any]:
        """temperature, top_p and seed as this model takes them. top_p at 1 is every API's default, so
        it is left out; with temperature_with_top_p false it is left out beside temperature."""
        fields: dict[str, Any] = {}
        if "temperature" in self.sampling:
            fields["temperature"] = request.temperature
        if "top_p" in self.sampling and request.top_p != 1.0 and (self.temperature_with_top_p or not fields):
            fields["top_p"] = request.top_p
        if "seed" in self.sampling and request.seed is not None:
            fields["seed"] = request.seed
        return fields

    def check(self, request: ChatRequest, model: str) -> None:
        """Refuse, before anything is sent, a request the provider would refuse."""
        if self.max_stop is not None and len(request.stop) > self.max_stop:
            taken = f"at most {self.max_stop} stop sequences" if self.max_stop else "no stop sequences"
            raise unsupported(f"{model} takes {taken}, this request has {len(request.stop)}: shorten the step's "
                              "`stop` list (or set model.max_stop_sequences if the server takes more)")
        if not self.blank_stop_ok and any(not s.strip() for s in request.stop):
            raise unsupported(f"{model} refuses stop sequences of whitespace only ({list(request.stop)!r}): give "
                              "the step's `stop` some visible text")
        if ("temperature" in self.sampling and self.max_temperature is not None
                and request.temperature > self.max_temperature):
            raise unsupported(f"temperature {request.temperature:g} is above {model}'s maximum "
                              f"{self.max_temperature:g}: lower the step's temperature")


def unsupported(message: str) -> BackendError:
    # Every request of the step would fail the same way: the run stops with this message.
    return BackendError(message, retryable=False, kind="unsupported", fatal=True)


def openai_caps(model: str, base_url: str) -> RequestCaps:
    hosted = urlparse(base_url).hostname == OPENAI_HOST
    if OPENAI_REASONING.search(model):
        return RequestCaps(frozenset({"seed"}), "max_completion_tokens", max_stop=0)
    if hosted:
        return RequestCaps(max_tokens_field="max_completion_tokens", max_stop=OPENAI_MAX_STOP, max_temperature=2.0)
    return RequestCaps()  # vLLM, SGLang, llama.cpp, Ollama, TGI: the classic fields, no limits of their own


def anthropic_caps(model: str) -> RequestCaps:
    if CLAUDE_BOTH.search(model):
        sampling, together = frozenset({"temperature", "top_p"}), True
    elif CLAUDE_ONE.search(model):
        sampling, together = frozenset({"temperature", "top_p"}), False
    else:
        sampling, together = frozenset(), False
    return RequestCaps(sampling, temperature_with_top_p=together, max_temperature=ANTHROPIC_MAX_TEMPERATURE,
                       blank_stop_ok=False)


# A provider's 400 that names a field we sent: the key that leaves it out, or changes it.
FIELD_FIXES = {
    "temperature": "leave it out with model.sampling (e.g. sampling: [top_p, seed]), or "
                   "temperature_with_top_p: false if the model takes only one of temperature and top_p",
    "top_p": "leave it out with model.sampling, or set model.temperature_with_top_p: false",
    "seed": "leave it out with model.sampling (e.g. sampling: [temperature, top_p])",
    "max_tokens": "set model.max_tokens_field: max_completion_tokens (or, if the value is what it refuses, lower "
                  "the step's max_tokens)",
    "max_completion_tokens": "set model.max_tokens_field: max_tokens (or, if the value is what it refuses, lower "
                             "the step's max_tokens)",
    "stop": "shorten or remove the step's `stop` (model.max_stop_sequences sets the limit checked here)",
    "stop_sequences": "shorten or remove the step's `stop`",
}
FIELD_NAMED = re.compile(r"\b(" + "|".join(FIELD_FIXES) + r")\b")


def refused_field(status: int, message: str, param: str | None, sent: dict[str, Any]) -> str | None:
    """The field a 400 refuses, when it is one of ours that the model config can change; else None."""
    if status != 400:
        return None
    candidates = [param] if param else FIELD_NAMED.findall(message)
    return next((name for name in candidates if name in FIELD_FIXES and name in sent), None)


def refused_field_error(model: str, where: str, name: str, detail: str) -> BackendError:
    return unsupported(f"{where} refused the field `{name}` for {model} (HTTP 400: {detail}); "
                       f"{FIELD_FIXES[name]}")
