"""The web dashboard (`alliances serve`): network, metrics, actors, documents and claims.

Every page has a JSON twin at the same path plus `.json`. The app only reads.
"""

from alliances.web.app import create_app

__all__ = ["create_app"]
