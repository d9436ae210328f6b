"""IFEval's 25 verifiable instructions, by IFEval's own ids and kwargs names, each a deterministic check.

Every check behaves as the one in IFEval's instructions.py (Zhou et al. 2023), quirks included, so a
score here is comparable with a published IFEval score: keywords and forbidden words are regular
expressions as written, a postscript is any line starting with its marker, a language or case check
on text without letters counts as followed. Each check returns (followed, what was measured).

Relations: IFEval's own are "less than" and "at least"; "at most", "more than", "exactly" and
"around" (within 10%, at least 1: Tülu 3's rule) are accepted as well for data from other recipes.
"""

from __future__ import annotations

import collections
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from synthloom.verifiers.ifeval_text import (
    LanguageUnknown,
    count_sentences,
    count_words,
    detect_language,
    word_tokens,
)

RELATIONS = ("less than", "at least", "at most", "more than", "exactly", "around")
CONSTRAINED_RESPONSES = ("My answer is yes.", "My answer is no.", "My answer is maybe.")


class BadConstraint(ValueError):
    """A constraint that cannot be checked (unknown id, missing or wrong kwargs); the message says which."""


def related(count: int, relation: str, target: int) -> bool:
    if relation == "less than":
        return count < target
    if relation == "at least":
        return count >= target
    if relation == "at most":
        return count <= target
    if relation == "more than":
        return count > target
    if relation == "exactly":
        return count == target
    return abs(count - target) <= max(round(target * 0.1), 1)  # around


def _relation(count: int, relation: str, target: int, unit: str) -> tuple[bool, str]:
    return related(count, relation, target), f"{count} {unit}; needs {relation} {target}"


# --- the checks: (text, kwargs) -> (followed, measured) ------------------------------------------

def _keywords_existence(text: str, kw: dict) -> tuple[bool, str]:
    missing = [k for k in kw["keywords"] if not re.search(k, text, flags=re.IGNORECASE)]
    return not missing, f"missing {missing}" if missing else "all present"


def _keyword_frequency(text: str, kw: dict) -> tuple[bool, str]:
    found = len(re.findall(kw["keyword"], text, flags=re.IGNORECASE))
    return _relation(found, kw["relation"], kw["frequency"], f"times {kw['keyword']!r}")


def _forbidden_words(text: str, kw: dict) -> tuple[bool, str]:
    used = [w for w in kw["forbidden_words"] if re.search(r"\b" + w + r"\b", text, flags=re.IGNORECASE)]
    return not used, f"uses {used}" if used else "none used"


def _letter_frequency(text: str, kw: dict) -> tuple[bool, str]:
    letter = kw["letter"].lower()
    found = collections.Counter(text.lower())[letter]
    return _relation(found, kw["let_relation"], kw["let_frequency"], f"times {letter!r}")


def _response_language(text: str, kw: dict) -> tuple[bool, str]:
    try:
        found = detect_language(text)
    except LanguageUnknown:
        return True, "no language detectable (counted as followed, as IFEval does)"
    return found == kw["language"], f"detected {found!r}; needs {kw['language']!r}"


def _number_sentences(text: str, kw: dict) -> tuple[bool, str]:
    return _relation(count_sentences(text), kw["relation"], kw["num_sentences"], "sentences")


def _number_paragraphs(text: str, kw: dict) -> tuple[bool, str]:
    paragraphs = re.split(r"\s?\*\*\*\s?", text)
    count = len(paragraphs)
    for index, paragraph in enumerate(paragraphs):
        if not paragraph.strip():
            if index in (0, len(paragraphs) - 1):
                count -= 1
            else:
                return False, f"an empty paragraph between *** dividers (number {index + 1})"
    return count == kw["num_paragraphs"], f"{count} paragraphs; needs {kw['num_paragraphs']}"


def _number_words(text: str, kw: dict) -> tuple[bool, str]:
    return _relation(count_words(text), kw["relation"], kw["num_words"], "words")


def _nth_paragraph_first_word(text: str, kw: dict) -> tuple[bool, str]:
    paragraphs = re.split(r"\n\n", text)
    count = len(paragraphs) - sum(1 for p in paragraphs if not p.strip())
    nth, wanted = kw["nth_paragraph"], kw["first_word"].lower()
    if nth > count:
        return False, f"{count} paragraphs; no paragraph {nth}"
    paragraph = paragraphs[nth - 1].strip()
    if not paragraph:
        return False, f"paragraph {nth} is empty"
    word = paragraph.split()[0].strip().lstrip("'").lstrip('"')
    first = ""
    for letter in word:
        if letter in {".", ",", "?", "!", "'", '"'}:
            break
        first += letter.lower()
    followed = count == kw["num_paragraphs"] and first == wanted
    return followed, f"{count} paragraphs (needs {kw['num_paragraphs']}); paragraph {nth} starts {first!r} " \
                     f"(needs {wanted!r})"


def _number_placeholders(text: str, kw: dict) -> tuple[bool, str]:
    found = len(re.findall(r"\[.*?\]", text))
    return found >= kw["num_placeholders"], f"{found} [placeholders]; needs at least {kw['num_placeholders']}"


def _postscript(text: str, kw: dict) -> tuple[bool, str]:
    marker = kw["postscript_marker"].strip()
    if marker == "P.P.S":
        pattern = r"\s*p\.\s?p\.\s?s.*$"
    elif marker == "P.S.":
        pattern = r"\s*p\.\s?s\..*$"
    else:  # as IFEval: the marker is a pattern, as written
        pattern = r"\s*" + marker.lower() + r".*$"
    found = bool(re.findall(pattern, text.lower(), flags=re.MULTILINE))
    return found, f"a line with {kw['postscript_marker']!r}" + ("" if found else ": none")


def _number_bullet_lists(text: str, kw: dict) -> tuple[bool, str]:
    count = len(re.findall(r"^\s*\*[^\*].*$", text, flags=re.MULTILINE)) + len(
        re.findall(r"^\s*-.*$", text, flags=re.MULTILINE))
    return count == kw["num_bullets"], f"{count} bullet points; needs exactly {kw['num_bullets']}"


def _constrained_response(text: str, kw: dict) -> tuple[bool, str]:
    stripped = text.strip()
    found = next((option for option in CONSTRAINED_RESPONSES if option in stripped), None)
    return found is not None, f"contains {found!r}" if found else "none of the allowed answers"


def _number_highlighted_sections(text: str, kw: dict) -> tuple[bool, str]:
    count = sum(1 for h in re.findall(r"\*[^\n\*]*\*", text) if h.strip("*").strip())
    count += sum(1 for h in re.findall(r"\*\*[^\n\*]*\*\*", text) if h.removeprefix("**").removesuffix("**").strip())
    return count >= kw["num_highlights"], f"{count} highlighted sections; needs at least {kw['num_highlights']}"


def _multiple_sections(text: str, kw: dict) -> tuple[bool, str]:
    splitter = kw["section_spliter"]
    count = len(re.split(r"\s?" + splitter + r"\s?\d+\s?", text)) - 1
    return count >= kw["num_sections"], f"{count} sections marked {splitter!r}; needs at least {kw['num_sections']}"


def _json_format(text: str, kw: dict) -> tuple[bool, str]:
    value = (text.strip().removeprefix("```json").removeprefix("```Json").removeprefix("```JSON")
             .removeprefix("```").removesuffix("```").strip())
    try:
        json.loads(value)
    except (ValueError, RecursionError) as exc:
        return False, f"not JSON: {type(exc).__name__}"
    return True, "JSON"


def _title(text: str, kw: dict) -> tuple[bool, str]:
    found = any(title.lstrip("<").rstrip(">").strip() for title in re.findall(r"<<[^\n]+>>", text))
    return found, "a <<title>>" if found else "no <<title>>"


def _two_responses(text: str, kw: dict) -> tuple[bool, str]:
    parts = text.split("******")
    valid = []
    for index, part in enumerate(parts):
        if not part.strip():
            if index not in (0, len(parts) - 1):
                return False, "an empty response between ****** separators"
        else:
            valid.append(part)
    followed = len(valid) == 2 and valid[0].strip() != valid[1].strip()
    return followed, f"{len(valid)} responses" + (" (the same twice)" if len(valid) == 2 and not followed else "")


def _repeat_prompt(text: str, kw: dict) -> tuple[bool, str]:
    followed = text.strip().lower().startswith(kw["prompt_to_repeat"].strip().lower())
    return followed, "starts with the request" if followed else "does not start with the request repeated"


def _end_checker(text: str, kw: dict) -> tuple[bool, str]:
    followed = text.strip().strip('"').lower().endswith(kw["end_phrase"].strip().lower())
    return followed, f"ends with {kw['end_phrase']!r}" if followed else f"does not end with {kw['end_phrase']!r}"


def _capital_word_frequency(text: str, kw: dict) -> tuple[bool, str]:
    count = sum(1 for word in word_tokens(text) if word.isupper())
    return _relation(count, kw["capital_relation"], kw["capital_frequency"], "all-capital words")


def _english_capital(text: str, kw: dict) -> tuple[bool, str]:
    return _case_and_english(text, text.isupper(), "capital letters")


def _english_lowercase(text: str, kw: dict) -> tuple[bool, str]:
    return _case_and_english(text, text.islower(), "lowercase letters")


def _case_and_english(text: str, cased: bool, what: str) -> tuple[bool, str]:
    if not cased:
        return False, f"not all {what}"
    try:
        language = detect_language(text)
    except LanguageUnknown:
        return True, "no language detectable (counted as followed, as IFEval does)"
    return language == "en", f"all {what}; detected {language!r}, needs 'en'"


def _no_comma(text: str, kw: dict) -> tuple[bool, str]:
    count = text.count(",")
    return count == 0, f"{count} commas"


def _quotation(text: str, kw: dict) -> tuple[bool, str]:
    stripped = text.strip()
    followed = len(stripped) > 1 and stripped[0] == '"' and stripped[-1] == '"'
    return followed, "wrapped in double quotes" if followed else "not wrapped in double quotes"


# --- the registry --------------------------------------------------------------------------------

INT, TEXT, WORDS, RELATION = "int", "text", "words", "relation"


@dataclass(frozen=True)
class Instruction:
    check: Callable[[str, dict], tuple[bool, str]]
    kwargs: dict[str, str]  # name: kind (INT >= 0 or >= 1, TEXT, WORDS a list of texts, RELATION)


INSTRUCTIONS: dict[str, Instruction] = {
    "keywords:existence": Instruction(_keywords_existence, {"keywords": WORDS}),
    "keywords:frequency": Instruction(_keyword_frequency, {"keyword": TEXT, "frequency": INT, "relation": RELATION}),
    "keywords:forbidden_words": Instruction(_forbidden_words, {"forbidden_words": WORDS}),
    "keywords:letter_frequency": Instruction(_letter_frequency, {"letter": TEXT, "let_frequency": INT,
                                                                 "let_relation": RELATION}),
    "language:response_language": Instruction(_response_language, {"language": TEXT}),
    "length_constraints:number_sentences": Instruction(_number_sentences, {"num_sentences": INT, "relation": RELATION}),
    "length_constraints:number_paragraphs": Instruction(_number_paragraphs, {"num_paragraphs": INT}),
    "length_constraints:number_words": Instruction(_number_words, {"num_words": INT, "relation": RELATION}),
    "length_constraints:nth_paragraph_first_word": Instruction(
        _nth_paragraph_first_word, {"num_paragraphs": INT, "nth_paragraph": INT, "first_word": TEXT}),
    "detectable_content:number_placeholders": Instruction(_number_placeholders, {"num_placeholders": INT}),
    "detectable_content:postscript": Instruction(_postscript, {"postscript_marker": TEXT}),
    "detectable_format:number_bullet_lists": Instruction(_number_bullet_lists, {"num_bullets": INT}),
    "detectable_format:constrained_response": Instruction(_constrained_response, {}),
    "detectable_format:number_highlighted_sections": Instruction(_number_highlighted_sections,
                                                                 {"num_highlights": INT}),
    "detectable_format:multiple_sections": Instruction(_multiple_sections, {"section_spliter": TEXT,
                                                                            "num_sections": INT}),
    "detectable_format:json_format": Instruction(_json_format, {}),
    "detectable_format:title": Instruction(_title, {}),
    "combination:two_responses": Instruction(_two_responses, {}),
    "combination:repeat_prompt": Instruction(_repeat_prompt, {"prompt_to_repeat": TEXT}),
    "startend:end_checker": Instruction(_end_checker, {"end_phrase": TEXT}),
    "change_case:capital_word_frequency": Instruction(_capital_word_frequency, {"capital_frequency": INT,
                                                                                "capital_relation": RELATION}),
    "change_case:english_capital": Instruction(_english_capital, {}),
    "change_case:english_lowercase": Instruction(_english_lowercase, {}),
    "punctuation:no_comma": Instruction(_no_comma, {}),
    "startend:quotation": Instruction(_quotation, {}),
}


@dataclass(frozen=True)
class Constraint:
    instruction_id: str
    kwargs: dict[str, Any]

    def check(self, text: str) -> tuple[bool, str]:
        return INSTRUCTIONS[self.instruction_id].check(text, self.kwargs)


def constraint(instruction_id: Any, kwargs: Any) -> Constraint:
    """A checked constraint from an id and its kwargs as data gives them. Keys whose value is null are
    dropped (IFEval's published rows carry every kwarg of every instruction, mostly null)."""
    if not isinstance(instruction_id, str) or instruction_id not in INSTRUCTIONS:
        raise BadConstraint(f"unknown instruction id {str(instruction_id)[:80]!r}; known: "
                            + ", ".join(sorted(INSTRUCTIONS)))
    if kwargs is None:
        kwargs = {}
    if not isinstance(kwargs, dict):
        raise BadConstraint(f"{instruction_id}: kwargs must be a mapping, not {type(kwargs).__name__}")
    given = {k: v for k, v in kwargs.items() if v is not None and not (isinstance(v, float) and math.isnan(v))}
    spec = INSTRUCTIONS[instruction_id].kwargs
    unknown = sorted(set(given) - set(spec))
    if unknown:
        raise BadConstraint(f"{instruction_id}: unknown kwargs {unknown}; it takes {sorted(spec) or 'none'}")
    missing = sorted(set(spec) - set(given))
    if missing:
        raise BadConstraint(f"{instruction_id}: missing kwargs {missing}")
    values = {name: _value(instruction_id, name, kind, given[name]) for name, kind in spec.items()}
    if instruction_id == "length_constraints:nth_paragraph_first_word" and \
            values["nth_paragraph"] > values["num_paragraphs"]:  # IFEval would draw a paragraph at random
        raise BadConstraint(f"{instruction_id}: nth_paragraph {values['nth_paragraph']} is past num_paragraphs "
                            f"{values['num_paragraphs']}")
    return Constraint(instruction_id, values)


def _value(instruction_id: str, name: str, kind: str, value: Any) -> Any:
    where = f"{instruction_id}: {name}"
    if kind == INT:
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a table column of ints with nulls reads as floats
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise BadConstraint(f"{where} must be a whole number >= 0, not {value!r}")
        if name == "nth_paragraph" and value < 1:
            raise BadConstraint(f"{where} counts from 1")
        return value
    if kind == RELATION:
        if value not in RELATIONS:
            raise BadConstraint(f"{where} must be one of {', '.join(map(repr, RELATIONS))}, not {value!r}")
        return value
    if kind == WORDS:
        if isinstance(value, str) or not isinstance(value, (list, tuple)) or not value or not all(
                isinstance(v, str) and v for v in value):
            raise BadConstraint(f"{where} must be a non-empty list of texts")
        for word in value:
            _pattern(where, word)
        return list(value)
    if not isinstance(value, str) or not value.strip():
        raise BadConstraint(f"{where} must be a non-empty text")
    if name in _STRIPPED:
        value = value.strip()
    if name == "keyword":
        _pattern(where, value)
    if name in ("section_spliter", "postscript_marker"):
        _pattern(where, value)
    if name == "letter" and len(value) != 1:
        raise BadConstraint(f"{where} must be one character, not {value!r}")
    return value


_STRIPPED = ("keyword", "section_spliter", "postscript_marker", "end_phrase", "letter")  # as IFEval strips them


def _pattern(where: str, text: str) -> None:
    """IFEval reads keywords as regular expressions; one that does not compile is the data's error."""
    try:
        re.compile(text)
    except re.error as exc:
        raise BadConstraint(f"{where}: {text!r} is not a valid regular expression ({exc})") from exc
