"""Turn ``Document`` values into RDF, and build the graph of a whole corpus: parallel, atomic.

``document_quads(doc)`` follows docs/architecture.md: entity descriptions in
``KNOWLEDGE_GRAPH`` (a discovered entity or a generic actor in its article's graph), the
article, its mentions, one ``rdf:Statement`` per relation (with its mode, toll and date) and a
direct edge for each asserted relation between named actors, in ``document_graph_iri(id)``.
Triples are made as N-Triples text, ``'<s> <p> <o>'`` escaped byte for byte as pyoxigraph
writes it: making pyoxigraph terms first cost four times as much, and a build only writes text.

``build_corpus`` streams N-Triples or N-Quads: a fork-based pool analyses chunks of articles,
each worker writes the lines of its own triples, and the parent writes the chunks in corpus
order (so ``--jobs 2`` writes the same graph as ``--jobs 1``), each shared entity description
once.
Turtle and JSON-LD are converted from the stream at the end. The output appears only when
complete (a temp file beside it, fsync, ``os.replace``).
"""
from __future__ import annotations

import gc
import os
import re
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from itertools import islice
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from graph.terms import (
    KNOWLEDGE_GRAPH,
    NBO,
    ONTOLOGY_GRAPH,
    PREFIXES,
    article_iri,
    document_graph_iri,
    entity_iri,
    generic_actor_iri,
    role_iri,
    sector_name,
    statement_iri,
)
from ingest.model import ENTITY_TYPES, MODES, RELATIONS, Document, Entity, Relation, Role
from naba.errors import GraphError, NabaError, OntologyError

__all__ = [
    "FORMATS",
    "ONTOLOGY_PATH",
    "BuildReport",
    "article_triples",
    "build_corpus",
    "clean_text",
    "document_nquads",
    "document_quads",
    "entity_triples",
    "ontology_quads",
    "role_triples",
    "usable_cores",
    "write_nquads",
]

ONTOLOGY_PATH = Path(__file__).resolve().parent.parent / "ontology" / "naba.ttl"
FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
           ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD}
CHUNK = 32  # articles per task; fixed, so the output never depends on --jobs


class _Namespace:
    """``NB.accuses`` → ``'<https://w3id.org/naba/ontology#accuses>'``, made once."""

    def __init__(self, base: str):
        self._base = base

    def __getattr__(self, name: str) -> str:
        term = f"<{self._base}{name}>"
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> str:
        return getattr(self, name)


NB = _Namespace(NBO)
RDF = _Namespace(PREFIXES["rdf"])
RDFS = _Namespace(PREFIXES["rdfs"])
XSD = _Namespace(PREFIXES["xsd"])
SKOS = _Namespace(PREFIXES["skos"])
PROV = _Namespace(PREFIXES["prov"])
DCT = _Namespace(PREFIXES["dcterms"])

# C0 controls but tab, newline, CR; lone surrogates; noncharacters (U+FDD0-U+FDEF and the
# last two code points of every plane: rapper and XML parsers refuse U+FFFE and U+FFFF)
_UNSAFE_CHARS = ("\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef"
                 + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF)
                           for plane in range(17)))
_UNSAFE = re.compile(f"[{_UNSAFE_CHARS}]")


def clean_text(text: str) -> str:
    """Text that is safe in any RDF syntax: C0 controls (but tab, newline, CR), lone
    surrogates and noncharacters removed; quotes, newlines and bidi marks are kept (the
    writers escape them).

    >>> clean_text('قال "لا"\\x00\\x1b\\u200f\\ufffe\\n')
    'قال "لا"\\u200f\\n'
    """
    return _UNSAFE.sub("", text)


def document_quads(doc: Document) -> list[ox.Quad]:
    """Every quad of one analysed article: entity and role descriptions, then the article
    (``document_nquads`` read back).

    >>> from ingest.model import Article, Document, Entity
    >>> doc = Document(Article("a1", "زار لافروف دمشق."), (), (Entity("syria", "Country", "سوريا"),),
    ...                (), ())
    >>> len(document_quads(doc))  # syria: type, label; the article: type, identifier
    4
    """
    return list(ox.parse(document_nquads(doc), format=ox.RdfFormat.N_QUADS))


def document_nquads(doc: Document) -> bytes:
    """Every quad of one analysed article as the N-Quads lines a build writes (a build writes
    each entity and role description once in a corpus)."""
    fmt = ox.RdfFormat.N_QUADS
    lines = [_lines(triples, _KNOWLEDGE, fmt) for _key, _type, triples in _descriptions(doc)]
    return b"".join(lines) + _lines(article_triples(doc), _article_graph(doc), fmt)


def entity_triples(entity: Entity) -> list[str]:
    """The description of one entity, as N-Triples ``'<s> <p> <o>'``: type, labels,
    alternative labels, links to others.

    >>> entity_triples(Entity("syria", "Country", "سوريا"))[1]
    '<https://w3id.org/naba/id/syria> <http://www.w3.org/2000/01/rdf-schema#label> "سوريا"@ar'
    """
    if entity.type not in ENTITY_TYPES:
        raise GraphError(f"entity {entity.key!r}: unknown type {entity.type!r}; "
                         f"use one of {', '.join(ENTITY_TYPES)}")
    if entity.type == "GenericActor":
        raise GraphError(f"entity {entity.key!r}: a generic actor has no IRI of its own; "
                         "article_triples describes it under its article")
    pairs = [(RDF.type, NB[entity.type]), (RDFS.label, _ar(entity.label_ar))]
    if entity.label_en:
        pairs.append((RDFS.label, _en(entity.label_en)))
    pairs += [(SKOS.altLabel, _ar(alt)) for alt in _unique(entity.alt_ar, entity.label_ar)]
    pairs += [(SKOS.altLabel, _en(alt)) for alt in _unique(entity.alt_en, entity.label_en)]
    if entity.affiliation:
        pairs.append((NB.affiliation, _entity(entity.affiliation)))
    if entity.role:
        pairs.append((NB.role, _role(entity.role.key)))
    if entity.country:
        pairs.append((NB.country, _entity(entity.country)))
    if entity.discovered:
        pairs.append((NB.discovered, _TRUE))
    if entity.translit:  # a readable Latin label for a name the gazetteer does not know
        translit = _string(entity.translit)  # ar-Latn; pyoxigraph writes tags in lower case
        pairs += [(NB.transliteration, translit), (RDFS.label, translit + "@ar-latn")]
    s = _entity(entity.key)
    return [f"{s} {p} {o}" for p, o in pairs]


def role_triples(role: Role) -> list[str]:
    """The description of a role, as N-Triples: a ``nbo:Role`` with its labels."""
    s = _role(role.key)
    triples = [f"{s} {RDF.type} {NB.Role}", f"{s} {RDFS.label} {_ar(role.label_ar)}"]
    if role.label_en:
        triples.append(f"{s} {RDFS.label} {_en(role.label_en)}")
    return triples


def article_triples(doc: Document) -> list[str]:
    """The article's own triples (for its named graph), as N-Triples: metadata, mentions,
    relations, the entities it discovered, its generic actors.

    A relation whose agent or target is a ``GenericActor`` of ``doc.entities``, or whose mode
    is not ``Asserted``, is a statement only, with no direct edge.
    """
    art = doc.article
    doc_id = clean_text(art.id)
    a = f"<{article_iri(doc_id)}>"
    generic = {e.key: f"<{generic_actor_iri(doc_id, e.key)}>" for e in doc.entities
               if e.type == "GenericActor"}
    node = generic.get
    triples = [f"{a} {RDF.type} {NB.Article}", f"{a} {DCT.identifier} {_string(doc_id)}"]
    if art.title:
        triples.append(f"{a} {DCT.title} {_ar(art.title)}")
    if art.date and (when := _date_literal(art.date)) is not None:
        triples.append(f"{a} {DCT.date} {when}")
    if art.source:
        triples.append(f"{a} {DCT.source} {_string(art.source)}")
    if art.url and (url := _url(art.url)) is not None:
        triples.append(f"{a} {NB.url} {url}")
    triples += [f"{a} {NB.mentions} {_entity(key)}" for key in _mentioned(doc)
                if key not in generic]  # generic actors are not named, so not mentioned
    for rel in _statements(doc):
        sentence = doc.sentences[rel.sentence]
        st = f"<{statement_iri(doc_id, rel.predicate, rel.agent, rel.target, sentence.start)}>"
        agent, pred = node(rel.agent) or _entity(rel.agent), NB[rel.predicate]
        target = node(rel.target) or _entity(rel.target)
        if rel.mode == "Asserted" and rel.agent not in generic and rel.target not in generic:
            triples.append(f"{agent} {pred} {target}")
        triples += [f"{st} {RDF.type} {RDF.Statement}", f"{st} {RDF.subject} {agent}",
                    f"{st} {RDF.predicate} {pred}", f"{st} {RDF.object} {target}",
                    f"{st} {PROV.wasDerivedFrom} {a}",
                    f"{st} {NB.evidence} {_ar(sentence.text)}",
                    f"{st} {NB.sentenceStart} {_integer(sentence.start)}",
                    f"{st} {NB.sentenceEnd} {_integer(sentence.end)}",
                    f"{st} {NB.mode} {NB[rel.mode]}"]
        if rel.trigger:
            triples.append(f"{st} {NB.trigger} {_ar(rel.trigger)}")
        triples += [f"{st} {NB.place} {node(place) or _entity(place)}" for place in rel.places]
        if rel.speaker:
            triples.append(f"{st} {NB.speaker} {node(rel.speaker) or _entity(rel.speaker)}")
        if rel.killed is not None:
            triples.append(f"{st} {NB.killed} {_integer(rel.killed)}")
        if rel.injured is not None:
            triples.append(f"{st} {NB.injured} {_integer(rel.injured)}")
        if rel.date:
            triples.append(f"{st} {NB.date} {_date(rel.date)}")
    for entity in _unique_entities(doc):
        if entity.key in generic:
            triples += _generic_triples(generic[entity.key], entity)
        elif entity.discovered:
            triples += entity_triples(entity)
    return triples


def ontology_quads(path: Path = ONTOLOGY_PATH) -> list[ox.Quad]:
    """The ontology's triples, in ``ONTOLOGY_GRAPH``."""
    g = ox.NamedNode(ONTOLOGY_GRAPH)
    try:
        return [ox.Quad(t.subject, t.predicate, t.object, g)
                for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    except (OSError, SyntaxError) as exc:
        raise OntologyError(f"{path}: cannot read the ontology ({exc})") from exc


# --- build a corpus ----------------------------------------------------------------------------

@dataclass
class BuildReport:
    """What a build did: counts, time, where the output went."""

    documents: int = 0
    warnings: list[str] = field(default_factory=list)
    entities: Counter = field(default_factory=Counter)  # distinct entities by type
    relations: Counter = field(default_factory=Counter)  # statements by relation
    modes: Counter = field(default_factory=Counter)  # statements by mode
    generic: Counter = field(default_factory=Counter)  # generic actors by sector
    triples: int = 0  # lines written to the stream (before any conversion)
    seconds: float = 0.0
    jobs: int = 1
    output: Path | str | None = None  # a file, or the folder of a distributed build's parts
    store: Path | None = None
    parts: int = 0  # N-Quads parts of a distributed build (graph.distributed)

    @property
    def skipped(self) -> int:
        return len(self.warnings)

    def summary(self) -> str:
        """One screen: documents, skipped input, entities and relations by type, triples, speed."""
        rate = self.documents / self.seconds if self.seconds else 0.0
        lines = [(f"documents  {self.documents:>8,}  in {self.seconds:.1f} s "
                  f"({rate:,.0f} docs/s, {self.jobs} job{'s' * (self.jobs > 1)})")]
        if self.skipped:
            lines.append(f"skipped    {self.skipped:>8,}  (bad input; the warnings above say why)")
        lines.append(f"entities   {sum(self.entities.values()):>8,}  "
                     + _counts(self.entities, ENTITY_TYPES))
        lines.append(f"relations  {sum(self.relations.values()):>8,}  "
                     + _counts(self.relations, RELATIONS))
        if sum(self.modes.values()) > self.modes["Asserted"]:
            lines.append(f"modes      {sum(self.modes.values()):>8,}  " + _counts(self.modes, MODES))
        if self.generic:
            lines.append(f"generic    {sum(self.generic.values()):>8,}  "
                         + _counts(self.generic, sorted(self.generic)))
        lines.append(f"triples    {self.triples:>8,}")
        if not self.documents:
            lines.append("output     nothing could be read; no graph written")
        else:
            if self.output:
                lines.append(f"output     {self.output}")
            if self.parts:
                lines.append(f"parts      {self.parts:>8,}  (listed in its manifest.json)")
            if self.store:
                lines.append(f"store      {self.store}")
        return "\n".join(lines)


def build_corpus(corpus: Path, out: Path | None, *, jobs: int = 1, store: Path | None = None,
                 progress: bool = True, analyze: Callable | None = None) -> BuildReport:
    """Build the graph of ``corpus`` into ``out`` (.ttl, .nt, .nq, .jsonld) and/or a store.

    Warnings about bad input go to stderr and into the report; when no document could be
    read, nothing is written and the last good output stays in place. ``analyze`` turns an
    ``Article`` into a ``Document`` (default: ``ingest.pipeline.analyze``).
    """
    from ingest.sources import read_corpus

    started = time.perf_counter()
    out = Path(out) if out is not None else None
    store = Path(store) if store is not None else None
    if out is None and store is None:
        raise GraphError("give an output file (.ttl, .nt, .nq, .jsonld) or a store folder")
    if out is not None and out.suffix.lower() not in FORMATS:
        raise GraphError(f"{out}: unknown output format {out.suffix or '(no suffix)'!r}; "
                         f"use one of {', '.join(FORMATS)}")
    if out is not None and out.is_dir():
        raise GraphError(f"{out}: is a folder; give -o a file name, e.g. {out / 'graph.ttl'}")
    if store is not None:
        from graph.store import check_store_folder

        check_store_folder(store)  # before the analysis, not after it
    add_documents = _store_writer() if store is not None else None
    stream_format = (ox.RdfFormat.N_TRIPLES if store is None and out.suffix.lower() == ".nt"
                     else ox.RdfFormat.N_QUADS)
    report = BuildReport(jobs=min(max(1, jobs), usable_cores()), output=out, store=store)

    def warn(message: str) -> None:
        report.warnings.append(message)
        bar.write(f"naba build: warning: {message}", file=sys.stderr)

    articles = read_corpus(corpus, warn=warn)  # a missing corpus fails here, before any bar
    bar = _progress_bar(progress)
    folder = out.parent if out is not None else store.resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_dead_temps(folder, (out or store).name)
    except OSError as exc:
        raise GraphError(f"{folder}: cannot write there ({exc.strerror or exc})") from exc
    stream = _temp_path(folder, (out or store).name, ".stream")
    try:
        results = _results(articles, report.jobs, stream_format, analyze)
        with bar, open(stream, "wb") as sink, closing(results):  # closing: stop the workers
            ontology = ontology_quads()
            sink.write(_serialize(ontology, stream_format))
            report.triples += len(ontology)
            seen: dict[str, str] = {}
            for result in results:
                _write_result(result, sink, seen, report, warn)
                bar.update(result.documents)
            _fsync(sink)
        report.entities = Counter(t for t in seen.values() if t in ENTITY_TYPES)
        if not report.documents:
            report.triples = 0  # nothing written: the last good output stays
        else:
            if add_documents is not None:
                add_documents(store, stream)
            if out is not None:
                _finish(stream, stream_format, out)
    except OSError as exc:  # a full disk, a file too large, no permission
        raise GraphError(f"{out or store}: cannot write the graph ({exc.strerror or exc}); "
                         "the last good one is kept") from exc
    finally:
        stream.unlink(missing_ok=True)
    report.seconds = time.perf_counter() - started
    return report


def write_nquads(articles: Iterable, sink, *, seen: dict[str, str] | None = None,
                 analyze: Callable | None = None) -> BuildReport:
    """Analyse ``articles`` in this process and write their N-Quads to ``sink`` (a binary
    file), each shared description once, as one worker of ``build_corpus`` does: the
    partition function of a distributed build (graph.distributed). ``seen`` (entity or role
    key → type) is filled in; the report has no ontology, output or time.
    """
    report, seen = BuildReport(), {} if seen is None else seen
    for result in _results(iter(articles), 1, ox.RdfFormat.N_QUADS, analyze):
        _write_result(result, sink, seen, report, report.warnings.append)
    report.entities = Counter(t for t in seen.values() if t in ENTITY_TYPES)
    return report


def usable_cores() -> int:
    """The cores this process may run on: the most workers a build starts (``--jobs``)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# --- helpers: N-Triples terms and lines ---------------------------------------------------------

# The characters of a literal that clean_text removes (their escape is "") or that pyoxigraph
# escapes: \t \n \r \" \\, and U+007F as \u007F (it writes other C0 controls as \b, \f or
# \u00XX, but clean_text has removed them).
_TO_ESCAPE = re.compile(f'[{_UNSAFE_CHARS}\t\n\r"\\\\\x7f]')
_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r", '"': '\\"', "\\": "\\\\", "\x7f": "\\u007F"}
_TRUE = f'"true"^^{XSD.boolean}'
_KNOWLEDGE = f"<{KNOWLEDGE_GRAPH}>"


def _string(text: str) -> str:
    """``clean_text(text)`` as an N-Triples literal, byte for byte as pyoxigraph writes it.

    >>> print(_string('قال "لا"\\n\\x00'))
    "قال \\"لا\\"\\n"
    """
    return '"' + _TO_ESCAPE.sub(_escape, text) + '"'


def _escape(match: re.Match) -> str:
    """The escape of one character, or "" for one that clean_text removes."""
    return _ESCAPES.get(match.group(), "")


def _ar(text: str) -> str:
    return _string(text) + "@ar"


def _en(text: str) -> str:
    return _string(text) + "@en"


def _integer(value: int) -> str:
    return f'"{value}"^^{XSD.integer}'


def _date(value: str) -> str:
    """An ISO date as xsd:date (``_statements`` has checked it)."""
    return f'"{date.fromisoformat(value).isoformat()}"^^{XSD.date}'


@lru_cache(maxsize=1 << 16)  # the same few thousand entities come back in every article
def _entity(key: str) -> str:
    return f"<{entity_iri(key)}>"


def _role(key: str) -> str:
    return f"<{role_iri(key)}>"


def _article_graph(doc: Document) -> str:
    return f"<{document_graph_iri(clean_text(doc.article.id))}>"


def _lines(triples: list[str], graph: str, fmt: ox.RdfFormat) -> bytes:
    """N-Quads lines of ``triples`` in ``graph``, or N-Triples lines, as UTF-8."""
    end = f" {graph} .\n" if fmt == ox.RdfFormat.N_QUADS else " .\n"
    return (end.join(triples) + end).encode() if triples else b""


def _unique(values: Iterable[str], label: str | None) -> list[str]:
    return [v for v in dict.fromkeys(values) if v and v != label]


def _date_literal(value: str) -> str | None:
    """xsd:date for a date, xsd:dateTime for a date-time, None for anything else."""
    value = value.strip()
    try:
        return f'"{date.fromisoformat(value).isoformat()}"^^{XSD.date}'
    except ValueError:
        pass
    try:
        return f'"{datetime.fromisoformat(value).isoformat()}"^^{XSD.dateTime}'
    except ValueError:
        return None


def _url(value: str) -> str | None:
    """The URL as an IRI term, percent-encoded if it must be; None if it is no IRI even then."""
    value = clean_text(value.strip())
    for candidate in (value, quote(value, safe=":/?#[]@!$&'()*+,;=%~")):
        try:
            return f"<{ox.NamedNode(candidate).value}>"
        except ValueError:
            continue
    return None


def _mentioned(doc: Document) -> list[str]:
    keys = [m.entity for m in doc.mentions]
    for rel in doc.relations:
        keys += [k for k in (rel.agent, rel.target, *rel.places, rel.speaker) if k]
    return list(dict.fromkeys(keys))


def _statements(doc: Document) -> list[Relation]:
    """The relations that get a statement: a relation repeated in one sentence counts once."""
    first: dict[tuple, Relation] = {}
    for rel in doc.relations:
        if rel.predicate not in RELATIONS:
            raise GraphError(f"article {doc.article.id!r}: unknown relation {rel.predicate!r}; "
                             f"use one of {', '.join(RELATIONS)}")
        _check_event(doc, rel)
        start = doc.sentences[rel.sentence].start  # what statement_iri takes, with the id
        first.setdefault((rel.predicate, rel.agent, rel.target, start), rel)
    return list(first.values())


def _check_event(doc: Document, rel: Relation) -> None:
    """A relation's mode, toll and date must be what the ontology's ranges allow."""
    where = f"article {doc.article.id!r}, {rel.predicate} by {rel.agent!r}"
    if rel.mode not in MODES:
        raise GraphError(f"{where}: unknown mode {rel.mode!r}; use one of {', '.join(MODES)}")
    for name, count in (("killed", rel.killed), ("injured", rel.injured)):
        if count is not None and (not isinstance(count, int) or count < 0):
            raise GraphError(f"{where}: {name} must be a whole number of people, not {count!r}")
    if rel.date:
        try:
            date.fromisoformat(rel.date)
        except ValueError as exc:
            raise GraphError(f"{where}: date {rel.date!r} is not an ISO date (yyyy-mm-dd)") from exc


def _generic_triples(s: str, entity: Entity) -> list[str]:
    """A generic actor, described in its article's graph: type, labels, sector, affiliation."""
    triples = [f"{s} {RDF.type} {NB.GenericActor}", f"{s} {RDFS.label} {_ar(entity.label_ar)}"]
    if entity.label_en:
        triples.append(f"{s} {RDFS.label} {_en(entity.label_en)}")
    if entity.sector:
        triples.append(f"{s} {NB.sector} {NB[sector_name(entity.sector)]}")
    if entity.affiliation:
        triples.append(f"{s} {NB.affiliation} {_entity(entity.affiliation)}")
    return triples


def _unique_entities(doc: Document) -> list[Entity]:
    return list({e.key: e for e in reversed(doc.entities)}.values())[::-1]


def _descriptions(doc: Document, known: Callable[[str], bool] = lambda key: False
                  ) -> Iterator[tuple[str, str, list[str] | None]]:
    """(dedup key, type, triples) of each description shared across articles, for the
    knowledge graph; the triples are None (not even made) for the keys ``known`` says were
    already described."""
    for entity in _unique_entities(doc):
        if not entity.discovered and entity.type != "GenericActor":
            key = entity.key
            yield key, entity.type, None if known(key) else entity_triples(entity)
        if entity.role:
            key = "role/" + entity.role.key
            yield key, "Role", None if known(key) else role_triples(entity.role)


# --- helpers: workers --------------------------------------------------------------------------

@dataclass
class _Result:
    """One chunk, analysed and serialized: what the parent writes, in corpus order."""

    documents: int = 0
    shared: list = field(default_factory=list)  # (key, type, bytes or None, quad count)
    body: bytes = b""
    body_quads: int = 0
    relations: Counter = field(default_factory=Counter)
    modes: Counter = field(default_factory=Counter)
    generic: Counter = field(default_factory=Counter)
    warnings: list = field(default_factory=list)


class _Worker:
    """Analyses chunks; writes each shared description the first time this worker sees it.

    A worker takes its chunks in corpus order, so the first chunk that needs a description
    always carries it: the parent writes it there and skips the later copies.
    """

    def __init__(self, fmt: ox.RdfFormat, analyze: Callable[[object], Document]):
        self.fmt, self.analyze, self.sent = fmt, analyze, set()

    def run(self, chunk: list) -> _Result:
        result, body = _Result(), []
        for article in chunk:
            try:
                doc = self.analyze(article)
                own = article_triples(doc)
                shared = list(_descriptions(doc, self.sent.__contains__))
            except NabaError:  # a broken gazetteer or lexicon: no article can be analysed
                raise
            except Exception as exc:  # noqa: BLE001 (one bad article must not stop the corpus)
                result.warnings.append(f"article {article.id!r}: cannot analyse it "
                                       f"({type(exc).__name__}: {exc}); skipped")
                continue
            for key, kind, description in shared:
                data, count = None, 0
                if description is not None and key not in self.sent:
                    self.sent.add(key)
                    data, count = _lines(description, _KNOWLEDGE, self.fmt), len(description)
                result.shared.append((key, kind, data, count))
            for entity in doc.entities:
                if entity.discovered:
                    result.shared.append((entity.key, entity.type, None, 0))
            body.append(_lines(own, _article_graph(doc), self.fmt))
            result.body_quads += len(own)
            result.relations.update(rel.predicate for rel in _statements(doc))
            result.modes.update(rel.mode for rel in _statements(doc))
            result.generic.update(e.sector or "unknown" for e in _unique_entities(doc)
                                  if e.type == "GenericActor")
            result.documents += 1
        result.body = b"".join(body)
        return result


_WORKER: _Worker | None = None


def _init_worker(fmt: ox.RdfFormat, analyze: Callable, parent: int) -> None:
    import signal
    import threading

    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and SIGTERM,
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # and stops the workers itself
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    _WORKER = _Worker(fmt, analyze)


def _exit_with(parent: int) -> None:
    """End this worker once its parent is gone (even SIGKILLed: nothing else would tell it)."""
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


def _run_chunk(chunk: list) -> _Result:
    return _WORKER.run(chunk)


def _results(articles: Iterable, jobs: int, fmt: ox.RdfFormat,
             analyze: Callable | None) -> Iterator[_Result]:
    """Results of each chunk of articles in corpus order, with at most a few chunks in flight."""
    if analyze is None:
        from ingest.pipeline import analyze  # loaded once, before forking

    chunks = iter(lambda: list(islice(articles, CHUNK)), [])
    if jobs <= 1:
        worker = _Worker(fmt, analyze)
        with _rare_collections():
            yield from map(worker.run, chunks)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from ingest.model import Article

    analyze(Article("warm-up", "."))  # load the lexicons once; the forked workers share them
    context = multiprocessing.get_context("fork")
    with _rare_collections(), \
            ProcessPoolExecutor(jobs, context, _init_worker, (fmt, analyze, os.getpid())) as pool:
        pending: deque = deque()
        try:
            for chunk in chunks:
                pending.append(pool.submit(_run_chunk, chunk))
                if len(pending) >= 3 * jobs:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool as exc:
            raise GraphError(f"a worker process died ({exc}); try --jobs 1") from exc
        finally:
            for future in pending:
                future.cancel()


@contextmanager
def _rare_collections() -> Iterator[None]:
    """Collect garbage cycles every 50,000 new objects, not 700, and the older generations 400
    times more rarely, while articles are analysed (forked workers inherit it).

    The analysis makes few cycles, and the collector's passes over the per-word memos, which
    grow with the corpus's vocabulary, cost 5-6% of a build of real news (0.25 s of 4.4 CPU s
    on 2,000 articles, 0.05 s so); cycles still go at the next young collection.
    """
    before = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _write_result(result: _Result, sink, seen: dict[str, str], report: BuildReport,
                  warn: Callable[[str], None]) -> None:
    for message in result.warnings:
        warn(message)
    for key, kind, data, count in result.shared:
        if key not in seen:
            seen[key] = kind
            if data is not None:
                sink.write(data)
                report.triples += count
    sink.write(result.body)
    report.triples += result.body_quads
    report.documents += result.documents
    report.relations.update(result.relations)
    report.modes.update(result.modes)
    report.generic.update(result.generic)


def _serialize(quads: list[ox.Quad], fmt: ox.RdfFormat) -> bytes:
    if fmt == ox.RdfFormat.N_QUADS:
        return ox.serialize(quads, format=fmt)
    return ox.serialize([q.triple for q in quads], format=fmt)


# --- helpers: files ----------------------------------------------------------------------------

def _temp_path(folder: Path, name: str, suffix: str) -> Path:
    return folder / f".{name}.{os.getpid()}{suffix}"


def _remove_dead_temps(folder: Path, name: str) -> None:
    """Remove the temp files that killed builds of ``name`` left (their process is gone)."""
    pattern = re.compile(rf"\.{re.escape(name)}\.(\d+)\.(stream|tmp)")
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match and not _alive(int(match.group(1))):
            path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _fsync(handle) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def _finish(stream: Path, stream_format: ox.RdfFormat, out: Path) -> None:
    """Move or convert the finished stream into ``out``, atomically."""
    fmt = FORMATS[out.suffix.lower()]
    if fmt == stream_format:
        os.replace(stream, out)
    else:
        temp = _temp_path(out.parent, out.name, ".tmp")
        try:
            with open(temp, "wb") as handle:
                _convert(stream, stream_format, handle, fmt)
                _fsync(handle)
            os.replace(temp, out)
        finally:
            temp.unlink(missing_ok=True)
    _fsync_folder(out.parent)


def _convert(stream: Path, stream_format: ox.RdfFormat, handle, fmt: ox.RdfFormat) -> None:
    """Merge the named graphs of the stream into one graph written as ``fmt``."""
    triples = (q.triple if isinstance(q, ox.Quad) else q
               for q in ox.parse(path=str(stream), format=stream_format))
    if fmt == ox.RdfFormat.N_TRIPLES:
        ox.serialize(triples, handle, fmt)
        return
    merged = ox.Store()  # in memory; removes the duplicates of the merge
    merged.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    prefixes = PREFIXES if fmt == ox.RdfFormat.TURTLE else None
    merged.dump(handle, fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _store_writer() -> Callable[[Path, Path], None]:
    from graph import store as store_module

    add = getattr(store_module, "add_documents", None)
    if add is None:
        raise GraphError("this version of Naba cannot add to a store yet "
                         "(graph.store.add_documents is missing); write a file with -o")
    return add


class _NoBar:
    """What a build uses of a tqdm bar, when none is shown (importing tqdm costs 0.08 s)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass

    def update(self, n: int = 1) -> None:
        pass

    def set_postfix_str(self, text: str = "", refresh: bool = True) -> None:
        pass

    @staticmethod
    def write(message: str, file=sys.stderr) -> None:
        print(message, file=file)


def _progress_bar(enabled: bool):
    if not (enabled and sys.stderr.isatty()):
        return _NoBar()
    from tqdm import tqdm

    return tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)


def _counts(counter: Counter, order: Iterable[str]) -> str:
    return ", ".join(f"{name} {counter[name]:,}" for name in order if counter[name]) or "-"
