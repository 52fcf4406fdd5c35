"""Who states each figure, how (stance), and whether the text says it was verified.

Reads reporting phrases ("officials said", "according to local leaders", "…, said a police official"), finds
the claimant's words next to them and names their kind from ``sitrep/data/claimants.tsv`` (and the armed groups
of ``actors.tsv``). A role word ("official", "sources", "spokesman") takes the kind of the body named with it
("Levies official", "officials at the hospital"); a person's title decides theirs; an official who is not named
("on condition of anonymity", ``anonymity.tsv``) is an unofficial source. References back
("the group", "it said", "the spokesperson") are resolved to the last claimant named in the article.
A figure with no reporting phrase in its clause is stated in the article's own voice (kind ``none``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from sitrep.data import read_table
from sitrep.model import Claimant, Stance, Victim
from sitrep.nlp.casualties import Mention
from sitrep.nlp.lexicon import PhraseMatch, PhraseTable, Token, Tokens, positions

# Clause boundaries: a figure takes its claimant from its own clause. "while", "whereas" and ";" only part
# two statements that each name a speaker ("residents said six died, while officials put the toll at four"); in
# '"One man died while two were hurt," he said' the statement is one.
_CLAUSE_BREAKS = frozenset({"but", "however", "meanwhile", "although", "though"})
_SOFT_BREAKS = frozenset({"while", "whereas", ";"})
# Where the search for a claimant's words stops when walking away from the reporting verb.
_CLAIMANT_STOPS = frozenset({".", ";", ":", "?", "!", "—", "–", "that", "which", "when"})
_CLAIMANT_STOPS_AFTER = _CLAIMANT_STOPS | {","}
# A claimant's words end at these ("tribal elders in three districts" → "tribal elders").
_NAME_ENDS = frozenset(
    "in of from at on and or who which that to for with had has have was were is are been based".split()
)
# After "said", a pronoun starts the reported clause ("…, said it had counted …"), not the claimant's name.
_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "that", "there"})
_ARTICLES = frozenset({"a", "an", "the"})
# Whose people "our men" are, by the kind of the one who says it.
_OWN_SIDE: dict[str, Victim] = {
    "security_forces": "security_forces",
    "armed_group": "militants",
    "local_source": "civilians",
}
_RELATIVES = frozenset({"which", "who", "whom", "that"})
# Words that may open a speaker's noun phrase before its claimant word ("the senior district official").
_DETERMINERS = frozenset("the a an its their his her senior top local district provincial".split())
# Verbs whose object is who was told, never who speaks ("…, telling Dawn that …", "…, informed reporters").
_ADDRESSEE_VERBS = frozenset({"told", "tells", "telling", "informed", "informing"})
_OPENING = frozenset({'"', "“"})
_QUOTE_MARKS = frozenset({'"', "“", "”"})
_PASSIVE = frozenset({"was", "were", "is", "are", "been", "be", "being"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
_NEGATIONS = frozenset({"neither", "none", "no", "not", "nobody"})
# Officials who may speak unnamed ("officials who requested anonymity"): their figures are unofficial.
_OFFICIAL_KINDS = frozenset({"government", "security_forces"})
_RANK = {"previous": 0, "previous_armed_group": 1}  # a role word ranks 2, a named body 3 (_claimant_rank)
# Words that tie a role word to the body it serves: "spokesman for the FC", "sources close to the TTP".
_ROLE_LINKS = frozenset({"of", "for", "at", "from", "in", "with", "within", "inside", "close"})


@dataclass(frozen=True, slots=True)
class ClaimantWord:
    kind: str  # a ClaimantKind, or previous / previous_armed_group
    name: str
    case: str = ""  # upper: an acronym, read only in capitals; title: a common word, read only capitalised
    role: str = ""  # generic: a role word ("official", "sources") whose kind is the body named with it


@dataclass(frozen=True, slots=True)
class ReportingWord:
    stance: Stance
    form: str  # verb | after | hedge | responsibility


@dataclass(slots=True)
class Report:
    """A reporting phrase in a sentence with the claimant it names."""

    start: int
    end: int
    stance: Stance
    claimant: Claimant
    # A statement inside a relative clause ("the attack, which police said was planned, …") speaks only for
    # the words of that clause: (first, stop) token indices; None for a statement of the whole sentence.
    scope: tuple[int, int] | None = None


@dataclass(slots=True)
class Attribution:
    claimant: Claimant
    stance: Stance
    verified: bool | None = None


@dataclass(slots=True)
class ArticleMemory:
    """What earlier sentences named: for 'it said', 'the group', 'the spokesperson'."""

    last: Claimant | None = None
    last_armed_group: Claimant | None = None
    attributed: list[tuple[int, Attribution]] = field(default_factory=list)  # (sentence index, attribution)
    # The last statement of the current paragraph (paragraph index, report): a paragraph of reported speech
    # ("The ISPR said … . During the operation, four militants were killed.") speaks with one voice.
    speaker: tuple[int, Report] | None = None
    # The paragraph whose quotation is still open at the end of the last sentence read (a quote spanning
    # sentences), or -1.
    open_quote: int = -1
    # People named with their role ("Deputy Commissioner Akbar Khan"): their name words → who they are, for
    # "said Khan" or "Mr Khan said" later on. Newest last.
    people: list[tuple[frozenset[str], str, Claimant]] = field(default_factory=list)
    found_at: int = -1  # where the claimant words last found begin (token index in their sentence)

    def person(self, names: list[str]) -> Claimant | None:
        """The last person named whose name holds all of ``names`` and ends with the same word."""
        wanted = frozenset(names)
        for words, surname, claimant in reversed(self.people):
            if names and wanted <= words and names[-1] == surname:
                return claimant
        return None

    def remember(self, claimant: Claimant) -> None:
        self.last = claimant
        if claimant.kind == "armed_group":
            self.last_armed_group = claimant


class AttributionReader:
    """Reads who states each figure. ``armed_groups`` are (group name, its specific aliases) from the actor
    dictionary, given by the caller that loaded it (the pipeline): each speaks as ``armed_group``."""

    def __init__(self, armed_groups: Sequence[tuple[str, Sequence[str]]] = ()) -> None:
        self.claimants: PhraseTable[ClaimantWord] = PhraseTable(
            [
                (
                    row["phrase"],
                    ClaimantWord(row["kind"], row["name"], row.get("case") or "", row.get("role") or ""),
                )
                for row in read_table("claimants.tsv")
            ]
            + _armed_group_names(armed_groups)
        )
        self.reporting: PhraseTable[ReportingWord] = PhraseTable(
            [
                (row["phrase"], ReportingWord(row["stance"], row["form"]))
                for row in read_table("reporting.tsv")
            ]
        )
        self.anonymous: PhraseTable[str] = PhraseTable(
            [(row["phrase"], "") for row in read_table("anonymity.tsv")]
        )
        self.anonymous_keys = anonymity_words()
        self.unverified: PhraseTable[str] = PhraseTable(
            [(row["phrase"], row["verified"]) for row in read_table("verification.tsv")]
        )

    # -- claimants -------------------------------------------------------------------------------------------
    def _claimant_in(
        self, tokens: list[Token], start: int, stop: int, memory: ArticleMemory
    ) -> Claimant | None:
        memory.found_at = start
        matches = [
            m
            for m in self.claimants.find_all(tokens, start, stop)
            if m.payload.kind != "all_parties"
            and _written_as(tokens[m.start], m.payload.case)
            and not _addressee(tokens, m.start, start)
        ]
        if not matches:
            return memory.person(_name_words(tokens, start, stop)) if memory.people else None
        best = max(matches, key=_claimant_rank)
        first, end = best.start, best.end
        if best.payload.role == "generic":
            # A role word takes the kind of the body named with it: "Levies officials", "a Levies official",
            # "officials at the district hospital", "sources in the Frontier Corps".
            body = _body_of(tokens, best, matches)
            if body is not None:
                first, end, best = min(first, body.start), max(end, body.end), body
            elif (
                best.start > 0
                and tokens[best.start - 1].norm == "the"
                and _refers_to(tokens, best, memory.last)
            ):
                # "The official added …" after "a hospital official said …": the same person.
                words = " ".join(token.text for token in tokens[best.start - 1 : best.end])
                return memory.last.model_copy(update={"text": words}) if memory.last else None
        # Keep the words that go on naming the claimant: a noun of the claimant table ("provincial government
        # official") or a name ("Commissioner Naeem Bazai"), never the clause that follows ("troops killed").
        while (
            end < stop and end - best.end < 4 and tokens[end].is_word and tokens[end].norm not in _NAME_ENDS
        ):
            if self.reporting.match_at(tokens, end):
                break
            if not tokens[end].text[0].isupper() and self.claimants.match_at(tokens, end) is None:
                break
            end += 1
        words = " ".join(token.text for token in tokens[first:end])
        memory.found_at = first
        kind = best.payload.kind
        named = _name_words(tokens, best.end, end)
        if kind == "previous":
            person = memory.person(named) if named else None  # "Mr Khan said": the Khan named before
            found = person or memory.last
            return found.model_copy(update={"text": words}) if found else None
        if kind == "previous_armed_group":
            if memory.last_armed_group:
                return memory.last_armed_group.model_copy(update={"text": words})
            return Claimant(name=None, kind="armed_group", text=words)
        claimant = Claimant(name=best.payload.name or words.lower(), kind=kind, text=words)
        if len(named) > 1 or (named and first < best.start):
            memory.people.append((frozenset(named), named[-1], claimant))
        for appositive in _appositive_names(
            tokens, start, stop
        ):  # "An official of the Levies, Ali Jatoi, said"
            memory.people.append((frozenset(appositive), appositive[-1], claimant))
        return claimant

    def _window_before(self, tokens: list[Token], index: int) -> tuple[int, int]:
        """The words before a reporting verb back to the clause start: '…, the military's media wing, said'."""
        start = index
        while start > 0 and index - start < 24 and tokens[start - 1].norm not in _CLAIMANT_STOPS:
            if tokens[start - 1].norm in _QUOTES and start < index:
                break  # '"…," Mr Khan said': the quote's words are the statement, not who made it
            start -= 1
        return start, index

    def _window_after(self, tokens: list[Token], index: int, limit: int = 10) -> tuple[int, int]:
        stop = index
        while stop < len(tokens) and stop - index < limit:
            token = tokens[stop]
            if token.norm == "." and _title_dot(tokens, stop, index):
                stop += 1  # "said Dr. Amna Baloch", "Lt. Gen. …": an abbreviated title, not a full stop
                continue
            if token.norm in _CLAIMANT_STOPS_AFTER or not token.is_word:
                break
            stop += 1
        return index, stop

    def _reports(
        self, tokens: list[Token], memory: ArticleMemory
    ) -> tuple[list[Report], list[PhraseMatch], list[Report]]:
        """The sentence's statements, its hedges, and its claims of responsibility."""
        reports, hedges, responsibility = [], [], []
        previous_end = 0  # a speaker stands after any earlier reporting phrase of the sentence
        clause_ends: list[int] | None = None
        for match in self.reporting.find_all(tokens):
            floor, previous_end = previous_end, match.end
            word: ReportingWord = match.payload
            if word.form == "hedge":
                hedges.append(match)
                continue
            if word.form in ("not_report", "shift"):
                continue
            if match.start > 0 and tokens[match.start - 1].norm in _ARTICLES:
                continue  # "an alleged informer", "the reported attack": an adjective, not a statement
            if word.form == "verb" and match.start > 0 and tokens[match.start - 1].norm in _PASSIVE:
                # "Four soldiers were claimed to be killed (by the group)": a passive names no speaker; "by"
                # names who killed them.
                continue
            scope = None
            if word.form == "after":
                after, stop = self._window_after(tokens, match.end)
                claimant = self._claimant_in(tokens, after, stop, memory)
                if claimant is None and stop < len(tokens) and tokens[stop].norm == "," and stop > after:
                    # "according to Sana Baloch, the deputy commissioner": a name, then its role.
                    claimant = self._claimant_in(tokens, *self._window_after(tokens, stop + 1), memory)
            else:
                inverted = (
                    match.start > 0
                    and tokens[match.start - 1].norm in _QUOTES | {","}
                    and tokens[match.start].norm not in _ADDRESSEE_VERBS
                )
                claimant = None
                named_after = False
                if inverted and (match.end >= len(tokens) or tokens[match.end].norm not in _PRONOUNS):
                    # "…, said a police official", '…," says a press release by the ISPR': the claimant follows
                    # the verb; the words before it belong to the statement.
                    after, stop = self._window_after(tokens, match.end)
                    claimant = self._claimant_in(tokens, after, stop, memory)
                    if claimant is None and stop < len(tokens) and tokens[stop].norm == "," and stop > after:
                        # "…, said Akbar Khan, the district police chief": a name, then its role.
                        claimant = self._claimant_in(tokens, *self._window_after(tokens, stop + 1), memory)
                    named_after = stop > after and tokens[after].text[0].isupper()
                if claimant is None and named_after:
                    # "Police, however, said Khan's sons were killed": a short subject set off by an aside
                    # speaks; a whole clause before the comma is the statement, not its speaker.
                    start, _ = self._window_before(tokens, match.start)
                    comma = next((i for i in range(start, match.start) if tokens[i].norm == ","), match.start)
                    if comma - start <= 4:
                        claimant = self._claimant_in(tokens, start, comma, memory)
                elif claimant is None:
                    start, stop = self._window_before(tokens, match.start)
                    start = max(start, floor)
                    # "… after troops returned fire, the ISPR said": the words after the last comma name the
                    # speaker; further back only when they name nobody ("X, the military's media wing, said").
                    comma = next((i for i in range(stop - 1, start - 1, -1) if tokens[i].norm == ","), None)
                    if comma is not None:
                        claimant = self._claimant_in(tokens, comma + 1, stop, memory)
                    if claimant is None:
                        claimant = self._claimant_in(tokens, start, stop, memory)
                    if claimant is not None:
                        # "and" before the speaker joins a clause only in a window without a comma: after
                        # one it joins speakers ("…, Levies and police said").
                        if clause_ends is None:  # found once a sentence, as the first scope is asked for
                            clause_ends = positions(tokens, _RELATIVE_CLAUSE_ENDS)
                        scope = _subject_scope(tokens, memory.found_at, match.end, comma is None, clause_ends)
                if claimant is None and match.start == 0:
                    claimant = self._claimant_in(tokens, *self._window_after(tokens, match.end, 5), memory)
            if claimant is None:
                continue
            memory.remember(claimant)
            report = Report(match.start, match.end, word.stance, claimant, scope)
            (responsibility if word.form == "responsibility" else reports).append(report)
        return reports, hedges, responsibility

    # -- sentences -------------------------------------------------------------------------------------------
    def read_sentence(
        self,
        sentence_index: int,
        tokens: list[Token],
        mentions: list[Mention],
        memory: ArticleMemory,
        line: int = -1,
    ) -> list[Attribution]:
        """Attributions for the sentence's mentions, in the same order; updates ``memory``.

        A figure takes the nearest statement of its own clause; else the nearest statement of its sentence
        (a statement inside a relative clause speaks only for that clause); else, with no statement in the
        sentence, a claim of responsibility in it; else the last statement of the same paragraph (reported
        speech goes on across sentences, and a quotation left open across paragraphs); else it is the
        article's own (kind none). ``line`` is the paragraph's index: a text's line, as many stored reports
        break paragraphs with one newline."""
        reports, hedges, responsibility = self._reports(tokens, memory)
        self._read_anonymity(tokens, reports, memory)
        # "The group claimed the attack, which killed five soldiers": with no other statement in the sentence,
        # its figures are the group's.
        owners = [
            r
            for r in responsibility
            if r.claimant.kind == "armed_group"
            and r.claimant.name
            and r.claimant.name != r.claimant.text.lower()
        ]
        if memory.speaker is not None and memory.speaker[0] != line:
            # A quotation running over paragraphs leaves the first one open and opens the next with a quote
            # mark: the quoted speaker goes on.
            goes_on = memory.open_quote == memory.speaker[0] and bool(tokens) and tokens[0].text in _OPENING
            memory.speaker = (line, memory.speaker[1]) if goes_on else None
        opening = self.reporting.match_at(tokens, 0) if tokens else None
        if opening is not None and opening.payload.form == "shift":
            memory.speaker = None  # "Meanwhile, …", "In another incident, …": the writer's voice again
        speaker = memory.speaker[1] if memory.speaker is not None and line >= 0 else None
        clause_of = _clauses(tokens) if mentions else []
        soft_of = _clauses(tokens, _CLAUSE_BREAKS | _SOFT_BREAKS) if mentions and len(reports) > 1 else []
        attributions = []
        taken = _statements_taken(reports, mentions, clause_of, soft_of)
        hedge_ends = [h.end for h in hedges]
        for mention, report in zip(mentions, taken, strict=True):
            clause = clause_of[mention.token_start]
            if report is not None:
                attribution = Attribution(report.claimant, report.stance)
            elif owners:
                attribution = Attribution(owners[0].claimant, "claimed")
            elif speaker is not None:
                attribution = Attribution(speaker.claimant, speaker.stance)
            else:
                attribution = Attribution(Claimant(kind="none"), "reported")
            if mention.ours and mention.victim == "unspecified":
                # "Three of our men were martyred," the SHO said: the speaker's own side.
                mention.victim = _OWN_SIDE.get(attribution.claimant.kind, "unspecified")
            # A hedge ending at most four tokens before the figure: hedges are in text order without overlaps,
            # so their ends rise and the few that qualify are a bisected slice.
            first, last = (
                bisect_left(hedge_ends, mention.token_start - 4),
                bisect_right(hedge_ends, mention.token_start),
            )
            near = hedges[first:last]
            if attribution.stance == "reported" and any(clause_of[h.start] == clause for h in near):
                attribution.stance = "estimated"
            attributions.append(attribution)
        self._read_verification(tokens, attributions, memory)
        memory.attributed.extend((sentence_index, a) for a in attributions)
        # A statement goes on over the next sentences; a claim ("the group claimed to have downed a helicopter")
        # is about its own act, and the next sentence is the writer's again.
        # A statement cited inside a quotation ('he wrote, "The group in a statement said …"') is the quoted
        # speaker's words: the paragraph goes on in the quoted speaker's voice.
        quoted = _quoted(tokens, memory.open_quote == line and line >= 0)
        memory.open_quote = line if quoted[-1] else -1
        outside = [r for r in reports if not quoted[r.start] and r.scope is None]
        spoken = [r for r in outside if r.stance in ("reported", "confirmed")]
        if spoken and line >= 0:
            memory.speaker = (line, spoken[-1])
        elif outside and line >= 0:
            memory.speaker = None
        return attributions

    def _read_anonymity(self, tokens: list[Token], reports: list[Report], memory: ArticleMemory) -> None:
        """'…, a police official said on condition of anonymity': an official who is not named speaks as an
        unofficial source. The phrase marks the nearest statement of its sentence or, in a sentence with none
        ("The official spoke on condition of anonymity"), the last speaker and the figures already given them."""
        norms = tokens.norms() if isinstance(tokens, Tokens) else {t.norm: 0 for t in tokens}
        if self.anonymous_keys.isdisjoint(norms):
            return  # most sentences: one set test, no phrase search
        found = next(self.anonymous.find_all(tokens), None)
        if found is None:
            return
        if reports:
            report = min(reports, key=lambda r: abs(r.start - found.start))
            if report.claimant.kind in _OFFICIAL_KINDS:
                report.claimant = _unnamed(report.claimant)
            return
        speaker = memory.last
        if speaker is None or speaker.kind not in _OFFICIAL_KINDS:
            return
        # Only a sentence that speaks of that speaker ("He spoke …", "The official spoke …"), not of another
        # ("A villager who declined to be named said …").
        if not any(m.payload.kind in ("previous", speaker.kind) for m in self.claimants.find_all(tokens)):
            return
        unnamed = _unnamed(speaker)
        for _, attribution in memory.attributed:
            if attribution.claimant == speaker:
                attribution.claimant = unnamed
        if memory.speaker is not None and memory.speaker[1].claimant == speaker:
            memory.speaker[1].claimant = unnamed
        memory.last = unnamed

    @staticmethod
    def _says_unverified(tokens: list[Token], match: PhraseMatch) -> bool:
        if match.payload == "no":
            return True
        return any(token.norm in _NEGATIONS for token in tokens[: match.start])

    def _read_verification(
        self, tokens: list[Token], current: list[Attribution], memory: ArticleMemory
    ) -> None:
        """'could not be independently verified': the sentence's figures, or those it refers back to."""
        if not any(self._says_unverified(tokens, match) for match in self.unverified.find_all(tokens)):
            return
        if current:
            for attribution in current:
                attribution.verified = False
            return
        named = {m.payload.kind for m in self.claimants.find_all(tokens)}
        named_kinds = {"armed_group" if k == "previous_armed_group" else k for k in named} - {"previous"}
        if "all_parties" in named_kinds:
            targets = [a for _, a in memory.attributed if a.claimant.kind != "none"]
        elif named_kinds:
            targets = [a for _, a in memory.attributed if a.claimant.kind in named_kinds]
        elif memory.attributed:
            last_sentence = memory.attributed[-1][0]
            targets = [a for s, a in memory.attributed if s == last_sentence]
        else:
            targets = []
        for attribution in targets:
            attribution.verified = False


def confirm_across_claimants(attributions: list[Attribution], mentions: list[Mention]) -> None:
    """A figure that another party 'confirms' with the same number is verified for the first claimant: the same
    outcome and exact bounds (neither approximate), victims alike or either unspecified, another kind of claimant.

    The confirmations are filed by outcome and bounds, each with the few (claimant kind, victim) pairs that
    confirm it: a figure looks up its own, not every confirmation of the article."""
    confirming: dict[tuple[str, int, int | None], set[tuple[str, str]]] = {}
    for attribution, mention in zip(attributions, mentions, strict=True):
        key = _exact_figure(mention)
        if key and attribution.stance == "confirmed" and attribution.claimant.kind != "none":
            confirming.setdefault(key, set()).add((attribution.claimant.kind, mention.victim))
    for attribution, mention in zip(attributions, mentions, strict=True):
        key = _exact_figure(mention)
        if key is None or attribution.verified is not None or attribution.claimant.kind == "none":
            continue
        if any(
            kind != attribution.claimant.kind
            and (victim == mention.victim or "unspecified" in (victim, mention.victim))
            for kind, victim in confirming.get(key, ())
        ):
            attribution.verified = True


def _exact_figure(mention: Mention) -> tuple[str, int, int | None] | None:
    """The outcome and bounds of a figure that another can confirm; None for an unknown or approximate one."""
    if mention.count.low is None or mention.count.approximate:
        return None
    return mention.outcome, mention.count.low, mention.count.high


def _claimant_rank(match: PhraseMatch) -> tuple[int, int, int]:
    """Which claimant words name the speaker: a body or person over a word that refers back; then the
    longest, then the last (nearest the verb)."""
    return _RANK.get(match.payload.kind, 2), match.end - match.start, match.start


def _addressee(tokens: list[Token], index: int, start: int) -> bool:
    """Whether the words at ``index`` follow "to": who was told ("sent to the media", "speaking to Dawn"),
    not whom a source stands by ("sources close to the TTP")."""
    before = index - 1
    # "speaking to Geo News": back over the words of the addressee's name
    while (
        before > start and before > index - 4 and tokens[before].is_word and tokens[before].text[0].isupper()
    ):
        before -= 1
    if before > start and tokens[before].norm in _ARTICLES:
        before -= 1
    if before < start or tokens[before].norm != "to":
        return False
    return before == 0 or tokens[before - 1].norm not in ("close", "according", "loyal", "linked")


def _body_of(tokens: list[Token], role: PhraseMatch, matches: list[PhraseMatch]) -> PhraseMatch | None:
    """The body a role word serves: named just before it ("Levies officials", "the FC's spokesman") or in a
    phrase just after it ("officials at the civil hospital", "a spokesman for the Levies")."""
    ending_at = {m.end: m for m in matches}
    before = ending_at.get(role.start)
    while before is not None and before.payload.role == "generic":  # "a police party official"
        before = ending_at.get(before.start)
    if before is not None and before.payload.kind not in _RANK:
        return before
    for match in matches:
        if match.payload.role == "generic" or match.payload.kind in _RANK:
            continue
        if match.start > role.end and tokens[role.end].norm in _ROLE_LINKS and match.start - role.end <= 4:
            return match
    return None


def _refers_to(tokens: list[Token], role: PhraseMatch, last: Claimant | None) -> bool:
    """Whether a definite role word ("the official") names the last speaker ("a hospital official")."""
    if last is None or not last.text:
        return False
    named = last.text.lower().split()
    return all(token.norm in named for token in tokens[role.start : role.end])


def _subject_scope(
    tokens: list[Token], subject: int, verb_end: int, joins_clause: bool, clause_ends: list[int]
) -> tuple[int, int] | None:
    """What a statement speaks for when its speaker's words begin at ``subject``: the whole sentence as a
    rule; only its relative clause after "which/who/that" ("the attack, which police said was planned"); only
    what follows when "and" joins it to a clause before ("Four died and officials said an inquiry began").
    ``clause_ends`` are the indexes of the sentence's ``_RELATIVE_CLAUSE_ENDS`` tokens, in order."""
    start = subject
    while start > 0 and tokens[start - 1].norm in _DETERMINERS:
        start -= 1
    if start == 0:
        return None
    before = tokens[start - 1].norm
    if before in _RELATIVES:
        # A relative clause ends at its closing comma (or the like), else at the sentence's end.
        after = bisect_left(clause_ends, verb_end)
        return (start - 1, clause_ends[after] if after < len(clause_ends) else len(tokens))
    if before == "and" and joins_clause:
        return (start, len(tokens))
    return None


# The marks that close a relative clause ("the attack, which police said was planned, …").
_RELATIVE_CLAUSE_ENDS = frozenset({",", ";", "—", "–", ":"})


def _name_words(tokens: list[Token], start: int, stop: int) -> list[str]:
    """The capitalised words of a person's name in ``tokens[start:stop]`` ("Akbar Khan" in "Akbar Khan, the")."""
    return [t.norm for t in tokens[start:stop] if t.is_word and t.text[0].isupper() and len(t.text) > 1]


def _appositive_names(tokens: list[Token], start: int, stop: int) -> list[list[str]]:
    """Names set off by commas in ``tokens[start:stop]``: two or more capitalised words with a comma (or the
    window's edge) on each side ("Ali Jatoi" in "An official of the Levies, Ali Jatoi, said")."""
    out, run = [], []
    edge = True  # the run started at a comma or the window's start
    for i in range(start, stop + 1):
        token = tokens[i] if i < stop else None
        if token is not None and token.is_word and token.text[0].isupper() and len(token.text) > 1:
            run.append(token.norm)
            continue
        if edge and len(run) >= 2 and (token is None or token.norm == ","):
            out.append(run)
        edge, run = token is None or token.norm == ",", []
    return out


def _title_dot(tokens: list[Token], index: int, start: int) -> bool:
    """Whether the full stop at ``index`` ends an abbreviated title ("Dr.", "Gen.") before a name."""
    before = tokens[index - 1] if index > start else None
    return (
        before is not None
        and before.is_word
        and len(before.text) <= 4
        and before.text[0].isupper()
        and index + 1 < len(tokens)
        and tokens[index + 1].text[0].isupper()
    )


def _unnamed(claimant: Claimant) -> Claimant:
    return claimant.model_copy(update={"kind": "unofficial"})


def _written_as(token: Token, case: str) -> bool:
    text = token.text[:-2] if token.possessive else token.text  # "BLA's" is written in capitals
    if case == "upper":
        return text.isupper()
    if case == "title":
        return text[0].isupper()
    return text == case if case else True  # a mixed-case acronym ("JuA", "LeJ") only as written


def _armed_group_names(armed_groups: Sequence[tuple[str, Sequence[str]]]) -> list[tuple[str, ClaimantWord]]:
    """Each armed group's specific names as claimant phrases; claimants.tsv rows come first and win. An alias
    with two or more capitals is an acronym, read only as written ("JuA", "HGB", "TTP-JA"), as the actor
    dictionary reads it."""
    out = []
    for name, aliases in armed_groups:
        for alias in aliases:
            first = alias.replace("-", " ").split()[0]  # the case test reads the phrase's first word
            capitals = sum(char.isupper() for char in first)
            case = "" if capitals < 2 else ("upper" if first.isupper() else first)
            out.append((alias, ClaimantWord("armed_group", name, case)))
    return out


def _quoted(tokens: list[Token], open_at_start: bool) -> list[bool]:
    """For each token, whether it stands inside a quotation (double quotes; a quotation may be open from the
    sentence before). The last item tells whether the quotation is still open at the sentence's end."""
    inside, out = open_at_start, []
    norms = tokens.norms() if isinstance(tokens, Tokens) else {t.norm: 0 for t in tokens}
    if _QUOTE_MARKS.isdisjoint(norms):
        return [inside] * (len(tokens) or 1)  # no quote mark: every token as the sentence began
    for token in tokens:
        if token.text in ('"', "“", "”"):
            inside = token.text == "“" or (token.text == '"' and not inside)
        out.append(inside)
    return out


def _clauses(tokens: list[Token], breaks: frozenset[str] = _CLAUSE_BREAKS) -> list[int]:
    clause, out = 0, []
    for token in tokens:
        if token.norm in breaks:
            clause += 1
        out.append(clause)
    return out


def _distance(report: Report, mention: Mention) -> int:
    if report.end <= mention.token_start:
        return mention.token_start - report.end
    return max(0, report.start - mention.token_end)


def _statements_taken(
    reports: list[Report], mentions: list[Mention], clause_of: list[int], soft_of: list[int]
) -> list[Report | None]:
    """For each mention, the statement it takes, or None: among the statements that govern it (no scope, or
    a scope that holds it), the nearest of its own clause (of its own soft clause when its clause has
    several), else the nearest of the sentence; of two as near, the earlier.

    Linear in the sentence however many statements and figures it holds (not a scan of every statement for
    every figure): statements are in text order without overlaps, so their ends rise and the nearest of any
    run of them is the last one before the mention or the first one after it, found by bisection. Statements
    with a scope join a sorted list of indexes when the mentions, visited left to right, enter their scope,
    and leave it at its end."""
    out: list[Report | None] = [None] * len(mentions)
    if not reports or not mentions:
        return out
    ends = [r.end for r in reports]
    clause_at = [clause_of[r.start] for r in reports]  # rises with the index, as clause_of does
    soft_at = [soft_of[r.start] for r in reports] if soft_of else []
    always = [i for i, r in enumerate(reports) if r.scope is None]
    scopes = [(r.scope[0], r.scope[1], i) for i, r in enumerate(reports) if r.scope is not None]
    opens, closes = sorted(scopes), sorted(scopes, key=lambda scope: scope[1])
    active: list[int] = []  # the statements whose scope holds the mention's first token, by index
    opened = closed = 0

    def count(lo: int, hi: int) -> int:
        return sum(bisect_left(ids, hi) - bisect_left(ids, lo) for ids in (always, active))

    for m in sorted(range(len(mentions)), key=lambda m: mentions[m].token_start):
        mention = mentions[m]
        at = mention.token_start
        while opened < len(opens) and opens[opened][0] <= at:
            if at < opens[opened][1]:
                insort(active, opens[opened][2])
            opened += 1
        while closed < len(closes) and closes[closed][1] <= at:
            gone = bisect_left(active, closes[closed][2])
            if gone < len(active) and active[gone] == closes[closed][2]:
                del active[gone]
            closed += 1
        lo, hi = bisect_left(clause_at, clause_of[at]), bisect_right(clause_at, clause_of[at])
        found = count(lo, hi)
        if found > 1:
            soft_lo = max(lo, bisect_left(soft_at, soft_of[at]))
            soft_hi = min(hi, bisect_right(soft_at, soft_of[at]))
            if soft_lo < soft_hi and count(soft_lo, soft_hi):
                lo, hi = soft_lo, soft_hi
        elif not found:
            # With no statement in its own clause, a figure takes the sentence's ("Three guards died, but the
            # attackers fled, police said").
            lo, hi = 0, len(reports)
        split = bisect_right(ends, at)  # the statements before it end at or before its first token
        before = after = None
        for ids in (always, active):
            left = bisect_left(ids, min(split, hi)) - 1
            if left >= 0 and ids[left] >= lo and (before is None or ids[left] > before):
                before = ids[left]
            right = bisect_left(ids, max(split, lo))
            if right < len(ids) and ids[right] < hi and (after is None or ids[right] < after):
                after = ids[right]
        if before is None or (
            after is not None and _distance(reports[after], mention) < _distance(reports[before], mention)
        ):
            out[m] = None if after is None else reports[after]
        else:
            out[m] = reports[before]
    return out


@cache
def anonymity_words() -> frozenset[str]:
    """The longest (rarest) word of each phrase of ``anonymity.tsv``: a sentence with none holds no phrase."""
    return frozenset(
        max(reversed(row["phrase"].lower().split()), key=len) for row in read_table("anonymity.tsv")
    )


@cache
def attribution_reader(armed_groups: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> AttributionReader:
    return AttributionReader(armed_groups)
