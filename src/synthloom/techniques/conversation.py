"""Conversations as chat `messages`: reading them off a record, showing them to a user simulator, and the
checks that end one (a turn that is empty, that repeats an earlier one, or that says the user is done)."""

from __future__ import annotations

import re
from typing import Any

from synthloom.techniques.rouge import RougeNoveltyIndex
from synthloom.techniques.text_quality import normalized

ROLES = ("system", "user", "assistant")
# What a simulator often puts before its message though told not to: "User:", "**User:**", "Me:".
_SPEAKER_PREFIX = re.compile(r"^\s*\**\s*(?:user|me|human|you)\s*\**\s*:\s*\**\s*", re.IGNORECASE)
_QUOTES = "\"'“”‘’"
# A simulator that slipped into the assistant's part: it offers help instead of asking for it. Seen on
# SmolLM2-135M playing the user ("I'm happy to help with any questions"); dev phrases, not a classifier.
_ASSISTANT_VOICE = re.compile(
    r"\b(?:i(?:'m| am) (?:here|happy|glad) to (?:help|assist)|i(?:'d| would) be (?:happy|glad) to (?:help|assist)"
    r"|how (?:can|may) i (?:help|assist)|i will do my best to help|feel free to ask|let me know if you (?:have|need)"
    r"|as an ai\b|you can (?:now )?ask (?:me|about))", re.IGNORECASE)


def as_messages(value: Any) -> list[dict[str, str]] | None:
    """The value as a chat conversation (system? then user/assistant turns, each a role and a string
    content, at least one of each, ending with the assistant), or None when it is not one."""
    if not isinstance(value, list) or not value:
        return None
    out = []
    for message in value:
        if not (isinstance(message, dict) and message.get("role") in ROLES
                and isinstance(message.get("content"), str)):
            return None
        out.append({"role": message["role"], "content": message["content"]})
    roles = [m["role"] for m in out if m["role"] != "system"]
    if "user" not in roles or not roles or roles[-1] != "assistant":
        return None
    return out


def exchanges(messages: list[dict[str, str]]) -> int:
    """The assistant turns of a conversation: its length in the sense `max_turns` counts."""
    return sum(m["role"] == "assistant" for m in messages)


def transcript(messages: list[dict[str, str]]) -> str:
    """The turns as plain text (`User: ...` / `Assistant: ...`), system prompt left out."""
    names = {"user": "User", "assistant": "Assistant"}
    return "\n\n".join(f"{names[m['role']]}: {m['content']}" for m in messages if m["role"] in names)


def last_exchange(messages: list[dict[str, str]]) -> list[dict[str, str]]:
    """The last user message and every assistant message after it."""
    start = max((i for i, m in enumerate(messages) if m["role"] == "user"), default=0)
    return messages[start:]


def clean_user_turn(text: str) -> str:
    """A simulated user message without the speaker label or the quotes a model wrapped it in."""
    text = _SPEAKER_PREFIX.sub("", text.strip()).strip()
    if len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    return text


def sounds_like_assistant(text: str) -> bool:
    """A simulated user message written in the assistant's voice (offering help, not asking for it)."""
    return bool(_ASSISTANT_VOICE.search(text))


def says_done(text: str, stop_phrase: str) -> bool:
    """The simulator ended the conversation: its message holds the stop phrase (any case)."""
    return bool(stop_phrase) and stop_phrase.lower() in text.lower()


def is_repeat(text: str, earlier: list[str], similarity: float) -> bool:
    """The same words as an earlier turn of the same speaker, or a ROUGE-L F of at least `similarity`
    with one (a user asking the same question again, an assistant giving the same answer)."""
    key = normalized(text)
    if any(key == normalized(e) for e in earlier):
        return True
    if similarity >= 1 or not earlier:
        return False
    index = RougeNoveltyIndex(similarity)
    for e in earlier:
        index.add(e)
    return index.best_match(text).score >= similarity


def view_fields(messages: list[dict[str, str]]) -> dict[str, str]:
    """What a step reading one question and one answer (a judge) sees of the conversation's last turn:
    the transcript before the last assistant reply, and that reply."""
    last = max(i for i, m in enumerate(messages) if m["role"] == "assistant")
    return {"conversation_context": transcript(messages[:last]), "last_reply": messages[last]["content"]}


def conversation_text(messages: list[dict[str, str]], turns: str) -> str:
    """A guard's text of a conversation: the words of every turn ("all") or of the last exchange ("last"),
    one a line, without speaker labels (which would be n-grams of their own) or the system prompt."""
    chosen = last_exchange(messages) if turns == "last" else messages
    return "\n".join(m["content"] for m in chosen if m["role"] != "system")
