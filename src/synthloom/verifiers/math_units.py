"""The unit an answer states, as one canonical name, so `45 m` is told apart from `45 cm` and `€12.50` from `$12.50`.

With `units: "ignore"` a unit around a number is dropped before the numbers are compared; but when gold and
answer both name a unit this knows, and the units differ, the answer states another quantity: a different
unit is never ignored. A unit this does not know (or none) says nothing, and the numbers alone decide.
Conversions (0.45 m for 45 cm) are not attempted: that is a different statement, so it is not accepted.
"""

from __future__ import annotations

import re

_ALIASES = {
    "mm": ("mm", "millimeter", "millimeters", "millimetre", "millimetres"),
    "cm": ("cm", "centimeter", "centimeters", "centimetre", "centimetres"),
    "m": ("m", "meter", "meters", "metre", "metres"),
    "km": ("km", "kilometer", "kilometers", "kilometre", "kilometres"),
    "in": ("inch", "inches"),  # not "in": `x \\in`, "5 in total"
    "ft": ("ft", "foot", "feet"),
    "yd": ("yd", "yard", "yards"),
    "mi": ("mi", "mile", "miles"),
    "km/h": ("km/h", "kph", "kmh", "km/hr", "kilometers per hour", "kilometres per hour"),
    "mph": ("mph", "mi/h", "miles per hour"),
    "m/s": ("m/s", "meters per second", "metres per second"),
    "mg": ("mg", "milligram", "milligrams"),
    "g": ("g", "gram", "grams"),
    "kg": ("kg", "kilogram", "kilograms", "kilo", "kilos"),
    "lb": ("lb", "lbs", "pound", "pounds"),
    "oz": ("oz", "ounce", "ounces"),
    "ml": ("ml", "milliliter", "milliliters", "millilitre", "millilitres"),
    "l": ("l", "liter", "liters", "litre", "litres"),
    "s": ("s", "sec", "secs", "second", "seconds"),
    "min": ("min", "mins", "minute", "minutes"),
    "h": ("h", "hr", "hrs", "hour", "hours"),
    "day": ("day", "days"),
    "week": ("week", "weeks"),
    "USD": ("dollar", "dollars", "usd"),
    "EUR": ("euro", "euros", "eur"),
    "GBP": ("gbp", "pound sterling"),
    "cent": ("cent", "cents"),
    "JPY": ("yen", "jpy"),
}
_CANONICAL = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_SIGNS = (
    ("EUR", r"€|\\euro(?![A-Za-z])"),  # `\pounds9.90`: a digit may follow the command at once
    ("GBP", r"£|\\pounds(?![A-Za-z])"),
    ("JPY", r"¥|\\yen(?![A-Za-z])"),
    ("cent", r"¢"),
    ("USD", r"\\\$|US\$"),
)
_DOLLAR = re.compile(r"(?<![\\\w])\$(?=\s*-?\d)")  # `$18`, or the opening of a math span: read after the words
# A unit word after the number: `12 cm`, `12\,\text{cm}`, `12 \mathrm{km}^2`, `12 sq ft`.
_AFTER_NUMBER = re.compile(
    r"\d\}?\s*(?:\\[,;! ]|~|\s)*(?:\\(?:text|mathrm|textrm|mbox)\s*\{\s*)?(?P<u>(?:sq(?:uare)?\.?\s+|cubic\s+)?"
    r"[A-Za-z]+(?:\s*/\s*[A-Za-z]+|\s+per\s+(?:hour|second)|\s+sterling)?)\s*\}?\s*(?P<p>\^\s*\{?\s*[23]\s*\}?|[²³])?"
)


def stated_unit(answer: str) -> str | None:
    """The canonical unit `answer` names as a currency sign or after its number, or None."""
    text = str(answer)
    for name, sign in _SIGNS:
        if re.search(sign, text):
            return name
    found = _AFTER_NUMBER.search(text)
    word = found.group("u").lower() if found else ""
    square = re.match(r"(sq(?:uare)?\.?|cubic)\s+", word)
    unit = _CANONICAL.get(word[square.end() :] if square else word)
    if unit is None or found is None:
        return "USD" if _DOLLAR.search(text) and not re.search(r"\$\s*-?\d[^$]*\$", text) else None
    if square:
        return f"{unit}^{'3' if square.group(1) == 'cubic' else '2'}"
    power = re.sub(r"\D", "", (found.group("p") or "").replace("²", "2").replace("³", "3"))
    return f"{unit}^{power}" if power else unit


def units_differ(gold: str, answer: str) -> bool:
    """Whether gold and answer both name a known unit, and not the same one."""
    gold_unit, answer_unit = stated_unit(gold), stated_unit(answer)
    return gold_unit is not None and answer_unit is not None and gold_unit != answer_unit
