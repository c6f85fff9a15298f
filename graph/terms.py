"""Namespaces and the IRIs Naba mints: one place, so every module names things alike.

>>> entity_iri("sergei-lavrov")
'https://w3id.org/naba/id/sergei-lavrov'
>>> article_iri("000 أ/b")
'https://w3id.org/naba/id/article/000%20%D8%A3%2Fb'
>>> generic_actor_iri("000", "generic-unidentified-1")
'https://w3id.org/naba/id/article/000/actor/generic-unidentified-1'
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

__all__ = [
    "GRAPH",
    "ID",
    "KNOWLEDGE_GRAPH",
    "NBO",
    "ONTOLOGY_GRAPH",
    "PREFIXES",
    "article_iri",
    "document_graph_iri",
    "entity_iri",
    "generic_actor_iri",
    "role_iri",
    "sector_key",
    "sector_name",
    "statement_iri",
]

NBO = "https://w3id.org/naba/ontology#"
ID = "https://w3id.org/naba/id/"
GRAPH = "https://w3id.org/naba/graph/"
ONTOLOGY_GRAPH = GRAPH + "ontology"
KNOWLEDGE_GRAPH = GRAPH + "knowledge"

PREFIXES = {
    "nbo": NBO,
    "nbid": ID,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "sh": "http://www.w3.org/ns/shacl#",
}


def _safe(text: str) -> str:
    return quote(text, safe="-._~")


def entity_iri(key: str) -> str:
    """IRI of an entity from its slug key (percent-encoded, never a space)."""
    return ID + _safe(key)


def role_iri(key: str) -> str:
    return ID + "role/" + _safe(key)


def article_iri(doc_id: str) -> str:
    return ID + "article/" + _safe(doc_id)


def generic_actor_iri(doc_id: str, key: str) -> str:
    """IRI of a generic actor (مسلحون مجهولون), whose key is unique within its article only."""
    return article_iri(doc_id) + "/actor/" + _safe(key)


def sector_name(key: str) -> str:
    """The local name of a sector's ``nbo:`` individual: its key in CamelCase.

    >>> sector_name("security-forces"), sector_key("SecurityForces")
    ('SecurityForces', 'security-forces')
    """
    return "".join(part.capitalize() for part in key.split("-"))


def sector_key(name: str) -> str:
    """The sector key (``ontology/lexicon/sectors.yaml``) of a ``nbo:`` sector's local name."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def document_graph_iri(doc_id: str) -> str:
    """The named graph that holds one article's statements."""
    return GRAPH + "article/" + _safe(doc_id)


def statement_iri(doc_id: str, predicate: str, agent: str, target: str, start: int) -> str:
    """A stable IRI per (document, relation, sentence): same input, same IRI."""
    digest = hashlib.sha1(f"{predicate}|{agent}|{target}|{start}".encode()).hexdigest()[:16]
    return ID + "statement/" + _safe(doc_id) + "/" + digest
