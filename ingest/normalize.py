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

import unicodedata
from typing import Final, final

import regex

__all__ = ["Token", "ends_in_ta_marbuta", "indefinite_accusative", "is_word", "normalize_text",
           "tokenize"]

_DIAC: Final = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
_MAP: Final = {"\u0625": "\u0627", "\u0623": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
               "\u0649": "\u064a", "\u0629": "\u0647", **dict.fromkeys(_DIAC + "\u0640")}
# The map as a list indexed by code point: ``str.translate`` reads a dict's misses as KeyErrors
# (one raised per unchanged letter), a list's only beyond its end (past the Arabic block).
_TABLE: Final[list[str | int | None]] = [_MAP.get(chr(code), code) for code in range(0x700)]
# Characters NFKC changes in Arabic text: presentation forms and a few compatibility ones.
_NFKC_RANGES: Final = [(0x00a0, 0x00bf), (0x2000, 0x206f), (0x2100, 0x2bff), (0xfb00, 0xfdff),
                       (0xfe10, 0xfeff), (0xff00, 0xffef)]
_FIX: Final = {"\ufdfc": "ريال", "\ufdfd": "بسم الله الرحمن الرحيم"}


_MAPPED: Final = 1  # a character of _MAP
_NFKC: Final = 2  # a character of _NFKC_RANGES


def _changing() -> bytes:
    """What the three steps below do to each code point of the BMP: ``_MAPPED``, ``_NFKC`` (the
    ranges and the map do not meet), or 0 (nothing: a text of those is its own key)."""
    table = bytearray(0x10000)
    for first, last in _NFKC_RANGES:
        table[first:last + 1] = bytes([_NFKC]) * (last + 1 - first)
    for char in _MAP:
        table[ord(char)] = _MAPPED
    return bytes(table)


_CHANGING: Final = _changing()
_TOKEN: Final = regex.compile(r"[\p{P}\p{S}]|[^\s\p{P}\p{S}]+")
_WORD: Final = regex.compile(r"^[\p{L}\p{M}\p{N}]+$")


@final
class Token:
    """A token: its text as written, its span in the source, and its matching key.

    A plain class, not a tuple, so that compiled code makes and reads one without a call;
    equal to another as a tuple of its fields would be.
    """

    text: str
    start: int
    end: int
    key: str

    def __init__(self, text: str, start: int, end: int, key: str) -> None:
        self.text, self.start, self.end, self.key = text, start, end, key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and self.start == other.start and \
            self.end == other.end and self.text == other.text and self.key == other.key

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end, self.key))

    def __repr__(self) -> str:
        return f"Token(text={self.text!r}, start={self.start}, end={self.end}, key={self.key!r})"


def normalize_text(text: str) -> str:
    """The matching key of a text: camel's unicode, diacritic, alef, ya and teh normalization."""
    changes = _changes(text)
    if not changes:
        return text  # most new words of the news: one look at each letter, not three passes
    if changes & _NFKC:
        for char, repl in _FIX.items():
            text = text.replace(char, repl)
        text = unicodedata.normalize("NFKC", text)
    return text.translate(_TABLE)


def _changes(text: str) -> int:
    """What ``normalize_text`` does to the characters of the text: ``_MAPPED`` and ``_NFKC``
    (bits), 0 for nothing."""
    changes = 0
    for i in range(len(text)):
        code = ord(text[i])
        if code < 0x10000:
            changes |= _CHANGING[code]
    return changes


def tokenize(text: str) -> list[Token]:
    """Split on white space and around every punctuation mark or symbol, keeping spans.

    A chunk between white space of letters and digits that normalization keeps is one token,
    its own key; any other is looked up once per process: a word with marks or letters it changes
    is one token with its key (``_KEYS``), a chunk with punctuation or symbols the texts and
    keys of its tokens (``_PIECES``), which tile it."""
    if any(separator in text for separator in _SEPARATORS):
        return _spans(text, _TOKEN.findall(text))
    tokens: list[Token] = []
    n, pos = len(text), 0
    while True:  # the chunks of text.split(), found by one look at each character
        start = pos
        while start < n and (code := ord(text[start])) < _SPACE_END and _SPACES[code]:
            start += 1
        if start == n:
            break
        pos, other = start, 0  # other: some character is no plain letter or digit
        while pos < n:
            code = ord(text[pos])
            if code < _PLAIN_END:
                if _PLAIN[code] == _SPACE:
                    break
                other |= _PLAIN[code]
            elif code < _SPACE_END and _SPACES[code]:
                break
            else:
                other = 1
            pos += 1
        chunk = text[start:pos]
        if not other:  # letters and digits normalization keeps: one token, its own key
            tokens.append(Token(chunk, start, pos, chunk))
            continue
        key = _KEYS.get(chunk)
        if key is not None:
            tokens.append(Token(chunk, start, pos, key))
            continue
        if chunk.isalnum():  # a new word of letters and digits: one token
            tokens.append(Token(chunk, start, pos, _new_key(chunk)))
            continue
        pieces = _PIECES.get(chunk)
        if pieces is None:
            pieces = _pieces(chunk)
            if len(pieces) == 1:
                tokens.append(Token(chunk, start, pos, pieces[0][1]))
                continue
        for word, key in pieces:
            end = start + len(word)
            tokens.append(Token(word, start, end, key))
            start = end
    return tokens


def _spans(text: str, words: list[str]) -> list[Token]:
    """The tokens of ``words``, found in turn in ``text``."""
    tokens: list[Token] = []
    pos = 0
    for word in words:
        start = text.find(word, pos)  # only white space lies between two tokens
        pos = start + len(word)
        tokens.append(Token(word, start, pos, _key(word)))
    return tokens


def _pieces(chunk: str) -> tuple[tuple[str, str], ...]:
    """The texts and keys of the tokens of a new chunk that is not all letters and digits, kept
    in ``_KEYS`` when it is one token (a word with marks, a punctuation mark), else in
    ``_PIECES``."""
    pieces = tuple((word, _key(word)) for word in _chunk_words(chunk))
    if len(pieces) > 1:
        if len(_PIECES) > _PIECES_SIZE:
            _PIECES.clear()
        _PIECES[chunk] = pieces
    return pieces


def _chunk_words(chunk: str) -> list[str]:
    """``_TOKEN.findall(chunk)``, searched only when what is left with the common marks peeled
    off both ends (each a token) is no word of letters and digits (``isalnum``: no mark,
    punctuation or symbol, so one token)."""
    head, tail = 0, len(chunk)
    while head < tail and chunk[head] in _MARKS:
        head += 1
    while tail > head and chunk[tail - 1] in _MARKS:
        tail -= 1
    body = chunk[head:tail]
    if body and not body.isalnum():
        return _TOKEN.findall(chunk)
    words = [chunk[i] for i in range(head)]
    if body:
        words.append(body)
    words.extend([chunk[i] for i in range(tail, len(chunk))])
    return words


def _key(word: str) -> str:
    """``normalize_text(word)``, remembered in ``_KEYS``."""
    key = _KEYS.get(word)
    return _new_key(word) if key is None else key


def _new_key(word: str) -> str:
    """``normalize_text`` of a word not in ``_KEYS``, kept there."""
    if len(_KEYS) > _CACHE_SIZE:
        _KEYS.clear()
    key = normalize_text(word)
    key = _KEYS[word] = word if key == word else key  # one string, not two alike
    return key


_SEPARATORS: Final = "\x1c\x1d\x1e\x1f"  # white space to str.split, letters to \s
_SPACE_END: Final = 0x3001  # past the last white space character (U+3000)
_SPACES: Final = bytes(chr(code).isspace() for code in range(_SPACE_END))  # str.split's
_PLAIN_END: Final = 0x700  # past the Arabic block
_SPACE: Final = 2
# Below _PLAIN_END: _SPACE for white space, 0 for a letter or digit normalize_text keeps, else 1.
# A chunk of 0s is a word whose key is itself: no memo is looked up (a cold look-up in a table
# of 100,000 words costs more than this look at each character).
_PLAIN: Final = bytes(_SPACE if chr(code).isspace() else
                      0 if chr(code).isalnum() and not _CHANGING[code] else 1
                      for code in range(_PLAIN_END))
# the punctuation and symbols of the news (all \p{P} or \p{S}: a test checks), each one token
_MARKS: Final = frozenset('.,،:;؛!?؟"\'«»()[]{}-–—…“”‘’/%٪*+=<>#@&_|•·×″')
_CACHE_SIZE: Final = 100_000  # entries remembered per cache before it starts again: memory stays flat
_KEYS: Final[dict[str, str]] = {}  # token → key, per process
_PIECES: Final[dict[str, tuple[tuple[str, str], ...]]] = {}  # chunk of several tokens → them
_PIECES_SIZE: Final = 20_000  # about 0.4 KB each: 8 MB (a 1,000-article build fills 19,000)


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
