"""How ordinary a value or a code n-gram is outside any benchmark: a reference corpus available offline.

The corpus is the Python standard library this interpreter ships (every module's source, docstrings and
comments, including `pydoc_data/topics.py`, the language reference's text; not its tests, site-packages
or GUI demos), about 550 files, plus synthloom's bundled Self-Instruct seed instructions (English task
statements). A value in many of its files (7, 100, "hello", "index") is ordinary; one in none is rare.
Read once per process (about two seconds).
"""

from __future__ import annotations

import math
import sysconfig
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

from synthloom.guards.text import normalized_words

_SKIP = {"site-packages", "dist-packages", "test", "tests", "idlelib", "lib2to3", "turtledemo", "ensurepip",
         "__pycache__", "tkinter", "unittest"}


@lru_cache(maxsize=1)
def corpus_files() -> list[str]:
    """The corpus's documents, in a fixed order."""
    root = Path(sysconfig.get_paths()["stdlib"])
    paths = sorted(p for p in root.rglob("*.py") if not _SKIP & set(p.relative_to(root).parts))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    seeds = (resources.files("synthloom") / "data" / "seeds" / "self_instruct_seeds.jsonl").read_text("utf-8")
    return texts + [line for line in seeds.splitlines() if line.strip()]


@lru_cache(maxsize=1)
def _document_frequencies() -> tuple[Counter, Counter, int]:
    """(literal -> documents holding it, word -> documents holding it, documents)."""
    from synthloom.guards.literal_evidence import literals

    values: Counter = Counter()
    words: Counter = Counter()
    texts = corpus_files()
    for text in texts:
        values.update(literals(text))
        words.update(set(normalized_words(text)))
    return values, words, len(texts)


def _rarity(count: int, documents: int) -> float:
    """1 for a value in no document, 0 for one in every document (an idf scaled to [0, 1])."""
    return max(0.0, min(1.0, math.log(documents / (1 + count)) / math.log(documents)))


def ordinary_rarity(values) -> dict[str, float]:
    """Each literal's rarity in the corpus, in [0, 1]. A string of letters is as rare as its rarest
    word ("hello world" is ordinary)."""
    literal_df, word_df, documents = _document_frequencies()
    out = {}
    for value in values:
        rarity = _rarity(literal_df[value], documents)
        kind, _, body = value.partition(":")
        if kind == "s" and (words := normalized_words(body)) and "".join(words).isalpha():
            rarity = min(rarity, max(_rarity(word_df[w], documents) for w in words))
        out[value] = rarity
    return out


# -- ordinary code: the shapes of n-grams any program has -------------------------------------------

def _python_vocabulary() -> frozenset[str]:
    """Words of the language itself: keywords, built-in names, the methods of built-in types."""
    import builtins
    import keyword

    names = set(keyword.kwlist) | set(keyword.softkwlist) | set(dir(builtins))
    for kind in (str, list, dict, set, tuple, int, float, bytes):
        names |= {n for n in dir(kind) if not n.startswith("_")}
    return frozenset(n.lower() for n in names)


_VOCABULARY = _python_vocabulary()


def code_shape(words: list[str]) -> list[str]:
    """Normalized words with every name that is not the language's own made `_` and every number `0`:
    `for idx in range(len(numbers))` and `for i in range(len(xs))` have one shape."""
    return ["0" if w.isdigit() else w if w in _VOCABULARY else "_" for w in words]


@lru_cache(maxsize=4)
def ordinary_code_ngrams(n: int):
    """The sorted hashes of every n-word shape in the corpus's code (the standard library's modules)."""
    import numpy as np

    from synthloom.guards.text import WordHasher, ngram_hashes

    hasher = WordHasher()
    parts = []
    for text in corpus_files():
        shape = code_shape(normalized_words(text))
        if len(shape) >= n:
            hashes, _ = ngram_hashes(hasher.hash_all(shape), np.array([0]), np.array([len(shape)]), n,
                                     whole_if_shorter=False)
            parts.append(hashes)
    return np.unique(np.concatenate(parts)) if parts else np.zeros(0, np.uint64)
