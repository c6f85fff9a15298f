"""camel-tools' morphology Analyzer, imported without rebuilding its Unicode tables each time.

``camel_tools.utils.charsets`` asks ``unicodedata`` the category of all 1,114,112 code points
when it is imported (0.4 s, a quarter of ``naba build`` on one article). Its tables depend
only on that file, Python's Unicode database and the emoji package's version, so the first
run keeps them in the cache folder (``ingest.cache``) and later runs read them back (10 ms).

The Analyzer also tests every word against regular expressions of the 8,560 punctuation and
symbol characters; 4,091 of them lie beyond the BMP, so Python's ``re`` compares a word's
characters with each in turn (35 µs a word, half of what analysing a new word costs). Sets of
the same characters give the same answers (``punctuation_tests``), and those two expressions
are compiled only if something still uses them (compiling them took 25 ms at each start).

>>> Analyzer, MorphologyDB = analyzer_classes()
>>> Analyzer.__module__
'camel_tools.morphology.analyzer'
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
import types
import unicodedata
from collections.abc import Callable
from importlib.util import find_spec

from ingest.cache import cached_path, read_cached, write_cached

__all__ = ["analyzer_classes", "punctuation_tests"]

_CHARSETS = "camel_tools.utils.charsets"
_DATA = "camel_tools.data"
_ANALYZER = "camel_tools.morphology.analyzer"


def analyzer_classes() -> tuple[type, type]:
    """camel-tools' ``Analyzer`` and ``MorphologyDB``: its character tables read from the
    cache when they are there, its punctuation tests made with sets."""
    if _CHARSETS not in sys.modules:
        _load_charsets()
    _defer_catalogue()
    _import_analyzer()
    from camel_tools.morphology import analyzer
    from camel_tools.morphology.database import MorphologyDB

    if hasattr(analyzer, "_has_punc") and hasattr(analyzer, "_is_punc"):
        analyzer._is_punc, analyzer._has_punc = punctuation_tests(
            analyzer.UNICODE_PUNCT_SYMBOL_CHARSET)
    return analyzer.Analyzer, MorphologyDB


class _Catalogue:
    """camel-tools' ``CATALOGUE``, imported when first used."""

    def __getattr__(self, name: str) -> object:
        from importlib import import_module

        return getattr(import_module(_DATA).CATALOGUE, name)


def _defer_catalogue() -> None:
    """``MorphologyDB``'s module imports camel-tools' data catalogue (and with it requests and
    tqdm: 0.15 s) only to find a database by name; Naba opens its database by path. The
    module is imported with a stand-in catalogue that imports the real one when used."""
    if _DATA in sys.modules or "camel_tools.morphology.database" in sys.modules:
        return
    stub = types.ModuleType(_DATA, "a stand-in while camel-tools' MorphologyDB is imported")
    stub.CATALOGUE = _Catalogue()  # type: ignore[attr-defined]
    sys.modules[_DATA] = stub
    try:
        import camel_tools.morphology.database  # noqa: F401
    finally:
        if sys.modules.get(_DATA) is stub:
            del sys.modules[_DATA]


def _import_analyzer() -> None:
    """Import the Analyzer's module with its two expressions over the punctuation characters
    left uncompiled until used (``analyzer_classes`` replaces the tests that use them)."""
    if _ANALYZER in sys.modules:
        return
    from camel_tools.utils.charsets import UNICODE_PUNCT_SYMBOL_CHARSET

    punctuation = re.escape("".join(UNICODE_PUNCT_SYMBOL_CHARSET))  # as the module joins it
    unused = {f"^[{punctuation}]+$", f"[{punctuation}]"}
    compile_ = re.compile

    def deferred(pattern, flags=0):
        if isinstance(pattern, str) and pattern in unused and not flags:
            return _Deferred(pattern)
        return compile_(pattern, flags)

    re.compile = deferred  # type: ignore[assignment]
    try:
        import camel_tools.morphology.analyzer  # noqa: F401
    finally:
        re.compile = compile_


class _Deferred:
    """A regular expression compiled when first used."""

    def __init__(self, pattern: str):
        self.pattern = pattern

    def __getattr__(self, name: str) -> object:
        compiled = vars(self).get("_compiled")
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern)
        return getattr(compiled, name)


def punctuation_tests(punctuation: frozenset[str]) -> tuple[Callable[[str], bool],
                                                              Callable[[str], bool]]:
    """``is_punc`` and ``has_punc`` over a set, as the Analyzer's ``^[…]+$`` and ``[…]``
    answer (``$`` also matches before a final newline).

    >>> is_punc, has_punc = punctuation_tests(frozenset("!؟،"))
    >>> is_punc("؟!"), is_punc("؟!\\n"), is_punc("ما؟"), has_punc("ما؟"), has_punc("ما")
    (True, True, False, True, False)
    """
    def is_punc(word: str) -> bool:
        body = word.removesuffix("\n")
        return bool(body) and punctuation.issuperset(body)

    def has_punc(word: str) -> bool:
        return not punctuation.isdisjoint(word)

    return is_punc, has_punc


def _load_charsets() -> None:
    """Put ``camel_tools.utils.charsets`` in ``sys.modules``: its frozensets read from the
    cache, or the module run as it is and its frozensets kept there for the next run."""
    spec, emoji = find_spec(_CHARSETS), find_spec("emoji")  # found, not imported (20 ms)
    if spec is None or not spec.origin or emoji is None or not emoji.origin:
        return  # let the Analyzer's own import report it
    digest = hashlib.sha1(unicodedata.unidata_version.encode())
    for origin in (spec.origin, emoji.origin):  # emoji/__init__.py says its version
        with open(origin, "rb") as source:
            digest.update(source.read())
    try:
        path = cached_path(f"camel-charsets-{digest.hexdigest()[:20]}.json")
    except OSError:  # no cache folder: camel-tools builds its tables itself
        return
    cached, names, stored = read_cached(path), None, {}
    try:
        if cached is not None:
            data = json.loads(cached)
            names, stored = list(data["__all__"]), dict(data["tables"])
    except (ValueError, TypeError, KeyError):
        names = None  # damaged: made again below
    if names is None:
        from camel_tools.utils import charsets

        tables = {name: value for name, value in vars(charsets).items()
                  if isinstance(value, frozenset)}
        encoded = json.dumps({"__all__": list(charsets.__all__),
                              "tables": {name: _chars(value) for name, value in tables.items()}},
                             ensure_ascii=False)
        try:
            if {n: frozenset(v) for n, v in json.loads(encoded)["tables"].items()} == tables:
                write_cached(path, encoded)
        except OSError:
            pass
        return
    import camel_tools.utils

    module = types.ModuleType(_CHARSETS, "camel-tools' character sets, read from the cache")

    def table(name: str) -> object:
        """Each table made when first asked for (the letters alone take 30 ms)."""
        value: object
        if name == "EMOJI_DATA":  # the other name the module has (from emoji)
            from emoji import EMOJI_DATA

            value = EMOJI_DATA
        elif name in stored:
            value = frozenset(stored.pop(name))
        else:
            raise AttributeError(f"module {_CHARSETS!r} has no attribute {name!r}")
        setattr(module, name, value)
        return value

    vars(module).update(__file__=str(path), __all__=names, __getattr__=table,
                        __dir__=lambda: sorted({*vars(module), *stored, "EMOJI_DATA"}))
    sys.modules[_CHARSETS] = module
    camel_tools.utils.charsets = module  # type: ignore[attr-defined]

def _chars(table: frozenset[str]) -> str | list[str]:
    """A table as JSON keeps it: one string of its characters, or the list of its strings."""
    ordered = sorted(table)
    return "".join(ordered) if all(len(item) == 1 for item in ordered) else ordered
