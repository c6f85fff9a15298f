"""The store: documents are replaced, not duplicated; new documents keep the old ones;
the store survives reopening; queries see every graph."""
from __future__ import annotations

import fcntl
import shutil
import signal
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest

from graph.store import add_documents, open_source
from graph.terms import KNOWLEDGE_GRAPH, ONTOLOGY_GRAPH, document_graph_iri
from naba.errors import GraphError

from .conftest import ROOT

NBID = "https://w3id.org/naba/id/"
NBO = "https://w3id.org/naba/ontology#"


def article_nq(doc_id: str, evidence: str, target: str = "united-states") -> bytes:
    """One article's quads as naba build writes them (its own graph, one statement)."""
    g = f"<{document_graph_iri(doc_id)}>"
    a, st = f"<{NBID}article/{doc_id}>", f"<{NBID}statement/{doc_id}/1>"
    lines = [
        f"{a} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{NBO}Article> {g} .",
        f"<{NBID}sergei-lavrov> <{NBO}accuses> <{NBID}{target}> {g} .",
        f"{st} <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{NBID}sergei-lavrov> {g} .",
        f"{st} <{NBO}evidence> \"{evidence}\"@ar {g} .",
        (f"<{NBID}sergei-lavrov> <http://www.w3.org/2000/01/rdf-schema#label> "
        f"\"سيرغي لافروف\"@ar <{KNOWLEDGE_GRAPH}> ."),
    ]
    return ("\n".join(lines) + "\n").encode()


def graph_size(store_dir, doc_id: str) -> int:
    return len(list(open_source(store_dir).quads_for_pattern(
        None, None, None, ox.NamedNode(document_graph_iri(doc_id)))))


def test_adding_the_same_document_twice_keeps_the_counts(tmp_path, files):
    store = tmp_path / "store"
    assert add_documents(store, files["nq"]) == 221
    first = len(open_source(store))
    add_documents(store, files["nq"])
    assert len(open_source(store)) == first == 221


def test_rebuilding_a_document_replaces_its_statements(tmp_path):
    store = tmp_path / "store"
    add_documents(store, article_nq("a1", "اتهم لافروف واشنطن"))
    add_documents(store, article_nq("a1", "اتهم لافروف أنقرة", target="turkey"))
    texts = {s["e"].value for s in open_source(store).query(
        f"SELECT ?e {{ ?s <{NBO}evidence> ?e }}", use_default_graph_as_union=True)}
    assert texts == {"اتهم لافروف أنقرة"}
    assert graph_size(store, "a1") == 4


def test_adding_new_documents_keeps_the_old_ones(tmp_path):
    store = tmp_path / "store"
    add_documents(store, article_nq("a1", "أ"))
    add_documents(store, [article_nq("a2", "ب"), article_nq("a3", "ج")])  # chunks
    assert [graph_size(store, d) for d in ("a1", "a2", "a3")] == [4, 4, 4]
    knowledge = open_source(store).quads_for_pattern(None, None, None,
                                                       ox.NamedNode(KNOWLEDGE_GRAPH))
    assert len(list(knowledge)) == 1  # the shared description, merged once


def test_rebuilding_every_document_twice_keeps_the_query_rows(tmp_path, files):
    from graph.query import run_query

    store = tmp_path / "store"
    add_documents(store, files["nq"])
    first = {name: run_query(store, name, fmt="csv") for name in ("who-accuses-whom",
                                                                  "most-mentioned")}
    add_documents(store, files["nq"])
    add_documents(store, files["nq"])
    assert len(open_source(store)) == 221
    assert {name: run_query(store, name, fmt="csv") for name in first} == first


def test_an_edge_shared_by_two_documents_survives_rebuilding_one(tmp_path):
    store = tmp_path / "store"
    add_documents(store, [article_nq("a1", "أ"), article_nq("a2", "ب")])  # both: lavrov → US
    add_documents(store, article_nq("a1", "ج", target="turkey"))
    edges = open_source(store).query(
        f"SELECT DISTINCT ?o {{ <{NBID}sergei-lavrov> <{NBO}accuses> ?o }} ORDER BY ?o",
        use_default_graph_as_union=True)
    assert [s["o"].value for s in edges] == [f"{NBID}turkey", f"{NBID}united-states"]


def test_ontology_graph_is_replaced(tmp_path):
    store = tmp_path / "store"
    old = f"<{NBO}accuses> <http://www.w3.org/2000/01/rdf-schema#label> \"old\" <{ONTOLOGY_GRAPH}> .\n"
    new = f"<{NBO}accuses> <http://www.w3.org/2000/01/rdf-schema#label> \"new\" <{ONTOLOGY_GRAPH}> .\n"
    add_documents(store, old.encode())
    add_documents(store, new.encode())
    assert [q.object.value for q in open_source(store)] == ["new"]


def test_store_survives_reopening_and_answers_named_queries(files):
    from graph.query import run_query

    again = run_query(files["store"], "who-accuses-whom", fmt="csv")
    assert again == run_query(files["ttl"], "who-accuses-whom", fmt="csv")
    assert len(open_source(files["store"])) == 221


def test_store_is_opened_read_only_by_readers(files):
    store = open_source(files["store"])
    with pytest.raises((OSError, RuntimeError), match="read-write"):
        store.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://b"), ox.Literal("c")))


def test_bad_input_is_refused_before_anything_is_cleared(tmp_path):
    store = tmp_path / "store"
    add_documents(store, article_nq("a1", "أ"))
    broken = article_nq("a1", "ب").replace(b" .\n", b"\n", 1)  # a quad without its dot
    with pytest.raises(GraphError, match="not valid N-Quads"):
        add_documents(store, broken)
    assert graph_size(store, "a1") == 4


@pytest.mark.parametrize("name, message", [
    ("missing.ttl", "no such graph file or store folder"),
    ("graph.csv", "unknown graph format"),
    ("empty", "not a Naba store"),
])
def test_open_source_errors_name_the_path(tmp_path, name, message):
    (tmp_path / "graph.csv").write_text("a,b\n")
    (tmp_path / "empty").mkdir()
    with pytest.raises(GraphError, match=message):
        open_source(tmp_path / name)


# --- atomic updates: old content or new, never a mix ------------------------------------------

def corpus_nq(count: int, evidence: str, first: int = 0) -> bytes:
    """``count`` articles as naba build writes them, plus the ontology graph."""
    ontology = (f"<{NBO}accuses> <http://www.w3.org/2000/01/rdf-schema#label> \"accuses\"@en "
                f"<{ONTOLOGY_GRAPH}> .\n").encode()
    return ontology + b"".join(article_nq(f"d{i}", f"{evidence} {i}")
                               for i in range(first, first + count))


def quads_of(store_dir) -> set:
    return set(open_source(store_dir))


def test_a_store_is_a_generation_named_by_its_pointer(tmp_path):
    store = tmp_path / "store"
    add_documents(store, article_nq("a1", "أ"))
    add_documents(store, article_nq("a2", "ب"))
    assert sorted(p.name for p in store.iterdir()) == [".naba-lock", "data-000002",
                                                        "naba-store.json"]
    assert [graph_size(store, d) for d in ("a1", "a2")] == [4, 4]


def test_a_store_made_before_generations_is_read_then_moved_into_one(tmp_path):
    store = tmp_path / "store"
    legacy = ox.Store(str(store))  # the database files in the folder itself
    legacy.load(article_nq("a1", "أ"), format=ox.RdfFormat.N_QUADS)
    legacy.flush()
    del legacy
    assert graph_size(store, "a1") == 4
    add_documents(store, article_nq("a2", "ب"))
    assert sorted(p.name for p in store.iterdir()) == [".naba-lock", "data-000001",
                                                        "naba-store.json"]
    assert [graph_size(store, d) for d in ("a1", "a2")] == [4, 4]


def test_a_folder_of_other_files_is_refused_and_left_alone(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(GraphError, match=r"papers: the folder holds other files \(notes.txt\)"):
        add_documents(folder, article_nq("a1", "أ"))
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_a_second_writer_is_refused_while_the_first_holds_the_store(tmp_path):
    store = tmp_path / "store"
    add_documents(store, article_nq("a1", "أ"))
    with open(store / ".naba-lock", "ab") as held:  # what a running build holds
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(GraphError, match="another naba build is writing to this store"):
            add_documents(store, article_nq("a2", "ب"))
    assert graph_size(store, "a2") == 0


def start_writer(store, nquads) -> tuple[subprocess.Popen, float]:
    """``add_documents`` in a process of its own, and the time its new generation appeared."""
    code = f"from graph.store import add_documents; add_documents({str(store)!r}, {str(nquads)!r})"
    writer = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    deadline = time.monotonic() + 60
    while not (store / "data-000002").exists():  # the load has begun
        assert writer.poll() is None and time.monotonic() < deadline, "the load never began"
        time.sleep(0.001)
    return writer, time.monotonic()


def test_sigkill_during_the_load_keeps_the_old_documents(tmp_path):
    store, new_nq = tmp_path / "store", tmp_path / "new.nq"
    add_documents(store, corpus_nq(3000, "قديم"))
    old = quads_of(store)
    new_nq.write_bytes(corpus_nq(6000, "جديد"))  # rebuilds the 3,000 and adds 3,000
    shutil.copytree(store, tmp_path / "copy")
    timed, began = start_writer(tmp_path / "copy", new_nq)
    assert timed.wait(60) == 0
    load = time.monotonic() - began
    for delay in (0.0, load / 2):  # as the load begins, and halfway through it
        writer, _ = start_writer(store, new_nq)
        time.sleep(delay)
        assert writer.poll() is None, "the load ended before the kill"
        writer.send_signal(signal.SIGKILL)
        assert writer.wait(10) == -signal.SIGKILL
        assert quads_of(store) == old  # every old article and the ontology, nothing new
    add_documents(store, new_nq)  # the next writer does the job and removes the leftovers
    assert quads_of(store) == set(ox.parse(new_nq.read_bytes(), format=ox.RdfFormat.N_QUADS))
    assert sorted(p.name for p in store.iterdir()) == [".naba-lock", "data-000002",
                                                        "naba-store.json"]


@pytest.fixture
def threaded(monkeypatch):
    """Every input loads in two threads, however small (the store cuts it at line ends)."""
    import graph.store

    monkeypatch.setattr(graph.store, "_PARALLEL_BYTES", 0)
    monkeypatch.setattr(graph.store, "_cores", lambda: 2)


def test_a_load_in_two_threads_holds_every_quad_once(tmp_path, files, threaded):
    store = tmp_path / "store"
    expected = set(ox.parse(path=str(files["nq"]), format=ox.RdfFormat.N_QUADS))
    assert add_documents(store, files["nq"]) == len(expected)
    assert set(open_source(store)) == expected
    add_documents(store, files["nq"])  # over a store: parsed, cleared, loaded in two threads
    assert set(open_source(store)) == expected


def test_files_without_a_last_newline_do_not_run_into_each_other(tmp_path, threaded):
    first = tmp_path / "a.nq"
    first.write_bytes(article_nq("a1", "أ").rstrip(b"\n"))
    second = tmp_path / "b.nq"
    second.write_bytes(article_nq("a2", "ب"))
    from graph.store import _bulk_load, _file_piece

    memory = ox.Store()
    _bulk_load(memory, [_file_piece(first), _file_piece(second)], lenient=False)
    assert graph_size_of(memory, "a1") == graph_size_of(memory, "a2") == 4


def test_a_bad_line_in_the_second_thread_is_named_with_its_line(tmp_path, threaded):
    data = b"".join(article_nq(f"a{n}", "أ") for n in range(20))
    lines = data.splitlines(keepends=True)
    lines[90] = lines[90].replace(b" .\n", b"\n")  # line 91 has no dot
    bad = tmp_path / "bad.nq"
    bad.write_bytes(b"".join(lines))
    # the parser finds it where the next line starts: line 92 of the file, not of its half
    with pytest.raises(GraphError, match=r"bad\.nq: not valid N-Quads .*line 92 "):
        add_documents(tmp_path / "store", bad)
    assert not (tmp_path / "store" / "naba-store.json").exists()
    assert not list((tmp_path / "store").glob("data-*"))


def test_naba_store_load_takes_an_nquads_file(tmp_path, files):
    result = subprocess.run([sys.executable, "-m", "naba.cli", "store", "load", str(files["nq"]),
                             "--store", str(tmp_path / "store")], capture_output=True, text=True,
                            cwd=ROOT, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "221 quads after loading" in result.stdout
    assert len(open_source(tmp_path / "store")) == 221


def graph_size_of(store: ox.Store, doc_id: str) -> int:
    return len(list(store.quads_for_pattern(None, None, None,
                                            ox.NamedNode(document_graph_iri(doc_id)))))
