"""Fixtures for the view, export and stats tests: the small hand-written Arabic graph
(``data/small.trig``: dated articles, hostile text), its network, and real clients."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from graph.network import rdf_to_networkx

from ..conftest import require_tool  # noqa: F401  (one definition, re-exported)

ROOT = Path(__file__).resolve().parents[2]
SMALL_TRIG = Path(__file__).with_name("data") / "small.trig"
NABA = Path(sys.executable).with_name("naba")


@pytest.fixture(scope="session")
def small_trig() -> Path:
    return SMALL_TRIG


@pytest.fixture(scope="session")
def small_network() -> nx.MultiDiGraph:
    """The network of ``small.trig``, shared by the session: do not modify it."""
    return rdf_to_networkx(SMALL_TRIG)


def run_naba(*args) -> subprocess.CompletedProcess:
    """The installed ``naba`` command, as a user runs it."""
    return subprocess.run([str(NABA), *map(str, args)], check=False, capture_output=True,
                          text=True, timeout=300)
