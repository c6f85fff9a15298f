"""Errors that Naba raises; only the CLI turns them into exit codes and messages."""

__all__ = ["CorpusError", "GraphError", "NabaError", "OntologyError"]


class NabaError(Exception):
    """Base class of every error Naba raises on purpose."""


class CorpusError(NabaError):
    """A corpus file or record cannot be read (the message names the file and line)."""


class OntologyError(NabaError):
    """The ontology, gazetteer or a lexicon file is malformed."""


class GraphError(NabaError):
    """A graph file, store or query cannot be used."""
