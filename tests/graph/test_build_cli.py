"""`naba build` end to end, through the real CLI and the real pipeline: the graph conforms to the
shapes, parallel equals serial, bad input is reported and skipped, Ctrl-C keeps the last graph."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib
from pyshacl import validate
from rdflib.compare import isomorphic

ROOT = Path(__file__).resolve().parents[2]
NBO = rdflib.Namespace("https://w3id.org/naba/ontology#")

ARTICLES = {
    "a1": "اتهم وزير الخارجية الروسي سيرغي لافروف الولايات المتحدة بدعم الإرهاب في سوريا.",
    "a2": "قصفت الطائرات الروسية مدينة حلب. وقالت موسكو إنها تدعم الحكومة السورية.",
    "a3": "التقى الرئيس الإيراني حسن روحاني نظيره التركي في أنقرة.",
}


def naba(*args, **options) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("naba")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "naba.cli"]
    return subprocess.run(command + [str(a) for a in args], capture_output=True, text=True, check=False,
                          cwd=ROOT, timeout=300, **options)


def write_jsonl(path: Path, records: list) -> Path:
    lines = [r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()
             for r in records]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for doc_id, text in ARTICLES.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out") / "graph.ttl"
    result = naba("build", corpus, "-o", out, "--quiet")
    assert result.returncode == 0, result.stderr
    return out


def test_the_built_graph_conforms_to_the_shapes(built):
    graph = rdflib.Graph().parse(built)
    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    ok, _, text = validate(graph, shacl_graph=shapes, inference="none")
    assert ok, text


def test_every_article_and_its_statements_are_in_the_graph(built):
    graph = rdflib.Graph().parse(built)
    ids = {str(i) for i in graph.objects(None, rdflib.URIRef("http://purl.org/dc/terms/identifier"))}
    assert ids == set(ARTICLES)
    for st in graph.subjects(rdflib.RDF.type, rdflib.RDF.Statement):
        start = int(graph.value(st, NBO.sentenceStart))
        end = int(graph.value(st, NBO.sentenceEnd))
        article = graph.value(st, rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))
        doc_id = str(graph.value(article, rdflib.URIRef("http://purl.org/dc/terms/identifier")))
        assert str(graph.value(st, NBO.evidence)) == ARTICLES[doc_id][start:end]


def test_the_summary_says_what_was_built(corpus, tmp_path):
    result = naba("build", corpus, "-o", tmp_path / "g.nt", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "documents" in result.stdout and str(tmp_path / "g.nt") in result.stdout


def test_two_jobs_give_the_same_graph_as_one(corpus, tmp_path):
    for jobs in (1, 2):
        result = naba("build", corpus, "-o", tmp_path / f"j{jobs}.nq", "--jobs", jobs, "--quiet")
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "j1.nq").read_bytes() == (tmp_path / "j2.nq").read_bytes()


def test_building_twice_gives_isomorphic_graphs(corpus, built, tmp_path):
    result = naba("build", corpus, "-o", tmp_path / "again.ttl", "--quiet")
    assert result.returncode == 0, result.stderr
    assert isomorphic(rdflib.Graph().parse(built), rdflib.Graph().parse(tmp_path / "again.ttl"))


def test_bad_input_is_reported_and_the_rest_built(tmp_path):
    path = write_jsonl(tmp_path / "news.jsonl", [
        {"id": "ok1", "text": ARTICLES["a1"]},
        b'{"id": "broken", "text": "',
        {"id": "ok2", "text": ARTICLES["a2"], "date": "yesterday"},
        {"id": "ok3", "text": ARTICLES["a3"], "date": "2016-03-27"},
    ])
    result = naba("build", path, "-o", tmp_path / "g.ttl", "--quiet")
    assert result.returncode == 0, result.stderr
    assert f"{path}:2:" in result.stderr and "JSON" in result.stderr
    assert f"{path}:3:" in result.stderr and "ISO 8601" in result.stderr
    graph = rdflib.Graph().parse(tmp_path / "g.ttl")
    ids = {str(i) for i in graph.objects(None, rdflib.URIRef("http://purl.org/dc/terms/identifier"))}
    assert ids == {"ok1", "ok3"}


def test_a_corpus_with_nothing_readable_fails(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "latin1.txt").write_bytes("café".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    result = naba("build", folder, "-o", tmp_path / "g.ttl", "--quiet")
    assert result.returncode != 0
    for name in ("latin1.txt", "empty.txt", "binary.txt"):
        assert name in result.stderr
    assert not (tmp_path / "g.ttl").exists()


def test_a_missing_corpus_is_an_error_naming_it(tmp_path):
    result = naba("build", tmp_path / "nowhere", "-o", tmp_path / "g.ttl")
    assert result.returncode == 2 and "nowhere" in result.stderr


def start_long_build(tmp_path: Path, out: Path, jobs: int) -> subprocess.Popen:
    """``naba build`` of 20,000 articles into ``out``, returned once it writes its stream
    with its workers started."""
    texts = list(ARTICLES.values())
    big = write_jsonl(tmp_path / "big.jsonl", [{"id": f"d{i}", "text": (texts[i % 3] + " ") * 30}
                                              for i in range(20_000)])
    exe = Path(sys.executable).with_name("naba")
    process = subprocess.Popen([str(exe), "build", str(big), "-o", str(out), "--quiet",
                                "--jobs", str(jobs)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + 60
    while not (any(p.name.endswith(".stream") for p in tmp_path.iterdir())
               and len(workers_of(process.pid)) == (jobs if jobs > 1 else 0)):
        assert process.poll() is None and time.monotonic() < deadline, "build did not start"
        time.sleep(0.05)
    time.sleep(0.5)  # midway
    return process


def workers_of(pid: int) -> list[int]:
    """The child processes of ``pid`` (the build's workers)."""
    tasks = Path(f"/proc/{pid}/task")
    return [int(c) for task in tasks.iterdir() for c in (task / "children").read_text().split()]


def running(pid: int) -> bool:
    """Whether the process exists and is no zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


def wait_gone(pids: list[int], seconds: float = 10) -> list[int]:
    """The processes of ``pids`` still running after ``seconds``."""
    deadline = time.monotonic() + seconds
    while any(map(running, pids)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [pid for pid in pids if running(pid)]


@pytest.mark.parametrize("stop, jobs", [(signal.SIGINT, 1), (signal.SIGINT, 2),
                                        (signal.SIGTERM, 2)])
def test_ctrl_c_or_sigterm_keeps_the_last_good_graph_and_stops_the_workers(built, tmp_path,
                                                                          stop, jobs):
    out = tmp_path / "graph.ttl"
    out.write_bytes(built.read_bytes())
    process = start_long_build(tmp_path, out, jobs)
    workers = workers_of(process.pid)
    assert len(workers) == (jobs if jobs > 1 else 0)
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr.decode() and "Traceback" not in stderr.decode()
    assert out.read_bytes() == built.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jsonl", "graph.ttl"]
    assert wait_gone(workers) == []


def test_sigkill_leaves_no_worker_and_the_next_build_removes_the_temp_file(corpus, built,
                                                                          tmp_path):
    out = tmp_path / "graph.ttl"
    process = start_long_build(tmp_path, out, jobs=2)
    workers = workers_of(process.pid)
    assert len(workers) == 2
    process.kill()
    assert process.wait(10) == -signal.SIGKILL
    assert wait_gone(workers) == []  # they noticed their parent was gone
    assert [p.name for p in tmp_path.glob(".graph.ttl.*.stream")] == [
        f".graph.ttl.{process.pid}.stream"]
    result = naba("build", corpus, "-o", out, "--quiet")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jsonl", "graph.ttl"]


def test_jobs_are_capped_at_the_cores(corpus, tmp_path):
    from graph.build import usable_cores

    result = naba("build", corpus, "-o", tmp_path / "g.ttl", "--jobs", "1000")
    assert result.returncode == 0, result.stderr
    cores = usable_cores()
    assert f"--jobs 1000: using the {cores} cores" in result.stderr
    assert f"{cores} job" in result.stdout.splitlines()[0]


def test_the_bundled_sample_builds_a_conforming_graph(tmp_path):
    out = tmp_path / "sample.ttl"
    result = naba("build", ROOT / "samples" / "news.jsonl", "-o", out, "--quiet")
    assert result.returncode == 0, result.stderr
    graph = rdflib.Graph().parse(out)
    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    ok, _, text = validate(graph, shacl_graph=shapes, inference="none")
    assert ok, text
    assert len(set(graph.subjects(rdflib.RDF.type, rdflib.RDF.Statement))) > 0


def no_bigger_files_than(size: int):
    """For a child process: files past ``size`` bytes cannot be written (EFBIG), as on a
    full disk."""
    def limit():
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return limit


@pytest.mark.parametrize("where, message", [
    ("folder.ttl", "folder.ttl: is a folder; give -o a file name"),
    ("/proc/naba.nt", "/proc/naba.nt: cannot write the graph ("),
    ("graph.ttl", ("graph.ttl: cannot write the graph (File too large); the last good one is "
                  "kept")),
])
def test_output_that_cannot_be_written_is_a_one_line_error(corpus, built, tmp_path, where,
                                                           message):
    (tmp_path / "folder.ttl").mkdir()
    out = tmp_path / where
    if where == "graph.ttl":
        out.write_bytes(built.read_bytes())
    result = naba("build", corpus, "-o", out, "--quiet", preexec_fn=no_bigger_files_than(20_000))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    if where == "graph.ttl":
        assert out.read_bytes() == built.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({"folder.ttl", out.name}
                                                                 - {"naba.nt"})


def test_a_store_among_other_files_is_refused_before_the_analysis(corpus, tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "notes.txt").write_text("mine")
    result = naba("build", corpus, "--store", papers, "--quiet")
    assert result.returncode == 2
    assert result.stderr == (f"naba build: {papers}: the folder holds other files (notes.txt) "
                             "and is not a Naba store; give --store a new or empty folder\n")
    assert [p.name for p in papers.iterdir()] == ["notes.txt"]
