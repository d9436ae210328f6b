"""A simulated multi-node Ray cluster on one machine: `ray.cluster_utils.Cluster` with every node pinned
to 127.0.0.1, each node with its own resources and its own SYNTHLOOM_BASE_URL server (a scripted
OpenAI-compatible server on loopback that answers from the prompt and seed alone, so any node's answer
to a request is the same, and counts what it served)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import orjson
from aiohttp import web

from tests.threaded_server import ThreadedServer

SUM = re.compile(r"What is (\d+) \+ (\d+)\?")


class CountingServer:
    def __init__(self) -> None:
        self.served = 0
        self._server = ThreadedServer()
        self.url = self._server.serve(self._app) + "/v1"

    def _app(self) -> web.Application:
        async def chat(request: web.Request) -> web.Response:
            body = await request.json()
            self.served += 1
            prompt = body["messages"][-1]["content"]
            seed = body.get("seed") or 0
            found = SUM.search(prompt)
            # right on even seeds, wrong on odd ones: rejection sampling has something to reject
            text = (f"The answer is {int(found[1]) + int(found[2]) + seed % 2}." if found
                    else f"Reply {seed} to: {prompt[:40]}")
            return web.json_response({"id": "x", "object": "chat.completion", "model": "scripted",
                                      "choices": [{"index": 0, "finish_reason": "stop",
                                                   "message": {"role": "assistant", "content": text}}],
                                      "usage": {"prompt_tokens": 8, "completion_tokens": 4}})

        async def models(request: web.Request) -> web.Response:
            return web.Response(body=orjson.dumps({"object": "list", "data": [{"id": "scripted"}]}),
                                content_type="application/json")

        app = web.Application()
        app.router.add_post("/v1/chat/completions", chat)
        app.router.add_get("/v1/models", models)
        return app

    def stop(self) -> None:
        self._server.stop()


@contextmanager
def loopback_cluster(servers: list[CountingServer]) -> Iterator:
    """A head and len(servers) - 1 more nodes, one CPU each, node i's workers seeing servers[i]'s URL."""
    from ray.cluster_utils import Cluster

    cluster = Cluster(initialize_head=True, head_node_args={
        "node_ip_address": "127.0.0.1", "num_cpus": 1, "resources": {"node0": 1},
        "include_dashboard": False, "env_vars": {"SYNTHLOOM_BASE_URL": servers[0].url,
                                                 "RAY_USAGE_STATS_ENABLED": "0"}})
    try:
        for i, server in enumerate(servers[1:], 1):
            cluster.add_node(node_ip_address="127.0.0.1", num_cpus=1, resources={f"node{i}": 1},
                             env_vars={"SYNTHLOOM_BASE_URL": server.url, "RAY_USAGE_STATS_ENABLED": "0"})
        cluster.wait_for_nodes()  # every node registered before the driver places its workers
        yield cluster
    finally:
        cluster.shutdown()
