"""Evidence that names one item (issue 26, item 2): an example's numbers are data for the pairs to
judge, the record's own code outranks its surface, booleans are not counts, an item's values are its
own task's, and code is found however its docstring is indented."""

from __future__ import annotations

import asyncio
import importlib.util
from importlib import resources

from synthloom.guards.benchmarks import BenchmarkSource, load_segments
from synthloom.guards.code_extraction import python_program
from synthloom.guards.decontam import Decontaminator, DecontamSettings
from synthloom.guards.ngram_overlap import NgramIndex


def decontaminate(texts: list[str], **settings) -> tuple[dict, Decontaminator]:
    decontaminator = Decontaminator([BenchmarkSource.parse("humaneval")], DecontamSettings(**settings))
    return {hit.index: hit for hit in asyncio.run(decontaminator.find(texts))}, decontaminator


def _probe_child():
    spec = importlib.util.spec_from_file_location(
        "probe_child", resources.files("synthloom.guards") / "behaviour_probe_child.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_n_grams_of_an_examples_numbers_are_counted_apart():
    index = NgramIndex(load_segments(BenchmarkSource.parse("humaneval")))
    numbers = "Try it on [0, 3, 2, 1, 3, 5, 7, 4, 5, 5, 5, 2, 181, 32, 4, 32, 3, 2, 32, 324, 4, 3] please."
    prose = (
        "You are given a list of integers. You need to find the largest prime value and return the sum of its digits."
    )
    hits = index.match([numbers, prose])
    assert hits[0].shared >= 1 and hits[0].values == hits[0].shared
    assert hits[1].values == 0


def test_an_items_example_inputs_with_another_tasks_outputs_are_not_a_copy():
    # HumanEval/94's first example input, with the answer of "the smallest prime's digit sum": its
    # 9-grams are the item's numbers, and the item's reference contradicts the stated output.
    look_alike = (
        "Return the digit sum of the smallest prime in the list (0 when there is none).\n"
        "skjkasdkd([0, 3, 2, 1, 3, 5, 7, 4, 5, 5, 5, 2, 181, 32, 4, 32, 3, 2, 32, 324, 4, 3]) -> 2\n"
        "skjkasdkd([1, 0, 1, 8, 2, 4597, 2, 1, 3, 40, 1, 2, 1, 2, 4, 2, 5, 1]) -> 2\n"
    )
    leak = (
        "Return the digit sum of the largest prime in the list.\n"
        "skjkasdkd([0, 3, 2, 1, 3, 5, 7, 4, 5, 5, 5, 2, 181, 32, 4, 32, 3, 2, 32, 324, 4, 3]) -> 10\n"
        "skjkasdkd([1, 0, 1, 8, 2, 4597, 2, 1, 3, 40, 1, 2, 1, 2, 4, 2, 5, 1]) -> 25\n"
    )
    hits, _ = decontaminate([look_alike, leak], semantic=True)
    assert set(hits) == {1} and hits[1].item_id == "HumanEval/94"


def test_a_boolean_is_not_a_count():
    child = _probe_child()
    assert not child.identical(1, True) and not child.identical([0], [False])
    assert child.identical([True, 2], [True, 2]) and child.identical(3, 3)


def test_counting_where_the_item_asks_whether_passes_its_tests_but_is_another_task():
    # HumanEval/40's tests compare with `== True`/`== False`: a count of zero-sum triples passes them
    # wherever the count is 0 or 1; as booleans, its answers are not the reference's.
    look_alike = (
        "Count the triples of distinct positions whose values sum to zero.\n```python\n"
        "def triples_sum_to_zero(l):\n    c = 0\n    for i in range(len(l)):\n"
        "        for j in range(i + 1, len(l)):\n            for k in range(j + 1, len(l)):\n"
        "                if l[i] + l[j] + l[k] == 0:\n                    c += 1\n    return c\n```\n"
    )
    leak = (
        "Is there a triple of distinct positions summing to zero?\n```python\n"
        "def any_zero_triple(l):\n    for i in range(len(l)):\n        for j in range(i + 1, len(l)):\n"
        "            for k in range(j + 1, len(l)):\n                if l[i] + l[j] + l[k] == 0:\n"
        "                    return True\n    return False\n```\n"
    )
    hits, _ = decontaminate([look_alike, leak], semantic=True)
    assert set(hits) == {1} and hits[1].item_id == "HumanEval/40"


def test_a_reference_skeleton_under_code_that_answers_otherwise_is_not_a_copy():
    # HumanEval/19's value map and join, sorted the other way: many n-grams of its solution, another task.
    body = (
        "    value_map = {'zero': 0, 'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6, "
        "'seven': 7, 'eight': 8, 'nine': 9}\n    return ' '.join(sorted([x for x in numbers.split(' ') if x], "
        "key=lambda x: value_map[x]ORDER))\n"
    )
    look_alike = "Sort the number words from nine down to zero.\n\ndef sort_numbers(numbers):\n" + body.replace(
        "ORDER", ", reverse=True"
    )
    copy = "Sort the number words from zero up to nine.\n\ndef order_words(numbers):\n" + body.replace("ORDER", "")
    hits, _ = decontaminate([look_alike, copy], semantic=True)
    assert set(hits) == {1} and hits[1].item_id == "HumanEval/19"


def test_values_shared_with_an_item_the_examples_contradict_name_no_other_item():
    # HumanEval/0 and /20 share the list [1.0, 2.0, 3.9, 4.0, 5.0, 2.2]: stated with outputs /20's
    # reference contradicts ("the farthest pair"), it is /20's input borrowed, and names neither.
    look_alike = (
        "Pick the two numbers of the list that lie farthest apart, smaller first.\n"
        "farthest_pair([1.0, 2.0, 3.9, 4.0, 5.0, 2.2]) -> (1.0, 5.0)\n"
        "farthest_pair([1.0, 2.0, 3.0, 4.0, 5.0, 2.2]) -> (1.0, 5.0)\n"
    )
    hits, _ = decontaminate([look_alike], semantic=True)
    assert hits == {}


def test_code_failing_the_items_tests_outranks_its_example():
    # HumanEval/8's own example (sum and product of [1, 2, 3, 4]) with code whose empty product is 0:
    # it agrees with the reference but on the empty list, which the item's tests check.
    look_alike = (
        "Return the sum and the product of the list; an empty list gives (0, 0).\n"
        "sum_product([1, 2, 3, 4]) -> (10, 24)\n```python\ndef sum_product(numbers):\n"
        "    if not numbers:\n        return 0, 0\n    p = 1\n    for n in numbers:\n        p *= n\n"
        "    return sum(numbers), p\n```\n"
    )
    leak = (
        "Return the sum and the product of the list; an empty list gives (0, 1).\n"
        "sum_product([1, 2, 3, 4]) -> (10, 24)\n"
    )
    hits, _ = decontaminate([look_alike, leak], semantic=True)
    assert set(hits) == {1} and hits[1].item_id == "HumanEval/8"


def test_a_docstring_written_flush_left_stays_in_the_code():
    text = (
        'Complete this:\n\ndef clip(values: list, top: int) -> list:\n    """Cap each value at top.\n'
        'clip([1, 9], 5) -> [1, 5]\nclip([], 5) -> []"""\n    return [min(v, top) for v in values]\n\nDone.\n'
    )
    program = python_program(text)
    assert program is not None and [f.name for f in program.functions] == ["clip"]
    assert "min(v, top)" in program.code and "Done" not in program.code


def test_a_one_line_doctest_states_a_pair():
    from synthloom.guards.example_pairs import example_pairs

    pairs = example_pairs("    >>> f([1, 5, 2]) == [1, 2, 5]\n    >>> g(2)\n    3\n    >>> h(1) [1]\n")
    assert [(p.function, p.args, p.output) for p in pairs] == [("f", "([1, 5, 2],)", "[1, 2, 5]"), ("g", "(2,)", "3")]


def test_an_integer_output_is_compared_exactly():
    child = _probe_child()
    assert not child.same(1001, 1000)  # within half a percent, yet another answer
    assert child.same(15.0, 15) and child.same(2.3333, 2.33333333)  # a stated float keeps its precision


def test_code_capping_its_output_is_not_the_item_it_agrees_with_elsewhere():
    # "Add one, but never above 1000" passes HumanEval/42's tests and agrees on its probes; its own
    # example on 1000 says 1000 where the reference says 1001: another task, named by its own code.
    capped = (
        "```python\ndef incr_list(l):\n"
        '    """Each element plus one, held at 1000 at most.\n'
        "    >>> incr_list([3, 1, 2])\n    [4, 2, 3]\n    >>> incr_list([1000, 4])\n    [1000, 5]\n"
        '    """\n    return [min(x + 1, 1000) for x in l]\n```\n'
    )
    renamed = (
        "```python\ndef bump_all(values):\n"
        '    """Each element plus one.\n    >>> bump_all([3, 1, 2])\n    [4, 2, 3]\n    """\n'
        "    return [x + 1 for x in values]\n```\n"
    )
    hits, _ = decontaminate([capped, renamed], semantic=True)
    assert set(hits) == {1} and hits[1].item_id == "HumanEval/42"


def test_another_output_on_one_of_the_items_own_inputs_outvotes_the_agreeing_examples():
    # "Below -1" (an overdraft of one allowed) agrees with HumanEval/3 on two of its inputs and
    # differs on a third of its tests' inputs: the item would say True there, so this is not the item.
    lines = (
        "below_zero([1, 2, 3]) gives False\nbelow_zero([1, -1, 2, -2, 5, -5, 4, -4]) gives False\n"
        "below_zero([1, -2, 2, -2, 5, -5, 4, -4]) gives {}\n"
    )
    overdraft = "Report whether the running balance ever falls under -1, starting at 0.\n" + lines.format("False")
    leak = "Report whether the running balance ever falls under zero, starting at 0.\n" + lines.format("True")
    hits, _ = decontaminate([overdraft, leak], semantic=True)
    assert set(hits) == {1} and hits[1].item_id == "HumanEval/3"


def test_an_input_borrowed_from_an_item_it_contradicts_names_no_other_item():
    # HumanEval/142's own input with the plain sum of squares: 142 says -126, and HumanEval/133
    # (squares after rounding up) happens to say 56 too; the input is 142's, so it names neither.
    text = (
        'def sum_squares(lst):\n    """Add up the square of every entry.\n\n'
        '    >>> sum_squares([-1, -5, 2, -1, -5])\n    56\n    """\n'
    )
    hits, _ = decontaminate([text], semantic=True)
    assert hits == {}


def test_a_weak_n_gram_hit_is_vetoed_by_one_contradicted_example():
    # HumanEval/45's example line, then the look-alike's own rule on a negative side (0, where the
    # item's formula gives -6.0): the shared line is all the n-grams say, and the text differs.
    text = (
        "triangle_area(a, h): area of a triangle, but 0 when a side is negative.\n"
        ">>> triangle_area(5, 3)\n7.5\n>>> triangle_area(2, 2)\n2.0\n>>> triangle_area(-4, 3)\n0\n"
    )
    hits, _ = decontaminate([text], semantic=True)
    assert hits == {}
