"""Reading the user's documents (PDF, HTML, Markdown, DOCX, plain text) into clean text with its structure.

Every reader turns a file into `Block`s in reading order: a heading (with its level) or a paragraph of
body text (with its page, for PDFs). `assemble` cleans each block and joins them into the document's
text, remembering where each block sits in it (`Passage`: character offsets into `Document.text`) and
under which headings. Offsets are into this clean text (markup removed), which `synthloom ingest` writes
beside the chunks, so every citation can be checked against it.

Readers: pypdf (text per page; headings from the PDF's outline, else numbered lines such as "2.1 Results";
repeated header and footer lines removed), BeautifulSoup with lxml (script, style, navigation, header,
footer and aside removed; `main` or `article` when there is one), markdown-it-py (CommonMark with tables),
python-docx ("Heading N" and "Title" styles, tables), plain text (paragraphs at blank lines).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from synthloom.errors import UserError
from synthloom.record import stable_id

SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
            ".docx": "docx", ".txt": "text", ".text": "text"}
BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Block:
    text: str
    heading_level: int | None = None  # 1..6 for a heading (0: a document's title); None for body text
    page: int | None = None  # 1-based, for paged formats
    keep_lines: bool = False  # a table's rows or a code block's lines stay on their own lines


@dataclass(frozen=True)
class Passage:
    """A block placed in its document: `text == document.text[start:end]`."""

    text: str
    start: int
    end: int
    page: int | None
    heading_path: tuple[str, ...]  # the headings it sits under, outermost first (a heading includes itself)
    is_heading: bool
    paragraph_end: bool = True  # a paragraph ends here (a good place for a chunk to end)


@dataclass
class Document:
    source: str  # the file's path relative to the ingested folder
    kind: str  # pdf, html, markdown, docx, text
    title: str
    text: str
    passages: list[Passage] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return stable_id("document", self.source, self.text)

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "source": self.source, "kind": self.kind, "title": self.title,
                "text": self.text}


class UnreadableDocument(Exception):
    """This file cannot be read as its suffix says (corrupt, encrypted, not UTF-8...)."""


# --- cleaning -------------------------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\ufeff]")  # soft hyphen and BOM too


def clean(text: str, keep_lines: bool = False) -> str:
    """One paragraph's text: NFKC (ligatures such as "ﬁ" become "fi"), no control characters, runs of
    spaces as one, line breaks inside it as spaces (kept, without blank lines, for tables and code), no
    blank edges."""
    text = _CONTROL.sub("", unicodedata.normalize("NFKC", text.replace("\r\n", "\n")))
    if keep_lines:
        lines = (_SPACES.sub(" ", line).rstrip() for line in text.split("\n"))
        return "\n".join(line for line in lines if line.strip()).strip("\n")
    text = re.sub(r"\s*\n\s*", " ", text)
    return _SPACES.sub(" ", text).strip()


def assemble(source: str, kind: str, blocks: list[Block], title: str = "") -> Document:
    """The document's clean text and its passages, with the heading path of each."""
    parts: list[str] = []
    passages: list[Passage] = []
    headings: list[tuple[int, str]] = []
    offset = 0
    for block in blocks:
        text = clean(block.text, block.keep_lines)
        if not text:
            continue
        if block.heading_level is not None:
            headings = [(level, h) for level, h in headings if level < block.heading_level]
            headings.append((block.heading_level, text))
        if parts:
            offset += len(BLOCK_SEPARATOR)
        passages.append(Passage(text, offset, offset + len(text), block.page, tuple(h for _, h in headings),
                                block.heading_level is not None))
        parts.append(text)
        offset += len(text)
    first_heading = next((p.text for p in passages if p.is_heading), "")
    return Document(source, kind, title.strip() or first_heading or Path(source).stem,
                    BLOCK_SEPARATOR.join(parts), passages)


# --- readers --------------------------------------------------------------------------------------------

def _read_text_file(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from None


def read_plain_text(path: Path) -> tuple[list[Block], str]:
    paragraphs = re.split(r"\n\s*\n", _read_text_file(path).replace("\r\n", "\n"))
    return [Block(p) for p in paragraphs if p.strip()], ""


def read_markdown(path: Path) -> tuple[list[Block], str]:
    from markdown_it import MarkdownIt

    source = _read_text_file(path).replace("\r\n", "\n")
    source = re.sub(r"\A---\n.*?\n---\n", "", source, flags=re.S)  # YAML front matter is not text
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    blocks: list[Block] = []
    heading_level: int | None = None
    in_cell = False
    row: list[str] = []
    table: list[str] = []
    for token in tokens:
        if token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "heading_close":
            heading_level = None
        elif token.type in ("th_open", "td_open"):
            in_cell = True
        elif token.type in ("th_close", "td_close"):
            in_cell = False
        elif token.type == "inline":
            text = _markdown_inline_text(token.children or [])
            if in_cell:
                row.append(text)
            else:
                blocks.append(Block(text, heading_level))
        elif token.type in ("fence", "code_block"):
            blocks.append(Block(token.content, keep_lines=True))
        elif token.type == "tr_close":
            table.append(" | ".join(row))
            row = []
        elif token.type == "table_close":
            blocks.append(Block("\n".join(table), keep_lines=True))
            table = []
        elif token.type == "html_block":
            blocks.append(Block(re.sub(r"<[^>]+>", " ", token.content)))
    return blocks, ""


def _markdown_inline_text(children: list[Any]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_markdown_inline_text(child.children or []))
    return "".join(parts)


_HTML_DROPPED = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg",
                 "iframe", "button", "select")
_HTML_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_HTML_LEAVES = {"p", "li", "pre", "blockquote", "dt", "dd", "figcaption", "caption", "address"}
_HTML_CONTAINERS = {"div", "section", "article", "main", "body", "html", "ul", "ol", "dl", "figure", "details",
                    "summary", "fieldset", "center", "hgroup", "tbody", "thead", "tfoot"}


def read_html(path: Path) -> tuple[list[Block], str]:
    from bs4 import BeautifulSoup, NavigableString, Tag

    data = path.read_bytes()
    soup = BeautifulSoup(data, "lxml")
    title = soup.title.get_text() if soup.title else ""
    for tag in soup.find_all(_HTML_DROPPED):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    blocks: list[Block] = []
    pending: list[str] = []

    def flush() -> None:
        if "".join(pending).strip():
            blocks.append(Block("".join(pending)))
        pending.clear()

    def walk(element: Tag) -> None:
        for child in element.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not a comment, doctype or CDATA
                    pending.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name in _HTML_HEADINGS:
                flush()
                blocks.append(Block(child.get_text(), _HTML_HEADINGS[name]))
            elif name == "table":
                flush()
                rows = [" | ".join(clean(cell.get_text()) for cell in tr.find_all(["th", "td"]))
                        for tr in child.find_all("tr")]
                blocks.append(Block("\n".join(r for r in rows if r.strip(" |")), keep_lines=True))
            elif name in _HTML_LEAVES and not child.find(list(_HTML_LEAVES | set(_HTML_HEADINGS) | {"table"})):
                flush()
                blocks.append(Block(child.get_text(), keep_lines=name == "pre"))
            elif name in _HTML_LEAVES or name in _HTML_CONTAINERS:
                flush()
                walk(child)
                flush()
            elif name == "br":
                pending.append(" ")
            else:  # inline markup (a, em, span, code...): part of the running text
                pending.append(child.get_text())
        return None

    walk(root)
    flush()
    return blocks, title


def read_docx(path: Path) -> tuple[list[Block], str]:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises zipfile and KeyError variants for broken files
        raise UnreadableDocument(f"not a readable DOCX file ({type(exc).__name__}: {exc})") from None
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            rows = [" | ".join(clean(cell.text) for cell in row.cells) for row in item.rows]
            blocks.append(Block("\n".join(rows), keep_lines=True))
            continue
        style = (item.style.name if item.style is not None else "") or ""
        level = _docx_heading_level(style)
        blocks.append(Block(item.text, level))
    return blocks, document.core_properties.title or ""


def _docx_heading_level(style: str) -> int | None:
    if style == "Title":
        return 0  # above every Heading 1: it stays at the start of every heading path
    match = re.fullmatch(r"Heading (\d)", style)
    return int(match.group(1)) if match else None


_NUMBERED_HEADING = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+([A-Z][^.!?:;]{1,80})")


def read_pdf(path: Path) -> tuple[list[Block], str]:
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument("the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        outline = _pdf_outline(reader)
        title = (reader.metadata.title if reader.metadata else None) or ""
    except UnreadableDocument:
        raise
    except Exception as exc:  # pypdf's errors for broken files are many
        raise UnreadableDocument(f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    lines_per_page = _drop_running_lines([text.splitlines() for text in pages])
    blocks: list[Block] = []
    for number, lines in enumerate(lines_per_page, 1):
        headings = {clean(t).lower(): level for page, level, t in outline if page == number}
        blocks.extend(_pdf_page_blocks(lines, number, headings, use_numbering=not outline))
    return blocks, title


def _pdf_outline(reader: Any) -> list[tuple[int, int, str]]:
    """(page, level, title) for each outline entry (the PDF's bookmarks)."""
    found: list[tuple[int, int, str]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
                continue
            try:
                page = reader.get_destination_page_number(item) + 1
            except Exception:  # noqa: BLE001 - an entry pointing nowhere is left out
                continue
            found.append((page, level, str(item.title)))

    try:
        walk(reader.outline, 1)
    except Exception:  # noqa: BLE001 - a broken outline: headings come from numbering instead
        return []
    return found


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Header and footer lines (the first and last line of a page) are not text when they repeat on
    most pages: the same line ("Annual Report 2023"), or the same line but for a number that follows the
    page number ("Page 3 of 9", "- 3 -"). A chapter heading that merely sits at the top of pages differs
    by more than its number, or its number does not follow the pages, so it stays."""
    if len(pages) < 2:
        return pages
    need = max(2, 0.6 * len(pages))

    def edges(lines: list[str]) -> list[tuple[int, str]]:
        return [(i, clean(line)) for i, line in enumerate(lines)
                if i in (0, len(lines) - 1) and line.strip()]

    exact = Counter(text for lines in pages for text in {t for _, t in edges(lines)})
    offsets: dict[str, Counter] = {}
    for number, lines in enumerate(pages, 1):
        for _, text in edges(lines):
            if _NUMBERED_HEADING.fullmatch(text):
                continue  # "3. Results" at the top of page 3 is a heading, not a running head
            masked = re.sub(r"\d+", "#", text.lower())
            for n in {int(d) for d in re.findall(r"\d+", text)}:
                offsets.setdefault(masked, Counter())[n - number] += 1

    def running(text: str) -> bool:
        masked = re.sub(r"\d+", "#", text.lower())
        return exact[text] >= need or any(c >= need for c in offsets.get(masked, Counter()).values())

    return [[line for i, line in enumerate(lines) if not (i in (0, len(lines) - 1) and line.strip()
                                                            and running(clean(line)))] for lines in pages]


def _pdf_page_blocks(lines: list[str], page: int, outline: dict[str, int], use_numbering: bool) -> list[Block]:
    """A page's lines as headings and paragraphs. A paragraph ends at a blank line, or at a line that ends
    a sentence and is clearly shorter than the page's full lines (a paragraph's ragged last line)."""
    widths = sorted(len(line.rstrip()) for line in lines if line.strip())
    full = widths[int(len(widths) * 0.9)] if widths else 0
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            text = re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", "\n".join(paragraph))  # words hyphenated at line ends
            blocks.append(Block(text, None, page))
            paragraph.clear()

    for line in lines:
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        level = outline.get(clean(stripped).lower())
        numbered = _NUMBERED_HEADING.fullmatch(stripped) if use_numbering else None
        if level is None and numbered and len(stripped.split()) <= 10:
            level = numbered.group(1).count(".") + 1
        if level is not None:
            flush()
            blocks.append(Block(stripped, level, page))
            continue
        paragraph.append(stripped)
        if re.search(r"[.!?:]['\")\]]?$", stripped) and len(line.rstrip()) < 0.85 * full:
            flush()
    flush()
    return blocks


READERS = {"pdf": read_pdf, "html": read_html, "markdown": read_markdown, "docx": read_docx, "text": read_plain_text}


def read_document(path: Path, source: str | None = None) -> Document:
    """One file as a Document; raises UnreadableDocument saying what is wrong with it."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise UnreadableDocument(f"unknown document type {path.suffix!r} (known: {', '.join(sorted(SUFFIXES))})")
    try:
        blocks, title = READERS[kind](path)
    except UnreadableDocument:
        raise
    except ImportError as exc:
        raise UserError(f"reading {kind} documents needs {exc.name}: pip install 'synthloom[documents]'") from None
    except OSError as exc:
        raise UnreadableDocument(f"cannot be read: {exc}") from None
    return assemble(source or path.name, kind, blocks, title)


def document_files(folder: Path) -> Iterator[Path]:
    """The document files under `folder` (or the file itself), in a stable order; hidden files left out."""
    if folder.is_file():
        yield folder
        return
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if path.is_file() and path.suffix.lower() in SUFFIXES and not any(p.startswith((".", "~$")) for p in parts):
            yield path


def read_documents(folder: Path) -> tuple[list[Document], list[tuple[str, str]]]:
    """Every document under `folder`, and (file, why) for each file that could not be read (named, and
    left out: one broken PDF does not stop a folder of them). No readable document at all is an error."""
    if not folder.exists():
        raise UserError(f"documents folder not found: {folder}")
    documents, problems = [], []
    files = list(document_files(folder))
    if not files:
        raise UserError(f"{folder}: no documents (known types: {', '.join(sorted(SUFFIXES))})")
    for path in files:
        source = path.name if folder.is_file() else path.relative_to(folder).as_posix()
        try:
            document = read_document(path, source)
        except UnreadableDocument as exc:
            problems.append((source, str(exc)))
            continue
        if document.text.strip():
            documents.append(document)
        else:
            problems.append((source, "no text in it (a scanned PDF needs OCR first)"))
    if not documents:
        raise UserError(f"{folder}: none of its {len(files)} documents could be read: "
                        + "; ".join(f"{s}: {why}" for s, why in problems[:5]))
    return documents, problems
