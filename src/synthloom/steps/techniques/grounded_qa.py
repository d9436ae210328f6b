"""`step: grounded_qa`: questions with answers grounded in the user's documents, each citing its chunks.

Its input is chunk records (`input: documents:` or the JSONL `synthloom ingest` writes). For each chunk
it asks for questions of the kinds configured: factual (a detail the chunk states), reasoning (a step
over what it states), summary (of the chunk); and multi-hop questions over two chunks of the same
document, chosen with a seed (far apart when the document allows, never two chunks that overlap). The
model also quotes its evidence; every record carries `citations` (chunk ids, sources, pages, character
ranges in the document, and the chunk text) for the grounding check (`step: grounding_check`) to verify.

A reply that cannot be read as pairs is a counted drop (`dropped_unparsed_reply`), never an error.
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any, Literal

from pydantic import Field

from synthloom.engine.prompting import ask, gather_settled, item_seed
from synthloom.errors import UserError
from synthloom.record import Record, stable_id
from synthloom.steps.base import PoolStep, StepContext
from synthloom.steps.plan import Flow, ModelCalls, Span, StepPlan
from synthloom.steps.step_config import ModelName, StepConfig, TemplateName
from synthloom.techniques.chunking import approx_tokens
from synthloom.techniques.grounded_qa_parsing import parse_qa_pairs

QuestionKind = Literal["factual", "multi_hop", "reasoning", "summary"]
KINDS: list[QuestionKind] = ["factual", "multi_hop", "reasoning", "summary"]
CHUNK_FIELDS = ("chunk_id", "doc_id", "source", "text")  # what a chunk record must have
CITED = ("chunk_id", "doc_id", "source", "title", "heading", "page_start", "page_end", "char_start", "char_end")


class GroundedQAStepConfig(StepConfig):
    """Questions of several kinds, with answers, grounded in document chunks and citing them."""

    step: Literal["grounded_qa"]
    model: ModelName = "default"
    template: TemplateName = "grounded_qa"
    kinds: list[QuestionKind] = Field(default_factory=lambda: list(KINDS), min_length=1,
                                      description="factual, multi_hop (two chunks of one document), reasoning, "
                                      "summary")
    questions_per_chunk: int = Field(1, ge=1, le=10, description="asked for per chunk and kind")
    multi_hop_per_document: int = Field(2, ge=0, description="pairs of chunks per document for multi_hop")
    min_chunk_tokens: int = Field(25, ge=1, description="shorter chunks (a lone heading, a caption) get no "
                                  "questions; they pass on unchanged with the other chunks")
    keep_chunks: bool = Field(False, description="pass the chunk records on beside the questions")
    temperature: float = Field(0.7, ge=0)
    max_tokens: int = Field(400, ge=32)
    seed: int = 0

    def plan(self, before: Flow) -> StepPlan:
        chunks = before.records
        single = sum(kind != "multi_hop" for kind in self.kinds)
        calls = [ModelCalls.each(self.model, "question sets", Span(0, chunks.hi * single),
                                 self.template_tokens(self.template) + before.record_tokens, self.max_tokens)]
        if "multi_hop" in self.kinds:
            calls.append(ModelCalls.each(self.model, "multi-hop sets", Span(0, chunks.hi * self.multi_hop_per_document),
                                         self.template_tokens(self.template) + 2 * before.record_tokens,
                                         self.max_tokens))
        most = chunks.hi * (single + self.multi_hop_per_document) * self.questions_per_chunk
        return StepPlan(calls, Span(0, most + (chunks.hi if self.keep_chunks else 0)), 0,
                        "question-answer records citing their chunks")


def pairs_for(chunks: list[dict[str, Any]], count: int, seed: int) -> list[tuple[int, int]]:
    """Up to `count` pairs of chunk positions of one document, for multi-hop questions: pairs of chunks
    that do not overlap (not neighbours, when the document has enough chunks), sampled with the seed."""
    if len(chunks) < 2 or count == 0:
        return []
    candidates = [(i, j) for i in range(len(chunks)) for j in range(i + 1, len(chunks))
                  if not _overlap(chunks[i], chunks[j])]
    apart = [(i, j) for i, j in candidates if j > i + 1]
    pool = apart if len(apart) >= count else candidates
    rng = random.Random(seed)
    return sorted(rng.sample(pool, min(count, len(pool))))


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    a_start, b_start, a_end, b_end = a.get("char_start"), b.get("char_start"), a.get("char_end"), b.get("char_end")
    if a_start is None or b_start is None or a_end is None or b_end is None:
        return False
    return bool(max(a_start, b_start) < min(a_end, b_end))


def citation(chunk: dict[str, Any]) -> dict[str, Any]:
    return {**{name: chunk.get(name) for name in CITED}, "chunk_text": chunk["text"]}


class GroundedQAStep(PoolStep[GroundedQAStepConfig]):
    config_class = GroundedQAStepConfig

    def __init__(self, config: GroundedQAStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.engine = context.engines.get(config.model)

    def _check(self, record: Record) -> None:
        missing = [name for name in CHUNK_FIELDS if not record.fields.get(name)]
        if missing:
            raise UserError(f"{self.name}: input records must be document chunks (input: documents: FOLDER, or "
                            f"the JSONL `synthloom ingest` writes); record {record.id} lacks {', '.join(missing)}")

    async def run_all(self, records: list[Record]) -> list[Record]:
        cfg = self.config
        for record in records:
            self._check(record)
        usable = [r for r in records if approx_tokens(str(r.fields["text"])) >= cfg.min_chunk_tokens]
        self.counters["chunks"] = len(records)
        self.counters["chunks_too_short"] = len(records) - len(usable)
        work: list[tuple[QuestionKind, list[Record]]] = [
            (kind, [chunk]) for chunk in usable for kind in cfg.kinds if kind != "multi_hop"]
        if "multi_hop" in cfg.kinds:
            by_document: dict[str, list[Record]] = defaultdict(list)
            for chunk in usable:
                by_document[str(chunk.fields["doc_id"])].append(chunk)
            for doc_id, chunks in by_document.items():
                for i, j in pairs_for([c.fields for c in chunks], cfg.multi_hop_per_document,
                                      item_seed(cfg.seed, "multi_hop", doc_id)):
                    work.append(("multi_hop", [chunks[i], chunks[j]]))
        bar = self.context.board.bar(f"{self.name}: question sets", len(work))

        async def ask_for(kind: QuestionKind, chunks: list[Record]) -> list[Record]:
            try:
                return await self._questions(kind, chunks)
            finally:
                bar.advance()

        made = await gather_settled((ask_for(kind, chunks) for kind, chunks in work), self.counters,
                                    "dropped_request_failed")
        questions = [record for group in made if group for record in group]
        return [*(records if cfg.keep_chunks else []), *questions]

    async def _questions(self, kind: QuestionKind, chunks: list[Record]) -> list[Record]:
        cfg = self.config
        fields = [c.fields for c in chunks]
        seed = item_seed(cfg.seed, kind, *(f["chunk_id"] for f in fields))
        passages = [{"text": f["text"], "heading": f.get("heading") or ""} for f in fields]
        reply = await ask(self.engine, cfg.template, {"kind": kind, "count": cfg.questions_per_chunk,
                                                      "passages": passages, "title": fields[0].get("title") or
                                                      fields[0]["source"], "source": fields[0]["source"]},
                          temperature=cfg.temperature, max_tokens=cfg.max_tokens, seed=seed)
        pairs = parse_qa_pairs(reply.choice.text)
        if reply.choice.finish_reason == "length" and pairs:
            pairs = pairs[:-1]  # the last pair may be cut off
            self.counters["dropped_cut_off_by_length"] += 1
        if not pairs:
            self.counters["dropped_unparsed_reply"] += 1
            return []
        if len(pairs) > cfg.questions_per_chunk:
            self.counters["dropped_extra_pairs"] += len(pairs) - cfg.questions_per_chunk
            pairs = pairs[: cfg.questions_per_chunk]
        out = []
        first = chunks[0]
        for index, pair in enumerate(pairs):
            child = first.child(self.name, hash_index(kind, [c.id for c in chunks], index),
                                technique="grounded_qa", model=self.engine.backend.model_name,
                                template=cfg.template, params={"kind": kind}, seed=seed)
            child.lineage.parents = [c.id for c in chunks]
            child.fields = {"question": pair["question"], "answer": pair["answer"], "kind": kind,
                            "evidence": pair["evidence"], "source": fields[0]["source"],
                            "doc_id": fields[0]["doc_id"], "citations": [citation(f) for f in fields]}
            out.append(child)
            self.counters[f"questions_{kind}"] += 1
        return out


def hash_index(kind: str, chunk_ids: list[str], index: int) -> int:
    """A child index that tells apart the kinds and chunk pairs made from one first chunk."""
    return int(stable_id(kind, chunk_ids, index), 16) % (1 << 48)
