"""Fixtures for the view, export and stats tests: the small hand-written Arabic graph
(``data/small.trig``: dated articles, hostile text), its network, and real clients."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from graph.network import rdf_to_networkx

from ..conftest import require_tool

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--headless=new", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
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


def need_browser():
    """Playwright's sync API, with Debian's Chromium installed."""
    require_tool("chromium")
    return pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for a test module."""
    api = need_browser()
    with api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()
