"""The modules setup.py compiles with mypyc: their docstring examples still run, and a source
edited after compiling is refused instead of silently shadowed by the old binary."""
from __future__ import annotations

import doctest
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ingest

ROOT = Path(ingest.__file__).resolve().parent.parent
COMPILED = ("normalize", "segment", "morphology", "lexicon", "entities", "relations", "pipeline")


@pytest.mark.parametrize("name", COMPILED)
def test_docstring_examples_run_on_the_source(name, monkeypatch):
    """pytest --doctest-modules cannot see into a compiled module: run its source's examples."""
    path = ROOT / "ingest" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"ingest._source_{name}", path)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert (result.attempted > 0) == (">>> " in path.read_text(encoding="utf-8"))


def test_setup_compiles_the_modules_this_test_names():
    listed = (ROOT / "setup.py").read_text(encoding="utf-8")
    assert all(f'"ingest/{name}.py"' in listed for name in COMPILED)


def test_a_source_newer_than_its_binary_is_refused(tmp_path):
    copy = tmp_path / "checkout"
    shutil.copytree(ROOT / "ingest", copy / "ingest")
    (copy / "setup.py").write_text("", encoding="utf-8")
    binary = copy / "ingest" / "segment.cpython-311-x86_64-linux-gnu.so"
    binary.write_bytes(b"")  # an old build of segment.py
    os.utime(binary, (1_000_000, 1_000_000))
    run = subprocess.run([sys.executable, "-c", "import ingest"], cwd=copy,
                         capture_output=True, text=True, check=False)
    assert run.returncode != 0
    assert "segment.py changed after it was compiled" in run.stderr
    assert "make compile" in run.stderr
