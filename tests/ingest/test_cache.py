"""What the lexicons and the morphology are made from, kept between runs (the YAML as JSON,
the tables and camel's database pickled): the same tables, never stale ones."""
import dataclasses
import json
import os
import shutil
import subprocess
import sys

import pytest

from ingest import ONTOLOGY_DIR
from ingest.cache import read_pickled, write_pickled
from ingest.lexicon import _REDUCERS, Lexicon, load_lexicon, name_key
from ingest.morphology import Morphology


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
    for path in (tmp_path / "cache").glob("lexicon-*.pickle"):
        path.unlink()  # else the tables are read back without the YAML
    for path in (tmp_path / "cache").glob("yaml-*.json"):
        path.write_text('{"truncated', encoding="utf-8")
    assert _tables(load_lexicon.__wrapped__(ontology)) == _tables(first)
    for path in (tmp_path / "cache").glob("yaml-*.json"):
        json.loads(path.read_text(encoding="utf-8"))


def _kept_lexicon(tmp_path):
    [path] = (tmp_path / "cache").glob("lexicon-*.pickle")
    return path


def test_the_tables_are_read_back_from_their_pickle(ontology, tmp_path):
    first = load_lexicon.__wrapped__(ontology)
    path = _kept_lexicon(tmp_path)
    kept = read_pickled(path, Lexicon)
    assert kept is not None and _tables(kept) == _tables(first) and first.digest
    kept.kinds["marker"] = "read from the pickle"
    write_pickled(path, kept, _REDUCERS)
    assert load_lexicon.__wrapped__(ontology).kinds["marker"] == "read from the pickle"


def test_a_truncated_pickle_of_the_tables_is_made_again(ontology, tmp_path):
    first = load_lexicon.__wrapped__(ontology)
    path = _kept_lexicon(tmp_path)
    path.write_bytes(path.read_bytes()[:100_000])
    assert read_pickled(path, Lexicon) is None
    assert _tables(load_lexicon.__wrapped__(ontology)) == _tables(first)
    assert _tables(read_pickled(path, Lexicon)) == _tables(first)


def test_tables_made_from_other_files_are_not_used(ontology, tmp_path):
    first = load_lexicon.__wrapped__(ontology)
    path = _kept_lexicon(tmp_path)
    other = read_pickled(path, Lexicon)
    other.digest, other.kinds["marker"] = "another lexicon", "stale"
    write_pickled(path, other, _REDUCERS)
    again = load_lexicon.__wrapped__(ontology)
    assert "marker" not in again.kinds and _tables(again) == _tables(first)


WORDS = ["وبالعراق", "سيتهمونها", "الاتهامات", "واشنطن", "2015", "كتبخانه", "ب"]


def _readings(morph: Morphology) -> list:
    return [(morph.analyze(w), morph.kinds(w), morph.trigger(w), morph.verb(w)) for w in WORDS]


def test_the_morphology_database_is_read_back_from_its_pickle(ontology, tmp_path):
    lexicon, cache = load_lexicon.__wrapped__(ontology), tmp_path / "morph"
    made = Morphology(lexicon, cache_dir=cache)
    [path] = cache.glob("morphology-*.pickle")
    assert _readings(Morphology(lexicon, cache_dir=cache)) == _readings(made)
    assert made.analyze("وبالعراق")[0].lex == "العراق"
    path.write_bytes(path.read_bytes()[:1000])  # damaged: parsed again and kept again
    assert _readings(Morphology(lexicon, cache_dir=cache)) == _readings(made)
    assert len(path.read_bytes()) > 1000


def test_a_lexicon_made_by_hand_has_its_database_parsed(ontology, tmp_path):
    lexicon = load_lexicon.__wrapped__(ontology)
    by_hand = dataclasses.replace(lexicon, digest="")
    cache = tmp_path / "morph"
    assert _readings(Morphology(by_hand, cache_dir=cache)) == _readings(
        Morphology(lexicon, cache_dir=tmp_path / "other"))
    assert not list(cache.glob("morphology-*.pickle"))


LOAD = """
import sys
from ingest.model import Article
from ingest.pipeline import analyze, resources
lexicon, morph = resources()
doc = analyze(Article("t", "قصفت طائرات روسية مدينة حلب في 3 آذار 2016.", date="2016-03-05"))
print(len(lexicon.entities), morph.analyze("وبالعراق")[0].lex, doc.relations[0].date,
      "yaml" in sys.modules)
"""


def test_a_start_with_everything_kept_does_not_import_pyyaml(tmp_path):
    """The second process reads every YAML file's data from the cache, the analysis's too."""
    env = {**os.environ, "NABA_CACHE": str(tmp_path)}
    first, second = (subprocess.run([sys.executable, "-c", LOAD], env=env, check=True,
                                    capture_output=True, text=True).stdout.split()
                     for _ in range(2))
    assert first[:3] == second[:3] and first[1:3] == ["العراق", "2016-03-03"]
    assert (first[3], second[3]) == ("True", "False")  # dates.yaml's months by number too
