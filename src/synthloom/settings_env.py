"""Where endpoints and credentials come from when not given: the environment, never a file."""

from __future__ import annotations

import os

from synthloom.redaction import register_secret

ANTHROPIC_BASE_URL = "https://api.anthropic.com/v1"  # the only default endpoint: used only when configured


def first_env(*names: str) -> str | None:
    for name in names:
        if os.environ.get(name):
            return os.environ[name]
    return None


def base_url_from_env() -> str | None:
    return first_env("SYNTHLOOM_BASE_URL", "OPENAI_BASE_URL")


def model_from_env() -> str | None:
    return first_env("SYNTHLOOM_MODEL", "OPENAI_MODEL")


def api_key_from_env(variable: str = "SYNTHLOOM_API_KEY", fallback: str | None = "OPENAI_API_KEY") -> str | None:
    return register_secret(first_env(variable, *([fallback] if fallback else [])))
