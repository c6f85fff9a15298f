"""The named queries and ``naba query``: exact rows on the small Arabic graph, from a merged
Turtle file, a TriG file with one graph per article, and a store (same rows: no doubles)."""
from __future__ import annotations

import json
import subprocess
import sys

import pyoxigraph as ox
import pytest

from graph.query import display_term, execute, format_named_queries, named_queries, run_query
from graph.store import open_source
from naba.cli import main
from naba.errors import GraphError

from .conftest import free_port


def rows(source, name, **bindings):
    results = execute(open_source(source), name, bindings)
    return [tuple(display_term(s[v]) for v in results.variables) for s in results]


LAVROV, US = "nbid:sergei-lavrov", "nbid:united-states"


def test_every_named_query_has_a_description_and_a_test():
    tested = {"who-accuses-whom", "strikes-by-place", "support-network", "most-mentioned",
              "evidence", "actors-by-affiliation", "relations-over-time",
              "attacks-by-place-and-month", "attacks-by-sector"}
    assert set(named_queries()) == tested
    assert all(q.description for q in named_queries().values())


def test_who_accuses_whom_counts_statements_and_articles(source):
    assert rows(source, "who-accuses-whom") == [
        (LAVROV, "سيرغي لافروف", US, "الولايات المتحدة", "4", "3"),
        ("nbid:abu-ali", "أبو علي", US, "الولايات المتحدة", "1", "1"),
        ("nbid:antony-blinken", "أنتوني بلينكن", "nbid:russia", "روسيا", "1", "1"),
    ]


def test_strikes_by_place_counts_strikes_and_attackers(source):
    assert rows(source, "strikes-by-place") == [
        ("nbid:raqqa", "الرقة", "3", "2"),
        ("nbid:aleppo", "حلب", "1", "1"),
    ]


def test_support_network(source):
    assert rows(source, "support-network") == [
        ("nbid:russia", "روسيا", "nbid:syria", "سوريا", "1", "1"),
        (US, "الولايات المتحدة", "nbid:turkey", "تركيا", "1", "1"),
    ]


def test_most_mentioned_counts_articles_once_each(source):
    assert rows(source, "most-mentioned")[:6] == [
        (US, "الولايات المتحدة", "nbo:Country", "4"),
        ("nbid:isis", "داعش", "nbo:Organization", "3"),
        ("nbid:raqqa", "الرقة", "nbo:Place", "3"),
        (LAVROV, "سيرغي لافروف", "nbo:Person", "3"),
        # a discovered person described in both his articles' graphs: still 2, not 4
        ("nbid:abu-ali", "أبو علي", "nbo:Person", "2"),
        ("nbid:russia", "روسيا", "nbo:Country", "2"),
    ]
    assert len(rows(source, "most-mentioned")) == 12


def test_evidence_for_one_edge_gives_each_sentence_and_article(source):
    found = rows(source, "evidence", agent=LAVROV, relation="nbo:accuses", target=US)
    assert [(r[3], r[4], r[7], r[8]) for r in found] == [
        ("nbid:article/a4", "", "0", "30"),  # undated articles sort first
        ("nbid:article/a1", "2016-03-27", "0", "70"),
        ("nbid:article/a1", "2016-03-27", "71", "120"),
        ("nbid:article/a2", "2016-03-28", "0", "40"),
    ]
    assert found[2][5] == 'وأضاف لافروف أن واشنطن "تكذب"، متهماً إياها بالتضليل.'
    assert {r[:3] for r in found} == {(LAVROV, "nbo:accuses", US)}


def test_evidence_without_bindings_lists_every_statement(source):
    assert len(rows(source, "evidence")) == 14


# --- attacks ---------------------------------------------------------------------------------

def test_attacks_by_place_and_month_count_sentences_by_the_articles_month(source):
    # a1 (March) and a4 (undated) strike Raqqa; a3 (April) strikes Aleppo, then Raqqa
    assert rows(source, "attacks-by-place-and-month") == [
        ("nbid:raqqa", "الرقة", "", "1", "0", "0", "0"),
        ("nbid:raqqa", "الرقة", "2016-03", "1", "0", "0", "0"),
        ("nbid:aleppo", "حلب", "2016-04", "1", "0", "0", "0"),
        ("nbid:raqqa", "الرقة", "2016-04", "1", "0", "0", "0"),
    ]


def test_attacks_by_place_and_month_take_the_event_date_and_its_toll(events_graph):
    # e1 and e2 (published in March and April) each report the gunmen's attack in Aleppo of
    # 26 March (3 killed, 2 injured) and Russia's strike on Syria; e3's plot was foiled
    assert rows(events_graph, "attacks-by-place-and-month") == [
        ("", "", "2016-03", "2", "0", "0", "0"),
        ("nbid:aleppo", "حلب", "2016-03", "2", "6", "4", "2"),
    ]


def test_attacks_by_sector_group_generic_agents_by_sector_and_named_ones_by_class(events_graph,
                                                                                   source):
    assert rows(events_graph, "attacks-by-sector") == [
        ("nbo:Country", "Country", "2", "0", "0"),
        ("nbo:Unidentified", "unidentified armed group", "2", "6", "4"),
    ]
    assert rows(source, "attacks-by-sector") == [  # no ontology in this graph: no labels
        ("nbo:Organization", "", "3", "0", "0"), ("nbo:Country", "", "1", "0", "0")]


def test_statements_not_asserted_are_left_out_of_the_relation_queries(events_graph):
    by_month = rows(events_graph, "relations-over-time")
    assert by_month == [("2016-03", "nbo:strikes", "2"), ("2016-04", "nbo:strikes", "2")]
    modes = {r[-1] for r in rows(events_graph, "evidence", relation="nbo:strikes")}
    assert modes == {"nbo:Asserted", "nbo:Negated", "nbo:Foiled"}


def test_actors_by_affiliation_russian_officials(source):
    assert rows(source, "actors-by-affiliation", affiliation="nbid:russia") == [
        ("nbid:russia", LAVROV, "سيرغي لافروف", "nbo:accuses", US, "الولايات المتحدة", "4"),
        ("nbid:russia", "nbid:dmitry-peskov", "دميتري بيسكوف", "nbo:callsOn", US,
         "الولايات المتحدة", "1"),
    ]
    assert [r[1] for r in rows(source, "actors-by-affiliation", affiliation="nbid:russia",
                               relation="nbo:accuses")] == [LAVROV]


def test_actors_by_affiliation_counts_a_discovered_person_once(source):
    isis = [r for r in rows(source, "actors-by-affiliation") if r[0] == "nbid:isis"]
    assert isis == [
        ("nbid:isis", "nbid:abu-ali", "أبو علي", "nbo:accuses", US, "الولايات المتحدة", "1"),
        ("nbid:isis", "nbid:abu-ali", "أبو علي", "nbo:threatens", "nbid:turkey", "تركيا", "1"),
    ]


def test_relations_over_time_counts_per_month(source):
    assert rows(source, "relations-over-time") == [
        ("2016-03", "nbo:accuses", "4"), ("2016-03", "nbo:callsOn", "1"),
        ("2016-03", "nbo:strikes", "1"), ("2016-03", "nbo:threatens", "1"),
        ("2016-04", "nbo:accuses", "1"), ("2016-04", "nbo:strikes", "2"),
        ("2016-04", "nbo:supports", "1"),
    ]
    assert rows(source, "relations-over-time", relation="nbo:strikes") == [
        ("2016-03", "nbo:strikes", "1"), ("2016-04", "nbo:strikes", "2")]


def test_bound_value_is_a_term_never_sparql_text(files):
    # a value that would change the query if it were pasted in: one literal, no rows
    assert rows(files["ttl"], "evidence", agent='"x" } ?s ?p ?o {"') == []
    with pytest.raises(GraphError, match="not a value"):
        rows(files["ttl"], "evidence", agent="nbid:x> } <y")


def test_unknown_parameter_names_the_query_parameters(files):
    with pytest.raises(GraphError, match="has no parameter 'agnt'.*agent, relation, target"):
        rows(files["ttl"], "evidence", agnt="nbid:x")


def test_unknown_query_name_lists_the_named_queries(files):
    with pytest.raises(GraphError, match="no named query 'who-strikes'.*who-accuses-whom"):
        run_query(files["ttl"], "who-strikes")


def test_bad_sparql_says_where(files):
    with pytest.raises(GraphError, match="bad SPARQL .*1:"):
        run_query(files["ttl"], "SELECT ?s WHERE { ?s ?p }")


def test_prefixes_are_declared_and_own_prefixes_win(files):
    text = run_query(files["ttl"], "SELECT (COUNT(*) AS ?n) { ?s a nbo:Person }", fmt="csv")
    assert text.splitlines() == ["n", "4"]
    own = "PREFIX nbo: <http://example.org/> SELECT (COUNT(*) AS ?n) { ?s a nbo:Person }"
    assert run_query(files["ttl"], own, fmt="csv").splitlines() == ["n", "0"]


def test_formats_are_sparql_results(files):
    data = json.loads(run_query(files["ttl"], "support-network", fmt="json"))
    assert data["head"]["vars"][:2] == ["agent", "agentLabel"]
    assert data["results"]["bindings"][0]["agentLabel"] == {
        "type": "literal", "value": "روسيا", "xml:lang": "ar"}
    tsv = run_query(files["ttl"], "support-network", fmt="tsv").splitlines()
    assert tsv[1].split("\t")[:2] == ["<https://w3id.org/naba/id/russia>", '"روسيا"@ar']
    csv = run_query(files["ttl"], "support-network", fmt="csv").splitlines()
    assert csv[1].split(",")[:2] == ["https://w3id.org/naba/id/russia", "روسيا"]


def test_table_is_aligned_with_a_row_count(files):
    table = run_query(files["ttl"], "strikes-by-place").splitlines()
    assert table[0].split() == ["place", "placeLabel", "strikes", "attackers"]
    assert table[2].split() == ["nbid:raqqa", "الرقة", "3", "2"]
    assert table[2].index("3") == table[0].index("strikes")
    assert table[-1] == "(2 rows)"


def test_construct_gives_turtle(files):
    text = run_query(files["ttl"], "CONSTRUCT { ?s a nbo:Place } WHERE { ?s a nbo:Place }")
    assert "nbid:aleppo a nbo:Place" in text


def test_cli_query_list_bind_file_and_errors(files, tmp_path, capsys):
    assert main(["query", "--list"]) == 0
    listing = capsys.readouterr().out
    assert listing == format_named_queries() + "\n"
    assert "--bind agent=" in listing
    assert main(["query", str(files["store"]), "evidence", "--format", "csv",
                 "--bind", f"agent={LAVROV}", "--bind", "target=nbid:united-states"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 5
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?l { nbid:aleppo rdfs:label ?l } ORDER BY ?l", encoding="utf-8")
    assert main(["query", str(files["ttl"]), "--file", str(query), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["l", "Aleppo", "حلب"]
    assert main(["query", str(files["ttl"]), "evidence", "--bind", "agent"]) == 2
    assert "write name=value" in capsys.readouterr().err
    assert main(["query", str(tmp_path / "missing.ttl"), "most-mentioned"]) == 2
    assert "no such graph file or store folder" in capsys.readouterr().err


A1 = "https://w3id.org/naba/graph/article/a1"


@pytest.mark.parametrize("kind", ["trig", "store"])
def test_from_and_from_named_choose_the_graphs_queried(files, kind):
    source = open_source(files[kind])
    in_a1 = len(list(source.quads_for_pattern(None, None, None, ox.NamedNode(A1))))
    assert 0 < in_a1 < len(source)
    count = f"SELECT (COUNT(*) AS ?n) FROM <{A1}> {{ ?s ?p ?o }}"
    assert rows(files[kind], count) == [(str(in_a1),)]
    named = f"SELECT DISTINCT ?g FROM NAMED <{A1}> {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert rows(files[kind], named) == [(f"<{A1}>",)]
    assert rows(files[kind], "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }") != [(str(in_a1),)]


def test_naba_query_refuses_service_unless_allowed(files, capsys):
    port = free_port()  # nothing listens there: the allowed SERVICE fails
    query = f"SELECT * {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    assert main(["query", str(files["ttl"]), query]) == 2
    err = capsys.readouterr().err
    assert "calls SERVICE" in err and "--allow-service" in err
    assert main(["query", str(files["ttl"]), query, "--allow-service"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("naba query: query: the query failed (") and len(err.splitlines()) == 1


def test_naba_query_refuses_a_query_nested_too_deep_to_parse(files):
    deep = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
    result = subprocess.run([sys.executable, "-m", "naba.cli", "query", str(files["ttl"]), deep],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2, result.stderr  # not 139, a segfault
    assert "nests brackets 5000 deep; at most 100" in result.stderr


def test_a_query_file_that_is_not_utf8_is_a_one_line_error(files, tmp_path, capsys):
    query = tmp_path / "q.rq"
    query.write_bytes("SELECT * { ?s rdfs:label 'حلب' }".encode("cp1256"))
    assert main(["query", str(files["ttl"]), "--file", str(query)]) == 2
    assert capsys.readouterr().err == (f"naba query: {query}: the query is not UTF-8 "
                                       "(byte 0xcd at offset 26)\n")


@pytest.mark.parametrize("args", [["--list"], ["SELECT * { ?s ?p ?o }", "--format", "csv"]])
def test_output_into_a_closed_pipe_stops_quietly(files, args):
    """As ``naba query … | head`` once head has its lines: no traceback, the status of a
    process ended by SIGPIPE."""
    source = [] if args == ["--list"] else [str(files["ttl"])]
    reader = subprocess.Popen([sys.executable, "-m", "naba.cli", "query", *source, *args],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader.stdout.close()  # the reader is gone before naba writes
    assert reader.wait(60) == 141
    assert reader.stderr.read() == b""
