"""graph.build: hand-built Documents become the graph of docs/architecture.md, written byte for
byte as pyoxigraph writes it; builds of a corpus are deterministic, parallel equals serial, every
format parses back, writes are atomic."""
from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from graph.build import (
    FORMATS,
    build_corpus,
    clean_text,
    document_nquads,
    document_quads,
    entity_triples,
)
from graph.terms import KNOWLEDGE_GRAPH, NBO, article_iri, document_graph_iri, entity_iri, role_iri
from ingest.model import Article, Document, Entity, Mention, Relation, Role, Sentence

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

FOREIGN_MINISTER = Role("foreign-minister", "وزير الخارجية", "Foreign Minister")
ENTITIES = {
    "لافروف": Entity("sergei-lavrov", "Person", "سيرغي لافروف", "Sergei Lavrov",
                     alt_ar=("لافروف",), alt_en=("Sergey Lavrov",), affiliation="russia",
                     role=FOREIGN_MINISTER),
    "روسيا": Entity("russia", "Country", "روسيا", "Russia"),
    "واشنطن": Entity("united-states", "Country", "الولايات المتحدة", "United States"),
    "حلب": Entity("aleppo", "Place", "حلب", "Aleppo", country="syria"),
    "سوريا": Entity("syria", "Country", "سوريا", "Syria"),
    "الصحاف": Entity("ahmad-al-sahhaf", "Person", "أحمد الصحاف", "Ahmad al-Sahhaf",
                     affiliation="syria", discovered=True, translit="Ahmad al-Sahhaf"),
}
TRIGGERS = {"اتهم": "accuses", "قصفت": "strikes", "تدعم": "supports"}


def make_doc(doc_id: str, text: str, **meta) -> Document:
    """A Document built by hand: sentences end at '.', the first two names of a sentence with
    a trigger are agent and target; حلب in a sentence is its place."""
    sentences, start = [], 0
    for piece in text.split("."):
        end = start + len(piece) + 1
        if piece.strip():
            sentences.append(Sentence(start, min(end, len(text)), text[start:end]))
        start = end
    entities, mentions, relations = {}, [], []
    for index, sentence in enumerate(sentences):
        found = []
        for name, entity in ENTITIES.items():
            at = sentence.text.find(name)
            if at >= 0:
                found.append((at, entity.key))
                entities[entity.key] = entity
                mentions.append(Mention(entity.key, sentence.start + at,
                                        sentence.start + at + len(name), index, name))
        found = [key for _, key in sorted(found)]
        for trigger, predicate in TRIGGERS.items():
            actors = [k for k in found if k != "aleppo"]
            if trigger in sentence.text and len(actors) >= 2:
                places = ("aleppo",) if "aleppo" in found else ()
                relations.append(Relation(predicate, actors[0], actors[1], index, trigger,
                                          places=places))
    for entity in list(entities.values()):
        for linked in (entity.affiliation, entity.country):
            if linked:
                entities[linked] = next(e for e in ENTITIES.values() if e.key == linked)
    return Document(Article(doc_id, text, **meta), tuple(sentences), tuple(entities.values()),
                    tuple(mentions), tuple(relations))


TEXT = ("اتهم لافروف واشنطن بدعم الإرهاب. قالت روسيا إنها قصفت سوريا في حلب. "
        "وقال الصحاف إن روسيا تدعم سوريا.")


def triples_of(quads) -> set:
    return {(q.subject.value, q.predicate.value, _value(q.object)) for q in quads}


def _value(term):
    if isinstance(term, ox.Literal):
        return (term.value, term.language, term.datatype.value)
    return term.value


def objects(quads, subject: str, predicate: str) -> list:
    return [q.object for q in quads
            if q.subject.value == subject and q.predicate.value == predicate]


def statements(quads) -> list[str]:
    return sorted({q.subject.value for q in quads
                   if q.predicate.value == RDF + "type" and q.object.value == RDF + "Statement"})


# --- document_quads ----------------------------------------------------------------------------

def test_each_relation_has_a_statement_node_and_a_direct_edge():
    doc = make_doc("a1", TEXT)
    quads = document_quads(doc)
    assert len(statements(quads)) == len(doc.relations) == 3
    for st_iri in statements(quads):
        agent = objects(quads, st_iri, RDF + "subject")[0]
        pred = objects(quads, st_iri, RDF + "predicate")[0]
        target = objects(quads, st_iri, RDF + "object")[0]
        assert objects(quads, st_iri, PROV + "wasDerivedFrom") == [ox.NamedNode(article_iri("a1"))]
        assert objects(quads, agent.value, pred.value) == [target]  # the direct edge


def test_evidence_is_the_sentence_at_its_offsets_in_arabic():
    doc = make_doc("a1", TEXT)
    quads = document_quads(doc)
    for st_iri in statements(quads):
        start = int(objects(quads, st_iri, NBO + "sentenceStart")[0].value)
        end = int(objects(quads, st_iri, NBO + "sentenceEnd")[0].value)
        (evidence,) = objects(quads, st_iri, NBO + "evidence")
        assert evidence.value == TEXT[start:end]
        assert evidence.language == "ar"
        for node in objects(quads, st_iri, NBO + "sentenceStart"):
            assert node.datatype.value == XSD + "integer"


def test_place_and_trigger_are_on_the_statement():
    quads = document_quads(make_doc("a1", TEXT))
    strike = next(s for s in statements(quads)
                  if objects(quads, s, RDF + "predicate")[0].value == NBO + "strikes")
    assert objects(quads, strike, NBO + "place") == [ox.NamedNode(entity_iri("aleppo"))]
    assert objects(quads, strike, NBO + "trigger") == [ox.Literal("قصفت", language="ar")]


def test_speaker_is_on_the_statement():
    doc = make_doc("a1", "اتهم لافروف واشنطن بالكذب.")
    rel = doc.relations[0]
    doc = Document(doc.article, doc.sentences, doc.entities + (ENTITIES["الصحاف"],),
                   doc.mentions, (Relation(rel.predicate, rel.agent, rel.target, 0, rel.trigger,
                                           speaker="ahmad-al-sahhaf"),))
    quads = document_quads(doc)
    (st_iri,) = statements(quads)
    assert objects(quads, st_iri, NBO + "speaker") == [ox.NamedNode(entity_iri("ahmad-al-sahhaf"))]
    assert ox.NamedNode(entity_iri("ahmad-al-sahhaf")) in objects(quads, article_iri("a1"),
                                                                  NBO + "mentions")


def test_gazetteer_entity_is_described_in_the_knowledge_graph():
    quads = document_quads(make_doc("a1", TEXT))
    lavrov = entity_iri("sergei-lavrov")
    described = [q for q in quads if q.subject.value == lavrov
                 and not q.predicate.value.startswith(NBO + "accuses")]  # not the edge
    assert {q.graph_name.value for q in described} == {KNOWLEDGE_GRAPH}
    assert set(objects(quads, lavrov, RDFS + "label")) == {
        ox.Literal("سيرغي لافروف", language="ar"), ox.Literal("Sergei Lavrov", language="en")}
    assert set(objects(quads, lavrov, "http://www.w3.org/2004/02/skos/core#altLabel")) == {
        ox.Literal("لافروف", language="ar"), ox.Literal("Sergey Lavrov", language="en")}
    assert objects(quads, lavrov, NBO + "affiliation") == [ox.NamedNode(entity_iri("russia"))]
    assert objects(quads, lavrov, NBO + "role") == [ox.NamedNode(role_iri("foreign-minister"))]
    role = role_iri("foreign-minister")
    assert objects(quads, role, RDF + "type") == [ox.NamedNode(NBO + "Role")]
    assert ox.Literal("وزير الخارجية", language="ar") in objects(quads, role, RDFS + "label")
    assert objects(quads, entity_iri("aleppo"), NBO + "country") == [
        ox.NamedNode(entity_iri("syria"))]


def test_discovered_person_is_described_in_the_article_graph():
    quads = document_quads(make_doc("a1", TEXT))
    sahhaf = entity_iri("ahmad-al-sahhaf")
    assert {q.graph_name.value for q in quads if q.subject.value == sahhaf} == {
        document_graph_iri("a1")}
    assert objects(quads, sahhaf, NBO + "discovered") == [ox.Literal(True)]
    assert objects(quads, sahhaf, NBO + "transliteration") == [ox.Literal("Ahmad al-Sahhaf")]


def test_article_metadata_and_mentions():
    doc = make_doc("a1", TEXT, title="غارات على حلب", date="2016-03-27", source="نبأ",
                   url="https://example.org/news/1?x=حلب")
    quads = document_quads(doc)
    art = article_iri("a1")
    assert {q.graph_name.value for q in quads if q.subject.value == art} == {
        document_graph_iri("a1")}
    assert objects(quads, art, DCT + "identifier") == [ox.Literal("a1")]
    assert objects(quads, art, DCT + "title") == [ox.Literal("غارات على حلب", language="ar")]
    assert objects(quads, art, DCT + "date") == [
        ox.Literal("2016-03-27", datatype=ox.NamedNode(XSD + "date"))]
    assert objects(quads, art, NBO + "url") == [ox.NamedNode("https://example.org/news/1?x=حلب")]
    mentioned = {o.value for o in objects(quads, art, NBO + "mentions")}
    assert mentioned == {entity_iri(m.entity) for m in doc.mentions}


@pytest.mark.parametrize("given_date, value, datatype", [
    ("2016-03-27T10:30:00+02:00", "2016-03-27T10:30:00+02:00", "dateTime"),
    ("2016-03-27T10:30", "2016-03-27T10:30:00", "dateTime"),
    ("27 March 2016", None, None),
])
def test_dates_are_typed_or_left_out(given_date, value, datatype):
    quads = document_quads(make_doc("a1", TEXT, date=given_date))
    dates = objects(quads, article_iri("a1"), DCT + "date")
    expected = [ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))] if value else []
    assert dates == expected


def test_a_relation_repeated_in_one_sentence_is_one_statement():
    doc = make_doc("a1", "اتهم لافروف واشنطن بالكذب.")
    doc = Document(doc.article, doc.sentences, doc.entities, doc.mentions,
                   doc.relations + doc.relations)
    assert len(statements(document_quads(doc))) == 1


def test_the_same_document_gives_the_same_quads():
    assert document_quads(make_doc("a1", TEXT)) == document_quads(make_doc("a1", TEXT))


# --- text that could break RDF ------------------------------------------------------------------

HOSTILE = ('اتهم لافروف واشنطن "بالكذب" \\ \'هنا\'\n\r\t\x00\x07\x1b\u200f\u202e\u2066 '
           '<script>&amp;</script> """ . ')


def roundtrip(quads) -> dict[str, set]:
    """The triples after N-Triples and Turtle, read back by pyoxigraph and by rdflib."""
    triples = [q.triple for q in quads]
    parsed = {}
    for fmt, name in ((ox.RdfFormat.N_TRIPLES, "nt"), (ox.RdfFormat.TURTLE, "turtle")):
        data = ox.serialize(triples, format=fmt, prefixes={"nbo": NBO} if name == "turtle"
                            else None)
        parsed["ox-" + name] = {(t.subject.value, t.predicate.value, _value(t.object))
                                for t in ox.parse(data, format=fmt)}
        graph = rdflib.Graph().parse(data=data.decode("utf-8"), format=name)
        parsed["rdflib-" + name] = {(str(s), str(p), _rdflib_value(o)) for s, p, o in graph}
    return parsed


def _rdflib_value(term):
    if isinstance(term, rdflib.Literal):
        datatype = str(term.datatype) if term.datatype else (
            RDF + "langString" if term.language else XSD + "string")
        return (str(term), term.language, datatype)
    return str(term)


def test_hostile_text_round_trips_through_ntriples_and_turtle():
    doc = make_doc("a \"1\"\n/ب", HOSTILE, title=HOSTILE, source=HOSTILE,
                   url="http://example.org/a b\"<>")
    quads = document_quads(doc)
    expected = triples_of(quads)
    for name, parsed in roundtrip(quads).items():
        assert parsed == expected, name
    (st_iri,) = statements(quads)
    (evidence,) = objects(quads, st_iri, NBO + "evidence")
    assert evidence.value == clean_text(doc.sentences[0].text)
    assert "\u200f" in evidence.value and "\n" in evidence.value and "\x00" not in evidence.value


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_text_round_trips(text):
    doc = make_doc("h", "اتهم لافروف واشنطن " + text + ".", title=text, source=text)
    quads = document_quads(doc)
    expected = triples_of(quads)
    for name, parsed in roundtrip(quads).items():
        assert parsed == expected, name


# What N-Triples escapes or clean_text removes, and marks that pass through as they are.
AWKWARD = st.sampled_from([*map(chr, range(0x20)), "\x7f", '"', "\\", "\ud800", "\udfff",
                           "\u200f", "\u202e", "\u2066", "\x85", "\u2028", "\ufeff", "ـ",
                           "\ufffe", "\uffff", "\ufdd0", "\U0010ffff"])
ANY_TEXT = st.text(st.one_of(st.characters(), AWKWARD), max_size=40)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_literals_are_written_byte_for_byte_as_pyoxigraph_writes_them(text):
    """Naba writes N-Triples text itself: each literal is what pyoxigraph writes for the
    cleaned text, and reads back as that text."""
    person = Entity("p", "Person", text, "x" + text, translit="x" + text)
    written = "".join(t + " .\n" for t in entity_triples(person)).encode()
    s, label = ox.NamedNode(entity_iri("p")), ox.NamedNode(RDFS + "label")
    clean, x_clean = clean_text(text), clean_text("x" + text)
    expected = [ox.Triple(s, ox.NamedNode(RDF + "type"), ox.NamedNode(NBO + "Person")),
                ox.Triple(s, label, ox.Literal(clean, language="ar")),
                ox.Triple(s, label, ox.Literal(x_clean, language="en")),
                ox.Triple(s, ox.NamedNode(NBO + "transliteration"), ox.Literal(x_clean)),
                ox.Triple(s, label, ox.Literal(x_clean, language="ar-Latn"))]
    assert written == ox.serialize(expected, format=ox.RdfFormat.N_TRIPLES)
    values = [t.object.value for t in ox.parse(written, format=ox.RdfFormat.N_TRIPLES)]
    assert values[1:] == [clean] + [x_clean] * 3


@settings(max_examples=100, deadline=None)
@given(ANY_TEXT, ANY_TEXT)
def test_an_article_is_written_as_pyoxigraph_writes_its_quads(text, url):
    """Text, ids and URLs from articles: the lines of the build are pyoxigraph's own."""
    doc = make_doc("h" + text, "اتهم لافروف واشنطن " + text + ".", title="t" + text,
                   source=text, url="http://example.org/" + url)
    written = document_nquads(doc)
    quads = list(ox.parse(written, format=ox.RdfFormat.N_QUADS))
    assert written == ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    art = article_iri(clean_text("h" + text))
    assert objects(quads, art, DCT + "title") == [
        ox.Literal(clean_text("t" + text), language="ar")]


# --- build_corpus --------------------------------------------------------------------------------

CORPUS_TEXTS = {
    "001": TEXT,
    "002": "اتهم لافروف واشنطن بالكذب. قصفت روسيا سوريا في حلب.",
    "003": "وقال الصحاف إن روسيا تدعم سوريا.",
    "004": "لا شيء هنا.",
}


def analyze_by_hand(article: Article) -> Document:
    """The documents of this file's corpus, built by hand (see make_doc)."""
    if "انفجار" in article.text:
        raise ValueError("cannot analyse this one")
    if "توقف" in article.text:
        raise KeyboardInterrupt
    return make_doc(article.id, article.text)


def write_corpus(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in texts.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


def many_texts(n: int) -> dict[str, str]:
    texts = list(CORPUS_TEXTS.values())
    return {f"{i:04d}": texts[i % len(texts)] + f" {i}." for i in range(n)}


def load(path: Path) -> rdflib.Graph:
    fmt = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}[path.suffix]
    return rdflib.Graph().parse(path, format=fmt)


def build(corpus, out, **options):
    return build_corpus(corpus, out, progress=False, analyze=analyze_by_hand, **options)


def test_building_twice_gives_isomorphic_graphs(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", CORPUS_TEXTS)
    build(corpus, tmp_path / "one.ttl")
    build(corpus, tmp_path / "two.ttl")
    assert isomorphic(load(tmp_path / "one.ttl"), load(tmp_path / "two.ttl"))


def test_two_jobs_write_the_same_file_as_one(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", many_texts(300))
    serial = build(corpus, tmp_path / "serial.nq", jobs=1)
    parallel = build(corpus, tmp_path / "parallel.nq", jobs=2)
    assert (tmp_path / "serial.nq").read_bytes() == (tmp_path / "parallel.nq").read_bytes()
    assert (serial.documents, serial.triples, serial.entities, serial.relations) == (
        parallel.documents, parallel.triples, parallel.entities, parallel.relations)


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".nq"])
def test_every_format_holds_the_same_triples(tmp_path, suffix):
    corpus = write_corpus(tmp_path / "corpus", CORPUS_TEXTS)
    out = tmp_path / f"graph{suffix}"
    build(corpus, out)
    reference = rdflib.Graph()
    for doc_id, text in CORPUS_TEXTS.items():
        for q in document_quads(make_doc(doc_id, text)):
            reference.add(_to_rdflib(q.triple))
    parsed = {_to_rdflib(q if isinstance(q, ox.Triple) else q.triple)
              for q in ox.parse(path=str(out), format=FORMATS[suffix])}
    ontology = rdflib.Graph().parse(Path(__file__).parents[2] / "ontology" / "naba.ttl")
    assert parsed == set(reference) | set(ontology)
    if suffix != ".nq":  # rdflib reads it too
        assert isomorphic(load(out), reference + ontology)


def _to_rdflib(triple: ox.Triple):
    def term(t):
        if isinstance(t, ox.NamedNode):
            return rdflib.URIRef(t.value)
        if t.language:
            return rdflib.Literal(t.value, lang=t.language)
        if t.datatype.value == XSD + "string":
            return rdflib.Literal(t.value)
        return rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value))
    return term(triple.subject), term(triple.predicate), term(triple.object)


def test_nquads_put_each_article_in_its_own_graph(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", CORPUS_TEXTS)
    build(corpus, tmp_path / "graph.nq")
    quads = list(ox.parse(path=str(tmp_path / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name.value for q in quads}
    assert {document_graph_iri(i) for i in CORPUS_TEXTS} | {KNOWLEDGE_GRAPH} < graphs
    lavrov_types = [q for q in quads if q.subject.value == entity_iri("sergei-lavrov")
                    and q.predicate.value == RDF + "type"]
    assert len(lavrov_types) == 1  # described once, though three articles mention him


def test_report_counts_what_was_built(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", CORPUS_TEXTS)
    report = build(corpus, tmp_path / "graph.nt")
    assert report.documents == 4
    assert report.relations == {"accuses": 2, "strikes": 2, "supports": 2}
    assert report.entities["Person"] == 2 and report.entities["Place"] == 1
    lines = (tmp_path / "graph.nt").read_bytes().count(b"\n")
    assert report.triples == lines
    summary = report.summary()
    assert "4" in summary and str(tmp_path / "graph.nt") in summary and "accuses 2" in summary


def test_report_counts_one_relation_per_statement(tmp_path):
    def twice(article: Article) -> Document:  # every relation found twice in its sentence
        doc = make_doc(article.id, article.text)
        return Document(doc.article, doc.sentences, doc.entities, doc.mentions,
                        doc.relations * 2)

    corpus = write_corpus(tmp_path / "corpus", CORPUS_TEXTS)
    report = build_corpus(corpus, tmp_path / "graph.nq", progress=False, analyze=twice)
    assert report.relations == {"accuses": 2, "strikes": 2, "supports": 2}
    quads = ox.parse(path=str(tmp_path / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    assert len(statements(quads)) == 6


def test_an_article_that_fails_is_skipped_with_a_warning(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "corpus", {**CORPUS_TEXTS, "005": "انفجار"})
    report = build(corpus, tmp_path / "graph.ttl")
    assert report.documents == 4
    assert len(report.warnings) == 1 and "'005'" in report.warnings[0]
    assert "005" in capsys.readouterr().err


def test_an_interrupted_build_leaves_the_last_good_output(tmp_path):
    out = tmp_path / "graph.ttl"
    build(write_corpus(tmp_path / "good", CORPUS_TEXTS), out)
    good = out.read_bytes()
    bad = write_corpus(tmp_path / "bad", {**many_texts(200), "0150": "توقف"})
    with pytest.raises(KeyboardInterrupt):
        build(bad, out)
    assert out.read_bytes() == good
    assert sorted(os.listdir(tmp_path)) == ["bad", "good", "graph.ttl"]  # no temp file left


def test_nothing_readable_writes_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(b"\xff\xfe\x00")
    out = tmp_path / "graph.nt"
    out.write_text("last good\n")
    report = build(corpus, out)
    assert report.documents == 0 and len(report.warnings) == 1
    assert out.read_text() == "last good\n"
    assert "nothing" in report.summary()


def test_output_folder_is_created(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", CORPUS_TEXTS)
    build(corpus, tmp_path / "out" / "deeper" / "graph.ttl")
    assert (tmp_path / "out" / "deeper" / "graph.ttl").stat().st_size > 0


def test_a_store_receives_every_document(tmp_path):
    from graph.store import open_source

    corpus = write_corpus(tmp_path / "corpus", CORPUS_TEXTS)
    report = build(corpus, None, store=tmp_path / "store")
    assert report.documents == 4
    store = open_source(tmp_path / "store")
    graphs = {g.value for g in store.named_graphs()}
    assert {document_graph_iri(i) for i in CORPUS_TEXTS} | {KNOWLEDGE_GRAPH} <= graphs
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file left
