"""People in text: titles with names, surname back-references and date-aware titles.

Three rules, all driven by the gazetteer and one title list:
- a title followed by a capitalised name ("Prime Minister Ishiba", "Professor Paul Smith") names
  a person: a gazetteer person when the name or surname fits one (exactly or, for full names, by
  rapidfuzz similarity), else a new `person:` id made from the full name;
- a surname alone refers back to a person named in the same document, or to a gazetteer person
  whose surname is unambiguous and who was active around the document's date;
- a role title after a state or organisation ("Japan's current Prime Minister", "US President",
  "NATO Secretary-General") is the person holding that role on the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from alliances.extract.matching import Match, longest_first
from alliances.extract.text import blank_english
from alliances.gazetteer import Entry, Gazetteer

ROLE_TITLES = {
    "head_of_state": ["President", "Chinese President"],
    "head_of_government": ["Prime Minister", "Premier", "Chancellor", "PM"],
    "foreign_minister": [
        "Foreign Minister",
        "Minister of Foreign Affairs",
        "Minister for Foreign Affairs",
        "Foreign Secretary",
        "Secretary of State",
        "External Affairs Minister",
        "Minister of External Affairs",
    ],
    "defence_minister": [
        "Defense Minister",
        "Defence Minister",
        "Minister of Defense",
        "Minister of Defence",
        "Minister for Defence",
        "Minister of National Defense",
        "Secretary of National Defense",
        "Defense Secretary",
        "Defence Secretary",
        "Secretary of Defense",
        "Secretary of War",
        "War Secretary",
    ],
    "secretary_general": ["Secretary-General", "Secretary General"],
}
# Titles that introduce a name but name no role we can date.
COURTESY_TITLES = """
Vice President|Deputy Prime Minister|Minister|Secretary|Deputy Secretary|Under Secretary|
Ambassador|Envoy|Special Envoy|Special Representative|High Representative|Spokesperson|
Spokesman|Spokeswoman|Professor|Prof.|Prof|Dr.|Dr|Mr.|Mr|Mrs.|Mrs|Ms.|Ms|General|Gen.|
Lt. Gen.|Maj. Gen.|Brig. Gen.|Lieutenant General|Major General|Brigadier General|Admiral|Adm.|
Vice Adm.|Rear Adm.|Vice Admiral|Rear Admiral|Colonel|Col.|Lt. Col.|Captain|Capt.|Commander|
Cmdr.|Commodore|Lieutenant|Lt.|Major|Maj.|Sergeant|Sgt.|Spc.|Petty Officer|Senator|Sen.|
Rep.|Representative|Congressman|Congresswoman|Governor|Gov.|Mayor|Chairman|Chairwoman|Chair|
Director|Director General|Director-General|Chief|King|Queen|Prince|Crown Prince|Emperor|
Sheikh|Pope|Speaker|Judge|Justice|Lawmaker|lawmaker|Chief Cabinet Secretary|
Defense Chief|Defence Chief|Foreign Office Minister|Minister for the Middle East
""".replace("\n", "").split("|")
# Words before a role title that make it someone other than the current holder.
NOT_CURRENT = frozenset({"former", "then", "ex", "late", "future", "next", "previous", "past"})
ROLE_MODIFIERS = frozenset({"current", "incumbent", "sitting", "new", "'s", "’s"})
NAME_PARTICLES = frozenset({"al", "bin", "de", "van", "von", "der", "da", "du", "le", "la", "el"})
NOT_NAMES = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "The",
        "And",
        "Of",
        "For",
        "On",
        "In",
        "At",
        "To",
    ]
)
FUZZY_CUTOFF = 90


@dataclass(frozen=True)
class PersonMention:
    """A person found in text: token range, id and (for a new person) the name as written."""

    start: int
    end: int
    actor_id: str
    name: str | None = None


def person_id(name: str) -> str:
    """`person:` + lower-case hyphenated name, as SCHEMA.md forms it."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower().replace(".", "").replace("'", ""))
    return "person:" + slug.strip("-")


class People:
    """Finds people in a token Doc, given the gazetteer matches already made."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        nlp = blank_english()
        self.gazetteer = gazetteer
        self.people = gazetteer.of_kind("person")
        self.by_surname: dict[str, list[Entry]] = {}
        for person in self.people:
            self.by_surname.setdefault(person.surname, []).append(person)
        self.by_name = {f.lower(): p for p in self.people for f in p.forms}
        self.names = list(self.by_name)
        self.title_roles: dict[str, str | None] = dict.fromkeys(COURTESY_TITLES)
        for role, titles in ROLE_TITLES.items():
            for title in titles:
                self.title_roles[title] = role
                self.title_roles[title.lower()] = role
        self.titles = PhraseMatcher(nlp.vocab)
        for title in self.title_roles:
            self.titles.add(title, [nlp.make_doc(title)])
        self.surnames = PhraseMatcher(nlp.vocab)
        for surname in self.by_surname:
            self.surnames.add(surname, [nlp.make_doc(surname)])

    def __call__(self, doc: Doc, matches: list[Match], date: str | None) -> list[PersonMention]:
        kinds = {m.start: m for m in matches}
        taken = {i for m in matches for i in range(m.start, m.end)}
        found: list[PersonMention] = [
            PersonMention(m.start, m.end, m.actor_id)
            for m in matches
            if m.actor_id.startswith("person:")
        ]
        titles = longest_first([Match(s, e, doc.vocab.strings[k]) for k, s, e in self.titles(doc)])
        for title in titles:
            if title.start in taken:
                continue
            end = self._name_end(doc, title.end, taken)
            if end > title.end:
                mention = self._named(doc, title, end, date, found)
                if mention is not None:
                    found.append(mention)
                    taken.update(range(mention.start, mention.end))
            elif date is not None:
                mention = self._role_holder(doc, title, kinds, date)
                if mention is not None:
                    found.append(mention)
                    taken.update(range(mention.start, mention.end))
        found.extend(self._surnames(doc, found, taken, date))
        return found

    def _name_end(self, doc: Doc, start: int, taken: set[int]) -> int:
        """End of the capitalised name run that starts at token `start` (== start if none)."""
        end = start
        while end < len(doc) and end - start < 6 and end not in taken:
            token = doc[end]
            if doc[end - 1].whitespace_ not in ("", " "):
                break
            text = token.text
            joined = end > start and not doc[end - 1].whitespace_
            if (
                (
                    text[:1].isupper()
                    and text not in NOT_NAMES
                    and (token.is_alpha or text[-1] == ".")
                )
                or (text in NAME_PARTICLES and end + 1 < len(doc))
                or (text == "-" and joined and end + 1 < len(doc) and doc[end + 1].is_alpha)
                or (joined and doc[end - 1].text == "-" and token.is_alpha)
            ):
                end += 1
            else:
                break
        while end > start and (doc[end - 1].text in NAME_PARTICLES or doc[end - 1].text == "-"):
            end -= 1
        return end

    def _named(
        self, doc: Doc, title: Match, end: int, date: str | None, found: list[PersonMention]
    ) -> PersonMention | None:
        """The person a title + name run names; None for a lone unknown surname."""
        span = doc[title.end : end]
        name = span.text
        if end - title.end == 1:
            person = self._by_surname(name, self.title_roles.get(title.actor_id), date, found)
            if person is None:
                return None
            return PersonMention(title.end, end, person)
        entry = self.by_name.get(name.lower())
        if entry is None:
            best = process.extractOne(
                name.lower(), self.names, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_CUTOFF
            )
            entry = self.by_name[best[0]] if best else None
        if entry is not None:
            return PersonMention(title.end, end, entry.id)
        return PersonMention(title.end, end, person_id(name), name)

    def _by_surname(
        self, surname: str, role: str | None, date: str | None, found: list[PersonMention]
    ) -> str | None:
        """The person a titled surname names: one named in the document, else the gazetteer's."""
        for mention in found:
            if mention.name is not None and mention.name.split()[-1] == surname:
                return mention.actor_id
            entry = self.gazetteer.get(mention.actor_id)
            if entry is not None and entry.surname == surname:
                return entry.id
        candidates = self.by_surname.get(surname, [])
        if role is not None:
            fitting = [p for p in candidates if any(r.role == role for r in p.roles)]
            candidates = fitting or candidates
        if date is not None and len(candidates) > 1:
            current = [p for p in candidates if any(r.holds_on(date) for r in p.roles)]
            candidates = current or candidates
        return candidates[0].id if len(candidates) == 1 else None

    def _role_holder(
        self, doc: Doc, title: Match, kinds: dict[int, Match], date: str
    ) -> PersonMention | None:
        """ "Japan's current Prime Minister" -> the holder of that role on `date`."""
        role = self.title_roles.get(title.actor_id)
        if role is None:
            return None
        i = title.start
        while i > 0 and doc[i - 1].lower_ in ROLE_MODIFIERS:
            i -= 1
        owner = next((m for m in kinds.values() if m.end == i), None)
        if owner is None or owner.actor_id.startswith(("person:", "place:")):
            return None
        if owner.start > 0 and doc[owner.start - 1].lower_ in NOT_CURRENT:
            return None
        after = title.end + (title.end < len(doc) and doc[title.end].text == ",")
        if after in kinds and kinds[after].actor_id.startswith("person:"):
            return None  # a name follows ("US President Joe Biden") and resolves itself
        holder = self.gazetteer.role_holder(role, owner.actor_id, date)
        return PersonMention(title.start, title.end, holder.id) if holder else None

    def _surnames(
        self, doc: Doc, found: list[PersonMention], taken: set[int], date: str | None
    ) -> list[PersonMention]:
        """Surnames standing alone: back-references to people named or known by surname."""
        local: dict[str, str] = {}
        for mention in found:
            if mention.name is not None and mention.end - mention.start > 1:
                local[doc[mention.end - 1].text] = mention.actor_id
            entry = self.gazetteer.get(mention.actor_id)
            if entry is not None and entry.kind == "person":
                local[entry.surname] = entry.id
        spans = [(s, e) for _, s, e in self.surnames(doc)]
        if local:
            pattern = re.compile(r"\b(?:{})\b".format("|".join(map(re.escape, local))))
            for m in pattern.finditer(doc.text):
                span = doc.char_span(m.start(), m.end())
                if span is not None:
                    spans.append((span.start, span.end))
        out = []
        for start, end in sorted(set(spans)):
            if not taken.isdisjoint(range(start, end)) or self._inside_name(doc, start, end):
                continue
            surname = doc[start:end].text
            actor_id = local.get(surname) or self._known_surname(surname, date)
            if actor_id is not None:
                out.append(PersonMention(start, end, actor_id))
                taken.update(range(start, end))
        return out

    def _known_surname(self, surname: str, date: str | None) -> str | None:
        candidates = self.by_surname.get(surname, [])
        if len(candidates) != 1 or not candidates[0].surname_alone:
            return None
        person = candidates[0]
        if date is None:
            return person.id
        year = int(date[:4])
        active = any(
            int(r.start[:4]) <= year + 1 and (r.end is None or int(r.end[:4]) >= year - 8)
            for r in person.roles
        )
        return person.id if active else None

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
