"""An OpenAI-compatible load target that answers every request after a fixed latency.

Raw asyncio protocol (no framework) so that it spends as little of the shared 2 cores as possible:
the benchmark measures the client, not this server. Usage: python latency_server.py PORT LATENCY_S [K]

With K, the server works on at most K requests at once and answers 429 at once (no Retry-After) to
any request beyond that, as a saturated self-hosted server behind a limiter does. GET /stats returns
{"served": ..., "refused": ...}.
"""

from __future__ import annotations

import asyncio
import sys

import orjson

BODY = orjson.dumps({
    "id": "bench", "object": "chat.completion", "model": "bench",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 8, "completion_tokens": 1},
})
RESPONSE = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: keep-alive\r\n"
            b"Content-Length: " + str(len(BODY)).encode() + b"\r\n\r\n" + BODY)
MODELS = orjson.dumps({"object": "list", "data": [{"id": "bench"}]})
MODELS_RESPONSE = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                   + str(len(MODELS)).encode() + b"\r\n\r\n" + MODELS)
BUSY = orjson.dumps({"error": {"message": "server busy", "type": "rate_limit_error"}})
BUSY_RESPONSE = (b"HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nContent-Length: "
                 + str(len(BUSY)).encode() + b"\r\n\r\n" + BUSY)


class Load:
    """Requests being worked on, and what was served and refused (shared by every connection)."""

    def __init__(self, capacity: int | None) -> None:
        self.capacity = capacity
        self.working = 0
        self.served = 0
        self.refused = 0

    def stats_response(self) -> bytes:
        body = orjson.dumps({"served": self.served, "refused": self.refused})
        return (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + str(len(body)).encode() + b"\r\n\r\n" + body)


class Handler(asyncio.Protocol):
    def __init__(self, latency: float, load: Load) -> None:
        self.latency = latency
        self.load = load
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        loop = asyncio.get_running_loop()
        while True:
            head_end = self.buffer.find(b"\r\n\r\n")
            if head_end < 0:
                return
            head = self.buffer[:head_end].lower()
            length = 0
            start = head.find(b"content-length:")
            if start >= 0:
                length = int(head[start + 15: head.find(b"\r\n", start) if head.find(b"\r\n", start) > 0
                                  else len(head)])
            total = head_end + 4 + length
            if len(self.buffer) < total:
                return
            self.buffer = self.buffer[total:]
            load = self.load
            if head.startswith(b"get /stats"):
                self._send(load.stats_response())
            elif head.startswith(b"get"):
                self._send(MODELS_RESPONSE)
            elif load.capacity is not None and load.working >= load.capacity:
                load.refused += 1
                self._send(BUSY_RESPONSE)
            else:
                load.working += 1
                loop.call_later(self.latency, self._finish)

    def _finish(self) -> None:
        self.load.working -= 1
        self.load.served += 1
        self._send(RESPONSE)

    def _send(self, reply: bytes) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(reply)


async def main(port: int, latency: float, capacity: int | None) -> None:
    loop = asyncio.get_running_loop()
    load = Load(capacity)
    server = await loop.create_server(lambda: Handler(latency, load), "127.0.0.1", port, backlog=4096)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(main(int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else None))
