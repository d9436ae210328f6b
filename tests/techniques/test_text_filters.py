"""The filters against what a reader rejects: real SmolLM2-135M replies to Self-Instruct's prompts
(captured with `synthloom generate` on the bundled model, temperature 0.7, seed 5: tests/data), and the
failure shapes seen on unseen data (issue 14), each counted under its own reason."""

from __future__ import annotations

import orjson

from synthloom.steps.techniques.evol_instruct import EvolInstructStepConfig
from synthloom.steps.techniques.self_instruct import INPUT_FIRST, prompt_examples
from synthloom.techniques.evol_filters import copies_template_words
from synthloom.techniques.instruction_filters import (
    Instance,
    InstructionFilter,
    clean_instances,
    count_reasons,
    instance_reason_to_drop,
)
from synthloom.techniques.seeds import load_seed_tasks
from synthloom.techniques.self_instruct_parsing import parse_input_first
from synthloom.techniques.text_quality import (
    is_not_language,
    is_repetition_loop,
    is_unfinished,
    nearly_same,
    needs_missing_input,
    repeats_text,
    still_answers,
    strip_numbering,
)
from tests.paths import TESTS

REPLIES = [orjson.loads(line) for line in (TESTS / "data" / "smollm2_self_instruct_replies.jsonl")
           .read_bytes().splitlines()]
EVOL_MARKERS = EvolInstructStepConfig(step="evol_instruct").copy_markers


def cleaned(reply: dict) -> tuple[list[Instance], dict[str, int]]:
    shown = prompt_examples(INPUT_FIRST, parse_input_first)
    kept, dropped = clean_instances(parse_input_first(reply["reply"]), 5, shown, reply["instruction"])
    return kept, count_reasons(dropped)


def test_real_replies_that_reuse_the_prompts_worked_example_are_dropped():
    instances = [r for r in REPLIES if r["kind"] == "instances"]
    copies = 0
    for reply in instances:
        kept, reasons = cleaned(reply)
        copies += reasons.get("copies_prompt_example", 0)
        # The worked example converts Celsius to Fahrenheit; no kept instance of another task may reuse it.
        if "fahrenheit" not in reply["instruction"].lower():
            assert not [k for k in kept if "fahrenheit" in (k.input + k.output).lower()], reply["instruction"]
    assert copies >= 8
    by_task = {r["instruction"]: cleaned(r) for r in instances}
    kept, reasons = by_task["Decide whether the conclusion follows logically from the premises, and explain."]
    assert kept == [] and reasons == {"copies_prompt_example": 1}  # "72 degrees Fahrenheit"


def test_real_replies_keep_what_a_reader_would_keep():
    kept, reasons = cleaned(next(r for r in REPLIES if r["instruction"].startswith("Write a short dialogue")))
    assert [k.input for k in kept] == ['"How did you make the new seasonal drink?"']
    assert reasons == {"ends_with_colon": 1}  # the second example stopped at "Output:"


def test_echoed_prompt_lines_and_inputs_copied_to_outputs():
    task = "Classify the sentiment of the sentence."
    kept, dropped = clean_instances([
        Instance("Task: Classify the sentiment of the sentence.", "positive"),  # the prompt's own line
        Instance("I loved it", "negative"),
        Instance('"Paris is big."', "paris is big"),  # output = input but for quotes and case
        Instance(task, "positive"),  # the instruction itself as the input
    ], instruction=task)
    assert kept == [Instance("I loved it", "negative")]
    assert count_reasons(dropped) == {"echoes_prompt_line": 2, "output_equals_input": 1}


def test_loops_and_gibberish():
    loop = "The market is busy. " + "It smells of all sorts of food. " * 6
    assert is_repetition_loop(loop) and is_repetition_loop("Bloom\nBloom\nBloom\nthe end")
    assert not is_repetition_loop("Rayleigh scattering sends more blue light across the sky than red light.")
    assert is_not_language("qzx vbnm krtp wqsd fghj lkmn") and is_not_language("@@ ## $$ %% ^^ && ** !! ~~ ++")
    assert not is_not_language("The quick brown fox jumps over the lazy dog twice.")
    assert not is_not_language("def add(a, b):\n    return a + b")  # code is judged elsewhere
    kept, dropped = clean_instances([Instance("", loop), Instance("", "qzx vbnm krtp wqsd fghj lkmn pq")])
    assert kept == [] and count_reasons(dropped) == {"repetition_loop": 1, "not_language": 1}
    assert InstructionFilter().reason_to_drop("Xkq zvbn wrtp lkjh mnbv") == "not_language"


def test_leftover_numbering_is_removed_from_tasks():
    assert strip_numbering("Task 1: Sort a list of names.") == "Sort a list of names."
    assert strip_numbering("3) Write a haiku.") == "Write a haiku."
    assert strip_numbering("Instruction #12 - Explain tides.") == "Explain tides."
    assert strip_numbering("10 ways to save water") == "10 ways to save water"  # a number that belongs


def test_evolutions_equal_to_their_parent_and_the_rewriting_prompts_words():
    parent = "Explain how a rainbow forms."
    assert nearly_same("Explain how a rainbow forms!", parent)
    assert not nearly_same("Explain how a rainbow forms, using the angles of refraction in a water drop.", parent)
    for slipped in ("Instructions to rewrite: explain rainbows", "#Rewritten Prompt#: explain", "#GIVEN PROMPT#",
                    "Rewritten instructions: explain rainbows", "New Instructions: explain"):
        assert copies_template_words(slipped, EVOL_MARKERS), slipped
    assert not copies_template_words("Explain why the rewritten code runs faster.", EVOL_MARKERS)


def test_a_revision_that_no_longer_answers_its_prompt():
    prompt = "Explain in two sentences why the sky looks blue."
    original = "The sky looks blue because air scatters blue sunlight more than red. We see that scattered light."
    off_topic = ("Wealthy individuals should contribute more to society, and fairness demands that everyone has "
                 "equal access to opportunities regardless of their background.")
    on_topic = "Sunlight is scattered by air molecules, and blue light scatters most, so the sky looks blue."
    assert not still_answers(prompt, original, off_topic)
    assert still_answers(prompt, original, on_topic)


PAPER_SEED_RECORDS = [orjson.loads(line) for line in (TESTS / "data" / "smollm2_paper_seed_records.jsonl")
                      .read_bytes().splitlines()]


def test_records_from_the_papers_seed_tasks_drop_for_what_a_reader_sees():
    """Records Self-Instruct runs on the paper's 175 seed tasks kept (SmolLM2-135M behind llama.cpp's
    server, benchmarks/self_instruct_seeds.py, seeds 0 and 1), each read by a person: `filter` is the
    reason the filters must now give, None where the fault (a wrong answer, an incoherent task) needs a
    judge. Seed 1 also gives the three records its new filters dropped, read and confirmed."""
    for record in PAPER_SEED_RECORDS:
        reason = InstructionFilter().reason_to_drop(record["instruction"]) or instance_reason_to_drop(
            Instance(record["input"], record["output"]), record["instruction"])
        assert reason == record["filter"], (record["id"], record["reader"])
    assert len(PAPER_SEED_RECORDS) == 25 and sum(r["filter"] is not None for r in PAPER_SEED_RECORDS) == 11


def test_human_written_seed_instances_pass_the_instance_filters():
    """Every instance of the built-in seed pool is kept (of the paper's 175, not bundled, all but a chess
    position in FEN notation); the filters once dropped its tables, lists, Arabic, forms ending in a colon
    and a knock-knock joke's refrain."""
    dropped = [(task.instruction, reason) for task in load_seed_tasks("builtin") for instance in task.instances
               if (reason := instance_reason_to_drop(instance, task.instruction))]
    assert dropped == []
    assert not is_not_language("| name | score |\n| --- | --- |\n| Ana | 91 |\n| Luis | 78 |\n| Kim | 85 |")
    assert not is_not_language("الجميلون لم يولدوا بعد. This is standard Arabic")
    assert not is_repetition_loop("Knock knock!\nWho's there?\nBanana.\nBanana who?\nKnock knock!\nWho's there?\n"
                                  "Banana.\nBanana who?\nKnock knock!\nWho's there?\nOrange.\nOrange who?\n"
                                  "Orange you glad I didn't say banana?")
    assert instance_reason_to_drop(Instance("Instability : Turmoil :: Change :", "Revolution")) is None


def test_unfinished_outputs_missing_inputs_and_restated_instructions():
    assert is_unfinished("Here are three ideas:\n1.") and is_unfinished('["Paris", "Rome"')
    assert not is_unfinished("1. eggs\n2. milk") and not is_unfinished("Prices rose (a lot).")
    assert needs_missing_input("Summarize the text below.", "")
    assert not needs_missing_input("Summarize the text below.", "A long text.")
    assert not needs_missing_input("Rewrite the sentence 'I go home' in the past tense.", "")
    assert not needs_missing_input("Tell me a joke about this data scientist.", "")
    assert repeats_text("The new phone", 'The sentence "The new phone') and not repeats_text(
        "needs a longer answer", "Decide whether the question is answerable with yes or no, or needs a longer answer.")
