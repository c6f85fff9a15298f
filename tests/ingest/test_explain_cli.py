"""`naba explain` through the real CLI: a text, a text file, one article of a corpus by its id;
bad input is one line naming the file or the id, with a non-zero exit code."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.explain import explain_text

ROOT = Path(__file__).resolve().parents[2]
STRIKE = "قصفت روسيا حلب."
ACCUSATION = "اتهمت تركيا روسيا بقصف المدنيين."
# a title alone names the one who held the office on the article's date
SPEECH = "وقال الرئيس الأمريكي إن روسيا تدعم النظام السوري."


def naba(*args) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("naba")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "naba.cli"]
    return subprocess.run(command + [str(a) for a in args], capture_output=True, text=True,
                          check=False, cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("explain") / "news.jsonl"
    records = [{"id": "a1", "text": STRIKE, "date": "2016-03-27"},
               {"id": "a2", "text": ACCUSATION},
               {"id": "a3", "text": SPEECH, "date": "2016-03-27"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def test_a_text_prints_every_stage_and_the_relation():
    result = naba("explain", STRIKE)
    assert result.returncode == 0, result.stderr
    assert result.stdout == explain_text(STRIKE) + "\n"
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines if not line.startswith(" ")] == \
        ["==", "tokens", "mentions", "units", "trigger", "relation"]
    assert "relation russia strikes aleppo" in lines


def test_a_file_is_explained_sentence_by_sentence(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(f"{STRIKE} {ACCUSATION}", encoding="utf-8")
    result = naba("explain", "--file", path)
    assert result.returncode == 0, result.stderr
    assert "== sentence 1: " + ACCUSATION in result.stdout
    assert "relation turkey accuses russia" in result.stdout


def test_an_id_picks_one_article_of_a_corpus(corpus):
    result = naba("explain", "--id", "a2", corpus)
    assert result.returncode == 0, result.stderr
    assert "relation turkey accuses russia" in result.stdout
    assert STRIKE not in result.stdout


def test_an_id_picks_a_file_of_a_folder(tmp_path):
    (tmp_path / "b7.txt").write_text(ACCUSATION, encoding="utf-8")
    (tmp_path / "c1.txt").write_text(STRIKE, encoding="utf-8")
    result = naba("explain", "--id", "b7", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "relation turkey accuses russia" in result.stdout


@pytest.mark.parametrize("args, speaker", [
    (["explain", SPEECH, "--date", "2016-03-27"], "barack-obama"),
    (["explain", SPEECH, "--date", "2018-05-01"], "donald-trump"),
    (["explain", "--id", "a3", "{corpus}"], "barack-obama"),  # the article's own date
    (["explain", "--id", "a3", "{corpus}", "--date", "2018-05-01"], "donald-trump"),
])
def test_the_date_is_the_articles_or_the_one_given(corpus, args, speaker):
    result = naba(*(a.format(corpus=corpus) for a in args))
    assert result.returncode == 0, result.stderr
    assert f"relation russia supports syrian-government speaker={speaker}" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["--file", "{tmp}/missing.txt"], "missing.txt: no such file"),
    (["--file", "{tmp}/binary.txt"], "binary.txt: not UTF-8"),
    (["--file", "{corpus}"], "news.jsonl: a JSONL corpus; to explain one of its articles"),
    (["--id", "a9", "{corpus}"], "news.jsonl: no article with id 'a9' (3 articles: 'a1', 'a2',"),
    (["--id", "a1", "{tmp}/nowhere.jsonl"], "nowhere.jsonl: no such file or folder"),
    (["--id", "a1"], "--id takes the corpus as its argument"),
    ([], "give one of: a text"),
    (["   "], "the text to explain is empty"),
    ([STRIKE, "--date", "27/03/2016"], "--date '27/03/2016' is not an ISO 8601 date"),
])
def test_bad_input_names_the_file_or_the_id(tmp_path, corpus, args, message):
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe")
    args = [a.format(tmp=tmp_path, corpus=corpus) for a in args]
    result = naba("explain", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("naba explain: ") and message in result.stderr, result.stderr
    assert len(result.stderr.splitlines()) == 1
