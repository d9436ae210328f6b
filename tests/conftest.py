"""Shared fixtures: a real llama.cpp server on loopback, the fault server, and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.llama_server import llama_server as serve_bundled_model
from tests.fault_server import FaultServer
from tests.provider_server import ProviderServer


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory) -> Iterator[str]:
    """`python -m llama_cpp.server` serving the bundled GGUF; yields its /v1 base URL."""
    with serve_bundled_model(tmp_path_factory.mktemp("llama-server") / "server.log") as url:
        yield url


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
    # Every request synthloom sent and every answer the stand-in gave kept to the official SDKs' types.
    assert not server.contract_errors, server.contract_errors[:5]


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None,
            timeout: float = 900) -> subprocess.CompletedProcess:
    """The real command, as a user runs it, in its own process. `timeout` only stops a hang: it is no
    performance bound (bundled-model runs take minutes on a loaded machine)."""
    # A fresh cache folder per call unless the test shares one on purpose: never the user's own cache.
    cache_dir = str(cwd) if cwd else tempfile.mkdtemp(prefix="synthloom-cache-")
    full_env = {**os.environ, "SYNTHLOOM_CACHE_DIR": cache_dir, **(env or {})}
    for var in ("SYNTHLOOM_BASE_URL", "SYNTHLOOM_MODEL", "OPENAI_BASE_URL", "OPENAI_API_KEY"):
        if var not in (env or {}):
            full_env.pop(var, None)
    return subprocess.run([sys.executable, "-m", "synthloom.cli", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout)
