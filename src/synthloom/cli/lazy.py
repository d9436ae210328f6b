"""Commands loaded when they are used: the guard commands build their options from the step configs
(pydantic, numpy and the guards' modules), which `synthloom --help` and every other command should not
pay for. The top-level help lists them with their docstrings' first line, read from the source."""

from __future__ import annotations

import ast
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

LAZY_MODULE = "synthloom.cli.guard_commands"
LAZY_COMMANDS = ("dedup", "decontaminate", "diversity", "coverage")
LISTED_BEFORE = "ingest"  # where `synthloom --help` lists them, as before they were lazy


@cache
def short_help() -> dict[str, str]:
    """Each lazy command's docstring, from its module's source (parsing it loads nothing)."""
    spec = find_spec(LAZY_MODULE)
    tree = ast.parse(Path(str(spec.origin if spec else "")).read_text())
    return {node.name: (ast.get_docstring(node) or "").split("\n\n")[0]
            for node in tree.body if isinstance(node, ast.FunctionDef) and node.name in LAZY_COMMANDS}


@cache
def loaded() -> dict[str, Any]:
    module: Any = import_module(LAZY_MODULE)
    group: Any = typer.main.get_command(module.guards_app)
    return dict(group.commands)


class LazyGroup(TyperGroup):
    _listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        names = [n for n in super().list_commands(ctx) if n not in LAZY_COMMANDS]
        at = names.index(LISTED_BEFORE) if LISTED_BEFORE in names else len(names)
        return names[:at] + list(LAZY_COMMANDS) + names[at:]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in LAZY_COMMANDS:
            return super().get_command(ctx, cmd_name)
        if self._listing:  # the top-level help: a name and a line, nothing imported
            return TyperCommand(cmd_name, help=short_help()[cmd_name])
        return loaded()[cmd_name]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False
