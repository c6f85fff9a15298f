"""Sentence splitting with character offsets, robust to abbreviations, numbers and quotes.

A sentence ends at a line break (not one inside a sentence: after a word of ``continuing``, or
between two words in the accusative, neither line a list item), or at ``. ! ? ؟ …`` (repeated,
maybe followed by closing quotes or brackets) when white space, an Arabic letter or an opening
quote follows; not inside «…», not after a one-letter abbreviation (د. ، م.), not between
digits (3.5).

>>> [s.text for s in split_sentences("قال د. أحمد إن النمو بلغ 3.5 بالمئة. وأضاف: «لا جديد.»وانتهى")]
['قال د. أحمد إن النمو بلغ 3.5 بالمئة.', 'وأضاف: «لا جديد.»', 'وانتهى']
"""
from __future__ import annotations

import re
from typing import Final

from ingest.model import Sentence
from ingest.normalize import indefinite_accusative, normalize_text

__all__ = ["split_sentences"]

_BOUNDARY: Final = re.compile(r"[.!?؟…]+[\"»”’)\]]*(?=\s|[\u0621-\u064A«\"“(]|$)|\n+")
_FIRST: Final = ".!?؟…\n"  # the characters a boundary starts with
_ABBREVIATION: Final = re.compile(r"(?:^|[\s(«\"])[\u0621-\u064Aa-zA-Z]\.$")
_FINAL: Final = ".!?؟…:;؛»\"”)]"  # a line ending in one of these may end its sentence
_LIST_ITEM: Final = re.compile(r"[-*•–—]|\d+\s*[-.)]")
_MAX_SENTENCE: Final = 2000  # characters: a longer run without a boundary is cut at a space


def split_sentences(text: str, continuing: frozenset[str] = frozenset()) -> tuple[Sentence, ...]:
    r"""The sentences of ``text``, each with ``text[start:end] == sentence.text`` (stripped);
    ``continuing``: the keys of words no sentence ends with (في، الذي، أن).

    >>> [s.text for s in split_sentences("هاجم مسلحون موقعا\nأماميا للجيش.\nعنوان\nقال")]
    ['هاجم مسلحون موقعا\nأماميا للجيش.', 'عنوان', 'قال']
    """
    sentences: list[Sentence] = []
    start = end = 0
    for pos in _starts(text):  # _BOUNDARY.finditer, tried only where one may start
        if pos < end:
            continue  # inside the boundary before
        match = _BOUNDARY.match(text, pos)
        if match is None:
            continue
        end = match.end()
        if text[pos] == "\n":
            if end == pos + 1 and _goes_on(text, pos, continuing):
                continue
            _add(sentences, text, start, pos)
        else:
            if text[pos] == "." and _ABBREVIATION.search(text, max(0, pos - 3), pos + 1) or \
                    _inside_guillemets(text, start, end):
                continue
            _add(sentences, text, start, end)
        start = end
    _add(sentences, text, start, len(text))
    return tuple(sentences)


def _starts(text: str) -> list[int]:
    """Where a boundary may start, in order: ``str.find`` of each character of ``_FIRST``, which
    costs less than ``re``'s scan for a class of them (it tests each character in turn)."""
    found: list[int] = []
    for char in _FIRST:
        pos = text.find(char)
        while pos >= 0:
            found.append(pos)
            pos = text.find(char, pos + 1)
    found.sort()
    return found


def _goes_on(text: str, pos: int, continuing: frozenset[str]) -> bool:
    """The line that ends at ``pos`` (a single line break) is cut inside its sentence: it ends
    with a word of ``continuing``, or it and the next line meet at two words in the accusative
    (هاجموا موقعا | أماميا); not a line of a list. A comma at a line's end is left to end it:
    writers close paragraphs with one (…، \n وأشار إلى أن …)."""
    line = text[text.rfind("\n", 0, pos) + 1:pos].strip()
    after = text.find("\n", pos + 1)
    nxt = text[pos + 1:after if after >= 0 else len(text)].strip()
    if not line or not nxt or line[-1] in _FINAL or _LIST_ITEM.match(line) or \
            _LIST_ITEM.match(nxt):
        return False
    last, first = normalize_text(line.split()[-1]), normalize_text(nxt.split()[0])
    return last in continuing or indefinite_accusative(last) and indefinite_accusative(first)


def _inside_guillemets(text: str, start: int, pos: int) -> bool:
    segment = text[start:pos]
    return segment.count("«") > segment.count("»") and "»" in text[pos:pos + 400]


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start, start + _MAX_SENTENCE)
        cut = cut if cut > start else start + _MAX_SENTENCE
        out.append(Sentence(start, cut, text[start:cut]))
        start = cut + 1 if text[cut:cut + 1] == " " else cut
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
