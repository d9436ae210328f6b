"""The kind of a gold answer (integer, fraction, interval, matrix, ...): what the rejection report counts
outcomes by, so a user sees which kinds of problem the verifier cannot read before they go missing
from the data."""

from __future__ import annotations

import re

from synthloom.verifiers.math_forms import clock_minutes, normalise, shape, split_percent, unwrap
from synthloom.verifiers.math_words import number_from_words

KINDS = ("multiple_choice", "text", "time", "percent", "integer", "decimal", "fraction", "number_words",
         "scientific", "complex", "plus_minus", "set", "tuple", "interval", "matrix", "equation", "system",
         "inequality", "expression")


def answer_kind(gold: str) -> str:
    raw = unwrap(str(gold))
    if re.fullmatch(r"\(?[A-J]\)?\.?", raw.strip()):
        return "multiple_choice"
    if clock_minutes(raw) is not None:
        return "time"
    if number_from_words(raw) is not None and re.search(r"[a-z]{3,}", raw):
        return "number_words"
    if re.search(r"[a-zA-Z]{3,}", re.sub(r"\\[a-zA-Z]+", "", raw)) and not re.search(r"\d|[=<>^]", raw):
        return "text"
    value, percent = split_percent(normalise(raw))
    if percent:
        return "percent"
    text = value.strip()
    if re.fullmatch(r"-?\d+", text):
        return "integer"
    if re.fullmatch(r"-?\d*\.\d+", text):
        return "decimal"
    if re.fullmatch(r"-?(?:\\frac\{\d+\}\{\d+\}|\d+/\d+)", text):
        return "fraction"
    if "\\times 10^" in text:
        return "scientific"
    if "\\pm" in text:
        return "plus_minus"
    form = shape(text)
    if form == "matrix":
        return "matrix"
    if form == "set" or form == "list":
        return "system" if text.count("=") > 1 else "set"
    if form == "pair":
        return "tuple"
    if form == "interval":
        return "interval"
    if form == "relation":
        if re.search(r"\\le|\\ge|<|>|\\ne|\\in\b", text):
            return "inequality"
        return "equation"
    if re.search(r"(?<![a-zA-Z\\])i(?![a-zA-Z])", text) and re.search(r"\d", text):
        return "complex"
    return "expression"
