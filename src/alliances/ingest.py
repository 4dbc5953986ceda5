"""Ingestion: files to stored documents with their extracted facts, one transaction each."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from alliances.documents import DocumentError, find_files, read_document
from alliances.extract import extract
from alliances.extract.facts import extraction_records
from alliances.store import Store


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # document ids
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one line per bad file
    warnings: list[str] = field(default_factory=list)


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    on_problem: Callable[[str], None] = lambda line: None,
    progress: Callable[[list[Path]], Iterable[Path]] = lambda files: files,
) -> IngestReport:
    """Ingest files and directories; bad files are reported, good files still go in.

    `on_problem` receives each error or warning line as it happens; `progress` may wrap the
    list of files (a progress bar). Each document is stored with its facts in one transaction,
    so an interrupted run leaves whole documents only, and re-running completes the set.
    """
    report = IngestReport()
    files: list[Path] = []
    for path, problem in find_files(paths):
        if problem:
            report.failed.append(f"{path}: {problem}")
            on_problem(report.failed[-1])
        else:
            files.append(path)
    for path in progress(files):
        try:
            document = read_document(path)
        except DocumentError as exc:
            report.failed.append(str(exc))
            on_problem(str(exc))
            continue
        for warning in document.warnings:
            report.warnings.append(warning)
            on_problem(f"warning: {warning}")
        if store.has_document(document.id):
            report.unchanged.append(document.id)
            continue
        actors, mentions, facts = extraction_records(extract(document))
        if store.add_document(document, actors, mentions, facts):
            report.added.append(document.id)
        else:
            report.unchanged.append(document.id)
    return report
