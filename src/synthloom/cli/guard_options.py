"""The guard commands' options, made from the settings' declarations in guards/settings.py: the same
default, help and bounds as the step's config, stated once."""

from __future__ import annotations

from typing import Any

import typer

from synthloom.guards.settings import declared


def option(settings_class: type, name: str, *flags: str, **override: Any) -> Any:
    """A typer option for the declared setting `name`; inclusive bounds become min/max, exclusive ones a
    check of the value (click has no open interval for typer to use)."""
    found = declared(settings_class, name)
    bounds = found.bounds
    options: dict[str, Any] = {"help": found.help}
    if "ge" in bounds:
        options["min"] = bounds["ge"]
    if "le" in bounds:
        options["max"] = bounds["le"]
    if "gt" in bounds or "lt" in bounds:
        options["callback"] = _open_bounds(bounds.get("gt"), bounds.get("lt"))
    if isinstance(found.default, bool) and not flags:
        flags = (f"--{name.replace('_', '-')}/--no-{name.replace('_', '-')}",)
        options["metavar"] = ""
    return typer.Option(found.default, *flags, **{**options, **override})


def _open_bounds(above: float | None, below: float | None) -> Any:
    def check(value: Any) -> Any:
        if value is not None and above is not None and not value > above:
            raise typer.BadParameter(f"{value} is not greater than {above}")
        if value is not None and below is not None and not value < below:
            raise typer.BadParameter(f"{value} is not less than {below}")
        return value
    return check
