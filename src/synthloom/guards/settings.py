"""Every guard's settings: each declared once here, with its default, its bounds and its help. The
steps' configs (`setting_field`), the guard commands' options (`cli/guard_options.py`) and the
algorithms' settings (`settings_of`) are derived from these declarations, so they cannot drift. Light on
imports, so the CLI can show the defaults without loading numpy or pydantic."""

from __future__ import annotations

import os
from dataclasses import MISSING, dataclass, field, fields
from typing import Any


def setting(default: Any = MISSING, help: str = "", *, factory: Any = None, ge: float | None = None,
            gt: float | None = None, le: float | None = None, lt: float | None = None) -> Any:
    """A declared setting: its default, the one-line help the config and the command show, and bounds."""
    bounds = {k: v for k, v in (("ge", ge), ("gt", gt), ("le", le), ("lt", lt)) if v is not None}
    metadata = {"help": help, "bounds": bounds}
    if factory is not None:
        return field(default_factory=factory, metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Declared:
    name: str
    default: Any
    help: str
    bounds: dict[str, float]


def declared(settings_class: type, name: str) -> Declared:
    """What `settings_class` declares of `name`."""
    for item in fields(settings_class):
        if item.name == name:
            default = item.default_factory() if callable(item.default_factory) else item.default
            return Declared(name, default, item.metadata.get("help", ""), dict(item.metadata.get("bounds", {})))
    raise KeyError(f"{settings_class.__name__} declares no setting {name!r}")


def settings_of(config: Any, settings_class: type[Any], **values: Any) -> Any:
    """`settings_class` with each setting `config` has taken from it (a step's config names its settings
    as they are declared here), then `values`: no field-by-field copy to keep in step."""
    taken = {item.name: getattr(config, item.name) for item in fields(settings_class) if hasattr(config, item.name)}
    return settings_class(**{**taken, **values})


@dataclass(frozen=True)
class DedupSettings:
    exact: bool = setting(True, "drop exact duplicates (the same text once normalised)")
    near: bool = setting(True, "drop near duplicates (MinHash LSH)")
    threshold: float = setting(0.7, "estimated Jaccard similarity of word shingles", gt=0, le=1)
    num_perm: int = setting(128, "MinHash permutations", ge=8, le=1024)
    shingle_size: int = setting(3, "words per shingle", ge=1)
    bands: int | None = None  # default: the (bands, rows) that best separate pairs at the threshold
    seed: int = 1
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)  # processes computing signatures


@dataclass(frozen=True)
class DiversitySettings:
    sample: int = setting(1000, "texts for self-BLEU and the embedding metrics (a seeded sample above it)", ge=2)
    rouge_sample: int = setting(200, "texts whose every pair is scored with ROUGE-L", ge=2)
    embeddings: bool = setting(True, "embedding dispersion and Vendi (needs synthloom[embed])")
    seed: int = 0


@dataclass(frozen=True)
class CoverageSettings:
    clusters: int = setting(8, "embedding clusters, when records have no category field", ge=2)
    min_count: int = setting(5, "a category with fewer records is thin", ge=0)
    min_share: float = setting(0.0, "a category with a smaller share of the records is thin", ge=0, le=1)


@dataclass(frozen=True)
class DecontamSettings:
    ngram: bool = setting(True, "look for shared n-grams (stage 1)")
    n: int = setting(13, "n-gram length (GPT-3's 13)", ge=1)
    min_n: int = setting(8, "shortest n, for benchmarks of short items", ge=1)
    # shorter n for benchmarks of short items (GPT-3's rule)
    adaptive_n: bool = setting(True, "n = the 5th-percentile item length, within [min_n, n]")
    semantic: bool = setting(False, "also look for rewordings: MiniLM finds each record's nearest items, flagged "
                             "on evidence (the item's example and test values in the record, the record's code "
                             "passing the item's tests and answering as its reference solution) or near-verbatim "
                             "similarity")
    top_k: int = setting(5, "nearest benchmark items looked at per record", ge=1)
    # Without a judge, a record is flagged on evidence that names one item (literal_evidence.py):
    # its nearest item's similarity alone is this high (near-verbatim),
    similarity_threshold: float = setting(0.95, "flag on similarity alone at or above this (without a judge)",
                                          gt=0, le=1)
    literal_alone: float = 5.0  # or it shares this much weight of an item's distinctive values
    literal_alone_similarity: float = 0.5  # (at a similarity to that item of at least this),
    literal_with_similarity: float = 2.5  # or this much, at a similarity of at least:
    literal_similarity: float = 0.65
    literal_min_values: int = 2  # distinct distinctive values of one item, at least,
    literal_margin: float = 2.0  # and the item's evidence is at least this many times the runner-up's
    literal_similarity_gap: float = 0.15  # (or its similarity this much higher than the runner-up's),
    # or the text's code does what the item's reference solution does
    behaviour: bool = setting(True, "run a record's code against its nearest items' own tests (in the sandbox); "
                              "passing them and answering as the item's reference solution on variants of their "
                              "inputs is evidence of the same task")
    behaviour_top_k: int = 64  # on every item among this many nearest whose entry point's arity fits,
    behaviour_similarity: float = 0.3  # at a similarity of at least this (screened in one sandbox run),
    # answering as the item's reference solution on this share of the variants of its tests' inputs
    # (rewordings' code in the first dev half agrees on 0.958 or more: only inputs outside the task differ),
    behaviour_agreement: float = setting(0.95, "share of the variants on which the record's code must answer as "
                                         "the reference solution", ge=0, le=1)
    # Code agreeing with an item's reference on less than this share of `behaviour_min_inputs` or more
    # inputs is another task: the item's examples or literals in the text do not name it (rewordings'
    # code in the dev sets agrees on 0.857 or more, look-alikes whose examples coincide on 0.5-0.94),
    # and code short of `behaviour_agreement` rules out a weak n-gram hit.
    behaviour_against: float = 0.8
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
    judge_threshold: float = setting(0.6, "ask the judge about neighbours at or above this", gt=0, le=1)


DEDUP = DedupSettings()
DIVERSITY = DiversitySettings()
COVERAGE = CoverageSettings()
DECONTAM = DecontamSettings()
