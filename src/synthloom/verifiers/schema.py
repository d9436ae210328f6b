"""Structure checks: JSON Schema validation of JSON in the output, and regular expressions."""

from __future__ import annotations

import json
import re
from typing import Any

from synthloom.verifiers.base import Verdict

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


def extract_json(text: str) -> Any:
    """The JSON in a candidate: the whole text, a ```json fence, or the first {...} / [...] span."""
    for chunk in (text, *_FENCE.findall(text)):
        try:
            return json.loads(chunk)
        except ValueError:
            pass
    for opener, closer in (("{", "}"), ("[", "]")):
        start, end = text.find(opener), text.rfind(closer)
        if 0 <= start < end:
            try:
                return json.loads(text[start:end + 1])
            except ValueError:
                pass
    raise ValueError("no JSON found")


class JsonSchemaVerifier:
    isolation: dict[str, str] | None = None  # runs no code

    def __init__(self, schema: dict[str, Any]) -> None:
        import jsonschema

        jsonschema.Draft202012Validator.check_schema(schema)  # a bad schema is the user's error, up front
        self.validator = jsonschema.Draft202012Validator(schema)
        self.name = "json_schema"

    async def verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        try:
            data = extract_json(candidate)
        except ValueError:
            return Verdict(False, "no_json", "no JSON in the output")
        errors = sorted(self.validator.iter_errors(data), key=lambda e: list(e.path))
        if errors:
            where = "/".join(map(str, errors[0].path)) or "(root)"
            return Verdict(False, "schema_mismatch", f"{where}: {errors[0].message}")
        return Verdict(True, "pass")


class RegexVerifier:
    isolation: dict[str, str] | None = None  # runs no code

    def __init__(self, pattern: str, full_match: bool = False) -> None:
        self.pattern = re.compile(pattern, re.DOTALL)
        self.full_match = full_match
        self.name = "regex"

    async def verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        match = (self.pattern.fullmatch if self.full_match else self.pattern.search)(candidate.strip())
        if match:
            return Verdict(True, "pass")
        return Verdict(False, "no_match", f"does not match {self.pattern.pattern!r}")
