"""Sentence splitting with character offsets, robust to abbreviations, numbers and quotes.

A sentence ends at a line break, or at ``. ! ? ؟ …`` (repeated, maybe followed by closing quotes
or brackets) when white space, an Arabic letter or an opening quote follows; not inside «…», not
after a one-letter abbreviation (د. ، م.), not between digits (3.5).

>>> [s.text for s in split_sentences("قال د. أحمد إن النمو بلغ 3.5 بالمئة. وأضاف: «لا جديد.»وانتهى")]
['قال د. أحمد إن النمو بلغ 3.5 بالمئة.', 'وأضاف: «لا جديد.»', 'وانتهى']
"""
from __future__ import annotations

import re
from typing import Final

from ingest.model import Sentence

__all__ = ["split_sentences"]

_BOUNDARY: Final = re.compile(r"[.!?؟…]+[\"»”’)\]]*(?=\s|[\u0621-\u064A«\"“(]|$)|\n+")
_ABBREVIATION: Final = re.compile(r"(?:^|[\s(«\"])[\u0621-\u064Aa-zA-Z]\.$")
_MAX_SENTENCE: Final = 2000  # characters: a longer run without a boundary is cut at a space


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text``, each with ``text[start:end] == sentence.text`` (stripped)."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group()[0] != "\n":
            if _ABBREVIATION.search(text, max(0, match.start() - 3), match.start() + 1):
                continue
            if _inside_guillemets(text, start, match.end()):
                continue
        _add(sentences, text, start, match.start() if match.group()[0] == "\n" else end)
        start = end
    _add(sentences, text, start, len(text))
    return tuple(sentences)


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
