"""``naba push`` into a real ``oxigraph serve``: the pushed graph, read back through its
SPARQL endpoint, has exactly the local triples; refusals and dead endpoints are clear."""
from __future__ import annotations

import http.server
import socket
import threading
import time
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest

from graph.push import push_graph
from naba.cli import main
from naba.errors import GraphError

from .conftest import free_port, merged_triples

TARGET = "https://w3id.org/naba/graph/pushed"


def remote_triples(base: str, graph: str | None) -> set[ox.Triple]:
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    query = urllib.parse.urlencode({"query": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}"})
    req = urllib.request.Request(f"{base}/query?{query}",
                                 headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(req, timeout=30) as answer:
        quads = ox.parse(answer.read(), format=ox.RdfFormat.N_TRIPLES)
        return {ox.Triple(q.subject, q.predicate, q.object) for q in quads}


def test_push_into_a_named_graph_in_batches(oxigraph_server, files):
    summary = push_graph(files["store"], f"{oxigraph_server}/store", graph=TARGET, batch_size=40)
    assert summary.startswith("pushed 213 triples in 6 requests")
    assert remote_triples(oxigraph_server, TARGET) == merged_triples()
    push_graph(files["ttl"], f"{oxigraph_server}/store", graph=TARGET, batch_size=1000)
    assert remote_triples(oxigraph_server, TARGET) == merged_triples()  # replaced, same
    assert remote_triples(oxigraph_server, None) == set()


def test_push_without_graph_adds_to_the_default_graph(oxigraph_server, files, capsys):
    assert main(["push", str(files["trig"]), "--endpoint", f"{oxigraph_server}/store"]) == 0
    assert "(the default graph)" in capsys.readouterr().out
    assert remote_triples(oxigraph_server, None) == merged_triples()


def test_blank_nodes_stay_in_one_request(oxigraph_server, tmp_path):
    path = tmp_path / "b.ttl"
    path.write_text('@prefix nbo: <https://w3id.org/naba/ontology#> .\n'
                    + "".join(f"<http://x/{i}> nbo:p {i} .\n" for i in range(10))
                    + '<http://x/a> nbo:q [ nbo:r "ر"@ar ; nbo:s [ nbo:t 1 ] ] .\n',
                    encoding="utf-8")
    push_graph(path, f"{oxigraph_server}/store", graph=TARGET, batch_size=2)
    got = remote_triples(oxigraph_server, TARGET)
    assert len(got) == 14
    assert len({t.object for t in got if isinstance(t.object, ox.BlankNode)}) == 2


def test_refusal_names_endpoint_and_status(oxigraph_server, files):
    with pytest.raises(GraphError, match=r"/nowhere\?default: the endpoint refused the POST "
                                         r"\(HTTP 404"):
        push_graph(files["ttl"], f"{oxigraph_server}/nowhere")


def test_dead_endpoint_is_retried_then_reported(files):
    url = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(GraphError, match="POST failed after 2 attempts.*refused"):
        push_graph(files["ttl"], url, retries=1)


def test_bad_arguments(files):
    with pytest.raises(GraphError, match="http:// or https://"):
        push_graph(files["ttl"], "ftp://127.0.0.1/store")
    with pytest.raises(GraphError, match="not an IRI"):
        push_graph(files["ttl"], "http://127.0.0.1:1/store", graph="not an iri")


class _FailsAfter(http.server.BaseHTTPRequestHandler):
    """An endpoint that stores the first two batches, then answers 503."""

    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        self.server.requests += 1
        self.send_response(204 if self.server.requests <= 2 else 503)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_POST

    def log_message(self, *args):
        pass


def test_a_failing_batch_says_which_batches_were_sent(files):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FailsAfter)
    server.requests = 0
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/store"
        with pytest.raises(GraphError, match=r"HTTP 503.*; batch 3 was not sent, batches 1-2 "
                                             r"\(20 triples\) were sent before it; pushing "
                                             r"again replaces the graph"):
            push_graph(files["ttl"], url, graph=TARGET, batch_size=10, retries=1)
    finally:
        server.shutdown()
        server.server_close()
    assert server.requests == 4  # two batches, then the third one twice


def test_an_endpoint_that_never_answers_times_out_as_asked(files):
    with socket.socket() as silent:  # listens, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/store"
        started = time.monotonic()
        with pytest.raises(GraphError, match="failed after 1 attempt .*timed out.*no batch"):
            push_graph(files["ttl"], url, retries=0, timeout=0.5)
        assert time.monotonic() - started < 5
