"""ontology/naba.ttl declares every term Naba writes, in Arabic and English; ontology/shapes.ttl
accepts the graphs Naba builds and rejects broken ones."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
import rdflib
import yaml
from pyshacl import validate
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.build import document_quads
from graph.terms import NBO, sector_name
from ingest.model import ENTITY_TYPES, MODES, RELATIONS

from ..conftest import make_event_doc

ROOT = Path(__file__).resolve().parents[2]
NB = rdflib.Namespace(NBO)
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")

CAMEO = {"accuses": {"112"}, "supports": {"05", "07"}, "strikes": {"19"}, "meets": {"04"},
         "threatens": {"13"}, "cooperatesWith": {"06"}, "callsOn": {"02"}}
PLOVER = {"accuses": {"ACCUSE"}, "supports": {"SUPPORT", "AID"},
          "strikes": {"ASSAULT", "FIGHT"}, "meets": {"CONSULT"}, "threatens": {"THREATEN"},
          "cooperatesWith": {"COOPERATE"}, "callsOn": {"REQUEST"}}


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "ontology" / "naba.ttl")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")


def declared(ontology: rdflib.Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
             OWL.NamedIndividual)
    return {str(s)[len(NBO):] for kind in kinds for s in ontology.subjects(RDF.type, kind)
            if str(s).startswith(NBO)}


def test_the_ontology_has_a_header_with_the_mit_licence(ontology):
    (header,) = ontology.subjects(RDF.type, OWL.Ontology)
    assert "MIT" in str(ontology.value(header, DCT.license))


def test_every_class_and_property_has_arabic_and_english_labels_and_a_comment(ontology):
    for name in sorted(declared(ontology)):
        term = NB[name]
        languages = sorted(label.language for label in ontology.objects(term, RDFS.label))
        assert languages == ["ar", "en"], name
        assert len(list(ontology.objects(term, RDFS.comment))) == 1, name


def test_every_relation_has_its_cameo_code_and_plover_type(ontology):
    for relation in RELATIONS:
        term = NB[relation]
        assert (term, RDF.type, OWL.ObjectProperty) in ontology
        assert {str(c) for c in ontology.objects(term, NB.cameoCode)} == CAMEO[relation]
        assert {str(p) for p in ontology.objects(term, NB.ploverType)} == PLOVER[relation]


def test_every_mode_is_an_individual_with_its_plover_name_where_plover_has_one(ontology):
    assert {str(m)[len(NBO):] for m in ontology.subjects(RDF.type, NB.Mode)} == set(MODES)
    plover = {m: {str(v) for p in (NB.ploverContext, NB.ploverType)
                  for v in ontology.objects(NB[m], p)} for m in MODES}
    assert plover == {"Asserted": set(), "Negated": {"negation"}, "Hypothetical": {"hypothetical"},
                      "Planned": {"future"}, "Foiled": set(), "Threatened": {"THREATEN"},
                      "Demanded": {"DEMAND"}}


def test_the_sectors_of_the_lexicon_are_the_sectors_of_the_ontology(ontology):
    sectors = yaml.safe_load((ROOT / "ontology" / "lexicon" / "sectors.yaml").read_text("utf-8"))
    individuals = {str(s)[len(NBO):] for s in ontology.subjects(RDF.type, NB.Sector)}
    assert individuals == {sector_name(key) for key in sectors}
    for key, entry in sectors.items():
        assert set(entry) == {"en", "cameo", "words"}, key
        assert str(ontology.value(NB[sector_name(key)], NB.cameoAgentCode)) == entry["cameo"], key
        assert entry["words"] and all(isinstance(w, str) and isinstance(g, str) and g
                                      for w, g in entry["words"].items()), key


def test_no_sector_word_belongs_to_two_sectors():
    from ingest.normalize import normalize_text

    sectors = yaml.safe_load((ROOT / "ontology" / "lexicon" / "sectors.yaml").read_text("utf-8"))
    owner: dict[str, str] = {}
    for key, entry in sectors.items():
        for word in entry["words"]:
            assert owner.setdefault(normalize_text(word), key) == key, word


def test_the_shapes_list_every_mode_and_sector(ontology, shapes):
    listed = {str(o)[len(NBO):] for _, o in shapes.subject_objects(RDF.first)
              if str(o).startswith(NBO)}
    sectors = {str(s)[len(NBO):] for s in ontology.subjects(RDF.type, NB.Sector)}
    assert set(MODES) | sectors | set(RELATIONS) == listed


def test_every_term_the_code_uses_is_declared(ontology, built_graph):
    used = set(ENTITY_TYPES) | set(RELATIONS)
    sources = [*ROOT.glob("graph/*.py"), *ROOT.glob("ingest/*.py"), *ROOT.glob("naba/*.py"),
               *ROOT.glob("graph/queries/*.rq")]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bNB\.(\w+)", text))
        used |= set(re.findall(r"\bNB\[\"(\w+)\"\]", text))
        used |= set(re.findall(r"\bnbo:(\w+)", text))
    for triple in built_graph:
        used |= {str(t)[len(NBO):] for t in triple if str(t).startswith(NBO)}
    assert used - declared(ontology) == set()


# --- SHACL -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built_graph() -> rdflib.Graph:
    """A graph of hand-built documents that use every feature (see test_build.make_doc)."""
    examples = _load("test_build")
    TEXT, make_doc = examples.TEXT, examples.make_doc
    graph = rdflib.Graph()
    docs = [make_doc("a1", TEXT, title="غارات على حلب", date="2016-03-27T10:30:00Z",
                     source="نبأ", url="https://example.org/1"),
            make_doc("a2", "اتهم لافروف واشنطن بالكذب. قصفت روسيا سوريا في حلب."),
            make_event_doc("e1")]
    for doc in docs:
        for quad in document_quads(doc):
            graph.add(_triple(quad))
    return graph


def _load(name: str):
    """A test module of this folder, for its hand-built documents."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _triple(quad):
    import pyoxigraph as ox

    def term(t):
        if isinstance(t, ox.NamedNode):
            return rdflib.URIRef(t.value)
        if t.language:
            return rdflib.Literal(t.value, lang=t.language)
        return rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value))
    return term(quad.subject), term(quad.predicate), term(quad.object)


def conforms(graph: rdflib.Graph, shapes: rdflib.Graph) -> tuple[bool, str]:
    ok, _, text = validate(graph, shacl_graph=shapes, inference="none")
    return ok, text


def test_a_built_graph_conforms_to_the_shapes(built_graph, shapes):
    ok, text = conforms(built_graph, shapes)
    assert ok, text


def _broken(graph: rdflib.Graph, change) -> rdflib.Graph:
    copy = rdflib.Graph()
    for triple in graph:
        copy.add(triple)
    change(copy)
    return copy


def _a_statement(graph):
    return min(graph.subjects(RDF.type, RDF.Statement))


def _an_entity(graph):
    return min(graph.subjects(RDF.type, NB.Person))


def _a_generic_actor(graph):
    return min(graph.subjects(RDF.type, NB.GenericActor))


def _an_event(graph):
    return min(graph.subjects(NB.killed, None))


BREAKAGES = {
    "entity without an Arabic label": lambda g: [
        g.remove((s, RDFS.label, o)) for s, o in list(g.subject_objects(RDFS.label))
        if s == _an_entity(g) and o.language == "ar"],
    "entity label in French": lambda g: g.add(
        (_an_entity(g), SKOS.altLabel, rdflib.Literal("Lavrov", lang="fr"))),
    "entity label without a language": lambda g: g.add(
        (_an_entity(g), RDFS.label, rdflib.Literal("Lavrov"))),
    "article with two identifiers": lambda g: g.add(
        (next(g.subjects(RDF.type, NB.Article)), DCT.identifier, rdflib.Literal("other"))),
    "statement without evidence": lambda g: g.remove((_a_statement(g), NB.evidence, None)),
    "evidence not in Arabic": lambda g: g.set(
        (_a_statement(g), NB.evidence, rdflib.Literal("said", lang="en"))),
    "statement with two subjects": lambda g: g.add(
        (_a_statement(g), RDF.subject, NB.someone_else)),
    "statement not derived from an article": lambda g: g.set(
        (_a_statement(g), PROV.wasDerivedFrom, _an_entity(g))),
    "start after end": lambda g: g.set(
        (_a_statement(g), NB.sentenceStart, rdflib.Literal(10**6))),
    "offset as a string": lambda g: g.set(
        (_a_statement(g), NB.sentenceEnd, rdflib.Literal("12"))),
    "unknown relation": lambda g: g.set((_a_statement(g), RDF.predicate, NB.loves)),
    "statement without a mode": lambda g: g.remove((_a_statement(g), NB.mode, None)),
    "unknown mode": lambda g: g.set((_a_statement(g), NB.mode, NB.Rumoured)),
    "negative toll": lambda g: g.set((_an_event(g), NB.killed, rdflib.Literal(-3))),
    "toll as a string": lambda g: g.set((_an_event(g), NB.injured, rdflib.Literal("3"))),
    "date as a date-time": lambda g: g.set((_an_event(g), NB.date, rdflib.Literal(
        "2016-03-26T10:00:00", datatype=XSD.dateTime))),
    "generic actor with a direct edge": lambda g: g.add(
        (_a_generic_actor(g), NB.strikes, _an_entity(g))),
    "direct edge to a generic actor": lambda g: g.add(
        (_an_entity(g), NB.accuses, _a_generic_actor(g))),
    "generic actor without an Arabic label": lambda g: [
        g.remove((s, RDFS.label, o)) for s, o in list(g.subject_objects(RDFS.label))
        if s == _a_generic_actor(g) and o.language == "ar"],
    "generic actor in two sectors": lambda g: g.add(
        (_a_generic_actor(g), NB.sector, NB.Military)),
    "unknown sector": lambda g: g.set((_a_generic_actor(g), NB.sector, NB.Aliens)),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_shapes_catch_a_broken_graph(built_graph, shapes, name):
    ok, _ = conforms(_broken(built_graph, BREAKAGES[name]), shapes)
    assert not ok, name
