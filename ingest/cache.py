"""Files derived from the project's data and kept between runs, in one folder: ``NABA_CACHE``,
else ``naba-cache`` in the temp folder. Each file is named for a hash of what it was made
from, so a changed source simply makes another; a file another user owns is never read.

>>> path = cached_path("example-0.txt", Path(tempfile.mkdtemp()))
>>> read_cached(path) is None
True
>>> write_cached(path, "text"); read_cached(path)
'text'
>>> write_pickled(path, {"key": ("a", "b")}); read_pickled(path, dict)
{'key': ('a', 'b')}
"""
from __future__ import annotations

import copyreg
import hashlib
import io
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Mapping
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["cache_folder", "cached_path", "files_digest", "module_file", "read_cached",
           "read_pickled", "source_file", "write_cached", "write_pickled"]

T = TypeVar("T")


def cache_folder(folder: Path | None = None) -> Path:
    """The cache folder (``folder``, else NABA_CACHE, else the temp folder's naba-cache)."""
    return Path(folder or os.environ.get("NABA_CACHE") or
                Path(tempfile.gettempdir()) / "naba-cache")


def cached_path(name: str, folder: Path | None = None) -> Path:
    """Where the cache file ``name`` lives (its folder is made if it is missing)."""
    directory = cache_folder(folder)
    directory.mkdir(parents=True, exist_ok=True)
    return directory / name


def files_digest(paths: Iterable[Path], *words: str) -> str:
    """A hash of some words (versions, a format number) and of each file's name and bytes; an
    OSError when a file cannot be read."""
    digest = hashlib.sha1("\0".join(words).encode())
    for path in paths:
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def source_file(name: str) -> Path:
    """The source of a module of ``ingest`` (a compiled module's ``__file__`` may name a
    folder that does not exist)."""
    import ingest

    return Path(ingest.__file__).parent / name


def module_file(name: str) -> Path:
    """The file of an installed module, found without importing it (a FileNotFoundError, an
    OSError, when it is not there)."""
    spec = find_spec(name)
    if spec is None or not spec.origin:
        raise FileNotFoundError(f"no module {name!r}")
    return Path(spec.origin)


def read_cached(path: Path) -> str | None:
    """The text of a cache file, or None when it is missing, unreadable or not this user's."""
    data = _read_bytes(path)
    try:
        return None if data is None else data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def write_cached(path: Path, text: str) -> None:
    """Write a cache file atomically (workers may race to write it)."""
    _write_bytes(path, text.encode("utf-8"))


def read_pickled(path: Path, kind: type[T]) -> T | None:
    """The value pickled in a cache file when it is a ``kind``; None when the file is missing,
    not this user's (unpickling runs what the file says: only this user's files are read),
    damaged or of an older layout."""
    data = _read_bytes(path)
    if data is None:
        return None
    try:
        value = pickle.loads(data)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, KeyError,
            TypeError, ValueError):  # damaged, or of classes that changed: made again
        return None
    return value if isinstance(value, kind) else None


def write_pickled(path: Path, value: object,
                  reducers: Mapping[type, Callable[[Any], Any]] | None = None) -> None:
    """Pickle a value into a cache file atomically; ``reducers``: how to pickle the instances
    of some classes (``copyreg``'s reduce functions), for those that cannot pickle themselves,
    with those registered in ``copyreg``."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    if reducers:  # beside those copyreg holds (ingest.model's)
        pickler.dispatch_table = {**copyreg.dispatch_table, **reducers}
    pickler.dump(value)
    _write_bytes(path, buffer.getvalue())


def _read_bytes(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            if hasattr(os, "getuid") and os.fstat(handle.fileno()).st_uid != os.getuid():
                return None
            return handle.read()
    except OSError:
        return None


def _write_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
