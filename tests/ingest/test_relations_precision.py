"""Relations that must not come out of look-alike structures: where an act happened is not
whom it hit, a word in another sense is no trigger, a phrase inside another is not its agent."""
import pytest


def test_whom_an_attack_hit_named_by_kind_is_its_target_not_the_place(read):
    doc = read("قتلت المعارضة السورية عشرة جنود في مدينة حماة.")
    kinds = {e.key: e.sector for e in doc.entities if e.type == "GenericActor"}
    strikes = [(r.agent, kinds.get(r.target, r.target), r.places) for r in doc.relations
               if r.predicate == "strikes"]
    assert strikes == [("syrian-opposition", "military", ("hama",))]


def test_an_attack_on_a_place_still_strikes_the_place(relations):
    assert ("syrian-army", "strikes", "hama") in relations("قصفت قوات النظام السوري مدينة حماة.")


def test_a_noun_deep_in_a_construct_does_not_take_the_verb_of_its_head(relations):
    assert relations("تعيش قوات النظام السوري على وقع صدمة تحرير مدينة حماة.") == set()


def test_an_operation_passes_its_verb_to_the_act_it_names(relations):
    assert ("syrian-army", "strikes", "hama") in relations(
        "بدأت قوات النظام السوري عملية تحرير مدينة حماة.")


def test_who_faces_an_attack_in_a_relative_clause_did_not_make_it(relations):
    assert relations("وتتواصل الهجمات في سيناء التي يتصدى لها الجيش المصري.") == set()


def test_who_carries_out_an_attack_in_a_relative_clause_made_it(relations):
    assert ("isis", "strikes", "haditha") in relations(
        "وأدى الهجوم الذي قام به تنظيم داعش على مدينة حديثة إلى نزوح السكان.")


def test_with_support_does_not_help_a_phrase_under_a_preposition(relations):
    assert relations("وعاد السكان إلى المدينة بعد تحريرها من تنظيم داعش وجبهة النصرة بدعم من "
                     "التحالف الدولي.") == set()


@pytest.mark.parametrize("text, expected", [
    ("وقامت روسيا بدعم النظام السوري.", ("russia", "supports", "syrian-government")),
    ("وأكدت الولايات المتحدة التزامها بمساعدة الحكومة العراقية.", None),
])
def test_an_act_under_ba_that_a_verb_or_noun_takes_is_no_manner(relations, text, expected):
    found = relations(text)
    assert ("iraqi-government", "supports", "united-states") not in found
    assert ("syrian-government", "supports", "russia") not in found
    assert expected is None or expected in found


def test_with_support_as_a_manner_still_helps_the_subject(relations):
    assert ("russian-air-force", "supports", "syrian-army") in relations(
        "شنت القوات السورية بدعم جوي من الطيران الروسي هجمات على مواقع داعش.")


@pytest.mark.parametrize("text", [
    "وطردت مصر السفير التركي من القاهرة.",  # an expulsion of a diplomat
    "وضرب الرئيس مثلا على ذلك بالحرب في اليمن.",  # an example given
    "وقال الخبير إن إيران تحاول ضرب استقرار دول الخليج.",  # stability undermined
    "واحتلت الصين المركز الأول في قائمة الدول المصدرة.",  # a rank
])
def test_a_trigger_in_another_sense_is_silent(relations, text):
    assert relations(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("وطردت القوات العراقية تنظيم داعش من المدينة.", ("iraqi-armed-forces", "strikes", "isis")),
    ("واحتلت تركيا شمال قبرص عام 1974.", ("turkey", "strikes", "cyprus")),
])
def test_the_same_triggers_in_their_sense_of_force_still_strike(relations, text, expected):
    assert expected in relations(text)


def test_a_clause_in_brackets_is_an_aside(relations):
    assert relations("ووجه حزب الدعوة في بيان له (حصلت قناة الجزيرة على نسخة منه) انتقادات "
                     "لرئيس الوزراء حيدر العبادي.") == {
        ("islamic-dawa-party", "accuses", "haider-al-abadi")}
    assert relations("وأشار السفير إلى دور البنك (بنك تشارك فيه دول مثل السعودية والكويت) "
                     "في مساندة الصين.") == set()


def test_a_phrase_of_means_belongs_to_the_act_just_before_it(relations):
    assert relations("وتمكنت الأجهزة الأمنية من تحديد هوية مرتكب الجريمة بتفجير نفسه في مسجد "
                     "في منطقة عسير.") == set()
    assert ("isis", "strikes", "syrian-army") in relations(
        "تمكن تنظيم داعش من السيطرة على أجزاء من المدينة عبر سلسلة هجمات على مواقع لقوات "
        "النظام السوري.")


def test_a_verb_after_an_attack_and_its_author_tells_of_the_attack(relations):
    found = relations("وشهدت صنعاء هجوما للمقاومة الشعبية استهدف نقطة تفتيش تابعة للحوثيين.")
    assert ("houthis", "strikes", "sanaa") not in found
    assert not any(agent == "houthis" for agent, _, _ in found)


def test_a_kidnapped_man_followed_by_his_title_is_no_attacker(relations):
    found = relations("واستنكرت الفرقة قيام عناصر من جبهة النصرة بخطف العقيد سامر الخطيب قائد "
                      "الفرقة في ريف حلب.")
    assert not any(agent.startswith("person-") for agent, _, _ in found)
    assert ("houthis", "strikes", "mahmoud-al-subaihi") in relations(
        "وأدانت الحكومة اختطاف الحوثيين الوزير محمود الصبيحي قائد المنطقة.")


def test_the_phrase_after_a_condemned_act_is_its_object_not_the_accused(relations):
    found = relations("وندد المجلس باختطاف تنظيم داعش الصحفي سامر الخطيب في الموصل.")
    assert ("isis", "strikes", "person-samr-alkhtib") in found
    assert not any(agent.startswith("person-") for agent, _, _ in found)
    assert ("vladimir-putin", "accuses", "turkey") in relations("واتهم بوتين تركيا بدعم داعش.")


@pytest.mark.parametrize("text", [
    "وأدانت تركيا اغتيال الرئيس بشار الأسد.",
    "واستنكرت تركيا مقتل الرئيس بشار الأسد.",
    "وأدانت تركيا اختطاف الرئيس بشار الأسد.",
])
def test_whom_a_condemned_killing_befell_is_not_the_accused(relations, text):
    assert ("turkey", "accuses", "bashar-al-assad") not in relations(text)


def test_whose_condemned_words_or_strikes_is_still_the_accused(relations):
    assert ("turkey", "accuses", "bashar-al-assad") in relations(
        "وأدانت تركيا تصريحات الرئيس بشار الأسد.")
    assert ("turkey", "accuses", "israel") in relations("وأدانت تركيا قصف إسرائيل لغزة.")


def test_where_guns_fire_from_is_not_what_they_hit(relations):
    assert ("houthis", "strikes", "thabat") not in relations(
        "وقصف الحوثيون بالدبابات من منطقة ثعبات مبنى الاتصالات.")
    assert ("houthis", "strikes", "jizan") in relations("وأطلق الحوثيون قذائف من اليمن على جازان.")
    assert any(target == "al-harth" for _, _, target in relations(
        "واستهدفت الغارات قرى من محافظة الحرث."))


def test_where_a_victim_lives_is_not_where_he_was_shot(read):
    doc = read("واستشهد شاب فلسطيني من سكان مخيم الجلزون وسط الضفة الغربية برصاص الجيش "
               "الإسرائيلي خلال مواجهات في مدينة الخليل.")
    assert not any("west-bank" in (r.target, *r.places) for r in doc.relations)
    assert any("west-bank" in (r.target, *r.places) for r in read(
        "واستشهد شاب فلسطيني برصاص الجيش الإسرائيلي خلال مواجهات وسط الضفة الغربية.").relations)


def test_what_a_hill_overlooks_is_not_what_was_taken(relations):
    assert ("syrian-opposition", "strikes", "mezzeh-airbase") not in relations(
        "وسيطرت المعارضة السورية على تلة تطل على مطار المزة العسكري.")
    assert ("syrian-opposition", "strikes", "mezzeh-airbase") in relations(
        "وسيطرت المعارضة السورية على مطار المزة العسكري.")


@pytest.mark.parametrize("text", [
    "أسقطت المحكمة الأمريكية التهم عن وزير الخارجية الإيراني.",
    "وأسقطت عنه الحكومة التركية الجنسية عام 1990.",
    "وكانت الوزارة قد أسقطت هذه الأسماء من القوائم.",
])
def test_dropping_charges_or_names_is_no_strike(read, text):
    assert not any(r.predicate == "strikes" for r in read(text).relations)


@pytest.mark.parametrize("text, expected", [
    ("أسقطت الدفاعات الجوية السورية طائرة تركية فوق اللاذقية.",
     ("syrian-air-defense", "strikes", "turkey")),
    ("أسقطت الطائرات الروسية قنابل على إدلب.", ("russian-air-force", "strikes", "idlib")),
])
def test_shooting_down_a_plane_or_dropping_bombs_is_a_strike(relations, text, expected):
    assert expected in relations(text)


def test_a_feminine_participle_after_a_masculine_state_describes_the_phrase_before(relations):
    found = relations("وقاتلت جماعة الحوثي في اليمن المدعومة من إيران القوات الحكومية.")
    assert ("iran", "supports", "houthis") in found
    assert ("iran", "supports", "yemen") not in found
    assert ("iran", "supports", "lebanon") not in relations(
        "ونشطت حركة أمل في لبنان الموالية لإيران.")


def test_a_participle_that_agrees_with_the_place_still_describes_it(relations):
    assert ("iran", "supports", "yemen") in relations("وقاتل الحوثيون في اليمن المدعوم من إيران.")
    assert ("russia", "supports", "syrian-army") in relations(
        "وتقدم الجيش السوري المدعوم من روسيا في ريف حلب.")


def named_strikes(found: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    return {r for r in found if r[1] == "strikes" and not r[0].startswith("generic-")}


@pytest.mark.parametrize("text", [
    "لقي خمسة من مسلحي داعش مصرعهم في المعارك الدائرة في محافظة الرقة.",
    "أصيب ثلاثة جنود أتراك في هجوم بسيارة مفخخة في مدينة ماردين.",
    "وفي عدن لقي ثلاثة حوثيين مصرعهم في هجوم بقذائف الهاون استهدف منزل قيادي حوثي.",
])
def test_who_dies_or_is_wounded_in_an_attack_did_not_make_it(relations, text):
    assert named_strikes(relations(text)) == set()


def test_who_dies_in_an_attack_of_a_named_author_is_its_target(relations):
    assert ("international-coalition", "strikes", "isis") in relations(
        "لقي عناصر من داعش مصرعهم في غارة للتحالف الدولي قرب الرقة.")


@pytest.mark.parametrize("text", [
    "شهدت المملكة العربية السعودية تفجيرا انتحاريا في مدينة أبها.",
    ("وكانت العاصمة اليمنية شهدت، مساء الأحد، انفجارا بعبوة ناسفة واستهدف قياديا حوثيا في حي "
     "الحصبة."),
])
def test_the_place_that_witnessed_an_attack_did_not_make_it(relations, text):
    assert named_strikes(relations(text)) == set()


def test_a_fight_a_place_witnessed_is_still_between_its_sides(relations):
    assert ("syrian-army", "strikes", "isis") in relations(
        "شهدت مدينة دير الزور اشتباكات عنيفة بين الجيش السوري وتنظيم داعش.")


def test_names_side_by_side_after_an_explosion_are_no_parties(relations):
    assert relations("صور انفجار لبنان بيروت") == set()


def test_what_an_explosion_went_off_at_is_still_its_target(read):
    assert any(r.target == "turkish-armed-forces" for r in read(
        "أسفر انفجار عبوة ناسفة على دورية للجيش التركي عن مقتل جنديين.").relations)


def test_the_site_an_explosion_went_off_at_is_its_target_a_state_only_where(read):
    hit = {r.target for r in read("وقتل خمسة مصلين في انفجار مسجد النور بمدينة الدمام.").relations}
    assert any(t.startswith("site-") for t in hit)
    assert not read("وقتل خمسة أشخاص في انفجار سوريا أمس.").relations


@pytest.mark.parametrize("text, wrong", [
    # a clause's own subject, named or not, blocks the subject of the sentence before
    (("وقال وزير الخارجية التركي مولود جاويش أوغلو إن بلاده مستعدة. المسلحون العشائريون في ريف "
      "دير الزور يهاجمون داعش منذ أشهر."), ("mevlut-cavusoglu", "accuses", "isis")),
    # a plural verb does not take one person carried from the clause before
    ("وساند علي عبد الله صالح المتمردين الحوثيين حين اقتحموا مدينة عمران.",
     ("ali-abdullah-saleh", "strikes", "amran")),
    # an indefinite subject ends before the possessed noun it governs, whose pronoun is its own
    ("فيما رحبت الحكومة العراقية بالمطالب، أعلن متظاهرون دعمهم لرئيس الوزراء حيدر العبادي.",
     ("iraqi-government", "supports", "haider-al-abadi")),
    # the group that claims an attack in its own clause claims it, not a party named before
    (("وعزت السلطات التفجيرات إلى حزب العمال الكردستاني، فيما تبنى فصيل متطرف صغير هجوما على "
      "السفارة الأمريكية في أنقرة."), ("kurdistan-workers-party", "strikes", "us-embassy")),
])
def test_an_act_is_not_given_to_a_party_another_clause_names(relations, text, wrong):
    assert wrong not in relations(text, "2015-08-01")


@pytest.mark.parametrize("text, right", [
    # a dropped singular subject is still carried, and a plural one from a group
    (("وقال وزير الخارجية التركي مولود جاويش أوغلو إن بلاده مستعدة. وأضاف أن إيران تدعم "
      "الحوثيين."), ("iran", "supports", "houthis")),
    ("واتهم الحوثيون السعودية بالعدوان، وقالوا إنهم قصفوا مدينة نجران.",
     ("houthis", "strikes", "najran")),
    # a claimer named in the claiming clause keeps the attack
    ("وتبنت حركة طالبان الهجوم الذي استهدف مطار كابول.", ("taliban", "strikes", "kabul")),
])
def test_an_act_keeps_the_party_its_own_clause_carries(relations, text, right):
    assert right in relations(text, "2015-08-01")


def test_a_plural_verb_whose_party_goes_untold_has_no_unidentified_author(relations):
    # "they" take up a party the sentence names, not an unknown attacker
    text = "وساند علي عبد الله صالح المتمردين الحوثيين حين اقتحموا مدينة عمران."
    assert not {r for r in relations(text, "2015-08-01") if r[1] == "strikes"}


@pytest.mark.parametrize("text", [
    "وبحث الوزيران تداعيات الحرب السورية على لبنان.",
    "وتناول اللقاء انعكاسات الغارات الإسرائيلية على لبنان.",
    "وحذر الوزير من عواقب التدخل التركي على العراق.",
])
def test_the_ala_phrase_after_a_noun_of_effect_is_what_the_effect_falls_on(relations, text):
    assert not any(p == "strikes" for _, p, _ in relations(text))


@pytest.mark.parametrize("text, expected", [
    ("وشنت الطائرات الإسرائيلية غارات على لبنان.", ("israeli-air-force", "strikes", "lebanon")),
    ("وأدان الوزير آثار الحرب، وشنت تركيا هجوما على العراق.", ("turkey", "strikes", "iraq")),
    ("وتحدث الوزير عن تداعيات الحرب التركية على تنظيم داعش.", ("turkey", "strikes", "isis")),
])
def test_an_act_on_its_own_keeps_its_ala_target(relations, text, expected):
    assert expected in relations(text)


@pytest.mark.parametrize("text", [
    "وقضت المحكمة بسجن رجل بعد إدانته بانضمامه لتنظيم داعش.",
    "وقضت المحكمة بسجن رجل بعد إدانته بالانضمام إلى جبهة النصرة.",
])
def test_the_party_inside_a_charge_is_not_the_one_condemned(relations, text):
    assert not any(p == "accuses" for _, p, _ in relations(text))


def test_the_party_a_condemnation_names_before_the_charge_is_its_target(relations):
    assert ("qatar", "accuses", "isis") in relations(
        "وجددت قطر إدانتها لتنظيم داعش بارتكاب جرائم في العراق.")


def test_the_town_a_battle_is_named_after_is_no_side_of_it(relations):
    assert not any(a == "libya" for a, _, _ in relations(
        "وقتل العشرات في معركة طرابلس العام الماضي."))
    assert ("syrian-army", "strikes", "nusra-front") in relations(
        "واندلعت معارك حلب بين الجيش السوري وجبهة النصرة.")


@pytest.mark.parametrize("text, wrong", [
    ("وبدأ الحوثيون هجومهم على المدن انطلاقا من معقلهم في محافظة صعدة.",
     ("houthis", "strikes", "saada")),
    ("وقصف الحوثيون مكتب الاتصالات بقذائف الدبابة المتمركزة في منطقة ثعبات.",
     ("houthis", "strikes", "thabat")),
])
def test_where_a_party_sets_out_from_or_its_arms_stand_is_not_where_it_hits(relations, text,
                                                                           wrong):
    assert wrong not in relations(text)


def test_where_the_targets_stand_and_a_target_before_the_origin_stay(read, relations):
    assert [r.places for r in read("وقصفت الطائرات السورية مواقع داعش المتمركزة في مدينة الرقة."
                                   ).relations] == [("raqqa",)]
    assert ("houthis", "strikes", "taiz") in relations(
        "وشن الحوثيون هجوما على مدينة تعز انطلاقا من مواقعهم.")


def test_a_direction_in_the_accusative_is_no_object(relations):
    found = relations("وتشن القوات العراقية وعشائر تقاتل إلى جانبها حملة جديدة ضد تنظيم داعش في "
                      "المنطقة المجاورة لسوريا غربا والأردن جنوبا.")
    assert ("iraqi-armed-forces", "strikes", "isis") in found
    assert ("iraqi-armed-forces", "strikes", "jordan") not in found
