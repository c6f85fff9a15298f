"""Query benchmark: a synthetic graph shaped like a build's (docs/architecture.md; ~1M
triples), loaded into a store as one N-Quads file and as a build's parts folder, then every
named query timed on the store and on an in-memory rdflib Graph.
Goals (issue 12): the load within 3x of a raw pyoxigraph bulk load of the same triples in the
same run (in memory, N-Triples, as issue 12 measured it), every named query under 0.5 s.

    .venv/bin/python bench/query_bench.py [--triples 1000000] [--rdflib-triples 20000]
    .venv/bin/python bench/query_bench.py --replace   # also: the same graph again over the store

rdflib gets a smaller prefix of the same graph (``--rdflib-triples``, 0 to skip); its times
are for that size, not for the full graph. The named queries are written for the store
(joins of sub-SELECTs, docs/query.md), which rdflib evaluates as nested loops: quadratic,
0.4 s at 20k triples, 9–11 s at 60k.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyoxigraph as ox

from graph.build import ontology_quads
from graph.distributed import FORMAT, MANIFEST, ONTOLOGY_PART
from graph.query import execute, named_queries, prepare_query
from graph.store import add_documents, open_source
from graph.terms import (
    ID,
    KNOWLEDGE_GRAPH,
    NBO,
    PREFIXES,
    article_iri,
    document_graph_iri,
    generic_actor_iri,
    statement_iri,
)
from ingest.model import MODES, RELATIONS

__all__ = ["main", "write_synthetic"]

RDF, RDFS, XSD = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["xsd"]
PROV, DCT = PREFIXES["prov"], PREFIXES["dcterms"]
SECTORS = ("Unidentified", "Police", "Military", "Militants")
BINDINGS = {"evidence": {"agent": f"<{ID}person-1>"},
            "actors-by-affiliation": {"affiliation": f"<{ID}country-1>"}}


def write_synthetic(path: Path, triples: int = 1_000_000, seed: int = 0) -> int:
    """Write N-Quads: gazetteer entities in the knowledge graph, then articles (each in its
    own graph: metadata, 6 mentions, 3 statements with their mode and trigger, direct edges
    for the asserted ones; strikes with a place, some with a toll, a date or a generic agent)
    until ``triples``."""
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
                mode = rng.choices(MODES, weights=(20, 1, 1, 1, 1, 1, 1)[:len(MODES)])[0]
                st = f"<{statement_iri(doc, rel, agent, target, k * 100)}>"
                subject = f"<{ID}{agent}>"
                if rel == "strikes" and rng.random() < 0.3:  # gunmen, police…: in the article
                    subject = f"<{generic_actor_iri(doc, 'actor-' + str(k))}>"
                    body += [f"{subject} <{RDF}type> <{NBO}GenericActor> {g} .\n",
                             f'{subject} <{RDFS}label> "مسلحون"@ar {g} .\n',
                             f"{subject} <{NBO}sector> <{NBO}{rng.choice(SECTORS)}> {g} .\n"]
                elif mode == "Asserted":
                    body.append(f"{subject} <{NBO}{rel}> <{ID}{target}> {g} .\n")
                body += [f"{st} <{RDF}type> <{RDF}Statement> {g} .\n",
                         f"{st} <{RDF}subject> {subject} {g} .\n",
                         f"{st} <{RDF}predicate> <{NBO}{rel}> {g} .\n",
                         f"{st} <{RDF}object> <{ID}{target}> {g} .\n",
                         f"{st} <{PROV}wasDerivedFrom> {a} {g} .\n",
                         f'{st} <{NBO}evidence> "اتهم الطرف {agent} الطرف {target} في الجملة {k}"@ar {g} .\n',
                         f'{st} <{NBO}sentenceStart> "{k * 100}"^^<{XSD}integer> {g} .\n',
                         f'{st} <{NBO}sentenceEnd> "{k * 100 + 90}"^^<{XSD}integer> {g} .\n',
                         f"{st} <{NBO}mode> <{NBO}{mode}> {g} .\n",
                         f'{st} <{NBO}trigger> "اتهم"@ar {g} .\n']
                if rel == "strikes":
                    body.append(f"{st} <{NBO}place> <{ID}{mentioned[5]}> {g} .\n")
                    if rng.random() < 0.4:
                        body.append(f'{st} <{NBO}killed> "{rng.randint(1, 40)}"^^<{XSD}integer> {g} .\n')
                    if rng.random() < 0.3:
                        body.append(f'{st} <{NBO}injured> "{rng.randint(1, 90)}"^^<{XSD}integer> {g} .\n')
                    if rng.random() < 0.3:
                        body.append(f'{st} <{NBO}date> "20{15 + n % 8}-{month:02d}-0{1 + k}"^^<{XSD}date> {g} .\n')
            out.write("".join(body))
            count += len(body)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--rdflib-triples", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3, help="timed runs per query (median)")
    parser.add_argument("--parts", type=int, default=8, help="parts of the parts folder")
    parser.add_argument("--replace", action="store_true",
                        help="also time adding the same graph again (every graph replaced)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=Path(__file__).resolve().parent) as tmp:
        nq = Path(tmp) / "synthetic.nq"
        t = time.perf_counter()
        total = write_synthetic(nq, args.triples)
        print(f"wrote {total:,} quads ({nq.stat().st_size / 1e6:.0f} MB) "
              f"in {time.perf_counter() - t:.1f} s")
        nt = Path(tmp) / "synthetic.nt"
        _to_ntriples(nq, nt)
        raw, _ = _timed(lambda: ox.Store().bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES))
        print(f"raw: in-memory bulk_load, N-Triples {raw:.1f} s")
        raw_nq, _ = _timed(lambda: ox.Store().bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS))
        print(f"raw: in-memory bulk_load, N-Quads {raw_nq:.1f} s")
        raw_disk, _ = _timed(lambda: _disk_bulk_load(Path(tmp) / "raw-disk", nq))
        print(f"raw: on-disk bulk_load, N-Quads {raw_disk:.1f} s")
        load, cpu = _timed(lambda: add_documents(Path(tmp) / "store", nq))
        print(f"store: add_documents (N-Quads file → new store) {load:.1f} s ({cpu:.1f} CPU s), "
              f"{load / raw:.1f}x the raw load")
        parts = _write_parts(nq, Path(tmp) / "parts", args.parts)
        parts_load, parts_cpu = _timed(lambda: add_documents(Path(tmp) / "from-parts", parts))
        print(f"store: add_documents ({args.parts} parts and the ontology → new store) "
              f"{parts_load:.1f} s ({parts_cpu:.1f} CPU s), {parts_load / raw:.1f}x the raw load")
        if args.replace:
            again, again_cpu = _timed(lambda: add_documents(Path(tmp) / "store", nq))
            print(f"store: add_documents (the same N-Quads again: every graph replaced) "
                  f"{again:.1f} s ({again_cpu:.1f} CPU s)")
        store = open_source(Path(tmp) / "store")
        graph = _rdflib_graph(nt, args.rdflib_triples)
        header = f"{'query':26} {'store (1 graph/article)':>24}"
        if graph is not None:
            header += f" {'rdflib ' + format(args.rdflib_triples, ','):>16}"
        print(header)
        slowest = 0.0
        for name in named_queries():
            bindings = BINDINGS.get(name, {})
            store_time, rows = _time(lambda n=name, b=bindings: list(execute(store, n, b)),
                                     args.runs)
            slowest = max(slowest, store_time)
            line = f"{name:26} {store_time:>19.3f} s {len(rows):>5}"
            if graph is not None:
                text = prepare_query(name)
                init = {k: _rdflib_term(v) for k, v in bindings.items()}
                rdflib_time, _ = _time(lambda q=text, i=init: list(graph.query(q, initBindings=i)), 1)
                line += f" {rdflib_time:>14.2f} s"
            print(line, flush=True)
    worst = max(load, parts_load)
    met = worst <= 3 * raw and slowest < 0.5
    print(f"goals: load {worst:.1f} s = {worst / raw:.1f}x the raw {raw:.1f} s (<= 3x), slowest "
          f"query {slowest:.3f} s (< 0.5 s): {'met' if met else 'NOT met'}")
    return 0


# --- helpers -----------------------------------------------------------------------------------

def _q(s: str, p: str, o: str, g: str) -> str:
    return f"<{ID}{s}> <{p}> <{ID}{o}> {g} .\n"


def _entity(key: str, kind: str, g: str) -> list[str]:
    s = f"<{ID}{key}>"
    return [f"{s} <{RDF}type> <{NBO}{kind}> {g} .\n",
            f'{s} <{RDFS}label> "اسم {key}"@ar {g} .\n',
            f'{s} <{RDFS}label> "{key}"@en {g} .\n']


def _timed(run) -> tuple[float, float]:
    """Wall and CPU seconds (every thread of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def _disk_bulk_load(folder: Path, nq: Path) -> None:
    store = ox.Store(str(folder))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.flush()


def _write_parts(nq: Path, folder: Path, count: int) -> Path:
    """The N-Quads cut into ``count`` parts at line ends, the ontology, and their manifest: a
    parts folder as a distributed build writes it."""
    folder.mkdir()
    lines = nq.read_bytes().splitlines(keepends=True)
    ontology = ox.serialize(ontology_quads(), format=ox.RdfFormat.N_QUADS)
    (folder / ONTOLOGY_PART).write_bytes(ontology)
    parts = []
    for n in range(count):
        data = b"".join(lines[n * len(lines) // count:(n + 1) * len(lines) // count])
        name = f"part-{n:06d}.nq"
        (folder / name).write_bytes(data)
        parts.append({"name": name, "bytes": len(data), "triples": data.count(b"\n")})
    manifest = {"format": FORMAT, "parts": parts,
                "ontology": {"name": ONTOLOGY_PART, "bytes": len(ontology),
                             "triples": ontology.count(b"\n")}}
    (folder / MANIFEST).write_text(json.dumps(manifest))
    return folder


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
