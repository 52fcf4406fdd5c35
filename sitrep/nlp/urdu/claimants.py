"""Who an Urdu article's claimant words name, read in text order.

A name is its claimant (an actor's name is an armed group's); a word that refers back takes who the article named
before: "بیان" (the statement) and "انہوں" (they) the last claimant, "تنظیم" (the organisation) the last armed
group or institution, "ادارے" (the institute) the last institution, "گروپ" the last armed group. "پارٹی" after a
name is that party; "ایک تنظیم" (an organisation) is a new one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from sitrep.model import Claimant
from sitrep.nlp.urdu.lexicon import Lexicon
from sitrep.nlp.urdu.writing import Match, alternation, function_words

BACK = ("previous", "previous_armed_group", "previous_institution", "previous_organisation")
_INSTITUTIONS = ("other", "rights_group")  # whom "ادارہ" (the institute) or "کمیشن" refers back to
ORGANISATIONS = ("armed_group", *_INSTITUTIONS)  # whom "تنظیم" (the organisation) refers back to


@dataclass
class Claimants:
    """An article's claimant words: what each names, and who the article has named so far. ``seen`` is the text
    as the finders read it (``urdu_letters``); a claimant's words are cut from ``written``, the text as written."""

    seen: str
    written: str
    lexicon: Lexicon
    memory: dict[str, Claimant] = field(default_factory=dict)

    def kind(self, word: Match) -> str:
        """A claimant word's kind; an actor's name is an armed group's."""
        return self.lexicon.claimants.get(word.phrase, ("armed_group", ""))[0]

    def resolve(self, word: Match) -> Claimant:
        """Who a claimant word names, a word that refers back taking who the article named before."""
        lexicon, memory = self.lexicon, self.memory
        words = self.written[word.start : word.end]
        if word.phrase in lexicon.actors:
            return Claimant(name=lexicon.actors[word.phrase], kind="armed_group", text=words)
        kind, name = lexicon.claimants[word.phrase]
        if kind == "none":  # "اطلاعات کے مطابق" (according to reports): the article's own voice
            return Claimant()
        if kind == "previous":
            return memory.get("claimant", Claimant())
        if kind == "previous_armed_group":
            return memory.get("armed_group", Claimant())
        if kind == "previous_institution":
            if _a_new_one().search(self.seen, max(0, word.start - _OWNER_REACH), word.start):
                # "تحقیقاتی صحافت کے ایک ادارے" (a journalism body): a new one, not the institution named before
                return self._organisation(word)
            return memory.get("institution", memory.get("claimant", Claimant()))
        if kind == "previous_organisation":
            named = self._named_party(word)
            if named is None and _a_new_one().search(
                self.seen, max(0, word.start - _OWNER_REACH), word.start
            ):
                named = self._organisation(word)
            return named if named is not None else memory.get("organisation", Claimant())
        return Claimant(name=name or words, kind=kind, text=words)  # type: ignore[arg-type]

    def _organisation(self, word: Match) -> Claimant:
        """An organisation "تنظیم" names for itself, not one named before."""
        return Claimant(name="organisation", kind="other", text=self.written[word.start : word.end])

    def _new_organisation(self, word: Match) -> bool:
        """Whether "تنظیم" names an organisation of its own ("ایک ٹرانسپورٹر تنظیم", "پولیو ورکرز کی نمائندہ
        تنظیم"), not the group named before."""
        return _indefinite().search(self.seen, max(0, word.start - _OWNER_REACH), word.start) is not None

    def doers(self, words: Iterable[Match]) -> list[Match]:
        """The claimant words ("X نے") that name the doer of a perfective verb: a name, not a word referring
        back."""
        return [m for m in words if self.kind(m) not in (*BACK, "none") and agent().match(self.seen, m.end)]

    def heard(self, claimant: Claimant) -> None:
        """A claimant a reporting phrase gave voice to: the one a later "بیان" or "تنظیم" refers back to."""
        if claimant.kind != "none":
            self.memory["claimant"] = claimant
        if claimant.kind in ORGANISATIONS:
            self.memory["organisation"] = claimant

    def remember(self, named: list[Match], voiced: bool = True) -> None:
        """The last armed group named in a sentence, for a later "تنظیم" (the group) to refer to, and the last
        institution (a think tank, a rights body), for "ادارے" (the institute); and in a sentence that reports
        nothing (``voiced`` false), its doer, for a later "انہوں" or "کمیشن" to refer to: "انسانی حقوق کمیشن
        پاکستان نے تحقیقات کا مطالبہ کیا ہے۔ کمیشن کے مطابق …" (the commission demanded an inquiry; according to
        the commission …). ``named``: the sentence's claimant words (``claimant_finder``)."""
        memory = self.memory
        for m in named:
            if m.phrase in self.lexicon.actors:
                memory["armed_group"] = memory["organisation"] = self.resolve(m)
            elif self.kind(m) in _INSTITUTIONS and not self._held_post(m, named):
                memory["institution"] = memory["organisation"] = self.resolve(m)
            elif self.kind(m) == "previous_organisation" and self._new_organisation(m):
                # "اساتذہ کی ایک تنظیم" (an organisation of teachers) is a new one, not the group named before: a
                # later "تنظیم کے ایک رہنما" is its leader
                memory["organisation"] = self._organisation(m)
        doers = [] if voiced else [m for m in self.doers(named) if m.phrase not in self.lexicon.actors]
        if doers:
            memory["claimant"] = self.resolve(doers[-1])

    def _held_post(self, word: Match, named: list[Match]) -> bool:
        """Whether the word is a post held in an organisation named before it ("… مسنگ پرسنز کے چیئرمین"): the
        organisation is the one a later word refers back to, not its chairman."""
        return word.phrase in self.lexicon.posts and any(
            m.end <= word.start and held_in(self.seen, m, word) and self.resolve(m).kind != "none"
            for m in named
        )

    def _named_party(self, word: Match) -> Claimant | None:
        """ "پارٹی" after a name is that party, not the organisation named before ("ہزارہ ڈیموکریٹک پارٹی کے
        ترجمان"); after "اس" (this) or opening a clause it refers back."""
        if word.phrase not in function_words("party"):
            return None
        before = _WORD_BEFORE.search(self.written, max(0, word.start - 25), word.start)
        if before is None or before.group(1) in function_words("demonstrative"):
            return None
        return Claimant(name="party", kind="other", text=self.written[before.start(1) : word.end])


_WORD_BEFORE = re.compile(r"(?<!\S)([^\s\d۰-۹٠-٩،۔؛:\"'()]+)\s+$")


_POST_REACH = 30  # characters from an organisation's name to the post after it: "کے ایک علاقائی "


def held_in(text: str, organisation: Match, post: Match) -> bool:
    """Whether the post follows the organisation's name and its genitive: "… کمیشن کے ایک علاقائی کوآرڈینیٹر"."""
    if not text[organisation.end : post.start].strip():
        return True  # the post right after the name: "سی ٹی ڈی حکام" (CTD officials), "ایف سی حکام"
    return (
        post.start - organisation.end <= _POST_REACH
        and _possessive_after_its_place().match(text, organisation.end) is not None
    )


@cache
def _possessive_after_its_place() -> re.Pattern[str]:
    """The genitive after an organisation's name, the place it serves between, if any: "سول اسپتال کراچی کی ایک
    ایمرجنسی افسر" (an emergency officer of Civil Hospital Karachi)."""
    place = r"[^\s\d۰-۹٠-٩،۔؛:\"'()]+"
    return re.compile(rf"(?:\s+{place})?\s*(?:{alternation('possessive')})(?!\S)")


@cache
def agent() -> re.Pattern[str]:
    """After a claimant's words (a closing bracket between): "نے", marking the doer ("سی ٹی ڈی) نے"); a post is
    often followed by the place it serves, a name of up to three words with no case marker, conjunction, relative
    pronoun or figure ("ڈی پی او لکی مروت نے", "وزیراعلیٰ بلوچستان نے"; not "سپاہی جس نے", the soldier who)."""
    stops = "|".join(alternation(role) for role in ("case_marker", "and", "that", "relative"))
    plain = rf"(?!(?:{stops})(?![^\s،۔]))[^\s\d۰-۹٠-٩،۔؛:\"'()]+"
    return re.compile(rf"\)?(?:\s+{plain}){{0,3}}?\s*(?:{alternation('agent')})(?![^\s،۔])")


# Characters back from "تنظیم" to the "ایک" or genitive that makes it an organisation of its own
_OWNER_REACH = 20


@cache
def _a_new_one() -> re.Pattern[str]:
    """ "ایک" (a) and at most one word before "تنظیم": "ایک ٹرانسپورٹر تنظیم کے عہدیدار" (an official of a
    transporters' body) is of that body, in the sentence that names it."""
    return re.compile(r"(?<!\S)ایک(?:\s+\S+)?\s+$")


@cache
def _indefinite() -> re.Pattern[str]:
    """ "ایک" (a, one) or an owner's genitive, and at most one word, before the word it qualifies, where the search
    ends: "ایک ٹرانسپورٹر تنظیم" (a transporters' body), "پولیو ورکرز کی نمائندہ تنظیم" (the polio workers' body)."""
    return re.compile(rf"(?<!\S)(?:ایک|{alternation('possessive')})(?:\s+\S+)?\s+$")
