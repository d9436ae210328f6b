"""Coverage over a stream: exact counts with a category field whatever the record count, and without one
a keyed sample whose clusters do not depend on the order records arrive in."""

from __future__ import annotations

import random

from synthloom.guards.coverage_stream import EXACT_TEXTS, StreamingCoverage

TOPICS = ["baking bread with sourdough starter", "tuning a guitar by ear", "pruning apple trees in winter"]


def test_category_counts_are_exact_past_the_sample_size_and_hold_no_texts():
    stream = StreamingCoverage("category", clusters=8, seed=0)
    total = EXACT_TEXTS + 5_000
    for i in range(total):
        stream.add(f"r{i}", {"category": "rare" if i % 1000 == 0 else "common"}, None)
    counts = stream.counts(["common", "rare", "absent"])
    assert counts == {"common": total - (total + 999) // 1000, "rare": (total + 999) // 1000, "absent": 0}
    assert list(counts) == ["common", "rare", "absent"]  # largest first
    assert stream.sample == [] and not stream.estimated


def test_record_without_the_field_counts_as_none():
    stream = StreamingCoverage("category", clusters=8, seed=0)
    stream.add("a", {"category": "x"}, None)
    stream.add("b", {}, None)
    assert stream.counts(None) == {"(none)": 1, "x": 1}


def texts(count: int) -> list[tuple[str, str]]:
    return [(f"r{i}", f"{TOPICS[i % 3]}, note {i}") for i in range(count)]


def clustered(rows: list[tuple[str, str]], exact_texts: int) -> StreamingCoverage:
    stream = StreamingCoverage(None, clusters=3, seed=0, exact_texts=exact_texts)
    for key, text in rows:
        stream.add(key, {}, text)
    return stream


def test_clusters_past_the_sample_are_estimated_the_same_in_any_order():
    rows = texts(150)
    shuffled = rows[:]
    random.Random(7).shuffle(shuffled)
    first, second = clustered(rows, 60), clustered(shuffled, 60)
    assert first.estimated and len(first.sample) == 60
    counts = first.counts(None)
    assert counts == second.counts(None)
    assert len(counts) == 3 and abs(sum(counts.values()) - 150) <= 3  # each a rounded share of the whole
    assert all(40 <= n <= 60 for n in counts.values())  # the three topics, 50 each, seen through a sample


def test_clusters_within_the_sample_size_are_exact():
    stream = clustered(texts(30), 60)
    assert not stream.estimated
    assert sorted(stream.counts(None).values()) == [10, 10, 10]
