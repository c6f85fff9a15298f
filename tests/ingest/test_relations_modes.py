"""What a sentence does not assert: a question, an act its clause calls possible, a future
verb's act, what one is accused of; and who gives what another obtains, who a deposed leader
is, whose fighters a backer's are not. Sentences written for these tests."""
import pytest


@pytest.mark.parametrize("text", [
    "هل تقصف تركيا مواقع حزب العمال الكردستاني في العراق؟",
    "وتساءل الكاتب: هل دعمت قطر جماعة الإخوان المسلمين؟",
])
def test_an_act_a_question_asks_about_is_not_asserted(relations, text):
    assert relations(text) == set()


def test_an_act_told_before_a_question_or_in_its_answer_is_still_asserted(relations):
    assert ("turkey", "strikes", "kurdistan-workers-party") in relations(
        "وقصفت تركيا مواقع حزب العمال الكردستاني، فهل يرد الحزب؟")
    assert ("john-kerry", "meets", "iran") in relations(
        "وسئل الوزير: هل تتفاوضون مع إيران؟ فأجاب كيري: تفاوضنا مع إيران في الملف النووي.")


def test_an_attack_its_clause_calls_possible_is_not_asserted(relations):
    assert relations("وقال الوزير إن هجوما روسيا على فنلندا أو دول البلطيق ممكن.") == set()


def test_an_attack_its_clause_tells_as_done_is_asserted(relations):
    assert ("russia", "strikes", "finland") in relations(
        "وقال الوزير إن هجوما روسيا على فنلندا وقع أمس.")


@pytest.mark.parametrize("text", [
    "وتبني واشنطن علاقات مع قاسم سليماني المتهم بقتل الجنود الأمريكيين.",
    "وتحاور واشنطن قاسم سليماني المشتبه بتنفيذ هجمات على الجنود الأمريكيين.",
])
def test_what_a_man_is_accused_of_is_not_asserted(relations, text):
    assert not any(p == "strikes" for _, p, _ in relations(text))
    assert not any(p == "supports" for _, p, _ in relations(
        "وأفرجت الشرطة عن رجلين متهمين بمساعدة الحوثيين في صنعاء."))


def test_an_act_under_ba_after_another_word_keeps_its_agent(relations):
    assert ("united-states", "strikes", "isis") in relations(
        "وقامت الولايات المتحدة بقصف مواقع داعش في الرقة.")


def test_a_future_verb_of_extending_plans_the_campaign_it_governs(relations):
    assert relations("وأعلنت روسيا أنها ستمدد حملتها الجوية على داعش في سوريا.") == set()
    assert ("russia", "strikes", "isis") in relations(
        "ومددت روسيا حملتها الجوية على داعش في سوريا.")


def test_who_obtains_support_is_its_target(relations):
    found = relations("وحصل وزير الخارجية الأمريكي جون كيري على دعم موسكو في مجلس الأمن.")
    assert ("russia", "supports", "john-kerry") in found
    assert ("john-kerry", "supports", "russia") not in found


def test_the_deposed_president_is_the_one_named_not_the_holder(relations):
    found = relations("وجمدت تركيا أموال الرئيس اليمني المخلوع علي عبدالله صالح المتحالف مع "
                      "الحوثيين.", "2015-08-07")
    assert ("ali-abdullah-saleh", "supports", "houthis") in found
    assert ("abdrabbuh-mansur-hadi", "supports", "houthis") not in found


def test_a_name_that_begins_with_the_word_for_deposed_is_that_person(mentioned):
    assert "ali-abdullah-saleh" in mentioned(
        "وقاتلت القوات الموالية للرئيس اليمني المخلوع علي صالح في لودر.", "2015-07-31")


def test_the_president_of_the_year_is_still_the_holder(mentioned):
    assert "abdrabbuh-mansur-hadi" in mentioned("وزار الرئيس اليمني الرياض أمس.", "2015-08-07")
    assert "abdrabbuh-mansur-hadi" not in mentioned("وزار الرئيس اليمني المخلوع الرياض أمس.",
                                                    "2015-08-07")


def test_fighters_a_state_backs_are_not_that_state(relations):
    found = relations("وشنت جبهة النصرة هجوما على مقاتلين مدعومين من الغرب في المنطقة.")
    assert ("nusra-front", "strikes", "the-west") not in found
    assert ("nusra-front", "strikes", "free-syrian-army") in relations(
        "وشنت جبهة النصرة هجوما على مقاتلين تابعين للجيش الحر في المنطقة.")


def test_an_attack_whose_author_is_only_accused_still_took_place(read):
    doc = read("وأشاد القيادي بالمسلح المتهم بقتل أربعة من عناصر الجيش الأميركي في ولاية تينيسي.")
    assert [(r.target, r.mode) for r in doc.relations if r.predicate == "strikes"] == [
        ("us-armed-forces", "Asserted")]


@pytest.mark.parametrize("text, alleged", [
    ("واتهمت روسيا الولايات المتحدة بمساعدة جبهة النصرة.",
     ("united-states", "supports", "nusra-front")),
    ("وكانت أنقرة قد اتهمت دمشق بقصف مدينة حلب.", ("syria", "strikes", "aleppo")),
])
def test_what_an_accusation_says_the_accused_did_is_alleged(read, text, alleged):
    modes = {(r.agent, r.predicate, r.target): r.mode for r in read(text).relations}
    assert modes[alleged] == "Hypothetical"
    assert "Asserted" in {m for (_, p, _), m in modes.items() if p == "accuses"}


def test_support_a_verb_of_praise_governs_stays_asserted(relations):
    assert ("china", "supports", "syria") in relations("وأشادت روسيا بدعم الصين لسوريا.")


@pytest.mark.parametrize("text", [
    "ودمرت القوات سيارات مفخخة كان تنظيم داعش ينوي تفجيرها في مدينة الرمادي.",
    "وضبطت الشرطة عبوات كان تنظيم داعش يعتزم تفجيرها في سوق مدينة بغداد.",
])
def test_an_act_right_after_a_verb_of_intent_is_planned(relations, text):
    assert not any(a == "isis" for a, _, _ in relations(text))


def test_an_act_right_after_a_verb_of_going_on_stays_asserted(relations):
    assert ("syrian-air-force", "strikes", "raqqa") in relations(
        "واستمر قصف الطائرات السورية لمدينة الرقة.")
