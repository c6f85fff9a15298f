"""The one RDF → networkx conversion behind the view, the exports and the statistics.

Nodes are entities (``nbo:Person``, ``Organization``, ``Country``, ``Place``, and the
``GenericActor`` nodes of each article) that a document mentions or that take part in a
relation, keyed by their IRI after ``nbid:`` (``sergei-lavrov``, ``article/ID/actor/KEY``);
edges are one per (agent, relation, mode, target), aggregated from the ``rdf:Statement``
nodes (a direct ``nbo:accuses`` edge with no statement behind it counts once, as asserted).
An asserted edge's key is its relation (``strikes``), any other's the relation and the mode
(``strikes/Negated``). Every value is a plain ``str``/``int``, so networkx's writers accept
them.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.load('''@prefix nbo: <https://w3id.org/naba/ontology#> .
... @prefix nbid: <https://w3id.org/naba/id/> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... nbid:russia a nbo:Country ; rdfs:label "روسيا"@ar, "Russia"@en .
... nbid:syria a nbo:Country ; rdfs:label "سوريا"@ar .
... nbid:russia nbo:supports nbid:syria .''', format=ox.RdfFormat.TURTLE)
>>> g = rdf_to_networkx(store)
>>> g.nodes["russia"]["label_ar"], g.edges["russia", "syria", "supports"]["weight"]
('روسيا', 1)
"""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from graph.colors import UNKNOWN_TYPE
from graph.store import open_source
from graph.terms import ID, NBO, PREFIXES, sector_key
from ingest.model import ENTITY_TYPES, RELATIONS
from naba.errors import GraphError

__all__ = ["CAMEO_FALLBACK", "edge_key", "load_network", "node_label", "rdf_to_networkx"]

# Used only when the graph carries no ontology triples (nbo:cameoCode); see ontology/naba.ttl.
CAMEO_FALLBACK = {
    "accuses": "112",
    "supports": "05",
    "strikes": "19",
    "meets": "04",
    "threatens": "13",
    "cooperatesWith": "06",
    "callsOn": "02",
}

_HEADER = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
_TYPES_VALUES = " ".join(f"nbo:{t}" for t in ENTITY_TYPES)
_RELATION_VALUES = " ".join(f"nbo:{r}" for r in RELATIONS)

Q_TYPES = _HEADER + "SELECT ?e ?t WHERE { VALUES ?t { " + _TYPES_VALUES + " } ?e a ?t }"
Q_LABELS = _HEADER + "SELECT ?e ?l WHERE { ?e rdfs:label ?l }"
Q_MENTIONS = _HEADER + ("SELECT ?e (COUNT(DISTINCT ?a) AS ?n) "
                        "WHERE { ?a nbo:mentions ?e } GROUP BY ?e")
Q_DOCUMENTS = _HEADER + """SELECT ?doc ?id ?date ?url WHERE {
  ?doc a nbo:Article .
  OPTIONAL { ?doc dcterms:identifier ?id }
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?doc nbo:url ?url }
}"""
Q_STATEMENTS = _HEADER + """SELECT ?st ?s ?p ?o ?doc ?ev ?mode ?killed ?injured ?date WHERE {
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?st prov:wasDerivedFrom ?doc }
  OPTIONAL { ?st nbo:evidence ?ev }
  OPTIONAL { ?st nbo:mode ?mode }
  OPTIONAL { ?st nbo:killed ?killed }
  OPTIONAL { ?st nbo:injured ?injured }
  OPTIONAL { ?st nbo:date ?date }
}"""
Q_SECTORS = _HEADER + "SELECT ?e ?s WHERE { ?e a nbo:GenericActor ; nbo:sector ?s }"
Q_SECTOR_LABELS = _HEADER + "SELECT ?s ?l WHERE { ?s a nbo:Sector ; rdfs:label ?l }"
Q_DIRECT = _HEADER + "SELECT DISTINCT ?s ?p ?o WHERE { VALUES ?p { " + _RELATION_VALUES + " } ?s ?p ?o }"
Q_CAMEO = _HEADER + "SELECT ?p ?c WHERE { ?p nbo:cameoCode ?c }"

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def rdf_to_networkx(source: ox.Store | str | Path) -> nx.MultiDiGraph:
    """The entity network of a store (or a graph file or store folder), keyed by relation.

    Node attributes: ``type``, ``label_ar``, ``label_en``, ``mentions`` (documents that mention
    the entity), ``sector`` (a generic actor's, else ""). Edge attributes (key: ``edge_key``):
    ``relation``, ``mode``, ``weight`` (statements), ``cameo``, ``killed`` and ``injured`` (the
    sums of the tolls its statements state, 0 when none does), ``evidence`` (dicts with
    ``sentence``, ``document``, ``url``, ``date``, ``killed``, ``injured``), ``documents`` and
    ``dates`` (sorted, unique; a statement's event date, else its article's). Graph
    attributes: ``documents``, ``statements``, ``dated``, ``sectors`` (sector key →
    ``{"ar": label, "en": label}``, from the ontology in the graph).
    """
    store = source if isinstance(source, ox.Store) else open_source(Path(source))
    try:
        with _gc_paused():
            return _convert(store)
    except (OSError, SyntaxError, ValueError) as exc:  # pyoxigraph's query errors
        raise GraphError(f"cannot read the entity network from the graph ({exc})") from exc


def load_network(source) -> nx.MultiDiGraph:
    """``rdf_to_networkx`` for a path, a Store or an already converted graph."""
    if isinstance(source, nx.Graph):
        return source
    return rdf_to_networkx(source)


def edge_key(relation: str, mode: str = "Asserted") -> str:
    """The key of an edge in the network.

    >>> edge_key("strikes"), edge_key("strikes", "Negated")
    ('strikes', 'strikes/Negated')
    """
    return relation if mode == "Asserted" else f"{relation}/{mode}"


def node_label(data: dict, key: str) -> str:
    """The label to show: Arabic, else English, else the key."""
    return data.get("label_ar") or data.get("label_en") or key


# --- helpers -----------------------------------------------------------------------------------

@contextmanager
def _gc_paused():
    """No cyclic garbage collection while building: the conversion makes millions of small
    objects and no cycles, and collecting them on the way costs about a quarter of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _select(store: ox.Store, query: str):
    return store.query(query, use_default_graph_as_union=True)


def _key(iri: str) -> str:
    return iri.removeprefix(ID)


def _local(iri: str) -> str:
    if iri.startswith(NBO):
        return iri[len(NBO):]
    return re.split(r"[#/]", iri)[-1] or iri


def _convert(store: ox.Store) -> nx.MultiDiGraph:
    types: dict[str, str] = {}
    for e, t in _select(store, Q_TYPES):
        key = _key(e.value)
        name = t.value[len(NBO):]
        # an entity typed twice keeps the first type in ENTITY_TYPES order: deterministic
        if key not in types or ENTITY_TYPES.index(name) < ENTITY_TYPES.index(types[key]):
            types[key] = name

    mentions = {_key(e.value): int(n.value) for e, n in _select(store, Q_MENTIONS)}

    documents: dict[str, tuple[str, str, str]] = {}
    for doc, ident, date, url in _select(store, Q_DOCUMENTS):
        day = date.value[:10] if date is not None and _DATE.match(date.value) else ""
        name = ident.value if ident is not None else _key(doc.value).removeprefix("article/")
        link = url.value if isinstance(url, ox.NamedNode) else ""
        old = documents.get(doc.value)
        documents[doc.value] = ((name, day, link) if old is None else
                                (min(old[0], name), old[1] or day, old[2] or link))

    cameo = dict(CAMEO_FALLBACK)
    for p, c in _select(store, Q_CAMEO):
        cameo[_local(p.value)] = c.value

    edges: dict[tuple[str, str, str, str], list] = {}
    seen: set[str] = set()
    for st, s, p, o, doc, ev, mode, killed, injured, when in _select(store, Q_STATEMENTS):
        if st.value in seen:
            continue
        seen.add(st.value)
        if not isinstance(s, ox.NamedNode) or not isinstance(o, ox.NamedNode):
            continue
        name, day, link = (documents.get(doc.value, (_key(doc.value), "", "")) if doc is not None
                           else ("", "", ""))
        if when is not None and _DATE.match(when.value):
            day = when.value[:10]
        item = {"sentence": ev.value if ev is not None else "", "document": name, "url": link,
                "date": day, "killed": _count(killed), "injured": _count(injured)}
        how = _local(mode.value) if mode is not None else "Asserted"
        edges.setdefault((_key(s.value), _local(p.value), how, _key(o.value)), []).append(item)
    for s, p, o in _select(store, Q_DIRECT):
        if isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode):
            edges.setdefault((_key(s.value), _local(p.value), "Asserted", _key(o.value)), [])
    sectors = {_key(e.value): sector_key(_local(s.value)) for e, s in _select(store, Q_SECTORS)}
    sector_labels: dict[str, dict[str, str]] = {}
    for s, lit in _select(store, Q_SECTOR_LABELS):
        if isinstance(lit, ox.Literal) and lit.language in ("ar", "en"):
            slot = sector_labels.setdefault(sector_key(_local(s.value)), {})
            slot[lit.language] = min(slot.get(lit.language, lit.value), lit.value)

    labels: dict[str, dict[str, str]] = {}
    wanted = set(types)
    for e, lit in _select(store, Q_LABELS):
        key = _key(e.value)
        if key in wanted and isinstance(lit, ox.Literal) and lit.language in ("ar", "en", "ar-latn"):
            slot = labels.setdefault(key, {})
            old = slot.get(lit.language)
            slot[lit.language] = lit.value if old is None else min(old, lit.value)

    graph = nx.MultiDiGraph(documents=len(documents), statements=len(seen),
                            dated=any(day for _, day, _ in documents.values()),
                            sectors=sector_labels)
    linked = {k for edge in edges for k in (edge[0], edge[3])}
    for key in sorted(k for k in wanted | linked if k in linked or mentions.get(k)):
        names = labels.get(key, {})
        graph.add_node(key, type=types.get(key, UNKNOWN_TYPE), label_ar=names.get("ar", ""),
                       label_en=names.get("en") or names.get("ar-latn", ""),  # romanized if new
                       mentions=mentions.get(key, 0), sector=sectors.get(key, ""))
    for (s, rel, mode, o), items in sorted(edges.items()):
        items.sort(key=lambda i: (i["date"], i["document"], i["sentence"]))
        graph.add_edge(s, o, key=edge_key(rel, mode), relation=rel, mode=mode,
                       weight=max(len(items), 1), cameo=cameo.get(rel, ""),
                       killed=sum(i["killed"] or 0 for i in items),
                       injured=sum(i["injured"] or 0 for i in items), evidence=items,
                       documents=sorted({i["document"] for i in items if i["document"]}),
                       dates=sorted({i["date"] for i in items if i["date"]}))
    return graph


def _count(term) -> int | None:
    """A toll literal as an int; None when absent or not a whole number."""
    if term is None:
        return None
    try:
        return int(term.value)
    except ValueError:
        return None
