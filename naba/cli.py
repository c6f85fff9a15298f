"""The `naba` command: each subcommand parses its arguments, calls one library function, reports."""
from __future__ import annotations

import argparse
import dataclasses
import os
import signal
import sys
import threading
from pathlib import Path

from naba.errors import NabaError

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="naba", description="Knowledge graphs from Arabic news.")
    sub = parser.add_subparsers(dest="command", required=True)
    for add in (_add_build, _add_store, _add_explain, _add_view, _add_export, _add_stats,
                _add_query, _add_serve, _add_push):
        add(sub)
    args = parser.parse_args(argv)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # `kill`, systemd, timeout: like Ctrl-C
    try:
        code = args.run(args)
        sys.stdout.flush()  # here, so that a closed pipe is reported here
        return code
    except NabaError as exc:
        print(f"naba {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"naba {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head`: stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:  # the machine's, not Naba's: a full disk, a missing permission
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"naba {args.command}: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2


# --- build -------------------------------------------------------------------------------------

def _add_build(sub) -> None:
    p = sub.add_parser("build", help="build the graph of a corpus")
    p.add_argument("corpus", nargs="+", help="a folder of .txt files, a .jsonl file or one .txt "
                   "file; with --scheduler, JSONL files (.jsonl, .jsonl.gz), folders and globs "
                   "of them, local or URLs (s3://…)")
    p.add_argument("-o", "--output", help="graph file: .ttl, .nt, .jsonld or .nq; with "
                   "--scheduler, the folder (or URL) of the N-Quads parts")
    p.add_argument("--store", type=Path, help="a store folder to add the documents to")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="build on this Dask cluster instead of local processes")
    p.add_argument("--block-mb", type=float, default=16,
                   help="with --scheduler: MB of a plain JSONL file per partition (default 16)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=_run_build)


def _run_build(args) -> int:
    from graph.build import build_corpus, usable_cores

    if args.scheduler:
        return _run_distributed_build(args)
    if args.output is None and args.store is None:
        raise NabaError("give an output file (-o OUT.ttl) or a store (--store DIR)")
    if len(args.corpus) > 1:
        raise NabaError(f"{len(args.corpus)} corpora: give one, or build them all on a Dask "
                        "cluster (--scheduler)")
    if args.jobs > usable_cores():  # build_corpus starts no more workers than that
        print(f"naba build: --jobs {args.jobs}: using the {usable_cores()} cores of this machine",
              file=sys.stderr)
    output = Path(args.output) if args.output is not None else None
    report = build_corpus(Path(args.corpus[0]), output, jobs=args.jobs, store=args.store,
                          progress=not args.quiet)
    print(report.summary())
    return 0 if report.documents else 1


def _run_distributed_build(args) -> int:
    from graph.distributed import build_distributed

    if args.output is None:
        raise NabaError("with --scheduler, give -o FOLDER: the workers write the graph there as "
                        "N-Quads parts (a folder they all reach: shared disk or s3://…)")
    if args.block_mb <= 0:
        raise NabaError(f"--block-mb {args.block_mb:g}: must be positive")
    report = build_distributed(args.corpus, args.output, scheduler=args.scheduler,
                               store=args.store, block_bytes=int(args.block_mb * 2**20),
                               progress=not args.quiet)
    print(report.summary())
    return 0 if report.documents else 1


def _add_store(sub) -> None:
    p = sub.add_parser("store", help="add N-Quads or a distributed build's parts to a store")
    actions = p.add_subparsers(dest="action", required=True)
    load = actions.add_parser("load", help="add an .nq file or a parts folder to a store")
    load.add_argument("source", help="an .nq file, or the parts folder of "
                      "naba build --scheduler (local, or a URL: s3://…)")
    load.add_argument("--store", type=Path, required=True, help="the store folder (created "
                      "if missing); the graphs of the source replace those of the same name")
    load.set_defaults(run=_run_store_load)


def _run_store_load(args) -> int:
    import time

    from graph.store import add_documents

    started = time.perf_counter()
    count = add_documents(args.store, args.source)
    print(f"store {args.store}: {count:,} quads after loading {args.source} "
          f"in {time.perf_counter() - started:.1f} s")
    return 0


# --- explain -----------------------------------------------------------------------------------

def _add_explain(sub) -> None:
    p = sub.add_parser("explain", help="print what each stage of the extractor saw in a text")
    p.add_argument("text", nargs="?",
                   help="an Arabic sentence or text; with --id, the corpus to take the article from")
    p.add_argument("--file", type=Path, help="read the text from a UTF-8 text file")
    p.add_argument("--id", dest="article_id", help="explain the article of this id in the corpus")
    p.add_argument("--date", help="the article's date (ISO 8601): for the dates of its events")
    p.set_defaults(run=_run_explain)


def _run_explain(args) -> int:
    from ingest.explain import explain
    from ingest.model import Article
    from ingest.sources import valid_date

    if args.date is not None and not valid_date(args.date):
        raise NabaError(f"--date {args.date!r} is not an ISO 8601 date "
                        "(e.g. 2016-03-27 or 2016-03-27T10:30:00)")
    given = [name for name, value in (("a text", args.text), ("--file", args.file))
             if value is not None]
    if args.article_id is not None:
        if args.file is not None or args.text is None:
            raise NabaError("--id takes the corpus as its argument: naba explain --id ID CORPUS")
        article = _corpus_article(Path(args.text), args.article_id)
        if args.date is not None:
            article = dataclasses.replace(article, date=args.date)
    elif len(given) != 1:
        raise NabaError("give one of: a text (naba explain \"جملة\"), --file FILE.txt, "
                        "--id ID CORPUS")
    elif args.file is not None:
        article = Article(args.file.stem, _read_text(args.file), date=args.date)
    else:
        if not args.text.strip():
            raise NabaError("the text to explain is empty")
        article = Article("explain", args.text, date=args.date)
    print(explain(article))
    return 0


def _read_text(path: Path) -> str:
    from ingest.sources import decode_text

    if path.suffix.lower() == ".jsonl":
        raise NabaError(f"{path}: a JSONL corpus; to explain one of its articles, "
                        f"naba explain --id ID {path}")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise NabaError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise NabaError(f"{path}: a folder; to explain one of its articles, "
                        f"naba explain --id ID {path}") from None
    except OSError as exc:
        raise NabaError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = decode_text(data)
    except ValueError as exc:
        raise NabaError(f"{path}: {exc}") from None
    if not text.strip():
        raise NabaError(f"{path}: empty")
    return text


def _corpus_article(corpus: Path, article_id: str):
    from ingest.sources import read_corpus

    skipped: list[str] = []
    ids: list[str] = []
    for article in read_corpus(corpus, warn=skipped.append):
        if article.id == article_id:
            return article
        ids.append(article.id)
    shown = ", ".join(repr(i) for i in ids[:5]) + (" …" if len(ids) > 5 else "")
    why = f"; {len(skipped)} skipped as unreadable, the first: {skipped[0]}" if skipped else ""
    raise NabaError(f"{corpus}: no article with id {article_id!r} ({len(ids)} articles"
                    + (f": {shown}" if ids else "") + f"{why})")


# --- view, export, stats -----------------------------------------------------------------------

def _add_view(sub) -> None:
    p = sub.add_parser("view", help="write an interactive HTML view of a graph")
    p.add_argument("graph", type=Path, help="a graph file or a store folder")
    p.add_argument("-o", "--output", type=Path, required=True, help="the .html file to write")
    p.add_argument("--relations", help="comma-separated relations to keep, e.g. accuses,strikes")
    p.add_argument("--types", help="comma-separated entity types to keep, e.g. Person,Country")
    p.add_argument("--top", type=int, help="open on the N most connected entities (default: all, "
                   "or the 300 most connected past 300; the page can show more)")
    p.add_argument("--generic", action="store_true",
                   help="show each generic actor (unidentified gunmen, civilians…); by default "
                   "they are hidden, and grouped by sector on demand")
    p.add_argument("--isolated", action="store_true",
                   help="keep the entities that take part in no relation")
    p.set_defaults(run=_run_view)


def _run_view(args) -> int:
    from graph.views import write_view

    print(write_view(args.graph, args.output, relations=_csv(args.relations),
                     types=_csv(args.types), top=args.top, generic=args.generic,
                     isolated=args.isolated))
    return 0


def _add_export(sub) -> None:
    p = sub.add_parser("export", help="export a graph for Gephi and other tools")
    p.add_argument("graph", type=Path, help="a graph file or a store folder")
    p.add_argument("-o", "--output", type=Path, required=True, help=".gexf, .graphml or .csv")
    p.set_defaults(run=_run_export)


def _run_export(args) -> int:
    from graph.export import export_graph

    print(export_graph(args.graph, args.output))
    return 0


def _add_stats(sub) -> None:
    p = sub.add_parser("stats", help="the leading actors of a graph")
    p.add_argument("graph", type=Path, help="a graph file or a store folder")
    p.add_argument("--top", type=int, default=10, help="rows per table (default 10)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=_run_stats)


def _run_stats(args) -> int:
    from graph.stats import compute_stats, format_stats

    stats = compute_stats(args.graph, top=args.top)
    print(format_stats(stats, as_json=args.json))
    return 0


# --- query, serve, push ------------------------------------------------------------------------

def _add_query(sub) -> None:
    p = sub.add_parser("query", help="run a SPARQL query or a named query")
    p.add_argument("graph", type=Path, nargs="?", help="a graph file or a store folder")
    p.add_argument("query", nargs="?", help="SPARQL text or the name of a query (see --list)")
    p.add_argument("--file", type=Path, help="read the query from a .rq file")
    p.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table")
    p.add_argument("--list", action="store_true", help="list the named queries")
    p.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                   help="bind a query variable: <IRI>, nbid:key, \"text\"@ar or an integer")
    p.add_argument("--allow-service", action="store_true",
                   help="run SERVICE clauses (they send data to other endpoints)")
    p.set_defaults(run=_run_query)


def _run_query(args) -> int:
    from graph.query import format_named_queries, run_query

    if args.list:
        print(format_named_queries())
        return 0
    if args.graph is None:
        raise NabaError("give a graph file or store, then a query, a query name or --file")
    try:
        text = args.file.read_text(encoding="utf-8") if args.file else args.query
    except OSError as exc:
        raise NabaError(f"{args.file}: cannot read the query ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise NabaError(f"{args.file}: the query is not UTF-8 (byte 0x{exc.object[exc.start]:02x} "
                        f"at offset {exc.start})") from None
    if not text:
        raise NabaError("give a query, a query name (naba query --list) or --file q.rq")
    sys.stdout.write(run_query(args.graph, text, fmt=args.format, bindings=args.bind,
                               allow_service=args.allow_service))
    return 0


def _add_serve(sub) -> None:
    from graph.limits import LIMITS

    p = sub.add_parser("serve", help="a read-only SPARQL endpoint at /sparql")
    p.add_argument("graph", type=Path, help="a graph file or a store folder")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this "
                   "machine only; the endpoint has no authentication)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--timeout", type=float, default=LIMITS["timeout"],
                   help="seconds a query may run (default %(default)g)")
    p.add_argument("--max-rows", type=int, default=LIMITS["max_rows"],
                   help="rows a result may hold (default %(default)d)")
    p.add_argument("--max-bytes", type=int, default=LIMITS["max_bytes"],
                   help="bytes a result may hold (default %(default)d)")
    p.add_argument("--memory-mb", type=int, default=LIMITS["memory_mb"],
                   help="address space of a query worker, in MB (default %(default)d)")
    p.add_argument("--idle-timeout", type=int, default=LIMITS["idle_timeout"],
                   help="seconds before an idle connection is closed (default %(default)d)")
    p.set_defaults(run=_run_serve)


def _run_serve(args) -> int:
    from graph.server import serve

    serve(args.graph, host=args.host, port=args.port, timeout=args.timeout,
          max_rows=args.max_rows, max_bytes=args.max_bytes, memory_mb=args.memory_mb,
          idle_timeout=args.idle_timeout)
    return 0


def _add_push(sub) -> None:
    p = sub.add_parser("push", help="send a graph to a SPARQL Graph Store Protocol endpoint")
    p.add_argument("graph", type=Path, help="a graph file or a store folder")
    p.add_argument("--endpoint", required=True, help="the Graph Store endpoint URL")
    p.add_argument("--graph", dest="target_graph", help="the named graph IRI to write into")
    p.add_argument("--batch-size", type=int, default=50_000, help="triples per request")
    p.add_argument("--retries", type=int, default=3, help="tries again after a failure")
    p.add_argument("--timeout", type=float, default=60.0,
                   help="seconds to wait for the answer to a request (default %(default)g)")
    p.set_defaults(run=_run_push)


def _run_push(args) -> int:
    from graph.push import push_graph

    print(push_graph(args.graph, args.endpoint, graph=args.target_graph,
                     batch_size=args.batch_size, retries=args.retries, timeout=args.timeout))
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _csv(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


if __name__ == "__main__":
    sys.exit(main())
