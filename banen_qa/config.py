"""Where things live, and process-wide settings that must be made before numeric imports."""

from __future__ import annotations

import os
from pathlib import Path


def limit_threads() -> None:
    """One thread for OpenMP/BLAS unless the user chose: more threads are slower on
    small machines, and the embedding model runs per query, not in big batches."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


def project_root() -> Path:
    return Path(__file__).resolve().parent.parent


def default_corpus_dir() -> Path:
    """`BANEN_QA_CORPUS_DIR`, else the corpus/ folder shipped beside the package."""
    env = os.environ.get("BANEN_QA_CORPUS_DIR")
    return Path(env) if env else project_root() / "corpus"


def default_data_dir() -> Path:
    """`BANEN_QA_DATA_DIR`, else ./data under the project: index, caches and stores."""
    env = os.environ.get("BANEN_QA_DATA_DIR")
    return Path(env) if env else project_root() / "data"


def chroma_url() -> str | None:
    return os.environ.get("BANEN_QA_CHROMA_URL") or None
