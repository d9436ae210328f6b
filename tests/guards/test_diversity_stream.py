"""Diversity over a stream: exact up to a group's cap, estimated past it in bounded memory, and the same
whatever order the texts arrive in."""

from __future__ import annotations

import random

import synthloom.guards.diversity_stream as stream_module
from synthloom.guards.diversity import distinct_n, diversity_metrics
from synthloom.guards.diversity_stream import StreamingDiversity
from synthloom.guards.settings import DiversitySettings

SETTINGS = DiversitySettings(sample=60, rouge_sample=20, embeddings=False)


def texts(count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(3000)]
    return [(f"id{i:06d}", " ".join(rng.choices(words, k=12))) for i in range(count)]


def streamed(pairs, group=lambda key: "all"):
    diversity = StreamingDiversity(SETTINGS, total=False)
    for key, text in pairs:
        diversity.add(group(key), key, text)
    return diversity.metrics()


def test_below_the_cap_the_figures_are_those_of_the_whole_set_in_key_order():
    pairs = texts(300, seed=1)
    shuffled = random.Random(2).sample(pairs, len(pairs))
    assert streamed(shuffled)["all"] == diversity_metrics([t for _, t in sorted(pairs)], SETTINGS)


def test_past_the_cap_distinct_n_is_estimated_closely_and_order_does_not_matter(monkeypatch):
    monkeypatch.setattr(stream_module, "EXACT_TEXTS", 500)
    monkeypatch.setattr(stream_module, "SKETCH_VALUES", 2048)
    monkeypatch.setattr(stream_module, "BATCH", 700)
    pairs = texts(6000, seed=3)
    exact = {n: distinct_n([t for _, t in pairs], n) for n in (1, 2, 3)}
    first = streamed(pairs)["all"]
    again = streamed(random.Random(4).sample(pairs, len(pairs)))["all"]
    assert first == again  # the sketch and the bottom-k sample do not depend on arrival order
    assert first["count"] == 6000 and "estimated" in first
    for n in (1, 2, 3):
        assert abs(first[f"distinct_{n}"] - exact[n]) <= 0.08 * exact[n] + 0.002, (n, first, exact)
    # the sample metrics come from a bounded sample
    groups = streamed(pairs, group=lambda key: str(int(key[2:]) % 3))
    assert set(groups) == {"0", "1", "2"} and all(g["count"] == 2000 for g in groups.values())
