"""Where an attack happened: the places a strike's statement carries (target or nbo:place)."""
import pytest


@pytest.fixture(scope="module")
def where(read):
    def where(text: str) -> list[set[str]]:
        """For each asserted strike, its target and places together."""
        return [{r.target, *r.places} for r in read(text).relations
                if r.predicate == "strikes" and r.mode == "Asserted"]
    return where


@pytest.mark.parametrize("text, place", [
    ("قتل ثلاثة مدنيين في قصف مدفعي استهدف سوقا شعبيا بوسط مدينة حلب.", "aleppo"),
    ("شنت القوات الحكومية هجوما على مواقع المتمردين بجنوب عدن.", "aden"),
    ("شنت القوات الحكومية هجمات على مواقع المتمردين في حي الشيخ عثمان بشمال عدن.", "aden"),
])
def test_a_compass_word_under_ba_is_where_the_attack_was(where, text, place):
    assert any(place in found for found in where(text))


@pytest.mark.parametrize("text, place", [
    # the subject set apart by a comma, then the object and its places
    ("استعادت القوات الحكومية، صباح الأحد، السيطرة على مقر الشرطة بمنطقة المعلا في عدن.",
     "aden"),
    # a place set apart by a comma at the end of the clause
    ("قصفت الطائرات الروسية مواقع تابعة للمسلحين، في ريف حلب الشمالي.", "aleppo"),
])
def test_the_places_after_a_comma_that_opens_no_new_clause_are_the_attacks(where, text, place):
    assert any(place in found for found in where(text))


@pytest.mark.parametrize("text, place", [
    ("قصفت الطائرات الروسية مواقع للمسلحين، بحسب ناشطين في حلب.", "aleppo"),  # the source's
    ("قصفت الطائرات الروسية مواقع للمسلحين، إلى جانب مخازن أسلحة في حلب.", "aleppo"),
    ("قصفت الطائرات الروسية مواقع للمسلحين، حيث يقيم آلاف النازحين في حلب.", "aleppo"),
    ("قصفت الطائرات الروسية مواقع للمسلحين، وفي حادث آخر في حمص قتل شخصان.", "homs"),
])
def test_a_place_after_a_comma_that_belongs_to_something_else_is_not_the_attacks(
        where, text, place):
    found = where(text)
    assert found and not any(place in f for f in found)


def test_early_is_no_place(mentioned):
    """باكرا (early) reads as ب + أكرا; Accra wants a cue word (العاصمة الغانية أكرا)."""
    assert "accra" not in mentioned("اقتحم انتحاري باكرا صباح اليوم مركزا للشرطة.")
    assert "accra" in mentioned("وصل الوزير إلى العاصمة الغانية أكرا أمس.")


_FIRST = "قتل 12 شخصا على الأقل اليوم عندما هاجم انتحاريان سوقا شعبيا في شمال العراق. "


@pytest.mark.parametrize("then", [
    "وأسفر الهجوم الذي وقع في بلدة طوز خورماتو عن إصابة 40 شخصا.",
    "وقالت الشرطة إن الهجوم وقع في بلدة طوز خورماتو.",
])
def test_an_attack_told_in_a_state_takes_the_town_where_it_took_place_told_next(read, then):
    first = [r for r in read(_FIRST + then).relations if r.sentence == 0]
    assert first and all("tuz-khurmatu" in r.places for r in first)


def test_an_attack_told_in_a_city_takes_the_district_where_it_took_place_told_next(read):
    text = ("قتل عشرة أشخاص في هجوم تبنته حركة طالبان في ولاية قندوز. وقالت الشرطة إن الهجوم"
            " وقع في مقاطعة خان آباد.")
    first = [r for r in read(text).relations if r.sentence == 0]
    assert first and all("khan-abad" in r.places for r in first)


@pytest.mark.parametrize("then", [
    "ويأتي ذلك بعد أيام من الهجوم الذي وقع في مدينة حلب.",  # a town of another state
    "وقالت الشرطة إن اجتماع المحافظ جرى في بلدة طوز خورماتو.",  # no attack told again
])
def test_a_town_of_another_attack_or_state_is_not_taken(read, then):
    first = [r for r in read(_FIRST + then).relations if r.sentence == 0]
    assert first and all(r.places == ("iraq",) for r in first)


@pytest.mark.parametrize("text", [
    "استولى المتمردون الحوثيون على العاصمة صنعاء في يناير الماضي.",
    "استولى المتمردون الحوثيون على مناطق عدة من بينها العاصمة صنعاء في يناير الماضي.",
])
def test_the_capital_and_its_name_are_one_phrase(relations, text):
    assert ("houthis", "strikes", "sanaa") in relations(text)


def test_a_time_set_apart_does_not_cut_a_verb_from_the_act_it_governs(relations):
    """نجحت القوات الأحد، في استعادة …: the forces took the sites back, in Taiz."""
    text = "وكانت القوات اليمنية نجحت الأحد، في استعادة السيطرة على مواقع استراتيجية في محافظة تعز."
    assert ("yemeni-armed-forces", "strikes", "taiz") in relations(text)


@pytest.mark.parametrize("text, attack", [
    ("أعلنت مصادر رسمية وقوع انفجار سيارة مفخخة في محافظة دياربكر أسفر عن مقتل جنديين.", True),
    ("أعلنت مصادر رسمية وقوع انفجار عبوة ناسفة في محافظة دياربكر أسفر عن مقتل جنديين.", True),
    ("أعلنت مصادر رسمية وقوع انفجار شاحنة ملغومة في محافظة دياربكر أسفر عن مقتل جنديين.", True),
    ("أعلنت مصادر رسمية وقوع انفجار سيارة في محافظة دياربكر أسفر عن مقتل شخصين.", False),
])
def test_a_car_bomb_exploding_is_an_attack_a_car_exploding_is_not(where, text, attack):
    assert any("diyarbakir" in found for found in where(text)) == attack


def test_an_attack_attributed_from_another_clause_takes_its_place_from_the_sentence(where):
    text = ("وفي حادثة منفصلة نسبت إلى حزب العمال الكردستاني، قتل جندي تركي عندما انفجر لغم أرضي"
            " بينما كانت قافلة عسكرية تمر على طريق في مدينة مديات.")
    assert all("midyat" in found for found in where(text))


def test_an_attack_whose_clause_names_its_agent_keeps_to_its_own_places(where):
    text = ("قصفت الطائرات التركية مواقع لحزب العمال الكردستاني، بينما كانت قافلة عسكرية تمر على"
            " طريق في مدينة مديات.")
    found = where(text)
    assert found and not any("midyat" in f for f in found)


@pytest.mark.parametrize("text", [
    "وشنت طائرات التحالف غارات على مواقع المليشيات بجبهة مجزر.",
    "وشنت طائرات التحالف غارات على مواقع المليشيات في مأرب ومديرية مجزر.",
])
def test_a_place_cue_under_a_proclitic_still_cues_an_ambiguous_name(mentioned, text):
    assert "majzar" in mentioned(text)


def test_what_a_noun_of_undergoing_governs_is_the_target_of_the_attack_under_la(relations):
    """تعرض مبنى الحزب بإسطنبول لاعتداء: the party's building underwent an attack."""
    text = ("وعلق الوزير على تعرض مبنى فرع حزب العدالة والتنمية بإسطنبول لاعتداء مسلح مساء أمس"
            " أسفر عن مقتل حارس.")  # a story of violence
    assert any(t == "akp" for _, p, t in relations(text) if p == "strikes")


_GAZA = "قصفت الطائرات الإسرائيلية موقعا تابعا لكتائب القسام في وسط قطاع غزة. "


@pytest.mark.parametrize("first, then, town", [
    (_GAZA, "وقالت مصادر أمنية إن طائرات الاحتلال قصفت موقعا لكتائب القسام في مخيم البريج.",
     True),
    (_GAZA, "وهاجمت حركة فتح موقعا لكتائب القسام في مخيم البريج.", False),  # another side
    ("قصفت الطائرات الإسرائيلية موقعا تابعا لكتائب القسام في مدينة خان يونس. ",  # a town
     "وقالت مصادر أمنية إن طائرات الاحتلال قصفت موقعا لكتائب القسام في مخيم البريج.", False),
])
def test_a_strike_told_again_next_by_the_same_side_gives_the_town_to_a_region(
        read, first, then, town):
    told = [r for r in read(first + then).relations if r.sentence == 0]
    assert told and all(("bureij" in r.places) == town for r in told)


def test_a_suicide_bomber_in_the_accusative_is_a_suicide_attacker(read):
    doc = read("قالت الشرطة إن انتحاريا هاجم مركزا للشرطة في كابل اليوم فقتل خمسة أشخاص.")
    kinds = {e.key: e.sector for e in doc.entities}
    assert any(kinds.get(r.agent) == "suicide-attacker" for r in doc.relations)


def test_a_suicide_bomber_who_blew_himself_up_is_an_attack_where_he_did(read):
    doc = read("وقالت الشرطة إن انتحاريا فجر نفسه في سوق شعبي في بغداد، ما أسفر عن مقتل 12 شخصا.")
    kinds = {e.key: e.sector for e in doc.entities}
    assert [(kinds.get(r.agent), r.target, r.killed) for r in doc.relations
            if r.predicate == "strikes"] == [("suicide-attacker", "baghdad", 12)]


def test_dawn_of_the_same_day_is_no_attack(read):
    doc = read("ووصل الوفد العسكري إلى بغداد فجر اليوم نفسه لبحث الهدنة بعد المعارك.")
    assert [r for r in doc.relations if r.predicate == "strikes"] == []


@pytest.mark.parametrize("text, agent, target", [
    # a speaker whose أنه would be the subject does not blow himself up
    ("وأعلنت الشرطة التركية أنه فجر نفسه في سوق شعبي في مدينة أضنة.", "suicide-attacker", "adana"),
    # on the border with a state: where it was, not that state hit
    ("وقالت الشرطة التركية إن انتحاريا فجر نفسه في مدينة أضنة على الحدود مع سوريا فقتل ثلاثة.",
     "suicide-attacker", "adana"),
])
def test_a_suicide_bomber_told_through_a_pronoun_or_on_a_border_is_placed_where_he_was(
        read, text, agent, target):
    doc = read(text)
    kinds = {e.key: e.sector for e in doc.entities}
    assert [(kinds.get(r.agent), r.target) for r in doc.relations
            if r.predicate == "strikes"] == [(agent, target)]


def test_an_attack_on_a_states_border_is_on_that_state(relations):
    assert ("iraq", "strikes", "kuwait") in relations("واعتدى العراق على الحدود الكويتية فجر الخميس.")


@pytest.mark.parametrize("text, place, listed", [
    # a comma and و after a positional phrase: the next place joins the في list
    ("طردت القوات الحكومية الحوثيين من مواقعهم في حي الشيخ عثمان المطل على منطقة المنصورة، وحي دار سعد.",
     "dar-saad", True),
    # no comma: it joins what the place overlooks, which is not where the act was
    ("طردت القوات الحكومية الحوثيين من مواقعهم في حي الشيخ عثمان المطل على منطقة المنصورة ودار سعد.",
     "dar-saad", False),
])
def test_a_place_listed_past_a_positional_phrase_and_a_comma_is_where_the_act_was(
        where, text, place, listed):
    assert any(place in found for found in where(text)) is listed


_IN_A_STATE = "شن مسلحو حزب العمال الكردستاني هجوما على مركز للشرطة التركية في تركيا اليوم. "
_IN_A_CITY = "شن مسلحو حزب العمال الكردستاني هجوما على مركز للشرطة التركية في مدينة ديار بكر اليوم. "
_DETAIL = "وقالت وكالة الأناضول إن انتحاريا اقتحم بسيارة مفخخة مركزا للشرطة في مدينة ماردين."


@pytest.mark.parametrize("text, refined", [
    (_IN_A_STATE + _DETAIL, True),  # told in a state, its detail next by an unnamed attacker
    (_IN_A_STATE + "وفي هجوم آخر، " + _DETAIL[1:], False),  # another incident
    (_IN_A_CITY + _DETAIL, False),  # told in a city already: the next is another
])
def test_an_attack_told_in_a_state_takes_the_town_of_its_detail_told_next(where, text, refined):
    assert ("mardin" in where(text)[0]) == refined


def test_what_an_attack_hit_after_a_comma_that_sets_apart_its_time_is_its_target(where):
    assert any("iraq" in found for found in where(
        "وتأتي الخطوة إثر الضربات الجوية التي شنها الجيش التركي الجمعة والسبت، على معسكرات "
        "للمتمردين في شمال العراق."))


@pytest.mark.parametrize("text", [
    "وأدان الوزير الغارات التي شنها الجيش التركي أمس، على لسان المتحدث باسم الحكومة العراقية.",
    "وأدان الوزير الغارات التي شنها الجيش التركي، على لسان المتحدث باسم الحكومة العراقية.",
])
def test_a_phrase_under_ala_after_a_comma_names_no_target_by_itself(relations, text):
    assert ("turkish-armed-forces", "strikes", "iraqi-government") not in relations(text)
