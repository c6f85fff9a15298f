"""Fixtures for the query, store, server and push tests: a small Arabic graph in every form
naba writes (TriG/N-Quads with one graph per article, merged Turtle and N-Triples, a store),
and real servers started and stopped by PID."""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.store import add_documents
from graph.terms import PREFIXES

from ..conftest import require_tool

ROOT = Path(__file__).resolve().parents[2]
GRAPH_TRIG = Path(__file__).with_name("graph.trig")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    """Stop a server this test started (its own process group), by PID."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


def merged_triples(path: Path = GRAPH_TRIG) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(path=str(path), format=ox.RdfFormat.TRIG)}


@pytest.fixture(scope="session")
def files(tmp_path_factory) -> dict[str, Path]:
    """The test graph as naba build writes it: .nq (graphs kept), .ttl and .nt (merged)."""
    folder = tmp_path_factory.mktemp("graph")
    quads = list(ox.parse(path=str(GRAPH_TRIG), format=ox.RdfFormat.TRIG))
    triples = sorted(merged_triples(), key=str)
    out = {"trig": GRAPH_TRIG, "nq": folder / "graph.nq", "ttl": folder / "graph.ttl",
           "nt": folder / "graph.nt"}
    ox.serialize(quads, str(out["nq"]), ox.RdfFormat.N_QUADS)
    ox.serialize(triples, str(out["ttl"]), ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    ox.serialize(triples, str(out["nt"]), ox.RdfFormat.N_TRIPLES)
    out["store"] = folder / "store"
    add_documents(out["store"], out["nq"])
    return out


@pytest.fixture(params=["trig", "ttl", "store"])
def source(request, files) -> Path:
    """Each kind of source naba query reads: graphs kept (TriG, store) or merged (Turtle)."""
    return files[request.param]


SERVER_LIMITS = {"timeout": 2, "max-rows": 50, "max-bytes": 100_000, "memory-mb": 512,
                 "idle-timeout": 2}


@contextlib.contextmanager
def serving(folder: Path, **limits):
    """``naba serve`` on the test graph as a real subprocess, with ``SERVER_LIMITS`` and
    ``limits`` over them, its log in ``folder``: (process, port)."""
    port = free_port()
    args = [arg for name, value in {**SERVER_LIMITS, **limits}.items()
            for arg in (f"--{name}", str(value))]
    with (folder / "serve.log").open("w") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "naba.cli", "serve", str(GRAPH_TRIG), "--port", str(port),
             *args], cwd=ROOT, stdout=err, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for_port(port, process)
        yield process, port
    finally:
        stop(process)


@pytest.fixture(scope="module")
def naba_server_process(tmp_path_factory):
    """``naba serve`` with ``SERVER_LIMITS``: (process, port)."""
    with serving(tmp_path_factory.mktemp("serve")) as served:
        yield served


@pytest.fixture(scope="module")
def naba_server(naba_server_process):
    """The endpoint's URL."""
    return f"http://127.0.0.1:{naba_server_process[1]}/sparql"


@pytest.fixture
def oxigraph_server(tmp_path):
    """``oxigraph serve`` on an empty store folder, on a free loopback port."""
    binary = require_tool("oxigraph")
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "oxdb"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)
