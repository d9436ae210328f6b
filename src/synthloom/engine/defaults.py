"""The engine's defaults, in one place for the engine, the run config and `synthloom generate` (a module
with no imports: the command line reads it at start-up)."""

CONCURRENCY = 64  # calls in flight
TIMEOUT_S = 120.0  # seconds for one call, then it is retried
BATCH_COLLECT_S = 2.0  # batch mode: how long samples gather before a batch is sent
BATCH_POLL_S = 30.0  # batch mode: how often open batches are asked for their state
BATCH_PRICE_FACTOR = 0.5  # batch APIs (OpenAI, Anthropic) charge half the direct price
BATCH_IN_FLIGHT = 50_000  # batch mode: inputs in the pipeline at once (one batch's worth, not 2 x concurrency)
# Prompt-cache prices as shares of the input price: Anthropic reads at 0.1 and writes (5-minute cache) at
# 1.25; OpenAI's cached input is 0.1 (gpt-5), 0.25 (gpt-4.1) or 0.5 (gpt-4o): set engine.price_cache_read_factor.
CACHE_READ_PRICE_FACTOR = 0.1
CACHE_WRITE_PRICE_FACTOR = 1.25
BATCH_STUCK_S = 6 * 3600.0  # batch mode: a batch whose state or results cannot be read this long gives up
BATCH_REQUEUE_S = 300.0  # batch mode: wait before a batch refused for a passing reason goes again (<= max_retry_wait)
