"""Magpie (Xu et al., 2024): an aligned chat model, given only its chat template up to the start of a user
turn (the pre-query template), writes a user's request, because that is what follows there in everything
it was aligned on. This module renders that prefix from a chat template (a GGUF's own, a server's, or a
preset) and says which sampled instructions to keep.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateError
from jinja2.ext import loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

from synthloom.errors import UserError
from synthloom.techniques.rouge import RougeNoveltyIndex
from synthloom.techniques.text_quality import is_repetition_loop, normalized

# Chat templates of common families, for servers that do not say which they use (an OpenAI-compatible
# /v1/completions endpoint takes raw text and never reports its model's template). Written in the Hugging
# Face chat-template form, so that they go through the same rendering as a model's own.
PRESETS = {
    "chatml": ("{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
               "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"),
    "llama3": ("{% for m in messages %}<|start_header_id|>{{ m.role }}<|end_header_id|>\n\n{{ m.content }}"
               "<|eot_id|>{% endfor %}{% if add_generation_prompt %}<|start_header_id|>assistant"
               "<|end_header_id|>\n\n{% endif %}"),
    "phi3": ("{% for m in messages %}<|{{ m.role }}|>\n{{ m.content }}<|end|>\n{% endfor %}"
             "{% if add_generation_prompt %}<|assistant|>\n{% endif %}"),
    "gemma": ("{% for m in messages %}<start_of_turn>{{ 'model' if m.role == 'assistant' else m.role }}\n"
              "{{ m.content }}<end_of_turn>\n{% endfor %}{% if add_generation_prompt %}<start_of_turn>model\n"
              "{% endif %}"),
}
_SENTINEL = "\x00synthloom-user-turn\x00"


class _TemplateRaised(Exception):
    pass


def _raise(message: str) -> None:
    raise _TemplateRaised(message)


@dataclass(frozen=True)
class PreQuery:
    """The text a model continues with a user request, and what ends that request in its template."""

    text: str
    stop: tuple[str, ...]
    source: str  # where the template came from: a preset name, the model's metadata, the server


def pre_query(chat_template: str, source: str, system: str | None = None) -> PreQuery:
    """The chat template rendered for a conversation of one user turn, cut where the user's words begin;
    the stop is what the template writes right after them (`<|im_end|>`, `<|eot_id|>`, ...).

    BOS is rendered empty: llama.cpp and servers add it when they tokenize, and a second one in the text
    would put the model off its training distribution."""
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
    env.globals["raise_exception"] = _raise
    messages: list[dict[str, Any]] = [{"role": "system", "content": system}] if system else []
    messages.append({"role": "user", "content": _SENTINEL})
    try:
        rendered = env.from_string(chat_template).render(messages=messages, add_generation_prompt=False,
                                                         bos_token="", eos_token="")
    except (TemplateError, _TemplateRaised) as exc:
        raise UserError(f"the chat template ({source}) cannot be rendered for a user turn: {exc}") from None
    if _SENTINEL not in rendered:
        raise UserError(f"the chat template ({source}) does not show the user's message; set pre_query_template "
                        f"to one of {', '.join(PRESETS)}")
    before, _, after = rendered.partition(_SENTINEL)
    end = after.strip().split("\n")[0].strip() if after.strip() else ""
    if not before.strip():
        raise UserError(f"the chat template ({source}) puts nothing before the user's message, so there is no "
                        "pre-query template to sample from")
    return PreQuery(before, (end,) if end else (), source)


@dataclass
class InstructionFilter:
    """Keeps an instruction that is not empty, not cut off by the token limit, not a loop, and not a
    repeat (the same words, or ROUGE-L F at `similarity` or above) of one already kept. Magpie at high
    temperature on a small model returns many of each; every drop is counted by reason."""

    similarity: float = 0.9
    min_words: int = 3

    def __post_init__(self) -> None:
        self._seen: set[str] = set()
        self._index = RougeNoveltyIndex(self.similarity)

    def reason_to_drop(self, text: str, finish_reason: str | None) -> str | None:
        words = normalized(text).split()
        if not words:
            return "empty"
        if finish_reason == "length":
            return "truncated"
        if is_repetition_loop(text):
            return "repetition_loop"
        if len(words) < self.min_words:
            return "too_short"
        key = " ".join(words)
        if key in self._seen:
            return "repeated"
        if self.similarity < 1 and self._index.best_match(text).score >= self.similarity:
            return "near_repeat"
        self._seen.add(key)
        self._index.add(text)
        return None
