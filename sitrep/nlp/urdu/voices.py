"""Who speaks in an Urdu sentence: each reporting phrase with the claimant named before it.

The claimant is the nearest claimant word before a reporting phrase ("پولیس کے مطابق"), as ``claimants`` resolves
it (a word that refers back, "بیان", "تنظیم", takes the claimant, or the armed group, named before); whom a
claimant told, and where a statement was put, are no claimants. A leading phrase ("کے مطابق", or a verb opening "کہ") gives the figures after it; a
verb the sentence's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from sitrep.model import Claimant
from sitrep.nlp.urdu.claimants import BACK, ORGANISATIONS, Claimants, agent, held_in
from sitrep.nlp.urdu.lexicon import Lexicon
from sitrep.nlp.urdu.numbers import VALUE_KINDS, numbers_of
from sitrep.nlp.urdu.writing import COMMAS, Match, alternation, word_after

_CLOSING = " ۔.؟?!'\"\n"  # what may stand after a sentence's last word


class Voice(NamedTuple):
    """A reporting phrase of a sentence with who speaks through it."""

    start: int
    end: int
    leads: bool  # "کے مطابق" gives the figures after it; a verb ("نے کہا") the whole sentence's
    claimant: Claimant
    stance: str
    spoken: bool  # a statement ("نے کہا", "کی تصدیق"), which goes on into the next sentence
    named: int | None = None  # where the claimant's words start, when named before a claim noun ("کا دعویٰ")
    line_end: int | None = None  # a speaker's label ("کانسٹیبل: …") speaks to the end of its line


def voices_of(claimants: Claimants, s_start: int, s_end: int) -> list[Voice]:
    """The sentence's reporting phrases, each with the claimant words before it (after the previous phrase)."""
    text, lexicon = claimants.seen, claimants.lexicon
    voices: list[Voice] = []
    contents: list[Voice] = []  # the voices of what denied reports said (``_reports_told``)
    after = s_start
    label = _label(claimants, s_start, s_end)
    if label is not None:
        voices.append(label)
        after = label.end
    noun = False  # the last voice is a claim noun with no owner named before it
    # whom a reporter cites ("کے حوالے سے"), who speaks through the reporter's verb
    cited: Claimant | None = None
    opened = s_start  # where the last voice's claimant words were looked for
    for report in lexicon.reporting_finder.find(text, s_start, s_end):
        table_stance, form = lexicon.reporting[report.phrase]
        if form in ("shift", "none"):
            continue
        if noun and report.start - voices[-1].end <= _OBJECT_GAP:
            # A claim noun the next phrase speaks of: "… دو حملہ آوروں کی ہلاکت کے دعوے کی تردید" (denied the claim
            # of two attackers killed) is one denial, by whoever denies.
            voices.pop()
            after = opened
        unowned, noun, opened = noun, False, after  # ``unowned``: the last voice was a claim noun no one owns
        # Whom a claimant told or talked to is no claimant: "پولیس نے میڈیا کو بتایا" (police told the media).
        found = list(lexicon.claimant_finder.find(text, after, report.start))
        # Nor is a word naming a vehicle's kind: "مسافر گاڑی پر فائرنگ" (firing on a passenger vehicle).
        words = [
            m
            for m in found
            if not _addressee().match(text, m.end) and not word_after("vehicle").match(text, m.end)
        ]
        media = [m for m in found if m not in words and claimants.kind(m) in _MEDIA]
        if table_stance == "denied" and (words or voices):
            # the reports' source may stand before an earlier word of the same denial ("… کو بے بنیاد اور من گھڑت")
            sources = [
                m
                for m in lexicon.claimant_finder.find(text, s_start, report.start)
                if claimants.kind(m) in _MEDIA and _addressee().match(text, m.end)
            ]
            if sources:
                contents.extend(_reports_told(claimants, report.end, sources[-1]))
        if form == "untrue":  # "… درست نہیں": the words before it are what is denied, not who denies
            if unowned and len(voices) > 1:
                # A claim noun named by no one, called untrue: the speaker before it denies the claim ("ترجمان نے
                # کہا کہ … ۱۴ ہلاکتوں کا دعویٰ 'دشمن کا پروپیگنڈا' ہے", the spokesman: the claim of 14 is propaganda).
                voices.pop()
            claimant = voices[-1].claimant if voices else Claimant()
            voices.append(Voice(report.start, report.end, False, claimant, "denied", False))
            after = report.end
            continue
        after = report.end
        named = None
        if not words and voices and report.start - voices[-1].end <= _CHAINED:
            # "نے میڈیا سے گفتگو کرتے ہوئے بتایا کہ": one speaker, two phrases
            claimant = voices[-1].claimant
            if voices[-1].named is not None:
                # A verb on a claim noun is said by the doer before its owner, not by the owner: "آر پی او نے ٹی
                # ٹی پی کے دعوے کو مسترد کرتے ہوئے کہا" (the RPO rejected the TTP's claim).
                since = voices[-2].end if len(voices) > 1 else s_start
                doers = claimants.doers(lexicon.claimant_finder.find(text, since, voices[-1].named))
                if doers:
                    claimant = claimants.resolve(doers[-1])
        elif not words and media:
            # Where a figure is put, with no one who put it, is its source: "سوشل میڈیا پر ہلاکتوں کی تعداد 15
            # بتائی جا رہی ہے" (on social media the toll is said to be 15).
            claimant = claimants.resolve(media[-1])
        elif not words:
            # The sentence's doer says what its later verbs say: "بی ایل ایف نے حملے کی ذمہ داری قبول کرتے ہوئے
            # 12 اہلکاروں کو ہلاک کرنے کا دعویٰ کیا" (the BLF, claiming the attack, claimed twelve killed).
            doers = claimants.doers(lexicon.claimant_finder.find(text, s_start, report.start))
            claimant = claimants.resolve(doers[-1]) if doers else Claimant()
        elif form == "names" and media:
            # News put somewhere is that place's: "بعض ٹی وی چینلز پر نشر ہونے والی 5 ہلاکتوں کی خبروں کو بے بنیاد
            # قرار دیا" (the channels' five, which the spokesman denies)
            claimant, named = claimants.resolve(media[-1]), media[-1].start
        else:
            claimant, named = _claimant_of(claimants, found, words, report, form)
            if claimant.kind == "none" and voices and voices[-1].leads and voices[-1].claimant.kind != "none":
                # What a speaker says "according to initial reports" is still the speaker's: "ڈی آئی جی نے کہا کہ
                # ابتدائی اطلاعات کے مطابق 7 افراد جاں بحق ہوئے"
                claimant = voices[-1].claimant
        # An armed group's word is a claim, except its denial ("تنظیم نے … کی تردید کی").
        stance = "claimed" if claimant.kind == "armed_group" and table_stance != "denied" else table_stance
        spoken = table_stance in ("reported", "confirmed")
        # A leading phrase that closes the sentence gives what came before it: "… 30 سے زیادہ فوجی مارے گئے، ایک
        # تحقیقی ادارے کے اعداد و شمار کے مطابق۔" (according to a research body's figures)
        closes = not text[report.end : s_end].strip(_CLOSING)
        if claimant.kind in _MEDIA and cited is not None:
            claimant = cited  # "روئٹرز نے دو عہدیداروں کے حوالے سے … بتایا": the officials Reuters cites
        if form == "cites" and claimant.kind not in _MEDIA:
            cited = claimant
        leads = (form in ("leads", "cites") and not closes) or _that().match(text, report.end) is not None
        voices.append(Voice(report.start, report.end, leads, claimant, stance, spoken, named))
        noun = form == "names" and named is None and not leads
        claimants.heard(claimant)
    if not voices:
        tail = _tail_source(claimants, s_start, s_end)
        voices = [tail] if tail is not None else voices
    return sorted(voices + contents, key=lambda v: v.start) if contents else voices


def _claimant_of(
    claimants: Claimants, found: list[Match], words: list[Match], report: Match, form: str
) -> tuple[Claimant, int | None]:
    """Who speaks through a reporting phrase, of the claimant ``words`` before it (``found``: with whom they
    told), and where the owner of a claim noun starts when it is named before the noun."""
    text, lexicon = claimants.seen, claimants.lexicon
    # A name beats a word that refers back; of those, "تنظیم" (the group) beats "بیان" (the statement).
    kinds = [claimants.kind(m) for m in words]
    names = [m for m, k in zip(words, kinds, strict=True) if k not in BACK]
    group = [
        m for m, k in zip(words, kinds, strict=True) if k in ("previous_armed_group", "previous_organisation")
    ]
    if (
        names
        and group
        and claimants.kind(names[-1]) not in ORGANISATIONS
        and any(mark in text[names[-1].end : group[-1].start] for mark in COMMAS)
    ):
        # … but not a name of another clause that the group word cannot refer to: "فورسز کی اس کارروائی … جس میں،
        # تنظیم کے بقول، چار عام شہری مارے گئے" (in which, as the group says, four civilians were killed).
        names = []
    word = (names or group or words)[-1]
    # The owner is the last claimant word before the noun: "تنظیم کے ترجمان" is the group's spokesman; and no
    # number before it: "3 سرمچاروں کے … دعوے" counts the fighters.
    owner = (
        form == "names"
        and word == words[-1]
        and _possessor(text, word.end, report.phrase)
        and not _counted(text, word, lexicon)
    )
    # Who did the saying: "X نے" (the doer of a perfective verb) before the other names of the sentence ("سی ٹی
    # ڈی نے کالعدم بی ایل اے سے تعلق رکھنے والے 3 ملزمان گرفتار کرنے کا دعویٰ کیا"), unless the claim noun's own
    # owner is named ("ٹی ٹی پی کا … کا دعویٰ").
    doers = [m for m in names if agent().match(text, m.end)]
    if doers and form not in ("leads", "cites") and not owner:
        word = doers[-1]
    if word.phrase in lexicon.posts:
        # A post speaks for the organisation it is held in: "ایچ آر سی پی کے ایک علاقائی کوآرڈینیٹر" is the HRCP's,
        # "پارٹی کے سیکرٹری اطلاعات" the party's named before.
        held = (m for m in reversed(words) if m.end <= word.start and held_in(text, m, word))
        word = next((m for m in held if claimants.resolve(m).kind != "none"), word)
    claimant = claimants.resolve(word)
    if claimant.kind == "none":
        # Reports are those of the source named just before them: "سوشل میڈیا پر آنے والی اطلاعات کے مطابق"
        # (according to reports on social media); "پولیس نے ان اطلاعات کی تردید کی" (the police denied these
        # reports) is the police's denial.
        before = [m for m in found if m.end <= word.start and claimants.kind(m) not in (*BACK, "none")]
        near = [m for m in before if word.start - m.end <= _CARRIED]
        # … or of the doer who put them out: "آئی ایس پی آر نے … کارروائیوں کی تفصیلات جاری کیں، جن کے مطابق"
        doers = claimants.doers(before)
        if near or doers:
            claimant = claimants.resolve((near or doers)[-1])
    return claimant, word.start if owner and claimant.kind != "none" else None


_LABEL = re.compile(r"([^:：\n۔]{1,40}?)\s*[:：]")  # a speaker's label: a few words and a colon
# A live page's time stamp before a line ("صبح 9:10 —"): a word for the time of day, the clock, a dash
_STAMP = re.compile(r"\s*(?:[^\s\d]+\s+)?[0-9۰-۹]{1,2}[:：][0-9۰-۹]{2}\s*[-\u2013\u2014]\s*")


def _tail_source(claimants: Claimants, s_start: int, s_end: int) -> Voice | None:
    """A source named after the last comma of a sentence that reports nothing else, as tickers and live pages
    print it ("… 3 افراد جاں بحق، پولیس"; "… 4 ساتھی مارے گئے، طالبان ترجمان کا دعویٰ"): it gives the sentence."""
    text = claimants.seen
    comma = text.rfind("،", s_start, s_end)
    if comma < 0:
        return None
    words = list(claimants.lexicon.claimant_finder.find(text, comma + 1, s_end))
    if not words or _tail().fullmatch(text, words[-1].end, s_end) is None:
        return None
    if text[comma + 1 : words[0].start].strip():
        return None  # more than the source after the comma
    claimant = claimants.resolve(words[-1])
    stance = "claimed" if claimant.kind == "armed_group" else "reported"
    return Voice(comma, s_end, False, claimant, stance, False)


@cache
def _tail() -> re.Pattern[str]:
    """After a source at a sentence's end: nothing, or its claim noun ("کا دعویٰ"), and the closing marks."""
    return re.compile(rf"(?:\s+(?:{alternation('possessive')})\s+دعو(?:یٰ|ی|ے))?[{re.escape(_CLOSING)}]*")


def _label(claimants: Claimants, s_start: int, s_end: int) -> Voice | None:
    """A line opened by a speaker's label, as interviews are printed ("کانسٹیبل: تین ساتھی وہیں شہید ہو گئے"):
    the speaker says the whole line. Only a label that names a claimant: "کوئٹہ:" is a dateline."""
    text = claimants.seen
    if s_start and text[s_start - 1] != "\n":
        return None
    stamp = _STAMP.match(text, s_start, s_end)
    label = _LABEL.match(text, stamp.end() if stamp else s_start, s_end)
    if label is None:
        return None
    word = next(claimants.lexicon.claimant_finder.find(text, label.start(1), label.end(1)), None)
    if word is None:
        return None
    claimant = claimants.resolve(word)
    line_end = text.find("\n", s_start)
    line_end = len(text) if line_end < 0 else line_end
    return Voice(s_start, label.end(), True, claimant, "reported", True, line_end=line_end)


def _counted(text: str, word: Match, lexicon: Lexicon) -> bool:
    """Whether a number stands right before the claimant word: then it names the people counted ("3 سرمچاروں کے
    مارے جانے کے دعوے", the claim of three fighters killed), not the claim's owner."""
    return any(
        n.kind in VALUE_KINDS and not text[n.end : word.start].strip()
        for n in numbers_of(text, max(0, word.start - 20), word.start, lexicon)
    )


def _possessor(text: str, end: int, noun: str) -> bool:
    """Whether the claimant's words ending at ``end`` own the claim noun: the same genitive right after them
    ("ٹی ٹی پی کا … کا دعویٰ"), not one agreeing with another noun ("پولیس کے 6 اہلکاروں کو … کا دعویٰ", the
    claim of killing six of the police's men)."""
    marker = noun.split()[0]
    return re.match(rf"\s*{marker}(?!\S)", text[end : end + 10]) is not None


# Characters between a claim noun and the verb it is the object of: "کے دعوے کی تردید", "کے دعوے کو بے بنیاد قرار
# دیا" (a case marker between).
_OBJECT_GAP = 4
_CARRIED = 20  # characters between a source and the reports it carries: "پر آنے والی", "کی جانب سے"
_CHAINED = 30  # characters between two reporting phrases of one speaker: "نے واقعے کی تصدیق کرتے ہوئے بتایا"


@cache
def _addressee() -> re.Pattern[str]:
    """After a claimant's words: the one told or talked to ("میڈیا کو", "صحافیوں سے بات کرتے ہوئے"), or where a
    statement was put ("سوشل میڈیا پر جاری بیان میں")."""
    return re.compile(rf"\s*(?:{alternation('addressee')})(?![^\s،۔])")


def _reports_told(claimants: Claimants, denial_end: int, source: Match) -> list[Voice]:
    """What reports said, told after a denial of them, is the reports' source's: "… نے سوشل میڈیا پر گردش کرنے
    والی ان خبروں کو غلط قرار دیا کہ حملے میں 12 اہلکار مارے گئے" (social media's twelve, which an official
    denies). A leading voice where what they said opens, if it opens right after the denial."""
    content = _content().match(claimants.seen, denial_end)
    if content is None:
        return []
    claimant = claimants.resolve(source)
    return [Voice(content.end(), content.end(), True, claimant, "reported", False)]


@cache
def _content() -> re.Pattern[str]:
    """After a denial (over two words at most): "کہ" or "جن میں" opening what the denied reports said ("… کو بے
    بنیاد قرار دیا جن میں 20 اہلکاروں کی ہلاکت کا دعویٰ کیا گیا تھا")."""
    return re.compile(
        rf"(?:\s+(?!(?:{alternation('and')})(?!\S))[^\s،۔]+){{0,2}}?"
        rf"\s+(?:{alternation('that')}|(?:{alternation('relative')})\s+میں)(?![^\s،۔])"
    )


@cache
def _that() -> re.Pattern[str]:
    """After a reporting verb, over two words at most (not "اور" and another verb): "کہ" (that) opening what was
    said ("نے دعویٰ کیا ہے کہ …"), or a colon or a comma opening a quote ("نے فون پر بتایا: \"…\"", "کہا، '…'");
    the verb gives the figures after it, as "کے مطابق" does."""
    return re.compile(
        rf"(?:(?:\s+(?!(?:{alternation('and')})(?!\S))\S+){{0,2}}?\s+(?:{alternation('that')})(?![^\s،۔])"
        rf"|\s*[:：]|\s*[،,]\s*[\"'“‘])"
    )


def voice_at(
    voices: list[Voice],
    at: int,
    speaker: Voice | None,
    clauses: Sequence[int] = (),
    turns: Sequence[int] = (),
) -> tuple[Claimant, str]:
    """Who gives the figure at ``at``: a claimant named before it with a claim noun after it ("ٹی ٹی پی کا تین
    اہلکاروں کی ہلاکت کا دعویٰ", the TTP's claim of three killed, even inside what another says of it); else the
    last leading phrase before it, else the sentence's first verb (not one across a turn from the figure); in a
    sentence with no reporting phrase, the speaker of the sentence before (``Speaker``) goes on."""
    leading = [v for v in voices if v.leads and v.end <= at]
    opened = leading[-1].end if leading else 0
    claimed = [v for v in voices if v.named is not None and opened <= v.named < at < v.start]
    # A verb does not reach across the writer's turn to a figure on its other side: "پولیس نے ۳ اموات کی تصدیق کی
    # تھی، تاہم ایک زخمی دکاندار … دم توڑ گیا"; "3 انجینئرز اغوا ہوئے …، تاہم حکام اس کی تردید کرتے ہیں" (``turns``:
    # where "تاہم", however, stands).
    verbs = [v for v in voices if not v.leads and not any(v.end <= t < at or at < t < v.start for t in turns)]
    # A clause of its own with its own speaker's verb after the figure is that speaker's, not the statement
    # before it: "… ایس پی نے بتایا تھا کہ …، تاہم ڈپٹی کمشنر نے جاں بحق افراد کی تعداد 5 بتائی".
    if leading and any(leading[-1].end <= c <= at for c in clauses):
        own = [
            v
            for v in verbs
            if v.start > at and v.claimant.kind != "none" and not any(at < c <= v.start for c in clauses)
        ]
        leading = [] if own else leading
        verbs = own or verbs
    if claimed or leading or verbs:
        voice = (claimed or leading[-1:] or verbs)[0]
    else:
        voice = None if voices else speaker
    if voice is None:
        return Claimant(), "reported"
    # What a speaker says and then calls untrue in the same clause is a denial: "ترجمان کا کہنا تھا کہ 10 ہلاکتوں
    # کی خبریں درست نہیں" (``clauses``: where the sentence's clauses start).
    untrue = any(
        v.stance == "denied"
        and not v.leads
        and v.start > at
        and v.claimant in (voice.claimant, Claimant())
        and not any(at < c <= v.start for c in clauses)
        for v in voices
    )
    return voice.claimant, "denied" if untrue and voice.leads else voice.stance


class Speaker:
    """Reported speech goes on: the sentences with no reporting phrase of their own after a statement, to the end
    of its paragraph, are the statement's, unless one opens with a turn to another matter ("دریں اثنا",
    meanwhile: ``reporting.tsv`` form "shift"). Across a paragraph break only the sentence right after the
    statement, as web desks make each sentence a paragraph ("آئی ایس پی آر کا کہنا ہے کہ …" and then "آپریشن کے
    دوران … 8 خوارج ہلاک ہو گئے"). Not further: the Urdu press names the speaker again when it goes on
    ("انہوں نے مزید کہا", "ان کا کہنا تھا"), except over a list
    the statement opens with a colon ("… درج ذیل کارروائیاں کیں:" and then "۱۔ …", "۲۔ …"), which is all its own
    until a sentence speaks for itself, and over a quotation it opens, to the quotation's closing mark."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self._text, self._lexicon = text, lexicon
        self._last: Voice | None = None
        self._listing = False  # the last statement opened a list
        self._paragraph_end = 0  # where the last statement's paragraph ends
        self._passed = False  # a sentence with no statement of its own was read since the last statement
        self._quote_end = 0  # where the quotation the last statement opened closes

    def read(self, start: int, end: int, voices: list[Voice]) -> Voice | None:
        """The speaker who goes on into the sentence [start, end); then the sentence's own voices are heard."""
        opening = next(self._lexicon.reporting_finder.find(self._text, start, min(end, start + 30)), None)
        shifts = (
            opening is not None
            and opening.start == start
            and self._lexicon.reporting[opening.phrase][1] == "shift"
        )
        # A brief with its own dateline and byline ("خاران (نمائندہ) …") is another report of a page of them.
        shifts = shifts or _brief().match(self._text, start) is not None
        going_on = None if shifts else self._last
        if self._passed and start >= self._paragraph_end and not self._listing:
            going_on = None  # past the paragraph, a statement reaches only the sentence right after it
        quoted = self._last is not None and start < self._quote_end
        if quoted:
            going_on = (
                self._last
            )  # a quotation is its speaker's to its closing mark, over sentences and paragraphs
        line_end = self._last.line_end if self._last is not None else None
        in_line = (line_end is not None and start < line_end) or quoted
        if line_end is not None and not quoted:
            # A labelled line is all its speaker's, and no more: the next line has its own label, or none.
            going_on = self._last if in_line else None
        spoken = [v for v in voices if v.spoken] or self._claims_quoted(voices, end)
        named = [v for v in spoken if v.claimant.kind != "none"]
        if spoken:
            self._last = (named or spoken)[-1]
            self._listing = self._text[start:end].rstrip().endswith((":", "："))
            paragraph_end = self._text.find("\n", end)
            self._paragraph_end = len(self._text) if paragraph_end < 0 else paragraph_end
            self._passed = False
            self._quote_end = _quotation_end(self._text, self._last.end, end)
        elif not in_line and (shifts or not (self._listing or end <= self._paragraph_end)):
            self._last, self._listing = None, False
        else:
            self._passed = True
        return going_on

    def _claims_quoted(self, voices: list[Voice], end: int) -> list[Voice]:
        """A claim that opens a quotation ("ترجمان نے دعویٰ کیا کہ \"… ۔ اس کارروائی میں ہمارے 6 ساتھی …\""): its
        speaker's to the closing mark and no further, as a labelled line is; a claim does not go on past its own
        sentence otherwise."""
        for voice in reversed(voices):
            close = _quotation_end(self._text, voice.end, end)
            if voice.stance == "claimed" and voice.claimant.kind != "none" and close:
                return [voice._replace(line_end=close)]
        return []


_QUOTES = {
    '"': '"',
    "\u201c": "\u201d",
}  # opening mark → closing mark (not the single quotes of a term: 'خوارج')


def _quotation_end(text: str, after: int, end: int) -> int:
    """Where a quotation opened after a reporting phrase, and not closed in its sentence, closes: "ان کا کہنا تھا:
    \"ہمارے چار جوانوں نے … ۔ … ۔\"" (0 when none is left open)."""
    opened = next(((i, ch) for i in range(after, end) if (ch := text[i]) in _QUOTES), None)
    if opened is None:
        return 0
    close = text.find(_QUOTES[opened[1]], opened[0] + 1)
    return close if close >= end else 0


@cache
def _brief() -> re.Pattern[str]:
    """A line opening with a dateline and a byline in brackets: "خاران (نمائندہ انتخاب)"."""
    return re.compile(rf"(?:(?<=\n)|^)[^\s(۔]+(?:\s+[^\s(۔]+){{0,2}}\s*\(\s*(?:{alternation('byline')})")


_MEDIA = ("media", "unofficial")  # claimant kinds that are places a figure is put ("سوشل میڈیا پر")


def own_doer(claimants: Claimants, named: list[Match], speaker: Voice | None) -> Voice | None:
    """The doer of a sentence with no reporting phrase, when of another kind than the speaker going on into it
    (or with no speaker): "پولیس نے رات گئے چھاپے مار کر ۳۷ افراد کو حراست میں لے لیا" after what a hospital said,
    or "سی ٹی ڈی نے … 2 مشتبہ افراد کو حراست میں لے لیا", is the police's account of what they did. Not an armed
    group: what it did is no claim of its own. ``named``: the sentence's claimant words (``claimant_finder``), as
    ``Claimants.remember`` reads them too."""
    other = speaker.claimant.kind if speaker is not None else None
    doers = [m for m in claimants.doers(named) if claimants.kind(m) not in (other, "armed_group")]
    if not doers:
        return None
    return Voice(doers[0].start, doers[0].start, True, claimants.resolve(doers[0]), "reported", False)
