"""Reading question-answer pairs out of a model's reply, whatever it did to the format.

The template asks for blocks of `Question: ... / Answer: ... / Evidence: "..."`. Models number them,
bold the labels, write "Q:"/"A:", add a preamble or a closing remark, or stop mid-pair; every pair whose
question and answer are both there is read, the rest is left. A reply with no labels at all (small
models often drop them) is read as question lines (ending in "?") each followed by its answer. Nothing
here raises on a reply.
"""

from __future__ import annotations

import re

_LABEL = re.compile(
    r"^[ \t>*#_-]*(?:\d+[.)]\s*)?[*_]*\s*(?:(?:an?|the|my)\s+(?=\w{4}))?"  # "A question:", as SmolLM2 writes
    r"(question|q|answer|a|evidence|quote|support)\s*(?:\d+)?\s*[*_]*\s*[:：]"
    r"[*_]*[ \t]*", re.IGNORECASE | re.MULTILINE)
_KINDS = {"question": "question", "q": "question", "answer": "answer", "a": "answer", "evidence": "evidence",
          "quote": "evidence", "support": "evidence"}


def _tidy(text: str) -> str:
    text = text.strip().strip("*_").strip()
    return re.sub(r"\s+", " ", text)


_QUESTION_LINE = re.compile(r"^[ \t>*#_-]*(?:\d+[.)]\s*)?[*_]*(.{8,300}\?)[*_]*\s*$")


def _unlabelled_pairs(text: str) -> list[dict[str, str]]:
    """Question lines, each with the lines after it up to the next question or blank line as its answer."""
    pairs: list[dict[str, str]] = []
    question: str | None = None
    answer: list[str] = []
    for line in (text or "").splitlines() + [""]:
        match = _QUESTION_LINE.match(line)
        if match or not line.strip():
            if question and answer:
                pairs.append({"question": _tidy(question), "answer": _tidy(" ".join(answer))})
            question, answer = (match.group(1), []) if match else (question if not answer else None, [])
            continue
        if question:
            answer.append(line)
    return pairs


def parse_qa_pairs(text: str) -> list[dict[str, str]]:
    """[{"question", "answer", "evidence"}] in reply order; evidence is "" when none was given."""
    labels = list(_LABEL.finditer(text or ""))
    if not any(_KINDS[label.group(1).lower()] == "question" for label in labels):
        return _validated(_unlabelled_pairs(text))
    pairs: list[dict[str, str]] = []
    current: dict[str, str] = {}
    for i, label in enumerate(labels):
        kind = _KINDS[label.group(1).lower()]
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        value = _tidy(text[label.end():end])
        if kind == "question":
            if current.get("question") and current.get("answer"):
                pairs.append(current)
            current = {"question": value}
        elif current.get("question") and kind not in current:
            current[kind] = value
    if current.get("question") and current.get("answer"):
        pairs.append(current)
    return _validated(pairs)


def _validated(pairs: list[dict[str, str]]) -> list[dict[str, str]]:
    out = []
    for pair in pairs:
        question = pair["question"]
        answer = re.sub(r"^(?:the\s+)?answer\s+is\s*:?\s*", "", pair["answer"], flags=re.IGNORECASE)
        if len(question) < 8 or not answer or len(answer) > 2000:
            continue
        evidence = pair.get("evidence", "").strip().strip("\"'“”‘’").strip()
        out.append({"question": question, "answer": answer, "evidence": evidence})
    return out
