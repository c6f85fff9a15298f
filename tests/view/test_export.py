"""`naba export`: GEXF, GraphML and CSV re-read by real readers (networkx, jing, csv) and
compared with the network they came from."""
from __future__ import annotations

import csv
import subprocess
import xml.etree.ElementTree as ET

import networkx as nx
import pyoxigraph as ox
import pytest

from graph.colors import MAX_RADIUS, edge_width, hex_to_rgb, relation_color, type_color
from graph.export import DOCUMENT_SEPARATOR, GEXF_NS, GEXF_VIZ_NS, GRAPHML_NS, export_graph
from graph.network import node_label
from graph.views import export_layout, layout_view, select_view
from naba.errors import GraphError

from .conftest import require_tool, run_naba

HOSTILE = 'قال "زيد" & <img src=x onerror=alert(1)> \'href\'\tسطر\nثان'
NODE_ATTRS = ("type", "label_ar", "label_en", "mentions")


def edges_by_relation(graph) -> dict:
    """(source, target, relation) → edge data, for a multigraph or a simple graph."""
    return {(u, v, d["relation"]): d for u, v, d in graph.edges(data=True)}


def hostile_store() -> ox.Store:
    """Two entities whose labels carry markup, quotes, ampersands, a tab and a newline."""
    store = ox.Store()
    label = HOSTILE.replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    store.load(f'''@prefix nbo: <https://w3id.org/naba/ontology#> .
@prefix nbid: <https://w3id.org/naba/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
nbid:zaid a nbo:Person ; rdfs:label "{label}"@ar, "Zaid & \\"Co\\" <b>"@en .
nbid:syria a nbo:Country ; rdfs:label "سوريا"@ar .
nbid:zaid nbo:accuses nbid:syria .'''.encode(), format=ox.RdfFormat.TURTLE)
    return store


# --- GEXF --------------------------------------------------------------------------------------

def test_gexf_rereads_with_the_networks_nodes_edges_and_attributes(small_trig, small_network,
                                                                   tmp_path):
    out = tmp_path / "small.gexf"
    message = export_graph(small_trig, out)
    back = nx.read_gexf(out, version="1.3")

    assert str(out) in message and "11 nodes, 9 edges" in message
    assert sorted(back.nodes) == sorted(small_network.nodes)
    assert back.number_of_edges() == small_network.number_of_edges()
    for n, d in small_network.nodes(data=True):
        assert {a: back.nodes[n][a] for a in NODE_ATTRS} == {a: d[a] for a in NODE_ATTRS}
        assert back.nodes[n]["label"] == node_label(d, n)
    back_edges = edges_by_relation(back)
    for key, d in edges_by_relation(small_network).items():
        assert back_edges[key]["weight"] == d["weight"]
        assert back_edges[key]["cameo"] == d["cameo"]
    assert back_edges["russia", "isis", "strikes"]["cameo"] == "190"  # from the ontology graph


def test_gexf_validates_against_the_official_gexf_13_schema(small_trig, shared_dir, tmp_path):
    jing = require_tool("jing")
    schema = shared_dir / "schemas" / "gexf" / "1.3" / "gexf.rnc"
    out = tmp_path / "small.gexf"
    export_graph(small_trig, out)

    result = subprocess.run([jing, "-c", str(schema), str(out)], check=False,
                            capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stdout + result.stderr


def test_gexf_edges_carry_the_articles_dates_as_spells(small_trig, tmp_path):
    out = tmp_path / "small.gexf"
    export_graph(small_trig, out)
    graph_element = ET.parse(out).getroot().find(f"{{{GEXF_NS}}}graph")
    back = edges_by_relation(nx.read_gexf(out, version="1.3"))

    assert graph_element.get("timeformat") == "date"
    assert graph_element.get("mode") == "dynamic"
    # a1 (2016-03-27) and a2 (2016-04-02) both say Lavrov accuses the United States
    assert back["sergei-lavrov", "united-states", "accuses"]["spells"] == [
        ("2016-03-27", "2016-03-27"), ("2016-04-02", "2016-04-02")]
    # a3 is dated with an xsd:dateTime: its day is kept
    assert back["russia", "syria", "supports"]["spells"] == [("2016-04-10", "2016-04-10")]
    # a4 has no date, and the cooperation has no article at all
    assert "spells" not in back["sergei-lavrov", "john-kerry", "meets"]
    assert "spells" not in back["syria", "russia", "cooperatesWith"]


def test_gexf_without_dates_is_static(tmp_path):
    out = tmp_path / "undated.gexf"
    export_graph(hostile_store(), out)

    graph_element = ET.parse(out).getroot().find(f"{{{GEXF_NS}}}graph")

    assert graph_element.get("mode") == "static"
    assert graph_element.get("timeformat") is None


def test_gexf_colours_sizes_and_positions_match_the_view(small_trig, small_network, tmp_path):
    out = tmp_path / "small.gexf"
    export_graph(small_trig, out)
    back = nx.read_gexf(out, version="1.3")
    ns = {"g": GEXF_NS, "viz": GEXF_VIZ_NS}
    root = ET.parse(out).getroot()
    page = layout_view(select_view(small_network)[0])

    for n, d in small_network.nodes(data=True):
        viz = back.nodes[n]["viz"]
        assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == hex_to_rgb(
            type_color(d["type"]))
        assert viz["size"] <= MAX_RADIUS
        if n in page.positions:  # the page's picture: same place (y up, as Gephi draws), size
            x, y = page.positions[n]
            assert (viz["position"]["x"], viz["position"]["y"]) == (x, -y)
            assert viz["size"] == page.radii[n]
    assert len({(v["viz"]["position"]["x"], v["viz"]["position"]["y"])
                for _, v in back.nodes(data=True)}) == small_network.number_of_nodes()
    widest = max(w for *_, w in small_network.edges(data="weight"))
    edges = {(e.get("source"), e.get("target"), e.get("kind")): e
             for e in root.iterfind(".//g:edge", ns)}
    for u, v, d in small_network.edges(data=True):
        element = edges[u, v, d["relation"]]
        color = element.find("viz:color", ns)
        assert tuple(int(color.get(c)) for c in "rgb") == hex_to_rgb(relation_color(d["relation"]))
        assert float(element.find("viz:thickness", ns).get("value")) == edge_width(d["weight"],
                                                                                   widest)


def test_gexf_positions_keep_disks_apart_and_repeat(small_network):
    positions, radii = export_layout(small_network)
    assert positions == export_layout(small_network)[0]
    keys = list(positions)
    for a in keys:
        for b in keys[keys.index(a) + 1:]:
            gap = ((positions[a][0] - positions[b][0]) ** 2
                   + (positions[a][1] - positions[b][1]) ** 2) ** 0.5
            assert gap >= radii[a] + radii[b], (a, b)


# --- GraphML -----------------------------------------------------------------------------------

def test_graphml_rereads_with_flat_attributes(small_trig, small_network, tmp_path):
    out = tmp_path / "small.graphml"
    export_graph(small_trig, out)
    back = nx.read_graphml(out)

    assert sorted(back.nodes) == sorted(small_network.nodes)
    assert back.number_of_edges() == small_network.number_of_edges()
    for n, d in small_network.nodes(data=True):
        assert {a: back.nodes[n].get(a, "") for a in NODE_ATTRS} == {a: d[a] for a in NODE_ATTRS}
    back_edges = edges_by_relation(back)
    for key, d in edges_by_relation(small_network).items():
        got = back_edges[key]
        assert (got["weight"], got["cameo"], got["evidence"]) == (d["weight"], d["cameo"],
                                                                  len(d["evidence"]))
        assert got.get("documents", "") == DOCUMENT_SEPARATOR.join(d["documents"])
        assert (got.get("first_date", ""), got.get("last_date", "")) == (
            (d["dates"][0], d["dates"][-1]) if d["dates"] else ("", ""))
    assert back_edges["sergei-lavrov", "united-states", "accuses"]["documents"] == "a1; a2"


def test_graphml_declares_a_type_for_every_attribute(small_trig, tmp_path):
    out = tmp_path / "small.graphml"
    export_graph(small_trig, out)

    keys = ET.parse(out).getroot().findall(f"{{{GRAPHML_NS}}}key")
    types = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys}

    assert types[("node", "mentions")] == "int" and types[("edge", "weight")] == "int"
    assert types[("node", "label_ar")] == "string"
    assert set(types.values()) <= {"string", "int"}


# --- text that comes from articles -------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".gexf", ".graphml"])
def test_arabic_and_hostile_labels_round_trip_unchanged(suffix, tmp_path):
    out = tmp_path / f"hostile{suffix}"
    export_graph(hostile_store(), out)
    back = nx.read_gexf(out, version="1.3") if suffix == ".gexf" else nx.read_graphml(out)

    assert back.nodes["zaid"]["label_ar"] == HOSTILE
    assert back.nodes["zaid"]["label_en"] == 'Zaid & "Co" <b>'
    assert back.nodes["syria"]["label_ar"] == "سوريا"


@pytest.mark.parametrize("suffix", [".gexf", ".graphml"])
def test_script_in_a_discovered_name_stays_text(small_trig, small_network, suffix, tmp_path):
    out = tmp_path / f"small{suffix}"
    export_graph(small_trig, out)
    back = nx.read_gexf(out, version="1.3") if suffix == ".gexf" else nx.read_graphml(out)

    label = small_network.nodes["abu-hamza"]["label_ar"]
    assert "</script><script>" in label
    assert back.nodes["abu-hamza"]["label_ar"] == label
    assert "<script>" not in out.read_text(encoding="utf-8")


# --- CSV ---------------------------------------------------------------------------------------

def test_csv_writes_a_nodes_file_and_an_edges_file_equal_to_the_network(small_trig, small_network,
                                                                          tmp_path):
    message = export_graph(small_trig, tmp_path / "small.csv")
    nodes_path, edges_path = tmp_path / "small-nodes.csv", tmp_path / "small-edges.csv"
    with open(nodes_path, encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(edges_path, encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))

    assert str(nodes_path) in message and str(edges_path) in message
    assert not (tmp_path / "small.csv").exists()
    assert [r["id"] for r in nodes] == list(small_network.nodes)
    for row in nodes:
        d = small_network.nodes[row["id"]]
        assert row == {"id": row["id"], "type": d["type"], "label_ar": d["label_ar"],
                       "label_en": d["label_en"], "mentions": str(d["mentions"]),
                       "sector": d["sector"]}
    assert len(edges) == small_network.number_of_edges()
    for row in edges:
        d = small_network.edges[row["source"], row["target"], row["relation"]]
        dates = d["dates"] or [""]
        assert (row["weight"], row["cameo"], row["first_date"], row["last_date"]) == (
            str(d["weight"]), d["cameo"], dates[0], dates[-1])
        assert (row["mode"], row["killed"], row["injured"]) == ("Asserted", "0", "0")


# --- errors and the CLI ------------------------------------------------------------------------

def test_unknown_suffix_names_the_valid_ones(small_trig, tmp_path):
    with pytest.raises(GraphError, match=r"graph\.json.*\.gexf, \.graphml, \.csv"):
        export_graph(small_trig, tmp_path / "graph.json")


def test_export_replaces_an_old_file_and_leaves_no_temporary_file(small_trig, tmp_path):
    out = tmp_path / "small.gexf"
    out.write_text("old", encoding="utf-8")

    export_graph(small_trig, out)

    assert out.read_text(encoding="utf-8").startswith("<?xml")
    assert [p.name for p in tmp_path.iterdir()] == ["small.gexf"]


@pytest.mark.parametrize("name", ["graph.gexf", "graph.graphml", "graph.csv"])
def test_naba_export_cli_writes_each_format(small_trig, name, tmp_path):
    result = run_naba("export", small_trig, "-o", tmp_path / name)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote ") and "11 nodes, 9 edges" in result.stdout
    assert sorted(p.suffix for p in tmp_path.iterdir()) == (
        [".csv", ".csv"] if name.endswith(".csv") else [name[name.rindex("."):]])


def test_naba_export_cli_rejects_an_unknown_suffix(small_trig, tmp_path):
    result = run_naba("export", small_trig, "-o", tmp_path / "g.dot")

    assert result.returncode == 2
    assert "naba export:" in result.stderr and ".gexf, .graphml, .csv" in result.stderr
    assert not list(tmp_path.iterdir())


def test_csv_cells_that_a_spreadsheet_would_run_are_defused(tmp_path):
    import networkx as nx

    from graph.export import write_csv
    graph = nx.MultiDiGraph()
    graph.add_node("x", type="Person", label_ar='=HYPERLINK("http://x","داعش")',
                   label_en="@SUM(1)", mentions=1)
    nodes_path, _ = write_csv(graph, tmp_path / "g.csv")
    with open(nodes_path, encoding="utf-8", newline="") as f:
        row = next(csv.DictReader(f))
    assert row["label_ar"].startswith("'=") and row["label_en"] == "'@SUM(1)"
