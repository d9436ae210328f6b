"""Math answers: the final answer of a worked solution (math_answers.py) compared whole with the gold
answer by `math-verify`: LaTeX with or without delimiters, fractions, radicals, sets, intervals,
tuples, equations (`x = 5` matches `5`) and inequalities (`x > 2` matches `(2, \\infty)`).

Conventions, documented and configurable:
- percent: "label" (default): `%` is a unit, so 75% matches 75 and 75%, never 0.75; "fraction": 75%
  also matches 0.75.
- units: "ignore" (default): a unit after a number (`12 cm`, `\\text{ dollars}`, `30^\\circ`, a
  currency sign) is dropped; "strict": kept, so `12 cm` only matches `12 cm`.
- multiple choice: a gold that is one letter A-E matches only that letter, however it is written
  ("(B)", "B.", "option B", "\\text{(B)}").
- text answers ("Tuesday", "All real numbers", "no solution") compare case- and markup-insensitively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from synthloom.verifiers.base import Verdict
from synthloom.verifiers.math_answers import extract_answer

_LETTER = re.compile(r"^\s*(?:\\text\{\s*)?(?:option\s+|choice\s+)?\(?([A-Ea-e])\)?\s*\}?\s*[.:)]?\s*$", re.I)
_LETTER_LEAD = re.compile(r"^\s*(?:option\s+|choice\s+)?\(([A-E])\)|^\s*([A-E])(?:[.:)]|\s*$)")
_LETTER_IN_PROSE = re.compile(r"\(([A-E])\)|\b(?:option|choice|answer)\s+(?:is\s+)?([A-E])\b")
_TEXT_WRAP = re.compile(r"\\(?:text|textbf|mathrm|mbox|textnormal)\{([^{}]*)\}")
_UNIT_TAIL = re.compile(r"^(?P<n>[-−]?[\d.,]+(?:/\d+)?)\s*(?:[a-zA-Z][a-zA-Z ./²³^0-9]*)$")
_THOUSANDS = re.compile(r"^[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_NUMBER = re.compile(r"[-−]?\d+(?:\.\d+)?(?:/\d+)?")
_WORD = re.compile(r"(?<!\\)\b[a-zA-Z]{3,}\b")
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_SYNONYMS = [{"all real numbers", "(-\\infty,\\infty)", "\\mathbb{r}", "r", "(-infinity,infinity)"},
             {"no solution", "no solutions", "none", "\\emptyset", "\\varnothing", "{}", "\\{\\}"}]


@dataclass(frozen=True)
class MathConventions:
    percent: Literal["label", "fraction"] = "label"
    units: Literal["ignore", "strict"] = "ignore"


def normalized_text(text: str) -> str:
    """Case, spaces, `$`, markup wrappers and a trailing full stop removed: for text answers."""
    text = _TEXT_WRAP.sub(r"\1", text).replace("$", "").replace("\\!", "").replace("\\,", "").replace("\\ ", " ")
    text = text.replace("\\left", "").replace("\\right", "").replace("−", "-")
    return re.sub(r"\s+", " ", text).strip().rstrip(".").strip().lower()


def _letter(text: str) -> str | None:
    found = _LETTER.match(_TEXT_WRAP.sub(r"\1", text))
    return found.group(1).upper() if found else None


def _without_units(text: str, conventions: MathConventions) -> str:
    text = _TEXT_WRAP.sub(lambda m: "" if re.fullmatch(r"\s*[a-zA-Z ./²³^]*", m.group(1)) else m.group(1), text)
    text = text.replace("\\$", "").replace("^\\circ", "").replace("^{\\circ}", "").replace("°", "")
    text = re.sub(r"^\$(?=\d)", "", text.strip()).replace("€", "").replace("£", "").strip()
    found = _UNIT_TAIL.match(text) if conventions.units == "ignore" else None
    return found.group("n") if found else text


def _forms(answer: str, conventions: MathConventions) -> list[str]:
    """The ways to read one answer, most literal first."""
    answer = answer.strip().replace("−", "-")
    forms = [answer]
    if conventions.units == "ignore":
        forms.append(_without_units(answer, conventions))
    joined = re.sub(r"\s+(?:or|and)\s+", ", ", forms[-1])
    joined = re.sub(r"(?:^|(?<=, ))[a-zA-Z]\s*=\s*", "", joined) if joined != forms[-1] else joined
    forms.append(joined)
    if _THOUSANDS.match(forms[-1].lstrip("$")):
        forms.append(forms[-1].lstrip("$").replace(",", ""))
    word = _NUMBER_WORDS.get(normalized_text(answer))
    if word:
        forms.append(word)
    return list(dict.fromkeys(f for f in forms if f))


def _percent(text: str) -> tuple[str, bool]:
    stripped = re.sub(r"\s*\\?%\s*$", "", text)
    return stripped, stripped != text


def _parse(text: str):
    from math_verify import parse  # imported on first use: it pulls in sympy

    delimited = text if ("$" in text or "\\(" in text or "\\[" in text) else f"${text}$"
    return parse(delimited) or parse(text)


def _math_equal(gold: str, answer: str) -> bool:
    from math_verify import verify

    try:
        parsed_gold, parsed_answer = _parse(gold), _parse(answer)
        if not parsed_gold or not parsed_answer:
            return False
        # Either direction: math-verify reads an inequality in gold against an interval, not the reverse.
        return bool(verify(parsed_gold, parsed_answer) or verify(parsed_answer, parsed_gold))
    except Exception:  # noqa: BLE001 - math-verify can fail on odd text; that is a non-match
        return False


def answers_match(gold: str, answer: str, conventions: MathConventions = MathConventions()) -> bool:
    gold = str(gold).strip()
    if (letter := _letter(gold)) is not None:
        found = _letter(answer) or _letter_lead(answer)
        return found == letter
    gold_text, answer_text = normalized_text(gold), normalized_text(answer)
    if gold_text == answer_text or any(gold_text in s and answer_text in s for s in _SYNONYMS):
        return True
    if _WORD.search(_TEXT_WRAP.sub(r"\1", gold).replace("\\infty", "")) and not re.search(r"\d", gold):
        return False  # a text answer: only its words count
    if conventions.units == "strict" and _unit_of(gold) != _unit_of(answer):
        return False
    gold_forms = _forms(gold, conventions)
    for gold_form in gold_forms:
        gold_value, gold_percent = _percent(gold_form)
        for form in _forms(answer, conventions):
            value, percent = _percent(form)
            if percent != gold_percent and conventions.percent == "fraction":
                scaled = (f"({value})/100", gold_value) if percent else (value, f"({gold_value})/100")
                if _math_equal(scaled[1], scaled[0]):
                    return True
            if _math_equal(gold_value, value):
                return True
    if _WORD.search(answer) and (numbers := _NUMBER.findall(answer.replace(",", ""))):
        return _math_equal(_forms(gold, conventions)[-1], numbers[-1])  # prose: its last number
    return False


def _letter_lead(answer: str) -> str | None:
    plain = _TEXT_WRAP.sub(r"\1", answer)
    in_prose = [*_LETTER_IN_PROSE.finditer(plain)]
    found = _LETTER_LEAD.match(plain) or (in_prose[-1] if in_prose else None)
    return (found.group(1) or found.group(2)) if found else None


def _unit_of(text: str) -> str:
    """What follows the number in `12 cm`, normalised; empty for an answer without a unit."""
    number = _without_units(text, MathConventions(units="ignore"))
    return normalized_text(text.strip()[len(number):]) if text.strip().startswith(number) else ""


class MathAnswerVerifier:
    isolation: dict[str, str] | None = None  # runs no code

    def __init__(self, gold_field: str = "answer", conventions: MathConventions = MathConventions()) -> None:
        self.gold_field = gold_field
        self.conventions = conventions
        self.name = "math_answer"

    async def verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        if self.gold_field not in fields or fields[self.gold_field] is None:
            return Verdict(False, "bad_gold", f"the record has no gold answer in `{self.gold_field}`")
        answer = extract_answer(candidate)
        if answer is None:
            return Verdict(False, "no_answer", "no final answer found")
        gold = str(fields[self.gold_field])
        if answers_match(gold, answer, self.conventions):
            return Verdict(True, "pass", answer)
        return Verdict(False, "wrong_answer", f"got {answer!r}, expected {gold!r}")
