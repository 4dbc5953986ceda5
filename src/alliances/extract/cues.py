"""The cue lexicon of reported speech: which words report a statement, and what follows them.

Patterns only (compiled once); `alliances.extract.claims` applies them. Three families of cue:
- "say" cues take a clause: "stated that ...", "said ...", "told reporters: ...";
- "to" cues take an infinitive or an object: "vowed to ...", "proposed a plan to ...",
  "expressed a desire to ...", "called for ...", "urged X to ...";
- participles report the statement of the actor just before them: "Ishiba, expressing a
  desire to ...", "..., saying ...".
Quotations, "according to" and the places where reported text ends are here too.
"""

from __future__ import annotations

import re

from alliances.extract.speakers import PREPOSITIONS, words

# Cues whose complement is a clause ("that ..." or a bare clause).
_SAY = (
    r"said|says|say|stated|states|told|announced|announces|declared|declares|noted|notes|"
    r"added|adds|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|underlined|underscored|"
    r"reiterated|reiterates|confirmed|confirms|insisted|insists|argued|argues|claimed|claims|"
    r"believes|believe|believed|asserted|asserts|affirmed|affirms|reaffirmed|reaffirms|warned|"
    r"warns|explained|acknowledged|admitted|indicated|suggested|mentioned|wrote|writes|"
    r"concluded|concurred|pointed out|made it clear|made clear|makes it clear|reported|"
    r"warn|argue|insist|stress|emphasi[sz]e|note|contend|contends|contended|maintained|"
    r"maintains|remarked|holds|held|hold|is of the view|are of the view|hopes|hoped|hope|"
    r"expects|expected|thinks|think|denied|denies|deny|agreed|agrees|agree"
)
# Of those, the ones that take a bare clause without "that" ("X said the plan ...").
BARE = words(
    "said says say stated added adds stressed stresses insisted insists argued argues "
    "believes believe believed noted wrote writes argue insist"
)
_STANCE = (
    r"desire|hope|wish|intention|willingness|determination|readiness|commitment|resolve|concern"
)
# Cues whose complement is "to ..." (or "that ..."): "vowed to", "expressed a desire to".
_TO = (
    r"vowed|vows|pledged|pledges|promised|promises|proposed|proposes|called for|calls for|"
    r"urged|urges|called on|calls on|expressed (?:(?:a|an|his|her|its|their|the) )?(?:\w+ )?(?:"
    + _STANCE
    + r")"
)
# Participles that report a statement of the mention right before them ("Ishiba, expressing").
_PARTICIPLE = (
    r"saying|stating|declaring|noting|adding|stressing|emphasi[sz]ing|warning|vowing|pledging|"
    r"expressing (?:a|an|his|her|its|their|the) (?:\w+ )?(?:" + _STANCE + r")"
)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern ("a|b(?:c|d)" -> ["a", "b(?:c|d)"])."""
    parts, depth, current = [], 0, ""
    for char in pattern:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def _by_first_letter(alternatives: list[str]) -> str:
    """One alternation branch per first letter, so `re` tries a few cues at a word, not all."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items())


# Any cue word, as a whole word; `cue_family` says which family matched.
CUE = re.compile(r"\b(?:" + _by_first_letter(_alternatives(f"{_SAY}|{_TO}|{_PARTICIPLE}")) + r")\b")
_SAY_CUE = re.compile(_SAY)
_TO_CUE = re.compile(_TO)


def cue_family(cue: str) -> str:
    """ "say", "to" or "part" (participle) for a text that CUE matched."""
    if _SAY_CUE.fullmatch(cue):
        return "say"
    return "to" if _TO_CUE.fullmatch(cue) else "part"


# No leading \b: a pattern that opens with a literal lets `re` skip ahead fast.
ACCORDING = re.compile(r"(?:A|a)ccording to\s+")
# A quotation on one line: straight or curly marks, at least one character inside.
QUOTE = re.compile(r"[“\"]([^“”\"\n]+)[”\"]")
# A paragraph that opens a quotation and does not close it (it continues below).
OPEN_PARAGRAPH = re.compile(r"(?m)^[ \t]*[“\"]([^“”\"\n]+)$")
# Blank lines, then the opening mark of the next paragraph (the claim starts after it).
NEXT_PARAGRAPH = re.compile(r"\n\s*[“\"]")
_QUOTE_CUE = (
    r"said|says|added|adds|stated|states|explained|noted|continued|wrote|writes|declared|"
    r"insisted|warned|stressed|mentioned|told"
)
# Attribution after a quote: '," said X' or '," X said'.
AFTER_QUOTE_CUE_FIRST = re.compile(rf"\s*,?\s*(?P<cue>{_QUOTE_CUE})\b")
AFTER_QUOTE_SPEAKER_FIRST = re.compile(
    rf"\s*,?\s*(?P<np>[^;:“”\"]{{1,150}}?)\s+(?P<cue>{_QUOTE_CUE})\b"
)
# Attribution before a quote: 'X said: "', 'X said that "', 'mentioned"'.
# An adverbial between a cue and what was said: "said in a statement on Monday that".
_ADVERBIAL = (
    r"(?:(?:in|on|at|during|after|before|with|to|via|through|last|this|earlier|yesterday|"
    r"today|late|early|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"[^.;:“”\"]{0,80}?)"
)
BEFORE_QUOTE = re.compile(
    rf"\b(?P<cue>{_QUOTE_CUE})(?:\s+{_ADVERBIAL})?(?:\s+that)?\s*[:,]?\s*$", re.IGNORECASE
)
# After a "say" cue: an adverbial then "that" ("said in a statement that"), or a colon.
THAT_AFTER = re.compile(rf"\s*,?\s*(?:{_ADVERBIAL}\s)?that\b[\s,]*", re.IGNORECASE)
COLON_AFTER = re.compile(rf"(?:\s+{_ADVERBIAL})?\s*:\s*", re.IGNORECASE)
TOLD_AFTER = re.compile(r"\s+[^,.;:“”\"]{1,60}?(?:\s+that\s+|\s*:\s*)")
PLAN_AFTER = re.compile(
    r"\s+(?:that\s+|(?=to\s)|(?=(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}"
    r"(?:plan|proposal|initiative|framework|measure|idea|scheme|policy|package|strategy)\b))"
)
TO_AFTER = re.compile(r"\s+(?:that\s+|(?=to\s))")
# "reaffirmed their commitment to ...": a stance as the object is the stated position.
REAFFIRM = words(
    "reaffirmed reaffirms reiterated reiterates affirmed affirms stressed stresses underlined "
    "underscored emphasised emphasized emphasises emphasizes confirmed confirms"
)
STANCE_OBJECT_AFTER = re.compile(
    r"\s+(?=(?:its|their|his|her|the|a|an|our)\s+(?:[\w'’-]+\s+){0,3}(?:commitment|support|"
    r"opposition|position|stance|concern|determination|resolve|intention|readiness|"
    r"willingness|importance)\b)"
)
URGE_AFTER = re.compile(r"\s+(?=[^.;]{1,60}?\bto\s)")
FOR_AFTER = re.compile(r"\s+")
# A bare clause, after a day that dates the statement ("North Korea said Tuesday it had").
BARE_AFTER = re.compile(
    r"\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|"
    r"yesterday)\s+)?(?=[\w“\"])"
)
# "X was quoted as saying": the participle's speaker is the subject before "was quoted".
QUOTED_AS = re.compile(r"\s+(?:(?:was|were|is|are|has been|have been)\s+)?quoted\s+as\s*$")
# A second cue coordinated with the first ends the first one's text: "..., and added that".
COORDINATED_CUE = re.compile(rf",?\s+(?:and|but)\s+(?:also\s+)?(?:{_SAY}|{_TO})\b")
# Reported text ends at the sentence end or where the author resumes.
CUTS = ("; ", ", but ", ", while ", ", whereas ", ", although ")
# The author's comment on what was reported: "..., which means ...".
COMMENT = re.compile(
    r",\s+which\s+(?:\w+ly\s+)?(?:means|meant|shows|showed|indicates|indicated|suggests|"
    r"suggested|reflects|reflected|demonstrates|demonstrated|implies|implied|signals|signalled|"
    r"signaled|proves|proved|exposes|exposed|is seen|was seen)\b"
)
# Before these the cue word is a noun or adjective ("its claims", "in said country").
NOT_A_VERB_BEFORE = PREPOSITIONS | words("the a an its his her their our your my these those this")
# Words that open an adverbial after a cue ("said in a statement", "said on Monday").
ADVERBIAL_START = words(
    "in on at during after before with via through last this earlier yesterday today late early"
)
# "an attack claimed by Daesh", "claimed responsibility": the cue word is not reporting speech.
NOT_SPEECH_AFTER = re.compile(r"(?:by|responsibility|credit)\b")
