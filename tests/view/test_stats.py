"""`naba stats`: the leaders of the small graph, worked out by hand from ``data/small.trig``.

Its statements: Lavrov accuses the United States (a1, a2), the United States accuses Russia
(a2), Russia strikes ISIS (a1), the Russian Ministry of Defense strikes ISIS (a3), Russia
supports Syria (a3), Lavrov meets Kerry, ISIS threatens Russia, Abu Hamza calls on Syria (a4),
and Syria cooperates with Russia (a direct edge with no statement). Peskov, Raqqa and Aleppo
are only mentioned: 11 nodes.
"""
from __future__ import annotations

import json

import networkx as nx
import pytest

from graph.stats import (
    BETWEENNESS_BUDGET,
    BETWEENNESS_MIN_SAMPLES,
    betweenness_sample,
    compute_stats,
    format_stats,
)
from naba.errors import GraphError

from .conftest import run_naba


def leaders(stats: dict, table: str) -> list[tuple[str, object]]:
    return [(row["key"], row["value"]) for row in stats["tables"][table]]


@pytest.fixture(scope="module")
def stats(small_trig) -> dict:
    return compute_stats(small_trig)


def test_counts_of_the_small_graph(stats):
    counts = (stats["nodes"], stats["edges"], stats["documents"], stats["statements"])
    assert counts == (11, 9, 4, 9)
    assert stats["betweenness_sample"] is None


def test_most_mentioned_counts_the_articles_that_mention_an_actor(stats):
    # Russia is in all four articles; ISIS and Lavrov in three (a tie, ranked by key)
    assert leaders(stats, "most_mentioned")[:5] == [
        ("russia", 4), ("isis", 3), ("sergei-lavrov", 3), ("syria", 2), ("united-states", 2)]


def test_accusations_made_and_received(stats):
    assert leaders(stats, "most_accusing") == [("sergei-lavrov", 2), ("united-states", 1)]
    assert leaders(stats, "most_accused") == [("united-states", 2), ("russia", 1)]


def test_most_struck_sums_the_strikes_on_a_target(stats):
    # Russia (a1) and its Ministry of Defense (a3) both strike ISIS
    assert leaders(stats, "most_struck") == [("isis", 2)]


def test_rows_carry_both_labels(stats):
    row = stats["tables"]["most_accusing"][0]
    assert row == {"key": "sergei-lavrov", "label_ar": "سيرغي لافروف",
                   "label_en": "Sergei Lavrov", "value": 2}


def test_pagerank_leads_with_russia_then_isis_and_syria_tied(stats):
    # ISIS and Syria send all their weight to Russia; each gets half of Russia's and the whole
    # of one actor nobody points at (the ministry, Abu Hamza): they are symmetric.
    top = leaders(stats, "pagerank")
    assert [key for key, _ in top[:3]] == ["russia", "isis", "syria"]
    assert top[1][1] == top[2][1] < top[0][1]
    assert sum(row["value"] for row in stats["tables"]["pagerank"]) <= 1.0


def test_betweenness_counts_shortest_paths_through_an_actor(stats):
    # Of the 10 × 9 ordered pairs, Russia is on every shortest path of 8 (US→ISIS, US→Syria,
    # ISIS→Syria, Syria→ISIS, ministry→Syria, Abu Hamza→ISIS, Lavrov→ISIS, Lavrov→Syria),
    # the United States on 3 (Lavrov→Russia, →ISIS, →Syria), ISIS and Syria on 2 each.
    paths = {"russia": 8, "united-states": 3, "isis": 2, "syria": 2}
    assert leaders(stats, "betweenness") == [(k, pytest.approx(n / 90, rel=1e-5))
                                             for k, n in paths.items()]


def test_top_limits_the_rows(small_trig):
    stats = compute_stats(small_trig, top=1)

    assert all(len(rows) <= 1 for rows in stats["tables"].values())
    assert leaders(stats, "most_mentioned") == [("russia", 4)]


def test_top_must_be_positive(small_trig):
    with pytest.raises(GraphError, match="--top must be a positive number of rows, not 0"):
        compute_stats(small_trig, top=0)


def test_betweenness_is_exact_within_the_budget_and_sampled_past_it():
    assert betweenness_sample(1000, 2000) is None  # 3M steps
    assert betweenness_sample(2000, 6000) == BETWEENNESS_BUDGET // 8000
    assert betweenness_sample(100_000, 300_000) == BETWEENNESS_MIN_SAMPLES


def test_sampled_betweenness_still_finds_the_nodes_in_between():
    # chains a → b → c: every middle node is between, and any other node is not
    graph = nx.MultiDiGraph()
    n = 1800  # 1,200 edges: 5.4M steps for exact betweenness
    for i in range(n):
        graph.add_node(f"n{i:04}", type="Person", label_ar=f"شخص {i}", label_en="", mentions=1)
    for i in range(0, n, 3):
        graph.add_edge(f"n{i:04}", f"n{i + 1:04}", key="accuses", relation="accuses", weight=1)
        graph.add_edge(f"n{i + 1:04}", f"n{i + 2:04}", key="meets", relation="meets", weight=1)

    stats = compute_stats(graph, top=5)

    assert stats["betweenness_sample"] == BETWEENNESS_BUDGET // (n + 1200)
    assert len(leaders(stats, "betweenness")) == 5
    assert all(int(key[1:]) % 3 == 1 for key, _ in leaders(stats, "betweenness"))
    assert leaders(stats, "most_accusing")[:2] == [("n0000", 1), ("n0003", 1)]


def test_table_has_headings_and_aligned_columns(stats):
    text = format_stats(stats)

    assert text.startswith("11 nodes, 9 edges from 4 documents (9 statements)")
    block = text.split("\n\n")[2]  # after the summary and the most mentioned
    lines = block.splitlines()
    assert lines[0] == "Most accusing (accusations made)"
    assert lines[2].split() == ["1", "2", "sergei-lavrov", "Sergei", "Lavrov", "سيرغي", "لافروف"]
    assert lines[1].index("key") == lines[2].index("sergei-lavrov") == lines[3].index(
        "united-states")
    assert "Most struck (strikes received)" in text and "Betweenness leaders" in text


def test_table_turns_control_characters_into_spaces():
    graph = nx.MultiDiGraph()
    graph.add_node("x", type="Person", label_ar="زيد\x1b[2J", label_en="Zaid\r", mentions=2)

    text = format_stats(compute_stats(graph))

    assert "\x1b" not in text and "\r" not in text and "زيد [2J" in text


def test_json_is_the_computed_stats(stats):
    assert json.loads(format_stats(stats, as_json=True)) == stats


def test_naba_stats_cli_prints_tables_and_json(small_trig):
    table = run_naba("stats", small_trig, "--top", "3")
    as_json = run_naba("stats", small_trig, "--json")

    assert table.returncode == 0, table.stderr
    assert "Most accused (accusations received)" in table.stdout and "روسيا" in table.stdout
    assert as_json.returncode == 0, as_json.stderr
    assert leaders(json.loads(as_json.stdout), "most_accusing") == [("sergei-lavrov", 2),
                                                                     ("united-states", 1)]


def test_naba_stats_cli_reports_a_missing_graph(tmp_path):
    result = run_naba("stats", tmp_path / "missing.nq")

    assert result.returncode == 2
    assert result.stderr.startswith("naba stats:") and "missing.nq" in result.stderr
