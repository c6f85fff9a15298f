"""Files derived from the project's data and kept between runs, in one folder: ``NABA_CACHE``,
else ``naba-cache`` in the temp folder. Each file is named for a hash of what it was made
from, so a changed source simply makes another; a file another user owns is never read.

>>> path = cached_path("example-0.txt", Path(tempfile.mkdtemp()))
>>> read_cached(path) is None
True
>>> write_cached(path, "text"); read_cached(path)
'text'
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["cache_folder", "cached_path", "read_cached", "write_cached"]


def cache_folder(folder: Path | None = None) -> Path:
    """The cache folder (``folder``, else NABA_CACHE, else the temp folder's naba-cache)."""
    return Path(folder or os.environ.get("NABA_CACHE") or
                Path(tempfile.gettempdir()) / "naba-cache")


def cached_path(name: str, folder: Path | None = None) -> Path:
    """Where the cache file ``name`` lives (its folder is made if it is missing)."""
    directory = cache_folder(folder)
    directory.mkdir(parents=True, exist_ok=True)
    return directory / name


def read_cached(path: Path) -> str | None:
    """The text of a cache file, or None when it is missing, unreadable or not this user's."""
    try:
        with open(path, encoding="utf-8") as handle:
            if hasattr(os, "getuid") and os.fstat(handle.fileno()).st_uid != os.getuid():
                return None
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def write_cached(path: Path, text: str) -> None:
    """Write a cache file atomically (workers may race to write it)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
