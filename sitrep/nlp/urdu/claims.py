"""Urdu claims: every casualty figure of an Urdu article with its claimant, stance and verification. In: the
article's text; out: ``Claim``s in the English reader's contract. The steps are modules of their own: ``writing``
(letters, phrases, sentences), ``numbers``, ``figures``, ``sentence`` (what a sentence's figures share, and the
claim each becomes), ``claimants`` (who a claimant word names), ``voices`` (who speaks through each reporting
phrase, and stance), ``verification``; this one runs them."""

from __future__ import annotations

import re
from functools import cache

from sitrep.model import Claim, Claimant
from sitrep.nlp.told import Told, outcome_kind
from sitrep.nlp.urdu.claimants import Claimants
from sitrep.nlp.urdu.figures import (
    counted_nouns,
    figure_before,
    figures_after,
    follows_of_them,
    joined_before,
    list_set_off,
    named_with_no_number,
    names_the_speaker,
    object_before,
    oblique_singular,
    of_an_armed_group,
    one_as_article,
    part_including,
    parts_among_whom,
    tallied,
    toll_follows,
    up_to_the_object,
    whole_before_of_them,
    wounded_who_died,
)
from sitrep.nlp.urdu.lexicon import Lexicon, urdu_lexicon
from sitrep.nlp.urdu.numbers import VALUE_KINDS, bounded, numbers_of
from sitrep.nlp.urdu.sentence import Read, Sentence, background_spans, side_of
from sitrep.nlp.urdu.verification import unverified_by_later_sentences, verified_in
from sitrep.nlp.urdu.voices import Speaker, Voice, own_doer, voice_at, voices_of
from sitrep.nlp.urdu.writing import (
    Match,
    alternation,
    clauses_of,
    folded,
    function_words,
    other_stories,
    urdu_letters,
    urdu_sentences,
    whole_word,
)

ARMED_SIDES = ("security_forces", "militants")  # the sides a fight has, as against civilians


def read_urdu_claims(text: str) -> list[Claim]:
    """Every casualty figure in the Urdu ``text`` with its claimant, stance and verification, in text order."""
    lexicon = urdu_lexicon()
    seen = urdu_letters(text)  # what the finders read; quotes and offsets are the text's own
    claimants = Claimants(seen, text, lexicon)
    claims: list[Claim] = []
    armed_named = False  # a man of an armed side named among people counted, with no number of his own
    told = Told(by_claimant_words=True, fold=folded)
    speakers = Speaker(seen, lexicon)
    links = other_stories(seen)
    sentences = [s for s in urdu_sentences(seen) if not any(a <= s[0] < b for a, b in links)]
    asked: Match | None = None  # the outcome a question just asked the count of ("کتنے افراد جاں بحق ہوئے؟")
    for s_start, s_end in sentences:
        outcomes = _outcomes_in(seen, s_start, s_end, lexicon)
        voices = voices_of(claimants, s_start, s_end)
        speaker = speakers.read(s_start, s_end, voices)
        named = list(lexicon.claimant_finder.find(seen, s_start, s_end))  # read once for both
        if not voices:
            speaker = own_doer(claimants, named, speaker) or speaker
        claimants.remember(named, voiced=bool(voices))
        outcomes = [
            o for o in outcomes if lexicon.outcomes[o.phrase] != "none" and not _purpose().match(seen, o.end)
        ]
        was_asked, asked = asked, _asked(seen, s_start, s_end, outcomes)
        if not outcomes and was_asked is None:
            continue
        clauses = clauses_of(seen, s_start, s_end)
        sentence = Sentence(
            seen,
            text,
            (s_start, s_end),
            numbers_of(seen, s_start, s_end, lexicon),
            clauses,
            verified_in(seen, s_start, s_end, lexicon),
            background_spans(seen, s_start, s_end, clauses, lexicon, lede=s_start == sentences[0][0]),
            [m.start() for m in whole_word("turn").finditer(seen, s_start, s_end)],
        )
        if not outcomes and was_asked is not None:
            # The answer to "کتنے افراد جاں بحق ہوئے؟" (how many were killed?): "پولیس کے مطابق 7، جبکہ ہسپتال
            # ذرائع 9 بتا رہے ہیں" gives the figures of the outcome asked, each its speaker's
            for number in [n for n in sentence.numbers if n.kind in VALUE_KINDS]:
                read = Read(bounded(sentence.numbers, number, s_end), was_asked.phrase, "unspecified", "")
                claimant, stance = voice_at(voices, number.start, speaker, sentence.clauses, sentence.turns)
                _add(claims, told, sentence.claim(read, claimant, stance, len(claims), None))
            continue
        lo, victim, wounded = s_start, None, None
        named_here = False  # the last figure's victim was named in this sentence
        for at, outcome in enumerate(outcomes):
            if wounded_who_died(sentence, outcomes, at, lexicon):
                wounded = outcome  # "ایک زخمی دوران علاج دم توڑ گیا": the figure is the death's
                continue
            was_wounded = wounded is not None
            head, wounded = wounded or outcome, None  # where the figure's phrase ends
            lo = max([lo, *(c for c in sentence.clauses if c <= head.start)])
            figure = figure_before(seen, sentence.numbers, lo, head.start, lexicon)
            if head is outcome and tallied(sentence.numbers, outcome):
                # "… میں سے ایک دم توڑ گیا جس کے بعد ہلاکتوں کی تعداد 3 ہو گئی": the tally's figure, not "ایک"
                figure = None
            # "ایک" before a wounded person who died counts them: "ایک زخمی بچہ ہسپتال میں دم توڑ گیا"
            article = head is outcome and figure is not None and one_as_article(seen, figure, head, lexicon)
            if figure is None or article:
                figure = object_before(seen, sentence.numbers, lo, head.start, lexicon) or figure
            # "تین افراد، جن میں ایک خاتون اور اس کی دو بیٹیاں شامل ہیں، … جاں بحق": the figure is told before the list
            set_off = list_set_off(sentence, figure, head, lexicon) if figure is not None else None
            if set_off is not None:
                figure = figure_before(seen, sentence.numbers, lo, set_off.comma, lexicon)
            if figure is None:
                following = outcomes[at + 1].start if at + 1 < len(outcomes) else s_end
                for read, role in figures_after(sentence, outcome, following, lexicon):
                    total = _last_of(claims, lexicon.outcomes[read.outcome])
                    if role == "definite" and total is not None:
                        # "شہید ہونے والے تین اہلکاروں کی شناخت": the three already counted. Their number is still
                        # the figure of a later outcome word: "مارے جانے والے پانچوں افراد پہلے سے لاپتہ تھے" (the
                        # five killed had been missing).
                        continue
                    lo = max(lo, read.figure.end)
                    claimant, stance = voice_at(
                        voices,
                        read.figure.start,
                        _carried(speaker, sentence, read.figure.start),
                        sentence.clauses,
                        sentence.turns,
                    )
                    whole = total if role == "part" else None
                    added = _add(claims, told, sentence.claim(read, claimant, stance, len(claims), whole))
                    if added and role == "total":
                        # "جاں بحق افراد کی تعداد 4 ہو گئی جن میں 3 پولیس اہلکار اور ایک شہری شامل ہیں"
                        toll = Match(outcome.start, read.figure.end, outcome.phrase)
                        parts = parts_among_whom(sentence, toll, following, lexicon)
                        named = read.victim_text not in ("", *function_words("people"))
                        lo = _add_parts(
                            claims, told, sentence, claims[-1], parts, (claimant, stance), named, lo
                        )
                continue
            nouns_end = set_off.comma if set_off is not None else outcome.start
            found = up_to_the_object(seen, list(lexicon.victim_finder.find(seen, figure.end, nouns_end)))
            nouns = counted_nouns(seen, figure, found)
            if not nouns:  # "دو زخمی اہلکاروں کو …": the outcome word qualifies the noun right after it
                after = next(
                    lexicon.victim_finder.find(seen, outcome.end, min(s_end, outcome.end + 30)), None
                )
                nouns = [after] if after is not None and not seen[outcome.end : after.start].strip() else []
            if (
                figure.low == 1
                and nouns
                and lexicon.numbers_of[nouns[-1].phrase] == "plural"
                and not oblique_singular(seen, nouns[-1])
            ):
                continue  # "ایک الگ حملے میں اہلکاروں کو": "ایک" is "a" (attack), not the count of a plural
            if figure.low == 1 and nouns and names_the_speaker(seen, nouns[-1], lexicon):
                continue  # "لیویز کے ایک اہلکار کے مطابق لاشوں کو …": who speaks, not one of the dead
            if figure.low is None and not nouns:
                continue  # "متعدد کی حالت تشویشناک": "several" stands for people told of before, not a figure
            if was_wounded and toll_follows(sentence, outcome, outcomes[at + 1 :], lexicon):
                # "ایک زخمی … دم توڑ گیا جس سے … تعداد تین ہو گئی": the new toll counts the one who died
                lo = outcome.end
                continue
            if seen[figure.start : figure.end] in function_words("needs_noun") and (
                not (nouns and not seen[figure.end : nouns[0].start].strip())
                or any(
                    c.count.low == figure.low and c.outcome == lexicon.outcomes[outcome.phrase]
                    for c in claims
                )
            ):
                # "دونوں" (both) counts only the people named right after it, not "دونوں جانب" (both sides); and both
                # of the two counted before are no new figure ("دونوں اہلکاروں کو … قتل کیا گیا")
                continue
            if head is outcome and one_as_article(seen, figure, head, lexicon):
                continue  # "ایک لاپتہ نوجوان کی والدہ": a missing youth's mother, not a count
            victim_text = text[nouns[-1].start : nouns[-1].end] if nouns else ""  # as written
            # A figure naming no one takes the victims of the sentence's figure before it, else those an earlier
            # figure of the same number and outcome named ("تین شہری جاں بحق … تین لاشیں لائی گئیں"), as in English.
            claimant, stance = voice_at(
                voices,
                figure.start,
                _carried(speaker, sentence, figure.start),
                sentence.clauses,
                sentence.turns,
            )
            before = victim
            # Only a victim named in this sentence carries to its next figure: "2 لاشیں اور 4 زخمی لائے گئے" takes the
            # earlier "2 اہلکار" for the bodies, and says nothing of whom the four injured were.
            carried = victim if named_here else None
            named_here = bool(nouns) or carried is not None
            victim = (
                lexicon.victims[nouns[-1].phrase]
                if nouns
                else carried
                or told.victim_of_outcome.get(
                    (outcome_kind(lexicon.outcomes[outcome.phrase]), figure.low), "unspecified"
                )
            )
            if victim in ("unspecified", "civilians") and (
                of_an_armed_group(seen, figure, lexicon)
                or (
                    claimant.kind == "armed_group"
                    and victim_text in function_words("members")
                    and _its_own().search(seen, max(0, figure.start - _OWN_REACH), figure.start) is not None
                )
            ):
                # "بی ایل اے کے 5 ارکان", and in a group's statement "اس کے 4 ارکان" (its four members): its own men
                victim = "militants"
            if victim == "side":  # "ان کا ایک ساتھی" (one of their comrades): of those counted before
                # In an armed group's claim they are its fighters ("15 فوجی مارے گئے جبکہ اس کے تین ساتھی جان سے
                # گئے"): groups call their own men so.
                known = before not in (None, "unspecified") and claimant.kind != "armed_group"
                victim = before if known else side_of(claimant)
            # "جن میں سے پانچ شدید زخمیوں کو ریفر کیا گیا" (five of whom were referred): part of the figure before.
            total = _last_of(claims, lexicon.outcomes[outcome.phrase])
            of_them = total if follows_of_them(sentence.numbers, figure) else None
            whole = whole_before_of_them(seen, sentence.numbers, figure, lexicon) if not nouns else None
            if whole is not None and victim == "unspecified":
                victim = lexicon.victims[whole.phrase]  # "چار لیویز اہلکاروں میں سے دو": of the Levies men
            if of_them is not None and victim == "unspecified":
                victim = next(c.victim for c in claims if c.id == of_them)  # a part is of its whole's people
            main = sentence.claim(
                Read(figure, outcome.phrase, victim, victim_text), claimant, stance, len(claims), of_them
            )
            if not _add(claims, told, main):
                lo = outcome.end
                continue
            # "11 پولیس اہلکار اور 3 پولیو ورکرز جاں بحق": the figures joined before it share its outcome word
            for part, noun in joined_before(
                seen, sentence.numbers, lo, figure, lexicon, nouns[-1] if nouns else None
            ):
                read = Read(part, outcome.phrase, lexicon.victims[noun.phrase], text[noun.start : noun.end])
                _add(claims, told, sentence.claim(read, claimant, stance, len(claims), of_them))
            subset = part_including(seen, sentence.numbers, lo, figure, lexicon)
            side = None if subset else named_with_no_number(seen, sentence.numbers, lo, figure, lexicon)
            if side in ARMED_SIDES:
                armed_named = True  # "پولیس اہلکار سمیت 5 افراد": the five are of both sides, not civilians
            if subset is not None:  # "ایک پولیس اہلکار سمیت تین راہگیر زخمی": one policeman among the three
                for part, noun in [subset, *joined_before(seen, sentence.numbers, lo, subset[0], lexicon)]:
                    read = Read(
                        part, outcome.phrase, lexicon.victims[noun.phrase], text[noun.start : noun.end]
                    )
                    if part.low == 1 and read.victim == main.victim == "security_forces":
                        continue  # "ایک اے ایس آئی سمیت 6 پولیس اہلکار": one of the men named by rank, no figure
                    _add(claims, told, sentence.claim(read, claimant, stance, len(claims), main.id))
            lo = outcome.end
            following = outcomes[at + 1].start if at + 1 < len(outcomes) else s_end
            parts = (
                set_off.parts
                if set_off is not None
                else parts_among_whom(sentence, outcome, following, lexicon)
            )
            lo = _add_parts(claims, told, sentence, main, parts, (claimant, stance), bool(nouns), lo)
    if not _fight_of_two_sides().search(seen):
        claims = _protesters(claims, seen) if armed_named else _all_civilians(_protesters(claims, seen))
    return unverified_by_later_sentences(seen, sentences, claims, lexicon)


def _add_parts(
    claims: list[Claim],
    told: Told,
    sentence: Sentence,
    main: Claim,
    parts: list[Read],
    voice: tuple[Claimant, str],
    named: bool,
    lo: int,
) -> int:
    """The parts of a whole listed after it, "جن میں … شامل ہیں" (among whom are …), each a claim that is part of
    ``main``; ``named``: whether the whole names its people. Returns where the reading goes on."""
    for read in parts:
        if read.figure.low == 1 and read.victim == main.victim == "security_forces":
            continue  # "دو جوان … جن میں ایک لانس نائیک شامل ہے": one of the men named by rank, no figure
        # "25 افراد زخمی ہوئے جن میں 6 خواتین بھی شامل ہیں": six women among the 25; a part that names no people of
        # its own is of the whole's ("23 شدت پسند … جن میں 6 غیر ملکی", six foreigners)
        if read.victim == "unspecified" and not read.victim_text:
            read = read._replace(victim=main.victim)
        elif not named and read.victim not in (main.victim, "unspecified"):
            # A whole that names no one, with a part of another side ("گیارہ زخمیوں کو طبی امداد دی گئی جن میں چار
            # پولیس اہلکار ہیں"), is of both: not the side an earlier figure carried to it.
            main = main.model_copy(update={"victim": "unspecified"})
            claims[next(i for i, c in enumerate(claims) if c.id == main.id)] = main
        _add(claims, told, sentence.claim(read, *voice, len(claims), main.id))
        lo = max(lo, read.figure.end)
    return lo


def _outcomes_in(seen: str, start: int, end: int, lexicon: Lexicon) -> list[Match]:
    """The sentence's outcome words in text order: phrases, and phrases with a gap ("اپنے ساتھ … لے گئے") where no
    outcome word stands inside the gap."""
    words = list(lexicon.outcome_finder.find(seen, start, end))
    gapped = [
        g
        for g in lexicon.outcome_gaps.find(seen, start, end)
        if not any(g.start <= w.start < g.end for w in words)
    ]
    return sorted(words + gapped) if gapped else words


def _asked(seen: str, start: int, end: int, outcomes: list[Match]) -> Match | None:
    """The outcome word of a question asking a count ("کتنے افراد جاں بحق ہوئے؟", how many were killed?), as
    explainers put their figures as answers."""
    if not outcomes or not seen[start:end].rstrip().endswith(("؟", "?")):
        return None
    return outcomes[0] if whole_word("how_many").search(seen, start, end) else None


_OWN_REACH = 12  # characters back from a figure to "اس کے" (its) before it


@cache
def _its_own() -> re.Pattern[str]:
    """ "اس کے", "اپنے" (its, their own) right before a figure."""
    return re.compile(rf"(?<!\S)(?:{alternation('its_own')})\s*$")


@cache
def _purpose() -> re.Pattern[str]:
    """What was to be done, right after an outcome word: "گرفتاری کے لیے" (for the arrest of), "اغوا کرنے کے لیے"."""
    return re.compile(rf"(?:\s+(?:{alternation('infinitive')}))?\s*(?:{alternation('purpose')})(?!\S)")


def _carried(speaker: Voice | None, sentence: Sentence, at: int) -> Voice | None:
    """The speaker going on into a sentence, but not into a figure told in the pluperfect, an earlier incident
    the report adds after the statement ("رواں برس مارچ میں … دو اہلکار مارے گئے تھے"); a period's count ("اس
    عرصے میں …") stays the statement's."""
    lexicon = urdu_lexicon()
    closed = min([sentence.span[1], *(c for c in sentence.clauses if c > at)])
    earlier = lexicon.background.find(sentence.seen, at, closed)
    return None if any(lexicon.background_reach[c.phrase] == "clause" for c in earlier) else speaker


@cache
def _fight_of_two_sides() -> re.Pattern[str]:
    """A fight between two sides: "دو مسلکی گروہوں کے درمیان تصادم", "قبائل کے درمیان جھڑپوں" (its dead are the
    sides' people, whom the report does not call civilians)."""
    return re.compile(rf"(?:{alternation('between')})\s+(?:\S+\s+){{0,3}}?(?:{alternation('fight')})(?!\S)")


def _protesters(claims: list[Claim], text: str) -> list[Claim]:
    """The plain people a figure told with a protest counts ("مظاہرین پر فائرنگ سے 3 افراد جاں بحق", "مظاہرین کو
    منتشر کیا اور 30 افراد کو گرفتار کر لیا") are the protesters: civilians, as the forces facing them are not; and
    so are the people arrested in a report that opens with a protest ("47 افراد کو حراست میں لیا گیا")."""
    people = {"", *function_words("people")}
    # not where the sentence also counts the forces ("63 زخمی جن میں 41 پولیس اہلکار"): a total of both sides
    armed = {c.start for c in claims if c.victim in ARMED_SIDES}
    lede = next(iter(urdu_sentences(text)), (0, 0))
    protest_report = whole_word("protest").search(text, *lede) is not None
    return [
        c.model_copy(update={"victim": "civilians"})
        if c.victim == "unspecified"
        and c.victim_text in people
        and c.start not in armed
        and (
            whole_word("protest").search(c.quote) is not None or (protest_report and c.outcome == "arrested")
        )
        else c
        for c in claims
    ]


def _all_civilians(claims: list[Claim]) -> list[Claim]:
    """When an article's incident counts no one of an armed side (forces, militants), the people it leaves unnamed
    ("4 افراد جاں بحق", "زخمیوں کی تعداد 6") are civilians, as ACLED codes the unnamed dead of an attack. Not when any
    figure counts an armed side: "افراد" (people) is then how the press tells civilians from them. The incident
    decides for the earlier ones it recalls too."""
    named = {c.victim for c in claims if not c.background and c.victim != "unspecified"}
    if not named <= {"civilians"}:
        return claims
    people = {"", *function_words("people")}  # not suspects ("ملزمان"), guards or comrades
    return [
        c.model_copy(update={"victim": "civilians"})
        if c.victim == "unspecified" and c.victim_text in people
        else c
        for c in claims
    ]


def _add(claims: list[Claim], told: Told, claim: Claim) -> bool:
    """Keep a claim unless an earlier sentence gave the same figure (a lede said again in the body: the English
    reader's rule, ``Told.said_before``), or an earlier figure of another claimant repeated only to deny it ("ایف
    سی کے ترجمان نے سات اہلکاروں کی ہلاکت کے دعوے کی تردید کی": the seven are the group's claim, read before);
    whether it was kept."""
    if claim.count.low is None:
        return False  # "متعدد افراد زخمی" (several injured): no number, so no figure to code (``ur/numbers.tsv``)
    if claim.stance == "denied" and any(
        c.outcome == claim.outcome
        and (c.count.low, c.count.high) == (claim.count.low, claim.count.high)
        and (c.claimant.kind, folded(c.claimant.text or ""))
        != (claim.claimant.kind, folded(claim.claimant.text or ""))
        for c in claims
    ):
        return False
    if claim.part_of is None and told.said_before(
        claim.outcome,
        claim.count.low,
        claim.count.high,
        claim.claimant,
        claim.victim,
        claim.victim_text,
        claim.start,
    ):
        return False
    claims.append(claim)
    told.add(claim)
    return True


def _last_of(claims: list[Claim], outcome: str) -> str | None:
    """The id of the last whole figure of an outcome read so far: the total a list "among them" divides."""
    return next((c.id for c in reversed(claims) if c.outcome == outcome and c.part_of is None), None)
