"""Events: dated, directed PLOVER 2.0 events coded from the pattern dictionary, per sentence.

There is no parser (no model weights), so a sentence is read from word order, clause boundaries
and cue words, all listed in `alliances/data/events/patterns.yaml`; the reading of one sentence
is `alliances.extract.event_reading.SentenceReader`.

1. Triggers: the dictionary's phrases, matched once over the document's tokens. A trigger that
   begins or ends inside an actor's name, follows a hyphen ("US-backed") or classifies a noun
   ("strike capability") is dropped, and so is an -s form with no subject ("atomic bombs").
2. Which triggers are events: those of the sentence's main part before those of its background
   (a subordinate clause, ", killing ...", a closing ", officials said"), and verbs before nouns
   ("a suspension of"). In a clause the first trigger is the event; a later one counts only when
   coordinated ("kidnapped ... and exploded ..."); the rest are embedded in it: "threatened to
   boycott" is THREATEN, "refused to deploy" REJECT, "demanded that they withdraw" REQUEST. One
   trigger's events are kept per (source, type), preferring one that names a target.
3. Intent and modality: an action under "will", "may", "plans to" ..., or after an intent phrase
   ("promised to", "is ready to"), is not coded as done: it becomes the intention (AGREE for
   cooperation, THREATEN for conflict, with the CAMEO code of that intention) and keeps its
   `modality`; an intention on a condition ("unless X ...") is a threat against X. A negated
   trigger ("did not agree") is kept with `negated=True`, and callers that want what happened
   leave it out; a negated cooperative intention ("would not allow") is a refusal: REJECT.
4. Actors: the source is the subject side (the first actor before the trigger that no
   preposition governs, after a reporting verb if one intervenes: "X said Y agreed"), the target
   the first actor after it in the clause ("complained to X over Y": Y). In the passive ("was
   attacked by X") and in converse phrases ("received aid from X") the roles swap. "X and Y",
   "X, Y and Z" and "X-Y" expand to one event per pair; adjacent mentions ("Japanese Prime
   Minister Ishiba") are one actor, its state. With no named target, an event on the source's
   own people (a protest, a curfew, "arrested protesters") targets the source's state. Peoples
   named in the plural ("the Palestinians") act for their state; an organisation the gazetteer
   lacks ("Amnesty International") can be the source as `org:slug`.
5. Date: the date expression in the sentence nearest the trigger, else the publication date.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

import numpy as np
from spacy.attrs import IDX, LENGTH, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc

from alliances import gazetteer
from alliances.events import Codebook
from alliances.events import load as load_codebook
from alliances.extract import event_patterns
from alliances.extract.event_patterns import Lexicon, WordClasses, hashes
from alliances.extract.event_reading import (
    SentenceReader,
    Span,
    TokenView,
    Trigger,
    is_state,
    peoples,
    token_range,
)
from alliances.extract.model import Event
from alliances.extract.pipeline import State

CLAUSE_PUNCT = (",", ";", ":", "(", ")", "--", "—", "–")
SUBJECT_PUNCT = (";", ":", "--", "—", "–")
COMMA, HYPHEN = hash_string(","), hash_string("-")
# word classes (bits), looked up for every token in one pass
ANCHOR, CLAUSE_CUT, SUBJECT_CUT, SUBORDINATE, CONDITION, REPORTING, IS_COMMA = (
    1 << n for n in range(7)
)


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
        columns = doc.to_array([IDX, LENGTH, LOWER])  # one pass over the tokens
        starts = columns[:, 0].tolist()
        words = columns[:, 2].astype(np.uint64).tolist()
        classified = self.table.classify(words)
        spans = _mention_spans(mentions, starts)
        text = text if text is not None else doc.text
        spans = _merge(spans, peoples(text, starts))
        named = _covered(spans, len(words))
        triggers = self._triggers(_positions(classified, ANCHOR), words, named)
        if not triggers:
            return
        view = TokenView(
            doc=doc,
            text=text,
            words=words,
            starts=starts,
            ends=(columns[:, 0] + columns[:, 1]).tolist(),
            clause_cuts=_positions(classified, CLAUSE_CUT, outside=named),
            subject_cuts=_positions(classified, SUBJECT_CUT, outside=named),
            subordinators=_positions(classified, SUBORDINATE, outside=named),
            commas=_positions(classified, IS_COMMA),
            conditions=_positions(classified, CONDITION),
            reporting=_positions(classified, REPORTING),
        )
        trigger_starts = [t.start for t in triggers]
        span_starts = [s.start for s in spans]
        dates = sorted(dates, key=lambda d: d.start)
        date_starts = [d.start for d in dates]
        bounds = [
            (bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end))
            for s in sentences
        ]
        ends = [last for _, last in bounds]
        holding = {bisect.bisect_right(ends, start) for start in trigger_starts}
        for number in sorted(n for n in holding if n < len(sentences)):
            sentence = sentences[number]
            first, last = bounds[number]
            lo, hi = (bisect.bisect_left(trigger_starts, first),
                      bisect.bisect_left(trigger_starts, last))  # fmt: skip
            if lo == hi:
                continue
            inside = spans[
                bisect.bisect_left(span_starts, first) : bisect.bisect_left(span_starts, last)
            ]
            reader = SentenceReader(self, view, (first, last), inside, sentence)
            in_sentence = dates[
                bisect.bisect_left(date_starts, sentence.start) : bisect.bisect_left(
                    date_starts, sentence.end
                )
            ]
            for event in reader.events(triggers[lo:hi]):
                event.date, event.precision = _date_for(event.start, in_sentence, published)
                yield event

    def _triggers(self, anchors: list[int], words: list[int], named: bytearray) -> list[Trigger]:
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


def _merge(spans: list[Span], extra: list[Span]) -> list[Span]:
    """`spans` with the `extra` ones that overlap none of them, in text order."""
    if not extra:
        return spans
    covered = _covered(spans, max([s.end for s in spans + extra]))
    kept = [s for s in extra if not any(covered[s.start : s.end])]
    return sorted(spans + kept, key=lambda s: s.start)


def _covered(spans: list[Span], size: int) -> bytearray:
    """Of each of `size` tokens, 1 when it is inside a span, else 0 (a span reaching past the
    last token is cut there, so the mask never grows)."""
    mask = bytearray(size)
    for s in spans:
        end = min(s.end, size)
        mask[s.start : end] = b"\x01" * max(end - s.start, 0)
    return mask


def _positions(
    classified: list[tuple[int, int]], bit: int, outside: bytearray | None = None
) -> list[int]:
    """The positions of the classified tokens in class `bit`, except those `outside` marks."""
    if outside is None:
        return [i for i, bits in classified if bits & bit]
    return [i for i, bits in classified if bits & bit and not outside[i]]


def _mention_spans(mentions: Sequence, starts: list[int]) -> list[Span]:
    """Mentions with an actor as token ranges (tokens overlapping their characters)."""
    spans = []
    for m in mentions:
        if m.actor_id:
            first, last = token_range(starts, m.start, m.end)
            if last > first >= 0:
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
    states = {a.id for a in extraction.actors if is_state(a.id)}
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
