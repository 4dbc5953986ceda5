"""The knowledge store opened read-only: the dashboard never writes.

SQLite is opened with a `file:...?mode=ro` URI, so even a bug cannot change the file. The
schema must already be current: a read-only connection cannot migrate it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alliances.store import Store, StoreError
from alliances.store.schema import MIGRATIONS


class ReadOnlyStore(Store):
    """A `Store` whose connection is read-only; every query method of `Store` works on it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(
                f"{self.path}: no knowledge base here (build one with `alliances demo` "
                "or `alliances ingest`)"
            )
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        try:
            self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            version = self.schema_version
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable alliances store ({exc})") from exc
        known = max(number for number, _, _ in MIGRATIONS)
        if version != known:
            raise StoreError(
                f"{self.path}: schema version {version}, this alliances needs {known}; "
                "run any writing command on it (e.g. `alliances ingest`) to migrate it"
            )

    @property
    def data_version(self) -> int:
        """Changes whenever another connection commits: the key for the app's caches."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]
