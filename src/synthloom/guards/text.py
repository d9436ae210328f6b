"""The one text normalization every guard shares, and stable 64-bit hashes of words and word n-grams.

Normalized text is lowercased, every run of characters that is not a letter or digit is a word
break, and words are split on it, so whitespace, line breaks and punctuation never hide a match.
Hashes are stable across processes and machines (no Python `hash()`, which is salted per process),
so signatures computed on different workers can be compared.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD = re.compile(r"[^\W_]+")

# Odd 64-bit multipliers for combining word hashes into n-gram hashes (fixed: hashes must be stable).
_MIX_SEED = 0x9E3779B97F4A7C15


def normalized_words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def normalized_text(text: str) -> str:
    return " ".join(normalized_words(text))


class WordHasher:
    """Word -> stable 64-bit hash, memoized: a corpus has far fewer distinct words than words."""

    def __init__(self) -> None:
        self._memo: dict[str, int] = {}

    def hash_all(self, words: list[str]) -> np.ndarray:
        memo = self._memo
        for word in set(words).difference(memo):
            memo[word] = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
        return np.fromiter(map(memo.__getitem__, words), dtype=np.uint64, count=len(words))


def _multipliers(n: int) -> np.ndarray:
    rng = np.random.Generator(np.random.PCG64(_MIX_SEED))
    return rng.integers(1, 2**63, size=n, dtype=np.uint64) * np.uint64(2) + np.uint64(1)


def mix64(values: np.ndarray) -> np.ndarray:
    """splitmix64's finalizer: spreads every input bit over every output bit."""
    z = values.copy()
    z ^= z >> np.uint64(30)
    z *= np.uint64(0xBF58476D1CE4E5B9)
    z ^= z >> np.uint64(27)
    z *= np.uint64(0x94D049BB133111EB)
    z ^= z >> np.uint64(31)
    return z


def ngram_hashes(word_hashes: np.ndarray, starts: np.ndarray, lengths: np.ndarray, n: int,
                 whole_if_shorter: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of every n consecutive words inside each document of a concatenated word-hash array.

    `starts`/`lengths` delimit the documents. Returns (hashes, owner) where owner[i] is the document of
    hashes[i]. A document shorter than n contributes one hash of all its words when `whole_if_shorter`
    (so short texts still compare), none otherwise; an empty document contributes nothing.
    """
    with np.errstate(over="ignore"):
        multipliers = _multipliers(n)
        total = len(word_hashes)
        # windows[i] = sum_k word[i+k] * m_k, for every start i (those crossing a document end are dropped)
        valid_len = max(total - n + 1, 0)
        windows = np.zeros(valid_len, dtype=np.uint64)
        for k in range(n):
            windows += word_hashes[k:k + valid_len] * multipliers[k]
        counts = np.maximum(lengths - n + 1, 0)
        owner = np.repeat(np.arange(len(starts)), counts)
        position = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        hashes = windows[np.repeat(starts, counts) + position] if len(owner) else np.zeros(0, np.uint64)
        if whole_if_shorter:
            short = np.flatnonzero((lengths > 0) & (lengths < n))
            if len(short):
                extra = np.array([int((word_hashes[s:s + ln] * multipliers[:ln]).sum())
                                  for s, ln in zip(starts[short], lengths[short], strict=True)], dtype=np.uint64)
                hashes = np.concatenate([hashes, extra ^ lengths[short].astype(np.uint64)])
                owner = np.concatenate([owner, short])
                order = np.argsort(owner, kind="stable")
                hashes, owner = hashes[order], owner[order]
        return mix64(hashes), owner


def concatenated_word_hashes(texts: list[str], hasher: WordHasher) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(all words' hashes end to end, each text's start, each text's length in words)."""
    flat: list[str] = []
    lengths = np.empty(len(texts), dtype=np.int64)
    findall = _WORD.findall
    for i, text in enumerate(texts):
        words = findall(text.lower())
        lengths[i] = len(words)
        flat.extend(words)
    starts = np.cumsum(lengths) - lengths
    return hasher.hash_all(flat), starts, lengths
