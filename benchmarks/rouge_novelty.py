"""Self-Instruct's ROUGE-L novelty filter at scale: synthloom's index against plain `rouge-score`.

Both filter the same candidates in the same order (keep a candidate only if its highest ROUGE-L F
against everything kept so far, seeds included, is at most 0.7). synthloom's index runs over all of
them; rouge-score, which scores every pair in Python, runs over the first --baseline candidates. Their
keep/drop decisions are compared one by one, and rouge-score's time for the whole pool is extrapolated
from its measured time per pair and the exact number of pairs it would have to score.

    python benchmarks/rouge_novelty.py [--candidates 50000] [--baseline 1500]
"""

from __future__ import annotations

import argparse
import random
import time

from rouge_score import rouge_scorer

from synthloom.techniques.rouge import RougeNoveltyIndex
from synthloom.techniques.seeds import load_seed_tasks

VERBS = ("Write", "Explain", "List", "Describe", "Summarize", "Translate", "Classify", "Create", "Suggest",
         "Compare", "Rewrite", "Identify", "Calculate", "Design", "Outline", "Evaluate", "Draft", "Plan")
ADJECTIVES = ("short", "detailed", "formal", "funny", "simple", "technical", "persuasive", "friendly",
              "historical", "modern", "scientific", "practical", "creative", "critical", "brief", "clear")
TOPICS = ("climate change", "the French revolution", "machine learning", "a rainy afternoon", "coral reefs",
          "personal budgeting", "volcanoes", "the stock market", "a job interview", "healthy breakfasts",
          "ancient Rome", "electric cars", "sleep hygiene", "photosynthesis", "a city park", "remote work",
          "the water cycle", "jazz music", "chess openings", "urban gardening", "space travel", "honeybees",
          "public libraries", "cryptography", "mountain hiking", "the printing press", "wind energy",
          "board games", "ocean tides", "a birthday party", "renewable energy", "medieval castles")
FORMS = ("poem", "essay", "email", "story", "summary", "list of tips", "dialogue", "product description",
         "lesson plan", "news headline", "tweet", "speech", "letter", "set of questions", "recipe", "review")
AUDIENCES = ("for children", "for experts", "for a newspaper", "for a teenager", "for beginners",
             "for a school assignment", "for a company blog", "for your grandmother", "in three sentences",
             "in under 100 words", "with examples", "step by step", "as a table", "in plain language")


def make_candidates(n: int, seed: int = 0) -> list[str]:
    """Instruction-like sentences; about one in five is a light edit of an earlier one (a near-copy)."""
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(n):
        if out and rng.random() < 0.2:
            words = rng.choice(out).split()
            words[rng.randrange(len(words))] = rng.choice(ADJECTIVES)
            out.append(" ".join(words))
        else:
            out.append(f"{rng.choice(VERBS)} a {rng.choice(ADJECTIVES)} {rng.choice(FORMS)} about "
                       f"{rng.choice(TOPICS)} {rng.choice(AUDIENCES)}.")
    return out


def run_index(seeds: list[str], candidates: list[str], threshold: float) -> tuple[list[bool], list[int], float]:
    """Decisions, the pool size each candidate was checked against, and the seconds taken."""
    index = RougeNoveltyIndex(threshold)
    started = time.perf_counter()
    for seed in seeds:
        index.add(seed)
    decisions, pool_sizes = [], []
    for text in candidates:
        pool_sizes.append(len(index))
        kept, _ = index.add_if_novel(text)
        decisions.append(kept)
    return decisions, pool_sizes, time.perf_counter() - started


def run_rouge_score(seeds: list[str], candidates: list[str], threshold: float) -> tuple[list[bool], int, float]:
    """Self-Instruct's way: score each candidate against every kept text with rouge-score."""
    scorer = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=False)
    pool = list(seeds)
    decisions, pairs = [], 0
    started = time.perf_counter()
    for text in candidates:
        best = max((scorer.score(text, kept)["rougeL"].fmeasure for kept in pool), default=0.0)
        pairs += len(pool)
        decisions.append(best <= threshold)
        if best <= threshold:
            pool.append(text)
    return decisions, pairs, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--candidates", type=int, default=50_000)
    parser.add_argument("--baseline", type=int, default=1_500, help="candidates rouge-score filters")
    parser.add_argument("--threshold", type=float, default=0.7)
    args = parser.parse_args()
    seeds = [t.instruction for t in load_seed_tasks()]
    candidates = make_candidates(args.candidates)

    ours, pool_sizes, ours_s = run_index(seeds, candidates, args.threshold)
    base, base_pairs, base_s = run_rouge_score(seeds, candidates[: args.baseline], args.threshold)
    same = sum(a == b for a, b in zip(ours[: args.baseline], base, strict=True))
    all_pairs = sum(pool_sizes)
    per_pair = base_s / base_pairs
    extrapolated = per_pair * all_pairs

    print(f"pool: {len(seeds)} seeds + {len(candidates):,} candidates; threshold {args.threshold}")
    print(f"synthloom index : {ours_s:8.2f} s for all {len(candidates):,} candidates "
          f"({len(candidates) / ours_s:,.0f} candidates/s); kept {sum(ours):,}, dropped {len(ours) - sum(ours):,}")
    print(f"rouge-score     : {base_s:8.2f} s for the first {args.baseline:,} candidates "
          f"({base_pairs:,} pairs, {per_pair * 1e6:.1f} us/pair)")
    print(f"rouge-score, all {len(candidates):,} candidates: {all_pairs:,} pairs -> about {extrapolated:,.0f} s "
          f"({extrapolated / 3600:.1f} h), extrapolated from its measured time per pair")
    print(f"speed-up        : {extrapolated / ours_s:,.0f}x on the full pool; "
          f"{base_s / (ours_s * args.baseline / len(candidates)):,.0f}x per candidate on the measured prefix "
          "(not like for like: the prefix has the smaller pool)")
    print(f"decisions       : {same:,} of {args.baseline:,} identical"
          + ("" if same == args.baseline else "   MISMATCH"))


if __name__ == "__main__":
    main()
