"""`synthloom ingest`: a folder of documents to a JSONL of chunks, ready for `step: grounded_qa`."""

from __future__ import annotations

from pathlib import Path

import typer

from synthloom.cli.app import app, fail, note
from synthloom.techniques.chunking import CHUNK_OVERLAP, CHUNK_TOKENS


@app.command()
def ingest(
    folder: Path = typer.Argument(..., help="a folder (searched recursively) or one file: PDF, HTML, Markdown, "
                                  "DOCX, text"),
    out: Path = typer.Option(..., "--out", "-o", help="the chunks (.jsonl); the documents' clean text goes "
                             "beside it, in OUT_STEM.documents.jsonl"),
    chunk_tokens: int = typer.Option(CHUNK_TOKENS, min=16, help="a chunk's size in tokens (words and "
                                     "punctuation marks: see docs/grounded_qa.md)"),
    overlap: int = typer.Option(CHUNK_OVERLAP, min=0, help="tokens shared by consecutive chunks of a section"),
) -> None:
    """Read, clean and chunk documents, keeping source, page, offsets and headings on every chunk."""
    from synthloom.errors import UserError
    from synthloom.io.ingest import ingest as ingest_documents
    from synthloom.io.ingest import write_ingested

    if overlap >= chunk_tokens:
        fail(f"--overlap ({overlap}) must be smaller than --chunk-tokens ({chunk_tokens})")
    try:
        result = ingest_documents(folder, chunk_tokens, overlap, warn=lambda message: note(f"warning: {message}"))
    except UserError as exc:
        fail(str(exc))
    documents_file = write_ingested(result, out)
    kinds: dict[str, int] = {}
    for document in result.documents:
        kinds[document.kind] = kinds.get(document.kind, 0) + 1
    note(f"{len(result.chunks)} chunks from {len(result.documents)} documents "
         f"({', '.join(f'{n} {kind}' for kind, n in sorted(kinds.items()))}) in {out}; their text in "
         f"{documents_file}" + (f"; {len(result.problems)} files left out (named above)" if result.problems else ""))
