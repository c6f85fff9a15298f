"""The default limits of ``naba serve``, apart from ``graph.server``: every ``naba`` command
builds the serve options' help from them, and importing the server costs 0.1 s."""
from __future__ import annotations

__all__ = ["LIMITS"]

LIMITS = {"timeout": 10.0, "max_rows": 10_000, "max_bytes": 20_000_000, "memory_mb": 2048,
          "idle_timeout": 30, "workers": 2}  # the defaults of naba serve
