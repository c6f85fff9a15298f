"""Analyse sentences the tests write, with the project's real gazetteer and lexicons."""
import pytest

from ingest.model import Article
from ingest.pipeline import analyze


@pytest.fixture(scope="session")
def read():
    def read(text: str, date: str | None = None):
        return analyze(Article("t", text, date=date))
    return read


@pytest.fixture(scope="session")
def relations(read):
    def relations(text: str, date: str | None = None) -> set[tuple[str, str, str]]:
        """The relations the text asserts as fact."""
        return {(r.agent, r.predicate, r.target) for r in read(text, date).relations
                if r.mode == "Asserted"}
    return relations


@pytest.fixture(scope="session")
def mentioned(read):
    def mentioned(text: str, date: str | None = None) -> list[str]:
        return [m.entity for m in read(text, date).mentions]
    return mentioned
