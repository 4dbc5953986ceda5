"""What the dashboard reads from a knowledge base, cached until the file changes."""

from __future__ import annotations

import json
from collections import OrderedDict, defaultdict
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from alliances.facts import Fact
from alliances.store import Store
from alliances.system import System, build_system, get_region
from alliances.web.network import system_ties, timeline
from alliances.web.present import fact_row
from alliances.web.twin import script_json

CACHE_SIZE = 64


class Knowledge:
    """A read-only store and the views of it that pages share.

    Results are cached and dropped when another connection commits (SQLite's
    `PRAGMA data_version`), so a server left running sees re-ingested documents.
    """

    def __init__(self, store: Store, size: int = CACHE_SIZE) -> None:
        self.store = store
        self.size = size
        self._version: int | None = None
        self._cache: OrderedDict[Any, Any] = OrderedDict()

    def cached(self, key: Any, compute: Callable[[], Any]) -> Any:
        """`compute()`, remembered under `key` (the `size` most recently used are kept)."""
        version = self.store.data_version
        if version != self._version:
            self._cache.clear()
            self._version = version
        if key in self._cache:
            self._cache.move_to_end(key)
        else:
            self._cache[key] = compute()
            if len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return self._cache[key]

    def system(self) -> System:
        """The alliance system from the bundled reference and this knowledge base."""
        return self.cached("system", lambda: build_system(self.store))

    def timeline(self, region: str | None) -> dict:
        """The network's history within `region` (None: everywhere), positions fixed."""
        members = get_region(region).members if region else None
        return self.cached(("timeline", region), lambda: timeline(self.system(), members))

    def page_json(self, region: str | None) -> Markup:
        """The network's history as the page embeds it (serialised once)."""
        return self.cached(("page_json", region), lambda: script_json(self.timeline(region)))

    def ties_of(self, actor_id: str) -> list[dict]:
        """The system's ties that `actor_id` is part of, over all time, with their sources."""
        return self.cached(("ties_of", actor_id), lambda: system_ties(self.system(), actor_id))

    def names(self) -> dict[str, str]:
        """Actor id -> name, for the actors the store knows."""
        return self.cached("names", lambda: {r["id"]: r["name"] for r in self.store.actors()})

    def name(self, actor_id: str) -> str:
        return self.names().get(actor_id, actor_id)

    def actors(self) -> list[dict]:
        return self.cached(
            "actors",
            lambda: [
                {"id": r["id"], "kind": r["kind"], "name": r["name"], "mentions": r["mentions"]}
                for r in self.store.actors()
            ],
        )

    def facts(self) -> list[Fact]:
        """Every fact extracted from documents (dataset rows are the system's business)."""
        return self.cached(
            "facts", lambda: [f for f in self.store.facts() if f.document_id is not None]
        )

    def rows(self, facts: list[Fact]) -> list[dict]:
        return [fact_row(f, self.name) for f in facts]

    def documents(self) -> dict[str, dict]:
        """Document hex digest -> its metadata (no text), in publication order."""
        return self.cached("documents", self._documents)

    def _documents(self) -> dict[str, dict]:
        found = {}
        for row in self.store.documents():
            key = row["id"].removeprefix("sha256:")
            found[key] = {
                "id": key,
                "title": row["title"] or _file_name(row["path"]) or key[:12],
                "source": row["source"],
                "published": row["published"],
                "authors": json.loads(row["authors"]),
                "facts": row["facts"],
                "chars": row["chars"],
            }
        return found

    def mentioned_in(self) -> dict[str, list[str]]:
        """Actor id -> digests of the documents that mention it."""
        return self.cached("mentioned_in", self._mentioned_in)

    def _mentioned_in(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for key in self.documents():
            mentions = self.store.mentions(f"sha256:{key}")
            for actor_id in dict.fromkeys(m["actor_id"] for m in mentions):
                found[actor_id].append(key)
        return dict(found)


def _file_name(path: str | None) -> str | None:
    return path.replace("\\", "/").rsplit("/", 1)[-1] if path else None
