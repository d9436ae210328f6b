"""Diversity metrics of a set of texts, from surface form to meaning.

- distinct-n (Li et al., 2016): distinct word n-grams / all word n-grams, over the whole set.
- self-BLEU (Zhu et al., 2018): how much each text's n-grams recur in the others (self_bleu.py).
- pairwise ROUGE-L: the distribution of ROUGE-L F over every pair of a sample (rouge-score's
  definition, computed with the novelty index's LCS).
- embedding dispersion: mean pairwise cosine distance of MiniLM embeddings.
- Vendi score (Friedman & Dieng, 2023): exp of the entropy of the eigenvalues of K/n, K the cosine
  similarity kernel; "the effective number of distinct items" (1 for n copies, n for n orthogonal).
Lower self-BLEU and ROUGE-L mean more diverse; higher for the rest.
"""

from __future__ import annotations

import random

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import LCSseq

from synthloom.guards.self_bleu import self_bleu_scores
from synthloom.guards.settings import DiversitySettings
from synthloom.guards.text import WordHasher, concatenated_word_hashes, ngram_hashes, normalized_words
from synthloom.techniques.rouge import RougeNoveltyIndex, rouge_l_f

# Which way is "more diverse" for each metric, for alarms that compare generations.
HIGHER_IS_DIVERSE = {"distinct_1": True, "distinct_2": True, "distinct_3": True, "self_bleu": False,
                     "rouge_l_mean": False, "embedding_dispersion": True, "vendi": True}


def distinct_ns(texts: list[str], ns: tuple[int, ...]) -> dict[int, float]:
    """distinct-n for each n, the words tokenized and hashed once for all of them."""
    words, starts, lengths = concatenated_word_hashes(texts, WordHasher())
    out = {}
    for n in ns:
        grams, _ = ngram_hashes(words, starts, lengths, n, whole_if_shorter=False)
        out[n] = float(len(np.unique(grams)) / len(grams)) if len(grams) else 0.0
    return out


def distinct_n(texts: list[str], n: int) -> float:
    return distinct_ns(texts, (n,))[n]


def natural_key(group: str) -> tuple:
    """Numeric group names (generations) in numeric order, then the rest alphabetically."""
    numeric = group.lstrip("-").isdigit()
    return (not numeric, int(group) if numeric else 0, group)


def metrics_by_group(groups: dict[str, list[str]], settings: DiversitySettings, total: bool = False
                     ) -> dict[str, dict]:
    """Each group's metrics in natural order; with `total`, also "all" over every group (if several)."""
    order = sorted(groups, key=natural_key)
    result = {key: diversity_metrics(groups[key], settings) for key in order}
    if total and len(result) > 1:
        result["all"] = diversity_metrics([t for key in order for t in groups[key]], settings)
    return result


def vendi_from_kernel(kernel: np.ndarray) -> float:
    """exp(entropy of the eigenvalues of K/n), K positive semi-definite with a unit diagonal."""
    eigenvalues = np.linalg.eigvalsh(kernel / len(kernel))
    eigenvalues = eigenvalues[eigenvalues > 1e-12]
    return float(np.exp(-(eigenvalues * np.log(eigenvalues)).sum()))


def vendi_from_embeddings(vectors: np.ndarray) -> float:
    """Vendi score of the cosine kernel X X^T of unit vectors, through the d x d matrix X^T X / n,
    which has the same non-zero eigenvalues: linear in the number of texts."""
    gram = vectors.T.astype(np.float64) @ vectors.astype(np.float64) / len(vectors)
    eigenvalues = np.linalg.eigvalsh(gram)
    eigenvalues = eigenvalues[eigenvalues > 1e-12]
    return float(np.exp(-(eigenvalues * np.log(eigenvalues)).sum()))


def mean_pairwise_cosine_distance(vectors: np.ndarray) -> float:
    """1 - the mean cosine similarity over distinct pairs, from the sum vector: linear in n."""
    n = len(vectors)
    if n < 2:
        return 0.0
    total = vectors.astype(np.float64).sum(axis=0)
    mean_similarity = (float(total @ total) - n) / (n * (n - 1))
    return 1.0 - mean_similarity


def pairwise_rouge_l(texts: list[str]) -> np.ndarray:
    """ROUGE-L F of every unordered pair of texts."""
    index = RougeNoveltyIndex()
    encoded = [index.encode(t) for t in texts]
    if len(encoded) < 2:
        return np.zeros(0)
    lcs = process.cdist(encoded, encoded, scorer=LCSseq.similarity, dtype=np.int32)
    lengths = np.array([len(e) for e in encoded])
    rows, cols = np.triu_indices(len(encoded), k=1)
    keep = (lengths[rows] > 0) & (lengths[cols] > 0)
    rows, cols = rows[keep], cols[keep]
    return np.asarray(rouge_l_f(lcs[rows, cols], lengths[rows], lengths[cols]), dtype=np.float64)


def _sample(texts: list[str], size: int, seed: int) -> list[str]:
    return texts if len(texts) <= size else random.Random(seed).sample(texts, size)


def diversity_metrics(texts: list[str], settings: DiversitySettings = DiversitySettings()) -> dict:
    texts = [t for t in texts if t and t.strip()]
    metrics: dict = {"count": len(texts)}
    if not texts:
        return metrics
    for n, value in distinct_ns(texts, (1, 2, 3)).items():
        metrics[f"distinct_{n}"] = round(value, 4)
    sample = _sample(texts, settings.sample, settings.seed)
    metrics["self_bleu"] = round(float(np.mean(self_bleu_scores([normalized_words(t) for t in sample]))), 4)
    rouge = pairwise_rouge_l(_sample(texts, settings.rouge_sample, settings.seed))
    if len(rouge):
        metrics["rouge_l_mean"] = round(float(rouge.mean()), 4)
        metrics["rouge_l_median"] = round(float(np.median(rouge)), 4)
        metrics["rouge_l_p90"] = round(float(np.percentile(rouge, 90)), 4)
        metrics["rouge_l_histogram"] = np.histogram(rouge, bins=10, range=(0, 1))[0].tolist()
    if settings.embeddings and len(sample) >= 2:
        from synthloom.guards.embeddings import embed

        vectors = embed(sample)
        metrics["embedding_dispersion"] = round(mean_pairwise_cosine_distance(vectors), 4)
        metrics["vendi"] = round(vendi_from_embeddings(vectors), 3)
    return metrics


def diversity_loss(baseline: dict, current: dict) -> dict[str, float]:
    """Per metric, the share of the baseline's diversity lost (negative: more diverse than baseline).
    Similarity metrics in [0, 1] (self-BLEU, ROUGE-L) count 1 - value as their diversity."""
    loss = {}
    for metric, higher in HIGHER_IS_DIVERSE.items():
        if metric not in baseline or metric not in current:
            continue
        base, value = baseline[metric], current[metric]
        if not higher:
            base, value = 1 - base, 1 - value
        if base > 0:
            loss[metric] = round((base - value) / base, 4)
    return loss
