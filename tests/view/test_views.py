"""`naba view`'s choices before the browser: what the page holds, what it opens on, the sizes
and the positions, on networks built here."""
from __future__ import annotations

import networkx as nx
import pytest

from graph.colors import MAX_RADIUS, MIN_RADIUS
from graph.layout import overlap_fraction
from graph.views import DEFAULT_TOP, layout_view, select_view, write_view
from naba.errors import GraphError


def star_network(spokes: int, lonely: int = 0) -> nx.MultiDiGraph:
    """A hub that accuses ``spokes`` countries, each once (the first ten twice more), and
    ``lonely`` countries that only appear in the news."""
    graph = nx.MultiDiGraph(documents=spokes, statements=spokes)
    graph.add_node("hub", type="Organization", label_ar="المحور", label_en="Hub", mentions=99,
                   sector="")
    for k in range(spokes + lonely):
        graph.add_node(f"c{k:04d}", type="Country", label_ar=f"بلد {k}", label_en=f"Country {k}",
                       mentions=1, sector="")
    for k in range(spokes):
        weight = 3 if k < 10 else 1
        evidence = [{"sentence": f"جملة {k}", "document": f"d{k}", "url": "", "date": "2016-01-01",
                     "killed": None, "injured": None}] * weight
        graph.add_edge("hub", f"c{k:04d}", key="accuses", relation="accuses", mode="Asserted",
                       weight=weight, cameo="112", killed=0, injured=0, evidence=evidence,
                       documents=[f"d{k}"], dates=["2016-01-01"])
    return graph


def test_entities_with_no_relation_are_left_out_unless_asked():
    graph = star_network(5, lonely=3)
    held, notes = select_view(graph)
    assert held.number_of_nodes() == 6
    assert "3 entities with no relation left out (--isolated keeps them)" in notes
    kept, _ = select_view(graph, isolated=True)
    assert kept.number_of_nodes() == 9


def test_past_the_threshold_the_page_opens_on_the_most_connected():
    held, _ = select_view(star_network(400))
    layout = layout_view(held)
    assert (layout.top, layout.named) == (DEFAULT_TOP, 401)
    assert layout.order[:11] == ["hub"] + [f"c{k:04d}" for k in range(10)]  # by statements
    assert set(layout.positions) == set(held)  # the page holds them all


def test_a_small_graph_is_shown_whole_and_top_narrows_it():
    held, _ = select_view(star_network(40))
    assert layout_view(held).top == 41
    assert layout_view(held, top=5).top == 5


def test_sizes_are_scaled_within_what_is_shown():
    held, _ = select_view(star_network(400))
    radii = layout_view(held).radii
    assert radii["hub"] == MAX_RADIUS  # 410 statements: the largest shown, not 8 + 6·√410
    assert radii["c0000"] < radii["hub"] and radii["c0399"] >= MIN_RADIUS
    assert max(radii.values()) <= MAX_RADIUS


def test_the_same_graph_gives_the_same_positions_and_disks_apart():
    held, _ = select_view(star_network(400))
    first, second = layout_view(held), layout_view(held)
    assert first.positions == second.positions
    shown = {n: first.positions[n] for n in first.order[:first.top]}
    assert overlap_fraction(shown, first.radii) == 0.0


def test_the_view_says_what_it_opens_on(tmp_path):
    message = write_view(star_network(400), tmp_path / "v.html")
    assert "300 of 401 entities shown" in message
    assert "showing the 300 most connected of 401 entities" in message


def test_a_top_below_one_is_refused(tmp_path):
    with pytest.raises(GraphError, match="--top must be a positive number of nodes, not 0"):
        write_view(star_network(3), tmp_path / "v.html", top=0)
