"""One attack told twice in an article is one event: a definite attack noun that takes up the
agent of an attack told before (وأسفر القصف عن …) or of a claim, and names nothing new, adds its
toll to the first telling; an attack that names a new target or place stays its own event.
Every sentence here is written for these tests."""
from ingest.explain import explain_text


def strikes(read, text: str) -> list[tuple]:
    return sorted((r.sentence, r.agent, r.target, r.places, r.killed, r.injured)
                  for r in read(text).relations if r.predicate == "strikes")


def test_a_shelling_told_again_is_one_event_with_the_toll_of_both_tellings(read):
    text = ("قتل 12 مدنيا في قصف شنه المتمردون الحوثيون على حي دار سعد في عدن. "
            "وقال مسؤول في الصحة إن القصف أسفر عن مقتل 12 مدنيا وإصابة 30 آخرين.")
    assert strikes(read, text) == [(0, "houthis", "dar-saad", ("aden",), 12, 30)]


def test_raids_told_again_with_their_toll_are_one_event(read):
    text = ("شنت طائرات التحالف غارات على مواقع الحوثيين في صنعاء أسفرت عن مقتل 7 مسلحين. "
            "وأسفرت الغارات عن مقتل 7 مسلحين وإصابة 4 آخرين.")
    assert strikes(read, text) == [(0, "saudi-led-coalition", "houthis", ("sanaa",), 7, 4)]


def test_the_first_telling_keeps_its_own_toll(read):
    text = ("قتل 12 مدنيا في قصف شنه المتمردون الحوثيون على حي دار سعد في عدن. "
            "وقال مسؤول في الصحة إن القصف أسفر عن مقتل 15 مدنيا.")
    assert [(s, killed) for s, *_, killed, _ in strikes(read, text)] == [(0, 12)]


def test_a_toll_of_another_attack_in_the_retelling_is_not_taken(read):
    text = ("شنت طائرات التحالف غارات على مواقع الحوثيين في صنعاء. واستهدفت الغارات مواقع "
            "الحوثيين في صنعاء غداة مقتل 20 شخصا في تفجير سيارة مفخخة.")
    assert [(s, agent, killed) for s, agent, *_, killed, _ in strikes(read, text) if s == 0] == [
        (0, "saudi-led-coalition", None)]


def test_raids_told_again_on_a_new_place_are_another_event(read):
    text = ("شنت طائرات التحالف غارات على مواقع الحوثيين في صنعاء. "
            "واستهدفت الغارات مواقع للحوثيين في مدينة صعدة.")
    assert [(s, places) for s, _, _, places, *_ in strikes(read, text)] == [
        (0, ("sanaa",)), (1, ("saada",))]


def test_an_attack_told_again_by_verbs_is_not_merged(read):
    text = ("قتلت القوات الحكومية 5 مسلحين في مدينة حلب. "
            "وقتلت القوات الحكومية 3 مسلحين آخرين في المدينة.")
    assert [(s, killed) for s, *_, killed, _ in strikes(read, text)] == [(0, 5), (1, 3)]


def test_an_attack_of_another_side_told_next_stays(read):
    text = ("قتل 12 مدنيا في قصف شنه المتمردون الحوثيون على حي دار سعد في عدن. "
            "وشنت طائرات التحالف غارات على مواقع الحوثيين في صنعاء.")
    assert [(s, agent) for s, agent, *_ in strikes(read, text)] == [
        (0, "houthis"), (1, "saudi-led-coalition")]


def test_explain_says_which_attack_a_sentence_tells_again():
    out = explain_text("قتل 12 مدنيا في قصف شنه المتمردون الحوثيون على حي دار سعد في عدن. "
                       "وقال مسؤول في الصحة إن القصف أسفر عن مقتل 12 مدنيا وإصابة 30 آخرين.")
    assert "refused: told again: the attack of sentence 0" in out


def test_an_attack_that_took_place_in_a_new_town_further_on_is_another_event(read):
    text = ("شنت طائرات التحالف غارات على مواقع الحوثيين في صنعاء. "
            "وقال المتحدث إن العمليات ستستمر حتى تحقيق أهدافها. "
            "ويأتي ذلك بعد أيام من التفجير الانتحاري الذي وقع في مدينة كركوك وأسفر عن "
            "مقتل 20 شخصا.")
    assert [(s, killed) for s, *_, killed, _ in strikes(read, text)] == [(0, None), (2, 20)]


def test_an_attack_that_took_place_in_a_town_told_before_is_the_same_event(read):
    text = ("شنت طائرات التحالف غارات على مواقع الحوثيين في صنعاء. "
            "وقال المتحدث إن العمليات ستستمر حتى تحقيق أهدافها. "
            "وأكد أن القصف الذي وقع في صنعاء أسفر عن مقتل 20 مسلحا.")
    assert [s for s, *_ in strikes(read, text)] == [0]
