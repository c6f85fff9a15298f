"""`make bench`: how fast `naba build` is, and whether its memory stays flat as the corpus grows.

Builds a synthetic corpus (sentences of the bundled sample reshuffled into 4-5 KB articles),
then runs the real CLI as a subprocess, writing N-Triples, and prints one table.

    .venv/bin/python bench/run.py              # 20,000 articles, --jobs 1 and --jobs 2
    .venv/bin/python bench/run.py --docs 2000  # smaller
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "news.jsonl"
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000, help="articles (default 20,000)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated job counts (default 1,2)")
    parser.add_argument("--sample", type=Path, default=SAMPLE, help="JSONL the sentences come from")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep the corpus and outputs in this folder")
    args = parser.parse_args(argv)
    sentences = read_sentences(args.sample)
    with tempfile.TemporaryDirectory(prefix="naba-bench-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        rows = run_all(folder, sentences, args.docs, [int(j) for j in args.jobs.split(",")],
                       args.seed)
    print(format_table(rows))
    return 0


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


def run_all(folder: Path, sentences: list[str], docs: int, jobs: list[int], seed: int) -> list:
    full, quarter = folder / "corpus.jsonl", folder / "corpus-quarter.jsonl"
    size = write_corpus(full, sentences, docs, seed)
    quarter_size = write_corpus(quarter, sentences, docs // 4, seed)
    one = folder / "one.jsonl"
    write_corpus(one, sentences, 1, seed)
    rows = [("naba --help", None, None, *timed(naba("--help"), runs=3))]
    rows.append(("naba build, 1 article", 1, None,
                 *timed(naba("build", one, "-o", folder / "one.nt", "--quiet"), runs=3)))
    for job in jobs:
        for corpus, count, nbytes in ((quarter, docs // 4, quarter_size), (full, docs, size)):
            out = folder / f"out-{count}-{job}.nt"
            seconds, peak, tree = timed(naba("build", corpus, "-o", out, "--quiet",
                                             "--jobs", str(job)))
            rows.append((f"naba build --jobs {job}", count, nbytes, seconds, peak, tree))
            out.unlink()
    return rows


def naba(*args) -> list[str]:
    exe = Path(sys.executable).with_name("naba")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "naba.cli"]
    return command + [str(a) for a in args]


def timed(command: list[str], runs: int = 1) -> tuple[float, int, int]:
    """Median wall seconds, peak RSS of the largest process and of the process tree (bytes)."""
    times, peaks, trees = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryFile() as log:
            started = time.perf_counter()
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
            sampler = _TreeRss(process.pid)
            sampler.start()
            _, status, usage = os.wait4(process.pid, 0)
            times.append(time.perf_counter() - started)
            sampler.stop()
            code = process.returncode = os.waitstatus_to_exitcode(status)
            if code != 0:
                log.seek(0)
                sys.exit(f"bench: {' '.join(command)} failed ({code}):\n"
                         + log.read().decode(errors="replace")[-2000:])
        peaks.append(usage.ru_maxrss * 1024)
        trees.append(sampler.peak)
    return statistics.median(times), max(peaks), max(trees)


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
    header = ("run", "docs", "seconds", "docs/s", "MB/s", "peak RSS", "tree RSS")
    lines = [header]
    for name, docs, nbytes, seconds, peak, tree in rows:
        lines.append((name, f"{docs:,}" if docs else "-", f"{seconds:.2f}",
                      f"{docs / seconds:,.0f}" if nbytes else "-",
                      f"{nbytes / seconds / 1e6:.2f}" if nbytes else "-",
                      f"{peak / 2**20:,.0f} MB", f"{tree / 2**20:,.0f} MB"))
    widths = [max(len(row[i]) for row in lines) for i in range(len(header))]
    text = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                      for i, (cell, w) in enumerate(zip(row, widths))) for row in lines]
    text.insert(1, "  ".join("-" * w for w in widths))
    notes = ("peak RSS: the largest single process (getrusage of the child); tree RSS: the "
             "highest sum over the build and its workers (sampled every 50 ms; forked workers "
             "share pages, so it overcounts).\nMemory is flat when the full corpus peaks like "
             "the quarter corpus. Output: N-Triples.")
    return "\n".join(text) + "\n\n" + notes


if __name__ == "__main__":
    sys.exit(main())
