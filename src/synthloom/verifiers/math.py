"""Math answers: the final answer of a worked solution (math_answers.py), read whole, compared with the
gold answer by `math-verify` in the direction it is built for (gold first): LaTeX or plain, fractions,
radicals, sets (unordered), tuples (ordered), intervals (with their ends), inequalities against
intervals, equations and systems by their solution, matrices elementwise.

Outcomes: `pass`; `wrong_answer`; `unparseable` (the reply states no final answer this can read: never
guessed at from a number inside it); `ambiguous` (two different final answers with no correction
between them, or a hedge such as "12 or maybe 15"). A false accept poisons the data and a false reject
costs one sample, so what cannot be read is rejected and counted, not guessed.

Conventions, documented and configurable:
- format: "lenient" (default) also reads a bold value, a reply that is only an answer, a short last line,
  or the one value of the last sentence; "strict": only \\boxed{}, "####" or "the answer is" counts.
- percent: "label" (default): `%` is a unit, so 75% matches 75 and 75%, never 0.75; "fraction": 75%
  also matches 0.75.
- units: "ignore" (default): a unit or currency around a number (`12 cm`, `$18`, `30^\\circ`) is
  dropped; "strict": kept, so `12 cm` only matches `12 cm`.
- multiple choice: a gold that is one letter A-J matches only that letter, however it is written.
- text answers ("Tuesday", "no solution") compare case- and markup-insensitively; clock times as times
  of day (3:45 PM = 15:45).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from synthloom.verifiers.base import Verdict
from synthloom.verifiers.math_answers import (
    HYPOTHETICAL,
    FinalAnswer,
    answer_span,
    boxed_spans,
    extract_answer,
    find_final_answer,
)
from synthloom.verifiers.math_forms import (
    clock_minutes,
    is_plain_number,
    normalise,
    shape,
    split_percent,
    split_top_level,
    unwrap,
)
from synthloom.verifiers.math_kinds import answer_kind
from synthloom.verifiers.math_pool import judge_in_worker
from synthloom.verifiers.math_signals import RESTATED, after_final, competing_signals
from synthloom.verifiers.math_units import stated_unit, units_differ
from synthloom.verifiers.math_words import number_from_words

if TYPE_CHECKING:
    from synthloom.verifiers.math_judge import MathJudge

__all__ = ["MathAnswerVerifier", "MathConventions", "answers_match", "extract_answer", "judge_reply"]

_LETTER = re.compile(r"^\s*(?:\\text\{\s*)?(?:option\s+|choice\s+)?\(?([A-Ja-j])\)?\s*\}?\s*[.:)]?\s*$", re.I)
_LETTER_LEAD = re.compile(r"^\s*(?:\\text\{\s*)?(?:option\s+|choice\s+)?\(?([A-J])(?:\)|\.|:|\s*$|\s+(?=\S))")
_READ_FROM_PROSE = ("last_sentence", "last_line")
_TEXT_WRAP = re.compile(r"\\(?:text|textbf|mathrm|mbox|textnormal)\{([^{}]*)\}")
_SYNONYMS = [{"all real numbers", "(-\\infty,\\infty)", "\\mathbb{r}", "r", "(-infinity,infinity)", "all reals"},
             {"no solution", "no solutions", "none", "\\emptyset", "\\varnothing", "{}", "\\{\\}", "no real solutions"}]
# Shapes that can never be the same answer: a set is unordered, a pair ordered, an interval has ends.
_INCOMPATIBLE = {("set", "pair"), ("set", "interval"), ("pair", "set"), ("pair", "list"), ("interval", "set"),
                 ("interval", "list"), ("list", "pair"), ("list", "interval"), ("value", "set"), ("value", "list"),
                 ("value", "pair"), ("value", "interval"), ("value", "matrix"), ("matrix", "value"),
                 ("pair", "value"), ("set", "value"), ("list", "value"),
                 ("pair", "interval"), ("interval", "pair")}  # `[5, -3]` is no point, `(2, 5)` no closed interval


@dataclass(frozen=True)
class MathConventions:
    percent: Literal["label", "fraction"] = "label"
    units: Literal["ignore", "strict"] = "ignore"
    format: Literal["lenient", "strict"] = "lenient"


def normalized_text(text: str) -> str:
    """Case, spaces, `$`, markup wrappers and a trailing full stop removed: for text answers."""
    text = _TEXT_WRAP.sub(r"\1", text).replace("$", "").replace("\\!", "").replace("\\,", "").replace("\\ ", " ")
    text = text.replace("\\left", "").replace("\\right", "").replace("−", "-")
    text = re.sub(r"\s+", " ", text).strip().rstrip(".").strip().lower()
    return re.sub(r"^(?:an?|the)\s+(?=\S)", "", text)  # "a decagon" is "decagon"


def _letter(text: str) -> str | None:
    plain = _TEXT_WRAP.sub(r"\1", unwrap(text))
    found = _LETTER.match(plain) or _LETTER_LEAD.match(plain)
    return found.group(1).upper() if found else None


def _is_letter(gold: str) -> bool:
    return _letter(gold) is not None and len(unwrap(_TEXT_WRAP.sub(r"\1", gold)).strip("().: ")) == 1


def _letter_in_prose(reply: str) -> str | None:
    """The option a reply's last sentence names: "The correct option is (B).". An aside or a
    hypothetical ("(... the choice might have been (B))") names none."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", reply.strip())
                 if s.strip() and not s.strip().startswith("(") and not HYPOTHETICAL.search(s)]
    named = re.findall(r"\(([A-J])\)|\b(?i:option|choice|answer)\s+(?:is\s+)?\(?([A-J])\b", sentences[-1] if sentences else "")
    letters = {a or b for a, b in named}
    mentioned = set(re.findall(r"(?<![\w\\])\(?([A-J])(?:\)|(?=[.,:;]|\s*$))", sentences[-1] if sentences else ""))
    return letters.pop() if len(letters) == 1 and mentioned <= letters else None  # "C, D) 3, (B)" names three


def _is_text(gold: str) -> bool:
    plain = _TEXT_WRAP.sub(r"\1", unwrap(gold)).replace("\\infty", "")
    return bool(re.search(r"[a-zA-Z]{3,}", plain)) and not re.search(r"\d|\\[a-zA-Z]+|[=<>^_]", plain)


def _parse(text: str):
    from math_verify import parse  # imported on first use: it pulls in sympy

    return parse(f"${text}$")


def _math_equal(gold: str, answer: str) -> bool:
    from math_verify import verify

    try:
        parsed_gold, parsed_answer = _parse(gold), _parse(answer)
        if not parsed_gold or not parsed_answer:
            return False
        # One direction, gold first, as math-verify is built: the reverse accepts an equation's right side.
        return bool(verify(parsed_gold, parsed_answer, allow_set_relation_comp=True))
    except Exception:  # noqa: BLE001 - math-verify can fail on odd text; that is a non-match
        return False


_DECIMAL_COMMA = re.compile(r"^-?(?:\d+,\d{1,2}|0,\d+|\d{4,},\d+)$")  # 1,22 and 0,111 and 1000,99; not 1,000


def _decimal_comma_pair(gold: str, answer: str) -> bool:
    """1,22 is 1.22 only beside a single number: beside a list, `1,2` is two values."""
    single = re.compile(r"^-?\d+(?:\.\d+)?$")
    return bool((_DECIMAL_COMMA.match(gold) and (single.match(answer) or _DECIMAL_COMMA.match(answer)))
                or (_DECIMAL_COMMA.match(answer) and single.match(gold)))


def _decimal_point(text: str) -> str:
    return text.replace(",", ".") if _DECIMAL_COMMA.match(text) else text


def _unit(text: str) -> str:
    kept, dropped = normalise(text, drop_units=False), normalise(text)
    return normalized_text(kept[len(dropped):]) if kept.startswith(dropped) else normalized_text(kept)


def answers_match(gold: str, answer: str, conventions: MathConventions = MathConventions()) -> bool:
    """Whether `answer` (a final answer's text, already found) states the gold answer."""
    gold, answer = str(gold).strip(), str(answer).strip()
    if _is_letter(gold):
        return _letter(answer) == _letter(gold)
    gold_text, answer_text = normalized_text(gold), normalized_text(answer)
    if gold_text == answer_text or any(gold_text in s and answer_text in s for s in _SYNONYMS):
        return True
    if (gold_words := number_from_words(_TEXT_WRAP.sub(r"\1", unwrap(gold)))) is not None:
        gold = str(gold_words)  # "sixteen"
    elif _is_text(gold):
        return False  # a text answer: only its words count
    if (gold_time := clock_minutes(gold)) is not None:
        return clock_minutes(answer) == gold_time
    drop_units = conventions.units == "ignore"
    if units_differ(unwrap(gold), unwrap(answer)):
        return False  # 45 m for 45 cm, €12 for $12: another quantity, whatever the convention on units
    if not drop_units and _unit(gold) != _unit(answer):
        return False
    if _decimal_comma_pair(unwrap(gold), unwrap(answer)):
        gold, answer = (_decimal_point(unwrap(t)) for t in (gold, answer))
    if (written := _system_as_written(gold)) is not None and shape(normalise(answer)) in ("list", "pair") \
            and _math_equal(written, f"({unwrap(normalise(answer)).strip('()')})"):
        return True  # `-5, 14/3` for `x = -5, p = 14/3`: the values in the order the gold names them
    gold_value, gold_percent = split_percent(normalise(gold, drop_units))
    value, percent = split_percent(normalise(answer, drop_units))
    gold_value, value = normalise(gold_value, drop_units), normalise(value, drop_units)
    if (shape(gold_value), shape(value)) in _INCOMPATIBLE:
        return False
    if percent != gold_percent and conventions.percent == "fraction":
        scaled = (f"({value})/100", gold_value) if percent else (value, f"({gold_value})/100")
        if _math_equal(scaled[1], scaled[0]):
            return True
    return _math_equal(gold_value, value)


def _system_as_written(gold: str) -> str | None:
    """A gold system of distinct variables (`x = -5, p = 14/3`) as the tuple of its values in written order."""
    parts = split_top_level(re.sub(r"\\[ ,;!]", " ", unwrap(gold)))
    found = [re.fullmatch(r"\s*([a-zA-Z])\s*=\s*([^=]+)", p) for p in parts]
    if len(parts) < 2 or not all(found) or len({m.group(1) for m in found if m}) != len(parts):
        return None
    return "(" + ", ".join(m.group(2).strip() for m in found if m) + ")"


def _together(gold: str, parts: tuple[str, ...]) -> str:
    """Boxes read together, written as the gold writes several values."""
    kind = shape(normalise(gold))
    inner = ", ".join(unwrap(p) for p in parts)
    if all(shape(normalise(p)) == "relation" for p in parts):
        return inner  # `k = 45` and `n = 2`: a system
    return {"set": f"\\{{{inner}\\}}", "pair": f"({inner})"}.get(kind, inner)


def unescape(text: str) -> str:
    """`\\\\left(` escaped once too often by a JSON or Python writer is `\\left(` (not inside a matrix,
    where `\\\\` ends a row)."""
    return text if "&" in text else re.sub(r"\\\\(?=[a-zA-Z])", r"\\", text)


def gold_answer(gold: str) -> str:
    """The gold answer itself: datasets store it bare (`18`), boxed, as `$1$ and $2$`, or inside the
    reference solution (MATH's `solution`): then its boxes, read together, or its final statement."""
    gold = unescape(str(gold).strip())
    if re.search(r"\\boxed|\\fbox|####", gold) or len(gold) > 80 and len(re.findall(r"\b[a-z]{3,}\b", gold)) > 5:
        found = find_final_answer(gold)
        boxes = boxed_spans(gold)
        between = [gold[a[1]:b[0]] for a, b in zip(boxes, boxes[1:], strict=False)]
        # Boxes a few words apart are one answer ("\boxed{1} papers and \boxed{2} bins"); a sentence apart are not.
        if found.together and all(len(re.findall(r"[A-Za-z]+", text)) <= 3 for text in between):
            return ", ".join(dict.fromkeys(unwrap(part) for part in found.together))
        if found.text:
            return found.text
    spans = re.findall(r"\$([^$]+)\$", gold)
    if len(spans) > 1 and not re.sub(r"\$[^$]+\$|\b(?:and|or)\b|[,;.\s]", "", gold):
        return ", ".join(s.strip() for s in spans)  # "$1$ and $2$"
    return gold


def _with_unit_after(reply: str, answer: str) -> str:
    """The answer with the unit the reply writes just after its last occurrence: `28.50` of "It's 28.50 cents."."""
    at = reply.rfind(answer)
    if at < 0 or not answer:
        return answer
    after = re.match(r"[$}\s]*(?:\\text\{\s*)?([A-Za-z]+(?:\s*/\s*[A-Za-z]+|\s+per\s+(?:hour|second))?)", reply[at + len(answer):])
    return f"{answer} {after.group(1)}" if after else answer


def _restatements(reply: str, answer: str) -> list[str]:
    """What "Written another way: 157.2" restates after the final answer: the value after each such phrase."""
    values = []
    for match in RESTATED.finditer(reply, max(0, len(reply) - len(after_final(reply, answer)))):
        tail = reply[match.end():].lstrip(" ,:—-")
        if value := answer_span(tail):
            # "(or equivalently, 1/2)": the aside's closing bracket is not part of the value
            values.append(value[:-1].strip() if value.endswith(")") and value.count(")") > value.count("(") else value)
    return values


def _could_answer(gold: str, other: str) -> bool:
    """Whether an earlier claim could be a second answer: words with no value ("Add componentwise.") cannot,
    for a gold that is a value; number words and "no solution" can."""
    if not re.search(r"\d", gold) or re.search(r"[\d\\=<>]", other):
        return True
    text = normalized_text(other)
    return number_from_words(text) is not None or any(text in synonyms for synonyms in _SYNONYMS) \
        or any(number_from_words(word) is not None for word in re.findall(r"[a-z]+(?:-[a-z]+)?", text))


def judge_reply(gold: str, reply: str, conventions: MathConventions = MathConventions()) -> tuple[str, str, FinalAnswer]:
    """(outcome, detail, the final answer found): outcome is pass, wrong_answer, unparseable or ambiguous."""
    gold = gold_answer(gold)
    reply = unescape(reply)
    found = find_final_answer(reply, strict=conventions.format == "strict")
    # A letter read from prose only where no answer was stated: "#### 2" for gold "B" states a value, not B.
    if _is_letter(gold) and (found.text is None or found.how in _READ_FROM_PROSE and _letter(found.text) is None) \
            and conventions.format == "lenient":
        if (letter := _letter_in_prose(reply)) is not None:
            found = FinalAnswer(letter, "letter_in_prose")
    if found.text is None:
        if found.hedged:
            return "ambiguous", "the reply hedges between answers", found
        return "unparseable", "no final answer stated", found
    if found.hedged:
        return "ambiguous", f"the answer hedges: {found.text!r}", found
    answer = found.text
    gold_shape = shape(normalise(gold))
    if found.together:
        gold_items = len(split_top_level(normalise(gold)[1:-1] if gold_shape in ("set", "pair") else normalise(gold)))
        joinable = all(shape(normalise(p)) == "value" for p in found.together) or gold_items == len(found.together)
        if gold_shape in ("set", "pair", "list") and joinable:
            answer = _together(gold, found.together)
        elif not joinable or any(not answers_match(found.together[-1], p, conventions) for p in found.together[:-1]):
            return "ambiguous", f"several different boxed answers: {list(found.together)}", found
    if found.how == "last_sentence" and not is_plain_number(normalise(gold)) and is_plain_number(normalise(answer)):
        # A bare number read from prose cannot stand for a structured gold: say so rather than guess.
        return "unparseable", f"only a bare number ({answer!r}) in the last sentence", found
    if stated_unit(gold) and not stated_unit(answer) and units_differ(gold, _with_unit_after(reply, answer)):
        return "wrong_answer", f"got {answer!r} in another unit than {gold!r}", found  # "It's 28.50 cents."
    earlier = [other for other in found.earlier if _could_answer(gold, other)]
    if not answers_match(gold, answer, conventions):
        if any(not answers_match(other, answer, conventions) for other in earlier):
            return "ambiguous", f"states {found.earlier[-1]!r} and later {answer!r} with no correction", found
        return "wrong_answer", f"got {answer!r}, expected {gold!r}", found
    for other in earlier:
        if not answers_match(gold, other, conventions):
            return "ambiguous", f"states {other!r} and later {answer!r} with no correction between them", found
    for restated in _restatements(reply, answer):
        if not answers_match(answer, restated, conventions) and not answers_match(gold, restated, conventions):
            return "ambiguous", f"states {answer!r} and, 'written another way', {restated!r}", found
    if signals := competing_signals(reply, found.text):  # accepted only when nothing in the reply competes
        return "ambiguous", f"states {answer!r} but the reply also shows {', '.join(signals)}", found
    return "pass", answer, found


class MathAnswerVerifier:
    isolation: dict[str, str] | None = None  # runs no code

    def __init__(self, gold_field: str = "answer", conventions: MathConventions = MathConventions(),
                 judge: MathJudge | None = None) -> None:
        self.gold_field = gold_field
        self.conventions = conventions
        self.judge = judge  # decides only what cannot be read, once it has passed its calibration
        self.name = "math_answer"

    def judge_calibration(self) -> dict | None:
        calibration = self.judge.calibration if self.judge is not None else None
        return calibration.to_dict() if calibration is not None else None

    async def verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        if self.gold_field not in fields or fields[self.gold_field] is None:
            return Verdict(False, "bad_gold", f"the record has no gold answer in `{self.gold_field}`")
        gold = str(fields[self.gold_field])
        kind = answer_kind(gold)
        try:
            # In a worker process: math-verify's time limits work only on a main thread (math_pool.py).
            outcome, detail = await judge_in_worker(gold, candidate, self.conventions)
        except Exception as error:  # noqa: BLE001 - no reply text may crash a run: reject it, say why
            return Verdict(False, "unparseable", f"could not be read: {type(error).__name__}", category=kind)
        if outcome == "unparseable" and self.judge is not None:
            judged = await self.judge.decide(gold, candidate)
            if judged is not None:
                return Verdict(judged.passed, judged.outcome, judged.detail, mode="judge", category=kind)
        return Verdict(outcome == "pass", outcome, detail, category=kind)
