"""A readable Latin rendering of Arabic names, for people the gazetteer does not know.

Approximate by nature (Arabic script does not write short vowels): graph labels from it are
tagged ``ar-Latn``; the Arabic label stays the reference.

>>> romanize("مولود جاويش أوغلو")
'Mulud Jawish Aughlu'
"""
from __future__ import annotations

__all__ = ["romanize"]

_LETTERS = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ؤ": "u", "ئ": "i", "ب": "b",
    "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a", "و": "w", "ى": "a",
    "ي": "y", "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g",
}
_VOWEL_BETWEEN = {"و": "u", "ي": "i"}


def romanize(name: str) -> str:
    """Each word: consonants mapped, و and ي read as vowels after a consonant."""
    return " ".join(_word(w) for w in name.split())


def _word(word: str) -> str:
    out = []
    for i, ch in enumerate(word):
        if ch in _VOWEL_BETWEEN and 0 < i and word[i - 1] not in "اأإآوي":
            out.append(_VOWEL_BETWEEN[ch])
        else:
            out.append(_LETTERS.get(ch, "" if "\u064b" <= ch <= "\u0652" else ch))
    return "".join(out).capitalize()
