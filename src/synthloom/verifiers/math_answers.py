"""Finding the final answer in a worked solution, and the text forms an answer can take.

The final answer is the last one stated: the last \\boxed{} (a later box corrects an earlier one), else
the last GSM8K "#### x", else the last answer statement ("the answer is x", "Answer: x", or a
correction such as "actually it is x"), else the last math span ($...$, \\(...\\), \\[...\\]) of a
solution, else a short reply taken whole. Only with none of these is the last number used. An answer is
kept whole (`1.2\\times10^{-3}`, `x=2 or x=-3`, `[2, 5)`), never cut down to a number inside it.
"""

from __future__ import annotations

import re

_STATEMENT = re.compile(
    r"(?:final\s+answer|answer)\s*(?:is|:|=|would\s+be|should\s+be)\s*:?\s*(?P<a>[^\n]+)"
    r"|(?:actually|correction|instead|rather|no\s+wait|wait)[,:]?\s+(?:it|the\s+answer|the\s+result|this)?\s*"
    r"(?:is|=|equals|should\s+be)\s+(?P<b>[^\n]+)", re.IGNORECASE)
_MATH_SPAN = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$|\\\((.+?)\\\)|\\\[(.+?)\\\]", re.DOTALL)
_NUMBER = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?(?:\s*\\times\s*10\^\{?-?\d+\}?)?\s*(?:\\?%)?")
_SENTENCE_END = re.compile(r"(?<![\d\\])\.(?:\s|$)|(?<=\d)\.(?:\s+[A-Z]|\s*$)")
SHORT_REPLY = 60  # characters: a reply this short with no statement is taken as the answer itself,
SHORT_REPLY_WORDS = 6  # if it has math in it or is only a few words ("All real numbers", "Tuesday")


def last_braced(text: str, command: str) -> str | None:
    """The content of the last `command{...}`, braces balanced."""
    start = text.rfind(command + "{")
    if start < 0:
        return None
    depth, i = 1, start + len(command) + 1
    for j in range(i, len(text)):
        depth += {"{": 1, "}": -1}.get(text[j], 0)
        if depth == 0:
            return text[i:j]
    return None


def _last_box(text: str) -> str | None:
    boxes = [(text.rfind(c + "{"), c) for c in ("\\boxed", "\\fbox")]
    position, command = max(boxes)
    return last_braced(text, command) if position >= 0 else None


def _clean_statement(tail: str) -> str:
    """The answer in the rest of a statement's line: up to the sentence's end, delimiters off."""
    tail = tail.strip()
    span = _MATH_SPAN.match(tail)
    if span:
        return next(g for g in span.groups() if g is not None).strip()
    end = _SENTENCE_END.search(tail)
    if end:
        tail = tail[: end.start()]
    return tail.strip().rstrip(".;,").strip()


def _last_statement(text: str) -> re.Match | None:
    """The answer statement that starts last; searched overlapping, since one statement's line can
    hold a correction ("the answer is 7. Wait, actually it is 8")."""
    found, position = None, 0
    while (match := _STATEMENT.search(text, position)) is not None:
        found, position = match, match.start() + 1
    return found


def extract_answer(text: str) -> str | None:
    if not text or not text.strip():
        return None
    if (found := _last_box(text)) is not None:
        return found.strip()
    if "####" in text:
        after = text.rsplit("####", 1)[1].strip().splitlines()
        return after[0].strip() if after else None
    if (last := _last_statement(text)) is not None:
        answer = _clean_statement(last.group("a") if last.group("a") is not None else last.group("b"))
        if answer:
            return answer
    stripped = text.strip()
    if len(stripped) <= SHORT_REPLY and "\n" not in stripped and (
            len(stripped.split()) <= SHORT_REPLY_WORDS or re.search(r"[\d\\$=]", stripped)):
        span = _MATH_SPAN.fullmatch(stripped)
        return next(g for g in span.groups() if g is not None).strip() if span else stripped.rstrip(".")
    spans = _MATH_SPAN.findall(text)
    if spans:
        return next(g for g in spans[-1] if g).strip()
    numbers = _NUMBER.findall(text)
    return numbers[-1].strip() if numbers else None
