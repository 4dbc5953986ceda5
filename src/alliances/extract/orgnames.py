"""Organisations the gazetteer does not list, found by the word that heads their name.

"Korea Institute for Defense Analyses", "Stimson Center", "University of Tokyo": a capitalised
run around a head word such as Institute, University or Center, extended over "of", "for" and
"on" between capitalised words, is an organisation with id `org:` + slug. Heads that
usually name an organ of a state (Council, Agency, Ministry, Command) are left out: those are
the gazetteer's business. Gazetteer matches inside the run (a state in "Korea Institute ...")
give way to the organisation, as the gazetteer's own "US Naval War College" does.
"""

from __future__ import annotations

import re

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from alliances.extract.matching import Match
from alliances.extract.text import blank_english, in_headline

HEADS = (
    "University",
    "Institute",
    "Institution",
    "Foundation",
    "Center",
    "Centre",
    "College",
    "Academy",
    "School",
    "Forum",
    "Society",
    "Association",
    "Corporation",
)
CONNECTORS = frozenset({"of", "for", "on"})  # not "and": "... Institute and Sarah Lee"
MAX_TOKENS = 8


def org_id(name: str) -> str:
    """`org:` + lower-case hyphenated name, without a leading "the"."""
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    return "org:" + re.sub(r"[^a-z0-9]+", "-", name.lower().replace("'", "")).strip("-")


def _capitalised(doc: Doc, i: int) -> bool:
    text = doc[i].text
    return text[:1].isupper() and (doc[i].is_alpha or "-" in text or "'" in text)


class OrganisationNames:
    """Finds organisation names by their head word; returns token ranges with ids."""

    def __init__(self) -> None:
        nlp = blank_english()
        self.heads = PhraseMatcher(nlp.vocab)
        self.heads.add("head", [nlp.make_doc(h) for h in HEADS])

    def __call__(self, doc: Doc, text: str, matches: list[Match]) -> list[tuple[Match, str]]:
        """(range with `org:` id, name) for each new organisation; `matches` are the gazetteer's.

        A run that overlaps a gazetteer organisation, person or place is not new.
        """
        kept = {i for m in matches if not m.actor_id[0].isupper() for i in range(m.start, m.end)}
        found: list[tuple[Match, str]] = []
        last_end = -1
        for _, head, head_end in self.heads(doc):
            if head < last_end or head in kept:
                continue
            start = head
            while start > 0 and head - start < MAX_TOKENS and _capitalised(doc, start - 1):
                start -= 1
            end = head_end
            while end + 1 < len(doc) and doc[end].text in CONNECTORS and _capitalised(doc, end + 1):
                end += 2
                while end < len(doc) and end - start < MAX_TOKENS and _capitalised(doc, end):
                    end += 1
            while start < head and doc[start].is_stop:
                start += 1  # "The Stimson Center": the article is not part of the name
            if end - start < 2 or not kept.isdisjoint(range(start, end)):
                continue
            if in_headline(text, doc[start].idx):
                continue
            name = doc[start:end].text
            found.append((Match(start, end, org_id(name)), name))
            last_end = end
        return found
