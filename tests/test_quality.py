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


# Real news: entities hold issue #8's bar (F1 0.85) and events #9's (F1 0.75); relations are
# kept at the level reached so far (#8's bar, F1 0.65 with P 0.70, is not met yet, nor #9's
# place 0.80): README, "Quality".
@pytest.mark.parametrize("kind, f1, p", [("entities", 0.85, 0.90), ("relations", 0.50, 0.90),
                                         ("events", 0.75, 0.90)])
def test_dev_extraction_holds_its_level(dev_scores, kind, f1, p):
    score = dev_scores[kind]
    assert score["f1"] >= f1 and score["p"] >= p, score
