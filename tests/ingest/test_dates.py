"""ingest.dates: the day of a sentence's event from the article's date and the sentence's words:
relative days, weekdays, weeks and months, days and months in both month-name forms, parts of
months, numeric dates, the year rollover; the article's date otherwise. Every sentence here is
written for these tests. 2016-03-30 is a Wednesday."""
from __future__ import annotations

import pytest

from ingest.dates import _lexicon, event_date
from ingest.normalize import tokenize
from naba.errors import OntologyError

WEDNESDAY = "2016-03-30"


def day(sentence: str, article: str | None = WEDNESDAY) -> str | None:
    tokens = tokenize(sentence)
    return event_date(article, tokens, 0, len(tokens))


@pytest.mark.parametrize("sentence, expected", [
    ("قتل ثلاثة جنود اليوم في هجوم.", "2016-03-30"),
    ("قتل ثلاثة جنود صباح اليوم الأربعاء.", "2016-03-30"),
    ("قتل ثلاثة جنود أمس في هجوم.", "2016-03-29"),
    ("قتل ثلاثة جنود بالأمس.", "2016-03-29"),
    ("قتل ثلاثة جنود مساء البارحة.", "2016-03-29"),
    ("قتل ثلاثة جنود الليلة الماضية.", "2016-03-29"),
    ("قتل ثلاثة جنود أول أمس.", "2016-03-28"),
    ("قتل ثلاثة جنود أول من أمس.", "2016-03-28"),
    ("قتل ثلاثة جنود الأسبوع الماضي.", "2016-03-23"),  # seven days before
    ("قتل ثلاثة جنود الشهر الماضي.", "2016-02-01"),  # the first day of that month
    ("يزور الوزير دمشق غدا.", "2016-03-31"),
])
def test_relative_days_weeks_and_months(sentence, expected):
    assert day(sentence) == expected


@pytest.mark.parametrize("sentence, article, expected", [
    ("قتل ثلاثة جنود يوم الاثنين.", WEDNESDAY, "2016-03-28"),
    ("قتل ثلاثة جنود الأربعاء.", WEDNESDAY, "2016-03-30"),  # on or before the article
    ("قتل ثلاثة جنود يوم الأربعاء الماضي.", WEDNESDAY, "2016-03-23"),  # strictly before
    ("قتل ثلاثة جنود الخميس.", WEDNESDAY, "2016-03-24"),
    ("والجمعة قتل ثلاثة جنود.", WEDNESDAY, "2016-03-25"),
    ("يزور الوزير دمشق الأحد المقبل.", WEDNESDAY, "2016-04-03"),
    ("قتل ثلاثة جنود يوم السبت.", "2016-01-01T09:00:00+03:00", "2015-12-26"),
])
def test_a_weekday_is_the_latest_such_day_on_or_before_the_article(sentence, article, expected):
    assert day(sentence, article) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("قتل ثلاثة جنود في 27 مارس.", "2016-03-27"),
    ("قتل ثلاثة جنود في 27 آذار.", "2016-03-27"),
    ("قتل ثلاثة جنود في 2 كانون الثاني.", "2016-01-02"),
    ("قتل ثلاثة جنود في 5 أيلول.", "2015-09-05"),  # no year: not after the article
    ("قتل ثلاثة جنود في 27 تموز (يوليو) 2014.", "2014-07-27"),
    ("قتل ثلاثة جنود في 27 تموز/يوليو 2014.", "2014-07-27"),
    ("قتل ثلاثة جنود في 27 من شهر مارس 2015.", "2015-03-27"),
    ("قتل ثلاثة جنود في 27 مارس من العام 2015.", "2015-03-27"),
    ("قتل ثلاثة جنود الاثنين 21 مارس.", "2016-03-21"),  # the date, not the weekday
    ("قتل ثلاثة جنود في 27/3/2015.", "2015-03-27"),
    ("قتل ثلاثة جنود في 2015-03-27.", "2015-03-27"),
    ("يزور الوزير دمشق في 15 أبريل المقبل.", "2016-04-15"),
    ("قتل ثلاثة جنود في شهر آب.", "2015-08-01"),
    ("قتل ثلاثة جنود في فبراير الماضي.", "2016-02-01"),
    ("قتل ثلاثة جنود في مارس الماضي.", "2015-03-01"),  # a March that ended before
    ("قتل ثلاثة جنود في مارس 2014.", "2014-03-01"),
])
def test_a_day_and_month_in_both_forms_with_or_without_a_year(sentence, expected):
    assert day(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("قتل ثلاثة جنود منتصف يوليو.", "2015-07-15"),
    ("قتل ثلاثة جنود مطلع يوليو 2014.", "2014-07-01"),
    ("قتل ثلاثة جنود أوائل شباط.", "2016-02-01"),
    ("قتل ثلاثة جنود أواخر فبراير.", "2016-02-29"),  # the month's last day
    ("قتل ثلاثة جنود في نهاية شهر فبراير 2015.", "2015-02-28"),
    ("قتل ثلاثة جنود في منتصف الشهر الماضي.", "2016-02-15"),
])
def test_parts_of_a_month(sentence, expected):
    assert day(sentence) == expected


@pytest.mark.parametrize("sentence, article, expected", [
    ("وقع الهجوم في 28 ديسمبر.", "2017-01-03", "2016-12-28"),
    ("وقع الهجوم في 28 كانون الأول.", "2017-01-03", "2016-12-28"),
    ("قتل ثلاثة جنود الشهر الماضي.", "2017-01-03", "2016-12-01"),
    ("قتل ثلاثة جنود الأسبوع الماضي.", "2017-01-03", "2016-12-27"),
    ("قتل ثلاثة جنود أمس.", "2017-01-01", "2016-12-31"),
    ("قتل ثلاثة جنود في 29 فبراير.", "2017-03-03", "2016-02-29"),  # the latest leap year
])
def test_the_year_rolls_over(sentence, article, expected):
    assert day(sentence, article) == expected


@pytest.mark.parametrize("sentence", [
    "قتل ثلاثة جنود في هجوم.",
    "حتى اليوم لم تعلن أي جهة مسؤوليتها.",
    "وقع الهجوم الثاني في اليوم التالي.",
    "الخلاف بين الاثنين قديم.",  # the two, not Monday
    "قتل 15 شخصا في 15 غارة.",
    "قتل ثلاثة جنود في 32 مارس.",  # no such day
])
def test_otherwise_the_article_date(sentence):
    assert day(sentence) == WEDNESDAY


def test_the_date_part_of_a_date_time_and_no_date_without_one():
    assert day("قتل ثلاثة جنود.", "2016-03-30T23:59:00Z") == "2016-03-30"
    assert day("قتل ثلاثة جنود أمس.", None) is None
    assert day("قتل ثلاثة جنود يوم الاثنين.", "not a date") is None
    assert day("قتل ثلاثة جنود في 27 مارس.", None) is None  # no year, no article date
    assert day("قتل ثلاثة جنود في 27 مارس 2016.", None) == "2016-03-27"
    assert day("قتل ثلاثة جنود في 27/3/2016.", None) == "2016-03-27"


def test_the_first_date_of_the_sentence_wins():
    assert day("قتل ثلاثة جنود أمس في هجوم يشبه هجوم 15 يوليو 2014.") == "2016-03-29"


def test_the_date_is_read_from_the_given_sentence_only():
    tokens = tokenize("قتل جندي أمس. وأصيب آخر في 27 مارس.")
    first = next(i for i, t in enumerate(tokens) if t.text == ".") + 1
    assert event_date(WEDNESDAY, tokens, 0, first) == "2016-03-29"
    assert event_date(WEDNESDAY, tokens, first, len(tokens)) == "2016-03-27"


def test_a_broken_lexicon_is_named_with_what_is_wrong(tmp_path):
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "dates.yaml").write_text("months: [1, 2]\n", encoding="utf-8")
    with pytest.raises(OntologyError, match=r"dates\.yaml: cannot read it"):
        _lexicon(tmp_path)


@pytest.mark.parametrize("sentence", [
    "وقع الهجوم في 10/1/1436 هـ في مدينة الطائف.",
    "قتل ثلاثة جنود يوم 1436-10-05 في هجوم.",
])
def test_a_hijri_date_is_no_gregorian_date(sentence):
    assert day(sentence) == WEDNESDAY  # the article's date, not the year 1436
