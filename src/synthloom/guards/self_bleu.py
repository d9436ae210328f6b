"""Self-BLEU (Zhu et al., 2018, Texygen): each text's BLEU with every other text as its references,
averaged. High self-BLEU means the texts repeat each other.

Computed exactly for every text in one pass, not pair by pair: for each n-gram only the two largest
counts over all texts (and whose the largest is) are kept, which is all that clipping against "every
text but this one" needs. Scores match NLTK's sentence_bleu with uniform 4-gram weights and smoothing
method1, as Texygen used (checked in tests).
"""

from __future__ import annotations

import bisect
import math
from collections import Counter

EPSILON = 0.1  # NLTK's SmoothingFunction().method1


def _ngrams(words: list[str], n: int) -> Counter:
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def _closest_other_length(lengths: list[int], sorted_lengths: list[int], own: int) -> int:
    """The reference length NLTK would pick (closest; the shorter on ties) among all texts but one
    text of length `own`."""
    pos = bisect.bisect_left(sorted_lengths, own)
    if pos + 1 < len(sorted_lengths) and sorted_lengths[pos + 1] == own:
        return own  # another text has the same length
    candidates = []
    if pos > 0:
        candidates.append(sorted_lengths[pos - 1])
    if pos + 1 < len(sorted_lengths):
        candidates.append(sorted_lengths[pos + 1])
    return min(candidates, key=lambda r: (abs(r - own), r))


def self_bleu_scores(tokenized: list[list[str]], max_n: int = 4) -> list[float]:
    """Each text's BLEU against all the others."""
    if len(tokenized) < 2:
        return [0.0] * len(tokenized)
    counts = [[_ngrams(words, n) for n in range(1, max_n + 1)] for words in tokenized]
    # per order: n-gram -> (largest count, whose, second largest count)
    top: list[dict[tuple, list]] = [{} for _ in range(max_n)]
    for i, per_order in enumerate(counts):
        for order, counter in enumerate(per_order):
            table = top[order]
            for gram, c in counter.items():
                entry = table.get(gram)
                if entry is None:
                    table[gram] = [c, i, 0]
                elif c > entry[0]:
                    entry[2], entry[0], entry[1] = entry[0], c, i
                elif c > entry[2]:
                    entry[2] = c
    lengths = [len(words) for words in tokenized]
    sorted_lengths = sorted(lengths)
    scores = []
    for i, per_order in enumerate(counts):
        hyp_len = lengths[i]
        logs: list[float] = []
        no_unigram = False
        for order, counter in enumerate(per_order):
            table = top[order]
            clipped = 0
            for gram, c in counter.items():
                best, whose, second = table[gram]
                clipped += min(c, second if whose == i else best)
            denominator = max(1, sum(counter.values()))
            if order == 0 and clipped == 0:
                no_unigram = True  # NLTK returns 0 when no unigram matches
                break
            logs.append(math.log((clipped if clipped else EPSILON) / denominator))
        if no_unigram or hyp_len == 0:
            scores.append(0.0)
            continue
        ref_len = _closest_other_length(lengths, sorted_lengths, hyp_len)
        penalty = 1.0 if hyp_len > ref_len else math.exp(1 - ref_len / hyp_len)
        scores.append(penalty * math.exp(sum(logs) / max_n))
    return scores
