"""Shared fixtures: a real llama.cpp server on loopback, the fault server, and a CLI runner."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from synthloom.models.llamacpp import bundled_model_path
from tests.fault_server import FaultServer
from tests.provider_server import ProviderServer


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory) -> str:
    """`python -m llama_cpp.server` serving the bundled GGUF; yields its /v1 base URL."""
    port = free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(bundled_model_path()),
             "--model_alias", "smollm2", "--host", "127.0.0.1", "--port", str(port),
             "--n_ctx", "2048", "--logits_all", "true", "--verbose", "false"],
            stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(f"{url}/models", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"llama_cpp.server did not start:\n{log.read_text()[-2000:]}")
            time.sleep(0.3)
    yield url
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture
def fault_server():
    server = FaultServer().start()
    yield server
    server.stop()


@pytest.fixture
def provider_server():
    server = ProviderServer(polls_to_finish=2).start()
    yield server
    server.stop()


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess:
    """The real command, as a user runs it, in its own process."""
    # A fresh cache folder per call unless the test shares one on purpose: never the user's own cache.
    cache_dir = str(cwd) if cwd else tempfile.mkdtemp(prefix="synthloom-cache-")
    full_env = {**os.environ, "SYNTHLOOM_CACHE_DIR": cache_dir, **(env or {})}
    for var in ("SYNTHLOOM_BASE_URL", "SYNTHLOOM_MODEL", "OPENAI_BASE_URL", "OPENAI_API_KEY"):
        if var not in (env or {}):
            full_env.pop(var, None)
    return subprocess.run([sys.executable, "-m", "synthloom.cli", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout)
