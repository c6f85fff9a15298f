"""Sentence splitting keeps offsets and survives abbreviations, numbers and quotes."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest import segment
from ingest.pipeline import continuing_words, resources
from ingest.segment import split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_offsets_point_at_the_sentence_text():
    text = "  قصفت الطائرات المدينة.  ثم انسحبت القوات!\nالعنوان الثاني"
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize("text, expected", [
    ("بلغ النمو 3.5 بالمئة. وتراجع التضخم.", ["بلغ النمو 3.5 بالمئة.", "وتراجع التضخم."]),
    ("قال د. محمد إن الوضع هادئ.", ["قال د. محمد إن الوضع هادئ."]),
    ("انتهت المحادثات.وبالتوازي بدأت الاشتباكات.", ["انتهت المحادثات.", "وبالتوازي بدأت الاشتباكات."]),
    ("هل انتهت الحرب؟ لا أحد يعرف.", ["هل انتهت الحرب؟", "لا أحد يعرف."]),
    ("عنوان الخبر\nنص الخبر الأول.", ["عنوان الخبر", "نص الخبر الأول."]),
])
def test_sentence_boundaries(text, expected):
    assert texts(text) == expected


def test_a_quoted_statement_stays_whole():
    text = "وقال الوزير: «لن نتراجع. سنواصل العمل.» ثم غادر."
    assert texts(text) == ["وقال الوزير: «لن نتراجع. سنواصل العمل.»", "ثم غادر."]


def test_a_run_without_boundaries_is_cut_to_a_bounded_length():
    text = "كلمة " * 2000
    assert all(len(s.text) <= 2000 for s in split_sentences(text))
    assert "".join(s.text for s in split_sentences(text)).replace(" ", "") == text.replace(" ", "")


@pytest.fixture(scope="module")
def continuing():
    return continuing_words(resources()[0])


@pytest.mark.parametrize("text, expected", [
    # a line cut after a preposition, a relative or a complementizer goes on
    ("وأطلق مسلحون قذائف على\nبلدة حدودية.", ["وأطلق مسلحون قذائف على\nبلدة حدودية."]),
    ("وأفاد الشهود بأن\nالمهاجم فر.", ["وأفاد الشهود بأن\nالمهاجم فر."]),
    # an accusative and the adjective that agrees with it, on two lines
    ("وقصف الجيش معسكرا\nسريا للمتمردين.", ["وقصف الجيش معسكرا\nسريا للمتمردين."]),
])
def test_a_line_cut_inside_its_sentence_goes_on(continuing, text, expected):
    assert [s.text for s in split_sentences(text, continuing)] == expected


@pytest.mark.parametrize("text, expected", [
    # a headline, a dateline, a paragraph ended with a comma, a blank line, list items
    ("مقتل 12 شخصا\nقتل 12 شخصا في انفجار.", ["مقتل 12 شخصا", "قتل 12 شخصا في انفجار."]),
    ("الصحيفة – بغداد\nأعلنت الشرطة أن …", ["الصحيفة – بغداد", "أعلنت الشرطة أن …"]),
    ("وانتهى الاجتماع مساء،\nوأشار الوزير إلى أن …", ["وانتهى الاجتماع مساء،", "وأشار الوزير إلى أن …"]),
    ("وسقط قتيلا\n\nواحدا تلو الآخر", ["وسقط قتيلا", "واحدا تلو الآخر"]),
    ("- هجوم على\n- دورية", ["- هجوم على", "- دورية"]),
    ("وقصف الجيش موقعا.\nأمنيا، …", ["وقصف الجيش موقعا.", "أمنيا، …"]),
])
def test_a_line_that_ends_its_sentence_is_one(continuing, text, expected):
    assert [s.text for s in split_sentences(text, continuing)] == expected


@pytest.mark.parametrize("text, expected", [
    # ellipses, repeated marks, closing quotes and brackets end a sentence; a point before a
    # Latin letter, inside a number or after a one-letter abbreviation does not
    ("وتوقفت المفاوضات… ثم استؤنفت.", ["وتوقفت المفاوضات…", "ثم استؤنفت."]),
    ("هل انسحبت القوات؟! نعم.", ["هل انسحبت القوات؟!", "نعم."]),
    ("قال الشاهد (لم نر شيئا.) ثم صمت.", ["قال الشاهد (لم نر شيئا.)", "ثم صمت."]),
    ("زار موقع news.example الخبر.", ["زار موقع news.example الخبر."]),
    ("صرح م. خالد بأن النسبة 2.75 بالمئة...وانتهى", ["صرح م. خالد بأن النسبة 2.75 بالمئة...", "وانتهى"]),
    ("الفقرة الأولى.\n\n\nالفقرة الثانية", ["الفقرة الأولى.", "الفقرة الثانية"]),
])
def test_sentence_ends_in_news_punctuation(text, expected):
    assert texts(text) == expected
    assert all(text[s.start:s.end] == s.text for s in split_sentences(text))


def split_by_finditer(text):
    """``split_sentences`` with the boundary expression searched at every position."""
    out, start = [], 0
    for match in segment._BOUNDARY.finditer(text):
        newline = match.group()[0] == "\n"
        if match.group() == "\n" and segment._goes_on(text, match.start(), frozenset()) or \
                not newline and (segment._ABBREVIATION.search(
                    text, max(0, match.start() - 3), match.start() + 1)
                    or segment._inside_guillemets(text, start, match.end())):
            continue
        segment._add(out, text, start, match.start() if newline else match.end())
        start = match.end()
    segment._add(out, text, start, len(text))
    return tuple(out)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("اب د.!?؟…\"»”’)](«“ x3\n") + ["..", " م.", "«لا.»", "موقعا\n"]),
                max_size=50).map("".join))
def test_the_scan_finds_the_boundaries_a_search_at_every_position_finds(text):
    assert split_sentences(text) == split_by_finditer(text)
