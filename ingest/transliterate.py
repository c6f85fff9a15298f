"""A readable Latin rendering of Arabic names, for people the gazetteer does not know.

Approximate by nature (Arabic script does not write short vowels): graph labels from it are
tagged ``ar-Latn``; the Arabic label stays the reference.

>>> romanize("مولود جاويش أوغلو")
'Mulud Jawish Awghlu'
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
    """Each word: letters mapped; و and ي read as the vowels u and i after a consonant."""
    return " ".join(_word(w) for w in name.split())


def _word(word: str) -> str:
    out, after_consonant = [], False
    for ch in word:
        if ch in _VOWEL_BETWEEN and after_consonant:
            out.append(_VOWEL_BETWEEN[ch])
            after_consonant = False
        else:
            latin = _LETTERS.get(ch, "" if "\u064b" <= ch <= "\u0652" else ch)
            out.append(latin)
            after_consonant = bool(latin) and latin not in "aiu"
    return "".join(out).capitalize()
