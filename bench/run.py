"""`make bench`: how fast `naba build` is on real news, against a naive pipeline, and on the
synthetic corpus; start-up; memory.

Real news (the main rows): ../shared/corpus/bench-real.jsonl.gz. Each measured run is a fresh
process on articles no other run has read (cold: per-word caches empty): `naba build --jobs 1`
on articles [0, N), the naive pipeline (bench/naive.py) on the same articles, `naba build
--jobs 2` on [N, 2N), and `naba build` of one article three times, each another one. Those runs
share one NABA_CACHE folder, which holds only files made from the installation, never from
articles (the lexicons as JSON, the morphology database, camel-tools' character tables): the
first run, one article into an empty folder (the first build after an installation), fills it
and is a row of its own. Without ../shared (a user's clone) the bench says
so and measures the synthetic corpus only: the bundled sample's sentences reshuffled into
4-5 KB articles (1,028 distinct words, so every per-word cache stays warm).

    .venv/bin/python bench/run.py                    # 2,000 real articles a run, 1,000 synthetic
    .venv/bin/python bench/run.py --docs 500 --synthetic-docs 1000   # quicker
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "news.jsonl"
REAL = ROOT.parent / "shared" / "corpus" / "bench-real.jsonl.gz"
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
# The runs see the environment of a user's shell: Python writes the bytecode of the modules it
# compiles (where a machine sets PYTHONDONTWRITEBYTECODE, every run would compile Naba's again).
USER_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2_000,
                        help="real articles per measured run (default 2,000)")
    parser.add_argument("--synthetic-docs", type=int, default=1_000,
                        help="synthetic articles (default 1,000; 0 to skip)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated job counts (default 1,2)")
    parser.add_argument("--real", type=Path, default=REAL, help="gzip JSONL of real articles")
    parser.add_argument("--sample", type=Path, default=SAMPLE, help="JSONL the sentences come from")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep the corpora and outputs in this folder")
    args = parser.parse_args(argv)
    jobs = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory(prefix="naba-bench-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        rows = [("-", "naba --help", None, None, *timed(naba("--help"), runs=3))]
        cache = folder / "naba-cache"  # what the installation makes once (no article in it)
        if args.real.exists():
            rows += run_real(folder, args.real, args.docs, jobs, cache)
        else:
            print(f"bench: {args.real} is missing (../shared is not beside this clone): "
                  "measuring the synthetic corpus only", file=sys.stderr)
            one = folder / "one.jsonl"
            write_corpus(one, read_sentences(args.sample), 1, args.seed)
            command = naba("build", one, "-o", folder / "one.nt", "--quiet")
            rows.append(("synthetic", "naba build, 1 article, empty NABA_CACHE", 1, None,
                         *timed(command, cache=cache)))
            rows.append(("synthetic", "naba build, 1 article", 1, None,
                         *timed(command, runs=3, cache=cache)))
        if args.synthetic_docs:
            rows += run_synthetic(folder, read_sentences(args.sample), args.synthetic_docs, jobs,
                                  args.seed, cache)
    print(format_table(rows))
    print(format_goals(rows))
    return 0


def run_real(folder: Path, real: Path, docs: int, jobs: list[int], cache: Path) -> list:
    """Naba with each job count on its own slice, the naive pipeline on the first slice, and
    one-article builds, each on articles no run has read; the first, into an empty ``cache``,
    fills it for the others."""
    wanted = docs * len(jobs) + 4
    lines = _head(real, wanted)
    if len(lines) < wanted:
        sys.exit(f"bench: {real} has {len(lines)} articles; --docs {docs} needs {wanted}")
    rows = []
    for n in range(4):
        one = folder / f"one-{n}.jsonl"
        one.write_bytes(lines[docs * len(jobs) + n])
        name = "naba build, 1 article" + (", empty NABA_CACHE" if n == 0 else "")
        rows.append(("real", name, 1, None,
                     *timed(naba("build", one, "-o", folder / "one.nt", "--quiet"), cache=cache)))
    for k, job in enumerate(jobs):
        corpus = folder / f"real-{k}.jsonl"
        corpus.write_bytes(b"".join(lines[k * docs:(k + 1) * docs]))
        out = folder / f"real-{k}.nt"
        rows.append(("real", f"naba build --jobs {job}", docs, corpus.stat().st_size,
                     *timed(naba("build", corpus, "-o", out, "--quiet", "--jobs", str(job)),
                            cache=cache)))
        out.unlink()
        if k == 0:
            naive = [sys.executable, str(ROOT / "bench" / "naive.py"), str(corpus), "-o", str(out)]
            rows.append(("real", "naive pipeline", docs, corpus.stat().st_size, *timed(naive)))
            out.unlink()
    return _median_of_ones(rows)


def run_synthetic(folder: Path, sentences: list[str], docs: int, jobs: list[int],
                  seed: int, cache: Path) -> list:
    corpus = folder / "synthetic.jsonl"
    size = write_corpus(corpus, sentences, docs, seed)
    rows = []
    for job in jobs:
        out = folder / f"synthetic-{job}.nt"
        rows.append(("synthetic", f"naba build --jobs {job}", docs, size,
                     *timed(naba("build", corpus, "-o", out, "--quiet", "--jobs", str(job)),
                            cache=cache)))
        out.unlink()
    return rows


def read_sentences(sample: Path) -> list[str]:
    """Every sentence of the sample's articles (split after . ! ? ؟)."""
    if not sample.exists():
        sys.exit(f"bench: {sample} is missing; the benchmark reshuffles the sentences of the "
                 "bundled sample corpus (or give one with --sample FILE.jsonl)")
    sentences = []
    for line in sample.read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = json.loads(line)["text"]
            sentences += [s.strip() for s in SENTENCE_END.split(text) if s.strip()]
    if len(sentences) < 10:
        sys.exit(f"bench: {sample} has only {len(sentences)} sentences; need at least 10")
    return sentences


def write_corpus(path: Path, sentences: list[str], docs: int, seed: int) -> int:
    """A JSONL corpus of ``docs`` articles of 4-5 KB of reshuffled sentences; returns its bytes."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(docs):
            target, size, paragraphs = rng.randint(4000, 5000), 0, []
            while size < target:
                paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 4)))
                paragraphs.append(paragraph)
                size += len(paragraph.encode()) + 2
            record = {"id": f"bench-{number:06d}", "text": "\n\n".join(paragraphs)}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size


def naba(*args) -> list[str]:
    exe = Path(sys.executable).with_name("naba")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "naba.cli"]
    return command + [str(a) for a in args]


def timed(command: list[str], runs: int = 1, cache: Path | None = None
          ) -> tuple[float, float, int, int]:
    """Median wall seconds and CPU seconds (the process and every process it started), peak
    RSS of the largest process and of the process tree (bytes). The runs use ``cache`` as
    NABA_CACHE, else each an empty folder."""
    times, cpus, peaks, trees = [], [], [], []
    for _ in range(runs):
        with tempfile.TemporaryFile() as log, tempfile.TemporaryDirectory() as empty:
            folder = Path(empty) if cache is None else cache
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log,
                                       env={**USER_ENV, "NABA_CACHE": str(folder)})
            sampler = _TreeRss(process.pid)
            sampler.start()
            _, status, usage = os.wait4(process.pid, 0)
            times.append(time.perf_counter() - started)
            sampler.stop()
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            code = process.returncode = os.waitstatus_to_exitcode(status)
            if code != 0:
                log.seek(0)
                sys.exit(f"bench: {' '.join(command)} failed ({code}):\n"
                         + log.read().decode(errors="replace")[-2000:])
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        peaks.append(usage.ru_maxrss * 1024)
        trees.append(sampler.peak)
    return statistics.median(times), statistics.median(cpus), max(peaks), max(trees)


class _TreeRss(threading.Thread):
    """Samples the summed RSS of a process and its children every 50 ms (Linux /proc)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self._done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.05):
            self.peak = max(self.peak, sum(_rss(p) for p in _tree(self.pid)))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            todo += [int(c) for c in
                     Path(f"/proc/{current}/task/{current}/children").read_text().split()]
        except OSError:
            pass
    return pids


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def format_table(rows: list) -> str:
    header = ("corpus", "run", "docs", "seconds", "docs/s", "MB/s", "CPU s", "CPU s/1k docs",
              "peak RSS", "tree RSS")
    lines = [header]
    for corpus, name, docs, nbytes, seconds, cpu, peak, tree in rows:
        lines.append((corpus, name, f"{docs:,}" if docs else "-", f"{seconds:.2f}",
                      f"{docs / seconds:,.0f}" if nbytes else "-",
                      f"{nbytes / seconds / 1e6:.2f}" if nbytes else "-", f"{cpu:.2f}",
                      f"{cpu / docs * 1000:.2f}" if nbytes else "-",
                      f"{peak / 2**20:,.0f} MB", f"{tree / 2**20:,.0f} MB"))
    widths = [max(len(row[i]) for row in lines) for i in range(len(header))]
    text = ["  ".join(cell.ljust(w) if i < 2 else cell.rjust(w)
                      for i, (cell, w) in enumerate(zip(row, widths))) for row in lines]
    text.insert(1, "  ".join("-" * w for w in widths))
    notes = ("CPU s: user + system of the run and every process it started (getrusage of the "
             "reaped children). peak RSS: the largest single process; tree RSS: the highest sum "
             "over the build and its workers (sampled every 50 ms; forked workers share pages, "
             "so it overcounts). 1-article rows: the median of three articles. Output: N-Triples.")
    return "\n".join(text) + "\n\n" + notes


def format_goals(rows: list) -> str:
    """The figures issue 12 sets goals on, from the rows measured."""
    by_name = {(corpus, name): row for corpus, name, *row in rows}
    lines = []
    one = by_name.get(("real", "naba build, 1 article")) or by_name.get(
        ("synthetic", "naba build, 1 article"))
    if one:
        lines.append(f"naba build of one article: {one[2]:.2f} s wall, {one[3]:.2f} CPU s "
                     "(goal: under 1 s)")
    first = by_name.get(("real", "naba build, 1 article, empty NABA_CACHE")) or by_name.get(
        ("synthetic", "naba build, 1 article, empty NABA_CACHE"))
    if first:
        lines.append(f"the first build after an installation (empty NABA_CACHE), one article: "
                     f"{first[2]:.2f} s wall, {first[3]:.2f} CPU s")
    naba1, naive = by_name.get(("real", "naba build --jobs 1")), by_name.get(("real", "naive pipeline"))
    if naba1 and naive:
        ratio = naive[3] / naba1[3]
        lines.append(f"CPU: naive pipeline {naive[3]:.2f} s, naba build --jobs 1 {naba1[3]:.2f} s "
                     f"on the same {naba1[0]:,} real articles: Naba costs {naba1[3] / naive[3]:.2f}x "
                     f"the naive pipeline, is {ratio:.2f}x as efficient (goal: 4x)")
    naba2 = by_name.get(("real", "naba build --jobs 2"))
    if naba2:
        lines.append(f"real news, 2 jobs: {naba2[0] / naba2[2]:,.0f} docs/s (goal: 1,500)")
    return "\n".join(lines)


def _head(path: Path, count: int) -> list[bytes]:
    """The first ``count`` non-empty lines of a gzip JSONL file."""
    lines = []
    with gzip.open(path, "rb") as handle:
        for line in handle:
            if line.strip():
                lines.append(line if line.endswith(b"\n") else line + b"\n")
                if len(lines) == count:
                    break
    return lines


def _median_of_ones(rows: list) -> list:
    """The three one-article rows as one: median time and CPU, largest memory."""
    ones = [r for r in rows if r[1] == "naba build, 1 article"]
    rest = [r for r in rows if r[1] != "naba build, 1 article"]
    merged = ("real", "naba build, 1 article", 1, None,
              statistics.median(r[4] for r in ones), statistics.median(r[5] for r in ones),
              max(r[6] for r in ones), max(r[7] for r in ones))
    return [merged, *rest]


if __name__ == "__main__":
    sys.exit(main())
