"""The guard algorithms on known cases: planted duplicates, benchmark leaks, diversity metrics, coverage
gaps and a collapse alarm."""

from __future__ import annotations

import asyncio
import random

import numpy as np
import pytest

from synthloom.guards.benchmarks import BenchmarkSource, load_segments
from synthloom.guards.collapse import collapse_alarms
from synthloom.guards.coverage import category_counts, thin_categories
from synthloom.guards.decontam import Decontaminator, DecontamSettings
from synthloom.guards.dedup import find_duplicates
from synthloom.guards.diversity import (
    DiversitySettings,
    distinct_n,
    diversity_metrics,
    mean_pairwise_cosine_distance,
    vendi_from_embeddings,
    vendi_from_kernel,
)
from synthloom.guards.minhash import MinHashSpec, signatures
from synthloom.guards.self_bleu import self_bleu_scores
from synthloom.guards.settings import DedupSettings
from synthloom.guards.text import normalized_words

SUBJECTS = ["the river", "a small bakery", "my grandmother", "the city council", "an old lighthouse", "the orchestra",
            "a chess club", "the volcano", "a wind farm", "the library", "a fishing boat", "the museum guard"]
ACTIONS = ["prepared for the winter storm", "argued about the budget", "painted the walls bright yellow",
           "counted every visitor twice", "lost the keys to the cellar", "hosted a festival by the harbour",
           "planted forty apple trees", "wrote a letter to the newspaper", "repaired the broken clock tower",
           "taught children to sail", "sold bread before sunrise", "measured the rainfall each morning"]


def distinct_texts(count: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    texts = set()
    while len(texts) < count:
        words = [rng.choice(SUBJECTS), rng.choice(ACTIONS), "while", rng.choice(SUBJECTS), rng.choice(ACTIONS),
                 "and then", rng.choice(SUBJECTS), rng.choice(ACTIONS)]
        texts.add(" ".join(words).capitalize() + ".")
    return sorted(texts)


def test_planted_exact_and_near_duplicates_are_found_and_nothing_else():
    texts = distinct_texts(60)
    originals = {}
    # exact duplicates: the same text with other case, punctuation and spacing
    for source in (3, 17, 40):
        originals[len(texts)] = source
        texts.append("  " + texts[source].upper().replace(" ", "\n ").rstrip(".") + " !!")
    # near duplicates: one word changed in a long text
    for source in (5, 22, 51):
        words = texts[source].split()
        words[-1] = "yesterday."
        originals[len(texts)] = source
        texts.append(" ".join(words))
    found = find_duplicates(texts, DedupSettings(threshold=0.7, workers=1))
    assert {d.index: d.duplicate_of for d in found} == originals
    assert [d.method for d in found] == ["exact"] * 3 + ["near"] * 3
    assert all(d.similarity >= 0.7 for d in found)


def test_dedup_keeps_the_first_of_a_group_and_ignores_empty_texts():
    base = "the quick brown fox jumps over the lazy dog near the quiet river bank today"
    texts = ["", base, base + " again", "", base + " again and again"]
    found = {d.index: d for d in find_duplicates(texts, DedupSettings(threshold=0.7, workers=1))}
    assert found[3].duplicate_of == 0 and found[3].method == "exact"  # two empty texts are the same text
    assert found[2].duplicate_of == 1 and found[4].duplicate_of == 1
    assert 1 not in found and 0 not in found


def test_signatures_in_worker_processes_equal_those_made_in_process():
    from synthloom.guards import dedup

    texts = distinct_texts(300)
    spec = MinHashSpec(num_perm=64, shingle_size=3)
    old = dedup.BATCH
    dedup.BATCH = 50  # several batches, so the pool is used
    try:
        parallel = dedup.batched_signatures(texts, spec, workers=2)
    finally:
        dedup.BATCH = old
    assert np.array_equal(parallel, signatures(texts, spec))


def test_minhash_estimates_jaccard_without_bias():
    rng = random.Random(3)
    vocabulary = [f"w{i}" for i in range(5000)]
    errors = []
    for _ in range(200):
        shared = rng.sample(vocabulary, 40)
        a = shared + rng.sample(vocabulary, 20)
        b = shared + rng.sample(vocabulary, 20)
        sigs = signatures([" ".join(a), " ".join(b)], MinHashSpec(num_perm=128, shingle_size=1))
        truth = len(set(a) & set(b)) / len(set(a) | set(b))
        errors.append((sigs[0] == sigs[1]).mean() - truth)
    assert abs(np.mean(errors)) < 0.01  # unbiased
    assert np.std(errors) < 0.06  # close to the ideal sqrt(J(1-J)/128) = 0.043


# -- decontamination ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def humaneval_prompt():
    return next(s.text for s in load_segments(BenchmarkSource.parse("humaneval"))
                if s.item_id == "HumanEval/0" and s.field == "prompt")


def decontaminate(texts, **settings):
    decontaminator = Decontaminator([BenchmarkSource.parse("humaneval")], DecontamSettings(**settings))
    return {hit.index: hit for hit in asyncio.run(decontaminator.find(texts))}


def test_a_verbatim_item_and_a_13_gram_excerpt_are_caught_and_a_clean_item_kept(humaneval_prompt):
    words = humaneval_prompt.split()
    excerpt = " ".join(words[12:25])
    assert len(normalized_words(excerpt)) >= 13
    # the excerpt with its line breaks and spacing changed must still match
    reflowed = "Please solve:\n" + excerpt.replace(" ", "\n  ", 4).upper() + "\nThanks."
    texts = [humaneval_prompt, reflowed, "Write a haiku about the first snowfall in a mountain village."]
    hits = decontaminate(texts, adaptive_n=False)  # n = 13 exactly
    assert set(hits) == {0, 1}
    assert hits[0].item_id == hits[1].item_id == "HumanEval/0" and hits[1].field == "prompt"
    assert hits[1].method == "ngram" and hits[1].evidence["n"] == 13
    assert hits[1].evidence["excerpt"] in " ".join(normalized_words(humaneval_prompt))


def test_twelve_shared_words_are_not_a_13_gram_match(humaneval_prompt):
    words = normalized_words(humaneval_prompt)
    assert decontaminate([" ".join(words[12:24])], adaptive_n=False) == {}


def test_short_benchmarks_get_a_shorter_n(tmp_path):
    bench = tmp_path / "short.jsonl"
    rows = [f'{{"id": "q{i}", "question": "what is the capital city of country number {i} today"}}'
            for i in range(20)]
    bench.write_text("\n".join(rows) + "\n")
    source = BenchmarkSource.parse(f"{bench}:question")
    decontaminator = Decontaminator([source], DecontamSettings())
    assert decontaminator.describe()["n_by_benchmark"] == {"short": 10}  # every item has 10 words
    hits = asyncio.run(decontaminator.find(["Quiz: What is the capital city of country number 7 today?",
                                            "What is the capital city of France?"]))
    assert [(h.index, h.item_id) for h in hits] == [(0, "q7")]


def test_a_rewording_is_caught_on_evidence_and_a_look_alike_is_not():
    with_examples = ("Write a function telling whether two values of a list lie closer together than a limit; "
                     "for [1.0, 2.0, 3.9, 4.0, 5.0, 2.2] with 0.3 it says True.")
    with_code = ("Return the longest of a list of strings, the first on ties, None if empty.\n\n"
                 "def longest_word(ws):\n    if not ws:\n        return None\n    best = ws[0]\n"
                 "    for w in ws:\n        if len(w) > len(best):\n            best = w\n    return best\n")
    look_alike = ("Return the shortest of a list of strings, the last on ties.\n\ndef shortest(ws):\n"
                  "    return min(reversed(ws), key=len)\n")
    bare = "Write a function that tells whether any two numbers in a list are closer to each other than a threshold."
    texts = [with_examples, with_code, look_alike, bare, "Write a poem about the sea and the wind in autumn."]
    assert decontaminate(texts) == {}  # no n-gram in common
    decontaminator = Decontaminator([BenchmarkSource.parse("humaneval")], DecontamSettings(semantic=True))
    hits = {h.index: h for h in asyncio.run(decontaminator.find(texts))}
    assert {i: (h.method, h.item_id) for i, h in hits.items()} == {
        0: ("semantic+literals", "HumanEval/0"), 1: ("semantic+tests", "HumanEval/12")}
    assert "q:1,2,3.9,4,5,2.2" in hits[0].evidence["shared_literals"]
    assert hits[1].evidence["function"] == "longest_word" and "agreed_on_inputs" in hits[1].evidence
    # Without evidence, a bare paraphrase is a near miss, listed with its nearest item to set a threshold by.
    misses = dict(decontaminator.near_misses(10))
    assert misses[3]["item_id"] == "HumanEval/0" and misses[3]["similarity"] > 0.8 and 2 in misses
    assert set(decontaminate([bare], semantic=True, similarity_threshold=0.8)) == {0}


def test_example_pairs_are_read_however_a_text_states_them():
    from synthloom.guards.example_pairs import example_pairs, informative

    def read(text):
        return [(p.function, p.args, p.output) for p in example_pairs(text)]

    assert read(">>> mode([1, 2, 2, 3])\n    2\n>>> mode([5])\n    5\n") == [
        ("mode", "([1, 2, 2, 3],)", "2"), ("mode", "([5],)", "5")]
    assert read("For example, f('ab', 2) should give 'abab'; f('', 3) returns ''.") == [
        ("f", "('ab', 2)", "'abab'"), ("f", "('', 3)", "''")]
    assert read("- g([2, 4, -5]) -> True\nExpected: h(7) == 28. k(1.5) evaluates to 2.5.") == [
        ("g", "([2, 4, -5],)", "True"), ("h", "(7,)", "28"), ("k", "(1.5,)", "2.5")]
    assert read("Q: what is the result of gcd_of(25, 15)?\nA: The result is 5.") == [("gcd_of", "(25, 15)", "5")]
    # Definitions, calls without a stated output, and calls of non-literal arguments are not pairs.
    assert read("def f(x):\n    return f(x - 1)\nCall f(n) on each, then f(3) and more.") == []
    assert not informative("True") and not informative("3") and not informative("[1, 3]")
    assert informative("28") and informative("'abab'") and informative("[0, 2, 3, 5]") and informative("0.25")


def test_stated_examples_name_the_item_they_reproduce_and_rule_out_the_one_they_contradict():
    own_examples = ("Return True when the elements of a list never go down, or never go up, along the list. "
                    "Write it as is_monotone. For example, is_monotone([1, 20, 4, 10]) should give False.")
    new_values = ("List every prefix of a string, from the shortest to the whole string. Call it prefixes_of: "
                  "prefixes_of('xyz') -> ['x', 'xy', 'xyz'].")
    # HumanEval/159's own inputs, with the outputs of another task: its distinctive values, no longer evidence.
    look_alike = ("A rabbit needs `need` more carrots and `remaining` are left; return how many it still lacks "
                  "after eating what it can. carrots_left(5, 6, 10) -> 0, carrots_left(4, 8, 9) -> 0.")
    # Shares a 9-gram with HumanEval/138's prompt, which n-grams alone flag; its examples contradict that item.
    phrase = ("Decide whether n can be written as the sum of exactly three positive odd integers: "
              "sum_of_three_odds(3) -> True, sum_of_three_odds(8) -> False, sum_of_three_odds(11) -> True.")
    texts = [own_examples, new_values, look_alike, phrase]
    assert set(decontaminate(texts)) == {3}
    decontaminator = Decontaminator([BenchmarkSource.parse("humaneval")], DecontamSettings(semantic=True))
    hits = {h.index: h for h in asyncio.run(decontaminator.find(texts))}
    assert {i: (h.method, h.item_id) for i, h in hits.items()} == {
        0: ("semantic+examples", "HumanEval/57"), 1: ("semantic+examples", "HumanEval/14")}
    assert hits[1].evidence["reproduced"] == ["prefixes_of('xyz',) -> ['x', 'xy', 'xyz']"]
    old_rule = Decontaminator([BenchmarkSource.parse("humaneval")], DecontamSettings(semantic=True, pairs=False))
    assert 2 in {h.index for h in asyncio.run(old_rule.find(texts))}  # literal evidence alone took it


def test_a_run_of_small_integers_is_no_n_gram_evidence_but_an_example_list_is():
    texts = ["arr = [1, 2, 3, 4, 5, 6, 7, 8, 9]\nprint(sum(arr))", "check([1.0, 2.8, 3.0, 4.0, 5.0, 2.0], 0.3)"]
    assert {i: h.item_id for i, h in decontaminate(texts).items()} == {1: "HumanEval/0"}


def test_code_passing_weak_tests_must_also_answer_as_the_reference_solution():
    from synthloom.guards.behaviour_match import agreement_with_reference, passes_item_tests
    from synthloom.guards.benchmarks import load_items
    from synthloom.verifiers.code import CodeVerifier

    # Every test of HumanEval/33 (sort the values at indices divisible by three) lists them in
    # descending order, so reversing them passes; the variants of those inputs tell the two apart.
    reverse_thirds = ("def reverse_thirds(l):\n    out = list(l)\n    idx = list(range(0, len(l), 3))\n"
                      "    for i, j in zip(idx, reversed(idx)):\n        out[i] = l[j]\n    return out\n")
    sort_thirds = ("def sort_thirds(l):\n    out = list(l)\n    out[::3] = sorted(l[::3])\n    return out\n")
    item = load_items(BenchmarkSource.parse("humaneval")).tests["HumanEval/33"]

    async def check(code, name):
        passed = await passes_item_tests(CodeVerifier(), code, name, item)
        return passed, await agreement_with_reference(code, name, item)

    async def both():
        return await asyncio.gather(check(reverse_thirds, "reverse_thirds"), check(sort_thirds, "sort_thirds"))

    (reverse_passes, reverse), (sort_passes, sort) = asyncio.run(both())
    assert reverse_passes and sort_passes
    assert sort.compared >= 10 and sort.agreed == sort.compared
    assert reverse.share < DecontamSettings().behaviour_agreement
    texts = ["Reverse the order of the values at indices divisible by three; keep the rest.\n\n" + reverse_thirds,
             "Sort the values at indices divisible by three among themselves; keep the rest.\n\n" + sort_thirds]
    decontaminator = Decontaminator([BenchmarkSource.parse("humaneval")], DecontamSettings(semantic=True))
    hits = asyncio.run(decontaminator.find(texts))
    assert [(h.index, h.item_id, h.method) for h in hits] == [(1, "HumanEval/33", "semantic+tests")]
    assert hits[0].evidence["agreed_on_inputs"] == f"{sort.agreed}/{sort.compared}"
    near = dict(decontaminator.near_misses(5))[0]  # kept, and listed with how far it agreed
    assert near["closest_behaviour"] == "HumanEval/33"
    agreed, compared = map(int, near["agreed_on_inputs"].split("/"))
    assert agreed / compared < DecontamSettings().behaviour_agreement  # screening stops once it cannot reach it


def test_probe_inputs_start_from_the_tests_literals_and_vary_one_argument_at_a_time():
    from synthloom.guards.probe_inputs import probe_inputs, test_inputs

    test = ("def check(candidate):\n    assert candidate([3, 1, 2], 'ab') == 1\n"
            "    assert candidate(make(), 'x')\n    for x in range(3):\n        assert candidate([x], 'c')\n")
    assert test_inputs(test) == [([3, 1, 2], "ab")]  # calls with computed arguments are left out
    inputs = probe_inputs(test)
    assert inputs[0] == ([3, 1, 2], "ab") and len(inputs) == len({repr(a) for a in inputs}) > 10
    assert all(a == [3, 1, 2] or b == "ab" for a, b in inputs)  # one argument changed at a time
    assert any(any(v < 0 for v in a) for a, _ in inputs)  # a sign flipped
    assert ([3, 1, 2], "ba") in inputs and ([2, 1, 3], "ab") in inputs
    assert probe_inputs(test) == inputs  # seeded


def test_literals_count_by_rarity_in_the_benchmark_and_in_ordinary_text():
    from synthloom.guards.benchmarks import load_items
    from synthloom.guards.literal_evidence import LiteralIndex, code_literals, literals

    assert literals("f([1, 2, 3]) == 0 and 'abcd' or 'ab' or 17 or 2.0") == {
        "q:1,2,3", "n:17", "s:abcd", "n:1", "n:2", "n:3", "n:0"}
    # An item's tests are read as code: assertion messages and METADATA are not its values.
    assert code_literals("METADATA = {'dataset': 'test'}\ndef check(c):\n"
                         "    assert c([4.5, 2.25, 8]) == 'x y', 'This prints if this assert fails 1'\n") == {
        "q:4.5,2.25,8", "n:4.5", "n:2.25", "n:8", "s:x y"}
    items = load_items(BenchmarkSource.parse("humaneval"))
    index = LiteralIndex({("humaneval", k): v for k, v in items.texts.items()})
    zero = index.items[("humaneval", "HumanEval/0")]
    assert "q:1,2.8,3,4,5,2" in zero and "n:0.95" in zero  # its own example list and values
    for ordinary in ("n:5", "n:-5", "n:7", "q:1,2,3,4,5", "s:true"):  # small numbers, runs, booleans
        assert index.weight.get(ordinary, 0.0) == 0.0
    # Common in the standard library's text, so weak even where the benchmark has it in few items.
    assert index.weight["s:hello"] < 2.0 < index.weight["n:2.8"]
    ranked = index.ranked(literals("for [1.0, 2.8, 3.0, 4.0, 5.0, 2.0] and 5 or 7"))
    assert ranked[0].item == ("humaneval", "HumanEval/0") and ranked[0].shared[0] == "q:1,2.8,3,4,5,2"


def test_small_numbers_and_a_common_word_do_not_flag_and_shared_examples_need_the_nearer_item():
    # An unrelated task at a fair similarity to HumanEval items, whose examples are values every task uses.
    weak = ("Write a function that returns the number of vowels in a word; for 'hello' it returns 2, "
            "for 'sky' 0, and for -5 or 7 it raises.")
    # HumanEval/0 and /20 share this example list: the description nearer the text decides.
    shared = ("Write a function telling whether two values of a list lie closer together than a limit; "
              "for [1.0, 2.0, 3.9, 4.0, 5.0, 2.2] with 0.3 it says True.")
    hits = decontaminate([weak, shared], semantic=True, behaviour=False)
    assert {i: h.item_id for i, h in hits.items()} == {1: "HumanEval/0"}
    assert hits[1].evidence["runner_up"]["item_id"] == "HumanEval/20"


def test_code_is_extracted_however_it_is_written():
    from synthloom.guards.code_extraction import python_program

    unfenced = ("Return the longest.\n\ndef longest_word(ws):\n    best = ws[0] if ws else None\n"
                "    for w in ws:\n        if len(w) > len(best):\n            best = w\n    return best\n"
                "Example: longest_word(['a', 'bb']) returns 'bb'.\n")
    program = python_program(unfenced)
    assert [f.name for f in program.functions] == ["longest_word"] and "Example" not in program.code
    helper_and_main = ("First a helper:\n\ndef is_p(n):\n    return n > 1 and all(n % d for d in range(2, n))\n\n"
                       "Then the main one, which uses it:\n\n    def count_p(xs):\n"
                       "        return sum(is_p(x) for x in xs)\n")
    assert [f.name for f in python_program(helper_and_main).functions] == ["count_p", "is_p"]
    fenced = "Here:\n```\nimport math\ndef f(a, b=2, *rest):\n    return math.gcd(a, b)\nprint(f(4))\n```\nDone."
    program = python_program(fenced)
    assert program.functions[0].min_args == 1 and program.functions[0].max_args is None
    assert "print" not in program.code and "import math" in program.code  # nothing runs at load
    assert python_program("def stub(x):\n    \"\"\"Doubles x: stub(2) == 4.\"\"\"\n") is None
    assert python_program("```js\nfunction f(x) { return x; }\n```") is None


def test_code_is_tested_against_items_beyond_the_nearest_few():
    # Prose about something else entirely, code that is HumanEval/12's (longest string, first on ties),
    # unfenced and followed by prose: the item is not among the 5 nearest by the prose.
    text = ("Quick utility I use when tidying up the product catalogue before a sale.\n"
            "def pick(names):\n    if not names:\n        return None\n    top = names[0]\n"
            "    for n in names:\n        if len(n) > len(top):\n            top = n\n    return top\n"
            "Example: pick(['mug', 'teapot']) gives 'teapot'. Handy for the sale banner.")
    decontaminator = Decontaminator([BenchmarkSource.parse("humaneval")], DecontamSettings(semantic=True))
    hits = asyncio.run(decontaminator.find([text]))
    assert [(h.item_id, h.method, h.evidence["function"]) for h in hits] == [("HumanEval/12", "semantic+tests", "pick")]
    narrow = Decontaminator([BenchmarkSource.parse("humaneval")],
                            DecontamSettings(semantic=True, behaviour_top_k=5, behaviour_similarity=0.5))
    assert asyncio.run(narrow.find([text])) == []  # the old reach: 5 nearest, at 0.5


def test_one_generic_line_of_a_reference_solution_is_not_a_copy():
    generic = "def evens(n):\n    return [n + 2 * i for i in range(n)]\n"  # HumanEval/100's whole solution
    assert decontaminate([generic], adaptive_n=False, n=9, min_n=9) == {}
    solution = next(s.text for s in load_segments(BenchmarkSource.parse("humaneval"))
                    if s.item_id == "HumanEval/129" and s.field == "canonical_solution")
    assert decontaminate([solution])[0].item_id == "HumanEval/129"


def test_a_judge_decides_semantic_candidates_once_it_passes_its_calibration():
    from synthloom.guards.judge_calibration import calibration_pairs

    paraphrase = "Given a list of floats and a threshold, say if some pair of the numbers differ by less than it."
    known = {(p["first"], p["second"]): p["same"] for p in calibration_pairs()}
    asked = []

    async def judge(text, benchmark_text):  # right on the calibration pairs; on the rest, by one word
        if (text, benchmark_text) in known:
            return known[(text, benchmark_text)]
        asked.append(benchmark_text)
        return "threshold" in benchmark_text

    decontaminator = Decontaminator([BenchmarkSource.parse("humaneval")],
                                    DecontamSettings(semantic=True, judge_threshold=0.5))
    hits = asyncio.run(decontaminator.find([paraphrase], judge))
    assert decontaminator.calibration.trusted and decontaminator.calibration.balanced_accuracy == 1.0
    assert asked and hits[0].method == "semantic+judge" and hits[0].item_id == "HumanEval/0"


def test_a_judge_that_always_says_same_is_not_trusted():
    async def yes_man(text, benchmark_text):
        return True

    clean = "Return the shortest string of a list, the last one on ties."
    decontaminator = Decontaminator([BenchmarkSource.parse("humaneval")], DecontamSettings(semantic=True))
    assert asyncio.run(decontaminator.find([clean], yes_man)) == []  # it would have confirmed HumanEval/12
    calibration = decontaminator.calibration
    assert not calibration.trusted and calibration.to_dict()["different_pairs_right"] == "0/6"
    assert "NOT trusted" in calibration.describe()


def test_a_missing_benchmark_field_is_one_clear_error(tmp_path):
    from synthloom.errors import UserError

    bench = tmp_path / "b.jsonl"
    bench.write_text('{"q": "a question"}\n')
    with pytest.raises(UserError, match="no field 'question'.*its fields: q"):
        load_segments(BenchmarkSource.parse(f"{bench}:question"))


# -- diversity ------------------------------------------------------------------------------------

def test_distinct_n_on_a_known_case():
    texts = ["the cat sat", "the cat ran"]
    assert distinct_n(texts, 1) == pytest.approx(4 / 6)  # the, cat, sat, ran of 6 words
    assert distinct_n(texts, 2) == pytest.approx(3 / 4)  # "the cat" twice
    assert distinct_n(texts, 3) == pytest.approx(2 / 2)


def test_vendi_score_known_cases():
    assert vendi_from_kernel(np.ones((4, 4))) == pytest.approx(1.0)
    assert vendi_from_kernel(np.eye(4)) == pytest.approx(4.0)
    assert vendi_from_kernel(np.array([[1, .9, 0], [.9, 1, 0], [0, 0, 1]])) == pytest.approx(2.1573, abs=1e-4)
    # the same through embeddings: n copies of one unit vector, n orthonormal vectors
    assert vendi_from_embeddings(np.tile([[0.6, 0.8]], (5, 1))) == pytest.approx(1.0)
    assert vendi_from_embeddings(np.eye(6)) == pytest.approx(6.0)


def test_mean_pairwise_cosine_distance():
    assert mean_pairwise_cosine_distance(np.tile([[1.0, 0.0]], (4, 1))) == pytest.approx(0.0)
    assert mean_pairwise_cosine_distance(np.eye(3)) == pytest.approx(1.0)


def test_self_bleu_matches_nltk():
    from nltk.translate.bleu_score import SmoothingFunction, sentence_bleu

    rng = random.Random(0)
    vocabulary = [f"w{i}" for i in range(25)]
    texts = [[rng.choice(vocabulary) for _ in range(rng.randint(1, 14))] for _ in range(30)]
    texts += [list(texts[2]), ["unique"]]
    smoothing = SmoothingFunction().method1
    expected = [sentence_bleu([t for j, t in enumerate(texts) if j != i], texts[i], smoothing_function=smoothing)
                for i in range(len(texts))]
    assert self_bleu_scores(texts) == pytest.approx(expected, abs=1e-12)


def test_diversity_falls_when_texts_repeat():
    varied = distinct_texts(30)
    repetitive = [varied[0]] * 20 + varied[:10]
    settings = DiversitySettings(embeddings=False)
    a, b = diversity_metrics(varied, settings), diversity_metrics(repetitive, settings)
    assert b["distinct_2"] < a["distinct_2"] and b["self_bleu"] > a["self_bleu"]
    assert b["rouge_l_mean"] > a["rouge_l_mean"]


# -- coverage and collapse -------------------------------------------------------------------------

def test_coverage_flags_an_empty_category():
    counts = category_counts(["math"] * 6 + ["code"] * 2 + ["poetry"] * 9, expected=["math", "code", "history"])
    thin = {t.category: t.reason for t in thin_categories(counts, min_count=3)}
    assert counts["history"] == 0
    assert thin == {"history": "empty", "code": "below min_count"}


def test_the_collapse_alarm_fires_on_a_narrowing_sequence():
    rng = random.Random(1)
    vocabulary = [f"word{i}" for i in range(400)]
    by_generation = {}
    for generation in range(5):
        words = vocabulary[: max(400 // (3 ** generation), 6)]  # each generation draws from fewer words
        texts = [" ".join(rng.choice(words) for _ in range(12)) for _ in range(40)]
        by_generation[generation] = diversity_metrics(texts, DiversitySettings(embeddings=False))
    alarms = collapse_alarms(by_generation, ["distinct_2", "self_bleu"], max_loss=0.2)
    assert alarms and {a.generation for a in alarms} >= {3, 4}
    assert all(a.loss > 0.2 for a in alarms)
    steady = {g: by_generation[0] for g in range(4)}
    assert collapse_alarms(steady, ["distinct_2", "self_bleu"], 0.2) == []
