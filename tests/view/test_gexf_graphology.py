"""The GEXF export read by a second real consumer: graphology-gexf under node (the reader of
sigma.js and Gephi Lite, installed from npm in tests/js by `make test`), compared with
networkx's reading of the same file."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from graph.export import export_graph

from .conftest import require_tool

JS = Path(__file__).resolve().parents[1] / "js"


def read_with_graphology(path: Path) -> dict:
    node = require_tool("node")
    if not (JS / "node_modules" / "graphology-gexf").is_dir():
        message = "graphology-gexf is not installed (make test runs npm ci in tests/js)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    done = subprocess.run([node, str(JS / "read_gexf.mjs"), str(path)], check=False,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(params=["small", "events"])
def exported(request, small_trig, events_graph, tmp_path) -> Path:
    out = tmp_path / f"{request.param}.gexf"
    export_graph(small_trig if request.param == "small" else events_graph, out)
    return out


def test_graphology_reads_the_nodes_and_edges_networkx_reads(exported):
    js = read_with_graphology(exported)
    back = nx.read_gexf(exported, version="1.3")
    assert js["type"] == "directed" and js["multi"] == back.is_multigraph()
    assert (js["order"], js["size"]) == (back.number_of_nodes(), back.number_of_edges())
    assert sorted(k for k, _ in js["nodes"]) == sorted(back.nodes)


def test_graphology_reads_the_attributes_sizes_and_positions_networkx_reads(exported):
    js = read_with_graphology(exported)
    back = nx.read_gexf(exported, version="1.3")
    for key, a in js["nodes"]:
        d = back.nodes[key]
        assert {k: a[k] for k in ("label", "type", "label_ar", "label_en", "mentions", "sector")} \
            == {k: d[k] for k in ("label", "type", "label_ar", "label_en", "mentions", "sector")}
        viz = d["viz"]
        assert (a["x"], a["y"], a["size"]) == (viz["position"]["x"], viz["position"]["y"],
                                               viz["size"])
        assert a["color"] == "rgb({r},{g},{b})".format(**viz["color"])
    by_id = {d["id"]: (u, v, d) for u, v, d in back.edges(data=True)}
    for key, source, target, a, _ in js["edges"]:
        u, v, d = by_id[key]
        assert (source, target) == (u, v)
        assert {k: a[k] for k in ("relation", "mode", "cameo", "killed", "injured", "weight")} \
            == {k: d[k] for k in ("relation", "mode", "cameo", "killed", "injured", "weight")}
        assert a["label"] == d["label"] and a["thickness"] >= 1  # networkx skips thickness


def test_graphology_and_networkx_read_the_same_dynamic_spells(exported):
    js = read_with_graphology(exported)
    back = nx.read_gexf(exported, version="1.3")
    by_id = {d["id"]: d for *_, d in back.edges(data=True)}
    spells = {key: [tuple(s) for s in found] for key, *_, found in js["edges"]}
    assert spells == {key: list(d.get("spells", [])) for key, d in by_id.items()}
    assert any(spells.values())  # both graphs have dated edges
