"""ingest.casualties: the death toll and the wounded a sentence states, in digits or words, by
side, at least, duals and singulars; vague counts and numbers that count something else give
nothing. Every sentence here is written for these tests."""
from __future__ import annotations

import shutil

import pytest

from ingest import ONTOLOGY_DIR
from ingest.casualties import Casualties, _lexicon, find_casualties
from ingest.normalize import tokenize
from naba.errors import OntologyError


def toll(sentence: str) -> tuple[int | None, int | None]:
    tokens = tokenize(sentence)
    return tuple(find_casualties(tokens, 0, len(tokens)))[:2]


@pytest.mark.parametrize("sentence, expected", [
    # digits, Arabic-Indic digits, thousands separators, a thousands word
    ("قتل 15 شخصا في انفجار سيارة مفخخة.", (15, None)),
    ("قتل ١٥ شخصا في انفجار سيارة مفخخة.", (15, None)),
    ("قتل 1,200 شخص في المجاعة والحرب.", (1200, None)),
    ("قتل 400 ألف شخص منذ عام 2011.", (400000, None)),
    # words: units, teens, tens with و, hundreds, thousands
    ("قتل ثلاثة أشخاص بالرصاص.", (3, None)),
    ("قتل أحد عشر جنديا في الكمين.", (11, None)),
    ("قتل ثلاثة عشر شخصا.", (13, None)),
    ("قتل خمسة وعشرون شخصا.", (25, None)),
    ("قتل خمسة و عشرين شخصا.", (25, None)),
    ("قتل مئة وخمسون شخصا.", (150, None)),
    ("قتل ثلاث مئة وخمسون شخصا.", (350, None)),
    ("قتل ثلاثمائة شخص.", (300, None)),
    ("قتل ثلاثة آلاف شخص.", (3000, None)),
    ("قتل أكثر من ألفي شخص.", (2000, None)),
    ("قتل اثنان من المسلحين.", (2, None)),
])
def test_a_toll_in_digits_or_words(sentence, expected):
    assert toll(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("قتل ما لا يقل عن 40 شخصا.", (40, None)),
    ("قتل 40 شخصا على الأقل وأصيب أكثر من 200 آخرين.", (40, 200)),
    ("قتل نحو 30 مسلحا في المعارك.", (30, None)),
    ("أصيب حوالي عشرين متظاهرا.", (None, 20)),
    ("لقي ما يزيد على مئة شخص حتفهم.", (100, None)),
])
def test_at_least_more_than_and_about_give_the_number(sentence, expected):
    assert toll(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("قتل جندي وثمانية مسلحين.", (9, None)),
    ("مقتل 5 جنود و10 مسلحين في اشتباكات.", (15, None)),
    ("مقتل 5 جنود و 10 مسلحين.", (15, None)),
    ("قتل خمسة جنود أتراك وعشرة مسلحين أكراد.", (15, None)),
    ("قتل 3 من الجنود و5 من المسلحين.", (8, None)),
    ("قتل طفلان وامرأة.", (3, None)),
    ("قتل 3 جنود وأصيب 5 آخرون وقتل 10 مسلحين.", (13, 5)),
    # each count with where it was: the place between does not end the toll
    ("قتل 8 أشخاص في القرية و6 في المدينة.", (14, None)),
    ("أسفر القصف عن مقتل 4 بمنطقة السوق و3 كانوا في سيارة.", (7, None)),
    ("قتل 8 أشخاص في 3 قرى و4 مدن.", (8, None)),  # villages and towns: no people
    # two counts joined by و before the cue after them
    ("قال مصدر إن 5 مدنيين و3 جنود قتلوا في الهجوم.", (8, None)),
    ("قال مصدر إن 12 على الأقل من المسلحين وجنديان قتلوا.", (14, None)),
    ("شارك 50 شخصا في المسيرة و3 جنود قتلوا في الهجوم.", (3, None)),  # 50 marched
])
def test_tolls_split_by_side_are_summed(sentence, expected):
    assert toll(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("أصيب 12 شخصا بجروح في الانفجار.", (None, 12)),
    ("أصيب شرطي بجروح.", (None, 1)),
    ("أصيبت 3 نساء بشظايا.", (None, 3)),
    ("قتل 3 وأصيب 7 آخرون.", (3, 7)),
    ("أدى الانفجار إلى مقتل 12 شخصا وإصابة 30 بجروح.", (12, 30)),
    ("أسفر الانفجار عن سقوط سبعة قتلى وعشرين جريحا.", (7, 20)),
    ("لقي 20 شخصا مصرعهم وأصيب 15 آخرون.", (20, 15)),
    ("استشهد 4 فلسطينيين وأصيب 12 آخرون برصاص الاحتلال.", (4, 12)),
    ("قتل مدنيان وأصيب ثلاثة.", (2, 3)),
    ("أسفرت المعارك عن مقتل 15 وإصابة 40 من المسلحين ومقتل 2 وإصابة 3 من الجنود.", (17, 43)),
    ("8 أشخاص على الأقل قتلوا في الهجوم.", (8, None)),
    ("250 مسلحا أفغانيا قتلوا وجرح 300 آخرون في المعارك.", (250, 300)),
    ("جنديين عراقيين قتلا وأصيب خمسة في الكمين.", (2, 5)),
    ("قتل شرطيين في الانفجار.", (2, None)),
    ("قتل 12جنديا في الهجوم.", (12, None)),  # digits glued to the noun, as written
])
def test_injured_only_and_killed_and_injured_in_one_sentence(sentence, expected):
    assert toll(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("سقط قتيلان وثلاثة جرحى.", (2, 3)),
    ("مقتل جنديين في كمين.", (2, None)),
    ("قتل جندي في هجوم.", (1, None)),
    ("قتل شخص واحد.", (1, None)),
    ("لقي ثلاثة جنود حتفهم في هجوم.", (3, None)),
    ("قالت الشرطة إن 5 أشخاص قتلوا في الهجوم.", (5, None)),
    ("قالت الوزارة إن 12 جنديا من الجيش النظامي قتلوا.", (12, None)),  # whose, then the cue
    ("لقي 6 أشخاص من عائلة واحدة مصرعهم.", (6, None)),
    ("هاجم مسلحان المتحف وقتلا خلاله 12 سائحا وشرطيا.", (13, None)),  # the two killed 13
    ("قتل المسلحون ثلاثة جنود.", (3, None)),
    ("قتلت القوات الحكومية 15 مسلحا.", (15, None)),
    ("قتل يوم السبت 3 أشخاص.", (3, None)),
    ("أودى الانفجار بحياة ثلاثة أشخاص.", (3, None)),
    ("ارتفع عدد القتلى إلى 40.", (40, None)),
    ("ارتفعت حصيلة ضحايا التفجير إلى 40 قتيلا.", (40, None)),
    ("راح ضحية الهجوم 5 أشخاص.", (5, None)),  # "fell victim": a cue
])
def test_duals_singulars_cues_after_and_tallies(sentence, expected):
    assert toll(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "قتل العشرات في الغارات.",
    "أصيب عدد من المدنيين.",
    "قتل آلاف الأشخاص.",
    "أصيب مئات المتظاهرين.",
    "سقط قتلى وجرحى في القصف.",
    "مقتل وإصابة 20 شخصا.",  # one count of both sides
    "سقط 15 قتيلا وجريحا.",
    "سقط 15 بين قتيل وجريح.",
    "قتل العشرات وأصيب عدد آخر من المارة.",
])
def test_a_vague_or_shared_count_gives_no_number(sentence):
    assert toll(sentence) == (None, None)


def test_a_vague_count_leaves_only_its_side_unknown():
    assert toll("قتل 40 شخصا وأصيب العشرات.") == (40, None)
    assert toll("قتل 3 جنود وعشرات المدنيين.") == (None, None)


@pytest.mark.parametrize("sentence, expected", [
    ("قتل 3 أشخاص في هجوم وقع في 15 يوليو 2015.", (3, None)),  # a date, a year
    ("في 15 يوليو قتل 3 أشخاص.", (3, None)),
    ("قتل يوم 15 يوليو 2015 ثلاثة أشخاص.", (3, None)),
    ("قتل 7 أشخاص يوم الثلاثاء 27 مارس.", (7, None)),
    ("شنت الطائرات 15 غارة أسفرت عن مقتل 7 مدنيين.", (7, None)),  # a count of raids
    ("قتل 3 أشخاص على بعد 10 كيلومترات من المدينة.", (3, None)),  # a distance
    ("الساعة 10 صباحا قتل 3.", (3, None)),  # a time
    ("نما الاقتصاد 3.5 في المئة وقتل 4 أشخاص.", (4, None)),  # a decimal
    ("قتل 10 أشخاص بينهم 3 أطفال وأصيب 20.", (10, 20)),  # a part of the toll
    ("بلغ عدد الجرحى 25 جريحا بينهم 4 في حالة خطرة.", (None, 25)),
    ("أسفر عن مقتل 5 أشخاص، هم 3 جنود ومدنيان.", (5, None)),
    ("قتلت قذيفة واحدة 3 أطفال.", (3, None)),  # "one" after a noun is its adjective
])
def test_numbers_that_are_not_a_count_of_the_dead_are_not_taken(sentence, expected):
    assert toll(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "دفعت الحكومة 500 دولار لكل أسرة.",  # money
    "شنت الطائرات 15 غارة على المدينة السبت.",  # raids, a weekday
    "قتل الوقت في المقهى ساعتين.",  # "kill time"
    "سجلت الوزارة 500 إصابة جديدة بفيروس كورونا.",  # infections, not wounds
    "نقل الجرحى إلى 3 مستشفيات.",  # hospitals, not the wounded
    "كان بين القتلى 3 أطفال.",  # a part of a toll not given
    "وقع الهجوم في 27 مارس 2016.",
    "أعلنت الوزارة أسماء الجنود الذين راحوا ضحية التفجير.",  # "fell victim", no count
    "منحت الحكومة وساما لكل شهيد سقط في الهجوم.",  # each one, no count
])
def test_look_alikes_give_nothing(sentence):
    assert toll(sentence) == (None, None)


@pytest.mark.parametrize("sentence, stated", [
    ("قتل العشرات في الغارات.", True),
    ("أصيب عدد من المدنيين.", True),
    ("قتل 5 أشخاص.", True),
    ("شنت الطائرات 15 غارة على المدينة.", False),
    ("أعلنت الوزارة أسماء الجنود الذين راحوا ضحية التفجير.", False),
])
def test_a_vague_toll_is_stated_without_a_number(sentence, stated):
    tokens = tokenize(sentence)
    assert find_casualties(tokens, 0, len(tokens)).stated is stated


def test_the_toll_is_read_from_the_given_sentence_only():
    text = "قتل 5 أشخاص أمس. وأصيب 3 آخرون اليوم."
    tokens = tokenize(text)
    first = next(i for i, t in enumerate(tokens) if t.text == ".") + 1
    assert find_casualties(tokens, 0, first) == Casualties(5, None, stated=True)
    assert find_casualties(tokens, first, len(tokens)) == Casualties(None, 3, stated=True)


def test_a_broken_lexicon_is_named_with_what_is_wrong(tmp_path):
    (tmp_path / "lexicon").mkdir()
    for name in ("sectors.yaml", "dates.yaml"):
        shutil.copy(ONTOLOGY_DIR / "lexicon" / name, tmp_path / "lexicon" / name)
    (tmp_path / "lexicon" / "casualties.yaml").write_text("units: {واحد: 1}\n", encoding="utf-8")
    with pytest.raises(OntologyError, match=r"casualties\.yaml .*cannot read it \(KeyError\('tens'"):
        _lexicon(tmp_path)


def test_wounded_others_after_a_join_in_another_attack_are_its_own(read):
    doc = read("وأسفر تفجير انتحاري نفذته حركة طالبان في كابول عن مقتل 25 طالبا، كما أصيب 15 "
               "آخرون في هجوم لحركة الشباب على مدينة مقديشو.")
    assert {(r.agent, r.target, r.killed, r.injured) for r in doc.relations} == {
        ("taliban", "kabul", 25, None), ("al-shabaab", "mogadishu", None, 15)}


def test_two_reports_in_one_sentence_keep_their_own_tolls(read):
    doc = read("وأسفر تفجير انتحاري نفذته حركة طالبان في كابول عن مقتل 25 طالبا، كما قتل 15 شخصا "
               "في هجوم لحركة الشباب على مدينة مقديشو.")
    assert {(r.agent, r.target, r.killed) for r in doc.relations} == {
        ("taliban", "kabul", 25), ("al-shabaab", "mogadishu", 15)}


@pytest.mark.parametrize("sentence, expected", [
    (("قتل 5 جنود في هجوم لحركة طالبان على مدينة قندهار، وفي حادث آخر قتل 3 مدنيين في انفجار "
      "عبوة ناسفة."), (5, None)),
    (("قتل 12 شخصا في هجوم لحركة طالبان على مدينة قندهار، ويأتي ذلك بعد مقتل 20 شخصا في هجوم "
      "مماثل الشهر الماضي."), (12, None)),
    (("قتل 5 جنود في هجوم لحركة طالبان على مدينة قندهار، في حين يواصل الجيش الأفغاني عملياته "
      "في ولاية هلمند حيث قتل 20 مسلحا أمس."), (5, None)),
    ("قتل 5 جنود في هجوم لحركة طالبان على مدينة قندهار، وأصيب 10 آخرون.", (5, 10)),  # one
    # the other side of the toll, of others: one report
    ("قتل 5 جنود في هجوم لحركة طالبان على مدينة قندهار، فيما أصيب 10 آخرون بجروح.", (5, 10)),
    ("لقي 5 جنود مصرعهم، فيما أصيب 10 آخرون في هجوم لحركة طالبان على مدينة قندهار.", (5, 10)),
])
def test_another_incident_after_a_comma_has_its_own_toll(read, sentence, expected):
    doc = read(sentence)
    assert {(r.agent, r.target, r.killed, r.injured) for r in doc.relations
            if r.predicate == "strikes"} == {("taliban", "kandahar", *expected)}


@pytest.mark.parametrize("sentence", [
    "أسفر تفجير في مدينة بعقوبة عن مقتل العشرات وإصابة المئات.",
    "قتل العشرات في تفجير بمدينة بعقوبة.",
])
def test_an_attack_with_a_place_and_a_vague_toll_is_reported_with_no_number(read, sentence):
    assert [(r.target, r.killed, r.injured) for r in read(sentence).relations
            if r.predicate == "strikes"] == [("baqubah", None, None)]
