"""The public facade: `alliances.open(path)` and what an analyst does with it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from alliances.documents import read_document
from alliances.extract import Extraction, extract
from alliances.ingest import IngestReport, ingest_paths
from alliances.store import Store


class Alliances:
    """A knowledge base in one SQLite file, with the operations on it."""

    def __init__(self, path: str | Path) -> None:
        self.store = Store(path)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Alliances:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(self, paths: Iterable[str | Path], **options) -> IngestReport:
        """Read, extract and store documents (see `alliances.ingest.ingest_paths`)."""
        return ingest_paths(self.store, paths, **options)

    def documents(self):
        return self.store.documents()

    def document(self, document_id: str):
        return self.store.document(document_id)

    def search(self, query: str, limit: int = 20):
        return self.store.search(query, limit)

    def facts(self, **filters):
        return self.store.facts(**filters)

    def mentions(self, document_id: str):
        """The actor mentions stored for one document, each with its span."""
        return self.store.mentions(document_id)

    def snapshot(self, date, region: str | None = None, **options):
        """The alliance system at a date (see `alliances.system.snapshot`)."""
        from alliances.system import snapshot

        return snapshot(date, region, store=self.store, **options)

    def metrics(self, family: str, hub: str, **options) -> list[dict]:
        """Yearly rows of a metric family for a hub (see `alliances.system.query.metrics`)."""
        from alliances.system.query import metrics

        return metrics(self.store, family, hub, **options)


def open(path: str | Path) -> Alliances:  # noqa: A001 - the documented entry point
    """Open (creating and migrating when needed) the knowledge base at `path`."""
    return Alliances(path)


def extract_file(path: str | Path) -> Extraction:
    """Read one file and extract from it, without a store."""
    return extract(read_document(path))
