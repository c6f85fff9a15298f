"""Fixtures every test folder shares: where ../shared is, real clients that must exist, and a
hand-built document of attack events (generic actors, modes, tolls, dates) with its graph."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from ingest.model import Article, Document, Entity, Mention, Relation, Sentence

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def require_tool(name: str) -> str:
    """Path of a command-line client (on PATH or in the venv); skipped locally when missing,
    a failure under CI."""
    path = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if path is None:
        message = f"{name} is not installed (make system-deps installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (the corpora, gold and schemas): skipped locally when missing, a failure
    under CI, which always lays a copy beside the clone."""
    if not SHARED.is_dir():
        message = "../shared is not beside the project"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return SHARED


@pytest.fixture(scope="session")
def root_dir() -> Path:
    return ROOT


# --- attack events ---------------------------------------------------------------------------

# Three sentences of my own: gunmen kill three policemen in Aleppo; Russia did not strike
# Syria; Russia struck Syria.
EVENT_TEXT = ("فتح مسلحون مجهولون النار على دورية للشرطة السورية في حلب أمس فقتلوا ثلاثة منهم "
              "وأصابوا اثنين. ونفت روسيا أنها قصفت سوريا. وقصفت روسيا سوريا.")
GUNMEN = Entity("generic-unidentified-1", "GenericActor", "مسلحون مجهولون",
                "unidentified gunmen", sector="unidentified")
PATROL = Entity("generic-police-1", "GenericActor", "دورية للشرطة السورية", "a police patrol",
                sector="police", affiliation="syria")
NAMED = (Entity("aleppo", "Place", "حلب", "Aleppo", country="syria"),
         Entity("russia", "Country", "روسيا", "Russia"),
         Entity("syria", "Country", "سوريا", "Syria"))


def split(text: str) -> tuple[Sentence, ...]:
    sentences, start = [], 0
    for piece in text.split("."):
        end = min(start + len(piece) + 1, len(text))
        if piece.strip():
            sentences.append(Sentence(start, end, text[start:end]))
        start = start + len(piece) + 1
    return tuple(sentences)


def make_event_doc(doc_id: str = "e1", text: str = EVENT_TEXT, date: str | None = "2016-03-27",
                   relations: tuple[Relation, ...] | None = None) -> Document:
    """A document with a generic agent and target, a negated strike and an asserted one."""
    sentences = split(text)
    if relations is None:
        relations = (
            Relation("strikes", GUNMEN.key, PATROL.key, 0, "فتح", places=("aleppo",), killed=3,
                     injured=2, date="2016-03-26"),
            Relation("strikes", "russia", "syria", 1, "قصفت", mode="Negated"),
            Relation("strikes", "russia", "syria", 2, "قصفت", date="2016-03-27"),
        )
    mentions = tuple(Mention(key, sentences[i].start + sentences[i].text.find(name),
                             sentences[i].start + sentences[i].text.find(name) + len(name), i, name)
                     for key, name, i in (("aleppo", "حلب", 0), ("russia", "روسيا", 1),
                                          ("syria", "سوريا", 1)))
    return Document(Article(doc_id, text, date=date), sentences, (GUNMEN, PATROL, *NAMED),
                    mentions, relations)


@pytest.fixture(scope="session")
def events_graph(tmp_path_factory) -> Path:
    """N-Quads built by ``naba build``'s code from two articles like ``make_event_doc``'s (e1
    dated 2016-03-27, e2 2016-04-05) and one with a foiled plot (e3)."""
    from graph.build import build_corpus

    folder = tmp_path_factory.mktemp("events")
    corpus = folder / "corpus"
    corpus.mkdir()
    for doc_id in ("e1", "e2", "e3"):
        (corpus / f"{doc_id}.txt").write_text(EVENT_TEXT, encoding="utf-8")

    def analyze(article: Article) -> Document:
        if article.id == "e3":
            foiled = Relation("strikes", GUNMEN.key, "aleppo", 0, "فتح", mode="Foiled")
            return make_event_doc("e3", relations=(foiled,))
        return make_event_doc(article.id, date={"e1": "2016-03-27", "e2": "2016-04-05"}[article.id])

    out = folder / "events.nq"
    build_corpus(corpus, out, progress=False, analyze=analyze)
    return out
