"""``naba query``: SPARQL on a graph file or a store, named queries, bound parameters, formats.

Queries see every graph of the source at once (the union of the named graphs), and the
prefixes of ``graph.terms.PREFIXES`` (nbo:, nbid:, rdf:, rdfs:, xsd:, skos:, prov:,
dcterms:, owl:, sh:) are declared for them unless the query declares its own.

>>> prepare_query("SELECT * { ?s a nbo:Person }").splitlines()[0]
'PREFIX nbo: <https://w3id.org/naba/ontology#>'
>>> parse_bindings(["agent=nbid:sergei-lavrov"])
{<Variable value=agent>: <NamedNode value=https://w3id.org/naba/id/sergei-lavrov>}
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.sparql import check_query
from graph.store import open_source, union_query
from graph.terms import PREFIXES
from naba.errors import GraphError

__all__ = [
    "FORMATS",
    "QUERY_DIR",
    "NamedQuery",
    "display_term",
    "execute",
    "format_named_queries",
    "format_results",
    "named_queries",
    "parse_bindings",
    "prepare_query",
    "run_query",
]

QUERY_DIR = Path(__file__).with_name("queries")
FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
           "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}


@dataclass(frozen=True)
class NamedQuery:
    """A query of ``graph/queries``: its file name, first comment line, ``# param`` lines."""

    name: str
    description: str
    params: dict[str, str]  # variable name → what to bind to it
    text: str


def named_queries() -> dict[str, NamedQuery]:
    """The named queries, by name (the ``.rq`` file name without extension)."""
    return {path.stem: _read_named(path) for path in sorted(QUERY_DIR.glob("*.rq"))}


def format_named_queries() -> str:
    """The list ``naba query --list`` prints: names, descriptions and parameters."""
    queries = named_queries()
    width = max(len(name) for name in queries)
    lines = []
    for query in queries.values():
        lines.append(f"{query.name.ljust(width)}  {query.description}")
        for param, doc in query.params.items():
            lines.append(f"{'':{width}}    --bind {param}=…  {doc}")
    return "\n".join(lines)


def prepare_query(text_or_name: str) -> str:
    """The SPARQL text of a named query or of the given text, with the Naba prefixes declared
    (for other engines: ``execute`` passes the prefixes to pyoxigraph instead)."""
    text = _resolve(text_or_name).text
    declared = {m.group(1) for m in re.finditer(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", text)}
    missing = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in declared]
    return "\n".join([*missing, text])


def parse_bindings(pairs: Iterable[str] | Mapping[str, str] | None) -> dict[ox.Variable, object]:
    """``name=value`` pairs → substitutions: ``<IRI>``, ``prefix:name``, or ``"text"``
    (optionally ``"text"@ar`` or ``"text"^^xsd:date``), or an integer.

    >>> parse_bindings({"place": '"حلب"@ar', "n": "3"})[ox.Variable("place")].language
    'ar'
    """
    items = pairs.items() if isinstance(pairs, Mapping) else (_split(p) for p in pairs or ())
    return {ox.Variable(_variable(name)): _term(name, value) for name, value in items}


def execute(store: ox.Store, text_or_name: str, bindings=None, *, allow_service: bool = False):
    """Run a query (text or name) over the union of the store's graphs (or the dataset its
    ``FROM`` names), with bindings; ``SERVICE`` only if ``allow_service``. The results are
    lazy: reading them may still raise ``OSError`` (a failing ``SERVICE``)."""
    named = _resolve(text_or_name)
    try:
        check_query(named.text, allow_service=allow_service)
    except GraphError as exc:
        raise GraphError(f"{_label(named)}: {exc}") from None
    substitutions = parse_bindings(bindings) if not _is_parsed(bindings) else bindings
    _check_bindings(named, substitutions)
    try:
        return union_query(store, named.text, prefixes=PREFIXES,
                           substitutions=substitutions or None)
    except SyntaxError as exc:
        raise GraphError(f"{_label(named)}: bad SPARQL ({exc})") from exc
    except OSError as exc:
        raise GraphError(f"{_label(named)}: the query failed ({exc})") from exc


def run_query(source: Path, text_or_name: str, fmt: str = "table", bindings=None, *,
              allow_service: bool = False) -> str:
    """Results of a query on a graph file or store folder, as ``fmt``: table|csv|tsv|json."""
    if fmt != "table" and fmt not in FORMATS:
        raise GraphError(f"unknown format {fmt!r}; use table, {', '.join(FORMATS)}")
    results = execute(open_source(source), text_or_name, bindings, allow_service=allow_service)
    try:
        return format_results(results, fmt)
    except OSError as exc:  # the query runs as its results are read
        raise GraphError(f"{_label(_resolve(text_or_name))}: the query failed ({exc})") from exc


def format_results(results, fmt: str = "table") -> str:
    """SELECT/ASK results as an aligned table or a SPARQL results format; graphs as Turtle
    (``table``) or N-Triples (other formats)."""
    if isinstance(results, ox.QueryTriples):
        rdf_format = ox.RdfFormat.TURTLE if fmt == "table" else ox.RdfFormat.N_TRIPLES
        return ox.serialize(results, format=rdf_format, prefixes=PREFIXES).decode()
    if fmt != "table":
        text = results.serialize(format=FORMATS[fmt]).decode()
        return text if text.endswith("\n") else text + "\n"
    if isinstance(results, ox.QueryBoolean):
        return f"{str(bool(results)).lower()}\n"
    header = [v.value for v in results.variables]
    rows = [[display_term(solution[v]) for v in results.variables] for solution in results]
    return _table(header, rows)


# --- helpers -----------------------------------------------------------------------------------

def _read_named(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or not lines[0].startswith("# "):
        raise GraphError(f"{path}: a named query starts with a '# description' line")
    params = {}
    for line in lines[1:]:
        match = re.match(r"#\s*param\s+(\w+)\s*:\s*(.*)", line)
        if match:
            params[match.group(1)] = match.group(2).strip()
        elif not line.startswith("#"):
            break
    return NamedQuery(path.stem, lines[0][2:].strip(), params, text)


def _resolve(text_or_name: str) -> NamedQuery:
    text = text_or_name.strip()
    if re.fullmatch(r"[a-z][a-z0-9-]*", text):
        queries = named_queries()
        if text not in queries:
            raise GraphError(f"no named query {text!r}; named queries: {', '.join(queries)}")
        return queries[text]
    return NamedQuery("", "", {}, text_or_name)


def _label(named: NamedQuery) -> str:
    return f"query {named.name}" if named.name else "query"


def _is_parsed(bindings) -> bool:
    return isinstance(bindings, Mapping) and all(isinstance(k, ox.Variable) for k in bindings)


def _check_bindings(named: NamedQuery, substitutions: Mapping) -> None:
    for variable in substitutions or {}:
        name = variable.value
        if named.name and name not in named.params:
            options = ", ".join(named.params) or "none"
            raise GraphError(f"query {named.name} has no parameter {name!r}; "
                             f"its parameters: {options}")
        if not named.name and not re.search(rf"[?$]{re.escape(name)}\b", named.text):
            raise GraphError(f"--bind {name}=…: the query has no variable ?{name}")


def _split(pair: str) -> tuple[str, str]:
    name, sep, value = pair.partition("=")
    if not sep:
        raise GraphError(f"--bind {pair!r}: write name=value, e.g. agent=nbid:sergei-lavrov")
    return name.strip(), value.strip()


def _variable(name: str) -> str:
    name = name.lstrip("?$")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise GraphError(f"--bind {name!r}: not a SPARQL variable name")
    return name


_LITERAL = re.compile(r'"(.*)"(?:@([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)|\^\^(\S+))?', re.DOTALL)


def _term(name: str, value: str):
    """One bound value as an RDF term (never spliced into the SPARQL text)."""
    try:
        if value.startswith("<") and value.endswith(">"):
            return ox.NamedNode(value[1:-1])
        literal = _LITERAL.fullmatch(value)
        if literal:
            text, language, datatype = literal.groups()
            if language:
                return ox.Literal(text, language=language)
            return ox.Literal(text, datatype=_iri(datatype) if datatype else None)
        if re.fullmatch(r"[+-]?\d+", value):
            return ox.Literal(value, datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))
        return _iri(value)
    except ValueError as exc:
        raise GraphError(f"--bind {name}={value}: {exc}") from exc


def _iri(value: str) -> ox.NamedNode:
    if value.startswith("<") and value.endswith(">"):
        return ox.NamedNode(value[1:-1])
    prefix, sep, local = value.partition(":")
    if not sep or prefix not in PREFIXES or not re.fullmatch(r"[^\s<>\"{}|^`\\]*", local):
        raise ValueError(f"not a value; write <IRI>, a prefixed name ({', '.join(PREFIXES)}), "
                         'a "quoted" literal or an integer, e.g. nbid:sergei-lavrov')
    return ox.NamedNode(PREFIXES[prefix] + local)


def display_term(term) -> str:
    """A term as a table shows it: ``nbid:russia``, a literal's text, blank for unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, iri in PREFIXES.items():
            local = term.value[len(iri):]
            if term.value.startswith(iri) and re.fullmatch(r"[\w.%/-]*", local):
                return f"{prefix}:{local}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split())
    return str(term)


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF"
               else 1 for c in text)


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max([_width(h), *(_width(r[i]) for r in rows)]) for i, h in enumerate(header)]

    def line(cells):
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
