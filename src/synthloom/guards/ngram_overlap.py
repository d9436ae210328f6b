"""N-gram overlap against benchmark text, as GPT-3's contamination analysis did (Brown et al., 2020).

Texts are normalized (lowercased, punctuation removed, split on whitespace; see text.py). A record is
flagged when it shares an n-gram with a benchmark segment. n is 13 by default; for a benchmark of short
items it is the 5th percentile of its items' lengths in words, kept between `min_n` and `max_n`, as
GPT-3 chose it. A segment shorter than its benchmark's n is matched whole (all its words in a row), if
it has at least `min_n` words; shorter segments are too short to match by n-grams and are counted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from synthloom.guards.benchmarks import Segment
from synthloom.guards.literal_evidence import SMALL_INT
from synthloom.guards.ordinary_text import code_shape
from synthloom.guards.text import WordHasher, concatenated_word_hashes, ngram_hashes, normalized_words


@dataclass
class NgramHit:
    segment: int  # index into the index's segments
    n: int
    shared: int  # how many of the text's n-grams occur in that segment
    excerpt: str  # the first shared n-gram, normalized
    values: int = 0  # of the shared n-grams, those mostly numbers (VALUE_SHARE): an example's data, not its prose


def benchmark_n(lengths: list[int], min_n: int = 8, max_n: int = 13) -> int:
    """GPT-3's rule: the 5th-percentile item length in words, between min_n and max_n."""
    if not lengths:
        return max_n
    return int(min(max_n, max(min_n, np.percentile(lengths, 5))))


# A reference solution's lone n-gram is often ordinary code (`return [n + 2 * i for i in range(n)]`):
# a text must share this many of a code field's n-grams, a run of n + 2 words, to count as a copy.
# And boilerplate is no evidence at all: a code field's n-gram whose shape (names and numbers blanked,
# ordinary_text.code_shape) is in ordinary code (the standard library's modules) or in the code of
# another item of the benchmark (loops, imports, returns, common idioms) is left out of the index, and so
# is any field's n-gram of small numbers alone (integers up to 10: `1 2 3 4 5 6 7 8 9`, no evidence of one
# item, as literal_evidence.py counts them).
CODE_FIELDS = frozenset({"canonical_solution", "solution", "code", "reference_solution"})
# 3 let a generic loop shared with a reference through (issue 26); every code leak of the dev sets shares more
CODE_MIN_SHARED = 6
CODE_MIN_SHARED_SHORT = 3  # a solution with fewer n-grams in the index than CODE_MIN_SHARED: all of them, and this many

# A function's signature and the module's imports say which name and types a task uses, not what it asks:
# a look-alike keeps `def below_threshold(l: list, t: int):` and `from typing import List`, so those lines
# of a benchmark segment are left out of the index (the docstring and the code stay).
_SURFACE_LINE = re.compile(
    r"^[ \t]*(?:(?:from[ \t]+[\w.]+[ \t]+)?import[ \t][^\n]*|(?:async[ \t]+)?def[ \t]+\w+[ \t]*\([^\n]*)$",
    re.MULTILINE,
)


# An n-gram of numbers mostly (`0 3 2 1 3 5 7 4 5`, `get row 1 2 3 4 5 6`) is an example's input, and a
# look-alike borrows an item's example inputs with its own outputs: such n-grams are the item's data, for
# the example-pair and literal evidence to judge (decontam.py), not a copy of its prose.
VALUE_SHARE = 0.5  # an n-gram with at least this share of numbers is a value n-gram


def value_windows(numeric: np.ndarray, starts: np.ndarray, lengths: np.ndarray, n: int) -> np.ndarray:
    """For each n-gram (in ngram_hashes' order, documents of at least n words), True where at least
    VALUE_SHARE of its words are numbers (`numeric`: 1 per number word, 0 otherwise)."""
    total = len(numeric)
    valid = max(total - n + 1, 0)
    counts = np.maximum(lengths - n + 1, 0)
    if not valid or not counts.sum():
        return np.zeros(0, bool)
    in_window = np.convolve(numeric.astype(np.int64), np.ones(n, np.int64), "valid")[:valid]
    position = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return in_window[np.repeat(starts, counts) + position] >= VALUE_SHARE * n


def indexed_text(text: str) -> str:
    """A segment's text as the index holds it: without signature and import lines."""
    return _SURFACE_LINE.sub("", text)


def _small_runs(values: np.ndarray, starts: np.ndarray, lengths: np.ndarray, n: int) -> np.ndarray:
    """For each n-gram (in ngram_hashes' order), True where its words are small integers in an
    arithmetic run (`1 2 3 4 5 6 7 8 9`, `10 8 6 4 2 ...`), as literal_evidence.py counts them: no
    evidence of one item. Other number sequences (`1 0 2 8 3 0 4 0 5`) stay evidence."""
    total = len(values)
    valid = max(total - n + 1, 0)
    ok = np.zeros(valid, dtype=bool)
    if valid:
        finite = np.isfinite(values)
        steps = np.diff(values)
        same = np.concatenate([[False], np.isfinite(steps[1:]) & (steps[1:] == steps[:-1])]) \
            if len(steps) else np.zeros(0, bool)
        finite_run = np.convolve(finite.astype(int), np.ones(n, int), "valid") == n
        same_run = np.convolve(same.astype(int), np.ones(n - 2, int), "valid")[1:valid + 1] == n - 2 \
            if n > 2 else np.ones(valid, bool)
        ok = finite_run & same_run[:valid]
    counts = np.maximum(lengths - n + 1, 0)
    position = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return ok[np.repeat(starts, counts) + position] if counts.sum() else np.zeros(0, bool)


def _boilerplate(shape_words: np.ndarray, code: np.ndarray, items: np.ndarray, starts: np.ndarray,
                 lengths: np.ndarray, owner: np.ndarray, n: int, small: np.ndarray) -> np.ndarray:
    """For each n-gram of the documents `starts`/`lengths` delimit in `shape_words` (the hashes of
    their words' shapes; `owner` as ngram_hashes gives it), True where it is a code field's
    (`code`, per document) and boilerplate, or, in any field, a run of small integers (`1 2 3 4 5 6 7 8
    9`; `small`: each word's value, NaN where it is not an integer up to SMALL_INT)."""
    from synthloom.guards.ordinary_text import ordinary_code_ngrams

    shapes, shape_owner = ngram_hashes(shape_words, starts, lengths, n, whole_if_shorter=False)
    assert np.array_equal(shape_owner, owner)  # the same documents, the same windows
    numbers_only = _small_runs(small, starts, lengths, n)
    if not code.any():
        return numbers_only
    in_ordinary = np.isin(shapes, ordinary_code_ngrams(n))
    seen: dict[int, set] = defaultdict(set)
    for shape, item, is_code in zip(shapes.tolist(), items[owner].tolist(), code[owner].tolist(), strict=True):
        if is_code:
            seen[shape].add(item)
    in_other_items = np.array([len(seen.get(h, ())) > 1 for h in shapes.tolist()], dtype=bool)
    return (code[owner] & (in_ordinary | in_other_items)) | numbers_only


class NgramIndex:
    def __init__(self, segments: list[Segment], max_n: int = 13, min_n: int = 8, adaptive: bool = True) -> None:
        self.segments = segments
        self.hasher = WordHasher()
        self.too_short = 0  # segments under min_n words: left to the semantic stage
        self.boilerplate = 0  # code fields' n-grams left out as boilerplate
        self.n_by_benchmark: dict[str, int] = {}
        by_benchmark: dict[str, list[int]] = defaultdict(list)
        for i, segment in enumerate(segments):
            if segment.stage != "semantic":
                by_benchmark[segment.benchmark].append(i)
        # For each n in use: sorted n-gram hashes and, aligned, the segment each came from.
        grams: dict[int, list[tuple[np.ndarray, np.ndarray]]] = defaultdict(list)
        for benchmark, members in by_benchmark.items():
            texts = [indexed_text(segments[i].text) for i in members]
            words, starts, lengths = concatenated_word_hashes(texts, self.hasher)
            n = benchmark_n(lengths.tolist(), min_n, max_n) if adaptive else max_n
            self.n_by_benchmark[benchmark] = n
            hashes, owner = ngram_hashes(words, starts, lengths, n, whole_if_shorter=False)
            code = np.array([segments[m].field in CODE_FIELDS for m in members])
            items = np.array([segments[m].item_id for m in members], dtype=object)
            shape_words = self.hasher.hash_all([w for t in texts for w in code_shape(normalized_words(t))])
            small = np.array([float(w) if w.isdigit() and int(w) <= SMALL_INT else np.nan
                              for t in texts for w in normalized_words(t)])
            keep = ~_boilerplate(shape_words, code, items, starts, lengths, owner, n, small)
            self.boilerplate += int((~keep).sum())
            grams[n].append((hashes[keep], np.asarray(members)[owner[keep]]))
            for k in np.unique(lengths[(lengths >= min_n) & (lengths < n)]):
                short = np.flatnonzero(lengths == k)
                hashes, owner = ngram_hashes(words, starts[short], lengths[short], int(k), whole_if_shorter=False)
                keep = ~_boilerplate(shape_words, code[short], items[short], starts[short], lengths[short], owner,
                                     int(k), small)
                grams[int(k)].append((hashes[keep], np.asarray(members)[short][owner[keep]]))
            self.too_short += int((lengths < min_n).sum())
        self._tables: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._indexed = np.zeros(len(segments), dtype=np.int64)  # per segment: its n-grams in the index
        for parts in grams.values():
            for _, owners in parts:
                self._indexed += np.bincount(owners.astype(np.int64), minlength=len(segments))
        for n, parts in grams.items():
            hashes = np.concatenate([h for h, _ in parts])
            owners = np.concatenate([o for _, o in parts])
            order = np.argsort(hashes, kind="stable")
            self._tables[n] = (hashes[order], owners[order])

    def match(self, texts: list[str]) -> dict[int, NgramHit]:
        """text index -> its strongest hit (the segment sharing the most n-grams), for flagged texts."""
        words, starts, lengths = concatenated_word_hashes(texts, self.hasher)
        numeric = np.array([w.isdigit() for t in texts for w in normalized_words(t)], dtype=np.int64)
        counts: dict[tuple[int, int, int], int] = defaultdict(int)
        values: dict[tuple[int, int, int], int] = defaultdict(int)
        for n, (table, owners) in self._tables.items():
            hashes, text_of = ngram_hashes(words, starts, lengths, n, whole_if_shorter=False)
            if not len(hashes):
                continue
            spot = np.searchsorted(table, hashes)
            spot[spot == len(table)] = 0
            found = table[spot] == hashes
            of_values = value_windows(numeric, starts, lengths, n)[found]
            pairs, inverse, shared = np.unique(np.stack([text_of[found], owners[spot[found]]], axis=1), axis=0,
                                               return_inverse=True, return_counts=True)
            valued = np.bincount(inverse.ravel(), weights=of_values, minlength=len(pairs)).astype(int)
            for (text, segment), count, value in zip(pairs.tolist(), shared.tolist(), valued.tolist(), strict=True):
                counts[(text, segment, n)] += count
                values[(text, segment, n)] += value
        best: dict[int, tuple[int, int, int]] = {}
        for (text, segment, n), count in counts.items():
            if count < self._min_shared(segment):
                continue
            if text not in best or count > best[text][2]:
                best[text] = (segment, n, count)
        return {text: NgramHit(segment, n, count, self._excerpt(texts[text], self.segments[segment].text, n),
                               values[(text, segment, n)])
                for text, (segment, n, count) in sorted(best.items())}

    def _min_shared(self, segment: int) -> int:
        if self.segments[segment].field not in CODE_FIELDS:
            return 1
        return min(CODE_MIN_SHARED, max(CODE_MIN_SHARED_SHORT, int(self._indexed[segment])))

    @staticmethod
    def _excerpt(text: str, segment: str, n: int) -> str:
        theirs = normalized_words(segment)
        grams = {tuple(theirs[i:i + n]) for i in range(len(theirs) - n + 1)}
        ours = normalized_words(text)
        for i in range(len(ours) - n + 1):
            if tuple(ours[i:i + n]) in grams:
                return " ".join(ours[i:i + n])
        return ""
