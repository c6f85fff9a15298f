"""Attack events through the network, the exports, the statistics and the view: generic actors
are nodes with their sector, statements keep their mode, toll and date, the view hides what is
not a named, asserted fact unless asked. The graph: ``events_graph`` (tests/conftest.py)."""
from __future__ import annotations

import csv
import subprocess

import networkx as nx
import pytest

from graph.export import export_graph
from graph.network import load_network
from graph.stats import compute_stats, format_stats
from graph.views import layout_view, render_view, select_view, write_view

from .conftest import ARGS, CHROMIUM, need_browser, require_tool, run_naba

GUNMEN, PATROL = "article/e1/actor/generic-unidentified-1", "article/e1/actor/generic-police-1"


@pytest.fixture(scope="module")
def network(events_graph) -> nx.MultiDiGraph:
    return load_network(events_graph)


# --- network -----------------------------------------------------------------------------------

def test_generic_actors_are_nodes_of_their_article_with_their_sector(network):
    gunmen = network.nodes[GUNMEN]
    assert (gunmen["type"], gunmen["label_ar"], gunmen["label_en"], gunmen["sector"]) == (
        "GenericActor", "مسلحون مجهولون", "unidentified gunmen", "unidentified")
    assert network.nodes["article/e2/actor/generic-police-1"]["sector"] == "police"
    assert network.nodes["russia"]["sector"] == ""


def test_an_edge_carries_its_mode_toll_and_the_event_date(network):
    attack = network.edges[GUNMEN, PATROL, "strikes"]
    assert (attack["mode"], attack["killed"], attack["injured"], attack["dates"]) == (
        "Asserted", 3, 2, ["2016-03-26"])
    assert attack["evidence"][0]["killed"] == 3
    strike = network.edges["russia", "syria", "strikes"]  # e1 and e2: the event's date wins
    assert (strike["weight"], strike["dates"], strike["killed"]) == (2, ["2016-03-27"], 0)


def test_statements_of_another_mode_are_edges_of_their_own(network):
    denied = network.edges["russia", "syria", "strikes/Negated"]
    assert (denied["relation"], denied["mode"], denied["weight"]) == ("strikes", "Negated", 2)
    assert denied["dates"] == ["2016-03-27", "2016-04-05"]  # no event date: the articles'
    foiled = network.edges["article/e3/actor/generic-unidentified-1", "aleppo", "strikes/Foiled"]
    assert foiled["mode"] == "Foiled"


# --- exports -----------------------------------------------------------------------------------

def test_gexf_carries_sector_mode_and_tolls_and_validates(events_graph, shared_dir, tmp_path):
    out = tmp_path / "events.gexf"
    export_graph(events_graph, out)
    jing = require_tool("jing")
    schema = shared_dir / "schemas" / "gexf" / "1.3" / "gexf.rnc"
    done = subprocess.run([jing, "-c", str(schema), str(out)], check=False, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr

    back = nx.read_gexf(out, version="1.3")
    assert back.nodes[GUNMEN]["sector"] == "unidentified"
    edges = {(u, v, d["mode"]): d for u, v, d in back.edges(data=True)}
    assert (edges[GUNMEN, PATROL, "Asserted"]["killed"],
            edges[GUNMEN, PATROL, "Asserted"]["injured"]) == (3, 2)
    assert edges["russia", "syria", "Negated"]["relation"] == "strikes"


def test_graphml_and_csv_carry_sector_mode_and_tolls(events_graph, tmp_path):
    export_graph(events_graph, tmp_path / "events.graphml")
    back = nx.read_graphml(tmp_path / "events.graphml")
    assert back.nodes[GUNMEN]["sector"] == "unidentified"
    attack = next(d for u, v, d in back.edges(data=True) if (u, v) == (GUNMEN, PATROL))
    assert (attack["mode"], attack["killed"], attack["injured"]) == ("Asserted", 3, 2)

    export_graph(events_graph, tmp_path / "events.csv")
    with open(tmp_path / "events-edges.csv", encoding="utf-8", newline="") as f:
        rows = {(r["source"], r["target"], r["mode"]): r for r in csv.DictReader(f)}
    assert (rows[GUNMEN, PATROL, "Asserted"]["killed"], rows["russia", "syria", "Negated"][
        "relation"]) == ("3", "strikes")
    with open(tmp_path / "events-nodes.csv", encoding="utf-8", newline="") as f:
        sectors = {r["id"]: r["sector"] for r in csv.DictReader(f)}
    assert sectors[PATROL] == "police" and sectors["aleppo"] == ""


# --- stats -------------------------------------------------------------------------------------

def test_stats_count_attacks_tolls_modes_and_generic_actors(events_graph):
    stats = compute_stats(events_graph)
    assert stats["events"] == {
        "attacks": 4, "killed": 6, "injured": 4, "attacks_with_toll": 2,  # e1, e2: two each
        "statements_by_mode": {"Asserted": 4, "Negated": 2, "Foiled": 1},
        "generic_actors_by_sector": {"unidentified": 3, "police": 2}}  # e3's patrol is idle
    text = format_stats(stats)
    assert "Attacks (4 sentences with an asserted strike): 6 killed, 4 injured" in text
    assert "Statements by mode: Asserted 4, Negated 2, Foiled 1" in text
    assert "Generic actors by sector: unidentified 3, police 2" in text


def test_the_leader_tables_read_asserted_relations_between_named_actors(events_graph):
    stats = compute_stats(events_graph)
    struck = [(r["key"], r["value"]) for r in stats["tables"]["most_struck"]]
    assert struck == [("syria", 2)]  # not the denied strikes, the patrols nor foiled Aleppo


def test_naba_stats_prints_the_attacks(events_graph):
    done = run_naba("stats", events_graph)
    assert done.returncode == 0, done.stderr
    assert "6 killed, 4 injured" in done.stdout


# --- view --------------------------------------------------------------------------------------

def test_the_view_hides_generic_actors_and_unasserted_edges_by_default(network):
    held, notes = select_view(network)
    assert not [n for n, k in held.nodes(data="kind") if k == "generic"]
    assert {d["mode"] for *_, d in held.edges(data=True)} == {"Asserted"}
    assert "2 edges of statements not asserted as fact (negated, planned…) not drawn" in notes
    layout = layout_view(held)
    assert [n for n in layout.order[:layout.top]] == ["russia", "syria"]


def test_generic_actors_are_grouped_by_sector_with_their_statements(network):
    held, _ = select_view(network)
    police = held.nodes["generic/police"]
    assert (police["kind"], police["members"], police["label_ar"], police["label_en"]) == (
        "group", 2, "الشرطة", "police")
    attack = held.edges["generic/unidentified", "generic/police", "strikes"]
    assert (attack["weight"], attack["killed"], attack["injured"]) == (2, 6, 4)  # e1 and e2
    assert {i["document"] for i in attack["evidence"]} == {"e1", "e2"}


def test_the_view_shows_each_generic_actor_when_asked(network):
    for held, _ in (select_view(network, generic=True),
                    select_view(network, types=["GenericActor"])):
        assert sum(k == "generic" for _, k in held.nodes(data="kind")) == 4  # e3's patrol: idle
    held, _ = select_view(network, generic=True)
    assert held.has_edge(GUNMEN, PATROL, "strikes")
    assert not held.has_edge("russia", "syria", "strikes/Negated")
    assert "GenericActor" in render_view(held)


def test_naba_view_generic_flag(events_graph, tmp_path):
    hidden = run_naba("view", events_graph, "-o", tmp_path / "a.html")
    shown = run_naba("view", events_graph, "-o", tmp_path / "b.html", "--generic")
    assert hidden.returncode == shown.returncode == 0, hidden.stderr + shown.stderr
    assert "2 of 2 entities shown, 1 edges" in hidden.stdout
    assert '"generic":"hidden"' in (tmp_path / "a.html").read_text(encoding="utf-8")
    assert '"generic":"each"' in (tmp_path / "b.html").read_text(encoding="utf-8")


def test_generic_actors_in_the_browser_are_hidden_grouped_or_each(events_graph, tmp_path):
    api = need_browser()
    html = tmp_path / "events.html"
    write_view(events_graph, html, generic=True)
    errors, counts = [], {}
    with api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                   else r.abort("internetdisconnected"))
        page.goto(html.as_uri())
        page.wait_for_selector("body[data-interactive=true]", state="attached", timeout=60_000)
        for mode in ("each", "grouped", "hidden"):
            page.select_option("#generic", mode)
            counts[mode] = page.evaluate("naba.nodesView.getIds().map(i => naba.data.nodes[i][0])")
        browser.close()
    assert errors == []
    assert sorted(counts["hidden"]) == ["russia", "syria"]
    # the gunmen's strike on Aleppo was foiled: no edge, so no Aleppo
    assert sorted(counts["grouped"]) == ["generic/police", "generic/unidentified", "russia",
                                         "syria"]
    assert GUNMEN in counts["each"] and "generic/police" not in counts["each"]
