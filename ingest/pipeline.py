"""The whole text side in one function: ``analyze(article) -> Document``.

>>> doc = analyze(Article("a1", "اتهم وزير الخارجية الروسي سيرغي لافروف الولايات المتحدة بدعم داعش."))
>>> [(r.agent, r.predicate, r.target) for r in doc.relations][:1]
[('sergei-lavrov', 'accuses', 'united-states')]
"""
from __future__ import annotations

import gc
from functools import lru_cache
from pathlib import Path

from ingest import ONTOLOGY_DIR
from ingest.entities import find_entities
from ingest.lexicon import Lexicon, load_lexicon
from ingest.model import Article, Document, Sentence
from ingest.morphology import Morphology
from ingest.normalize import Token, tokenize
from ingest.relations import find_relations
from ingest.segment import split_sentences

__all__ = ["analyze", "continuing_words", "resources", "sentence_index"]


@lru_cache(maxsize=2)
def resources(ontology_dir: Path = ONTOLOGY_DIR) -> tuple[Lexicon, Morphology]:
    """The lexicon and the morphology analyser, loaded once per process."""
    # A million objects that live as long as the process: collecting while they are made is
    # wasted (0.1 s), and afterwards the collector need not walk them again (gc.freeze).
    collecting = gc.isenabled()
    gc.disable()
    try:
        lexicon = load_lexicon(ontology_dir)
        morph = Morphology(lexicon)
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    return lexicon, morph


def analyze(article: Article, ontology_dir: Path = ONTOLOGY_DIR) -> Document:
    """Sentences, mentions, entities and relations of one article."""
    lexicon, morph = resources(ontology_dir)
    text = article.text
    sentences = split_sentences(text, continuing_words(lexicon))
    tokens = tokenize(text)
    sentence_of = sentence_index(tokens, sentences)
    year = int(article.date[:4]) if article.date and article.date[:4].isdigit() else None
    found, entities = find_entities(text, tokens, sentence_of, lexicon, morph, year)
    relations, generics = find_relations(tokens, sentences, sentence_of, found, entities,
                                         lexicon, morph, date=article.date)
    entities.update(generics)
    for rel in relations:  # a capital acting brings its state into the document's entities
        for key in (rel.agent, rel.target, *rel.places, rel.speaker):
            if key and key not in entities:
                entities[key] = lexicon.entities[key]
    return Document(article=article, sentences=sentences,
                    entities=tuple(entities[k] for k in sorted(entities)),
                    mentions=tuple(f.mention for f in found), relations=relations)


def continuing_words(lexicon: Lexicon) -> frozenset[str]:
    """The keys of the words no sentence ends with, which a line break after them does not end:
    prepositions, conjunctions, complementizers and relatives of ``grammar.yaml``."""
    return lexicon.words_of("continuing", ("prepositions", "conjunctions", "complementizers",
                                           "relatives"))


def sentence_index(tokens: list[Token], sentences: tuple[Sentence, ...]) -> list[int]:
    """The index of the sentence each token starts in (one pass over both, in order).

    >>> text = "قال. ثم غادر"
    >>> sentence_index(tokenize(text), split_sentences(text))
    [0, 0, 1, 1]
    """
    out: list[int] = []
    s, last = 0, len(sentences) - 1
    following = sentences[1].start if last > 0 else 0  # where the sentence after s starts
    for tok in tokens:
        while s < last and tok.start >= following:
            s += 1
            following = sentences[s + 1].start if s < last else 0
        out.append(s)
    return out
