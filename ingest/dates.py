"""The day a sentence's event happened, from the article's date and the sentence's words.

The words are data (``ontology/lexicon/dates.yaml``): اليوم، أمس (−1)، أول أمس (−2)، غدا، a
weekday (the latest such day on or before the article's date; with الماضي strictly before),
الأسبوع الماضي (−7 days), الشهر الماضي (the first day of the previous month), a day and month
(27 مارس، 27 آذار، 27 تموز (يوليو)، 27 من شهر مارس 2016), a part of a month (مطلع يوليو: the
1st; منتصف: the 15th; أواخر، نهاية: the last day), a month with a year (مارس 2016: the 1st), a
numeric date (27/3/2016، 2016-03-27). Without a year, a date is the latest one not after the
article's date (28 ديسمبر in an article of 3 January: the previous year), or with الماضي
strictly before it, with المقبل strictly after it, with الجاري in its year. The first of these
in the sentence that can be resolved wins; with none, the article's date (None without one).

>>> from ingest.normalize import tokenize
>>> tokens = tokenize("قتل ثلاثة جنود يوم الاثنين الماضي في كمين.")
>>> event_date("2016-03-30T08:00:00Z", tokens, 0, len(tokens))
'2016-03-28'
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Final

from ingest import ONTOLOGY_DIR
from ingest.lexicon import _read, name_key
from ingest.normalize import Token, normalize_text
from naba.errors import OntologyError

__all__ = ["event_date", "load_dates"]

LAST: Final = 0  # the day of a part of a month that means its last day (أواخر، نهاية)
_FIRST_GREGORIAN_YEAR: Final = 1600  # Hijri years in the news are 1300-1500 (1436 هـ = 2015)
NOT_AFTER, BEFORE, AFTER, IN_YEAR = 0, 1, 2, 3  # how a date without a year is placed


def event_date(article_date: str | None, tokens: list[Token], start: int,
               end: int) -> str | None:
    """The ISO date (yyyy-mm-dd) of the event of the sentence ``tokens[start:end]``.

    >>> from ingest.normalize import tokenize
    >>> tokens = tokenize("وقع الهجوم في 28 ديسمبر.")
    >>> event_date("2017-01-03", tokens, 0, len(tokens))
    '2016-12-28'
    """
    lex = _lexicon(ONTOLOGY_DIR)
    base = _article_day(article_date)
    i = start
    while i < end:
        found, i = _date_at(tokens, i, start, end, base, lex)
        if found is not None:
            return found.isoformat()
    return base.isoformat() if base is not None else None


def load_dates(directory: Path = ONTOLOGY_DIR) -> None:
    """Read the tables of dates now rather than at the first date sought (a build reads them
    before its workers fork)."""
    _lexicon(directory)


# --- helpers -----------------------------------------------------------------------------------

@dataclass
class _Lexicon:
    """dates.yaml as lookup tables of normalized key tuples."""

    months: dict[tuple[str, ...], int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    days: dict[tuple[str, ...], int] = field(default_factory=dict)
    months_from_now: dict[tuple[str, ...], int] = field(default_factory=dict)
    parts: dict[str, int] = field(default_factory=dict)  # 0: the last day
    past: set[str] = field(default_factory=set)
    future: set[str] = field(default_factory=set)
    this_year: set[str] = field(default_factory=set)
    year_words: set[str] = field(default_factory=set)
    not_before_today: set[str] = field(default_factory=set)
    not_before_weekday: set[str] = field(default_factory=set)
    starts: set[str] = field(default_factory=set)  # the first words of all of these
    joined_starts: set[str] = field(default_factory=set)  # those under و ف ب ل (``_bare``)


@lru_cache(maxsize=2)
def _lexicon(directory: Path) -> _Lexicon:
    path = directory / "lexicon" / "dates.yaml"
    data = _read(path, mapping=True)
    lex = _Lexicon()
    try:
        lex.months = {name_key(n): int(m) for m, names in data["months"].items() for n in names}
        lex.weekdays = {normalize_text(n): int(d) for d, names in data["weekdays"].items()
                        for n in names}
        lex.days = {name_key(w): int(n) for w, n in data["days"].items()}
        lex.months_from_now = {name_key(w): int(n) for w, n in data["months_from_now"].items()}
        lex.parts = {normalize_text(w): LAST if d == "last" else int(d)
                     for w, d in data["parts"].items()}
        words = {name: {normalize_text(w) for w in data[name]} for name in (
            "past", "future", "this_year", "year_words", "not_before_today", "not_before_weekday")}
        lex.past, lex.future, lex.this_year = words["past"], words["future"], words["this_year"]
        lex.year_words = words["year_words"]
        lex.not_before_today = words["not_before_today"]
        lex.not_before_weekday = words["not_before_weekday"]
        lex.starts = {k[0] for table in (lex.months, lex.days, lex.months_from_now)
                      for k in table} | set(lex.weekdays) | set(lex.parts)
        lex.joined_starts = {c + w for w in lex.starts for c in "وفبل"}
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise OntologyError(f"{path}: cannot read it ({exc!r}); the comments in the file give "
                            "its shape") from exc
    return lex


def _article_day(value: str | None) -> date | None:
    """The date part of an ISO date or date-time, or None."""
    try:
        return date.fromisoformat(value.strip()[:10]) if value else None
    except ValueError:
        return None


def _date_at(tokens: list[Token], i: int, start: int, end: int, base: date | None,
             lex: _Lexicon) -> tuple[date | None, int]:
    """The date an expression at ``tokens[i]`` gives (None if none, or none can be resolved)
    and where to look next."""
    key = tokens[i].key
    before = tokens[i - 1].key if i > start else ""
    if key not in lex.starts and not (len(key) > 3 and key in lex.joined_starts) and \
            not key.isdecimal():  # no word of a date, nor one under a proclitic (``_bare``)
        return None, i + 1
    numeric = _numeric_date(tokens, i, end)
    if numeric is not None:
        return numeric, end
    if tokens[i].key.isdecimal() and 1 <= int(tokens[i].key) <= 31:
        month, j = _month_after(tokens, i + 1, end, lex, ("من", "شهر"))
        if month:
            year, how, j = _year(tokens, j, end, lex)
            return _place(base, int(tokens[i].key), month, year, how), j
    part = lex.parts.get(_bare(tokens[i].key), -1)
    if part >= 0 and i + 1 < end:
        n, shift = _phrase(tokens, i + 1, end, lex.months_from_now)
        if n and base is not None:  # منتصف الشهر الماضي
            first = _add_months(base, shift)
            return first.replace(day=_day_of(part, first.year, first.month)), i + 1 + n
        month, j = _month_after(tokens, i + 1, end, lex, ("شهر",))
        if month:
            year, how, j = _year(tokens, j, end, lex)
            return _place(base, part, month, year, how), j
    n, offset = _phrase(tokens, i, end, lex.days)
    if n and _is_today_word(tokens, i, end, before, offset == 0 and n == 1, lex):
        return (base + timedelta(days=offset) if base is not None else None), i + n
    n, shift = _phrase(tokens, i, end, lex.months_from_now)
    if n:
        return (_add_months(base, shift) if base is not None else None), i + n
    weekday = lex.weekdays.get(_bare(tokens[i].key), -1)
    if weekday >= 0 and before not in lex.not_before_weekday:
        if _day_month_within(tokens, i + 1, end, lex):
            return None, i + 1  # الاثنين 27 مارس: the date says it
        after = tokens[i + 1].key if i + 1 < end else ""
        return (_weekday(base, weekday, after, lex) if base is not None else None), i + 1
    month, j = _month_after(tokens, i, end, lex, ())
    if month and (len(tokens[i].key) > 2 or before == "شهر"):  # a month alone: في مارس
        year, how, k = _year(tokens, j, end, lex)
        if year or how != NOT_AFTER or before in ("في", "شهر", "خلال"):
            # its first day; but مارس الماضي is a March that ended before the article
            found = _place(base, LAST if how == BEFORE else 1, month, year, how)
            return (found.replace(day=1) if found is not None else None), k
    return None, i + 1


def _numeric_date(tokens: list[Token], i: int, end: int) -> date | None:
    """27/3/2016 or 2016-03-27, written without spaces."""
    if i + 4 >= end or not all(tokens[k].key.isdecimal() for k in (i, i + 2, i + 4)):
        return None
    if tokens[i + 1].text != tokens[i + 3].text or tokens[i + 1].text not in "/-." or not all(
            tokens[k].start == tokens[k - 1].end for k in range(i + 1, i + 5)):
        return None
    a, b, c = (int(tokens[k].key) for k in (i, i + 2, i + 4))
    day, month, year = (c, b, a) if len(tokens[i].key) == 4 else (a, b, c)
    return _valid(year, month, day) if len(str(year)) == 4 else None


def _month_after(tokens: list[Token], i: int, end: int, lex: _Lexicon,
                 fillers: tuple[str, ...]) -> tuple[int, int]:
    """The month named at ``tokens[i]`` (after the ``fillers`` words: من شهر), with another name
    for it in brackets or after a slash (تموز (يوليو)، مارس/آذار), and the index after it."""
    while i < end and tokens[i].key in fillers:
        i += 1
    n, month = _phrase(tokens, i, end, lex.months)
    if not n:
        return 0, i
    j = i + n
    if j + 1 < end and tokens[j].text in "(/":
        m, again = _phrase(tokens, j + 1, end, lex.months)
        if m and again == month:
            j += 1 + m
            if j < end and tokens[j].text == ")":
                j += 1
    return month, j


def _day_month_within(tokens: list[Token], i: int, end: int, lex: _Lexicon) -> bool:
    for k in range(i, min(i + 2, end)):
        if tokens[k].key.isdecimal() and _month_after(tokens, k + 1, end, lex, ("من", "شهر"))[0]:
            return True
    return False


def _year(tokens: list[Token], j: int, end: int, lex: _Lexicon) -> tuple[int, int, int]:
    """A year after a month (2016، من العام 2016، عام 2016), or how to place the date: الماضي,
    المقبل, الجاري; and the index after it."""
    k = j
    while k < end and tokens[k].key in lex.year_words:
        k += 1
    if k < end and len(tokens[k].key) == 4 and tokens[k].key.isdecimal():
        return int(tokens[k].key), NOT_AFTER, k + 1
    if j < end:
        key = tokens[j].key
        if key in lex.past:
            return 0, BEFORE, j + 1
        if key in lex.future:
            return 0, AFTER, j + 1
        if key in lex.this_year:
            return 0, IN_YEAR, j + 1
    return 0, NOT_AFTER, j


def _place(base: date | None, day: int, month: int, year: int, how: int) -> date | None:
    """The date of ``day`` (LAST: the month's last) and ``month``: in ``year`` when given, else
    placed by ``how`` against the article's date; None when it cannot be."""
    if year:
        return _valid(year, month, _day_of(day, year, month))
    if base is None:
        return None
    if how == IN_YEAR:
        return _valid(base.year, month, _day_of(day, base.year, month))
    step = 1 if how == AFTER else -1
    for candidate in range(base.year, base.year + 9 * step, step):
        found = _valid(candidate, month, _day_of(day, candidate, month))
        if found is None:
            continue  # 29 February: the nearest leap year
        if (how == NOT_AFTER and found <= base) or (how == BEFORE and found < base) or (
                how == AFTER and found > base):
            return found
    return None


def _day_of(day: int, year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1] if day == LAST else day


def _valid(year: int, month: int, day: int) -> date | None:
    """The date, if it is one of the Gregorian calendar: not a Hijri one (10/1/1436 هـ)."""
    if year < _FIRST_GREGORIAN_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday(base: date, weekday: int, after: str, lex: _Lexicon) -> date:
    """The latest such weekday on or before ``base`` (strictly before after الماضي; the next
    one after المقبل)."""
    if after in lex.future:
        return base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
    back = (base.weekday() - weekday) % 7
    if back == 0 and after in lex.past:
        back = 7
    return base - timedelta(days=back)


def _add_months(base: date, shift: int) -> date:
    """The first day of the month ``shift`` months from ``base``'s."""
    months = base.year * 12 + base.month - 1 + shift
    return date(months // 12, months % 12 + 1, 1)


def _is_today_word(tokens: list[Token], i: int, end: int, before: str, today: bool,
                   lex: _Lexicon) -> bool:
    """A word of ``days``; but اليوم (``today``) is no date after حتى or ذلك, nor before a word
    with ال that is not a weekday (اليوم التالي، اليوم العالمي)."""
    if not today:
        return True
    if before in lex.not_before_today:
        return False
    following = tokens[i + 1].key if i + 1 < end else ""
    return not (following.startswith("ال") and following not in lex.weekdays)


def _bare(key: str) -> str:
    """A key without a proclitic و ف ب ل (والاثنين، بالأمس)."""
    return key[1:] if len(key) > 3 and key[0] in "وفبل" else key


def _phrase(tokens: list[Token], i: int, end: int,
            table: dict[tuple[str, ...], int]) -> tuple[int, int]:
    """The length and value of the longest phrase of ``table`` at ``tokens[i]`` (its first word
    maybe under a proclitic), or (0, 0)."""
    for n in (4, 3, 2, 1):
        if i + n <= end:
            keys = tuple(t.key for t in tokens[i:i + n])
            found = table.get(keys)
            if found is None and _bare(keys[0]) != keys[0]:
                found = table.get((_bare(keys[0]),) + keys[1:])
            if found is not None:
                return n, found
    return 0, 0
