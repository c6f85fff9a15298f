"""``naba serve``: what a client of the endpoint relies on (statuses, formats, limits)."""
from __future__ import annotations

import json
import select
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.server import answer, negotiate

from .conftest import GRAPH_TRIG, ROOT, SERVER_LIMITS, free_port, serving, stop, wait_for_port

SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def request(url, query=None, *, accept="*/*", method="GET", body=None, ctype=None, params=None):
    """(status, headers, text) of one request; HTTP errors are answers too."""
    params = dict(params or {})
    if query is not None:
        params["query"] = query
    if method == "GET":
        url = f"{url}?{urllib.parse.urlencode(params)}"
    elif body is None:
        body, ctype = urllib.parse.urlencode(params).encode(), "application/x-www-form-urlencoded"
    headers = {"Accept": accept, **({"Content-Type": ctype} if ctype else {})}
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as answer_:
            return answer_.status, answer_.headers, answer_.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read().decode()


def test_get_and_post_queries_give_the_same_json(naba_server):
    query = "SELECT ?s ?l { ?s a nbo:Place ; rdfs:label ?l FILTER(lang(?l) = 'ar') } ORDER BY ?s"
    got = [request(naba_server, query, accept="application/sparql-results+json", method=m)
           for m in ("GET", "POST")]
    direct = request(naba_server, accept="application/sparql-results+json", method="POST",
                     body=query.encode(), ctype="application/sparql-query")
    assert got[0][0] == got[1][0] == direct[0] == 200
    assert got[0][2] == got[1][2] == direct[2]
    rows = json.loads(got[0][2])["results"]["bindings"]
    assert [r["l"]["value"] for r in rows] == ["حلب", "الرقة"]


@pytest.mark.parametrize("accept, media, first", [
    ("application/sparql-results+xml", "application/sparql-results+xml", "<?xml"),
    ("text/csv", "text/csv", "s\r\n"),
    ("text/tab-separated-values", "text/tab-separated-values", "?s\n"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "text/html", "<!doctype html>"),
])
def test_results_format_follows_accept(naba_server, accept, media, first):
    status, headers, text = request(naba_server, "SELECT ?s { ?s a nbo:Country }", accept=accept)
    assert status == 200
    assert headers.get_content_type() == media
    assert text.startswith(first)


def test_construct_gives_turtle_or_ntriples(naba_server):
    query = "CONSTRUCT { ?s a nbo:Place } WHERE { ?s a nbo:Place }"
    status, headers, text = request(naba_server, query, accept="text/turtle")
    assert (status, headers.get_content_type()) == (200, "text/turtle")
    assert "nbid:aleppo a nbo:Place" in text
    status, _, text = request(naba_server, query, accept="application/n-triples")
    assert len(text.splitlines()) == 2
    assert request(naba_server, query, accept="text/csv")[0] == 406


@pytest.mark.parametrize("kwargs", [
    {"method": "POST", "params": {"update": "INSERT DATA { <a:b> <a:c> <a:d> }"}},
    {"method": "POST", "body": b"INSERT DATA { <a:b> <a:c> <a:d> }",
     "ctype": "application/sparql-update"},
    {"method": "GET", "params": {"update": "CLEAR ALL"}},
])
def test_update_is_refused_with_403(naba_server, kwargs):
    status, _, text = request(naba_server, **kwargs)
    assert status == 403
    assert "read-only" in text
    assert request(naba_server, "ASK { ?s ?p ?o }", accept="text/csv")[2].startswith("true")


def test_writes_and_federation_are_refused(naba_server):
    assert request(naba_server, method="PUT", body=b"<a:b> <a:c> <a:d> .",
                   ctype="application/n-triples")[0] == 405
    status, _, text = request(naba_server, "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert status == 403 and "SERVICE" in text


def test_bad_query_gives_400_with_the_parser_message(naba_server):
    status, _, text = request(naba_server, "SELECT ?s WHERE { ?s ?p }")
    assert status == 400
    assert text.startswith("bad query: error at 1:")


def test_result_size_limit_truncates_with_a_header(naba_server):
    status, headers, text = request(naba_server, "SELECT * { ?s ?p ?o }", accept="text/csv")
    assert status == 200
    assert headers["X-SPARQL-MaxRows"] == "50"
    assert len(text.splitlines()) == 51
    small = request(naba_server, "SELECT ?s { ?s a nbo:Country }", accept="text/csv")
    assert "X-SPARQL-MaxRows" not in small[1]


def test_slow_query_is_stopped_and_other_queries_are_still_served(naba_server):
    slow: dict = {}
    thread = threading.Thread(target=lambda: slow.update(answer=request(naba_server, SLOW)))
    started = time.monotonic()
    thread.start()
    time.sleep(0.3)
    status, _, text = request(naba_server, "ASK { ?s a nbo:Person }", accept="text/csv")
    assert (status, text.strip()) == (200, "true")
    assert time.monotonic() - started < 2  # answered while the slow one runs
    thread.join(30)
    assert slow["answer"][0] == 503
    assert "time limit of 2 s" in slow["answer"][2]
    assert time.monotonic() - started < 6
    for _ in range(3):  # the killed worker is replaced: the server keeps answering
        assert request(naba_server, "ASK { ?s a nbo:Place }", accept="text/csv")[0] == 200


def test_query_page_escapes_the_queries(naba_server):
    status, headers, text = request(naba_server.removesuffix("sparql"))
    assert status == 200 and headers.get_content_type() == "text/html"
    assert "&quot;ar&quot;" in text and 'lang(?agentLabel) = "ar"' not in text


def test_html_results_escape_article_text():
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://b"),
                      ox.Literal("<script>alert(1)</script>", language="ar")))
    page = answer(store, "SELECT ?o { ?s ?p ?o }", "text/html", 10).body.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page


def test_negotiation_prefers_quality_then_order():
    assert negotiate("text/csv;q=0.9, text/tab-separated-values", "solutions")[0] == \
        "text/tab-separated-values"
    assert negotiate("", "triples")[0] == "text/turtle"
    assert negotiate("text/*", "solutions")[0] == "text/xml"
    assert negotiate("image/png", "boolean") is None


# --- hostile or unlucky clients, on raw sockets -------------------------------------------------

def raw(port: int, data: bytes, *, body_chunks: int = 0, timeout: float = 10) -> bytes:
    """Send ``data`` (then ``body_chunks`` MB more, stopping once the server answers or
    closes) and return what the server sends back until it closes or goes quiet."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        try:
            for _ in range(body_chunks):
                readable, _, _ = select.select([sock], [], [], 0)
                if readable:
                    break
                sock.sendall(b"x" * 1_000_000)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server stopped reading: what it sent is what counts
        answer_ = b""
        try:
            while chunk := sock.recv(65536):
                answer_ += chunk
        except (TimeoutError, ConnectionResetError):
            pass
        return answer_


def status_of(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


def post_head(length: str, ctype: str = "application/sparql-query") -> bytes:
    return (f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {length}\r\nConnection: close\r\n\r\n").encode()


def still_serves(url: str) -> bool:
    return request(url, "ASK { ?s a nbo:Place }", accept="text/csv")[2].strip() == "true"


@pytest.mark.parametrize("length, status", [("-1", 400), ("abc", 400), ("1e3", 400),
                                            ("5000000", 413)])
def test_a_bad_or_oversized_content_length_is_refused_without_reading_the_body(
        naba_server_process, naba_server, length, status):
    _, port = naba_server_process
    started = time.monotonic()
    response = raw(port, post_head(length), body_chunks=50)  # up to 50 MB offered
    assert status_of(response) == status, response[:200]
    assert time.monotonic() - started < 5
    assert still_serves(naba_server)


def test_a_graph_parameter_that_is_no_iri_is_a_400_and_the_worker_lives(naba_server):
    for name in ("default-graph-uri", "named-graph-uri"):
        status, _, text = request(naba_server, "ASK { ?s ?p ?o }", params={name: "not an iri"})
        assert (status, text.startswith(f"{name}='not an iri': not an absolute IRI")) == (400, True)
    assert still_serves(naba_server)


def test_a_query_nested_thousands_deep_is_refused_before_parsing(naba_server_process,
                                                                 naba_server):
    process, _ = naba_server_process
    workers = workers_of(process.pid)
    deep = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
    status, _, text = request(naba_server, method="POST", body=deep.encode(),
                              ctype="application/sparql-query")
    assert status == 400 and "nests brackets 5000 deep" in text
    assert workers_of(process.pid) == workers  # no worker crashed and was replaced


def test_a_result_over_the_byte_limit_is_cut_to_the_rows_that_fit(naba_server):
    big = ("SELECT ?a (GROUP_CONCAT(STR(?c)) AS ?all) { ?a ?b ?c . ?d ?e ?f } GROUP BY ?a "
           "ORDER BY ?a")
    status, headers, text = request(naba_server, big, accept="text/csv")
    assert status == 200 and headers["X-SPARQL-MaxBytes"] == str(SERVER_LIMITS["max-bytes"])
    assert 0 < len(text.encode()) <= SERVER_LIMITS["max-bytes"]
    rows = text.splitlines()
    assert rows[0] == "a,all" and 1 < len(rows) < 50


def test_a_query_past_the_memory_limit_fails_alone_and_its_worker_is_replaced(tmp_path):
    doubled = " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(32))
    hungry = ("SELECT (STRLEN(?x32) AS ?n) { ?s rdfs:label ?x0 " + doubled + " } LIMIT 1")
    with serving(tmp_path, timeout=120) as (_, port):  # the memory limit, not the time limit,
        url = f"http://127.0.0.1:{port}/sparql"  # on a loaded machine too
        status, _, text = request(url, hungry, accept="text/csv")  # 2^32 × a label
        assert status == 500 and "memory limit of 512 MB" in text
        assert still_serves(url)


def test_idle_connections_are_closed_and_hold_no_threads(naba_server_process, naba_server):
    process, port = naba_server_process
    idle = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(150)]
    try:
        for sock in idle[:75]:
            sock.sendall(b"GET /sparql?query=ASK HTTP/1.1\r\nHost: x\r\n")  # never finished
        time.sleep(0.5)
        assert threads_of(process.pid) < 20  # a fixed pool, not a thread per connection
        started = time.monotonic()
        assert still_serves(naba_server)  # once the idle ones are dropped, if not before
        assert time.monotonic() - started < 10
        for sock in idle[:100]:  # the connections the server took: closed by it
            assert sock.recv(100) == b""
    finally:
        for sock in idle:
            sock.close()


def workers_of(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task")
    return sorted(int(c) for t in tasks.iterdir() for c in (t / "children").read_text().split())


def threads_of(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split("Threads:")[1].split()[0])


def test_the_dataset_is_the_protocols_then_the_querys_then_every_graph(naba_server):
    a1, a2 = (f"https://w3id.org/naba/graph/article/{d}" for d in ("a1", "a2"))
    count = "SELECT (COUNT(*) AS ?n) {from_} {{ ?s ?p ?o }}"

    def n(query, **params):
        status, _, text = request(naba_server, query, accept="text/csv", params=params)
        assert status == 200, text
        return int(text.split()[1])

    everything, in_a1 = n(count.format(from_="")), n(count.format(from_=f"FROM <{a1}>"))
    in_a2 = n(count.format(from_=f"FROM <{a2}>"))
    assert 0 < in_a1 < everything and 0 < in_a2 < everything and in_a1 != in_a2
    assert n(count.format(from_=f"FROM <{a1}>"), **{"default-graph-uri": a2}) == in_a2
    assert n(count.format(from_=""), **{"default-graph-uri": a1}) == in_a1


def test_a_port_out_of_range_is_a_one_line_error():
    result = subprocess.run([sys.executable, "-m", "naba.cli", "serve", str(GRAPH_TRIG), "--port",
                             "70000"], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert result.stderr == ("naba serve: --port 70000: a port is a number from 0 to 65535 "
                             "(0: any free one)\n")


def test_listening_beyond_this_machine_warns_that_there_is_no_authentication(tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "naba.cli", "serve", str(GRAPH_TRIG),
                                    "--host", "0.0.0.0", "--port", str(port)], cwd=ROOT,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for_port(port, process)
    finally:
        stop(process)
    first = log.read_text().splitlines()[0]
    assert first.startswith("naba serve: warning: listening on 0.0.0.0, the endpoint has no "
                            "authentication")
