"""The text front end alone: split_sentences, tokenize and sentence_index over real articles.

Faster to iterate on than the whole build. CPU time on a shared machine is noisy; count
instructions with callgrind and read the three functions' inclusive costs:

    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.text \\
        .venv/bin/python bench/text_bench.py --docs 500
    callgrind_annotate --inclusive=yes /tmp/cg.text | grep -E "tokenize|split_sentences|sentence_index"

(compiled modules: the ``CPyDef_`` names; divide by the number of articles).
"""
from __future__ import annotations

import argparse
import gzip
import json
import time
from itertools import islice
from pathlib import Path

from ingest.normalize import tokenize
from ingest.pipeline import continuing_words, resources, sentence_index
from ingest.segment import split_sentences

CORPUS = Path("/work/shared/corpus/bench-real.jsonl.gz")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--start", type=int, default=5000, help="first line (unseen by same.sh)")
    args = parser.parse_args()
    with gzip.open(args.corpus, "rt", encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in islice(lines, args.start,
                                                              args.start + args.docs)]
    continuing = continuing_words(resources()[0])
    began = time.process_time()
    for text in texts:
        sentence_index(tokenize(text), split_sentences(text, continuing))
    spent = time.process_time() - began
    print(f"{len(texts)} articles: {spent:.3f} CPU s ({spent / len(texts) * 1e3:.3f} ms each)")


if __name__ == "__main__":
    main()
