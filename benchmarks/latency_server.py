"""An OpenAI-compatible load target that answers every request after a fixed latency.

Raw asyncio protocol (no framework) so that it spends as little of the shared 2 cores as possible:
the benchmark measures the client, not this server. Usage: python latency_server.py PORT LATENCY_S
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


class Handler(asyncio.Protocol):
    def __init__(self, latency: float) -> None:
        self.latency = latency
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
            reply = MODELS_RESPONSE if head.startswith(b"get") else RESPONSE
            self.buffer = self.buffer[total:]
            loop.call_later(self.latency, self._send, reply)

    def _send(self, reply: bytes) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(reply)


async def main(port: int, latency: float) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: Handler(latency), "127.0.0.1", port, backlog=4096)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(main(int(sys.argv[1]), float(sys.argv[2])))
