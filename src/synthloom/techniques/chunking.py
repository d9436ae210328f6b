"""Cutting documents into chunks a model can read whole: a size and an overlap in tokens, boundaries at
headings and paragraphs.

Tokens are counted offline by a regex (`approx_tokens`): each word, each number and each punctuation mark
is one token. A BPE tokenizer (GPT-4's, Llama's) gives about 1.1-1.4 tokens per word on English prose, so
this count is close to, and usually a little under, a real tokenizer's; leave headroom in the model's
context (the defaults do). No tokenizer file is downloaded.

Rules: a chunk never crosses a heading (each section is chunked on its own; a heading with no text of
its own joins the section after it); a chunk ends at the end of a paragraph when one lies in its second
half, else at the end of a sentence; a sentence longer than a chunk is cut at words. Consecutive chunks
of a section share up to `overlap` tokens of whole sentences. A chunk's text is exactly
`document.text[char_start:char_end]`, and its id is a hash of its source and text, so an unchanged
passage keeps its id across runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from synthloom.io.documents import Document, Passage
from synthloom.record import stable_id

CHUNK_TOKENS = 300
CHUNK_OVERLAP = 40
_TOKEN = re.compile(r"\w+|[^\w\s]")
_SENTENCE_END = re.compile(r"(?<=[.!?])['\")\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def approx_tokens(text: str) -> int:
    return len(_TOKEN.findall(text))


@dataclass(frozen=True)
class Unit:
    """A piece a chunk is made of: a heading, a sentence, or a cut of a long sentence."""

    start: int
    end: int
    tokens: int
    page: int | None
    paragraph_end: bool


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    doc_id: str
    source: str
    kind: str
    title: str
    index: int
    text: str
    char_start: int
    char_end: int
    page_start: int | None
    page_end: int | None
    heading_path: tuple[str, ...]
    tokens: int

    def to_fields(self) -> dict[str, Any]:
        return {"chunk_id": self.chunk_id, "doc_id": self.doc_id, "source": self.source, "doc_kind": self.kind,
                "title": self.title, "chunk_index": self.index, "text": self.text,
                "char_start": self.char_start, "char_end": self.char_end, "page_start": self.page_start,
                "page_end": self.page_end, "heading_path": list(self.heading_path),
                "heading": " > ".join(self.heading_path), "tokens": self.tokens}


def _units(passage: Passage, size: int) -> list[Unit]:
    if passage.is_heading:
        return [Unit(passage.start, passage.end, approx_tokens(passage.text), passage.page, True)]
    cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(passage.text)), len(passage.text)]
    units = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        sentence = passage.text[a:b].rstrip()
        if not sentence:
            continue
        pieces = [m.span() for m in _TOKEN.finditer(sentence)]
        for i in range(0, len(pieces), size):  # a sentence longer than a chunk: cut at words
            piece = pieces[i:i + size]
            units.append(Unit(passage.start + a + piece[0][0], passage.start + a + piece[-1][1], len(piece),
                              passage.page, False))
    if units:
        units[-1] = Unit(units[-1].start, units[-1].end, units[-1].tokens, units[-1].page, True)
    return units


def _sections(document: Document, size: int) -> list[tuple[tuple[str, ...], list[Unit]]]:
    """(heading path, units) per section; a heading with no text of its own joins the next section."""
    sections: list[tuple[tuple[str, ...], list[Unit]]] = []
    path: tuple[str, ...] = ()
    units: list[Unit] = []
    has_body = False
    for passage in document.passages:
        if passage.is_heading and has_body:
            sections.append((path, units))
            units, has_body = [], False
        if passage.is_heading or not units:
            path = passage.heading_path
        has_body = has_body or not passage.is_heading
        units.extend(_units(passage, size))
    if units:
        sections.append((path, units))
    return sections


def _pack(units: list[Unit], size: int, overlap: int) -> list[list[Unit]]:
    """Consecutive runs of units of at most `size` tokens, each run after the first starting with up to
    `overlap` tokens of the run before it."""
    runs: list[list[Unit]] = []
    current: list[Unit] = []
    fresh = 0  # where the current run's own units start (before: the overlap)

    def total(run: list[Unit]) -> int:
        return sum(u.tokens for u in run)

    for unit in units:
        while current and total(current) + unit.tokens > size and len(current) > fresh:
            cut = len(current)
            for i in range(len(current) - 1, fresh, -1):  # the last paragraph end in the run's second half
                if current[i - 1].paragraph_end and total(current[:i]) >= size / 2:
                    cut = i
                    break
            runs.append(current[:cut])
            rest = current[cut:]
            tail: list[Unit] = []
            for previous in reversed(current[:cut]):
                if total(tail) + previous.tokens > overlap or len(tail) + 1 >= cut:
                    break
                tail.insert(0, previous)
            while tail and total(tail) + total(rest) + unit.tokens > size:
                tail.pop(0)
            current, fresh = [*tail, *rest], len(tail)
        if current and len(current) == fresh and total(current) + unit.tokens > size:
            current, fresh = [], 0  # the overlap alone leaves no room: start afresh
        current.append(unit)
    if current and len(current) > fresh:
        runs.append(current)
    return runs


def chunk_document(document: Document, size: int = CHUNK_TOKENS, overlap: int = CHUNK_OVERLAP) -> list[Chunk]:
    if overlap >= size:
        raise ValueError(f"the overlap ({overlap} tokens) must be smaller than the chunk size ({size})")
    chunks: list[Chunk] = []
    for path, units in _sections(document, size):
        for run in _pack(units, size, overlap):
            start, end = run[0].start, run[-1].end
            text = document.text[start:end]
            pages = [u.page for u in run if u.page is not None]
            chunks.append(Chunk(stable_id("chunk", document.source, text), document.doc_id, document.source,
                                document.kind, document.title, len(chunks), text, start, end,
                                min(pages) if pages else None, max(pages) if pages else None, path,
                                approx_tokens(text)))
    return chunks
