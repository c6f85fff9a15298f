"""The persistent store: open a graph file or a store folder, add documents to a store.

A store is a pyoxigraph (RocksDB) folder. Each article's statements live in their own named
graph (``document_graph_iri(id)``), so adding a document again replaces its statements;
queries read every graph at once (``union_query``). Quick check on a tiny document:

>>> import tempfile
>>> from graph.terms import document_graph_iri, entity_iri, NBO
>>> quad = (f"<{entity_iri('sergei-lavrov')}> <{NBO}accuses> <{entity_iri('united-states')}> "
...         f"<{document_graph_iri('a1')}> .\\n").encode()
>>> with tempfile.TemporaryDirectory() as folder:
...     added = add_documents(folder, quad)
...     added = add_documents(folder, quad)     # the same document again: replaced, not doubled
...     len(open_source(folder))
1
"""
from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from graph.terms import KNOWLEDGE_GRAPH
from naba.errors import GraphError

__all__ = ["FORMATS", "add_documents", "open_source", "union_query"]

FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
}


def open_source(path: Path) -> ox.Store:
    """A store folder opened read-only, or a graph file loaded into an in-memory store."""
    path = Path(path)
    if path.is_dir():
        if not (path / "CURRENT").exists():
            raise GraphError(f"{path}: not a Naba store (no store files in the folder; "
                             f"create one with naba build CORPUS --store {path})")
        try:
            return ox.Store.read_only(str(path))
        except OSError as exc:
            raise GraphError(f"{path}: not a Naba store ({exc})") from exc
    fmt = FORMATS.get(path.suffix.lower())
    if not path.exists():
        raise GraphError(f"{path}: no such graph file or store folder")
    if fmt is None:
        raise GraphError(f"{path}: unknown graph format; use one of {', '.join(FORMATS)} "
                         "or a store folder")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise GraphError(f"{path}: not valid {path.suffix} ({exc})") from exc
    return store


def add_documents(store_dir: Path | str, nquads: Path | str | bytes | Iterable[bytes]) -> int:
    """Add N-Quads to the store in ``store_dir`` (created if missing); return the quads read.

    ``nquads`` is a path to an ``.nq`` file, or the N-Quads themselves as bytes or as an
    iterable of byte chunks. Every named graph the input holds is **replaced**: it is cleared,
    then loaded, so rebuilding a document replaces its statements and the documents that are
    not in the input stay as they were. ``KNOWLEDGE_GRAPH`` (gazetteer descriptions, which
    each build repeats for the entities it mentions) and the default graph are **merged**:
    RDF is a set, so adding the same description twice changes nothing. The load is a bulk
    load (fast, not one transaction): an interrupted call can leave a document half loaded;
    run it again to repair.
    """
    data = _read_input(nquads)
    graphs, count = _graph_names(data, nquads)
    store = _open_writable(store_dir)
    try:
        for name in graphs:
            if name.value != KNOWLEDGE_GRAPH:
                store.clear_graph(name)
        # already parsed strictly above, so the loader may skip its own checks (~20 % faster)
        store.bulk_load(input=data, format=ox.RdfFormat.N_QUADS, lenient=True)
        store.flush()
    except (SyntaxError, OSError) as exc:
        raise GraphError(f"{store_dir}: could not load the N-Quads ({exc})") from exc
    finally:
        del store
    return count


def union_query(store: ox.Store, text: str, **options):
    """``store.query`` over the union of all graphs (the view every Naba query expects)."""
    return store.query(text, use_default_graph_as_union=True, **options)


# --- helpers -----------------------------------------------------------------------------------

def _read_input(nquads) -> bytes:
    if isinstance(nquads, bytes | bytearray):
        return bytes(nquads)
    if isinstance(nquads, str | Path):
        path = Path(nquads)
        try:
            return path.read_bytes()
        except OSError as exc:
            raise GraphError(f"{path}: cannot read the N-Quads ({exc.strerror})") from exc
    buffer = io.BytesIO()
    for chunk in nquads:
        buffer.write(chunk)
    return buffer.getvalue()


def _graph_names(data: bytes, origin) -> tuple[set[ox.NamedNode], int]:
    """The named graphs in the N-Quads, and how many quads there are (one strict parse)."""
    graphs: set = set()
    count = 0
    try:
        for quad in ox.parse(input=data, format=ox.RdfFormat.N_QUADS):
            count += 1
            if not isinstance(quad.graph_name, ox.DefaultGraph):
                graphs.add(quad.graph_name)
    except SyntaxError as exc:
        name = origin if isinstance(origin, str | Path) else "the N-Quads"
        raise GraphError(f"{name}: not valid N-Quads ({exc})") from exc
    return graphs, count


def _open_writable(store_dir) -> ox.Store:
    path = Path(store_dir)
    if path.exists() and not path.is_dir():
        raise GraphError(f"{path}: is a file; a store is a folder")
    try:
        return ox.Store(str(path))
    except OSError as exc:
        raise GraphError(f"{path}: cannot open the store for writing ({exc}); "
                         "is a naba serve or another build using it?") from exc
