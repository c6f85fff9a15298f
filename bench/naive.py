"""The yardstick of `make bench`: the naive pipeline anyone would write in an afternoon.

camel-tools ``normalize_unicode`` + ``dediac_ar`` + ``simple_word_tokenize``; a dictionary of
the gazetteer's Arabic names (ontology/gazetteer: states and their capitals, organizations,
people, places), looked up longest first; the trigger verbs and nouns of
ontology/lexicon/frames.yaml in the same dictionary; for each trigger, the nearest entity
before it in its sentence acts on the nearest one after it; one reified ``rdf:Statement`` per
relation, with its evidence, and N-Triples out. No morphology, no syntax, no modes.

    .venv/bin/python bench/naive.py CORPUS.jsonl -o OUT.nt
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml
from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import normalize_unicode

__all__ = ["load_dictionary", "main", "relations"]

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = {"countries": "Country", "organizations": "Organization", "people": "Person",
             "places": "Place"}
ID, NBO = "https://w3id.org/naba/id/", "https://w3id.org/naba/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS, PROV = "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/ns/prov#"
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a JSONL file (id, text)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the .nt file")
    args = parser.parse_args(argv)
    words, labels = load_dictionary(ROOT / "ontology")
    longest = max(len(key) for key in words)
    described: set[str] = set()
    with args.corpus.open(encoding="utf-8") as lines, args.output.open("w", encoding="utf-8") as out:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            doc = f"<{ID}article/{record['id']}>"
            out.write(f"{doc} <{RDF}type> <{NBO}Article> .\n")
            for n, (agent, predicate, target, sentence) in enumerate(
                    relations(record["text"], words, longest)):
                st = f"<{ID}statement/{record['id']}/{n}>"
                for key in (agent, target):
                    if key not in described:
                        described.add(key)
                        kind, label = labels[key]
                        out.write(f"<{ID}{key}> <{RDF}type> <{NBO}{kind}> .\n"
                                  f"<{ID}{key}> <{RDFS}label> {_literal(label)}@ar .\n")
                out.write(f"<{ID}{agent}> <{NBO}{predicate}> <{ID}{target}> .\n"
                          f"{st} <{RDF}type> <{RDF}Statement> .\n"
                          f"{st} <{RDF}subject> <{ID}{agent}> .\n"
                          f"{st} <{RDF}predicate> <{NBO}{predicate}> .\n"
                          f"{st} <{RDF}object> <{ID}{target}> .\n"
                          f"{st} <{PROV}wasDerivedFrom> {doc} .\n"
                          f"{st} <{NBO}evidence> {_literal(sentence)}@ar .\n")
    return 0


def load_dictionary(ontology: Path) -> tuple[dict, dict]:
    """(tokens → ("entity", key) or ("trigger", relation), key → (type, label))."""
    words: dict[tuple[str, ...], tuple[str, str]] = {}
    labels: dict[str, tuple[str, str]] = {}
    for name, kind in GAZETTEER.items():
        for entry in yaml.safe_load((ontology / "gazetteer" / f"{name}.yaml").read_text()):
            places = [(entry, kind)]
            if isinstance(entry.get("capital"), dict):
                places.append((entry["capital"], "Place"))
            for item, item_kind in places:
                names = [*item.get("ar", []), *item.get("short_ar", []), *item.get("people_ar", [])]
                if names:
                    labels[item["id"]] = (item_kind, names[0])
                for text in names:
                    words.setdefault(tuple(_tokens(text)), ("entity", item["id"]))
    frames = yaml.safe_load((ontology / "lexicon" / "frames.yaml").read_text())
    for relation, frame in frames.items():
        for field in ("verbs", "nouns", "participles"):
            for entry in frame.get(field) or []:
                if isinstance(entry, dict):
                    entry = next(entry[k] for k in ("verb", "noun", "participle") if k in entry)
                for text in [entry] if isinstance(entry, str) else entry:
                    words.setdefault(tuple(_tokens(text)), ("trigger", relation))
    words.pop((), None)
    return words, labels


def relations(text: str, words: dict, longest: int):
    """(agent, relation, target, sentence) of each trigger with an entity on both sides."""
    for sentence in SENTENCE_END.split(text):
        tokens = _tokens(sentence)
        found, i = [], 0
        while i < len(tokens):
            for size in range(min(longest, len(tokens) - i), 0, -1):
                hit = words.get(tuple(tokens[i:i + size]))
                if hit:
                    found.append(hit)
                    i += size
                    break
            else:
                i += 1
        for n, (kind, value) in enumerate(found):
            if kind != "trigger":
                continue
            before = next((v for k, v in reversed(found[:n]) if k == "entity"), None)
            after = next((v for k, v in found[n + 1:] if k == "entity"), None)
            if before and after and before != after:
                yield before, value, after, sentence.strip()


def _tokens(text: str) -> list[str]:
    return simple_word_tokenize(dediac_ar(normalize_unicode(text)))


def _literal(text: str) -> str:
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r"))
    return f'"{escaped}"'


if __name__ == "__main__":
    sys.exit(main())
