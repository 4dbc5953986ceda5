"""Claims: reported speech, stated positions and direct quotes, each with its speaker.

Fills `extraction.claims` and the "claims" slot. A claim's `text` is the reported proposition
without its cue ("X stated that <text>", "X vowed <to ...>", "X proposed <a plan to ...>"),
`cue` the verb or phrase that reports it, `kind` "quote" for words inside quotation marks and
"attributed" otherwise, and `speaker` an actor id resolved from the "mentions" slot (see
`alliances.extract.speakers`) or None when the source is vague ("analysts believe").

Three passes, all over precompiled patterns (no model weights):
1. quotes in straight or curly marks with a cue beside them ('"...," said X', 'X said: "..."'),
   and quotes that continue an attributed one in the same paragraph;
2. reported speech around a cue verb, forward ("X said that ...") or inverted ("..., X said");
3. "according to X, ..." and "..., according to X".
A quote that no cue attributes (scare quotes: "counterattack capability") is not a claim.
Each claim is dated from the "dates" slot by the date nearest its cue in the same sentence,
outside the reported text (a plan "in FY 2027" does not date the statement).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from alliances.extract import cues
from alliances.extract.model import Claim
from alliances.extract.pipeline import State
from alliances.extract.speakers import COORDINATORS, PASSIVE, Speakers, last_word

MAX_TRAILING_WORDS = 10  # '..., X said in a statement on Monday.' and no longer
MIN_WORDS = 3  # shorter quoted spans are labels or scare quotes, not claims
MIN_CONTINUATION_WORDS = 5


class Claims:
    """Pipeline component: reported speech and quotes with speakers."""

    name = "claims"
    requires = ("sentences", "mentions", "dates")
    assigns = ("claims",)

    def __call__(self, state: State) -> None:
        reader = ClaimReader(
            state.text, state.slots["sentences"], state.slots["mentions"], state.slots["dates"]
        )
        claims = reader.read()
        state.extraction.claims = claims
        state.slots["claims"] = claims


class ClaimReader:
    """Finds the claims of one text; `read()` returns them sorted by start."""

    def __init__(
        self, text: str, sentences: Sequence[Any], mentions: Sequence[Any], dates: Sequence[Any]
    ) -> None:
        self.text = text
        self.sentences = sorted(sentences, key=lambda s: s.start)
        self.sentence_starts = [s.start for s in self.sentences]
        self.speakers = Speakers(text, sorted(mentions, key=lambda m: m.start))
        self.dates = sorted(dates, key=lambda d: d.start)
        self.claims: list[Claim] = []
        self.quoted: list[tuple[int, int]] = []  # spans of attributed quotations, marks included
        self.used_cues: dict[int, str | None] = {}  # cue position -> its claim's speaker

    def read(self) -> list[Claim]:
        self._quotes()
        self._cues()
        self._according()
        unique = {(c.start, c.end): c for c in self.claims}
        return sorted(unique.values(), key=lambda c: (c.start, c.end))

    # -- geometry -------------------------------------------------------------------------------

    def sentence(self, position: int) -> tuple[int, int]:
        """The sentence around `position`, or its line when no sentence covers it."""
        i = bisect_right(self.sentence_starts, position) - 1
        if i >= 0 and self.sentences[i].start <= position < self.sentences[i].end:
            return self.sentences[i].start, self.sentences[i].end
        return self.line(position)

    def line(self, position: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, position) + 1
        end = self.text.find("\n", position)
        return start, len(self.text) if end < 0 else end

    def inside_quote(self, position: int) -> bool:
        return any(start <= position < end for start, end in self.quoted)

    def trim(self, start: int, end: int) -> tuple[int, int] | None:
        """The reported text in [start, end): cut where the author resumes, stripped."""
        text = self.text
        for cut in cues.CUTS:
            found = text.find(cut, start, end)
            if found >= 0:
                end = found
        comment = cues.COMMENT.search(text, start, end)
        if comment:
            end = comment.start()
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
            end -= 1
        if (
            start < end
            and text[start] in '“"'
            and not any(c in '”"' for c in text[start + 1 : end])
        ):
            start += 1  # an opening mark whose closing one lies outside the claim
        if len(text[start:end].split()) < MIN_WORDS:
            return None
        return start, end

    def date_for(self, cue: int, content: tuple[int, int]) -> tuple[str | None, str | None]:
        """The date in the cue's sentence, outside the reported text, nearest the cue."""
        first, last = self.sentence(cue)
        best = None
        for date in self.dates:
            if date.start < first or date.end > last:
                continue
            if date.start < content[1] and date.end > content[0]:
                continue
            if best is None or abs(date.start - cue) < abs(best.start - cue):
                best = date
        return (best.value, best.precision) if best else (None, None)

    def add(
        self, speaker: str | None, cue_at: int, cue: str, kind: str, span: tuple[int, int]
    ) -> Claim:
        date, precision = self.date_for(cue_at, span)
        start, end = span
        claim = Claim(
            speaker=speaker,
            cue=" ".join(cue.split()),
            kind=kind,
            start=start,
            end=end,
            text=self.text[start:end],
            date=date,
            precision=precision,
        )
        self.claims.append(claim)
        self.used_cues[cue_at] = speaker
        return claim

    def unwrap(self, span: tuple[int, int]) -> tuple[tuple[int, int], str]:
        """A reported text wholly inside one pair of quotation marks becomes a quote."""
        start, end = span
        inner = self.text[start + 1 : end - 1]
        if (
            end - start > 2
            and self.text[start] in '“"'
            and self.text[end - 1] in '”"'
            and not any(mark in inner for mark in '“”"')
        ):
            trimmed = self.trim(start + 1, end - 1)
            if trimmed:
                return trimmed, "quote"
        return span, "attributed"

    # -- pass 1: quotations ---------------------------------------------------------------------

    def _quotes(self) -> None:
        if '"' not in self.text and "“" not in self.text:
            return  # no quotation mark: no quotation, no open paragraph (a cheap test first)
        previous: Claim | None = None
        for match in cues.QUOTE.finditer(self.text):
            inner = self.trim(match.start(1), match.end(1))
            if inner is None:
                continue
            line_start, line_end = self.line(match.start())
            attribution = self._after_quote(match.end(), line_end) or self._before_quote(
                line_start, match.start()
            )
            if attribution is None:
                attribution = self._continuation(previous, line_start, match.start(), inner)
            if attribution is None:
                continue
            speaker, cue_at, cue = attribution
            previous = self.add(speaker, cue_at, cue, "quote", inner)
            self.quoted.append((match.start(), match.end()))
        self._open_paragraphs()

    def _open_paragraphs(self) -> None:
        """A quotation over several paragraphs opens each with a mark and closes only the last:
        an open paragraph takes the speaker of the quote that opens the next paragraph."""
        by_start = {c.start: c for c in self.claims if c.kind == "quote"}
        lines = list(cues.OPEN_PARAGRAPH.finditer(self.text))
        for match in reversed(lines):
            following = cues.NEXT_PARAGRAPH.match(self.text, match.end())
            claim = by_start.get(following.end()) if following else None
            span = self.trim(match.start(1), match.end(1)) if claim else None
            if claim is None or span is None:
                continue
            by_start[match.start(1)] = self.add(
                claim.speaker, match.start(), claim.cue, "quote", span
            )
            self.quoted.append((match.start(), match.end()))

    def _after_quote(self, end: int, line_end: int) -> tuple[str | None, int, str] | None:
        """'"...," said X' or '"...," X said': a comma, ! or ? closes the quoted words."""
        if self.text[end - 2 : end - 1] not in (",", "!", "?") and not self.text[
            end : end + 1
        ].startswith(","):
            return None
        match = cues.AFTER_QUOTE_CUE_FIRST.match(self.text, end, line_end)
        if match:
            cue_end = match.end("cue")
            stop = min(line_end, cue_end + 100)
            for stopper in (".”", ". ", ";"):
                found = self.text.find(stopper, cue_end, stop)
                if found >= 0 and self.speakers.within(cue_end, found):
                    stop = found
            speaker = self.speakers.named_after(cue_end, stop)
            return speaker, match.start("cue"), match.group("cue")
        match = cues.AFTER_QUOTE_SPEAKER_FIRST.match(self.text, end, line_end)
        if match and self.sentence(match.start("cue")) == self.sentence(end - 1):
            speaker = self.speakers.subject(match.start("np"), match.start("cue"))
            return speaker, match.start("cue"), match.group("cue")
        return None

    def _before_quote(self, line_start: int, start: int) -> tuple[str | None, int, str] | None:
        match = cues.BEFORE_QUOTE.search(self.text, max(line_start, start - 200), start)
        if not match or not self._verb_position(match.start("cue")):
            return None
        cue_at = match.start("cue")
        first, _ = self.sentence(cue_at)
        return self.speakers.subject(first, cue_at), cue_at, match.group("cue")

    def _continuation(
        self, previous: Claim | None, line_start: int, start: int, inner: tuple[int, int]
    ) -> tuple[str | None, int, str] | None:
        """A quote opening a sentence right after an attributed quote in the same paragraph."""
        if previous is None or previous.end < line_start:
            return None
        if len(self.text[inner[0] : inner[1]].split()) < MIN_CONTINUATION_WORDS:
            return None
        lead = self.text[line_start:start].rstrip()
        if lead and lead[-1] not in '.!?”"':
            return None
        return previous.speaker, start, previous.cue

    # -- pass 2: cue verbs ----------------------------------------------------------------------

    def _verb_position(self, position: int) -> bool:
        """False where the cue word is a noun or adjective ("its claims", "in said country")."""
        first, _ = self.sentence(position)
        return (
            last_word(self.text[max(first, position - 40) : position]) not in cues.NOT_A_VERB_BEFORE
        )

    def _cues(self) -> None:
        for match in cues.CUE.finditer(self.text):
            at = match.start()
            if at in self.used_cues or self.inside_quote(at):
                continue
            first, last = self.sentence(at)
            before = last_word(self.text[max(first, at - 40) : at])
            if before in cues.NOT_A_VERB_BEFORE or before in PASSIVE:
                continue
            family = cues.cue_family(match.group())
            if family == "part":
                self._participle(match, first, last)
            elif family == "to":
                self._to_cue(match, first, last)
            else:
                self._say_cue(match, first, last)

    def _participle(self, match: re.Match, first: int, last: int) -> None:
        """'Ishiba, expressing a desire to ...', '..., saying ...' (the sentence's subject),
        '"...," Austin said, adding ...' (the speaker of the cue just before) or 'X was quoted
        as saying ...'."""
        at = match.start()
        quoted = cues.QUOTED_AS.search(self.text, first, at)
        if quoted:
            speaker = self.speakers.subject(first, quoted.start())
        else:
            speaker = self.speakers.adjacent(at)
        if speaker is None and self.text[first:at].rstrip().endswith(","):
            earlier = [cue for cue in self.used_cues if first <= cue < at]
            if earlier:
                speaker = self.used_cues[max(earlier)]
                if speaker is None:
                    return
            else:
                speaker = self.speakers.first_head(first, at)
        if speaker is None:
            return
        cue = match.group()
        pattern = (
            cues.TO_AFTER
            if cue.startswith(("vowing", "pledging", "expressing"))
            else cues.THAT_AFTER
        )
        after = pattern.match(self.text, match.end(), last)
        if after is None and cue.startswith("saying"):
            after = cues.BARE_AFTER.match(self.text, match.end(), last)
        if after:
            self._forward(speaker, match.start(), cue, after.end(), last)

    def _to_cue(self, match: re.Match, first: int, last: int) -> None:
        cue = match.group()
        if cue.startswith(("called", "calls")):
            pattern = cues.FOR_AFTER
        elif cue.startswith(("urged", "urges", "called on", "calls on")):
            pattern = cues.URGE_AFTER
        elif cue.startswith(("proposed", "proposes")):
            pattern = cues.PLAN_AFTER
        else:
            pattern = cues.TO_AFTER
        after = pattern.match(self.text, match.end(), last)
        if after:
            speaker = self.speakers.subject(first, match.start())
            self._forward(speaker, match.start(), cue, after.end(), last)

    def _say_cue(self, match: re.Match, first: int, last: int) -> None:
        cue, end = match.group(), match.end()
        before_word = last_word(self.text[first : match.start()])
        if before_word == "as":  # "as noted above": no reported text follows
            return
        if cue == "told":
            after = cues.TOLD_AFTER.match(self.text, end, last)
        else:
            after = cues.THAT_AFTER.match(self.text, end, last) or cues.COLON_AFTER.match(
                self.text, end, last
            )
        if after is None and cue in cues.REAFFIRM:
            after = cues.STANCE_OBJECT_AFTER.match(self.text, end, last)
        if after is None and cue in ("announced", "announces"):
            after = cues.PLAN_AFTER.match(self.text, end, last)
        if (
            after is None
            and self._named_after_comma(match.start(), end, first, last)
            and self._inverted(first, match.start(), cue, end, last)
        ):
            return
        if after is None and cue in cues.BARE:
            after = cues.BARE_AFTER.match(self.text, end, last)
            rest = self.text[after.end() : last].split() if after else []
            if after and (
                not rest
                or rest[0].lower() in cues.ADVERBIAL_START
                or cues.NOT_SPEECH_AFTER.match(self.text, after.end(), last)
            ):
                after = None
        if after is not None and self.text[after.end() : last].strip():
            speaker = self.speakers.subject(first, match.start())
            self._forward(speaker, match.start(), cue, after.end(), last)
        elif after is not None and ":" in self.text[end : after.end()]:
            self._block_quote(first, match.start(), cue, last)
        elif before_word not in COORDINATORS and (
            not self.text[end:last].strip(" .") or self._trailing_adverbial(end, last)
        ):
            self._inverted(first, match.start(), cue, end, last)

    def _named_after_comma(self, at: int, end: int, first: int, last: int) -> bool:
        """'..., said Defense Minister Minoru Kihara.': a comma before the cue and only a short
        phrase naming a person (or "he") after it."""
        if not self.text[first:at].rstrip().endswith(","):
            return False
        words = self.text[end:last].split()
        if not words or len(words) > MAX_TRAILING_WORDS:
            return False
        return words[0].lower().strip(".,") in ("he", "she") or any(
            m.kind == "person" for m in self.speakers.within(end, last)
        )

    def _forward(self, speaker: str | None, at: int, cue: str, start: int, last: int) -> None:
        coordinated = cues.COORDINATED_CUE.search(self.text, start, last)
        span = self.trim(start, coordinated.start() if coordinated else last)
        if span:
            span, kind = self.unwrap(span)
            self.add(speaker, at, cue, kind, span)

    def _block_quote(self, first: int, at: int, cue: str, last: int) -> None:
        """'X said:' ending a line: the next non-empty paragraph is what was said."""
        start = last
        while start < len(self.text) and self.text[start].isspace():
            start += 1
        if start >= len(self.text):
            return
        _, end = self.line(start)
        span = self.trim(start, end)
        if span:
            span, _ = self.unwrap(span)
            self.add(self.speakers.subject(first, at), at, cue, "quote", span)

    def _trailing_adverbial(self, end: int, last: int) -> bool:
        """Whether text[end:last] is only a short adverbial ("in a statement on Monday.",
        "after talks with his counterpart, Minoru Kihara.")."""
        words = self.text[end:last].split()
        return 0 < len(words) <= MAX_TRAILING_WORDS and words[0].lower() in cues.ADVERBIAL_START

    def _inverted(self, first: int, at: int, cue: str, end: int, last: int) -> bool:
        """'..., X said.' or '..., said X.': the reported text precedes the attribution.
        Returns whether it found a claim."""
        text = self.text
        lead = text[first:at].rstrip()
        if lead.endswith(","):
            comma = first + len(lead) - 1
            speaker = self.speakers.named_after(end, last)
        else:
            comma = text.rfind(", ", first, at)
            if comma < 0:
                return False
            speaker = self.speakers.subject(comma + 1, at)
        span = self.trim(first, comma)
        if span is None:
            return False
        span, kind = self.unwrap(span)
        self.add(speaker, at, cue, kind, span)
        return True

    # -- pass 3: "according to" -----------------------------------------------------------------

    def _according(self) -> None:
        text = self.text
        if "ccording to" not in text:  # what every ACCORDING match holds (a cheap test first)
            return
        for match in cues.ACCORDING.finditer(text):
            at = match.start()
            if (at and text[at - 1].isalnum()) or self.inside_quote(at):
                continue
            first, last = self.sentence(at)
            comma = text.find(",", match.end(), last)
            phrase_end = last if comma < 0 else comma
            phrase = text[match.end() : phrase_end]
            if phrase.startswith(("which ", "whom ")):
                content = match.end() + phrase.index(" ") + 1
                self._according_forward(at, match.end(), match.end(), content, last)
            elif comma >= 0 and (at == first or text[first:at].rstrip().endswith((",", "that"))):
                self._according_forward(at, match.end(), comma, comma + 1, last)
            elif comma < 0:
                lead = text[first:at]
                that = lead.rfind("that ")
                start = first + that + len("that ") if that >= 0 else first
                _, speaker = self.speakers.phrase(match.end(), last)
                span = self.trim(start, at)
                if span:
                    self.add(speaker, at, "according to", "attributed", span)

    def _according_forward(
        self, at: int, phrase_start: int, phrase_end: int, content: int, last: int
    ) -> None:
        decided, speaker = self.speakers.phrase(phrase_start, phrase_end)
        span = self.trim(content, last)
        if span is None:
            return
        if not decided:
            speaker = self.speakers.content_subject(span[0], self.sentence(at)[0])
        span, kind = self.unwrap(span)
        self.add(speaker, at, "according to", kind, span)
