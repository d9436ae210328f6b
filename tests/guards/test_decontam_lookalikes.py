"""Look-alikes of a HumanEval item (its name, signature, examples or loop, another task) are not flagged;
the rewordings beside them still are (issue 26)."""

from __future__ import annotations

import asyncio

from synthloom.guards.benchmarks import BenchmarkSource
from synthloom.guards.decontam import Decontaminator, DecontamSettings
from synthloom.guards.ngram_overlap import indexed_text


def decontaminate(texts: list[str], **settings) -> tuple[dict, Decontaminator]:
    decontaminator = Decontaminator([BenchmarkSource.parse("humaneval")], DecontamSettings(**settings))
    return {hit.index: hit for hit in asyncio.run(decontaminator.find(texts))}, decontaminator


def test_a_signature_and_imports_are_no_n_gram_evidence_but_the_docstring_is():
    assert indexed_text("from typing import List\n\n\ndef f(x: List[int]) -> int:\n    \"\"\"Doc.\"\"\"\n") \
        .split() == ['"""Doc."""']
    signature = "from typing import List, Tuple\n\n\ndef sum_product(numbers: List[int]) -> Tuple[int, int]:\n"
    look_alike = signature + '    """Return the smallest and the largest of the numbers, as a tuple."""\n'
    copy = signature + ('    """ For a given list of integers, return a tuple consisting of a sum and a product of '
                        'all the integers in a list.\n')
    hits, _ = decontaminate([look_alike, copy])
    assert set(hits) == {1} and hits[1].item_id == "HumanEval/8"


def test_a_few_lines_shared_with_a_reference_solution_are_not_a_copy():
    # HumanEval/71's triangle check, then another task (the semi-perimeter): five of its 9-grams, no copy.
    look_alike = ("def semi_perimeter(a, b, c):\n    if a + b <= c or a + c <= b or b + c <= a:\n        return -1\n"
                  "    s = (a + b + c) / 2\n    return s\n")
    copy = ("def area(a, b, c):\n    if a + b <= c or a + c <= b or b + c <= a:\n        return -1 \n"
            "    s = (a + b + c)/2    \n    area = (s * (s - a) * (s - b) * (s - c)) ** 0.5\n"
            "    area = round(area, 2)\n    return area\n")
    # HumanEval/3's whole solution has three n-grams in the index: sharing all three is a copy.
    short_copy = ("def f(operations):\n    balance = 0\n\n    for op in operations:\n        balance += op\n"
                  "        if balance < 0:\n            return True\n\n    return False\n")
    hits, _ = decontaminate([look_alike, copy, short_copy])
    assert set(hits) == {1, 2}
    assert (hits[1].item_id, hits[2].item_id) == ("HumanEval/71", "HumanEval/3")


def test_behaviour_under_another_items_name_names_no_item():
    # `len` under HumanEval/90's name and signature passes strlen's (HumanEval/23's) tests: the
    # text names one item and behaves as another, so it is not flagged; strlen renamed still is.
    look_alike = ('def next_smallest(lst):\n    """Given the list, return how many elements it holds."""\n'
                  '    return len(lst)\n')
    renamed = ('def text_size(string: str) -> int:\n    """Give back how many characters the given string has."""\n'
               '    return len(string)\n')
    hits, decontaminator = decontaminate([look_alike, renamed], semantic=True)
    assert set(hits) == {1} and hits[1].item_id == "HumanEval/23"
    abstained = decontaminator.closest[0].get("abstained")
    assert abstained is not None and abstained["function_is_entry_point_of"] == "HumanEval/90"


def test_code_that_differs_from_the_reference_vetoes_the_items_examples():
    # HumanEval/52's own examples, under a different task whose code happens to agree on them ("all
    # below t, in ascending order"): the code, not the example lines it shares, says which task it is.
    examples = ("    >>> below_threshold([1, 2, 4, 10], 100)\n    True\n"
                "    >>> below_threshold([1, 20, 4, 10], 5)\n    False\n")
    look_alike = ('def below_threshold(l: list, t: int):\n    """True when the numbers of l are in ascending order '
                  'and all under t.\n' + examples + '    """\n'
                  '    return all(e < t for e in l) and all(a <= b for a, b in zip(l, l[1:]))\n')
    leak = ('def under(l: list, t: int):\n    """True when every number of l stays under t.\n' + examples +
            '    """\n    return all(e < t for e in l)\n')
    hits, _ = decontaminate([look_alike, leak], semantic=True)
    assert set(hits) == {1} and hits[1].item_id == "HumanEval/52"
