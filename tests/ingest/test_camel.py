"""camel-tools imported fast: the same character tables and punctuation answers as its own."""
import json
import os
import runpy
import subprocess
import sys
from importlib.util import find_spec

import ingest  # noqa: F401 (points camel-tools at its offline data first)
from ingest.camel import analyzer_classes, punctuation_tests

TABLES = """
import json, sys
import ingest
from ingest.camel import analyzer_classes
analyzer_classes()
import camel_tools.utils.charsets as charsets
from camel_tools.utils.charsets import UNICODE_LETTER_CHARSET  # a table made when asked for
names = [n for n in dir(charsets) if isinstance(getattr(charsets, n), frozenset)]
print(json.dumps({"file": charsets.__file__, "all": charsets.__all__, "names": dir(charsets),
                  "tables": {n: sorted(getattr(charsets, n)) for n in names}}))
"""


def test_the_tables_read_from_the_cache_are_camel_tools_own(tmp_path):
    env = {**os.environ, "NABA_CACHE": str(tmp_path)}
    runs = [json.loads(subprocess.run([sys.executable, "-c", TABLES], env=env, check=True,
                                      capture_output=True, text=True).stdout) for _ in range(2)]
    first, second = runs
    assert first["file"] == find_spec("camel_tools.utils.charsets").origin  # camel's own run
    assert second["file"].startswith(str(tmp_path)) and second["file"].endswith(".json")
    own = runpy.run_path(first["file"])
    expected = {n: sorted(v) for n, v in own.items() if isinstance(v, frozenset)}
    assert len(expected["UNICODE_LETTER_CHARSET"]) > 100_000
    assert first["tables"] == second["tables"] == expected
    assert first["all"] == second["all"] == own["__all__"]
    assert "EMOJI_DATA" in second["names"]


def test_a_damaged_cache_file_is_made_again(tmp_path):
    env = {**os.environ, "NABA_CACHE": str(tmp_path)}
    subprocess.run([sys.executable, "-c", TABLES], env=env, check=True, capture_output=True)
    [path] = tmp_path.glob("camel-charsets-*.json")
    path.write_text('{"tables": ', encoding="utf-8")
    run = json.loads(subprocess.run([sys.executable, "-c", TABLES], env=env, check=True,
                                    capture_output=True, text=True).stdout)
    assert not run["file"].endswith(".json")  # camel-tools built its tables itself
    assert json.loads(path.read_text(encoding="utf-8"))["tables"]["AR_DIAC_CHARSET"]


def test_the_punctuation_tests_answer_as_the_analyzers_expressions():
    analyzer_classes()
    from camel_tools.morphology import analyzer

    punctuation = analyzer.UNICODE_PUNCT_SYMBOL_CHARSET
    is_punc, has_punc = punctuation_tests(punctuation)
    assert analyzer._has_punc is not None and analyzer._is_punc.__name__ == "is_punc"
    others = [chr(c) for c in range(0, 0x110000, 97) if chr(c) not in punctuation]
    words = (sorted(punctuation) + others
             + ["", "\n", "!\n", "!\n\n", "؟!", "وبالعراق", "العراق،", "2015", "a-b", "😀x"])
    for word in words:
        assert is_punc(word) == (analyzer._IS_PUNC_RE.match(word) is not None), repr(word)
        assert has_punc(word) == (analyzer._HAS_PUNC_RE.search(word) is not None), repr(word)


UNUSED = """
import ingest
from ingest.camel import analyzer_classes
analyzer_classes()
from camel_tools.morphology import analyzer
print(type(analyzer._IS_PUNC_RE).__name__, type(analyzer._IS_AR_RE).__name__,
      analyzer._IS_PUNC_RE.match("؟!") is not None, analyzer._IS_PUNC_RE.match("ما؟") is None,
      analyzer._HAS_PUNC_RE.search("ما؟") is not None, analyzer._HAS_PUNC_RE.search("ما") is None)
"""


def test_the_punctuation_expressions_are_compiled_only_when_used(tmp_path):
    env = {**os.environ, "NABA_CACHE": str(tmp_path)}
    for _ in range(2):  # camel-tools' own character tables, then those kept in the cache
        run = subprocess.run([sys.executable, "-c", UNUSED], env=env, check=True,
                             capture_output=True, text=True)
        assert run.stdout.split() == ["_Deferred", "Pattern", "True", "True", "True", "True"]
