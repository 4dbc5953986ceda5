"""The SQLite knowledge store: schema, transactions, idempotent writes, search."""

from __future__ import annotations

import sqlite3

import pytest

from alliances.documents import Document
from alliances.facts import ActorRecord, Fact, MentionRecord
from alliances.store import Store, StoreError
from alliances.store.schema import MIGRATIONS


def doc(text="Japan and the United States met in Tokyo.", **fields):
    return Document(text=text, path="/tmp/a.txt", **fields)


def span_fact(document, start, end, **arguments):
    return Fact(
        kind="quantity",
        arguments=arguments,
        producer="test",
        producer_version="1",
        document_id=document.id,
        start=start,
        end=end,
        span_text=document.text[start:end],
    )


def test_new_store_is_wal_with_foreign_keys_and_current_schema(db_path):
    with Store(db_path) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.schema_version == max(v for v, _, _ in MIGRATIONS)


def test_reopening_does_not_migrate_again(db_path):
    Store(db_path).close()
    with Store(db_path) as store:
        rows = store.db.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
    assert rows == len(MIGRATIONS)


def test_newer_schema_is_refused(db_path):
    Store(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'now')")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="schema version 999 is newer"):
        Store(db_path)


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db: not a usable alliances store"):
        Store(path)


def test_same_text_twice_changes_nothing(db_path):
    document = doc()
    fact = span_fact(document, 0, 5, value=1)
    with Store(db_path) as store:
        assert store.add_document(
            document,
            [ActorRecord("JPN", "state", "Japan")],
            [MentionRecord("JPN", 0, 5, "Japan")],
            [fact],
        )
        assert not store.add_document(document, facts=[fact])
        assert store.add_facts([fact]) == 0
        counts = [
            store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "facts", "mentions", "actors")
        ]
    assert counts == [1, 1, 1, 1]


def test_failed_write_leaves_nothing(db_path):
    document = doc()
    bad_mention = MentionRecord("UNKNOWN-ACTOR", 0, 5, "Japan")  # violates the actor foreign key
    with Store(db_path) as store:
        with pytest.raises(sqlite3.IntegrityError):
            store.add_document(document, mentions=[bad_mention])
        assert store.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
        assert store.search("Japan") == []


def test_fact_needs_provenance_and_valid_kind():
    with pytest.raises(ValueError, match="provenance"):
        Fact(kind="tie", arguments={}, producer="t", producer_version="1")
    with pytest.raises(ValueError, match="fact kind"):
        Fact(kind="rumour", arguments={}, producer="t", producer_version="1", dataset="x")


def test_search_highlights_and_ranks(db_path):
    with Store(db_path) as store:
        store.add_document(doc("Marines move from Okinawa to Guam.", title="Guam"))
        store.add_document(doc("Budget talks in Tokyo.", title="Budget"))
        hits = store.search("Guam")
        assert [h.title for h in hits] == ["Guam"]
        assert "[Guam]" in hits[0].snippet
        with pytest.raises(StoreError, match="bad search query"):
            store.search('"unbalanced')


def test_document_lookup_by_prefix_and_file_name(db_path):
    document = doc()
    with Store(db_path) as store:
        store.add_document(document)
        assert store.document(document.sha256[:8])["id"] == document.id
        assert store.document(document.id)["id"] == document.id
        assert store.document("a.txt")["id"] == document.id
        with pytest.raises(StoreError, match="no document"):
            store.document("ffffff0")


def test_replace_dataset_is_all_or_nothing(db_path):
    good = Fact(
        kind="tie",
        arguments={"a": 1},
        producer="t",
        producer_version="1",
        dataset="atop",
        dataset_row="1",
    )
    with Store(db_path) as store:
        assert store.replace_dataset("atop", "5.1", "Leeds et al.", "/x", {"rows": 1}, [good]) == 1
        broken = Fact(
            kind="tie",
            arguments={"a": 2},
            producer="t",
            producer_version="1",
            dataset="missing-dataset",
            dataset_row="1",
        )
        with pytest.raises(sqlite3.IntegrityError):
            store.replace_dataset("atop", "5.2", "Leeds", "/y", {}, [broken])
        assert [f.arguments for f in store.facts(dataset="atop")] == [{"a": 1}]
        assert store.datasets()[0]["version"] == "5.1"


def test_read_only_store_reads_but_cannot_write(db_path):
    with Store(db_path) as store:
        store.add_document(doc())
    with Store(db_path, read_only=True) as reader:
        assert len(reader.documents()) == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.add_document(doc("Another text."))
    with pytest.raises(StoreError, match="no knowledge base here"):
        Store(db_path.with_name("absent.db"), read_only=True)
