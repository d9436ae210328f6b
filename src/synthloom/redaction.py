"""Keys never reach a file or the console: error texts carry whatever a server sent back, and some
servers echo the request's Authorization header. Every key synthloom reads is registered here, and
every error text it stores or prints passes through `redact`."""

from __future__ import annotations

import logging
import re

MASK = "[REDACTED]"
# Credentials by shape, whoever's they are: `Bearer <token>`, `x-api-key: <token>`, OpenAI/Anthropic-style keys.
_SHAPES = re.compile(
    r"(?i)(\bbearer\s+)[^\s\"',;}]+"
    r"|(\b(?:x-)?api[-_]?key[\"']?\s*[:=]\s*[\"']?)[^\s\"',;}]+"
    r"|\bsk-[A-Za-z0-9_-]{8,}"
)
_secrets: set[str] = set()


def register_secret(value: str | None) -> str | None:
    """Remember a key's value so that it is masked wherever it appears. Returns it unchanged."""
    if value and len(value) >= 4:  # shorter would mask ordinary words
        _secrets.add(value)
    return value


def redact(text: str) -> str:
    for secret in sorted(_secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, MASK)
    return _SHAPES.sub(lambda m: (m.group(1) or m.group(2) or "") + MASK, text)


class RedactingFilter(logging.Filter):
    """Masks keys in every record a handler writes (run.log, the console)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.msg, record.args = redact(message), None
        return True
