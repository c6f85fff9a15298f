"""Build a corpus on a Dask cluster: partitions of the input analysed on workers, each written
as one N-Quads part of an output folder, with a manifest.

A partition is a block of lines of a JSONL file (about ``BLOCK_BYTES``; a line belongs to the
block it starts in) or a whole ``.jsonl.gz`` file (gzip cannot be cut). Paths go through
fsspec: local, or ``s3://…`` and the others whose driver is installed. ``build_partition`` is
what a worker runs: it reads its lines, analyses each article as ``naba build`` does
(``ingest.pipeline.analyze``, then ``graph.build.write_nquads``) and writes
``part-NNNNNN.nq`` in one step (a temp file beside it, then a rename), so a part is whole or
absent. Parts are named by partition: a partition run again after its worker was lost
replaces its part with the same bytes, so no part is lost or doubled. The driver
(``build_distributed``) writes the ontology as ``ontology.nq`` and, once every part is
written, ``manifest.json`` (parts, articles, triples, bad lines with file and line); a folder
without a manifest is an unfinished build. Each part describes the gazetteer entities its
articles mention, so parts overlap in the knowledge graph; a store merges them (RDF is a set).

An article id seen twice (in one partition or in two) keeps its first occurrence, as the
local build does: the driver finds the later ones and runs their partitions again without them.

Any engine that runs a Python function on a piece of the input can run ``build_partition``:
Spark's ``mapPartitions`` over ``list_partitions(...)`` does what the Dask workers do.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "news.jsonl").write_text('{"id": "a1", "text": "زار لافروف دمشق."}\\n')
>>> _ = (folder / "more.jsonl.gz").write_bytes(b"")  # gzip: one partition, whole
>>> [(p.name, p.path[-8:], p.start, p.end) for p in list_partitions([str(folder)], 40)]
[('part-000000.nq', 'jsonl.gz', 0, None), ('part-000001.nq', 'ws.jsonl', 0, 40), ('part-000002.nq', 'ws.jsonl', 40, 80)]
"""
from __future__ import annotations

import json
import os
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from naba.errors import CorpusError, GraphError, NabaError

__all__ = ["BLOCK_BYTES", "FORMAT", "MANIFEST", "ONTOLOGY_PART", "PartResult", "Partition",
           "build_distributed", "build_partition", "list_partitions", "read_manifest"]

BLOCK_BYTES = 16 << 20  # a plain JSONL file is cut into blocks of lines of about 16 MB
MANIFEST = "manifest.json"
ONTOLOGY_PART = "ontology.nq"
FORMAT = "naba-parts/1"
_SUFFIXES = (".jsonl", ".jsonl.gz")


@dataclass(frozen=True)
class Partition:
    """The lines of ``path`` that start in ``[start, end)`` (``end`` None: the whole file)."""

    number: int
    path: str  # a local path or an fsspec URL
    start: int = 0
    end: int | None = None

    @property
    def name(self) -> str:
        return f"part-{self.number:06d}.nq"


@dataclass
class PartResult:
    """What ``build_partition`` wrote and found; line numbers count from the block's start."""

    number: int
    articles: int = 0
    triples: int = 0
    bytes: int = 0
    lines: int = 0  # lines of the block: where the next block of the file starts counting
    ids: list = field(default_factory=list)  # (article id, line)
    bad: list = field(default_factory=list)  # (line, problem)
    warnings: list = field(default_factory=list)  # articles that could not be analysed
    seen: dict = field(default_factory=dict)  # entity or role key → type
    relations: Counter = field(default_factory=Counter)
    modes: Counter = field(default_factory=Counter)
    generic: Counter = field(default_factory=Counter)


def list_partitions(inputs: Sequence[str], block_bytes: int = BLOCK_BYTES) -> list[Partition]:
    """The partitions of the corpus files that ``inputs`` name: JSONL files (plain or .gz),
    folders of them and globs, in the order given, each folder's or glob's files by name.

    ``CorpusError`` names an input that matches nothing or is of another format.
    """
    from fsspec.core import url_to_fs

    if block_bytes < 1:
        raise GraphError(f"block size {block_bytes}: must be a positive number of bytes")
    files: dict[str, tuple] = {}
    for spec in inputs:
        fs, path = url_to_fs(str(spec))
        for found in _corpus_files(fs, path, str(spec)):
            files.setdefault(_display(fs, found), (fs, found))
    partitions: list[Partition] = []
    for shown, (fs, path) in files.items():
        if path.endswith(".gz"):
            partitions.append(Partition(len(partitions), shown))
            continue
        size = fs.size(path)
        for start in range(0, max(size, 1), block_bytes):
            partitions.append(Partition(len(partitions), shown, start, start + block_bytes))
    return partitions


def build_partition(part: Partition, out: str, skip: frozenset[int] = frozenset()
                    ) -> PartResult:
    """Analyse the articles of ``part`` and write them as ``out/part-NNNNNN.nq`` (atomically);
    the lines in ``skip`` (later copies of an id) are left out."""
    from fsspec.core import url_to_fs

    from graph.build import write_nquads
    from ingest.sources import MAX_RECORD_BYTES, parse_record

    result = PartResult(part.number)

    def articles():
        for number, line in _block_lines(part, MAX_RECORD_BYTES):
            result.lines = number
            if line is None:
                limit = MAX_RECORD_BYTES // 2**20
                result.bad.append((number, f"line over the {limit} MB limit per article; skipped"))
            elif line.strip() and number not in skip:
                try:
                    article = parse_record(line)
                except ValueError as exc:
                    result.bad.append((number, f"{exc}; skipped"))
                    continue
                result.ids.append((article.id, number))
                yield article

    fs, folder = url_to_fs(out)
    final = f"{folder}/{part.name}"
    temp = f"{folder}/.{part.name}.{uuid.uuid4().hex}.tmp"
    try:
        with fs.open(temp, "wb") as sink:
            report = write_nquads(articles(), sink, seen=result.seen)
            _sync(sink)
        fs.mv(temp, final)
    except BaseException:
        _remove(fs, temp)
        raise
    result.articles, result.triples, result.bytes = report.documents, report.triples, fs.size(final)
    result.warnings, result.relations = report.warnings, report.relations
    result.modes, result.generic = report.modes, report.generic
    return result


def build_distributed(inputs: Sequence[str], out: str, *, scheduler: str | None = None,
                      client=None, store=None, block_bytes: int = BLOCK_BYTES,
                      progress: bool = True):
    """Build the graph of ``inputs`` on the Dask cluster at ``scheduler`` (or through
    ``client``) into the parts folder ``out``; load the parts into ``store`` if given.
    Returns a ``graph.build.BuildReport``; warnings go to stderr and into the report."""
    from fsspec.core import url_to_fs

    from graph.build import BuildReport, _progress_bar

    started = time.perf_counter()
    partitions = list_partitions(inputs, block_bytes)
    fs, folder = url_to_fs(str(out))
    _prepare_folder(fs, folder, str(out))
    if store is not None:
        from graph.store import check_store_folder

        check_store_folder(store)
    own = client is None
    client = _connect(scheduler) if own else client
    _remove(fs, f"{folder}/{MANIFEST}")  # the parts are about to change: unfinished until the end
    try:
        workers = len(client.scheduler_info()["workers"])
        report = BuildReport(jobs=max(workers, 1), output=str(out), store=store)
        bar = _progress_bar(progress)
        bar.total, bar.unit = len(partitions), " parts"

        def warn(message: str) -> None:
            report.warnings.append(message)
            bar.write(f"naba build: warning: {message}", file=sys.stderr)

        ontology = _write_ontology(fs, folder)
        with bar:
            results = _run(client, partitions, [frozenset()] * len(partitions), folder, bar)
            bar.write(f"naba build: {len(partitions)} parts written", file=sys.stderr)
            again = _later_copies(partitions, results)
            if again:
                bar.write(f"naba build: {len(again)} parts hold a repeated id; writing them "
                          "again without the later copies", file=sys.stderr)
                redone = _run(client, [partitions[n] for n in again],
                              [frozenset(lines) for lines in again.values()], folder, None)
                results.update(redone)
    finally:
        if own:
            client.close()
    manifest = _manifest(inputs, partitions, results, ontology, again, warn)
    _summarize(report, manifest, results, ontology)
    if not report.documents:
        for name in [ONTOLOGY_PART] + [p.name for p in partitions]:
            _remove(fs, f"{folder}/{name}")
        report.triples = 0
    else:
        _write_json(fs, f"{folder}/{MANIFEST}", manifest)
        _remove_stale(fs, folder, manifest)
        if store is not None:
            from graph.store import add_documents

            add_documents(store, str(out))
    report.seconds = time.perf_counter() - started
    return report


def read_manifest(folder: str) -> tuple[dict, list[str]]:
    """The manifest of a parts folder and the paths (or URLs) of its parts, ontology first;
    ``GraphError`` if the build did not finish or a part is missing or has another size."""
    from fsspec.core import url_to_fs

    fs, root = url_to_fs(str(folder))
    path = f"{root}/{MANIFEST}"
    try:
        with fs.open(path, "rb") as handle:
            manifest = json.loads(handle.read())
    except FileNotFoundError:
        raise GraphError(f"{folder}: no {MANIFEST}; the build that wrote these parts did not "
                         "finish (build again into this folder)") from None
    except (OSError, ValueError) as exc:
        raise GraphError(f"{path}: unreadable ({exc})") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise GraphError(f"{path}: not the manifest of Naba parts (format {FORMAT})")
    parts = [manifest["ontology"], *manifest["parts"]]
    paths = []
    for part in parts:
        where = f"{root}/{part['name']}"
        try:
            size = fs.size(where)
        except FileNotFoundError:
            raise GraphError(f"{folder}: part {part['name']} is missing; build again") from None
        if size != part["bytes"]:
            raise GraphError(f"{folder}: part {part['name']} has {size} bytes, the manifest says "
                             f"{part['bytes']}; build again")
        paths.append(_display(fs, where))
    return manifest, paths


# --- helpers: the driver -----------------------------------------------------------------------

def _connect(scheduler: str | None):
    """A client of the scheduler; it waits for it as long as Dask's connect timeout says
    (``distributed.comm.timeouts.connect``, 30 s; e.g. DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=5s)."""
    import dask
    from distributed import Client

    if not scheduler:
        raise GraphError("give the address of a Dask scheduler, e.g. tcp://10.0.0.5:8786")
    try:
        return Client(scheduler, timeout=dask.config.get("distributed.comm.timeouts.connect"))
    except (OSError, TimeoutError, ValueError) as exc:
        raise GraphError(f"{scheduler}: cannot reach the Dask scheduler ({exc}); start one "
                         "with `dask scheduler` and workers with `dask worker ADDRESS`") from exc


def _run(client, partitions: list[Partition], skips: list, folder: str, bar) -> dict:
    """Results of ``build_partition`` on each partition, by number; the first error stops all."""
    from distributed import as_completed

    token = uuid.uuid4().hex[:8]
    keys = [f"naba-part-{p.number}-{token}" for p in partitions]
    futures = client.map(build_partition, partitions, [folder] * len(partitions), skips,
                         key=keys, pure=False)
    by_key = dict(zip(keys, partitions))
    results, documents = {}, 0
    try:
        for future in as_completed(futures):
            part = by_key[future.key]
            try:
                result = future.result()
            except NabaError:
                raise
            except Exception as exc:  # a worker's error, told with its partition
                raise GraphError(f"{_where(part)}: {type(exc).__name__}: {exc}") from exc
            results[part.number] = result
            if bar is not None:
                documents += result.articles
                bar.set_postfix_str(f"{documents:,} docs", refresh=False)
                bar.update(1)
    finally:
        client.cancel(futures)
    return results


def _later_copies(partitions: list[Partition], results: dict) -> dict[int, dict[int, str]]:
    """The lines of each partition that repeat an id read before (in corpus order), with
    the id."""
    seen: set[str] = set()
    again: dict[int, dict[int, str]] = {}
    for part in partitions:
        for doc_id, line in results[part.number].ids:
            if doc_id in seen:
                again.setdefault(part.number, {})[line] = doc_id
            seen.add(doc_id)
    return again


def _manifest(inputs, partitions, results, ontology, again, warn) -> dict:
    """The manifest; warns of each bad line and repeated id, with its line in its file."""
    offsets, first, bad, parts = Counter(), {}, [], []
    for part in partitions:
        result, base = results[part.number], offsets[part.path]
        offsets[part.path] += result.lines
        for line, problem in result.bad:
            bad.append({"file": part.path, "line": base + line, "problem": problem})
        for doc_id, line in result.ids:
            first.setdefault(doc_id, f"{part.path}:{base + line}")
        for line, doc_id in sorted(again.get(part.number, {}).items()):
            bad.append({"file": part.path, "line": base + line,
                        "problem": f"duplicate id {doc_id!r} (first at {first.get(doc_id)}); "
                                   "skipped"})
        parts.append({"name": part.name, "file": part.path, "start": part.start,
                      "end": part.end, "first_line": base + 1, "lines": result.lines,
                      "articles": result.articles, "triples": result.triples,
                      "bytes": result.bytes})
    bad.sort(key=lambda b: (b["file"], b["line"]))
    for entry in bad:
        warn(f"{entry['file']}:{entry['line']}: {entry['problem']}")
    warnings = [w for n in sorted(results) for w in results[n].warnings]
    for message in warnings:
        warn(message)
    return {"format": FORMAT, "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "inputs": [str(i) for i in inputs], "ontology": ontology, "parts": parts,
            "articles": sum(p["articles"] for p in parts),
            "triples": ontology["triples"] + sum(p["triples"] for p in parts),
            "bad_lines": bad, "warnings": warnings}


def _summarize(report, manifest: dict, results: dict, ontology: dict) -> None:
    from ingest.model import ENTITY_TYPES

    seen: dict[str, str] = {}
    for result in results.values():
        seen.update(result.seen)
        report.relations.update(result.relations)
        report.modes.update(result.modes)
        report.generic.update(result.generic)
    report.entities = Counter(t for t in seen.values() if t in ENTITY_TYPES)
    report.documents, report.triples = manifest["articles"], manifest["triples"]
    report.parts = len(manifest["parts"])


def _write_ontology(fs, folder: str) -> dict:
    import pyoxigraph as ox

    from graph.build import ontology_quads

    quads = ontology_quads()
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    _write_atomically(fs, f"{folder}/{ONTOLOGY_PART}", data)
    return {"name": ONTOLOGY_PART, "triples": len(quads), "bytes": len(data)}


def _write_json(fs, path: str, value: dict) -> None:
    _write_atomically(fs, path, json.dumps(value, ensure_ascii=False, indent=1).encode())


def _prepare_folder(fs, folder: str, shown: str) -> None:
    """A new or empty folder, or a parts folder; never a file or a folder of other files."""
    if fs.exists(folder) and not fs.isdir(folder):
        raise GraphError(f"{shown}: is a file; with --scheduler, -o names a folder for the parts")
    try:
        fs.makedirs(folder, exist_ok=True)
        names = [entry.rstrip("/").rsplit("/", 1)[-1] for entry in fs.ls(folder, detail=False)]
    except OSError as exc:
        raise GraphError(f"{shown}: cannot write there ({exc.strerror or exc})") from exc
    foreign = sorted(n for n in names if not _is_ours(n))
    if foreign:
        shown_names = ", ".join(foreign[:3]) + (", …" if len(foreign) > 3 else "")
        raise GraphError(f"{shown}: the folder holds other files ({shown_names}); give -o a new "
                         "or empty folder, or one a distributed build wrote")


def _remove_stale(fs, folder: str, manifest: dict) -> None:
    """Remove the temp files of lost workers and the parts of an older build."""
    keep = {MANIFEST, ONTOLOGY_PART, *(p["name"] for p in manifest["parts"])}
    for entry in fs.ls(folder, detail=False):
        name = entry.rstrip("/").rsplit("/", 1)[-1]
        if _is_ours(name) and name not in keep:
            _remove(fs, f"{folder}/{name}")


def _is_ours(name: str) -> bool:
    return (name in (MANIFEST, ONTOLOGY_PART) or (name.startswith("part-") and name.endswith(".nq"))
            or (name.startswith(".") and name.endswith(".tmp")))


# --- helpers: files ----------------------------------------------------------------------------

def _corpus_files(fs, path: str, spec: str) -> list[str]:
    if any(c in path for c in "*?["):
        matches = sorted(fs.glob(path))
        if not matches:
            raise CorpusError(f"{spec}: no file matches")
    elif fs.isdir(path):
        matches = sorted(p for p in fs.ls(path, detail=False) if p.endswith(_SUFFIXES)
                         and not p.rsplit("/", 1)[-1].startswith("."))
        if not matches:
            raise CorpusError(f"{spec}: no .jsonl or .jsonl.gz files in this folder")
        return matches
    elif fs.exists(path):
        matches = [path]
    else:
        raise CorpusError(f"{spec}: no such file or folder")
    found = []
    for match in matches:
        if fs.isdir(match):
            found += _corpus_files(fs, match, match)
        elif match.endswith(_SUFFIXES):
            found.append(match)
        else:
            raise CorpusError(f"{match}: not a .jsonl or .jsonl.gz file (a distributed build "
                              "reads JSONL; build a folder of .txt files without --scheduler)")
    return found


def _display(fs, path: str) -> str:
    """A local path as it is, a remote one as its URL."""
    return path if "local" in fs.protocol or "file" in fs.protocol else fs.unstrip_protocol(path)


def _block_lines(part: Partition, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number in the block, bytes) of each line that starts in the block; None for a
    line over ``limit`` bytes (never held whole)."""
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(part.path)
    gzip = "gzip" if part.path.endswith(".gz") else None
    with fs.open(path, "rb", compression=gzip) as handle:
        if part.start:
            handle.seek(part.start - 1)
            if handle.read(1) != b"\n":  # the block starts inside a line: that line is the last
                _skip_line(handle)       # of the block before
        number = 0
        while part.end is None or handle.tell() < part.end:
            line = handle.readline(limit + 1)
            if not line:
                return
            number += 1
            if len(line) > limit:
                _skip_line(handle, line)
                yield number, None
            else:
                yield number, line


def _skip_line(handle, line: bytes = b"") -> None:
    while not line.endswith(b"\n"):
        line = handle.readline(1 << 20)
        if not line:
            return


def _sync(handle) -> None:
    """On disk before the rename, where the file system has a descriptor."""
    try:
        handle.flush()
        os.fsync(handle.fileno())
    except (AttributeError, OSError, ValueError):  # an object store: the object is whole on close
        pass


def _write_atomically(fs, path: str, data: bytes) -> None:
    folder, name = path.rsplit("/", 1)
    temp = f"{folder}/.{name}.{uuid.uuid4().hex}.tmp"
    try:
        with fs.open(temp, "wb") as handle:
            handle.write(data)
            _sync(handle)
        fs.mv(temp, path)
    except BaseException:
        _remove(fs, temp)
        raise


def _remove(fs, path: str) -> None:
    try:
        fs.rm(path)
    except FileNotFoundError:
        pass


def _where(part: Partition) -> str:
    block = f" (bytes {part.start:,}-{part.end:,})" if part.end is not None else ""
    return f"{part.path}{block}, {part.name}"

