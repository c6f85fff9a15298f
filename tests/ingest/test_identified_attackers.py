"""An attack's author named by kind, then by name: the attack takes the man named."""
import pytest


def _strikes(read, text):
    doc = read(text)
    kinds = {e.key: e.type for e in doc.entities}
    return {(kinds.get(r.agent, "?"), r.target) for r in doc.relations
            if r.predicate == "strikes" and r.mode == "Asserted"}


@pytest.mark.parametrize("text, target", [
    # a word of naming after the noun of kind
    (("فجر انتحاري حزامه الناسف في سوق بمدينة الموصل. وقالت الشرطة إن الانتحاري يدعى خالد "
     "سعيد المري."), "mosul"),
    # the noun of kind, the attack noun, then هو
    (("هاجم مسلح حاجزا للشرطة في مدينة العريش، وأوضح المتحدث أن منفذ الهجوم هو المواطن سعد "
     "حمد الكعبي."), "egyptian-police"),  # the police's checkpoint stands for them
    # a nationality adjective between the noun of kind and the name
    (("فجر انتحاري حزامه الناسف في سوق بمدينة الرمادي. ونقلت سيارة الانتحاري الأردني يوسف بن "
     "سليمان عبدالله الرشيدي إلى السوق."), "ramadi"),
    # a verb of identifying and بأنه
    (("فجر انتحاري نفسه في سوق بمدينة الموصل، وهو الانتحاري الذي عرفته الشرطة بأنه الأردني "
     "يوسف بن سليمان عبدالله الرشيدي."), "mosul"),
])
def test_the_attack_takes_the_author_the_text_names(read, text, target):
    assert _strikes(read, text) == {("Person", target)}


@pytest.mark.parametrize("text", [
    # two men named as authors: which one did which is not told
    ("فجر انتحاري نفسه في سوق بمدينة الموصل. وقالت الشرطة إن الانتحاري يدعى خالد سعيد المري، "
     "وإن المهاجم يدعى سعد حمد الكعبي."),
    # a name after the noun of kind with nothing that says he is the one
    "وقال المتحدث باسم الشرطة عادل محمد الرشيدي إن انتحاريا فجر نفسه في سوق بمدينة الموصل.",
])
def test_no_author_is_taken_from_a_name_that_is_not_his(read, text):
    assert _strikes(read, text) == {("GenericActor", "mosul")}


def test_an_attack_told_apart_keeps_its_unnamed_author(read):
    text = ("هاجم مسلحون مجهولون حاجزا في مدينة الموصل. وفي حادث آخر، فجر انتحاري نفسه في مدينة "
            "الرمادي، وقالت الشرطة إن الانتحاري يدعى خالد سعيد المري.")
    assert _strikes(read, text) == {("GenericActor", "mosul"), ("Person", "ramadi")}


def test_who_identifies_the_author_accuses_him(read):
    doc = read("فجر انتحاري نفسه في سوق بمدينة الموصل، وهو الانتحاري الذي عرفته الشرطة العراقية "
               "بأنه الأردني يوسف بن سليمان عبدالله الرشيدي.")
    person = next(e.key for e in doc.entities if e.type == "Person")
    assert ("iraqi-police", "accuses", person) in {
        (r.agent, r.predicate, r.target) for r in doc.relations}


def test_who_identifies_a_man_not_named_as_an_author_accuses_no_one(read):
    doc = read("قتل شخصان في انفجار بسوق في مدينة الموصل، وأصيب رجل عرفته الشرطة العراقية بأنه "
               "الأردني يوسف بن سليمان عبدالله الرشيدي.")
    assert not [r for r in doc.relations if r.predicate == "accuses"]
