"""Relations from trigger words: who accuses, supports, strikes… whom, in one sentence.

For a trigger (a verb in any inflection, or a verbal noun) the entities around it fill the roles:
- after it, the first bare entity and the one after it (each with what is coordinated to it by و):
  agent then target — اتهمت وزارة الدفاع الروسية الجيش الأميركي، هجوم داعش على تدمر،
  دعم روسيا وإيران للأسد;
- else the nearest bare actor before it in the clause is the agent and the first entity after it
  the target — لافروف يتهم التحالف، روسيا ستواصل دعم الجيش السوري; not when that actor is the
  subject of a verb that judges the act (أدان الاتحاد الأوروبي الهجوم، دعت روسيا إلى وقف الهجمات);
- a noun with a nationality adjective takes that state as agent — العدوان الروسي على حلب;
- بدعم X after a phrase: X supports the sentence's subject — القوات السورية بدعم الطيران الروسي;
- a state's asset with its adjective stands for the state — أسقطت تركيا طائرة حربية روسية.
A negated trigger (لم، لا، عدم، نفى…) is no fact unless إلا follows it; nothing under لو or إذا is,
nor a noun called possible (هجوم محتمل). A target is introduced bare or by one of the relation's
prepositions; a strike with no actor as target strikes the place it happens in. Capitals acting
stand for their state. A speaker is kept where أن/إن, a colon or a quote opens what is said.
"""
from __future__ import annotations

import bisect
from typing import NamedTuple

from ingest.entities import Found
from ingest.lexicon import Lexicon
from ingest.model import Entity, Mention, Relation, Sentence
from ingest.morphology import Morphology, Trigger
from ingest.normalize import Token, is_word

__all__ = ["find_relations"]

_FIRST_ARG_WINDOW = 6  # words between a trigger and its first argument
_NEXT_ARG_WINDOW = 5  # words between two arguments
_SUBJECT_WINDOW = 6  # words between a subject and its trigger
_TOPIC_WORDS = 4  # a sentence's subject stands in its first words
_BARE_OBJECT_GAP = 2  # words between a verb's subject and its bare object (نظيره الروسي)
_QUOTES = set("«»\"“”'‘’()")
_POSSESSIVE = ("ها", "هم", "هما", "اته")  # طائراتها، قواتهم، قواته
_CONJ = ("و", "ف")


class _Arg(NamedTuple):
    found: Found
    prep: str  # the preposition that introduces it ("" when bare)
    coordinated: bool  # joined to the previous argument by و
    gap: int = 0  # words between it and what comes before it (the trigger or an argument)


def find_relations(tokens: list[Token], sentences: tuple[Sentence, ...], sentence_of: list[int],
                   found: tuple[Found, ...], entities: dict[str, Entity], lex: Lexicon,
                   morph: Morphology) -> tuple[Relation, ...]:
    """Every relation the sentences assert, once per (relation, agent, target, sentence)."""
    reader = _Reader(tokens, sentence_of, found, entities, lex, morph)
    out: dict[tuple, Relation] = {}
    for t in reader.triggers:
        s = sentence_of[t]
        a, b = bisect.bisect_left(sentence_of, s), bisect.bisect_right(sentence_of, s)
        for rel in reader.relations_at(t, a, b):
            out.setdefault((rel.predicate, rel.agent, rel.target, rel.sentence), rel)
    return tuple(out.values())


class _Reader:
    def __init__(self, tokens, sentence_of, found, entities, lex: Lexicon, morph: Morphology):
        self.tokens, self.sentence_of, self.lex, self.morph = tokens, sentence_of, lex, morph
        self.entities = entities
        self.keys = keys = [t.key for t in tokens]
        groups = lex.word_groups
        self.tags = [groups[k] if k in groups else _word_groups(k, lex) for k in keys]
        tagged = [(i, g) for i, g in enumerate(self.tags) if g]  # the few tokens in a group
        self.at: dict[int, Found] = {}
        for f in found:
            for k in range(f.first, f.last + 1):
                self.at.setdefault(k, f)
        assets = self._assets([i for i, g in tagged if "assets" in g])
        self.assets = {id(f) for f in assets}  # a trigger noun's asset genitive is its patient
        for f in assets:
            for k in range(f.first, f.last + 1):
                self.at[k] = f
        self.covered = sorted(self.at)  # token indices inside a mention, in order
        self.breaks = [i for i, g in tagged if "clause_breaks" in g or "complementizers" in g]
        self.break_set = set(self.breaks)
        self.conditionals = [i for i, g in tagged if "conditionals" in g]
        self.denials = [i for i, g in tagged if "negating_verbs" in g]
        self.speech_verbs = [i for i, g in tagged if "speech_verbs" in g
                             or "speech_participles" in g]
        self.participles = {i for i, g in tagged if "speech_participles" in g}
        self.introducers = [i for i, g in tagged if "complementizers" in g
                            or "speech_openers" in g]  # what opens reported speech
        self.negators = [i for i, g in tagged if "negators" in g]
        self.unreal = [i for i, g in tagged if "unreal" in g]
        self.exceptives = [i for i, g in tagged if "exceptives" in g]
        self.triggers = self._triggers()
        self.stops = self.break_set | set(self.triggers) | set(self.negators)  # where the
        # words after a trigger end
        self.preps = lex.grammar.get("prepositions", frozenset())
        self.prep_forms = self.preps | {"ل", "ب"}  # with a pronoun: فيها، عليه، له، به
        self.cues = lex.grammar.get("place_cues", frozenset()) | lex.grammar.get(
            "counterpart", frozenset())  # words between a preposition and its noun
        self.marker_words = {m.split(" ", 1)[0] for m in lex.grammar.get("agent_markers", ())}
        self._prep_of: dict[int, str] = {}  # by id(Found)
        self._speaker: dict[tuple[int, int], str | None] = {}

    # --- words ---------------------------------------------------------------------------------

    def key(self, i: int) -> str:
        return self.keys[i]

    def bare(self, i: int) -> str:
        """The token's key without a leading و or ف."""
        return _bare(self.keys[i])

    def is_word(self, i: int, group: str) -> bool:
        """Token i (with or without a proclitic و ف ب ل) is a word of a grammar group."""
        return group in self.tags[i]

    def _assets(self, nouns: list[int]) -> list[Found]:
        """A state's asset named with its nationality adjective, as a mention of the state:
        طائرة حربية روسية، المصالح الأمريكية، مواقع سورية (not inside another mention)."""
        named, out = self.at, []
        for i in nouns:
            if i in named:
                continue
            for j in (i + 1, i + 2):
                if j >= len(self.tokens) or not is_word(self.tokens[j]):
                    break
                state = self.adjective(j)
                name = named.get(j)  # سورية: the state's name written like its adjective
                if name and (name.first, name.last, name.mention.entity) != (j, j, state):
                    break
                if state:
                    out.append(self.country_found(j, state, first=i))
                    break
        return out

    def trigger(self, i: int) -> Trigger | None:
        """The trigger reading of token i, when it is a trigger and not part of a name."""
        return self.triggers.get(i)

    def _triggers(self) -> dict[int, Trigger]:
        trigger, at, tokens = self.morph.trigger, self.at, self.tokens
        return {i: trig for i, key in enumerate(self.keys)
                if (trig := trigger(key)) and i not in at and is_word(tokens[i])}

    def is_prep(self, key: str) -> bool:
        """A preposition, alone or with a pronoun (فيها، عليه، له)."""
        return any(key.startswith(p) and len(key) <= len(p) + 2 for p in self.prep_forms)

    def is_break(self, i: int) -> bool:
        """A clause ends here: punctuation, a relative pronoun, or أن/إن."""
        return i in self.break_set

    # --- one trigger --------------------------------------------------------------------------

    def relations_at(self, t: int, a: int, b: int) -> list[Relation]:
        trig = self.trigger(t)
        if trig is None:
            return []
        predicate, pos, prefix, lemma = trig
        entry = self.lex.triggers.get(predicate, {})
        if (self.negated(t, a, b) or self.hypothetical(t, a) or not self.has_needed(a, b, lemma)
                or "noun" in pos and _any_between(self.unreal, t + 1, min(b, t + 3))):
            return []  # not a fact: لم تقصف، لو هاجمت، هجوم محتمل
        start = self.clause_start(t, a)
        post = self.args_after(t, b, verb="verb" in pos)
        pre = self.subject_before(t, start)
        near = self.nearest_before(t, start) if "noun" in pos else []
        undergoer = near if near and self.verb_is(near, t, "undergo_verbs") else []
        if undergoer or "noun" in pos and pre and self.judged(pre, t):
            pre = []  # the subject undergoes the act (تعرضت دوما لقصف روسي) or judges it
        target_preps = set(entry.get("target_preps", []))
        slots = _slots(post)
        objects = _skip_locative(slots, self.lex.grammar.get("locatives", frozenset()))  # استقبل X في الرياض Y
        agents: list[Found] = []
        targets: list[_Arg] = []
        speaker = None
        genitive_first = "noun" in pos and bool(slots) and not slots[0][0].prep
        accusation = self.accusation_before(t, start) if "noun" in pos and prefix.lstrip(
            "وف").startswith("ب") else None
        passive = self.passive_agent(t, b)
        if passive:  # تعرضت دوما لقصف من قبل قوات النظام، إسقاط الطائرة الروسية من قبل تركيا
            agents = [passive]
            patient = [x for x in post if x.found.last < passive.first][:1]
            whose = "noun" in pos and t + 1 < b and self.tokens[t + 1].text.endswith(_POSSESSIVE)
            targets = patient if patient or whose else [  # إسقاط طائرتها: whose, unsaid
                _Arg(f, "", False) for f in self.nearest_before(t, start)]
        elif accusation:  # اتهم X Y بدعم Z: the content of an accusation, Y supports Z per X
            speaker, agents, targets = accusation[0], accusation[1], slots[0] if slots else []
        elif "noun" in pos and prefix.rstrip("ال").lstrip("وف") in entry.get("reverse_preps", []):
            agents = [x.found for x in slots[0]] if slots else []
            targets = [_Arg(f, "", False) for f in (self.topic(a, t) or pre)]  # who acts with it
        elif "noun" in pos and (national := self.adjective_after(t, b, prefix)):
            agents = [self.country_found(*national)]
            targets = slots[0] if slots else []
        elif "noun" in pos and slots and slots[0][0].prep == "ل" and self.prep_follows(
                slots[0][-1].found, b, target_preps - {"ل"}):  # هجوم لداعش على حديثة: ل owns
            agents = [x.found for x in slots[0]]
            targets = slots[1] if len(slots) > 1 else []
        elif len(objects) >= 2 and not objects[0][0].prep and not (
                "noun" in pos and id(objects[0][0].found) in self.assets) and (
                objects[1][0].prep in target_preps or not objects[1][0].prep
                and objects[1][0].gap <= _BARE_OBJECT_GAP):
            agents, targets = [x.found for x in objects[0]], objects[1]
        elif "noun" in pos and len(pre) >= 2 and self.verb_is(pre, t, "reciprocal_verbs"):
            agents, targets = pre, [_Arg(f, "", True) for f in pre]  # تبادلت روسيا وأوكرانيا الاتهامات
        elif entry.get("symmetric") and slots and len(slots[0]) >= 2 and slots[0][0].prep == "بين":
            agents, targets = [slots[0][0].found], slots[0][1:]  # not who hosts or praises it
        elif pre and slots and not (genitive_first and prefix.lstrip("وف").startswith("ل")):
            agents, targets = pre, slots[0]
        elif "noun" in pos and slots and slots[0][0].prep in target_preps:
            agents, targets = self.topic(a, t), slots[0]  # … تراجع داعش عبر هجمات على X
            if agents and self.judged(agents, t):
                agents = []
        elif predicate == "strikes" and "verb" in pos and slots and not slots[0][0].prep and (
                not slots[0][0].gap or self.is_word(slots[0][0].found.first - 1, "belonging")):
            agents = [x.found for x in slots[0]]  # قصفت الطائرات الروسية في إدلب: the place
        keys = [f.mention.entity for f in agents]
        if not keys and slots and (pronoun := self.resumed_pronoun(t, start)):
            keys = [k for k in (self.speaker(t),) if k and self.agrees(k, pronoun)]
            targets = slots[0]  # أعلنت تركيا أنها قصفت X
        targets = [x for x in targets if not x.prep or x.prep in target_preps
                   or x.prep == "بين"]
        if not targets and entry.get("symmetric") and len(pre) >= 2:  # روسيا وأمريكا تتعاونان
            keys, targets = [pre[0].mention.entity], [_Arg(f, "", True) for f in pre[1:]]
        if undergoer and keys and not targets:
            targets = [_Arg(f, "", False) for f in undergoer]
        if predicate == "strikes" and keys and not targets:
            targets = [x for x in post if x.prep in ("في", "ب") and self.place_like(x.found)][:1]
        return self.build(predicate, keys, targets, t, a, b, speaker)

    def build(self, predicate, agents: list[str], targets, t, a, b, speaker=None) -> list[Relation]:
        if not agents or not targets:
            return []
        out = []
        used = set(agents) | {x.found.mention.entity for x in targets}
        place = self.place(t, a, b, used)
        speaker = speaker or self.speaker(t)
        for agent in agents:
            a = self.actor(agent)
            if a is None:
                continue
            for x in targets:
                target = self.target(x.found.mention.entity, predicate)
                if target is None or target == a:
                    continue
                out.append(Relation(predicate, a, target, self.sentence_of[t],
                                    self.tokens[t].text, place=place,
                                    speaker=speaker if speaker not in (a, None) else None))
        return out

    # --- arguments ----------------------------------------------------------------------------

    def args_after(self, t: int, b: int, verb: bool = False) -> list[_Arg]:
        """The mentions after the trigger, up to the clause's end. After a verb's first
        argument a comma is passed when a mention follows it: دعا شويغو، واشنطن إلى …
        An argument's gap leaves out a prepositional phrase without a mention (اتهمت الخارجية
        في بيان لها الولايات المتحدة: the object follows the subject)."""
        args: list[_Arg] = []
        words, gap, i = 0, 0, t + 1
        limit = _FIRST_ARG_WINDOW
        while i < b:
            if self.tokens[i].text in _QUOTES:
                i += 1
                continue
            if verb and len(args) == 1 and words == 0 and self.tokens[i].text in "،," \
                    and self.mention_starts(i + 1, b):
                i += 1
                continue
            if i in self.stops:  # a clause break, another trigger, a negator
                break
            f = self.at.get(i)
            if f and f.first == i:
                args.append(_Arg(f, self.prep_of(f), self.coordinated(f, args), gap))
                i, words, gap, limit = f.last + 1, 0, 0, _NEXT_ARG_WINDOW
                continue
            in_phrase = self.is_prep(self.keys[i]) or (
                i > t + 1 and self.bare(i - 1) in self.preps and i - 1 not in self.at)
            gap += not in_phrase
            words += 1
            if words > limit:
                break
            i += 1
        return args

    def mention_starts(self, i: int, b: int) -> bool:
        while i < b and self.tokens[i].text in _QUOTES:
            i += 1
        return i < b and i in self.at and self.at[i].first == i

    def subject_before(self, t: int, start: int) -> list[Found]:
        """The nearest bare actor before the trigger in its clause, with those joined to it."""
        i, words = t - 1, 0
        while i >= start and words <= _SUBJECT_WINDOW:
            f = self.at.get(i)
            if f is None and i == t - 1 and i - 1 >= start and i - 1 in self.triggers and (
                    state := self.adjective(i)):  # الضربات الروسية تستهدف …: the state acts
                f = self.country_found(i, state, first=i - 1)
            if f:
                if not self.prep_of(f) and self.actor(f.mention.entity):
                    group = [f]
                    while (prev := self.joined_before(f)) and prev not in group:
                        group.insert(0, prev)
                        f = prev
                    return group
                i = f.first - 1
                words += 1
                continue
            if self.tokens[i].text not in _QUOTES:
                words += 1
            i -= 1
        return []

    def judged(self, subject: list[Found], t: int) -> bool:
        """The subject before a trigger noun belongs to a verb that judges or asks for what the
        noun names, not to one that does it: أدان الاتحاد الأوروبي الهجوم، دعت روسيا إلى وقف
        الهجمات (a trigger verb or a stance verb); شن التحالف غارات and روسيا ستواصل دعم keep
        their agent."""
        return any(i in self.triggers and "verb" in self.triggers[i].pos
                   or "stance_verbs" in self.tags[i] for i in self.verb_of(subject, t))

    def verb_is(self, subject: list[Found], t: int, group: str) -> bool:
        """The subject's verb is a word of a grammar group (تعرضت دوما لقصف: undergo_verbs)."""
        return any(group in self.tags[i] for i in self.verb_of(subject, t))

    def verb_of(self, subject: list[Found], t: int) -> list[int]:
        """Where the verb of a subject before a trigger noun stands: right before it (past the
        place cues: تعرضت مدينة دوما), or between it and the noun."""
        before = subject[0].first - 1
        while before > 0 and self.keys[before] in self.cues:
            before -= 1
        return [i for i in (before, *range(subject[-1].last + 1, t)) if i >= 0]

    def prep_follows(self, f: Found, b: int, preps: set[str]) -> bool:
        """One of these prepositions follows the mention in its clause."""
        return any(self.bare(i) in preps for i in range(f.last + 1, self.clause_end(f.last, b)))

    def passive_agent(self, t: int, b: int) -> Found | None:
        """The actor after a passive agent marker (من قبل) in the words after the trigger (and
        before another trigger, whose agent it would be)."""
        markers = self.lex.grammar.get("agent_markers", frozenset())
        keys, firsts = self.keys, self.marker_words
        for i in range(t + 1, min(b - 1, t + _FIRST_ARG_WINDOW)):
            if i in self.triggers:
                return None
            if keys[i] in firsts and f"{keys[i]} {keys[i + 1]}" in markers:
                f = self.at.get(i + 2)
                return f if f and f.first == i + 2 and self.actor(f.mention.entity) else None
        return None

    def nearest_before(self, t: int, start: int) -> list[Found]:
        """The mention nearest before the trigger in its clause, of any kind."""
        for i in range(t - 1, start - 1, -1):
            if i in self.at:
                return [self.at[i]]
        return []

    def accusation_before(self, t: int, start: int) -> tuple[str, list[Found]] | None:
        """(accuser, accused) when the trigger noun carries ب right after an accusation's
        object in its clause: اتهم بوتين تركيا بدعم داعش."""
        f = self.at.get(t - 1)
        if f is None or f.last != t - 1:
            return None
        for i in range(f.first - 1, start - 1, -1):
            trig = self.trigger(i)
            if trig and trig.relation == "accuses":
                post = self.args_after(i, t)
                slots = _slots(post)
                if len(slots) >= 2 and f in [x.found for x in slots[1]]:
                    accuser = self.actor(slots[0][0].found.mention.entity)
                    return (accuser, [x.found for x in slots[1]]) if accuser else None
                pre = self.subject_before(i, start)
                if pre and slots and f in [x.found for x in slots[0]]:
                    accuser = self.actor(pre[-1].mention.entity)
                    return (accuser, [x.found for x in slots[0]]) if accuser else None
                return None
        return None

    def resumed_pronoun(self, t: int, start: int) -> str:
        """The written form that makes the clause's subject a pronoun for the speaker:
        أعلنت تركيا أنها قصفت …، قالت الوزارة إن طائراتها استهدفت … ("" when none)."""
        if start > 0 and self.is_word(start - 1, "resumptive"):
            return self.tokens[start - 1].text
        first = start
        while first < t and self.tokens[first].text in _QUOTES:
            first += 1
        if first < t and first not in self.at and t - first <= 2 and \
                self.tokens[first].text.endswith(_POSSESSIVE):
            return self.tokens[first].text
        return ""

    def agrees(self, key: str, pronoun: str) -> bool:
        """A feminine pronoun (ها) takes up a state or a body, not a person: اعتبر لافروف أنها …"""
        e = self.entity(key)
        return not (pronoun.endswith("ها") and e is not None and e.type == "Person")

    def topic(self, a: int, t: int) -> list[Found]:
        """The sentence's subject (``subject_of``) when no أن/إن stands between it and the
        trigger (then it is a speaker, not the actor)."""
        complementizers = self.lex.grammar.get("complementizers", frozenset())
        f = self.subject_of(a, t)
        if f is None or any(self.bare(k) in complementizers for k in range(f.last + 1, t)):
            return []
        return [f]

    def subject_of(self, a: int, t: int) -> Found | None:
        """The first bare actor of the sentence starting at a, when it stands in its first
        words (before t)."""
        words = 0
        for i in range(a, t):
            f = self.at.get(i)
            if f and not self.prep_of(f) and self.actor(f.mention.entity):
                return f
            words += is_word(self.tokens[i])
            if words >= _TOPIC_WORDS:
                break
        return None

    def prep_of(self, f: Found) -> str:
        """The preposition before a mention: a proclitic (ب ل ك) or a word (على، في…)."""
        prep = self._prep_of.get(id(f))
        if prep is None:
            prep = self._prep_of[id(f)] = self._find_prep(f)
        return prep

    def _find_prep(self, f: Found) -> str:
        clitic = f.prefix.lstrip("وف").replace("لل", "ل").removesuffix("ال")
        if clitic == "ل" and f.first > 0 and self.is_word(f.first - 1, "belonging"):
            return ""  # طائرات تابعة للحوثيين: the owner acts
        if clitic in ("ب", "ل", "ك"):
            return clitic
        i, cues = f.first - 1, self.cues
        while i >= 0 and (self.tokens[i].text in _QUOTES or self.key(i) in cues
                          or (self.adjective(i) and i - 1 >= 0 and self.key(i - 1) in cues)):
            i -= 1
        if i >= 0 and self.bare(i) in self.preps:
            if self.bare(i) == "من" and i > 0 and (self.is_word(i - 1, "members")
                                                  or self.is_word(i - 1, "each_of")):
                return ""  # مسلحون من تنظيم داعش: the group acts; كل من روسيا وسوريا: both do
            return self.bare(i)
        return ""

    def joined_before(self, f: Found) -> Found | None:
        """The mention joined to f by و before it: X وY، X و Y، X ونظيره الروسي Y."""
        i = f.first - 1
        if f.prefix.startswith("و"):
            return self.at.get(i)
        counterpart = self.lex.grammar.get("counterpart", frozenset())
        if i > 0 and self.adjective(i):
            i -= 1
        if i >= 0 and (self.key(i) == "و" or self.key(i)[:1] == "و" and self.key(i)[1:] in counterpart):
            return self.at.get(i - 1)
        return None

    def coordinated(self, f: Found, args: list[_Arg]) -> bool:
        if not args:
            return False
        gap = [k for k in range(args[-1].found.last + 1, f.first)
               if self.tokens[k].text not in _QUOTES]
        joined = f.prefix.startswith("و") or [self.key(k) for k in gap] in (["و"], ["،", "و"])
        return joined and len(gap) <= 2

    def clause_start(self, t: int, a: int) -> int:
        """The first token of the trigger's clause (a: its sentence's first token)."""
        k = bisect.bisect_left(self.breaks, t)
        return max(self.breaks[k - 1] + 1, a) if k else a

    def clause_end(self, t: int, b: int) -> int:
        """The token after the trigger's clause (b: its sentence's end)."""
        k = bisect.bisect_right(self.breaks, t)
        return min(self.breaks[k], b) if k < len(self.breaks) else b

    # --- modality -----------------------------------------------------------------------------

    def negated(self, t: int, a: int, b: int) -> bool:
        near = _any_between(self.negators, max(a, t - 2), t)
        if not near:  # نفى … أن تكون … قد قصفت: a denial governs the clauses after it
            near = _any_between(self.denials, a, t)
        if near and _any_between(self.exceptives, t + 1, min(b, t + 3)):
            return False
        return near

    def has_needed(self, a: int, b: int, lemma: str) -> bool:
        """A verb that is a trigger only with a certain word in its sentence has it: حمّل X Y
        المسؤولية blames, حمل X Y carries; الأسلحة التي أرسلها X إلى Y is support."""
        needed = self.lex.needs.get(lemma)
        return not needed or any(self.keys[i].removeprefix("ال") in needed for i in range(a, b))

    def hypothetical(self, t: int, a: int) -> bool:
        return _any_between(self.conditionals, a, t)

    def speaker(self, t: int) -> str | None:
        """Who is reported saying what the trigger is in: the subject of the last speech verb
        before it in its sentence, when أن/إن, a colon or a quote opens what is said between
        them (قال X إن …، X أكد أن …، قال X: «…»; not حذرت X من الهجوم); a speech verb with no
        subject of its own (وأضاف أن …) continues the last speaker named in the two sentences
        before."""
        s, k = self.sentence_of[t], bisect.bisect_left(self.speech_verbs, t)
        if not k or not _any_between(self.introducers, self.speech_verbs[k - 1] + 1, t):
            return None
        if (s, k) not in self._speaker:  # the same for every trigger after the same verb
            self._speaker[s, k] = self._find_speaker(s, k)
        return self._speaker[s, k]

    def _find_speaker(self, s: int, k: int) -> str | None:
        verbs = [i for i in reversed(self.speech_verbs[:k]) if self.sentence_of[i] >= s - 2]
        if not verbs or self.sentence_of[verbs[0]] != s:
            return None
        if verbs[0] in self.participles:  # …، مؤكدا أن: the subject of the sentence
            subject = self.subject_of(bisect.bisect_left(self.sentence_of, s), verbs[0])
            return self.actor(subject.mention.entity) if subject else None
        for i in verbs:
            after, before = self.at.get(i + 1), self.at.get(i - 1)
            if after and after.first == i + 1:
                return self.actor(after.mention.entity)
            if before and before.last == i - 1 and not self.prep_of(before):
                return self.actor(before.mention.entity)
            nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
            if nxt and is_word(nxt) and not self.is_break(i + 1) and not self.is_prep(nxt.key):
                return None  # a subject the lexicon does not know (قال مصدر …)
        return None

    # --- entities -----------------------------------------------------------------------------

    def adjective(self, i: int) -> str | None:
        k = self.key(i)
        return self.lex.adjectives.get(k.removeprefix("ال"))

    def adjective_after(self, t: int, b: int, prefix: str) -> tuple[int, str] | None:
        """(index, state) of a nationality adjective describing the trigger noun, right after
        it (العدوان الروسي) or after another adjective, all three alike definite or not (غارة
        جوية روسية; in محادثات السلام السورية the definite noun makes a genitive, not an
        adjective, and السورية describes the talks' topic)."""
        definite = prefix.endswith(("ال", "لل"))
        for i in (t + 1, t + 2):
            if i >= b or i in self.at or i in self.stops or not is_word(self.tokens[i]):
                return None
            if i == t + 2 and any(self.keys[k].startswith("ال") != definite for k in (t + 1, i)):
                return None
            state = self.adjective(i)
            if state:
                return i, state
        return None

    def country_found(self, i: int, key: str, first: int | None = None) -> Found:
        """The state a nationality adjective names, as a mention (العدوان الروسي); from token
        ``first`` when the adjective describes what precedes it (طائرة حربية روسية)."""
        first = i if first is None else first
        words = self.tokens[first:i + 1]
        return Found(Mention(key, words[0].start, words[-1].end, self.sentence_of[i],
                             " ".join(t.text for t in words)), first, i, "")

    def entity(self, key: str) -> Entity | None:
        return self.entities.get(key) or self.lex.entities.get(key)

    def actor(self, key: str) -> str | None:
        """The acting entity: a capital acts for its state; other places do not act."""
        if key in self.lex.capitals:
            return self.lex.capitals[key]
        e = self.entity(key)
        return key if e and e.type != "Place" else None

    def target(self, key: str, predicate: str) -> str | None:
        """A strike hits a place as well as an actor (a capital struck is the city)."""
        e = self.entity(key)
        if predicate == "strikes" and e and e.type == "Place":
            return key
        return self.actor(key)

    def place_like(self, f: Found) -> bool:
        e = self.entity(f.mention.entity)
        return bool(e and e.type in ("Place", "Country"))

    def place(self, t: int, a: int, b: int, used: set[str]) -> str | None:
        """Where: the place nearest the trigger in its clause, after a preposition or a
        location word (في مدينة الرقة، إلى أطراف البوكمال)."""
        start, end = self.clause_start(t, a), self.clause_end(t, b)
        covered = self.covered
        inside = covered[bisect.bisect_left(covered, start):bisect.bisect_left(covered, end)]
        candidates = {id(f): f for f in map(self.at.__getitem__, inside)}.values()
        for f in sorted(candidates, key=lambda f: (abs(f.first - t), f.first)):
            e = self.entity(f.mention.entity)
            if (e and e.type == "Place" and e.key not in used
                    and (self.prep_of(f) in self.lex.grammar.get("locatives", ())
                         or self.cue_before(f))):
                return e.key
        return None

    def cue_before(self, f: Found) -> bool:
        return f.first > 0 and self.key(f.first - 1) in self.lex.grammar.get("place_cues", ())


def _any_between(positions: list[int], a: int, t: int) -> bool:
    """Whether a sorted list of token indices has one in [a, t)."""
    return bisect.bisect_left(positions, a) < bisect.bisect_left(positions, t)


def _bare(key: str) -> str:
    return key[1:] if len(key) > 3 and key[0] in _CONJ else key


def _word_groups(key: str, lex: Lexicon) -> frozenset[str]:
    """The grammar groups a token belongs to, with or without a proclitic (memoized)."""
    groups = lex.word_groups.get(key)
    if groups is None:
        if len(lex.word_groups) >= 500_000:  # bounded like the other per-token memos
            lex.word_groups.clear()
        forms = {key, _bare(key)} | ({key[1:]} if len(key) > 3 and key[0] in "وفبل" else set())
        groups = lex.word_groups[key] = frozenset(
            name for name, words in lex.grammar.items() if forms & words)
    return groups


def _skip_locative(slots: list[list[_Arg]], locatives: frozenset[str]) -> list[list[_Arg]]:
    """The slots without a place that stands right between the subject and the object."""
    if len(slots) >= 3 and slots[1][0].prep in locatives and slots[2][0].gap == 0:
        return [slots[0]] + slots[2:]
    return slots


def _slots(args: list[_Arg]) -> list[list[_Arg]]:
    """Arguments grouped by coordination: [[agent, and-agent], [target, and-target], …]."""
    slots: list[list[_Arg]] = []
    for x in args:
        if x.coordinated and slots:
            slots[-1].append(x)
        else:
            slots.append([x])
    return slots
