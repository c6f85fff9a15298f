"""A fight between two sides (اشتباكات بين X وY، معارك مع X): each side strikes the other."""
import pytest

_SIDES = ("دارت اشتباكات عنيفة في ريف حلب الجنوبي بين هيئة تحرير الشام والفصائل المقاتلة من"
          " جهة، وقوات النظام والمسلحين الموالين له من جهة أخرى.")
# the same with من جهة set off by commas
_SIDES_COMMAS = ("تدور معارك بين الجيش اليمني والمقاومة الشعبية، من جهة، والحوثيين وقوات صالح،"
                 " من جهة أخرى، في محافظة تعز.")


@pytest.mark.parametrize("text, relation", [
    ("اندلعت اشتباكات عنيفة بين الجيش السوري وتنظيم داعش في ريف حلب.",
     ("syrian-army", "strikes", "isis")),
    ("تخوض القوات الحكومية معارك عنيفة مع مسلحي الحوثي في مدينة تعز.",
     ("yemeni-armed-forces", "strikes", "houthis")),
    # the sides, each listed before من جهة
    (_SIDES, ("syrian-opposition", "strikes", "syrian-army")),
    (_SIDES_COMMAS, ("yemeni-popular-resistance", "strikes", "houthis")),
    (_SIDES_COMMAS, ("yemeni-armed-forces", "strikes", "saleh-loyalist-forces")),
])
def test_one_side_of_a_fight_strikes_the_other(relations, text, relation):
    assert relation in relations(text)


@pytest.mark.parametrize("text, pair", [
    # allies: the sides are not said
    ("تواصلت الاشتباكات بين قوات النظام وحزب الله وقوات الدفاع الوطني في ريف حلب.",
     ("syrian-army", "hezbollah")),
    (_SIDES, ("hayat-tahrir-al-sham", "syrian-opposition")),
    (_SIDES_COMMAS, ("yemeni-armed-forces", "yemeni-popular-resistance")),
    # a coordinated subject is one side
    ("أكدت مصادر أن قوات الجيش والمقاومة الشعبية تخوض معارك عنيفة مع الحوثيين في مدينة تعز.",
     ("yemeni-armed-forces", "yemeni-popular-resistance")),
])
def test_allies_in_a_fight_do_not_strike_each_other(relations, text, pair):
    assert not {(a, t) for a, p, t in relations(text) if p == "strikes"} & {pair, pair[::-1]}


@pytest.mark.parametrize("text", [
    "احتدمت المعركة الانتخابية بين حزب العدالة والتنمية وحزب الشعب الجمهوري.",
    "اشتدت المعركة السياسية بين الحكومة والمعارضة في تركيا.",
    "تستمر المواجهات الكلامية بين واشنطن وموسكو.",
])
def test_a_contest_of_words_or_votes_is_no_fight(relations, text):
    assert not [r for r in relations(text) if r[1] == "strikes"]
