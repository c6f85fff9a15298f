"""Bare institutions (الجيش، الشرطة، وزارة النقل): the state the article makes clear, or none."""
import pytest


@pytest.mark.parametrize("text, kind", [
    ("وزار الوفد المصري القاهرة وبحث العلاقات الخارجية للبلاد.", "-foreign-ministry"),
    ("وفي الإسكندرية تحدث الباحثون عن الكائنات البحرية في الشاطئ.", "-navy"),
    ("وتوسعت التجارة في دبي بفضل الأسواق الخارجية.", "-foreign-ministry"),
])
def test_a_head_shaped_as_an_adjective_of_the_noun_before_it_is_no_institution(
        mentioned, text, kind):
    assert not any(k.endswith(kind) for k in mentioned(text))


@pytest.mark.parametrize("text, key", [
    ("وفي القاهرة أعلنت الخارجية أن السفير عاد.", "egyptian-foreign-ministry"),
    ("وفي الإسكندرية أعلنت البحرية أن السفينة وصلت.", "egyptian-navy"),
    ("وفي القاهرة سلم الرجل نفسه إلى الشرطة.", "egyptian-police"),  # إلى: no definite noun
    ("وستذهب الأموال إلى السلطات البريطانية لحل الأزمة.", "british-authorities"),
])
def test_the_same_heads_after_a_verb_or_a_preposition_stay_institutions(mentioned, text, key):
    assert key in mentioned(text)
