"""Headless Chromium (Debian's package, no browser download) driven by Playwright: load a page, collect
console errors, uncaught exceptions and every request, evaluate expressions, take a screenshot."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from playwright.async_api import Page as PlaywrightPage
from playwright.async_api import async_playwright


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Page:
    def __init__(self, page: PlaywrightPage) -> None:
        self._page = page
        self.errors: list[str] = []  # console.error calls, uncaught exceptions, failed loads
        self.requests: list[str] = []  # every URL the page asked for
        page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type in ("error", "assert")
                else None)
        page.on("pageerror", lambda e: self.errors.append(f"exception: {e}"))
        page.on("requestfailed", lambda r: self.errors.append(f"request failed: {r.url}"))
        page.on("request", lambda r: self.requests.append(r.url))

    async def open(self, url: str) -> None:
        await self._page.goto(url, wait_until="load")

    async def evaluate(self, expression: str) -> Any:
        return await self._page.evaluate(expression)

    async def settle(self, seconds: float = 0.3) -> None:
        """Let late events (errors from timers) arrive."""
        await self._page.wait_for_timeout(seconds * 1000)

    async def screenshot(self, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        await self._page.screenshot(path=str(target), full_page=True)


class Browser:
    async def __aenter__(self) -> Browser:
        self._playwright = await async_playwright().start()
        self._browser = await self._playwright.chromium.launch(
            executable_path=chromium_path(), args=["--no-sandbox", "--disable-gpu"])
        return self

    async def page(self) -> Page:
        return Page(await self._browser.new_page(viewport={"width": 1200, "height": 900}))

    async def __aexit__(self, *exc: object) -> None:
        await self._browser.close()
        await self._playwright.stop()
