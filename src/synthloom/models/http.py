"""What every HTTP backend shares: a connection pool as large as the concurrency, one request with
connection failures mapped to retryable errors, and Retry-After parsing."""

from __future__ import annotations

import email.utils
import time
from typing import Any

import aiohttp
import orjson

from synthloom.models.base import BackendError


def new_session(max_connections: int, headers: dict[str, str]) -> aiohttp.ClientSession:
    # Pool as large as the concurrency: a smaller default pool silently caps throughput.
    connector = aiohttp.TCPConnector(limit=max_connections, limit_per_host=0, ttl_dns_cache=300,
                                     keepalive_timeout=60)
    return aiohttp.ClientSession(connector=connector, headers=headers, timeout=aiohttp.ClientTimeout(total=None),
                                 json_serialize=lambda o: orjson.dumps(o).decode())


async def send(session: aiohttp.ClientSession, method: str, url: str, where: str,
               **kwargs: Any) -> tuple[int, bytes, Any]:
    """(status, body, headers). A refused or dropped connection is a retryable BackendError."""
    try:
        async with session.request(method, url, **kwargs) as resp:
            return resp.status, await resp.read(), resp.headers
    except aiohttp.ClientConnectorError as exc:
        raise BackendError(f"cannot connect to {where}: {exc.os_error or exc}", retryable=True,
                           kind="connect") from None
    except (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError, aiohttp.ClientOSError) as exc:
        raise BackendError(f"connection dropped: {exc.__class__.__name__}: {exc}", retryable=True,
                           kind="connection") from None


SNIPPET_CHARS = 300


def snippet(body: bytes) -> str:
    """The start of an error body for a message: cut after decoding, so no UTF-8 character is split."""
    return body[: SNIPPET_CHARS * 4].decode("utf-8", "replace")[:SNIPPET_CHARS]


def should_retry(headers: Any, default: bool) -> bool:
    """The server's own word on retrying (`x-should-retry: true|false`, which both providers' SDKs obey)
    over what the status alone suggests."""
    value = (headers.get("x-should-retry") or "").strip().lower() if headers is not None else ""
    return {"true": True, "false": False}.get(value, default)


def parse_retry_after(headers: Any) -> float | None:
    """Seconds to wait from `retry-after-ms`, or `Retry-After` as seconds or an HTTP date."""
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None
