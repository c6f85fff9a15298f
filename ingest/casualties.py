"""Death tolls and numbers of wounded that a sentence states, in digits or words.

The words are data (``ontology/lexicon/casualties.yaml``, with the people nouns of
``sectors.yaml`` and the month and weekday names of ``dates.yaml``). A count (a number, a vague
quantity, a dual or singular noun) is a toll when a casualty noun follows it (سبعة قتلى), a cue
follows it (لقي 20 شخصا حتفهم) or precedes it within reach (قتل 15 شخصا), or و joins it to a
toll just before, or before its place (مقتل 5 جنود و10 مسلحين: 15; مقتل 8 في القرية و6 في
المدينة: 14), or a cue after it gives its side to the count و joins to it (5 مدنيين و3 جنود
قتلوا: 8). Counts of one side are summed; a vague one (العشرات) leaves that side unknown;
a count after بينهم is part of the one before.

>>> from ingest.normalize import tokenize
>>> tokens = tokenize("أسفر الهجوم عن مقتل خمسة وعشرين شخصا وإصابة 40 آخرين على الأقل.")
>>> find_casualties(tokens, 0, len(tokens))
Casualties(killed=25, injured=40, stated=True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Final, NamedTuple

from ingest import ONTOLOGY_DIR
from ingest.lexicon import _read, name_key
from ingest.normalize import Token, is_word, normalize_text
from naba.errors import OntologyError

__all__ = ["Casualties", "find_casualties", "load_casualties"]

KILLED, INJURED, BOTH = 0, 1, 2  # BOTH: one count of the two sides (15 بين قتيل وجريح)
REACH: Final = 4  # words between a cue and its count (transparent words and "at least" not counted)
GAP: Final = 4  # at most the words of a phrase of place between two counts of one side, plus the و
VAGUE: Final = -1  # the value of a count with no number (العشرات)


class Casualties(NamedTuple):
    """The dead and the wounded a sentence states; None where it states no exact number."""

    killed: int | None
    injured: int | None
    stated: bool = False  # it states dead or wounded, if only vaguely (قتل العشرات)


def find_casualties(tokens: list[Token], start: int, end: int) -> Casualties:
    """The toll stated by the sentence of ``tokens[start:end]``.

    >>> from ingest.normalize import tokenize
    >>> tokens = tokenize("قتل جندي وثمانية مسلحين، وأصيب العشرات.")
    >>> find_casualties(tokens, 0, len(tokens))
    Casualties(killed=9, injured=None, stated=True)
    """
    lex = _lexicon(ONTOLOGY_DIR)
    sums, vague, found = [0, 0], [False, False], [False, False]
    cue, reach = -1, 0  # the side of the last cue and the words left in its reach
    last, last_end = -1, -1  # the side of the last toll and where it ended, for و
    held, held_end = -1, -1  # the same, past a short phrase of place: مقتل 8 في القرية و6 في …
    pending, pending_end = 0, -1  # a count with no side yet, and where it ended: a count that
    # و joins to it and a cue after gives both their side (5 مدنيين و3 جنود قتلوا: 8)
    subset = False  # after بينهم: counts are part of the toll before
    i = start
    while i < end:
        token = tokens[i]
        if not is_word(token):
            cue, last, held, pending_end = -1, -1, -1, -1
            i += 1
            continue
        skip, month = _phrase_at(tokens, i, end, lex.skipped, lex.starts)
        if skip:
            if month and i + skip < end and _is_year(tokens[i + skip]):
                skip += 1  # 15 يوليو 2015
            if i == last_end:
                last_end += skip
            i += skip
            continue
        key = token.key
        side = _cue(key, lex)
        if side < 0 and i > start and (tokens[i - 1].key, key) in lex.fell_victim:
            side = KILLED  # راحوا ضحية الهجوم: a cue, no count
        if side < 0 and (i == start or tokens[i - 1].key not in ("بين", "من")):
            side = _toll_noun(key, lex)  # ارتفع عدد القتلى إلى 40
        if side >= 0:
            cue, reach, subset, last, held, pending_end = side, REACH, False, -1, -1, -1
            i += 1
            if i < end and _cue(tokens[i].key, lex) == 1 - side:  # مقتل وإصابة 20: both sides
                cue, i = -1, i + 1
            continue
        if key in lex.subset or (key == "من" and i + 1 < end and tokens[i + 1].key in lex.subset):
            subset, cue, last, held, pending_end = True, -1, -1, -1, -1
            i += 1
            continue
        joined = last >= 0 and i - last_end <= 1 and (tokens[i - 1].key == "و" or _and(key, lex))
        if not joined and held >= 0 and i - held_end <= GAP and _and(key, lex):
            joined, last = True, held
        count = _count(tokens, i, end, lex, (cue >= 0 and not subset) or joined)
        if count is None:
            if key in lex.stops:
                cue, last = -1, -1
            elif cue >= 0:
                reach -= 1
                if reach <= 0:
                    cue = -1
            i += 1
            continue
        value, side, j = count
        if side == BOTH:
            cue, last, i = -1, -1, j
            continue
        after = side < 0  # the cue after the count is used up: 5 جنود قتلوا | وجرح 10
        if after:
            side, j = _after_at(tokens, j, end, lex)
            after = side >= 0
        if side < 0:
            side = cue if cue >= 0 else (last if joined else -1)
        if side >= 0 and not subset:
            if after and pending_end >= 0 and _joined_to(tokens, pending_end, i, lex):
                value = VAGUE if VAGUE in (value, pending) else value + pending
            found[side] = True
            if value == VAGUE:
                vague[side] = True
            else:
                sums[side] += value
            last, last_end = side, j
            held, held_end = (-1, -1) if after else (side, j)  # a verb after ends the phrase
        pending, pending_end = (value, j) if side < 0 and not subset else (0, -1)
        cue = -1
        i = j
    killed, injured = (None if vague[s] or not found[s] else sums[s] for s in (KILLED, INJURED))
    return Casualties(killed, injured, any(found))


def load_casualties(directory: Path = ONTOLOGY_DIR) -> None:
    """Read the tables of tolls now rather than at the first toll sought (a build reads them
    before its workers fork)."""
    _lexicon(directory)


# --- helpers -----------------------------------------------------------------------------------

@dataclass
class _Lexicon:
    """casualties.yaml as lookup tables of normalized keys."""

    numbers: dict[str, tuple[int, int]] = field(default_factory=dict)  # key → (value, order)
    teens: dict[str, int] = field(default_factory=dict)
    vague: dict[tuple[str, ...], int] = field(default_factory=dict)  # phrase → 0
    vague_words: dict[str, int] = field(default_factory=dict)  # its one-word phrases → 0
    cues: dict[str, int] = field(default_factory=dict)  # key → side
    after: dict[str, int] = field(default_factory=dict)
    nouns: dict[str, tuple[int, int]] = field(default_factory=dict)  # key → (side, count or 0)
    people: dict[str, int] = field(default_factory=dict)  # key → 1, 2, or 0 for a plural
    not_people: dict[tuple[str, ...], int] = field(default_factory=dict)  # phrase → 0
    skipped: dict[tuple[str, ...], int] = field(default_factory=dict)  # phrase → 1 if a month
    not_after: set[str] = field(default_factory=set)
    subset: set[str] = field(default_factory=set)
    stops: set[str] = field(default_factory=set)
    adjectives: set[str] = field(default_factory=set)
    fell_victim: set[tuple[str, ...]] = field(default_factory=set)
    each: set[str] = field(default_factory=set)
    starts: set[str] = field(default_factory=set)  # first words of the phrase tables
    noun_forms: dict[str, tuple[str, bool]] = field(default_factory=dict)  # see _forms
    people_forms: dict[str, tuple[str, bool]] = field(default_factory=dict)
    vague_forms: dict[str, tuple[str, bool]] = field(default_factory=dict)


@lru_cache(maxsize=2)
def _lexicon(directory: Path) -> _Lexicon:
    data = _read(directory / "lexicon" / "casualties.yaml", mapping=True)
    sectors = _read(directory / "lexicon" / "sectors.yaml", mapping=True)
    dates = _read(directory / "lexicon" / "dates.yaml", mapping=True)
    lex = _Lexicon()
    try:
        for order, name in enumerate(("units", "tens", "hundreds", "thousands")):
            for word, value in data[name].items():
                lex.numbers[normalize_text(word)] = (int(value), order)
        lex.teens = {normalize_text(w): int(v) for w, v in data["teens"].items()}
        for side, name in ((KILLED, "killed"), (INJURED, "injured")):
            lex.cues.update((normalize_text(w), side) for w in data[name]["cues"])
            lex.after.update((normalize_text(w), side) for w in data[name]["after"])
            lex.nouns.update((normalize_text(w), (side, int(n or 0)))
                             for w, n in data[name]["nouns"].items())
        for entry in sectors.values():
            lex.people.update((k[0], 0) for k in map(name_key, entry["words"]) if len(k) == 1)
        lex.people.update((normalize_text(w), int(n or 0)) for w, n in data["people"].items())
        months = [n for ns in dates["months"].values() for n in ns]
        weekdays = [n for ns in dates["weekdays"].values() for n in ns]
        lex.vague = dict.fromkeys(map(name_key, data["vague"]), 0)
        lex.vague_words = {k[0]: 0 for k in lex.vague if len(k) == 1}
        lex.not_people = dict.fromkeys(map(name_key, data["not_people"] + months + weekdays), 0)
        lex.skipped = dict.fromkeys(map(name_key, data["about"] + data["transparent"] + weekdays), 0)
        lex.skipped.update(dict.fromkeys(map(name_key, months), 1))
        lex.not_after = {normalize_text(w) for w in data["not_after"]}
        lex.subset = {normalize_text(w) for w in data["subset"]}
        lex.stops = {normalize_text(w) for w in data["stops"]}
        lex.adjectives = {normalize_text(w) for w in data["adjectives"]}
        lex.fell_victim = set(map(name_key, data["fell_victim"]))
        lex.each = {normalize_text(w) for w in data["each"]}
        lex.starts = {k[0] for table in (lex.vague, lex.not_people, lex.skipped) for k in table}
        lex.noun_forms, lex.people_forms = _forms(lex.nouns), _forms(lex.people)
        lex.vague_forms = _forms(lex.vague_words)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise OntologyError(f"{directory / 'lexicon' / 'casualties.yaml'} (with the sectors.yaml "
                            f"and dates.yaml it reads): cannot read it ({exc!r}); the comments in "
                            "the file give its shape") from exc
    return lex


def _joined_to(tokens: list[Token], a: int, i: int, lex: _Lexicon) -> bool:
    """Whether و joins the count at ``tokens[i]`` to the count that ended at ``a``: just after
    it, or after whose it is (19 على الأقل من مقاتلي الحركة وجنديان)."""
    key = tokens[i].key
    if not (key.startswith("و") and len(key) > 1) and tokens[i - 1].key != "و":
        return False
    b = i - 1 if tokens[i - 1].key == "و" else i
    if a == b:
        return True
    k = a + _phrase_at(tokens, a, b, lex.skipped, lex.starts)[0]
    return k < b and tokens[k].key == "من" and b - k <= 5 and all(
        is_word(t) for t in tokens[k:b])


def _phrase_at(tokens: list[Token], i: int, end: int, table: dict[tuple[str, ...], int],
               starts: set[str]) -> tuple[int, int]:
    """The length and value of the longest phrase of ``table`` at ``tokens[i]`` (under a
    proclitic و), or (0, 0)."""
    first = tokens[i].key
    if first not in starts and not (first.startswith("و") and first[1:] in starts):
        return 0, 0  # (the first words of the tables are ``starts``)
    for n in (4, 3, 2, 1):
        if i + n <= end:
            keys = tuple(t.key for t in tokens[i:i + n])
            found = table.get(keys)
            if found is None and keys[0].startswith("و"):
                found = table.get((keys[0][1:],) + keys[1:])
            if found is not None:
                return n, found
    return 0, 0


def _is_year(token: Token) -> bool:
    return len(token.key) == 4 and token.key.isdecimal()


def _cue(key: str, lex: _Lexicon) -> int:
    """The side (KILLED, INJURED) of a cue word under و ف ب ل (وبمقتل), or -1."""
    side = lex.cues.get(key, -1)
    if side < 0 and len(key) > 3 and key[0] in "وفبل":
        side = lex.cues.get(key[1:], -1)
        if side < 0 and len(key) > 4 and key[1] in "بل":
            side = lex.cues.get(key[2:], -1)
    return side


def _and(key: str, lex: _Lexicon) -> bool:
    """Whether a word starts with the conjunction و (و10، وثمانية، ومدني; not واحد)."""
    return key.startswith("و") and len(key) > 1 and key not in lex.numbers and (
        key not in lex.people and key not in lex.nouns)


def _toll_noun(key: str, lex: _Lexicon) -> int:
    """The side of a definite plural casualty noun, a cue for the count after it, or -1."""
    noun = lex.noun_forms.get(key)
    return lex.nouns[noun[0]][0] if noun is not None and noun[1] and not lex.nouns[noun[0]][1] \
        else -1


def _forms(table: dict) -> dict[str, tuple[str, bool]]:
    """Every form of the keys of ``table`` under و and ال (بال، لل) → (its key, whether it is
    definite), made once: a word is its own key before an article's, and both before و's."""
    out: dict[str, tuple[str, bool]] = {}
    for conj in ("", "و"):
        out.update((conj + w, (w, False)) for w in table if conj + w not in out)
        for article in ("ال", "بال", "لل"):
            out.update((conj + article + w, (w, True)) for w in table
                       if conj + article + w not in out)
    return out


_GLUED: Final = re.compile(r"^(\d+)(\D{3,})$")


def _count(tokens: list[Token], i: int, end: int, lex: _Lexicon,
           after_cue: bool) -> tuple[int, int, int] | None:
    """A count at ``tokens[i]``: (value or VAGUE, the side its casualty noun gives or -1, the
    index after it); None when there is none, or it counts something else (15 غارة) or both
    sides at once (15 قتيلا وجريحا). A person noun alone counts just after a cue (قتل جندي)."""
    value, j = _number(tokens, i, end, lex)
    if j == i + 1 and tokens[i].key in lex.adjectives and i > 0 and is_word(tokens[i - 1]) and \
            _cue(tokens[i - 1].key, lex) < 0 and tokens[i - 1].key not in lex.numbers:
        return None  # بحجر واحد: "one" after a noun is its adjective, no count
    glued = _GLUED.match(tokens[i].key) if j == i and tokens[i].key[:1].isdecimal() else None
    if j == i and glued and (glued[2] in lex.people_forms or glued[2] in lex.noun_forms):
        noun = lex.noun_forms.get(glued[2])  # 14جنديا، 7قتلى: digits and the noun in one word
        side = lex.nouns[noun[0]][0] if noun else -1
        return int(glued[1]), side, i + 1
    if j == i:
        vague = _phrase_at(tokens, i, end, lex.vague, lex.starts)[0]
        if not vague and tokens[i].key in lex.vague_forms:
            vague = 1  # العشرات
        if vague:
            value, j = VAGUE, i + vague
    side = -1
    if j > i:  # a number: what does it count?
        if j < end and _phrase_at(tokens, j, end, lex.not_people, lex.starts)[0]:
            return None
        if j + 1 < end and tokens[j].key == "من" and tokens[j + 1].key in lex.people_forms:
            j += 2  # 3 من الجنود
        noun = lex.noun_forms.get(tokens[j].key) if j < end and not (
            tokens[j].key.startswith("و") and tokens[j].key not in lex.nouns) else None
        if noun is not None:  # not مقتل 21 وإصابة 36: و opens the other side's count
            side, j = lex.nouns[noun[0]][0], j + 1
        elif j < end and tokens[j].key in lex.people_forms:
            j += 1
    else:  # a noun that says its own number: قتيلان، جريح؛ after a cue: جندي، جنديين
        if i > 0 and tokens[i - 1].key in lex.each:
            return None  # وسام لكل شهيد: each one, no count
        noun = lex.noun_forms.get(tokens[i].key)
        person = lex.people_forms.get(tokens[i].key) if noun is None else None
        if person is not None and not after_cue and _after_at(tokens, i + 1, end, lex)[0] < 0:
            person = None  # جنديين ليبيين قتلا: a person noun needs a cue, before or after
        if noun is not None and not noun[1] and lex.nouns[noun[0]][1]:
            side, value, j = lex.nouns[noun[0]][0], lex.nouns[noun[0]][1], i + 1
        elif person is not None and lex.people[person[0]]:
            value, j = lex.people[person[0]], i + 1
        else:
            return None
    if j < end and side >= 0:
        if tokens[j].key in lex.not_after:
            return None  # 500 إصابة جديدة بفيروس كورونا
        other = lex.noun_forms.get(tokens[j].key) if tokens[j].key.startswith("و") else None
        if other is not None and lex.nouns[other[0]][0] == 1 - side:
            return 0, BOTH, j + 1  # 15 قتيلا وجريحا
    if side < 0 and j + 2 < end and tokens[j].key == "بين" and tokens[j + 1].key in lex.noun_forms:
        return 0, BOTH, j + 3  # 15 بين قتيل وجريح
    return value, side, j


def _after_at(tokens: list[Token], j: int, end: int, lex: _Lexicon) -> tuple[int, int]:
    """The side a cue just after a count gives it (5 جنود قتلوا، لقي 20 شخصا حتفهم), past an
    adjective, "at least" or whose they were (12 شخصا على الأقل قتلوا، 390 مقاتلا كرديا قتلوا،
    12 جنديا من الجيش السوري قتلوا), or -1; and the index after that cue. Not a cue under و
    that a count follows (مسلحان وقتلا خلاله 21 سائحا: the two killed 21)."""
    k, words, limit = j, 0, 3
    while k < end and words < limit:
        skip = _phrase_at(tokens, k, end, lex.skipped, lex.starts)[0]
        if skip:
            k += skip
            continue
        key = tokens[k].key
        side = lex.after.get(key, lex.after.get(key[1:], -1) if key[:1] in "وف" else -1)
        if side >= 0 and key not in lex.after and any(
                t.key.isdecimal() or t.key in lex.numbers for t in tokens[k + 1:min(k + 3, end)]):
            break  # نفذه مسلحان وقتلا خلاله 21 سائحا: a verb of their own, and its count
        if side >= 0:
            return side, k + 1
        if key == "من" and words <= 2 and limit == 3:
            limit = words + 5  # whose they were: 12 جنديا من الجيش السوري قتلوا
        elif not is_word(tokens[k]) or key in lex.stops or key[:1] in "وف" and \
                key not in lex.adjectives or key.isdecimal() or _cue(key, lex) >= 0:
            break  # another phrase or count: مقتل 12 شخصا | وإصابة 30 بجروح
        k, words = k + 1, words + 1
    return -1, j


def _number(tokens: list[Token], i: int, end: int, lex: _Lexicon) -> tuple[int, int]:
    """The number written at ``tokens[i]`` and the index after it (``i`` when there is none):
    digits (Western or Arabic-Indic, 1,200), maybe times a thousands word, or number words."""
    key = tokens[i].key
    digits = key.removeprefix("و")
    if digits.isdecimal():
        value, j = int(digits), i + 1
        while (j + 1 < end and tokens[j].text in ",٬" and _adjacent(tokens, j)
               and len(tokens[j + 1].key) == 3 and tokens[j + 1].key.isdecimal()):
            value, j = value * 1000 + int(tokens[j + 1].key), j + 2
        if j + 1 < end and tokens[j].text in ".,٫" and _adjacent(tokens, j) \
                and tokens[j + 1].key.isdecimal():
            return 0, i  # 3.5: not a count of people
        thousands = lex.numbers.get(tokens[j].key, (0, 0)) if j < end else (0, 0)
        if thousands[1] == 3:
            value, j = value * thousands[0], j + 1  # 400 ألف
        return value, j
    total, current, order, j = 0, 0, 9, i
    while j < end:
        word, joined = tokens[j].key, False
        if word == "و" and j > i and j + 1 < end:  # خمسة و عشرين
            word, joined, j = tokens[j + 1].key, True, j + 1
        elif word not in lex.numbers and word not in lex.teens and word.startswith("و"):
            word, joined = word[1:], j > i
        if word in lex.teens and j + 1 < end and lex.numbers.get(tokens[j + 1].key, (0, 9)) == (
                10, 0):
            if j > i:
                break
            current, order, j = lex.teens[word] + 10, 0, j + 2  # أحد عشر
            continue
        if word not in lex.numbers:
            break
        value, rank = lex.numbers[word]
        if j == i and (word,) in lex.vague:
            break  # آلاف alone
        if j > i and not _follows(value, rank, joined, current, order):
            break
        if rank == 3:
            total, current = total + max(current, 1) * value, 0
        elif j > i and not joined and rank == 2:
            current *= value  # ثلاث مئة
        else:
            current += value
        order, j = rank, j + 1
    return total + current, j


def _follows(value: int, rank: int, joined: bool, current: int, order: int) -> bool:
    """Whether a number word continues the number so far (of rank ``order``): with و a smaller
    rank (مئة وخمسون) or tens after a unit (خمسة وعشرون); without, عشر after a unit (ثلاثة عشر),
    مئة after a unit (ثلاث مئة), or thousands (ثلاثة آلاف)."""
    if joined:
        return rank < order or (order == 0 and rank == 1 and current < 10)
    return rank == 3 or (order == 0 and current < 10 and (value == 10 or value == 100))


def _adjacent(tokens: list[Token], j: int) -> bool:
    """``tokens[j]`` touches the tokens on both sides (1,200; 3.5)."""
    return tokens[j].start == tokens[j - 1].end and tokens[j + 1].start == tokens[j].end
