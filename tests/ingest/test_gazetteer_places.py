"""The state and place gazetteers are well-formed data: ids, links between files, Arabic forms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

GAZETTEER = Path(__file__).resolve().parents[2] / "ontology" / "gazetteer"
SLUG = re.compile(r"^[a-z0-9-]+$")
ARABIC = re.compile(r"[\u0621-\u064A]")
PLACE_KINDS = {"city", "governorate", "region", "sea", "base", "district", "border-crossing"}


def _load(name: str) -> list[dict]:
    with (GAZETTEER / name).open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@pytest.fixture(scope="module")
def countries() -> list[dict]:
    return _load("countries.yaml")


@pytest.fixture(scope="module")
def places() -> list[dict]:
    return _load("places.yaml")


def test_every_un_member_state_is_listed(countries):
    assert len(countries) >= 193 + 5  # plus Palestine, Holy See, Kosovo, Taiwan, Western Sahara


def test_every_state_has_names_adjectives_and_a_capital(countries):
    for country in countries:
        assert {"id", "en", "ar", "adj_en", "adj_ar", "capital"} <= country.keys(), country.get(
            "id"
        )
        assert country["ar"], country["id"]
        assert len(country["adj_ar"]) >= 2, f"{country['id']}: adj_ar needs masculine and feminine"
        assert {"id", "en", "ar"} <= country["capital"].keys(), country["id"]
        assert country["capital"]["ar"], country["id"]


def test_every_place_has_names_and_a_known_kind(places):
    for place in places:
        assert {"id", "en", "ar", "kind"} <= place.keys(), place.get("id")
        assert place["ar"], place["id"]
        assert place["kind"] in PLACE_KINDS, f"{place['id']}: kind {place['kind']!r}"


def test_ids_are_unique_slugs_across_countries_capitals_and_places(countries, places):
    ids = [c["id"] for c in countries] + [c["capital"]["id"] for c in countries]
    ids += [p["id"] for p in places]
    assert [i for i in ids if not SLUG.match(i)] == []
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


def test_every_place_belongs_to_a_known_state(countries, places):
    states = {c["id"] for c in countries}
    unknown = {
        p["id"]: p["country"]
        for p in places
        if p.get("country") is not None and p["country"] not in states
    }
    assert unknown == {}


def test_arabic_forms_are_arabic_and_adjectives_carry_no_article(countries, places):
    names = [a for c in countries for a in c["ar"] + c["adj_ar"] + c["capital"]["ar"]]
    names += [a for p in places for a in p["ar"]]
    assert [n for n in names if not ARABIC.search(n)] == []
    assert [a for c in countries for a in c["adj_ar"] if a.startswith("ال")] == []
    assert [a for c in countries for a in c.get("people_ar", []) if not a.startswith("ال")] == []


@pytest.mark.parametrize(
    ("arabic", "key"),
    [
        ("سورية", "syria"),
        ("أميركا", "united-states"),
        ("المملكة المتحدة", "united-kingdom"),
        ("دولة الإمارات", "united-arab-emirates"),
        ("كوريا الشمالية", "north-korea"),
    ],
)
def test_spelling_variants_used_in_news_name_the_state(countries, arabic, key):
    assert key in {c["id"] for c in countries if arabic in c["ar"]}


def test_a_feminine_adjective_is_not_listed_as_a_name(countries):
    russia = next(c for c in countries if c["id"] == "russia")
    assert "روسية" not in russia["ar"] and "روسية" in russia["adj_ar"]


def test_capitals_are_not_repeated_as_places(countries, places):
    capitals = {c["capital"]["en"] for c in countries}
    assert [p["id"] for p in places if p["en"] in capitals] == []


@pytest.mark.parametrize("key", ["tyre", "al-bab", "hama", "mayadin", "hit", "asir", "nihm", "haradh",
                                 "al-bayda", "amran", "hajjah"])
def test_places_named_like_common_words_are_flagged_ambiguous(places, key):
    assert next(p for p in places if p["id"] == key).get("ambiguous") in (True, "noun")


@pytest.mark.parametrize("key", ["ibb", "khobar", "al-wajh", "balad"])
def test_places_named_like_frequent_words_need_a_cue_even_after_a_preposition(places, key):
    assert next(p for p in places if p["id"] == key).get("ambiguous") == "cue"


def test_a_flagged_place_lists_no_cue_and_name_form():
    """The cue (مدينة الباب) already reads a flagged name; listed as a name of its own, the long
    form would itself wait for a cue and hide the place."""
    with (GAZETTEER.parent / "lexicon" / "grammar.yaml").open(encoding="utf-8") as f:
        grammar = yaml.safe_load(f)
    cues = set(grammar["place_cues"]) | set(grammar["org_cues"])
    places = _load("places.yaml")
    assert [(p["id"], n) for p in places if p.get("ambiguous") for n in p["ar"]
            if len(n.split()) > 1 and n.split()[0] in cues] == []


@pytest.mark.parametrize(("arabic", "key"), [
    ("خور مكسر", "khor-maksar"), ("مديرية البريقة", "buraiqa-aden"), ("عسير", "asir"),
    ("الحرث", "al-harth"), ("المقدادية", "muqdadiyah"), ("رفح المصرية", "rafah-egypt"),
    ("مخيم بلاطة", "balata-camp"), ("عرسال", "arsal"), ("ننكرهار", "nangarhar"),
    ("مطار تفتناز العسكري", "taftanaz-airbase"), ("سيلوبي", "silopi"), ("الدمازين", "ed-damazin"),
])
def test_places_of_the_regions_at_war_are_listed(places, arabic, key):
    assert key in {p["id"] for p in places if arabic in p["ar"]}


def test_a_name_that_normalizes_like_a_common_word_is_listed_only_in_a_long_form(places):
    # عنة (Anah) normalizes like عنه "about him"; بيتا (Beita) is "a house"
    names = {n for p in places for n in p["ar"]}
    assert not {"عنة", "بيتا", "يزد"} & names
    assert {"قضاء عنة", "بلدة بيتا", "مدينة يزد"} <= names
