"""The values that flow from text to graph: frozen dataclasses, no behaviour.

Offsets are character offsets into ``Article.text`` (Python string indices).
Entities are referred to by ``key``, an ASCII slug that ``graph/`` turns into an IRI.
The module is compiled (setup.py): its classes are native, made and read without Python calls.
"""
from __future__ import annotations

import copyreg
from dataclasses import dataclass, fields

__all__ = [
    "ENTITY_TYPES",
    "MODES",
    "RELATIONS",
    "Article",
    "Document",
    "Entity",
    "Mention",
    "Relation",
    "Role",
    "Sentence",
]

ENTITY_TYPES = ("Person", "Organization", "Country", "Place", "GenericActor")
RELATIONS = ("accuses", "supports", "strikes", "meets", "threatens", "cooperatesWith", "callsOn")
# How the text states a relation (PLOVER's modes): as a fact, or negated, hypothetical (a
# conditional, possible or expected act), planned (intended), foiled, threatened or demanded
# (called for, wished). Only an asserted relation is a direct edge between two named actors.
MODES = ("Asserted", "Negated", "Hypothetical", "Planned", "Foiled", "Threatened", "Demanded")


@dataclass(frozen=True)
class Article:
    """One news article as read from the corpus."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 (date or date-time), as given
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Role:
    """A title a person holds: ``Role("foreign-minister", "وزير الخارجية", "Foreign Minister")``."""

    key: str
    label_ar: str
    label_en: str


@dataclass(frozen=True)
class Entity:
    """An actor or a place, from the gazetteer or discovered in the text.

    ``affiliation`` (persons, generic actors) and ``country`` (organizations, places) are keys
    of other entities, which a ``Document`` that mentions this one also carries in ``entities``.
    A ``GenericActor`` is an actor named by its kind, not its name (مسلحون مجهولون); its key is
    unique within its document only, and ``sector`` is a key of ``ontology/lexicon/sectors.yaml``.
    """

    key: str
    type: str  # one of ENTITY_TYPES
    label_ar: str
    label_en: str | None = None
    alt_ar: tuple[str, ...] = ()
    alt_en: tuple[str, ...] = ()
    affiliation: str | None = None
    role: Role | None = None
    country: str | None = None
    discovered: bool = False  # found in the text (a title, a kind word), not in the gazetteer
    translit: str | None = None  # Latin transliteration of label_ar (discovered names)
    sector: str | None = None  # generic actors: unidentified, police, civilians… (sectors.yaml)


@dataclass(frozen=True)
class Mention:
    """A span of the text that names (or refers back to) an entity."""

    entity: str  # Entity.key
    start: int
    end: int
    sentence: int  # index into Document.sentences
    surface: str  # article.text[start:end]


@dataclass(frozen=True)
class Relation:
    """``agent predicate target``, as stated by one sentence of the article."""

    predicate: str  # one of RELATIONS
    agent: str  # Entity.key
    target: str  # Entity.key
    sentence: int  # index into Document.sentences
    trigger: str  # the trigger word as written
    places: tuple[str, ...] = ()  # Entity.keys of where it happened, as the sentence says
    speaker: str | None = None  # Entity.key of who is reported as saying it
    mode: str = "Asserted"  # one of MODES
    killed: int | None = None  # the death toll the sentence states
    injured: int | None = None  # the number of wounded the sentence states
    date: str | None = None  # ISO yyyy-mm-dd: when the event happened


@dataclass(frozen=True)
class Document:
    """An article with what was found in it: the unit ``graph/`` turns into triples."""

    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]  # every entity mentioned, plus those they point to
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]


_FIELDS: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in fields(cls))
    for cls in (Article, Sentence, Role, Entity, Mention, Relation, Document)}


def _reduce(value: object) -> tuple[type, tuple[object, ...]]:
    """How pickle makes a value again: its class called with its fields (a compiled frozen
    class refuses the attribute writes of pickle's default way)."""
    cls = type(value)
    return cls, tuple(getattr(value, name) for name in _FIELDS[cls])


for _cls in _FIELDS:
    copyreg.pickle(_cls, _reduce)
