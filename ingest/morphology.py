"""camel-tools' Analyzer on a morphology database generated from the project's own lexicon.

The database (camel's text format) holds, as stems, the first word of every gazetteer name and
title and every trigger verb and verbal noun; its prefix and suffix tables give the clitics
(و ف ب ل ك ال س, person prefixes, subject and object suffixes). So ``analyze("وبالعراق")``
returns the reading ``lex="العراق", prefix="وب"`` and ``analyze("سيتهمونها")`` the verb
``اتهم`` with gloss ``accuses``. Each distinct token is analysed once per process.
"""
from __future__ import annotations

import hashlib
from itertools import product
from pathlib import Path
from typing import Any, Final, NamedTuple

from ingest.cache import (
    cached_path,
    files_digest,
    read_cached,
    read_pickled,
    source_file,
    write_cached,
    write_pickled,
)
from ingest.lexicon import Lexicon
from ingest.normalize import normalize_text

__all__ = ["Morphology", "Reading", "Trigger", "Verb", "database_text"]

_CONJ: Final = ["", "و", "ف"]
_PREP: Final = ["", "ب", "ل", "ك"]
_NOUN_PREFIXES: Final = sorted({c + p for c, p in product(_CONJ, _PREP)})
_DEF_PREFIXES = sorted({c + ("لل" if p == "ل" else p + "ال") for c, p in product(_CONJ, _PREP)})
_PV_PREFIXES: Final = ["", "و", "ف"]  # not ل: لقتلاهم is "for their dead"
_IV_PREFIXES: Final = sorted({c + m + p for c, m, p in product(_CONJ, ["", "س", "ل"], "يتنا")})
_OBJ: Final = ["", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ني"]
_PV_SUFFIXES = sorted({s + o for s, o in product(["", "ت", "ا", "تا", "نا", "تم", "ن"], _OBJ)}
                      | {"وا", "و" + "ه", "وها", "وهم", "وهما"})
_PV_WEAK_SUFFIXES = sorted({s + o for s, o in product(["ت", "تا", "ا", "ي", "تم", "نا"], _OBJ)}
                           | {"وا", "وه", "وها", "وهم"})  # تبنته، رمته، دعاهم
_IV_SUFFIXES = sorted({s + o for s, o in product(["", "ون", "ان", "ين", "ن", "ا"], _OBJ)}
                      | {"وا"})
_IV_WEAK_SUFFIXES: Final = sorted({s + o for s, o in product(["ون", "ان", "ين"], _OBJ)} | {"وا"})
_NOUN_SUFFIXES: Final = ["", "ا", "ه", "ها", "هم", "هما", "نا", "ي", "كم"]
_PRONOUNS: Final = ["ه", "ها", "هم", "هما", "نا", "ي", "كم"]  # a noun's possessive suffixes
_NAME_SUFFIXES: Final = [""]


class Reading(NamedTuple):
    """One analysis: ``lex`` (a name's first word or a verb's or trigger's lemma), ``pos``
    (name, verb, noun), ``gloss`` (the relation for triggers, else ""), and the prefix and
    suffix it carried."""

    lex: str
    pos: str
    gloss: str
    prefix: str
    suffix: str = ""


class Trigger(NamedTuple):
    """A trigger word's reading: the relation, its parts of speech, its proclitics, its lemma,
    and its suffix (subject or object pronoun, possessive)."""

    relation: str
    pos: frozenset[str]
    prefix: str
    lemma: str
    suffix: str = ""


class Verb(NamedTuple):
    """A verb's reading: its lemma (the past 3rd masc. singular, normalized), proclitics and
    suffix (ت، وا، ون: the subject; ه، ها، هم: an object pronoun)."""

    lemma: str
    prefix: str
    suffix: str


class _Word:
    """What the rules ask of one key's readings, remembered per process (a plain class: the
    compiled build reads its fields directly)."""

    __slots__ = ("kinds", "name", "readings", "trigger", "verb")

    def __init__(self, readings: tuple[Reading, ...], kinds: frozenset[str],
                 trigger: Trigger | None, verb: Verb | None):
        self.readings, self.kinds, self.trigger, self.verb = readings, kinds, trigger, verb
        self.name: bool = "name" in kinds


# Arabic letters the Analyzer reads as they are: no diacritic or tatweel, and none of آ أ إ ة ى,
# which its normalization map changes (normalize_text has changed them in every key).
_PLAIN = "".join(chr(c) for c in [*range(0x0621, 0x063B), *range(0x0641, 0x064B)]
                 if chr(c) not in "\u0622\u0623\u0625\u0629\u0649")
_PLAIN_CODES: Final = bytes(1 if chr(code) in _PLAIN else 0 for code in range(0x700))
_MEMO_SIZE: Final = 100_000  # words remembered before the memo starts again: memory stays flat
_NO_READING: Final = _Word((), frozenset(), None, None)
_new_tuple: Final = tuple.__new__  # a named tuple made without its Python-level __new__
_Entry = tuple[str, dict[str, str]]  # an Analyzer table's entry: (category, features)


class _Part:
    """A prefix, stem or suffix entry of the Analyzer's tables as ``_merged`` reads it, made
    once: its category, the categories that may follow it (a prefix's stems, a stem's
    suffixes; None: none), a prefix's suffixes, and its features: for a stem each one or None
    when it has none, for an affix each one it gives ("" for none, "" or "-"); its gloss ("")."""

    __slots__ = ("cat", "enc", "ends", "gloss", "lex", "next", "pos", "prc")

    def __init__(self, cat: str, feats: dict[str, str], stem: bool,
                 next: set[str] | None, ends: set[str] | None) -> None:
        self.cat, self.next, self.ends = cat, next, ends
        self.gloss: str = feats.get("gloss") or ""
        self.lex, self.pos = _given(feats, "lex", stem), _given(feats, "pos", stem)
        self.prc, self.enc = _given(feats, "prc", stem), _given(feats, "enc", stem)


def _given(feats: dict[str, str], name: str, stem: bool) -> str | None:
    value = feats.get(name)
    if stem:
        return value
    return "" if value is None or value == "-" else value


class Morphology:
    """The Analyzer over the lexicon's database, with a per-process cache of readings."""

    def __init__(self, lexicon: Lexicon, cache_dir: Path | None = None):
        from ingest.camel import analyzer_classes

        Analyzer, MorphologyDB = analyzer_classes()
        db = _database(lexicon, MorphologyDB, cache_dir)
        self._analyzer = Analyzer(db)
        # what a reading of a word in plain letters needs (the Analyzer's own tables)
        self._max_prefix: int = db.max_prefix_size
        self._max_suffix: int = db.max_suffix_size
        self._starts: dict[str, list[_Part]] = {}  # made by _index
        self._stem_parts: dict[str, list[_Part]] = {}
        self._suffix_parts: dict[str, list[_Part]] = {}
        self._forms: dict[str, int] = {}
        self._db = db
        self._stems = frozenset(db.stem_hash)
        self._words: dict[str, _Word] = {}  # per process, cleared when it grows too large
        self._whole_names = frozenset(tokens[0] for tokens, phrases in lexicon.phrases.items()
                                      if len(tokens) == 1 and any(p.kind == "entity"
                                                                  for p in phrases))
        self._index()

    def analyze(self, key: str) -> tuple[Reading, ...]:
        """Readings of a normalized token (empty when no stem of the lexicon is in it)."""
        return (self._words.get(key) or self._remember(key)).readings

    def kinds(self, key: str) -> frozenset[str]:
        """The parts of speech of a token's readings ({"name"}, {"verb", "noun"}, …)."""
        return (self._words.get(key) or self._remember(key)).kinds

    def is_name(self, key: str) -> bool:
        """Some reading of the token is a name (``"name" in kinds(key)``)."""
        return (self._words.get(key) or self._remember(key)).name

    def trigger(self, key: str) -> Trigger | None:
        """The reading of a trigger word; None for other words and for those that may also be
        a name (تدمر)."""
        return (self._words.get(key) or self._remember(key)).trigger

    def verb(self, key: str) -> Verb | None:
        """The reading of a known verb (a trigger or one of verbs.yaml), None for other words;
        a word that may also be a name (كان، Cannes) is a verb unless read as a mention."""
        return (self._words.get(key) or self._remember(key)).verb

    def _remember(self, key: str) -> _Word:
        if len(self._words) >= _MEMO_SIZE:
            self._words.clear()
        if _plain(key):
            readings = self._split(key)
        else:  # the Analyzer's digit, punctuation or foreign words, or other characters
            readings = self._analyze(key) if self._may_match(key) else ()
        if not readings:  # most words of the news: one shared record, not four objects each
            self._words[key] = _NO_READING
            return _NO_READING
        kinds = frozenset(r.pos for r in readings)
        acts = [r for r in readings if r.pos in ("verb", "noun") and r.gloss]
        # a word that is a whole name is no trigger (تدمر); the first word of a longer one is
        # (عملية، تحرير: عملية عاصفة الحزم، هيئة تحرير الشام)
        named = any(r.pos == "name" and r.lex in self._whole_names for r in readings)
        trigger: Trigger | None = _new_tuple(Trigger, (
            acts[0].gloss, frozenset(r.pos for r in acts), acts[0].prefix, acts[0].lex,
            acts[0].suffix)) if acts and not named else None
        verbs = [r for r in readings if r.pos == "verb"]
        verb: Verb | None = _new_tuple(Verb, (verbs[0].lex, verbs[0].prefix, verbs[0].suffix)) \
            if verbs else None
        word = self._words[key] = _Word(readings, kinds, trigger, verb)
        return word

    def _split(self, key: str) -> tuple[Reading, ...]:
        """The Analyzer's readings of a word in plain letters (none its normalization changes),
        read from its tables as it does: every prefix + stem + suffix split it tries, in its
        order, whose categories combine, merged as camel's ``merge_features`` merges the five
        features a reading keeps. Most words of the news have none: a look-up for each start
        of the word, and one for what follows each that is a prefix (no stem with a suffix).

        >>> from ingest.pipeline import resources
        >>> morph = resources()[1]
        >>> [(r.lex, r.prefix) for r in morph._split("وبالعراق")], morph._split("كتبخانه")
        ([('العراق', 'وب'), ('العراق', 'وبال')], ())
        """
        starts, forms = self._starts, self._forms
        stem_parts, suffix_parts = self._stem_parts, self._suffix_parts
        seen: list[Reading] = []
        for p in range(min(self._max_prefix, len(key) - 1) + 1):
            prefixes = starts.get(key[:p])
            if prefixes is None:
                break  # no prefix starts so, nor with a longer start
            if not prefixes:
                continue  # the start of a longer prefix only
            rest = key[p:]
            lengths = forms.get(rest, 0)
            if not lengths:
                continue
            n = len(rest)
            for s in range(self._max_suffix, -1, -1):  # the longest suffix first
                if lengths >> s & 1:
                    _combine(prefixes, stem_parts[rest[:n - s]], suffix_parts[rest[n - s:]], seen)
        return tuple(seen)

    def _index(self) -> None:
        """The Analyzer's tables as ``_split`` reads them: its entries as ``_Part``s; every
        start of a prefix (with the empty one) → the prefix's ([] for the start of a longer one
        only); every stem + suffix that a category of the stem takes → the lengths of the
        suffixes that split it so (bit s set for a suffix of s letters)."""
        db = self._db
        prefix_stem: dict[str, set[str]] = db.prefix_stem_compat
        prefix_suffix: dict[str, set[str]] = db.prefix_suffix_compat
        stem_suffix: dict[str, set[str]] = db.stem_suffix_compat
        prefix_hash: dict[str, list[_Entry]] = db.prefix_hash
        stem_hash: dict[str, list[_Entry]] = db.stem_hash
        suffix_hash: dict[str, list[_Entry]] = db.suffix_hash
        starts: dict[str, list[_Part]] = {p[:i]: [] for p in prefix_hash
                                          for i in range(len(p) + 1)}
        for form, entries in prefix_hash.items():
            starts[form] = [_Part(cat, feats, False, prefix_stem[cat], prefix_suffix.get(cat))
                            for cat, feats in entries]
        self._stem_parts = {form: [_Part(cat, feats, True, stem_suffix.get(cat), None)
                                   for cat, feats in entries]
                            for form, entries in stem_hash.items()}
        self._suffix_parts = {form: [_Part(cat, feats, False, None, None) for cat, feats in entries]
                              for form, entries in suffix_hash.items()}
        groups: dict[tuple[str, ...], list[str]] = {}  # the stems by their categories
        for stem, entries in stem_hash.items():
            if stem:
                groups.setdefault(tuple([cat for cat, _ in entries]), []).append(stem)
        forms: dict[str, int] = {}
        for suffix, entries in suffix_hash.items():
            cats = {cat for cat, _ in entries}
            bit = 1 << len(suffix)
            for group, members in groups.items():
                if any(cats & stem_suffix.get(cat, set()) for cat in group):
                    for stem in members:
                        form = stem + suffix
                        forms[form] = forms.get(form, 0) | bit
        self._starts, self._forms = starts, forms

    def _may_match(self, key: str) -> bool:
        n = len(key)
        return any(key[p:n - s] in self._stems for p in range(min(n, 5)) for s in range(min(n - p, 7)))

    def _analyze(self, key: str) -> tuple[Reading, ...]:
        seen = []
        for a in self._analyzer.analyze(key):
            reading = Reading(a["lex"], a["pos"], a.get("gloss", ""), a.get("prc", ""),
                              a.get("enc", ""))
            if reading not in seen:
                seen.append(reading)
        return tuple(seen)


def _plain(key: str) -> bool:
    """Every character of the key is one of ``_PLAIN`` (one look at each, in a table)."""
    for i in range(len(key)):
        code = ord(key[i])
        if code >= 0x700 or not _PLAIN_CODES[code]:
            return False
    return True


def _combine(prefixes: list[_Part], stems: list[_Part], suffixes: list[_Part],
             seen: list[Reading]) -> None:
    """Add to ``seen`` the new readings of one split (camel's ``_combined_analyses``)."""
    for prefix in prefixes:
        stem_cats, suffix_cats = prefix.next, prefix.ends
        for stem in stems:
            stem_suffix_cats = stem.next
            if stem_cats is None or stem.cat not in stem_cats or stem_suffix_cats is None \
                    or suffix_cats is None:
                continue
            for suffix in suffixes:
                if suffix.cat in stem_suffix_cats and suffix.cat in suffix_cats:
                    reading = _merged(prefix, stem, suffix)
                    if reading not in seen:
                        seen.append(reading)


def _merged(prefix: _Part, stem: _Part, suffix: _Part) -> Reading:
    """A reading as camel's ``merge_features`` merges its features: the stem's, each replaced
    by the suffix's, then the prefix's, when that one says something; the glosses joined."""
    gloss = stem.gloss
    if prefix.gloss or suffix.gloss:
        gloss = "+".join([g for g in (prefix.gloss, stem.gloss, suffix.gloss) if g])
    return _new_tuple(Reading, (_feature(prefix.lex, stem.lex, suffix.lex),
                                _feature(prefix.pos, stem.pos, suffix.pos), gloss,
                                _feature(prefix.prc, stem.prc, suffix.prc),
                                _feature(prefix.enc, stem.enc, suffix.enc)))


def _feature(prefix: str | None, stem: str | None, suffix: str | None) -> str:
    """The stem's feature (none: ""), unless the prefix or else the suffix gives one."""
    if stem is None:
        return ""
    return prefix or suffix or stem


def database_text(lexicon: Lexicon) -> str:
    """The camel-tools database (text format) for the lexicon's names and triggers."""
    stems: set[str] = set()
    for tokens in lexicon.phrases:
        first = tokens[0]
        if first.startswith("ال") and len(first) > 3:
            stems.add(_stem(first[2:], "ND", "name", first, "name"))
        stems.add(_stem(first, "NP", "name", first, "name"))
    verbs = [(relation, past, present) for relation, pos, past, present
             in lexicon.trigger_words if pos == "verb"]
    verbs += [("", past, present) for past, present in lexicon.verbs]
    for relation, past, present in verbs:
        lemma = normalize_text(past)
        stems.add(_stem(lemma, "PV", "verb", lemma, relation))
        if lemma[-1] in "اي":
            stems.add(_stem(lemma[:-1], "PVW", "verb", lemma, relation))
        present_stem = normalize_text(present)[1:]
        stems.add(_stem(present_stem, "IV", "verb", lemma, relation))
        if present_stem[-1] in "وي":
            stems.add(_stem(present_stem[:-1], "IVW", "verb", lemma, relation))
    for relation, pos, noun, _ in lexicon.trigger_words:
        if pos == "noun":
            key = normalize_text(noun)
            stems.add(_stem(key, "N", "noun", key, relation))
            # مساندتها: its ة is written ت before a pronoun (not for a noun that needs a word of
            # its clause, سيطرة: that word may stand in the clause its own clause reports)
            if noun.endswith("ة") and not any(f.needs for f in lexicon.entries.get((key, "noun"), ())):
                stems.add(_stem(key[:-1] + "ت", "NT", "noun", key, relation))
    prefixes = ([("P0", p) for p in _NOUN_PREFIXES] + [("PD", p) for p in _DEF_PREFIXES]
                + [("PPV", p) for p in _PV_PREFIXES] + [("PIV", p) for p in _IV_PREFIXES])
    # a definite noun takes no pronoun (الحربي is al-Harbi or "military", not "my war")
    suffixes = ([("S0", s) for s in _NAME_SUFFIXES] + [("SN", s) for s in _NOUN_SUFFIXES]
                + [("ST", s) for s in _PRONOUNS]
                + [("SND", "")]
                + [("SPV", s) for s in _PV_SUFFIXES] + [("SPVW", s) for s in _PV_WEAK_SUFFIXES]
                + [("SIV", s) for s in _IV_SUFFIXES] + [("SIVW", s) for s in _IV_WEAK_SUFFIXES])
    lines = ["###DEFINES###",
             "DEFINE pos pos:name pos:verb pos:noun pos:digit pos:punc pos:latin",
             *(f"DEFINE {f} {f}:*open*" for f in ("diac", "lex", "gloss", "prc", "enc", "bw")),
             "###DEFAULTS###",
             *(f"DEFAULT pos:{p} prc: enc:" for p in ("name", "verb", "noun", "digit", "punc",
                                                      "latin")),
             "###ORDER###", "ORDER pos diac lex gloss prc enc bw",
             "###TOKENIZATIONS###", "###STEMBACKOFF###", "###PREFIXES###",
             *(f"{p}\t{cat}\tdiac:{p} prc:{p}" for cat, p in prefixes),
             "###SUFFIXES###",
             *(f"{s}\t{cat}\tdiac:{s} enc:{s}" for cat, s in suffixes),
             "###STEMS###", *sorted(stems),
             "###TABLE AB###",
             "P0 NP", "P0 N", "P0 NT", "PD ND", "PD N", "PPV PV", "PPV PVW", "PIV IV", "PIV IVW",
             "###TABLE BC###",
             "NP S0", "ND S0", "N SN", "N SND", "NT ST", "PV SPV", "PVW SPVW", "IV SIV", "IVW SIVW",
             "###TABLE AC###",
             *(f"{a} {c}" for a, c in [("P0", "S0"), ("P0", "SN"), ("P0", "ST"), ("PD", "S0"), ("PD", "SND"),
                                       ("PPV", "SPV"), ("PPV", "SPVW"), ("PIV", "SIV"),
                                       ("PIV", "SIVW")])]
    return "\n".join(lines) + "\n"


def _stem(key: str, cat: str, pos: str, lex: str, gloss: str) -> str:
    # camel cuts lex at the first '_' or '-'; names never contain either.
    return f"{key}\t{cat}\tpos:{pos} diac:{key} lex:{lex} gloss:{gloss} prc: enc: bw:-"


def _database(lexicon: Lexicon, MorphologyDB: type, cache_dir: Path | None) -> Any:
    """camel's ``MorphologyDB`` over ``database_text(lexicon)``. For a lexicon that
    ``load_lexicon`` made, it is kept pickled in the cache folder under the lexicon's digest,
    this module's code and camel-tools' version, and read back from there (a tenth of the
    time that making the text and parsing it take)."""
    path = _pickle_path(lexicon, cache_dir)
    kept: Any = None if path is None else read_pickled(path, MorphologyDB)
    if kept is not None:
        return kept
    db = MorphologyDB(str(_cached_file(database_text(lexicon), cache_dir)))
    if path is not None:
        try:
            write_pickled(path, db)
        except OSError:
            pass
    return db


def _pickle_path(lexicon: Lexicon, cache_dir: Path | None) -> Path | None:
    """Where the database of a lexicon load_lexicon made is kept (None: one made by hand, or
    no source to hash or cache folder)."""
    if not lexicon.digest:
        return None
    import camel_tools

    try:
        digest = files_digest([source_file("morphology.py")], _CACHE_LAYOUT,
                              lexicon.digest, camel_tools.__version__)
        return cached_path(f"morphology-{digest[:20]}.pickle", cache_dir)
    except OSError:
        return None


_CACHE_LAYOUT: Final = "morphology 1"  # changed when what is pickled changes shape


def _cached_file(text: str, cache_dir: Path | None) -> Path:
    """Write the database once per content, atomically (workers may race to write it); a
    file another user left there, or a damaged one, is written again."""
    digest = hashlib.sha1(text.encode()).hexdigest()[:16]
    path = cached_path(f"morphology-{digest}.db", cache_dir)
    if read_cached(path) != text:
        write_cached(path, text)
    return path
