"""Ingesting real documents: every format read into clean text with its headings, pages and offsets,
chunked at headings and paragraphs with stable ids, through the library and `synthloom ingest`."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from synthloom.errors import UserError
from synthloom.io.documents import Block, assemble, read_document, read_documents
from synthloom.io.ingest import ingest
from synthloom.techniques.chunking import approx_tokens, chunk_document
from tests.conftest import run_cli
from tests.io.document_files import write_documents, write_pdf


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return write_documents(tmp_path_factory.mktemp("documents"))


def by_source(folder: Path) -> dict:
    documents, problems = read_documents(folder)
    assert problems == []
    return {d.source: d for d in documents}


def test_every_format_is_read_as_clean_text_with_its_headings(folder):
    docs = by_source(folder)
    assert sorted(docs) == ["guides/onboarding.docx", "harbour_report.pdf", "notes.txt", "release.md",
                            "sourdough.html"]  # the PNG and the hidden file are not documents
    pdf = docs["harbour_report.pdf"]
    assert pdf.title == "Velmora Harbour Report 2023"
    assert "Annual Report" not in pdf.text and "Page 2 of 3" not in pdf.text  # running header and footer
    assert "handled 1,284 cargo ships in 2023, up from 1,102 in 2022." in pdf.text  # lines joined
    assert [(p.text, p.page) for p in pdf.passages if p.is_heading] == [
        ("1. Harbour traffic", 1), ("2. Dredging", 2), ("3. Safety", 3)]
    assert {p.page for p in pdf.passages if "410,000 cubic metres" in p.text} == {2}
    html = docs["sourdough.html"]
    assert html.title == "Caring for sourdough starter"
    for boilerplate in ("Home", "subscribe", "window.analytics", "font-family", "rye loaf", "Copyright"):
        assert boilerplate not in html.text
    assert "A healthy starter doubles in volume within 4 to 8 hours of a feeding at 24 °C." in html.text
    assert "Refrigerator | 4 °C | weekly" in html.text
    storage = next(p for p in html.passages if "once a week" in p.text)
    assert storage.heading_path == ("Caring for sourdough starter", "Storage")
    md = docs["release.md"]
    assert "owner: platform team" not in md.text and "**" not in md.text  # front matter and markup gone
    assert "staging | first | 2 hours" in md.text and "quill deploy --rollback --to previous" in md.text
    assert next(p for p in md.passages if "second approval" in p.text).heading_path == (
        "Release checklist", "Rolling back")
    docx = docs["guides/onboarding.docx"]
    assert docx.title == "Onboarding guide" and "Monitor | 250 euros" in docx.text
    assert next(p for p in docx.passages if "30 days" in p.text).heading_path == (
        "Onboarding guide", "Equipment", "Security training")
    text = docs["notes.txt"]
    assert [p.text for p in text.passages][0] == "Meeting notes, 14 May 2024"
    for document in docs.values():
        for passage in document.passages:
            assert document.text[passage.start:passage.end] == passage.text


def test_chunks_keep_to_size_overlap_headings_and_their_offsets(folder):
    docs = by_source(folder)
    for size, overlap in ((30, 8), (60, 15), (300, 40)):
        for document in docs.values():
            chunks = chunk_document(document, size, overlap)
            assert chunks, document.source
            covered = set()
            for chunk in chunks:
                assert document.text[chunk.char_start:chunk.char_end] == chunk.text
                assert chunk.tokens <= size + 10  # heading lines aside, within the size
                covered.update(range(chunk.char_start, chunk.char_end))
                # never across a heading: every heading inside a chunk opens it
                headings = [p for p in document.passages if p.is_heading
                            and chunk.char_start < p.start < chunk.char_end]
                assert not headings, (chunk.text, headings)
            body = {i for p in document.passages for i in range(p.start, p.end) if not p.text.isspace()}
            missing = {i for i in body - covered if not document.text[i].isspace()}
            assert not missing, document.source  # every character of text is in some chunk
    # consecutive chunks of a section share their overlap, whole sentences
    pdf = chunk_document(docs["harbour_report.pdf"], 60, 30)
    same_section = [(a, b) for a, b in zip(pdf, pdf[1:], strict=False) if a.heading_path == b.heading_path]
    assert same_section and all(b.char_start < a.char_end for a, b in same_section)
    assert pdf[0].page_start == 1 and pdf[-1].page_end == 3
    assert all(c.heading_path for c in pdf)


def test_chunk_ids_are_content_hashes_stable_across_runs(folder, tmp_path):
    first = ingest(folder, 60, 15).chunks
    again = ingest(folder, 60, 15).chunks
    assert [c["chunk_id"] for c in first] == [c["chunk_id"] for c in again]
    assert len({c["chunk_id"] for c in first}) == len(first)
    # an edit to one document leaves the other documents' chunk ids alone
    copy = tmp_path / "copy"
    write_documents(copy)
    (copy / "notes.txt").write_text("Something else entirely, written later.\n", encoding="utf-8")
    edited = ingest(copy, 60, 15).chunks
    unchanged = {c["chunk_id"] for c in first if c["source"] != "notes.txt"}
    assert unchanged == {c["chunk_id"] for c in edited if c["source"] != "notes.txt"}
    assert not {c["chunk_id"] for c in first if c["source"] == "notes.txt"} & {c["chunk_id"] for c in edited}


def test_a_long_paragraph_is_cut_at_sentences_and_a_long_sentence_at_words():
    sentences = [f"Sentence number {i} says something about item {i} in plain words." for i in range(40)]
    endless = " ".join(["word"] * 250)
    document = assemble("long.txt", "text", [Block(" ".join(sentences)), Block(endless)])
    chunks = chunk_document(document, 50, 10)
    assert all(approx_tokens(c.text) <= 50 for c in chunks)
    prose = [c for c in chunks if "Sentence" in c.text]
    assert all(c.text.endswith(".") and c.text.startswith("Sentence") for c in prose)
    assert sum("word word" in c.text for c in chunks) >= 5
    with pytest.raises(ValueError, match="overlap"):
        chunk_document(document, 50, 50)


def test_unreadable_files_are_named_and_left_out(tmp_path):
    write_pdf(tmp_path / "good.pdf")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a PDF")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    documents, problems = read_documents(tmp_path)
    assert [d.source for d in documents] == ["good.pdf"]
    reasons = dict(problems)
    assert set(reasons) == {"broken.pdf", "latin1.txt", "broken.docx"}
    assert "UTF-8" in reasons["latin1.txt"] and "DOCX" in reasons["broken.docx"] and "PDF" in reasons["broken.pdf"]
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="no documents"):
        read_documents(tmp_path / "empty")
    with pytest.raises(UserError, match="not found"):
        read_documents(tmp_path / "missing")
    with pytest.raises(Exception, match="unknown document type"):
        read_document(tmp_path / "x.png")


def test_the_ingest_command_writes_chunks_and_the_documents_text(folder, tmp_path):
    out = tmp_path / "chunks.jsonl"
    result = run_cli("ingest", str(folder), "--out", str(out), "--chunk-tokens", "60", "--overlap", "15")
    assert result.returncode == 0, result.stderr
    chunks = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    documents = {d["doc_id"]: d for d in map(orjson.loads, (tmp_path / "chunks.documents.jsonl").read_bytes()
                                            .splitlines())}
    assert f"{len(chunks)} chunks from 5 documents" in result.stderr
    assert {c["doc_kind"] for c in chunks} == {"pdf", "html", "markdown", "docx", "text"}
    for chunk in chunks:
        assert documents[chunk["doc_id"]]["text"][chunk["char_start"]:chunk["char_end"]] == chunk["text"]
    assert {c["page_start"] for c in chunks if c["doc_kind"] == "pdf"} == {1, 2, 3}
    bad = run_cli("ingest", str(folder), "--out", str(out), "--chunk-tokens", "20", "--overlap", "20")
    assert bad.returncode == 2 and "--overlap" in bad.stderr


def test_the_ingest_command_and_the_input_config_share_the_chunk_defaults():
    from typer.main import get_command

    from synthloom.cli import app  # the package registers every command
    from synthloom.config import InputConfig
    from synthloom.techniques.chunking import CHUNK_OVERLAP, CHUNK_TOKENS

    options = {p.name: p.default for p in get_command(app).commands["ingest"].params}
    assert options["chunk_tokens"] == InputConfig.model_fields["chunk_tokens"].default == CHUNK_TOKENS
    assert options["overlap"] == InputConfig.model_fields["chunk_overlap"].default == CHUNK_OVERLAP
