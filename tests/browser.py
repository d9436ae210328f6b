"""Headless Chromium (Debian's package) driven over the DevTools protocol with aiohttp: load a page,
collect console errors and uncaught exceptions, evaluate expressions, take a full-page screenshot."""

from __future__ import annotations

import asyncio
import base64
import itertools
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--remote-debugging-port=0", "--window-size=1200,900"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Page:
    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self._socket = socket
        self._ids = itertools.count(1)
        self.errors: list[str] = []  # console.error calls, uncaught exceptions, error log entries
        self.requests: list[str] = []  # every URL the page asked for
        self._loaded = asyncio.Event()

    async def call(self, method: str, **params: Any) -> dict:
        call_id = next(self._ids)
        await self._socket.send_json({"id": call_id, "method": method, "params": params})
        while True:
            message = await self._socket.receive_json(timeout=60)
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._event(message)

    def _event(self, message: dict) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            words = (str(a.get("value", a.get("description"))) for a in params["args"])
            self.errors.append("console: " + " ".join(words))
        elif method == "Runtime.exceptionThrown":
            self.errors.append("exception: " + params["exceptionDetails"].get("text", "")
                               + str(params["exceptionDetails"].get("exception", {}).get("description", "")))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.errors.append(f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}")
        elif method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Page.loadEventFired":
            self._loaded.set()

    async def open(self, url: str) -> None:
        for domain in ("Runtime", "Log", "Page", "Network"):
            await self.call(f"{domain}.enable")
        self._loaded.clear()
        await self.call("Page.navigate", url=url)
        while not self._loaded.is_set():
            self._event(await self._socket.receive_json(timeout=60))

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def settle(self, seconds: float = 0.3) -> None:
        """Let late events (errors from timers, log entries) arrive."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                self._event(await self._socket.receive_json(timeout=max(end - time.monotonic(), 0.01)))
            except asyncio.TimeoutError:
                break

    async def screenshot(self, target: Path) -> None:
        shot = await self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(shot["data"]))


class Browser:
    def __init__(self) -> None:
        self._profile = tempfile.mkdtemp(prefix="synthloom-chromium-")
        self._proc: subprocess.Popen | None = None
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Browser:
        self._proc = subprocess.Popen([chromium_path(), *CHROMIUM_FLAGS, f"--user-data-dir={self._profile}",
                                       "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self._profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not port_file.exists() or not port_file.read_text().strip():
            if time.monotonic() > deadline or self._proc.poll() is not None:
                raise RuntimeError("chromium did not start")
            await asyncio.sleep(0.1)
        self.port = int(port_file.read_text().split()[0])
        self._session = aiohttp.ClientSession()
        return self

    async def page(self) -> Page:
        async with self._session.get(f"http://127.0.0.1:{self.port}/json/list") as response:
            targets = await response.json()
        target = next(t for t in targets if t["type"] == "page")
        socket = await self._session.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0)
        return Page(socket)

    async def __aexit__(self, *exc) -> None:
        if self._session:
            await self._session.close()
        if self._proc:
            self._proc.terminate()
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
        shutil.rmtree(self._profile, ignore_errors=True)
