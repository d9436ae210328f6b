"""An answer's text made ready for math-verify, and the shape it is written in.

math-verify reads LaTeX and plain expressions well; what it cannot know are the conventions of prose
answers: money (`$18`, `\\$18.00`), units (`12 cm`, `30^\\circ`), number words ("forty-two", "3.5
million"), scientific notation (`1.2e-3`), thousands written with spaces or commas, mixed numbers
(`2 1/2`), an exact value with its decimal approximation (`\\frac{\\sqrt2}{2} \\approx 0.707`: the
exact part counts), column vectors against tuples, and clock times. Each is rewritten here into what
math-verify reads the same way; nothing is cut down to a number inside the answer.
"""

from __future__ import annotations

import re
from fractions import Fraction

from synthloom.verifiers.math_words import number_from_words

_UNICODE = {"−": "-", "–": "-", "×": "\\times ", "÷": "\\div ", "√": "\\sqrt", "π": "\\pi ", "∞": "\\infty ",
            "≤": "\\le ", "≥": "\\ge ", "≠": "\\ne ", "±": "\\pm ", "²": "^2", "³": "^3", "°": "^\\circ",
            "∪": "\\cup ", "≈": "\\approx ", "\u00a0": " ", "\u2009": " ", "\u202f": " "}
_WRAPPERS = re.compile(r"^(?:\$\$(.*)\$\$|\$(.*)\$|\\\((.*)\\\)|\\\[(.*)\\\])$", re.DOTALL)
_APPROX = re.compile(r"\s*(?:\\approx|\\sim|\\simeq|\\doteq|≈|~)\s*")
_TEXT = re.compile(r"\\(?:text|textbf|textit|mathrm|mbox|textnormal|operatorname)\s*\{([^{}]*)\}")
_NUMBER = r"-?\d+(?:\.\d+)?"
_UNIT_WORDS = re.compile(r"^(?P<n>.*?(?:\d\}?|\\pi))\s*(?:(?:\\,|\\;|\\ |~)\s*)*(?P<u>(?:(?:sq(?:uare)?\.?\s+|cubic\s+)?[a-zA-Z]+"
                         r"(?:[./][a-zA-Z]+)?(?:\s*\^?\{?[23]\}?)?\.?)(?:\s+(?:per|each|an?|every)?\s*[a-zA-Z]+\.?)*)$")
_NOT_UNITS = {"i", "e", "pi", "or", "and", "x", "y", "z", "n", "k", "a", "b", "c", "d", "t"}
_CURRENCY = re.compile(r"\\\$|(?<![\\\w])\$(?=\s*-?\d)|US\$|USD|€|£|¥|\\euro|\\pounds")
_SCIENTIFIC = re.compile(r"(\d(?:\.\d+)?)\s*[eE]\s*([-+]?\d+)\b")
_TIMES_TEN = re.compile(r"(\d)\s*(?:\\times|\\cdot|x|\*)\s*10\s*\^\s*\{?\s*([-+]?\d+)\s*\}?")
_THOUSANDS = re.compile(r"^-?\d{1,3}(?:(?:,|,\\!\s?|\\,|\s|\{,\})\d{3})+(?:\.\d+)?$")
_MIXED = re.compile(r"^(-?)(\d+)\s+(\d+)\s*/\s*(\d+)$|^(-?)(\d+)\s*\\[dt]?frac\s*\{?(\d+)\}?\s*\{?(\d+)\}?$")
_SCALE = re.compile(r"^(-?\d+(?:\.\d+)?)\s*(?:\\text\{\s*)?(thousand|million|billion|trillion)\}?$", re.I)
_CLOCK = re.compile(r"^(?:\\text\{)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:\\text\{\s*)?([ap])?\.?\s*(?:m\.?)?\s*\}?\s*$", re.I)
_PERCENT = re.compile(r"\s*(?:\\?%|\\text\{\s*\\?%\s*\}|\s+percent|\\percent)\s*$")


def unwrap(text: str) -> str:
    text = text.strip().strip("*").strip()
    while (found := _WRAPPERS.match(text)) is not None:
        text = next(g for g in found.groups() if g is not None).strip()
    return text


def plain_unicode(text: str) -> str:
    text = re.sub(r"√\s*(\d+(?:\.\d+)?|[A-Za-z])|√\s*\(([^()]*)\)", lambda m: f"\\sqrt{{{m.group(1) or m.group(2)}}}", text)  # √10
    for char, latex in _UNICODE.items():
        text = text.replace(char, latex)
    return text


def clock_minutes(text: str) -> int | None:
    """Minutes after midnight of a clock time ("3:45 PM", "15:45"), or None."""
    found = _CLOCK.match(unwrap(text).replace("\\,", " ").replace("\\ ", " ").replace("{:}", ":").rstrip("."))  # 14{:}40
    if not found:
        return None
    hours, minutes, meridiem = int(found.group(1)), int(found.group(2)), (found.group(4) or "").lower()
    if minutes > 59 or hours > 24 or (meridiem and not 1 <= hours <= 12):
        return None
    if meridiem:
        hours = hours % 12 + (12 if meridiem == "p" else 0)
    return hours * 60 + minutes


def split_percent(text: str) -> tuple[str, bool]:
    stripped = _PERCENT.sub("", text)
    return stripped, stripped != text


def _fraction_latex(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"\\frac{{{value.numerator}}}{{{value.denominator}}}"


def _drop_units(text: str) -> str:
    text = re.sub(r"^(\s*-?[\d.,]+\s*)(?:\^\s*\{?\\circ\}?|\\circ|\\degree)", r"\1", text)  # 30^\circ, not \sin 60^\circ
    text = _TEXT.sub(lambda m: " " + m.group(1) + " " if re.fullmatch(r"[\sA-Za-z./²³^0-9]*", m.group(1)) else m.group(0),
                     text)
    found = _UNIT_WORDS.match(text.strip())
    # A unit follows a number, not an expression: the `x^2` of `9 + 18x^2` is a variable.
    if found and not set(re.findall(r"[a-z]+", found.group("u").lower())) & _NOT_UNITS \
            and not re.search(r"[a-zA-Z]", re.sub(r"\\[a-zA-Z]+", "", found.group("n"))):
        return found.group("n").strip()
    return text.strip()


def _vector(text: str) -> str:
    """A one-column or one-row matrix as the tuple it stands for."""
    found = re.fullmatch(r"\\begin\{([pb]matrix)\}(.*)\\end\{\1\}", text.strip(), re.DOTALL)
    if not found:
        return text
    rows = [r.strip() for r in found.group(2).split("\\\\") if r.strip()]
    cells = [[c.strip() for c in r.split("&")] for r in rows]
    if all(len(r) == 1 for r in cells) and len(cells) > 1:
        return "(" + ", ".join(r[0] for r in cells) + ")"
    if len(cells) == 1 and len(cells[0]) > 1:
        return "(" + ", ".join(cells[0]) + ")"
    return text


def _nested_list_matrix(text: str) -> str:
    """`[[1, 2], [3, 4]]`, as programs print a matrix, is the pmatrix of those rows."""
    found = re.fullmatch(r"\[\s*(\[[^\[\]]*\](?:\s*,\s*\[[^\[\]]*\])+)\s*\]", text.strip())
    if not found:
        return text
    rows = [[c.strip() for c in r.split(",")] for r in re.findall(r"\[([^\[\]]*)\]", found.group(1))]
    if len({len(r) for r in rows}) != 1:
        return text  # ragged: not a matrix
    return "\\begin{pmatrix}" + " \\\\ ".join(" & ".join(r) for r in rows) + "\\end{pmatrix}"


def normalise(answer: str, drop_units: bool = True) -> str:
    """The answer as LaTeX math-verify reads as the writer meant it."""
    text = re.sub(r"\s+", " ", plain_unicode(unwrap(answer))).strip()
    text = re.sub(r"^[-–—]\s+(?=[-−+]\s*\d)", "", text)  # "Answer - -9.56": the first dash only separates
    text = re.sub(r"^-\s+(?=\d)", "-", re.sub(r"^=\s*", "", text))
    text = re.sub(r"(?<![\\a-zA-Z])sqrt\s*\(([^()]*)\)", r"\\sqrt{\1}", text)
    text = re.sub(r"(\d)\s+i\b", r"\1i", text)  # 2 i
    text = re.sub(r"\+\s*/\s*-|\+-", r"\\pm ", text)  # +/- sqrt(6)
    text = re.sub(r"(?<![\\a-zA-Z])inf(?:inity)?\b", r"\\infty", text)
    text = re.sub(r"^[a-zA-Z]\s+in\s+(?=[(\[{]|\\\{)", "", text)  # x in (-inf, 4), x in {3, 7}
    text = re.sub(r"^\{([^{}]*,[^{}]*)\}$", r"\\{\1\\}", text)  # {3, 7} in plain text is a set
    if found := re.fullmatch(r"([a-z])\s*(>|\\ge|\\geq)\s*([^<>]+?)\s*(?:,|\\text\{\s*and\s*\}|and)\s*\1\s*(<|\\le|\\leq)\s*(.+)", text):
        lower = {">": "<", "\\ge": "\\le", "\\geq": "\\le"}[found.group(2)]  # x > 0 and x <= 7 is 0 < x <= 7
        text = f"{found.group(3)} {lower} {found.group(1)} {found.group(4)} {found.group(5)}"
    text = re.sub(r"([+-])\s*\((-?)(\d+(?:\.\d+)?)\)\s*i\b",  # 10 + (-11)i
                  lambda m: f"{'-' if (m.group(1) == '-') != bool(m.group(2)) else '+'} {m.group(3)}i", text)
    text = re.sub(r"(?<![\\a-zA-Z])(\d)\s*\*?\s*pi\b", r"\1\\pi", text)  # 121*pi, 121 pi
    text = _nested_list_matrix(text)
    text = re.sub(r"\\langle\s*", "(", re.sub(r"\s*\\rangle", ")", text))  # <3, 4> is the vector (3, 4)
    text = re.sub(r"^<\s*([^<>=]+,[^<>=]+?)\s*>$", r"(\1)", text)  # written without \langle
    text = re.sub(r"(?:\\left)?[(\[]?\s*\\begin\{array\}\{[^{}]*\}(.*?)\\end\{array\}\s*(?:\\right)?[)\]]?",
                  r"\\begin{pmatrix}\1\\end{pmatrix}", text)  # an array in brackets is a matrix
    text = re.sub(r"^\\text\{([a-z][a-z\- ]*)\}(?=\s*\()", r"\1", text, flags=re.I)  # \text{twelve} (12)
    if found := re.fullmatch(r"([a-z][a-z\- ]*?)\s*\((-?[\d.,/]+)\)", text, re.I):  # "twelve (12)"
        if (words := number_from_words(found.group(1))) is not None and str(words) == found.group(2):
            text = found.group(2)
    if found := re.fullmatch(r"(.+?)\s*(>|\\gt|\\ge|\\geq|≥)\s*([a-z])\s*(>|\\gt|\\ge|\\geq)\s*(.+)", text):
        flip = {">": "<", "\\gt": "<", "\\ge": "\\le", "\\geq": "\\le", "≥": "\\le"}
        text = f"{found.group(5)} {flip[found.group(4)]} {found.group(3)} {flip[found.group(2)]} {found.group(1)}"
    text = re.sub(r"^[a-zA-Z]\s*=\s*(?=\\pm)", "", text)  # x = \pm 2
    text = re.sub(r"^\(\s*[a-zA-Z](?:\s*,\s*[a-zA-Z])+\s*\)\s*=\s*(?=\()", "", text)  # (x, y) = (5, 8)
    if _APPROX.search(text):  # "exact ≈ decimal": the exact part; "x ≈ 11": the value
        exact, *_ = _APPROX.split(text)
        text = exact if exact.strip() and not re.fullmatch(r"\s*[a-zA-Z]\s*", exact) else _APPROX.split(text)[-1]
    text = unwrap(text.strip().rstrip(".").strip())
    text = _CURRENCY.sub("", text).strip()
    if text.count("$") == 1:
        text = text.replace("$", "").strip()  # a lone `$` is money or a stray delimiter, never math
    text = re.sub(r"\\(?:left|right)\b", "", text)
    text = _THOUSANDS.sub(lambda m: re.sub(r"\\!|\s|\\,|\{,\}|,", "", m.group(0)), text).replace("\\!", "")
    text = re.sub(r"\\lt\b", "<", re.sub(r"\\gt\b", ">", text)).replace("\\neq", "\\ne ").replace("!=", "\\ne ")
    text = text.replace("\\dfrac", "\\frac").replace(
        "\\tfrac", "\\frac")
    text = re.sub(r"\s*(?:dollars?|cents?|usd)\b\.?", "", text, flags=re.I) if drop_units else text
    if (words := number_from_words(re.sub(r"\\text\{([^{}]*)\}", r"\1", text))) is not None:
        return _fraction_latex(words)
    if drop_units:
        text = _drop_units(text)
        if (words := number_from_words(re.sub(r"\\text\{([^{}]*)\}", r"\1", text))) is not None:
            return _fraction_latex(words)  # "3.5 million dollars"
    if _THOUSANDS.match(text):
        text = re.sub(r"\\,|\s|\{,\}|,", "", text)
    if (found := re.fullmatch(r"(\d+)\s+and\s+(\d+)\s*/\s*(\d+)", text)) and int(found.group(2)) < int(found.group(3)):
        text = f"{found.group(1)} {found.group(2)}/{found.group(3)}"  # "5 and 1/5" is spoken 5 1/5
    if found := _MIXED.match(text):
        sign, whole, numerator, denominator = (g for g in found.groups() if g is not None)
        if int(denominator):
            value = int(whole) + Fraction(int(numerator), int(denominator))
            return _fraction_latex(-value if sign else value)
    text = _TIMES_TEN.sub(r"\1\\times 10^{\2}", _SCIENTIFIC.sub(r"\1\\times 10^{\2}", text))
    if found := re.fullmatch(r"(-?\d+(?:\.\d+)?)\s*\\times\s*10\^\{([-+]?\d+)\}", text):  # exact, not a float
        return _fraction_latex(Fraction(found.group(1)) * Fraction(10) ** int(found.group(2)))
    if not re.search(r"[<>]|\\[lg]eq?\b", text):  # "x < -1 or x > 5" is a union: math-verify reads it as one
        text = re.sub(r"\\(?:quad|qquad)\b|\\text\{\s*(or|and)\s*\}", lambda m: f" {m.group(1) or ''} ", text)
        text = re.sub(r"(?<=[)\]}])\s*(?:or|and)\s*(?=[(\[{])", ", ", re.sub(r"(?<!\\)\\ ", " ", text))  # (11,7)or(7,11)
        text = re.sub(r"\s*,?\s+(?:or|and)\s+|\s*,\s*,\s*", ", ", re.sub(r"\s+", " ", text)).strip()
    if ";" in text and not re.search(r"\\[a-zA-Z]", text):  # "(0;0;0)", "-12;-11;-10", "p=5,q=2;p=7,q=2"
        parts = [_system(p.strip()) for p in text.split(";") if p.strip()]
        text = ", ".join(parts) if not re.fullmatch(r"\(.*\)", text.strip()) else text.replace(";", ",")
    text = re.sub(r"(?:,\s*){2,}", ", ", text)
    return _system(_vector(text).strip().rstrip(",").strip())


_ASSIGNMENT = re.compile(r"^([a-zA-Z])(_\{?\w+\}?)?\s*=\s*([^=]+)$")


def _system(text: str) -> str:
    """`x = 2, y = 3` as the tuple (2, 3), variables in alphabetical order; roots of one variable
    (`x = 1, x = 2`, `x_1 = 1, x_2 = 2`) as the set of their values."""
    parts = split_top_level(text)
    found = [_ASSIGNMENT.match(p.strip()) for p in parts]
    if len(parts) < 2 or not all(found):
        return text
    names = [m.group(1) for m in found]  # type: ignore[union-attr]
    values = [m.group(3).strip() for m in found]  # type: ignore[union-attr]
    if len(set(names)) == len(names) and not any(m.group(2) for m in found):  # type: ignore[union-attr]
        return "(" + ", ".join(v for _, v in sorted(zip(names, values, strict=True))) + ")"
    if len(set(names)) == 1:
        return "\\{" + ", ".join(values) + "\\}"
    return text


def split_top_level(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return [*parts, text[start:]]


def shape(text: str) -> str:
    """How a normalised answer is written: set, pair (round brackets, a tuple or an open interval),
    interval (mixed or square brackets), matrix, relation, list (bare values with commas) or value."""
    text = text.strip()
    if text.startswith("\\begin{"):
        return "matrix"
    if re.fullmatch(r"\\\{.*\\\}|\{.*\}", text, re.DOTALL) and "," in text or text in ("\\{\\}", "\\emptyset"):
        return "set"
    if re.fullmatch(r"\\pm\s*.+|.+\\pm.+", text):
        return "set"
    if _one_group(text) and text[0] == "(" and text[-1] == ")" and _top_level_commas(text[1:-1]):
        return "pair"
    if _one_group(text) and _top_level_commas(text[1:-1]):
        return "interval"
    if _top_level_commas(text):
        return "list"
    if re.search(r"(?<![<>!\\])=|\\le|\\ge|<|>|\\ne|\\in\b", text):
        return "relation"
    return "value"


def _one_group(text: str) -> bool:
    """Whether `text` is one bracketed group: `(1, 2]` is, `(2, 2), (6, 2)` is not."""
    if len(text) < 2 or text[0] not in "([" or text[-1] not in ")]":
        return False
    depth = 0
    for i, char in enumerate(text):
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(char, 0)
        if depth == 0 and i < len(text) - 1:
            return False
    return True


def _top_level_commas(text: str) -> int:
    return len(split_top_level(text)) - 1


def is_plain_number(text: str) -> bool:
    text = split_percent(text)[0]
    return bool(re.fullmatch(r"-?\d+(?:\.\d+)?|-?\\frac\{\d+\}\{\d+\}|-?\d+/\d+", text.strip()))
