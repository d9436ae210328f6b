"""`synthloom steps [KIND]`: every step kind (synthloom's and installed plugins') with its settings, read
from the step configs themselves: the reference cannot drift from what a config accepts."""

from __future__ import annotations

import typer

from synthloom.cli.app import app, fail

SIGNS = {"Ge": ">=", "Gt": ">", "Le": "<=", "Lt": "<"}  # annotated_types' bounds, as pydantic keeps them


def field_lines(config_class: type) -> list[str]:
    """One line per setting: name, type, default and help (the config's own field declarations)."""
    from pydantic_core import PydanticUndefined

    lines = []
    for name, info in config_class.model_fields.items():  # type: ignore[attr-defined]
        if name == "step":
            continue
        kind = getattr(info.annotation, "__name__", None) or str(info.annotation).replace("typing.", "")
        if info.default_factory is not None:
            default = "(computed)"
        elif info.default is PydanticUndefined:
            default = "required"
        else:
            default = repr(info.default)
        bounds = ", ".join(f"{SIGNS[type(m).__name__]} {getattr(m, type(m).__name__.lower())}"
                           for m in info.metadata if type(m).__name__ in SIGNS)
        help_text = (info.description or "").strip()
        lines.append(f"  {name}: {kind} = {default}" + (f" [{bounds}]" if bounds else "")
                     + (f"  {help_text}" if help_text else ""))
    return lines


@app.command()
def steps(kind: str | None = typer.Argument(None, help="one step kind; default: list them all"),
          markdown: bool = typer.Option(False, "--markdown", help="print the configuration reference of the "
                                        "built-in steps (docs/configuration.md) as Markdown")) -> None:
    """The step kinds a pipeline can name (built-in and installed plugins), with their settings."""
    from synthloom.errors import UserError

    if markdown:
        from synthloom.cli.config_reference import reference_markdown

        typer.echo(reference_markdown(), nl=False)
        return

    try:
        from synthloom.steps.registry import step_classes

        kinds = step_classes()
        if kind is not None and kind not in kinds:
            raise UserError(f"no step kind {kind!r} (known: {', '.join(sorted(kinds))})")
    except UserError as exc:
        fail(str(exc))
    for name, cls in kinds.items():
        if kind is not None and name != kind:
            continue
        doc = " ".join((cls.config_class.__doc__ or cls.__doc__ or "").strip().split("\n\n")[0].split())
        typer.echo(f"{name} ({cls.described_kind()}){': ' + doc if doc else ''}")
        if kind is not None:
            for line in field_lines(cls.config_class):
                typer.echo(line)
