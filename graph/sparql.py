"""What Naba reads in a SPARQL text before running it: SERVICE calls, dataset clauses, nesting.

pyoxigraph's parser recurses once per nested bracket and overflows its stack (a segfault,
not an error) a few thousand levels down, so ``check_query`` refuses deep nesting first.
Strings, IRIs and comments are blanked out before looking, so ``"SERVICE"`` in a literal
or ``<http://x/FROM>`` counts for nothing.

>>> uses_service("SELECT * { SERVICE <http://e/sparql> { ?s ?p ?o } }")
True
>>> uses_service('SELECT * { ?s ?p "SERVICE" }  # SERVICE')
False
>>> declares_dataset("SELECT * FROM <http://g> { ?s ?p ?o }"), declares_dataset("SELECT ?from {}")
(True, False)
>>> nesting_depth("SELECT * { { ?s ?p ?o FILTER (?o > (1 + 2)) } }")
4
"""
from __future__ import annotations

import re

from naba.errors import GraphError

__all__ = ["MAX_NESTING", "check_query", "declares_dataset", "nesting_depth", "uses_service"]

MAX_NESTING = 100  # brackets { ( [ inside each other; real queries stay under 20

_NOT_CODE = re.compile(r'"""(?s:.*?)"""|\'\'\'(?s:.*?)\'\'\'|"(?:[^"\\\n]|\\.)*"'
                       r"|'(?:[^'\\\n]|\\.)*'|<[^<>\"{}|^`\\\s]*>|#[^\n]*")


def check_query(text: str, *, allow_service: bool = False) -> None:
    """Raise ``GraphError`` for a query too deeply nested to parse safely, or one that calls
    ``SERVICE`` (it would send the graph's data to another machine) unless allowed."""
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        raise GraphError(f"the query nests brackets {depth} deep; at most {MAX_NESTING} levels "
                         "are parsed")
    if not allow_service and uses_service(text):
        raise GraphError("the query calls SERVICE, which sends data to another endpoint; "
                         "it runs only when allowed (naba query --allow-service)")


def uses_service(text: str) -> bool:
    """Whether the query has a ``SERVICE`` clause."""
    return _keyword("SERVICE", text)


def declares_dataset(text: str) -> bool:
    """Whether the query names its dataset (``FROM`` or ``FROM NAMED``)."""
    return _keyword("FROM", text)


def nesting_depth(text: str) -> int:
    """How deep brackets ``{ ( [`` nest in the query, outside strings, IRIs and comments."""
    depth = deepest = 0
    for char in _code(text):
        if char in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "})]":
            depth = max(depth - 1, 0)
    return deepest


# --- helpers -----------------------------------------------------------------------------------

def _code(text: str) -> str:
    return _NOT_CODE.sub(" ", text)


def _keyword(word: str, text: str) -> bool:
    return re.search(rf"(?<![\w:?$.-]){word}(?![\w:-])", _code(text), re.IGNORECASE) is not None
