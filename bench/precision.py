"""Precision at scale: build a seeded sample of real articles and print what to read.

    python bench/precision.py [--corpus ../shared/corpus/bench-real.jsonl.gz] [--articles 3000]
                              [--statements 100] [--events 50] [--entities 100] [--seed 7]

Takes a seeded random sample of the corpus's articles (gzip or plain JSONL), analyses them
with the extractor, and prints seeded random samples, numbered, for a reader to mark right or
wrong (an item the extractor adds or drops moves one pick, not the whole sample): asserted accuses / supports / strikes statements between named actors (agent,
relation, target, places, toll, evidence), attacks with a generic party (مسلحون مجهولون, an
unidentified author, ثلاثة جنود), and the entities it discovered (type, Arabic label, the
words around their first mention). Nothing is written to disk but what stdout receives.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.model import Article
from ingest.pipeline import analyze
from ingest.sources import parse_record

CORE = ("accuses", "supports", "strikes")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path,
                    default=ROOT.parent / "shared" / "corpus" / "bench-real.jsonl.gz")
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--statements", type=int, default=100)
    ap.add_argument("--events", type=int, default=50)
    ap.add_argument("--entities", type=int, default=100)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus}: no such corpus; give --corpus", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    articles = _sample(args.corpus, args.articles, rng)
    statements, events, discovered = [], [], {}
    for article in articles:
        doc = analyze(article)
        names = {e.key: e for e in doc.entities}
        for rel in doc.relations:
            if rel.predicate in CORE and rel.mode == "Asserted":
                generic = any(names[k].type == "GenericActor" for k in (rel.agent, rel.target)
                              if k in names)
                (events if generic else statements).append(
                    (article.id, rel, names, doc.sentences[rel.sentence].text))
        for m in doc.mentions:
            e = names.get(m.entity)
            if e is not None and e.discovered and e.key not in discovered:
                text = doc.article.text
                discovered[e.key] = (article.id, e, text[max(0, m.start - 40):m.end + 40])
    print(f"# {len(articles)} articles: {len(statements)} asserted accuses/supports/strikes "
          f"statements between named actors, {len(events)} attacks with a generic party, "
          f"{len(discovered)} discovered entities (seed {args.seed})\n")
    print("## Statements")
    _print(_draw(statements, args.statements, args.seed, _statement_key))
    print("## Attacks with a generic party")
    _print(_draw(events, args.events, args.seed, _statement_key))
    print("## Discovered entities")
    picks = _draw(sorted(discovered), args.entities, args.seed, str)
    for n, key in enumerate(picks, 1):
        doc_id, e, context = discovered[key]
        print(f"{n}. [{doc_id}] {e.type} {e.label_ar} ({e.label_en or e.translit}) | "
              f"{' '.join(context.split())}")
    return 0


def _draw(items: list, n: int, seed: int, key) -> list:
    """The n items whose key hashes lowest under the seed: a seeded random sample in which an
    item the extractor adds or drops moves at most one pick, so readings of two versions of
    the extractor share most of their items."""
    return sorted(items, key=lambda item: hashlib.sha256(f"{seed}\t{key(item)}".encode())
                  .digest())[:n]


def _statement_key(item: tuple) -> str:
    doc_id, rel, _, evidence = item
    return f"{doc_id}\t{rel.agent}\t{rel.predicate}\t{rel.target}\t{evidence}"


def _print(picks: list) -> None:
    for n, (doc_id, rel, names, evidence) in enumerate(picks, 1):
        toll = f" killed={rel.killed}" if rel.killed is not None else ""
        places = f" in {', '.join(_name(names, p) for p in rel.places)}" if rel.places else ""
        print(f"{n}. [{doc_id}] {_name(names, rel.agent)} {rel.predicate} "
              f"{_name(names, rel.target)}{places}{toll}\n   {evidence}\n")


def _sample(path: Path, n: int, rng: random.Random) -> list[Article]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as f:
        lines = f.readlines()
    out = []
    for line in rng.sample(lines, min(n, len(lines))):
        try:
            out.append(parse_record(line))
        except ValueError:
            continue
    return out


def _name(names: dict, key: str) -> str:
    e = names.get(key)
    if e is None:
        return key
    label = e.label_en or e.label_ar
    return f"{label} ({e.sector})" if e.type == "GenericActor" else label


if __name__ == "__main__":
    sys.exit(main())
