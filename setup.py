"""Compile the hot modules of the text pipeline with mypyc: the same Python, about twice as fast.

The extensions are optional: where no C compiler is found, the pure-Python modules run. The
metadata lives in pyproject.toml; mypyc type-checks the modules first (settings: [tool.mypy]).
"""
from mypyc.build import mypycify
from setuptools import setup

COMPILED = ["ingest/model.py", "ingest/normalize.py", "ingest/segment.py", "ingest/morphology.py",
            "ingest/lexicon.py", "ingest/entities.py", "ingest/relations.py",
            "ingest/pipeline.py", "ingest/casualties.py", "ingest/dates.py",
            "ingest/syntax.py", "ingest/discovery.py"]

extensions = mypycify(COMPILED, opt_level="3", group_name="ingest._compiled")
for extension in extensions:
    extension.optional = True
setup(ext_modules=extensions)
