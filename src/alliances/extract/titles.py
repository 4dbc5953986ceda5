"""Word lists for reading people: titles, speech cues, name particles, words that are not names.

Titles introduce or stand for a person; role titles name the roles that can be dated.

A role title ("Prime Minister", "Secretary of State") maps to a gazetteer role, so that "Japan's
Prime Minister" can be looked up by date. Courtesy and rank titles ("Professor", "Gen.") only
introduce a name. Lower-case variants of the common office titles are matched too ("chairman of
the LDP", "the foreign secretary"); a lower-case title introduces only a full name.
"""

from __future__ import annotations

from alliances.extract.matching import Found, Match, PhraseGroups, longest_first
from alliances.extract.text import blank_english

ROLE_TITLES = {
    "head_of_state": ("President",),
    "head_of_government": ("Prime Minister", "Premier", "Chancellor", "PM"),
    "foreign_minister": (
        "Foreign Minister",
        "Minister of Foreign Affairs",
        "Minister for Foreign Affairs",
        "Foreign Secretary",
        "Secretary of State",
        "External Affairs Minister",
        "Minister of External Affairs",
        "Foreign Affairs Secretary",
    ),
    "defence_minister": (
        "Defense Minister",
        "Defence Minister",
        "Minister of Defense",
        "Minister of Defence",
        "Minister for Defence",
        "Minister of National Defense",
        "Minister of the Armed Forces",
        "Secretary of National Defense",
        "Defense Secretary",
        "Defence Secretary",
        "Secretary of Defense",
        "Secretary of War",
        "War Secretary",
    ),
    "secretary_general": ("Secretary-General", "Secretary General"),
    "ambassador": ("Ambassador",),
}

COURTESY_TITLES = (
    "Vice President",
    "Deputy Prime Minister",
    "Minister",
    "Secretary",
    "Deputy Secretary",
    "Deputy Secretary of State",
    "Under Secretary",
    "Assistant Secretary",
    "Chief Cabinet Secretary",
    "Foreign Office Minister",
    "FCO Minister",
    "Minister for the Middle East",
    "Envoy",
    "Special Envoy",
    "Special Representative",
    "High Representative",
    "Special Advisor",
    "Special Adviser",
    "National Security Advisor",
    "National Security Adviser",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Professor",
    "Prof.",
    "Dr.",
    "Dr",
    "Mr.",
    "Mr",
    "Mrs.",
    "Mrs",
    "Ms.",
    "Ms",
    "General",
    "Gen.",
    "Lt. Gen.",
    "Maj. Gen.",
    "Brig. Gen.",
    "Lieutenant General",
    "Major General",
    "Brigadier General",
    "Admiral",
    "Adm.",
    "Vice Adm.",
    "Rear Adm.",
    "Vice Admiral",
    "Rear Admiral",
    "Colonel",
    "Col.",
    "Lt. Col.",
    "Captain",
    "Capt.",
    "Commander",
    "Cmdr.",
    "Commodore",
    "Lieutenant",
    "Lt.",
    "Major",
    "Maj.",
    "Sergeant",
    "Sgt.",
    "Spc.",
    "Petty Officer",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Congressman",
    "Congresswoman",
    "Governor",
    "Gov.",
    "Mayor",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Director",
    "Director General",
    "Director-General",
    "Chief",
    "King",
    "Queen",
    "Prince",
    "Crown Prince",
    "Emperor",
    "Sheikh",
    "Pope",
    "Speaker",
    "Judge",
    "Justice",
    "Lawmaker",
    "Defense Chief",
    "Defence Chief",
    "Chief Executive",
    "State Councilor",
    "State Councillor",
    "Vice Premier",
    "Vice Chairman",
    "Vice Foreign Minister",
    "Deputy Foreign Minister",
    "Senior Minister",
    "Chief of Staff",
    "Commandant",
    "General Secretary",
    # the same ranks written without full stops, as British and Asian papers do
    "Lt Gen",
    "Maj Gen",
    "Brig Gen",
    "Lt Col",
    "Col",
    "Adm",
    "Capt",
    "Cmdr",
    "Sgt",
    "Prof",
)

# Lower-case office titles also matched ("chairman of ...", "the foreign minister").
LOWER_TITLES = (
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "foreign minister",
    "foreign secretary",
    "defense minister",
    "defence minister",
    "defense secretary",
    "defence secretary",
    "secretary of state",
    "secretary-general",
    "minister",
    "secretary",
    "ambassador",
    "chairman",
    "chairwoman",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "professor",
    "commander",
    "director",
    "envoy",
    "adviser",
    "advisor",
    "senator",
    "governor",
    "lawmaker",
)


# Lower-case parts of names ("Haider al-Abadi", "Ursula von der Leyen").
NAME_PARTICLES = frozenset({"al", "bin", "de", "van", "von", "der", "da", "du", "le", "la", "el"})
# Capitalised words that end a name run: months, weekdays, sentence-initial function words.
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
# Speech cues next to which a capitalised two- to four-word name is a person.
SPEECH_CUES = (
    "said",
    "says",
    "told",
    "stated",
    "added",
    "noted",
    "argued",
    "wrote",
    "warned",
    "explained",
    "announced",
    "declared",
    "according to",
)
# Words that make a capitalised run an organisation or a place, not a person's name.
NOT_PERSON_WORDS = frozenset(
    {
        "Academy",
        "Administration",
        "Agency",
        "Alliance",
        "Army",
        "Assembly",
        "Association",
        "Bank",
        "Board",
        "Bureau",
        "Center",
        "Centre",
        "Club",
        "Coalition",
        "College",
        "Command",
        "Commission",
        "Committee",
        "Company",
        "Corporation",
        "Council",
        "Court",
        "Daily",
        "Department",
        "Embassy",
        "Fleet",
        "Force",
        "Forces",
        "Foundation",
        "Front",
        "Fund",
        "Government",
        "Group",
        "Guard",
        "Herald",
        "Institute",
        "Journal",
        "League",
        "Media",
        "Ministry",
        "Movement",
        "Navy",
        "Network",
        "News",
        "Office",
        "Organization",
        "Organisation",
        "Parliament",
        "Party",
        "Post",
        "Press",
        "Regiment",
        "Republic",
        "School",
        "Service",
        "Services",
        "Society",
        "Times",
        "Tribune",
        "Union",
        "University",
    }
)


class TitleMatcher:
    """Finds titles; where titles run together ("Senior Chief Petty Officer") keeps the last."""

    def __init__(self, phrases: PhraseGroups) -> None:
        """Registers every title in `phrases` (group "titles", compared as written)."""
        nlp = blank_english()
        self.roles: dict[str, str | None] = dict.fromkeys(COURTESY_TITLES)
        for role, titles in ROLE_TITLES.items():
            self.roles.update(dict.fromkeys(titles, role))
        by_lower = {title.lower(): role for title, role in self.roles.items()}
        for title in LOWER_TITLES:
            self.roles[title] = by_lower.get(title)
        self.titles: dict[int, str] = {}  # match id -> title
        self.words: dict[str, tuple[str, ...]] = {}  # title -> its lower-cased tokens
        for title in self.roles:
            tokens = nlp.make_doc(title)
            self.titles[phrases.add("titles", title, [tokens])] = title
            self.words[title] = tuple(t.lower_ for t in tokens)

    def __call__(self, phrases: Found) -> list[tuple[Match, str | None]]:
        """(token range with the title as `actor_id`, role) pairs, sorted by start, from the
        `phrases` found in a Doc."""
        titles = self.titles
        found = longest_first([Match(s, e, titles[k]) for k, s, e in phrases["titles"]])
        starts = {m.start for m in found}
        return [(m, self.roles[m.actor_id]) for m in found if m.end not in starts]
