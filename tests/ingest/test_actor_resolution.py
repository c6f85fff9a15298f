"""Actors resolved to the entity the text means: not a state for its ethnic groups, the forces
loyal to someone as theirs, a generic head only to what it can name."""
import pytest


def test_an_ethnic_force_with_a_nationality_is_no_state(relations):
    found = relations("ودربت تركيا قوات تركمانية سورية قرب الحدود.")
    assert not any(target == "syria" for _, _, target in found)
    assert ("iran", "supports", "iraq") not in relations(
        "ودعمت إيران ميليشيات شيعية عراقية في المعارك.")


def test_a_force_with_only_a_nationality_is_still_that_state_s(relations):
    assert ("syrian-armed-forces", "strikes", "isis") in relations(
        "وهاجمت قوات سورية مواقع لداعش قرب الحدود.")


def test_forces_loyal_to_legitimacy_are_the_government_forces(relations):
    assert ("yemeni-government-forces", "strikes", "houthis") in relations(
        "وقصفت القوات الموالية للشرعية مواقع الحوثيين في تعز.")


@pytest.mark.parametrize("text, expected", [
    ("وقال العميد إن الجيش الموالي للرئيس عبد ربه تقدم نحو عدن.",
     {"yemeni-government-forces", "abdrabbuh-mansur-hadi"}),  # not Saleh: the president
    ("وانسحبت قوات الجيش الموالية للرئيس السابق علي عبد الله صالح من المدينة.",
     {"saleh-loyalist-forces", "ali-abdullah-saleh"}),
])
def test_the_army_loyal_to_a_president_named_by_his_first_names(mentioned, text, expected):
    assert set(mentioned("وتتواصل المعارك في اليمن. " + text)) - {"yemen", "aden"} == expected


def test_a_name_after_a_verb_with_an_object_pronoun_is_its_subject(relations):
    found = relations("وقال إن المقاومة الشعبية يساندها طيران التحالف العربي تقدمت نحو المدينة.")
    assert ("saudi-led-coalition", "supports", "yemeni-popular-resistance") in found
    assert ("yemeni-popular-resistance", "supports", "saudi-led-coalition") not in found


def test_a_noun_with_a_possessive_after_a_subject_keeps_it(relations):
    found = relations("وأعلنت الولايات المتحدة وتركيا عزمهما طرد تنظيم داعش من المنطقة.")
    assert not any(target in ("united-states", "turkey") for _, _, target in found)


@pytest.mark.parametrize("text, expected", [
    ("قاتلت جبهة النصرة الجيش في حلب. وقصفت الجبهة مواقع الجيش.", {"nusra-front"}),
    ("هاجم حزب العمال الكردستاني مواقع الجيش التركي. وتصنف تركيا الجبهة منظمة إرهابية.",
     set()),  # the front names none of the party's names
])
def test_the_front_is_a_group_whose_name_holds_front(read, text, expected):
    doc = read(text)
    assert {m.entity for m in doc.mentions if m.surface == "الجبهة"} == expected


def test_a_road_between_two_towns_names_no_fighting_side(relations):
    assert not relations("واندلعت مواجهات في مدينة إب القريبة من الطريق الرابط بين عدن وصنعاء.")
    assert ("houthis", "strikes", "yemeni-popular-resistance") in relations(
        "واندلعت مواجهات بين الحوثيين والمقاومة الشعبية في مدينة إب.")


@pytest.mark.parametrize("kind, expected", [
    ("مدينة", "al-dhale"),  # named as a city, though a province too
    ("محافظة", "lawdar"),  # a province: the city is the one named before
])
def test_the_city_is_one_named_as_a_city(relations, kind, expected):
    text = (f"واندلعت مواجهات في مدينة لودر. وتشهد أطراف {kind} الضالع مواجهات، حيث يحاول "
            "الحوثيون السيطرة على المدينة التي حررتها المقاومة الشعبية.")
    assert ("yemeni-popular-resistance", "strikes", expected) in relations(text)


def test_the_two_villages_after_two_named_are_not_the_town_of_that_name(mentioned):
    assert "qaryatayn" not in mentioned(
        "واندلعت اشتباكات في قريتي كفرنبل وسراقب، وسيطرت قوات النظام على القريتين.")
    assert "qaryatayn" in mentioned("وسيطرت قوات النظام على مدينة القريتين في ريف حمص.")


def test_an_apposition_of_a_place_is_no_subject(relations):
    found = relations("وأعلن داعش إكمال سيطرته على مدينة الموصل مركز محافظة نينوى.")
    assert ("isis", "strikes", "nineveh") not in found
    assert ("syrian-army", "strikes", "generic-unidentified-1") in relations(
        "وسيطرت على المدينة قوات النظام السوري بعد معارك.")  # a subject after the phrase
