"""``naba serve``: a read-only SPARQL 1.1 Protocol endpoint at ``/sparql``, a query page at ``/``.

HTTP is waitress's, a WSGI server: it parses the requests (a malformed one gets **400**, a
body over 1 MB **413**), serves them from a fixed pool of threads, and closes a connection
idle for ``idle_timeout`` seconds. This module is the SPARQL logic, a WSGI app (``SparqlApp``).

Queries run in a pool of worker processes, each with the graph open (a store folder is
opened read-only; a graph file is loaded into each worker's memory, so prefer a store for
big graphs). A query that passes ``timeout`` seconds gets **503** and its worker is killed
and replaced, so a slow query stops using the CPU and cannot block the other requests; a
worker that passes ``memory_mb`` of address space fails, gets **500** and is replaced.
A result longer than ``max_rows`` rows (or triples) is **truncated** to ``max_rows`` and
answered 200 with the header ``X-SPARQL-MaxRows: <max_rows>`` (as Virtuoso does); one whose
body passes ``max_bytes`` is cut to the rows that fit, with ``X-SPARQL-MaxBytes``.

The dataset: the protocol's ``default-graph-uri`` / ``named-graph-uri`` if given, else the
query's ``FROM`` / ``FROM NAMED``, else every graph at once (the default graph is the union).

Statuses: 400 bad query (the parser's message), a query nested over ``MAX_NESTING`` levels,
a graph parameter that is no IRI; 403 SPARQL Update or ``SERVICE`` (the endpoint never writes
nor fetches other endpoints); 405 other methods; 406 no acceptable format; 413 request body
over 1 MB; 415 unknown body type; 500 a worker out of memory; 503 time limit or all workers
busy.

>>> negotiate("text/csv;q=0.5, application/sparql-results+json", "solutions")[0]
'application/sparql-results+json'
>>> negotiate("text/turtle", "solutions") is None
True
"""
from __future__ import annotations

import html
import ipaddress
import multiprocessing
import queue
import sys
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from itertools import islice
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox

from graph.limits import LIMITS
from graph.query import display_term, named_queries
from graph.sparql import check_query, declares_dataset, uses_service
from graph.store import open_source
from graph.terms import PREFIXES
from naba.errors import GraphError

__all__ = ["QueryPool", "Response", "SparqlApp", "answer", "make_server", "negotiate", "serve"]

MAX_BODY = 1_000_000

RESULT_TYPES = {  # media type → pyoxigraph format (None: an HTML table)
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "text/html": None,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/html": None,
}
FORMAT_PARAMS = {  # ?format= / ?output= values (SPARQLWrapper sends them) → media type
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "html": "text/html",
    "turtle": "text/turtle", "ntriples": "application/n-triples", "nt": "application/n-triples",
    "rdf": "application/rdf+xml", "rdfxml": "application/rdf+xml", "jsonld": "application/ld+json",
}


@dataclass
class Response:
    """What a query gets back: status, media type, body, extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def serve(source: Path, host: str = "127.0.0.1", port: int = 8000, **limits) -> None:
    """Serve ``source`` (a graph file or a store folder) until interrupted (Ctrl-C, SIGTERM);
    ``limits`` override ``LIMITS``."""
    server = make_server(source, host, port, **limits)
    settings = {**LIMITS, **limits}
    where = ", ".join(f"http://{_url_host(h)}:{p}/sparql" for h, p in _addresses(server))
    if not _loopback(host):
        print(f"naba serve: warning: listening on {host}, the endpoint has no authentication: "
              "anyone who can reach this machine can read the whole graph "
              "(--host 127.0.0.1 keeps it to this machine)", file=sys.stderr, flush=True)
    print(f"naba serve: {source} at {where} (timeout {settings['timeout']:g} s, at most "
          f"{settings['max_rows']} rows); Ctrl-C stops", flush=True)
    try:
        server.run()  # returns on Ctrl-C or SIGTERM (the CLI turns it into KeyboardInterrupt)
    finally:
        server.close()
        server.sparql_app.pool.close()


def make_server(source: Path, host: str = "127.0.0.1", port: int = 8000, **limits):
    """A ready waitress server (workers started, socket bound) that ``run()`` serves."""
    import waitress  # here: only serve needs it

    unknown = set(limits) - set(LIMITS)
    if unknown:
        raise GraphError(f"unknown server settings {', '.join(sorted(unknown))}; "
                         f"use {', '.join(LIMITS)}")
    settings = {**LIMITS, **limits}
    if not all(settings[name] > 0 for name in LIMITS):
        raise GraphError("the timeout, --max-rows, --max-bytes, --memory-mb, --idle-timeout "
                         "and the workers must be positive")
    if not 0 <= port <= 65535:
        raise GraphError(f"--port {port}: a port is a number from 0 to 65535 (0: any free one)")
    pool = QueryPool(Path(source), settings["workers"], settings["timeout"],
                     settings["memory_mb"])
    app = SparqlApp(pool, Path(source), settings["max_rows"], settings["max_bytes"])
    idle = max(1, round(settings["idle_timeout"]))
    try:
        server = waitress.create_server(
            app, host=host, port=port, ident="naba-sparql", threads=max(4, 2 * pool.size),
            max_request_body_size=MAX_BODY, channel_timeout=idle,
            cleanup_interval=max(1, min(30, idle // 2)), connection_limit=100,
            asyncore_use_poll=True, clear_untrusted_proxy_headers=True)
    except (OSError, ValueError) as exc:
        pool.close()
        reason = getattr(exc, "strerror", None) or exc
        raise GraphError(f"cannot listen on {host}:{port} ({reason})") from exc
    server.sparql_app = app  # serve() stops its pool
    return server


class SparqlApp:
    """The WSGI application: routes, the protocol's parameters; queries go to the pool."""

    def __init__(self, pool: QueryPool, source: Path, max_rows: int, max_bytes: int):
        self.pool, self.source, self.max_rows, self.max_bytes = pool, source, max_rows, max_bytes

    def __call__(self, environ, start_response):
        response = self._route(environ)
        headers = [("Content-Type", response.content_type),
                   ("Content-Length", str(len(response.body))),
                   ("X-Content-Type-Options", "nosniff"), *response.headers.items()]
        status = HTTPStatus(response.status)
        start_response(f"{status.value} {status.phrase}", headers)
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else response.body]

    def _route(self, environ) -> Response:
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        if method not in ("GET", "HEAD", "POST"):
            response = _text(405, "this endpoint is read-only: use GET or POST queries")
            response.headers["Allow"] = "GET, POST"
            return response
        if path in ("/", "/index.html") and method != "POST":
            return _query_page(self.source)
        if path != "/sparql":
            return _text(404, "not found; the endpoint is /sparql")
        params = parse_qs(environ.get("QUERY_STRING", ""))
        if method == "POST":
            media = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
            body = environ["wsgi.input"].read().decode("utf-8", "replace")  # ≤ MAX_BODY
            if media == "application/sparql-update":
                return _read_only()
            if media == "application/x-www-form-urlencoded":
                params.update(parse_qs(body))
            elif media == "application/sparql-query":
                params["query"] = [body]
            else:
                return _text(415, f"unsupported Content-Type {media or '(none)'}; use "
                                  "application/sparql-query or a form")
        return self._sparql(params, environ.get("HTTP_ACCEPT", "*/*"))

    def _sparql(self, params: dict, accept: str) -> Response:
        if "update" in params:
            return _read_only()
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return _text(400, "give exactly one query (query=...)")
        for value in params.get("format", []) + params.get("output", []):
            if value.lower() in FORMAT_PARAMS or "/" in value:
                accept = FORMAT_PARAMS.get(value.lower(), value)
                break
        graphs = {}
        for name in ("default-graph-uri", "named-graph-uri"):
            graphs[name] = tuple(params.get(name, []))
            for iri in graphs[name]:
                if not _is_iri(iri):
                    return _text(400, f"{name}={iri!r}: not an absolute IRI")
        job = {"query": queries[0], "accept": accept, "max_rows": self.max_rows,
               "max_bytes": self.max_bytes, "default_graphs": graphs["default-graph-uri"],
               "named_graphs": graphs["named-graph-uri"]}
        return self.pool.run(job)


def answer(store: ox.Store, query: str, accept: str, max_rows: int,
           default_graphs: tuple[str, ...] = (), named_graphs: tuple[str, ...] = (),
           max_bytes: int = LIMITS["max_bytes"]) -> Response:
    """Run one query on ``store`` and serialize it as ``accept`` asks (the workers' job)."""
    try:
        check_query(query, allow_service=True)  # before parsing: deep nesting crashes it
    except GraphError as exc:
        return _text(400, f"bad query: {exc}")
    if uses_service(query):
        return _text(403, "federated queries (SERVICE) are disabled on this endpoint")
    try:
        results = store.query(query, prefixes=PREFIXES, **_dataset(query, default_graphs,
                                                                   named_graphs))
        kind = ("triples" if isinstance(results, ox.QueryTriples) else
                "boolean" if isinstance(results, ox.QueryBoolean) else "solutions")
        chosen = negotiate(accept, kind)
        if chosen is None:
            offered = ", ".join(GRAPH_TYPES if kind == "triples" else RESULT_TYPES)
            return _text(406, f"no acceptable format in Accept: {accept}; offered: {offered}")
        return _serialize(results, kind, *chosen, max_rows, max_bytes)
    except SyntaxError as exc:
        return _text(400, f"bad query: {exc}")
    except ValueError as exc:
        return _text(400, f"bad request: {exc}")
    except OSError as exc:
        return _text(500, f"the query failed: {exc}")


def negotiate(accept: str, kind: str) -> tuple[str, object] | None:
    """(media type, format) for an Accept header and a result kind (solutions, boolean,
    triples); JSON or Turtle for ``*/*`` or no header; None when nothing offered fits."""
    offers = GRAPH_TYPES if kind == "triples" else RESULT_TYPES
    ranges = []
    for position, item in enumerate((accept or "*/*").split(",")):
        media, *params = [part.strip() for part in item.split(";")]
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if q > 0 and media:
            ranges.append((-q, position, media.lower()))
    for _, _, media in sorted(ranges):
        if media in offers:
            return media, offers[media]
        if media == "*/*":
            first = next(iter(offers))
            return first, offers[first]
        major = media.split("/")[0] + "/"
        if media.endswith("/*"):
            for offer, fmt in offers.items():
                if offer.startswith(major):
                    return offer, fmt
    return None


class QueryPool:
    """Worker processes that each hold the graph; a worker past the time limit is killed, one
    past ``memory_mb`` of address space fails; either is replaced."""

    def __init__(self, source: Path, size: int, timeout: float,
                 memory_mb: int = LIMITS["memory_mb"]):
        self.source, self.size, self.timeout, self.memory_mb = source, size, timeout, memory_mb
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue = queue.Queue()
        self._all: set = set()
        self._lock = threading.Lock()
        self._closed = False
        for worker in [self._start() for _ in range(size)]:
            self._ready(worker)

    def run(self, job: dict) -> Response:
        """The answer to one job, or 503 when it takes longer than the time limit."""
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return _text(503, f"all query workers are busy; retry in {self.timeout:g} s")
        _, conn = worker
        try:
            conn.send(job)
            if conn.poll(self.timeout):
                response = conn.recv()
                self._idle.put(worker)
                return response
            message = _text(503, f"the query took longer than the time limit of "
                                 f"{self.timeout:g} s and was stopped")
        except (EOFError, OSError):
            message = _text(500, f"the query worker stopped, most likely past its memory limit "
                                 f"of {self.memory_mb} MB; the query was lost")
        self._replace(worker)
        return message

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            for process, conn in self._all:
                process.kill()
                process.join(5)
                conn.close()
            self._all.clear()

    def _start(self):
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker_main,
                                        args=(str(self.source), child, self.memory_mb),
                                        daemon=True, name="naba-query-worker")
        process.start()
        child.close()
        with self._lock:
            self._all.add((process, parent))
        return process, parent

    def _ready(self, worker) -> None:
        _, conn = worker
        try:
            message = conn.recv()
        except EOFError:
            message = ("failed", f"{self.source}: the query worker could not start")
        if message[0] != "ready":
            self.close()
            raise GraphError(message[1])
        self._idle.put(worker)

    def _replace(self, worker) -> None:
        process, conn = worker
        process.kill()
        with self._lock:
            self._all.discard(worker)
        conn.close()
        process.join(5)

        def restart():
            if not self._closed:
                try:
                    self._ready(self._start())
                except GraphError:
                    pass
        threading.Thread(target=restart, daemon=True).start()


# --- helpers: worker -----------------------------------------------------------------------------

def _worker_main(source: str, conn, memory_mb: int) -> None:
    import resource
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    limit = memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        store = open_source(Path(source))
    except (GraphError, MemoryError) as exc:
        conn.send(("failed", f"{exc or type(exc).__name__} (memory limit {memory_mb} MB)"))
        return
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except EOFError:  # the server is gone
            return
        conn.send(answer(store, **job))


def _serialize(results, kind: str, media: str, fmt, max_rows: int, max_bytes: int) -> Response:
    headers: dict[str, str] = {}
    if kind == "boolean":
        if fmt is None:
            return _html_page("Answer", f"<p>{str(bool(results)).lower()}</p>")
        return Response(200, media, results.serialize(format=fmt))
    items = list(islice(results, max_rows + 1))
    if len(items) > max_rows:
        items = items[:max_rows]
        headers["X-SPARQL-MaxRows"] = str(max_rows)
    variables = results.variables if kind == "solutions" else None

    def render(rows: list) -> bytes:
        if kind == "triples":
            if fmt is None:
                text = ox.serialize(rows, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode()
                return _html_page("Graph", f"<pre>{html.escape(text)}</pre>").body
            prefixes = PREFIXES if fmt != ox.RdfFormat.N_TRIPLES else None
            return ox.serialize(rows, format=fmt, prefixes=prefixes)
        if fmt is None:
            return _html_table(variables, rows, headers).body
        return _solutions(variables, rows).serialize(format=fmt)

    body = render(items)
    if len(body) > max_bytes:  # keep the rows that fit
        headers["X-SPARQL-MaxBytes"] = str(max_bytes)
        while len(body) > max_bytes and items:
            items = items[:int(len(items) * max_bytes / len(body) * 0.9)]
            body = render(items)
    return Response(200, "text/html; charset=utf-8" if fmt is None else media, body, headers)


def _solutions(variables, items):
    """Rows as a pyoxigraph result set: written as SPARQL TSV (terms in N-Triples syntax),
    parsed back, so each format is written by pyoxigraph's own serializer."""
    lines = ["\t".join(str(v) for v in variables)]
    lines += ["\t".join("" if s[v] is None else str(s[v]) for v in variables) for s in items]
    return ox.parse_query_results(("\n".join(lines) + "\n").encode(),
                                  format=ox.QueryResultsFormat.TSV)


def _text(status: int, message: str) -> Response:
    return Response(status, "text/plain; charset=utf-8", (message + "\n").encode())


def _html_table(variables, items, headers) -> Response:
    head = "".join(f"<th>{html.escape(v.value)}</th>" for v in variables)
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(display_term(s[v]))}</td>"
                                    for v in variables) + "</tr>" for s in items)
    truncated = "X-SPARQL-MaxRows" in headers or "X-SPARQL-MaxBytes" in headers
    note = f"<p>{'truncated to ' if truncated else ''}{len(items)} rows</p>"
    return _html_page("Results", f"{note}<table><tr>{head}</tr>{rows}</table>", headers)


def _html_page(title: str, body: str, headers=None) -> Response:
    page = (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            "<style>body{font-family:sans-serif;margin:1em}td,th{border:1px solid #ccc;"
            "padding:2px 6px;unicode-bidi:plaintext}table{border-collapse:collapse}"
            "textarea{width:100%;font-family:monospace}</style></head>"
            f"<body>{body}</body></html>")
    return Response(200, "text/html; charset=utf-8", page.encode(), headers or {})


def _query_page(source: Path) -> Response:
    queries = named_queries()
    options = "".join(f"<option value=\"{html.escape(q.text)}\">{html.escape(q.name)} — "
                      f"{html.escape(q.description)}</option>" for q in queries.values())
    first = html.escape(next(iter(queries.values())).text) if queries else ""
    formats = "".join(f"<option>{name}</option>" for name in ("html", "json", "xml", "csv", "tsv",
                                                               "turtle", "ntriples"))
    body = (f"<h1>Naba SPARQL: {html.escape(source.name)}</h1>"
            "<p>Read-only. Prefixes nbo:, nbid:, rdf:, rdfs:, xsd:, skos:, prov:, dcterms: are "
            "declared. Endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol).</p>"
            "<form method='post' action='/sparql'>"
            f"<p><select onchange='this.form.query.value=this.value'>{options}</select></p>"
            f"<textarea name='query' rows='18'>{first}</textarea>"
            f"<p>format <select name='format'>{formats}</select> <button>Run</button></p></form>")
    return _html_page("Naba SPARQL", body)


# --- helpers: HTTP -------------------------------------------------------------------------------

def _dataset(query: str, default_graphs, named_graphs) -> dict:
    """``store.query`` options for the dataset: the protocol's graphs, else the query's own
    (``FROM``), else the union of every graph as the default graph."""
    if default_graphs or named_graphs:
        return {"default_graph": [ox.NamedNode(g) for g in default_graphs],
                "named_graphs": [ox.NamedNode(g) for g in named_graphs]}
    if declares_dataset(query):
        return {}
    return {"use_default_graph_as_union": True}


def _is_iri(value: str) -> bool:
    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return True


def _addresses(server) -> list[tuple[str, int]]:
    listen = getattr(server, "effective_listen", None)  # several sockets (localhost: v4, v6)
    return listen or [(server.effective_host, server.effective_port)]


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name
        return False


def _read_only() -> Response:
    return _text(403, "this endpoint is read-only: SPARQL Update is refused")
