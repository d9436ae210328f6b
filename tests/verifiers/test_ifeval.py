"""The instruction-following verifier: every IFEval instruction followed and broken, the shapes datasets
give constraints in, strict and loose modes, bad constraints as the record's error, and a run."""

from __future__ import annotations

import pytest

from synthloom.verifiers.build import build_verifier
from synthloom.verifiers.config import VerifierConfig
from synthloom.verifiers.ifeval import InstructionVerifier, loose_variants
from synthloom.verifiers.ifeval_checks import INSTRUCTIONS
from synthloom.verifiers.ifeval_text import count_sentences
from tests.run.test_pipeline_scripted import run_pipeline
from tests.scripted_backend import ScriptedBackend

ENGLISH = "the quick brown fox jumps over the lazy dog near the quiet river bank every single morning"

# id: (kwargs, a reply that follows, a reply that breaks it)
CASES: dict[str, tuple[dict, str, str]] = {
    "keywords:existence": ({"keywords": ["river", "fox"]}, "A Fox by the River.", "A fox by the lake."),
    "keywords:frequency": ({"keyword": "cat", "frequency": 3, "relation": "at least"},
                           "cat, Cat and CAT", "cat and cat"),
    "keywords:forbidden_words": ({"forbidden_words": ["bad"]}, "a badge is fine", "this is Bad."),
    "keywords:letter_frequency": ({"letter": "z", "let_frequency": 2, "let_relation": "less than"},
                                  "one z only", "Zigzag"),
    "language:response_language": ({"language": "de"},
                                   "Das Wetter ist heute sehr schön und wir gehen später in den Park spazieren.",
                                   "The weather is very nice today and we will walk in the park later."),
    "length_constraints:number_sentences": ({"num_sentences": 3, "relation": "less than"},
                                            "Mr. Smith went to Washington. He liked it.",
                                            "One. Two. Three."),
    "length_constraints:number_paragraphs": ({"num_paragraphs": 2}, "first part\n***\nsecond part",
                                             "first\n***\n\n***\nsecond"),
    "length_constraints:number_words": ({"num_words": 5, "relation": "at least"}, "one two three four five",
                                        "one two three four"),
    "length_constraints:nth_paragraph_first_word": (
        {"num_paragraphs": 2, "nth_paragraph": 2, "first_word": "Then"}, "First things.\n\n\"Then, more.",
        "First things.\n\nAfter that, more."),
    "detectable_content:number_placeholders": ({"num_placeholders": 2}, "Dear [name], at [address].",
                                               "Dear [name], at home."),
    "detectable_content:postscript": ({"postscript_marker": "P.S."}, "Hello.\n\nP.S. see you",
                                      "Hello. PS see you"),
    "detectable_format:number_bullet_lists": ({"num_bullets": 2}, "List:\n* one\n- two",
                                              "List:\n* one\n* two\n* three"),
    "detectable_format:constrained_response": ({}, "My answer is maybe.", "Maybe, I think."),
    "detectable_format:number_highlighted_sections": ({"num_highlights": 2}, "*one* and **two**", "*one* and ** **"),
    "detectable_format:multiple_sections": ({"section_spliter": "SECTION", "num_sections": 2},
                                            "SECTION 1\nintro\nSECTION 2\nbody", "SECTION 1\nall of it"),
    "detectable_format:json_format": ({}, "```json\n{\"a\": [1, 2]}\n```", "{'a': 1}"),
    "detectable_format:title": ({}, "<<A Title>>\nbody", "<< >>\n# A Title"),
    "combination:two_responses": ({}, "first answer\n******\nsecond answer", "same\n******\nsame"),
    "combination:repeat_prompt": ({"prompt_to_repeat": "Write a poem."}, "write a poem. Roses are red.",
                                  "Roses are red. Write a poem."),
    "startend:end_checker": ({"end_phrase": "Any other questions?"}, "Done. any other questions?\"",
                             "Any other questions? Done."),
    "change_case:capital_word_frequency": ({"capital_frequency": 3, "capital_relation": "at least"},
                                           "I DON'T see it", "I don't SEE it"),
    "change_case:english_capital": ({}, ENGLISH.upper(), ENGLISH.upper() + " but not this"),
    "change_case:english_lowercase": ({}, ENGLISH, "The " + ENGLISH),
    "punctuation:no_comma": ({}, "no commas here.", "one, comma"),
    "startend:quotation": ({}, '  "quoted whole"  ', '"quoted" but not whole'),
}


def constrained(instruction_id: str, kwargs: dict) -> dict:
    return {"constraints": [{"instruction_id": instruction_id, "kwargs": kwargs}]}


def test_every_ifeval_instruction_is_checked():
    assert set(CASES) == set(INSTRUCTIONS) and len(INSTRUCTIONS) == 25


@pytest.mark.parametrize("instruction_id", sorted(CASES))
def test_each_instruction_accepts_a_reply_that_follows_it_and_rejects_one_that_breaks_it(instruction_id):
    kwargs, follows, breaks = CASES[instruction_id]
    verifier = InstructionVerifier()
    good = verifier.check(follows, constrained(instruction_id, kwargs))
    bad = verifier.check(breaks, constrained(instruction_id, kwargs))
    assert good.passed and good.outcome == "pass", good.summary()
    assert not bad.passed and bad.outcome == "fail", bad.summary()
    assert bad.cases[0]["instruction_id"] == instruction_id and bad.cases[0]["outcome"] == "fail"


def test_sentences_are_punkts_english_ones_as_ifeval_counts_them():
    assert count_sentences("Dr. Smith paid 3.5 dollars at example.com today. Then he left!") == 2
    assert count_sentences("Is it? Yes. Mr. Jones said so, at 5 p.m. on Monday.") == 3


def test_a_record_with_several_constraints_shows_each_outcome_with_what_was_measured():
    fields = {"constraints": [
        {"instruction_id": "length_constraints:number_words", "kwargs": {"num_words": 10, "relation": "less than"}},
        {"instruction_id": "punctuation:no_comma", "kwargs": {}},
        {"instruction_id": "startend:end_checker", "kwargs": {"end_phrase": "Bye."}}]}
    verdict = InstructionVerifier().check("Hi, there. Bye.", fields)
    assert not verdict.passed and verdict.outcome == "fail"
    assert [c["outcome"] for c in verdict.cases] == ["pass", "fail", "pass"]
    assert verdict.cases[0]["detail"] == "3 words; needs less than 10"
    assert verdict.cases[1]["detail"] == "1 commas"
    assert "2 of 3 constraints followed" in verdict.detail and "punctuation:no_comma" in verdict.detail


def test_ifeval_rows_are_read_as_published_with_their_null_kwargs():
    # google/IFEval: parallel lists, each kwargs dict carrying every key (null where unused)
    nulls = {"num_words": None, "relation": None, "keywords": None, "end_phrase": None, "num_bullets": None}
    row = {"prompt": "Write...", "instruction_id_list": ["punctuation:no_comma", "length_constraints:number_words"],
           "kwargs": [nulls, {**nulls, "num_words": 300.0, "relation": "at least"}]}
    verdict = InstructionVerifier().check("word " * 300, row)
    assert verdict.passed, verdict.summary()
    assert verdict.cases[1]["kwargs"] == {"num_words": 300, "relation": "at least"}
    assert not InstructionVerifier().check("word " * 299, row).passed


def test_rlvr_ground_truth_rows_are_read_in_both_of_open_instructs_shapes():
    verifier = InstructionVerifier()
    tulu = {"ground_truth": '{"func_name": "validate_word_constraint", "N": 4, "quantifier": "at most", '
                            '"end_phrase": null, "keyword_list": null}'}
    assert verifier.check("one two three four", tulu).passed
    assert not verifier.check("one two three four five", tulu).passed
    frequency = {"ground_truth": '{"func_name": "verify_keyword_frequency", "word": "sun", "N": 2}'}
    assert verifier.check("sun and sun", frequency).passed
    assert not verifier.check("sun, sun and sun", frequency).passed  # Tülu asks for exactly N
    multi = {"ground_truth": "[{'instruction_id': ['detectable_format:title', 'change_case:english_lowercase'], "
                             "'kwargs': [None, None]}]"}
    assert verifier.check(f"<<{ENGLISH}>>\n{ENGLISH}", multi).passed
    assert not verifier.check(f"<<Title>>\n{ENGLISH}", multi).passed


@pytest.mark.parametrize("constraints, message", [
    ([{"instruction_id": "length_constraints:word_count", "kwargs": {}}], "unknown instruction id"),
    ([{"instruction_id": "length_constraints:number_words", "kwargs": {"num_words": 5}}],
     "missing kwargs ['relation']"),
    ([{"instruction_id": "punctuation:no_comma", "kwargs": {"num_words": 5}}], "unknown kwargs ['num_words']"),
    ([{"instruction_id": "length_constraints:number_words", "kwargs": {"num_words": "5", "relation": "at least"}}],
     "num_words must be a whole number"),
    ([{"instruction_id": "keywords:existence", "kwargs": {"keywords": "fox"}}], "non-empty list of texts"),
    ([{"instruction_id": "keywords:existence", "kwargs": {"keywords": ["(unclosed"]}}], "not a valid regular"),
    ("{not json", "neither JSON nor a literal"),
    ([{"instruction_id": "length_constraints:nth_paragraph_first_word",
       "kwargs": {"num_paragraphs": 2, "nth_paragraph": 3, "first_word": "so"}}], "past num_paragraphs"),
])
def test_a_broken_constraint_is_the_records_bad_test_and_the_steps_config_error(constraints, message):
    verdict = InstructionVerifier().check("anything", {"constraints": constraints})
    assert verdict.outcome == "bad_test" and message in verdict.detail, verdict.detail
    with pytest.raises(ValueError, match="constraints"):
        VerifierConfig.model_validate({"kind": "ifeval", "constraints": constraints if isinstance(constraints, list)
                                       else [constraints]})


def test_a_record_without_constraints_is_a_bad_test_not_a_pass():
    verdict = InstructionVerifier().check("anything", {"prompt": "hi"})
    assert verdict.outcome == "bad_test" and "constraints" in verdict.detail


def test_step_constraints_are_checked_with_the_records_own():
    config = VerifierConfig.model_validate({"kind": "ifeval", "constraints": [
        {"instruction_id": "change_case:english_lowercase"}]})
    verifier = build_verifier(config, None)
    record = constrained("punctuation:no_comma", {})
    assert verifier.check(ENGLISH, record).passed  # type: ignore[attr-defined]
    both_broken = verifier.check("The fox, the dog", record)  # type: ignore[attr-defined]
    assert [c["instruction_id"] for c in both_broken.cases] == ["punctuation:no_comma",
                                                                "change_case:english_lowercase"]
    assert verifier.check(ENGLISH, {}).passed  # type: ignore[attr-defined]  # the step's alone are enough


def test_loose_mode_forgives_a_preamble_line_and_markdown_stars_strict_does_not():
    text = f"Sure, here is my answer:\n**{ENGLISH}**"
    fields = constrained("change_case:english_lowercase", {})
    assert not InstructionVerifier(mode="strict").check(text, fields).passed
    loose = InstructionVerifier(mode="loose").check(text, fields)
    assert loose.passed and loose.mode == "loose"
    assert loose.cases[0]["loose_variant"] == "without the first line"
    ending = constrained("startend:end_checker", {"end_phrase": "is there anything else?"})
    assert not InstructionVerifier().check("Done. **Is there anything else?**", ending).passed
    assert InstructionVerifier(mode="loose").check("Done. **Is there anything else?**", ending).passed
    assert len(loose_variants("a\nb\nc")) == 8


def test_an_empty_reply_follows_nothing_even_where_the_check_would_let_it():
    fields = constrained("punctuation:no_comma", {})
    assert not InstructionVerifier().check("   \n", fields).passed
    assert not InstructionVerifier(mode="loose").check("   \n", fields).passed


def test_language_detection_gives_one_answer_for_one_text():
    fields = constrained("language:response_language", {"language": "en"})
    texts = ["ok sure", "fine", "it is"]  # short texts, where langdetect's sampling varies unseeded
    first = [InstructionVerifier().check(t, fields).cases[0]["detail"] for t in texts]
    from synthloom.verifiers import ifeval_text
    ifeval_text.detect_language.cache_clear()
    again = [InstructionVerifier().check(t, fields).cases[0]["detail"] for t in texts]
    assert first == again


async def test_a_rejection_run_keeps_the_reply_that_follows_and_records_each_constraint(tmp_path):
    rows = [{"id": "lower", "prompt": "Describe a fox in lowercase, with no commas.",
             "constraints": [{"instruction_id": "change_case:english_lowercase", "kwargs": {}},
                             {"instruction_id": "punctuation:no_comma", "kwargs": {}}]},
            {"id": "words", "prompt": "Describe a dog in at least 50 words.",
             "instruction_id_list": ["length_constraints:number_words"],
             "kwargs": [{"num_words": 50, "relation": "at least"}]}]
    backend = ScriptedBackend(rules=[("fox", ENGLISH)], default="A short dog reply.")
    pipeline = [{"step": "rejection", "template": "prompt", "verifier": {"kind": "ifeval"},
                 "k": 1, "m": 1, "batch": 1, "class_field": None}]
    summary, output, removed, failures = await run_pipeline(tmp_path, pipeline, backend, rows=rows)
    assert not failures
    assert [r["fields"]["id"] for r in output] == ["lower"]
    kept = output[0]["fields"]["verification"]
    assert [c["outcome"] for c in kept["cases"]] == ["pass", "pass"]
    dropped = removed[0]["meta"]["rejection"]["verification"]
    assert dropped["outcome"] == "fail" and dropped["cases"][0]["detail"] == "4 words; needs at least 50"
