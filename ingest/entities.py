"""Find the entities an article names, and what later words refer back to them.

Left to right over the tokens, at each word the longest phrase of the lexicon that starts there
(its first word recognised under clitics by the morphology step) decides:
- a name: the entity (an ambiguous name only after a cue such as مدينة or صحيفة);
- a title (وزير الخارجية الروسي، الناطق باسم الوزارة): the person named after it, a new person
  discovered from the words after it, or, with no name, the person who holds that office;
- an institution head with a nationality adjective: the compound organization; the head alone
  (وزارة الدفاع، القوات الجوية) refers back to the last such organization in the article;
- a generic head (التنظيم، المدينة): the last entity of its kind, else the next one.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Final

from ingest.discovery import discover, masdar_shaped
from ingest.lexicon import Lexicon, Phrase, slug
from ingest.model import Entity, Mention
from ingest.morphology import Morphology
from ingest.normalize import Token, is_word, normalize_text
from ingest.transliterate import romanize

__all__ = ["Found", "find_entities"]

_MAX_NAME_WORDS: Final = 4


class Found:
    """A mention with the tokens it covers and the proclitic its first token carried
    (each one found once: compared and hashed by identity; a plain class with final fields,
    which the compiled build makes and reads directly)."""

    __slots__ = ("first", "last", "mention", "prefix")

    def __init__(self, mention: Mention, first: int, last: int, prefix: str):
        self.mention: Final = mention
        self.first: Final = first
        self.last: Final = last  # inclusive
        self.prefix: Final = prefix


def find_entities(text: str, tokens: list[Token], sentence_of: list[int], lex: Lexicon,
                  morph: Morphology, year: int | None = None
                  ) -> tuple[tuple[Found, ...], dict[str, Entity]]:
    """Mentions in text order, and every entity they name plus those they point to.
    ``year`` (the article's) picks who held an office named by its title alone."""
    state = _State(text, tokens, sentence_of, lex, morph)
    state.year = year
    i = 0
    given = lex.given_names
    while i < len(tokens):
        key = tokens[i].key
        if morph.is_name(key) or key in given:
            i = state.step(i)
            continue
        if state.aliases and (alias := state.alias_at(i)):  # a discovered person's surname
            state.add(alias[0], i, i, alias[1])
        i += 1
    state.discover_kinds()
    state.resolve_forward()
    state.loyal_forces()
    found = tuple(sorted(state.found, key=lambda f: f.first))
    return found, _with_links({f.mention.entity for f in found}, state.new, lex)


class _State:
    def __init__(self, text: str, tokens: list[Token], sentence_of: list[int], lex: Lexicon,
                 morph: Morphology):
        self.text, self.tokens, self.sentence_of = text, tokens, sentence_of
        self.lex, self.morph = lex, morph
        # phrase_at of each token, once looked for (a list: no boxed index hashed)
        self.memo: list[tuple[int, list[Phrase], str] | None] = [None] * len(tokens)
        self.looked: list[bool] = [False] * len(tokens)
        self.found: list[Found] = []
        self.new: dict[str, Entity] = {}  # discovered people, per article
        self.aliases: dict[str, str] = {}  # their surnames, per article
        self.covered: set[int] = set()  # token indices inside a mention
        self.year: int | None = None
        self.pending: list[tuple[int, int, str, str, str]] = []  # generic heads with no antecedent
        self.pending_titles: list[tuple[int, int, str, str, str]] = []  # titles, likewise
        self.pending_heads: list[tuple[int, int, str, str]] = []  # bare institutions, likewise
        self.doubtful: list[tuple[int, int, str, list[str]]] = []  # ambiguous names without a cue: (first, last, prefix, keys)
        self.known_words = lex.known_words  # every closed-class and kind word of the lexicons
        self.kind_forms = lex.derive("kind_forms", lambda: _kind_forms(lex))

    # --- matching ------------------------------------------------------------------------------

    def phrase_at(self, i: int) -> tuple[int, list[Phrase], str] | None:
        """(length, phrases, prefix) of the longest lexicon phrase starting at token i."""
        if i >= len(self.tokens):
            return None
        if self.looked[i]:
            return self.memo[i]
        best = None
        if is_word(self.tokens[i]):
            for reading in self.morph.analyze(self.tokens[i].key):
                if reading.pos != "name":
                    continue
                phrase: tuple[str, ...] = (reading.lex,)
                while True:
                    phrases = self.lex.phrases.get(phrase)
                    if phrases is not None and (best is None or len(phrase) > best[0]):
                        best = (len(phrase), phrases, reading.prefix)
                    k = i + len(phrase)
                    if phrase not in self.lex.prefixes or k >= len(self.tokens):
                        break
                    phrase += (self.tokens[k].key,)
        self.memo[i], self.looked[i] = best, True
        return best

    def step(self, i: int) -> int:
        match = self.phrase_at(i)
        if match is None:
            alias = self.alias_at(i)
            if alias:
                self.add(alias[0], i, i, alias[1])
            if alias is None:
                return self.construct(i) or self.given_name(i)
            return i + 1
        n, phrases, prefix = match
        kinds = {p.kind for p in phrases}
        if "title" in kinds:
            return self.title(i, n, next(p.value for p in phrases if p.kind == "title"), prefix)
        entities = [p.value for p in phrases if p.kind == "entity"]
        if entities and self.adjectival(i, prefix, entities):
            return i + 1
        if entities and n == 1 and not prefix and self.of_people(i):
            return i + 1
        if entities and n == 1 and self.dual_back(i, prefix):
            return i + 1  # قريتي س وص … القريتين: those two, not the town of that name
        if entities and self.locates(i):
            return i + n  # تعز (جنوب اليمن): where Taiz lies, not South Yemen
        if entities and self.another_name(i, n):
            return self.given_name(i)  # جيفري ويب: not James Jeffrey but a Jeffrey Webb
        if entities and self.common_noun(i, n, prefix, entities):
            return i + n  # بحجة أن: the pretext, not Hajjah
        if entities:
            key = self.choose(entities, i, prefix, self.form(i, n, prefix)
                              in self.lex.ambiguous_forms)
            if key:
                self.add(key, i, i + n - 1, prefix)
                return self.more_nationalities(key, i + n)
            self.doubtful.append((i, i + n - 1, prefix, entities))
            return i + n
        if "head" in kinds:
            return self.head(i, n, next(p.value for p in phrases if p.kind == "head"), prefix)
        generic = next(p.value for p in phrases if p.kind == "generic")
        named = self.phrase_at(i + n)
        if named and any(p.kind == "entity" for p in named[1]) and not named[2]:
            return i + n  # الميليشيات الحوثي: the name after the head says who
        if i + n < len(self.tokens) and (
                self.tokens[i + n].key in self.lex.participles or
                self.tokens[i + n].key in self.lex.grammar.get("belonging", frozenset())):
            return i + n  # الميليشيات المدعومة من إيران: a new description, not a reference
        state = self.adjective_at(i + n)
        if state and (generic, state) in self.lex.theatres:  # العاصمة الأفغانية: Kabul
            self.add(self.lex.theatres[(generic, state)], i, i + n, prefix)
            return i + n + 1
        if i + n < len(self.tokens) and \
                self.tokens[i + n].key in self.lex.grammar.get("jihadist_adjectives", ()):
            key = self.last_jihadist()  # التنظيم الجهادي: not any group named before
            if key:
                self.add(key, i, i + n - 1, prefix)
            return i + n
        head = " ".join(self.form(i, n, prefix))
        key = self.last_of_kind(generic, i, head)
        if key:
            self.add(key, i, i + n - 1, prefix)
        else:
            self.pending.append((i, i + n - 1, prefix, generic, head))
        return i + n

    def adjectival(self, i: int, prefix: str, keys: list[str]) -> bool:
        """A one-word institution head after a definite noun modifies it: السياسة الخارجية
        الروسية is Russian foreign policy, not the ministry."""
        return all(k in self.lex.institution_of for k in keys) and self.modifies(i, prefix)

    def modifies(self, i: int, prefix: str) -> bool:
        """Token i, a one-word institution head shaped as an adjective (ـية), is an adjective of
        the definite noun before it (العلاقات الخارجية، الأحياء البحرية: no ministry, no navy;
        not إلى الحكومة, ألقت الشرطة)."""
        head = self.tokens[i].key
        if (prefix or i == 0 or not head.startswith("ال") or not head.endswith("يه")
                or i - 1 in self.covered
                or not self.tokens[i - 1].key.startswith("ال")):
            return False
        return any(p.kind == "head" for p in self.lex.phrases.get((head,), ()))

    def locates(self, i: int) -> bool:
        """A name of direction in brackets right after a place says where it lies."""
        return i > 1 and self.tokens[i - 1].text == "(" and bool(self.found) and \
            self.found[-1].last == i - 2 and \
            self.lex.entities[self.found[-1].mention.entity].type in ("Place", "Country") and \
            self.tokens[i].key in self.lex.grammar.get("compass", frozenset())

    def of_people(self, i: int) -> bool:
        """A nationality adjective after a word of people says where they are from, it names
        no state (المقاتلون الأكراد السوريون، اللاجئين السوريين: not Syria)."""
        return i > 0 and self.adjective_at(i) is not None and \
            self.tokens[i - 1].key.lstrip("و") in self.lex.grammar.get("peoples", frozenset())

    def dual_back(self, i: int, prefix: str) -> bool:
        """A definite dual of a kind (``dual_heads``: القريتين) after that kind's dual in its
        sentence or the one before (في قريتي …، بلدتين): it refers to those two."""
        form = self.form(i, 1, prefix)[0]
        if form not in self.lex.grammar.get("dual_heads", frozenset()):
            return False
        bare = {form[2:], form[2:-1]}
        near = range(self.sentence_of[i] - 1, self.sentence_of[i] + 1)
        return any(self.sentence_of[k] in near and bare & {t.key, t.key[1:]}
                   for k, t in enumerate(self.tokens[:i]))

    def form(self, i: int, n: int, prefix: str) -> tuple[str, ...]:
        """The lexicon form of the n tokens from token i, its first without its proclitics."""
        first = self.tokens[i].key[len(prefix):]
        head = "ال" + first if prefix.endswith("لل") else first
        return (head,) if n == 1 else tuple([head] + [t.key for t in self.tokens[i + 1:i + n]])

    def choose(self, keys: list[str], i: int, prefix: str, doubtful: bool = False) -> str | None:
        """The entity a name means here. An ambiguous name (or a ``doubtful`` form of a name)
        needs a cue before it (مدينة، صحيفة), or a preposition for a place (unless its flag
        is ``cue``); or to have been read so elsewhere in the article."""
        cue = self.tokens[i - 1].key if i else ""
        cues = self.lex.grammar.get("place_cues", frozenset())
        place_cue = cue in cues or any(cue[:n] in _PROCLITICS and cue[n:] in cues
                                       for n in (1, 2))  # بجبهة مجزر، وبمدينة …
        org_cue = cue in self.lex.grammar.get("org_cues", ())
        closed = any(t.text == "»" for t in self.tokens[i + 1:i + 4])
        if cue == "«" and closed and any(self.lex.kinds.get(k) == "media" for k in keys):
            keys = [k for k in keys if self.lex.kinds.get(k) == "media"]  # لـ«الشرق الأوسط»
            org_cue = True
        after_prep = (prefix.lstrip("وف")[:1] in ("ب", "ل")
                      or cue in self.lex.grammar.get("prepositions", ()))
        listed = prefix.startswith("و") and self.place_before(i)  # مأرب وعمران وحجة
        if len(keys) > 1:
            order = {"Place": -1} if place_cue else {}
            keys = sorted(keys, key=lambda k: (order.get(self.lex.entities[k].type, 0),
                                               _TYPE_RANK[self.lex.entities[k].type]))
        for key in keys:
            kind = self.lex.entities[key].type
            if (key not in self.lex.ambiguous and not doubtful or place_cue or org_cue
                    or ((after_prep or listed) and kind == "Place" and key not in self.lex.cue_only)):
                return key
        return None

    def common_noun(self, i: int, n: int, prefix: str, keys: list[str]) -> bool:
        """A place that is also a common noun (``ambiguous: noun``), one word under a bare ب
        before a complementizer or an indefinite word, is that noun (بحجة أن، بحجة قتال),
        not the place (بحجة وصعدة، بحجة شمال البلاد stay it)."""
        if n != 1 or prefix.lstrip("وف") != "ب" or not all(k in self.lex.ba_nouns for k in keys):
            return False
        nxt = self.tokens[i + 1].key if i + 1 < len(self.tokens) else ""
        g = self.lex.grammar
        return nxt in g.get("complementizers", ()) or (
            nxt.isalpha() and not nxt.startswith(("ال", "و")) and not any(
                nxt in g.get(group, ()) for group in
                ("prepositions", "directions", "time_words", "conjunctions")))

    def place_before(self, i: int) -> bool:
        """A place was named right before token i (what a و joins a name to)."""
        f = self.found[-1] if self.found else None
        return (f is not None and f.last in (i - 1, i - 2) and
                self.entity(f.mention.entity).type == "Place")

    # --- titles ------------------------------------------------------------------------------

    def title(self, i: int, n: int, role: str, prefix: str) -> int:
        j = i + n
        if n == 1 and self.tokens[i].key[len(prefix):] in self.lex.given_names:
            end = self.name_end(j)  # سلطان أحمد بن سليم: a given name, not the title
            if end > j:
                self.add(self.discover(i, end, "", None, prefix), i, end - 1, prefix)
                return end
        if self.family_title(i) and i - 1 not in self.covered:
            return j  # محمد جاسم السلطان: a family name, not the sultan
        if i > 0 and self.tokens[i - 1].key.lstrip("وبل") in self.lex.grammar.get(
                "named_after", frozenset()):  # مستشفى الملك فهد، كأس الملك: the name of a place
            while j < len(self.tokens) and j - i <= 2 and (  # or a prize, and the name in it
                    self.tokens[j].key in self.lex.given_names and j not in self.covered):
                j += 1 + (self.tokens[j].key in _NAME_OPENERS)  # مدينة الملك عبد الله الطبية
            return j
        if role == "minister":  # وزير الطاقة، وزيرة الشؤون الاجتماعية: the portfolio
            portfolios = self.lex.grammar.get("portfolios", frozenset())
            while j < len(self.tokens) and (self.tokens[j].key in portfolios or self.tokens[
                    j].key[:1] == "و" and self.tokens[j].key[1:] in portfolios):
                j += 1
        country = self.adjective_at(j)
        if country and j + 1 < len(self.tokens) and self.tokens[j + 1].key in ("بن", "ابن"):
            country = None  # الأمير تركي بن بندر: a given name, not the adjective
        if country:
            j += 1
        affiliation = country
        inner = self.phrase_at(j)
        if inner and not (role == "spokesperson" or self.tokens[j - 1].key.startswith("باسم")
                          or any(p.kind == "entity" and self.lex.entities[p.value].type in
                                 ("Organization", "Country") for p in inner[1])):
            inner = None
        if inner:  # الناطق باسم الوزارة، قائد الحرس الثوري، زعيم حزب الله: whose title
            before = len(self.found)
            j2 = self.step(j)
            if len(self.found) > before:
                affiliation = self.found[-1].mention.entity
            if len(self.found) > before or self.tokens[i + n - 1].key.startswith("باسم"):
                j = j2  # المتحدث باسم الشرطة لينا حداد: whose, even unresolved, then the name
            if j < len(self.tokens) and self.tokens[j].key in self.lex.participles and \
                    self.name_end(j + 1) > j + 1:
                j += 1  # المتحدث باسم القوات الموالية ناصر الشعيبي: the forces described
        named = self.phrase_at(j)  # المخلوع علي صالح: a name that begins with the word
        former = j < len(self.tokens) and self.tokens[j].key in self.lex.grammar.get(
            "former_words", frozenset()) and not (named and any(
                p.kind == "entity" and self.lex.entities[p.value].type == "Person"
                for p in named[1]))
        j += former  # الرئيس السابق: not whoever holds the title in the article's year
        tails = self.lex.grammar.get("rank_tails", frozenset())
        while (match := self.phrase_at(j)) and any(p.kind == "title" for p in match[1]) or \
                j < len(self.tokens) and self.tokens[j].key in tails:
            j += match[0] if match else 1  # a rank after the title: قائد الحرس الثوري اللواء
            # حسين سلامي; a rank's qualifier: المقدم طيار، اللواء الركن، الرقيب أول
        if match:
            people = [p.value for p in match[1] if p.kind == "entity"
                      and self.lex.entities[p.value].type == "Person"]
            if people and not self.another_name(j, match[0]):
                self.add(people[0], i, j + match[0] - 1, prefix)
                return j + match[0]
        name_end = self.name_end(j)
        if name_end > j:
            key = self.discover(j, name_end, role, affiliation)
            self.add(key, i, name_end - 1, prefix)
            return name_end
        holder = None if former or self.other_body(j) else self.holder(role, country)
        if holder:
            self.add(holder, i, j - 1, prefix)
        elif country:
            self.pending_titles.append((i, j - 1, prefix, role, country))
        return j

    def given_name(self, i: int) -> int:
        """A person named by a given name (names.yaml) and more name words, right after a
        speech verb (قال خالد العمري إن …) or right before a title (عبدالعزيز جباري، مستشار
        الرئيس); the title gives the role. Past the name, or i + 1 when there is none."""
        key = self.tokens[i].key
        if i > 0 and self.tokens[i - 1].key in _PATRONYMS:
            return i + 1  # عبد الله بن محمد الزامل: the father's name, no name of its own
        chain, conj = self.name_chain(i)
        if chain > i:  # حامد حمد حامد العلي: a full name says it is one, whatever stands around
            self.add(self.discover(i, chain, "", None, conj), i, chain - 1, conj)
            return chain
        end = self.name_end(i) if key in self.lex.given_names else i
        if end - i < 2:
            return i + 1
        title = self.phrase_at(end + (end < len(self.tokens) and self.tokens[end].text in "،,"))
        role = next((p.value for p in title[1] if p.kind == "title"), None) if title else None
        verb = self.morph.verb(self.tokens[i - 1].key) if i > 0 else None
        spoken = verb is not None and "speech" in self.lex.verb_classes.get(verb.lemma, frozenset())
        if role is None and (key in self.lex.common_given or not spoken) or \
                key in self.known_words and not spoken:
            return i + 1  # بناء علي توجيهات الرئيس: علي, a preposition, needs a speech verb
        self.add(self.discover(i, end, role or "", None), i, end - 1, "")
        return end

    def name_chain(self, i: int) -> tuple[int, str]:
        """(end, conjunction) of a full Arabic name from token i (end i when there is none):
        three given names or more (عبد + a word is one: عبد المحسن), بن between them, closed
        by one or two surnames with the article, or with بن in it, or of four given names
        (فهد سليمان عبد المحسن القباع، وسعد بن سعد محمد الشريان الكعبي)."""
        tokens, given = self.tokens, self.lex.given_names
        conj = "و" if tokens[i].key[:1] == "و" and (
            tokens[i].key[1:] in given or tokens[i].key[1:] in ("عبد", "ابو")) else ""
        k, names, patronym = i, 0, False
        while k < len(tokens) and k not in self.covered and is_word(tokens[k]):
            key = tokens[k].key[len(conj):] if k == i else tokens[k].key
            if key in ("بن", "ابن", "بنت") and names:
                patronym, k = True, k + 1
            elif key in ("عبد", "ابو") and k + 1 < len(tokens) and is_word(tokens[k + 1]) and \
                    k + 1 not in self.covered:
                names, k = names + 1, k + 2
            elif key in given and (names or not tokens[k].text.startswith("ال")) and (
                    key not in self.known_words or tokens[k].text.endswith("ي")):  # not على
                names, k = names + 1, k + 1
            else:
                break
        if names < 3 or tokens[k - 1].key in ("بن", "ابن", "بنت"):
            return i, ""
        stop = self.lex.grammar.get("not_names", frozenset())
        end = k
        while end < min(k + 2, len(tokens)) and end not in self.covered:
            if tokens[end].key == "ال" and end + 1 < len(tokens) and is_word(tokens[end + 1]):
                end += 2  # آل سعود، آل ثاني: the family
                break
            if not (tokens[end].text.startswith("ال") and len(tokens[end].key) > 2
                    and self.name_word(end, stop)):
                break
            end += 1
        return (end, conj) if end > k or patronym or names >= 4 else (i, "")

    def short_name(self, k: int) -> bool:
        """Token k is, in the lexicon, only a known person's one-word short name (إرنست), which
        may be another person's name too."""
        match = self.phrase_at(k)
        return match is not None and match[0] == 1 and all(
            p.kind == "entity" and self.lex.entities[p.value].type == "Person" for p in match[1])

    def another_name(self, i: int, n: int) -> bool:
        """The one-word short name of a known person at token i is another person's first name
        when a name word follows it (إرنست مونيز is not Josh Earnest), and a patronymic بن …
        after a name word is another person's (محمد بن سلطان الهزاع is not Bandar bin Sultan)."""
        match = self.phrase_at(i)
        if match is None or not any(p.kind == "entity" and self.lex.entities[p.value].type ==
                                    "Person" for p in match[1]):
            return False
        stop = self.lex.grammar.get("not_names", frozenset())
        if i > 0 and self.tokens[i - 1].key in ("بن", "ابن", "بنت"):
            return True  # سعود بن نايف بن عبدالعزيز: his father, not Nayef himself
        if self.tokens[i].key in ("بن", "ابن"):
            return i > 0 and i - 1 not in self.covered and self.name_word(i - 1, stop)
        k = i + n
        if n == 1 and k < len(self.tokens) and self.tokens[k].key in ("بن", "ابن"):
            return True  # هادي بن علي اليامي: not Hadi but a Hadi son of Ali
        if n != 1 or k >= len(self.tokens):
            return False
        key, text = self.tokens[k].key, self.tokens[k].text
        return ((key[:1] not in "وفبل" or key[:1] == "و" and len(key) <= 3)  # جيفري ويب
                and (not text.startswith("ال") or key.endswith("ي"))  # هادي العبيدي
                and self.phrase_at(k) is None
                and self.name_word(k, stop))  # not لافروف ظريف: two known people

    def adjective_at(self, j: int) -> str | None:
        if j < len(self.tokens):
            key = self.tokens[j].key
            return self.lex.adjectives.get(key.removeprefix("ال"))
        return None

    def name_end(self, j: int) -> int:
        """End of the unknown name that starts at token j (j itself when there is none).

        Two or three words the lexicon does not know, the first without ال (a surname may have
        it: ناصر الشعيبي), and then a boundary: punctuation, a function or speech word, a known
        phrase.
        """
        g = self.lex.grammar
        stop = g.get("not_names", frozenset())
        particles = g.get("name_particles", frozenset())
        k, words, surname = j, 0, False
        if j < len(self.tokens) and (self.tokens[j].key[:1] == "و" or self.tokens[j].key[:1] in
                                     "بل" and self.tokens[j].key not in self.lex.given_names
                                     or self.tokens[j].key in particles and
                                     self.tokens[j].key not in _NAME_OPENERS):
            return j  # وفهد: a second name, joined to one before; بمعاملة، لجمهورية: a phrase;
            # بن بندر: a name cut from its first word (not عبد الله، أبو عمر: its first word)
        if j < len(self.tokens) and len(self.tokens[j].key) > 4 and self.tokens[j].key.endswith(
                "ات") and self.tokens[j].key not in self.lex.given_names:
            return j  # خدمات، فعاليات: a plural noun after the title, no first name
        patronym = j + 1 < len(self.tokens) and self.tokens[j + 1].key in ("بن", "ابن", "بنت")
        while k < len(self.tokens) and words < _MAX_NAME_WORDS + (k > j and self.tokens[
                k - 1].key in particles) and (
                self.name_word(k, stop) or k == j and patronym and is_word(self.tokens[k])
                and self.tokens[k].key not in stop  # تركي بن بندر: a name, not "Turkish"
                or k > j and is_word(self.tokens[k]) and (
                    self.tokens[k].key in particles or self.tokens[k - 1].key in particles
                    and self.tokens[k].key not in stop)):  # محمد بن سلطان الهزاع
            text = self.tokens[k].text
            if text.startswith("ال") and k == j:
                break  # ناصر الشعيبي: a surname may have the article, a first name not
            if surname and not (text.startswith("ال") and (
                    self.father_surname(k - 1) or self.tokens[k].key.endswith("ي"))):
                break  # حامد الشمري كلمة، حامد الشمري المشرف: a name ends at its surname with
                # the article, unless that is a father's name or the next a tribe's (جابر
                # الأحمد الصباح، ماجد الصميلي السبيعي)
            if surname and len(self.tokens[k].key) > 7 and self.tokens[k].key.endswith("ات"):
                break  # وزع المدير فهد الحربي الشهادات: a plural after the surname, no second
                # one (a surname may end so: المهندس نادر الخريصات)
            if k > j and self.tokens[k].key[:1] == "و" and \
                    self.tokens[k].key not in self.lex.grammar.get("waw_words", frozenset()):
                break  # سليمان العسكر وعدد من …: و joins another phrase
            words += self.tokens[k].key not in particles
            surname = text.startswith("ال") and self.tokens[k - 1].key not in particles and \
                self.tokens[k].key not in ("الدين", "الله")  # نصر الدين خوالد: a compound name
            k += 1
        if k > j and self.tokens[k - 1].key in particles:
            return j  # عبدالعزيز بن …: a name cut short
        boundary = (surname or k >= len(self.tokens) or not is_word(self.tokens[k])
                    or self.tokens[k].key in stop or self.phrase_at(k) is not None
                    or self.another_given(k) or self.as_calling(k))
        return k if boundary and words >= 2 else j  # two words at least: a first name and more
        # (عبد الله، أبو محمد: one)

    def name_word(self, k: int, stop: frozenset[str]) -> bool:
        """A word that may be part of a person's name: no word the lexicons know (function and
        time words, kinds, adjectives, verbs, triggers), no tanween (حالياً), no proclitic ب or
        ل on a word (بتقاطعه، بجامعة), no possessive (نفسه). A given name is one even when it
        is also a verb (ناصر), and علي written with ي is the name, not the preposition على."""
        tok = self.tokens[k]
        key = tok.key
        family = self.family_title(k)
        given = key in self.lex.given_names and (
            key not in stop and key not in self.known_words or tok.text.endswith("ي"))
        return (is_word(tok) and (given or key not in stop) and not tok.text.isdigit()
                and tok.text.strip("ـ") != ""  # a dash drawn with tatweel
                and not self.adjective_at(k)
                and (self.phrase_at(k) is None or self.short_name(k) or family)
                and (given or family or not self.morph.kinds(key) & {"verb", "noun"}
                     and key not in self.known_words) and "\u064b" not in tok.text
                and (key not in self.lex.title_words or family)  # إليكسي بزهانوف نائب وزير
                and not (key.startswith("ال") and len(key) > 7 and key.endswith(("ين", "ون")))
                and not (key[:1] in "بل" and len(key) > 3 and (
                    key[1:] in self.known_words or key[1:3] in ("ال", "لل")
                    or self.morph.verb(key[1:]) is not None))  # بدرس، بتقاطعه
                and not key.startswith("لل")
                and not self.for_noun(k)
                and not self.another_given(k)
                and not (key[:1] == "ف" and (key[1:] in stop or key[1:] in self.known_words))
                and not (key.startswith(("يت", "تت", "يست", "تست")) and len(key) > 4)  # يتألم
                and not key.endswith(("ته", "تها", "هم", "هما")) and not masdar_shaped(key)
                and not (len(key) > 4 and key.endswith("ها"))  # فريقها: a possessive
                and not (len(key) > 5 and key.endswith("ات") and not key.startswith("ال") and (
                    key[-4] != "ي" or key.endswith("يات")))  # مدير فعاليات العيد، مدير جوازات
                # المنطقة: a plural (not a family name shaped فعيلات: عبيدات، ذنيبات)
                and not key.startswith("كال")  # كالعاشق: as the …
                and not self.as_calling(k)
                )

    def as_calling(self, k: int) -> bool:
        """ك before a calling, a title or another word the lexicons know (كلاعب، كمدرب، كعضو):
        "as a …", which ends a name."""
        key = self.tokens[k].key
        return key[:1] == "ك" and len(key) > 3 and key not in self.lex.given_names and (
            "ال" + key[1:] in self.known_words or key[1:] in self.known_words
            or key[1:] in self.lex.title_words)

    def for_noun(self, k: int) -> bool:
        """ل before a noun of the shapes مفعل، تفعلة (لمنصب، لتوسعة): "for a …", no name word;
        no given name (لمياء) and no name of the lexicons is one."""
        key = self.tokens[k].key
        return key[:1] == "ل" and key[1:2] in "مت" and len(key) > 4 and \
            key not in self.lex.given_names and self.phrase_at(k) is None

    def father_surname(self, k: int) -> bool:
        """Token k is a father's given name with the article (الأحمد، العبدالعزيز), which a
        family name may follow; not a title (السلطان) nor a name shaped like a nisba (السلمي)."""
        bare = self.tokens[k].key.removeprefix("ال")
        return bare in self.lex.given_names and not bare.endswith("ي") and \
            self.tokens[k].key not in self.lex.title_words

    def family_title(self, k: int) -> bool:
        """Token k is a one-word title with the article that is a given name without it
        (السلطان): after a given name, a family name."""
        key = self.tokens[k].key
        return key.startswith("ال") and key in self.lex.title_words and \
            key[2:] in self.lex.given_names and k > 0 and \
            self.tokens[k - 1].key in self.lex.given_names

    def another_given(self, k: int) -> bool:
        """A given name under ب or ل: the phrase of another person (زج المدرب جروس بعبدالله)."""
        key = self.tokens[k].key
        return key[:1] in "بل" and key[1:] in self.lex.given_names and \
            key not in self.lex.given_names

    def alias_at(self, i: int) -> tuple[str, str] | None:
        """(person, prefix) when token i is the surname of a person discovered earlier."""
        key, aliases = self.tokens[i].key, self.aliases
        person = aliases.get(key) if len(key) > 2 else None
        if person:
            return person, ""
        if len(key) < 4 or not _proclitic(ord(key[0])):
            return None  # no proclitic: each longer one starts with a shorter
        person = aliases.get(key[1:])
        if person:
            return person, key[:1]
        prefix = key[:2]
        person = aliases.get(key[2:]) if len(key) > 4 and prefix in _PROCLITICS else None
        return (person, prefix) if person else None

    def discover(self, j: int, end: int, role: str, affiliation: str | None,
                 prefix: str = "") -> str:
        name = " ".join(t.text for t in self.tokens[j:end])[len(prefix):]
        latin = romanize(name)
        key = "person-" + (slug(latin) or "x")
        if key not in self.new and key not in self.lex.entities:
            self.new[key] = Entity(key=key, type="Person", label_ar=name, translit=latin,
                                   affiliation=affiliation, role=self.lex.roles.get(role),
                                   discovered=True)
        self.aliases[self.tokens[end - 1].key] = key
        return key

    def other_body(self, j: int) -> bool:
        """Token j, right after a title with no name, is the genitive of a body the lexicons
        do not know (مدير المعهد الألماني، رئيس البرلمان): the title is that body's head, not the
        holder of the office named before; not an adjective (المتحدث الرسمي)."""
        if j >= len(self.tokens) or j in self.covered or self.phrase_at(j):
            return False
        key = self.tokens[j].key.lstrip("ل")
        return key.startswith("ال") and not key.endswith(("ي", "يه", "يين", "يون", "يات")) and \
            key not in self.lex.title_words

    def holder(self, role: str, country: str | None, candidates: list[Found] | None = None
               ) -> str | None:
        """Who a title alone refers to: the last person with it here, else its only holder;
        with ``candidates`` (later mentions, in order), the first of them that fits."""
        for f in reversed(self.found) if candidates is None else candidates:
            person = self.entity(f.mention.entity)
            if person.type == "Person" and person.role and (
                    person.role.key == role or role == "minister" and "minister" in person.role.key) \
                    and (country is None or person.affiliation == country):
                return person.key
        if candidates is not None:
            return None
        holders = self.lex.holders.get((role, country or ""), [])
        if self.year:
            holders = [h for h in holders if self.lex.terms[h][0] <= self.year <= self.lex.terms[h][1]]
        return holders[0] if len(holders) == 1 else None

    # --- institutions and generic heads -----------------------------------------------------

    def head(self, i: int, n: int, institution: str, prefix: str) -> int:
        j = i + n
        if n == 1 and self.modifies(i, prefix):
            return j
        country = self.adjective_at(j)
        keep = self.lex.grammar.get("own_state_words", frozenset())
        if country is None and j < len(self.tokens) and self.tokens[j].key in keep:
            country = self.adjective_at(j + 1)  # الاستخبارات المركزية الأمريكية: the CIA
            if country and (key := self.lex.compounds.get((institution, country))):
                self.add(key, i, j + 1, prefix)
                return j + 2
        if country is None:  # الطيران والمدفعية الروسية: the adjective after the second head
            nxt = self.phrase_at(j)
            if nxt and nxt[2].startswith("و"):
                compound = next((self.lex.entities[p.value] for p in nxt[1] if p.kind == "entity"
                                 and p.value in self.lex.institution_of), None)
                country = compound.country if compound else None
        key = self.lex.compounds.get((institution, country)) if country else None
        if key:
            has_adjective = self.adjective_at(j) is not None
            self.add(key, i, i + n - 1 + has_adjective, prefix)
            return j + has_adjective
        located = self.state_located(j) if institution in self.lex.own_state else None
        key = self.lex.compounds.get((institution, located)) if located else None
        if key and self.lex.kinds.get(key) != "military":  # وزارة الداخلية في البحرين
            self.add(key, i, i + n - 1, prefix)
            return j
        for f in reversed(self.found):
            if self.lex.institution_of.get(f.mention.entity) == institution:
                self.add(f.mention.entity, i, i + n - 1, prefix)
                break
        else:
            words = " ".join(t.key for t in self.tokens[i:i + n])
            aircraft = words.removeprefix(prefix) in self.lex.grammar.get("aircraft_heads", ())
            if self.own_state(j) and institution in self.lex.own_state and not aircraft:
                self.pending_heads.append((i, i + n - 1, prefix, institution))
        return j

    def construct(self, i: int) -> int | None:
        """Past an institution's head in construct with a state's name (حكومة إسرائيل، وجيش
        مصر: that state's government, army; the heads: ``construct_heads``), or a ruler's head
        with a person's (حكومة العبادي، نظام الأسد: the government of the state they serve;
        ``ruler_heads``), else None."""
        key = self.tokens[i].key
        prefix = key[:1] if key[:1] in "وف" and len(key) > 4 else ""
        head = "ال" + key[len(prefix):]
        heads = [p.value for p in self.lex.phrases.get((head,), ()) if p.kind == "head"] \
            if head in self.lex.grammar.get("construct_heads", frozenset()) else []
        match = self.phrase_at(i + 1) if heads else None
        if match is None or match[2]:
            return None
        rulers = self.lex.grammar.get("ruler_heads", frozenset())
        for p in match[1]:
            e = self.lex.entities.get(p.value)
            state = e.key if e and e.type == "Country" else self.state_served(e) if (
                e and e.type == "Person" and head in rulers) else None
            adjective = 0
            if p.kind == "generic":  # حكومة الاحتلال (الإسرائيلية): the occupying state's
                near = self.adjective_at(i + 1 + match[0])
                force = self.lex.theatres.get((p.value, near or self.focus_country() or ""))
                state = self.lex.entities[force].country if force and self.lex.kinds.get(
                    force) == "military" else None  # not قوات المقاومة: the resistance's own
                adjective = near is not None and state == near
            compound = self.lex.compounds.get((heads[0], state)) if state else None
            if compound:
                self.add(compound, i, i + match[0] + adjective, prefix)
                return i + 1 + match[0] + adjective
        return None

    def state_served(self, person: Entity) -> str | None:
        """The state a person holds an office of in the article's year (with no date, in the
        years of news the gazetteer covers: ``undated_years``): their affiliation, or its
        state. None for a past ruler: نظام صدام is Saddam's, not the Iraqi government."""
        term = self.lex.terms.get(person.key)
        era = sorted(int(y) for y in self.lex.grammar.get("undated_years", ()) if y.isdigit())
        first, last = (self.year, self.year) if self.year else (era[0], era[-1]) if era else \
            (0, 9999)
        if term is None or term[1] < first or term[0] > last:
            return None
        served = self.lex.entities.get(person.affiliation or "")
        return served and (served.key if served.type == "Country" else served.country) or None

    def state_located(self, j: int) -> str | None:
        """The state of the place named under في at token j (السلطات في البحرين، الشرطة في
        لندن), else None."""
        if j + 1 >= len(self.tokens) or self.tokens[j].key != "في":
            return None
        match = self.phrase_at(j + 1)
        if match is None or match[2]:
            return None
        places = [self.lex.entities[p.value] for p in match[1] if p.kind == "entity"
                  and self.lex.entities[p.value].type in ("Country", "Place")]
        states = {e.key if e.type == "Country" else e.country for e in places}
        return states.pop() if len(states) == 1 else None

    def own_state(self, j: int) -> bool:
        """A bare institution is the article's state's unless a word after it says otherwise
        (القوات الأجنبية، الجيش الحر): none, or one of the words that keep it (الحكومية)."""
        if j >= len(self.tokens) or not is_word(self.tokens[j]):
            return True
        key = self.tokens[j].key
        keep = self.lex.grammar.get("own_state_words", frozenset())
        return key in keep or not key.startswith("ال") or self.phrase_at(j) is not None

    def more_nationalities(self, key: str, j: int) -> int:
        """An institution with its adjective, then more adjectives joined by و: the same
        institution of those states too (الطائرات الحربية السورية والروسية)."""
        institution = self.lex.institution_of.get(key)
        while institution and j < len(self.tokens) and self.tokens[j].key.startswith("و"):
            country = self.lex.adjectives.get(self.tokens[j].key[1:].removeprefix("ال"))
            other = self.lex.compounds.get((institution, country)) if country else None
            if other is None:
                break
            self.add(other, j, j, "و")
            j += 1
        return j

    def last_of_kind(self, kind: str, i: int, head: str) -> str | None:
        """The last entity the generic head may refer to: one of its kind, or a place named
        right after its word (مدينة الضالع … المدينة: the city, though also a province)."""
        word = head.removeprefix("ال")
        for f in reversed(self.found):
            before = self.tokens[f.first - 1].key if f.first > 0 else ""
            if self.of_kind(f.mention.entity, kind, head) or word in (before, before[1:]) and \
                    self.entity(f.mention.entity).type == "Place":
                return f.mention.entity
        return None

    def of_kind(self, key: str, kind: str, head: str) -> bool:
        """An entity a generic head of this kind may refer to; a head of ``alias_heads`` only
        to one of whose names it is a word (المتمردون: the Houthis, المتمردون الحوثيون; not the
        force that fights them)."""
        return self.lex.kinds.get(key) in _KINDS.get(kind, (kind,)) and self.alias_of(key, head)

    def alias_of(self, key: str, head: str) -> bool:
        """A head not of ``alias_heads``, or a word of one of the entity's names, with or
        without the article (الجبهة: جبهة النصرة)."""
        if head not in self.lex.grammar.get("alias_heads", frozenset()):
            return True
        e = self.lex.entities.get(key)
        forms = {head, head.removeprefix("ال")}
        return e is not None and any(forms & set(normalize_text(name).split())
                                     for name in (e.label_ar, *e.alt_ar))

    def last_jihadist(self) -> str | None:
        return next((f.mention.entity for f in reversed(self.found)
                     if f.mention.entity in self.lex.jihadist), None)

    def resolve_forward(self) -> None:
        """A generic head or a title with nothing before it refers to the next one that fits;
        an ambiguous name read as an entity once in the article is that entity throughout."""
        confirmed = {f.mention.entity for f in self.found}
        for first, last, prefix, keys in self.doubtful:
            key = next((k for k in keys if k in confirmed), None)
            if key:
                self.add(key, first, last, prefix)
        for first, last, prefix, role, country in self.pending_titles:
            later = sorted((f for f in self.found if f.first > last), key=lambda f: f.first)
            holder = self.holder(role, country, later)
            if holder:
                self.add(holder, first, last, prefix)
        focus = self.focus_country() if self.pending else None
        for first, last, prefix, kind, head in self.pending:
            nxt = next((f.mention.entity for f in sorted(self.found, key=lambda f: f.first)
                        if f.first > last and self.of_kind(f.mention.entity, kind, head)), None)
            theatre = self.lex.theatres.get((kind, focus)) if focus else None
            if theatre and not self.alias_of(theatre, head):
                theatre = None  # المتمردون: not the force the theatre has
            nxt = nxt or theatre or self.state_of_kind(kind)
            if nxt:
                self.add(nxt, first, last, prefix)
        # the article's state, its generic heads resolved (المملكة counts for its state)
        home = self.home_state() if self.pending_heads else None
        for first, last, prefix, institution in self.pending_heads:
            state = self.state_of_holder(first) or self.state_of_acts(first) or home
            key = self.lex.compounds.get((institution, state)) if state else None
            if key:  # الجيش in an article about Egypt: the Egyptian army
                self.add(key, first, last, prefix)

    def loyal_forces(self) -> None:
        """A state's army or forces loyal to a person who has a force of their own are that
        force (قوات الجيش الموالية للرئيس السابق صالح: Saleh's forces, not Yemen's army)."""
        loyal = self.lex.grammar.get("loyal_to", frozenset())
        starts = {f.first: f for f in self.found}
        for n, f in enumerate(self.found):
            if f.mention.entity not in self.lex.institution_of:
                continue
            k = self.past_copula(f.last + 1)  # وحدات من الجيش ظلت موالية لصالح
            person = starts.get(k + 1)
            force = person and person.prefix.startswith(("ل", "ول", "فل")) and \
                self.lex.loyalists.get(person.mention.entity)
            if force and self.tokens[k].key in loyal:
                self.found[n] = Found(replace(f.mention, entity=force), f.first, f.last, f.prefix)

    def past_copula(self, i: int) -> int:
        """The token after a copula at token i, past a relative or a negator before it (ظلت
        موالية، التي ظلت موالية، لا تزال موالية: the participle), else token i itself."""
        g = self.lex.grammar
        skip = g.get("relatives", frozenset()) | g.get("negators", frozenset())
        k = i
        while k < min(i + 2, len(self.tokens) - 1) and self.tokens[k].key in skip:
            k += 1
        verb = self.morph.verb(self.tokens[k].key) if k < len(self.tokens) else None
        return k + 1 if verb is not None and verb.lemma in g.get("copulas", frozenset()) and \
            k + 1 < len(self.tokens) else i

    def state_of_holder(self, i: int) -> str | None:
        """The state of the person nearest token i in its sentence, when i ends a title
        (ولي العهد نائب رئيس مجلس الوزراء، القائد العام للقوات المسلحة حيدر العبادي: the
        holder's state), else None."""
        offices = self.lex.grammar.get("office_words", frozenset())
        if i == 0 or self.tokens[i - 1].key not in offices:
            return None
        people = [f for f in self.found if f.mention.sentence == self.sentence_of[i]
                  and self.entity(f.mention.entity).type == "Person"]
        person = min(people, key=lambda f: min(abs(f.first - i), abs(f.last - i)), default=None)
        return self.served(self.entity(person.mention.entity)) if person else None

    def served(self, person: Entity) -> str | None:
        """The state of a person's affiliation (a state, or a body of one), else None."""
        served = self.lex.entities.get(person.affiliation or "")
        return served and (served.key if served.type == "Country" else served.country) or None

    def state_of_acts(self, i: int) -> str | None:
        """The one state whose acts the sentence names before token i with a nationality
        adjective, for a head that is the subject of a verb after them (توسعت العمليات
        الإسرائيلية، حيث استهدف سلاح الجو: Israel's air force; not غارة أمريكية على حاجز
        للجيش, whose army was hit)."""
        if i == 0 or self.morph.verb(self.tokens[i - 1].key) is None:
            return None
        acts = self.lex.grammar.get("operation_nouns", frozenset())
        states = set()
        for k in range(i - 1, 0, -1):
            if self.sentence_of[k] != self.sentence_of[i]:
                break
            state = self.adjective_at(k)
            before = self.tokens[k - 1].key.removeprefix("ال")
            if state and k not in self.covered and (
                    before in acts or self.morph.trigger(before) is not None):
                states.add(state)
        return states.pop() if len(states) == 1 else None

    # --- discovery ------------------------------------------------------------------------------

    def discover_kinds(self) -> None:
        """Places and groups named after a kind word the gazetteer does not know (منطقة
        الكشار، لواء التوحيد), in the country of the place named next in their sentence, else
        the article's."""
        kinds = self.kind_forms
        at = [i for i, tok in enumerate(self.tokens) if tok.key in kinds]
        if not at:
            return
        focus = self.focus_country()
        places = [f for f in self.found if self.entity(f.mention.entity).type == "Place"]
        telling: dict[int, bool] = {}
        for i in at:
            tok = self.tokens[i]
            if i in self.covered or not is_word(tok) or not self.tells(i, telling):
                continue
            for d in discover(self.tokens, i, self.covered, self.lex, self.morph,
                              self.country_after(i, places) or focus):
                if any(k in self.covered for k in range(d.first, d.last + 1)):
                    continue
                self.new.setdefault(d.entity.key, d.entity)
                prefix = "و" if d.kind_at < 0 else ""
                self.add(d.entity.key, d.first, d.last, prefix)

    def tells(self, i: int, known: dict[int, bool]) -> bool:
        """The sentence of token i tells of a relation or of violence (a trigger or a word of
        killing): a place or a group the gazetteer lacks is discovered there only, where the
        graph needs it, not in a story about markets, sports or schools. ``known``: the
        sentences read so far."""
        s = self.sentence_of[i]
        found = known.get(s)
        if found is None:
            victims = self.lex.grammar.get("victim_words", frozenset())
            k = i
            while k > 0 and self.sentence_of[k - 1] == s:
                k -= 1
            found = False
            while not found and k < len(self.tokens) and self.sentence_of[k] == s:
                key = self.tokens[k].key
                found = self.morph.trigger(key) is not None or key.lstrip("و") in victims
                k += 1
            known[s] = found
        return found

    def country_after(self, i: int, places: list[Found]) -> str | None:
        s = self.sentence_of[i]
        for f in places:
            if f.first > i and f.mention.sentence == s:
                e = self.entity(f.mention.entity)
                return e.country or None
        return None

    def focus_country(self) -> str | None:
        """The state the article is most about: its own mentions and its places'."""
        counts: dict[str, int] = {}
        for f in self.found:
            e = self.entity(f.mention.entity)
            state = e.key if e.type == "Country" else e.country
            if state:
                counts[state] = counts.get(state, 0) + 1
        return max(counts, key=lambda k: (counts[k], k)) if counts else None

    def home_state(self) -> str | None:
        """The state the article is about, when it dominates: named (itself, its places,
        bodies and the people in its offices) at least twice as often as any other, and not
        through one person alone (شن النجيفي هجوما على الحكومة: no state), else None."""
        counts: dict[str, int] = {}
        named: set[str] = set()
        for f in self.found:
            e = self.entity(f.mention.entity)
            state = e.key if e.type == "Country" else e.country
            named.add(state or "")
            state = state or (e.type == "Person" and self.state_served(e)) or None
            if state:  # a person in office: not Arafat today
                counts[state] = counts.get(state, 0) + 1
        ranked = sorted(counts.values(), reverse=True) + [0]
        top = max(counts, key=lambda k: (counts[k], k)) if counts else None
        return top if (top in named or ranked[0] > 1) and ranked[0] >= _DOMINANCE * ranked[1] \
            else None

    def state_of_kind(self, kind: str) -> str | None:
        """The state the article names most that a bare head of this kind stands for when the
        article is about another state (المملكة in a Saudi statement on Iran: Saudi Arabia)."""
        counts: dict[str, int] = {}
        for f in self.found:
            e = self.entity(f.mention.entity)
            state = e.key if e.type == "Country" else e.country
            if state and self.lex.theatres.get((kind, state)) == state:
                counts[state] = counts.get(state, 0) + 1
        return max(counts, key=lambda k: (counts[k], k)) if counts else None

    # --- bookkeeping ------------------------------------------------------------------------

    def entity(self, key: str) -> Entity:
        return self.new.get(key) or self.lex.entities[key]

    def add(self, key: str, first: int, last: int, prefix: str) -> None:
        tok = self.tokens[first]
        cut = len(prefix) - (1 if prefix.endswith(("ال", "لل")) else 0)
        start = tok.start + cut if cut < len(tok.text) else tok.start
        end = self.tokens[last].end
        self.covered.update(range(first, last + 1))
        self.found.append(Found(Mention(key, start, end, self.sentence_of[first],
                                        self.text[start:end]),
                                first, last, prefix))
        surname = self.tokens[last].key
        if last > first and key in self.lex.entities and self.lex.entities[key].type == "Person" \
                and len(surname) > 3 and self.aliases.setdefault(surname, key) != key:
            self.aliases[surname] = ""  # two people of that surname here: neither alone


_DOMINANCE: Final = 2  # how many times more often the article's state is named than another
_PATRONYMS: Final = frozenset({"بن", "ابن", "بنت"})
_NAME_OPENERS: Final = frozenset({"عبد", "ابو", "ابي", "ابا"})  # particles a name starts with
_PROCLITICS: Final = {"", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"}
_WAW: Final = 0x0648
_FA: Final = 0x0641
_BA: Final = 0x0628
_LAM: Final = 0x0644
_TYPE_RANK: Final = {"Person": 0, "Organization": 1, "Country": 2, "Place": 3}
_KINDS: Final[dict[str, tuple[str, ...]]] = {"city": ("city", "capital"), "armed-group": ("armed-group",),
          "ministry": ("ministry",), "alliance": ("alliance",), "coalition": ("coalition",),
          "capital": ("capital",)}


def _proclitic(code: int) -> bool:
    """The letter is one of the one-letter proclitics (و ف ب ل: ``_PROCLITICS``)."""
    return code == _WAW or code == _FA or code == _BA or code == _LAM


def _kind_forms(lex: Lexicon) -> frozenset[str]:
    """The kind words of discovery (place, site and org kinds) and their forms under و or ب."""
    kinds = lex.words_of("discovery_kinds", ("place_kinds", "site_kinds", "org_kinds"))
    return kinds | {c + k for c in ("و", "ب") for k in kinds if len(k) > 1}


def _with_links(keys: set[str], new: dict[str, Entity], lex: Lexicon) -> dict[str, Entity]:
    """The mentioned entities plus those they point to (affiliation, country), transitively."""
    out: dict[str, Entity] = {}
    todo = list(keys)
    while todo:
        key = todo.pop()
        if key in out:
            continue
        entity = new.get(key) or lex.entities.get(key)
        if entity is None:
            continue
        out[key] = entity
        todo += [k for k in (entity.affiliation, entity.country) if k]
    return out
