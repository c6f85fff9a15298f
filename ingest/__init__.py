"""Text in, documents with mentions and relations out. Knows raw text, never RDF."""
import os
from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"

# camel-tools reads its catalogue when first imported and tries to download it when absent:
# point it at the project's offline stub before any camel_tools import.
os.environ.setdefault("CAMELTOOLS_DATA", str(ONTOLOGY_DIR / "camel"))


def _check_compiled(folder: Path) -> None:
    """In a source checkout, a module compiled by setup.py (mypyc) shadows its .py file:
    refuse to run one compiled before the source last changed, rather than stale code."""
    if not (folder.parent / "setup.py").exists():
        return  # an installed copy: its files are not edited
    binaries = list(folder.glob("*.so"))
    # Each module's .so is a shim, left as it was when its code did not change; the code is
    # in mypyc's shared library, rebuilt with any change: the newest file is the last build.
    built = max((b.stat().st_mtime for b in binaries), default=0.0)
    for binary in binaries:
        source = folder / (binary.name.split(".", 1)[0] + ".py")
        if source.exists() and source.stat().st_mtime > built:
            raise ImportError(f"{source} changed after it was compiled into {binary.name}: "
                              "run `make compile` (or `pip install -e .`) to compile it again, "
                              f"or delete {folder}/*.so to run the pure-Python modules")


_check_compiled(Path(__file__).resolve().parent)
