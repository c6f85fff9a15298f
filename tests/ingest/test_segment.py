"""Sentence splitting keeps offsets and survives abbreviations, numbers and quotes."""
import pytest

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
