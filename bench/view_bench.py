"""View and export benchmark: synthetic graphs that follow docs/architecture.md, written as
N-Quads, then `write_view` and `export_graph` (.gexf, .graphml, .csv) timed on each, and the
page's time to interactive in headless Chromium (network blocked): from navigation to the
first drawing, when the controls answer. Goals: the default page of a 20k-node graph
interactive within ``INTERACTIVE_GOAL`` (the bound tests/view/test_real_scale.py holds the
real-news page to); GEXF of 100k nodes / 300k edges in under 20 s (issue 3; networkx's
write_gexf: 18.5 s, ../shared/notes/perf-baselines.md §5).

    .venv/bin/python bench/view_bench.py [--sizes 1000,5000,20000] [--gexf-nodes 100000]

Each graph has N typed entities with Arabic and English labels and N dated articles, each
mentioning 5 entities and stating 3 relations with evidence (a fifth of the targets among
200 hubs): about 3 edges per node. Times are given twice: from the N-Quads file (what
`naba view` / `naba export` do: load and convert, then write) and from the networkx graph
(writing only). The load is RDF parsing into a store plus ``rdf_to_networkx``.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.export import csv_paths, export_graph
from graph.network import rdf_to_networkx
from graph.terms import (
    ID,
    KNOWLEDGE_GRAPH,
    NBO,
    PREFIXES,
    article_iri,
    document_graph_iri,
    statement_iri,
)
from graph.views import write_view
from ingest.model import ENTITY_TYPES, RELATIONS

__all__ = ["INTERACTIVE_GOAL", "main", "time_to_interactive", "write_synthetic"]

RDF, RDFS, XSD = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["xsd"]
PROV, DCT = PREFIXES["prov"], PREFIXES["dcterms"]
HUBS = 200
FIRST_DAY = date(2015, 1, 1)
PAGE_GOAL = (20_000, 2.0)        # nodes, seconds
GEXF_GOAL = (100_000, 20.0)
INTERACTIVE_GOAL = 3.0           # seconds from navigation to the first drawing
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--headless=new", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update"]
NAMED = tuple(t for t in ENTITY_TYPES if t != "GenericActor")  # as before generic actors


def write_synthetic(path: Path, nodes: int, seed: int = 0) -> int:
    """Write N-Quads of ``nodes`` entities and as many articles; the number of quads."""
    rng = random.Random(seed)
    kg = f"<{KNOWLEDGE_GRAPH}>"
    keys = [f"{NAMED[i % len(NAMED)].lower()}-{i}" for i in range(nodes)]
    count = 0
    with open(path, "w", encoding="utf-8", buffering=1 << 20) as out:
        for i, key in enumerate(keys):
            s = f"<{ID}{key}>"
            lines = (f"{s} <{RDF}type> <{NBO}{NAMED[i % len(NAMED)]}> {kg} .\n"
                     f'{s} <{RDFS}label> "الكيان رقم {i}"@ar {kg} .\n'
                     f'{s} <{RDFS}label> "Entity {i}"@en {kg} .\n')
            out.write(lines)
            count += 3
        for n in range(nodes):
            body = _article(rng, keys, n)
            out.write("".join(body))
            count += len(body)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000",
                        help="comma-separated node counts for the view and every export")
    parser.add_argument("--gexf-nodes", type=int, default=0,
                        help="node count of a GEXF-only run, e.g. 100000 (0 to skip)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    results: dict[tuple[int, str], tuple[float, float]] = {}
    print(f"{'nodes':>8} {'edges':>8}  {'step':28} {'from .nq':>9} {'from graph':>11} {'MB':>7}"
          f" {'interactive':>12}", flush=True)
    with tempfile.TemporaryDirectory(dir=Path(__file__).resolve().parent) as tmp:
        for nodes in sizes:
            _run_size(Path(tmp), nodes, (".html", "all.html", ".gexf", ".graphml", ".csv"),
                      results)
        if args.gexf_nodes:
            _run_size(Path(tmp), args.gexf_nodes, (".gexf",), results)
    _report_goals(results)
    return 0


# --- helpers -----------------------------------------------------------------------------------

def _article(rng: random.Random, keys: list[str], n: int) -> list[str]:
    doc = f"d{n}"
    g, a = f"<{document_graph_iri(doc)}>", f"<{article_iri(doc)}>"
    day = FIRST_DAY + timedelta(days=rng.randrange(8 * 365))
    body = [f"{a} <{RDF}type> <{NBO}Article> {g} .\n",
            f'{a} <{DCT}identifier> "{doc}" {g} .\n',
            f'{a} <{DCT}title> "عنوان الخبر {n}"@ar {g} .\n',
            f'{a} <{DCT}date> "{day.isoformat()}"^^<{XSD}date> {g} .\n']
    mentioned = [keys[n]] + [_pick(rng, keys) for _ in range(4)]
    body += [f"{a} <{NBO}mentions> <{ID}{key}> {g} .\n" for key in mentioned]
    for k in range(3):
        agent, target = mentioned[k], mentioned[k + 2]
        if agent == target:
            continue
        rel = rng.choice(RELATIONS)
        st = f"<{statement_iri(doc, rel, agent, target, k * 100)}>"
        body += [f"<{ID}{agent}> <{NBO}{rel}> <{ID}{target}> {g} .\n",
                 f"{st} <{RDF}type> <{RDF}Statement> {g} .\n",
                 f"{st} <{RDF}subject> <{ID}{agent}> {g} .\n",
                 f"{st} <{RDF}predicate> <{NBO}{rel}> {g} .\n",
                 f"{st} <{RDF}object> <{ID}{target}> {g} .\n",
                 f"{st} <{PROV}wasDerivedFrom> {a} {g} .\n",
                 f'{st} <{NBO}evidence> "اتهم {agent} الطرف {target} في الجملة {k}"@ar {g} .\n',
                 f'{st} <{NBO}sentenceStart> "{k * 100}"^^<{XSD}integer> {g} .\n',
                 f'{st} <{NBO}sentenceEnd> "{k * 100 + 90}"^^<{XSD}integer> {g} .\n']
    return body


def _pick(rng: random.Random, keys: list[str]) -> str:
    """A fifth of the picks among the hubs, the rest uniform: a few actors are everywhere."""
    return keys[rng.randrange(min(HUBS, len(keys)))] if rng.random() < 0.2 else rng.choice(keys)


def _run_size(tmp: Path, nodes: int, suffixes, results: dict) -> None:
    nq = tmp / f"g{nodes}.nq"
    t = time.perf_counter()
    quads = write_synthetic(nq, nodes)
    made = time.perf_counter() - t
    t = time.perf_counter()
    graph = rdf_to_networkx(nq)
    load = time.perf_counter() - t
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    print(f"{n:>8,} {m:>8,}  {'N-Quads written':28} {made:>8.2f}s {'':>11} "
          f"{nq.stat().st_size / 1e6:>7.1f}  ({quads:,} quads)", flush=True)
    print(f"{n:>8,} {m:>8,}  {'load + rdf_to_networkx':28} {load:>8.2f}s", flush=True)
    for suffix in suffixes:
        out = tmp / f"g{nodes}{suffix}"
        from_file = _time(lambda o=out: _write(nq, o))
        from_graph = _time(lambda o=out: _write(graph, o))
        size = sum(p.stat().st_size for p in _outputs(out)) / 1e6
        steps = {".html": "write_view (default)", "all.html": "write_view (--top all)"}
        step = steps.get(suffix, f"export_graph {suffix}")
        ready = ""
        if suffix.endswith(".html"):
            seconds = time_to_interactive(out)
            results[nodes, "ready" + suffix] = seconds
            ready = f"{seconds:>11.2f}s"
        print(f"{n:>8,} {m:>8,}  {step:28} {from_file:>8.2f}s {from_graph:>10.2f}s {size:>7.1f}"
              f" {ready}", flush=True)
        results[nodes, suffix] = from_file, from_graph
        for p in _outputs(out):
            p.unlink()
    nq.unlink()


def time_to_interactive(html: Path) -> float:
    """Seconds from navigation to the page's first drawing in headless Chromium, every
    request outside the file refused (the page sets ``naba.readyMs`` then)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                       else r.abort("internetdisconnected"))
            page.goto(html.as_uri(), timeout=300_000)
            page.wait_for_selector("body[data-interactive=true]", state="attached",
                                   timeout=300_000)
            return page.evaluate("naba.readyMs") / 1000
        finally:
            browser.close()


def _write(source, out: Path) -> None:
    if out.name.endswith("all.html"):
        write_view(source, out, top=10 ** 9)
    elif out.suffix == ".html":
        write_view(source, out)
    else:
        export_graph(source, out)


def _outputs(out: Path) -> list[Path]:
    return list(csv_paths(out)) if out.suffix == ".csv" else [out]


def _time(run) -> float:
    t = time.perf_counter()
    run()
    return time.perf_counter() - t


def _report_goals(results: dict) -> None:
    for (nodes, goal), suffix, what in ((PAGE_GOAL, ".html", "default page"),
                                        (GEXF_GOAL, ".gexf", "GEXF")):
        if (nodes, suffix) not in results:
            print(f"goal: {what} for {nodes:,} nodes not measured (add {nodes} to the sizes)")
            continue
        from_file, from_graph = results[nodes, suffix]
        print(f"goal: {what} for {nodes:,} nodes under {goal:.0f} s: {from_graph:.2f} s from the "
              f"graph ({'met' if from_graph < goal else 'NOT met'}), {from_file:.2f} s with "
              f"loading the N-Quads ({'met' if from_file < goal else 'NOT met'})")
    for (nodes, key), seconds in sorted(results.items()):
        if key == "ready.html":
            print(f"goal: the default page of {nodes:,} nodes interactive within "
                  f"{INTERACTIVE_GOAL:.0f} s: {seconds:.2f} s "
                  f"({'met' if seconds <= INTERACTIVE_GOAL else 'NOT met'})")


if __name__ == "__main__":
    sys.exit(main())
