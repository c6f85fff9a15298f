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


@pytest.mark.parametrize("text, key", [
    # towns of one state: its ministries, however the article names them
    ("وافتتح المحافظ طريقا جديدا بين جدة والطائف. وقالت وزارة النقل إن الطريق يخدم مكة.",
     "saudi-transport-ministry"),
    ("وزار الوفد أسوان والأقصر. وأعلنت وزارة الصحة في بيان أن المستشفى افتتح في الجيزة.",
     "egyptian-health-ministry"),
    # a body under في and a place: that place's state, whatever the article's
    ("وقال مسؤول تركي في أنقرة إن وزارة المالية في اليونان ردت على الطلب التركي.",
     "greek-finance-ministry"),
    # a keep-word, then the state: الاستخبارات المركزية الأمريكية
    ("وقال ضابط سابق في الاستخبارات المركزية الأمريكية إن طهران تراقب الخليج.",
     "cia"),
    ("ورد المسلحون في ديار بكر بهجمات ضد السلطات المركزية في أنقرة وإسطنبول.",
     "turkish-authorities"),
])
def test_a_bare_body_of_a_state_takes_the_state_the_article_makes_clear(mentioned, text, key):
    assert key in mentioned(text)


@pytest.mark.parametrize("text", [
    # two states named as often: the ministry is neither's
    "واتفقت مصر والسعودية على مشروع الربط. وقالت وزارة النقل إن المشروع يبدأ العام المقبل.",
    # the same with an army: none of them
    "وقصفت تركيا مواقع في سوريا. وقال الجيش إن الغارات أصابت أهدافها.",
])
def test_a_bare_body_is_no_states_when_none_dominates_the_article(mentioned, text):
    found = mentioned(text)
    assert not any(k.endswith(("-transport-ministry", "-armed-forces")) for k in found)


def test_a_bare_army_under_fi_is_not_the_places_army(mentioned):
    # Russian forces in Syria are not the Syrian army: في gives no army its state
    found = mentioned("وقالت موسكو إن الجيش في سوريا يحمي القاعدة. وأكدت روسيا أن الجيش باق.")
    assert "syrian-army" not in found and "syrian-armed-forces" not in found


@pytest.mark.parametrize("text, key", [
    # a body that ends a person's title is that person's state's, not the article's
    (("وهنأ ولي العهد الأمير محمد بن نايف نائب رئيس مجلس الوزراء الرئيس التونسي. "
      "وزار تونس وفد من تونس لبحث التعاون مع تونس."), "saudi-council-of-ministers"),
])
def test_a_body_in_a_persons_title_is_the_holders_state(mentioned, text, key):
    assert key in mentioned(text)


def test_a_word_of_time_after_a_bare_body_keeps_it_the_articles(mentioned):
    found = mentioned("وفي أنقرة هاجم مسلحون سيارة للشرطة الليلة قرب إسطنبول في تركيا.")
    assert "turkish-police" in found


def test_an_adjective_of_time_or_public_after_a_bare_regime_says_another_sense(mentioned):
    found = mentioned("وفي القاهرة قال الوزير إن الإخلال بالنظام العام في مصر مرفوض.")
    assert "egyptian-government" not in found


@pytest.mark.parametrize("text, date, key, present", [
    # the people in a state's offices count for it: two mentions of its president
    (("وزار الرئيس عبد الفتاح السيسي الرياض. وقال السيسي في القاهرة إن وزارة الصحة ستفتتح "
      "مستشفى جديدا."),
     "2016-03-01", "egyptian-health-ministry", True),
    # a leader long out of office does not: no state dominates
    ("وذكر تقرير عن ياسر عرفات وياسر عرفات أن النيابة العامة في باريس أغلقت الملف في فرنسا.",
     "2015-07-22", "palestinian-public-prosecution", False),
])
def test_people_in_office_count_for_the_state_of_a_bare_body(
        mentioned, text, date, key, present):
    assert (key in mentioned(text, date)) is present


def test_the_recognised_government_is_the_articles_states(mentioned):
    found = mentioned("وفي طرابلس وبنغازي قاتلت قوات موالية للحكومة المعترف بها دوليا في ليبيا.")
    assert "libyan-government" in found
