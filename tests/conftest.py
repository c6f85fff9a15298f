"""Fixtures every test folder shares: where ../shared is, and real clients that must exist."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

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
