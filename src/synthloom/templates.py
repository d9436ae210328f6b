"""Prompt templates are data files (Jinja2): a name from synthloom's own set, or a path of the user's."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2

from synthloom.errors import UserError

_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False, autoescape=False)


def builtin_names() -> list[str]:
    folder = resources.files("synthloom") / "data" / "templates"
    return sorted(p.name.removesuffix(".jinja") for p in folder.iterdir() if p.name.endswith(".jinja"))


@lru_cache(maxsize=64)
def load_template(name_or_path: str) -> jinja2.Template:
    source = template_source(name_or_path)
    try:
        return _ENV.from_string(source)
    except jinja2.TemplateSyntaxError as exc:
        raise UserError(f"template {name_or_path}: line {exc.lineno}: {exc.message}") from None


def template_source(name_or_path: str) -> str:
    """The template's text, unrendered (a cost plan counts its size)."""
    path = Path(name_or_path)
    if path.suffix:
        if not path.is_file():
            raise UserError(f"template file not found: {path}")
        source = path.read_text()
    else:
        resource = resources.files("synthloom") / "data" / "templates" / f"{name_or_path}.jinja"
        if not resource.is_file():
            raise UserError(f"unknown template {name_or_path!r}: use one of {', '.join(builtin_names())} "
                            "or a path to a .jinja file")
        source = resource.read_text()
    return source


def render(template: jinja2.Template, fields: dict) -> str:
    """Render with the record's fields; a field the template needs but the record lacks is a KeyError."""
    try:
        return template.render(**fields).strip()
    except jinja2.UndefinedError as exc:
        raise KeyError(f"the template needs a field the record lacks ({exc.message})") from None
