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
    # Without a judge, a record is flagged on evidence that names one item (literal_evidence.py):
    similarity_threshold: float = 0.95  # its nearest item's similarity alone is this high (near-verbatim),
    literal_alone: float = 5.0  # or it shares this much weight of an item's distinctive values
    literal_alone_similarity: float = 0.5  # (at a similarity to that item of at least this),
    literal_with_similarity: float = 2.5  # or this much, at a similarity of at least:
    literal_similarity: float = 0.65
    literal_min_values: int = 2  # distinct distinctive values of one item, at least,
    literal_margin: float = 2.0  # and the item's evidence is at least this many times the runner-up's
    literal_similarity_gap: float = 0.15  # (or its similarity this much higher than the runner-up's),
    behaviour: bool = True  # or the text's code does what the item's reference solution does
    behaviour_top_k: int = 64  # on every item among this many nearest whose entry point's arity fits,
    behaviour_similarity: float = 0.3  # at a similarity of at least this (screened in one sandbox run),
    # answering as the item's reference solution on this share of the variants of its tests' inputs
    # (rewordings' code in the first dev half agrees on 0.958 or more: only inputs outside the task differ),
    behaviour_agreement: float = 0.95
    behaviour_min_inputs: int = 5  # (items with fewer known answers: their tests alone decide, for
    behaviour_tests_alone_similarity: float = 0.5  # those at least this similar),
    # and then passing the item's own tests.
    # Example pairs the text states (example_pairs.py: `f([1, 2]) -> 3`), run through the reference
    # solution of every item among the `behaviour_top_k` nearest whose entry point takes that many
    # arguments (and through the text's own code, when it has some: a pair its code does not reproduce is
    # a slip, left out). An item reproducing more of them than it contradicts is named by a pair of its own
    # input (holding this much weight of its distinctive values), or by a telling output (example_pairs
    # .informative) that at most `pair_max_agreeing` of the items tried reproduce, unless an item nearer
    # by `pair_nearer_gap` is contradicted; at a similarity of `pair_similarity` at least.
    pairs: bool = True
    pair_input_weight: float = 2.0
    pair_max_agreeing: int = 2
    pair_nearer_gap: float = 0.05
    pair_similarity: float = 0.3
    # An item the pairs contradict (as many contradicted as reproduced, or one the text's code reproduces)
    # is ruled out: its literal and behaviour evidence, and an n-gram hit of fewer shared n-grams than
    # this (a copied prompt shares dozens; a phrase or a loop of a look-alike a few), do not count.
    ngram_veto_below: int = 20
    judge_threshold: float = 0.6  # with a judge: ask it about neighbours at or above this


DEDUP = DedupSettings()
DIVERSITY = DiversitySettings()
COVERAGE = CoverageSettings()
DECONTAM = DecontamSettings()
