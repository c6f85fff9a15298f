"""The persistent store: open a graph file or a store folder, add documents to a store.

A store is a folder: a pyoxigraph (RocksDB) database in a *generation* subfolder
(``data-000002``), and ``naba-store.json``, which names the generation in use. Each article's
statements live in their own named graph (``document_graph_iri(id)``), so adding a document
again replaces its statements; queries read every graph at once (``union_query``).

Updates are atomic: ``add_documents`` never writes into the generation in use. It copies it
into the next one (a RocksDB checkpoint: hard links to the immutable table files, so the copy
costs little whatever the store's size), loads the documents there, syncs it to disk, and only
then points ``naba-store.json`` at it (temp file, fsync, ``os.replace``). Killed at any point,
even by SIGKILL, the store holds the old documents or the new ones, never a mix; the next
writer removes what a killed one left. A store made before generations (the database files
in the folder itself) is read as it is and moved into a generation by the next update.

Quick check on a tiny document:

>>> import tempfile
>>> from graph.terms import document_graph_iri, entity_iri, NBO
>>> quad = (f"<{entity_iri('sergei-lavrov')}> <{NBO}accuses> <{entity_iri('united-states')}> "
...         f"<{document_graph_iri('a1')}> .\\n").encode()
>>> with tempfile.TemporaryDirectory() as folder:
...     added = add_documents(folder, quad)
...     added = add_documents(folder, quad)     # the same document again: replaced, not doubled
...     len(open_source(folder)), sorted(os.listdir(folder))
(1, ['.naba-lock', 'data-000002', 'naba-store.json'])
"""
from __future__ import annotations

import fcntl
import io
import json
import os
import re
import shutil
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from graph.sparql import declares_dataset
from graph.terms import KNOWLEDGE_GRAPH
from naba.errors import GraphError

__all__ = ["FORMATS", "POINTER", "add_documents", "check_store_folder", "open_source", "store_data",
           "union_query"]

FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
}
POINTER = "naba-store.json"  # {"format": 1, "data": "data-000002"}: the generation in use
_LOCK = ".naba-lock"  # held (flock) by the one writer
_GENERATION = re.compile(r"data-(\d{6,})")
_LEFTOVER = re.compile(r"data-\d{6,}(\.tmp)?|\.naba-store\.json\.\d+\.tmp")  # a killed writer's
_LOAD_THREADS = 2  # bulk loads at once: the gain stops past two (measured, bench/query_bench.py)
_PARALLEL_BYTES = 8 << 20  # less N-Quads than this load in one thread
_ROCKSDB_FILE = re.compile(r"CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+"
                           r"|\d+\.(sst|log|blob)")


def open_source(path: Path) -> ox.Store:
    """A store folder opened read-only, or a graph file or the parts folder of a distributed
    build (graph.distributed) loaded into an in-memory store."""
    path = Path(path)
    if path.is_dir() and (path / "manifest.json").is_file() and store_data(path) is None:
        store = ox.Store()
        for piece in _pieces(path):
            store.bulk_load(path=str(piece.data), format=ox.RdfFormat.N_QUADS)
        return store
    if path.is_dir():
        return _open_store(path)
    fmt = FORMATS.get(path.suffix.lower())
    if not path.exists():
        raise GraphError(f"{path}: no such graph file or store folder")
    if fmt is None:
        raise GraphError(f"{path}: unknown graph format; use one of {', '.join(FORMATS)} "
                         "or a store folder")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise GraphError(f"{path}: not valid {path.suffix} ({exc})") from exc
    return store


def add_documents(store_dir: Path | str, nquads: Path | str | bytes | Iterable[bytes]) -> int:
    """Add N-Quads to the store in ``store_dir`` (created if missing); return the quads it
    then holds.

    ``nquads`` is a path to an ``.nq`` file, the folder of a distributed build's parts (the
    ones its manifest lists, graph.distributed), or the N-Quads themselves as bytes or as an
    iterable of byte chunks. Every named graph the input holds is **replaced**: it is cleared,
    then loaded, so rebuilding a document replaces its statements and the documents that are
    not in the input stay as they were. ``KNOWLEDGE_GRAPH`` (gazetteer descriptions, which
    each build repeats for the entities it mentions) and the default graph are **merged**:
    RDF is a set, so adding the same description twice changes nothing. The update is atomic
    (see the module's docstring); bad input is refused, and the store stays as it was.
    """
    pieces = _pieces(nquads)
    root = Path(store_dir)
    with _writer(root):
        current = store_data(root)
        # a store to update: the graphs to clear, from one strict parse before anything is
        # written; a new store has none, and its strict bulk load refuses bad input itself
        graphs = _graph_names(pieces) if current is not None else None
        _remove_leftovers(root, keep=current)
        new = root / _next_generation(current)
        try:
            count = _load(current, new, pieces, graphs)
            _point_to(root, new)
        except BaseException:
            shutil.rmtree(new, ignore_errors=True)
            raise
        _remove_leftovers(root, keep=new)
    return count


def check_store_folder(store_dir: Path | str) -> None:
    """Raise ``GraphError`` unless ``add_documents`` may write a store there: a new or empty
    folder, or a store (never a file, never a folder of other files)."""
    root = Path(store_dir)
    if root.exists() and not root.is_dir():
        raise GraphError(f"{root}: is a file; a store is a folder")
    _refuse_foreign_folder(root)


def store_data(root: Path) -> Path | None:
    """The database folder of the store at ``root`` (the generation in use; ``root`` itself
    for a store made before generations), or None when ``root`` holds no store."""
    pointer = Path(root) / POINTER
    try:
        name = json.loads(pointer.read_text(encoding="utf-8"))["data"]
    except FileNotFoundError:
        return Path(root) if (Path(root) / "CURRENT").is_file() else None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GraphError(f"{pointer}: unreadable ({exc}); the store's generations are the "
                         "data-* folders beside it") from exc
    if not isinstance(name, str) or not _GENERATION.fullmatch(name):
        raise GraphError(f"{pointer}: names no data-NNNNNN generation ({name!r})")
    return Path(root) / name


def union_query(store: ox.Store, text: str, **options):
    """``store.query`` over the union of all graphs (the view every Naba query expects), or
    over the dataset the query names with ``FROM`` / ``FROM NAMED``."""
    return store.query(text, use_default_graph_as_union=not declares_dataset(text), **options)


# --- helpers -----------------------------------------------------------------------------------

def _pieces(nquads) -> list[_Piece]:
    """The input as pieces of N-Quads: bytes, or (file, start, end) byte ranges."""
    if isinstance(nquads, bytes | bytearray):
        return [_Piece(bytes(nquads), "the N-Quads")]
    if isinstance(nquads, str) and "://" in nquads and not nquads.startswith("file://"):
        return _remote_pieces(nquads)
    if isinstance(nquads, str | Path):
        path = Path(nquads)
        if path.is_dir():
            from graph.distributed import read_manifest

            _, parts = read_manifest(str(path))
            return [_file_piece(Path(part)) for part in parts]
        return [_file_piece(path)]
    return [_Piece(b"".join(nquads), "the N-Quads")]


def _remote_pieces(folder: str) -> list[_Piece]:
    """The parts of a remote parts folder (``s3://…``: fsspec and its driver), read whole."""
    import fsspec

    from graph.distributed import read_manifest

    _, parts = read_manifest(folder)
    pieces = []
    for url in parts:
        try:
            with fsspec.open(url, "rb") as handle:
                pieces.append(_Piece(handle.read(), url))
        except OSError as exc:
            raise GraphError(f"{url}: cannot read the part ({exc})") from exc
    return pieces


class _Piece:
    """Some N-Quads: bytes, or the bytes ``[start, end)`` of a file (whole lines)."""

    def __init__(self, data: bytes | Path, name: str, start: int = 0, end: int | None = None):
        self.data, self.name, self.start = data, name, start
        self.end = end if end is not None else (len(data) if isinstance(data, bytes) else 0)

    @property
    def size(self) -> int:
        return self.end - self.start

    def open(self) -> io.BufferedIOBase:
        handle = (io.BytesIO(self.data) if isinstance(self.data, bytes)
                  else open(self.data, "rb"))  # noqa: SIM115 (closed by the caller)
        handle.seek(self.start)
        return handle


def _file_piece(path: Path) -> _Piece:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise GraphError(f"{path}: cannot read the N-Quads ({exc.strerror})") from exc
    return _Piece(path, str(path), 0, size)


def _graph_names(pieces: list[_Piece]) -> set[ox.NamedNode]:
    """The named graphs in the N-Quads (one strict parse)."""
    graphs: set = set()
    for piece in pieces:
        with piece.open() as handle:
            try:
                for quad in ox.parse(_Slice(handle, piece.size), format=ox.RdfFormat.N_QUADS):
                    if not isinstance(quad.graph_name, ox.DefaultGraph):
                        graphs.add(quad.graph_name)
            except SyntaxError as exc:
                raise GraphError(f"{piece.name}: not valid N-Quads ({exc})") from exc
    return graphs


class _Slice(io.RawIOBase):
    """The next ``size`` bytes of a file (or several, one after the other, a newline between
    two), read as one stream."""

    def __init__(self, handle, size: int, rest: list | None = None):
        self._handle, self._left, self._rest = handle, size, rest or []

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while True:
            if self._left > 0:
                view = memoryview(buffer)[:self._left]
                count = self._handle.readinto(view)
                if count:
                    self._left -= count
                    return count
                self._left = 0
            if not self._rest:
                return 0
            self._handle.close()
            piece = self._rest.pop(0)
            self._handle, self._left = piece.open(), piece.size
            buffer[:1] = b"\n"  # a file whose last line has no newline must not run into the next
            return 1

    def close(self) -> None:
        self._handle.close()
        super().close()


def _groups(pieces: list[_Piece], count: int) -> list[list[_Piece]]:
    """The pieces in ``count`` groups of about the same size, in order; a piece larger than
    a group is cut at line ends."""
    total = sum(p.size for p in pieces)
    if count <= 1 or total < _PARALLEL_BYTES:
        return [pieces]
    target = total / count
    cut: list[_Piece] = []
    for piece in pieces:
        cut += _cut(piece, target) if piece.size > target else [piece]
    groups: list[list[_Piece]] = [[]]
    size = 0
    for piece in cut:
        if size >= target * len(groups) and len(groups) < count:
            groups.append([])
        groups[-1].append(piece)
        size += piece.size
    return groups


def _cut(piece: _Piece, target: float) -> list[_Piece]:
    """``piece`` in ranges of about ``target`` bytes, each ending at a line end."""
    out, start = [], piece.start
    with piece.open() as handle:
        while start < piece.end:
            end = min(piece.end, int(start + target))
            if end < piece.end:
                handle.seek(end)
                end += len(handle.readline())  # to the end of that line
                end = min(end, piece.end)
            out.append(_Piece(piece.data, piece.name, start, end))
            start = end
    return out


def _open_store(root: Path) -> ox.Store:
    """The store at ``root``, read-only; read again if a writer replaced the generation."""
    for _ in range(3):
        data = store_data(root)
        if data is None:
            raise GraphError(f"{root}: not a Naba store (no store files in the folder; "
                             f"create one with naba build CORPUS --store {root})")
        try:
            return ox.Store.read_only(str(data))
        except OSError as exc:
            problem = exc
            if store_data(root) == data:  # not a generation that a writer just removed
                break
    raise GraphError(f"{root}: not a Naba store ({problem})") from problem


@contextmanager
def _writer(root: Path) -> Iterator[None]:
    """Hold the store's writer lock (created with the folder if need be)."""
    check_store_folder(root)
    try:
        root.mkdir(parents=True, exist_ok=True)
        handle = open(root / _LOCK, "ab")  # noqa: SIM115 (held while the lock is)
    except OSError as exc:
        raise GraphError(f"{root}: cannot write the store ({exc.strerror})") from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise GraphError(f"{root}: another naba build is writing to this store; "
                             "wait for it to end") from None
        yield


def _refuse_foreign_folder(root: Path) -> None:
    """A folder that holds files but no store is the user's: never write among them."""
    try:
        names = os.listdir(root)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise GraphError(f"{root}: cannot read the folder ({exc.strerror})") from exc
    if POINTER in names or "CURRENT" in names:
        return
    foreign = sorted(n for n in names if n != _LOCK and not _LEFTOVER.fullmatch(n))
    if foreign:
        shown = ", ".join(foreign[:3]) + (", …" if len(foreign) > 3 else "")
        raise GraphError(f"{root}: the folder holds other files ({shown}) and is not a Naba "
                         "store; give --store a new or empty folder")


def _next_generation(current: Path | None) -> str:
    match = _GENERATION.fullmatch(current.name) if current is not None else None
    return f"data-{int(match.group(1)) + 1 if match else 1:06d}"


def _load(current: Path | None, new: Path, pieces: list[_Piece], graphs: set | None) -> int:
    """Make generation ``new``: a copy of ``current`` without ``graphs`` (but the knowledge
    graph), with the N-Quads loaded, on disk; return its quads."""
    try:
        if current is not None:
            # opened for writing: a checkpoint of a read-only store would miss its log
            ox.Store(str(current)).backup(str(new))
        store = ox.Store(str(new))
        for name in graphs or ():
            if name.value != KNOWLEDGE_GRAPH:
                store.clear_graph(name)
        # already parsed strictly when updating a store, so that loader may skip its checks
        _bulk_load(store, pieces, lenient=graphs is not None)
        store.flush()
        count = len(store)
        del store
        _fsync_tree(new)
    except OSError as exc:
        raise GraphError(f"{new.parent}: could not load the N-Quads ({exc}); the store is "
                         "as it was") from exc
    return count


def _bulk_load(store: ox.Store, pieces: list[_Piece], lenient: bool) -> None:
    """Load the pieces in one bulk load per core, in threads (the loader sorts and writes
    its batch on one core; the two loads share nothing but the store)."""
    groups = _groups(pieces, min(_LOAD_THREADS, _cores()))
    errors: list[BaseException] = []

    def load(group: list[_Piece]) -> None:
        try:
            with _Slice(group[0].open(), group[0].size, group[1:]) as stream:
                store.bulk_load(io.BufferedReader(stream, 1 << 20), format=ox.RdfFormat.N_QUADS,
                                lenient=lenient)
        except BaseException as exc:  # noqa: BLE001 (told in the calling thread)
            errors.append(exc)

    threads = [threading.Thread(target=load, args=(group,)) for group in groups[1:]]
    for thread in threads:
        thread.start()
    load(groups[0])
    for thread in threads:
        thread.join()
    if errors:
        if isinstance(errors[0], SyntaxError):
            _graph_names(pieces)  # the error, with its line in its file
            raise GraphError(f"not valid N-Quads ({errors[0]})") from errors[0]
        raise errors[0]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _point_to(root: Path, data: Path) -> None:
    """Make ``data`` the generation in use, in one step (``os.replace`` of the pointer)."""
    temp = root / f".{POINTER}.{os.getpid()}.tmp"
    with open(temp, "w", encoding="utf-8") as handle:
        json.dump({"format": 1, "data": data.name}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, root / POINTER)
    _fsync_folder(root)


def _remove_leftovers(root: Path, keep: Path | None) -> None:
    """Remove every generation but ``keep``, a killed writer's temp files, and the database
    files of a store made before generations once it has moved into one."""
    for entry in os.scandir(root):
        path = Path(entry.path)
        if path == keep:
            continue
        if _LEFTOVER.fullmatch(entry.name):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        elif keep != root and _ROCKSDB_FILE.fullmatch(entry.name) and entry.is_file():
            path.unlink(missing_ok=True)


def _fsync_tree(folder: Path) -> None:
    """Every file of ``folder``, the folder and its parent on disk (against a power cut)."""
    for entry in os.scandir(folder):
        if entry.is_file(follow_symlinks=False):
            fd = os.open(entry.path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    _fsync_folder(folder)
    _fsync_folder(folder.parent)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
