"""Event vocabularies shared by the text coder and the event-data loaders (PLOVER 2.0, CAMEO)."""

from alliances.events.codebook import PLOVER_TYPES, CameoCode, Codebook, PloverMapping, load

__all__ = ["PLOVER_TYPES", "CameoCode", "Codebook", "PloverMapping", "load"]
