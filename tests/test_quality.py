"""The seed corpus, built by the real CLI, scores above the bar against its gold annotations."""
import json
import subprocess
import sys

import pytest


@pytest.fixture(scope="module")
def seed_scores(shared_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("quality") / "seeds.ttl"
    subprocess.run([sys.executable, "-m", "naba.cli", "build", str(shared_dir / "corpus" / "seeds"),
                    "-o", str(out), "--quiet"], check=True, capture_output=True)
    scored = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), str(out),
                             str(shared_dir / "gold" / "seeds.json"), "--json"],
                            check=True, capture_output=True, text=True)
    return json.loads(scored.stdout.strip().splitlines()[-1])


def test_every_seed_document_is_in_the_graph(seed_scores):
    assert seed_scores["missing_documents"] == []


@pytest.mark.parametrize("kind, f1", [("entities", 0.90), ("relations", 0.80)])
def test_seed_extraction_meets_the_quality_bar(seed_scores, kind, f1):
    score = seed_scores[kind]
    assert score["f1"] >= f1, score
    assert score["p"] >= 0.75 and score["r"] >= 0.75, score
