"""Documents: reading files into normalised text with header metadata."""

from alliances.documents.model import Document, DocumentError
from alliances.documents.reading import SUPPORTED_SUFFIXES, find_files, read_document

__all__ = ["Document", "DocumentError", "SUPPORTED_SUFFIXES", "find_files", "read_document"]
