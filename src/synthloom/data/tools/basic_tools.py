"""synthloom's bundled tools (for tests and the example): a calculator, a unit converter, an in-memory
key-value store and a small calendar. They run in the sandbox, one process per trajectory, so the
store and the calendar start empty for every trajectory. Standard library only."""

import ast
import operator

_OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
              ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow,
              ast.USub: operator.neg, ast.UAdd: operator.pos}


def _evaluate(node):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body)
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        left, right = _evaluate(node.left), _evaluate(node.right)
        if isinstance(node.op, ast.Pow) and abs(right) > 100:
            raise ValueError("exponent too large")
        return _OPERATORS[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPERATORS:
        return _OPERATORS[type(node.op)](_evaluate(node.operand))
    raise ValueError(f"unsupported expression element: {type(node).__name__}")


def calculate(expression):
    """Arithmetic on numbers with + - * / // % ** and parentheses."""
    if len(expression) > 500:
        raise ValueError("expression too long")
    value = _evaluate(ast.parse(expression, mode="eval"))
    return {"expression": expression, "result": round(value, 10) if isinstance(value, float) else value}


# Factors to one base unit per dimension.
_UNITS = {
    "length": {"mm": 0.001, "cm": 0.01, "m": 1.0, "km": 1000.0, "in": 0.0254, "ft": 0.3048, "yd": 0.9144,
               "mi": 1609.344},
    "mass": {"mg": 1e-6, "g": 0.001, "kg": 1.0, "lb": 0.45359237, "oz": 0.028349523125},
    "volume": {"ml": 0.001, "l": 1.0, "gal": 3.785411784, "cup": 0.2365882365},
}
_TEMPERATURES = {"c", "f", "k"}


def _to_celsius(value, unit):
    return {"c": value, "f": (value - 32) * 5 / 9, "k": value - 273.15}[unit]


def _from_celsius(value, unit):
    return {"c": value, "f": value * 9 / 5 + 32, "k": value + 273.15}[unit]


def convert_units(value, from_unit, to_unit):
    """Convert a quantity between units of one dimension (length, mass, volume, temperature)."""
    source, target = from_unit.strip().lower(), to_unit.strip().lower()
    if source in _TEMPERATURES and target in _TEMPERATURES:
        converted = _from_celsius(_to_celsius(value, source), target)
    else:
        dimension = next((d for d, units in _UNITS.items() if source in units and target in units), None)
        if dimension is None:
            raise ValueError(f"cannot convert {from_unit!r} to {to_unit!r}")
        converted = value * _UNITS[dimension][source] / _UNITS[dimension][target]
    return {"value": value, "from_unit": from_unit, "to_unit": to_unit, "result": round(converted, 6)}


_STORE: dict = {}


def kv_set(key, value):
    """Store a text value under a key (replacing any earlier value)."""
    _STORE[key] = value
    return {"ok": True, "key": key}


def kv_get(key):
    """The value stored under a key."""
    if key not in _STORE:
        return {"found": False, "key": key}
    return {"found": True, "key": key, "value": _STORE[key]}


def kv_delete(key):
    return {"deleted": _STORE.pop(key, None) is not None, "key": key}


def kv_list():
    return {"keys": sorted(_STORE)}


_EVENTS: list = []


def add_event(title, date, start_time, duration_minutes=60):
    """Add an event to the calendar; returns its id."""
    hours, minutes = (int(part) for part in start_time.split(":"))
    if not (0 <= hours < 24 and 0 <= minutes < 60):
        raise ValueError(f"not a time of day: {start_time!r}")
    event = {"id": len(_EVENTS) + 1, "title": title, "date": date, "start_time": f"{hours:02d}:{minutes:02d}",
             "duration_minutes": duration_minutes}
    _EVENTS.append(event)
    return event


def list_events(date):
    """The events on one date, in order of start time."""
    return {"date": date, "events": sorted((e for e in _EVENTS if e["date"] == date), key=lambda e: e["start_time"])}


def delete_event(event_id):
    before = len(_EVENTS)
    _EVENTS[:] = [e for e in _EVENTS if e["id"] != event_id]
    return {"deleted": len(_EVENTS) < before, "event_id": event_id}
