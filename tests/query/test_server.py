"""``naba serve``: what a client of the endpoint relies on (statuses, formats, limits)."""
from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest

from graph.server import answer, negotiate

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
