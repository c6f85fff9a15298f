"""Places and organisations the gazetteer does not know, discovered from their kind word.

A place kind (قرية، حي، منطقة، مديرية، مخيم، معسكر…) then a name-shaped word is a place:
منطقة الكشار، مديرية سحار، معسكر 48، ضاحية دار سعد; a dual or plural kind names each word
joined by و after it (معسكري الصمع وكهلان). A site kind (مسجد، فندق، محطة…) names the whole
phrase (مسجد العنود). An armed group's or party's kind (جماعة، حركة، جبهة، لواء، كتائب، حزب…)
then definite words is an organisation (لواء التوحيد، حزب الشعوب الديمقراطي). Refused: a kind
with the article (المنطقة الشرقية describes, it does not name), an adjective-shaped word (منطقة
حدودية), function words, verbs, numbers after anything but a camp or base, and the words that
follow an org kind in institution names (قوات الأمن، حركة السير).

>>> from ingest.pipeline import analyze
>>> from ingest.model import Article
>>> doc = analyze(Article("x", "وقصفت الطائرات مديرية الحصين وحي الطوارق."))
>>> sorted(e.label_ar for e in doc.entities if e.discovered)
['الحصين', 'الطوارق']
"""
from __future__ import annotations

import re
from typing import Final, NamedTuple

from ingest.lexicon import Lexicon, slug
from ingest.model import Entity
from ingest.morphology import Morphology
from ingest.normalize import Token, is_word
from ingest.transliterate import romanize

__all__ = ["Discovery", "discover", "masdar_shaped"]

_MAX_WORDS: Final = 3


class Discovery(NamedTuple):
    """A discovered entity and the tokens that name it (``first..last``; ``kind_at``: the
    token of its kind word, or -1 when a list after a dual or plural kind names it)."""

    entity: Entity
    first: int
    last: int
    kind_at: int


def discover(tokens: list[Token], start: int, covered: set[int], lex: Lexicon,
             morph: Morphology, country: str | None) -> list[Discovery]:
    """The entities named after the kind word at token ``start`` (none when it names nothing);
    ``covered``: tokens already inside a mention; ``country``: where the article is."""
    g = lex.grammar
    key = tokens[start].key
    kind = _bare(key, g, "place_kinds") or _bare(key, g, "site_kinds") or \
        _bare(key, g, "org_kinds")
    if kind is None or tokens[start].text.lstrip("وفبل").startswith("ال") or \
            kind == "احياء" and tokens[start].text.lstrip("وفبل").startswith("إ"):
        return []  # المنطقة الشرقية describes; إحياء التراث (not أحياء) is a verbal noun
    if _bare(key, g, "site_kinds"):
        return _site(tokens, start, covered, lex, morph, country)
    if _bare(key, g, "org_kinds") and key[:1] in "بل" and key[1:] in g.get("org_kinds", ()):
        return []  # قام بتنظيم الحياة: a verbal noun, not a group's kind
    if _bare(key, g, "org_kinds") and (not _bare(key, g, "place_kinds") or (
            start + 1 < len(tokens) and tokens[start + 1].text.startswith("ال"))):  # جبهة
        return _organization(tokens, start, covered, lex, morph, country)
    out = []
    end = _name_end(tokens, start + 1, covered, lex, morph, kind in lex.kind_names)
    if end <= start + 1:
        return []
    out.append(_place(tokens, start + 1, end - 1, start, kind, lex, country))
    if _plural(kind):  # معسكري الصمع وكهلان، مناطق رحبان وسحار
        k = end
        while k < len(tokens) and tokens[k].key.startswith("و") and len(tokens[k].key) > 2 \
                and k not in covered:
            if _name_end(tokens, k, covered, lex, morph, False, conj=True) != k + 1:
                break
            out.append(_place(tokens, k, k, -1, kind, lex, country, conj=True))
            k += 1
    return out


_NAME_HEADS = frozenset({"دار", "بيت", "ابو", "ام", "عين", "تل", "خان", "كفر", "دير", "جسر", "راس",
                         "بئر", "بير", "وادي", "جبل", "سيدي", "باب", "قصر", "برج", "مرج", "ذات",
                         "بني", "ال", "عبد", "شيخ", "سوق", "بلاد", "جزيره", "حمام", "قلعه", "نهر",
                         "تله", "عرب", "عزبه", "كوم", "ميت", "حوض", "حرف", "شعب", "خور", "بحر",
                         "ساوث", "نورث", "نيو", "سان", "سانت", "لوس", "لاس", "سانتا"})


def _bare(key: str, g: dict[str, frozenset[str]], group: str) -> str | None:
    words = g.get(group, frozenset())
    for cut in (0, 1, 2):
        if key[:cut] in ("", "و", "ب", "وب", "ول", "ل") and key[cut:] in words:
            return key[cut:]
    return None


def _plural(kind: str) -> bool:
    return kind.endswith(("ات", "ي")) or kind in ("قري", "مدن", "مناطق", "احياء")


def _name_end(tokens: list[Token], j: int, covered: set[int], lex: Lexicon, morph: Morphology,
              numbered: bool, conj: bool = False) -> int:
    """The token after the name that starts at j (j when no name does): one word, a number
    after a camp or a base (معسكر 48), two words after a name head (دار سعد، بيت حانون) or
    when the second has the article (حوض الإشراف)."""
    if not _name_word(tokens, j, covered, lex, morph, conj):
        return j
    if tokens[j].text.isdigit():
        return j + 1 if numbered else j
    word = tokens[j].key[1:] if conj else tokens[j].key
    k = j + 1
    if k < len(tokens) and _name_word(tokens, k, covered, lex, morph, False) and \
            not tokens[k].text.isdigit() and (word in _NAME_HEADS or word in lex.title_words or (
                tokens[k].text.startswith("ال") and not word.startswith("ال")
                and not _adjective_shaped(tokens[k].key))):
        return k + 1  # دار سعد، حوض الإشراف، الملك خالد (not شيرناك الحدودية)
    if k < len(tokens) and word in lex.given_names and not tokens[j].text.startswith("ال") and \
            _name_word(tokens, k, covered, lex, morph, False) and not tokens[k].text.isdigit() \
            and not tokens[k].text.startswith("ال"):
        return k + 1  # شارع سعد زغلول: named after a person, first name and surname
    return j if word in _NAME_HEADS or word in lex.title_words else k


def _name_word(tokens: list[Token], k: int, covered: set[int], lex: Lexicon, morph: Morphology,
               conj: bool = False) -> bool:
    if k >= len(tokens) or k in covered or not is_word(tokens[k]):
        return False
    tok = tokens[k]
    if tok.text.isdigit():
        return True
    if tok.text[:1].isdigit():
        return False  # مدة 10سنوات: a number glued to its noun
    key = tok.key[1:] if conj else tok.key
    g = lex.grammar
    if key in lex.words_of("discovery:not_names", _NOT_NAME_GROUPS):
        return False
    if key[:1] in "وف" and key[1:] in lex.words_of("discovery:closed", _CLOSED_GROUPS):
        return False  # ولا، فإن: a function word after و or ف (not فلك, a name)
    if any(p.kind == "generic" for p in lex.phrases.get((key,), ())):
        return False  # مناطق المملكة: the state the article is about, by its kind
    if key.removeprefix("ال") in lex.adjectives or key in g.get("not_place_names", frozenset()) \
            or key in lex.known_words or key.removeprefix("ال") in lex.known_words:
        return False
    if key.startswith("ال") and key.endswith("ات") and len(key) > 6 or \
            masdar_shaped(key) or \
            key in lex.title_words or key.removeprefix("ال") in lex.title_words:
        return False  # a plural, a verbal noun or a title names no place (منطقة المستودعات)
    if key[:1] in "بل" and len(key) > 3 and (key[1:] in lex.known_words or key[1:3] == "ال"):
        return False  # حي بمدينة حلب: a new phrase
    if key.startswith("كال") or "\u064b" in tok.text:
        return False  # مدينة كالعاشق: "like the …", a simile; مناطق تضرراً: an adverb
    if key.startswith("م") and key.endswith("ات") and len(key) > 5:
        return False  # سوق مشتقات النفط: a plural participle, no name
    if len(key) > 4 and tok.text.endswith("ه") and not tok.text.endswith("يه") and \
            not tok.text.startswith("ال"):
        return False  # منطقة نفوذه: a noun with a pronoun ("his"), as written with ه, not ة
    if len(key) > 4 and key.endswith(("ها", "هم", "هما")) and not tok.text.startswith("ال"):
        return False  # جامعة تافتس لفحصها: a word with a possessive names nothing
    if len(key) > 4 and (key.startswith(("يت", "تت", "يست", "تست")) or
                         key[:1] in "يت" and tok.text.endswith("ه")):
        return False  # حي يتألم، مصنع يديره: a verb in the present, not a name
    if not tok.text.startswith("ال") and key.startswith("م") and key.endswith("ه") and \
            len(key) > 4:
        return False  # an indefinite participle (مناطق مستهدفة)
    if not tok.text.startswith("ال") and _adjective_shaped(key) and not tok.text.endswith("يه") \
            and not (key.startswith("ابو") and len(key) > 5):  # محطة أبوعاصي: a kunya, glued
        return False  # منطقة حدودية، مسجد شيعي (not منطقة الحسيني, a construct; not ايستينيه)
    if not conj and len(key) > 3 and (key[0] in "وف" or key[0] in "بل" and key[1:3] == "ال"
                                      or key.startswith("لل")):
        return False  # a new phrase: منطقة وقرية، منطقة بالقرب، للقوات
    return morph.verb(key) is None and morph.trigger(key) is None


_MASDAR: Final = re.compile(r"^(?:ت..ي.|است..ا.|ا..ا.|ان..ا.|ا.ت.ا.|م.ا..ه)$")


def masdar_shaped(key: str) -> bool:
    """A verbal noun's shape (تحقيق، لتحقيق، استخدام، إلغاء، انسحاب، اعتداء، معاملة): no name."""
    bare = key.removeprefix("ال")
    return bool(_MASDAR.match(bare) or bare[:1] in "بلو" and _MASDAR.match(bare[1:]))
_CLOSED_GROUPS: Final = ("conjunctions", "complementizers", "relatives", "negators", "pronouns")
_NOT_NAME_GROUPS: Final = ("prepositions", "conjunctions", "complementizers", "relatives", "subordinators",
                    "negators", "pronouns", "time_words", "quantifiers", "place_kinds", "site_kinds",
                    "positional", "not_names", "auxiliaries", "assets", "members", "org_kinds",
                    "prepositions_with_pronoun", "belonging")


def _adjective_shaped(key: str) -> bool:
    """An indefinite word shaped like an adjective: a nisba (حدودية، شيعي، ساحلي)."""
    return key.endswith(("يه", "يين", "يون", "يات", "ي"))


def _place(tokens: list[Token], first: int, last: int, kind_at: int, kind: str, lex: Lexicon,
           country: str | None, conj: bool = False) -> Discovery:
    words = [t.text for t in tokens[first:last + 1]]
    if conj:
        words[0] = words[0][1:]
    name = " ".join(words)
    kind_en = lex.kind_names.get(kind.removesuffix("ي") if kind.endswith("ي") else kind, "")
    latin = f"{kind_en} {name}" if name[0].isdigit() else _latin(name)
    alt = (_without_clitics(tokens[kind_at].text) + " " + name,) if kind_at >= 0 else ()
    key = "place-" + (f"{country}-" if country else "") + (slug(latin) or "x")
    return Discovery(Entity(key=key, type="Place", label_ar=name, label_en=latin, alt_ar=alt,
                            country=country, discovered=True, translit=latin),
                     first, last, kind_at)


def _site(tokens: list[Token], start: int, covered: set[int], lex: Lexicon, morph: Morphology,
          country: str | None) -> list[Discovery]:
    """A building or site and its name, as one name: مسجد العنود، فندق النوران، مستشفى «بهية»،
    مسجد قوات الطوارئ (a force's own: ``site_owners``, when no mention holds the force)."""
    first = start + 1
    quoted = _quoted(tokens, first, covered)
    if quoted and not any(tokens[first + 1].key in lex.grammar.get(group, ())
                          for group in _NOT_NAME_GROUPS + ("not_site_names",)) and \
            morph.verb(tokens[first + 1].key) is None:  # quoted, a name, if not a function word
        return [_site_named(tokens, start, [t.text for t in tokens[first + 1:quoted]], quoted,
                            country)]
    if first + 1 < len(tokens) and tokens[first].key in lex.grammar.get("site_owners", ()) and \
            tokens[first + 1].text.startswith("ال") and first not in covered and \
            first + 1 not in covered and is_word(tokens[first + 1]) and \
            tokens[first + 1].key.removeprefix("ال") not in lex.adjectives:
        return [_site_named(tokens, start, [tokens[first].text, tokens[first + 1].text],
                            first + 1, country)]
    end = _name_end(tokens, first, covered, lex, morph, False)
    titled = end <= first and _titled(tokens, first, covered, lex, morph)
    if titled:  # مسجد الإمام الصادق، مستشفى الملك فهد، مستشفى الملك عبد الله: title and name
        end = first + 2 + (tokens[first + 1].key in ("عبد", "ابو") and first + 2 < len(tokens))
        after = tokens[end].key if end < len(tokens) else ""
        if after.startswith("ال") and (after[2:] in lex.given_names or after.endswith("ي")) and \
                _name_word(tokens, end, covered, lex, morph) and _unknown(after, lex):
            end += 1  # ملعب الأمير عبدالله الفيصل، مستشفى الملك فهد التخصصي (not الكائن)
    if end <= first or not tokens[first].text.startswith("ال") and \
            not _unknown(tokens[first].key, lex) or \
            tokens[first].key in lex.grammar.get("not_site_names", frozenset()):
        return []
    while not titled and end < len(tokens) and end - first < 2 + tokens[first].text.startswith("ال") and \
            _name_word(tokens, end, covered, lex, morph) and _unknown(tokens[end].key, lex) and (
                tokens[end].text.startswith("ال") == tokens[end - 1].text.startswith("ال")):
        end += 1  # مسجد الإمام الصادق، مستشفى كمال عدوان
    return [_site_named(tokens, start, [t.text for t in tokens[first:end]], end - 1, country)]


def _site_named(tokens: list[Token], start: int, words: list[str], last: int,
                country: str | None) -> Discovery:
    """The site of the kind word at ``start`` named by ``words``, its mention up to ``last``."""
    name = _without_clitics(" ".join([tokens[start].text, *words]))
    latin = _latin(name)
    key = "site-" + (f"{country}-" if country else "") + (slug(latin) or "x")
    return Discovery(Entity(key=key, type="Place", label_ar=name, label_en=latin,
                            country=country, discovered=True, translit=latin),
                     start, last, start)


def _quoted(tokens: list[Token], k: int, covered: set[int]) -> int:
    """The closing quote of one to three words quoted from token k (0 when none): «النور»."""
    if k >= len(tokens) or tokens[k].text not in _QUOTES:
        return 0
    for j in range(k + 2, min(k + 5, len(tokens))):
        if tokens[j].text == _QUOTES[tokens[k].text]:
            return j if all(is_word(t) and i not in covered
                            for i, t in enumerate(tokens[k + 1:j], k + 1)) else 0
    return 0


_QUOTES = {"«": "»", '"': '"', "“": "”"}


def _organization(tokens: list[Token], start: int, covered: set[int], lex: Lexicon,
                  morph: Morphology, country: str | None) -> list[Discovery]:
    """An armed group or party: its kind word then words with the article (لواء التوحيد)."""
    stop = lex.grammar.get("not_org_names", frozenset())
    k = start + 1
    while k < len(tokens) and k - start <= _MAX_WORDS and tokens[k].text.startswith("ال") and \
            tokens[k].key not in stop and _name_word(tokens, k, covered, lex, morph) and \
            (k == start + 1 or tokens[k].key.removeprefix("ال") not in lex.adjectives
             and not tokens[k].key.startswith("الم")):  # not حزب الشعوب الديمقراطي المعبر
        k += 1
    kind = _bare(tokens[start].key, lex.grammar, "org_kinds") or ""
    if k - start < (2 if kind in lex.grammar.get("brigade_kinds", frozenset()) else 3):
        return []
    name = _without_clitics(" ".join(t.text for t in tokens[start:k]))
    latin = _latin(name)
    return [Discovery(Entity(key="org-" + (slug(latin) or "x"), type="Organization",
                             label_ar=name, label_en=latin, discovered=True, translit=latin),
                      start, k - 1, start)]


def _titled(tokens: list[Token], k: int, covered: set[int], lex: Lexicon, morph: Morphology
            ) -> bool:
    """Token k is a title sites are named by (``site_namesakes``: الإمام، الملك) and a name
    follows it (الإمام علي، الملك فهد، الإمام الصادق)."""
    if k + 1 >= len(tokens) or k in covered or k + 1 in covered or \
            tokens[k].key not in lex.grammar.get("site_namesakes", frozenset()):
        return False
    after = tokens[k + 1]
    return after.key in lex.given_names or _name_word(tokens, k + 1, covered, lex, morph) and \
        not after.text.startswith("ال") or after.key.removeprefix("ال") in lex.given_names


def _unknown(key: str, lex: Lexicon) -> bool:
    """A word that is no common word the lexicons know (a personal name: مستشفى كمال)."""
    return not any(key in words for words in lex.grammar.values())


def _latin(name: str) -> str:
    """A Latin label: the article as al- (الكشار → Al-kshar)."""
    return " ".join(("al-" + romanize(w[2:]).lower()) if w.startswith("ال") and len(w) > 3
                    else romanize(w) for w in name.split()).capitalize()


def _without_clitics(text: str) -> str:
    return text[1:] if text[:1] in "وب" and len(text.split()[0]) > 3 else text
