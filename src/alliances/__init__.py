"""alliances: a living, source-grounded model of alliance systems and how they change."""

__version__ = "0.1.0"

from alliances.api import Alliances, extract_file, open  # noqa: E402

__all__ = ["Alliances", "__version__", "extract_file", "open"]
