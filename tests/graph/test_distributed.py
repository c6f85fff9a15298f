"""The distributed build on a real Dask cluster (``distributed.LocalCluster``: a scheduler and
worker processes on loopback): the same graph as the local build, bad lines named by file and
line, repeated ids kept once, a worker killed by SIGKILL mid-run costs no part, and the parts
load into a store."""
from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.distributed import MANIFEST, build_distributed, list_partitions, read_manifest
from graph.store import add_documents, open_source
from naba.errors import CorpusError, GraphError

ROOT = Path(__file__).resolve().parents[2]

# Sentences of my own, combined into articles of a few sentences each.
SENTENCES = [
    "اتهم وزير الخارجية الروسي سيرغي لافروف الولايات المتحدة بدعم الإرهاب في سوريا.",
    "قصفت الطائرات الروسية مدينة حلب.",
    "وقالت موسكو إنها تدعم الحكومة السورية.",
    "التقى الرئيس الإيراني حسن روحاني نظيره التركي في أنقرة.",
    "دعت مصر إلى التهدئة في ليبيا.",
    "هددت تركيا بشن هجوم على مدينة منبج.",
    "أدان الأردن الغارات الإسرائيلية على غزة.",
]


def articles(count: int, prefix: str = "n") -> list[dict]:
    out = []
    for n in range(count):
        text = " ".join(SENTENCES[(n + k) % len(SENTENCES)] for k in range(1 + n % 4))
        out.append({"id": f"{prefix}{n:04d}", "text": text, "date": f"2016-0{1 + n % 9}-1{n % 10}"})
    return out


def write_jsonl(path: Path, records: list) -> Path:
    lines = [r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()
             for r in records]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def lines_of(paths) -> set[bytes]:
    return {line for path in paths for line in Path(path).read_bytes().splitlines() if line}


def naba(*args, **options):
    exe = Path(sys.executable).with_name("naba")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "naba.cli"]
    return subprocess.run(command + [str(a) for a in args], capture_output=True, text=True,
                          check=False, cwd=ROOT, timeout=300, **options)


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread each, on loopback; a nanny restarts a killed one."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0") as local, Client(local) as client:
        yield local, client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    records = articles(60)
    records.insert(10, b'{"id": "broken", "text": ')          # line 11: no JSON
    records.insert(30, {"id": "no-text"})                     # line 31: no text
    records.insert(50, {"id": "n0003", "text": "زار لافروف دمشق."})  # line 51: a repeated id
    return write_jsonl(folder / "news.jsonl", records)


@pytest.fixture(scope="module")
def local_build(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local") / "graph.nq"
    result = naba("build", corpus, "-o", out, "--quiet")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def parts(cluster, corpus, tmp_path_factory):
    _, client = cluster
    out = tmp_path_factory.mktemp("parts") / "parts"
    report = build_distributed([str(corpus)], str(out), client=client, block_bytes=2048,
                               progress=False)
    return out, report


def test_the_parts_hold_the_same_graph_as_the_local_build(parts, local_build):
    out, report = parts
    manifest, paths = read_manifest(str(out))
    assert len(manifest["parts"]) == report.parts > 5  # cut into blocks of lines
    assert lines_of(paths) == lines_of([local_build])


def test_the_manifest_counts_articles_and_triples_and_names_bad_lines(parts, corpus):
    out, report = parts
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["articles"] == report.documents == 60
    written = sum(len(Path(out, p["name"]).read_bytes().splitlines()) for p in manifest["parts"])
    assert manifest["triples"] == written + manifest["ontology"]["triples"]
    bad = [(b["file"], b["line"], b["problem"].split(" (")[0]) for b in manifest["bad_lines"]]
    assert bad == [(str(corpus), 11, "not valid JSON"), (str(corpus), 31, 'no "text"'),
                   (str(corpus), 51, "duplicate id 'n0003'")]
    assert f"first at {corpus}:4)" in manifest["bad_lines"][2]["problem"]
    lines = [p["first_line"] for p in manifest["parts"]]
    assert lines == sorted(lines) and lines[0] == 1
    assert sum(p["lines"] for p in manifest["parts"]) == 63


def test_a_repeated_id_keeps_its_first_article(parts):
    out, _ = parts
    store = open_source(out)  # a parts folder opens as a graph
    texts = {row["e"].value for row in store.query(
        'SELECT ?e { ?st <https://w3id.org/naba/ontology#evidence> ?e ; '
        '<http://www.w3.org/ns/prov#wasDerivedFrom> <https://w3id.org/naba/id/article/n0003> }',
        use_default_graph_as_union=True)}
    assert texts and not any("دمشق" in t for t in texts)


def test_gzip_files_folders_and_globs_are_read(cluster, corpus, tmp_path):
    _, client = cluster
    folder = tmp_path / "in"
    folder.mkdir()
    records = articles(12, prefix="g")
    write_jsonl(folder / "a.jsonl", records[:6])
    with gzip.open(folder / "b.jsonl.gz", "wb") as handle:
        handle.write(b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n"
                              for r in records[6:]))
    by_folder = build_distributed([str(folder)], str(tmp_path / "p1"), client=client,
                                  progress=False)
    by_glob = build_distributed([str(folder / "*.jsonl*")], str(tmp_path / "p2"), client=client,
                                progress=False)
    assert by_folder.documents == by_glob.documents == 12
    assert (lines_of(read_manifest(str(tmp_path / "p1"))[1])
            == lines_of(read_manifest(str(tmp_path / "p2"))[1]))


def test_the_parts_load_into_a_store_like_the_local_build(parts, local_build, tmp_path):
    out, _ = parts
    result = naba("store", "load", out, "--store", tmp_path / "from-parts")
    assert result.returncode == 0, result.stderr
    add_documents(tmp_path / "local", local_build)
    assert set(open_source(tmp_path / "from-parts")) == set(open_source(tmp_path / "local"))


def test_an_unfinished_build_is_refused_by_the_loader(parts, tmp_path):
    out, _ = parts
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in out.iterdir():
        if path.name != MANIFEST:
            (copy / path.name).write_bytes(path.read_bytes())
    with pytest.raises(GraphError, match="no manifest.json; the build .* did not finish"):
        add_documents(tmp_path / "store", copy)
    assert not (tmp_path / "store" / "naba-store.json").exists()


@pytest.mark.parametrize("inputs, message", [
    (["missing.jsonl"], "no such file or folder"),
    (["*.nothing"], "no file matches"),
    (["notes.txt"], "not a .jsonl or .jsonl.gz file"),
])
def test_bad_inputs_are_named(tmp_path, inputs, message, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("نص")
    with pytest.raises(CorpusError, match=message):
        list_partitions(inputs)


def test_a_folder_of_other_files_is_refused_as_output(cluster, corpus, tmp_path):
    _, client = cluster
    (tmp_path / "mine.txt").write_text("x")
    with pytest.raises(GraphError, match="holds other files"):
        build_distributed([str(corpus)], str(tmp_path), client=client, progress=False)
    assert (tmp_path / "mine.txt").read_text() == "x"


def test_an_unreachable_scheduler_is_a_clear_error_and_the_last_build_stays(parts, corpus,
                                                                          tmp_path):
    from tests.query.conftest import free_port

    last = tmp_path / "parts"
    last.mkdir()
    for path in parts[0].iterdir():
        (last / path.name).write_bytes(path.read_bytes())
    result = naba("build", corpus, "--scheduler", f"tcp://127.0.0.1:{free_port()}",
                  "-o", last, "--quiet",
                  env={**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert result.returncode == 2
    assert "cannot reach the Dask scheduler" in result.stderr
    assert read_manifest(str(last))[0]["articles"] == 60


def test_a_worker_killed_mid_run_loses_no_part_and_doubles_none(cluster, tmp_path, local_build):
    local, client = cluster
    records = articles(400, prefix="k")
    corpus = write_jsonl(tmp_path / "big.jsonl", records)
    local_out = tmp_path / "local.nq"
    assert naba("build", corpus, "-o", local_out, "--quiet").returncode == 0
    out = tmp_path / "parts"
    pids = client.run(os.getpid)  # worker address → its process
    build = subprocess.Popen(
        [str(Path(sys.executable).with_name("naba")), "build", str(corpus), "--scheduler",
         local.scheduler_address, "-o", str(out), "--block-mb", "0.004", "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        while not list(out.glob("part-*.nq")) and time.monotonic() < deadline:
            time.sleep(0.05)
        victim = next(iter(pids.values()))
        assert build.poll() is None and not (out / MANIFEST).exists()  # mid-run
        os.kill(victim, signal.SIGKILL)
        stdout, stderr = build.communicate(timeout=240)
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
    assert build.returncode == 0, stderr
    with pytest.raises(ProcessLookupError):
        os.kill(victim, 0)
    manifest, paths = read_manifest(str(out))
    partitions = list_partitions([str(corpus)], int(0.004 * 2**20))
    assert [p["name"] for p in manifest["parts"]] == [p.name for p in partitions]
    assert manifest["articles"] == 400 and "documents       400" in stdout
    assert lines_of(paths) == lines_of([local_out])
    article_lines = [line for path in paths for line in Path(path).read_bytes().splitlines()
                     if b"#type> <https://w3id.org/naba/ontology#Article>" in line]
    assert len(article_lines) == len(set(article_lines)) == 400  # each article in one part
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    client.wait_for_workers(2, timeout=60)  # the nanny restarted it, for the other tests
