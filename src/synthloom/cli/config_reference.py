"""The configuration reference (docs/configuration.md), generated from the step configs themselves:
every built-in step kind with its settings (type, default, bounds, help) and the nested sections they
take (a verifier, a benchmark). `synthloom steps --markdown` prints it; scripts/gen_config_docs.py
writes it; a test checks the committed page is current."""

from __future__ import annotations

import typing
from importlib import import_module

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

SIGNS = {"Ge": ">=", "Gt": ">", "Le": "<=", "Lt": "<"}  # annotated_types' bounds, as pydantic keeps them
HEADER = """# Configuration reference

Generated from the step configs by `python scripts/gen_config_docs.py` (or `synthloom steps --markdown`);
do not edit by hand: a test fails when this page and the code differ. `synthloom steps KIND` shows the same
for an installed plugin's steps. Every step also takes `name` (its name in the summary, default: its kind)
and `only_if` (a field a record must have for the step to take it; others pass by).
"""


def type_text(annotation: object) -> str:
    text = getattr(annotation, "__name__", None) if not typing.get_args(annotation) else None
    text = text or str(annotation).replace("typing.", "").replace("pathlib.", "")
    for noise in ("synthloom.steps.step_config.", "synthloom.verifiers.config.",
                  "synthloom.steps.guards.decontaminate.", "NoneType"):
        text = text.replace(noise, "None" if noise == "NoneType" else "")
    return text.replace("|", "\\|")


def default_text(info) -> str:
    if info.default_factory is not None:
        try:
            value = info.default_factory()
        except TypeError:
            return "(computed)"
        return f"`{_plain(value)!r}`"
    if info.default is PydanticUndefined:
        return "required"
    return f"`{_plain(info.default)!r}`"


def _plain(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(exclude_defaults=True)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def field_rows(config_class: type[BaseModel], skip: tuple[str, ...] = ("step", "name", "only_if")) -> list[str]:
    rows = ["| setting | type | default | bounds | what it does |", "|---|---|---|---|---|"]
    for name, info in config_class.model_fields.items():
        if name in skip:
            continue
        bounds = ", ".join(f"{SIGNS[type(m).__name__]} {getattr(m, type(m).__name__.lower())}"
                           for m in info.metadata if type(m).__name__ in SIGNS)
        help_text = " ".join((info.description or "").split()).replace("|", "\\|")
        rows.append(f"| `{info.alias or name}` | {type_text(info.annotation)} | {default_text(info)} | {bounds} "
                    f"| {help_text} |")
    return rows


def nested_models(config_class: type[BaseModel]) -> list[type[BaseModel]]:
    """The pydantic sections a config's fields hold (a verifier, benchmarks), each once."""
    found: list[type[BaseModel]] = []

    def walk(annotation: object) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation not in found:
                found.append(annotation)
                for info in annotation.model_fields.values():
                    walk(info.annotation)
            return
        for arg in typing.get_args(annotation):
            walk(arg)

    for info in config_class.model_fields.values():
        walk(info.annotation)
    return found


def reference_markdown() -> str:
    from synthloom.steps.registry import BUILTIN_STEPS

    lines = [HEADER]
    sections: list[type[BaseModel]] = []
    classes = []
    for path in BUILTIN_STEPS:
        module, _, name = path.partition(":")
        classes.append(getattr(import_module(module), name))
    lines.append("Steps: " + ", ".join(f"[`{c.config_class.model_fields['step'].annotation.__args__[0]}`]"
                                      f"(#{c.config_class.model_fields['step'].annotation.__args__[0]})"
                                      for c in classes) + ".\n")
    for step_class in classes:
        config = step_class.config_class
        kind = config.model_fields["step"].annotation.__args__[0]
        doc = " ".join((config.__doc__ or "").strip().split("\n\n")[0].split())
        lines += [f"## {kind}", "", f"{doc} ({step_class.described_kind()})", "", *field_rows(config), ""]
        sections += [m for m in nested_models(config) if m not in sections]
    for section in sections:
        doc = " ".join((section.__doc__ or "").strip().split("\n\n")[0].split())
        lines += [f"## Section: {section.__name__}", ""] + ([doc, ""] if doc else []) + [
            *field_rows(section, skip=()), ""]
    return "\n".join(lines).rstrip() + "\n"
