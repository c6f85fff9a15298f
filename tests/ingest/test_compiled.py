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
COMPILED = ("model", "normalize", "segment", "morphology", "lexicon", "entities", "relations", "pipeline",
            "casualties", "dates")


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


def _import_in_checkout(tmp_path, binaries: dict[str, float]) -> subprocess.CompletedProcess:
    """``import ingest`` in a copy of the sources with fake compiled files of these ages."""
    copy = tmp_path / "checkout"
    shutil.copytree(ROOT / "ingest", copy / "ingest", ignore=shutil.ignore_patterns("*.so"))
    (copy / "setup.py").write_text("", encoding="utf-8")
    for name, mtime in binaries.items():
        binary = copy / "ingest" / f"{name}.cpython-311-x86_64-linux-gnu.so"
        binary.write_bytes(b"")
        os.utime(binary, (mtime, mtime))
    return subprocess.run([sys.executable, "-c", "import ingest"], cwd=copy,
                          capture_output=True, text=True, check=False)


def test_a_source_newer_than_its_build_is_refused(tmp_path):
    run = _import_in_checkout(tmp_path, {"segment": 1_000_000})
    assert run.returncode != 0
    assert "segment.py changed after it was compiled" in run.stderr
    assert "make compile" in run.stderr


def test_an_old_shim_is_fine_when_the_shared_library_is_newer(tmp_path):
    """mypyc keeps a module's shim when only its code changed; the code is in the library."""
    run = _import_in_checkout(tmp_path, {"segment": 1_000_000,
                                         "_compiled__mypyc": 4_000_000_000})
    assert run.returncode == 0, run.stderr
