"""Constraints as datasets write them, read into IFEval ids and kwargs.

Accepted, in a record's constraints field (or the step's `constraints:`):
- synthloom's own: a list of {"instruction_id": ..., "kwargs": {...}};
- IFEval's rows (google/IFEval): the two parallel lists `instruction_id_list` and `kwargs` (read from
  the record when the constraints field is absent);
- the IF-RLVR rows of open-instruct (Tülu 3 and later): `ground_truth` holding, as JSON or a Python
  literal, [{"instruction_id": [...], "kwargs": [...]}];
- Tülu 3's RLVR-IFeval rows: `ground_truth` holding {"func_name": "validate_lowercase", "N": ..., ...},
  translated to the IFEval instruction it names (open-instruct's own function for that name counts a
  little differently in places; the check here is IFEval's: see docs/instruction_following.md).
"""

from __future__ import annotations

import ast
import json
from typing import Any

from synthloom.verifiers.ifeval_checks import BadConstraint, Constraint, constraint

# Tülu 3 function -> (IFEval id, {its argument: IFEval kwarg}, fixed IFEval kwargs)
TULU_FUNCTIONS: dict[str, tuple[str, dict[str, str], dict[str, Any]]] = {
    "verify_keywords": ("keywords:existence", {"keyword_list": "keywords"}, {}),
    # Tülu's prompts ask for "exactly N times" here, and its functions count exactly
    "verify_keyword_frequency": ("keywords:frequency", {"word": "keyword", "N": "frequency"},
                                 {"relation": "exactly"}),
    "validate_forbidden_words": ("keywords:forbidden_words", {"forbidden_words": "forbidden_words"}, {}),
    "verify_letter_frequency": ("keywords:letter_frequency", {"letter": "letter", "N": "let_frequency"},
                                {"let_relation": "exactly"}),
    "validate_response_language": ("language:response_language", {"language": "language"}, {}),
    "verify_paragraph_count": ("length_constraints:number_paragraphs", {"N": "num_paragraphs"}, {}),
    "validate_word_constraint": ("length_constraints:number_words", {"N": "num_words", "quantifier": "relation"}, {}),
    "verify_sentence_constraint": ("length_constraints:number_sentences",
                                   {"N": "num_sentences", "quantifier": "relation"}, {}),
    "validate_paragraphs": ("length_constraints:nth_paragraph_first_word",
                            {"N": "num_paragraphs", "i": "nth_paragraph", "first_word": "first_word"}, {}),
    "verify_postscript": ("detectable_content:postscript", {"postscript_marker": "postscript_marker"}, {}),
    "validate_placeholders": ("detectable_content:number_placeholders", {"N": "num_placeholders"}, {}),
    "verify_bullet_points": ("detectable_format:number_bullet_lists", {"N": "num_bullets"}, {}),
    "validate_title": ("detectable_format:title", {}, {}),
    "validate_choice": ("detectable_format:constrained_response", {}, {}),
    "validate_highlighted_sections": ("detectable_format:number_highlighted_sections", {"N": "num_highlights"}, {}),
    "validate_sections": ("detectable_format:multiple_sections",
                          {"N": "num_sections", "section_splitter": "section_spliter"}, {}),
    "validate_json_format": ("detectable_format:json_format", {}, {}),
    "validate_repeat_prompt": ("combination:repeat_prompt", {"original_prompt": "prompt_to_repeat"}, {}),
    "validate_two_responses": ("combination:two_responses", {}, {}),
    "validate_uppercase": ("change_case:english_capital", {}, {}),
    "validate_lowercase": ("change_case:english_lowercase", {}, {}),
    "validate_frequency_capital_words": ("change_case:capital_word_frequency",
                                         {"N": "capital_frequency", "quantifier": "capital_relation"}, {}),
    "validate_end": ("startend:end_checker", {"end_phrase": "end_phrase"}, {}),
    "validate_quotation": ("startend:quotation", {}, {}),
    "validate_no_commas": ("punctuation:no_comma", {}, {}),
}


def read_constraints(value: Any) -> list[Constraint]:
    """The constraints in one value of any accepted shape; BadConstraint names what is wrong."""
    if isinstance(value, str):
        value = _parse(value)
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise BadConstraint(f"constraints must be a list, not {type(value).__name__}")
    out: list[Constraint] = []
    for index, item in enumerate(value):
        if isinstance(item, str):
            item = _parse(item)
        if not isinstance(item, dict):
            raise BadConstraint(f"constraint {index}: a mapping with instruction_id and kwargs, not "
                                f"{type(item).__name__}")
        try:
            out.extend(_one(item))
        except BadConstraint as exc:
            raise BadConstraint(f"constraint {index}: {exc}") from None
    return out


def from_record(fields: dict[str, Any], field: str) -> list[Constraint] | None:
    """A record's constraints: its `field`, else IFEval's two lists, else an RLVR `ground_truth`;
    None when it has none of them."""
    if fields.get(field) is not None:
        return read_constraints(fields[field])
    if fields.get("instruction_id_list") is not None:
        ids, kwargs = fields["instruction_id_list"], fields.get("kwargs")
        return read_constraints([{"instruction_id": ids, "kwargs": kwargs}])
    if fields.get("ground_truth") is not None:
        return read_constraints(fields["ground_truth"])
    return None


def _one(item: dict[str, Any]) -> list[Constraint]:
    if "func_name" in item:
        return [_tulu(item)]
    if "instruction_id" not in item:
        raise BadConstraint(f"no instruction_id (keys: {sorted(item)[:10]})")
    unknown = set(item) - {"instruction_id", "kwargs"}
    if unknown:
        raise BadConstraint(f"unknown keys {sorted(unknown)}; a constraint has instruction_id and kwargs")
    ids, kwargs = item["instruction_id"], item.get("kwargs")
    if isinstance(ids, (list, tuple)):  # IFEval's parallel lists
        kwargs = [None] * len(ids) if kwargs is None else kwargs
        if not isinstance(kwargs, (list, tuple)) or len(kwargs) != len(ids):
            raise BadConstraint(f"{len(ids)} instruction ids but kwargs is not a list of as many")
        return [constraint(i, k) for i, k in zip(ids, kwargs, strict=True)]
    return [constraint(ids, kwargs)]


def _tulu(item: dict[str, Any]) -> Constraint:
    name = item["func_name"]
    if name not in TULU_FUNCTIONS:
        raise BadConstraint(f"unknown func_name {str(name)[:60]!r}; known: {', '.join(sorted(TULU_FUNCTIONS))}")
    instruction_id, renames, fixed = TULU_FUNCTIONS[name]
    kwargs = {ifeval: item[tulu] for tulu, ifeval in renames.items() if item.get(tulu) is not None}
    return constraint(instruction_id, {**fixed, **kwargs})


def _parse(text: str) -> Any:
    """JSON, or the Python literal open-instruct's datasets store (single quotes, None)."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        raise BadConstraint(f"constraints text that is neither JSON nor a literal: {text[:80]!r}") from None
