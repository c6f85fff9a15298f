"""Text in, documents with mentions and relations out. Knows raw text, never RDF."""
import os
from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"

# camel-tools reads its catalogue when first imported and tries to download it when absent:
# point it at the project's offline stub before any camel_tools import.
os.environ.setdefault("CAMELTOOLS_DATA", str(ONTOLOGY_DIR / "camel"))
