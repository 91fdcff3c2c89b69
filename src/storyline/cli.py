"""The storyline command: a thin shell over the library.

    storyline analyze ARTICLES... [--format json|md|html] [--out FILE] [--db URL] [--no-store]
    storyline extract ARTICLES... --format jsonl
    storyline stories [--db URL]
    storyline show STORY_ID [--format ...] [--db URL]
    storyline serve [--db URL] [--host 127.0.0.1] [--port 8000] [--token TOKEN]
    storyline batch INPUT... [--scheduler tcp://HOST:8786 | --workers N] [--db URL]

Exit codes: 0 all went well; 1 some inputs could not be read or analysed (each
named on standard error, the rest analysed); 2 the command itself failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from storyline.errors import StorylineError, UsageError
from storyline.records import Problem, Story
from storyline.settings import DEFAULT_DB, Settings

FORMATS = ("json", "md", "html", "csv")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.command(args) or 0)
    except StorylineError as err:
        print(f"storyline: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("storyline: interrupted; what was stored so far is kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="storyline", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    analyze = sub.add_parser("analyze", help="articles in, cross-checked briefing out")
    _inputs(analyze)
    analyze.add_argument(
        "--format", choices=FORMATS, help="json, md, html or csv (default: a terminal summary)"
    )
    analyze.add_argument("--out", type=Path, help="write the briefing to this file")
    _db(analyze)
    analyze.add_argument("--no-store", action="store_true", help="analyse without storing anything")
    analyze.set_defaults(command=cmd_analyze)

    extract = sub.add_parser("extract", help="per-article analysis as JSON Lines; stores nothing")
    _inputs(extract)
    extract.add_argument("--format", choices=("jsonl",), default="jsonl")
    extract.add_argument("--out", type=Path)
    extract.set_defaults(command=cmd_extract)

    stories = sub.add_parser("stories", help="the stories the store holds")
    _db(stories)
    stories.set_defaults(command=cmd_stories)

    show = sub.add_parser("show", help="a stored story's briefing")
    show.add_argument("story_id")
    show.add_argument("--format", choices=FORMATS)
    show.add_argument("--out", type=Path)
    _db(show)
    show.set_defaults(command=cmd_show)

    serve = sub.add_parser("serve", help="the analyst's desk: web app and HTTP API")
    _db(serve)
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"
    )
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--token", help="bearer token required to ingest through the API")
    serve.set_defaults(command=cmd_serve)

    batch = sub.add_parser("batch", help="analyse archives on a Dask cluster into the store")
    _inputs(batch)
    group = batch.add_mutually_exclusive_group()
    group.add_argument("--scheduler", help="address of a running Dask scheduler, tcp://HOST:8786")
    group.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    batch.add_argument("--shard-size", type=int, default=64, help="articles per task (default 64)")
    _db(batch)
    batch.set_defaults(command=cmd_batch)
    return parser


def _inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="ARTICLES",
        help="files, folders (recursive), globs; .txt .md .html .jsonl, feeds, WARC",
    )
    parser.add_argument("--fetch", action="store_true", help="download URLs and feed links (polite, capped)")
    parser.add_argument(
        "--host",
        dest="hosts",
        action="append",
        default=[],
        help="keep only archive/feed records from this host (repeatable)",
    )
    parser.add_argument("--since", help="keep only archive/feed records published on or after this date")
    parser.add_argument("--until", help="keep only archive/feed records published on or before this date")


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=None, help=f"store URL (default {DEFAULT_DB}, or $STORYLINE_DB)")


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(db=getattr(args, "db", None))


def _read_options(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from storyline.ingest import ReadOptions

    return ReadOptions(fetch=args.fetch, hosts=tuple(args.hosts), since=args.since, until=args.until)


def cmd_analyze(args: argparse.Namespace) -> int:
    from storyline import pipeline

    settings = _settings(args)
    store = None if args.no_store else _open(settings.db)
    try:
        with _progress_bar(args.inputs) as tick:
            result = pipeline.run(
                args.inputs, settings=settings, store=store, options=_read_options(args), progress=tick
            )
    finally:
        if store is not None:
            store.close()
    _report_problems(result.problems)
    if not result.analyses:
        raise UsageError("no article could be read from " + ", ".join(args.inputs))
    if args.format:
        _emit(render(result.stories, args.format), args.out)
    else:
        _emit(summary(result.stories, stored=store is not None, db=settings.db), args.out)
    return 1 if result.problems else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from storyline.analyze import analyze_articles
    from storyline.pipeline import read
    from storyline.render.json import analysis_data

    articles, problems = read(args.inputs, _read_options(args))
    out = _open_out(args.out)
    try:
        for analysis in analyze_articles(articles, _settings(args)):
            out.write(json.dumps(analysis_data(analysis), ensure_ascii=False) + "\n")
            problems += list(analysis.problems)
    finally:
        if out is not sys.stdout:
            out.close()
    _report_problems(problems)
    return 1 if problems else 0


def cmd_stories(args: argparse.Namespace) -> int:
    store = _open(_settings(args).db)
    try:
        stories = store.stories()
    finally:
        store.close()
    if not stories:
        print("The store holds no stories yet: run `storyline analyze ARTICLES...` first.")
    for story in stories:
        dates = sorted(a.published for a in story.articles if a.published)
        span = f"{dates[0]}..{dates[-1]}" if dates else "undated"
        print(
            f"{story.id}  {len(story.articles):3d} articles  {len(story.claims):4d} claims  "
            f"{len(story.conflicts):3d} conflicts  {span:22s}  {story.title}"
        )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    settings = _settings(args)
    store = _open(settings.db)
    try:
        story = store.get_story(args.story_id)
    finally:
        store.close()
    if story is None:
        raise UsageError(f"no story {args.story_id!r} in {settings.db}: `storyline stories` lists them")
    text = render([story], args.format) if args.format else summary([story], stored=True, db=settings.db)
    _emit(text, args.out)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from storyline.web import serve

    serve(_settings(args).db, host=args.host, port=args.port, token=args.token)
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from storyline.scale import run_batch

    settings = _settings(args)
    report = run_batch(
        args.inputs,
        db=settings.db,
        scheduler=args.scheduler,
        workers=args.workers,
        settings=settings,
        options=_read_options(args),
        shard_size=args.shard_size,
    )
    _report_problems(report.problems)
    print(
        f"{report.read} read, {report.analyzed} analysed, {report.skipped} already stored, "
        f"{report.stories} stories in {settings.db}; {len(report.problems)} problems; "
        f"{report.seconds:.0f} s ({report.workers} workers, peak {report.worker_peak_mb:.0f} MB each)"
    )
    return 1 if report.problems else 0


def render(stories: Sequence[Story], fmt: str) -> str:
    if fmt == "json":
        from storyline.render.json import dumps

        return dumps(stories) + "\n"
    if fmt == "md":
        from storyline.render.markdown import render_markdown

        return render_markdown(stories)
    if fmt == "csv":
        from storyline.render.csv import render_csv

        return render_csv(stories)
    from storyline.render.html import render_html

    return render_html(stories)


def summary(stories: Sequence[Story], *, stored: bool, db: str) -> str:
    """What an analyst reads first on a terminal."""
    lines = []
    for story in stories:
        lines += _story_summary(story)
    if stored:
        lines.append(
            f"Stored in {db}. `storyline stories` lists stories; "
            "`storyline show ID --format html --out brief.html` writes a briefing."
        )
    return "\n".join(lines) + "\n"


def _story_summary(story: Story) -> list[str]:
    by_status: dict[str, int] = {}
    for claim in story.claims:
        by_status[claim.status] = by_status.get(claim.status, 0) + 1
    outlets = sorted({a.outlet or Path(a.path or a.id).name for a in story.articles})
    lines = [
        f"== {story.title}",
        f"   story {story.id}: {len(story.articles)} articles from {', '.join(outlets)}",
        "   claims: " + ", ".join(f"{n} {s}" for s, n in sorted(by_status.items())),
    ]
    for conflict in story.conflicts:
        lines.append(f"   CONFLICT ({conflict.kind}): {conflict.summary}")
    for claim in story.claims:
        if claim.status == "corroborated":
            who = claim.speaker.name if claim.speaker else "outlets"
            lines.append(
                f"   corroborated ({who}, {claim.independent_sources} source(s)): {_clip(claim.text)}"
            )
    for entry in story.timeline:
        lines.append(f"   {entry.date:10s}  {_clip(entry.summary)}")
    lines.append("")
    return lines


def _clip(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _open(db: str):  # type: ignore[no-untyped-def]
    from storyline.store import open_store

    return open_store(db)


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)


def _open_out(out: Path | None) -> TextIO:
    if out is None:
        return sys.stdout
    out.parent.mkdir(parents=True, exist_ok=True)
    return out.open("w", encoding="utf-8")


def _report_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        where = f"{problem.path}: " if problem.path else ""
        print(f"storyline: {where}{problem.message} [{problem.stage}]", file=sys.stderr)
    if problems:
        print(f"storyline: {len(problems)} problem(s); everything else was analysed", file=sys.stderr)


class _progress_bar:
    """A progress bar on a terminal; nothing when piped."""

    def __init__(self, inputs: Sequence[str]) -> None:
        self._bar = None
        self._inputs = inputs

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not sys.stderr.isatty():
            return None
        from rich.progress import Progress

        self._bar = Progress(transient=True)
        self._bar.start()
        task = self._bar.add_task("analysing", total=None)
        return lambda n: self._bar.advance(task, n)  # type: ignore[union-attr]

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


if __name__ == "__main__":
    raise SystemExit(main())
