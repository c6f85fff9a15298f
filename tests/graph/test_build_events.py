"""graph.build, events: generic actors are described in their article's graph under its IRI;
every relation's statement carries its mode, toll and date; only asserted relations between
named actors are direct edges; bad modes, tolls and dates are refused with a clear error."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.build import build_corpus, document_nquads, document_quads, entity_triples
from graph.terms import (
    KNOWLEDGE_GRAPH,
    NBO,
    article_iri,
    document_graph_iri,
    entity_iri,
    generic_actor_iri,
)
from ingest.model import Document, Relation
from naba.errors import GraphError

from ..conftest import EVENT_TEXT, GUNMEN, PATROL, make_event_doc

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"

def objects(quads, subject: str, predicate: str) -> list:
    return [q.object for q in quads
            if q.subject.value == subject and q.predicate.value == predicate]


def statement_of(quads, sentence: int, doc: Document) -> str:
    start = doc.sentences[sentence].start
    (st,) = {q.subject.value for q in quads if q.predicate.value == NBO + "sentenceStart"
             and int(q.object.value) == start}
    return st


# --- generic actors --------------------------------------------------------------------------

def test_a_generic_actor_is_described_in_its_article_graph_under_the_article():
    doc = make_event_doc()
    quads = document_quads(doc)
    gunmen = generic_actor_iri("e1", GUNMEN.key)
    assert gunmen == article_iri("e1") + "/actor/generic-unidentified-1"
    assert {q.graph_name.value for q in quads if q.subject.value == gunmen} == {
        document_graph_iri("e1")}
    assert objects(quads, gunmen, RDF + "type") == [ox.NamedNode(NBO + "GenericActor")]
    assert set(objects(quads, gunmen, RDFS + "label")) == {
        ox.Literal("مسلحون مجهولون", language="ar"), ox.Literal("unidentified gunmen", language="en")}
    assert objects(quads, gunmen, NBO + "sector") == [ox.NamedNode(NBO + "Unidentified")]
    patrol = generic_actor_iri("e1", PATROL.key)
    assert objects(quads, patrol, NBO + "affiliation") == [ox.NamedNode(entity_iri("syria"))]
    assert not [q for q in quads if q.subject.value == entity_iri(GUNMEN.key)]
    assert not [q for q in quads if q.graph_name.value == KNOWLEDGE_GRAPH
                and "/actor/" in q.subject.value]


def test_a_generic_actor_is_a_statements_end_but_not_a_direct_edge_nor_a_mention():
    doc = make_event_doc()
    quads = document_quads(doc)
    st = statement_of(quads, 0, doc)
    gunmen, patrol = generic_actor_iri("e1", GUNMEN.key), generic_actor_iri("e1", PATROL.key)
    assert objects(quads, st, RDF + "subject") == [ox.NamedNode(gunmen)]
    assert objects(quads, st, RDF + "object") == [ox.NamedNode(patrol)]
    assert objects(quads, gunmen, NBO + "strikes") == []
    mentioned = {o.value for o in objects(quads, article_iri("e1"), NBO + "mentions")}
    assert mentioned == {entity_iri(k) for k in ("aleppo", "russia", "syria")}


def test_a_generic_actor_has_no_description_of_its_own_outside_its_article():
    with pytest.raises(GraphError, match="'generic-unidentified-1': a generic actor has no IRI"):
        entity_triples(GUNMEN)


def test_the_same_generic_key_in_two_articles_is_two_actors():
    a, b = document_quads(make_event_doc("e1")), document_quads(make_event_doc("e2"))
    agents = [objects(quads, statement_of(quads, 0, make_event_doc(i)), RDF + "subject")[0].value
              for quads, i in ((a, "e1"), (b, "e2"))]
    assert agents == [generic_actor_iri("e1", GUNMEN.key), generic_actor_iri("e2", GUNMEN.key)]


# --- modes, tolls, dates ---------------------------------------------------------------------

def test_every_statement_has_its_mode_and_only_asserted_ones_are_direct_edges():
    doc = make_event_doc()
    quads = document_quads(doc)
    modes = [objects(quads, statement_of(quads, i, doc), NBO + "mode") for i in range(3)]
    assert modes == [[ox.NamedNode(NBO + m)] for m in ("Asserted", "Negated", "Asserted")]
    russia_strikes = objects(quads, entity_iri("russia"), NBO + "strikes")
    assert russia_strikes == [ox.NamedNode(entity_iri("syria"))]  # from the asserted one


def test_a_negated_relation_alone_makes_no_direct_edge():
    rel = Relation("strikes", "russia", "syria", 1, "قصفت", mode="Negated")
    quads = document_quads(make_event_doc(relations=(rel,)))
    assert objects(quads, entity_iri("russia"), NBO + "strikes") == []
    assert len({q.subject.value for q in quads if q.object == ox.NamedNode(RDF + "Statement")}) == 1


def test_toll_and_date_are_typed_literals_on_the_statement():
    doc = make_event_doc()
    quads = document_quads(doc)
    st = statement_of(quads, 0, doc)
    integer, day = ox.NamedNode(XSD + "integer"), ox.NamedNode(XSD + "date")
    assert objects(quads, st, NBO + "killed") == [ox.Literal("3", datatype=integer)]
    assert objects(quads, st, NBO + "injured") == [ox.Literal("2", datatype=integer)]
    assert objects(quads, st, NBO + "date") == [ox.Literal("2016-03-26", datatype=day)]
    assert objects(quads, st, NBO + "place") == [ox.NamedNode(entity_iri("aleppo"))]
    negated = statement_of(quads, 1, doc)
    assert objects(quads, negated, NBO + "killed") == objects(quads, negated, NBO + "date") == []


def test_a_toll_of_zero_is_written():
    rel = Relation("strikes", "russia", "syria", 2, "قصفت", killed=0)
    quads = document_quads(make_event_doc(relations=(rel,)))
    st = statement_of(quads, 2, make_event_doc())
    assert objects(quads, st, NBO + "killed") == [
        ox.Literal("0", datatype=ox.NamedNode(XSD + "integer"))]


def test_event_lines_are_written_as_pyoxigraph_writes_them():
    written = document_nquads(make_event_doc())
    assert written == ox.serialize(ox.parse(written, format=ox.RdfFormat.N_QUADS),
                                   format=ox.RdfFormat.N_QUADS)


@pytest.mark.parametrize("change, message", [
    ({"mode": "Rumoured"}, "unknown mode 'Rumoured'; use one of Asserted, Negated"),
    ({"killed": -1}, "killed must be a whole number of people, not -1"),
    ({"injured": -7}, "injured must be a whole number of people, not -7"),
    ({"date": "27/03/2016"}, "date '27/03/2016' is not an ISO date"),
])
def test_a_bad_mode_toll_or_date_is_refused_with_the_article_named(change, message):
    rel = Relation("strikes", "russia", "syria", 2, "قصفت", **change)
    with pytest.raises(GraphError, match=f"article 'e1', strikes by 'russia': {message}"):
        document_quads(make_event_doc(relations=(rel,)))


# --- build_corpus ----------------------------------------------------------------------------

def test_the_report_counts_statements_by_mode_and_generic_actors_by_sector(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc_id in ("e1", "e2"):
        (corpus / f"{doc_id}.txt").write_text(EVENT_TEXT, encoding="utf-8")

    report = build_corpus(corpus, tmp_path / "graph.nq", progress=False,
                          analyze=lambda article: make_event_doc(article.id))
    assert report.modes == {"Asserted": 4, "Negated": 2}
    assert report.generic == {"unidentified": 2, "police": 2}
    assert report.entities["GenericActor"] == 0  # per article, not shared entities
    summary = report.summary()
    assert "Asserted 4, Negated 2" in summary and "police 2, unidentified 2" in summary
    quads = list(ox.parse(path=str(tmp_path / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    generic = {q.subject.value for q in quads if q.predicate.value == RDF + "type"
               and q.object == ox.NamedNode(NBO + "GenericActor")}
    assert generic == {generic_actor_iri(d, e.key) for d in ("e1", "e2") for e in (GUNMEN, PATROL)}
