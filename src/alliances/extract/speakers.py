"""Who is speaking: a claim's source resolved to an actor id from the document's mentions.

Reported speech names its source in a few shapes, each handled here with the resolved
mentions (the "mentions" slot) rather than a parser, so it stays fast and deterministic:
- a subject before the cue: "Itsunori Onodera, chairman of the LDP's policy research council,
  stated" -> the person, not the LDP (possessive modifiers, prepositional phrases and
  hyphenated chains such as "Japan-US" are modifiers, not heads);
- a pronoun or definite description: "he said", "it plans", "the minister" -> the nearest
  earlier mention of a fitting kind; "the two countries" -> the pair the article is about;
- a vague crowd: "analysts believe", "experts say" -> None, as the schema asks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from typing import Any

SPEAKER_KINDS = frozenset({"state", "organisation", "person"})


def words(text: str) -> frozenset[str]:
    """A word list written as one string: words("of at in") == {"of", "at", "in"}."""
    return frozenset(text.split())


PREPOSITIONS = words(
    "of at in from for to with on by between among under over about against into within "
    "across like including"
)
# A mention after these owns the subject phrase: "the strategy of the US", "a report by X".
SOURCE_PREPOSITIONS = words("of from by")
# Words that may stand between a subject and its cue: "has also repeatedly said".
AUXILIARIES = words(
    "has have had also repeatedly recently publicly once again further then previously "
    "earlier reportedly clearly openly strongly firmly explicitly already officially "
    "formally later subsequently jointly separately initially frequently often always "
    "first both all would will could may might can did does do"
)
PASSIVE = words("be been being is was are were")
COORDINATORS = frozenset({"and", "but"})
# Sources that speak for no actor: the claim keeps a null speaker.
VAGUE = words(
    "analysts analyst experts expert observers observer critics critic commentators "
    "commentator scholars scholar academics researchers pundits insiders people some many "
    "others media reports rumours rumors"
)
# Plural office-holders speak for the actor named just before them ("US officials said").
OFFICIALS = words(
    "officials official diplomats sources spokesman spokeswoman spokesperson authorities "
    "government administration ministry leaders"
)
# Capitalised heads that are bodies, not people: "the Japanese Cabinet said".
INSTITUTIONS = words(
    "cabinet ministry government parliament diet congress senate house assembly council "
    "committee commission office department agency administration embassy command forces "
    "force army navy military police guard radio television media press court party union "
    "secretariat headquarters"
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
ACTOR_PRONOUNS = frozenset({"it", "its", "they", "their", "them"})
# Definite descriptions that point back: "the two countries", "both leaders", "the minister".
_GROUP = re.compile(
    r"\b(?:the\s+two|both(?:\s+the)?|the)\s+"
    r"(?P<noun>countries|nations|sides|governments|states|allies|country|nation|"
    r"leaders|minister|secretary|president|prime\s+minister|ambassador|chairman|premier|"
    r"ministry|government|administration|department|embassy)\s*$",
    re.IGNORECASE,
)
# The same descriptions anywhere in a phrase ("leaders of the two countries since 2021").
_GROUP_ANYWHERE = re.compile(_GROUP.pattern.removesuffix(r"\s*$") + r"\b", re.IGNORECASE)
_GROUP_AT_START = re.compile(r"\s*" + _GROUP_ANYWHERE.pattern, re.IGNORECASE)
# Lower-case words inside a name phrase: "Foreign Ministry spokesperson Lin Jian".
TITLE_WORDS = words(
    "spokesperson spokesman spokeswoman minister secretary ambassador president chairman "
    "chairwoman envoy commander general admiral official adviser advisor gov. sen. rep. of the"
)
_PLURAL_NOUNS = words("countries nations sides governments states allies leaders")
_PERSON_NOUNS = frozenset(
    {"leaders", "minister", "secretary", "president", "ambassador", "chairman", "premier"}
)
_FIRST_WORD = re.compile(r"\s*([\w’'-]+)")
# How far back a pronoun may reach for its antecedent (characters).
ANTECEDENT_REACH = 1500


def last_word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The last word in text[start:end] that only spaces and commas follow, as (start, end);
    an empty span when another character comes last. A backwards scan: an end-anchored regex
    search would try every start position."""
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    first = end
    while first > start and (text[first - 1].isalnum() or text[first - 1] in "_’'-"):
        first -= 1
    return first, end


def last_word(text: str) -> str:
    """The last word of `text`, lower-cased ('' when there is none)."""
    first, end = last_word_span(text, 0, len(text))
    return text[first:end].lower()


def strip_auxiliaries(text: str, start: int, end: int) -> int:
    """Move `end` back over whitespace, commas and auxiliaries ("has also") towards `start`."""
    while end > start:
        first, last = last_word_span(text, start, end)
        if first == last or text[first:last].lower() not in AUXILIARIES:
            break
        end = first
    while end > start and text[end - 1] in " \t,":
        end -= 1
    return end


class Speakers:
    """Resolves speakers against one document's mentions (sorted by start)."""

    def __init__(self, text: str, mentions: Sequence[Any]) -> None:
        self.text = text
        self.mentions = [m for m in mentions if m.kind in SPEAKER_KINDS]
        self.starts = [m.start for m in self.mentions]
        self.ends = [m.end for m in self.mentions]

    def within(self, start: int, end: int) -> list[Any]:
        """Speaker-kind mentions lying wholly inside [start, end)."""
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def governing_word(self, mention: Any) -> str:
        """The word before a mention, looking past an article: "at" in "at the College"."""
        before = self.text[max(0, mention.start - 40) : mention.start]
        word = last_word(before)
        if word in ("the", "a", "an"):
            word = last_word(before[: before.lower().rstrip().rfind(word)])
        return word

    def is_head(self, mention: Any) -> bool:
        """False for modifiers: after a preposition, before "'s", or inside "Japan-US"."""
        text = self.text
        if not self.is_chain_free(mention) or text[mention.end : mention.end + 2] in ("'s", "’s"):
            return False
        return self.governing_word(mention) not in PREPOSITIONS

    def first_head(self, start: int, end: int) -> str | None:
        """The sentence's subject, roughly: the first head mention in [start, end), carried to
        the last mention of the same name phrase ("Chinese Foreign Ministry spokesperson Lin
        Jian" -> Lin Jian)."""
        mentions = self.within(start, end)
        heads = [i for i, m in enumerate(mentions) if self.is_head(m)]
        if not heads:
            return None
        subject = mentions[heads[0]]
        for mention in mentions[heads[0] + 1 :]:
            gap = self.text[subject.end : mention.start].split()
            if not all(w[:1].isupper() or w.lower() in TITLE_WORDS for w in gap):
                break
            subject = mention
        return subject.actor_id

    def subject(self, start: int, end: int) -> str | None:
        """The speaker whose subject phrase is text[start:end], ending just before the cue."""
        end = strip_auxiliaries(self.text, start, end)
        region = self.text[start:end]
        word = last_word(region)
        if not word:
            return None
        if word in PERSON_PRONOUNS or word in ACTOR_PRONOUNS:
            return self.pronoun(word, end, start)
        candidates = self.within(start, end)
        if word in COORDINATORS:
            return self.first_head(start, end)
        if word in VAGUE:  # unless a named person stands in apposition: "Zhang, an expert,"
            named = [
                m for m in candidates if m.kind == "person" and self.text[m.end : m.end + 2] == ", "
            ]
            return named[0].actor_id if named else None
        if word in OFFICIALS:
            near = [m for m in candidates if len(self.text[m.end : end].split()) <= 2]
            if near:
                return near[-1].actor_id
        group = _GROUP.search(region)
        if group and not any(m.end > start + group.start() for m in candidates):
            return self.group(group.group("noun"), start + group.start())
        for mention in reversed(candidates):
            if self.is_head(mention):
                if mention.kind != "person" and self.unresolved_name(start, end, candidates):
                    return None  # "Dutch Foreign Minister Hans Van den Broek said": not NLD
                return mention.actor_id
        owners = [
            m
            for m in candidates
            if self.governing_word(m) in SOURCE_PREPOSITIONS
            or self.text[m.end : m.end + 2] in ("'s", "’s")
        ]
        if owners:  # "the Strategy of the US vowed", "Japan's white paper says"
            return owners[-1].actor_id
        groups = list(_GROUP_ANYWHERE.finditer(region))
        return self.group(groups[-1].group("noun"), start + groups[-1].start()) if groups else None

    def named_after(self, start: int, stop: int) -> str | None:
        """The speaker named right after a cue: 'said Japanese Defense Minister Minoru Kihara,
        ...' -> the person; 'said he' -> the pronoun's antecedent."""
        comma = self.text.find(",", start, stop)
        phrase_end = stop if comma < 0 else comma
        while phrase_end > start and self.text[phrase_end - 1] in ".;:!? ":
            phrase_end -= 1
        mentions = self.within(start, stop)
        if not mentions:
            words = self.text[start:stop].split()
            return self.pronoun(words[0].strip(",."), start) if words else None
        speaker = self.first_head(start, phrase_end) or mentions[0].actor_id
        named = [m for m in mentions if m.actor_id == speaker]
        if (
            named
            and named[0].kind != "person"
            and self.unresolved_name(start, phrase_end, mentions)
        ):
            return None
        return speaker

    def unresolved_name(self, start: int, end: int, candidates: list[Any]) -> bool:
        """Whether the subject phrase ends in a capitalised name no mention covers: someone
        the gazetteer does not know, whom a state or body named before must not stand for."""
        first, last = last_word_span(self.text, start, end)
        word = self.text[first:last]
        return (
            word[:1].isupper()
            and word.lower() not in INSTITUTIONS
            and not any(m.start <= first < m.end for m in candidates)
        )

    def adjacent(self, end: int) -> str | None:
        """The mention ending right before `end` (only spaces and commas between), if any."""
        pos = end
        while pos > 0 and self.text[pos - 1] in " ,":
            pos -= 1
        i = bisect_right(self.ends, pos) - 1
        return self.mentions[i].actor_id if i >= 0 and self.ends[i] == pos else None

    def pronoun(self, word: str, position: int, sentence: int | None = None) -> str | None:
        """A person for he/she, a state or body for it/they: the subject of the pronoun's own
        sentence when it names one before the pronoun (`sentence` is where that sentence
        starts: "Lebanon complained over Israeli raids in which it said" -> Lebanon), else the
        nearest earlier fitting mention."""
        word = word.lower()
        if word in PERSON_PRONOUNS:
            kinds = {"person"}
        elif word in ACTOR_PRONOUNS:
            kinds = {"state", "organisation"}
        else:
            return None
        if sentence is not None:
            heads = [
                m for m in self.within(sentence, position) if m.kind in kinds and self.is_head(m)
            ]
            if heads:
                return heads[0].actor_id
        return self.nearest(position, kinds)

    def group(self, noun: str, position: int) -> str | None:
        """ "the minister": the nearest earlier person; "the two countries", "both leaders": the
        nearer of the document's two most-mentioned states (or people) so far, the pair the
        article is about, not a third country named in between."""
        noun = noun.lower().split()[-1]
        kinds = {"person"} if noun in _PERSON_NOUNS else {"state", "organisation"}
        if noun not in _PLURAL_NOUNS:
            return self.nearest(position, kinds)
        earlier = self.mentions[: bisect_right(self.ends, position)]
        counts = Counter(m.actor_id for m in earlier if m.kind in kinds)
        pair = {actor_id for actor_id, _ in counts.most_common(2)}
        for mention in reversed(earlier):
            if mention.actor_id in pair:
                return mention.actor_id
        return None

    def nearest(self, position: int, kinds: set[str]) -> str | None:
        i = bisect_right(self.ends, position) - 1
        while i >= 0 and self.mentions[i].end > position - ANTECEDENT_REACH:
            mention = self.mentions[i]
            if mention.kind in kinds and mention.end <= position:
                return mention.actor_id
            i -= 1
        return None

    def content_subject(self, start: int, sentence: int | None = None) -> str | None:
        """The actor a clause's leading pronoun points to ("it plans to ..."), else None."""
        match = _FIRST_WORD.match(self.text, start)
        if not match:
            return None
        word = match.group(1).lower()
        if word in ("it", "they", "he", "she"):
            return self.pronoun(word, start, sentence)
        group = _GROUP_AT_START.match(self.text, start)
        return self.group(group.group("noun"), start) if group else None

    def phrase(self, start: int, end: int) -> tuple[bool, str | None]:
        """An "according to" phrase: (True, its first actor), (True, None) when vague, or
        (False, None) when it names no actor (a document: "the Defense Plan")."""
        candidates = [m for m in self.within(start, end) if self.is_chain_free(m)]
        if candidates:  # "according to Japan's Kyodo News", "... to a DoD news release"
            speaker = self.first_head(start, end) or candidates[0].actor_id
            while end > start and self.text[end - 1] in ".;:!? ":
                end -= 1
            kinds = {m.kind for m in candidates if m.actor_id == speaker}
            if "person" not in kinds and self.unresolved_name(start, end, candidates):
                return True, None
            return True, speaker
        if set(re.findall(r"[a-z]+", self.text[start:end].lower())) & VAGUE:
            return True, None
        group = _GROUP_ANYWHERE.search(self.text, start, end)
        if group:
            return True, self.group(group.group("noun"), start)
        return False, None

    def is_chain_free(self, mention: Any) -> bool:
        """False inside a hyphenated chain such as "Japan-US Security Treaty"."""
        text = self.text
        return text[mention.end : mention.end + 1] not in ("-", "–") and (
            mention.start == 0 or text[mention.start - 1] not in ("-", "–")
        )
