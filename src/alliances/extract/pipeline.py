"""The extraction pipeline: small components, each declaring what it needs and what it adds.

A component is an object with `name`, `requires` and `assigns` (tuples of slot names) and a
`__call__(state)` that fills its slots on the shared `State`. `Pipeline` checks at construction
that every slot a component requires is assigned by an earlier one, as spaCy does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from alliances.documents import Document
from alliances.extract.model import Extraction


class Component(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, state: State) -> None: ...


@dataclass
class State:
    """What the components share while reading one document."""

    document: Document
    extraction: Extraction
    slots: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.document.text


class PipelineError(ValueError):
    """A pipeline whose components are in an order that cannot run."""


class Pipeline:
    def __init__(self, components: list[Component]) -> None:
        available = {"text"}
        for component in components:
            missing = [slot for slot in component.requires if slot not in available]
            if missing:
                raise PipelineError(
                    f"component {component.name!r} requires {missing}, "
                    "which no earlier component assigns"
                )
            available.update(component.assigns)
        self.components = components

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def __call__(self, document: Document) -> Extraction:
        state = State(document=document, extraction=Extraction(document=document))
        for component in self.components:
            component(state)
        return state.extraction


def default_pipeline() -> Pipeline:
    """The default, deterministic pipeline (no model weights)."""
    from alliances.extract.actors import Actors
    from alliances.extract.claims import Claims
    from alliances.extract.dates import DatesComponent
    from alliances.extract.events import EventExtractor
    from alliances.extract.quantities import QuantitiesComponent
    from alliances.extract.text import Sentences, Tokens
    from alliances.extract.ties import Ties

    return Pipeline(
        [
            Sentences(),
            Tokens(),
            Actors(),
            DatesComponent(),
            QuantitiesComponent(),
            Claims(),
            Ties(),
            EventExtractor(),
        ]
    )
