"""Query benchmark: a synthetic graph that follows docs/architecture.md (~1M triples), loaded
into a store, then every named query timed on the store and on an in-memory rdflib Graph.
Goals (issue 4): every named query under 0.5 s on the store, the load under 10 s.

    .venv/bin/python bench/query_bench.py [--triples 1000000] [--rdflib-triples 20000]

rdflib gets a smaller prefix of the same graph (``--rdflib-triples``, 0 to skip); its times
are for that size, not for the full graph. The named queries are written for the store
(joins of sub-SELECTs, docs/query.md), which rdflib evaluates as nested loops: quadratic,
0.4 s at 20k triples, 9–11 s at 60k.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyoxigraph as ox

from graph.query import execute, named_queries, prepare_query
from graph.store import add_documents, open_source
from graph.terms import (
    ID,
    KNOWLEDGE_GRAPH,
    NBO,
    PREFIXES,
    article_iri,
    document_graph_iri,
    statement_iri,
)
from ingest.model import RELATIONS

__all__ = ["main", "write_synthetic"]

RDF, RDFS, XSD = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["xsd"]
PROV, DCT = PREFIXES["prov"], PREFIXES["dcterms"]
BINDINGS = {"evidence": {"agent": f"<{ID}person-1>"},
            "actors-by-affiliation": {"affiliation": f"<{ID}country-1>"}}


def write_synthetic(path: Path, triples: int = 1_000_000, seed: int = 0) -> int:
    """Write N-Quads: gazetteer entities in the knowledge graph, then articles (each in its
    own graph: metadata, 6 mentions, 3 statements with direct edges) until ``triples``."""
    rng = random.Random(seed)
    kg = f"<{KNOWLEDGE_GRAPH}>"
    countries = [f"country-{i}" for i in range(200)]
    places = [f"place-{i}" for i in range(400)]
    people = [f"person-{i}" for i in range(1500)]
    orgs = [f"org-{i}" for i in range(400)]
    lines = []
    for key in countries:
        lines += _entity(key, "Country", kg)
    for key in places:
        lines += _entity(key, "Place", kg) + [_q(key, NBO + "country", rng.choice(countries), kg)]
    for key in people:
        lines += _entity(key, "Person", kg)
        lines.append(_q(key, NBO + "affiliation", rng.choice(countries + orgs[:50]), kg))
    for key in orgs:
        lines += _entity(key, "Organization", kg)
    actors = people + orgs + countries
    count = len(lines)
    with open(path, "w", encoding="utf-8") as out:
        out.write("".join(lines))
        n = 0
        while count < triples:
            n += 1
            doc = f"d{n}"
            g, a = f"<{document_graph_iri(doc)}>", f"<{article_iri(doc)}>"
            month = 1 + n % 12
            body = [f"{a} <{RDF}type> <{NBO}Article> {g} .\n",
                    f'{a} <{DCT}identifier> "{doc}" {g} .\n',
                    f'{a} <{DCT}title> "عنوان الخبر {n}"@ar {g} .\n',
                    f'{a} <{DCT}date> "20{15 + n % 8}-{month:02d}-{1 + n % 28:02d}"^^<{XSD}date> {g} .\n']
            mentioned = rng.sample(actors, 5) + [rng.choice(places)]
            body += [f"{a} <{NBO}mentions> <{ID}{key}> {g} .\n" for key in mentioned]
            for k in range(3):
                agent, target = mentioned[k], mentioned[k + 2]
                rel = rng.choice(RELATIONS)
                st = f"<{statement_iri(doc, rel, agent, target, k * 100)}>"
                body += [f"<{ID}{agent}> <{NBO}{rel}> <{ID}{target}> {g} .\n",
                         f"{st} <{RDF}type> <{RDF}Statement> {g} .\n",
                         f"{st} <{RDF}subject> <{ID}{agent}> {g} .\n",
                         f"{st} <{RDF}predicate> <{NBO}{rel}> {g} .\n",
                         f"{st} <{RDF}object> <{ID}{target}> {g} .\n",
                         f"{st} <{PROV}wasDerivedFrom> {a} {g} .\n",
                         f'{st} <{NBO}evidence> "اتهم الطرف {agent} الطرف {target} في الجملة {k}"@ar {g} .\n',
                         f'{st} <{NBO}sentenceStart> "{k * 100}"^^<{XSD}integer> {g} .\n',
                         f'{st} <{NBO}sentenceEnd> "{k * 100 + 90}"^^<{XSD}integer> {g} .\n']
                if rel == "strikes":
                    body.append(f"{st} <{NBO}place> <{ID}{mentioned[5]}> {g} .\n")
            out.write("".join(body))
            count += len(body)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--rdflib-triples", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3, help="timed runs per query (median)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=Path(__file__).resolve().parent) as tmp:
        nq = Path(tmp) / "synthetic.nq"
        t = time.perf_counter()
        total = write_synthetic(nq, args.triples)
        print(f"wrote {total:,} quads ({nq.stat().st_size / 1e6:.0f} MB) "
              f"in {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        add_documents(Path(tmp) / "store", nq)
        load_time = time.perf_counter() - t
        print(f"store: add_documents (N-Quads → on-disk store) {load_time:.1f} s")
        nt = Path(tmp) / "synthetic.nt"
        _to_ntriples(nq, nt)
        t = time.perf_counter()
        memory = ox.Store()
        memory.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
        print(f"in-memory store: bulk_load N-Triples {time.perf_counter() - t:.1f} s "
              f"({len(memory):,} triples)")
        store = open_source(Path(tmp) / "store")
        graph = _rdflib_graph(nt, args.rdflib_triples)
        header = f"{'query':24} {'store (1 graph/article)':>24}"
        if graph is not None:
            header += f" {'rdflib ' + format(args.rdflib_triples, ','):>16}"
        print(header)
        slowest = 0.0
        for name in named_queries():
            bindings = BINDINGS.get(name, {})
            store_time, rows = _time(lambda n=name, b=bindings: list(execute(store, n, b)),
                                     args.runs)
            slowest = max(slowest, store_time)
            line = f"{name:24} {store_time:>19.3f} s {len(rows):>3}"
            if graph is not None:
                text = prepare_query(name)
                init = {k: _rdflib_term(v) for k, v in bindings.items()}
                rdflib_time, _ = _time(lambda q=text, i=init: list(graph.query(q, initBindings=i)), 1)
                line += f" {rdflib_time:>14.2f} s"
            print(line, flush=True)
    print(f"goals: load {load_time:.1f} s (< 10 s), slowest query {slowest:.3f} s (< 0.5 s): "
          f"{'met' if load_time < 10 and slowest < 0.5 else 'NOT met'}")
    return 0


# --- helpers -----------------------------------------------------------------------------------

def _q(s: str, p: str, o: str, g: str) -> str:
    return f"<{ID}{s}> <{p}> <{ID}{o}> {g} .\n"


def _entity(key: str, kind: str, g: str) -> list[str]:
    s = f"<{ID}{key}>"
    return [f"{s} <{RDF}type> <{NBO}{kind}> {g} .\n",
            f'{s} <{RDFS}label> "اسم {key}"@ar {g} .\n',
            f'{s} <{RDFS}label> "{key}"@en {g} .\n']


def _to_ntriples(nq: Path, nt: Path) -> None:
    quads = ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS)
    ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads), str(nt),
                 ox.RdfFormat.N_TRIPLES)


def _rdflib_graph(nt: Path, size: int):
    if size <= 0:
        return None
    import rdflib

    with open(nt, encoding="utf-8") as lines:
        head = "".join(line for _, line in zip(range(size), lines))
    t = time.perf_counter()
    graph = rdflib.Graph()
    graph.parse(data=head, format="nt")
    print(f"rdflib: parse {len(graph):,} triples {time.perf_counter() - t:.1f} s")
    return graph


def _rdflib_term(value: str):
    import rdflib

    return rdflib.URIRef(value[1:-1])


def _time(run, runs: int):
    result, times = None, []
    for _ in range(runs):
        t = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2], result


if __name__ == "__main__":
    sys.exit(main())
