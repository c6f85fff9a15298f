"""The syntactic layer: units (noun phrases, prepositional phrases, verbs, particles), clauses,
and each verb's subject and object, read from sentences written for these tests."""
import pytest

from ingest.entities import find_entities
from ingest.normalize import tokenize
from ingest.pipeline import resources, sentence_index
from ingest.segment import split_sentences
from ingest.syntax import Parse, describe, parse_sentence


@pytest.fixture(scope="module")
def parse():
    lex, morph = resources()

    def parse(text: str) -> Parse:
        """The parse of the first sentence, with the mentions the pipeline finds in it."""
        tokens = tokenize(text)
        sentences = split_sentences(text)
        found, _ = find_entities(text, tokens, sentence_index(tokens, sentences), lex, morph)
        at = {k: f for f in found for k in range(f.first, f.last + 1)}
        end = sum(1 for t in tokens if t.start < sentences[0].end)
        return parse_sentence(tokens, 0, end, at, lex, morph)
    return parse


def units(p: Parse) -> list[str]:
    """Each unit as ``describe`` writes it: kind[preposition](+و when joined) words."""
    return describe(p).splitlines()[0].split(" | ")


def words(p: Parse, u: int) -> str | None:
    if u < 0:
        return None
    unit = p.units[u]
    return " ".join(t.text for t in p.tokens[unit.first:unit.last + 1])


def verb(p: Parse, text: str) -> dict:
    """The arguments of the verb written ``text``, as words."""
    v = next(v for v in p.args if words(p, v) == text)
    a = p.args[v]
    return {"subject": words(p, a.subject), "object": words(p, a.object),
            "antecedent": words(p, a.antecedent), "svo": a.subject_before,
            "pronoun_object": a.antecedent_is_object, "passive": a.passive}


# --- units -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a construct chain is one phrase; a name after a name starts another
    ("قصفت طائرات التحالف مواقع الحوثيين.",
     ["verb قصفت", "np طائرات التحالف", "np مواقع الحوثيين", "break ."]),
    ("اتهمت تركيا روسيا بقصف المدنيين.",
     ["verb اتهمت", "np تركيا", "np روسيا", "np[ب] بقصف المدنيين", "break ."]),
    # adjectives that agree stay in the phrase; an indefinite word after them starts a new one
    ("قصفت الطائرات الحربية الإسرائيلية موقعا في غزة.",
     ["verb قصفت", "np الطائرات الحربية الإسرائيلية", "np موقعا", "np[في] غزة", "break ."]),
    # prepositions apart, as proclitics, and of several words (shown normalized)
    ("تعرضت مدينة دوما لقصف من قبل قوات النظام.",
     ["verb تعرضت", "np مدينة دوما", "np[ل] لقصف", "np[من قبل] قوات النظام", "break ."]),
    ("قتل الجنود على يد مسلحين.", ["verb قتل", "np الجنود", "np[علي يد] مسلحين", "break ."]),
    # coordination: each phrase under و is joined to the one before
    ("وانتقدت روسيا وإيران والصين الولايات المتحدة.",
     ["verb+و وانتقدت", "np روسيا", "np+و وإيران", "np+و والصين", "np الولايات المتحدة",
      "break ."]),
    # a listing word joins what follows to the phrase before
    ("وقصفت الطائرات مناطق عدة من بينها العاصمة.",
     ["verb+و وقصفت", "np الطائرات", "np مناطق عدة", "np+و العاصمة", "break ."]),
    # particles: an auxiliary, a phrase of time, a complementizer, a relative, a negator
    ("وقد قصفت الطائرات صباح أمس الأحد مواقع للمسلحين.",
     ["aux+و وقد", "verb قصفت", "np الطائرات", "time صباح أمس الأحد", "np مواقع",
      "np[ل] للمسلحين", "break ."]),
    ("وقالت إن الجماعة التي هاجمت الموصل انسحبت.",
     ["verb+و وقالت", "comp إن", "np الجماعة", "rel التي", "verb هاجمت", "np الموصل",
      "verb انسحبت", "break ."]),
    ("لم تقصف روسيا حلب.", ["neg لم", "verb تقصف", "np روسيا", "np حلب", "break ."]),
    ("وأرسلت لها إيران أسلحة.",
     ["verb+و وأرسلت", "ppron لها", "np إيران", "np أسلحة", "break ."]),
    # a verb form under a preposition is its verbal noun
    ("في شن الغارات على الرقة.", ["np[في] شن الغارات", "np[علي] الرقة", "break ."]),
    # a comma ends a phrase; a quote does not make one
    ("دعا شويغو، واشنطن إلى العمل المشترك.",
     ["verb دعا", "np شويغو", "break ،", "np واشنطن", "np[الي] العمل المشترك", "break ."]),
])
def test_units(parse, text, expected):
    assert units(parse(text)) == expected


def test_a_count_is_not_the_head_of_its_phrase(parse):
    p = parse("وقتل 57 مدنيا في الغارة.")
    unit = p.units[1]
    assert words(p, 1) == "57 مدنيا" and p.tokens[unit.head].text == "مدنيا"


def test_clauses_end_at_a_complementizer_and_a_relative(parse):
    p = parse("وقالت المصادر إن الطائرات الروسية قصفت حلب.")
    said, struck = (v for v in p.args)
    assert not p.same_clause(said, struck)
    assert p.same_clause(struck, struck + 1)  # قصفت حلب


def test_a_listing_comma_keeps_the_clause(parse):
    p = parse("وقصفت الطائرات حلب، وإدلب.")
    assert [words(p, k) for k in p.group(2)] == ["حلب", "وإدلب"]
    assert p.same_clause(0, 4)


def test_the_prepositional_phrases_after_a_verb_stop_at_the_next_verb(parse):
    p = parse("وهاجم مسلحون على حاجز في بغداد ثم فروا إلى الصحراء.")
    assert [words(p, k) for k in p.pps_after(0)] == ["حاجز", "بغداد"]


def test_a_phrase_of_time_alone_does_not_end_a_verbs_phrases(parse):
    p = parse("وهاجم مسلحون منذ مطلع يوليو 2015 على حواجز في بغداد.")
    assert [words(p, k) for k in p.pps_after(0)] == ["حواجز", "بغداد"]
    # …but one that tells another event does
    assert parse("وهاجم مسلحون بعد فرارهم من السجن على حاجز في بغداد.").pps_after(0) == []


# --- subject and object ----------------------------------------------------------------------

@pytest.mark.parametrize("text, verb_text, expected", [
    # VSO: the first phrase after the verb is its subject, the next its object
    ("اتهمت تركيا روسيا بقصف المدنيين.", "اتهمت", {"subject": "تركيا", "object": "روسيا"}),
    ("وانتقدت روسيا وإيران والصين الولايات المتحدة.", "وانتقدت",
     {"subject": "روسيا", "object": "الولايات المتحدة"}),
    # SVO: a bare phrase right before the verb, also after أن/إن
    ("إيران تدعم الحوثيين.", "تدعم", {"subject": "إيران", "object": "الحوثيين", "svo": True}),
    ("وقالت المصادر إن الطائرات الروسية قصفت حلب.", "قصفت",
     {"subject": "الطائرات الروسية", "object": "حلب", "svo": True}),
    ("وأكد أن القوات العاملة في سوريا لا تستهدف المدنيين.", "تستهدف",
     {"subject": "القوات", "object": "المدنيين", "svo": True}),
    # particles and adverbials between the verb and its arguments are passed
    ("لم تقصف روسيا حلب.", "تقصف", {"subject": "روسيا", "object": "حلب"}),
    ("قصفت روسيا أمس حلب.", "قصفت", {"subject": "روسيا", "object": "حلب"}),
    ("وقد قصفت الطائرات صباح أمس الأحد مواقع للمسلحين.", "قصفت",
     {"subject": "الطائرات", "object": "مواقع"}),
    ("وأرسلت لها إيران أسلحة.", "وأرسلت", {"subject": "إيران", "object": "أسلحة"}),
    # a comma after the subject
    ("دعا شويغو، واشنطن إلى العمل المشترك.", "دعا", {"subject": "شويغو", "object": "واشنطن"}),
    # a clause of holding ground that describes a place has its subject after it
    ("قصفت الطائرات مناطق يسيطر عليها تنظيم داعش.", "يسيطر", {"subject": "تنظيم داعش"}),
    # …but an act may begin
    ("بدأ الهجوم على المدينة فجرا.", "بدأ", {"subject": "الهجوم"}),
    # …and a comma and an adverb
    ("استنكرت مصر، بشدة الهجوم على السفارة.", "استنكرت", {"subject": "مصر", "object": "الهجوم"}),
    ("قصفت روسيا حلب، أمس الأحد.", "قصفت", {"subject": "روسيا", "object": "حلب"}),
    # the subject's title set after it (apposition) is no object: the phrase after the comma is
    ("وانتقد سامح شكري وزير الخارجية المصري، تركيا بشدة.", "وانتقد",
     {"subject": "سامح شكري", "object": "تركيا"}),
    # …but another person's title after the subject is the object
    ("واستقبل الملك سلمان وزير الخارجية الأمريكي جون كيري، في الرياض.", "واستقبل",
     {"subject": "الملك سلمان", "object": "وزير الخارجية الأمريكي جون كيري"}),
    # a phrase set apart by commas between the subject and its verb (apposition)
    ("وكانت القوات اليمنية، بدعم من المقاومة، نجحت في استعادة المدينة.", "نجحت",
     {"subject": "القوات اليمنية", "svo": True}),
    # …or by noun phrases alone: the copula's subject does the verb after them
    (("وكانت قوات سوريا الديمقراطية الجناح العسكري لمجلس سوريا الديمقراطية دانت في بيان على "
     "موقعها الإلكتروني القصف التركي."), "دانت",
     {"subject": "قوات سوريا الديمقراطية", "object": "القصف التركي", "svo": True}),
    ("كان الرئيس باراك أوباما في زيارة إلى روسيا حين قصفت القوات الروسية حلب.", "قصفت",
     {"subject": "القوات الروسية", "object": "حلب"}),
    # a spokesman whose name is set off by commas or quotes after his باسم phrase is that man
    ("وقال الناطق باسم الجيش الإسرائيلي، أفيخاي أدرعي، إن الحرب مستمرة.", "وقال",
     {"subject": "أفيخاي أدرعي", "object": None}),
    ("وقال المتحدث باسم الخارجية الروسية «ماريا زاخاروفا» إن الحرب مستمرة.", "وقال",
     {"subject": "ماريا زاخاروفا »", "object": None}),
    # …but not a body named after the comma, nor a name not set off at its end
    ("وانتقد الناطق باسم الخارجية الروسية، الولايات المتحدة، بشدة.", "وانتقد",
     {"subject": "الناطق", "object": "الولايات المتحدة"}),
    # a title, its adjective and the name are one phrase
    ("وقال الرئيس السابق علي عبد الله صالح إن الحرب مستمرة.", "وقال",
     {"subject": "الرئيس السابق علي عبد الله صالح"}),
    # …but a phrase under و between commas opens a new clause: VSO after it
    ("وحملت أنقرة داعش مسؤولية الهجوم، وبعد مقتل جنديين، شنت الحكومة غارات جوية.", "شنت",
     {"subject": "الحكومة", "object": "غارات جوية", "svo": False}),
])
def test_subject_and_object(parse, text, verb_text, expected):
    args = verb(parse(text), verb_text)
    assert {k: args[k] for k in expected} == expected


@pytest.mark.parametrize("text, verb_text, expected", [
    # a pronoun after أن takes up the speaker: the subject is dropped, not the phrase after
    ("وأعلنت تركيا أنها قصفت مواقع في عفرين.", "قصفت", {"subject": None, "object": "مواقع"}),
    # the subject of a verb of ability goes on into its أن clause
    ("واستطاع الجيش أن يقوم بتفجير الجسر.", "يقوم", {"subject": None}),
    # a verb after أن that a preposition's pronoun after another verb opens: the pronoun's
    ("وشنت القوات هجوما سمح لها أن تستعيد السيطرة على المدينة.", "تستعيد",
     {"subject": None, "object": "السيطرة"}),
    # a second verb under و with an indefinite phrase after it: the same subject goes on
    ("نفذت موسكو 4 آلاف طلعة ودمرت 8 آلاف هدف.", "ودمرت",
     {"subject": None, "object": "8 آلاف هدف"}),
    # the event noun after a verb of launching is what it launches, never its subject…
    ("وقصفت الطائرات المدينة، حيث شنت 12 غارة على أحيائها.", "شنت",
     {"subject": None, "object": "12 غارة"}),
])
def test_a_dropped_subject_is_left_to_be_carried(parse, text, verb_text, expected):
    args = verb(parse(text), verb_text)
    assert {k: args[k] for k in expected} == expected


@pytest.mark.parametrize("text, verb_text, expected", [
    # the verb's object pronoun takes up the antecedent: it is the object
    ("وتبنى داعش الهجوم الذي نفذه انتحاري.", "نفذه",
     {"antecedent": "الهجوم", "pronoun_object": True, "subject": "انتحاري"}),
    # an indefinite antecedent, with no relative pronoun
    ("وأسفرت غارات شنها التحالف عن مقتل مدنيين.", "شنها",
     {"antecedent": "غارات", "pronoun_object": True, "subject": "التحالف"}),
    # a verb with no object pronoun: the antecedent is its subject
    ("وقالت إن الجماعة التي هاجمت الموصل انسحبت.", "هاجمت",
     {"antecedent": "الجماعة", "pronoun_object": False, "subject": "الجماعة",
      "object": "الموصل"}),
    # الذين: the people just named, even under a preposition
    ("وقتل عدد من المدنيين الذين فروا من المدينة.", "فروا",
     {"antecedent": "المدنيين", "subject": "المدنيين"}),
    # an indefinite act before a past verb is its subject, phrases after the object or not
    ("وأصيب جنديان في كمين استهدف قافلتهم قرب بلدة نامبالا بوسط البلاد.", "استهدف",
     {"antecedent": "كمين", "subject": "كمين", "object": "قافلتهم"}),
])
def test_a_relative_clause_takes_its_antecedent(parse, text, verb_text, expected):
    args = verb(parse(text), verb_text)
    assert {k: args[k] for k in expected} == expected


def test_the_phrase_after_a_verb_of_killing_undergoes_it(parse):
    assert verb(parse("وقتل 57 مدنيا في الغارة."), "وقتل") == {
        "subject": None, "object": "57 مدنيا", "antecedent": None, "svo": False,
        "pronoun_object": False, "passive": True}
    assert "وقتل: victims 57 مدنيا" in describe(parse("وقتل 57 مدنيا في الغارة."))


def test_a_count_after_an_that_a_verb_of_killing_follows_undergoes_it(parse):
    args = verb(parse("وأفادت مصادر أن 19 من عناصر تنظيم داعش قتلوا في اشتباكات."), "قتلوا")
    assert (args["subject"], args["object"], args["passive"]) == (None, "19", True)


@pytest.mark.parametrize("text, verb_text, expected", [
    # a verb that carries its plural subject has its object after it…
    ("ثم قتلوا الصحفي في منزله.", "قتلوا", {"subject": None, "object": "الصحفي"}),
    # …and its subject in the indefinite phrase it describes
    ("وأدان دعم إيران لمسلحين يقاتلون القوات الحكومية.", "يقاتلون",
     {"subject": "لمسلحين", "object": "القوات الحكومية"}),
])
def test_a_verb_with_its_plural_subject(parse, text, verb_text, expected):
    args = verb(parse(text), verb_text)
    assert {k: args[k] for k in expected} == expected


def test_a_phrase_listed_under_a_preposition_is_no_subject(parse):
    p = parse("وقال شهود إن سيارات تعود لناشطين في حركتي حماس والجهاد الإسلامي دمرت في انفجار.")
    assert verb(p, "دمرت")["subject"] is None
    p = parse("واندلعت اشتباكات بين قوات الأمن ومسلحين أطلقوا النار على دورية.")
    assert verb(p, "أطلقوا")["subject"] == "ومسلحين"


def test_a_verb_of_killing_with_a_subject_that_is_no_victim_is_active(parse):
    args = verb(parse("وقتل الجيش مسلحين في الغارة."), "وقتل")
    assert (args["subject"], args["object"], args["passive"]) == ("الجيش", "مسلحين", False)


@pytest.mark.parametrize("text, subject, obj", [
    # an accusative after a word that is not one cannot be its genitive
    ("هاجم مسلحون حاجزا للجيش قرب المدينة.", "مسلحون", "حاجزا"),
    ("استهدف هجوم بقنبلة يدوية مركزا للشرطة في البلدة.", "هجوم بقنبلة يدوية", "مركزا"),
    # a sound plural with its ن is in no construct: a definite word after it is the object
    ("فتح متشددون النار على الحافلة.", "متشددون", "النار"),
    ("هاجم مسلحون ملثمون نقطة حراسة عند المدخل.", "مسلحون ملثمون", "نقطة حراسة"),
    # a nationality as a noun, then an accusative (also of a stem in ن: مستوطنا)
    ("طعن فلسطيني مستوطنا قرب البلدة.", "فلسطيني", "مستوطنا"),
    ("قتل جندي أمريكي مدنيا في القرية.", "جندي أمريكي", "مدنيا"),
    # a people noun of another number after a people noun
    ("طعن مهاجم مدنيين في محطة القطار.", "مهاجم", "مدنيين"),
    # a count other than one or two comes before what it counts
    ("قتل انتحاري سبعة أشخاص في السوق.", "انتحاري", "سبعة أشخاص"),
    # a known noun after an adjective, which takes no genitive
    ("استهدف قصف صاروخي مواقع للمتمردين في الوادي.", "قصف صاروخي", "مواقع"),
    ("زار وفد برلماني مدينة الموصل الأسبوع الماضي.", "وفد برلماني", "مدينة الموصل"),
    ("هاجمت مجموعة مسلحة مواقع للحرس قرب الحدود.", "مجموعة مسلحة", "مواقع"),
])
def test_an_indefinite_subject_ends_where_its_object_starts(parse, text, subject, obj):
    args = verb(parse(text), text.split()[0])
    assert (args["subject"], args["object"], args["passive"]) == (subject, obj, False)


@pytest.mark.parametrize("text, phrase", [
    # construct chains, adjectives that agree and counted nouns stay one phrase
    ("هاجم مسلحو الحركة قرية نائية.", "np مسلحو الحركة"),
    ("قصفت قذائف هاون حيا سكنيا.", "np قذائف هاون"),
    ("فتح مسلحون ملثمون النار على سيارة.", "np مسلحون ملثمون"),
    ("قتل مهاجم انتحاري ثلاثة جنود.", "np مهاجم انتحاري"),
    ("قتل أربعون جنديا في المعارك.", "np أربعون جنديا"),
    ("قتل مسلحان اثنان في الاشتباك.", "np مسلحان اثنان"),
    ("وصل مقاتلون أجانب إلى الحدود.", "np مقاتلون أجانب"),
    ("قتل مسلحون أكراد في الاشتباك.", "np مسلحون أكراد"),
    ("تعرضت مواقع مقاتلي الحزب لقصف.", "np مواقع مقاتلي الحزب"),
    # not past the first phrase after the verb
    ("استهدفت القوات قافلة مسلحين مجهولين.", "np قافلة مسلحين مجهولين"),
])
def test_a_construct_chain_after_a_verb_stays_one_phrase(parse, text, phrase):
    assert phrase in units(parse(text))


def test_gunmen_with_whom_they_killed_after_a_verb_of_killing_killed(parse):
    args = verb(parse("قتل مسلحون شرطيا في كمين."), "قتل")
    assert (args["subject"], args["object"], args["passive"]) == ("مسلحون", "شرطيا", False)
    # alone, or a count, they were killed
    args = verb(parse("قتل مسلحون في اشتباك مع الجيش."), "قتل")
    assert (args["object"], args["passive"]) == ("مسلحون", True)
    args = verb(parse("قتل 12 شخصا أغلبهم نساء في الانفجار."), "قتل")
    assert args["passive"] is True
    args = verb(parse("قتل جنديان في هجوم على ثكنة."), "قتل")
    assert (args["object"], args["passive"]) == ("جنديان", True)


def test_describe_prints_each_verbs_arguments(parse):
    assert describe(parse("اتهمت تركيا روسيا بقصف المدنيين.")).splitlines()[1] == \
        "اتهمت: subject تركيا, object روسيا"


@pytest.mark.parametrize("text, time, obj", [
    ("وقصفت الطائرات الروسية منذ أمس مواقع داعش.", "np[منذ] أمس", "مواقع داعش"),
    ("وشن التحالف بعد ظهر اليوم غارات على صعدة.", "np[بعد] ظهر اليوم", "غارات"),
    ("أطلقت أنقرة قبل أسبوع عملية عسكرية.", "np[قبل] أسبوع", "عملية عسكرية"),
    ("منذ أمس تقصف الطائرات الروسية مدينة حلب.", "np[منذ] أمس", "مدينة حلب"),
])
def test_a_phrase_of_time_ends_at_its_time_words(parse, text, time, obj):
    p = parse(text)
    assert time in units(p)
    verb = next(v for v, args in p.args.items() if args.object >= 0)
    assert words(p, p.args[verb].object) == obj


def test_a_verb_after_an_indefinite_act_and_its_l_phrase_is_its_relative_clause(read):
    from ingest.syntax import doc_tokens
    doc = read("شهدت المدينة هجوما للمقاومة استهدف نقطة تفتيش.")
    tokens = doc_tokens(doc)
    text = describe(parse_sentence(tokens, 0, len(tokens), {}, *resources()))
    assert "استهدف: subject هجوما, object نقطة تفتيش, antecedent هجوما" in text


def test_a_phrase_in_brackets_after_a_place_is_no_argument_of_the_verb(relations):
    assert ("yemeni-popular-resistance", "strikes", "houthis") in relations(
        "طردت المقاومة الشعبية في تعز (جنوب اليمن) ميليشيات الحوثيين من مديرية صبر.")
    assert ("abdrabbuh-mansur-hadi", "accuses", "houthis") in relations(
        "اتهم الرئيس (عبد ربه منصور هادي) الحوثيين بخرق الهدنة.")


@pytest.mark.parametrize("text, word, reflexive", [
    ("وقال المتحدث إن انتحاريا فجر نفسه في سوق المدينة.", "فجر", True),  # blew himself up
    ("ووصل الوفد إلى المدينة فجر اليوم نفسه.", "فجر", False),  # dawn of that same day
    ("ووصل الوفد إلى المدينة فجر الأحد.", "فجر", False),
])
def test_a_word_of_time_before_a_reflexive_object_is_a_verb(parse, text, word, reflexive):
    p = parse(text)
    kinds = [u.kind for u in p.units if p.tokens[u.first].text == word]
    assert kinds == ["verb" if reflexive else "time"]


@pytest.mark.parametrize("text, expected", [
    # a time set apart by a comma before the على phrase: the clause goes on
    ("وتأتي الخطوة بعد الضربات التي شنها الطيران الروسي الأحد والاثنين، على مواقع لجبهة النصرة.",
     ("russian-air-force", "strikes", "nusra-front")),
    ("وقصفت المقاتلات الأمريكية مساء أمس، على مخازن أسلحة لداعش في الموصل.",
     ("us-air-force", "strikes", "isis")),
])
def test_a_time_set_apart_by_a_comma_keeps_the_target_after_it(relations, text, expected):
    assert expected in relations(text)


@pytest.mark.parametrize("text, target", [
    # despite: no target
    ("وقصفت الطائرات الروسية مدينة حلب صباح الأحد، على الرغم من الهدنة مع تركيا.", "turkey"),
    # no verb before the time: the على phrase opens a clause of its own
    ("وفي صباح الأحد، على الحدود مع تركيا، قتل ثلاثة مدنيين بقصف روسي.", "turkey"),
    # not a time before the comma
    ("وقصفت الطائرات الروسية مدينة حلب، على ما قال المرصد عن تركيا.", "turkey"),
])
def test_no_target_past_a_comma_after_a_time_without_its_clause(relations, text, target):
    assert not any(t == target and p == "strikes" for _, p, t in relations(text))


@pytest.mark.parametrize("text, expected", [
    # في وقت سابق is a time: the object after it is the verb's
    ("وكانت طائرات التحالف قد استهدفت في وقت سابق مواقع للحوثيين في صعدة.",
     ("saudi-led-coalition", "strikes", "houthis")),
    ("وقصف الجيش التركي في وقت لاحق مواقع لحزب العمال الكردستاني.",
     ("turkish-armed-forces", "strikes", "kurdistan-workers-party")),
])
def test_a_time_of_several_words_before_the_object_is_no_part_of_it(relations, text, expected):
    assert expected in relations(text)


def test_a_time_word_that_heads_a_phrase_of_its_own_stays_a_phrase(parse):
    p = parse("وقصفت الطائرات مواقع في وقت الذروة.")
    assert "np[في] وقت الذروة" in units(p)


@pytest.mark.parametrize("text, expected", [
    # a copula of loyalty describing the phrase before it leaves the verb's على phrase its own
    (("وسيطر المتمردون الحوثيون بمساندة وحدات من الجيش ظلت موالية للرئيس السابق علي عبدالله "
     "صالح على مدينة إب."), ("houthis", "strikes", "ibb")),
])
def test_a_copula_of_loyalty_is_an_aside_of_the_clause(relations, text, expected):
    assert expected in relations(text, "2015-08-01")


def test_a_copula_that_is_no_loyalty_still_ends_the_clause(relations):
    found = relations("وقال الحوثيون إن وحدات من الجيش ظلت صامتة على مدينة إب.", "2015-08-01")
    assert not any(t == "ibb" for _, p, t in found if p == "strikes")


def test_a_comma_inside_closing_quotes_is_no_break(parse):
    assert units(parse("وقال الخبير إن «حزب الله،» يريد توسيع الحرب.")) == [
        "verb+و وقال", "np الخبير", "comp إن", "np حزب الله ، »", "verb يريد",
        "np توسيع الحرب", "break ."]
    # a comma after the quote closes still breaks
    assert "break ،" in units(parse("وقال الخبير إن «حزب الله»، يريد توسيع الحرب."))


def test_a_quoted_name_with_its_comma_takes_the_possessive_of_what_follows(relations):
    assert ("turkey", "accuses", "isis") in relations(
        "ويرى الباحث أن تنظيم «داعش،» يسعى إلى التوسع، بعد اتهامه من قبل تركيا بتنفيذ تفجير.")

def test_a_bare_form_after_fa_is_a_verb_and_after_wa_a_verbal_noun(parse):
    assert "verb+و فقتل" in units(parse("أطلق مسلح النار على حافلة فقتل ثلاثة ركاب."))
    assert "np+و وقتل المدنيين" in units(parse("وأدان الوزير قصف المدن وقتل المدنيين."))


@pytest.mark.parametrize("text, verb_text, expected", [
    # a possessed noun after a sound plural with its ن is its object, not its genitive…
    ("وأعلن متظاهرون رفضهم للقرار الجديد.", "وأعلن", {"subject": "متظاهرون"}),
    # …while an adjective stays with it
    ("وأعلن متظاهرون غاضبون رفض القرار.", "وأعلن", {"subject": "متظاهرون غاضبون"}),
    # a phrase that opens the sentence before its prepositional phrases is the verb's subject…
    ("المسلحون المعارضون للحكومة في شرق حلب يقاتلون قوات النظام.", "يقاتلون",
     {"subject": "المسلحون المعارضون", "object": "قوات النظام"}),
    # …not a phrase under a preposition alone
    ("في شرق حلب يقاتلون قوات النظام.", "يقاتلون", {"subject": None}),
])
def test_an_explicit_subject_stays_the_verbs_own(parse, text, verb_text, expected):
    args = verb(parse(text), verb_text)
    assert {k: args[k] for k in expected} == expected


@pytest.mark.parametrize("text, verb_text, expected", [
    # a temporal phrase that opens a clause ends the search for the verb's object…
    ("وسيطرت حركة طالبان على قرى في ولاية قندوز منذ انسحاب حلف شمال الأطلسي معظم قواته.",
     "وسيطرت", {"object": None}),
    # …one that only says when does not
    ("وقصفت الطائرات منذ الصباح مواقع المتمردين.", "وقصفت", {"object": "مواقع المتمردين"}),
])
def test_a_clause_after_a_temporal_preposition_holds_no_object_of_the_verb(parse, text,
                                                                         verb_text, expected):
    args = verb(parse(text), verb_text)
    assert {k: args[k] for k in expected} == expected
