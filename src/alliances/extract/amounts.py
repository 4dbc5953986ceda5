"""Amounts in text: money, percentages, shares of GDP and counts, by our own grammar.

quantulum3 and price-parser are not used: they drop the currency or the scale. One compiled
regular expression finds every number ("JPY 5.4 trillion", "4,000", "seven", "half a million");
small anchored expressions then read its context: a currency before or after it, "%"/"percent",
"of GDP", a counted noun ("about 4,000 Marines", "seven of the 10 ASEAN members"), a bound word
before it ("more than", "nearly", "up to"). The currency of the last amount carries forward within
a paragraph to a bare scaled number ("from JPY 5.4 trillion in FY 2022 to more than 10 trillion in
FY 2027"); a range's first number borrows the second's scale ("$5-10 million"); "half of the US
forces" is a share (percent 50).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from alliances.extract.scan import WORD_STARTS, folded, matches_at, start_guard

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a dozen": 12, "a hundred": 100, "half a": 0.5,
}  # fmt: skip
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_1_9 = "one|two|three|four|five|six|seven|eight|nine"
_SCALES = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9, "tn": 10**12,
}  # fmt: skip

# Currency written before the number; the longest spellings first so "US$" wins over "$".
_PREFIX_CURRENCIES = {
    "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD", "C$": "CAD",
    "CA$": "CAD", "S$": "SGD", "HK$": "HKD", "NT$": "TWD", "RMB": "CNY", "Rs.": "INR",
    "JPY": "JPY", "USD": "USD", "KRW": "KRW", "AUD": "AUD", "PHP": "PHP", "CNY": "CNY",
    "GBP": "GBP", "EUR": "EUR", "TWD": "TWD", "INR": "INR", "NZD": "NZD", "CAD": "CAD",
    "SGD": "SGD", "HKD": "HKD", "$": "USD", "¥": "JPY", "￥": "JPY", "£": "GBP", "€": "EUR",
    "₩": "KRW", "₱": "PHP", "₹": "INR",
}  # fmt: skip
# Currency written after the number: a word, optionally with the country's adjective.
_DOLLAR_ADJECTIVES = {
    "us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
    "singapore": "SGD", "hong kong": "HKD", "new taiwan": "TWD", "taiwan": "TWD",
    "new zealand": "NZD",
}  # fmt: skip
# Adjectives that only restate the currency word: "5 trillion Japanese yen".
_NATIONAL = r"(?:Japanese|(?:South\s)?Korean|Chinese|Philippine|Indian)"
_SUFFIX_WORDS = {
    "dollar": "USD", "yen": "JPY", "won": "KRW", "yuan": "CNY", "renminbi": "CNY", "peso": "PHP",
    "euro": "EUR", "pounds sterling": "GBP", "pound": "GBP", "rupee": "INR",
}  # fmt: skip

_BOUNDS = {
    "more than": "more_than", "over": "more_than", "above": "more_than",
    "in excess of": "more_than", "at least": "more_than", "upwards of": "more_than",
    "nearly": "about", "almost": "about", "about": "about", "around": "about",
    "approximately": "about", "roughly": "about", "some": "about", "an estimated": "about",
    "close to": "about", "up to": "up_to", "as many as": "up_to", "as much as": "up_to",
    "no more than": "up_to", "at most": "up_to", "less than": "less_than",
    "fewer than": "less_than", "under": "less_than", "below": "less_than",
}  # fmt: skip
_SHARES = {
    "half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "two thirds": 200 / 3,
    "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0,
}  # fmt: skip

# Counted nouns (singular or plural) -> the unit reported; units compare case-insensitively.
_COUNT_UNITS = {
    "troop": "troops", "peacekeeper": "troops", "soldier": "soldiers",
    "marine": "Marines", "personnel": "personnel",
    "military personnel": "personnel", "service member": "troops", "servicemember": "troops",
    "sailor": "sailors", "airman": "airmen", "airmen": "airmen", "state": "states",
    "country": "states", "countries": "states", "nation": "states", "member": "states",
    "member state": "states", "member country": "states", "ally": "states", "allies": "states",
    "ship": "ships", "vessel": "ships", "warship": "ships", "destroyer": "ships",
    "frigate": "ships", "aircraft carrier": "ships", "submarine": "submarines",
    "aircraft": "aircraft", "plane": "aircraft", "jet": "aircraft", "fighter jet": "aircraft",
    "bomber": "aircraft", "helicopter": "aircraft", "drone": "drones", "uav": "drones",
    "missile": "missiles", "rocket": "missiles", "interceptor": "missiles",
    "warhead": "warheads", "launcher": "launchers", "tank": "tanks", "site": "sites",
    "base": "bases", "military base": "bases", "installation": "bases", "strike": "strikes",
    "airstrike": "strikes", "air strike": "strikes", "airdrop": "airdrops",
    "munition": "munitions", "people": "people", "civilian": "people", "person": "people",
    "refugee": "refugees", "exercise": "exercises", "drill": "exercises",
    "vehicle": "vehicles", "weapons cache": "weapons caches", "fighting position": "positions",
    "supply route": "supply routes", "building": "buildings", "unit": "units", "team": "teams",
    "facility": "facilities", "facilities": "facilities", "ied": "IEDs", "vbied": "VBIEDs",
}  # fmt: skip

# Plural demonyms count people: "2 million Syrians", "300 Americans".
_DEMONYMS = r"[A-Z][a-z]{2,}(?:ians|ans|is)"
# Words after which a small count refers rather than counts: "the two countries", "the 32 NATO
# members"; "the 28,500 US troops in Korea" still counts.
_DETERMINERS = r"the|our|their|its|these|those|both|all|his|her|my|your|each|every|first|last"
# Words that end a noun phrase: a count's modifiers ("4,000 US Marines") cannot be one of them.
_STOP = (
    r"of|the|and|or|to|in|on|at|for|from|by|with|than|as|is|are|was|were|be|been|has|have|had|"
    r"will|would|most|which|that|who|per|a|an|plus|times|years?|months?|days?|weeks?"
)
# After a bare scaled number, these words leave room for a carried-forward currency.
_CARRY_NEXT = (
    r"in|to|for|by|and|or|from|this|last|next|a|per|each|annually|over|on|than|while|with|"
    r"during|between|until|through|respectively|compared|of"
)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER = (
    rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{_TENS})-(?:{_UNITS_1_9})"
    rf"|{_alternation(_WORD_NUMBERS)}"
)
_NUMBER_WORDS = [re.escape(w) for w in _WORD_NUMBERS]
WORD_STARTS.add(_NUMBER_WORDS)  # where a number can start (`_atom_starts`)
_ATOM_RE = re.compile(
    start_guard(
        [re.escape(c.lower()) for c in _PREFIX_CURRENCIES if c[0].isalpha()] + _NUMBER_WORDS,
        symbols="".join(c for c in _PREFIX_CURRENCIES if len(c) == 1),
    )
    + rf"(?:(?<![A-Za-z])(?P<cur>{_alternation(_PREFIX_CURRENCIES)})\s?)?"
    rf"(?<![\w.,+:])(?<![A-Za-z]-)(?P<num>{_NUMBER})"
    rf"(?:[\s-]?(?P<scale>thousand|million|billion|trillion|bn|tn)\b|(?P<short>k|mn|m)\b)?"
    rf"(?![\w+]|[.,:]\d|-(?!(?:{_alternation(_SUFFIX_WORDS)})s?\b)[A-Za-z])",
    re.IGNORECASE,
)
_SUFFIX_RE = re.compile(
    rf"[\s-](?:(?P<adj>{_alternation(_DOLLAR_ADJECTIVES)})\s|{_NATIONAL}\s)?"
    rf"(?P<word>{_alternation(_SUFFIX_WORDS)})s?\b"
    rf"|\s(?-i:(?P<code>{'|'.join(c for c in _PREFIX_CURRENCIES if c.isalpha())}))\b",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(
    r"\s?(?:%|percent\b|per\scent\b|percentage\spoints?\b)"
    r"(?P<gdp>\s+of\s+(?:(?:the|its|their|our|his|her|[\w.]+(?:'s|’s))\s+){0,2}"
    r"(?:(?P<wide>global|world|regional|Asian|Asia's)\s+)?(?:GDP|gross\sdomestic\sproduct)\b)?",
    re.IGNORECASE,
)
_COUNT_RE = re.compile(
    rf"(?P<of>\s+of\s+(?:the|its|their)(?:\s+(?:\d[\d,]*|{_alternation(_WORD_NUMBERS)}))?)?"
    rf"\s+(?P<mods>(?:(?!(?:{_STOP})\b)(?:U\.S\.|\w(?:[\w'’.-]*\w)?)\s+){{0,2}})"
    rf"(?:(?P<unit>{_alternation(_COUNT_UNITS)})(?:e?s)?|(?-i:{_DEMONYMS}))\b",
    re.IGNORECASE,
)
_RANGE_RE = re.compile(r"\s?(?:-|–|to)\s?", re.IGNORECASE)
_CARRY_RE = re.compile(rf"\s*(?:$|[^\w\s]|(?:{_CARRY_NEXT})\b)", re.IGNORECASE)
_BOUND_RE = re.compile(rf"\b(?P<bound>{_alternation(_BOUNDS)})\s+$", re.IGNORECASE)
_DETERMINER_RE = re.compile(rf"\b(?:{_DETERMINERS})\s+$", re.IGNORECASE)
_SHARE_RE = re.compile(
    rf"(?<![\w-])(?P<share>{'|'.join(s.replace(' ', '[ -]') for s in _SHARES)})"
    r"(?=\s+(?:of\s+)?(?:the|its|their|our|his|her|all|[A-Z]\w*(?:'s|’s))(?!\w))"
    r"(?!\s+of\s+(?:the\s+)?(?:a\s+)?(?:year|decade|century|month|week|day|\d{4})\b)",
    re.IGNORECASE,
)
_SHARE_BEFORE_RE = re.compile(r"\b(?:first|second|latter|former|other|the|a)\s+$", re.IGNORECASE)


def _number(token: str) -> Decimal:
    """The number a token writes; Decimal so that 8.7 trillion is exactly 8.7e12."""
    token = token.lower()
    if token[0].isdigit():
        return Decimal(token.replace(",", ""))
    if "-" in token:
        tens, unit = token.split("-")
        return Decimal(_WORD_NUMBERS[tens] + _WORD_NUMBERS[unit])
    return Decimal(str(_WORD_NUMBERS[token]))


@dataclass
class _Number:
    """One number found in the text, before its kind is known."""

    start: int  # the currency's start when one precedes
    end: int
    num_start: int
    value: Decimal
    scale: str | None
    currency: str | None


def _suffix_currency(m: re.Match) -> str:
    if m.group("code"):
        return _PREFIX_CURRENCIES[m.group("code")]
    word = m.group("word").lower()
    adjective = m.group("adj")
    if word == "dollar" and adjective:
        return _DOLLAR_ADJECTIVES[adjective.lower()]
    return _SUFFIX_WORDS[word]


# The last character of every prefix currency, lower-cased ("US$", "RMB", "Rs.", "JPY", "€").
_CURRENCY_ENDS = frozenset(c[-1].lower() for c in _PREFIX_CURRENCIES)
_LONGEST_PREFIX = max(map(len, _PREFIX_CURRENCIES)) + 1  # and one space


def _atom_starts(text: str) -> list[int]:
    """Every position where an `_ATOM_RE` match can start, in order (a superset).

    A match's number starts where a digit or a number word starts after a non-word character
    (`WORD_STARTS`); a currency (and one space) may come before it.
    """
    starts = set()
    for a in WORD_STARTS(text):
        starts.add(a)
        before = text[a - 1] if a else ""
        if before.isspace() and a >= 2:
            before = text[a - 2]
        if before.lower() in _CURRENCY_ENDS:
            starts.update(range(max(0, a - _LONGEST_PREFIX), a))
    return sorted(starts)


def _atoms(text: str) -> list[re.Match]:
    """`_ATOM_RE.finditer(text)`, tried only where a match can start."""
    return matches_at(_ATOM_RE, text, _atom_starts(text))


def _numbers(text: str) -> list[_Number]:
    """Every number with the currency and scale written next to it."""
    numbers = []
    for m in _atoms(text):
        cur, short = m.group("cur"), m.group("short")
        if short and not cur:
            continue  # "5m" without a currency is a length
        scale = (m.group("scale") or short or "").lower() or None
        value = _number(m.group("num")) * (_SCALES[scale] if scale else 1)
        currency = _PREFIX_CURRENCIES.get(cur) if cur else None
        if cur and currency is None:  # matched case-insensitively, e.g. "usd"
            currency = _PREFIX_CURRENCIES.get(cur.upper())
        numbers.append(_Number(m.start(), m.end(), m.start("num"), value, scale, currency))
    return numbers


def _loose_members(count: re.Match) -> bool:
    """'15 members' of a committee are not states: members count as states only as part of a
    group ("seven of the 10 ASEAN members", "32 NATO members", "27 member states")."""
    unit = (count.group("unit") or "").lower()
    if unit != "member":
        return False
    return not count.group("of") and not any(w[0].isupper() for w in count.group("mods").split())


def _bound(text: str, start: int) -> tuple[str, int]:
    m = _BOUND_RE.search(text, max(0, start - 20), start)
    if m is None:
        return "exact", start
    return _BOUNDS[m.group("bound").lower()], m.start()


@dataclass
class Amount:
    """A quantity found in the text, before its period, actor and measure are known."""

    kind: str
    value: float
    unit: str
    bound: str
    start: int
    end: int
    value_end: int  # where the number (and its currency) ends, before "of GDP" or the noun


def _classify(text: str, numbers: list[_Number]) -> list[Amount]:
    """Give each number a kind from its context; numbers with none are not quantities."""
    found: list[Amount] = []
    last_currency: tuple[str, int] | None = None  # (currency, end) of the last amount
    covered = 0  # numbers inside an earlier quantity ("the 10" in "seven of the 10 members")
    for i, a in enumerate(numbers):
        if a.num_start < covered:
            continue
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        scale, currency, end = a.scale, a.currency, a.end
        value = a.value
        if nxt and not scale and _RANGE_RE.fullmatch(text, a.end, nxt.start):
            if nxt.scale:  # "$5-10 million": the first borrows the second's scale
                value *= _SCALES[nxt.scale]
            suffix = _SUFFIX_RE.match(text, nxt.end)  # "5 to 10 trillion yen": and currency
            currency = currency or nxt.currency or (_suffix_currency(suffix) if suffix else None)
        suffix = None if currency else _SUFFIX_RE.match(text, a.end)
        if suffix and (suffix.group("word") or "").lower() in ("pound", "won") and not scale:
            suffix = None  # "500 pounds" is a weight, "215 won by" a verb
        if suffix:
            currency, end = _suffix_currency(suffix), suffix.end()
        kind = unit = None
        if currency:
            kind, unit = "money", currency
        elif percent := _PERCENT_RE.match(text, a.end):
            unit, kind, end = "%", "percent_gdp", percent.end()
            if not percent.group("gdp") or percent.group("wide"):  # of the world's GDP: a share
                kind, end = "percent", percent.start("gdp") if percent.group("gdp") else end
        elif (
            (count := _COUNT_RE.match(text, a.end))
            and text[a.num_start : a.end].lower() != "one"  # "one country", "one base": not a count
            and (value >= 100 or not _DETERMINER_RE.search(text, max(0, a.start - 12), a.start))
            and not _loose_members(count)
        ):
            kind, end = "count", count.end()
            unit = _COUNT_UNITS.get((count.group("unit") or "").lower(), "people")
        elif (
            scale in ("million", "billion", "trillion", "bn", "tn")
            and last_currency
            and "\n" not in text[last_currency[1] : a.start]
            and _CARRY_RE.match(text, a.end)
        ):
            kind, unit = "money", last_currency[0]
        if kind is None:
            continue
        if kind == "money":
            last_currency = (unit, end)
        bound, start = _bound(text, a.start)
        found.append(Amount(kind, float(value), unit, bound, start, end, a.end))
        covered = end
    return found


def _shares(text: str) -> list[Amount]:
    """'half of the US forces' -> percent 50 (a share, not the number one half)."""
    found = []
    low = folded(text)
    start = 0
    if low is not None:  # every share names a half, third or quarter, at most 6 characters in
        firsts = [i for i in (low.find("half"), low.find("third"), low.find("quarter")) if i >= 0]
        if not firsts:
            return found
        start = max(0, min(firsts) - 6)
    for m in _SHARE_RE.finditer(text, start):
        if _SHARE_BEFORE_RE.search(text, max(0, m.start() - 10), m.start()):
            continue
        bound, start = _bound(text, m.start())
        share = _SHARES[m.group("share").lower().replace("-", " ")]
        found.append(Amount("percent", share, "%", bound, start, m.end(), m.end()))
    return found


def find_amounts(text: str) -> list[Amount]:
    """Every amount in `text`, sorted by start; `text[a.start:a.end]` is its expression."""
    return sorted(_classify(text, _numbers(text)) + _shares(text), key=lambda a: a.start)
