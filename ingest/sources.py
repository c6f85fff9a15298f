"""Read a corpus into ``Article`` values: a folder of ``.txt``, a ``.jsonl`` file, or one ``.txt``.

Bad input never stops the reading: each unreadable, non-UTF-8, empty or binary file, each
entry of a folder that is no regular file (a named pipe would block the reading forever),
each broken or oversized JSONL line, each id with control characters and each repeated id
is reported to ``warn`` (a message naming the file, the line and why) and skipped. Only a
corpus that does not exist at all raises ``CorpusError``.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "b.txt").write_text("قصفت الطائرات حلب.", encoding="utf-8")
>>> _ = (folder / "a.txt").write_bytes(b"\\xff\\xfe")
>>> [a.id for a in read_corpus(folder, warn=print)]  # doctest: +ELLIPSIS
/.../a.txt: not UTF-8 (byte 0xff at offset 0); skipped
['b']
"""
from __future__ import annotations

import json
import re
import stat
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from ingest.model import Article
from naba.errors import CorpusError

__all__ = ["MAX_RECORD_BYTES", "decode_text", "parse_record", "read_corpus", "valid_date"]

MAX_RECORD_BYTES = 5 * 1024 * 1024  # one article (a .txt file or a JSONL line) at most 5 MB

Warn = Callable[[str], None]

# C0 and C1 controls, lone surrogates and noncharacters: no id may hold one (a writer that
# drops them would merge two ids into one)
_BAD_ID_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
                           + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF)
                                     for plane in range(17)) + "]")


def read_corpus(path: Path, warn: Warn | None = None) -> Iterator[Article]:
    """The articles of a corpus, in a stable order: folder files sorted by name, JSONL in order.

    ``warn`` receives one message per skipped file or line (default: ignore them).
    """
    path = Path(path)
    warn = warn or _ignore
    if path.is_dir():
        return _read_folder(path, warn)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder; give a folder of .txt files, "
                          "a .jsonl file or a .txt file")
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return _read_jsonl(path, warn)
    if suffix == ".txt":
        return _read_txt_files([path], warn)
    raise CorpusError(f"{path}: unknown corpus format {suffix or '(no suffix)'!r}; "
                      "give a folder of .txt files, a .jsonl file or a .txt file")


def parse_record(line: bytes) -> Article:
    """One JSONL line as an ``Article``; ``ValueError`` says what is wrong with it.

    >>> parse_record('{"id": "a1", "text": "دعت مصر إلى التهدئة", "date": "2016-03-27"}'.encode())
    Article(id='a1', text='دعت مصر إلى التهدئة', title=None, date='2016-03-27', source=None, url=None)
    >>> parse_record(b'{"id": "a1"}')
    Traceback (most recent call last):
    ValueError: no "text" (a non-empty string)
    """
    text = decode_text(line)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise ValueError(f"not a JSON object but a {type(record).__name__}")  # noqa: TRY004
    doc_id = record.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise ValueError('no "id" (a non-empty string)')
    _check_id(doc_id.strip(), '"id"')
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise ValueError('no "text" (a non-empty string)')
    fields = {}
    for name in ("title", "date", "source", "url"):
        value = record.get(name)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise ValueError(f'"{name}" is a {type(value).__name__}, not a string')  # noqa: TRY004
        fields[name] = value.strip()
    if "date" in fields and not valid_date(fields["date"]):
        raise ValueError(f'"date" {fields["date"]!r} is not an ISO 8601 date '
                         "(e.g. 2016-03-27 or 2016-03-27T10:30:00)")
    return Article(id=doc_id.strip(), text=body, **fields)


def decode_text(data: bytes) -> str:
    """UTF-8 text of a file or line; ``ValueError`` for binary (NUL bytes) or non-UTF-8 data.

    >>> decode_text("\\ufeffنبأ".encode())
    'نبأ'
    >>> decode_text(b"ab\\x00c")
    Traceback (most recent call last):
    ValueError: binary data (NUL bytes)
    """
    if b"\x00" in data:
        raise ValueError("binary data (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") \
            from None
    return text.removeprefix("\ufeff")


def valid_date(value: str) -> bool:
    """Whether ``value`` is an ISO 8601 date or date-time.

    >>> valid_date("2016-03-27"), valid_date("2016-03-27T10:30:00+02:00"), valid_date("27/03/2016")
    (True, True, False)
    """
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


# --- helpers -----------------------------------------------------------------------------------

def _ignore(message: str) -> None:
    pass


def _read_folder(folder: Path, warn: Warn) -> Iterator[Article]:
    files = sorted(p for p in folder.iterdir()
                   if p.suffix.lower() == ".txt" and not p.name.startswith("."))
    if not files:
        raise CorpusError(f"{folder}: no .txt files in this folder")
    return _read_txt_files(files, warn)


def _read_txt_files(files: list[Path], warn: Warn) -> Iterator[Article]:
    seen: dict[str, Path] = {}
    for file in files:
        try:
            article = _read_txt(file)
        except (OSError, ValueError) as exc:
            warn(f"{file}: {_reason(exc)}; skipped")
            continue
        if article.id in seen:
            warn(f"{file}: duplicate id {article.id!r} (first from {seen[article.id].name}); "
                 "skipped")
            continue
        seen[article.id] = file
        yield article


def _read_txt(file: Path) -> Article:
    info = file.stat()
    if not stat.S_ISREG(info.st_mode):
        raise ValueError(f"not a regular file but {_kind(info.st_mode)}")
    _check_id(file.stem, "the file name")
    size = info.st_size
    if size > MAX_RECORD_BYTES:
        raise ValueError(f"{size / 1e6:.1f} MB, over the {MAX_RECORD_BYTES // 2**20} MB "
                         "limit per article")
    text = decode_text(file.read_bytes())
    if not text.strip():
        raise ValueError("empty")
    return Article(id=file.stem, text=text)


def _read_jsonl(path: Path, warn: Warn) -> Iterator[Article]:
    seen: dict[str, int] = {}
    try:
        stream = path.open("rb")
    except OSError as exc:
        warn(f"{path}: {_reason(exc)}; skipped")
        return
    with stream:
        for number, line in _capped_lines(stream, MAX_RECORD_BYTES):
            where = f"{path}:{number}"
            if line is None:
                warn(f"{where}: line over the {MAX_RECORD_BYTES // 2**20} MB limit per "
                     "article; skipped")
                continue
            if not line.strip():
                continue
            try:
                article = parse_record(line)
            except ValueError as exc:
                warn(f"{where}: {exc}; skipped")
                continue
            if article.id in seen:
                warn(f"{where}: duplicate id {article.id!r} (first on line {seen[article.id]}); "
                     "skipped")
                continue
            seen[article.id] = number
            yield article


def _capped_lines(stream, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; ``None`` for a line longer than ``limit`` (never held)."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit:
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = stream.readline(1 << 20)
            yield number, None
        else:
            yield number, line


def _check_id(doc_id: str, what: str) -> None:
    bad = _BAD_ID_CHARS.search(doc_id)
    if bad:
        raise ValueError(f"{what} {doc_id!r} holds the control character or noncharacter "
                         f"U+{ord(bad.group()):04X}; an id must not")


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISDIR, "a folder"),
             (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"))
    return next((name for test, name in kinds if test(mode)), "a special file")


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return f"cannot read ({exc.strerror or exc})"
    return str(exc)
