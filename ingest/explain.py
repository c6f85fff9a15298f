"""What each stage saw in a text: ``naba explain "جملة"`` prints it.

Per sentence: the tokens with their analyses (name, verb, trigger, grammar groups), the
mentions, the units and each verb's arguments, then each trigger with the frame it matched,
the agents and targets its slots gave, its mode and places, and why no relation came of it.
Prepositions are shown as the matcher reads them, normalized (على → علي).

>>> print(explain_text("قصفت روسيا حلب."))  # doctest: +ELLIPSIS
== sentence 0: قصفت روسيا حلب.
tokens   قصفت[verb:قصف strikes] روسيا[name] حلب[name] .
mentions روسيا=russia حلب=aleppo
units    verb قصفت | np روسيا | np حلب | break .
         قصفت: subject روسيا, object حلب
trigger  قصفت strikes/verb agent=[subject] target=[object, علي, ضد, بحق] mode=Asserted
         agents=روسيا (by subject) targets=حلب (by object) places=-
relation russia strikes aleppo
"""
from __future__ import annotations

from ingest.entities import find_entities
from ingest.model import Article
from ingest.normalize import is_word, tokenize
from ingest.pipeline import continuing_words, resources, sentence_index
from ingest.relations import Candidate, find_relations
from ingest.segment import split_sentences
from ingest.syntax import describe, parse_sentence

__all__ = ["explain", "explain_text"]


def explain_text(text: str, date: str | None = None) -> str:
    """The explanation of one text (an article of one or more sentences)."""
    return explain(Article("explain", text, date=date))


def explain(article: Article) -> str:
    """Tokens, mentions, structure, triggers and relations of an article, sentence by sentence."""
    lex, morph = resources()
    text = article.text
    sentences = split_sentences(text, continuing_words(lex))
    tokens = tokenize(text)
    sentence_of = sentence_index(tokens, sentences)
    year = int(article.date[:4]) if article.date and article.date[:4].isdigit() else None
    found, entities = find_entities(text, tokens, sentence_of, lex, morph, year)
    trace: list[Candidate] = []
    relations, _ = find_relations(tokens, sentences, sentence_of, found, entities, lex, morph,
                                  trace, date=article.date)
    at = {k: f for f in found for k in range(f.first, f.last + 1)}
    out = []
    for s, sentence in enumerate(sentences):
        idx = [i for i, si in enumerate(sentence_of) if si == s]
        if not idx:
            continue
        a, b = idx[0], idx[-1] + 1
        out.append(f"== sentence {s}: {sentence.text}")
        out.append("tokens   " + " ".join(_token(tokens[i], morph, lex) for i in range(a, b)))
        mentions = [f for f in found if f.mention.sentence == s]
        out.append("mentions " + (" ".join(f"{f.mention.surface}={f.mention.entity}"
                                           for f in mentions) or "-"))
        parse = parse_sentence(tokens, a, b, at, lex, morph)
        lines = describe(parse).splitlines()
        out.append("units    " + lines[0])
        out += ["         " + line for line in lines[1:]]
        for cand in trace:
            if a <= cand.token < b:
                out += _candidate(cand, tokens)
        for rel in relations:
            if rel.sentence == s:
                extra = [f"mode={rel.mode}"] if rel.mode != "Asserted" else []
                extra += [f"place={p}" for p in rel.places]
                extra += [f"speaker={rel.speaker}"] if rel.speaker else []
                out.append(f"relation {rel.agent} {rel.predicate} {rel.target}"
                           + ("".join(" " + e for e in extra)))
    return "\n".join(out)


def _token(tok, morph, lex) -> str:
    if not is_word(tok):
        return tok.text
    tags = []
    trig = morph.trigger(tok.key)
    verb = morph.verb(tok.key)
    if "name" in morph.kinds(tok.key):
        tags.append("name")
    if verb is not None:
        tags.append(f"verb:{verb.lemma}" + (f" {trig.relation}" if trig else ""))
    elif trig is not None:
        tags.append(f"noun:{trig.lemma} {trig.relation}")
    return tok.text + (f"[{','.join(tags)}]" if tags else "")


def _candidate(cand: Candidate, tokens) -> list[str]:
    e = cand.entry

    def names(found) -> str:
        return ", ".join(f.mention.surface for f in found) or "-"

    head = (f"trigger  {tokens[cand.token].text} {e.relation}/{e.pos} "
            f"agent=[{', '.join(e.agent)}] target=[{', '.join(e.target)}] mode={cand.mode}")
    via = [f" (by {slot})" if slot else "" for slot in cand.slots]
    body = (f"         agents={names(cand.agents)}{via[0]} targets={names(cand.targets)}{via[1]} "
            f"places={', '.join(cand.places) or '-'}"
            + (f" speaker={cand.speaker}" if cand.speaker else ""))
    lines = [head, body]
    if cand.why:
        lines.append(f"         refused: {cand.why}")
    return lines
