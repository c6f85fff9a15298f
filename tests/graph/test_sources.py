"""ingest.sources: a folder of .txt, a .jsonl or one .txt become Articles; bad input is
reported with its file, line and reason, and the rest is still read."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ingest.model import Article
from ingest.sources import MAX_RECORD_BYTES, read_corpus
from naba.errors import CorpusError

TEXT = "قصفت الطائرات الروسية مدينة حلب."


def read(path: Path) -> tuple[list[Article], list[str]]:
    warnings: list[str] = []
    return list(read_corpus(path, warn=warnings.append)), warnings


def write_jsonl(path: Path, lines: list) -> Path:
    with path.open("wb") as handle:
        for line in lines:
            if isinstance(line, bytes):
                handle.write(line + b"\n")
            else:
                handle.write(json.dumps(line, ensure_ascii=False).encode() + b"\n")
    return path


def test_a_folder_is_read_in_name_order_with_ids_from_file_names(tmp_path):
    for name in ("b", "a", "10", "c.d"):
        (tmp_path / f"{name}.txt").write_text(f"{TEXT} {name}", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored")
    articles, warnings = read(tmp_path)
    assert [a.id for a in articles] == ["10", "a", "b", "c.d"]
    assert articles[1].text == f"{TEXT} a" and warnings == []


def test_one_txt_file_is_one_article(tmp_path):
    path = tmp_path / "000_x.txt"
    path.write_text("\ufeff" + TEXT, encoding="utf-8")
    assert read(path) == ([Article("000_x", TEXT)], [])


def test_a_jsonl_file_gives_every_field(tmp_path):
    record = {"id": "n1", "text": TEXT, "title": "غارات", "date": "2016-03-27T10:30:00+02:00",
              "source": "نبأ", "url": "https://example.org/1"}
    articles, warnings = read(write_jsonl(tmp_path / "c.jsonl", [record, {"id": 2, "text": TEXT}]))
    assert articles == [Article(**record), Article("2", TEXT)] and warnings == []


@pytest.mark.parametrize("content, reason", [
    (b"\xff\xfe\xfd", "not UTF-8"),
    (b"", "empty"),
    (b" \n\t ", "empty"),
    (b"PK\x03\x04\x00\x00binary", "binary"),
])
def test_a_bad_file_is_skipped_with_its_name_and_why(tmp_path, content, reason):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(content)
    articles, warnings = read(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert len(warnings) == 1 and "bad.txt" in warnings[0] and reason in warnings[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(TEXT, encoding="utf-8")
    locked.chmod(0)
    articles, warnings = read(tmp_path)
    assert [a.id for a in articles] == ["good"] and "cannot read" in warnings[0]


def test_a_file_too_large_is_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "huge.txt").write_bytes(b"a" * (MAX_RECORD_BYTES + 1))
    articles, warnings = read(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert "huge.txt" in warnings[0] and "limit" in warnings[0]


@pytest.mark.parametrize("line, reason", [
    (b'{"id": "x", "text": ', "not valid JSON"),
    (b'["x", "y"]', "not a JSON object"),
    (b'{"text": "\xd9\x86\xd8\xa8\xd8\xa3"}', '"id"'),
    (b'{"id": "x"}', '"text"'),
    (b'{"id": "x", "text": "  "}', '"text"'),
    (b'{"id": "x", "text": "t", "date": "27/03/2016"}', "ISO 8601"),
    (b'{"id": "x", "text": "t", "title": 5}', '"title"'),
    (b'{"id": "x", "text": "\xff"}', "not UTF-8"),
    (b'{"id": "x", "text": "a\x00b"}', "binary"),
    (b'{"id": "n1", "text": "again"}', "duplicate id"),
    (b'{"id": "n\\u0001", "text": "t"}', "control character or noncharacter U+0001"),
    (b'{"id": "n\\uffff", "text": "t"}', "U+FFFF"),
])
def test_a_bad_jsonl_line_is_skipped_with_file_line_and_why(tmp_path, line, reason):
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": "n1", "text": TEXT}, line,
                                              {"id": "n3", "text": TEXT}])
    articles, warnings = read(path)
    assert [a.id for a in articles] == ["n1", "n3"]
    assert len(warnings) == 1
    assert f"{path}:2:" in warnings[0] and reason in warnings[0]


def test_a_line_of_ten_megabytes_is_skipped_and_the_next_one_read(tmp_path):
    huge = json.dumps({"id": "big", "text": "ن" * (5 * 2**20)}).encode()
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": "n1", "text": TEXT}, huge,
                                              {"id": "n3", "text": TEXT}])
    assert len(huge) > 10 * 10**6
    articles, warnings = read(path)
    assert [a.id for a in articles] == ["n1", "n3"]
    assert f"{path}:2:" in warnings[0] and "MB" in warnings[0]


def test_blank_lines_are_not_records(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": "n1", "text": TEXT}, b"", b"  "])
    assert read(path) == ([Article("n1", TEXT)], [])


@pytest.mark.parametrize("name", ["missing", "missing.jsonl"])
def test_a_missing_corpus_is_an_error(tmp_path, name):
    with pytest.raises(CorpusError, match="no such file"):
        read_corpus(tmp_path / name)


def test_an_unknown_corpus_format_is_an_error(tmp_path):
    (tmp_path / "c.csv").write_text("id,text\n")
    with pytest.raises(CorpusError, match=r"c\.csv.*\.jsonl"):
        read_corpus(tmp_path / "c.csv")


def test_a_folder_without_txt_files_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match="no .txt files"):
        read_corpus(tmp_path)


def test_a_named_pipe_in_a_folder_is_skipped_not_read(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")  # reading it would wait forever for a writer
    (tmp_path / "c.txt").mkdir()
    articles, warnings = read(tmp_path)
    assert [a.id for a in articles] == ["a"]
    assert warnings == [f"{tmp_path / 'b.txt'}: not a regular file but a named pipe; skipped",
                        f"{tmp_path / 'c.txt'}: not a regular file but a folder; skipped"]


def test_ids_that_would_merge_are_skipped_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.TXT").write_text(TEXT, encoding="utf-8")  # the same id, a
    (tmp_path / "a\x01.txt").write_text(TEXT, encoding="utf-8")  # a once the \x01 is dropped
    articles, warnings = read(tmp_path)
    assert [a.id for a in articles] == ["a"]
    assert len(warnings) == 2
    assert "holds the control character or noncharacter U+0001" in warnings[0]
    assert warnings[1].endswith("a.txt: duplicate id 'a' (first from a.TXT); skipped")
