"""The knowledge store: one SQLite file of documents, actors, mentions, facts and datasets."""

from alliances.store.sqlite import Store, StoreError

__all__ = ["Store", "StoreError"]
