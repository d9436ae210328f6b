"""Every guard's settings and their defaults: the one place the steps' configs, the guard commands and
the benchmarks take them from. Light on imports, so the CLI can show the defaults without loading numpy."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class DedupSettings:
    exact: bool = True
    near: bool = True
    threshold: float = 0.7  # estimated Jaccard similarity of word shingles
    num_perm: int = 128
    shingle_size: int = 3  # words per shingle
    bands: int | None = None  # default: the (bands, rows) that best separate pairs at the threshold
    seed: int = 1
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)  # processes computing signatures


@dataclass(frozen=True)
class DiversitySettings:
    sample: int = 1000  # texts for self-BLEU and the embedding metrics (a seeded sample above it)
    rouge_sample: int = 200  # texts whose every pair is scored with ROUGE-L
    embeddings: bool = True
    seed: int = 0


@dataclass(frozen=True)
class CoverageSettings:
    clusters: int = 8  # embedding clusters, when records have no category field
    min_count: int = 5  # a category with fewer records is thin
    min_share: float = 0.0  # a category with a smaller share of the records is thin


@dataclass(frozen=True)
class DecontamSettings:
    ngram: bool = True
    n: int = 13
    min_n: int = 8
    adaptive_n: bool = True  # shorter n for benchmarks of short items (GPT-3's rule)
    semantic: bool = False
    top_k: int = 5
    # Without a judge, a neighbour is flagged when (tuned on benchmarks/decontam_rewordings.py's dev half):
    similarity_threshold: float = 0.95  # its similarity alone is this high (a near-verbatim paraphrase),
    literal_alone: float = 3.0  # or the text holds the item's literals with this much idf weight
    literal_alone_similarity: float = 0.55  # (at a similarity of at least this),
    literal_with_similarity: float = 0.5  # or this much, at a similarity of at least:
    literal_similarity: float = 0.65
    behaviour: bool = True  # or the text's code passes the item's own tests (items that have tests)
    behaviour_similarity: float = 0.5  # for neighbours at least this similar,
    # answering as the item's reference solution on this share of the variants (rewordings' code in the
    # dev half agrees on 0.958 or more: only inputs outside the item's task differ)
    behaviour_agreement: float = 0.95
    behaviour_min_inputs: int = 5  # of the tests' inputs (fewer answered variants: the tests alone decide)
    judge_threshold: float = 0.6  # with a judge: ask it about neighbours at or above this


DEDUP = DedupSettings()
DIVERSITY = DiversitySettings()
COVERAGE = CoverageSettings()
DECONTAM = DecontamSettings()
