"""A reply's reasoning apart from its answer: what a server returns as `reasoning_content` (vLLM,
SGLang, DeepSeek) or `reasoning`, and `<think>...</think>`-style blocks a model writes in its text.

The split follows what vLLM's reasoning parsers do with R1-style models: a block that opens at the start
of the text and closes is the reasoning; a close tag with no open tag before it means the chat template
opened the block in the prompt (DeepSeek-R1, QwQ), so everything before it is reasoning; an open tag at
the start that never closes is reasoning the model never finished, and the reply has no answer.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_TAGS = ("<think>", "</think>")
REASONING_FIELD = "reasoning"  # the record field that holds the trace of the answer beside it
REASONING_OF = "reasoning_of"  # the name of the field holding that answer (a later step may write another)


@dataclass(frozen=True)
class Split:
    answer: str
    reasoning: str | None  # None: the reply had no reasoning part
    unfinished: bool = False  # the reasoning never closed: there is no answer to use


def split_reasoning(text: str, tags: tuple[str, str] | None = DEFAULT_TAGS) -> Split:
    """The answer and the reasoning of one reply's text (tags None: the text is all answer)."""
    if not tags:
        return Split(text, None)
    open_tag, close_tag = tags
    body = text.lstrip()
    opened = body.startswith(open_tag)
    if opened:
        body = body[len(open_tag):]
    end = body.find(close_tag)
    if end < 0:
        return Split("", body.strip(), True) if opened else Split(text, None)
    return Split(body[end + len(close_tag):].strip(), body[:end].strip())


def joined(server_reasoning: str | None, split: Split) -> str | None:
    """The server's own reasoning part, then any block the text still held."""
    parts = [p for p in (server_reasoning, split.reasoning) if p]
    return "\n\n".join(parts) if parts else None


def reasoning_tokens(reasoning: str | None, answer: str, completion_tokens: int, reported: int) -> tuple[int, bool]:
    """(tokens of the reasoning, whether estimated): the server's count where it gave one, else the
    reasoning's share of the reply's characters applied to the reply's real token count."""
    if reported:
        return reported, False
    if not reasoning:
        return 0, False
    share = len(reasoning) / (len(reasoning) + len(answer))
    return round(completion_tokens * share), True


def with_think_tags(reasoning: str | None, answer: str, tags: tuple[str, str] = DEFAULT_TAGS) -> str:
    """The reply as a distilled model should learn to write it: the trace in tags, then the answer."""
    if not reasoning:
        return answer
    return f"{tags[0]}\n{reasoning}\n{tags[1]}\n\n{answer}"
