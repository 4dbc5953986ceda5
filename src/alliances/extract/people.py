"""People in text: titles with names, appositions, back-references and date-aware titles.

Rules, driven by the gazetteer and the title list (`titles.py`):
- a title followed by a capitalised name ("Prime Minister Ishiba", "Professor Paul Smith") names
  a person: a gazetteer person when the name or surname fits one (exactly or, for full names, by
  rapidfuzz similarity), else a new `person:` id made from the full name;
- a name set off before a title ("Gareth Bayley, the UK Special Representative") likewise;
- a role title after a state or organisation ("Japan's current Prime Minister", "US President",
  "NATO Secretary-General") is the person holding that role on the publication date, or all
  through a year written earlier in the sentence ("In 2015, the Japanese Prime Minister");
- "the <title>" refers back to the last person introduced with that title in the document, or
  to a person named in it who has held that role ("The Foreign Secretary" -> Boris Johnson);
- a two- to four-word capitalised name next to a speech cue ("Jane Doe said", "according to
  Jane Doe") is a person;
- a surname alone refers back to a person named in the same document, or to a gazetteer person
  whose surname is unambiguous and who was active around the document's date.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rapidfuzz import fuzz, process
from spacy.tokens import Doc

from alliances.extract.matching import Found, Match, PhraseGroups, TokenBounds, token_span
from alliances.extract.text import blank_english, in_headline
from alliances.extract.titles import (
    NAME_PARTICLES,
    NOT_NAMES,
    NOT_PERSON_WORDS,
    SPEECH_CUES,
    TitleMatcher,
)
from alliances.gazetteer import Entry, Gazetteer

# Words before a role title that make it someone other than the current holder.
NOT_CURRENT = frozenset({"former", "then", "ex", "late", "future", "next", "previous", "past"})
CURRENT = frozenset({"current", "incumbent", "sitting"})
ROLE_MODIFIERS = CURRENT | {"new", "'s", "’s"}
YEAR_WINDOW = 30  # tokens looked back for a year that dates a role title
DETERMINERS = frozenset({"the", "a", "an"})
FUZZY_CUTOFF = 90
PREFIX = 3  # letters of a word that pick the names a fuzzy match is tried against
Introduction = tuple[tuple[str, ...], str]  # (lower-cased title words, person id)
MAX_NAME_TOKENS = 6


class PersonMention(NamedTuple):
    """A person found in text: token range, id and (for a new person) the name as written."""

    start: int
    end: int
    actor_id: str
    name: str | None = None


def person_id(name: str) -> str:
    """`person:` + lower-case hyphenated name, as SCHEMA.md forms it.

    Middle initials are left out ("Joseph L. Votel" -> person:joseph-votel), as news writes the
    same person with and without them.
    """
    words = name.replace("'", "").split()
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w.rstrip(".")) > 1), words[-1]]
    slug = re.sub(r"[^a-z0-9]+", "-", " ".join(words).lower().replace(".", ""))
    return "person:" + slug.strip("-")


def _name_token(doc: Doc, i: int, start: int) -> bool:
    """Whether token i continues a name that starts at `start`."""
    token = doc[i]
    text = token.text
    joined = i > start and not doc[i - 1].whitespace_
    return (
        (text[:1].isupper() and text not in NOT_NAMES and (token.is_alpha or text[-1] == "."))
        or (text in NAME_PARTICLES and i + 1 < len(doc))
        or (text == "-" and joined and i + 1 < len(doc) and doc[i + 1].is_alpha)
        or (joined and doc[i - 1].text == "-" and token.is_alpha)
    )


def _year_before(doc: Doc, i: int) -> str | None:
    """A year written earlier in the same sentence as token i ("In 2015, the ..."), if any."""
    for k in range(i - 1, max(-1, i - YEAR_WINDOW), -1):
        token = doc[k]
        if token.text in (".", "!", "?") or "\n" in token.text:
            return None
        if token.like_num and len(token.text) == 4 and token.text[:2] in ("19", "20"):
            return token.text
    return None


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop particles and hyphens at either end of a name ("Al-Abadi" -> "Abadi")."""
    while end > start and doc[end - 1].lower_ in NAME_PARTICLES | {"-"}:
        end -= 1
    while start < end and doc[start].lower_ in NAME_PARTICLES | {"-"}:
        start += 1
    return start, end


def _is_word_char(char: str) -> bool:
    """What `re` counts as `\\w` in a str pattern."""
    return char.isalnum() or char == "_"


def whole_word_spans(names: list[str], text: str) -> list[tuple[int, int]]:
    """The spans `re.finditer(r"\\b(?:name|...)\\b", text)` gives for `names` in order: at the
    earliest position where some name stands as whole words, the first such name; no overlaps.

    Found with `str.find` per name: a regex of a document's own names would be compiled for
    that document alone, which costs more than reading it.
    """
    size = len(text)
    candidates = []  # (start, order of the name, end)
    for order, name in enumerate(names):
        starts_word, ends_word = _is_word_char(name[0]), _is_word_char(name[-1])
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if (start > 0 and _is_word_char(text[start - 1])) != starts_word and (
                end < size and _is_word_char(text[end])
            ) != ends_word:
                candidates.append((start, order, end))
            start = text.find(name, start + 1)
    spans: list[tuple[int, int]] = []
    for start, _, end in sorted(candidates):
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    return spans


class People:
    """Finds people in a token Doc, given the gazetteer matches already made."""

    def __init__(self, gazetteer: Gazetteer, phrases: PhraseGroups) -> None:
        """Registers titles, speech cues and surnames in `phrases`."""
        nlp = blank_english()
        self.gazetteer = gazetteer
        self.by_surname: dict[str, list[Entry]] = {}
        for person in gazetteer.of_kind("person"):
            self.by_surname.setdefault(person.surname, []).append(person)
            last = person.surname.split()[-1]
            if last != person.surname:  # "de Mistura" is also "Mistura" after a title
                self.by_surname.setdefault(last, []).append(person)
        self.by_name = {f.lower(): p for p in gazetteer.of_kind("person") for f in p.forms}
        self.by_prefix: dict[str, list[str]] = {}
        for form in self.by_name:
            for word in set(form.split()):
                self.by_prefix.setdefault(word[:PREFIX], []).append(form)
        self.titles = TitleMatcher(phrases)
        phrases.add("cues", "cue", [nlp.make_doc(cue) for cue in SPEECH_CUES], attr="LOWER")
        for surname in self.by_surname:
            phrases.add("surnames", surname, [nlp.make_doc(surname)])

    def __call__(
        self,
        doc: Doc,
        text: str,
        bounds: TokenBounds,
        matches: list[Match],
        date: str | None,
        phrases: Found,
    ) -> list[PersonMention]:
        """People in `doc` (whose text is `text`, its tokens' characters `bounds`), given the
        gazetteer `matches` and the `phrases` found in `doc`."""
        starts = {m.start: m for m in matches}
        taken = {i for m in matches for i in range(m.start, m.end)}
        found = [
            PersonMention(m.start, m.end, m.actor_id)
            for m in matches
            if m.actor_id.startswith("person:")
        ]
        introduced: list[Introduction] = []

        def add(mention: PersonMention | None, words: tuple[str, ...]) -> bool:
            if mention is None:
                return False
            found.append(mention)
            taken.update(range(mention.start, mention.end))
            introduced.append((words, mention.actor_id))
            return True

        titles = self.titles(phrases)
        for title, role in titles:
            if title.start in taken:
                continue
            words = self.titles.words[title.actor_id]  # matched as written: the title's words
            end = self._name_end(doc, title.end, taken)
            if end > title.end and (title.actor_id[0].isupper() or end - title.end > 1):
                add(self._named(doc, text, title.end, end, role, date, found), words)
                continue
            comma = title.end < len(doc) and doc[title.end].text == ","
            after = starts.get(title.end + comma)
            if after is not None and after.actor_id.startswith("person:"):
                if comma:  # "Japan's current Prime Minister, Shigeru Ishiba": his title too
                    add(PersonMention(title.start, title.end, after.actor_id), words)
                else:  # "Foreign Secretary Philip Hammond": the name is the mention
                    introduced.append((words, after.actor_id))
                continue
            if add(self._apposed(doc, text, title.start, taken, starts, found), words):
                continue
            if role is not None:
                holder = self._role_holder(doc, title, role, starts, date)
                if add(holder, words):
                    continue
            add(self._back_reference(doc, title, role, words, starts, introduced, found), ())
        blocked = taken | {i for t, _ in titles for i in range(t.start, t.end)}
        for _, start, end in phrases["cues"]:
            for span in (
                self._name_before(doc, start, blocked),
                self._name_after(doc, end, blocked),
            ):
                if span is not None:
                    add(self._resolve_name(doc, text, *span), ())
                    blocked.update(range(*span))
        found.extend(self._surnames(doc, text, bounds, found, taken, date, phrases["surnames"]))
        return found

    @staticmethod
    def _plain_name(doc: Doc, start: int, end: int) -> bool:
        """Whether tokens [start, end) can be a person's full name without a title."""
        words = [t.text for t in doc[start:end]]
        return (
            2 <= end - start <= 4
            and not doc[start].is_stop
            and not any(w in NOT_PERSON_WORDS or w.isupper() and len(w) > 1 for w in words)
        )

    def _name_before(self, doc: Doc, cue: int, blocked: set[int]) -> tuple[int, int] | None:
        """ "Paul Smith said": the capitalised name right before a speech cue."""
        start = end = cue
        while start > 0 and end - start < 4 and start - 1 not in blocked:
            if not _name_token(doc, start - 1, start - 1) or doc[start - 1].text == "-":
                break
            start -= 1
        start, end = _trim(doc, start, end)
        before = doc[start - 1] if start > 0 else None
        if before is not None and before.text[:1].isupper() and not before.is_sent_start:
            return None  # part of a longer capitalised name
        return (start, end) if self._plain_name(doc, start, end) else None

    def _name_after(self, doc: Doc, cue: int, blocked: set[int]) -> tuple[int, int] | None:
        """ "said Paul Smith", "according to Paul Smith": the name right after the cue."""
        end = self._name_end(doc, cue, blocked)
        if end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
            return None
        return (cue, end) if self._plain_name(doc, cue, end) else None

    def _name_end(self, doc: Doc, start: int, taken: set[int]) -> int:
        """End of the capitalised name run that starts at token `start` (== start if none)."""
        end = start
        while end < len(doc) and end - start < MAX_NAME_TOKENS and end not in taken:
            if not _name_token(doc, end, start):
                break
            end += 1
        return _trim(doc, start, end)[1] if end > start else start

    def _resolve_name(self, doc: Doc, text: str, start: int, end: int) -> PersonMention | None:
        """A full name: the gazetteer person it names (exactly or fuzzily), else a new person
        (but not in a headline, where every word is capitalised)."""
        name = doc[start:end].text
        entry = self.by_name.get(name.lower())
        if entry is None:
            entry = self._fuzzy(name.lower())
        if entry is not None:
            return PersonMention(start, end, entry.id)
        if in_headline(text, doc[start].idx):
            return None  # "President Says Alliance Will Endure" names nobody
        return PersonMention(start, end, person_id(name), name)

    def _fuzzy(self, name: str) -> Entry | None:
        """The gazetteer person whose name is within FUZZY_CUTOFF of `name` (rapidfuzz), among
        the names sharing a word prefix with it ("Shigeru Ishibe" -> Shigeru Ishiba)."""
        choices = {n for w in name.split() for n in self.by_prefix.get(w[:PREFIX], ())}
        best = process.extractOne(
            name, choices, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_CUTOFF
        )
        return self.by_name[best[0]] if best else None

    def _named(
        self,
        doc: Doc,
        text: str,
        start: int,
        end: int,
        role: str | None,
        date: str | None,
        found: list[PersonMention],
    ) -> PersonMention | None:
        """The person a title + name run names; None for a lone unknown surname."""
        start, end = _trim(doc, start, end)
        if end - start > 1:
            return self._resolve_name(doc, text, start, end)
        if end == start:
            return None
        person = self._by_surname(doc[start].text, role, date, found)
        return PersonMention(start, end, person) if person else None

    def _apposed(
        self,
        doc: Doc,
        text: str,
        title_start: int,
        taken: set[int],
        starts: dict[int, Match],
        found: list[PersonMention],
    ) -> PersonMention | None:
        """ "Gareth Bayley, the UK Special Representative": the name before ", [the] [X] title"."""
        i = title_start
        owner = next((m for m in starts.values() if m.end == i), None)
        if owner is not None:
            i = owner.start
        if i > 0 and doc[i - 1].lower_ in DETERMINERS:
            i -= 1
        if i < 2 or doc[i - 1].text != ",":
            return None
        end = i - 1
        start = end
        while start > 0 and end - start < MAX_NAME_TOKENS and start - 1 not in taken:
            if not _name_token(doc, start - 1, start - 1) or doc[start - 1].is_sent_start:
                break
            start -= 1
        if start > 0 and doc[start - 1].is_sent_start and doc[start - 1].text[:1].isupper():
            start -= 1  # a name at the start of a sentence
        start, end = _trim(doc, start, end)
        if end - start < 2 or doc[start].is_stop:
            return None
        if any(m.start == start and m.end == end for m in found):
            return None
        return self._resolve_name(doc, text, start, end)

    def _by_surname(
        self, surname: str, role: str | None, date: str | None, found: list[PersonMention]
    ) -> str | None:
        """The person a titled surname names: one named in the document, else the gazetteer's."""
        for mention in reversed(found):
            if mention.name is not None and mention.name.split()[-1] == surname:
                return mention.actor_id
            entry = self.gazetteer.get(mention.actor_id)
            if entry is not None and entry.surname == surname:
                return entry.id
        candidates = self.by_surname.get(surname, [])
        if role is None:
            candidates = [p for p in candidates if p.surname_alone]
        else:
            candidates = [p for p in candidates if any(r.role == role for r in p.roles)]
        if date is not None and len(candidates) > 1:
            current = [p for p in candidates if any(r.holds_on(date) for r in p.roles)]
            candidates = current or candidates
        return candidates[0].id if len(candidates) == 1 else None

    def _role_holder(
        self, doc: Doc, title: Match, role: str, starts: dict[int, Match], date: str | None
    ) -> PersonMention | None:
        """ "Japan's current Prime Minister" -> the holder of that role on `date`."""
        i = title.start
        while i > 0 and doc[i - 1].lower_ in ROLE_MODIFIERS:
            i -= 1
        owner = next((m for m in starts.values() if m.end == i), None)
        if owner is None or owner.actor_id.startswith(("person:", "place:")):
            return None
        before = owner.start - 1
        if before > 0 and doc[before].text == "-":  # "then-US President", "ex-"
            before -= 1
        if before >= 0 and doc[before].lower_ in NOT_CURRENT:
            return None
        host = None  # "the US Ambassador to Japan"
        if role == "ambassador" and title.end < len(doc) and doc[title.end].lower_ == "to":
            host = starts.get(title.end + 1)
        to = host.actor_id if host is not None else None
        current = any(doc[k].lower_ in CURRENT for k in range(i, title.start))
        year = None if current else _year_before(doc, owner.start)
        if year is None:
            if date is None:
                return None  # an undated text: whose term it means is unknown
            holder = self.gazetteer.role_holder(role, owner.actor_id, date, to=to)
        else:  # "In 2015, the Japanese Prime Minister ...": whoever held it all that year
            first, last = (
                self.gazetteer.role_holder(role, owner.actor_id, day, to=to)
                for day in (f"{year}-01-01", f"{year}-12-31")
            )
            holder = first if first == last else None
        return PersonMention(title.start, title.end, holder.id) if holder else None

    def _back_reference(
        self,
        doc: Doc,
        title: Match,
        role: str | None,
        words: tuple[str, ...],
        starts: dict[int, Match],
        introduced: list[Introduction],
        found: list[PersonMention],
    ) -> PersonMention | None:
        """ "the Foreign Secretary": the last person introduced with a title containing these
        words, else a person named in the document who has held this role (for the state
        named before the title, if one is)."""
        i = title.start
        owner = next((m for m in starts.values() if m.end == i), None)
        if owner is not None:
            i = owner.start
        if i == 0 or doc[i - 1].lower_ != "the":
            return None
        if owner is None:
            for intro, actor_id in reversed(introduced):
                if set(words) <= set(intro):
                    return PersonMention(title.start, title.end, actor_id)
        if role is None:
            return None
        written = doc[title.start : title.end].text.lower()
        best = None  # (title differs, distance, id): the same title written beats the role
        for mention in found:
            entry = self.gazetteer.get(mention.actor_id)
            for r in entry.roles if entry is not None else ():
                if r.role == role and (owner is None or owner.actor_id in (r.state, r.org)):
                    key = ((r.title or "").lower() != written, abs(mention.start - title.start))
                    if best is None or key < best[:2]:
                        best = (*key, entry.id)
        return PersonMention(title.start, title.end, best[2]) if best else None

    def _surnames(
        self,
        doc: Doc,
        text: str,
        bounds: TokenBounds,
        found: list[PersonMention],
        taken: set[int],
        date: str | None,
        known: list[tuple[int, int, int]],
    ) -> list[PersonMention]:
        """Surnames standing alone: back-references to people named or known by surname
        (`known`: the gazetteer's surnames found in `doc`)."""
        local: dict[str, str] = {}
        for mention in found:
            if mention.name is not None and mention.end - mention.start > 1:
                local[doc[mention.end - 1].text] = mention.actor_id
            entry = self.gazetteer.get(mention.actor_id)
            if entry is not None and entry.kind == "person":
                local[entry.surname] = entry.id
        spans = [(s, e) for _, s, e in known]
        for first, last in whole_word_spans(list(local), text):
            span = token_span(bounds, first, last)
            if span is not None:
                spans.append(span)
        out = []
        firsts, ends = bounds
        for start, end in sorted(set(spans)):
            if not taken.isdisjoint(range(start, end)) or self._inside_name(doc, start, end):
                continue
            surname = text[firsts[start] : ends[end - 1]]
            actor_id = local.get(surname) or self._known_surname(surname, date)
            if actor_id is not None:
                out.append(PersonMention(start, end, actor_id))
                taken.update(range(start, end))
        return out

    def _known_surname(self, surname: str, date: str | None) -> str | None:
        """A gazetteer person by surname alone: the one such person (whose surname may stand
        alone) active within about eight years of `date`; any date when the text is undated."""
        candidates = [p for p in self.by_surname.get(surname, []) if p.surname_alone]
        if date is not None:
            year = int(date[:4])
            candidates = [
                p
                for p in candidates
                if any(
                    int(r.start[:4]) <= year + 1 and (r.end is None or int(r.end[:4]) >= year - 8)
                    for r in p.roles
                )
            ]
        return candidates[0].id if len(candidates) == 1 else None

    @staticmethod
    def _inside_name(doc: Doc, start: int, end: int) -> bool:
        """Whether the tokens are part of a longer capitalised name ("Hunter Biden")."""
        before = doc[start - 1] if start > 0 else None
        after = doc[end] if end < len(doc) else None
        return any(
            t is not None
            and t.text[:1].isupper()
            and t.is_alpha
            and not t.is_stop
            and not t.is_sent_start
            for t in (before, after)
        )
