"""The engine's defaults, in one place for the engine, the run config and `synthloom generate` (a module
with no imports: the command line reads it at start-up)."""

CONCURRENCY = 64  # calls in flight
TIMEOUT_S = 120.0  # seconds for one call, then it is retried
