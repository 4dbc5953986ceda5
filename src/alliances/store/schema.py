"""The knowledge store's schema, as forward migrations.

Each migration is a list of statements applied in one transaction; `schema_migrations` records
which have run. Add a migration to change the schema; never edit one that has shipped.
"""

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "documents, actors, mentions, facts, datasets",
        """
        CREATE TABLE documents (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,              -- 'sha256:<hex of text>'
            sha256 TEXT NOT NULL UNIQUE,
            title TEXT,
            source TEXT,
            authors TEXT NOT NULL DEFAULT '[]',   -- JSON list
            editor TEXT,
            published TEXT,                       -- ISO date or datetime
            url TEXT,
            path TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='rowid', tokenize='porter unicode61'
        );
        CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;

        CREATE TABLE actors (
            id TEXT PRIMARY KEY,                  -- ISO3, org:slug, person:slug, place:slug
            kind TEXT NOT NULL CHECK (kind IN ('state', 'organisation', 'person', 'place')),
            name TEXT NOT NULL,
            aliases TEXT NOT NULL DEFAULT '[]'    -- JSON list
        );

        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            actor_id TEXT NOT NULL REFERENCES actors(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            UNIQUE (document_id, actor_id, start, "end")
        );
        CREATE INDEX mentions_actor ON mentions(actor_id);

        CREATE TABLE datasets (
            name TEXT PRIMARY KEY,                -- 'atop', 'nmc', 'sipri', 'gdelt', 'ties:<file>'
            version TEXT,
            citation TEXT NOT NULL,
            source TEXT NOT NULL,                 -- file or directory it was loaded from
            coverage TEXT NOT NULL DEFAULT '{}',  -- JSON: years, states, rows
            loaded_at TEXT NOT NULL
        );

        CREATE TABLE facts (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL UNIQUE,     -- hash of what the fact says and where from
            kind TEXT NOT NULL CHECK (kind IN ('tie', 'event', 'quantity', 'claim')),
            arguments TEXT NOT NULL,              -- JSON object
            valid_from TEXT,
            valid_from_precision TEXT CHECK (valid_from_precision IN ('day', 'month', 'year')),
            valid_to TEXT,
            valid_to_precision TEXT CHECK (valid_to_precision IN ('day', 'month', 'year')),
            recorded_at TEXT NOT NULL,
            document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER,
            "end" INTEGER,
            span_text TEXT,
            dataset TEXT REFERENCES datasets(name) ON DELETE CASCADE,
            dataset_row TEXT,
            producer TEXT NOT NULL,
            producer_version TEXT NOT NULL,
            confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
            CHECK ((document_id IS NOT NULL AND start IS NOT NULL AND "end" IS NOT NULL)
                   OR dataset IS NOT NULL)
        );
        CREATE INDEX facts_kind ON facts(kind);
        CREATE INDEX facts_document ON facts(document_id);
        """,
    ),
]
