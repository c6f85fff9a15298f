"""Arabic normalization and tokenization, equal to camel-tools' but fast and keeping offsets.

``normalize_text`` is camel's chain ``normalize_unicode`` → ``dediac_ar`` → alef, alef maksura and
teh marbuta normalization, tatweel removed: the same map the camel ``Analyzer`` applies, so one key
serves the gazetteer, the morphology database and the text. ``tokenize`` yields the tokens of
camel's ``simple_word_tokenize`` with their character spans (tests prove both equalities).

>>> normalize_text("أَحْمَد إلى المدرسةِ")
'احمد الي المدرسه'
>>> [t.text for t in tokenize("قال: «إن داعش»")]
['قال', ':', '«', 'إن', 'داعش', '»']
"""
from __future__ import annotations

import re
import unicodedata
from typing import Final, NamedTuple

import regex

__all__ = ["Token", "ends_in_ta_marbuta", "indefinite_accusative", "is_word", "normalize_text",
           "tokenize"]

_DIAC: Final = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
_STRIP: Final = re.compile(f"[{_DIAC}\u0640]")
_MAP: Final = str.maketrans({"\u0625": "\u0627", "\u0623": "\u0627", "\u0622": "\u0627",
                             "\u0671": "\u0627", "\u0649": "\u064a", "\u0629": "\u0647"})
# Characters NFKC changes in Arabic text: presentation forms and a few compatibility ones.
_NEEDS_NFKC = re.compile("[\u00a0-\u00bf\u2000-\u206f\u2100-\u2bff\ufb00-\ufdff\ufe10-\ufeff"
                         "\uff00-\uffef]")
_FIX: Final = {"\ufdfc": "ريال", "\ufdfd": "بسم الله الرحمن الرحيم"}
# any character one of the three steps below changes: a text without one is its own key
_CHANGED: Final = re.compile(f"[{_DIAC}\u0640\u0625\u0623\u0622\u0671\u0649\u0629]|"
                             + _NEEDS_NFKC.pattern)
_TOKEN: Final = regex.compile(r"[\p{P}\p{S}]|[^\s\p{P}\p{S}]+")
_WORD: Final = regex.compile(r"^[\p{L}\p{M}\p{N}]+$")


class Token(NamedTuple):
    """A token: its text as written, its span in the source, and its matching key."""

    text: str
    start: int
    end: int
    key: str


def normalize_text(text: str) -> str:
    """The matching key of a text: camel's unicode, diacritic, alef, ya and teh normalization."""
    if not _CHANGED.search(text):
        return text  # most new words of the news: one search, not three passes
    if _NEEDS_NFKC.search(text):
        for char, repl in _FIX.items():
            text = text.replace(char, repl)
        text = unicodedata.normalize("NFKC", text)
    return _STRIP.sub("", text).translate(_MAP)


def tokenize(text: str) -> list[Token]:
    """Split on white space and around every punctuation mark or symbol, keeping spans."""
    tokens, pos, keys = [], 0, _KEYS
    for word in _words(text):
        start = text.find(word, pos)  # only white space lies between two tokens
        pos = start + len(word)
        key = keys.get(word)
        if key is None:
            if len(keys) > _CACHE_SIZE:
                keys.clear()
            key = normalize_text(word)
            key = keys[word] = word if key == word else key  # one string, not two alike
        tokens.append(_new_token(Token, (word, start, pos, key)))
    return tokens


def _words(text: str) -> list[str]:
    """The tokens' texts: ``_TOKEN.findall(text)``, read a word at a time. Its white space is
    ``str.split``'s but for the separators \\x1c-\\x1f, and a word of letters and digits
    (``isalnum``: no mark, punctuation or symbol) is one token; only the others are searched."""
    if _SEPARATORS.search(text):
        return _TOKEN.findall(text)
    words: list[str] = []
    for chunk in text.split():
        if chunk.isalnum():
            words.append(chunk)
        else:
            words.extend(_TOKEN.findall(chunk))
    return words


_SEPARATORS: Final = re.compile("[\x1c-\x1f]")  # white space to str.split, a letter to \s
_CACHE_SIZE: Final = 100_000  # words remembered per cache before it starts again: memory stays flat
_KEYS: Final[dict[str, str]] = {}  # token → key, per process
_new_token: Final = tuple.__new__  # Token(...) without the Python-level __new__, in the hot loop


def is_word(token: Token) -> bool:
    """True for tokens made of letters, marks and digits (not punctuation or symbols).

    >>> is_word(tokenize("داعش")[0]), is_word(tokenize("،")[0])
    (True, False)
    """
    if token.text.isalnum():  # letters and digits (most words): no need of the expression
        return True
    found = _WORDS.get(token.text)
    if found is None:
        if len(_WORDS) > _CACHE_SIZE:
            _WORDS.clear()
        found = _WORDS[token.text] = bool(_WORD.match(token.text))
    return found


_WORDS: Final[dict[str, bool]] = {}  # token → is_word, per process


def ends_in_ta_marbuta(token: Token) -> bool:
    """The word is written with a final ة (under any diacritics): a noun or an adjective,
    though its key (ه) reads like a pronoun suffix (عبوة ناسفة is no "we regret him", ضربة
    no "he hit him").

    >>> ends_in_ta_marbuta(Token("ناسفةً", 0, 6, "ناسفه")), ends_in_ta_marbuta(Token("نسفه", 0, 4, "نسفه"))
    (True, False)
    """
    return token.text.rstrip(_DIAC).endswith("ة")


def indefinite_accusative(key: str) -> bool:
    """A key written with the alif of the indefinite accusative (جنديا، مقرا); not a plural of
    the pattern of ضحايا, nor a word with the pronoun ها or نا (قواتها).

    >>> indefinite_accusative("موقعا"), indefinite_accusative("قواتها")
    (True, False)
    """
    return len(key) > 2 and key.endswith("ا") and not key.endswith(("ايا", "ها", "نا", "اا"))
