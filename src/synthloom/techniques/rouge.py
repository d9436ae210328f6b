"""Fast ROUGE-L novelty filter: the same scores and decisions as the `rouge-score` package, at pool sizes
where its all-pairs Python LCS would take hours.

How: each text is tokenized once, exactly as rouge-score does (lowercase, non-alphanumerics to spaces),
and each distinct token becomes one character, so a text becomes a short string whose character LCS is
the token LCS. rapidfuzz computes that LCS in compiled, bit-parallel code against the whole pool at once.
A length bound prunes first: ROUGE-L F = 2*lcs/(la+lb) <= 2*min(la,lb)/(la+lb), so texts whose lengths
differ too much can never pass the threshold and are not compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import LCSseq

_NON_ALPHANUM = re.compile(r"[^a-z0-9]+")


def rouge_tokens(text: str) -> list[str]:
    """rouge-score's default tokenizer without stemming (what Self-Instruct used)."""
    return [t for t in _NON_ALPHANUM.sub(" ", text.lower()).split() if t]


def rouge_l_f(lcs: np.ndarray | int, candidate_len: np.ndarray | int, reference_len: np.ndarray | int):
    """F-measure computed with the very float operations rouge-score uses, so decisions match exactly."""
    precision = lcs / candidate_len
    recall = lcs / reference_len
    total = precision + recall
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, 2 * precision * recall / np.where(total > 0, total, 1), 0.0)


@dataclass
class Match:
    # The highest ROUGE-L F-measure against the pool, exact whenever it is above the threshold. Below it,
    # texts the length bound ruled out were not scored, so it is the best of those compared.
    score: float
    nearest: int | None  # index of the pool text that scored it


class RougeNoveltyIndex:
    """A growing pool of texts; `best_match` finds the pool text with the highest ROUGE-L F."""

    # Characters for tokens start past ASCII and skip the surrogate range, which str cannot hold alone.
    _FIRST_CHAR = 0x100

    def __init__(self, threshold: float = 0.7, workers: int = 1) -> None:
        self.threshold = threshold
        self.workers = workers
        self._vocab: dict[str, str] = {}
        self._encoded: list[str] = []
        # Per token count, the pool's indices and encoded texts, ready to hand to rapidfuzz in bulk:
        # building such lists element by element in Python cost more than the LCS itself.
        self._by_length: dict[int, tuple[list[int], list[str]]] = {}

    def __len__(self) -> int:
        return len(self._encoded)

    def _char(self, token: str) -> str:
        char = self._vocab.get(token)
        if char is None:
            code = self._FIRST_CHAR + len(self._vocab)
            if code >= 0xD800:
                code += 0x800  # skip surrogates
            char = self._vocab[token] = chr(code)
        return char

    def encode(self, text: str) -> str:
        return "".join(self._char(t) for t in rouge_tokens(text))

    def best_match(self, text: str) -> Match:
        return self._best(self.encode(text))

    def _best(self, encoded: str) -> Match:
        length = len(encoded)
        indices: list[int] = []
        choices: list[str] = []
        sizes, counts = [], []
        for other, (bucket_indices, bucket_texts) in self._by_length.items():
            # The length bound: texts this much shorter or longer can never exceed the threshold.
            if length and 2 * min(length, other) / (length + other) > self.threshold:
                indices.extend(bucket_indices)
                choices.extend(bucket_texts)
                sizes.append(other)
                counts.append(len(bucket_indices))
        if not choices:
            return Match(0.0, None)
        lcs = process.cdist([encoded], choices, scorer=LCSseq.similarity, dtype=np.int32,
                            workers=self.workers)[0]
        scores = rouge_l_f(lcs, length, np.repeat(np.array(sizes, dtype=np.int64), counts))
        best = int(np.argmax(scores))
        return Match(float(scores[best]), indices[best])

    def add(self, text: str) -> int:
        return self._add_encoded(self.encode(text))

    def _add_encoded(self, encoded: str) -> int:
        index = len(self._encoded)
        self._encoded.append(encoded)
        if encoded:  # an empty text can never match anything (rouge-score gives it 0)
            bucket_indices, bucket_texts = self._by_length.setdefault(len(encoded), ([], []))
            bucket_indices.append(index)
            bucket_texts.append(encoded)
        return index

    def add_if_novel(self, text: str) -> tuple[bool, Match]:
        """Keep `text` only if its highest ROUGE-L F against the pool is at most the threshold."""
        encoded = self.encode(text)
        match = self._best(encoded)
        novel = match.score <= self.threshold
        if novel:
            self._add_encoded(encoded)
        return novel, match
