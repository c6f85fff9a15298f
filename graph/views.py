"""`naba view`: one self-contained, offline HTML page of the entity network.

The page is ``graph/templates/view.html`` with vis-network (read from the installed pyvis
package) and the network inlined; pyvis's own template and API are not used (they are unsafe
with article text and quadratic in the number of nodes). Article text travels as JSON in a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and the page
puts it into the DOM with ``textContent`` only.

The page holds every entity that takes part in an asserted relation, and the generic actors
grouped by sector; past ``DEFAULT_TOP`` entities it opens on the most connected ones (by the
statements they take part in) and lets the reader show more. Positions come from
``graph.layout`` (seeded, no physics in the page); ``export_layout`` gives the GEXF export the
same picture.

>>> page_json({"s": "</script><img src=x onerror=alert(1)>"})
'{"s":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
"""
from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from graph.colors import (
    RELATION_COLORS,
    TYPE_COLORS,
    UNKNOWN_TYPE,
    edge_width,
    node_radius,
    relation_color,
    type_color,
)
from graph.layout import band_layout
from graph.network import load_network
from ingest.model import ENTITY_TYPES, RELATIONS
from naba.errors import GraphError

__all__ = ["DEFAULT_TOP", "GENERIC", "GROUP_PREFIX", "LAYOUT_SEED", "MAX_EVIDENCE", "ViewLayout",
           "export_layout", "layout_view", "page_json", "rank_nodes", "render_view",
           "select_view", "write_view"]

DEFAULT_TOP = 300  # past this many entities the page opens on the most connected
MAX_EVIDENCE = 12  # evidence sentences per edge in a tooltip; the side panel has them all
LAYOUT_SEED = 7
GENERIC = "GenericActor"
GROUP_PREFIX = "generic/"  # the key of the node that groups a sector's generic actors
BAND_GROWTH = 3  # each band of the layout is this many times the one before
VIS_FILES = "templates/lib/vis-9.1.2/"
TEMPLATE = Path(__file__).with_name("templates") / "view.html"


@dataclass(frozen=True)
class ViewLayout:
    """The page's nodes in rank order, how many it opens on, their radii and positions."""
    order: list
    top: int
    named: int
    radii: dict
    positions: dict
    largest: float  # the weighted degree drawn at the largest radius


def write_view(source, out: str | Path, *, relations=None, types=None, top=None,
               generic: bool = False, isolated: bool = False) -> str:
    """Write the HTML view of a graph file, store folder, Store or network; a one-line report."""
    out = Path(out)
    if top is not None and top < 1:
        raise GraphError(f"--top must be a positive number of nodes, not {top}")
    graph = load_network(source)
    held, notes = select_view(graph, relations=relations, types=types, generic=generic,
                              isolated=isolated)
    title = f"Naba — {Path(source).name}" if isinstance(source, (str, Path)) else "Naba network"
    layout = layout_view(held, top=top)
    page = render_view(held, layout, title=title, notes=notes)
    _write_atomic(out, page)
    shown = layout.order[:layout.top]
    edges = held.subgraph(shown).number_of_edges()
    message = (f"wrote {out}: {len(shown):,} of {layout.named:,} entities shown, "
               f"{edges:,} edges ({out.stat().st_size / 1e6:.1f} MB)")
    return "; ".join([message] + [n[:1].lower() + n[1:] for n in _top_note(layout)] + notes)


def select_view(graph: nx.MultiDiGraph, *, relations=None, types=None, generic: bool = False,
                isolated: bool = False) -> tuple[nx.MultiDiGraph, list[str]]:
    """The network the page holds and sentences that say what was left out.

    Only edges of statements asserted as fact (not negated, planned…) are kept. Generic
    actors become one node per sector (``generic/police``, attribute ``members``), hidden
    until the reader shows them; with ``generic`` (or ``types`` naming them) the page also
    holds each one. ``relations`` keeps those edges, ``types`` those entity types; entities
    left with no edge are dropped unless ``isolated``. Node attribute ``kind``: ``entity``,
    ``group`` or ``generic``.
    """
    keep_rel = _check(relations, RELATIONS, "relation")
    keep_type = _check(types, ENTITY_TYPES + (UNKNOWN_TYPE,), "entity type")
    generic = generic or (keep_type is not None and GENERIC in keep_type)
    notes = []
    unasserted = sum(mode not in (None, "Asserted") for *_, mode in graph.edges(data="mode"))
    if unasserted:
        notes.append(f"{unasserted:,} edges of statements not asserted as fact "
                     "(negated, planned…) not drawn")
    edges = [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
             if d.get("mode", "Asserted") == "Asserted"
             and (keep_rel is None or d["relation"] in keep_rel)]
    if keep_rel is not None:
        notes.append("relations: " + ", ".join(sorted(keep_rel)))
    if keep_type is not None:
        notes.append("types: " + ", ".join(sorted(keep_type)))

    def wanted(n):
        t = graph.nodes[n]["type"]
        return (keep_type is None or t in keep_type) and (generic or t != GENERIC)

    held = nx.MultiDiGraph(**graph.graph)
    for n, d in graph.nodes(data=True):
        if wanted(n) and d["type"] != GENERIC:
            held.add_node(n, **d, kind="entity")
        elif wanted(n):
            held.add_node(n, **d, kind="generic")
    for u, v, k, d in edges:
        if u in held and v in held:
            held.add_edge(u, v, key=k, **d)
    if keep_type is None or GENERIC in keep_type:
        _add_groups(held, graph, [e for e in edges if GENERIC in (graph.nodes[e[0]]["type"],
                                                                  graph.nodes[e[1]]["type"])])
    alone = [n for n in held if held.degree(n) == 0]
    if alone and not isolated:
        held.remove_nodes_from(alone)
        notes.append(f"{len(alone):,} entities with no relation left out (--isolated keeps them)")
    return held, [n[:1].upper() + n[1:] for n in notes]


def rank_nodes(held: nx.MultiDiGraph) -> list:
    """Entities, most connected first (statements with other entities, then with anyone,
    then the documents that mention them), then the sector groups, then each generic actor."""
    between = {n: 0 for n in held}
    for u, v, w in held.edges(data="weight"):
        if held.nodes[u]["kind"] == held.nodes[v]["kind"] == "entity":
            between[u] += w
            between[v] += w
    kinds = {"entity": 0, "group": 1, "generic": 2}
    return sorted(held, key=lambda n: (kinds[held.nodes[n]["kind"]], -between[n],
                                       -held.degree(n, "weight"), -held.nodes[n]["mentions"], n))


def layout_view(held: nx.MultiDiGraph, *, top: int | None = None,
                seed: int = LAYOUT_SEED) -> ViewLayout:
    """Rank, size and place the nodes of the page; ``top`` entities shown at first (by
    default all, or ``DEFAULT_TOP`` past that many)."""
    ranked = rank_nodes(held)
    entities = [n for n in ranked if held.nodes[n]["kind"] == "entity"]
    others = ranked[len(entities):]
    named = len(entities)
    if top is None:
        top = min(named, DEFAULT_TOP)
    top = min(top, named)
    strength = {n: held.degree(n, "weight") for n in held}
    largest = max((strength[n] for n in entities[:top] or ranked), default=0)
    radii = {n: node_radius(strength[n], largest) for n in held}
    order = entities[:top] + others + entities[top:]
    bands, size = [top, top + len(others)], max(top, 1)
    while bands[-1] < len(order):  # the next 2×top entities, then 6×top…
        size *= BAND_GROWTH
        bands.append(top + len(others) + size)
    positions = band_layout(nx.Graph(held), order, radii, bands=bands, seed=seed)
    return ViewLayout(ranked, top, named, radii, positions, largest)


def export_layout(graph: nx.MultiDiGraph, *, seed: int = LAYOUT_SEED) -> tuple[dict, dict]:
    """Positions and radii of every node of the network: the default page's picture, and the
    nodes it does not draw (no relation, generic actors, other modes) placed around it."""
    held, _ = select_view(graph)
    page = layout_view(held, seed=seed)
    placed = {n: p for n, p in page.positions.items() if n in graph}
    strength = {n: graph.degree(n, "weight") for n in graph}
    radii = {n: page.radii.get(n) or node_radius(strength[n], page.largest) for n in graph}
    rest = sorted((n for n in graph if n not in placed),
                  key=lambda n: (-strength[n], -graph.nodes[n]["mentions"], n))
    positions = band_layout(nx.Graph(graph), rest, radii, seed=seed, placed=placed)
    return positions, radii


def render_view(held: nx.MultiDiGraph, layout: ViewLayout | None = None, *,
                title: str = "Naba network", notes: list[str] = ()) -> str:
    """The page's HTML text for a network from ``select_view``."""
    layout = layout or layout_view(held)
    payload = _payload(held, layout, list(notes))
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


def _add_groups(held: nx.MultiDiGraph, graph: nx.MultiDiGraph, edges) -> None:
    """One node per sector for the generic actors, with their edges added up."""
    def end(n):
        d = graph.nodes[n]
        if d["type"] != GENERIC:
            return n if held.has_node(n) and held.nodes[n]["kind"] == "entity" else None
        return GROUP_PREFIX + (d.get("sector") or "other")

    members: dict[str, set] = {}
    merged: dict[tuple, dict] = {}
    for u, v, _, d in edges:
        a, b = end(u), end(v)
        if a is None or b is None or a == b or not (a.startswith(GROUP_PREFIX)
                                                     or b.startswith(GROUP_PREFIX)):
            continue
        for n, g in ((u, a), (v, b)):
            if g.startswith(GROUP_PREFIX):
                members.setdefault(g, set()).add(n)
        slot = merged.setdefault((a, b, d["relation"]), {"evidence": [], "killed": 0, "injured": 0})
        slot["evidence"] += d["evidence"]
        slot["killed"] += d.get("killed", 0)
        slot["injured"] += d.get("injured", 0)
        slot.setdefault("cameo", d.get("cameo", ""))
    sectors = graph.graph.get("sectors", {})
    for g, actors in members.items():
        sector = g[len(GROUP_PREFIX):]
        names = sectors.get(sector, {})
        held.add_node(g, type=GENERIC, kind="group", label_ar=names.get("ar", ""),
                      label_en=names.get("en", sector), sector=sector, members=len(actors),
                      mentions=sum(graph.nodes[n]["mentions"] for n in actors))
    for (a, b, rel), d in merged.items():
        items = sorted(d["evidence"], key=lambda i: (i["date"], i["document"], i["sentence"]))
        held.add_edge(a, b, key=rel, relation=rel, mode="Asserted", weight=max(len(items), 1),
                      cameo=d["cameo"], killed=d["killed"], injured=d["injured"], evidence=items,
                      documents=sorted({i["document"] for i in items if i["document"]}),
                      dates=sorted({i["date"] for i in items if i["date"]}))


def _top_note(layout: ViewLayout) -> list[str]:
    if layout.top >= layout.named:
        return []
    return [(f"Showing the {layout.top:,} most connected of {layout.named:,} entities "
             "(by statements); the page shows more on demand")]


def _payload(held: nx.MultiDiGraph, layout: ViewLayout, notes: list[str]) -> dict:
    order = layout.order
    node_ids = {n: i for i, n in enumerate(order)}
    type_names = [t for t in TYPE_COLORS if any(held.nodes[n]["type"] == t for n in held)]
    type_index = {t: i for i, t in enumerate(type_names)}
    used = {r for *_, r in held.edges(data="relation")}
    rel_names = [r for r in RELATION_COLORS if r in used] + sorted(used - set(RELATION_COLORS))
    rel_index = {r: i for i, r in enumerate(rel_names)}
    kinds = {"entity": 0, "group": 1, "generic": 2}
    shown = set(order[:layout.top])
    widest = max((w for u, v, w in held.edges(data="weight") if u in shown and v in shown),
                 default=1)

    nodes = []
    for n in order:
        d = held.nodes[n]
        x, y = layout.positions[n]
        nodes.append([n, d["label_ar"], d["label_en"], type_index[d["type"]], d["mentions"],
                      held.degree(n, "weight"), x, y, layout.radii[n], kinds[d["kind"]],
                      d.get("members", 0)])
    days: dict[str, int] = {}
    docs: dict[tuple[str, str], int] = {}
    for *_, items in held.edges(data="evidence"):
        for i in items:
            if i["date"]:
                days.setdefault(i["date"], 0)
    day_list = sorted(days)
    days = {day: k for k, day in enumerate(day_list)}
    pair_count: dict[frozenset, int] = {}
    for u, v in held.edges():
        pair = frozenset((u, v))
        pair_count[pair] = pair_count.get(pair, 0) + 1
    pair_seen: dict[frozenset, int] = {}
    edges, statements = [], []
    cameo: dict[str, str] = {}
    rel_count = dict.fromkeys(rel_names, 0)
    for u, v, d in sorted(held.edges(data=True), key=lambda e: (node_ids[e[0]], node_ids[e[1]],
                                                                 e[2]["relation"])):
        rel = d["relation"]
        rel_count[rel] += 1
        cameo.setdefault(rel, d.get("cameo", ""))
        pair = frozenset((u, v))
        roundness = 0
        if pair_count[pair] > 1:  # parallel or opposite edges: curve them apart
            pair_seen[pair] = pair_seen.get(pair, 0) + 1
            roundness = round(0.15 * pair_seen[pair], 2)
        index = len(edges)
        for i in d["evidence"]:
            doc = docs.setdefault((i["document"], _http(i.get("url", ""))), len(docs)) \
                if i["document"] else -1
            statements.append([index, days.get(i["date"], -1), doc, i["sentence"]])
        undocumented = max(d["weight"] - len(d["evidence"]), 0)  # direct edges: no statement
        statements.extend([index, -1, -1, ""] for _ in range(undocumented))
        edges.append([node_ids[u], node_ids[v], rel_index[rel], d["weight"],
                      edge_width(d["weight"], widest), roundness])
    type_count = dict.fromkeys(type_names, 0)
    for n in held:
        type_count[held.nodes[n]["type"]] += 1
    named_edges = sum(held.nodes[u]["kind"] == held.nodes[v]["kind"] == "entity"
                      for u, v in held.edges())
    return {
        "summary": (f"{layout.named:,} entities, {named_edges:,} edges between them, from "
                    f"{held.graph.get('documents', 0):,} documents "
                    f"({held.graph.get('statements', 0):,} statements)"),
        "notes": _top_note(layout) + notes,
        "top": layout.top,
        "named": layout.named,
        "generic": "each" if any(held.nodes[n]["kind"] == "generic" for n in held) else "hidden",
        "types": [{"name": t, "color": type_color(t), "border": _darker(type_color(t)),
                   "count": type_count[t]} for t in type_names],
        "relations": [{"name": r, "color": relation_color(r), "cameo": cameo.get(r, ""),
                       "count": rel_count[r]} for r in rel_names],
        "days": day_list,
        "docs": [list(k) for k in docs],
        "nodes": nodes,
        "edges": edges,
        "statements": statements,
        "maxEvidence": MAX_EVIDENCE,
        "seed": LAYOUT_SEED,
    }


def _http(url: str) -> str:
    """Only http(s) links reach the page."""
    return url if url.lower().startswith(("http://", "https://")) else ""


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
