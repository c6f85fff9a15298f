"""Relations from frames: who accuses, supports, strikes… whom, read off each sentence's
structure (``syntax.py``) through the frames of ``ontology/lexicon/frames.yaml``.

For each trigger (a verb, a verbal noun, a participle) its frame names the slots that fill the
agent and the target, tried in order: a verb's subject and object, a preposition's phrase, a
noun's genitive, nationality adjective, the subject of the light verb that governs it (شنت تركيا
غارات) or of the relative clause that follows it (غارات شنها التحالف), its possessive pronoun,
a participle's head (القوات الموالية لهادي), the victims of a killing. A phrase stands for the
entity it names, or for the one after its head when the head is an asset, a position or a
member (مواقع الحوثيين، مسلحون من داعش). Places come from the locative phrases of the clause.

A relation's mode says how the text states it: Asserted, or Negated (لم، لا، عدم، نفى…),
Hypothetical (لو، إذا، هجوم محتمل), Planned (تعتزم، خطة لشن), Foiled (أحبطت), Threatened,
Demanded; only asserted relations become direct edges in the graph. A speaker is kept where
أن/إن, a colon or a quote opens what is said.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Final, NamedTuple

from ingest.casualties import Casualties, find_casualties, load_casualties
from ingest.dates import event_date, load_dates
from ingest.discovery import masdar_shaped
from ingest.entities import Found
from ingest.lexicon import FrameEntry, Lexicon
from ingest.model import Entity, Mention, Relation, Sentence
from ingest.morphology import Morphology, Reading, Trigger
from ingest.normalize import Token, ends_in_ta_marbuta, is_word
from ingest.syntax import Parse, parse_sentence, plural_subject

__all__ = ["find_relations"]

_POSSESSIVE: Final = ("ه", "ها", "هم", "هما")
_MEMBERS_OF: Final = {"soldiers": "armed-forces", "policemen": "police"}  # their institution
_PLACE_PROXIES: Final = ("place_kinds", "place_cues", "site_kinds")
_NAMING_SLOTS: Final = frozenset({"subject", "relative", "من قبل", "علي يد", "genitive"})
_VICTIMS_ONLY: Final = frozenset({"civilians", "journalists", "medical", "refugees", "protesters"})
# Kinds of party whose act of force tells of violence by itself (اغتال مجهولون، اعتدى مستوطنون)
_ATTACKERS: Final = frozenset({"unidentified", "militants", "suicide-attacker", "settlers"})
_ADVERBIAL: Final = frozenset({"عبر", "خلال", "ب", "بواسطه", "اثناء"})  # phrases of means and time
_MEANS_OR_WHERE: Final = _ADVERBIAL | {"في"}  # an attack noun under these is a verb of attack's own
_SPORTS: Final = 3  # sports words in an article that make its attacks and strikes a game's
_QUOTES: Final = frozenset("«»\"“”'‘’()")
_INHERIT = frozenset({"light", "other", "occurring", "planning", "threatening", "negating",
                      "ceasing", "claiming", "reciprocal"})
_UNDERGO = frozenset({"undergo", "suffering"})  # its subject is the target (تعرض، لقي مصرعه)
_NOT_CARRIED = frozenset({"suffering", "witnessing"})  # its subject is no later verb's
_MODE_OF_CLASS = {"planning": "Planned", "threatening": "Threatened", "negating": "Negated",
                  "foiling": "Foiled", "demanding": "Demanded", "possible": "Hypothetical"}
# Nouns through which a noun in their construct takes the governor of the phrase: شن غارات،
# عملية تحرير، قرار شن هجوم، مسؤولية تفجير
_PASSING = ("light_nouns", "operation_nouns", "planning_nouns", "foiling_nouns",
            "demanding_nouns", "claiming_nouns", "quantifiers")
_INTENT: Final = frozenset({"planning", "demanding", "possible"})  # an act is never their subject
# The groups ``mode`` asks of the words around a trigger, one bit each in one table with the
# participles and the proxies of ``_assets`` (one lookup a token, not one a group a candidate:
# ``_Reader.bits``)
_BIT_GROUPS: Final = ("halting_nouns", "negators", "exceptives", "conditionals", "questions",
                      "unreal", "accused_words", "undergo_nouns", "light_nouns", "planning_nouns",
                      "foiling_nouns", "demanding_nouns", "fearing_nouns", "quantifiers",
                      "partitives", "victim_words", "assets", "members", "place_kinds",
                      "place_cues", "site_kinds", "counterpart", "org_kinds")


def _bit(group: str) -> int:
    """The bit of a group of ``_BIT_GROUPS`` in ``_Reader.bits``."""
    return 1 << _BIT_GROUPS.index(group)


_HALTING: Final = _bit("halting_nouns")
_NEGATOR: Final = _bit("negators")
_EXCEPTIVE: Final = _bit("exceptives")
_CONDITIONAL: Final = _bit("conditionals")
_QUESTION: Final = _bit("questions")
_UNREAL: Final = _bit("unreal")
_ACCUSED: Final = _bit("accused_words")
_UNDERGO_NOUN: Final = _bit("undergo_nouns")
_LIGHT_NOUN: Final = _bit("light_nouns")
_QUANTIFIER: Final = _bit("quantifiers")
_PARTITIVE: Final = _bit("partitives")
_VICTIM_WORD: Final = _bit("victim_words")
# Heads that stand for the entity after them: مواقع الحوثيين، مسلحو داعش، مدينة حلب، محيط عدن
_PROXY_BITS: Final = tuple((group, _bit(group)) for group in (
    "assets", "members", "place_kinds", "place_cues", "site_kinds", "counterpart", "org_kinds"))
_PARTICIPLE: Final = 1 << len(_BIT_GROUPS)  # a participle, also under و ب ("participles|proclitic")
_PROXY: Final = _PARTICIPLE << 1  # a form of a word of the assets or members (``_assets``)
_ASKED: Final = _PARTICIPLE << 2  # ``_Reader.asks`` has worked out the next bit (not the table's)
_ASKS: Final = _PARTICIPLE << 3
_MODE_OF_NOUN: Final = tuple((group, mode, _bit(group)) for group, mode in (
    ("planning_nouns", "Planned"), ("foiling_nouns", "Foiled"), ("demanding_nouns", "Demanded"),
    ("fearing_nouns", "Hypothetical")))


class Candidate(NamedTuple):
    """What one trigger yields before it becomes relations (``naba explain`` prints it)."""

    token: int
    entry: FrameEntry
    agents: list[Found]
    targets: list[Found]
    places: list[str]
    mode: str
    speaker: str | None
    why: str  # why no relation came of it ("" when one did)
    generic_agent: Generic | None = None  # who acts, named by kind (مسلحون مجهولون)
    generic_target: Generic | None = None  # who is hit, named by kind (المدنيين)
    slots: tuple[str, str] = ("", "")  # the slots that gave the agents and the targets


class Generic(NamedTuple):
    """An actor the text names by its kind: its sector, English gloss, Arabic words and the
    state or group it belongs to."""

    sector: str
    gloss: str
    label: str
    affiliation: str | None


_UNIDENTIFIED: Final = Generic("unidentified", "unidentified", "مجهول", None)
_UNNAMED_TARGET: Final = Generic("unidentified", "unnamed target", "غير مسمى", None)
_ALLEGED: Final = "what one is accused of (المتهم بقتل)"
_ALLEGED_CONTENT: Final = "what an accusation says the accused did (اتهمه بدعم)"
_SUICIDE_ATTACKER: Final = Generic("suicide-attacker", "suicide attacker", "انتحاري", None)
_NEUTRAL_KINDS: Final = ("media", "agency", "intergovernmental")
_NAMING_KINDS: Final = ("site_kinds", "institution_nouns", "place_kinds")
_AUTHOR_UNKNOWN: Final = ("person_nouns", "assets", "members", "weapons", "quantifiers")
_NO_STRIKE: Final = Trigger("", frozenset(), "", "")
_NO_WORDS: Final[frozenset[str]] = frozenset()
_OTHER_VERB: Final = frozenset({"other"})  # the class of a verb verbs.yaml does not list
_CLAIMING: Final = frozenset({"claiming", "attributing"})
_SCALE: Final = {"country": 0, "region": 1, "governorate": 1, "sea": 1, "city": 2, "capital": 2}


def find_relations(tokens: list[Token], sentences: tuple[Sentence, ...], sentence_of: list[int],
                   found: tuple[Found, ...], entities: dict[str, Entity], lex: Lexicon,
                   morph: Morphology, trace: list[Candidate] | None = None,
                   date: str | None = None) -> tuple[tuple[Relation, ...], dict[str, Entity]]:
    """Every relation the sentences state, once per (relation, agent, target, sentence), and
    the generic actors they name; an attack told again that names nothing new is one event,
    with its first telling. ``date``: the article's, for the date of its attacks."""
    reader = _Reader(tokens, sentence_of, found, entities, lex, morph)
    reader.date = date
    out: dict[tuple, Relation] = {}
    stated: set[tuple] = set()  # told by a verb or a noun, not by a participle or بدعم من
    for cand in reader.claimed([c for t in reader.triggers for c in reader.candidates(t)]):
        rels = reader.build(cand)
        if trace is not None:
            trace.append(cand._replace(why=cand.why or ("" if rels else "no agent or target")))
        for rel in rels:
            key = (rel.predicate, rel.agent, rel.target, rel.sentence)
            out[key] = _merged(out[key], rel) if key in out else rel
            if cand.entry.pos != "participle" and cand.slots[0] != "reverse":
                stated.add(key)
    for s, places in reader.retold:  # وأسفر الهجوم الذي وقع في بلدة …: where it was
        for key, rel in out.items():
            if rel.sentence == s:
                out[key] = reader.refined(rel, places)
    for key, rel in out.items():  # told again in the next sentence, by the same state, in a town
        for other in [r for r in out.values() if r.sentence == rel.sentence + 1 and
                      r.predicate == rel.predicate and r.target == rel.target and
                      rel.target not in reader.generics and reader.same_side(r.agent, rel.agent)]:
            out[key] = rel = reader.refined(rel, other.places, told=True)
    for key, rel in out.items():  # the attack told in a state, told again in the next sentence
        # by the attacker unnamed, in a town of that state: where it was
        for other in [r for r in out.values() if reader.tells_detail(rel, r)]:
            out[key] = rel = reader.refined(rel, (other.target, *other.places), told=True)
    for key in [k for k in out if k in reader.retellings]:  # وأسفر القصف الذي شنه … عن مقتل
        first = reader.told_first(out[key], out.values())  # 57 مدنيا: one attack, told twice
        if first is not None:
            again = out.pop(key)
            if reader.sole_attack(reader.retellings[key]):  # not غداة مقتل 23 في تفجير سيارتين
                out[first] = _folded(out[first], again)
            for i, c in enumerate(trace if trace is not None else []):
                if trace is not None and c.token == reader.retellings[key] and not c.why:
                    trace[i] = c._replace(why=f"told again: the attack of sentence {first[3]}")
    for rel in list(out.values()):  # قال الوزير إن طائرات روسية قصفت …: he accuses Russia
        if reader.claim_of_attack(rel) or reader.claim_of_backing(rel) and (
                rel.predicate, rel.agent, rel.target, rel.sentence) in stated:
            out.setdefault(("accuses", rel.speaker, rel.agent, rel.sentence), Relation(
                "accuses", rel.speaker or "", rel.agent, rel.sentence, rel.trigger))
    named_author = reader.identified_attacker()
    if named_author is not None:  # الانتحاري الذي عرفته الشرطة بأنه X: the attacks told by an
        person, told = named_author  # author unnamed take X
        for key, rel in list(out.items()):
            if rel.predicate != "strikes" or rel.target == person or not (
                    rel.sentence == told or reader.names_attacker(rel.sentence)):
                continue
            if reader.unnamed_author(rel.agent):
                del out[key]
            elif rel.agent not in reader.claimants:  # the group that claims it sent him
                continue
            out.setdefault((rel.predicate, person, rel.target, rel.sentence),
                           replace(rel, agent=person))
        for who, verb in reader.identifiers(person):  # and who identifies him accuses him
            s = reader.sentence_of[verb]
            out.setdefault(("accuses", who, person, s), Relation(
                "accuses", who, person, s, reader.tokens[verb].text))
    unknown = {k for k, e in reader.generics.items() if e.sector == "unidentified"}
    named = {r.sentence for r in out.values() if r.predicate == "strikes" and r.agent not in unknown}
    kept = tuple(r for r in out.values()  # قتل عشرة في قصف نفذته طائرات أمريكية: one attack,
                 if not (r.predicate == "strikes" and r.agent in unknown and r.sentence in named))
    used = {k for r in kept for k in (r.agent, r.target)}  # its author named in its sentence
    return kept, {k: e for k, e in reader.generics.items() if k in used}


def _merged(first: Relation, other: Relation) -> Relation:
    """One statement of a pair a sentence states twice (قتل … في انفجار … في إقليم سيلوبي):
    the asserted one, with the places and tolls both readings give when their modes agree."""
    if first.mode != other.mode:
        return other if other.mode == "Asserted" else first
    return replace(first, places=tuple(dict.fromkeys(first.places + other.places)),
                   killed=first.killed if first.killed is not None else other.killed,
                   injured=first.injured if first.injured is not None else other.injured)


def _folded(first: Relation, again: Relation) -> Relation:
    """The attack told first, with the toll told again where it gave none."""
    return replace(first, killed=first.killed if first.killed is not None else again.killed,
                   injured=first.injured if first.injured is not None else again.injured)


class _Reader:
    def __init__(self, tokens: list[Token], sentence_of: list[int], found: tuple[Found, ...],
                 entities: dict[str, Entity], lex: Lexicon, morph: Morphology):
        self.tokens, self.sentence_of, self.lex, self.morph = tokens, sentence_of, lex, morph
        self.entities, self.found = entities, found
        self.keys: list[str] = [t.key for t in tokens]
        g = lex.grammar
        self.g = g
        self.at: dict[int, Found] = {}
        for f in found:
            for k in range(f.first, f.last + 1):
                self.at.setdefault(k, f)
        participles = lex.word_groups.get("participles|proclitic")  # under و ب too
        if participles is None:  # the first reader of this lexicon
            _prepare(lex)
            participles = lex.word_groups["participles|proclitic"] = frozenset(
                c + k for k in lex.participles for c in ("", "و", "ب"))
        self.participles = participles
        table = lex.derive("relation_bits", lambda: _bit_table(lex))
        self.bits: list[int] = [table.get(key, 0) for key in self.keys]  # one lookup a token
        assets = self._assets()
        self.asset_ids = {id(f) for f in assets}
        for f in assets:
            for k in range(f.first, f.last + 1):
                self.at[k] = f
        self.triggers = self._triggers()
        self.parses: dict[int, Parse] = {}
        self.generics: dict[str, Entity] = {}  # generic actors, by key
        self.generic_keys: dict[tuple, str] = {}
        self.date: str | None = None
        self.tolls: dict[tuple[int, int], Casualties] = {}
        self.dates: dict[int, str | None] = {}  # sentence → the date of its event
        self.resolving: set[int] = set()  # pronouns being resolved
        self.events: list[int] = []  # the tokens of the attacks told so far
        self.event_places: set[str] = set()  # the places they hit or happened in
        self.claimants: set[str] = set()  # the actors that claim an attack of the article
        self.retold: list[tuple[int, tuple[str, ...]]] = []  # (sentence, places) of attacks
        # told again (الهجوم الذي وقع في بلدة …)
        self.told: dict[str, tuple[int, list[Found]]] = {}  # relation → its last (sentence, agents)
        self.retellings: dict[tuple, int] = {}  # the keys of statements of a definite attack
        # noun whose agent is one told before or claims it (وأسفر القصف عن …، تبنت الحركة
        # الهجوم), and its token
        self.conflict: bool | None = None  # about_violence, once it is asked
        self.sports: bool | None = None  # about_sports, once it is asked
        self.claiming_words: dict[int, bool] = {}  # sentence → it has a word of claiming
        self.starts = _starts(sentence_of)

    # --- words --------------------------------------------------------------------------------

    def group(self, name: str) -> frozenset[str]:
        """The forms of a group's words that group_of accepts (``_forms``), made once."""
        forms = self.lex.word_groups.get(name)
        if forms is None:
            forms = self.lex.word_groups[name] = _forms(self.g.get(name, _NO_WORDS))
        return forms

    def group_of(self, key: str, name: str) -> bool:
        """Token key (under a proclitic, in the accusative: حاجزا, a dual in construct: تنظيمي)
        is a word of a group."""
        forms = self.lex.word_groups.get(name)
        return key in (forms if forms is not None else self.group(name))

    def asks(self, k: int) -> bool:
        """Token k is a question word, also under و/ف (هل، وهل): worked out once a token."""
        bits = self.bits[k]
        if not bits & _ASKED:
            key = self.keys[k]
            if key.startswith("و") or key.startswith("ف"):  # noqa: PIE810 (no tuple made)
                question = key.lstrip("وف") in self.group("questions")
            else:
                question = bool(bits & _QUESTION)
            bits = self.bits[k] = bits | _ASKED | (_ASKS if question else 0)
        return bool(bits & _ASKS)

    def any_bits(self, a: int, b: int, bit: int) -> bool:
        """Some token of [a, b) is a word of the group of that bit (``self.bits``)."""
        bits = self.bits
        for k in range(a, b):
            if bits[k] & bit:
                return True
        return False

    def in_conflict(self) -> bool:
        """``about_violence`` of the article, worked out the first time it is asked."""
        if self.conflict is None:
            self.conflict = self.about_violence(self.found)
        return self.conflict

    def about_sports(self) -> bool:
        """The article has _SPORTS sports words or more: its attacks and strikes are a game's."""
        if self.sports is None:
            words = self.group("sports_words")
            self.sports = sum(1 for k in self.keys if k in words) >= _SPORTS
        return self.sports

    def about_violence(self, found: tuple[Found, ...]) -> bool:
        """The article tells of violence: two words of attack that have no other sense or of
        killing, or one and an armed group, a military force or another attack word. An attack
        whose agent it does not name is recorded only there (not in a story of markets or of
        football where a word of attack has another sense)."""
        weak = self.g.get("weak_attack_words", _NO_WORDS)
        strikes = [i for i, trig in self.triggers.items() if trig.relation == "strikes"]
        weak_ones = [i for i in strikes if self.triggers[i].lemma in weak
                     or self.group_of(self.keys[i], "weak_attack_words")]
        victim_words = self.group("victim_words")
        strong = len(strikes) - len(weak_ones) + sum(1 for key in self.keys if key in victim_words)
        armed = any(self.lex.kinds.get(f.mention.entity) in ("armed-group", "military",
                                                             "opposition") for f in found)
        return strong >= 2 or strong == 1 and (armed or bool(weak_ones))

    def armed(self, s: int) -> bool:
        """Sentence s names arms or armed men (مسلحون، سيارة مفخخة، عبوة ناسفة): its attack, told
        in the past, is one of violence in an article that tells no other (not مسلحون يقاتلون
        القوات: a state)."""
        words = self.group("arms_words")
        return any(self.keys[k] in words for k in range(self.starts[s], self.starts[s + 1]))

    def possessed_proxy(self, key: str) -> bool:
        """An asset or members with a possessive pronoun: طائراتها، طائرتها، قواته، عناصرهم
        (not حلفاؤهم: their allies are others)."""
        if self.group_of(key, "allies"):
            return False
        for n in (2, 1):
            if key.endswith(_POSSESSIVE) and len(key) - n >= 3:
                stem = key[:-n]
                for form in (stem, stem[:-1] + "ه" if stem.endswith("ت") else stem):
                    if self.group_of(form, "assets") or self.group_of(form, "members"):
                        return True
        return False

    def _triggers(self) -> dict[int, Trigger]:
        morph, at, tokens = self.morph, self.at, self.tokens
        out: dict[int, Trigger] = {}
        participles: list[int] = []
        bits = self.bits
        for i, key in enumerate(self.keys):
            trig = morph.trigger(key)
            if trig is not None and i not in at and is_word(tokens[i]) and \
                    not (i and self.named_after(i)) and not self.given_name(i):
                out[i] = trig
            if bits[i] & _PARTICIPLE:
                participles.append(i)
        for i in participles:  # participles, after the others: القوات الموالية لهادي
            key = self.keys[i]
            if i not in out and i not in at and (entry := self._participle(key)) is not None:
                out[i] = Trigger(entry.relation, frozenset({"participle"}), "", key)
        return out

    def given_name(self, i: int) -> bool:
        """A given name of names.yaml that is also a verb, before a surname shaped like a nisba
        with the article (ناصر الشعيبي): a man, not "supported"."""
        key, nxt = self.keys[i], i + 1
        return key in self.lex.given_names and key not in self.lex.common_given and \
            nxt < len(self.keys) and nxt not in self.at and is_word(self.tokens[nxt]) and \
            self.tokens[nxt].text.startswith("ال") and self.keys[nxt].endswith("ي") and \
            len(self.keys[nxt]) > 4 and not self.adjective(nxt) and \
            self.keys[nxt] not in self.lex.known_words

    def named_after(self, i: int) -> bool:
        """A definite trigger noun right after a place's kind names the place (ساحة التحرير)."""
        key = self.keys[i - 1]
        return self.keys[i].startswith("ال") and any(
            self.group_of(key, g) for g in ("place_kinds", "site_kinds"))

    def _participle(self, key: str) -> FrameEntry | None:
        if key not in self.participles:
            return None
        parts = self.lex.participles
        return parts.get(key) or (parts.get(key[1:]) if key[:1] in "وب" else None)

    def _assets(self) -> list[Found]:
        """A state's asset named with its nationality adjective, as a mention of the state:
        طائرة حربية روسية، المصالح الأمريكية، مواقع سورية (not inside another mention); its
        soldiers and policemen, of its forces (جندي تركي: the Turkish Armed Forces)."""
        out = []
        bits = self.bits
        for i, key in enumerate(self.keys):
            if not bits[i] & _PROXY or i in self.at:  # an asset or members (one test a token)
                continue
            for j in (i + 1, i + 2):
                if j >= len(self.tokens) or not is_word(self.tokens[j]) or \
                        self.group_of(self.keys[j - 1].lstrip("و"), "peoples"):
                    break  # المقاتلون الأكراد السوريون: Syrian Kurds, not Syria's fighters
                state = self.adjective(j)
                name = self.at.get(j)  # سورية: the state's name written like its adjective
                if name and (name.first, name.last, name.mention.entity) != (j, j, state):
                    break
                if state:
                    force = next((self.lex.compounds.get((inst, state)) for group, inst in
                                  _MEMBERS_OF.items() if self.group_of(key, group)), None)
                    out.append(self.country_found(j, force or state, first=i))
                    break
        return out

    def adjective(self, i: int) -> str | None:
        return self.lex.adjectives.get(self.keys[i].removeprefix("ال").removeprefix("و"))

    def as_actor(self, f: Found) -> Found:
        """A capital's mention as one of its state (موسكو: Russia's aircraft)."""
        state = self.lex.capitals.get(f.mention.entity)
        return self.country_found(f.last, state, first=f.first) if state else f

    def country_found(self, i: int, key: str, first: int | None = None) -> Found:
        first = i if first is None else first
        words = self.tokens[first:i + 1]
        return Found(Mention(key, words[0].start, words[-1].end, self.sentence_of[i],
                             " ".join(t.text for t in words)), first, i, "")

    def entity(self, key: str) -> Entity | None:
        return self.entities.get(key) or self.lex.entities.get(key)

    def actor(self, key: str) -> str | None:
        """The acting entity: a capital acts for its state; other places do not act."""
        if key in self.generics:
            return key
        if key in self.lex.capitals:
            return self.lex.capitals[key]
        e = self.entity(key)
        return key if e and e.type != "Place" else None

    def person(self, key: str) -> bool:
        e = self.entity(key)
        return bool(e and e.type == "Person")

    def same_state(self, a: str, b: str) -> bool:
        """Two bodies of one state, or a state and one of its bodies."""
        ea, eb = self.entity(a), self.entity(b)
        sa = ea.key if ea and ea.type == "Country" else (ea.country if ea else None)
        sb = eb.key if eb and eb.type == "Country" else (eb.country if eb else None)
        return sa is not None and sa == sb and (a in self.lex.institution_of
                                                or b in self.lex.institution_of)

    def state_of(self, key: str) -> str | None:
        e = self.entity(key)
        return None if e is None else e.key if e.type == "Country" else e.country

    def same_side(self, a: str, b: str) -> bool:
        """One actor, or two of one state (الطائرات الإسرائيلية، قوات الاحتلال)."""
        sa, sb = self.state_of(a), self.state_of(b)
        return a == b or a not in self.generics and sa is not None and sa == sb

    def scale(self, key: str) -> int:
        """How fine a place is: a state 0, a region, province or sea 1, a city 2, a district,
        a base or a place found in the text 3."""
        return _SCALE.get(self.lex.kinds.get(key, ""), 3)

    def refined(self, rel: Relation, places: tuple[str, ...], told: bool = False) -> Relation:
        """An attack told with no place, or a coarser one (في شمال العراق، في ولاية قندوز),
        takes the finer places of that state where it is told again (الهجوم الذي وقع في بلدة
        طوز خورماتو); ``told``: only where the first telling names a place."""
        if rel.predicate != "strikes" or rel.mode != "Asserted":
            return rel
        where = [k for k in (rel.target, *rel.places) if self.where(k)]
        if told and not where:
            return rel
        coarse = max((self.scale(k) for k in where), default=-1)
        states = {self.state_of(k) for k in where}
        finer = tuple(k for k in places if self.where(k) and self.scale(k) > max(coarse, 0) and
                      k not in where and (not states or self.state_of(k) in states))
        return replace(rel, places=rel.places + finer) if finer else rel

    def tells_detail(self, rel: Relation, other: Relation) -> bool:
        """Attack ``other``, told in the sentence after ``rel`` by an attacker it does not name
        (انتحاريا اقتحم مركزا …), tells again ``rel``, told only in a state: both asserted,
        and that sentence names no other incident (وفي حادث آخر، منفصل)."""
        where = [k for k in (rel.target, *rel.places) if self.where(k)]
        if not (rel.predicate == other.predicate == "strikes" and rel.mode == other.mode ==
                "Asserted" and other.sentence == rel.sentence + 1 and
                other.agent in self.generics and rel.agent != other.agent and where and
                all(self.scale(k) == 0 for k in where)):
            return False
        a, b = self.starts[other.sentence], self.starts[other.sentence + 1]
        words = self.group("other_report_words")
        return not any(self.keys[k] in words for k in range(a, b))

    def is_place(self, key: str) -> bool:
        e = self.entity(key)
        return bool(e and e.type == "Place")

    # --- sentences ----------------------------------------------------------------------------

    def parse(self, s: int) -> Parse:
        p = self.parses.get(s)
        if p is None:
            a, b = self.starts[s], self.starts[s + 1]
            p = self.parses[s] = parse_sentence(self.tokens, a, b, self.at, self.lex, self.morph)
        return p

    def referents(self, p: Parse, u: int) -> list[Found]:
        """The entities a noun phrase stands for: the one it names, or the one its head (an
        asset, a member, a place kind) is of, in the phrase or in a ل/من phrase right after it
        (مواقع لداعش، مسلحون من داعش)."""
        unit = p.units[u]
        if unit.kind != "np":
            return []
        first = self.at.get(unit.head) or self.at.get(unit.first)
        if first is not None:
            return [first]
        head = self.keys[unit.head]
        if (head.isdigit() or self.bits[unit.head] & (_QUANTIFIER | _PARTITIVE)) and \
                u + 1 < len(p.units) and p.units[u + 1].kind == "np" \
                and p.units[u + 1].prep == "من":  # عشرة من مقاتلي المعارضة، أجزاء من المدينة
            return self.referents(p, u + 1)
        if self.possessed_proxy(head) and not ends_in_ta_marbuta(self.tokens[unit.head]):
            return self.antecedent(p, unit.head)  # قالت الوزارة إن طائراتها استهدفت …; not قرية
        trig = self.triggers.get(unit.head)
        if trig is not None and "noun" in trig.pos:  # الغارات الأمريكية استهدفت: the state acts
            return self.slot_adjective(p, u, unit.head, trig)
        proxy: str | None = None
        for group, bit in _PROXY_BITS:
            if self.bits[unit.head] & bit:
                proxy = group
                break
        if proxy is None and head.removeprefix("و") not in self.lex.title_words:
            return []  # a title stands for its state when no person was found: أمير قطر
        held = self.held_by(p, u) if proxy in ("assets", "place_kinds") else []
        if held:
            return held  # مناطق يسيطر عليها داعش: the side that holds them
        if proxy in _PLACE_PROXIES:  # محيط مكتب وزارة المالية: a place, not the ministry
            return [f for f in self.proxied(p, u) if self.is_place(f.mention.entity)
                    or getattr(self.entity(f.mention.entity), "type", "") == "Country"
                    or proxy == "site_kinds" and self.lex.kinds.get(f.mention.entity) in (
                        "military", "armed-group", "agency")]  # مسجد قوات الطوارئ: the
            # forces' own, as is a hospital of the Red Crescent
        return self.proxied(p, u) or self.aircraft_owner(p, u)

    def aircraft_owner(self, p: Parse, u: int) -> list[Found]:
        """Whose are warplanes named bare and definite (المقاتلات، الطيران الحربي): the actor
        whose warplanes the article named last before them (طائرات التحالف، الطائرات الروسية)."""
        unit = p.units[u]
        phrase = " ".join(self.keys[unit.head:unit.last + 1]).lstrip("و")  # الطيران الحربي
        if not self.keys[unit.head].lstrip("و").startswith("ال") or \
                not self.group_of(self.keys[unit.head], "aircraft") or \
                unit.last != unit.head and phrase not in self.g.get("aircraft", _NO_WORDS):
            return []
        for k in range(unit.head - 1, -1, -1):
            if not self.group_of(self.keys[k], "aircraft"):
                continue
            f = self.at.get(k)
            if f is not None and (id(f) in self.asset_ids or f.first == k and f.last > k and
                                  self.actor(f.mention.entity)):
                return [f]  # الطائرات الروسية; طائرات التحالف, named as one
            j = k + 1
            while j < len(self.tokens) and self.tokens[j].text in _QUOTES:
                j += 1
            f = self.at.get(j)
            if f is not None and f.first == j and self.actor(f.mention.entity):
                return [f]  # طائرات “التحالف العربي”
        return []

    def proxied(self, p: Parse, u: int) -> list[Found]:
        """The entity a proxy head stands for: after it in its phrase, or in a ل/من phrase
        right after the phrase (and its coordination), or the country it is in."""
        unit = p.units[u]
        head = self.keys[unit.head]
        for k in range(unit.head + 1, unit.last + 1):
            f = self.at.get(k)
            if f is not None:
                return [f]
            if self.group_of(self.keys[k], "backed_words"):
                return []  # مقاتلين مدعومين من الغرب: backed by the West, not its own
            if self.group_of(self.keys[k], "belonging"):
                break
        nxt = u + 1
        while nxt < len(p.units) and p.units[nxt].kind == "np" and p.units[nxt].conj \
                and not p.units[nxt].prep:
            nxt += 1  # مواقع وتجمعات للحوثيين: the genitive after the coordination
        if nxt + 1 < len(p.units) and self.comma(p, nxt) and \
                self.group_of(self.keys[p.units[nxt + 1].first], "belonging"):
            nxt += 1  # طائرات حربية، تابعة للتحالف، …: set apart by a comma
        for k in range(nxt, min(nxt + 2, len(p.units))):  # مخزن للأسلحة يتبع داعش
            unit = p.units[k]
            if unit.kind != "np":
                break
            belongs = self.group_of(self.keys[unit.first], "belonging")
            if belongs and unit.last > unit.first:
                return [f for j in range(unit.first + 1, unit.last + 1)
                        if (f := self.at.get(j)) is not None][:1]
            if not (belongs or unit.prep in ("ل", "من") or k == nxt and unit.conj):
                break
            found = [] if belongs else self.referents(p, k)
            if unit.prep == "من" and found and (self.group_of(head, "weapons") or self.group_of(
                    head, "launchers")) and \
                    all(self.where(f.mention.entity) for f in found):
                return []  # قصفوا بالدبابات من منطقة ثعبات: where the guns stand, not whose
            if found and unit.prep == "ل":  # مواقع لداعش ولجبهة النصرة: each owner listed
                j = k + 1
                while j < len(p.units) and p.units[j].kind == "np" and p.units[j].prep == "ل" \
                        and p.units[j].conj:
                    found += [f for f in self.referents(p, j) if f not in found]
                    j += 1
            if found or k > nxt or unit.conj:
                return found
        genitive = not self.keys[unit.head].startswith("ال") and any(
            self.keys[k].startswith("ال") for k in range(unit.head + 1, unit.last + 1))
        if self.group_of(head, "assets") and nxt < len(p.units) and p.units[nxt].prep == "في" \
                and not genitive:  # not معسكرات الحزب في العراق: the party's, not Iraq's
            return [f for f in self.referents(p, nxt)  # منشآت نفطية في السعودية
                    if (e := self.entity(f.mention.entity)) is not None and e.type == "Country"]
        return []

    def held_by(self, p: Parse, u: int) -> list[Found]:
        """Who holds the places or positions of phrase u, by a clause of holding ground that
        describes it, after its place if any (مناطق في ريف حلب تسيطر عليها المعارضة)."""
        v = u + 1
        if v < len(p.units) and p.units[v].prep == "في":
            v += 1
        if v >= len(p.units) or p.units[v].kind != "verb" or not p.describes(v):
            return []
        verb = p.verb_of.get(p.units[v].first)
        if verb is None or verb.lemma not in p.holding_verbs:
            return []
        subject = p.args[v].subject
        return [f for f in self.group_referents(p, subject) if self.actor(f.mention.entity)
                and not self.is_place(f.mention.entity) and not self.located(p, f)
                ] if subject > v else []  # not تسيطر عليها القوات الكردية في شمال سوريا: Syria

    def antecedent_referents(self, p: Parse, u: int) -> list[Found]:
        """Who a relative pronoun takes up: what its antecedent phrase stands for, or the name
        that ends the phrase when الذي cannot agree with the phrase's feminine or plural head
        (تصريحات نائب الرئيس نوري المالكي الذي اتهم …: Maliki) or that name is a person's
        (رفضه لنائب الرئيس نوري المالكي الذي اتهم …: Maliki, not the refusal)."""
        unit = p.units[u]
        f = self.at.get(unit.last)
        pronoun = self.keys[p.units[u + 1].first] if u + 1 < len(p.units) else ""
        if f is not None and f.first > unit.head and pronoun.lstrip("و") == "الذي" and (
                self.tokens[unit.head].text.endswith(("ات", "ة"))
                or self.person(f.mention.entity)):
            return [f]
        return self.group_referents(p, u)

    def listed_past_place(self, p: Parse, u: int) -> list[int]:
        """The phrases joined to the list that phrase u ends after the place of its last item
        (تنظيم الدولة في سوريا، وحزب العمال في العراق; داعش في سورية وكذلك الحزب): actors, not
        places, so not the في phrase's list."""
        k = p.group(u)[-1] + 1
        if k >= len(p.units) or p.units[k].prep != "في":
            return []
        here = [f for j in range(p.units[k].first, p.units[k].last + 1)
                if (f := self.at.get(j)) is not None and f.first == j]
        if not here or not all(self.where(f.mention.entity) for f in here):
            return []
        k += 1
        if self.comma(p, k):
            k += 1
        also = k < len(p.units) and p.units[k].kind == "aux" and p.units[k].conj
        if also:  # وكذلك
            k += 1
        if not (p.bare_np(k) and (p.units[k].conj or also)):
            return []
        found = self.referents(p, k)
        if not found or any(self.is_place(f.mention.entity) or
                            getattr(self.entity(f.mention.entity), "type", "") == "Country"
                            for f in found):
            return []
        return p.group(k)

    def group_referents(self, p: Parse, u: int) -> list[Found]:
        out: list[Found] = []
        for k in p.group(u):
            for f in self.referents(p, k):
                if f not in out:
                    out.append(f)
        return out

    # --- one trigger ----------------------------------------------------------------------------

    def present(self, p: Parse, t: int) -> bool:
        """The verb at t is in the present (تسيطر، يقاتلون، سيقصف)."""
        verb = p.verb_of.get(t)
        return verb is not None and verb.prefix.lstrip("وف").lstrip("س")[:1] in ("ي", "ت", "ن", "ا")

    def candidates(self, t: int) -> list[Candidate]:
        trig = self.triggers[t]
        if t > 0 and self.group_of(self.keys[t - 1], "sentence_nouns"):
            return []  # تنفيذ حكم القتل، حكم الإعدام: a court's sentence, no attack
        if "participle" not in trig.pos and not self.may_fit(t, trig):
            return []  # no frame of any reading: its sentence need not be parsed for it
        s = self.sentence_of[t]
        p = self.current = self.parse(s)
        u = p.unit_of(t)
        if u < 0:
            return []
        unit = p.units[u]
        if t > unit.first and any(self.group_of(self.keys[t - 1], g) for g in _NAMING_KINDS) \
                and not self.group_of(self.keys[t - 1], "light_nouns") and \
                _bare_key(self.keys[t - 1]) not in ("حمله", "حملات"):
            return []  # مركز التدريب، غرفة العمليات: the name of a place or a body, no act
        pos = "participle" if "participle" in trig.pos else (
            "verb" if unit.kind == "verb" else "noun")
        if pos == "noun" and "noun" not in trig.pos or pos == "verb" and "verb" not in trig.pos:
            return []
        if pos == "participle":
            entry = self._participle(self.keys[t])
            return [self.fill(entry, trig, t, p, u)] if entry is not None else []
        # every reading of that part of speech: استعادة is a noun and استعاده a verb
        readings = sorted(r for r in self.readings(t) if r.pos == pos)
        return [self.fill(e, Trigger(r.gloss, trig.pos, r.prefix, r.lex, r.suffix), t, p, u)
                for r in readings for e in self.lex.entries.get((r.lex, pos), [])
                if e.relation == r.gloss and self.fits(e, t, p, u)]

    def readings(self, t: int) -> set[Reading]:
        """The readings of the word at t that name a relation (ضربة: a taa marbuta is no
        pronoun, ضربه)."""
        return {r for r in self.morph.analyze(self.keys[t]) if r.gloss
                and not (r.suffix == "ه" and ends_in_ta_marbuta(self.tokens[t]))}

    def may_fit(self, t: int, trig: Trigger) -> bool:
        """Some reading of the trigger at t, of a part of speech it may have, has a frame
        its next word allows and, if it needs a word, one its sentence holds (``fits``
        without the parse)."""
        return any(e.relation == r.gloss and self.next_allows(e, t) and self.needs_met(e, t)
                   for r in self.readings(t) if r.pos in trig.pos
                   for e in self.lex.entries.get((r.lex, r.pos), []))

    def needs_met(self, entry: FrameEntry, t: int) -> bool:
        """The sentence of t holds a word the entry ``needs``, if it needs one (its clause
        must: ``fits``)."""
        if not entry.needs:
            return True
        needed, s = _needed_keys(entry.needs), self.sentence_of[t]
        return any(self.keys[k] in needed for k in range(self.starts[s], self.starts[s + 1]))

    def next_allows(self, entry: FrameEntry, t: int) -> bool:
        """The word after t is one of the entry's ``next`` words if it has any, and none of
        its ``next_not``."""
        nxt = self.keys[t + 1].removeprefix("ال") if t + 1 < len(self.keys) else ""
        return not (entry.next and nxt not in entry.next or nxt in entry.next_not)

    def fits(self, entry: FrameEntry, t: int, p: Parse, u: int) -> bool:
        """A trigger that needs a word in its clause has it; one that needs a next word has it;
        none of its ``next_not`` words follows it or heads its object; one told in the past
        only is in the past."""
        if entry.past and entry.pos == "verb" and self.present(p, t):
            return False  # تسيطر على المدينة: holds it, a state
        if not self.next_allows(entry, t):
            return False
        obj = p.args[u].object if entry.next_not and u in p.args else -1
        if obj >= 0 and _bare_key(self.keys[p.units[obj].head]) in entry.next_not:
            return False  # طردت مصر السفير: the object's head tells the sense
        subj = p.args[u].subject if entry.next_not and u in p.args else -1
        if subj == u + 1 and any(_bare_key(self.keys[k]) in entry.next_not for k in range(
                p.units[subj].first, min(p.units[subj].last + 2, len(self.keys)))):
            return False  # احتلت المملكة المرتبة الأولى: a VSO subject's phrase holds the sense
        if entry.needs:
            needed = _needed_keys(entry.needs)
            if not any(self.keys[k] in needed
                       for k in range(p.units[0].first, p.units[-1].last + 1)):
                return False
        return True

    def fill(self, entry: FrameEntry, trig: Trigger, t: int, p: Parse, u: int) -> Candidate:
        mode, why = self.mode(entry, trig, t, p, u)
        used: set[int] = set()
        agents: list[Found] = []
        targets: list[Found] = []
        speaker = self.speaker(p, u)
        pps = p.pps_after(u)
        rel_verb = self.relative_verb(p, u) if entry.pos == "noun" else -1
        if rel_verb >= 0:
            pps = pps + [k for k in p.pps_after(rel_verb) if k not in pps]
        if entry.relation == "strikes":
            pps = pps + self.after_time_comma(p, rel_verb if rel_verb >= 0 else u)
        charge = self.charge_at(p, u, t, pps) if entry.relation == "accuses" and \
            entry.pos == "noun" and "ب" not in entry.target else len(self.keys)
        pps = [k for k in pps if p.units[k].first < charge]  # إدانته بانضمامه لتنظيم …
        if t > p.units[u].head and self.group_of(self.keys[p.units[u].head], "effect_nouns"):
            pps = [k for k in pps if p.units[k].prep != "علي" or not any(  # تداعيات الحرب
                self.where(f.mention.entity) for f in self.referents(p, k))]  # على البلد (not
            # تداعيات الحرب على داعش: a war on a party)
        governor = self.governor(p, u, t) if entry.pos == "noun" else -1
        gov_class = self.verb_classes(p, governor)
        content = self.accusation_content(p, u, governor, trig) if entry.pos == "noun" else None
        agent_slot = target_slot = ""
        if content is not None:
            speaker, agents = content
            agent_slot = "accusation content"
            if mode == "Asserted" and not any(p.units[k].prep == "ب" for k in range(
                    p.args[governor].object + 1, u)):  # اتهم X Y بدعم Z: as X alleges (not
                mode, why = "Hypothetical", _ALLEGED_CONTENT  # a later ب phrase, its means)
        elif entry.pos == "noun" and entry.reverse and \
                trig.prefix.lstrip("وف")[:1] in entry.reverse and \
                not self.takes_ba(p, u, governor):  # القوات السورية بدعم روسي
            agents = (self.slot_genitive(p, u, t) or self.slot_adjective(p, u, t, trig)
                      or self.slot_prep(p, pps, "من"))
            targets = (self.slot_subject(p, governor) if governor >= 0 else []) or \
                self.topic(p, u)
            return Candidate(t, entry, agents, targets, self.places(p, u, pps, agents + targets),
                             mode, speaker, why, slots=("reverse", "reverse"))
        undergoer = bool(_UNDERGO & gov_class)
        if undergoer and "suffering" in gov_class:  # أصيب ثلاثة في هجوم: its own, none carried
            args = p.args[governor]
            targets = self.group_referents(p, args.subject if args.subject >= 0 else args.object) \
                if max(args.subject, args.object) >= 0 else []
            target_slot = "governor (undergo)"
        elif undergoer:
            targets = self.slot_subject(p, governor)
            target_slot = "governor (undergo)"
        elif entry.pos == "noun" and trig.prefix.lstrip("وف")[:1] == "ل":
            targets = self.undergoer_of_noun(p, u)  # تعرض مبنى الحزب بإسطنبول لاعتداء
            target_slot = "undergo noun" if targets else target_slot
        for slot in entry.agent:
            if agents:
                break
            if slot == "governor" and undergoer:
                continue
            if slot == "ل" and self.has_second_object(p, u) and p.units[u + 1].prep == "ل" and \
                    any(self.actor(f.mention.entity) for f in self.slot_genitive(p, u, t)) and \
                    not (t + 1 < len(self.keys) and self.group_of(self.keys[t + 1], "positions")):
                continue  # احتلال العراق للكويت، غزو العراق للكويت: the genitive acts on the
                # ل phrase, below (not قصف مواقع المعارضة لقوات النظام: positions were hit)
            if slot == "subject" and self.complement_as_subject(entry, p, u):
                found = self.carried_subject(p, u)  # وحمّلته المسؤولية: the blame is no agent
                targets = self.blamed(p, u, found) if "object" in entry.target else []
                target_slot = "object pronoun" if targets else target_slot
            elif slot == "subject" and entry.relation == "strikes" and self.hit_as_subject(p, u):
                found = self.carried_subject(p, u)  # …، كما استهدف مواقع لداعش: hit, not hitting
                targets = self.group_referents(p, p.args[u].subject)
                target_slot = "positions after the verb" if targets else target_slot
            else:
                found = self.slot(slot, p, u, t, pps, governor, gov_class, trig, used, "agent")
            agents = [f for f in found if self.actor(f.mention.entity)]
            if entry.relation == "strikes" and slot not in _NAMING_SLOTS and not (
                    entry.people and slot == "governor" and "light" in gov_class):
                agents = [f for f in agents if not self.person(f.mention.entity)]  # a person
                # strikes when a clause says so (قصف القائد …), not by a pronoun or a governor
            agent_slot = slot if agents else agent_slot
            if not agents and entry.relation == "strikes" and entry.pos == "noun" and \
                    slot in ("من قبل", "علي يد") and self.first_generic(
                        [k for k in pps if p.units[k].prep == slot][:1]):
                break  # مقتل جندي بإطلاق نار من قبل متطرفين: its author, named by kind
        if entry.pos == "noun" and entry.target[:1] == ("genitive",) and not agents and \
                self.has_second_object(p, u):  # تطهير قوات المقاومة القصر، قتل إسرائيل شابين
            agents = [f for f in self.slot_genitive(p, u, t) if self.actor(f.mention.entity)]
            if agents and all(self.person(f.mention.entity) for f in agents) and \
                    self.keys[p.units[u + 1].first] in self.lex.title_words:
                agents = []  # خطف العقيد فلان قائد الفرقة: his title, the man undergoes
            if agents:
                targets = self.second_object(p, u, t)
                agent_slot, target_slot = "genitive", "second object"
                if not targets and p.units[u + 1].prep:  # حصار النظام لداريا: the object
                    agents = []  # under ل, else (اغتيال القائد لأسباب) the genitive undergoes
        s = self.sentence_of[t]
        if not agents and entry.pos == "noun" and entry.relation == "strikes" and not any(
                self.claimer(k) for k in (s, s + 1) if k <= self.sentence_of[-1]):
            agents = self.same_side_before(p, u)  # سيطرت القوات على المدينة بعد طرد داعش منها
            agent_slot = "the attack it follows" if agents else agent_slot  # (not one claimed)
        if not agents and entry.pos == "verb" and \
                self.resumed_pronoun(p, u).endswith(("هم", "هما")) and \
                s - self.told.get(entry.relation, (-9, []))[0] <= 1:
            agents = self.told[entry.relation][1]  # دعم إيران لمسلحين. وقال إنهم يدعمون حماس
            agent_slot = "the same act told just before"
        if agents and not any(self.person(f.mention.entity) for f in agents):
            self.told[entry.relation] = (s, agents)
        used.update(id(f) for f in agents)
        for slot in entry.target:
            if targets:
                break
            if slot == "possessive" and agent_slot not in ("من قبل", "علي يد") and \
                    entry.pos != "participle":
                continue  # هجماتها: her attacks, not attacks on her (but حلفاؤها: hers)
            targets = [f for f in self.slot(slot, p, u, t, pps, governor, gov_class, trig, used,
                                            "target", entry.agent)
                       if id(f) not in used and f.first < charge]
            target_slot = slot if targets else target_slot
        if not targets and agent_slot == "governor" and self.same_strike(p, governor, u, trig):
            targets = self.slot_object(p, governor)  # قصفت الطائرات المواقع بغارات: its object
            target_slot = "governor" if targets else target_slot
        if entry.symmetric and entry.relation == "strikes" and agent_slot == "بين":
            agents, targets = self.sides(p, pps, agents)  # اشتباكات بين الجيش وداعش
        elif entry.symmetric and {f.mention.entity for f in agents} & {
                f.mention.entity for f in targets}:  # a side fights itself: the agents are
            targets = []  # another clause's (اشتباكات مع مسلحين حوثيين وقوات صالح)
        elif entry.symmetric and entry.relation != "strikes" and not targets and len(agents) >= 2:
            # روسيا وأمريكا تتعاونان
            agents, targets = agents[:1], agents[1:]
        if "reciprocal" in gov_class and len(agents) >= 2:
            targets = agents
        places = self.places(p, u, pps, agents + targets)
        generic_agent = generic_target = None
        if entry.relation == "strikes":
            if not agents:
                generic_agent = self.first_generic(self.agent_units(p, u, t, pps, governor,
                                                                    gov_class))
                if generic_agent and generic_agent.sector in _VICTIMS_ONLY:
                    generic_agent = None  # civilians live under shelling, they do not shell
            if not targets:  # named by kind in its own phrase, else among the victims
                generic_target = self.first_generic(self.target_units(p, u, pps, victims=False))
                target_slot = "kind" if generic_target else target_slot
                generic_target = generic_target or self.first_generic(
                    self.target_units(p, u, pps))
        if why == _ALLEGED and not agents:  # محاكمة المتهمين بتفجير المسجد: the bombing took
            mode, why = "Asserted", ""  # place; only who did it is alleged
        return Candidate(t, entry, agents, targets, places, mode, speaker, why, generic_agent,
                         generic_target, (agent_slot, target_slot))

    def after_time_comma(self, p: Parse, v: int) -> list[int]:
        """The على or ضد phrase right after a comma that sets apart the time ending unit v's
        clause, and the phrases after it: the act goes on to what it hit and where (غارات
        شنها الجيش الجمعة، على معسكرات في …)."""
        k = v
        while k + 1 < len(p.units) and p.same_clause(v, k + 1):
            k += 1
        if k == v or p.units[k].kind != "time" or k + 2 >= len(p.units) or \
                p.units[k + 1].kind != "break" or self.tokens[p.units[k + 1].first].text not in "،,":
            return []
        if p.units[k + 2].kind != "np" or p.units[k + 2].prep not in ("علي", "ضد"):
            return []
        out = [k + 2]  # and the phrases after it, where it was (… في شمال العراق)
        while out[-1] + 1 < len(p.units) and p.units[out[-1] + 1].kind == "np" and (
                p.units[out[-1] + 1].prep or p.units[out[-1] + 1].conj):
            out.append(out[-1] + 1)
        return out

    def undergoer_of_noun(self, p: Parse, u: int) -> list[Found]:
        """The actors in the genitive of an ``undergo_nouns`` noun whose ل phrase is unit u,
        past the places between them (تعرض مبنى الحزب بإسطنبول لاعتداء: the party)."""
        locatives = self.g.get("locatives", _NO_WORDS)
        k = u - 1
        while k > 0 and p.units[k].kind == "np" and p.units[k].prep in locatives:
            k -= 1
        unit = p.units[k]
        if k < 0 or unit.kind != "np" or not self.group_of(self.keys[unit.head], "undergo_nouns"):
            return []
        return [f for j in range(unit.head + 1, unit.last + 1) if (f := self.at.get(j)) is not None
                and f.first == j and self.actor(f.mention.entity)]

    # --- generic actors -------------------------------------------------------------------------

    def agent_units(self, p: Parse, u: int, t: int, pps: list[int], governor: int,
                    gov_class: frozenset[str]) -> list[int]:
        """The phrases that may name a strike's agent by its kind: the verb's subject, the
        subject of the relative clause or of the governing verb, a من قبل phrase, the noun's
        own phrase after it (هجوم مسلحين)."""
        out = []
        unit = p.units[u]
        if unit.kind == "verb":
            args = p.args[u]
            if args.subject >= 0 and not args.passive and not self.hit_as_subject(p, u):
                out.append(args.subject)  # not كما قصفت مواقع للمتمردين: they were hit
            elif args.antecedent >= 0 and not args.antecedent_is_object:
                out.append(args.antecedent)
        else:
            rel = self.relative_verb(p, u)
            if rel >= 0 and p.args[rel].subject >= 0:
                out.append(p.args[rel].subject)
            out += [k for k in pps if p.units[k].prep in ("من قبل", "علي يد")]
            if governor >= 0 and "light" in gov_class and p.args[governor].subject >= 0:
                out.append(p.args[governor].subject)  # شن مسلحون هجوما
            if t < unit.last:
                out.append(u)
        return out

    def target_units(self, p: Parse, u: int, pps: list[int], victims: bool = True) -> list[int]:
        """The phrases that may name a strike's target by its kind: the verb's object (or what
        a passive verb's phrase undergoes), its على/ضد phrases, the victims of the sentence."""
        out = []
        if p.units[u].kind == "verb" and p.args[u].object >= 0:
            out.append(p.args[u].object)
        out += [k for k in pps if p.units[k].prep in ("علي", "ضد", "بحق")]
        if not victims:
            return out
        attacks = [w for k, trig in self.triggers.items() if trig.relation == "strikes"
                   and (w := p.unit_of(k)) >= 0] or [u]
        return out + [v for v in self.victim_units(p)  # the victims of the nearest attack
                      if min(abs(v - w) for w in attacks) >= abs(v - u)]

    def first_generic(self, units: list[int]) -> Generic | None:
        return next((g for u in units if (g := self.generic_of(u)) is not None), None)

    def generic_of(self, u: int) -> Generic | None:
        """The generic actor a phrase names: its head (after a count) is a word of a sector
        (مسلحون مجهولون، ثلاثة جنود، المدنيين); a nationality after it is its affiliation."""
        p = self.current
        unit = p.units[u]
        if unit.kind != "np":
            return None
        heads = [(unit.head, unit.last)]
        if self.group_of(self.keys[unit.head], "assets"):  # مواقع المسلحين، مواقع للمسلحين:
            heads.append((unit.head + 1, unit.last))  # the positions of men named by kind
            nxt = p.units[u + 1] if u + 1 < len(p.units) else None
            if nxt is not None and nxt.kind == "np" and nxt.prep == "ل":
                heads.append((nxt.head, nxt.last))
        for k, last in heads:
            for n in (2, 1):
                words = tuple(_bare_key(self.keys[j]) for j in range(k, min(k + n, last + 1)))
                if len(words) == n and words in self.lex.sectors:
                    sector, gloss = self.lex.sectors[words]
                    affiliation = next((self.adjective(j) for j in range(k + n, last + 1)
                                        if self.adjective(j)), None)
                    label = " ".join(tok.text for tok in self.tokens[unit.first:last + 1])
                    return Generic(sector, gloss, label, affiliation)
        return None

    def victim_units(self, p: Parse) -> list[int]:
        """The phrases of who was killed or wounded in a sentence (قتل 7 من الحوثيين، مقتل
        ثلاثة جنود، إصابة مدنيين)."""
        return [k for run in self.victim_runs(p) for k in run]

    def victim_runs(self, p: Parse) -> list[list[int]]:
        """The phrases of the victims, one list for each word of killing or wounding."""
        runs: list[list[int]] = []
        for k, unit in enumerate(p.units):
            if not self.bits[unit.first] & _VICTIM_WORD:
                continue
            run = [k] if unit.kind == "np" and unit.last > unit.first else []  # مقتل سبعة جنود
            nxt = k + 1
            while nxt < len(p.units) and p.units[nxt].kind == "np" and (
                    not p.units[nxt].prep or p.units[nxt].prep == "من" or p.units[nxt].conj):
                run.append(nxt)
                nxt += 1
            if run:
                runs.append(run)
        return runs

    def slot(self, slot: str, p: Parse, u: int, t: int, pps: list[int], governor: int,
             gov_class: frozenset[str], trig: Trigger, used: set[int], role: str,
             agent_slots: tuple[str, ...] = ()) -> list[Found]:
        unit = p.units[u]
        if slot == "subject":
            return self.slot_subject(p, u) if unit.kind == "verb" else []
        if slot == "object":
            if unit.kind == "verb":
                return self.slot_object(p, u, trig.relation != "strikes")
            if self.triggers[t].pos == frozenset({"participle"}):
                return self.slot_genitive(p, u, t)  # مستهدفة مقاتلي داعش
            return [f for f in self.second_object(p, u, t)  # بشمال سوريا: where, not whom
                    if not self.locative_unit(p, p.unit_of(f.first, u))]
        if slot == "object_genitive":
            return self.object_genitive(p, u) if unit.kind == "verb" else []
        if slot == "complement_genitive":
            return self.complement_genitive(p, u, t) if unit.kind == "np" else []
        if slot == "genitive":
            found = self.slot_genitive(p, u, t)
            if role == "agent" and any(id(f) in self.asset_ids for f in found):
                return []  # إسقاط طائرة إسرائيلية: the asset after the noun was hit
            if role == "agent" and t + 1 < len(self.keys) and \
                    self.group_of(self.keys[t + 1], "positions"):
                return []  # قصف مواقع لجبهة النصرة: the positions were hit
            if role == "agent" and self.group_of(self.keys[t], "battle_nouns"):
                found = [f for f in found if not self.is_place(f.mention.entity)]  # معركة
                # طرابلس: a battle is named by where it is fought, a capital there is no side
            if role == "agent" and trig.relation == "strikes" and any(
                    self.lex.kinds.get(f.mention.entity) == "office" for f in found):
                return []  # تفجيرات السفارة الأميركية: an embassy is bombed, it bombs no one
            if role == "target" and trig.relation == "strikes" and "genitive" in agent_slots and any(
                    self.lex.kinds.get(f.mention.entity) == "military" for f in found):
                return []  # غارات الطائرات التي تشنها واشنطن: the aircraft strike, not struck
            return found
        if slot == "site_genitive":  # انفجار المسجد: hit there; انفجار تركيا: a state is only where
            return [f for f in self.slot_genitive(p, u, t)
                    if getattr(self.entity(f.mention.entity), "type", "") != "Country"]
        if slot == "adjective":
            return self.slot_adjective(p, u, t, trig)
        if slot == "relative":
            v = self.relative_verb(p, u)
            return self.slot_subject(p, v) if v >= 0 and self.relative_does(p, v) else []
        if slot == "possessive":
            if "participle" in trig.pos and self.keys[t].endswith(_POSSESSIVE):  # حلفاؤهم
                return [f for f in self.antecedent(p, t, used) if id(f) not in used]
            if trig.suffix in _POSSESSIVE and not (trig.suffix == "ه" and ends_in_ta_marbuta(
                    self.tokens[t])):  # غاراته: his; استهدافها من قبل داعش: hers, the target
                return [f for f in self.antecedent(p, t, used, places=role == "target")
                        if id(f) not in used]
            return []
        if slot == "speaker":  # قالت واشنطن إن القادة متورطون: who says it
            return self.speaker_phrase(p, u)
        if slot == "clause_subject":  # …، مستهدفة مقاتلي داعش
            verbs = [v for v in p.args if v < u]
            return self.slot_subject(p, verbs[-1]) if verbs else []
        if slot == "governor":
            if governor < 0 and u > 0 and unit.prep and p.units[u - 1].kind == "np" and \
                    self.group_of(self.keys[p.units[u - 1].head], "light_nouns"):
                light = p.units[u - 1]  # إقدام عناصر الحزب على قتل …: the light noun's genitive
                return [f for k in range(light.head + 1, light.last + 1)
                        if (f := self.at.get(k)) is not None and f.first == k][:1]
            if governor < 0 or _UNDERGO & gov_class:
                return []
            announced = "speech" in gov_class and p.args[governor].object == u  # أعلنت إسقاط
            if not gov_class & _INHERIT and not announced:
                return []
            if self.is_trigger_verb(p, governor) and "light" not in gov_class and not (
                    role == "agent" and self.same_strike(p, governor, u, trig)):
                return []  # انتقد X الهجوم: who judges an act did not do it
            return self.slot_subject(p, governor)
        if slot == "head":
            return self.participle_head(p, u, t)
        if slot == "victims":
            return self.victims(p, u)
        if slot == "partitive":
            return self.partitive(p, u)
        if slot == "ل" and role == "agent":
            if "light" in gov_class and p.args[governor].subject >= 0:
                return []  # وجهوا ضربات قاسية للمتمردين: the light verb's subject dealt them
            return self.author(p, u, t, pps) if unit.kind == "np" else []
        return self.slot_prep(p, pps, slot)

    # --- slots ----------------------------------------------------------------------------------

    def slot_subject(self, p: Parse, v: int) -> list[Found]:
        """A verb's subject, or the one carried over from the clause or sentence before."""
        if v < 0 or p.units[v].kind != "verb":
            return []
        args = p.args[v]
        if args.subject >= 0 and args.subject == args.antecedent:
            return self.antecedent_referents(p, args.subject)
        if args.subject >= 0 and not args.passive:  # not بشمال سوريا: where, not who
            return [f for f in self.group_referents(p, args.subject)
                    if p.unit_of(f.first) != args.subject or not self.locative_unit(
                        p, args.subject) and not self.beside(p, f)]
        if args.passive:
            return []
        return self.carried_subject(p, v)

    def carried_subject(self, p: Parse, v: int) -> list[Found]:
        """The subject of a verb that has none in its clause: the one of the verb before it in
        the sentence (…، واتهم)، of the speech verb whose أنه/أنها opens its clause, or of the
        sentence before when the verb opens its sentence (وأضاف أن …، كما اتهم …)."""
        feminine = self.feminine(p, v)
        pronoun = self.resumed_pronoun(p, v)
        verb = p.verb_of.get(p.units[v].first)
        plural = pronoun.endswith(("هم", "هما")) or verb is not None and plural_subject(verb)
        k = v - 1
        while k >= 0 and p.units[k].kind in ("neg", "aux", "time"):
            k -= 1
        if k > 1 and p.units[k].kind == "comp" and p.units[k - 1].kind == "ppron" and \
                p.units[k - 2].kind == "verb":  # أتاح لها أن تستعيد: she whom لها names
            return [f for f in self.antecedent(p, p.units[k - 1].first)
                    if self.actor(f.mention.entity)]
        if self.topic_after_comp(p, v):
            return []  # ادعى أن من وصفهم بالأعداء تحالفوا: they, not who claims it
        kama = v > 0 and p.units[v - 1].kind == "sub" and \
            self.keys[p.units[v - 1].first].lstrip("و") == "كما"
        # …، كما اتهم: the main clause's subject, not one of what it said
        for k in range(v) if kama else range(v - 1, -1, -1):
            args = p.args.get(k)
            if args is not None and args.subject >= 0 and not args.passive and \
                    not p.describes(k):
                if args.subject in self.sufferers(p):
                    return []  # لقي جنود مصرعهم …، واستهدف: the dead did not target
                subj = [f for f in self.group_referents(p, args.subject)
                        if self.agrees(f, feminine)]
                if plural and len(subj) == 1 and self.person(subj[0].mention.entity):
                    return []  # قال النائب إنهم يدعمون …، ساند الوزير المتمردين حين اقتحموا: they
                    # are not the one who speaks or acts
                return subj
        if pronoun.endswith(("هم", "هما")):
            return []  # who "they" are, no clause near says
        if any(p.units[k].kind == "np" and not p.units[k].prep for k in range(v)):
            return []  # a subject in the sentence that no verb took, named or not: not
            # dropped (وخرق المتمردون الهدنة …، إذ أطلقوا; المسلحون في الريف يهاجمون)
        s = self.sentence_of[p.units[v].first]
        for back in (s - 1, s - 2):
            if back < 0:
                break
            topic = self.sentence_topic(back)
            if plural and len(topic) == 1 and self.person(topic[0].mention.entity):
                return []
            if topic:
                return [f for f in topic if self.agrees(f, feminine)]
        return []

    def topic_after_comp(self, p: Parse, v: int) -> bool:
        """Verb v has a phrase between it and the أن/إن that opens its clause: that phrase, no
        verb's, is who acts, not the subject of the clause before."""
        for k in range(v - 1, -1, -1):
            kind = p.units[k].kind
            if kind == "comp":
                return any(p.units[j].kind == "np" for j in range(k + 1, v))
            if kind in ("verb", "break", "rel", "sub"):
                return False
        return False

    def resumed_pronoun(self, p: Parse, v: int) -> str:
        """The أنه/أنها/أنهم right before verb v, if any."""
        k = v - 1
        while k >= 0 and p.units[k].kind in ("neg", "aux", "time"):
            k -= 1
        return self.tokens[p.units[k].first].key if k >= 0 and p.units[k].kind == "comp" else ""

    def sentence_topic(self, s: int) -> list[Found]:
        """The named subject of the last verb of sentence s that has one, not one that
        suffers or witnesses (وكانت المدينة شهدت تفجيرا. واستهدف …: a place, no actor)."""
        p = self.parse(s)
        sufferers = self.sufferers(p)
        for v in sorted(p.args, reverse=True):
            args = p.args[v]
            if args.subject >= 0 and not args.passive and args.subject not in sufferers:
                subj = [f for f in self.group_referents(p, args.subject)
                        if self.actor(f.mention.entity)]
                if subj:
                    return subj
        return []

    def sufferers(self, p: Parse) -> set[int]:
        """The subjects of the verbs that suffer or witness an act (لقي، شهد): no actors."""
        return {a.subject for v, a in p.args.items() if _NOT_CARRIED & self.verb_classes(p, v)}

    def feminine(self, p: Parse, v: int) -> bool:
        verb = p.verb_of.get(p.units[v].first)
        if verb is None:
            return False
        person = verb.prefix[-1:] if verb.prefix else ""
        return verb.suffix.startswith("ت") or (person == "ت" and not verb.suffix.startswith("و"))

    def agrees(self, f: Found, feminine: bool) -> bool:
        e = self.entity(f.mention.entity)
        return not (feminine and e is not None and e.type == "Person")

    def slot_object(self, p: Parse, v: int, before: bool = False) -> list[Found]:
        """A verb's object; ``before``: an object pronoun may take up the sentence before
        (كما اتهمته بـ…; not for an attack: يضربونهم names people, seldom the last name told)."""
        args = p.args[v]
        if args.antecedent >= 0 and args.antecedent_is_object:
            return self.antecedent_referents(p, args.antecedent)
        if args.object >= 0:
            return self.group_referents(p, args.object)
        verb = p.verb_of.get(p.units[v].first)
        if verb is not None and verb.suffix.endswith(_POSSESSIVE):  # حمّلها، يتهمونه
            subject = self.slot_subject(p, v)
            ids = {id(f) for f in subject}
            return [f for f in self.antecedent(p, p.units[v].first) if id(f) not in ids][:1] \
                or (self.named_before(p, v, subject) if before and subject else [])
        return []

    def named_before(self, p: Parse, v: int, agents: list[Found]) -> list[Found]:
        """Whom the object pronoun of verb v takes up when its sentence names no one before
        it: the last actor the sentence before names, other than the agents (اتهمت الحكومة
        داعش بالتفجير. كما اتهمته بقتل المدنيين: ISIS)."""
        first = p.units[v].first
        s = self.sentence_of[first]
        if s == 0 or any(self.at.get(k) is not None for k in range(p.units[0].first, first)):
            return []
        taken = {self.actor(f.mention.entity) for f in agents}
        plural = self.keys[first].endswith(("ها", "هم", "هما"))
        for k in range(self.starts[s] - 1, self.starts[s - 1] - 1, -1):
            f = self.at.get(k)
            if f is None or self.actor(f.mention.entity) in taken | {None} or \
                    self.is_place(f.mention.entity) or plural and self.person(f.mention.entity) or \
                    self.lex.kinds.get(f.mention.entity) == "media":
                continue
            return [f]
        return []

    def complement_as_subject(self, entry: FrameEntry, p: Parse, v: int) -> bool:
        """The parse took the word a frame needs for the subject of verb v (حمّلها المسؤولية،
        أطلقت صواريخ على): the subject is dropped, carried from before."""
        args = p.args.get(v)
        subject = args.subject if args is not None and args.subject != args.antecedent else -1
        return subject >= 0 and bool(entry.needs) and not self.referents(p, subject) and \
            _bare_key(self.keys[p.units[subject].head]) in entry.needs  # not الهجوم الذي نسب إلى

    def same_side_before(self, p: Parse, u: int) -> list[Found]:
        """The agent of an attack noun under بعد/عقب/إثر in its construct (بعد طرد داعش منها)
        that ends the clause of an attack verb: that verb's subject, the same side going on
        (سيطرت القوات على الرمادي بعد طرد داعش منها); none for a person or a verb of another
        kind (أعلنت الحكومة الحداد بعد تفجير المسجد)."""
        unit = p.units[u]
        if unit.prep not in ("بعد", "عقب", "اثر") or unit.last == unit.head:
            return []
        v = max((v for v in p.args if v < u and p.same_clause(v, u)), default=-1)
        if v < 0 or self.triggers.get(p.units[v].first, _NO_STRIKE).relation != "strikes" or \
                p.args[v].subject < 0 or p.args[v].subject == p.args[v].antecedent:
            return []  # a subject the clause names, not one carried or a relative's antecedent
        return [f for f in self.slot_subject(p, v) if self.actor(f.mention.entity)
                and not self.person(f.mention.entity)]

    def hit_as_subject(self, p: Parse, v: int) -> bool:
        """The parse took for the subject of attack verb v the positions after it, with no
        object left (كما استهدف مواقع لداعش): positions are hit, the subject is dropped."""
        args = p.args.get(v)
        if args is None or args.subject < 0 or args.subject == args.antecedent or \
                args.object >= 0 or args.subject < v:
            return False
        return self.group_of(self.keys[p.units[args.subject].head].lstrip("و"), "positions")

    def blamed(self, p: Parse, v: int, agents: list[Found]) -> list[Found]:
        """Whom the object pronoun of verb v takes up, past the agents carried to it: in
        التقت الحكومة بممثلي الحزب، وحملته المسؤولية, the party, not the government."""
        verb = p.verb_of.get(p.units[v].first)
        if verb is None or not verb.suffix.endswith(_POSSESSIVE):
            return []
        return self.antecedent(p, p.units[v].first, {id(f) for f in agents})[:1] or (
            self.named_before(p, v, agents) if agents else [])

    def object_genitive(self, p: Parse, v: int) -> list[Found]:
        """The entity inside a verb's object: استنكرت البحرين تصريحات المالكي."""
        args = p.args[v]
        if args.object < 0 or args.antecedent_is_object:
            return []
        return self.phrase_genitive(p, args.object)

    def complement_genitive(self, p: Parse, u: int, t: int) -> list[Found]:
        """The actor inside the ل phrase right after noun t, in its phrase or the next one:
        أعربت عن استنكارها لتصريحات المالكي، إدانتها للهجوم الذي نفذه داعش."""
        unit = p.units[u]
        k = t + 1
        while k <= unit.last and self.keys[k].startswith("ال") and k not in self.at:
            k += 1  # استنكارها الشديد لتصريحات: past its adjectives
        if k <= unit.last:
            head = self.keys[k][1:]
            head = ("ا" + head if head.startswith("ل") else head).removeprefix("ال")
            if not self.keys[k].startswith("ل") or self.group_of(head, "victim_words") or \
                    self.group_of(head, "acts_on_people"):
                return []  # إدانتها لمقتل الصحفي: whom it befell
            found = next((f for j in range(k, unit.last + 1) if (f := self.at.get(j))), None)
            rel = self.relative_verb(p, u) if found is None else -1
            found_all = [found] if found else self.slot_subject(p, rel) if rel >= 0 else []
        elif u + 1 < len(p.units) and p.units[u + 1].kind == "np" and (
                p.units[u + 1].prep == "ل" or self.keys[p.units[u + 1].first].startswith("ل")):
            found_all = self.phrase_genitive(p, u + 1)
        else:
            return []
        return [f for f in found_all if self.actor(f.mention.entity)]

    def phrase_genitive(self, p: Parse, u: int) -> list[Found]:
        """The entity inside phrase u (تصريحات المالكي), the state of its adjective (التصريحات
        الإيرانية), or the subject of the relative clause after it (التصريحات التي أدلى بها
        المالكي); none inside a killing (مقتل الصحفي)."""
        unit = p.units[u]
        head = self.keys[unit.head].removeprefix("ال")
        if self.group_of(head, "victim_words") or self.group_of(head, "acts_on_people"):
            return []  # أدان اغتيال النائب العام، استنكر مقتل الصحفي: whom it befell
        for k in range(unit.head + 1, unit.last + 1):
            f = self.at.get(k)
            if f is not None:
                return [f]
        if unit.head < unit.last and (state := self.adjective(unit.head + 1)):
            return [self.country_found(unit.head + 1, state)]  # التصريحات الإيرانية: Iran's
        rel = self.relative_verb(p, u)  # التصريحات التي أدلى بها المالكي
        return self.slot_subject(p, rel) if rel >= 0 else []

    def slot_genitive(self, p: Parse, u: int, t: int) -> list[Found]:
        """The entity in construct right after the noun (هجوم داعش، غارات طائرات التحالف)."""
        unit = p.units[u]
        k = t + 1
        while k <= unit.last and self.tokens[k].text in _QUOTES:
            k += 1
        if k > unit.last:
            return []
        f = self.at.get(k)
        if f is None and self.possessed_proxy(self.keys[k]):  # إسقاط طائرتها: whose aircraft
            return [self.as_actor(g) for g in self.antecedent(p, k)]
        if f is None or f.first != k:
            if self.group_of(self.keys[k], "place_kinds") and k + 1 <= unit.last and \
                    (g := self.at.get(k + 1)) is not None:
                return [g]  # قصف مدينة حلب: the place after its kind
            if k == unit.last and f is None and (held := self.held_by(p, u)) and any(
                    self.group_of(self.keys[k], g) for g in ("place_kinds", "assets")):
                return held  # قصف مناطق تتمركز فيها المليشيات: the side that holds them
            if not any(self.group_of(self.keys[k], g) for g in ("assets", "members")):
                return []
            f = next((self.at[j] for j in range(k + 1, min(unit.last + 1, k + 4))
                      if j in self.at), None)
            if f is None:  # تفجير مخزن للأسلحة يتبع داعش: the owner after the phrase
                return self.proxied(p, u) if k + 1 >= unit.last else []
        out = [f]
        if f.last == unit.last:  # دعم روسيا وإيران: the genitive and those joined to it
            for k in p.group(u)[1:] + self.listed_past_place(p, u):
                out += [g for g in self.referents(p, k) if g not in out]
        return out

    def second_object(self, p: Parse, u: int, t: int) -> list[Found]:
        """A verbal noun's object after its genitive agent: تطهير قوات المقاومة القصر."""
        nxt = u + 1
        if self.has_second_object(p, u):
            return self.group_referents(p, nxt) if p.units[nxt].prep else self.referents(p, nxt)
        return []

    def has_second_object(self, p: Parse, u: int) -> bool:
        """A bare phrase right after the noun's phrase: the noun's object after its agent."""
        nxt = u + 1
        return nxt < len(p.units) and p.units[nxt].kind == "np" and not p.units[nxt].conj and \
            p.units[nxt].prep in ("", "ل") and p.same_clause(u, nxt)

    def slot_adjective(self, p: Parse, u: int, t: int, trig: Trigger) -> list[Found]:
        """A nationality adjective describing the noun, right after it or after another
        adjective, the three alike definite or not (غارة جوية روسية; in محادثات السلام السورية
        the adjective describes the genitive)."""
        unit = p.units[u]
        definite = trig.prefix.endswith(("ال", "لل")) or self.keys[t].startswith("ال")
        for i in (t + 1, t + 2):
            if i > unit.last or not is_word(self.tokens[i]):
                return []
            f = self.at.get(i)
            if i == t + 2 and (any(self.keys[k].startswith("ال") != definite for k in (t + 1, i))
                               or self.group_of(self.keys[t + 1], "peoples")):
                return []  # استهداف مستوطنين إسرائيليين: the adjective is the settlers'
            state = self.adjective(i)
            if state and (f is None or f.mention.entity == state):
                return [self.country_found(i, state)]
            if f is not None:
                return []
        return []

    def slot_prep(self, p: Parse, pps: list[int], prep: str) -> list[Found]:
        """The entities of the first phrase under ``prep`` after the trigger, and of those
        coordinated to it."""
        out: list[Found] = []
        started = False
        for k in pps:
            if self.after_positional(p, k):
                continue  # منطقة الكشار المطلة على منطقة أخرى: describes X, not another target
            if prep == "علي" and p.units[k].prep == prep and self.group_of(
                    self.keys[p.units[k].head], "along_words") and \
                    "مع" in self.keys[p.units[k].head + 1:p.units[k].last + 2]:
                break  # فجر نفسه على الحدود مع سوريا: where he was, not whom he hit (but
                # اعتدى العراق على الحدود الكويتية: on Kuwait)
            if p.units[k].prep == prep or (started and p.units[k].conj and not p.units[k].prep):
                started = True
                found = self.referents(p, k)
                if not found and k + 2 < len(p.units) and p.units[k + 1].kind == "pron" and \
                        p.bare_np(k + 2):  # ضد هدفين هما داعش وحزب العمال: named after a pronoun
                    found = self.group_referents(p, k + 2) + [
                        f for j in self.listed_past_place(p, k + 2) for f in self.referents(p, j)]
                out += [f for f in found if f not in out]
            elif started:
                break
        return out

    def sides(self, p: Parse, pps: list[int], first: list[Found]) -> tuple[list[Found], list[Found]]:
        """The two sides of a fight between them: two actors under بين (بين الجيش وداعش), or
        those before من جهة and those listed after it (بين X وY من جهة، وZ من جهة أخرى), or
        one and others unnamed (بين قوات الحكومة ومقاتلين); none where more are listed."""
        mark = next((k for k in pps if self.side_mark(p, k)), -1)
        if mark < 0 and pps and self.comma(p, pps[-1] + 1) and self.side_mark(p, pps[-1] + 2):
            mark = pps[-1] + 2  # بين X وY، من جهة، وZ: the mark set off by commas
        if mark < 0:
            return (first[:1], first[1:]) if len(first) <= 2 else ([], [])  # one: and unnamed
        other: list[Found] = []
        j = mark + 1 + self.comma(p, mark + 1)
        while j < len(p.units) and p.units[j].kind == "np" and p.units[j].conj and \
                not p.units[j].prep:
            other += [f for f in self.referents(p, j) if self.actor(f.mention.entity)]
            j += 1
        return (first, other) if other else ([], [])

    def side_mark(self, p: Parse, k: int) -> bool:
        """Unit k is من جهة, which ends the list of one side of a fight."""
        return k < len(p.units) and p.units[k].prep == "من" and self.keys[p.units[k].head] == "جهه"

    def comma(self, p: Parse, k: int) -> bool:
        """Unit k is a comma."""
        return k < len(p.units) and p.units[k].kind == "break" and \
            self.tokens[p.units[k].first].text in "،,"

    def partitive(self, p: Parse, u: int) -> list[Found]:
        """The entities a من phrase right after phrase u names in its own words (حلفاؤهم من
        قوات صالح: Saleh's; not من آخر معاقلهم, whose pronoun names another)."""
        nxt = u + 1
        if nxt >= len(p.units) or p.units[nxt].kind != "np" or p.units[nxt].prep != "من":
            return []
        unit = p.units[nxt]
        return [f for k in p.group(nxt) for f in self.referents(p, k)
                if unit.first <= f.first and self.actor(f.mention.entity)]

    def author(self, p: Parse, u: int, t: int, pps: list[int]) -> list[Found]:
        """A ل phrase right after a strike noun names its author when it names an actor (هجوم
        لداعش على حديثة، كمين للقوات الموالية), not an asset or a place (قصف لمواقع داعش),
        nor the owner of what the noun hit, named before it (تدمير أطقم تابعة للحوثيين، ضربات
        جوية موقعا للقوات: the Houthis' vehicles, the forces' position)."""
        nxt = p.group(u)[-1] + 1
        if nxt not in pps or p.units[nxt].prep != "ل":
            return []
        last = p.units[nxt].first - 1  # the noun before the ل phrase and its adjectives,
        while last > t + 1 and self.keys[last].endswith(("ي", "ية", "يه")):  # when it has no
            last -= 1  # genitive (المقر الرسمي للقنصلية: the consulate's building)
        if last > t and (self.group_of(self.keys[last], "assets") or
                         self.group_of(self.keys[last], "belonging")):
            return []  # but قصف مواقع المعارضة لقوات النظام: the forces shelled
        unit = p.units[nxt]
        named = self.at.get(unit.head) or self.at.get(unit.first)  # not لمواقع داعش: a target
        if named is None or self.is_place(named.mention.entity):
            return []
        return self.group_referents(p, nxt)

    def participle_head(self, p: Parse, u: int, t: int) -> list[Found]:
        """What a participle describes: the phrase it ends (القوات الموالية) or the one before,
        or, for one in construct with a name, the name set beside it (حليف إيران بشار الأسد)."""
        unit = p.units[u]
        if self.disagrees(p, u, t) and u > 0 and p.units[u - 1].kind == "np":
            return self.referents(p, u - 1)  # جماعة في اليمن المدعومة: the group, not Yemen
        for k in range(unit.first, t):
            f = self.at.get(k)
            if f is not None:
                return [f]
        if t == unit.first and u > 0 and p.units[u - 1].kind == "np":
            return self.referents(p, u - 1)
        if t == unit.first and self.copula_predicate(p, u):  # وظلت داعمة لحماس: she who
            return self.carried_subject(p, u - 1)  # stays, the subject carried to the copula
        if t == unit.first and self.slot_genitive(p, u, t) and u + 1 < len(p.units) and \
                p.bare_np(u + 1) and not p.units[u + 1].conj:
            return self.referents(p, u + 1)
        if unit.conj and unit.head < t and self.group_of(self.keys[unit.head], "partitives") \
                and p.bare_np(u - 1):  # حزب الله وبقية المليشيات الموالية لإيران: one of them
            return self.referents(p, u - 1)
        return self.referents(p, u) if unit.head < t else []

    def disagrees(self, p: Parse, u: int, t: int) -> bool:
        """A feminine participle t after a place in a phrase of place, the place's name its
        head and masculine in shape (في اليمن المدعومة، في لبنان الموالية), does not describe
        it: the phrase before does."""
        unit = p.units[u]
        f = self.at.get(unit.first)
        if f is None:
            return False
        e = self.entity(f.mention.entity)
        name = self.keys[f.last]
        return (self.keys[t].endswith("ه") and e is not None and e.type in ("Place", "Country")
                and f.last < t and p.unit_of(f.last) == u >= 0 and self.locative_unit(p, u)
                and not name.endswith(("ه", "ا", "اء", "ى")))

    def copula_predicate(self, p: Parse, u: int) -> bool:
        """Unit u is the predicate right after a copula that names no subject: ظلت داعمة، كان
        داعما (indefinite, which the parse may take for the subject)."""
        args = p.args.get(u - 1)
        verb = p.verb_of.get(p.units[u - 1].first) if u > 0 else None
        if verb is None or args is None or verb.lemma not in self.g.get("copulas", _NO_WORDS):
            return False
        key = self.keys[p.units[u].first]
        return args.object == u and args.subject < 0 or args.subject == u and _bare_key(key) == key

    def victims(self, p: Parse, u: int) -> list[Found]:
        """Who was killed or wounded in the trigger's sentence (قتل 7 من الحوثيين، مقتل جنود
        أتراك): a target of the attack nearest to them, other than the killing itself."""
        out: list[Found] = []
        attacks = [k for k, unit in enumerate(p.units) if any(
            self.triggers.get(j, _NO_STRIKE).relation == "strikes"
            for j in range(unit.first, unit.last + 1))]
        acts = [k for k in attacks if not self.agentless_killing(p, k)]
        attacks = acts or attacks  # قتل جندي في هجوم للحزب: the killing is the attack's
        for run in self.victim_runs(p):
            last = run[-1]  # قتل 7 من الحوثيين وصالح في كمين: all of them, of the attack nearest
            if attacks and min(attacks, key=lambda a: (abs(a - last), a)) != u:
                continue  # the victims of another attack of the sentence
            for k in run:
                unit = p.units[k]
                found = [f for j in range(unit.first, unit.last + 1) if (f := self.at.get(j))
                         and f.first == j] if self.bits[unit.first] & _VICTIM_WORD \
                    else self.referents(p, k)
                out += [f for f in found if f not in out and self.actor(f.mention.entity)]
        return out

    def agentless_killing(self, p: Parse, k: int) -> bool:
        """Unit k is a verb of killing with no subject (قتل جندي، قُتل 21 متمردا): the toll
        of an attack the sentence names, not an attack of its own."""
        args = p.args.get(k)
        return args is not None and (args.passive or args.subject < 0) and \
            bool(self.bits[p.units[k].first] & _VICTIM_WORD)

    def antecedent(self, p: Parse, t: int, skip: set[int] | None = None,
                   places: bool = False) -> list[Found]:
        if t in self.resolving:  # a pronoun whose antecedent holds a pronoun that …
            return []
        self.resolving.add(t)
        try:
            return self._antecedent(p, t, skip, places)
        finally:
            self.resolving.discard(t)

    def _antecedent(self, p: Parse, t: int, skip: set[int] | None, places: bool) -> list[Found]:
        """Who a pronoun at token t refers to: the nearest actor (or place) before it in its
        clause, else the subject of the nearest verb before it, else the nearest actor before
        it in its sentence (but those in ``skip``, ids of mentions already taken), else the
        topic of the sentence before."""
        u = p.unit_of(t, 0)
        skip = (skip or set()) | {id(f) for f in self.at.values()  # a paper is no one's
                                  if self.lex.kinds.get(f.mention.entity) == "media"}  # antecedent
        if len(self.keys[t]) > 4 and self.keys[t].endswith(("هم", "هما", "هن", "ها")):
            # هجومهم، اتهامها: they or she, not a man named alone
            skip |= {id(f) for f in self.at.values() if self.person(f.mention.entity)}
        if len(self.keys[t]) > 4 and self.keys[t].endswith(("هم", "هما", "هن")):
            # هجومهم انطلاقا من صنعاء: they, not a city or a state named alone
            skip |= {id(f) for f in self.at.values() if self.where(f.mention.entity)
                     and not self.keys[f.last].endswith(("ون", "ين"))}  # not الأتراك
        if self.unnamed_owner(p, u, t):
            return []
        if not places or self.tokens[t].text.endswith("ه"):
            # أصيب الفتى شرق بيت حانون جراء استهدافه: him, not the place where he was hit
            skip |= {id(f) for f in self.at.values() if self.located(p, f)}
        for k in range(t - 1, p.units[0].first - 1, -1):
            if (w := p.unit_of(k)) >= 0 and not p.same_clause(w, u):
                break
            f = self.at.get(k)
            if f is not None and id(f) not in (skip or ()) and (
                    self.actor(f.mention.entity) or places and self.is_place(f.mention.entity)):
                return [f]  # تكثيف التحالف غاراته: the coalition's
        human = self.keys[t].endswith(("هم", "هما", "هن"))
        for v in sorted((v for v in p.args if p.units[v].first < t), reverse=True):
            args = p.args[v]
            if args.subject < 0 or args.passive or p.units[args.subject].last >= t:
                continue  # only a subject named before the pronoun
            if human and self.group_of(self.keys[p.units[args.subject].head], "aircraft"):
                continue  # دمرت المقاتلات آلياتهم: they are people, not the aircraft
            subj = [f for f in self.group_referents(p, args.subject)
                    if id(f) not in (skip or ()) and self.actor(f.mention.entity)]
            if subj:
                return subj[:1]
        for k in range(t - 1, p.units[0].first - 1, -1):
            f = self.at.get(k)
            if f is not None and id(f) not in (skip or ()) and (
                    self.actor(f.mention.entity) or places and self.is_place(f.mention.entity)):
                return [f]
        s = self.sentence_of[t]
        return [f for f in self.sentence_topic(s - 1) if id(f) not in skip] if s > 0 else []

    def locative_unit(self, p: Parse, k: int) -> bool:
        """Unit k says where: under a preposition of place, or a word of place with ب on it
        that the parse left on the word (بشمال سوريا)."""
        key = self.keys[p.units[k].first]
        return p.prep_of(k) in self.g.get("locatives", _NO_WORDS) or \
            key.startswith("ب") and self.group_of(key[1:], "place_cues")

    def beside(self, p: Parse, f: Found) -> bool:
        """Mention f follows a word that places something by it (شمال العاصمة، أطراف المدينة),
        not a kind of place (مدينة دوما), so the phrase is a where."""
        unit = p.units[p.unit_of(f.first)]
        first = self.keys[unit.first]
        return unit.first < f.first and self.group_of(first, "place_cues") and \
            not self.group_of(first, "place_kinds")

    def located(self, p: Parse, f: Found) -> bool:
        """Mention f names a place or a state as where (في هجوم داعش شمالي العراق، سيطر
        مقاتلوه: not Iraq's fighters): in a phrase of place, or after a word of place."""
        k = p.unit_of(f.first)
        if k < 0 or not self.where(f.mention.entity):
            return False
        unit = p.units[k]
        return self.locative_unit(p, k) or self.directed(p, k, f) or \
            unit.first < f.first and self.group_of(self.keys[unit.first], "place_cues")

    def directed(self, p: Parse, k: int, f: Found) -> bool:
        """Mention f, in unit k, follows a word that places by it, maybe with its kind between
        (أصيب بجروح شرق مدينة غزة، شرق بيت حانون)."""
        j = f.first - 1
        if j > p.units[k].first and self.group_of(self.keys[j], "place_kinds"):
            j -= 1
        return j >= p.units[k].first and self.group_of(self.keys[j], "directions")

    def names_actor(self, p: Parse, k: int) -> bool:
        """Phrase k names an actor somewhere in it."""
        unit = p.units[k]
        return any((f := self.at.get(j)) is not None and self.actor(f.mention.entity)
                   for j in range(unit.first, unit.last + 1))

    def unnamed_owner(self, p: Parse, u: int, t: int) -> bool:
        """The pronoun at token t (in unit u) takes up a phrase that names no actor: the
        subject of the verb whose object it ends (وتواصل هذه الأطراف انتقاداتها), or the
        subject that opens its أن clause (أن المملكة عبر دعمها للبنان): it is no one named."""
        for args in p.args.values():
            if args.object == u and args.subject >= 0 and not args.passive and \
                    p.units[args.subject].last < t:
                return not self.names_actor(p, args.subject)
        for c in range(u - 1, -1, -1):
            if p.units[c].kind in ("verb", "break", "rel", "sub"):
                return False
            if p.units[c].kind == "comp":
                return c + 1 < u and p.bare_np(c + 1) and not self.referents(p, c + 1)
        return False

    def topic(self, p: Parse, u: int) -> list[Found]:
        """The bare phrase before unit u that names an actor, in its clause or past the comma
        that sets u apart (وكانت القوات اليمنية، بدعم من المقاومة، نجحت)."""
        for k in range(u - 1, max(-1, u - 8), -1):
            if p.units[k].kind in ("verb", "comp", "rel", "sub"):
                break
            if p.bare_np(k):
                start = p._group_start(k)
                if start == k and p.units[k].conj and k > 0 and p.units[k - 1].kind == "np" \
                        or self.joined_under_prep(p, k):
                    break  # من داعش وجبهة النصرة بدعم من …: joined to a phrase under من
                found = self.group_referents(p, start)
                if found:
                    return found
        return []

    def joined_under_prep(self, p: Parse, k: int) -> bool:
        """Bare phrase k is one of a list that a preposition opens, set beside the last of its
        members (تحريرها من الميليشيا والمخلوع علي عبدالله صالح بدعم من …: under من)."""
        joined = p.units[k].conj
        for j in range(k - 1, -1, -1):
            if p.units[j].kind != "np":
                return False
            if p.units[j].prep:
                return joined
            joined = joined or p.units[j].conj
        return False

    def relative_verb(self, p: Parse, u: int) -> int:
        """The verb of a relative clause whose object pronoun takes up noun phrase u (غارات
        شنها التحالف، الهجوم الذي نفذه داعش), or whose subject it is (الهجوم الذي استهدف)."""
        for v, args in p.args.items():
            if args.antecedent == u and v > u and v - u <= 4:
                return v
        return -1

    def takes_ba(self, p: Parse, u: int, governor: int) -> bool:
        """Phrase u under ب is what the verb or the noun before it takes (قامت روسيا بدعم
        النظام، تعهدت بدعم، التزامها بمساعدة), not the manner of an act (تقدمت القوات بدعم من
        الطيران): a verb or a noun of ``ba_governors``."""
        verb = p.verb_of.get(p.units[governor].first) if governor >= 0 else None
        if verb is not None and self.group_of(verb.lemma, "ba_governors"):
            return True
        if u == 0 or p.units[u - 1].kind != "np":
            return False
        key = self.keys[p.units[u - 1].last]
        return any(self.group_of(key[:len(key) - len(end)] if end else key, "ba_governors")
                   for end in ("", *_POSSESSIVE) if key.endswith(end))

    def relative_does(self, p: Parse, v: int) -> bool:
        """The subject of a relative clause does the act its antecedent names unless a
        preposition's pronoun takes the antecedent up after a verb that is not light: الهجمات
        التي يتصدى لها الجيش (the army faces them), not الهجوم الذي قام به التنظيم."""
        nxt = v + 1
        verb = p.verb_of.get(p.units[v].first)
        carries = verb is not None and verb.suffix.endswith(_POSSESSIVE)  # شنها، نفذه
        return carries or nxt >= len(p.units) or p.units[nxt].kind != "ppron" or \
            "light" in self.verb_classes(p, v)

    def governor(self, p: Parse, u: int, t: int) -> int:
        """The verb that governs noun phrase u: it is that verb's object, or in a phrase right
        after it (نجحت في استعادة، تعرضت لقصف), or the genitive of a light noun that is. A noun
        deep in a construct has the governor of its head only through light, operation or
        planning nouns (شنت تركيا سلسلة غارات; not تعيش القوات على وقع صدمة تحرير المدينة)."""
        unit = p.units[u]
        if t > unit.head and not all(any(self.group_of(self.keys[k], g) for g in _PASSING)
                                     or k in self.triggers for k in range(unit.head, t)):
            return -1
        for v, args in p.args.items():
            if args.object == u and not args.passive:  # past a relative clause and a comma
                return v
        if p.units[u].prep in p.temporal:
            return -1  # هدد الحزب بقطع الهدنة إثر الضربات: a time, not what it threatens
        aside = -1
        for v in range(u - 1, -1, -1):
            unit = p.units[v]
            if unit.kind == "verb":
                args = p.args[v]
                between = [k for k in range(v + 1, u) if p.units[k].kind not in ("ppron", "time", "aux")
                           and k not in (args.subject, args.object, aside) and not p.units[k].conj]
                reach = 3 if p.units[u].prep in _ADVERBIAL else 1  # عبر، خلال: the verb's
                if len(between) <= reach and all(p.units[k].kind == "np" and p.units[k].prep
                                                 and not self.own_act(p, k)
                                                 for k in between) and \
                        p.units[u].prep and (p.same_clause(v, u) or aside >= 0):  # not a chain,
                    # nor past a من phrase of another act (تمكنت من تحديد هوية …
                    # بتفجير; but تمكن من السيطرة على … عبر هجمات)
                    return self.past_relative(p, u, v)
                return -1
            if v == u - 1 and self.comma(p, v) and v > 0 and p.units[v - 1].kind == "time":
                aside = v  # نجحت القوات الأحد، في استعادة …: past a time set apart
                continue
            if unit.kind in ("break", "comp", "rel", "sub"):
                return -1
        return -1

    def past_relative(self, p: Parse, u: int, v: int) -> int:
        """The verb a ب phrase after relative clause v belongs to: the one whose subject is
        the clause's antecedent, when that verb takes ب and v does not (قامت قوات التحالف الذي
        تقوده السعودية بدعم الجيش: the coalition supports the army); else v."""
        args = p.args[v]
        if p.units[u].prep != "ب" or args.antecedent < 0 or self.ba_verb(p, v):
            return v
        return next((w for w in range(v - 1, -1, -1) if w in p.args
                     and p.args[w].subject == args.antecedent and self.ba_verb(p, w)), v)

    def ba_verb(self, p: Parse, v: int) -> bool:
        verb = p.verb_of.get(p.units[v].first)
        return verb is not None and self.group_of(verb.lemma, "ba_governors")

    def own_act(self, p: Parse, k: int) -> bool:
        """Phrase k is a من phrase of an act with its own object in construct, which a phrase
        of means after it belongs to (تمكنت من تحديد هوية مرتكب الجريمة بتفجير نفسه)."""
        unit = p.units[k]
        return unit.prep == "من" and unit.last > unit.head and unit.head not in self.triggers \
            and masdar_shaped(self.keys[unit.head])  # not قتل خمسة من مسلحي الحزب في هجوم

    def verb_classes(self, p: Parse, v: int) -> frozenset[str]:
        if v < 0:
            return _NO_WORDS
        verb = p.verb_of.get(p.units[v].first)
        return self.lex.verb_classes.get(verb.lemma, _OTHER_VERB) if verb else _NO_WORDS

    def same_strike(self, p: Parse, v: int, u: int, trig: Trigger) -> bool:
        """An attack noun in a phrase of means or time of a verb of attack is the verb's own
        act (قصفت الطائرات المواقع بغارات، قتل الجيش خمسة مسلحين في هجوم)."""
        verb = self.morph.trigger(self.keys[p.units[v].first])
        return trig.relation == "strikes" and verb is not None and verb.relation == "strikes" \
            and p.units[u].prep in _MEANS_OR_WHERE

    def is_trigger_verb(self, p: Parse, v: int) -> bool:
        trig = self.morph.trigger(self.keys[p.units[v].first])
        return trig is not None and "verb" in trig.pos

    def accusation_content(self, p: Parse, u: int, governor: int, trig: Trigger
                           ) -> tuple[str | None, list[Found]] | None:
        """(accuser, accused) when the trigger noun under ب follows an accusation's object:
        اتهم بوتين تركيا بدعم داعش (the content: Turkey supports ISIS, as Putin says)."""
        if governor < 0 or trig.prefix.lstrip("وف")[:1] != "ب":
            return None
        gov = self.morph.trigger(self.keys[p.units[governor].first])
        if gov is None or gov.relation != "accuses":
            return None
        accused = self.slot_object(p, governor, before=True)
        accuser = [f for f in self.slot_subject(p, governor) if self.actor(f.mention.entity)]
        if not accused or p.args[governor].object > u:
            # ندد باختطاف داعش الصحفي فلان: the phrase after the act is its object, no accused
            return None
        return (self.actor(accuser[0].mention.entity) if accuser else None), accused

    def charge_at(self, p: Parse, u: int, t: int, pps: list[int]) -> int:
        """The token where the charge of accusation noun t begins, a verbal noun under ب in
        its phrase or after it (إدانته بالانضمام إلى الحزب): the party named from there on
        is the charge's, not the accused; else past the last token."""
        return next((j for j in range(t + 1, p.units[u].last + 1) if self.charge_word(j)),
                    next((p.units[k].head for k in pps if p.units[k].prep == "ب"
                          and self.charge_word(p.units[k].head)), len(self.keys)))

    def charge_word(self, j: int) -> bool:
        """Token j is a verbal noun under ب (بدعمه، بانضمامه، بالتخطيط), no name."""
        key = self.keys[j]
        if not key.startswith("ب") or j in self.at:
            return False
        bare = key[1:].removeprefix("ال")
        for suffix in _POSSESSIVE:
            if bare.endswith(suffix) and masdar_shaped(bare[:-len(suffix)]):
                return True
        return masdar_shaped(bare) or j in self.triggers

    def places(self, p: Parse, u: int, pps: list[int], used: list[Found]) -> list[str]:
        """Where: the places of the locative phrases of the trigger's clause (في، ب، قرب…),
        and the places it targets."""
        locatives = self.g.get("locatives", _NO_WORDS)
        out: list[str] = []
        taken = {f.mention.entity for f in used}
        before = []
        # a noun under على is what an act before it answers (تظاهروا في السليمانية احتجاجا على
        # الغارات، ردا على الهجوم): the places before it are that act's
        own = p.units[u].prep not in p.temporal and p.units[u].prep != "علي"
        for k in range(u - 1 if own else -1, -1, -1):
            # back to the phrase of time that opens this event; none before one that is in such
            # a phrase (قصفت الطائرات مواقع في سوريا بعد هجمات في تركيا: not in Syria)
            if not p.same_clause(k, u) or p.units[k].prep in p.temporal:
                break
            if p.units[k].prep or self.beside_unit(p, k):
                before.append(k)
        opens = next((k for k in pps if self.opens_clause(p, k)), len(p.units))
        for k in before + [k for k in pps if k < opens] + p.pps_past_comma(u):
            if self.listed_prep(p, k) not in locatives and not self.beside_unit(p, k) or \
                    self.after_positional(p, k):
                continue
            for f in self.referents(p, k) or self.place_in(p, k):
                key = f.mention.entity
                if self.where(key) and key not in out and key not in taken:
                    out.append(key)
        return out + [key for key in self.where_before(p, u) if key not in out + list(taken)]

    def where_before(self, p: Parse, u: int) -> list[str]:
        """The places of the phrase a حيث clause follows when unit u is that clause's event,
        its verb or the subject right after it (منطقة بركي براك حيث حصلت الغارة: Baraki Barak;
        not أوفدت وزيرا إلى أربيل حيث التقى … بشأن الغارات)."""
        k = u  # the first unit of u's clause
        while k > 0 and p.same_clause(k - 1, u):
            k -= 1
        if k < 1 or u - k > 2 or p.units[k].kind != "sub" or \
                self.keys[p.units[k].first] != "حيث" or p.units[k - 1].kind != "np" or \
                any(p.units[j].prep == "بين" for j in p.pps_after(u)):
            return []  # حيث تجري مواجهات بين …: the sides fight there, the place is not hit
        return [f.mention.entity for f in self.referents(p, k - 1) or self.place_in(p, k - 1)
                if self.where(f.mention.entity)]

    def beside_unit(self, p: Parse, k: int) -> bool:
        """Unit k, bare, places what comes before it by a place (أصيب الفتى شرق بيت حانون)."""
        unit = p.units[k]
        return unit.kind == "np" and not unit.prep and not unit.conj and any(
            (f := self.at.get(j)) is not None and f.first == j and self.where(f.mention.entity)
            and self.directed(p, k, f) for j in range(unit.first + 1, unit.last + 1))

    def opens_clause(self, p: Parse, k: int) -> bool:
        """Phrase k, under و and a preposition after a comma, opens a clause whose verb follows
        it (قصفت الطائرات مواقع، وفي حادث آخر في حمص قتل شخصان): no place of the act before."""
        unit = p.units[k]
        if not (unit.conj and unit.prep and k > 0 and p.units[k - 1].kind == "break"):
            return False
        j = k + 1
        while j < len(p.units) and p.units[j].kind == "np":
            j += 1
        return j < len(p.units) and p.units[j].kind == "verb"

    def sentence_places(self, p: Parse, u: int) -> list[str]:
        """Where an attack told in another clause happened: the place of the sentence's locative
        phrase nearest after the trigger, else before it (قتل جندي تركي، عندما انفجر لغم بينما
        كانت قافلة تمر في مدينة مديات)."""
        locatives = self.g.get("locatives", _NO_WORDS)
        for k in [*range(u, len(p.units)), *range(u - 1, -1, -1)]:  # after it, then before
            if p.units[k].kind == "np" and p.prep_of(k) in locatives and \
                    not self.after_positional(p, k):
                found = [f.mention.entity for f in self.referents(p, k) or self.place_in(p, k)
                         if self.where(f.mention.entity)]
                if found:
                    return found
        return []

    def where(self, key: str) -> bool:
        """A place, or a state named as where something happened (غارات في سوريا)."""
        e = self.entity(key)
        return bool(e and e.type in ("Place", "Country"))

    def place_in(self, p: Parse, k: int) -> list[Found]:
        unit = p.units[k]
        return [f for j in range(unit.first, unit.last + 1) if (f := self.at.get(j)) is not None
                and f.first == j and self.is_place(f.mention.entity)]

    def listed_prep(self, p: Parse, k: int) -> str:
        """The preposition phrase k shares: that of the list it joins, past a positional
        phrase set apart by a comma (في منطقة X المطلة على Y، وحي Z: Z is in the في list)."""
        j = k
        while j > 0 and p.bare_np(j) and p.units[j].conj:
            j -= 1
            comma = self.comma(p, j)
            while j > 0 and p.units[j].kind == "break":
                j -= 1
            if comma and self.after_positional(p, j):
                return p.prep_of(j - 1)
        return p.prep_of(k)

    def after_positional(self, p: Parse, k: int) -> bool:
        """A phrase after a positional participle describes a place (المطلة على، الواقعة في),
        after من سكان where someone lives (من سكان مخيم … وسط الضفة), after a word of
        closeness whom a source is close to (مصادر مقربة من الرئيس): none is the act's, nor
        a phrase joined to one by و (الرابط بين عدن وصنعاء)."""
        if self.where_present(p, k):
            return True
        while k > 1 and p.units[k].conj and not p.units[k].prep and p.units[k - 1].prep:
            k -= 1
        if k == 0 or p.units[k - 1].kind != "np":
            return False
        prev = p.units[k - 1]
        if prev.prep == "من" and self.group_of(self.keys[prev.head], "residents"):
            return True
        return self.group_of(self.keys[prev.last], "positional") or (
            p.units[k].prep == "من" and self.group_of(self.keys[prev.last], "close_to"))

    def where_present(self, p: Parse, k: int) -> bool:
        """Phrase k, past adverbs and من phrases, follows a word of presence: it says where a
        party is active or sets out from (تنشط بقوة في …، انطلاقا من معقلها في …), or where
        the arms an act is done with or from are stationed (بقذائف الدبابات المتمركزة في …),
        not where the act happened (but مواقع المسلحين المتمركزين في …: where they were hit)."""
        j = k - 1
        while j >= 0 and k - j <= 3:
            unit = p.units[j]
            key = self.keys[unit.last]
            if self.group_of(key, "active_words") or self.group_of(key, "stationed_words") and \
                    unit.prep in ("ب", "من"):
                return True
            if unit.kind != "time" and not (unit.prep == "من" and p.units[k].prep != "من"):
                return False
            j -= 1
        return False

    # --- modality and speech --------------------------------------------------------------------

    def mode(self, entry: FrameEntry, trig: Trigger, t: int, p: Parse, u: int) -> tuple[str, str]:
        """(mode, why) of the trigger: what negates, conditions, plans or foils it."""
        a = p.units[0].first
        b = p.units[-1].last + 1
        if self.any_bits(max(a, t - 2), t, _HALTING):
            return "Demanded", "a halt or a truce is asked for"
        negated = self.any_bits(max(a, t - 2), t, _NEGATOR)
        gov = self.governor(p, u, t) if p.units[u].kind == "np" else -1
        if gov < 0 and t == p.units[u].head and u > 0 and p.units[u - 1].kind == "verb" and \
                p.args[u - 1].subject == u and self.verb_classes(p, u - 1) & _INTENT:
            gov = u - 1  # كان ينوي تفجيرها: an act right after a verb of intent is what it intends
        classes = self.verb_classes(p, gov)
        if gov >= 0:  # لم يتوقف عن القصف: it goes on
            negated = negated or self.negated_verb(p, a, gov) != ("ceasing" in classes)
        if not negated:
            for v in p.args:  # in order: those after u have no say
                if v >= u:
                    break
                of_v = self.verb_classes(p, v)
                if "negating" in of_v or "ceasing" in of_v and not self.negated_verb(p, a, v):
                    negated = True
        if negated and not self.any_bits(t + 1, min(b, t + 4), _EXCEPTIVE):
            return "Negated", "a negator governs it"
        if self.any_bits(a, t, _CONDITIONAL):
            return "Hypothetical", "a condition governs it"
        asked = t - 1
        while asked >= a and not self.asks(asked):
            asked -= 1
        if asked >= a and not any(self.tokens[k].text in ("؟", "?") for k in range(asked, t)):
            return "Hypothetical", "a question asks it"  # not the answer after its ؟
        if any(self.maybe(p, v) for v in (u if p.units[u].kind == "verb" else -1, gov)):
            return "Hypothetical", "قد before a verb in the present: it may be"
        if p.units[u].kind == "np" and self.any_bits(t + 1, min(b, t + 3), _UNREAL):
            return "Hypothetical", "it is called possible or expected"
        if self.unreal_predicate(p, u):
            return "Hypothetical", "its clause calls it possible (إن هجوما على … ممكن)"
        if p.units[u].kind == "np" and trig.prefix.lstrip("وف") == "ب" and t > a and \
                self.bits[t - 1] & _ACCUSED:
            return "Hypothetical", _ALLEGED
        if "foiling" in classes:  # تصدت القوات لهجوم: foiled, not a purpose
            return "Foiled", "a foiling verb governs it"
        if p.units[u].kind == "np" and trig.prefix.lstrip("وف") == "ل" and \
                not _UNDERGO & classes and not self.any_bits(max(a, t - 8), t, _UNDERGO_NOUN):
            return "Planned", "a purpose: ل before the noun (لشن غارات)"  # not تعرض X لاعتداء
        reach = 6 if self.any_bits(max(a, t - 2), t, _LIGHT_NOUN) \
            else 3  # السماح للولايات المتحدة بشن ضربات: past a light noun and its phrase
        for name, mode, bit in _MODE_OF_NOUN:
            if self.any_bits(max(a, t - reach), t, bit):
                return mode, f"a noun of {name.split('_')[0]} governs it"
        if p.units[u].kind == "verb":  # توقع المحللون أن تقصف …: the verb before أن
            classes = classes | self.verb_classes(p, self.verb_before_an(p, u))
        for cls, mode in _MODE_OF_CLASS.items():
            if cls in classes:
                return mode, f"a {cls} verb governs it"
        v = u if p.units[u].kind == "verb" else gov  # ستخوض معركتها: a noun its future verb governs
        k = t if v == u else p.units[v].first if v >= 0 else -1
        verb = p.verb_of.get(k)
        if (verb is not None and "س" in verb.prefix.lstrip("وف")[:1] or (
                k > 0 and self.keys[k - 1].lstrip("وف") == "سوف")) and not (
                v != u and verb is not None and self.group_of(verb.lemma, "continuing_verbs")):
            return "Planned", "a future tense"
        return "Asserted", ""

    def negated_verb(self, p: Parse, a: int, v: int) -> bool:
        """A negator stands right before verb unit v (in the sentence from token a)."""
        first = p.units[v].first
        return self.any_bits(max(a, first - 2), first, _NEGATOR)

    def unreal_predicate(self, p: Parse, u: int) -> bool:
        """Noun phrase u opens a clause after أن/إن whose predicate, a lone word before the
        clause ends, calls it possible or expected (أن هجوما على فنلندا ممكن)."""
        if p.units[u].kind != "np" or p.units[u].prep or u == 0 or p.units[u - 1].kind != "comp":
            return False
        for k in range(u + 1, len(p.units)):
            unit = p.units[k]
            if unit.kind != "np":
                return False
            if not unit.prep and not unit.conj and unit.first == unit.last and \
                    self.bits[unit.first] & _UNREAL:
                return True
        return False

    def maybe(self, p: Parse, v: int) -> bool:
        """Verb unit v is in the present after a particle of possibility (قد يشن، وربما تقصف)."""
        if v < 0 or p.units[v].kind != "verb":
            return False
        first = p.units[v].first
        return first > 0 and self.present(p, first) and \
            self.keys[first - 1].removeprefix("و") in self.g.get("maybe_particles", _NO_WORDS)

    def verb_before_an(self, p: Parse, v: int) -> int:
        """The verb whose أن clause verb v opens (توقع المحللون أن تقصف), else -1."""
        k = v - 1
        while k >= 0 and p.units[k].kind in ("neg", "aux", "time"):
            k -= 1
        if k < 0 or p.units[k].kind != "comp" or self.keys[p.units[k].first].lstrip("و") != "ان":
            return -1
        for j in range(k - 1, max(-1, k - 4), -1):
            if p.units[j].kind == "verb":
                return j
            if p.units[j].kind != "np" or p.units[j].prep:
                break
        return -1

    def speaker(self, p: Parse, u: int) -> str | None:
        """The subject of the last speech verb before the trigger in its sentence, when أن/إن,
        a colon or a quote opens what is said between them."""
        subj = self.speaker_phrase(p, u)
        return self.actor(subj[0].mention.entity) if subj else None

    def speaker_phrase(self, p: Parse, u: int) -> list[Found]:
        """The actors of the speaker's phrase (``speaker``), as a slot: قالت واشنطن إن
        القادة الثلاثة متورطون في الهجوم (Washington says so: it accuses them)."""
        opened = False
        for k in range(u - 1, -1, -1):
            unit = p.units[k]
            text = self.tokens[unit.first].text
            if unit.kind == "comp" or text in (":", "«", "\"", "“"):
                opened = True
            if unit.kind == "verb" and opened and "speech" in self.verb_classes(p, k):
                return [f for f in self.slot_subject(p, k) if self.actor(f.mention.entity)]
            if unit.kind == "np" and opened and self.group_of(self.keys[unit.first],
                                                              "speech_participles"):
                verbs = self.main_verbs(p, k)  # …، مؤكدا أن: the main clause's subject
                return [f for f in self.slot_subject(p, verbs[-1])
                        if self.actor(f.mention.entity)] if verbs else []
        return []

    def main_verbs(self, p: Parse, k: int) -> list[int]:
        """The verbs before unit k that no أن/إن, colon or quote has opened a clause for: the
        main clause's, not those of what it says (قال النائب إن داعش منع …، مشيرا إلى أن)."""
        out = []
        for v in range(k):
            unit = p.units[v]
            if unit.kind == "comp" or self.tokens[unit.first].text in (":", "«", "\"", "“"):
                break
            if v in p.args:
                out.append(v)
        return out

    # --- claims ---------------------------------------------------------------------------------

    def claimed(self, cands: list[Candidate]) -> list[Candidate]:
        """Attacks with no agent take the actor that claims them or that they are attributed
        to in their sentence or the next (تبنت حركة طالبان الهجوم، نسب الهجوم إلى X), or in
        the two after when the claim tells the attack again by a definite noun (الاعتداء الذي
        تبنته X), no attack told before it names its author and none is told anew between."""
        strikes = [c for c in cands if c.entry.relation == "strikes"]
        first_authored = min((self.sentence_of[c.token] for c in strikes if c.agents),
                             default=len(self.keys))
        nouns = [c for c in strikes if c.entry.pos == "noun"]
        retold = {self.sentence_of[c.token] for c in nouns if self.definite(c.token)}
        fresh = {self.sentence_of[c.token] for c in nouns if not self.definite(c.token)}
        claims = {}
        for s in sorted({self.sentence_of[c.token] for c in strikes if not c.agents}):
            for back in (s, s + 1, s + 2, s + 3):
                if back > s + 1 and (back not in retold or first_authored < back or
                                     any(s < f <= back for f in fresh)):
                    continue
                if back <= self.sentence_of[-1] and (claimer := self.claimer(back)):
                    claims[s] = claimer
                    self.claimants |= {a for f in claimer if (a := self.actor(f.mention.entity))}
                    break
        claimed = [c._replace(agents=self.own_claimer(c.token, claims[self.sentence_of[c.token]]),
                              slots=("claim", c.slots[1]))
                   if c.entry.relation == "strikes" and not c.agents and c.mode == "Asserted"
                   and self.sentence_of[c.token] in claims else c for c in cands]
        return self.continued(claimed)

    def continued(self, cands: list[Candidate]) -> list[Candidate]:
        """A definite attack noun with no agent takes up the attacks of its kind told in the
        three sentences before, and their agent (شنت طائرات التحالف غارات على … واستهدفت
        الغارات مواقع …: the coalition's raids)."""
        last: dict[str, tuple[int, list[Found]]] = {}  # family → (sentence, agents)
        told: dict[int, list[Found]] = {}  # token of a noun → the agents told before it
        out = []
        for c in cands:
            family = _family(c.entry, self.triggers[c.token].lemma)
            s = self.sentence_of[c.token]
            if c.entry.relation == "strikes" and c.entry.pos == "noun" and family:
                if c.agents and not any(f.mention.entity in self.generics for f in c.agents):
                    last[family] = (s, c.agents)
                elif not c.agents and not c.generic_agent and self.definite(c.token) and \
                        not self.weak(c.token) and family in last and s - last[family][0] <= 3:
                    c = c._replace(agents=last[family][1], slots=("told before", c.slots[1]))
                    told[c.token] = c.agents
            elif c.entry.relation == "strikes" and c.entry.pos == "verb" and not c.agents and \
                    (agents := told.get(self.subject_head(c.token), [])):
                c = c._replace(agents=agents, generic_agent=None,  # وقالوا إن الغارات استهدفت
                               slots=("its subject, told before", c.slots[1]))  # …: theirs
            out.append(c)
        return out

    def subject_head(self, t: int) -> int:
        """The head token of the subject of the verb at token t, or -1."""
        p = self.parse(self.sentence_of[t])
        v = p.unit_of(t)
        args = p.args.get(v)
        return p.units[args.subject].head if args is not None and args.subject >= 0 else -1

    def definite(self, t: int) -> bool:
        return self.keys[t].startswith("ال") or self.triggers[t].prefix.endswith(("ال", "لل"))

    def own_claimer(self, t: int, claimer: list[Found]) -> list[Found]:
        """Who claims the attack at token t: the subject of the claiming verb whose object it
        is, named or not, else the sentence's claimer (عزت السلطات التفجيرات إلى X، فيما تبنى
        فصيل صغير هجوما: the faction's, not X's)."""
        p = self.parse(self.sentence_of[t])
        u = p.unit_of(t)
        for v, args in p.args.items():
            if args.object == u and args.subject >= 0 and "claiming" in self.verb_classes(p, v):
                return [f for f in self.slot_subject(p, v) if self.actor(f.mention.entity)]
        return claimer

    def claimer(self, s: int) -> list[Found]:
        """Who sentence s says did an attack: the subject of a claiming verb (تبنى) or of a verb
        whose object is a claim (أعلن مسؤوليته; not one that blames, حمّل), or the إلى phrase
        of an attributing verb."""
        if not self.claiming(s):
            return []
        p = self.parse(s)
        for v in p.args:
            classes = self.verb_classes(p, v)
            obj = p.args[v].object
            trig = self.morph.trigger(self.keys[p.units[v].first])
            if trig is not None and trig.relation == "accuses" and "attributing" not in classes:
                continue  # حمّل الحزب مسؤولية الهجوم: who is blamed, not who claims it
            if "claiming" in classes or obj >= 0 and self.group_of(
                    self.keys[p.units[obj].head], "claiming_nouns"):
                found = [f for f in self.slot_subject(p, v) if self.actor(f.mention.entity)]
            elif "attributing" in classes:
                found = [f for f in self.slot_prep(p, p.pps_after(v), "الي")
                         if self.actor(f.mention.entity)]
            else:
                continue
            if found:
                return found
        return []

    def claiming(self, s: int) -> bool:
        """Sentence s has a claiming noun or a verb of claiming or attributing (once a sentence)."""
        known = self.claiming_words.get(s)
        if known is None:
            nouns = self.group("claiming_nouns")
            known = self.claiming_words[s] = any(
                self.keys[k] in nouns or (verb := self.morph.verb(self.keys[k])) is not None and
                bool(self.lex.verb_classes.get(verb.lemma, _NO_WORDS) & _CLAIMING)
                for k in range(self.starts[s], self.starts[s + 1]))
        return known

    # --- relations ------------------------------------------------------------------------------

    def build(self, cand: Candidate) -> list[Relation]:
        entry = cand.entry
        agents = [a for f in cand.agents if (a := self.actor(f.mention.entity))]
        if entry.relation == "strikes" and cand.speaker in agents and self.on_itself(cand.token):
            agents = [self.generic_key(_SUICIDE_ATTACKER)]  # أشارت السلطات إلى أنه فجر نفسه:
            # the one who blew himself up, not the speaker his أنه would take up
        targets = []
        for f in cand.targets:
            key = f.mention.entity
            target = key if entry.relation == "strikes" and self.is_place(key) else self.actor(key)
            if target and target not in targets:
                targets.append(target)
        places = tuple(cand.places)
        s = self.sentence_of[cand.token]
        killed = injured = date = None
        if entry.relation == "strikes":
            killed, injured = self.toll(s, cand.token)[:2]
            date = self.sentence_date(s)
            if not places and (not agents or cand.slots[0] == "claim"):  # an event's place,
                # from another clause, when its own names no agent (one claimed or attributed)
                places = tuple(self.sentence_places(self.parse(s), self.parse(s).unit_of(
                    cand.token)))
            if not agents and self.reported_attack(cand, targets, places, killed, injured) \
                    and (self.in_conflict() or (self.armed(s) or cand.generic_agent is not None and
                                           cand.generic_agent.sector in _ATTACKERS)
                         and not self.present(self.parse(s), cand.token)) and not self.about_sports() and \
                    not self.told_before(cand) and (
                        cand.generic_agent or self.subjectless(cand.token)):
                agents = [self.generic_key(cand.generic_agent or _UNIDENTIFIED)]
            if not agents and cand.mode == "Asserted" and self.told_before(cand):
                told = self.sentence_of[max(k for k in self.events if self.sentence_of[k] < s)]
                where = self.occurred_at(cand)
                if told == s - 1 and where:  # the attack of the sentence before, told again
                    self.retold.append((told, where))
            if agents and not targets and cand.generic_target and (
                    not places or cand.slots[1] == "kind"):  # whom its phrase names by kind:
                targets = [self.generic_key(cand.generic_target)]  # a place is where (قتلت
                # القوات جنديين في حلب: soldiers hit in Aleppo, not Aleppo)
            elif agents and not targets and not places and self.hits_something(cand):
                targets = [self.generic_key(_UNNAMED_TARGET)]  # شنت الطائرات غارات ضد مواقع
        if entry.relation == "strikes" and not targets and places:
            town = next((pl for pl in places if self.is_place(pl)), None)  # where it hit
            if town is not None:
                targets, places = [town], tuple(pl for pl in places if pl != town)
            else:  # هجمات في نيجيريا: a state is where, not whom
                targets = [self.generic_key(_UNNAMED_TARGET)]
        if entry.no_state and any(getattr(self.entity(k), "type", "") == "Country" for k in targets):
            return []  # دمر الرئيس البلاد: he ruined it, a figure (not دمر الجيش القرية)
        if entry.named:  # الحرب على الفساد، حرب في اليمن: no war between named sides
            agents = [a for a in agents if a not in self.generics]
            targets = [t for t in targets if t not in self.generics]
        out = []
        for agent in dict.fromkeys(agents):
            for target in targets:
                if target == agent or entry.pos == "participle" and entry.relation != "strikes" \
                        and self.same_state(agent, target):
                    continue  # القوات الموالية للحكومة: a state's own forces (a state strikes
                    # its own rebels: مستهدفة حزب العمال)
                relation = entry.relation
                if entry.people and self.person(agent) and not self.is_place(target):
                    if target in self.generics:
                        continue  # شن الوزير هجوما على …: words against no one named
                    relation = entry.people  # شن رئيس الوزراء هجوما على نائبه: words
                if relation == "strikes":
                    self.events.append(cand.token)
                    self.event_places.update((target, *places))
                    if cand.slots[0] in ("claim", "told before") and entry.pos == "noun" and \
                            self.definite(cand.token):
                        self.retellings[(relation, agent, target, s)] = cand.token
                out.append(Relation(relation, agent, target, s, self.tokens[cand.token].text,
                                    places=tuple(pl for pl in places if pl not in (target, agent)),
                                    speaker=cand.speaker if cand.speaker != agent else None,
                                    mode=cand.mode, killed=killed, injured=injured, date=date))
        return out

    def sentence_date(self, s: int) -> str | None:
        """The date of the event of sentence s (``event_date``), worked out once a sentence."""
        if s not in self.dates:
            self.dates[s] = event_date(self.date, self.tokens, self.starts[s], self.starts[s + 1])
        return self.dates[s]

    def sole_attack(self, t: int) -> bool:
        """The attack noun at t is the only one of its sentence, so the toll there is its own."""
        a, b = self.starts[self.sentence_of[t]], self.starts[self.sentence_of[t] + 1]
        return not any(k != t and k in self.triggers and self.triggers[k].relation == "strikes"
                       and "noun" in self.triggers[k].pos for k in range(a, b))

    def told_first(self, rel: Relation, rels: Iterable[Relation]) -> tuple | None:
        """The key of the statement that told first the attack ``rel`` tells again: by the same
        agent, asserted, in one of the three sentences before, and ``rel`` names no target or
        place that one does not (a generic target, or one of its target and places)."""
        if rel.predicate != "strikes" or rel.mode != "Asserted":
            return None
        for other in sorted(rels, key=lambda r: -r.sentence):
            known = (other.target, *other.places)
            if other.predicate == "strikes" and other.mode == "Asserted" and other.agent == \
                    rel.agent and 0 < rel.sentence - other.sentence <= 3 and (
                    rel.target in self.generics or rel.target in known) and all(
                    pl in known for pl in rel.places):
                return (other.predicate, other.agent, other.target, other.sentence)
        return None

    def occurred_at(self, cand: Candidate) -> tuple[str, ...]:
        """The places where an attack noun took place, as a verb of ``occurring`` says of it
        (الهجوم الذي وقع في بلدة …، إن الهجوم وقع في منطقة …)."""
        p = self.parse(self.sentence_of[cand.token])
        u = p.unit_of(cand.token)
        if u < 0:
            return ()
        v = self.relative_verb(p, u)
        if v < 0 and u + 1 < len(p.units) and p.args.get(u + 1) and p.args[u + 1].subject == u:
            v = u + 1
        if "occurring" not in self.verb_classes(p, v):
            return ()
        return tuple(self.places(p, v, p.pps_after(v), []))

    def reported_attack(self, cand: Candidate, targets: list[str], places: tuple[str, ...],
                        killed: int | None, injured: int | None) -> bool:
        """An attack with no named agent is reported as a fact when its sentence gives two of:
        whom it hit (or what undergoes it: تعرضت قافلة لهجوم; or an unnamed site its noun's
        genitive names: تفجير مسجد شيعي, not مسجد الطوارئ, told before), where, its toll, the
        kind of its agent; for a word with other senses (weak_attack_words), the kind of its
        agent, a named target, armed men hit and a toll, or arms named in its sentence and
        what it hit, in the past (استهدفت عبوة ناسفة سيارة; not كانت تستهدف: a plot)."""
        s = self.sentence_of[cand.token]
        t = cand.token
        hit = bool(targets or cand.generic_target) or cand.slots[1] == "governor (undergo)" or \
            cand.entry.pos == "noun" and \
            t + 2 < self.starts[s + 1] and self.group_of(self.keys[t + 1], "site_kinds") and \
            not self.keys[t + 2].startswith("ال")
        toll = killed is not None or injured is not None or self.toll(s, cand.token).stated  # قتل العشرات: a toll, if vague
        evidence = hit + bool(places) + toll + bool(cand.generic_agent)
        if self.weak(cand.token):  # قتل رجل زوجته، غرق مركب: violence, but no attack
            armed = cand.generic_target is not None and cand.generic_target.sector not in \
                _VICTIMS_ONLY
            return bool(cand.generic_agent) or bool(targets) or armed and toll or \
                self.armed(s) and self.hits_something(cand) and not self.present(
                    self.parse(s), cand.token)
        return evidence >= 2

    def on_itself(self, t: int) -> bool:
        """A trigger whose object is its own agent (فجر نفسه): a suicide attack."""
        return t + 1 < len(self.keys) and self.keys[t + 1] in self.g.get("reflexives", _NO_WORDS)

    def hits_something(self, cand: Candidate) -> bool:
        """A new attack (a verb, or a noun without the article: not الهجوم, told before) that
        names what it hit by a common noun: an object, or a phrase under على/ضد, also after
        the relative clause that gave its agent (غارات شنتها الطائرات ضد مواقع الجماعة)."""
        t = cand.token
        p = self.parse(self.sentence_of[t])
        u = p.unit_of(t)
        if u < 0 or cand.entry.pos == "noun" and self.definite(t):
            return False
        if p.units[u].kind == "verb" and p.args[u].object >= 0:
            return True
        v = self.relative_verb(p, u) if cand.slots[0] == "relative" else -1
        return any(p.units[k].prep in ("علي", "ضد") for k in p.pps_after(u) + (
            p.pps_after(v) if v >= 0 else []))

    def claim_of_attack(self, rel: Relation) -> bool:
        """An attack on a party that the party says another did: it accuses the attacker
        (قال الوزير الأفغاني إن مروحيتين أمريكيتين هاجمتا حاجزا للجيش الأفغاني). Not an
        attack a neutral source tells of (an agency, the police, the media, the UN: a fact)."""
        speaker = rel.speaker
        if rel.predicate != "strikes" or rel.mode != "Asserted" or speaker is None or \
                rel.agent in self.generics or not self.actor(rel.agent) or \
                self.lex.kinds.get(speaker) in _NEUTRAL_KINDS:
            return False
        return speaker != rel.agent and not self.same_state(speaker, rel.agent) and (
            speaker == rel.target or self.same_state(speaker, rel.target))

    def claim_of_backing(self, rel: Relation) -> bool:
        """A party that says another backs an armed group accuses it (قال النائب إن الدولة تدعم
        الميليشيا), when a verb or a noun tells it (not a participle or بدعم من that describes
        the group). Not a neutral source, the group or its member, nor the backer's side."""
        speaker = rel.speaker
        if rel.predicate != "supports" or rel.mode != "Asserted" or speaker is None or \
                rel.agent in self.generics or not self.actor(rel.agent) or \
                self.lex.kinds.get(speaker) in _NEUTRAL_KINDS:
            return False
        e = self.entity(speaker)
        own = {speaker, e.affiliation if e and e.type == "Person" else None}
        states = {self.state_of(k) for k in own if k} - {None}
        return self.lex.kinds.get(rel.target) == "armed-group" and rel.target not in own and \
            rel.agent not in own and self.state_of(rel.agent) not in states

    def subjectless(self, t: int) -> bool:
        """A trigger with no subject phrase of its own (a noun, a passive or a dropped
        subject): only such an act may have an author the text leaves unknown (not ضربت
        الأمطار الولاية, whose subject did it)."""
        p = self.parse(self.sentence_of[t])
        u = p.unit_of(t)
        if u < 0 or p.units[u].kind != "verb" or p.args[u].passive:
            return True
        if p.args[u].subject < 0:  # ساند الوزير المتمردين حين اقتحموا: "they", a party it names
            verb = p.verb_of.get(p.units[u].first)
            return verb is None or not plural_subject(verb) or \
                not any(p.units[k].kind == "verb" for k in range(u))
        subject = p.units[p.args[u].subject]
        for k in range(subject.first, min(subject.last, subject.head + 1) + 1):
            trig = self.triggers.get(k)  # استهدفت الغارات، إحدى الغارات: the attack itself
            if trig is not None and trig.relation == "strikes" or self.keys[k][:1].isdigit() or \
                    any(self.group_of(self.keys[k], g) for g in _AUTHOR_UNKNOWN):
                return True  # مسلحون، امرأتان، صواريخ، مروحيتين: people or arms, unnamed
        return False

    def weak(self, t: int) -> bool:
        """An attack word that has other senses (weak_attack_words), unless an adjective after
        it says arms (الهجوم الانتحاري، هجوم مسلح)."""
        if t + 1 < len(self.keys) and (self.group_of(self.keys[t + 1], "armed_adjectives") or
                                       self.group_of(self.keys[t + 1], "weapons") or
                                       self.group_of(" ".join(self.keys[t + 1:t + 3]), "weapons")):
            return False  # انفجار عبوة ناسفة، انفجار سيارة مفخخة: arms
        return self.group_of(self.keys[t], "weak_attack_words") or \
            self.triggers[t].lemma in self.g.get("weak_attack_words", _NO_WORDS)

    def told_before(self, cand: Candidate) -> bool:
        """A definite attack noun with no agent of its own after an attack the article told
        already takes that one up (وأسفر الهجوم عن مقتل …): one event, told once; not one that
        took place in a town no attack told before was in, unless the last was told in the
        sentence just before (there it says where that one was)."""
        t = cand.token
        if cand.entry.pos != "noun" or cand.generic_agent or not self.definite(t):
            return False
        s = self.sentence_of[t]
        told = [self.sentence_of[k] for k in self.events if self.sentence_of[k] < s]
        if not told:
            return False
        towns = [pl for pl in self.occurred_at(cand) if self.is_place(pl)]
        return not towns or max(told) == s - 1 or any(pl in self.event_places for pl in towns)

    def toll(self, s: int, t: int) -> Casualties:
        """The toll of the report that holds token t: its sentence, or the part of it that a
        comma and كما، فيما، بينما، في حين، يأتي set apart (… مقتل 25 طالبا، كما قتل 15 شخصا في هجوم
        آخر), or a comma and a phrase of another incident (، وفي حادث آخر قتل …); not the
        other side of the toll before (لقي 13 شخصا مصرعهم، فيما أصيب 12 آخرون)."""
        a, b = self.starts[s], self.starts[s + 1]
        joins = self.lex.grammar.get("report_joins", _NO_WORDS)
        other = self.lex.grammar.get("other_report_words", _NO_WORDS)
        for k in range(a + 1, b - 1):
            if self.tokens[k].text not in "،,":
                continue
            join = self.keys[k + 1].lstrip("و")
            if join in joins or k + 2 < b and f"{join} {self.keys[k + 2]}" in joins or \
                    self.keys[k + 1] in ("في", "وفي") and \
                    any(key in other for key in self.keys[k + 2:k + 4]):
                if self.toll_goes_on(a, k, b):
                    continue
                if k < t:
                    a = k + 1
                else:
                    b = k
                    break
        if (a, b) not in self.tolls:
            self.tolls[(a, b)] = find_casualties(self.tokens, a, b)
        return self.tolls[(a, b)]

    def toll_goes_on(self, a: int, k: int, b: int) -> bool:
        """After the comma at k, the other side of the toll before it, of "others", and one of
        the two parts tells no attack of its own (لقي 13 شخصا مصرعهم، فيما أصيب 12 آخرون في
        هجوم …): one report."""
        words = self.lex.grammar.get("toll_others", _NO_WORDS)
        if not any(key in words for key in self.keys[k + 2:k + 7]) or all(
                any(self.triggers[i].relation == "strikes" for i in range(x, y) if i in
                    self.triggers) for x, y in ((a, k), (k + 1, b))):
            return False
        before, after = find_casualties(self.tokens, a, k), find_casualties(self.tokens, k + 1, b)
        return (before.killed is None) != (before.injured is None) and \
            (after.killed is None) != (after.injured is None) and \
            (before.killed is None) == (after.injured is None)

    def identified_attacker(self) -> tuple[str, int] | None:
        """The one man the article names as an attack's author it first named by kind, and the
        sentence that names him: الانتحاري السعودي X، الانتحاري الذي عرفته الوزارة بأنه X، منفذ
        الهجوم هو X، المهاجم ويدعى X (not قتل المهاجم X: whom he killed)."""
        named = {(f.mention.entity, self.sentence_of[f.first]) for f in self.found
                 if self.person(f.mention.entity) and self.names_attacker_at(f.first)}
        return named.pop() if len({key for key, _ in named}) == 1 else None

    def identifiers(self, person: str) -> list[tuple[str, int]]:
        """Who identifies the man as an attack's author, and its token: the subject between a
        verb of identifying and بأنه (الذي عرفته الوزارة بأنه X: the ministry accuses him)."""
        out = []
        for f in self.found:
            if f.mention.entity != person or not self.names_attacker_at(f.first):
                continue
            k = f.first - 1
            while self.adjective(k):
                k -= 1
            if not self.group_of(self.keys[k], "identifying_comps"):
                continue
            verb = next(j for j in range(k - 1, 0, -1)
                        if self.group_of(self.keys[j], "identifying_verbs"))
            who = next((a for j in range(verb + 1, k) if j in self.at and
                        (a := self.actor(self.at[j].mention.entity)) and a != person), None)
            if who:
                out.append((who, verb))
        return out

    def names_attacker_at(self, i: int) -> bool:
        """The words before token i name an attack's author by kind, then say he is who follows
        (a nationality adjective between them, a word of naming, or a verb of identifying and
        بأنه)."""
        s, k = self.sentence_of[i], i - 1
        start = self.starts[s]
        told = False  # a nationality or a word of naming told who follows is the one before
        while k >= start and self.adjective(k):
            k, told = k - 1, True
        if k >= start and self.group_of(self.keys[k], "naming_words"):
            k, told = k - 1, True
            if k >= start and (trig := self.triggers.get(k)) and trig.relation == "strikes":
                k -= 1  # منفذ الهجوم هو X
        elif k >= start and self.group_of(self.keys[k], "identifying_comps"):
            verb = next((j for j in range(k - 1, max(start, k - 8) - 1, -1)
                         if self.group_of(self.keys[j], "identifying_verbs")), None)
            if verb is None:
                return False
            return any(self.group_of(self.keys[j], "attacker_nouns")
                       for j in range(max(start, verb - 30), verb))
        return told and k >= start and self.group_of(self.keys[k], "attacker_nouns")

    def names_attacker(self, s: int) -> bool:
        """Sentence s names an attack's author by kind (الانتحاري، المهاجم، منفذ)."""
        words = self.group("attacker_nouns")
        return any(self.keys[k] in words for k in range(self.starts[s], self.starts[s + 1]))

    def unnamed_author(self, key: str) -> bool:
        """A generic author an identified one may stand for: unidentified or a suicide attacker."""
        e = self.generics.get(key)
        return e is not None and e.sector in ("unidentified", "suicide-attacker") and \
            e.label_en != _UNNAMED_TARGET.gloss

    def generic_key(self, g: Generic) -> str:
        """The key of a generic actor of this article (one per sector, words and affiliation)."""
        ident = (g.sector, g.label, g.affiliation)
        key = self.generic_keys.get(ident)
        if key is None:
            key = self.generic_keys[ident] = f"generic-{g.sector}-{len(self.generic_keys) + 1}"
            self.generics[key] = Entity(key=key, type="GenericActor", label_ar=g.label,
                                        label_en=g.gloss, sector=g.sector,
                                        affiliation=g.affiliation)
        return key


def _starts(sentence_of: list[int]) -> list[int]:
    """The first token of each sentence, and the end after the last (``sentence_of`` runs in
    order): ``bisect_left`` of each sentence number, in one pass."""
    out: list[int] = []
    i, n = 0, len(sentence_of)
    for s in range(sentence_of[-1] + 2 if sentence_of else 1):
        while i < n and sentence_of[i] < s:
            i += 1
        out.append(i)
    return out


def _prepare(lex: Lexicon) -> None:
    """Make what every reader of the lexicon reads, once: the forms of each group of
    ``grammar.yaml`` (``_Reader.group``) and the tables of tolls and dates. The first reader is
    the warm-up analysis a build makes before its workers fork, so they share them."""
    for name, words in lex.grammar.items():
        if name not in lex.word_groups:
            lex.word_groups[name] = _forms(words)
    load_casualties()
    load_dates()


def _needed_keys(needs: frozenset[str]) -> frozenset[str]:
    """The keys that are a word of a frame's ``needs`` once ال then و, or بال then وال, are
    taken off them, made once per set of words."""
    found = _NEEDED.get(needs)
    if found is None:
        forms = {p + w for w in needs for p in ("", "و", "ال", "الو", "وال", "بال", "بالوال")}
        found = _NEEDED[needs] = frozenset(
            k for k in forms if k.removeprefix("ال").removeprefix("و") in needs
            or k.removeprefix("بال").removeprefix("وال") in needs)
    return found


_NEEDED: dict[frozenset[str], frozenset[str]] = {}


def _forms(words: frozenset[str]) -> frozenset[str]:
    """Every form of a group's words that group_of accepts, made once per group: the word; a
    word of three letters or more with ا or ي; of two or more under و ف ب ل; of three or more
    under وب ول فب فل ال; any under وال بال فال لل."""
    out = set(words)
    for w in words:  # one add a form (a generator a group of forms costs more than its adds)
        if len(w) >= 3:
            out.add(w + "ا")
            out.add(w + "ي")
            for p in ("وب", "ول", "فب", "فل", "ال"):
                out.add(p + w)
        if len(w) >= 2:
            for c in ("و", "ف", "ب", "ل"):
                out.add(c + w)
        for p in ("وال", "بال", "فال", "لل"):
            out.add(p + w)
    return frozenset(out)


def _bit_table(lex: Lexicon) -> dict[str, int]:
    """Each form (``_forms``) of a word of the ``_BIT_GROUPS`` → the bits of its groups, with
    ``_PARTICIPLE`` and ``_PROXY``; after ``_prepare``."""
    table: dict[str, int] = {}
    groups = [lex.word_groups.get(name) or _forms(lex.grammar.get(name, _NO_WORDS))
              for name in _BIT_GROUPS]
    groups.append(lex.word_groups["participles|proclitic"])
    groups.append(_forms(lex.grammar.get("assets", _NO_WORDS)
                         | lex.grammar.get("members", _NO_WORDS)))
    for n, forms in enumerate(groups):
        bit = 1 << n
        for form in forms:
            table[form] = table.get(form, 0) | bit
    return table


def _bare_key(key: str) -> str:
    """A word's key without و/ف, a proclitic preposition and the article (والجنود → جنود)."""
    for prefix in ("وال", "فال", "بال", "لل", "ال", "و", "ف"):
        if key.startswith(prefix) and len(key) - len(prefix) >= 3:
            return key[len(prefix):]
    return key


def _family(entry: FrameEntry, lemma: str) -> str:
    """A noun's family, the same for its singular and plural (غارة، غارات → غر; هجوم، هجمات →
    هجم): without ات or ة, without long vowels, three letters."""
    if entry.pos != "noun":
        return ""
    stem = lemma.removesuffix("ات").removesuffix("ه")
    return "".join(ch for ch in stem if ch not in "اوي")[:3]
