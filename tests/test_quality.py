"""The seed and dev corpora, built by the real CLI, score above their bars against their gold
annotations (../shared: the five spec articles and 47 real ones)."""
import json
import subprocess
import sys

import pytest


def scores(shared_dir, tmp_path_factory, corpus: str) -> dict:
    out = tmp_path_factory.mktemp("quality") / f"{corpus}.ttl"
    subprocess.run([sys.executable, "-m", "naba.cli", "build", str(shared_dir / "corpus" / corpus),
                    "-o", str(out), "--quiet"], check=True, capture_output=True)
    scored = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), str(out),
                             str(shared_dir / "gold" / f"{corpus}.json"), "--json"],
                            check=True, capture_output=True, text=True)
    return json.loads(scored.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def seed_scores(shared_dir, tmp_path_factory):
    return scores(shared_dir, tmp_path_factory, "seeds")


@pytest.fixture(scope="module")
def dev_scores(shared_dir, tmp_path_factory):
    return scores(shared_dir, tmp_path_factory, "dev")


def test_every_seed_document_is_in_the_graph(seed_scores):
    assert seed_scores["missing_documents"] == []


@pytest.mark.parametrize("kind, f1", [("entities", 0.95), ("relations", 0.85)])
def test_seed_extraction_meets_the_quality_bar(seed_scores, kind, f1):
    score = seed_scores[kind]
    assert score["f1"] >= f1, score
    assert score["p"] >= 0.75 and score["r"] >= 0.75, score


# Real news: entities, relations and attack events hold the bars of issues #8 and #9 (entities
# F1 0.85; relations F1 0.65 with P 0.70; events F1 0.75, their place right 0.80, their toll
# 0.75) and, a little under it, the level reached on dev (README, "Quality"), so that it cannot
# fall back unseen.
@pytest.mark.parametrize("kind, f1, p", [("entities", 0.88, 0.93), ("relations", 0.72, 0.95),
                                         ("events", 0.82, 0.93)])
def test_dev_extraction_holds_its_level(dev_scores, kind, f1, p):
    score = dev_scores[kind]
    assert score["f1"] >= f1 and score["p"] >= p, score


@pytest.mark.parametrize("part, bar", [("place", 0.80), ("toll", 0.75)])
def test_dev_attack_events_have_their_place_and_toll(dev_scores, part, bar):
    assert dev_scores["events"][part] >= bar, dev_scores["events"]
