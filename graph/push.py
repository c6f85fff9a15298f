"""``naba push``: send a graph to a SPARQL 1.1 Graph Store Protocol endpoint, in batches.

The triples of every graph of the source are merged (each triple once) and sent as
N-Triples of ``batch_size`` triples:

* with ``graph=IRI``: the first batch is a ``PUT ?graph=IRI`` (it **replaces** that graph),
  the others ``POST ?graph=IRI`` (added to it), so pushing again gives the same graph;
* without: every batch is a ``POST ?default``, **added** to the endpoint's default graph
  (nothing of what the endpoint already holds is removed).

Triples with blank nodes all go in the first request, so a blank node is never split
across two requests (each request is its own document for the endpoint). Connection errors,
requests with no answer within ``timeout`` seconds and 5xx answers are retried ``retries``
times with exponential backoff (0.5 s, 1 s, 2 s…); a 4xx answer stops the push. Either way
the ``GraphError`` names the endpoint, the status and body, and the batches already sent.

>>> graph_store_url("http://127.0.0.1:7878/store", "https://w3id.org/naba/graph/x")
'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fnaba%2Fgraph%2Fx'
"""
from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from graph.store import open_source, union_query
from naba.errors import GraphError

__all__ = ["batches", "graph_store_url", "push_graph"]

CONTENT_TYPE = "application/n-triples"


def push_graph(source: Path, endpoint: str, graph: str | None = None, batch_size: int = 50_000,
               retries: int = 3, timeout: float = 60.0) -> str:
    """Send every triple of ``source`` to ``endpoint``; return a one-line summary."""
    if urlsplit(endpoint).scheme not in ("http", "https"):
        raise GraphError(f"{endpoint}: the endpoint must be an http:// or https:// URL")
    if batch_size < 1 or retries < 0 or timeout <= 0:
        raise GraphError("--batch-size and --timeout must be positive and --retries not "
                         "negative")
    if graph is not None:
        try:
            ox.NamedNode(graph)
        except ValueError as exc:
            raise GraphError(f"--graph {graph}: not an IRI ({exc})") from exc
    url = graph_store_url(endpoint, graph)
    store = open_source(Path(source))
    triples = requests = 0
    for number, (count, body) in enumerate(batches(store, batch_size)):
        method = "PUT" if graph is not None and number == 0 else "POST"
        try:
            _send(url, method, body, retries, timeout)
        except GraphError as exc:
            sent = (f"batches 1-{requests} ({triples} triples) were sent before it"
                    if requests else "no batch was sent")
            again = "replaces the graph" if graph is not None else "sends every batch again"
            raise GraphError(f"{exc}; batch {number + 1} was not sent, {sent}; pushing "
                             f"again {again}") from None
        triples += count
        requests += 1
    where = f"graph <{graph}>" if graph else "the default graph"
    plural = "" if requests == 1 else "s"
    return f"pushed {triples} triples in {requests} request{plural} to {endpoint} ({where})"


def graph_store_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of a named graph (``?graph=``) or of ``?default``."""
    separator = "&" if urlsplit(endpoint).query else "?"
    if graph is None:
        return f"{endpoint}{separator}default"
    return f"{endpoint}{separator}graph={quote(graph, safe='')}"


def batches(store: ox.Store, size: int) -> Iterator[tuple[int, bytes]]:
    """(triple count, N-Triples bytes) chunks of the store's distinct triples; the triples
    with blank nodes first, all in one chunk. An empty store gives one empty chunk."""
    blank = "FILTER (isBlank(?s) || isBlank(?o))"
    first = _distinct(store, blank)
    lines = list(first)
    sent = False
    for line in _distinct(store, "FILTER (!isBlank(?s) && !isBlank(?o))"):
        lines.append(line)
        if len(lines) >= size:
            yield len(lines), "".join(lines).encode()
            lines, sent = [], True
    if lines or not sent:
        yield len(lines), "".join(lines).encode()


# --- helpers -----------------------------------------------------------------------------------

def _distinct(store: ox.Store, condition: str) -> Iterator[str]:
    query = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o " + condition + " }"
    for row in union_query(store, query):
        yield f"{row[0]} {row[1]} {row[2]} .\n"


def _send(url: str, method: str, body: bytes, retries: int, timeout: float) -> None:
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": CONTENT_TYPE})
    for attempt in range(retries + 1):
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                answer.read()
            return
        except urllib.error.HTTPError as exc:
            detail = exc.read(500).decode("utf-8", "replace").strip()
            problem = f"HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
            if exc.code < 500:
                raise GraphError(f"{url}: the endpoint refused the {method} ({problem})") from exc
        except (urllib.error.URLError, OSError) as exc:
            problem = str(getattr(exc, "reason", exc))
        if attempt < retries:
            time.sleep(0.5 * 2 ** attempt)
    tries = f"{retries + 1} attempt{'s' if retries else ''}"
    raise GraphError(f"{url}: {method} failed after {tries} ({problem})")
