"""Events: dated, directed PLOVER 2.0 events coded from the pattern dictionary, per sentence.

There is no parser (no model weights), so a sentence is read from word order, clause boundaries
and cue words, all listed in `alliances/data/events/patterns.yaml`:

1. Triggers: the dictionary's phrases, matched once over the document's tokens. A trigger inside
   an actor's name is dropped; one after a determiner ("the attack") is a noun and counts only when
   the sentence has no verbal trigger.
2. Clauses: punctuation and boundary words ("after", "while", "unless", ...) cut the sentence. The
   first trigger of a clause is its event; a later one counts only when coordinated ("kidnapped ...
   and exploded ..."); the rest are embedded in it: "threatened to boycott" is THREATEN, "refused
   to deploy" REJECT, "demanded that they withdraw" REQUEST.
3. Intent and modality: an action under "will", "may", "plans to" ..., or after an intent phrase
   ("promised to", "is ready to"), is not coded as done: it becomes the intention (AGREE for
   cooperation, THREATEN for conflict, with the CAMEO code of that intention) and keeps its
   `modality`; an intention on a condition ("unless ...") is a threat. A negated trigger ("did not
   agree") is kept with `negated=True`; callers that want what happened leave such events out.
4. Actors: the source is the subject side (the first actor before the trigger that is not the
   object of a preposition), the target the first actor after it in the clause; in the passive
   ("was attacked by X") the roles swap. "X and Y", "X, Y and Z" and "X-Y" expand to one event
   per pair; adjacent mentions ("Japanese Prime Minister Ishiba") are one actor, the last one.
   With no named target, a domestic target ("demonstrators", "the opposition") is the source's
   own state.
5. Date: the date expression in the sentence nearest the trigger, else the publication date.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc

from alliances import gazetteer
from alliances.events import Codebook
from alliances.events import load as load_codebook
from alliances.extract import event_patterns
from alliances.extract.event_patterns import EventPattern, Lexicon
from alliances.extract.model import Event
from alliances.extract.pipeline import State

CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "--", "—", "–"})
SUBJECT_PUNCT = frozenset({";", ":", "--", "—", "–"})
COORDINATORS = frozenset({"and", "or", "but", "then"})
COMPOUND_JOINS = frozenset({"and", ",", "or", "&", "/", "-", "–"})
MODALITY_WINDOW = 4
NEGATION_WINDOW = 3


@dataclass(frozen=True)
class Trigger:
    """A dictionary match: tokens [start, end) of the document."""

    start: int
    end: int
    pattern: EventPattern


@dataclass(frozen=True)
class Span:
    """An actor mention as tokens [start, end), with its actor id."""

    start: int
    end: int
    char_start: int
    char_end: int
    actor: str


class EventExtractor:
    """Pipeline component: fills `extraction.events` and the "events" slot."""

    name = "events"
    requires = ("sentences", "tokens", "mentions")
    assigns = ("events",)

    def __init__(self, lexicon: Lexicon | None = None, codebook: Codebook | None = None) -> None:
        self.lexicon = lexicon or event_patterns.load()
        self.codebook = codebook or load_codebook()
        self._matchers: dict[int, object] = {}

    def __call__(self, state: State) -> None:
        events = list(
            self.extract(
                state.slots["tokens"],
                state.slots["sentences"],
                state.slots["mentions"],
                state.slots.get("dates", ()),
                state.document.published_date,
            )
        )
        state.extraction.events.extend(events)
        state.slots["events"] = events

    def extract(
        self,
        doc: Doc,
        sentences: Sequence,
        mentions: Sequence,
        dates: Sequence = (),
        published: str | None = None,
    ) -> Iterator[Event]:
        """The events of a tokenised text, given its sentences, resolved mentions and dates."""
        if len(doc) == 0:
            return
        starts = doc.to_array([IDX]).reshape(-1)
        spans = _mention_spans(mentions, starts)
        triggers = self._triggers(doc, spans)
        if not triggers:
            return
        trigger_starts = [t.start for t in triggers]
        span_starts = [s.start for s in spans]
        for sentence in sentences:
            first = int(np.searchsorted(starts, sentence.start, "left"))
            last = int(np.searchsorted(starts, sentence.end, "left"))
            lo, hi = (bisect.bisect_left(trigger_starts, first),
                      bisect.bisect_left(trigger_starts, last))  # fmt: skip
            if lo == hi:
                continue
            reader = _SentenceReader(
                self, doc, first, last,
                spans[bisect.bisect_left(span_starts, first):bisect.bisect_left(span_starts, last)],
            )  # fmt: skip
            in_sentence = [d for d in dates if sentence.start <= d.start < sentence.end]
            for event in reader.events(triggers[lo:hi]):
                event.date, event.precision = _date_for(event.start, in_sentence, published)
                yield event

    def _triggers(self, doc: Doc, spans: Sequence[Span]) -> list[Trigger]:
        """Non-overlapping matches, longest first, outside actor mentions, in text order."""
        matcher = self._matchers.get(id(doc.vocab))
        if matcher is None:
            matcher = self._matchers[id(doc.vocab)] = self.lexicon.matcher(doc.vocab)
        taken = np.zeros(len(doc), dtype=bool)
        for span in spans:
            taken[span.start : span.end] = True
        kept = []
        for match_id, start, end in sorted(matcher(doc), key=lambda m: (m[1] - m[2], m[1])):
            if taken[start:end].any():
                continue
            taken[start:end] = True
            kept.append(
                Trigger(start, end, self.lexicon.patterns[int(doc.vocab.strings[match_id])])
            )
        return sorted(kept, key=lambda t: t.start)


class _SentenceReader:
    """The word-order reading of one sentence (tokens [first, last) of the document)."""

    def __init__(
        self, extractor: EventExtractor, doc: Doc, first: int, last: int, spans: list[Span]
    ) -> None:
        self.lexicon = extractor.lexicon
        self.codebook = extractor.codebook
        self.doc = doc
        self.first, self.last = first, last
        self.words = [token.lower_ for token in doc[first:last]]
        self.spans = [s for s in spans if not s.actor.startswith("place:")]
        cues = self.lexicon.cues
        self.clause_cuts = [
            i for i in range(first, last)
            if self.word(i) in CLAUSE_PUNCT or self.word(i) in cues["boundary"]
        ]  # fmt: skip
        self.subject_cuts = [
            i for i in range(first, last)
            if self.word(i) in SUBJECT_PUNCT or self.word(i) in cues["boundary"]
        ]  # fmt: skip

    def word(self, i: int) -> str:
        return self.words[i - self.first] if self.first <= i < self.last else ""

    def _before(self, i: int, n: int) -> list[str]:
        return [self.word(k) for k in range(max(self.first, i - n), i)]

    # ---- clauses and the main triggers -------------------------------------------------------

    def clause(self, trigger: Trigger) -> tuple[int, int]:
        """Tokens [start, end) of the clause around a trigger."""
        k = bisect.bisect_left(self.clause_cuts, trigger.start)
        start = self.clause_cuts[k - 1] + 1 if k else self.first
        k = bisect.bisect_left(self.clause_cuts, trigger.end)
        end = self.clause_cuts[k] if k < len(self.clause_cuts) else self.last
        return start, end

    def nominal(self, trigger: Trigger) -> bool:
        return self.word(trigger.start - 1) in self.lexicon.cues["determiner"]

    def coordinated(self, trigger: Trigger) -> bool:
        return any(w in COORDINATORS for w in self._before(trigger.start, 2))

    def events(self, triggers: list[Trigger]) -> Iterator[Event]:
        verbal = [t for t in triggers if not self.nominal(t)]
        candidates = verbal or triggers
        seen: dict[tuple[int, int], Trigger] = {}
        for trigger in candidates:
            clause = self.clause(trigger)
            if clause not in seen:
                seen[clause] = trigger
            elif not self.coordinated(trigger):
                continue
            followers = [t for t in triggers if t.start >= trigger.end and t.end <= clause[1]]
            yield from self._code(trigger, clause, followers)

    # ---- coding one trigger -------------------------------------------------------------------

    def _code(
        self, trigger: Trigger, clause: tuple[int, int], followers: list[Trigger]
    ) -> Iterator[Event]:
        lexicon = self.lexicon
        pattern = trigger.pattern
        event_type, cameo, modality = pattern.type, pattern.cameo, None
        if pattern.intent:
            modality = "intent"
            action = next(
                (f for f in followers if f.pattern.type in lexicon.intent and not f.pattern.intent),
                None,
            )
            if action is not None:
                event_type, cameo = lexicon.intent[action.pattern.type]
        else:
            window = self._before(trigger.start, MODALITY_WINDOW)[-(trigger.start - clause[0]) :]
            cue = next((w for w in reversed(window) if w in lexicon.cues["modality"]), None)
            if cue is not None and trigger.start > clause[0]:
                modality = cue
                if event_type in lexicon.intent:
                    event_type, cameo = lexicon.intent[event_type]
        if modality and any(
            self.word(i) in lexicon.cues["condition"] for i in range(trigger.end, self.last)
        ):
            event_type, cameo = lexicon.condition
        negation = self._before(trigger.start, NEGATION_WINDOW)[-(trigger.start - clause[0]) :]
        negated = trigger.start > clause[0] and any(w in lexicon.cues["negation"] for w in negation)

        sources, targets = self._actors(trigger, clause)
        target_ids = [t.actor for t in targets]
        if not target_ids and self._domestic(trigger, clause):
            target_ids = [s.actor for s in sources if _is_state(s.actor)]
        doc_start = self.doc[trigger.start].idx
        doc_end = self.doc[trigger.end - 1].idx + len(self.doc[trigger.end - 1])
        start = min([doc_start, *(s.char_start for s in sources + targets)])
        end = max([doc_end, *(s.char_end for s in sources + targets)])
        row = self.codebook.cameo(cameo)
        for source in [s.actor for s in sources] or [None]:
            for target in target_ids or [None]:
                yield Event(
                    source=source,
                    target=target,
                    type=event_type,
                    date=None,
                    precision=None,
                    start=start,
                    end=end,
                    text=self.doc.text[start:end],
                    cameo=cameo,
                    goldstein=row.goldstein if row else self.codebook.plover_score(event_type),
                    quad_class=row.quad_class if row else self.codebook.quad_class(event_type),
                    negated=negated,
                    modality=modality,
                )

    # ---- actors -----------------------------------------------------------------------------

    def _actors(self, trigger: Trigger, clause: tuple[int, int]) -> tuple[list[Span], list[Span]]:
        """(sources, targets) of a trigger, by voice."""
        subject = self._subject(trigger)
        if self._passive(trigger):
            by = next((i for i in range(trigger.end, clause[1]) if self.word(i) == "by"), None)
            agent = self._first_after(by + 1, clause[1]) if by is not None else []
            return agent, subject
        return subject, self._first_after(trigger.end, clause[1])

    def _passive(self, trigger: Trigger) -> bool:
        if self.word(trigger.start) not in self.lexicon.participles:
            return False
        return any(w in self.lexicon.cues["passive"] for w in self._before(trigger.start, 3))

    def _subject(self, trigger: Trigger) -> list[Span]:
        """The first actor before the trigger, in its clause, that no preposition governs; else
        the nearest actor before it; with what is coordinated with it."""
        k = bisect.bisect_left(self.subject_cuts, trigger.start)
        region = self.subject_cuts[k - 1] + 1 if k else self.first
        before = [s for s in self.spans if s.end <= trigger.start]
        candidates = [s for s in before if s.start >= region] or before
        if not candidates:
            return []
        prepositions = self.lexicon.cues["preposition"]
        free = [s for s in candidates if not set(self._before(s.start, 2)) & prepositions]
        return self._compound(free[0] if free else candidates[-1], limit=trigger.start)

    def _first_after(self, start: int, end: int) -> list[Span]:
        after = next((s for s in self.spans if s.start >= start and s.end <= end), None)
        return self._compound(after, limit=end) if after else []

    def _compound(self, head: Span, limit: int) -> list[Span]:
        """`head` with the mentions coordinated with it ("X and Y", "X, Y and Z", "X-Y");
        a run of adjacent mentions counts as its last one."""
        index = self.spans.index(head)
        group = [head]
        for span in self.spans[index + 1 :]:
            if span.end > limit:
                break
            between = self.words[group[-1].end - self.first : span.start - self.first]
            if not between:
                group[-1] = span
            elif len(between) <= 2 and set(between) <= COMPOUND_JOINS:
                group.append(span)
            else:
                break
        unique = {s.actor: s for s in group}
        return list(unique.values())

    def _domestic(self, trigger: Trigger, clause: tuple[int, int]) -> bool:
        domestic = self.lexicon.cues["domestic"]
        return any(self.word(i) in domestic for i in range(trigger.end, clause[1]))


def _is_state(actor: str) -> bool:
    return len(actor) == 3 and actor.isalpha() and actor.isupper()


def _mention_spans(mentions: Iterable, starts: np.ndarray) -> list[Span]:
    spans = []
    for m in mentions:
        first = int(np.searchsorted(starts, m.start, "right")) - 1
        last = int(np.searchsorted(starts, m.end, "left"))
        if m.actor_id and last > first >= 0:
            spans.append(Span(first, last, m.start, m.end, m.actor_id))
    return sorted(spans, key=lambda s: s.start)


def _date_for(
    position: int, dates: Sequence, published: str | None
) -> tuple[str | None, str | None]:
    """The date mention nearest `position`, else the publication day."""
    if dates:
        nearest = min(dates, key=lambda d: abs(d.start - position))
        return nearest.value, nearest.precision
    return (published, "day") if published else (None, None)


def actor_country(actor: str | None, day: str | None = None) -> str | None:
    """The state (or organisation) a person acts for, from the gazetteer's roles: the role held
    on `day` when one is, else the latest one; any other id is returned as it is."""
    if not actor or not actor.startswith("person:"):
        return actor
    entry = gazetteer.load().get(actor)
    roles = [r for r in (entry.roles if entry else ()) if r.state or r.org]
    if not roles:
        return actor
    current = [r for r in roles if day and r.holds_on(day)]
    role = (current or sorted(roles, key=lambda r: r.start))[-1]
    return role.state or role.org


def sentence_events(text: str, published: str | None = None) -> list[dict]:
    """The events a text reports as done, actors at state level: [{source, target, type}].

    Runs the default pipeline on `text`; negated events are left out, a person is replaced by
    the state (or organisation) it acts for, and repeated triples are given once.
    """
    from alliances.documents import Document
    from alliances.extract import extract

    extraction = extract(Document(text=text, published=published))
    rows: list[dict] = []
    for event in extraction.events:
        if event.negated:
            continue
        row = {
            "source": actor_country(event.source, event.date),
            "target": actor_country(event.target, event.date),
            "type": event.type,
        }
        if row not in rows:
            rows.append(row)
    return rows
