"""`naba view`: one self-contained, offline HTML page of the entity network.

The page is ``graph/templates/view.html`` with vis-network (read from the installed pyvis
package) and the network inlined; pyvis's own template and API are not used (they are unsafe
with article text and quadratic in the number of nodes). Article text travels as JSON in a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and the page
puts it into the DOM with ``textContent`` only.

>>> page_json({"s": "</script><img src=x onerror=alert(1)>"})
'{"s":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
"""
from __future__ import annotations

import html
import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from graph.colors import (
    RELATION_COLORS,
    TYPE_COLORS,
    UNKNOWN_TYPE,
    edge_width,
    node_size,
    relation_color,
    type_color,
)
from graph.network import load_network
from ingest.model import ENTITY_TYPES, RELATIONS
from naba.errors import GraphError

__all__ = ["LAYOUT_SEED", "MAX_EVIDENCE", "page_json", "render_view", "select_view", "write_view"]

MAX_EVIDENCE = 12  # evidence sentences per edge in a tooltip; the rest are counted
LAYOUT_SEED = 7
VIS_FILES = "templates/lib/vis-9.1.2/"
TEMPLATE = Path(__file__).with_name("templates") / "view.html"


def write_view(source, out: str | Path, *, relations=None, types=None, top=None,
               generic: bool = False) -> str:
    """Write the HTML view of a graph file, store folder, Store or network; a one-line report."""
    out = Path(out)
    graph = load_network(source)
    shown, note = select_view(graph, relations=relations, types=types, top=top, generic=generic)
    title = f"Naba — {Path(source).name}" if isinstance(source, (str, Path)) else "Naba network"
    page = render_view(shown, title=title, note=note)
    _write_atomic(out, page)
    size = out.stat().st_size / 1e6
    message = (f"wrote {out}: {shown.number_of_nodes():,} nodes, {shown.number_of_edges():,} edges"
               f" ({size:.1f} MB)")
    if note:
        message += f"; {note}"
    if shown.number_of_nodes() > 5000 and top is None:
        message += "; a page this large is slow to lay out, try --top 2000"
    return message


def select_view(graph: nx.MultiDiGraph, *, relations=None, types=None, top=None,
                generic: bool = False):
    """The part of the network to show and a sentence saying what was left out.

    Edges of statements not asserted as fact (negated, planned…) are never drawn; generic
    actors (``GenericActor``) only with ``generic`` or when ``types`` names them.
    ``relations`` keeps those edges (and drops nodes left with none), ``types`` keeps those
    entity types, ``top`` then keeps the N most connected nodes.
    """
    notes = []
    keep_rel = _check(relations, RELATIONS, "relation")
    keep_type = _check(types, ENTITY_TYPES + (UNKNOWN_TYPE,), "entity type")
    if top is not None and top < 1:
        raise GraphError(f"--top must be a positive number of nodes, not {top}")
    generic = generic or (keep_type is not None and "GenericActor" in keep_type)
    hidden = 0 if generic else sum(t == "GenericActor" for _, t in graph.nodes(data="type"))
    unasserted = [(u, v, k) for u, v, k, mode in graph.edges(keys=True, data="mode")
                  if mode not in (None, "Asserted")]
    if keep_rel is None and keep_type is None and top is None and not hidden and not unasserted:
        return graph, ""
    kept_nodes = [n for n, t in graph.nodes(data="type")
                  if (keep_type is None or t in keep_type) and (generic or t != "GenericActor")]
    shown = graph.subgraph(kept_nodes)
    if unasserted:
        shown = nx.restricted_view(shown, [], unasserted)
        notes.append(f"{len(unasserted):,} edges of statements not asserted as fact "
                     "(negated, planned…) not drawn")
    if hidden:
        notes.append(f"{hidden:,} generic actors hidden (--generic shows them)")
    if keep_rel is not None:
        edges = [(u, v, k) for u, v, k, rel in shown.edges(keys=True, data="relation")
                 if rel in keep_rel]
        shown = shown.edge_subgraph(edges)
        notes.append("relations: " + ", ".join(sorted(keep_rel)))
    if keep_type is not None:
        notes.append("types: " + ", ".join(sorted(keep_type)))
    if top is not None and shown.number_of_nodes() > top:
        ranked = sorted(shown.nodes, key=lambda n: (-shown.degree(n), -shown.degree(n, "weight"),
                                                    -shown.nodes[n]["mentions"], n))
        total = shown.number_of_nodes()
        shown = shown.subgraph(ranked[:top])
        notes.insert(0, f"showing the {top:,} most connected of {total:,} nodes (--top {top})")
    text = "; ".join(notes)
    return nx.MultiDiGraph(shown), text[:1].upper() + text[1:]


def render_view(graph: nx.MultiDiGraph, *, title: str = "Naba network", note: str = "") -> str:
    """The page's HTML text for a network from ``graph.network``."""
    payload = _payload(graph, note)
    js, css = _vis_assets()
    page = _template()
    for marker, value in (("%%TITLE%%", html.escape(title)), ("%%DATA%%", page_json(payload)),
                          ("%%VIS_CSS%%", css), ("%%VIS_JS%%", js)):
        page = page.replace(marker, value, 1)
    return page


def page_json(value) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` left."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# --- helpers -----------------------------------------------------------------------------------

def _check(values, valid: tuple[str, ...], what: str) -> set[str] | None:
    if not values:
        return None
    by_lower = {v.lower(): v for v in valid}
    unknown = [v for v in values if v.lower() not in by_lower]
    if unknown:
        raise GraphError(f"unknown {what} {', '.join(map(repr, unknown))}; "
                         f"use one of {', '.join(valid)}")
    return {by_lower[v.lower()] for v in values}


def _payload(graph: nx.MultiDiGraph, note: str) -> dict:
    node_ids = {n: i for i, n in enumerate(graph.nodes)}
    type_names = [t for t in TYPE_COLORS if any(graph.nodes[n]["type"] == t for n in graph)]
    type_index = {t: i for i, t in enumerate(type_names)}
    # the relations in use, and only those: the page lists them and each edge indexes this list
    used = {r for *_, r in graph.edges(data="relation")}
    rel_names = [r for r in RELATION_COLORS if r in used] + sorted(used - set(RELATION_COLORS))
    rel_index = {r: i for i, r in enumerate(rel_names)}
    type_count = dict.fromkeys(type_names, 0)
    rel_count = dict.fromkeys(rel_names, 0)
    cameo: dict[str, str] = {}

    nodes = []
    for n, d in graph.nodes(data=True):
        type_count[d["type"]] += 1
        nodes.append([n, d["label_ar"], d["label_en"], type_index[d["type"]], d["mentions"],
                      node_size(d["mentions"])])
    pair_count: dict[frozenset, int] = {}
    for u, v in graph.edges():
        pair = frozenset((u, v))
        pair_count[pair] = pair_count.get(pair, 0) + 1
    pair_seen: dict[frozenset, int] = {}
    edges = []
    for u, v, d in graph.edges(data=True):
        rel = d["relation"]
        rel_count[rel] += 1
        cameo.setdefault(rel, d.get("cameo", ""))
        pair = frozenset((u, v))
        roundness = 0
        if pair_count[pair] > 1:  # parallel or opposite edges: curve them apart
            pair_seen[pair] = pair_seen.get(pair, 0) + 1
            roundness = round(0.15 * pair_seen[pair], 2)
        evidence = [[i["sentence"], i["document"], i["date"]] for i in d["evidence"][:MAX_EVIDENCE]]
        edges.append([node_ids[u], node_ids[v], rel_index[rel], d["weight"],
                      edge_width(d["weight"]), evidence,
                      max(len(d["evidence"]) - MAX_EVIDENCE, 0), roundness])

    n = len(nodes)
    iterations = 1000 if n <= 500 else 250 if n <= 2000 else 100 if n <= 10000 else 50
    return {
        "summary": (f"{n:,} nodes, {len(edges):,} edges from "
                    f"{graph.graph.get('documents', 0):,} documents "
                    f"({graph.graph.get('statements', 0):,} statements)"),
        "note": note,
        "types": [{"name": t, "title": t, "color": type_color(t), "border": _darker(type_color(t)),
                   "count": type_count[t]} for t in type_names],
        "relations": [{"name": r, "title": r, "color": relation_color(r), "cameo": cameo.get(r, ""),
                       "count": rel_count[r]} for r in rel_names],
        "nodes": nodes,
        "edges": edges,
        "layout": {
            "seed": LAYOUT_SEED,
            "improved": n <= 150,
            "physics": {
                "enabled": n > 0,
                "solver": "barnesHut",
                "barnesHut": {"gravitationalConstant": -2500, "centralGravity": 0.8,
                              "springLength": 110, "springConstant": 0.04, "damping": 0.35,
                              "avoidOverlap": 0.2},
                "stabilization": {"enabled": True, "iterations": iterations,
                                  "updateInterval": 25, "fit": True},
                "minVelocity": 1.0,
            },
        },
    }


def _darker(color: str) -> str:
    value = color.lstrip("#")
    return "#" + "".join(f"{int(int(value[i:i + 2], 16) * 0.7):02x}" for i in (0, 2, 4))


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    base = resources.files("pyvis") / VIS_FILES
    try:
        js = (base / "vis-network.min.js").read_text(encoding="utf-8")
        css = (base / "vis-network.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise GraphError(f"vis-network is missing from the pyvis package at {base} ({exc}); "
                         "reinstall pyvis==0.3.2") from exc
    if "</script" in js.lower() or "</style" in css.lower():
        raise GraphError(f"{base}: vis-network cannot be inlined (it contains a closing tag)")
    return js, css


@lru_cache(maxsize=1)
def _template() -> str:
    try:
        return TEMPLATE.read_text(encoding="utf-8")
    except OSError as exc:
        raise GraphError(f"{TEMPLATE}: the view template is missing ({exc})") from exc


def _write_atomic(out: Path, text: str) -> None:
    if out.suffix.lower() not in (".html", ".htm"):
        raise GraphError(f"{out}: the view is an HTML page; name it with .html")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise GraphError(f"{out}: cannot write the view ({exc})") from exc
