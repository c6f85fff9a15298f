"""Load the gazetteer and the lexicons (YAML in ``ontology/``) into lookup tables.

Every name is indexed as the tuple of its normalized tokens, so "الولايات المتحدة" is
``("الولايات", "المتحده")``; the morphology step recognises the first token under its clitics.
Institution heads combine with every state's nationality adjective into organizations
(وزارة الدفاع + الروسية → Russian Ministry of Defense).
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Final, TypeVar

import regex

from ingest import ONTOLOGY_DIR
from ingest.cache import (
    cached_path,
    files_digest,
    module_file,
    read_cached,
    read_pickled,
    source_file,
    write_cached,
    write_pickled,
)
from ingest.model import Entity, Role
from ingest.normalize import normalize_text, tokenize
from naba.errors import OntologyError

__all__ = ["FrameEntry", "Lexicon", "Phrase", "load_lexicon", "name_key", "slug"]

T = TypeVar("T")


@dataclass(frozen=True)
class Phrase:
    """What a run of tokens can be: an entity name, a title, an institution head, a generic head,
    a trigger noun phrase…; ``value`` is the entity key, role key, institution id or kind."""

    kind: str  # entity | title | head | generic
    value: str


@dataclass(frozen=True)
class FrameEntry:
    """One trigger word's frame: its relation, part of speech and the slots of its roles, in
    the order they are tried; ``needs``: words one of which its clause must hold; ``next``:
    words one of which must follow it (عملية انتحارية); ``next_not``: words that must not
    (إسقاط النظام topples, it does not shoot down)."""

    relation: str
    pos: str  # verb | noun | participle
    agent: tuple[str, ...]
    target: tuple[str, ...]
    needs: frozenset[str] = frozenset()
    next: frozenset[str] = frozenset()
    next_not: frozenset[str] = frozenset()  # words after it that make it no trigger
    symmetric: bool = False
    reverse: frozenset[str] = frozenset()
    people: str = ""  # the relation it states when both parties are people (a verbal attack)
    past: bool = False  # only its past tense tells the act; its present, a state (يسيطر)
    named: bool = False  # stated only between named parties: no unidentified side (حرب)
    no_state: bool = False  # a whole state is never its target: دمر البلد ruins it (a figure)


@dataclass(eq=False)
class Lexicon:
    """Every table the extractor reads; built once per process by ``load_lexicon``."""

    entities: dict[str, Entity] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], list[Phrase]] = field(default_factory=lambda: defaultdict(list))
    kinds: dict[str, str] = field(default_factory=dict)  # entity key → kind (city, ministry…)
    institution_of: dict[str, str] = field(default_factory=dict)  # compound key → institution id
    compounds: dict[tuple[str, str], str] = field(default_factory=dict)  # (inst, country) → key
    capitals: dict[str, str] = field(default_factory=dict)  # capital key → country key
    adjectives: dict[str, str] = field(default_factory=dict)  # adjective key (no ال) → country
    roles: dict[str, Role] = field(default_factory=dict)
    holders: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    terms: dict[str, tuple[int, int]] = field(default_factory=dict)  # person → years in office
    loyalists: dict[str, str] = field(default_factory=dict)  # person → the force loyal to them
    jihadist: set[str] = field(default_factory=set)  # groups organizations.yaml marks jihadist
    ambiguous: set[str] = field(default_factory=set)
    ambiguous_forms: set[tuple[str, ...]] = field(default_factory=set)  # forms of an entry
    # that need a cue though its other forms do not (سروج "saddles", not سوروج)
    cue_only: set[str] = field(default_factory=set)  # ambiguous even after a preposition
    ba_nouns: set[str] = field(default_factory=set)  # common nouns under ب: بحجة أن
    frames: dict[str, dict] = field(default_factory=dict)  # predicate → its frames.yaml entry
    entries: dict[tuple[str, str], list[FrameEntry]] = field(  # (lemma, verb|noun) → frames
        default_factory=lambda: defaultdict(list))
    participles: dict[str, FrameEntry] = field(default_factory=dict)  # key → its frame
    trigger_words: list[tuple[str, str, str, str]] = field(default_factory=list)  # (relation,
    # pos, past or noun, present or "") for the morphology database
    verbs: list[tuple[str, str]] = field(default_factory=list)  # other verbs: (past, present)
    verb_classes: dict[str, frozenset[str]] = field(default_factory=dict)  # lemma → classes
    grammar: dict[str, frozenset[str]] = field(default_factory=dict)
    phrasal_preps: dict[tuple[str, ...], str] = field(default_factory=dict)  # من قبل → من قبل
    title_words: set[str] = field(default_factory=set)  # titles of one word: وزير، أمير، رئيس
    known_words: frozenset[str] = frozenset()  # every word of a grammar list (no name is one)
    own_state: frozenset[str] = frozenset()  # institutions a bare head names of the article's state
    month_names: frozenset[str] = frozenset()  # dates.yaml's, normalized (إب is also آب)
    kind_names: dict[str, str] = field(default_factory=dict)  # معسكر → Camp
    sectors: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)  # words of a
    # generic actor (مسلحون مجهولون) → (sector, English gloss), from sectors.yaml
    theatres: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, state) → the
    # coalition or force of that kind that acts in that state (التحالف in Yemen)
    given_names: frozenset[str] = frozenset()  # names.yaml: given names (خالد، جون)
    common_given: frozenset[str] = frozenset()  # those that are also common words (أمين)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)  # every proper prefix of a phrase
    word_groups: dict[str, frozenset[str]] = field(default_factory=dict)  # group → the forms
    # of its words that relations' group_of accepts, made once
    derived: dict[str, Any] = field(default_factory=dict)  # what a step derives from these
    # tables, made once (syntax: the modal verbs, the words of noun groups; relations' bits)
    digest: str = ""  # a hash of the files and code load_lexicon made it from ("": by hand)

    def derive(self, name: str, make: Callable[[], T]) -> T:
        """What ``make`` makes from these tables (a set, a table), made once per lexicon (kept
        in ``derived``)."""
        found = self.derived.get(name)
        if found is None:
            found = self.derived[name] = make()
        return found

    def words_of(self, name: str, groups: tuple[str, ...]) -> frozenset[str]:
        """The words of these groups of ``grammar.yaml`` together, made once per lexicon (kept
        in ``derived`` under ``name``)."""
        found = self.derived.get(name)
        if found is None:
            found = self.derived[name] = frozenset().union(
                *(self.grammar.get(group, frozenset()) for group in groups))
        return found

    def add_phrase(self, text: str, phrase: Phrase) -> None:
        _add_key(self, name_key(text), phrase)


def _add_key(lex: Lexicon, key: tuple[str, ...], phrase: Phrase) -> None:
    if key and phrase not in lex.phrases[key]:
        lex.phrases[key].append(phrase)


def name_key(text: str) -> tuple[str, ...]:
    """The normalized tokens of a name (no token spans white space, so word by word).

    >>> name_key("الولايات المتحدة")
    ('الولايات', 'المتحده')
    """
    return tuple(key for word in text.split() for key in _word_key(word))


@cache
def _word_key(word: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokenize(word))


def slug(text: str) -> str:
    """An ASCII slug for keys.

    >>> slug("Russian Ministry of Defense")
    'russian-ministry-of-defense'
    """
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@lru_cache(maxsize=1)
def load_lexicon(directory: Path = ONTOLOGY_DIR) -> Lexicon:
    """Read ``gazetteer/*.yaml`` and ``lexicon/*.yaml`` under ``directory``. The tables made
    from them are kept in the cache folder (``ingest.cache``), pickled under a hash of those
    files and of the code that makes them, and read back from there: a third of the time
    that making them takes (the 7,400 institution compounds)."""
    try:
        digest = _sources_digest(directory)
        path = cached_path(f"lexicon-{digest[:20]}.pickle")
    except OSError:  # a file unreadable (reported below) or no cache folder: made every time
        return _build_lexicon(directory)
    kept = read_pickled(path, Lexicon)
    if kept is not None and kept.digest == digest:
        return kept
    lex = _build_lexicon(directory)
    lex.digest = digest
    _share_phrases(lex)
    try:
        write_pickled(path, lex, _REDUCERS)
    except OSError:
        pass
    return lex


_CACHE_LAYOUT: Final = "lexicon 1"  # changed when what is pickled changes shape
_CODE: Final = ("lexicon.py", "normalize.py", "model.py")  # what makes the tables


def _sources_digest(directory: Path) -> str:
    """A hash of every YAML file of the lexicon, of the code that reads them and of the
    versions of what that code calls."""
    data = [p for part in ("gazetteer", "lexicon") for p in sorted((directory / part).glob("*.yaml"))]
    return files_digest([*data, *map(source_file, _CODE)], _CACHE_LAYOUT, sys.version,
                        unicodedata.unidata_version, regex.__version__, _yaml_version())


def _share_phrases(lex: Lexicon) -> None:
    """One object for each distinct phrase (12,600 of 67,000), so the pickle makes each once."""
    shared: dict[tuple[str, str], Phrase] = {}  # by its fields: a dataclass hashes slowly
    for phrases in lex.phrases.values():
        phrases[:] = [shared.setdefault((p.kind, p.value), p) for p in phrases]


def _phrase_args(phrase: Phrase) -> tuple[type, tuple[str, str]]:
    """How a phrase is pickled (a compiled frozen dataclass cannot set its fields back)."""
    return Phrase, (phrase.kind, phrase.value)


def _frame_args(entry: FrameEntry) -> tuple[type, tuple]:
    return FrameEntry, tuple(getattr(entry, f.name) for f in fields(FrameEntry))


_REDUCERS: Final[dict[type, Callable[[Any], tuple]]] = {Phrase: _phrase_args,
                                                          FrameEntry: _frame_args}


def _build_lexicon(directory: Path) -> Lexicon:
    lex = Lexicon()
    gaz = directory / "gazetteer"
    roles = _read(gaz / "roles.yaml")
    for entry in roles:
        role = Role(entry["id"], entry["ar"][0], entry["en"])
        lex.roles[role.key] = role
        for title in entry["ar"]:
            lex.add_phrase(title, Phrase("title", role.key))
            if len(name_key(title)) == 1:
                lex.title_words.add(name_key(title)[0])
    countries = _read(gaz / "countries.yaml")
    for entry in countries:
        _add_country(lex, entry)
    for entry in _read(gaz / "places.yaml"):
        _add_entity(lex, entry, "Place", country=entry.get("country"))
    for entry in _read(gaz / "organizations.yaml"):
        _add_entity(lex, entry, "Organization", country=entry.get("country"))
        if entry.get("jihadist"):
            lex.jihadist.add(entry["id"])
    for entry in _read(gaz / "people.yaml"):
        _add_person(lex, entry)
    adjectives: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    for entry in _read(gaz / "institutions.yaml"):
        _add_institution(lex, entry, countries, adjectives)
    _add_frames(lex, _read(directory / "lexicon" / "frames.yaml", mapping=True))
    for kind, verbs in _read(directory / "lexicon" / "verbs.yaml", mapping=True).items():
        for verb in verbs:
            past, present = _verb_pair(verb, f"verbs.yaml, {kind}")
            lex.verbs.append((past, present))
            lemma = normalize_text(past)
            lex.verb_classes[lemma] = lex.verb_classes.get(lemma, frozenset()) | {kind}
    grammar = _read(directory / "lexicon" / "grammar.yaml", mapping=True)
    for name, words in grammar.items():
        if isinstance(words, list):
            lex.grammar[name] = frozenset(" ".join(name_key(w)) for w in words)
    lex.own_state = frozenset(grammar.get("own_state_institutions", []))  # ids, as written
    months = _read(directory / "lexicon" / "dates.yaml", mapping=True).get("months") or {}
    lex.month_names = frozenset(  # منذ تموز 2014: a phrase of time alone
        " ".join(name_key(n)) for names in months.values() for n in names)
    lex.grammar["prepositions_with_pronoun"] = frozenset(
        _with_pronoun(normalize_text(prep), normalize_text(suffix))
        for prep in grammar.get("pronoun_prepositions", [])
        for suffix in grammar.get("pronoun_suffixes", []))
    lex.kind_names = {normalize_text(k): v for k, v in grammar.get("kind_names", {}).items()}
    for sector, entry in _read(directory / "lexicon" / "sectors.yaml", mapping=True).items():
        for words, gloss in (entry.get("words") or {}).items():
            lex.sectors.setdefault(name_key(words), (sector, gloss))
    for words, prep in grammar.get("phrasal_prepositions", {}).items():
        lex.phrasal_preps[name_key(words)] = prep if prep == "+" else " ".join(name_key(prep))
    for words in grammar.get("listing", []):  # من بينها X: X joins the phrase before
        lex.phrasal_preps[name_key(words)] = "+"
    for title in grammar.get("honorifics", []):  # a title with no office: a name follows
        if not lex.phrases.get(name_key(title)):
            lex.add_phrase(title, Phrase("title", ""))
    names = _read(directory / "lexicon" / "names.yaml", mapping=True)
    lex.given_names = frozenset(normalize_text(n) for group in (names.get("given") or {}).values()
                                for n in group)
    lex.common_given = frozenset(normalize_text(n) for n in names.get("common") or [])
    for head, kind in grammar.get("generic_heads", {}).items():
        lex.add_phrase(head, Phrase("generic", kind))
    for phrase in lex.phrases:
        lex.prefixes.update(phrase[:n] for n in range(1, len(phrase)))
    _check_slots(lex)
    lex.known_words = frozenset().union(*(w for name, w in lex.grammar.items()
                                          if name not in ("name_particles",
                                                          "own_state_institutions"))) | \
        frozenset(k for words in lex.sectors for k in words)
    return lex


def _add_frames(lex: Lexicon, frames: dict) -> None:
    """Index every trigger word of frames.yaml by its lemma, with its frame."""
    lex.frames = frames
    for predicate, entry in frames.items():
        defaults = entry.get("frame") or {}
        symmetric = bool(entry.get("symmetric"))
        reverse = frozenset(normalize_text(p) for p in entry.get("reverse", []))
        for pos, field_name in (("verb", "verbs"), ("noun", "nouns"), ("participle", "participles")):
            for item in entry.get(field_name) or []:
                spec = item if isinstance(item, dict) else {pos: item}
                words = spec.get(pos)
                slots = defaults.get("noun" if pos == "participle" else pos) or {}
                frame = FrameEntry(
                    predicate, pos, tuple(_slot(s) for s in spec.get("agent", slots.get("agent", []))),
                    tuple(_slot(s) for s in spec.get("target", slots.get("target", []))),
                    needs=frozenset(normalize_text(w).removeprefix("ال")
                                    for w in spec.get("needs", [])),
                    next=frozenset(normalize_text(w).removeprefix("ال")
                                   for w in spec.get("next", [])),
                    next_not=frozenset(normalize_text(w).removeprefix("ال")
                                       for w in spec.get("next_not", [])),
                    people=spec.get("people", ""), past=bool(spec.get("past")),
                    named=bool(spec.get("named")), no_state=bool(spec.get("no_state")),
                    symmetric=bool(spec.get("symmetric", symmetric)),
                    reverse=reverse)
                where = f"frames.yaml, {predicate}"
                if pos == "verb":
                    past, present = _verb_pair(words, where)
                    lex.trigger_words.append((predicate, "verb", past, present))
                    lex.entries[(normalize_text(past), "verb")].append(frame)
                elif pos == "noun":
                    for noun in words if isinstance(words, list) else [words]:
                        if not isinstance(noun, str) or not noun.strip():
                            raise OntologyError(f"{where}: {item!r} should be nouns as written")
                        first, *rest = name_key(noun)
                        lex.trigger_words.append((predicate, "noun", noun.split()[0], ""))
                        lex.entries[(first, "noun")].append(  # عملية انتحارية: and the next word
                            replace(frame, next=frozenset(rest[:1])) if rest else frame)
                else:
                    for form in words if isinstance(words, list) else [words]:
                        lex.participles[normalize_text(str(form))] = frame


def _with_pronoun(prep: str, suffix: str) -> str:
    """على + ه → عليه, إلى + ها → اليها, في + ي → في."""
    if prep.endswith("ي") and suffix == "ي":
        return prep
    if prep in ("علي", "الي", "لدي"):
        return prep + suffix
    if prep == "من" or prep == "عن":
        return prep + ("ي" if suffix == "ي" else suffix)
    return prep + suffix


def _verb_pair(verb, where: str) -> tuple[str, str]:
    if not (isinstance(verb, list) and len(verb) == 2 and all(isinstance(v, str) for v in verb)):
        raise OntologyError(f"{where}: {verb!r} should be [past, present]")
    return verb[0], verb[1]


def _check_slots(lex: Lexicon) -> None:
    """Every slot of frames.yaml is a structural slot or a preposition that the grammar knows
    (a misspelt slot would match nothing, silently)."""
    g = lex.grammar
    preps = g.get("prepositions", frozenset()) | g.get("temporal_prepositions", frozenset()) | \
        {"ب", "ل", "ك"} | set(lex.phrasal_preps.values())
    frames = [e for entries in lex.entries.values() for e in entries] + list(lex.participles.values())
    for entry in frames:
        for slot in entry.agent + entry.target:
            if slot not in _STRUCTURAL and slot not in preps:
                raise OntologyError(f"frames.yaml, {entry.relation}: unknown slot {slot!r} (a "
                                    f"structural slot: {', '.join(sorted(_STRUCTURAL))}, or a "
                                    "preposition of grammar.yaml)")


def _slot(name) -> str:
    """A slot name: a structural slot (subject, genitive…) or a preposition, normalized."""
    return name if name in _STRUCTURAL else " ".join(name_key(str(name)))


_STRUCTURAL = {"subject", "object", "object_genitive", "complement_genitive", "genitive", "adjective", "governor",
               "relative", "possessive", "head", "victims", "clause_subject", "partitive",
               "speaker", "site_genitive"}


def _read(path: Path, mapping: bool = False):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise OntologyError(f"{path}: missing lexicon file") from exc
    data = _load_yaml(text, path)
    expected = dict if mapping else list
    if not isinstance(data, expected):
        raise OntologyError(f"{path}: expected a YAML {expected.__name__} at the top level")
    return data


def _load_yaml(text: str, path: Path):
    """The data of a YAML text, kept as JSON in the cache folder (ingest.cache) under a hash of
    the text: reading that JSON takes a twentieth of the time libyaml takes, and PyYAML is
    imported only when the JSON is missing (importing it took 0.03 s). Data JSON cannot hold
    as it is (keys that are not strings, such as dates.yaml's months by number) is pickled."""
    digest = hashlib.sha1(f"{_yaml_version()}\n{text}".encode())
    name = f"yaml-{digest.hexdigest()[:20]}"
    try:
        cache, pickled = cached_path(f"{name}.json"), cached_path(f"{name}.pickle")
    except OSError:  # no cache folder can be made: read the YAML every time
        return _parse_yaml(text, path)
    cached = read_cached(cache)
    if cached is not None:
        try:
            return json.loads(cached)
        except ValueError:  # damaged: made again below
            pass
    value = read_pickled(pickled, object)
    if value is not None:
        return value
    data = _parse_yaml(text, path)
    try:
        encoded = json.dumps(data, ensure_ascii=False)
        if json.loads(encoded) == data:
            write_cached(cache, encoded)
        else:
            write_pickled(pickled, data)
    except (TypeError, ValueError, OSError):
        pass
    return data


def _parse_yaml(text: str, path: Path):
    """PyYAML's reading of a text, imported only here: when no JSON of it is kept."""
    import yaml

    try:  # libyaml's loader when present: 10× faster
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise OntologyError(f"{path}: not valid YAML ({exc})") from exc


@cache
def _yaml_version() -> str:
    """A hash of PyYAML's package file, which names its version, found without importing it."""
    return files_digest([module_file("yaml")])


def _names(entry: dict, field_name: str = "ar") -> list[str]:
    return [n for n in entry.get(field_name) or [] if n]


def _add_entity(lex: Lexicon, entry: dict, type_: str,
                keys: dict[str, tuple[str, ...]] | None = None, **links) -> Entity:
    """The entity of a gazetteer entry, with its names as phrases (``keys``: the keys of those
    names already made)."""
    try:
        names = _names(entry)
        entity = Entity(key=entry["id"], type=type_, label_ar=names[0], label_en=entry.get("en"),
                        alt_ar=tuple(names[1:]), alt_en=tuple(entry.get("alt_en") or ()),
                        **{k: v for k, v in links.items() if v})
    except (KeyError, IndexError, TypeError) as exc:
        raise OntologyError(f"gazetteer entry {entry!r}: needs id, ar and en ({exc})") from exc
    if entity.key in lex.entities and lex.entities[entity.key] != entity:
        raise OntologyError(f"gazetteer id {entity.key!r} is defined twice")
    lex.entities[entity.key] = entity
    lex.kinds[entity.key] = entry.get("kind", type_.lower())
    theatre = entry.get("theatre") or []  # [states], or {kind its generic head has: [states]}
    for kind, states in (theatre.items() if isinstance(theatre, dict)
                         else [(lex.kinds[entity.key], theatre)]):
        for state in states:
            lex.theatres.setdefault((kind, state), entity.key)
    if isinstance(entry.get("ambiguous"), list):
        for form in entry["ambiguous"]:
            lex.ambiguous_forms.add(name_key(form))
            names.append(form)
    elif entry.get("ambiguous"):
        lex.ambiguous.add(entity.key)
    if entry.get("ambiguous") == "cue":
        lex.cue_only.add(entity.key)
    if entry.get("ambiguous") == "noun":
        lex.ba_nouns.add(entity.key)
    for name in names:
        key = keys.get(name) if keys else None
        _add_key(lex, name_key(name) if key is None else key, Phrase("entity", entity.key))
    return entity


def _add_country(lex: Lexicon, entry: dict) -> None:
    country = _add_entity(lex, entry, "Country")
    for name in _names(entry, "people_ar"):
        lex.add_phrase(name, Phrase("entity", country.key))
    for adj in [] if entry.get("ambiguous") else _names(entry, "adj_ar"):  # مالية: financial
        for form in _adjective_forms(normalize_text(adj)):
            lex.adjectives.setdefault(form, country.key)
    capital = entry.get("capital")
    if capital:
        _add_entity(lex, {**capital, "kind": "capital"}, "Place", country=country.key)
        lex.capitals[capital["id"]] = country.key
        lex.theatres[("capital", country.key)] = capital["id"]  # العاصمة: the state's capital


def _adjective_forms(adj: str) -> list[str]:
    """A nationality adjective (normalized) with its dual and plural forms: أمريكي →
    أمريكيين، أمريكيون، أمريكيان; أمريكية → أمريكيتين، أمريكيتان، أمريكيات."""
    if adj.endswith("يه"):
        return [adj] + [adj[:-1] + end for end in ("تين", "تان", "ات")]
    if adj.endswith("ي"):
        return [adj] + [adj + end for end in ("ين", "ون", "ان")]
    return [adj]


def _add_person(lex: Lexicon, entry: dict) -> None:
    role = lex.roles.get(entry.get("role") or "")
    names = _names(entry) + _names(entry, "short_ar")
    person = _add_entity(lex, {**entry, "ar": names}, "Person",
                         affiliation=entry.get("affiliation"), role=role)
    for name in names:  # أبو بكر البغدادي is أبي بكر after a preposition, أبا بكر as an object
        if name.startswith(("أبو ", "ابو ")):
            for case in ("أبي ", "أبا "):
                _add_key(lex, name_key(case + name[4:]), Phrase("entity", person.key))
    if role and person.affiliation:
        lex.holders[(role.key, person.affiliation)].append(person.key)
        lex.terms[person.key] = (entry.get("from") or 0, entry.get("to") or 9999)
    if entry.get("loyalists"):
        if entry["loyalists"] not in lex.entities:
            raise OntologyError(f"people.yaml {person.key}: loyalists {entry['loyalists']!r} "
                                "is no organizations.yaml id")
        lex.loyalists[person.key] = entry["loyalists"]


def _add_institution(lex: Lexicon, entry: dict, countries: list[dict],
                     adjectives: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]) -> None:
    """The institution's head, and its compound with each state's adjective; ``adjectives``
    remembers each adjective's definite form and keys from one institution to the next."""
    heads = _names(entry)
    for head in heads:
        lex.add_phrase(head, Phrase("head", entry["id"]))
    head_keys = {head: name_key(head) for head in heads}
    bare_keys = {head: name_key(head[2:]) for head in heads
                 if head.startswith("ال") and " " not in head}
    for country in countries:
        if country.get("ambiguous"):
            continue
        adj_en = country.get("adj_en") or country["en"]
        adjs = _names(country, "adj_ar")
        forms = [adjectives.get(adj) or adjectives.setdefault(
            adj, (_definite(adj), name_key(_definite(adj)), name_key(adj))) for adj in adjs]
        names = {f"{head} {definite}": head_keys[head] + definite_key
                 for head in heads for definite, definite_key, _ in forms}
        names.update({f"{head[2:]} {adj}": bare_keys[head] + adj_key
                      for head in heads for adj, (_, _, adj_key) in zip(adjs, forms)
                      if head in bare_keys})
        key = f"{slug(adj_en)}-{entry['id']}"
        named = lex.entities.get(key)
        if named is not None and named.country == country["id"]:
            for tokens in names.values():  # a named entry owns this institution: give it the names
                _add_key(lex, tokens, Phrase("entity", key))
        else:
            if named is not None:  # two states, one adjective (Dominica, Dominican Republic)
                key = f"{country['id']}-{entry['id']}"
            owned = [n for n, tokens in names.items()
                     if not any(p.kind == "entity" for p in lex.phrases.get(tokens, []))]
            if not owned:
                continue
            label = _agreeing(entry["ar"][0], adjs)
            fill = {"adj": adj_en, "country": country["en"]}
            _add_entity(lex, {"id": key, "ar": [label] + [n for n in owned if n != label],
                              "en": entry["en"].format(**fill),
                              "kind": entry.get("kind", "organization"),
                              "alt_en": [a.format(**fill) for a in entry.get("alt_en") or []]},
                        "Organization", keys=names, country=country["id"])
        lex.institution_of[key] = entry["id"]
        lex.compounds[(entry["id"], country["id"])] = _owner(lex, _agreeing(heads[0], adjs)) \
            or key


def _owner(lex: Lexicon, name: str) -> str | None:
    """The named entry that owns an institution's first form with a state's adjective
    (الجيش الليبي is the Libyan National Army, الجيش الإسرائيلي the IDF): what the bare head
    and the other forms of that state's institution name too."""
    return next((p.value for p in lex.phrases.get(name_key(name), []) if p.kind == "entity"),
                None)


def _definite(adjective: str) -> str:
    """The adjective with the article on each word.

    >>> _definite("كوري شمالي")
    'الكوري الشمالي'
    """
    return " ".join("ال" + word for word in adjective.split())


def _agreeing(head: str, adjs: list[str]) -> str:
    """The head with the adjective that agrees with it (feminine after ة and ات)."""
    feminine = head.split()[0].endswith(("ة", "ات"))
    adj = next((a for a in adjs if a.split()[0].endswith("ة") == feminine), adjs[0] if adjs else "")
    return f"{head} {_definite(adj)}"
