"""The structure of a sentence: its units (noun phrases, verbs, particles), clauses, and each
verb's subject and object. Structure only: ``relations.py`` reads meaning from it.

A noun phrase is a run of words (and entity mentions) that no particle, verb, punctuation or
proclitic breaks, cut where a new phrase must start: after a name another name (اتهمت تركيا
روسيا), an indefinite word after a definite one (قصفت الطائرات الإسرائيلية موقعا), a number.
A preposition before a phrase, written apart (على، من قبل) or as a proclitic (بـ لـ كـ), is
its ``prep``; a phrase under و is ``conj`` (joined to the one before). A verb's subject is the
bare phrase right before it (SVO) or the first after it (VSO), its object the next bare phrase;
a relative clause (الذي، التي, or a verb with an object pronoun right after an indefinite
phrase) takes its antecedent as subject or, when its verb carries the pronoun, as object. A
clause in brackets (…) is an aside and gets no unit.

>>> from ingest.pipeline import resources, analyze
>>> from ingest.model import Article
>>> doc = analyze(Article("x", "شنت طائرات التحالف غارات على مواقع الحوثيين."))
>>> print(describe(parse_sentence(doc_tokens(doc), 0, len(doc_tokens(doc)), {}, *resources())))
verb شنت | np طائرات التحالف | np غارات | np[علي] مواقع الحوثيين | break .
شنت: subject طائرات التحالف, object غارات
"""
from __future__ import annotations

from typing import Final

from ingest.entities import Found
from ingest.lexicon import Lexicon
from ingest.morphology import Morphology, Verb
from ingest.normalize import Token, ends_in_ta_marbuta, indefinite_accusative, is_word, tokenize

__all__ = ["Parse", "Unit", "VerbArgs", "describe", "doc_tokens", "parse_sentence", "plural_subject"]

_QUOTES: Final = frozenset("«»\"“”'‘’()[]{}")
_CLOSING: Final = frozenset("»”’")
_CLITIC_PREPS: Final = ("ب", "ل", "ك")
_NO_VERB: Final = Verb("", "", "")
_TARGETING: Final = ("علي", "ضد")  # the prepositions of whom an act is aimed at


class Unit:
    """A noun phrase, a verb or a particle, over tokens ``first..last`` (inclusive).

    kind: np | verb | comp (أن، إن) | rel (الذي) | sub (حيث، كما) | neg (لم، لا) | exc (إلا)
    | aux (قد، سوف) | pron (هو)
    | ppron (a preposition with a pronoun: لها، عليه) | break (punctuation that ends a clause)
    | time (أمس، صباح الاثنين).

    A plain class, not a NamedTuple: compiled, it is made without a Python-level call."""

    def __init__(self, kind: str, first: int, last: int, prep: str, conj: bool, head: int):
        self.kind = kind
        self.first = first
        self.last = last
        self.prep = prep  # np: the preposition that introduces it ("" when bare)
        self.conj = conj  # joined to what precedes by و (or ف، أو، ثم)
        self.head = head  # np: its head word (after any number or quantifier); else first


class VerbArgs:
    """A verb's arguments, as unit indices (-1: none found in the sentence)."""

    def __init__(self, subject: int, object: int, subject_before: bool, antecedent: int,
                 antecedent_is_object: bool, passive: bool):
        self.subject = subject
        self.object = object
        self.subject_before = subject_before  # SVO
        self.antecedent = antecedent  # a relative clause's antecedent (-1: not in one)
        self.antecedent_is_object = antecedent_is_object  # the verb's object pronoun takes
        # the antecedent up
        self.passive = passive  # قتل 57 مدنيا: the phrase after the verb undergoes it


class Parse:
    """One sentence's units, with lookups by token, clause and verb."""

    def __init__(self, units: list[Unit], tokens: list[Token], verbs: _Verbs, lex: Lexicon,
                 mentions: dict[int, Found]):
        self.units = units
        gram = _grammar(lex)
        self.resumptive = gram.resumptive
        self.victim_lemmas = gram.victim_lemmas
        self.temporal = gram.temporal
        self.sources = gram.sources
        self.locatives = gram.locatives
        self.person_nouns = gram.person_nouns
        self.copulas = gram.copulas
        self.loyal = gram.loyal
        self.belonging = gram.belonging
        self.positional = gram.positional
        self.launch_verbs = gram.launch_verbs
        self.holding_verbs = gram.holding_verbs
        self.time_heads = gram.time_heads
        self.modal_lemmas = gram.modal_lemmas
        self.accusatives = gram.accusatives
        self.attackers = gram.attackers
        self.mentions = mentions
        self.title_words = lex.title_words
        self.entities = lex.entities
        self.appositives = gram.appositives
        self.tokens = tokens
        self.verb_of = verbs  # token index → its verb reading
        self.base = units[0].first if units else 0  # unit_of's first token
        self.unit_at: list[int] = [-1] * (units[-1].last + 1 - self.base if units else 0)
        for u, unit in enumerate(units):
            for k in range(unit.first - self.base, unit.last + 1 - self.base):
                self.unit_at[k] = u
        self.clause: list[int] = []
        c = 0
        for u, unit in enumerate(units):
            listing = (unit.kind == "break" and tokens[unit.first].text in "،,"
                       and u + 1 < len(units) and units[u + 1].kind == "np" and (
                           units[u + 1].conj or self._positional_aside(u)
                           or self._time_set_apart(u, c)))
            if unit.kind in ("break", "comp", "rel", "sub") and not listing or (
                    unit.kind == "verb" and unit.conj and u and units[u - 1].kind != "neg"):
                c += 1
            self.clause.append(c)
        self.args: dict[int, VerbArgs] = {}
        for u, unit in enumerate(units):
            if unit.kind == "verb":
                self.args[u] = self._verb_args(u)

    # --- lookups --------------------------------------------------------------------------------

    def unit_of(self, k: int, default: int = -1) -> int:
        """The unit that token k is in, else ``default`` (a list from the first unit's token,
        not a dict: no boxed int a token)."""
        j = k - self.base
        found = self.unit_at[j] if 0 <= j < len(self.unit_at) else -1
        return found if found >= 0 else default

    def bare_np(self, u: int) -> bool:
        return 0 <= u < len(self.units) and self.units[u].kind == "np" and not self.units[u].prep

    def same_clause(self, u: int, v: int) -> bool:
        return self.clause[u] == self.clause[v]

    def group(self, u: int) -> list[int]:
        """The phrase and those coordinated after it (X وY وZ), as unit indices."""
        out = [u]
        k = u + 1
        while k < len(self.units):
            unit = self.units[k]
            if unit.kind == "np" and unit.conj:
                out.append(k)
            elif out[-1] == k - 1 and self._owner_between(k):
                pass  # موقعا للجيش وسيارة للشرطة: each item with its own ل phrase
            elif not ((unit.kind == "ppron" or unit.kind == "break" and
                       self.tokens[unit.first].text in "،,")
                      and k + 1 < len(self.units) and self.units[k + 1].kind == "np"
                      and self.units[k + 1].conj):  # X، وY; X والقرى المجاورة لها وY
                break
            k += 1
        return out

    def _owner_between(self, k: int) -> bool:
        """Unit k is the ل phrase of the indefinite item before it, and an indefinite item
        with a ل phrase of its own follows, joined by و (مقرا للحزب ومخزنا للحركة)."""
        units = self.units
        return k + 2 < len(units) and units[k].kind == "np" and units[k].prep == "ل" and all(
            units[j].kind == "np" and not self.tokens[units[j].head].key.lstrip("و").startswith("ال")
            for j in (k - 1, k + 1)) and units[k + 1].conj and not units[k + 1].prep and \
            units[k + 2].kind == "np" and units[k + 2].prep == "ل" and not units[k + 2].conj

    def pps_after(self, u: int, stop_at_verb: bool = True) -> list[int]:
        """The prepositional phrases after unit u in its clause (up to the next verb, or a
        phrase of time that opens another event: بعد فرارهم من …), with the phrases
        coordinated to each (which share its preposition)."""
        out: list[int] = []
        k = u + 1
        while k < len(self.units) and self.same_clause(u, k):
            unit = self.units[k]
            if unit.prep in self.temporal and self._time_only(k):
                k += 1  # سيطر الحوثيون منذ تموز 2014 على صنعاء: a time, no other event
                continue
            if unit.kind == "verb" and stop_at_verb and self._loyal_aside(k):
                k += 2  # استولى الحوثيون بدعم من وحدات ظلت موالية لصالح على صنعاء: an aside
                continue
            if unit.kind == "verb" and stop_at_verb or unit.prep in self.temporal:
                break
            if unit.kind == "np" and (unit.prep or (unit.conj and out)):
                out.append(k)
            k += 1
        return out

    def _loyal_aside(self, v: int) -> bool:
        """Verb v is a copula that says whom the phrase before it is loyal to (وحدات من الجيش
        ظلت موالية لصالح): a description, no clause of its own for what follows."""
        units = self.units
        return 0 < v < len(units) - 2 and self._copula(v) and units[v - 1].kind == "np" and \
            units[v + 1].kind == "np" and not units[v + 1].prep and \
            self.tokens[units[v + 1].first].key in self.loyal and units[v + 2].prep == "ل"

    def pps_past_comma(self, u: int) -> list[int]:
        """The prepositional phrases after the commas that end unit u's clause, while what
        each comma opens starts with a bare phrase, a time or a place, and has no و, verb,
        particle or source of its own: the clause goes on (استعادت القوات، الاثنين، السيطرة
        على مبنى بمنطقة التواهي في عدن), not a phrase under another preposition (…، إلى خطة
        قطع الدعم عن الجماعات في سوريا)."""
        units, n = self.units, len(self.units)
        k = u + 1
        while k < n and self.same_clause(u, k):
            if units[k].kind == "verb" or units[k].prep in self.temporal:
                return []
            k += 1
        out: list[int] = []
        while k < n and units[k].kind == "break" and self.tokens[units[k].first].text in "،,":
            j = k + 1
            while j < n and units[j].kind != "break":
                j += 1
            stretch = range(k + 1, j)
            opens = units[k + 1] if stretch else None
            if opens is None or opens.conj or opens.kind == "np" and opens.prep and \
                    opens.prep not in self.locatives or any(
                    units[i].kind not in ("np", "time", "ppron") or units[i].prep in self.temporal
                    or units[i].prep in self.sources
                    or self.tokens[units[i].first].key in self.sources for i in stretch):
                break
            out += [i for i in stretch if units[i].kind == "np" and units[i].prep]
            k = j
        return out

    def _time_only(self, u: int) -> bool:
        """Phrase u says only when: time words, month names, numbers (منذ تموز 2014، بعد
        منتصف الليل)."""
        unit = self.units[u]
        return all(k not in self.mentions and (
            self.tokens[k].key.removeprefix("ال") in self.time_heads or
            self.tokens[k].key in self.time_heads or self.tokens[k].text.isdigit() or
            not is_word(self.tokens[k])) for k in range(unit.first, unit.last + 1))

    def prep_of(self, u: int) -> str:
        """The preposition of a phrase, or of the first phrase of its coordination."""
        while u > 0 and self.units[u].conj and self.units[u].kind == "np" and not self.units[u].prep:
            u -= 1
            while u > 0 and self.units[u].kind == "break":
                u -= 1
        return self.units[u].prep if self.units[u].kind == "np" else ""

    # --- verbs --------------------------------------------------------------------------------

    def _verb_args(self, v: int) -> VerbArgs:
        units, verb = self.units, (self.verb_of.get(self.units[v].first) or _NO_VERB)
        subject, obj, before, antecedent, ante_obj = -1, -1, False, -1, False
        pronoun_object = _has_object_pronoun(verb)
        after = self._bare_after(v)
        rel = self._relative_of(v, after)
        if rel >= 0:  # الهجوم الذي نفذه داعش، التحالف الذي تقوده السعودية، غارات شنها التحالف
            resumed = v + 1 < len(units) and units[v + 1].kind == "ppron"  # أدلى بها المالكي
            antecedent, ante_obj = rel, (pronoun_object or resumed) and bool(after)
            if ante_obj:
                subject = after[0]
            else:
                subject, obj = rel, after[0] if after else -1
            return VerbArgs(subject, obj, False, antecedent, ante_obj, False)
        if self.describes(v) and after and verb.lemma in self.holding_verbs:
            # مناطق يسيطر عليها داعش: the subject after it (not بيانا يهاجم فيه داعش)
            return VerbArgs(after[0], after[1] if len(after) > 1 else -1, False, -1, False, False)
        prev = v - 1
        copula = False
        while prev >= 0 and (units[prev].kind in ("time", "neg", "aux") or
                             units[prev].kind == "verb" and prev == v - 1 and self._copula(prev)):
            copula = copula or units[prev].kind == "verb"
            prev -= 1
        if prev >= 0 and units[prev].kind == "comp" and (
                self.tokens[units[prev].first].key in self.resumptive or
                prev > 0 and units[prev - 1].kind == "verb" and self._modal(prev - 1) or
                prev > 1 and units[prev - 1].kind == "ppron" and units[prev - 2].kind == "verb"):
            # أعلنت أنها قصفت …، استطاع الجيش أن يقوم بتفجير …، أتاح لها أن تستعيد …: the
            # subject is carried
            return VerbArgs(-1, after[0] if after else -1, False, -1, False, False)
        prev = self._before_modifiers(prev)
        topic = self._topic(v)
        carried = self._copula_subject(v)
        if prev >= 0 and units[prev].kind == "break" and not units[v].conj:
            prev = self._before_apposition(prev)  # طائرات حربية، تابعة للحكومة، قصفت …
        if prev >= 0 and self.bare_np(prev) and (self.same_clause(prev, v) or copula or
                                                 units[v - 1].kind == "break") and \
                not units[v].conj and not self._listed_in_phrase(prev):
            subject, before = self._group_start(prev), True
            obj = after[0] if after else -1
            if pronoun_object and not plural_subject(verb) and prev == v - 1 and after and \
                    after[0] == v + 1 and units[after[0]].first in self.mentions:
                return VerbArgs(after[0], subject, False, -1, False, False)  # المقاومة
                # يساندها طيران التحالف: the name after the pronoun is the subject (VSO)
            if self.victim_verb(v) and (self._is_count(subject) or self._person(subject)):
                return VerbArgs(-1, subject, True, -1, False, True)  # 390 مقاتلا قتلوا
        elif carried >= 0:  # وكانت قوات الدفاع الجناح العسكري للحزب دانت …: كان's subject
            subject, before = carried, True
            obj = after[0] if after else -1
        elif topic >= 0:  # أن القوات العاملة في سوريا لا تستهدف …: the phrase after أن
            subject, before = topic, True
            obj = after[0] if after else -1
            if self.victim_verb(v) and (self._is_count(subject) or self._person(subject)):
                return VerbArgs(-1, subject, True, -1, False, True)  # أن 19 من عناصره قتلوا
        elif after and units[v].conj and any(units[k].kind == "verb" for k in range(v)) and (
                self._is_count(after[0]) or not self._definite(after[0])):
            obj = after[0]  # نفذت موسكو 4 آلاف طلعة ودمرت 8 آلاف هدف: the subject goes on
        elif len(after) == 1 and self._continues(v) and self._named(after[0]):
            obj = after[0]  # زار لافروف دمشق، والتقى الأسد؛ …، كما اتهم روسيا: the same subject
        elif plural_subject(verb):  # قتلوا الإعلامي: they killed him
            if v > 0 and units[v - 1].kind == "np" and not self._definite(v - 1) and \
                    not units[v].conj:
                subject = v - 1  # دعم إيران لمسلحين يقاتلون حلفاءها: the phrase it describes
            obj = after[0] if after else -1
        elif after and verb.lemma in self.launch_verbs and self._event(after[0]):
            obj = after[0]  # حيث شنت 12 غارة على …: the raids, launched by a dropped subject
        elif after:
            subject = after[0]
            obj = after[1] if len(after) > 1 else -1
        passive = bool(after) and subject == after[0] and self.victim_verb(v) and (
            self._is_count(after[0]) or self._person(after[0])) and not self._kills(after)
        if passive:
            subject, obj = -1, after[0]
        return VerbArgs(subject, obj, before, antecedent, ante_obj, passive)

    def _before_modifiers(self, k: int) -> int:
        """The phrase that opens its sentence or comma clause before the prepositional
        phrases k ends (المسلحون الموالون للحكومة في الريف يهاجمون: the gunmen attack), else k."""
        h = k
        while h > 0 and self.units[h].kind == "np" and self.units[h].prep and \
                not self.units[h].conj:
            h -= 1
        if h == k or not self.bare_np(h) or self.units[h].conj or \
                h > 0 and self.units[h - 1].kind != "break":
            return k
        return h

    def describes(self, v: int) -> bool:
        """Verb v opens a clause that describes the indefinite phrase right before it (or
        before its place), with a pronoun after a preposition taking the phrase up (مناطق في
        لحج تتمركز فيها المليشيات): its subject follows, and is no one the sentence goes on
        about."""
        k = v - 1
        if k > 0 and self.units[k].prep == "في" and self.units[k - 1].kind == "np":
            k -= 1
        return 0 <= k and v < len(self.units) - 1 and self.units[k].kind == "np" and \
            not self._definite(k) and not self.units[v].conj and self.units[v + 1].kind == "ppron"

    def _continues(self, v: int) -> bool:
        """Verb v goes on from a verb before it in the sentence (و or كما before it) whose
        subject is named: one named phrase after it is its object, not a new subject."""
        if not (self.units[v].conj or v > 0 and self.units[v - 1].kind == "sub" and
                self.tokens[self.units[v - 1].first].key.lstrip("و") == "كما"):
            return False
        for k in range(v - 1, -1, -1):
            if self.units[k].kind == "verb":
                args = self.args.get(k) or self._verb_args(k)
                return args.subject >= 0 and not args.passive and self._named(args.subject)
        return False

    def _named(self, u: int) -> bool:
        unit = self.units[u]
        return any(k in self.mentions for k in range(unit.first, unit.last + 1))

    def _before_apposition(self, k: int) -> int:
        """The phrase before a phrase set apart by commas right before a verb (X، بدعم من Y،
        نجحت): the unit before the first comma, when only noun phrases stand between."""
        if self.tokens[self.units[k].first].text not in "،,":
            return -1
        j = k - 1
        while j >= 0 and self.units[j].kind in ("np", "time") and j > k - 6:
            if self.units[j].conj:
                return -1  # …، وبعد مقتل جنديين، شنت الحكومة: a new clause, no aside
            j -= 1
        if j < 0 or j == k - 1 or self.units[j].kind != "break" or \
                self.tokens[self.units[j].first].text not in "،,":
            return -1
        return j - 1 if j >= 1 and self.bare_np(j - 1) else -1

    def _copula_subject(self, v: int) -> int:
        """The subject right after a copula that noun phrases alone separate from verb v (كان
        X، الجناح العسكري لـY، دان …: X had condemned), else -1."""
        k = v - 1
        while k >= 0 and v - k <= 5 and self.units[k].kind in ("np", "time"):
            k -= 1
        if k < 0 or k + 1 >= v - 1 or self.units[v].conj or self.units[k].kind != "verb" or \
                not self._copula(k) or not self.bare_np(k + 1) or not self._named(k + 1):
            return -1
        copula = self.verb_of.get(self.units[k].first) or _NO_VERB
        return k + 1 if not copula.prefix.lstrip("وف") else -1  # كان, not يعود لـ

    def _copula(self, v: int) -> bool:
        verb = self.verb_of.get(self.units[v].first)
        return verb is not None and verb.lemma in self.copulas

    def _modal(self, v: int) -> bool:
        """A verb whose subject does what the أن clause after it says (استطاع، قرر، حاول)."""
        verb = self.verb_of.get(self.units[v].first)
        return verb is not None and bool(self.modal_lemmas & {verb.lemma})

    def _topic(self, v: int) -> int:
        """The bare phrase right after أن/إن that opens the clause of the first verb after it."""
        k = v - 1
        while k >= 0 and self.units[k].kind != "comp":
            if self.units[k].kind in ("verb", "break", "rel", "sub"):
                return -1
            k -= 1
        return k + 1 if k >= 0 and self.bare_np(k + 1) else -1

    def _definite(self, u: int) -> bool:
        """A definite phrase: a word of it has the article or a possessive, or is a name
        (بلدة سراقب، جانبها)."""
        unit = self.units[u]
        return any(self.tokens[k].text.lstrip("وفبلك").startswith("ال") or k in self.mentions
                   or self.tokens[k].text.endswith(("ها", "هم", "هما"))
                   for k in range(unit.first, unit.last + 1))

    def _person(self, u: int) -> bool:
        """A phrase headed by a noun of people (جندي تركي، مدنيين)."""
        return self.tokens[self.units[u].head].key in self.person_nouns

    def _kills(self, after: list[int]) -> bool:
        """The phrases after a verb of killing are who killed and, right after, whom: attackers
        (قتل مسلحون جنديا) or a phrase before an accusative (قتل جندي مدنيا: active), not its
        victims (قتل مسلحون، قتل 20 شخصا غالبيتهم، قتل جنديان أمس)."""
        if len(after) < 2 or after[1] != after[0] + 1:
            return False
        first, second = self.units[after[0]], self.units[after[1]]
        return self.tokens[first.head].key.removeprefix("ال") in self.attackers or \
            not self._is_count(after[0]) and \
            not indefinite_accusative(self.tokens[first.head].key) and \
            second.first not in self.mentions and (
                indefinite_accusative(key := self.tokens[second.first].key) or key in self.accusatives)

    def victim_verb(self, v: int) -> bool:
        verb = self.verb_of.get(self.units[v].first)
        return verb is not None and verb.lemma in self.victim_lemmas

    def _bare_after(self, v: int) -> list[int]:
        """The bare phrases after verb v in its clause, first of each coordination, up to the
        next verb (a comma after the first is passed: دعا شويغو، واشنطن إلى …)."""
        out: list[int] = []
        k = v + 1
        while k < len(self.units):
            unit = self.units[k]
            if unit.kind == "rel" and len(out) == 1:  # شنت طائرات التحالف الذي تقوده السعودية، غارات
                k = self._after_relative(k)
                continue
            if unit.kind in ("verb", "comp", "rel", "sub") or unit.prep in self.temporal and \
                    not self._time_only(k):
                break  # سيطر المسلحون على قرى منذ انسحاب الجيش | قواته: a clause of its own
            if unit.kind == "break":
                aside = self._aside_end(k) if len(out) == 1 else -1
                if aside >= 0:  # انتقد أردوغان، في مؤتمر صحفي، واشنطن: past what is set apart
                    k = aside
                    continue
                adverb = self._adverb_end(k) if len(out) == 1 else -1
                if adverb >= 0:  # استنكر الوزير، بشدة تصريحات …: past the adverb
                    k = adverb
                    continue
                if not (len(out) == 1 and self.tokens[unit.first].text in "،," and
                        k + 1 < len(self.units) and self.bare_np(k + 1)):
                    break
            elif unit.kind == "np" and not unit.prep and not unit.conj and \
                    self.tokens[unit.first - 1].text != "(":  # تعز (جنوب اليمن): an aside
                if len(out) == 1 and k == out[0] + 1 and self._same_entity(out[0], k):
                    k += 1  # وصف فلان مستشار الرئيس، حديث …: the title is the subject's
                    continue
                if len(out) == 1 and k == out[0] + 1 and \
                        self.tokens[unit.first].key.startswith("باسم"):
                    name = self._named_spokesman(out[0])  # قال الناطق باسم الجيش، فلان، إن
                    out[0], k = (name, name + 1) if name >= 0 else (out[0], k + 1)
                    continue  # …: whose spokesman, and the man named beside him, is the subject
                if self.units[k - 1].prep and self.tokens[unit.first].key in self.appositives:
                    k += 1  # على مدينة الرمادي مركز المحافظة: the place described, no argument
                    continue
                out.append(k)
            k += 1
        return out

    def _named_spokesman(self, u: int) -> int:
        """The phrase after the باسم phrase after phrase u that is one person's name set off by
        commas or quotes (الناطق باسم الوزارة، فلان الفلاني، | الناطق باسم الوزارة «فلان»), else
        -1."""
        units, k = self.units, u + 1
        if not self.bare_np(u) or not self.bare_np(k) or \
                not self.tokens[units[k].first].key.startswith("باسم"):
            return -1
        j = k + 1
        quoted = self.tokens[units[k].last].text in _QUOTES
        if j < len(units) and units[j].kind == "break" and self.tokens[units[j].first].text in "،,":
            j += 1
        elif not quoted:
            return -1
        if not self.bare_np(j) or units[j].conj or units[j].first not in self.mentions:
            return -1
        found = self.mentions[units[j].first]
        known = self.entities.get(found.mention.entity)
        last = units[j].last - (self.tokens[units[j].last].text in _QUOTES)
        closed = last < units[j].last or j + 1 < len(units) and (units[j + 1].kind == "comp" or (
            self.tokens[units[j + 1].first].text in "،,"))
        return j if closed and found.last == last and (known is None or known.type == "Person") \
            else -1

    def _same_entity(self, a: int, b: int) -> bool:
        """Phrase b, headed by a title, names only the one entity phrase a names: an
        apposition (جباري مستشار الرئيس)."""
        def named(u: int) -> set[str]:
            unit = self.units[u]
            return {self.mentions[k].mention.entity for k in range(unit.first, unit.last + 1)
                    if k in self.mentions}
        first = named(a)
        return len(first) == 1 and self.tokens[self.units[b].first].key in self.title_words and \
            named(b) == first

    def _positional_aside(self, k: int) -> bool:
        """The comma at unit k opens a phrase of position that the next item of a list
        closes (غارات على منطقة X، الواقعة جنوب Y، وعلى Z): the clause goes on."""
        units = self.units
        if self.tokens[units[k + 1].first].key not in self.positional:
            return False
        j = k + 2
        while j < len(units) and units[j].kind == "np" and not units[j].conj:
            j += 1
        if j < len(units) and units[j].kind == "np" and units[j].prep:
            return True  # …، الواقعة جنوب Y وعلى Z
        return j + 1 < len(units) and units[j].kind == "break" and \
            self.tokens[units[j].first].text in "،," and units[j + 1].kind == "np" and \
            units[j + 1].conj

    def _time_set_apart(self, k: int, c: int) -> bool:
        """The comma at unit k closes a time that a verb's clause ``c`` ends on, and a على or
        ضد phrase follows: the clause goes on (شنها الجيش الجمعة والسبت، على معسكرات …)."""
        units = self.units
        return k > 1 and units[k - 1].kind == "time" and units[k + 1].prep in _TARGETING \
            and any(units[j].kind == "verb" for j in range(k - 1) if self.clause[j] == c)

    def _aside_end(self, k: int) -> int:
        """The comma at unit k opens an aside that another comma closes (prepositional or
        time phrases, or a phrase of belonging: …، تابعة للتحالف، …) with a bare phrase after
        it: the unit of that phrase, else -1."""
        if self.tokens[self.units[k].first].text not in "،,":
            return -1
        j = k + 1
        while j < len(self.units) and j < k + 6:
            unit = self.units[j]
            if unit.kind == "break":
                if self.tokens[unit.first].text in "،," and j > k + 1 and \
                        j + 1 < len(self.units) and self.bare_np(j + 1):
                    return j + 1
                return -1
            belonging = unit.kind == "np" and self.tokens[unit.first].key in self.belonging
            if not (unit.kind == "time" or unit.kind == "np" and (unit.prep or belonging)):
                return -1
            j += 1
        return -1

    def _adverb_end(self, k: int) -> int:
        """The comma at unit k is followed by adverbs (بشدة، أمس) and then a bare phrase: the
        unit of that phrase, else -1."""
        j = k + 1
        while j < len(self.units) and self.units[j].kind == "time":
            j += 1
        return j if self.tokens[self.units[k].first].text in "،," and j > k + 1 and \
            self.bare_np(j) else -1

    def _after_relative(self, k: int) -> int:
        """The unit after the comma that ends the relative clause opened at unit k (or the end
        of the sentence when none does)."""
        while k < len(self.units) and not (self.units[k].kind == "break"
                                            and self.tokens[self.units[k].first].text in "،,"):
            k += 1
        return k + 1

    def _listed_in_phrase(self, u: int) -> bool:
        """Phrase u is listed under the preposition of the phrase its list starts with, so no
        verb's subject (سيارات لناشطين في حركتي حماس والجهاد دمرت), but under بين (بين قوات
        الأمن ومسلحين أطلقوا النار: the gunmen fired)."""
        first = self._list_first(u)
        return first < u and bool(self.units[first].prep) and self.units[first].prep != "بين"

    def _group_start(self, u: int) -> int:
        """The first phrase of u's coordination; u itself when that one has a preposition
        (بين قوات الأمن ومسلحين أطلقوا النار: the gunmen fired)."""
        first = self._list_first(u)
        return u if self.units[first].prep else first

    def _list_first(self, u: int) -> int:
        """The first phrase of the list (X وY وZ) that phrase u ends."""
        while u > 0 and self.units[u].conj and self.units[u - 1].kind == "np":
            u -= 1
        return u

    def _relative_of(self, v: int, after: list[int]) -> int:
        """The antecedent of the relative clause verb v opens: the phrase before الذي/التي
        right before it, or an indefinite phrase right before a verb that carries an object
        pronoun (غارات شنها …); ``after``: the verb's bare phrases (``_bare_after``)."""
        units = self.units
        k = v - 1
        while k >= 0 and units[k].kind in ("neg", "time", "aux"):
            k -= 1
        if k >= 0 and units[k].kind == "rel":
            human = self.tokens[units[k].first].key.lstrip("و") in _HUMAN_RELATIVES
            nearest = -1
            for back in range(k - 1, max(-1, k - 5), -1):  # past a comma and a place
                if units[back].kind == "np" and nearest < 0:
                    nearest = back
                if self.bare_np(back) and not human:
                    return back
                if units[back].kind == "np" and units[back].prep not in _PLACE_PREPS:
                    return back  # هدد … إثر الضربات التي شنها الجيش: the phrase just before
                if units[back].kind not in ("np", "break"):
                    break
            return nearest  # الذين: the people just named, even under a preposition
        verb = self.verb_of.get(units[v].first) or _NO_VERB
        if k == v - 1 and k > 0 and units[k].prep == "ل" and units[k - 1].kind == "np" and \
                not self._definite(k - 1) and not units[v].conj and \
                self._event(k - 1) and verb.prefix.lstrip("وف")[-1:] not in ("ي", "ت", "ن", "ا"):
            return k - 1  # هجوم لعناصر المقاومة استهدف نقطة: the attack, by its author, did
        if k == v - 1 and k >= 0 and units[k].kind == "np" and not units[v].conj and \
                not self._definite(k) and (_has_object_pronoun(verb) or
                                           verb.prefix.lstrip("وف")[-1:] not in ("ي", "ت", "ن", "ا")
                                           and (len(after) < 2 and
                                                self._named_spokesman(v + 1) < 0 or self._event(k))):
            # غارات يشنها التحالف، عملية انتحارية استهدفت مركزا: an indefinite antecedent, an
            # act's always (كمين استهدف قافلتهم قرب …); not في تصريح آخر اتهم ظريف البحرين,
            # whose verb has a subject and an object of its own
            return k
        return -1

    def _event(self, u: int) -> bool:
        """The phrase's head is a trigger noun (an act: هجوم، غارة)."""
        head = self.units[u].head
        if head in self.mentions:
            return False
        trig = self.verb_of.morph.trigger(self.tokens[head].key)
        return trig is not None and "noun" in trig.pos

    def _is_count(self, u: int) -> bool:
        """A phrase that starts with a number (قتل 57 مدنيا، مقتل سبعة جنود)."""
        tok = self.tokens[self.units[u].first]
        return tok.text.isdigit() or tok.key in _COUNT_WORDS


_OBJECT_PRONOUNS: Final = ("ه", "ها", "هم", "هما", "هن")
_PLACE_PREPS: Final = ("في", "ب", "قرب", "داخل")  # a place between an antecedent and الذي/التي
_HUMAN_RELATIVES: Final = frozenset({"الذين", "اللواتي", "اللاتي", "اللائي"})


def _has_object_pronoun(verb: Verb) -> bool:
    """شنها، نفذه، تقوده، يتهمونه: the verb carries an object pronoun."""
    return verb.suffix.endswith(_OBJECT_PRONOUNS)


def plural_subject(verb: Verb) -> bool:
    """قتلوا، يقتلون، هاجموه: the verb carries its plural subject, so a phrase after it is no
    subject (a verb before its subject stays singular)."""
    return verb.suffix.startswith(("وا", "ون")) or verb.suffix[:1] == "و" and \
        _has_object_pronoun(verb)


_COUNT_WORDS = frozenset({"اثنين", "اثنان", "ثلاثه", "ثلاث", "اربعه", "اربع", "خمسه", "خمس", "سته",
                          "ست", "سبعه", "سبع", "ثمانيه", "ثماني", "تسعه", "تسع", "عشره", "عشر",
                          "عشرين", "عشرون", "ثلاثين", "اربعين", "خمسين", "مئات", "عشرات", "الاف",
                          "العشرات", "المئات", "مئه", "مائه", "الف", "نحو", "حوالي", "اكثر", "قرابه",
                          "احد", "واحد", "ثلاثون", "اربعون", "خمسون", "ستون", "ستين", "سبعون",
                          "سبعين", "ثمانون", "ثمانين", "تسعون", "تسعين", "اثنا", "اثنتا", "اثنتين"})


def parse_sentence(tokens: list[Token], a: int, b: int, at: dict[int, Found], lex: Lexicon,
                   morph: Morphology) -> Parse:
    """The units of tokens [a, b) (one sentence); ``at`` maps a token index to the mention
    (``entities.Found``) covering it."""
    units = _Chunker(tokens, at, lex, morph).units(a, b)
    return Parse(units, tokens, _Verbs(tokens, a, b, at, morph), lex, at)


def doc_tokens(doc) -> list[Token]:
    """The tokens of an analysed document's text (for examples and ``naba explain``)."""
    return tokenize(doc.article.text)


def describe(parse: Parse) -> str:
    """The units on one line and each verb's arguments on the next: what ``naba explain``
    prints of the structure."""
    toks = parse.tokens

    def words(u: int) -> str:
        unit = parse.units[u]
        return " ".join(t.text for t in toks[unit.first:unit.last + 1])

    line = []
    for unit in parse.units:
        label = unit.kind + (f"[{unit.prep}]" if unit.prep else "") + ("+و" if unit.conj else "")
        line.append(f"{label} " + " ".join(t.text for t in toks[unit.first:unit.last + 1]))
    out = [" | ".join(line)]
    for v, args in parse.args.items():
        parts = []
        if args.subject >= 0:
            parts.append(f"subject {words(args.subject)}")
        if args.object >= 0:
            parts.append(("victims " if args.passive else "object ") + words(args.object))
        if args.antecedent >= 0:
            parts.append(f"antecedent {words(args.antecedent)}")
        out.append(f"{words(v)}: " + (", ".join(parts) or "no argument"))
    return "\n".join(out)


def _adjective_shaped(key: str) -> bool:
    """A definite word shaped like an adjective: a nisba (الإرهابي، السورية، الكرديين) or a
    participle (المتمردة، الموالية)."""
    return key.startswith("ال") and (key.endswith(("ي", "يه", "يين", "يون", "يات")) or
                                     key[2:3] == "م")


_HIT_GROUPS: Final = ("assets", "positions", "launchers", "weapons", "place_kinds", "site_kinds")


def _after_verb(out: list[Unit]) -> bool:
    """The next phrase is the first after a verb, past its time adverbials (قتل أمس مسلحون)."""
    k = len(out) - 1
    while k >= 0 and out[k].kind == "time":
        k -= 1
    return k >= 0 and out[k].kind == "verb"


def _accusatives(lex: Lexicon) -> frozenset[str]:
    """The people nouns in the accusative whose stem ends in ن (مستوطنا، مواطنا), which
    ``indefinite_accusative`` leaves for a pronoun نا."""
    return lex.derive("people_accusatives", lambda: frozenset(
        w for w in {words[0] for words in lex.sectors if len(words) == 1}
        | lex.grammar.get("person_nouns", frozenset()) if w.endswith("نا")))


def _number_mark(key: str) -> str:
    """The ending that marks a sound plural or dual with its ن, or the accusative; "" else."""
    if len(key) > 4 and key.endswith(("ون", "ين")):
        return key[-2:]
    return "ا" if indefinite_accusative(key) else ""


def _elative(key: str) -> bool:
    """A word of the pattern أفعل (أكثر، أشد), whose accusative after it says in what."""
    return len(key) == 4 and key.startswith("ا")


# The function words of ``grammar.yaml`` by kind, in the order ``_function_word`` tries them
_FUNCTION_KINDS: Final = (("prepositions", "prep"), ("conjunctions", "conj"),
                          ("complementizers", "comp"), ("relatives", "rel"), ("negators", "neg"),
                          ("exceptives", "exc"), ("auxiliaries", "aux"), ("subordinators", "sub"),
                          ("pronouns", "pron"), ("prepositions_with_pronoun", "ppron"))


class _Grammar:
    """The closed-class sets the chunker and the parse read, made once per lexicon (not once
    per sentence)."""

    def __init__(self, lex: Lexicon):
        g = lex.grammar
        empty: frozenset[str] = frozenset()
        self.lex = lex
        self.resumptive = g.get("resumptive", empty)
        self.victim_lemmas = g.get("victim_words", empty)
        self.temporal = g.get("temporal_prepositions", empty)
        self.sources = g.get("source_words", empty)
        self.locatives = g.get("locatives", empty)
        self.person_nouns = g.get("person_nouns", empty)
        self.copulas = g.get("copulas", empty)
        self.loyal = g.get("loyal_to", empty)
        self.belonging = g.get("belonging", empty)
        self.positional = g.get("positional", empty)
        self.launch_verbs = g.get("launch_verbs", empty)
        self.holding_verbs = g.get("holding_verbs", empty)
        self.appositives = g.get("appositives", empty)
        self.place_cues = g.get("place_cues", empty)
        self.directions = g.get("directions", empty)
        self.counterpart = g.get("counterpart", empty)
        self.hit_words = frozenset().union(*(g.get(name, empty) for name in _HIT_GROUPS))
        self.time_heads = lex.derive("time_heads", lambda: g.get(
            "time_words", empty) | lex.month_names)
        self.modal_lemmas = lex.derive("modal_lemmas", lambda: frozenset(
            lemma for lemma, classes in lex.verb_classes.items()
            if classes & {"light", "planning", "foiling"}))
        self.accusatives = _accusatives(lex)
        self.attackers = lex.derive("attackers", lambda: frozenset(
            words[0] for words, (sector, _) in lex.sectors.items()
            if len(words) == 1 and sector in ("unidentified", "militants", "suicide-attacker")))
        self.preps = g.get("prepositions", empty)
        self.conjs = g.get("conjunctions", empty)
        self.comps = g.get("complementizers", empty)
        self.rels = g.get("relatives", empty)
        self.subs = g.get("subordinators", empty)
        self.negs = g.get("negators", empty)
        self.exceptives = g.get("exceptives", empty)
        self.nominal_negs = g.get("nominal_negators", empty)
        self.auxiliaries = g.get("auxiliaries", empty)
        self.prons = g.get("pronouns", empty)
        self.reflexives = g.get("reflexives", empty)
        self.pron_preps = g.get("prepositions_with_pronoun", empty)
        self.times = g.get("time_words", empty)
        self.adverbs = g.get("adverbs", empty)
        self.adjectives = g.get("common_adjectives", empty)
        self.quants = g.get("quantifiers", empty)
        self.waw = g.get("waw_words", empty)
        self.particles = g.get("name_particles", empty)
        self.armed = g.get("armed_adjectives", empty)
        self.phrasal_starts = lex.derive("phrasal_starts", lambda: frozenset(
            words[0] for words in lex.phrasal_preps if words))
        self.known = lex.derive("chunker_known", lambda: (
            g.get("place_kinds", empty) | g.get("site_kinds", empty)
            | g.get("place_cues", empty) | g.get("assets", empty) | g.get("members", empty)
            | g.get("org_kinds", empty) | self.times | self.quants
            | g.get("belonging", empty) | g.get("counterpart", empty)
            | g.get("planning_nouns", empty) | g.get("halting_nouns", empty)))
        self.joined_phrasal_starts = frozenset(c + w for w in self.phrasal_starts for c in "وف")
        self.joined_times = frozenset(c + w for w in self.times for c in "وف")
        self.phrasal_lengths: dict[str, list[int]] = {  # first word → the lengths, 4 to 1
            first: sorted({len(words) for words in lex.phrasal_preps
                           if words and words[0] == first and len(words) <= 4}, reverse=True)
            for first in self.phrasal_starts}
        self.kind_words = frozenset().union(*(g.get(name, empty) for name in (
            "place_kinds", "site_kinds", "org_kinds", "assets")))
        # a function word's kind: the first set of _FUNCTION_KINDS that holds it; under و/ف,
        # the first but the conjunctions (a conjunction takes no other)
        self.function_kind: dict[str, str] = {}
        self.joined_kind: dict[str, str] = {}
        for name, kind in reversed(_FUNCTION_KINDS):
            for word in g.get(name, empty):
                self.function_kind[word] = kind
                if kind != "conj":
                    self.joined_kind[word] = kind


_GRAMMARS: list[_Grammar] = []


def _grammar(lex: Lexicon) -> _Grammar:
    """The tables of this lexicon (made again only when the lexicon changes)."""
    if not _GRAMMARS or _GRAMMARS[0].lex is not lex:
        _GRAMMARS[:] = [_Grammar(lex)]
    return _GRAMMARS[0]


class _KeyMemo:
    """What the chunker reads from a token's key alone under one lexicon, kept per process
    (started again when large: memory stays flat)."""

    def __init__(self, lex: Lexicon, morph: Morphology):
        self.lex, self.morph = lex, morph
        self.clitics: dict[str, tuple[bool, str]] = {}  # key → (conj, prep) of its
        # proclitics, outside a mention


_MEMO_SIZE: Final = 50_000
_MEMOS: list[_KeyMemo] = []


def _memo(lex: Lexicon, morph: Morphology) -> _KeyMemo:
    """The key memo of this lexicon and morphology (a new one when either changes or it grew
    too large)."""
    if not _MEMOS or _MEMOS[0].lex is not lex or _MEMOS[0].morph is not morph or \
            len(_MEMOS[0].clitics) > _MEMO_SIZE:
        _MEMOS[:] = [_KeyMemo(lex, morph)]
    return _MEMOS[0]


def _joined(key: str) -> bool:
    """The key starts with و or ف (two tests: compiled, a tuple for startswith is made anew
    each call)."""
    return key.startswith("و") or key.startswith("ف")  # noqa: PIE810


def _proclitics(prefix: str) -> tuple[bool, str]:
    """(conj, prep) of a word's proclitics: و/ف, then ب/ل/ك."""
    conj = prefix[:1] in ("و", "ف")
    rest = prefix[1:] if conj else prefix
    return conj, rest[:1] if rest[:1] in _CLITIC_PREPS else ""


def _verb(tokens: list[Token], i: int, at: dict[int, Found], morph: Morphology) -> Verb | None:
    if i in at or not is_word(tokens[i]) or ends_in_ta_marbuta(tokens[i]):
        return None
    return morph.verb(tokens[i].key)


class _Verbs:
    """The verb reading of each token of tokens [a, b) outside a mention (None for others),
    read the first time it is asked for: most tokens never are."""

    def __init__(self, tokens: list[Token], a: int, b: int, at: dict[int, Found],
                 morph: Morphology):
        self.tokens, self.a, self.b, self.at, self.morph = tokens, a, b, at, morph
        self.read: dict[int, Verb | None] = {}

    def get(self, i: int) -> Verb | None:
        if i < self.a or i >= self.b:
            return None
        found = self.read.get(i, _NO_VERB)
        if found is _NO_VERB:
            found = self.read[i] = _verb(self.tokens, i, self.at, self.morph)
        return found


class _Chunker:
    def __init__(self, tokens: list[Token], at: dict[int, Found], lex: Lexicon, morph: Morphology):
        self.tokens, self.at, self.lex, self.morph = tokens, at, lex, morph
        self.verb_in_clause = False
        self.particle_at, self.particle_verb = -1, False  # `_particle`'s last token, and
        self.particle: tuple[str, bool, bool] = ("", False, False)  # its answer
        self.memo = _memo(lex, morph)
        gram = self.gram = _grammar(lex)
        self.preps = gram.preps
        self.conjs = gram.conjs
        self.comps = gram.comps
        self.resumptive = gram.resumptive
        self.rels = gram.rels
        self.subs = gram.subs
        self.negs = gram.negs
        self.exceptives = gram.exceptives
        self.nominal_negs = gram.nominal_negs
        self.auxiliaries = gram.auxiliaries
        self.temporal = gram.temporal
        self.prons = gram.prons
        self.reflexives = gram.reflexives
        self.pron_preps = gram.pron_preps
        self.times = gram.times
        self.adverbs = gram.adverbs
        self.adjectives = gram.adjectives
        self.quants = gram.quants
        self.waw = gram.waw
        self.particles = gram.particles
        self.armed = gram.armed
        self.phrasal_starts = gram.phrasal_starts
        self.known = gram.known

    def units(self, a: int, b: int) -> list[Unit]:
        out: list[Unit] = []
        prep, conj = "", False
        i = a
        self.verb_in_clause = False
        while i < b:
            if out:
                last = out[-1].kind
                if last == "verb":
                    self.verb_in_clause = True
                elif last in ("break", "comp", "rel", "sub"):
                    self.verb_in_clause = False
            tok = self.tokens[i]
            if tok.text == "(" and (close := self._aside_clause(i, b)) > 0:
                i = close + 1  # ووجه الحزب في بيان (حصلت الصحيفة على نسخة منه) انتقادات …:
                continue  # a clause in brackets is an aside, outside the sentence's structure
            if tok.text in _QUOTES or tok.text in "،," and self._quoted_comma(i):
                i += 1
                continue
            if not is_word(tok):
                out.append(Unit("break", i, i, "", False, i))
                prep, conj = "", False
                i += 1
                continue
            f = self.at.get(i)
            if f is None:
                phrasal = self._phrasal_prep(i, b)
                if phrasal is not None:
                    n, name = phrasal
                    if name == "+":  # مناطق عدة من بينها العاصمة: listed with the phrase before
                        conj = True
                    elif name:
                        prep = name
                    i += n
                    continue
                kind, clitic_conj, _ = self._particle(i)
                if kind == "verb" and (prep or self._masdar(i, out)):
                    kind = ""  # في شن الغارات، بدأت شن: a verbal noun, not a verb
                if kind:
                    if kind == "prep":
                        prep = self._bare(tok.key)
                        conj = conj or clitic_conj
                    elif kind == "conj":
                        conj = True
                    else:
                        out.append(Unit(kind, i, i, "", clitic_conj or conj, i))
                        prep, conj = "", False
                    i += 1
                    continue
            # a noun phrase (or a time adverbial) from token i
            if self._is_time(i, i) and not prep:
                end = i
                while end + 1 < b and self._is_time(end + 1, end + 1):
                    end += 1  # صباح أمس الأحد: the adverbial alone, not what follows it
                out.append(Unit("time", i, end, "", False, i))
                i = end + 1
                continue
            if prep in self.temporal and self._is_time(i, i):
                end = i  # قبل أسبوع | عملية عسكرية: a phrase of time ends at its time words
                while end + 1 < b and self._is_time(end + 1, end + 1):
                    end += 1
                unit_conj, unit_prep = False, ""
            else:
                end, unit_conj, unit_prep = self._phrase(i, b, _after_verb(out) and not prep)
            unit_prep = unit_prep or prep
            kind = "np"
            out.append(Unit(kind, i, end, unit_prep, conj or unit_conj, self._head(i, end)))
            prep, conj = "", False
            i = end + 1
        return out

    # --- tokens ------------------------------------------------------------------------------

    def _aside_clause(self, i: int, b: int) -> int:
        """The ")" that closes the "(" at token i when a verb stands between them, else -1."""
        for k in range(i + 1, b):
            if self.tokens[k].text == ")":
                return k if any(is_word(self.tokens[j]) and self.at.get(j) is None and
                                self._particle(j)[0] == "verb" for j in range(i + 1, k)) else -1
            if self.tokens[k].text == "(":
                return -1
        return -1

    def _bare(self, key: str) -> str:
        return key[1:] if len(key) > 2 and _joined(key) and key[1:] in self.preps else key

    def _particle(self, i: int) -> tuple[str, bool, bool]:
        """(kind, under و, under a proclitic preposition) of a function word or verb; kind ""
        for a word that may head a noun phrase. The token that ends a phrase is asked again
        as the next unit's first: the last answer is kept (it depends on the token and on
        ``verb_in_clause`` alone)."""
        if i == self.particle_at and self.verb_in_clause == self.particle_verb:
            return self.particle
        found = self._read_particle(i)
        self.particle_at, self.particle_verb, self.particle = i, self.verb_in_clause, found
        return found

    def _read_particle(self, i: int) -> tuple[str, bool, bool]:
        key = self.tokens[i].key
        found = self._function_word(key)
        if found[0]:
            return found
        verb = self.morph.verb(key)  # most words are none: then no test of their ending
        if verb is not None and ends_in_ta_marbuta(self.tokens[i]):
            verb = None
        if verb is not None and (self._verbal(i) and not self._noun_word(key) or self._reflexive_after(i)):
            return "verb", verb.prefix[:1] in ("و", "ف"), False
        return "", False, False

    def _function_word(self, key: str) -> tuple[str, bool, bool]:
        """`_particle` for a function word, from its key alone (the word, else the word after
        its و/ف); kind "" for other words."""
        kind = self.gram.function_kind.get(key)
        if kind is not None:
            return kind, False, False
        if len(key) > 2 and _joined(key):
            kind = self.gram.joined_kind.get(key[1:])
            if kind is not None:
                return kind, True, False
        return "", False, False

    def _masdar(self, i: int, out: list[Unit]) -> bool:
        """A bare verb form right after a verb is its verbal noun (بدأت شن غارات), and so is
        one with ت and a pronoun, a noun's ة and possessive (عززت سيطرتها على المدينة)."""
        verb = self.morph.verb(self.tokens[i].key)
        after_verb = bool(out) and out[-1].kind == "verb" or len(out) > 1 and \
            out[-1].kind == "np" and not out[-1].prep and out[-2].kind == "verb" and \
            self._governs_act(out[-2])  # تعتزم تركيا شن هجوم: past the subject
        return after_verb and verb is not None and \
            not verb.prefix and (not verb.suffix or verb.suffix[:1] == "ت"
                                 and _has_object_pronoun(verb))

    def _governs_act(self, unit: Unit) -> bool:
        """A verb whose object is an act: one that plans, foils, starts or carries it out."""
        verb = self.morph.verb(self.tokens[unit.first].key)
        return verb is not None and bool(self.lex.verb_classes.get(verb.lemma, frozenset()) &
                                         {"light", "planning", "foiling", "threatening"})

    def _reflexive_after(self, i: int) -> bool:
        """A word right before a reflexive object (فجر نفسه) or a suicide bomber, its subject
        (فجر انتحاري حزامه), is a verb; not past a word between (فجر اليوم نفسه: dawn of that
        same day)."""
        if i + 1 >= len(self.tokens):
            return False
        key = self.tokens[i + 1].key
        return key in self.reflexives or \
            self.lex.sectors.get((key,), ("",))[0] == "suicide-attacker"

    def _noun_word(self, key: str) -> bool:
        """A word of a noun group (تابعة، مواقع، قوات), though it reads as a verb too."""
        for k in (key, self._strip_conj(key), key.removesuffix("ا")):
            if k in self.known:
                return True
        return False

    def _verbal(self, i: int) -> bool:
        """A word that may be a verb or a verbal noun (قصف، دعم) is a verb when it carries a
        verb's affixes (قصفت، يدعم), or stands bare first in its clause (وقصف الطيران …),
        right after a definite phrase (الطيران الروسي قصف …), after ف (فقتل سبعة) or after a
        أنه that takes up the subject named before it (قال الجيش إنه قصف …)."""
        trig = self.morph.trigger(self.tokens[i].key)
        if trig is None or "noun" not in trig.pos:
            return True
        if trig.prefix.rstrip("وف") or self.tokens[i].key.startswith("ال"):
            return False  # بدعم، والقصف
        if trig.prefix == "ف":
            return True  # أطلق النار على المصلين فقتل سبعة: ف goes on with a verb
        prev = i - 1
        while prev >= 0 and self.tokens[prev].text in _QUOTES:
            prev -= 1
        key = self.tokens[prev].key if prev >= 0 else ""
        if prev < 0 or not is_word(self.tokens[prev]) or key in self.conjs or \
                self._strip_conj(key) in self.auxiliaries or \
                key in self.negs and key not in self.nominal_negs or \
                key in self.resumptive and prev > 0 and (  # قال الجيش إنه قصف, not يذكر أنه
                    prev - 1 in self.at or self.tokens[prev - 1].key.startswith("ال")):
            return True
        # after a definite phrase, a bare form cannot be its genitive: الطيران الروسي قصف
        # (unless a verb before has that phrase for subject: انتقد البيان دعم روسيا)
        return not trig.suffix and not self.verb_in_clause and \
            (prev in self.at or key.startswith("ال")) and self._particle(prev)[0] == ""

    def _phrasal_prep(self, i: int, b: int) -> tuple[int, str] | None:
        key = self.tokens[i].key
        if key not in (self.gram.joined_phrasal_starts if len(key) > 2 and _joined(key)
                       else self.phrasal_starts):
            return None  # no phrasal preposition starts with this word (or with it after و/ف)
        for n in self.gram.phrasal_lengths[self._strip_conj(key)]:  # the longest first
            if i + n <= b:
                words = tuple(self._strip_conj(self.tokens[k].key) if k == i else self.tokens[k].key
                              for k in range(i, i + n))
                name = self.lex.phrasal_preps.get(words)
                if name is not None:
                    return n, name
        return None

    def _strip_conj(self, key: str) -> str:
        return key[1:] if len(key) > 2 and _joined(key) else key

    def _clitics(self, i: int) -> tuple[bool, str]:
        """(conj, prep) carried by the proclitics of token i: و/ف, ب/ل/ك (a mention's from its
        prefix, another word's from its key, once per key)."""
        f = self.at.get(i)
        key = self.tokens[i].key
        if f is not None and f.first == i:
            prefix = f.prefix
            if not prefix and key.startswith("و") and key[1:] in self.known:
                prefix = "و"  # وفندق النوران: a name found with the و that joins it to a list
            return _proclitics(prefix)
        found = self.memo.clitics.get(key)
        if found is None:
            trig = self.morph.trigger(key)
            found = self.memo.clitics[key] = _proclitics(
                trig.prefix if trig is not None else self._guess_prefix(key))
        return found

    def _guess_prefix(self, key: str) -> str:
        """The proclitics of a word the lexicon does not know: و/ف when not one of the words
        that begin with و, then ب/ل/ك before ال (بالعراق، للحوثيين) or before a known word."""
        prefix = ""
        if len(key) > 2 and _joined(key) and not self._waw_word(key) and (
                key[0] == "و" and (len(key) > 3 or key[1:] in self.known) or key[1:3] == "ال"):
            prefix, key = key[0], key[1:]  # وحي الزنوج: و and a word of three letters
        if len(key) > 3 and key[0] in _CLITIC_PREPS and (
                key[1:3] == "ال" or (key[0] == "ل" and key[1] == "ل") or key[1:] in self.known):
            prefix += key[0]
        return prefix

    def _waw_word(self, key: str) -> bool:
        """وفد، وزارة، وسط: a word whose first letter is و, also in the accusative (وفدا) or
        with a pronoun (وزيرها)."""
        return any(k in self.waw for k in (key, key[:-1], key[:-2]))

    def _is_time(self, i: int, end: int) -> bool:
        key = self.tokens[i].key  # a time word, also after و/ف (`_strip_conj`), or an adverb
        return key in self.times or len(key) > 2 and key in self.gram.joined_times or \
            (key.lstrip("و") if key.startswith("و") else key) in self.adverbs

    def _head(self, i: int, end: int) -> int:
        k = i
        while k < end and (self.tokens[k].text.isdigit() or self.tokens[k].key in self.quants
                           or self.tokens[k].key in _COUNT_WORDS):
            k += 1
        return k

    def _quoted_comma(self, i: int) -> bool:
        """A comma just before a closing quote («داعش،» يريد): inside the quote, no break."""
        return self.tokens[i].text in "،," and i + 1 < len(self.tokens) and \
            self.tokens[i + 1].text in _CLOSING

    # --- noun phrases ----------------------------------------------------------------------------

    def _phrase(self, i: int, b: int, after_verb: bool = False) -> tuple[int, bool, str]:
        """The last token of the phrase that starts at i, and its proclitics (conj, prep);
        right after a verb, it ends where the verb's object starts (`_starts_object`)."""
        conj, prep = self._clitics(i)
        prev_definite, prev_name, prev_count = False, False, False
        definite = False
        k = i
        while k < b:
            tok = self.tokens[k]
            if tok.text == "(" and k > i and self._aside_clause(k, b) > 0:
                break  # دور البنك (بنك تشارك فيه دول …): the phrase ends before an aside
            if tok.text in _QUOTES or tok.text in "،," and self._quoted_comma(k):
                k += 1
                continue
            if not is_word(tok):
                break
            f = self.at.get(k)
            if k > i:
                if f is None and (self._particle(k)[0] or self._phrasal_prep(k, b) is not None):
                    break
                c, p = self._clitics(k)
                if c or p:
                    break
                definite = tok.text.startswith("ال") or tok.text.startswith("لل")  # `_definite`
                # of a word without proclitics
                if tok.key in self.particles:
                    pass  # سلمان بن عبد العزيز: the name goes on
                elif after_verb and self._starts_object(k, i, definite or tok.text.endswith(
                        ("ها", "هم", "هما"))):  # أعلن متظاهرون | رفضهم: possessed, so definite
                    break  # قتل مسلحون | جنديا
                elif f is not None and f.first == k:
                    if (prev_name or prev_definite and not self._titled(k - 1, i)) and \
                            (not self._adjectival(k) or self._state(k - 1)):
                        break  # two names: تركيا روسيا، إيران السعودية; للشرعية | ميليشيات
                elif tok.text.isdigit():
                    if not self._kind_word(k - 1):
                        break
                elif prev_definite and not definite and not prev_count and not tok.text.isdigit():
                    break  # الطائرات الإسرائيلية | موقعا
                elif prev_name and f is None and not self._kind_word(k - 1) and (
                        not definite or not self._adjective(tok.key)):
                    break  # داعش | أمس، أرمينيا وأذربيجان | الاتهامات
                elif prev_definite and definite and f is None and not self._adjective(tok.key):
                    break  # موقعها الإلكتروني | القصف التركي: a definite word after another
                    # describes it or starts a new phrase
            last = f.last if f is not None and f.first == k else k
            prev_name = f is not None
            prev_definite = prev_name or (definite if k > i else self._definite(last))
            prev_count = tok.text.isdigit()
            k = last + 1
        return max(i, k - 1), conj, prep

    def _starts_object(self, k: int, first: int, definite: bool) -> bool:
        """Token k cannot be the genitive or adjective of the indefinite word before it, the
        subject of a verb, and starts its object: an accusative after a word that is not one
        (قتل مسلحون جنديا، استهدف هجوم بسيارة مفخخة مقرا: an indefinite genitive is genitive,
        an adjective agrees), a definite word or a noun of what attacks hit after a people noun
        in the sound plural with its ن, which drops it in construct (أطلق مسلحون النار، هاجم
        مسلحون مجهولون نقطة تفتيش), a people noun of another number or case after a
        people noun (طعن مهاجم شرطيين), a known noun after an adjective, which has no genitive
        (استهدف هجوم انتحاري حافلة), a count (قتل انتحاري عشرة أشخاص). A construct chain or an adjective stays (هجوم انتحاري،
        قذائف هاون، مسلحون مجهولون، ثلاثين جنديا، أكثر تشددا، مدينة دوما)."""
        before, prev, key = self.tokens[k - 1], self.tokens[k - 1].key, self.tokens[k].key
        accusative = k not in self.at and not indefinite_accusative(prev) and (
            indefinite_accusative(key) or key in self.gram.accusatives)
        if k - 1 in self.at and self._adjectival(k - 1) and not self._definite(k - 1) and accusative:
            return True  # طعن فلسطيني | مستوطنا: a nationality as a noun, then an accusative
        if k - 1 in self.at or self._definite(k - 1) or before.text.isdigit() or \
                prev in _COUNT_WORDS or self._kind_word(k - 1) or prev in self.particles or \
                prev in self.gram.place_cues or prev in self.gram.directions or _elative(prev):
            return False
        if accusative or key in _COUNT_WORDS and key not in ("واحد", "اثنين", "اثنان", "اثنتين"):
            return True  # a count other than one or two precedes what it counts
        people = self.gram.person_nouns
        if k - 1 > first and (prev.endswith(("ي", "يه")) or prev in self.armed) and \
                self._noun_word(key) and \
                not self._noun_word(prev) and prev + "ن" not in people and \
                (prev + "ن",) not in self.lex.sectors:
            return True  # an adjective has no genitive: استهدف هجوم انتحاري | حافلة، قصفت
            # زوارق مسلحة | سفينة (not the construct form of a plural: هجمات مقاتلي حزب)
        pair = (self.tokens[k - 2].key, prev) if k - 1 > first else ()
        if (prev,) not in self.lex.sectors and prev not in people and \
                pair not in self.lex.sectors or (prev, key) in self.lex.sectors:
            return False
        mark = _number_mark(prev)
        if definite:
            return mark in ("ون", "ين")
        if mark in ("ون", "ين") and _number_mark(key) != mark and key in self.gram.hit_words:
            return True  # هاجم مسلحون مجهولون | نقطة تفتيش
        return ((key,) in self.lex.sectors or key in people) and _number_mark(key) not in ("", mark)

    def _state(self, k: int) -> bool:
        """Token k ends the name of a state, which no nationality adjective describes."""
        f = self.at.get(k)
        e = self.lex.entities.get(f.mention.entity) if f is not None else None
        return e is not None and e.type == "Country"

    def _title(self, k: int) -> bool:
        """A title, a nationality, a counterpart or a place cue before a name: one phrase
        (نظيره الروسي سيرغي لافروف، الرئيس بشار الأسد، العاصمة صنعاء)."""
        key = self.tokens[k].key
        return key in self.lex.title_words or key.removeprefix("ال") in self.lex.adjectives \
            or key in self.gram.counterpart or key in self.gram.place_cues

    def _titled(self, k: int, first: int) -> bool:
        """Token k is a title, or an adjective after one (الرئيس السابق علي عبد الله صالح)."""
        while k > first and not self._title(k) and self._adjective(self.tokens[k].key):
            k -= 1
        return self._title(k)

    def _adjective(self, key: str) -> bool:
        return _adjective_shaped(key) or key in self.adjectives or \
            key.removeprefix("ال") in self.lex.adjectives

    def _definite(self, k: int) -> bool:
        """The word carries the article (written ال: not آلاف, whose key starts alike)."""
        text = self.tokens[k].text
        if text.startswith(("ال", "لل")):
            return True
        conj, prep = self._clitics(k)
        rest = text[int(conj) + int(bool(prep)):]
        return rest.startswith("ال") or (prep == "ل" and rest.startswith("ل"))

    def _adjectival(self, k: int) -> bool:
        """A mention that describes the one before (an adjective of a state or group)."""
        f = self.at.get(k)
        return f is not None and self.tokens[k].key.removeprefix("ال") in self.lex.adjectives

    def _kind_word(self, k: int) -> bool:
        key = self.tokens[k].key
        kinds = self.gram.kind_words
        return key in kinds or self._strip_conj(key) in kinds

