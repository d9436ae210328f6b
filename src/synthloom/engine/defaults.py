"""The engine's defaults, in one place for the engine, the run config and `synthloom generate` (a module
with no imports: the command line reads it at start-up)."""

CONCURRENCY = 64  # calls in flight
TIMEOUT_S = 120.0  # seconds for one call, then it is retried
BATCH_COLLECT_S = 2.0  # batch mode: how long samples gather before a batch is sent
BATCH_POLL_S = 30.0  # batch mode: how often open batches are asked for their state
BATCH_PRICE_FACTOR = 0.5  # batch APIs (OpenAI, Anthropic) charge half the direct price
BATCH_IN_FLIGHT = 50_000  # batch mode: inputs in the pipeline at once (one batch's worth, not 2 x concurrency)
