"""Plain data across the sandbox boundary: a tagged JSON encoding that only plain built-in values survive.

Both sides use this file (it is copied into the sandbox, so it imports nothing but the standard
library). Encoding checks exact types (`type(x) is int`, never isinstance), so an object with its own
`__eq__`, a subclass of str or int, or anything else with behaviour cannot cross: the far side only
ever rebuilds None, bool, int, float, complex, str, bytes, list, tuple, set, frozenset and dict.
Floats travel as hex, so they arrive bit for bit (inf and nan included).
"""

from __future__ import annotations

MAX_DEPTH = 40
MAX_ITEMS = 200_000  # values of any kind in one answer, counted on both sides
MAX_INT_DIGITS = 4300  # Python's own limit for int <-> str (sys.int_info.default_max_str_digits)
# Values sharing one hash that one set or dict may hold. Int, float and tuple hashes are not randomised,
# so a candidate can send 100,000 distinct ints of one hash, and building a set of them is quadratic
# (hours). A real set has no two equal items and hardly ever more than a few sharing a hash.
MAX_SAME_HASH = 32


class Unencodable(ValueError):
    """The value is not plain data (or too deep or too large); the message names what was found."""


def encode(value, _depth=0, _budget=None):
    budget = _budget if _budget is not None else [MAX_ITEMS]
    budget[0] -= 1
    if budget[0] < 0 or _depth > MAX_DEPTH:
        raise Unencodable("value too large or too deeply nested")
    kind = type(value)
    if value is None or kind is bool or kind is str:
        return value
    if kind is int:
        return {"i": str(value)}
    if kind is float:
        return {"f": value.hex()}
    if kind is complex:
        return {"c": [value.real.hex(), value.imag.hex()]}
    if kind is bytes:
        return {"b": value.hex()}
    tags = {list: "l", tuple: "t", set: "s", frozenset: "fs"}
    if kind in tags:
        return {tags[kind]: [encode(item, _depth + 1, budget) for item in value]}
    if kind is dict:
        return {"d": [[encode(k, _depth + 1, budget), encode(v, _depth + 1, budget)] for k, v in value.items()]}
    raise Unencodable(f"a value of type {kind.__name__!r} is not plain data")


def decode(data):
    """The inverse of encode, refusing anything encode could not have produced. Whatever the far side
    sent, the only exception that leaves here is Unencodable, and at most MAX_ITEMS values are built."""
    try:
        return _decode(data, 0, [MAX_ITEMS])
    except Unencodable:
        raise
    except (TypeError, ValueError, OverflowError, RecursionError, MemoryError) as exc:
        # An unhashable item in a set or a dict key, a malformed hex float, ...
        raise Unencodable(f"malformed value: {type(exc).__name__}") from None


def check_hashes(items) -> None:
    """Refuse items that would make a set or dict of them quadratic to build (see MAX_SAME_HASH).
    Counting hashes is linear: the counter's keys are the distinct hash values themselves."""
    counts: dict[int, int] = {}
    for item in items:
        value = hash(item)  # TypeError for an unhashable item: the caller's Unencodable
        counts[value] = counts.get(value, 0) + 1
        if counts[value] > MAX_SAME_HASH:
            raise Unencodable(f"more than {MAX_SAME_HASH} items of one hash in a set or dict")


def _decode(data, depth, budget):
    budget[0] -= 1
    if budget[0] < 0 or depth > MAX_DEPTH:
        raise Unencodable("value too large or too deeply nested")
    if data is None or type(data) is bool or type(data) is str:
        return data
    if type(data) is not dict or len(data) != 1:
        raise Unencodable(f"malformed value: {str(data)[:80]}")
    (tag, body), = data.items()
    if tag == "i" and type(body) is str and len(body.lstrip("-")) <= MAX_INT_DIGITS:
        return int(body)
    if tag == "f" and type(body) is str:
        return float.fromhex(body)
    if tag == "c" and type(body) is list and len(body) == 2 and all(type(p) is str for p in body):
        return complex(float.fromhex(body[0]), float.fromhex(body[1]))
    if tag == "b" and type(body) is str:
        return bytes.fromhex(body)
    if tag in ("l", "t", "s", "fs") and type(body) is list:
        items = [_decode(item, depth + 1, budget) for item in body]
        if tag in ("s", "fs"):
            check_hashes(items)
        return {"l": list, "t": tuple, "s": set, "fs": frozenset}[tag](items)
    if tag == "d" and type(body) is list:
        pairs = []
        for pair in body:
            if type(pair) is not list or len(pair) != 2:
                raise Unencodable("malformed dict entry")
            pairs.append((_decode(pair[0], depth + 1, budget), _decode(pair[1], depth + 1, budget)))
        check_hashes([key for key, _ in pairs])
        return dict(pairs)
    raise Unencodable(f"unknown tag {str(tag)[:40]!r}")
