"""The word-order reading of one sentence: which triggers are its events, with which actors.

Used by `alliances.extract.events` (whose docstring gives the rules); split out so that the
component (matching, document bookkeeping) and the grammar of a sentence stay small apart.
Words are compared as spaCy LOWER hashes; cue words come from the pattern dictionary.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING, NamedTuple

from spacy.strings import hash_string
from spacy.tokens import Doc

from alliances import gazetteer
from alliances.extract.event_patterns import EventPattern, hashes
from alliances.extract.model import Event
from alliances.extract.text import Sentence

if TYPE_CHECKING:
    from alliances.extract.events import EventExtractor

COORDINATORS = hashes(("and", "or", "but", "then"))
COMPOUND_JOINS = hashes(("and", ",", "or", "&", "/", "-", "–", "the", "both"))
THE, BY, TO, COMMA = (hash_string(w) for w in ("the", "by", "to", ","))
MODALITY_WINDOW = 4
NEGATION_WINDOW = 3
DOMESTIC_WINDOW = 5
ATTRIBUTION_WINDOW = 6
_ORGANISATION_WORDS = (
    r"Organi[sz]ation|Office|Council|Committee|Community|Union|League|Association|Front"
    r"|Movement|Agency|Commission|Programme|Program|Fund|Watch|International|Federation"
    r"|Forum|Court|Tribunal|Institute|Red Cross|Red Crescent"
)
# What each organisation word holds literally ("Organi" for "Organi[sz]ation"): a sentence with
# none of them names no organisation, and its costly search is skipped.
_ORGANISATION_LITERALS = tuple(w.split("[")[0] for w in _ORGANISATION_WORDS.split("|"))
_ORGANISATION = re.compile(
    r"\b(?!The\b)(?:[A-Z][\w'’&.-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){0,6}"
    rf"(?:{_ORGANISATION_WORDS})\b"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3})?"
)
_SLUG = re.compile(r"[^a-z0-9]+")


class Trigger(NamedTuple):
    """A dictionary match: tokens [start, end) of the document."""

    start: int
    end: int
    pattern: EventPattern


class Span(NamedTuple):
    """An actor mention as tokens [start, end), with its actor id."""

    start: int
    end: int
    char_start: int
    char_end: int
    actor: str


@dataclass(frozen=True)
class TokenView:
    """A document's tokens as the reader needs them: LOWER hashes, character offsets and the
    sorted positions of cue words (outside actor names where a name could hold one)."""

    doc: Doc
    text: str
    words: list[int]  # LOWER hash of each token
    starts: list[int]  # character offset of each token
    ends: list[int]
    clause_cuts: list[int]
    subject_cuts: list[int]
    subordinators: list[int]
    commas: list[int]
    conditions: list[int]
    reporting: list[int]


class SentenceReader:
    """The word-order reading of one sentence (tokens [first, last) of the document); words are
    compared as spaCy LOWER hashes."""

    def __init__(
        self,
        extractor: EventExtractor,
        view: TokenView,
        bounds: tuple[int, int],
        spans: list[Span],
        sentence: Sentence,
    ) -> None:
        self.lexicon = extractor.lexicon
        self.codebook = extractor.codebook
        self.cues = extractor.cues
        self.doc, self.text = view.doc, view.text
        self.starts, self.ends = view.starts, view.ends
        self.first, self.last = first, last = bounds
        self.words = view.words[first:last]
        self.spans = [s for s in spans if not s.actor.startswith("place:")]
        self.sentence = sentence
        self.span_ends = {s.end for s in self.spans}
        prepositions = self.cues["preposition"]
        self.governed = {  # starts of the actors that a preposition governs ("in Iraq")
            s.start for s in self.spans if not prepositions.isdisjoint(self._before(s.start, 2))
        }
        self.clause_cuts = within(view.clause_cuts, bounds)
        self.subject_cuts = within(view.subject_cuts, bounds)
        self.commas = within(view.commas, bounds)
        self.conditions = within(view.conditions, bounds)
        self.reporting = within(view.reporting, bounds)
        self.background = self._background(within(view.subordinators, bounds))

    def word(self, i: int) -> int:
        return self.words[i - self.first] if self.first <= i < self.last else 0

    def _before(self, i: int, n: int, floor: int | None = None) -> list[int]:
        """The words of the n tokens before token i, from `floor` and the sentence start on
        (a slice: the callers only test these words against cue sets)."""
        start = max(self.first, floor or 0, i - n)
        return self.words[start - self.first : i - self.first] if start < i else []

    def _background(self, subordinators: list[int]) -> list[tuple[int, int]]:
        """Token ranges [start, end) that give background, not the sentence's news: from the
        first subordinating word to the end (up to the first comma when the sentence opens with
        it), a participle clause after a comma (", killing ..."), and a closing attribution
        (", officials said on Monday")."""
        commas = self.commas
        ranges = []
        if subordinators and subordinators[0] == self.first:
            ranges.append((self.first, next(iter(commas), self.last)))
        elif subordinators:
            ranges.append((subordinators[0], self.last))
        participle = next((i for i in commas if self._gerund(i + 1)), None)
        if participle is not None:
            ranges.append((participle, self.last))
        if commas and self.reporting and self.reporting[-1] >= self.last - ATTRIBUTION_WINDOW:
            ranges.append((commas[-1], self.last))
        return ranges

    def _gerund(self, i: int) -> bool:
        """Whether token i of the sentence ends in "ing" (its text, lower-cased as spaCy's
        LOWER is, read from the text: no Token object is made)."""
        return i < self.last and self.text[self.starts[i] : self.ends[i]].lower().endswith("ing")

    # ---- clauses and the main triggers -------------------------------------------------------

    def clause(self, trigger: Trigger) -> tuple[int, int]:
        """Tokens [start, end) of the clause around a trigger."""
        k = bisect.bisect_left(self.clause_cuts, trigger.start)
        start = self.clause_cuts[k - 1] + 1 if k else self.first
        k = bisect.bisect_left(self.clause_cuts, trigger.end)
        end = self.clause_cuts[k] if k < len(self.clause_cuts) else self.last
        return start, end

    def nominal(self, trigger: Trigger) -> bool:
        """A trigger used as a noun phrase after a determiner ("a suspension of", "the
        attack"): an event only when the sentence has no verb trigger."""
        return self.word(trigger.start - 1) in self.cues["determiner"]

    def plural_noun(self, trigger: Trigger) -> bool:
        """An -s form that no actor or pronoun precedes is a plural noun, never the event
        ("atomic bombs", "including attacks"; "Japan protests" is a verb)."""
        return self.word(trigger.start) in self.cues["third_person"] and not (
            trigger.start in self.span_ends or self.word(trigger.start - 1) in self.cues["pronoun"]
        )

    def coordinated(self, trigger: Trigger) -> bool:
        return any(w in COORDINATORS for w in self._before(trigger.start, 2))

    def in_background(self, trigger: Trigger) -> bool:
        return any(start <= trigger.start < end for start, end in self.background)

    def events(self, triggers: list[Trigger]) -> list[Event]:
        """The sentence's events: from verbs of the main part, else its nouns, else background
        verbs, else background nouns; one trigger's events per (source, type), preferring a
        trigger that names a target."""
        groups: dict[tuple[bool, bool], list[Trigger]] = {}
        for trigger in triggers:
            if self.plural_noun(trigger):
                continue
            rank = (self.in_background(trigger), self.nominal(trigger))
            groups.setdefault(rank, []).append(trigger)
        coded: list[list[Event]] = []
        seen: dict[tuple[int, int], list[Span]] = {}
        for trigger in groups[min(groups)] if groups else ():
            clause = self.clause(trigger)
            if clause in seen and not self.coordinated(trigger):
                continue
            subject = seen.get(clause)
            events, sources = self._code(trigger, clause, triggers, subject)
            seen.setdefault(clause, sources)
            coded.append(events)
        owner: dict[tuple[str | None, str], int] = {}
        for index, events in enumerate(coded):
            named = any(e.target for e in events)
            for key in {(e.source, e.type) for e in events}:
                if key not in owner or (named and not any(e.target for e in coded[owner[key]])):
                    owner[key] = index
        return [
            e for index, events in enumerate(coded) for e in events
            if owner[(e.source, e.type)] == index
        ]  # fmt: skip

    # ---- coding one trigger -------------------------------------------------------------------

    def _code(
        self,
        trigger: Trigger,
        clause: tuple[int, int],
        triggers: list[Trigger],
        subject: list[Span] | None,
    ) -> tuple[list[Event], list[Span]]:
        """The events of one trigger (one per source-target pair) and its sources; the
        sentence's `triggers` give the action an intent phrase announces."""
        lexicon, cues = self.lexicon, self.cues
        pattern = trigger.pattern
        event_type, cameo, modality = pattern.type, pattern.cameo, None
        action_type = event_type
        if pattern.intent:
            modality = "intent"
            action = next(
                (f for f in triggers
                 if f.start >= trigger.end and f.end <= clause[1]
                 and f.pattern.type in lexicon.intent and not f.pattern.intent),
                None,
            )  # fmt: skip
            if action is not None:
                action_type = action.pattern.type
                event_type, cameo = lexicon.intent[action_type]
        else:
            window = self._before(trigger.start, MODALITY_WINDOW, floor=clause[0])
            cue = next((w for w in reversed(window) if w in cues["modality"]), None)
            modality = self.doc.vocab.strings[cue] if cue is not None else None
            if modality is not None and event_type in lexicon.intent:
                event_type, cameo = lexicon.intent[event_type]
        condition = next((i for i in self.conditions if i >= trigger.end), None)
        if modality and condition is not None:
            event_type, cameo = lexicon.condition
        conditional = condition is not None and event_type == "THREATEN"
        window = self._before(trigger.start, NEGATION_WINDOW, floor=clause[0])
        negated = not cues["negation"].isdisjoint(window)
        if negated and event_type == "AGREE" and modality in lexicon.cues["future"]:
            event_type, cameo, negated = (*lexicon.refusal, False)

        sources, targets = self._actors(trigger, clause, subject)
        if not targets and conditional:
            targets = self._first_after(condition + 1, self.last)
        if event_type == "ACCUSE" and targets:
            targets = self._grievance(targets, clause) or targets
        source_ids = [s.actor for s in sources]
        target_ids = [t.actor for t in targets]
        if not target_ids and self._domestic(trigger, action_type, clause):
            target_ids = [a for a in source_ids if is_state(a)]
        if not source_ids and event_type == "PROTEST":
            source_ids = [a for a in target_ids if is_state(a)]
        grounded = sources + targets
        start = min([self.starts[trigger.start], *(s.char_start for s in grounded)])
        end = max([self.ends[trigger.end - 1],
                   *(s.char_end for s in grounded)])  # fmt: skip
        row = self.codebook.cameo(cameo)
        events = [
            Event(
                source=source,
                target=target,
                type=event_type,
                date=None,
                precision=None,
                start=start,
                end=end,
                text=self.text[start:end],
                cameo=cameo,
                goldstein=row.goldstein if row else self.codebook.plover_score(event_type),
                quad_class=row.quad_class if row else self.codebook.quad_class(event_type),
                negated=negated,
                modality=modality,
            )
            for source in source_ids or [None]
            for target in target_ids or [None]
        ]
        return events, sources

    # ---- actors -----------------------------------------------------------------------------

    def _actors(
        self, trigger: Trigger, clause: tuple[int, int], subject: list[Span] | None
    ) -> tuple[list[Span], list[Span]]:
        """(sources, targets) of a trigger, by voice; a coordinated trigger shares `subject`."""
        if subject is None:
            subject = self._subject(trigger)
        if trigger.pattern.converse:
            return self._first_after(trigger.start + 1, clause[1]), subject
        if self._passive(trigger):
            by = next((i for i in range(trigger.end, clause[1]) if self.word(i) == BY), None)
            agent = self._first_after(by + 1, clause[1]) if by is not None else []
            return agent, subject
        venue = len(subject) > 1 and trigger.pattern.type in self.lexicon.cues["venue_types"]
        return subject, self._first_after(trigger.start + 1, clause[1], skip_venues=venue)

    def _passive(self, trigger: Trigger) -> bool:
        """A verb pattern whose first word is a past participle after a form of "be", not an
        adjective before "to" ("is committed to", "was opposed to")."""
        if not trigger.pattern.text.startswith("+"):
            return False
        if self.word(trigger.start) not in self.cues["participles"]:
            return False
        if TO in (self.word(trigger.end - 1), self.word(trigger.end)):
            return False
        return any(w in self.cues["passive"] for w in self._before(trigger.start, 3))

    def _subject(self, trigger: Trigger) -> list[Span]:
        """The first actor before the trigger that no preposition governs, preferring its own
        clause (after a reporting verb: "X said Y agreed" gives Y); else the nearest actor before
        it; with what is coordinated with it."""
        k = bisect.bisect_left(self.subject_cuts, trigger.start)
        region = self.subject_cuts[k - 1] + 1 if k else self.first
        before = [s for s in self.spans if s.end <= trigger.start]
        free = [s for s in before if s.start not in self.governed]
        own = [s for s in free if s.start >= region] or free
        head = own[0] if own else (before[-1] if before else None)
        if head is None:
            return [s for s in self.organisations if s.end <= trigger.start][:1]
        return self._compound(head, limit=trigger.start)

    @cached_property
    def organisations(self) -> list[Span]:
        """The sentence's organisations unknown to the gazetteer, searched for once, when a
        trigger first lacks a known subject."""
        return organisations(self.spans, self.text, self.sentence, self.starts)

    def _grievance(self, targets: list[Span], clause: tuple[int, int]) -> list[Span]:
        """For "complained to X over Y", Y: the actor complained about, not the addressee."""
        if TO not in self._before(targets[0].start, 2):
            return []
        grievance = self.cues["grievance"]
        about = next(
            (s for s in self.spans
             if targets[0].end <= s.start < clause[1]
             and set(self._before(s.start, 3)) & grievance),
            None,
        )  # fmt: skip
        return self._compound(about, limit=clause[1]) if about else []

    def _first_after(self, start: int, end: int, skip_venues: bool = False) -> list[Span]:
        """The first actor in tokens [start, end), with what is coordinated with it; with
        `skip_venues` (for several actors acting together), not one after "in" or "at": the
        place where they meet or sign ("Brazil and Argentina signed ... in Buenos Aires")."""
        venue = self.cues["venue"]
        for span in self.spans:
            if (
                span.start >= start
                and span.end <= end
                and not (skip_venues and self.word(span.start - 1) in venue)
            ):
                return self._compound(span, limit=end)
        return []

    def _compound(self, head: Span, limit: int) -> list[Span]:
        """`head` with the mentions coordinated with it ("X and Y", "X, Y and Z", "X-Y").
        A run of adjacent mentions ("Japanese Prime Minister Ishiba") is one actor: its state
        when it names one (events are dyads of states), else its last mention."""
        runs = [[head]]
        for span in self.spans[self.spans.index(head) + 1 :]:
            if span.end > limit:
                break
            between = self.words[runs[-1][-1].end - self.first : span.start - self.first]
            if not between:
                runs[-1].append(span)
            elif len(between) <= 3 and set(between) <= COMPOUND_JOINS and between != [THE]:
                runs.append([span])
            else:
                break
        actors = [_state_or_last(run) for run in runs]
        return list({s.actor: s for s in actors}.values())

    def _domestic(self, trigger: Trigger, event_type: str, clause: tuple[int, int]) -> bool:
        """Whether the event acts on the source's own state: by its type, or by its object
        ("arrested protesters")."""
        if event_type in self.lexicon.cues["domestic_types"]:
            return True
        end = min(clause[1], trigger.end + DOMESTIC_WINDOW)
        return not self.cues["domestic"].isdisjoint(
            self.words[trigger.end - self.first : end - self.first]
        )


def _state_or_last(run: list[Span]) -> Span:
    """The mention that stands for a run of adjacent mentions: its first state, else its last."""
    for span in run:
        if is_state(span.actor):
            return span
    return run[-1]


def organisations(
    spans: list[Span], text: str, sentence: Sentence, starts: list[int]
) -> list[Span]:
    """Organisations the gazetteer does not know, named in the sentence by a capitalised name
    ending in an organisation word ("Amnesty International", "the Ceasefire Violations
    Committee"), outside `spans`; their id is `org:` and the slug of the name. The reader takes
    one as a source only when no known actor precedes the trigger: a subject is better named
    than lost, but such names are too loose (titles, meetings) to compete with known actors."""
    found = []
    words = text[sentence.start : sentence.end]
    if not any(literal in words for literal in _ORGANISATION_LITERALS):
        return found
    for match in _ORGANISATION.finditer(text, sentence.start, sentence.end):
        start, end = match.span()
        if any(s.char_start < end and start < s.char_end for s in spans):
            continue
        slug = _SLUG.sub("-", match.group().lower()).strip("-")
        found.append(Span(*token_range(starts, start, end), start, end, f"org:{slug}"))
    return found


# "\b[A-Z][a-z]+s\b", with the word boundary checked after the capital: a pattern that opens
# with a character class lets `re` skip to the capitals quickly.
_CAPITALISED_PLURAL = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+s\b")


@cache
def _peoples() -> dict[str, str]:
    """The plural demonyms of the gazetteer's states ("Palestinians", "Iraqis"), which name a
    state's people as actors, with the state of each."""
    states = {}
    for entry in gazetteer.load().of_kind("state"):
        for demonym in entry.demonyms:
            if demonym[-1] in "nie" and " " not in demonym:
                states.setdefault(demonym + "s", entry.id)
    return states


def peoples(text: str, starts: list[int]) -> list[Span]:
    """The peoples a text names in the plural ("the Palestinians" -> PSE), which the gazetteer
    lists only as adjectives ("Palestinian"): capitalised plurals looked up in one pass."""
    states = _peoples()
    found = []
    for match in _CAPITALISED_PLURAL.finditer(text):
        state = states.get(match.group())
        if state is not None:
            start, end = match.span()
            found.append(Span(*token_range(starts, start, end), start, end, state))
    return found


def token_range(starts: list[int], start: int, end: int) -> tuple[int, int]:
    """Tokens [first, last) overlapping characters [start, end), given each token's first
    character (`starts`, sorted); first is -1 when `start` is before the first token."""
    return bisect.bisect_right(starts, start) - 1, bisect.bisect_left(starts, end)


def within(positions: list[int], bounds: tuple[int, int]) -> list[int]:
    """The sorted `positions` inside [first, last)."""
    return positions[
        bisect.bisect_left(positions, bounds[0]) : bisect.bisect_left(positions, bounds[1])
    ]


def is_state(actor: str) -> bool:
    return len(actor) == 3 and actor.isalpha() and actor.isupper()
