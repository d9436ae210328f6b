"""Self-Instruct's filters and parsing, and Evol-Instruct's elimination rules, on hand-made cases."""

from __future__ import annotations

import random

import pytest
from rouge_score import rouge_scorer

from synthloom.errors import UserError
from synthloom.steps.techniques.evol_instruct import prompt_text
from synthloom.steps.techniques.self_instruct import OUTPUT_FIRST, prompt_examples
from synthloom.techniques.evol_filters import (
    copies_template_words,
    is_only_punctuation_and_stop_words,
    is_refusal,
    judge_says_equal,
    shares_prompt_run,
)
from synthloom.techniques.instruction_filters import Instance, InstructionFilter, clean_instances, count_reasons
from synthloom.techniques.rouge import RougeNoveltyIndex, rouge_tokens
from synthloom.techniques.seeds import load_seed_tasks
from synthloom.techniques.self_instruct_parsing import (
    compose_examples,
    parse_input_first,
    parse_numbered_tasks,
    parse_output_first,
    parse_yes_no,
)
from synthloom.templates import load_template, render


def test_rouge_l_rejects_a_near_copy_and_keeps_a_new_task():
    index = RougeNoveltyIndex(0.7)
    index.add("Write a short poem about the ocean at night.")
    copy_kept, copy = index.add_if_novel("Write a short poem about the ocean at midnight.")
    new_kept, _ = index.add_if_novel("List three ways to save energy in the kitchen.")
    assert not copy_kept and copy.score > 0.7 and copy.nearest == 0
    assert new_kept and len(index) == 2


def test_rouge_l_decisions_and_scores_match_rouge_score_exactly():
    scorer = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=False)
    rng = random.Random(3)
    words = "write a poem about the sea sky explain why how list three tips for cooking rice".split()
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(2, 9))) for _ in range(300)]
    texts += ["Hello, World!", "naïve café", "", "??"]
    index, pool = RougeNoveltyIndex(0.7), []
    for text in texts:
        assert rouge_tokens(text) == scorer._tokenizer.tokenize(text)
        reference = max((scorer.score(text, p)["rougeL"].fmeasure for p in pool), default=0.0)
        kept, match = index.add_if_novel(text)
        assert kept == (reference <= 0.7)
        if reference > 0.7:
            assert match.score == reference  # bit for bit: the same float operations
        if kept:
            pool.append(text)
    assert 0 < len(pool) < len(texts)


@pytest.mark.parametrize("instruction, reason", [
    ("Describe the images in this article.", "blacklisted_word"),
    ("Plot the sales figures over time for me.", "blacklisted_word"),
    ("Please go to the website and summarise it.", "blacklisted_word"),
    ("Write a program that sorts a list of numbers.", "banned_prefix"),
    ("Summarise it now.", "too_short"),
    ("- List three colours of the rainbow.", "starts_with_punctuation"),
    ("Écris un poème sur la mer ce soir.", "starts_non_ascii"),
    (" ".join(["word"] * 151), "too_long"),
])
def test_instruction_filter_drops(instruction, reason):
    assert InstructionFilter().reason_to_drop(instruction) == reason


def test_instruction_filter_matches_whole_words_only():
    keep = InstructionFilter()
    assert keep.reason_to_drop("Imagine a world where everyone can fly.") is None  # not "image"
    assert InstructionFilter(blacklist=("poem",)).reason_to_drop("Write a poem about winter rain.") == \
        "blacklisted_word"


def test_instance_filters():
    kept, dropped = clean_instances([
        Instance("2 + 2", "4"), Instance("2 + 2", "4"),  # duplicate
        Instance("", ""),  # empty output
        Instance("hello", "hello"),  # output equals input
        Instance("Translate:", "ok"),  # ends with a colon: cut off
        *[Instance(f"{i} + 1", str(i + 1)) for i in range(3, 9)],
    ], max_instances=5)
    assert len(kept) == 5 and kept[0] == Instance("2 + 2", "4")
    assert count_reasons(dropped) == {"duplicate_instance": 1, "empty_output": 1, "output_equals_input": 1,
                                      "ends_with_colon": 1, "over_max_instances": 2}


def test_a_task_whose_input_has_two_outputs_is_dropped_whole():
    kept, dropped = clean_instances([Instance("Is 7 prime?", "yes"), Instance("Is 7 prime?", "no"),
                                     Instance("Is 8 prime?", "no")])
    assert kept == [] and count_reasons(dropped) == {"same_input_different_outputs": 3}


def test_instances_copied_from_the_prompt_are_dropped_but_real_labels_are_not():
    shown = prompt_examples(OUTPUT_FIRST, parse_output_first)
    kept, dropped = clean_instances([
        Instance("The food was delicious and the staff were friendly.", "positive"),  # the prompt's example
        Instance("Task: Classify the sentiment of the review as positive or negative.", "positive"),
        Instance("Best concert of my life!", "positive"),
    ], prompt_examples=shown)
    assert kept == [Instance("Best concert of my life!", "positive")]
    assert count_reasons(dropped) == {"copies_prompt_example": 2}


def test_prompt_composition_is_six_seeds_and_two_generated_shuffled():
    seeds, generated = [f"seed {i}" for i in range(20)], [f"new {i}" for i in range(5)]
    picks = compose_examples(random.Random(0), seeds, generated, total=8, from_generated=2)
    assert len(picks) == 8 and len(set(picks)) == 8
    assert sum(source == "generated" for source, _ in picks) == 2
    assert sum(source == "seed" for source, _ in picks) == 6
    assert picks != sorted(picks)  # shuffled, not seeds-then-generated
    early = compose_examples(random.Random(0), seeds, generated[:1], total=8, from_generated=2)
    assert sum(source == "seed" for source, _ in early) == 7  # seeds fill in while few are generated
    assert compose_examples(random.Random(5), seeds, generated) == compose_examples(random.Random(5), seeds,
                                                                                   generated)
    prompt = render(load_template("self_instruct_generate"),
                    {"examples": [seeds[i] if s == "seed" else generated[i] for s, i in picks], "max_new": 4})
    assert all(f"{n}. " in prompt for n in range(1, 9)) and "from 9 to 12" in prompt


def test_classification_instances_are_written_label_first():
    prompt = render(load_template(OUTPUT_FIRST), {"instruction": "Is the number odd or even?"})
    assert prompt.index("Class label:") < prompt.index("Input:")
    reply = "Class label: odd\nInput: 7\nClass label: even\nInput: 10"
    assert parse_output_first(reply) == [Instance("7", "odd"), Instance("10", "even")]
    assert parse_input_first("Example 1\nInput: 3 cats\nOutput: three cats") == [Instance("3 cats", "three cats")]


def test_numbered_list_parsing_drops_a_task_cut_off_by_the_length_limit():
    text = "9. Name a river in Africa.\n10) 2. Explain how tides work.\n11. Write a haiku about"
    assert parse_numbered_tasks(text, truncated=False)[0][1] == "Explain how tides work."
    tasks, dropped = parse_numbered_tasks(text, truncated=True)
    assert tasks == ["Name a river in Africa.", "Explain how tides work."] and dropped == 1


def test_yes_no_from_logprobs_beats_the_text():
    logprobs = [{"token": "The", "logprob": -1.0, "top": {"The": -1.0, " Yes": -2.0, "No": -3.5}}]
    assert parse_yes_no("The answer is no", logprobs) is True
    assert parse_yes_no("1. No") is False and parse_yes_no("maybe") is None


def test_evol_elimination_rules():
    assert is_refusal("I'm sorry, but I cannot answer that question.")
    assert not is_refusal("Sorry for the wait! " + "Here is a long and detailed answer. " * 20)
    assert is_only_punctuation_and_stop_words("... and the, of!")
    assert not is_only_punctuation_and_stop_words("It is 42.")
    assert copies_template_words("#Rewritten Prompt#: explain tides", ["rewritten prompt", "#rewritten"])
    own = prompt_text("evol_in_depth", {"method": "Add one more constraint or requirement."})
    assert shares_prompt_run("Rewrite instructions for an AI assistant so that they become harder to answer", own)
    assert not shares_prompt_run("Explain how tides work, citing two physical laws in your answer.", own)
    assert judge_says_equal("Equal") is True and judge_says_equal("Not Equal") is False
    assert judge_says_equal("", [{"top": {"Not": -0.5, "Equal": -1.0}}]) is False


def test_builtin_seed_pool():
    seeds = load_seed_tasks()
    assert len(seeds) >= 150
    assert len({s.category for s in seeds}) >= 10
    assert sum(s.is_classification for s in seeds) >= 15
    assert len({s.instruction for s in seeds}) == len(seeds)


def test_user_seed_file_is_accepted_and_a_malformed_one_names_the_line(tmp_path):
    good = tmp_path / "seeds.jsonl"
    good.write_text('{"id": "t1", "instruction": "Name a fruit.", "instances": [{"input": "", "output": "Apple"}],'
                    ' "is_classification": false}\n\n'
                    '{"instruction": "Is it a vowel?", "instances": [{"input": "a", "output": "yes"}],'
                    ' "is_classification": true}\n')
    tasks = load_seed_tasks(good)
    assert [t.id for t in tasks] == ["t1", "seed_3"] and tasks[1].is_classification
    bad = tmp_path / "bad.jsonl"
    bad.write_text(good.read_text() + '{"instruction": "Count.", "instances": [{"input": "x"}], '
                   '"is_classification": false}\n')
    with pytest.raises(UserError, match=r"bad.jsonl:4: instances\[0\] needs an \"output\" string"):
        load_seed_tasks(bad)
    bad.write_text('{"instruction": "Count.", "instances": [{"output": "1"}]}\n')
    with pytest.raises(UserError, match="bad.jsonl:1: \"is_classification\" must be true or false"):
        load_seed_tasks(bad)
