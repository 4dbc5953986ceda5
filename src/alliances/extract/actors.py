"""The actors component: gazetteer mentions and people, resolved to canonical ids.

Assigns slot "mentions" (ResolvedMention list, sorted by start) and fills `extraction.actors`.
States, organisations and places come from one PhraseMatcher pass over the gazetteer forms
(`matching.py`); each state in a hyphenated chain ("US-Japan-India-Australia") is its own token
run and so its own mention. Organisations the gazetteer lacks come from `orgnames.py` and
people from `people.py`. The publication date anchors titles
("the US President"), unless the sentence names a year ("In 2015, ..."); an undated document
gets title-only resolution only from such a year, because guessing its date from the text
would put the wrong person in office too often.
"""

from __future__ import annotations

from functools import cache
from operator import itemgetter
from typing import NamedTuple

from spacy.tokens import Doc

from alliances.extract.matching import FormMatcher, PhraseGroups, token_bounds
from alliances.extract.model import Actor, Mention
from alliances.extract.orgnames import OrganisationNames
from alliances.extract.people import People
from alliances.extract.pipeline import State
from alliances.extract.text import blank_english
from alliances.gazetteer import Gazetteer, load


class ResolvedMention(NamedTuple):
    """A span of the text that refers to an actor: `text == document.text[start:end]`.

    A NamedTuple, like `Match` and `PersonMention`: there is one per mention, and a tuple is
    made in about half the time of a frozen dataclass."""

    start: int
    end: int
    text: str
    actor_id: str
    kind: str  # state | organisation | person | place


class Resolver:
    """The matchers built from the gazetteer; build once, use on many documents."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.phrases = PhraseGroups(blank_english().vocab)
        self.forms = FormMatcher(
            list(gazetteer.entries.values()), self.phrases, gazetteer.generic_organs
        )
        self.organisations = OrganisationNames()
        self.people = People(gazetteer, self.phrases)

    def __call__(
        self, doc: Doc, text: str, date: str | None
    ) -> tuple[list[ResolvedMention], dict[str, str]]:
        """Mentions in `doc` (of `text`), and the names of people not in the gazetteer by id."""
        bounds = token_bounds(doc)
        phrases = self.phrases(doc)
        matches = self.forms(phrases, text, bounds)
        organisations = self.organisations(doc, text, matches)
        if organisations:  # a new organisation's name holds no state ("Korea Institute ...")
            inside = {i for m, _ in organisations for i in range(m.start, m.end)}
            matches = [m for m in matches if inside.isdisjoint(range(m.start, m.end))]
            matches.extend(m for m, _ in organisations)
        people = self.people(doc, text, bounds, matches, date, phrases)
        spans = [  # (first token, end token, actor id)
            (m.start, m.end, m.actor_id) for m in matches if not m.actor_id.startswith("person:")
        ]
        spans.extend((p.start, p.end, p.actor_id) for p in people)
        new_names = {p.actor_id: p.name for p in people if p.name is not None}
        new_names.update((m.actor_id, name) for m, name in organisations)
        spans.sort(key=itemgetter(0, 1))
        mentions = []
        entries = self.gazetteer.entries
        firsts, ends = bounds
        for first_token, end_token, actor_id in spans:
            start, end = firsts[first_token], ends[end_token - 1]
            entry = entries.get(actor_id)
            if entry is not None:
                kind = entry.kind
            else:
                kind = "organisation" if actor_id.startswith("org:") else "person"
            mentions.append(ResolvedMention(start, end, text[start:end], actor_id, kind))
        return mentions, new_names


@cache
def default_resolver() -> Resolver:
    """The resolver over the bundled gazetteer, built once per process."""
    return Resolver(load())


class Actors:
    """Assigns slot "mentions" and fills `extraction.actors` (one Actor per id, in text order)."""

    name = "actors"
    requires = ("tokens",)
    assigns = ("mentions",)

    def __init__(self, resolver: Resolver | None = None) -> None:
        self.resolver = resolver or default_resolver()

    def __call__(self, state: State) -> None:
        mentions, new_names = self.resolver(
            state.slots["tokens"], state.text, state.document.published_date
        )
        state.slots["mentions"] = mentions
        actors: dict[str, Actor] = {}
        for m in mentions:
            actor = actors.get(m.actor_id)
            if actor is None:
                entry = self.resolver.gazetteer.get(m.actor_id)
                name = entry.name if entry is not None else new_names.get(m.actor_id, m.text)
                actor = actors[m.actor_id] = Actor(m.actor_id, m.kind, name)
            actor.mentions.append(Mention(m.start, m.end, m.text))
        state.extraction.actors = list(actors.values())
