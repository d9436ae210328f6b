"""Documents in, chunk records out: what `synthloom ingest` writes and what `input: documents:` reads.

The chunks file holds one JSON object per chunk (its text, id, document id, source file, pages,
character range in the document's text and heading path); the documents file beside it
(`NAME.documents.jsonl`) holds each document's whole clean text, so a citation's character span can be
checked against the very text it was taken from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from synthloom.io.documents import Document, read_documents
from synthloom.techniques.chunking import chunk_document


@dataclass
class Ingested:
    documents: list[Document]
    chunks: list[dict[str, Any]]
    problems: list[tuple[str, str]]  # (file, why it was left out)


def ingest(folder: Path, chunk_tokens: int, chunk_overlap: int,
           warn: Callable[[str], Any] | None = None) -> Ingested:
    documents, problems = read_documents(Path(folder))
    for source, why in problems:
        if warn is not None:
            warn(f"{folder}: {source} left out: {why}")
    chunks = [chunk.to_fields() for document in documents
              for chunk in chunk_document(document, chunk_tokens, chunk_overlap)]
    return Ingested(documents, chunks, problems)


def documents_path(chunks_path: Path) -> Path:
    return chunks_path.with_name(f"{chunks_path.stem}.documents.jsonl")


def write_ingested(result: Ingested, out: Path) -> Path:
    """The chunks to `out` and the documents beside it; returns the documents file's path."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        for chunk in result.chunks:
            handle.write(orjson.dumps(chunk) + b"\n")
    documents = documents_path(out)
    with documents.open("wb") as handle:
        for document in result.documents:
            handle.write(orjson.dumps(document.to_dict()) + b"\n")
    return documents
