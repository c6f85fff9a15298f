"""Fault injection: SIGKILL ``naba build --store`` at random points; the store must hold exactly
the old articles or exactly the new ones, every time.

1. Makes two synthetic corpora (the bundled sample's sentences reshuffled, as bench/run.py
   does): OLD (``--docs`` articles) and NEW (twice as many: the same ids with other texts,
   and as many new ones).
2. Builds OLD into a store, and NEW over a copy of it, uninterrupted: the reference old and
   new contents, the build's duration, and when its store load begins.
3. ``--kills`` times: copies the old store, runs ``naba build NEW --store COPY --jobs N`` and
   SIGKILLs it, half the time at a uniform random moment of the whole build, half the time at
   a uniform random moment of the store load. Then it compares every quad of the store with
   both references, checks that the build's workers died with it, and builds again to see
   that the next build completes the update and removes what the killed one left.

    .venv/bin/python bench/store_faults.py                # 20 kills, 300 + 600 articles
    .venv/bin/python bench/store_faults.py --kills 5 --docs 100
    .venv/bin/python bench/store_faults.py --kills 0 --cost corpus.nq   # the cost only

Exits 1 if any store was mixed or unreadable, any worker survived, or any recovery failed.

``--cost FILE.nq`` also times what atomicity costs: ``add_documents`` (new generation,
checkpoint, sync, pointer) against the update as it was before, in place (clear the graphs
and bulk-load into the database in use), into a new store and over a store that holds the
same articles, median of ``--runs``.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import SAMPLE, naba, read_sentences, write_corpus  # bench/run.py

from graph.store import add_documents, open_source
from graph.terms import KNOWLEDGE_GRAPH


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--docs", type=int, default=300, help="articles of the old store")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep the corpora and stores in this folder")
    parser.add_argument("--cost", type=Path, metavar="FILE.nq", help="also time the update")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    trials: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="naba-faults-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        if args.kills:
            trials, reference = run_trials(folder, args, rng)
            print(format_report(trials, reference, args))
        if args.cost:
            print(format_cost(args.cost, measure_cost(args.cost, folder, args.runs)))
    bad = [t for t in trials if t["outcome"] not in ("old", "new") or t["orphans"]
           or not t["recovered"]]
    return 1 if bad else 0


def run_trials(folder: Path, args, rng: random.Random) -> tuple[list[dict], dict]:
    sentences = read_sentences(SAMPLE)
    old_corpus, new_corpus = folder / "old.jsonl", folder / "new.jsonl"
    write_corpus(old_corpus, sentences, args.docs, args.seed)
    write_corpus(new_corpus, sentences, 2 * args.docs, args.seed + 1)
    old_store = folder / "old-store"
    build(old_corpus, old_store, args.jobs)
    reference_store = copy(old_store, folder / "reference")
    started = time.monotonic()
    process = start(new_corpus, reference_store, args.jobs)
    load_began = wait_for_load(process, reference_store) - started
    assert process.wait() == 0, "the reference build failed"
    total = time.monotonic() - started
    reference = {"old": fingerprint(old_store), "new": fingerprint(reference_store),
                 "seconds": total, "load_began": load_began}
    trials = []
    for number in range(args.kills):
        store = copy(old_store, folder / f"trial-{number:02d}")
        during_load = number % 2 == 1
        started = time.monotonic()
        process = start(new_corpus, store, args.jobs)
        if during_load:
            began = wait_for_load(process, store)
            time.sleep(rng.uniform(0, total - load_began))
            at = time.monotonic() - began
        else:
            time.sleep(rng.uniform(0, total))
            at = time.monotonic() - started
        workers = children(process.pid)
        phase = ("finished" if process.poll() is not None else
                 "store load" if (store / "data-000002").exists() else "analysis")
        process.kill()
        process.wait()
        orphans = wait_gone(workers)
        outcome = compare(store, reference)
        build(new_corpus, store, args.jobs)  # the next build
        names = sorted(p.name for p in store.iterdir())  # one generation, nothing left over
        recovered = (fingerprint(store) == reference["new"] and len(names) == 3
                     and names[0] == ".naba-lock" and names[1].startswith("data-")
                     and names[2] == "naba-store.json")
        trials.append({"number": number, "aim": "load" if during_load else "build", "at": at,
                       "phase": phase, "outcome": outcome, "workers": len(workers),
                       "orphans": orphans, "recovered": recovered})
        shutil.rmtree(store)
    return trials, reference


def format_report(trials: list[dict], reference: dict, args) -> str:
    lines = [(f"old store {args.docs:,} articles ({reference['old'][1]:,} quads), new "
             f"{2 * args.docs:,} ({reference['new'][1]:,} quads); an uninterrupted build takes "
             f"{reference['seconds']:.1f} s, its store load begins at "
             f"{reference['load_began']:.1f} s"),
             "", "kill  aimed at  at (s)  landed in   store      workers  orphans  next build",
             "----  --------  ------  ----------  ---------  -------  -------  ----------"]
    for t in trials:
        lines.append(f"{t['number'] + 1:>4}  {t['aim']:<8}  {t['at']:>6.2f}  {t['phase']:<10}  "
                     f"{t['outcome']:<9}  {t['workers']:>7}  {t['orphans']:>7}  "
                     f"{'complete' if t['recovered'] else 'FAILED':<10}")
    count = {key: sum(1 for t in trials if t["outcome"] == key)
             for key in ("old", "new", "mixed", "unreadable")}
    phases = {key: sum(1 for t in trials if t["phase"] == key)
              for key in ("analysis", "store load", "finished")}
    lines += ["", (f"{len(trials)} kills ({phases['analysis']} during the analysis, "
              f"{phases['store load']} during the store load, {phases['finished']} after the "
              f"end): store old {count['old']}, new {count['new']}, mixed {count['mixed']}, "
              f"unreadable {count['unreadable']}; orphaned workers "
              f"{sum(t['orphans'] for t in trials)}; next build complete "
              f"{sum(t['recovered'] for t in trials)}/{len(trials)}")]
    return "\n".join(lines)


def measure_cost(nquads: Path, folder: Path, runs: int) -> dict[str, float]:
    """Median seconds of each way to load ``nquads``, into a new store and over itself."""
    times: dict[str, list[float]] = {}
    for run in range(runs):
        for name, load in (("atomic", add_documents), ("in place", load_in_place)):
            store = folder / f"cost-{run}-{name.replace(' ', '-')}"
            for step in ("new store", "rebuild"):
                started = time.perf_counter()
                load(store, nquads)
                times.setdefault(f"{name}, {step}", []).append(time.perf_counter() - started)
            shutil.rmtree(store)
    return {key: statistics.median(values) for key, values in times.items()}


def load_in_place(store_dir: Path, nquads: Path) -> None:
    """The store update before generations (not atomic): clear each graph, bulk-load."""
    data = nquads.read_bytes()
    graphs = {q.graph_name for q in ox.parse(input=data, format=ox.RdfFormat.N_QUADS)
              if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value != KNOWLEDGE_GRAPH}
    store = ox.Store(str(store_dir))
    for name in graphs:
        store.clear_graph(name)
    store.bulk_load(input=data, format=ox.RdfFormat.N_QUADS, lenient=True)
    store.flush()


def format_cost(nquads: Path, median: dict[str, float]) -> str:
    lines = [f"{nquads}: median of the runs, seconds"]
    for step in ("new store", "rebuild"):
        atomic, in_place = median[f"atomic, {step}"], median[f"in place, {step}"]
        lines.append(f"  {step:<9}  atomic {atomic:.2f}  in place {in_place:.2f}  "
                     f"({atomic - in_place:+.2f} s, {100 * (atomic / in_place - 1):+.0f} %)")
    return "\n".join(lines)


# --- helpers -----------------------------------------------------------------------------------

def build(corpus: Path, store: Path, jobs: int) -> None:
    result = subprocess.run(naba("build", corpus, "--store", store, "--quiet", "--jobs", jobs),
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"bench: naba build {corpus} --store {store} failed:\n{result.stderr[-2000:]}")


def start(corpus: Path, store: Path, jobs: int) -> subprocess.Popen:
    return subprocess.Popen(naba("build", corpus, "--store", store, "--quiet", "--jobs", jobs),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for_load(process: subprocess.Popen, store: Path) -> float:
    """The moment the build's new store generation appears (its load begins)."""
    while not (store / "data-000002").exists():
        if process.poll() is not None:
            sys.exit("bench: the build ended before its store load was seen")
        time.sleep(0.001)
    return time.monotonic()


def copy(store: Path, to: Path) -> Path:
    shutil.copytree(store, to)
    return to


def fingerprint(store: Path) -> tuple[str, int]:
    """SHA-256 of the store's quads in N-Quads, sorted, and how many there are."""
    lines = sorted(f"{q} .\n" for q in open_source(store))
    return hashlib.sha256("".join(lines).encode()).hexdigest(), len(lines)


def compare(store: Path, reference: dict) -> str:
    try:
        found = fingerprint(store)
    except Exception:  # noqa: BLE001 (an unreadable store is a finding, not a crash)
        return "unreadable"
    return "old" if found == reference["old"] else "new" if found == reference["new"] else "mixed"


def children(pid: int) -> list[int]:
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
        return [int(c) for t in tasks for c in (t / "children").read_text().split()]
    except FileNotFoundError:
        return []


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


def wait_gone(pids: list[int], seconds: float = 5) -> int:
    """How many of ``pids`` still run after ``seconds``."""
    deadline = time.monotonic() + seconds
    while any(map(running, pids)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return sum(map(running, pids))


if __name__ == "__main__":
    sys.exit(main())
