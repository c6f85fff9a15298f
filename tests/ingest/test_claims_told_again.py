"""A claim that tells an attack again by a definite noun names the author of that attack."""


def _strikes(read, text):
    doc = read(text)
    kinds = {e.key: e.type for e in doc.entities}
    return {(r.agent if kinds.get(r.agent) != "Person" else "Person", r.target)
            for r in doc.relations if r.predicate == "strikes" and r.mode == "Asserted"}


_ATTACK = ("استهدف هجوم انتحاري كنيسة مار يوحنا في مدينة الموصل وخلف عشرة قتلى. وقال شهود إن "
           "الانفجار هز الحي بأكمله. وأضافوا أن سيارات الإسعاف نقلت الجرحى إلى المستشفى. ")


def test_a_definite_claim_two_sentences_on_names_the_author(read):
    found = _strikes(read, _ATTACK + "وتبنى تنظيم داعش الهجوم.")
    assert {a for a, t in found if t.endswith("knisa-mar-yuhna")} == {"isis"}


def test_an_indefinite_claim_names_another_attack(read):
    found = _strikes(read, _ATTACK + "وتبنى تنظيم داعش هجوما على حاجز في مدينة الرمادي.")
    assert "isis" not in {a for a, t in found if t.endswith("knisa-mar-yuhna")}


def test_the_man_the_text_names_and_the_group_that_claims_both_struck(read):
    found = _strikes(read, "فجر انتحاري حزامه الناسف في سوق بمدينة الموصل. وقالت الشرطة إن "
                           "الانتحاري يدعى خالد سعيد المري. وتبنى تنظيم داعش الهجوم.")
    assert {a for a, t in found if t == "mosul"} == {"Person", "isis"}


def test_a_claim_after_another_attack_told_anew_is_that_one(read):
    found = _strikes(read, _ATTACK.split(". ")[0] + ". ويأتي الهجوم بعد أسابيع من هجوم على سوق في مدينة الرمادي. "
                           "وتبنى تنظيم داعش الهجوم.")
    assert "isis" not in {a for a, t in found if t.endswith("knisa-mar-yuhna")}
