"""Fixtures for the view, export and stats tests: the small hand-written Arabic graph
(``data/small.trig``: dated articles, hostile text), its network, and real clients."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from graph.network import rdf_to_networkx

ROOT = Path(__file__).resolve().parents[2]
SMALL_TRIG = Path(__file__).with_name("data") / "small.trig"
NABA = Path(sys.executable).with_name("naba")


def require_tool(name: str) -> str:
    """Path of a command-line client; skipped locally when missing, a failure under CI."""
    path = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if path is None:
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"{name} is not installed")
    return path


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
