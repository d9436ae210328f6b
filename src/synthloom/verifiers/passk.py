"""The unbiased pass@k estimator (Chen et al., 2021): from n samples of which c passed, the chance that
at least one of k samples drawn without replacement passes: 1 - C(n-c, k) / C(n, k)."""

from __future__ import annotations


def pass_at_k(n: int, c: int, k: int) -> float:
    if not 0 <= c <= n or k < 1:
        raise ValueError(f"need 0 <= c <= n and k >= 1 (n={n}, c={c}, k={k})")
    if n - c < k:
        return 1.0
    # The product form avoids the huge binomial coefficients: prod over i in (n-c, n] of (1 - k/i).
    result = 1.0
    for i in range(n - c + 1, n + 1):
        result *= 1.0 - k / i
    return 1.0 - result
