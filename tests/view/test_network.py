"""The one RDF → networkx conversion: entities as nodes, one edge per (agent, relation, target)."""
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.network import load_network, rdf_to_networkx

SMALL = Path(__file__).with_name("data") / "small.trig"


@pytest.fixture(scope="module")
def network():
    return load_network(SMALL)


def test_nodes_are_the_entities_with_their_labels_type_and_documents(network):
    russia = network.nodes["russia"]
    assert (russia["type"], russia["label_ar"], russia["label_en"], russia["mentions"]) == (
        "Country", "روسيا", "Russia", 4)
    assert network.nodes["isis"]["mentions"] == 3
    assert network.number_of_nodes() == 11


def test_statements_of_one_relation_make_one_weighted_edge_with_their_evidence(network):
    edge = network.edges["sergei-lavrov", "united-states", "accuses"]
    assert edge["weight"] == 2 and edge["documents"] == ["a1", "a2"]
    assert edge["dates"] == ["2016-03-27", "2016-04-02"]
    assert [e["document"] for e in edge["evidence"]] == ["a1", "a2"]
    assert edge["evidence"][0]["sentence"].startswith("اتهم وزير الخارجية الروسي")


def test_a_direct_edge_without_a_statement_counts_once(network):
    assert network.edges["syria", "russia", "cooperatesWith"]["weight"] == 1


def test_cameo_codes_come_from_the_ontology_in_the_graph(network):
    assert network.edges["russia", "isis", "strikes"]["cameo"] == "190"  # as small.trig says
    assert network.edges["russia", "syria", "supports"]["cameo"] == "05"  # the fallback table


def test_values_are_plain_python_types(network):
    for _, data in network.nodes(data=True):
        assert all(type(v) in (str, int) for v in data.values())
    for _, _, data in network.edges(data=True):
        assert all(type(v) in (str, int, list) for v in data.values())


def test_a_discovered_person_shows_the_romanized_name_where_no_english_one_exists():
    store = ox.Store()
    store.load("""@prefix nbo: <https://w3id.org/naba/ontology#> .
        @prefix nbid: <https://w3id.org/naba/id/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        nbid:person-khuan-alfariz a nbo:Person ; rdfs:label "خوان ألفاريز"@ar, "Khuan Alfariz"@ar-Latn .
        nbid:bolivia a nbo:Country ; rdfs:label "بوليفيا"@ar, "Bolivia"@en .
        nbid:person-khuan-alfariz nbo:accuses nbid:bolivia .""", format=ox.RdfFormat.TURTLE)
    node = rdf_to_networkx(store).nodes["person-khuan-alfariz"]
    assert (node["label_ar"], node["label_en"]) == ("خوان ألفاريز", "Khuan Alfariz")
