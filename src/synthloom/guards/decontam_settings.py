"""Decontamination's settings and their defaults: the one place the step, the command and the
benchmark take them from. Light on imports, so the CLI can show the defaults without loading numpy."""

from __future__ import annotations

from dataclasses import dataclass


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
    behaviour_similarity: float = 0.5  # for neighbours at least this similar
    judge_threshold: float = 0.6  # with a judge: ask it about neighbours at or above this


DEFAULTS = DecontamSettings()
