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
   A negated cooperative intention ("would not allow") is a refusal: REJECT.
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
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from spacy.attrs import IDX, LENGTH, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc

from alliances import gazetteer
from alliances.events import Codebook
from alliances.events import load as load_codebook
from alliances.extract import event_patterns
from alliances.extract.event_patterns import EventPattern, Lexicon, WordClasses, hashes
from alliances.extract.model import Event
from alliances.extract.pipeline import State

CLAUSE_PUNCT = (",", ";", ":", "(", ")", "--", "—", "–")
SUBJECT_PUNCT = (";", ":", "--", "—", "–")
COORDINATORS = hashes(("and", "or", "but", "then"))
COMPOUND_JOINS = hashes(("and", ",", "or", "&", "/", "-", "–", "the", "both"))
THE, BY, TO, COMMA, HYPHEN = (hash_string(w) for w in ("the", "by", "to", ",", "-"))
MODALITY_WINDOW = 4
# word classes (bits) looked up for every token at once
ANCHOR, CLAUSE_CUT, SUBJECT_CUT, SUBORDINATE, CONDITION, REPORTING, IS_COMMA = (
    1 << n for n in range(7)
)
_ORGANISATION = re.compile(
    r"\b(?!The\b)(?:[A-Z][\w'’&.-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){0,6}"
    r"(?:Organi[sz]ation|Office|Council|Committee|Community|Union|League|Association|Front"
    r"|Movement|Agency|Commission|Programme|Program|Fund|Watch|International|Federation"
    r"|Forum|Court|Tribunal|Institute|Red Cross|Red Crescent)\b"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3})?"
)
_SLUG = re.compile(r"[^a-z0-9]+")
NEGATION_WINDOW = 3
DOMESTIC_WINDOW = 5
ATTRIBUTION_WINDOW = 6


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


class EventExtractor:
    """Pipeline component: fills `extraction.events` and the "events" slot."""

    name = "events"
    requires = ("sentences", "tokens", "mentions")
    assigns = ("events",)

    def __init__(self, lexicon: Lexicon | None = None, codebook: Codebook | None = None) -> None:
        self.lexicon = lexicon or event_patterns.load()
        self.codebook = codebook or load_codebook()
        self.index = self.lexicon.index()
        self.cues = {name: hashes(words) for name, words in self.lexicon.cues.items()}
        self.cues["participles"] = hashes(self.lexicon.participles)
        self.cues["third_person"] = hashes(self.lexicon.third_person)
        self.cues["noun_like"] = hashes(self.lexicon.third_person | self.lexicon.forms.keys())
        cut = self.cues["subordinate"] | self.cues["coordinate"]
        self.table = WordClasses(
            {
                ANCHOR: self.index.by_first.keys(),
                CLAUSE_CUT: cut | hashes(CLAUSE_PUNCT),
                SUBJECT_CUT: cut | self.cues["reporting"] | hashes(SUBJECT_PUNCT),
                SUBORDINATE: self.cues["subordinate"],
                CONDITION: self.cues["condition"],
                REPORTING: self.cues["reporting"],
                IS_COMMA: {COMMA},
            }
        )

    def __call__(self, state: State) -> None:
        events = list(
            self.extract(
                state.slots["tokens"],
                state.slots["sentences"],
                state.slots["mentions"],
                state.slots.get("dates", ()),
                state.document.published_date,
                state.text,
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
        text: str | None = None,
    ) -> Iterator[Event]:
        """The events of a tokenised text, given its sentences, resolved mentions and dates
        (`text` is `doc.text`, passed when the caller has it)."""
        if len(doc) == 0 or not sentences:
            return
        offsets = doc.to_array([IDX, LENGTH])
        starts = offsets[:, 0]
        lowers = doc.to_array([LOWER]).reshape(-1).astype(np.uint64)
        classes = self.table.classify(lowers)
        spans = _mention_spans(mentions, starts)
        named = _covered(spans, len(lowers))
        anchors = _positions(classes & ANCHOR)
        triggers = self._triggers(anchors, lowers.tolist(), named.tolist())
        if not triggers:
            return
        free = classes * ~named
        view = _Tokens(
            doc=doc,
            text=text if text is not None else doc.text,
            lowers=lowers,
            offsets=starts,
            starts=starts.tolist(),
            ends=(starts + offsets[:, 1]).tolist(),
            clause_cuts=_positions(free & CLAUSE_CUT),
            subject_cuts=_positions(free & SUBJECT_CUT),
            subordinators=_positions(free & SUBORDINATE),
            commas=_positions(classes & IS_COMMA),
            conditions=_positions(classes & CONDITION),
            reporting=_positions(classes & REPORTING),
        )
        trigger_starts = [t.start for t in triggers]
        span_starts = [s.start for s in spans]
        dates = sorted(dates, key=lambda d: d.start)
        date_starts = [d.start for d in dates]
        bounds = np.searchsorted(starts, [(s.start, s.end) for s in sentences], "left")
        holding = np.unique(np.searchsorted(bounds[:, 1], trigger_starts, "right"))
        for number in holding[holding < len(sentences)].tolist():
            sentence = sentences[number]
            first, last = bounds[number].tolist()
            lo, hi = (bisect.bisect_left(trigger_starts, first),
                      bisect.bisect_left(trigger_starts, last))  # fmt: skip
            if lo == hi:
                continue
            inside = spans[
                bisect.bisect_left(span_starts, first) : bisect.bisect_left(span_starts, last)
            ]
            reader = _SentenceReader(self, view, (first, last), inside, sentence)
            in_sentence = dates[
                bisect.bisect_left(date_starts, sentence.start) : bisect.bisect_left(
                    date_starts, sentence.end
                )
            ]
            for event in reader.events(triggers[lo:hi]):
                event.date, event.precision = _date_for(event.start, in_sentence, published)
                yield event

    def _triggers(self, anchors: list[int], words: list[int], named: list[bool]) -> list[Trigger]:
        """Non-overlapping matches, longest first, in text order; a match may span an actor
        ("welcomed Japan's decision") but not begin or end inside one (`named` tokens); a word
        after a hyphen ("US-backed"), or a base or -s form before a noun it classifies ("attack
        helicopters", "strike capability"; not "seized weapons"), is a modifier, not an event."""
        modified, noun_like = self.cues["modified"], self.cues["noun_like"]
        taken = bytearray(len(words))
        kept = []
        for number, start, end in sorted(
            self.index.find(anchors, words), key=lambda m: (m[1] - m[2], m[1])
        ):
            if named[start] or named[end - 1] or any(taken[start:end]):
                continue
            if end < len(words) and words[end] in modified and words[start] in noun_like:
                continue
            if start and words[start - 1] == HYPHEN:
                continue
            taken[start:end] = b"\x01" * (end - start)
            kept.append(Trigger(start, end, self.lexicon.patterns[number]))
        return sorted(kept, key=lambda t: t.start)


@dataclass(frozen=True)
class _Tokens:
    """A document's tokens as the reader needs them: LOWER hashes, character offsets and the
    sorted positions of cue words (outside actor names where a name could hold one)."""

    doc: Doc
    text: str
    lowers: np.ndarray
    offsets: np.ndarray  # character offset of each token, as an array
    starts: list[int]  # character offset of each token
    ends: list[int]
    clause_cuts: list[int]
    subject_cuts: list[int]
    subordinators: list[int]
    commas: list[int]
    conditions: list[int]
    reporting: list[int]


class _SentenceReader:
    """The word-order reading of one sentence (tokens [first, last) of the document); words are
    compared as spaCy LOWER hashes."""

    def __init__(
        self,
        extractor: EventExtractor,
        view: _Tokens,
        bounds: tuple[int, int],
        spans: list[Span],
        sentence,
    ) -> None:
        self.lexicon = extractor.lexicon
        self.codebook = extractor.codebook
        self.cues = extractor.cues
        self.doc, self.text = view.doc, view.text
        self.starts, self.ends = view.starts, view.ends
        self.first, self.last = first, last = bounds
        self.words = view.lowers[first:last].tolist()
        self.spans = [s for s in spans if not s.actor.startswith("place:")]
        self.sentence = sentence
        self.offsets = view.offsets
        self.span_ends = {s.end for s in self.spans}
        self.clause_cuts = _within(view.clause_cuts, bounds)
        self.subject_cuts = _within(view.subject_cuts, bounds)
        self.commas = _within(view.commas, bounds)
        self.conditions = _within(view.conditions, bounds)
        self.reporting = _within(view.reporting, bounds)
        self.background = self._background(_within(view.subordinators, bounds))

    def word(self, i: int) -> int:
        return self.words[i - self.first] if self.first <= i < self.last else 0

    def _before(self, i: int, n: int, floor: int | None = None) -> list[int]:
        return [self.word(k) for k in range(max(self.first, floor or 0, i - n), i)]

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
        return i < self.last and self.doc[i].lower_.endswith("ing")

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
            followers = [t for t in triggers if t.start >= trigger.end and t.end <= clause[1]]
            events, sources = self._code(trigger, clause, followers, subject)
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
        followers: list[Trigger],
        subject: list[Span] | None,
    ) -> tuple[list[Event], list[Span]]:
        """The events of one trigger (one per source-target pair) and its sources."""
        lexicon, cues = self.lexicon, self.cues
        pattern = trigger.pattern
        event_type, cameo, modality = pattern.type, pattern.cameo, None
        action_type = event_type
        if pattern.intent:
            modality = "intent"
            action = next(
                (f for f in followers if f.pattern.type in lexicon.intent and not f.pattern.intent),
                None,
            )
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
        negated = any(w in cues["negation"] for w in window)
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
            target_ids = [a for a in source_ids if _is_state(a)]
        if not source_ids and event_type == "PROTEST":
            source_ids = [a for a in target_ids if _is_state(a)]
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
        return subject, self._first_after(trigger.start + 1, clause[1])

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
        prepositions = self.cues["preposition"]

        def free(spans: list[Span]) -> list[Span]:
            return [s for s in spans if not set(self._before(s.start, 2)) & prepositions]

        own = free([s for s in before if s.start >= region]) or free(before)
        head = own[0] if own else (before[-1] if before else None)
        if head is None:
            unknown = _organisations(self.spans, self.text, self.sentence, self.offsets)
            return [s for s in unknown if s.end <= trigger.start][:1]
        return self._compound(head, limit=trigger.start)

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

    def _first_after(self, start: int, end: int) -> list[Span]:
        after = next((s for s in self.spans if s.start >= start and s.end <= end), None)
        return self._compound(after, limit=end) if after else []

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
        actors = [next((s for s in run if _is_state(s.actor)), run[-1]) for run in runs]
        return list({s.actor: s for s in actors}.values())

    def _domestic(self, trigger: Trigger, event_type: str, clause: tuple[int, int]) -> bool:
        """Whether the event acts on the source's own state: by its type, or by its object
        ("arrested protesters")."""
        if event_type in self.lexicon.cues["domestic_types"]:
            return True
        end = min(clause[1], trigger.end + DOMESTIC_WINDOW)
        return any(self.word(i) in self.cues["domestic"] for i in range(trigger.end, end))


def _organisations(spans: list[Span], text: str, sentence, starts: np.ndarray) -> list[Span]:
    """Organisations the gazetteer does not know, named in the sentence by a capitalised name
    ending in an organisation word ("Amnesty International", "the Ceasefire Violations
    Committee"), outside `spans`; their id is `org:` and the slug of the name. The reader takes
    one as a source only when no known actor precedes the trigger: a subject is better named
    than lost, but such names are too loose (titles, meetings) to compete with known actors."""
    found = []
    for match in _ORGANISATION.finditer(text, sentence.start, sentence.end):
        start, end = match.span()
        if any(s.char_start < end and start < s.char_end for s in spans):
            continue
        first = int(np.searchsorted(starts, start, "right")) - 1
        last = int(np.searchsorted(starts, end, "left"))
        slug = _SLUG.sub("-", match.group().lower()).strip("-")
        found.append(Span(first, last, start, end, f"org:{slug}"))
    return found


def _covered(spans: list[Span], size: int) -> np.ndarray:
    """Boolean mask of the tokens inside any span."""
    opened = np.bincount(np.array([s.start for s in spans], dtype=np.intp), minlength=size + 1)
    closed = np.bincount(np.array([s.end for s in spans], dtype=np.intp), minlength=size + 1)
    return np.cumsum(opened - closed)[:size] > 0


def _positions(mask: np.ndarray) -> list[int]:
    return np.flatnonzero(mask).tolist()


def _within(positions: list[int], bounds: tuple[int, int]) -> list[int]:
    """The sorted `positions` inside [first, last)."""
    return positions[
        bisect.bisect_left(positions, bounds[0]) : bisect.bisect_left(positions, bounds[1])
    ]


def _is_state(actor: str) -> bool:
    return len(actor) == 3 and actor.isalpha() and actor.isupper()


def _mention_spans(mentions: Sequence, starts: np.ndarray) -> list[Span]:
    """Mentions with an actor as token ranges (tokens overlapping their characters)."""
    mentions = [m for m in mentions if m.actor_id]
    if not mentions:
        return []
    firsts = np.searchsorted(starts, [m.start for m in mentions], "right") - 1
    lasts = np.searchsorted(starts, [m.end for m in mentions], "left")
    spans = [
        Span(first, last, m.start, m.end, m.actor_id)
        for m, first, last in zip(mentions, firsts.tolist(), lasts.tolist(), strict=True)
        if last > first >= 0
    ]
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
    """The state a person acts for, from the gazetteer's roles (a state role before an
    organisation role such as a party post; the role held on `day` when one is, else the latest);
    an organisation role only when there is no state one; any other id is returned as it is."""
    if not actor or not actor.startswith("person:"):
        return actor
    entry = gazetteer.load().get(actor)
    roles = [r for r in (entry.roles if entry else ()) if r.state or r.org]
    if not roles:
        return actor
    role = max(roles, key=lambda r: (bool(r.state), bool(day and r.holds_on(day)), r.start))
    return role.state or role.org


def sentence_events(text: str, published: str | None = None) -> list[dict]:
    """The events a text reports as done, actors at state level: [{source, target, type}].

    Runs the default pipeline on `text`; negated events are left out, and repeated triples are
    given once. A person is replaced by the state (or organisation) it acts for; a person the
    gazetteer does not know ("President X") is taken to act for the one state the text names,
    when it names exactly one.
    """
    from alliances.documents import Document
    from alliances.extract import extract

    extraction = extract(Document(text=text, published=published))
    states = {a.id for a in extraction.actors if _is_state(a.id)}
    only_state = next(iter(states)) if len(states) == 1 else None

    def country(actor: str | None, day: str | None) -> str | None:
        resolved = actor_country(actor, day)
        if resolved and resolved.startswith("person:") and only_state:
            return only_state
        return resolved

    rows: list[dict] = []
    for event in extraction.events:
        if event.negated:
            continue
        row = {
            "source": country(event.source, event.date),
            "target": country(event.target, event.date),
            "type": event.type,
        }
        if row not in rows:
            rows.append(row)
    return rows
