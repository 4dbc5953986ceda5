"""SQLite knowledge store (WAL, foreign keys, FTS5), written one transaction at a time.

Every public write method runs in a single transaction: it lands whole or not at all, so a
crash or SIGKILL leaves the file consistent and a re-run completes the work. Documents are
keyed by the hash of their normalised text; facts by a fingerprint, so writing the same thing
twice changes nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alliances.documents import Document
from alliances.facts import ActorRecord, Fact, MentionRecord
from alliances.store.schema import MIGRATIONS


class StoreError(RuntimeError):
    """A store that cannot be opened or a request it cannot answer."""


@dataclass(frozen=True)
class SearchHit:
    document_id: str
    title: str | None
    published: str | None
    snippet: str


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A knowledge store in one SQLite file. Use `alliances.open(path)` to get one."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        """Open (creating and migrating) the store at `path`.

        With `read_only`, SQLite itself refuses writes (a `mode=ro` URI), the file must exist
        and its schema must already be current, since a read-only connection cannot migrate.
        The dashboard opens stores this way, so even a bug cannot change them.
        """
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.is_file():
            raise StoreError(
                f"{self.path}: no knowledge base here (build one with `alliances demo` "
                "or `alliances ingest`)"
            )
        try:
            if read_only:
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            if read_only:
                self._check_schema_is_current()
            else:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA foreign_keys=ON")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable alliances store ({exc})") from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        row = self.db.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return row[0] or 0

    @property
    def data_version(self) -> int:
        """Changes whenever another connection commits: a key for readers' caches."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def _check_schema_is_current(self) -> None:
        version = self.schema_version
        known = max(number for number, _, _ in MIGRATIONS)
        if version != known:
            raise StoreError(
                f"{self.path}: schema version {version}, this alliances needs {known}; "
                "run any writing command on it (e.g. `alliances ingest`) to migrate it"
            )

    def _migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        current = self.schema_version
        known = max(version for version, _, _ in MIGRATIONS)
        if current > known:
            raise StoreError(
                f"{self.path}: schema version {current} is newer than this alliances ({known})"
            )
        for version, description, script in MIGRATIONS:
            if version <= current:
                continue
            with self.transaction() as db:
                for statement in _statements(script):
                    db.execute(statement)
                db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, description, now())
                )

    # -- documents ----------------------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row is not None

    def add_document(
        self,
        document: Document,
        actors: Iterable[ActorRecord] = (),
        mentions: Iterable[MentionRecord] = (),
        facts: Iterable[Fact] = (),
    ) -> bool:
        """Store a document with what was extracted from it, in one transaction.

        Returns False, changing nothing, when the same text is already stored.
        """
        with self.transaction() as db:
            if db.execute("SELECT 1 FROM documents WHERE id = ?", (document.id,)).fetchone():
                return False
            db.execute(
                "INSERT INTO documents (id, sha256, title, source, authors, editor, published, "
                "url, path, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document.id,
                    document.sha256,
                    document.title,
                    document.source,
                    json.dumps(list(document.authors)),
                    document.editor,
                    document.published,
                    document.url,
                    document.path,
                    document.text,
                    now(),
                ),
            )
            self._upsert_actors(db, actors)
            db.executemany(
                'INSERT OR IGNORE INTO mentions (document_id, actor_id, start, "end", text) '
                "VALUES (?, ?, ?, ?, ?)",
                [(document.id, m.actor_id, m.start, m.end, m.text) for m in mentions],
            )
            self._insert_facts(db, facts)
        return True

    def documents(self) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT d.id, d.title, d.source, d.published, d.authors, d.path, "
            "length(d.text) AS chars, "
            "(SELECT count(*) FROM facts f WHERE f.document_id = d.id) AS facts "
            "FROM documents d ORDER BY d.published IS NULL, d.published, d.rowid"
        ).fetchall()

    def document(self, key: str) -> sqlite3.Row:
        """One document by id, sha256, a unique prefix of either (6+ characters), or file name.

        A file name matches the end of the stored path, so `show 000_0ba1f64b593a3d1d.txt`
        finds the document ingested from that file.
        """
        digest = key.removeprefix("sha256:").lower()
        rows = []
        if len(digest) >= 6 and all(c in "0123456789abcdef" for c in digest):
            rows = self.db.execute(
                "SELECT * FROM documents WHERE sha256 LIKE ? || '%' LIMIT 2", (digest,)
            ).fetchall()
        if not rows:
            rows = self.db.execute(
                "SELECT * FROM documents WHERE path = ? OR path LIKE '%/' || ? LIMIT 2", (key, key)
            ).fetchall()
        if not rows:
            raise StoreError(
                f"no document {key!r} in {self.path} (give an id of 6+ characters "
                "or the file name it was ingested from)"
            )
        if len(rows) > 1:
            raise StoreError(f"document {key!r} is ambiguous; give more characters")
        return rows[0]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search (FTS5 syntax) with highlighted snippets, best match first."""
        try:
            rows = self.db.execute(
                "SELECT d.id, d.title, d.published, "
                "snippet(documents_fts, 1, '[', ']', ' … ', 12) AS snippet "
                "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
                "WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from exc
        return [SearchHit(r["id"], r["title"], r["published"], r["snippet"]) for r in rows]

    # -- actors, mentions, facts --------------------------------------------------------------

    def add_actors(self, actors: Iterable[ActorRecord]) -> None:
        with self.transaction() as db:
            self._upsert_actors(db, actors)

    def actors(self) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT a.*, (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions "
            "FROM actors a ORDER BY a.id"
        ).fetchall()

    def mentions(self, document_id: str) -> list[sqlite3.Row]:
        return self.db.execute(
            'SELECT * FROM mentions WHERE document_id = ? ORDER BY start, "end"', (document_id,)
        ).fetchall()

    def add_facts(self, facts: Iterable[Fact]) -> int:
        """Add facts in one transaction; returns how many were new."""
        with self.transaction() as db:
            return self._insert_facts(db, facts)

    def facts(
        self, kind: str | None = None, document_id: str | None = None, dataset: str | None = None
    ) -> list[Fact]:
        clauses, params = [], []
        for column, value in (("kind", kind), ("document_id", document_id), ("dataset", dataset)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self.db.execute(f"SELECT * FROM facts {where} ORDER BY id", params).fetchall()
        return [_fact_from_row(row) for row in rows]

    # -- datasets -----------------------------------------------------------------------------

    def replace_dataset(
        self,
        name: str,
        version: str | None,
        citation: str,
        source: str,
        coverage: dict,
        facts: Iterable[Fact] = (),
    ) -> int:
        """Record a loaded dataset and replace its facts, all or nothing; returns the fact count."""
        with self.transaction() as db:
            db.execute("DELETE FROM facts WHERE dataset = ?", (name,))
            db.execute(
                "INSERT OR REPLACE INTO datasets VALUES (?, ?, ?, ?, ?, ?)",
                (name, version, citation, source, json.dumps(coverage, sort_keys=True), now()),
            )
            return self._insert_facts(db, facts)

    def datasets(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM datasets ORDER BY name").fetchall()

    # -- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _upsert_actors(db: sqlite3.Connection, actors: Iterable[ActorRecord]) -> None:
        db.executemany(
            "INSERT INTO actors (id, kind, name, aliases) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name",
            [(a.id, a.kind, a.name, json.dumps(list(a.aliases))) for a in actors],
        )

    @staticmethod
    def _insert_facts(db: sqlite3.Connection, facts: Iterable[Fact]) -> int:
        recorded = now()
        rows = [
            (
                f.fingerprint,
                f.kind,
                json.dumps(f.arguments, sort_keys=True),
                f.valid_from,
                f.valid_from_precision,
                f.valid_to,
                f.valid_to_precision,
                f.recorded_at or recorded,
                f.document_id,
                f.start,
                f.end,
                f.span_text,
                f.dataset,
                f.dataset_row,
                f.producer,
                f.producer_version,
                f.confidence,
            )
            for f in facts
        ]
        before = db.total_changes
        db.executemany(
            "INSERT OR IGNORE INTO facts (fingerprint, kind, arguments, valid_from, "
            "valid_from_precision, valid_to, valid_to_precision, recorded_at, document_id, start, "
            '"end", span_text, dataset, dataset_row, producer, producer_version, confidence) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return db.total_changes - before


def _fact_from_row(row: sqlite3.Row) -> Fact:
    return Fact(
        kind=row["kind"],
        arguments=json.loads(row["arguments"]),
        producer=row["producer"],
        producer_version=row["producer_version"],
        confidence=row["confidence"],
        valid_from=row["valid_from"],
        valid_from_precision=row["valid_from_precision"],
        valid_to=row["valid_to"],
        valid_to_precision=row["valid_to_precision"],
        document_id=row["document_id"],
        start=row["start"],
        end=row["end"],
        span_text=row["span_text"],
        dataset=row["dataset"],
        dataset_row=row["dataset_row"],
        recorded_at=row["recorded_at"],
    )


def _statements(script: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements, buffer = [], []
    for line in script.splitlines():
        code = line.split("--", 1)[0].rstrip()
        if not code:
            continue
        buffer.append(code)
        joined = "\n".join(buffer)
        if code.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            buffer = []
    return statements
