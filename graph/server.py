"""``naba serve``: a read-only SPARQL 1.1 Protocol endpoint at ``/sparql``, a query page at ``/``.

Queries run in a pool of worker processes, each with the graph open (a store folder is
opened read-only; a graph file is loaded into each worker's memory, so prefer a store for
big graphs). A query that passes ``timeout`` seconds gets **503** and its worker is killed
and replaced, so a slow query stops using the CPU and cannot block the other requests.
A result longer than ``max_rows`` rows (or triples) is **truncated** to ``max_rows`` and
answered 200 with the header ``X-SPARQL-MaxRows: <max_rows>`` (as Virtuoso does).

Statuses: 400 bad query (the parser's message), 403 SPARQL Update or ``SERVICE`` (the
endpoint never writes nor fetches other endpoints), 405 other methods, 406 no acceptable
format, 413 request body over 1 MB, 415 unknown body type, 503 time limit or all workers busy.

>>> negotiate("text/csv;q=0.5, application/sparql-results+json", "solutions")[0]
'application/sparql-results+json'
>>> negotiate("text/turtle", "solutions") is None
True
"""
from __future__ import annotations

import html
import multiprocessing
import queue
import re
import signal
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from graph.query import display_term, named_queries
from graph.store import open_source
from graph.terms import PREFIXES
from naba.errors import GraphError

__all__ = ["QueryPool", "Response", "answer", "make_server", "negotiate", "serve"]

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


def serve(source: Path, host: str = "127.0.0.1", port: int = 8000, timeout: float = 10.0,
          max_rows: int = 10_000, workers: int = 2) -> None:
    """Serve ``source`` (a graph file or a store folder) until interrupted."""
    server = make_server(source, host, port, timeout=timeout, max_rows=max_rows, workers=workers)
    address, bound_port = server.server_address[:2]
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop)
    print(f"naba serve: {source} at http://{address}:{bound_port}/sparql "
          f"(timeout {timeout:g} s, at most {max_rows} rows); Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        server.pool.close()


def make_server(source: Path, host: str = "127.0.0.1", port: int = 8000, *,
                timeout: float = 10.0, max_rows: int = 10_000,
                workers: int = 2) -> ThreadingHTTPServer:
    """A ready server (workers started, socket bound) that ``serve_forever`` runs."""
    if timeout <= 0 or max_rows < 1 or workers < 1:
        raise GraphError("the timeout, --max-rows and workers must be positive")
    pool = QueryPool(Path(source), workers, timeout)
    try:
        server = ThreadingHTTPServer((host, port), _Handler)
    except OSError as exc:
        pool.close()
        raise GraphError(f"cannot listen on {host}:{port} ({exc.strerror})") from exc
    server.daemon_threads = True
    server.pool, server.max_rows, server.source = pool, max_rows, Path(source)
    return server


def answer(store: ox.Store, query: str, accept: str, max_rows: int,
           default_graphs: tuple[str, ...] = (), named_graphs: tuple[str, ...] = ()) -> Response:
    """Run one query on ``store`` and serialize it as ``accept`` asks (the workers' job)."""
    if _uses_service(query):
        return _text(403, "federated queries (SERVICE) are disabled on this endpoint")
    options = {"use_default_graph_as_union": not default_graphs}
    if default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    try:
        results = store.query(query, prefixes=PREFIXES, **options)
        kind = ("triples" if isinstance(results, ox.QueryTriples) else
                "boolean" if isinstance(results, ox.QueryBoolean) else "solutions")
        chosen = negotiate(accept, kind)
        if chosen is None:
            offered = ", ".join(GRAPH_TYPES if kind == "triples" else RESULT_TYPES)
            return _text(406, f"no acceptable format in Accept: {accept}; offered: {offered}")
        return _serialize(results, kind, *chosen, max_rows)
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
    """Worker processes that each hold the graph; a worker past the time limit is killed."""

    def __init__(self, source: Path, size: int, timeout: float):
        self.source, self.timeout = source, timeout
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
            message = _text(500, "the query worker stopped (out of memory?); the query was lost")
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
        process = self._context.Process(target=_worker_main, args=(str(self.source), child),
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

def _worker_main(source: str, conn) -> None:
    try:
        store = open_source(Path(source))
    except GraphError as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        conn.send(answer(store, **job))


def _serialize(results, kind: str, media: str, fmt, max_rows: int) -> Response:
    headers = {}
    if kind == "boolean":
        if fmt is None:
            return _html_page("Answer", f"<p>{str(bool(results)).lower()}</p>")
        return Response(200, media, results.serialize(format=fmt))
    items = list(islice(results, max_rows + 1))
    if len(items) > max_rows:
        items = items[:max_rows]
        headers["X-SPARQL-MaxRows"] = str(max_rows)
    if kind == "triples":
        if fmt is None:
            text = ox.serialize(items, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode()
            return _html_page("Graph", f"<pre>{html.escape(text)}</pre>", headers)
        body = ox.serialize(items, format=fmt, prefixes=PREFIXES if fmt != ox.RdfFormat.N_TRIPLES
                            else None)
        return Response(200, media, body, headers)
    variables = results.variables
    if fmt is None:
        return _html_table(variables, items, headers)
    return Response(200, media, _solutions(variables, items).serialize(format=fmt), headers)


def _solutions(variables, items):
    """Rows as a pyoxigraph result set: written as SPARQL TSV (terms in N-Triples syntax),
    parsed back, so each format is written by pyoxigraph's own serializer."""
    lines = ["\t".join(str(v) for v in variables)]
    lines += ["\t".join("" if s[v] is None else str(s[v]) for v in variables) for s in items]
    return ox.parse_query_results(("\n".join(lines) + "\n").encode(),
                                  format=ox.QueryResultsFormat.TSV)


def _uses_service(query: str) -> bool:
    """Whether the query has a SERVICE clause (strings, IRIs and comments aside)."""
    code = re.sub(r'"""(?s:.*?)"""|\'\'\'(?s:.*?)\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                  r'|<[^<>"{}|^`\\\s]*>|#[^\n]*', " ", query)
    return re.search(r"(?<![\w:?$.-])SERVICE(?![\w:-])", code, re.IGNORECASE) is not None


def _text(status: int, message: str) -> Response:
    return Response(status, "text/plain; charset=utf-8", (message + "\n").encode())


def _html_table(variables, items, headers) -> Response:
    head = "".join(f"<th>{html.escape(v.value)}</th>" for v in variables)
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(display_term(s[v]))}</td>"
                                    for v in variables) + "</tr>" for s in items)
    note = (f"<p>truncated to {headers['X-SPARQL-MaxRows']} rows</p>"
            if "X-SPARQL-MaxRows" in headers else f"<p>{len(items)} rows</p>")
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

class _Handler(BaseHTTPRequestHandler):
    server_version = "naba-sparql"
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            return self._send(_query_page(self.server.source))
        if url.path != "/sparql":
            return self._send(_text(404, "not found; the endpoint is /sparql"))
        self._sparql(parse_qs(url.query))

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._send(_text(404, "not found; the endpoint is /sparql"))
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.close_connection = True
            return self._send(_text(413, f"the request body is over {MAX_BODY} bytes"))
        body = self.rfile.read(length).decode("utf-8", "replace")
        media = self.headers.get_content_type()
        params = parse_qs(url.query)
        if media == "application/sparql-update":
            return self._send(_read_only())
        if media == "application/x-www-form-urlencoded":
            params.update(parse_qs(body))
        elif media == "application/sparql-query":
            params["query"] = [body]
        else:
            return self._send(_text(415, f"unsupported Content-Type {media}; use "
                                         "application/sparql-query or a form"))
        self._sparql(params)

    def _refuse(self):
        self._send(_text(405, "this endpoint is read-only: use GET or POST queries"),
                   {"Allow": "GET, POST"})

    do_PUT = do_DELETE = do_PATCH = _refuse

    def _sparql(self, params: dict) -> None:
        if "update" in params:
            return self._send(_read_only())
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._send(_text(400, "give exactly one query (query=...)"))
        accept = self.headers.get("Accept", "*/*")
        for value in params.get("format", []) + params.get("output", []):
            if value.lower() in FORMAT_PARAMS or "/" in value:
                accept = FORMAT_PARAMS.get(value.lower(), value)
                break
        job = {"query": queries[0], "accept": accept, "max_rows": self.server.max_rows,
               "default_graphs": tuple(params.get("default-graph-uri", [])),
               "named_graphs": tuple(params.get("named-graph-uri", []))}
        self._send(self.server.pool.run(job))

    def _send(self, response: Response, extra: dict | None = None) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in {**response.headers, **(extra or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)


def _stop(signum, frame):
    raise SystemExit(0)


def _read_only() -> Response:
    return _text(403, "this endpoint is read-only: SPARQL Update is refused")
