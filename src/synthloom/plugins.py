"""The one door for extension: synthloom's own steps and backends are loaded the way installed
packages' are, from `module:name` references, and checked the same way.

An installed package registers a class under an entry point group (`synthloom.steps`, or
`synthloom.backends`); the entry point's name is its kind (the `step:` or `backend:` value a config
names it by). A plugin states its kind once: there, or also as its config's Literal, which must agree.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from importlib.metadata import entry_points
from typing import Any, Literal, get_args, get_origin

from synthloom.errors import UserError


def load_reference(reference: str) -> Any:
    module, _, name = reference.partition(":")
    return getattr(import_module(module), name)


def declared_kind(config_class: type, field: str) -> str | None:
    """The Literal value of the config's `field` (`step`, `backend`), or None when it declares none."""
    annotation = config_class.model_fields[field].annotation  # type: ignore[attr-defined]
    if get_origin(annotation) is Literal and len(get_args(annotation)) == 1:
        return str(get_args(annotation)[0])
    return None


def with_kind(config_class: type, field: str, kind: str) -> type:
    """The config with `field` fixed to `kind` (for a plugin whose entry point alone names its kind)."""
    from pydantic import create_model

    return create_model(config_class.__name__, __base__=config_class, __module__=config_class.__module__,
                        **{field: (Literal[kind], ...)})  # type: ignore[call-overload]


def load_kinds(group: str, builtins: list[str], *, what: str, check: Callable[[Any], str | None],
               config_of: Callable[[Any], type], set_config: Callable[[Any, type], None], field: str) -> dict[str, Any]:
    """Every kind, by name: synthloom's (`builtins`), then the entry points of `group` (which may not reuse
    one). `check(obj)` says what is wrong with a loaded object, or None; `config_of`/`set_config` reach its
    config class, whose `field` holds the kind."""
    kinds: dict[str, Any] = {}
    for reference in builtins:
        obj = load_reference(reference)
        kind = declared_kind(config_of(obj), field)
        assert kind is not None, f"{reference}: a built-in {what} declares its kind as a Literal"
        kinds[kind] = obj
    for entry in entry_points(group=group):
        where = f"the {what} plugin {entry.name!r} ({entry.value})"
        try:
            obj = entry.load()
        except Exception as exc:  # noqa: BLE001 - a broken plugin is named, not a traceback
            raise UserError(f"{where} failed to load: {type(exc).__name__}: {exc}") from None
        problem = check(obj)
        if problem:
            raise UserError(f"{where} {problem}")
        stated = declared_kind(config_of(obj), field)
        if stated is None:
            set_config(obj, with_kind(config_of(obj), field, entry.name))
        elif stated != entry.name:
            raise UserError(f"{where} names the kind {entry.name!r} but its config says {field}: {stated!r}; "
                            "state it once (the entry point's name) or make the two agree")
        if entry.name in kinds and kinds[entry.name] is not obj:
            raise UserError(f"{where} reuses the {what} kind {entry.name!r}")
        kinds[entry.name] = obj
    return kinds
