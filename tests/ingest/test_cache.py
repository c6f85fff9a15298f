"""The lexicons' YAML kept as JSON between runs: the same tables, never stale ones."""
import dataclasses
import json
import shutil

import pytest

from ingest import ONTOLOGY_DIR
from ingest.lexicon import load_lexicon, name_key


@pytest.fixture()
def ontology(tmp_path, monkeypatch):
    monkeypatch.setenv("NABA_CACHE", str(tmp_path / "cache"))
    shutil.copytree(ONTOLOGY_DIR, tmp_path / "ontology")
    return tmp_path / "ontology"


def _tables(lexicon) -> dict:
    return {f.name: getattr(lexicon, f.name) for f in dataclasses.fields(lexicon)}


def test_a_second_load_from_the_kept_data_makes_the_same_lexicon(ontology, tmp_path):
    first = load_lexicon.__wrapped__(ontology)
    kept = sorted((tmp_path / "cache").glob("yaml-*.json"))
    assert len(kept) >= 10  # every file of data JSON can hold as it is
    assert _tables(load_lexicon.__wrapped__(ontology)) == _tables(first)


def test_an_edited_gazetteer_is_read_again(ontology):
    load_lexicon.__wrapped__(ontology)
    places = ontology / "gazetteer" / "places.yaml"
    places.write_text(places.read_text(encoding="utf-8")
                      + "- {id: wadi-test, ar: [وادي التجربة], en: Test Valley}\n",
                      encoding="utf-8")
    lexicon = load_lexicon.__wrapped__(ontology)
    assert "wadi-test" in lexicon.entities and name_key("وادي التجربة") in lexicon.phrases


def test_a_damaged_cache_file_is_made_again(ontology, tmp_path):
    first = load_lexicon.__wrapped__(ontology)
    for path in (tmp_path / "cache").glob("yaml-*.json"):
        path.write_text('{"truncated', encoding="utf-8")
    assert _tables(load_lexicon.__wrapped__(ontology)) == _tables(first)
    for path in (tmp_path / "cache").glob("yaml-*.json"):
        json.loads(path.read_text(encoding="utf-8"))
