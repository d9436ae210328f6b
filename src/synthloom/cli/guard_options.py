"""The guard commands' options, made from the fields of the step's config they run: the same default,
help and bounds as `step: dedup` (etc.) in a run config, stated once, in the config."""

from __future__ import annotations

from typing import Any

import annotated_types
import typer
from pydantic import BaseModel

BOUNDS = {annotated_types.Ge: "ge", annotated_types.Gt: "gt", annotated_types.Le: "le", annotated_types.Lt: "lt"}


def field_bounds(config_class: type[BaseModel], name: str) -> dict[str, Any]:
    """The field's numeric bounds (ge, gt, le, lt) as pydantic holds them."""
    found: dict[str, Any] = {}
    for item in config_class.model_fields[name].metadata:
        key = BOUNDS.get(type(item))
        if key is not None:
            found[key] = getattr(item, key)
    return found


def field_default(config_class: type[BaseModel], name: str) -> Any:
    field = config_class.model_fields[name]
    return field.default_factory() if field.default_factory is not None else field.default  # type: ignore[call-arg]


def option(config_class: type[BaseModel], name: str, *flags: str, **override: Any) -> Any:
    """A typer option for the config's field `name`. Inclusive bounds become min/max, exclusive ones a
    check of the value (click has no open interval); a bool a --name/--no-name flag; a list of names a
    comma-separated value (see `listed`)."""
    field = config_class.model_fields[name]
    default = field_default(config_class, name)
    options: dict[str, Any] = {"help": field.description or ""}
    if isinstance(default, list) or (default is None and "list[" in str(field.annotation)):
        options["help"] = "comma-separated: " + options["help"]
        default = ",".join(default) if default else None
    bounds = field_bounds(config_class, name)
    if "ge" in bounds:
        options["min"] = bounds["ge"]
    if "le" in bounds:
        options["max"] = bounds["le"]
    if "gt" in bounds or "lt" in bounds:
        options["callback"] = _open_bounds(bounds.get("gt"), bounds.get("lt"))
    if isinstance(default, bool) and not flags:
        flags = (f"--{name.replace('_', '-')}/--no-{name.replace('_', '-')}",)
        options["metavar"] = ""
    return typer.Option(default, *flags, **{**options, **override})


def listed(value: str | None) -> list[str] | None:
    """A comma-separated option's names (None when none is given: the step's default)."""
    names = [part.strip() for part in value.split(",") if part.strip()] if value else []
    return names or None


def _open_bounds(above: float | None, below: float | None) -> Any:
    def check(value: Any) -> Any:
        if value is not None and above is not None and not value > above:
            raise typer.BadParameter(f"{value} is not greater than {above}")
        if value is not None and below is not None and not value < below:
            raise typer.BadParameter(f"{value} is not less than {below}")
        return value
    return check
