"""The document record shared by ingestion, extraction and the store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


class DocumentError(ValueError):
    """A file that cannot become a document; the message names the file and the problem."""


@dataclass(frozen=True)
class Document:
    """A normalised text with its header metadata.

    `text` is what every span offset indexes; `id` is derived from it, so the same text read
    from two places is the same document.
    """

    text: str
    title: str | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    editor: str | None = None
    published: str | None = None
    url: str | None = None
    path: str | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def id(self) -> str:
        return f"sha256:{self.sha256}"

    @property
    def published_date(self) -> str | None:
        """The publication day (YYYY-MM-DD), the anchor for relative dates."""
        return self.published[:10] if self.published else None

    def metadata(self) -> dict:
        """The `document` block of the extraction schema."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "authors": list(self.authors),
            "editor": self.editor,
            "published": self.published,
            "url": self.url,
            "path": self.path,
        }
