"""Open a graph file or a store folder as a pyoxigraph Store."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from naba.errors import GraphError

__all__ = ["FORMATS", "open_source"]

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
        try:
            return ox.Store.read_only(str(path))
        except OSError as exc:
            raise GraphError(f"{path}: not a Naba store ({exc})") from exc
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphError(f"{path}: unknown graph format; use one of {', '.join(FORMATS)}")
    if not path.exists():
        raise GraphError(f"{path}: no such file")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise GraphError(f"{path}: not valid {path.suffix} ({exc})") from exc
    return store
