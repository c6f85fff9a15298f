"""`naba export`: the entity network as GEXF 1.3 (Gephi), GraphML or two CSV files.

All three come from ``graph.network`` (the one RDF → networkx conversion) and are written
atomically (a temporary file, then ``os.replace``). GEXF and GraphML are streamed as text, not
built as a tree: 100k nodes and 300k edges take seconds, not the ~18 s of networkx's writers.
Characters that XML cannot carry (control characters other than tab and newline) are dropped.

>>> _attr('<img src=x onerror="a&b">')
'&lt;img src=x onerror=&quot;a&amp;b&quot;&gt;'
>>> _spells(["2016-03-27", "2016-03-28", "2016-04-02"])
[('2016-03-27', '2016-03-28'), ('2016-04-02', '2016-04-02')]
"""
from __future__ import annotations

import csv
import os
import re
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import networkx as nx

from graph.colors import edge_width, hex_to_rgb, relation_color, type_color
from graph.network import edge_key, load_network, node_label
from graph.views import export_layout
from naba.errors import GraphError

__all__ = ["FORMATS", "GEXF_NS", "GEXF_VIZ_NS", "GRAPHML_NS", "csv_paths", "export_graph",
           "write_csv", "write_gexf", "write_graphml"]

FORMATS = (".gexf", ".graphml", ".csv")
GEXF_NS = "http://gexf.net/1.3"
GEXF_VIZ_NS = "http://gexf.net/1.3/viz"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
NODE_COLUMNS = ("id", "type", "label_ar", "label_en", "mentions", "sector")
EDGE_COLUMNS = ("source", "target", "relation", "mode", "weight", "cameo", "killed", "injured",
                "first_date", "last_date")
DOCUMENT_SEPARATOR = "; "  # GraphML's ``documents``: the edge's document ids, joined


def export_graph(source, out: str | Path) -> str:
    """Write the network of a graph file, store folder, Store or network by the suffix of
    ``out`` (.gexf, .graphml or .csv); a one-line report."""
    out = Path(out)
    writer = _WRITERS.get(out.suffix.lower())
    if writer is None:
        raise GraphError(f"{out}: cannot export to {out.suffix or 'a name without a suffix'!r}; "
                         f"name the file with one of {', '.join(FORMATS)}")
    graph = load_network(source)
    written = writer(graph, out)
    files = " and ".join(f"{p} ({p.stat().st_size / 1e6:.1f} MB)" for p in written)
    message = (f"wrote {files}: {graph.number_of_nodes():,} nodes, "
               f"{graph.number_of_edges():,} edges")
    days = sorted({d for *_, dates in graph.edges(data="dates") for d in dates or ()})
    if days:
        message += f", dated {days[0]} to {days[-1]}"
    return message


def write_gexf(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    """GEXF 1.3 that validates against the official RELAX NG schema; edges carry their dates
    as spells (``timeformat="date"``) so that Gephi's timeline plays the network. Positions
    and sizes are those of ``naba view`` (``graph.views.export_layout``; y points up, as in
    Gephi, so the picture is the page's)."""
    positions, radii = export_layout(graph)
    widest = max((w for *_, w in graph.edges(data="weight")), default=1)
    with _atomic(out) as f:
        f.write(_gexf_head(graph))
        f.write(f'<nodes count="{graph.number_of_nodes()}">\n')
        for n, d in graph.nodes(data=True):
            f.write(_gexf_node(n, d, positions[n], radii[n]))
        f.write(f'</nodes>\n<edges count="{graph.number_of_edges()}">\n')
        for i, (u, v, d) in enumerate(graph.edges(data=True)):
            f.write(_gexf_edge(i, u, v, d, widest))
        f.write("</edges>\n</graph>\n</gexf>\n")
    return [out]


def write_graphml(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    """GraphML with typed keys and scalar values only (networkx, yEd): an edge's evidence
    becomes its count, its documents one string, its dates the first and the last."""
    with _atomic(out) as f:
        f.write(_graphml_head())
        for n, d in graph.nodes(data=True):
            f.write(_graphml_element(f'<node id="{_attr(n)}">', "</node>\n", _node_values(d)))
        for i, (u, v, d) in enumerate(graph.edges(data=True)):
            start = f'<edge id="e{i}" source="{_attr(u)}" target="{_attr(v)}">'
            f.write(_graphml_element(start, "</edge>\n", _edge_values(d)))
        f.write("</graph>\n</graphml>\n")
    return [out]


def write_csv(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Two UTF-8 CSV files with a header row: ``NAME-nodes.csv`` and ``NAME-edges.csv``."""
    nodes_path, edges_path = csv_paths(out)
    with _atomic(nodes_path, newline="") as f:
        rows = csv.writer(f)
        rows.writerow(NODE_COLUMNS)
        rows.writerows([n] + [_cell(d.get(c, "")) for c in NODE_COLUMNS[1:]]
                       for n, d in graph.nodes(data=True))
    with _atomic(edges_path, newline="") as f:
        rows = csv.writer(f)
        rows.writerow(EDGE_COLUMNS)
        for u, v, d in graph.edges(data=True):
            dates = d.get("dates") or [""]
            rows.writerow([u, v, d["relation"], d.get("mode", "Asserted"), d["weight"],
                           d.get("cameo", ""), d.get("killed", 0), d.get("injured", 0), dates[0],
                           dates[-1]])
    return [nodes_path, edges_path]


def _cell(value):
    """Text a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe.

    >>> _cell("=HYPERLINK(1)"), _cell("داعش"), _cell(3)
    ("'=HYPERLINK(1)", 'داعش', 3)
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_paths(out: str | Path) -> tuple[Path, Path]:
    """The nodes and edges files that ``export_graph`` writes for ``NAME.csv``."""
    out = Path(out)
    return out.with_name(f"{out.stem}-nodes.csv"), out.with_name(f"{out.stem}-edges.csv")


# --- helpers -----------------------------------------------------------------------------------

_WRITERS = {".gexf": write_gexf, ".graphml": write_graphml, ".csv": write_csv}

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                               "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _attr(value) -> str:
    """Text for an XML attribute value (or element content) between double quotes."""
    return _NOT_XML.sub("", str(value)).translate(_ATTR_ESCAPES)


@contextmanager
def _atomic(out: Path, newline: str | None = None):
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline=newline, buffering=1 << 20) as f:
            yield f
        os.replace(tmp, out)
    except OSError as exc:
        raise GraphError(f"{out}: cannot write the export ({exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _gexf_head(graph: nx.MultiDiGraph) -> str:
    dated = any(dates for *_, dates in graph.edges(data="dates"))
    mode = ' mode="dynamic" timeformat="date"' if dated else ' mode="static"'
    summary = (f"Naba entity network: {graph.graph.get('documents', 0)} documents, "
               f"{graph.graph.get('statements', 0)} statements")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{GEXF_VIZ_NS}" version="1.3">\n'
            f"<meta><creator>Naba</creator><description>{summary}</description></meta>\n"
            f'<graph defaultedgetype="directed"{mode}>\n'
            '<attributes class="node">\n'
            '<attribute id="type" title="type" type="string"/>\n'
            '<attribute id="label_ar" title="label_ar" type="string"/>\n'
            '<attribute id="label_en" title="label_en" type="string"/>\n'
            '<attribute id="mentions" title="mentions" type="integer"/>\n'
            '<attribute id="sector" title="sector" type="string"/>\n'
            '</attributes>\n<attributes class="edge">\n'
            '<attribute id="relation" title="relation" type="string"/>\n'
            '<attribute id="mode" title="mode" type="string"/>\n'
            '<attribute id="cameo" title="cameo" type="string"/>\n'
            '<attribute id="killed" title="killed" type="integer"/>\n'
            '<attribute id="injured" title="injured" type="integer"/>\n'
            "</attributes>\n")


def _gexf_node(n: str, d: dict, position: tuple[float, float], radius: float) -> str:
    return (f'<node id="{_attr(n)}" label="{_attr(node_label(d, n))}"><attvalues>'
            f'<attvalue for="type" value="{_attr(d["type"])}"/>'
            f'<attvalue for="label_ar" value="{_attr(d["label_ar"])}"/>'
            f'<attvalue for="label_en" value="{_attr(d["label_en"])}"/>'
            f'<attvalue for="mentions" value="{d["mentions"]}"/>'
            f'<attvalue for="sector" value="{_attr(d.get("sector", ""))}"/></attvalues>'
            f"{_viz_color(type_color(d['type']))}"
            f'<viz:position x="{position[0]}" y="{-position[1] + 0.0}" z="0.0"/>'
            f'<viz:size value="{radius}"/></node>\n')


def _gexf_edge(i: int, u: str, v: str, d: dict, widest: int) -> str:
    """An edge: its kind is its key in the network (``strikes``, ``strikes/Negated``)."""
    rel, mode = _attr(d["relation"]), d.get("mode", "Asserted")
    spells = "".join(f'<spell start="{start}" end="{end}"/>'
                     for start, end in _spells(d.get("dates", ())))
    return (f'<edge id="{i}" source="{_attr(u)}" target="{_attr(v)}" label="{rel}" '
            f'kind="{_attr(edge_key(d["relation"], mode))}" weight="{d["weight"]}"><attvalues>'
            f'<attvalue for="relation" value="{rel}"/>'
            f'<attvalue for="mode" value="{_attr(mode)}"/>'
            f'<attvalue for="cameo" value="{_attr(d.get("cameo", ""))}"/>'
            f'<attvalue for="killed" value="{int(d.get("killed", 0))}"/>'
            f'<attvalue for="injured" value="{int(d.get("injured", 0))}"/></attvalues>'
            f"{_viz_color(relation_color(d['relation']))}"
            f'<viz:thickness value="{edge_width(d["weight"], widest)}"/>'
            f"{f'<spells>{spells}</spells>' if spells else ''}</edge>\n")


def _viz_color(color: str) -> str:
    r, g, b = hex_to_rgb(color)
    return f'<viz:color r="{r}" g="{g}" b="{b}"/>'


def _spells(days) -> list[tuple[str, str]]:
    """Runs of consecutive days as (start, end) pairs; values that are not dates are skipped."""
    runs: list[list[date]] = []
    for text in days:
        try:
            day = date.fromisoformat(text)
        except ValueError:
            continue
        if runs and day - runs[-1][1] <= timedelta(days=1):
            runs[-1][1] = max(day, runs[-1][1])
        else:
            runs.append([day, day])
    return [(start.isoformat(), end.isoformat()) for start, end in runs]


_NODE_KEYS = (("type", "string"), ("label_ar", "string"), ("label_en", "string"),
              ("mentions", "int"), ("sector", "string"))
_EDGE_KEYS = (("relation", "string"), ("mode", "string"), ("weight", "int"), ("cameo", "string"),
              ("killed", "int"), ("injured", "int"), ("evidence", "int"), ("documents", "string"),
              ("first_date", "string"), ("last_date", "string"))


def _graphml_head() -> str:
    keys = "".join(f'<key id="{name}" for="{kind}" attr.name="{name}" attr.type="{type_}"/>\n'
                   for kind, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS))
                   for name, type_ in keys)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="{GRAPHML_NS}">\n{keys}'
            '<graph id="naba" edgedefault="directed">\n')


def _node_values(d: dict) -> dict:
    return {name: d.get(name, "") for name, _ in _NODE_KEYS}


def _edge_values(d: dict) -> dict:
    dates = d.get("dates") or [""]
    return {"relation": d["relation"], "mode": d.get("mode", "Asserted"), "weight": d["weight"],
            "cameo": d.get("cameo", ""), "killed": d.get("killed", 0),
            "injured": d.get("injured", 0), "evidence": len(d.get("evidence", ())),
            "documents": DOCUMENT_SEPARATOR.join(d.get("documents", ())),
            "first_date": dates[0], "last_date": dates[-1]}


def _graphml_element(start: str, end: str, values: dict) -> str:
    """An element with one ``<data>`` per non-empty value (an empty string is left out)."""
    data = "".join(f'<data key="{k}">{_attr(v)}</data>' for k, v in values.items() if v != "")
    return start + data + end
