"""Per-event figures from the event's claims: low / best / high, and deaths split by side.

The rules, in one place (each figure says in ``Figure.rule`` how it was reached):

1. **One total per claimant.** A claimant's figure for an outcome is the sum of the figures it gives for
   different victims ("17 police and 31 civilians" = 48), or its figure for unspecified victims, whichever is
   larger; a figure it repeats for the same victims counts once (its largest: tolls rise as bodies are
   counted). Subsets ("including three children", ``part_of``) are never added again. Denials are left out.
   Its exact figures of dead for the same victims *in one sentence* are groups told apart ("three died on the
   spot and one in hospital") and are added, unless the sentence tells a subset ("two of them"), a contrast or another
   source, or a rising toll ("rose from four to six"). An increment ("killing five more soldiers") within a
   larger figure of the event is part of that figure, never a total of its own; else it adds to the figure
   the same kind of claimant told before it for the same victims ("two policemen … five more": seven).
2. **All deaths, attackers included** (ACLED counts every death of the event): a claimant that gives figures
   by side but leaves out a side the officials report (the attackers the army says it killed, a civilian the
   district officer reports) has that side filled from the official account before its total is taken.
   The *official account* is, per side, the largest figure of the government, security forces and medical
   sources (police, army/ISPR, civil officials, hospitals). A figure of people killed that is larger than
   all the claimant's figures by side counts the attackers' victims: the attackers it (or the officials)
   count apart are added to it ("nine people were killed … the three attackers were shot dead" = 12).
3. The **perpetrator** is an armed group speaking of deaths it caused among others, or state forces speaking
   of militants they killed.
4. **low** = the lowest total from a party other than the perpetrator (the article's own voice included).
   A figure only the perpetrator states still gives low, best and high, flagged "perpetrator's own claim".
5. **high** = the highest total anyone claims, the perpetrator's included (an upper bound where it is given,
   else the lower bound: "more than 200" gives 201).
6. **best** by a named rule an analyst can switch (``best_rule``, or the ``SITREP_BEST_RULE`` setting):
   - ``official`` (default, as the dev gold and ACLED's practice code it): the official account's total where
     an official gives a figure, else the lowest total from a party other than the perpetrator; never below
     low (officials who counted only some of the dead) nor above high;
   - ``lowest``: the low figure (the most conservative reading);
   - ``most_reliable``: the lowest total from the most reliable kind of source present, in this order: the
     article's own voice and medical sources; local sources, rights groups, media and others; government and
     security forces; unofficial sources; armed groups.
7. No figure is averaged or rounded: every number is a claim's number or a sum of claims' numbers (or, by
   rule 8, a difference of two). Figures with no number ("several", "took hostages") never set a bound.
8. **The wounded from those hit.** Where people are counted as hit without saying whether they lived
   ("four teens were shot", "25 casualties"), those hit less the dead are wounded: the injured figure is
   the casualties' best less the fatalities' best where that is more than the injured figures give ("four
   were shot, one fatally" gives three injured; "a man was shot … he died" gives none; "he and three others
   were shot … he is in critical condition" gives four).
9. **The wounded who died.** Where people were killed and the only wounded are one person told again ("she
   was wounded", "the girl was wounded", "the only person injured" — a pronoun or "the"), that person is one
   of the dead, wounded before dying: no injured figure is given.
10. **One fate per name.** A person called by name ("Jane Roe was shot", "Roe died") is counted once, under
   the gravest outcome told of that name; where nobody died, one named as hit is wounded ("Roe was shot",
   "Lee was shot in the leg": two wounded).
11. **Nobody dead where only the living are counted.** An event whose figures count people wounded, hit or
   taken, with a number, and tell no death has 0 dead ("three labourers were wounded"): a report tells a death
   wherever there was one, and ACLED and the archives code such an event 0.
12. **Others told apart.** Dead told apart from the dead just before them, in a sentence of their own ("Two
   other passengers died in hospital", "a second man also died", "one of the injured later succumbed", "an
   injured constable also died"), are more dead: added to that figure. People hit but told apart from the
   dead ("two other men were taken to hospital with gunshot wounds") are the wounded. (Figures of the wounded
   are not added this way: reports recount them in parts and again.)
13. **The wounded who died** are dead, not wounded too: "two men were wounded … one of them died" is one dead
   and one wounded, as are "one of the injured later died" and "an injured constable died".
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from functools import cache
from typing import NamedTuple

from sitrep.data import read_table
from sitrep.model import BySide, Claim, Count, Figure
from sitrep.nlp.lexicon import has_any_word, toll_verbs

_RELIABILITY = {
    "none": 0,
    "medical": 0,
    "local_source": 1,
    "rights_group": 1,
    "media": 1,
    "other": 1,
    "government": 2,
    "security_forces": 2,
    "unofficial": 3,
    "armed_group": 4,
}
_STATE = {"government", "security_forces"}
_OFFICIAL = {"government", "security_forces", "medical"}
_SIDES = ("security_forces", "civilians", "militants")

BEST_RULES = ("official", "lowest", "most_reliable")
DEFAULT_BEST_RULE = "official"
BEST_RULE_SETTING = "SITREP_BEST_RULE"


def best_rule_setting() -> str:
    """The best rule in force: ``SITREP_BEST_RULE`` when it names one of ``BEST_RULES``, else the default."""
    chosen = os.environ.get(BEST_RULE_SETTING, "").strip().lower()
    if chosen and chosen not in BEST_RULES:
        raise ValueError(f"{BEST_RULE_SETTING}={chosen!r}: the best rules are {', '.join(BEST_RULES)}")
    return chosen or DEFAULT_BEST_RULE


class _Total(NamedTuple):  # a named tuple: a frozen dataclass sets each field through object.__setattr__
    claimant: str  # a label for the rule text
    kind: str
    low: int
    high: int | None
    perpetrator: bool


def _is_perpetrator(claim: Claim) -> bool:
    kind = claim.claimant.kind
    if kind == "armed_group":
        return claim.victim != "militants"
    return kind in _STATE and claim.victim == "militants"


def _claimant_key(claim: Claim) -> tuple[str, str]:
    return (claim.claimant.kind, (claim.claimant.name or "").lower())


def _largest(claims: list[Claim]) -> dict[str, Claim]:
    """A claimant's figure per kind of victim: its largest (a figure it repeats counts once)."""
    largest: dict[str, Claim] = {}
    for claim in claims:
        if claim.victim not in largest or (claim.count.low or 0) > (largest[claim.victim].count.low or 0):
            largest[claim.victim] = claim
    return largest


def _counted(claims: list[Claim]) -> list[Claim]:
    counted = _with_people_named(
        _with_people_listed(
            [c for c in claims if c.part_of is None and c.stance != "denied" and c.count.low is not None]
        )
    )
    increments = [c for c in counted if _increment(c)]
    if not increments:
        return counted
    # An increment within a larger figure of the event is part of that total. Else it adds to the figure told
    # before it for the same outcome and victims by the same kind of claimant ("killing two policemen … then
    # killed five more officers": seven); alone, it is the event's figure ("in a second raid, one more
    # militant was killed").
    totals = [c.count.low or 0 for c in counted if c not in increments]
    out: list[Claim] = []
    for claim in counted:
        if claim in increments:
            if any(t >= (claim.count.low or 0) for t in totals):
                continue
            at = next((i for i in reversed(range(len(out))) if _increment_of(claim, out[i])), None)
            if at is not None:
                out[at] = _added_up([out[at], claim])
                continue
        out.append(claim)
    return out


def _increment_of(increment: Claim, before: Claim) -> bool:
    """Whether ``increment`` adds to ``before``: an exact figure told earlier, for the same outcome and victims,
    by the same kind of claimant."""
    return (
        before.start < increment.start
        and before.outcome == increment.outcome
        and before.victim == increment.victim
        and before.claimant.kind == increment.claimant.kind
        and before.count.low is not None
        and before.count.low == before.count.high
    )


# Words right after a figure that make it an increment to a figure told before ("killing five more
# soldiers", "two additional bodies"): part of a total told elsewhere, never a total of its own.
_INCREMENT_WORDS = frozenset({"more", "additional", "further"})


def _increment(claim: Claim) -> bool:
    text = claim.count.text
    if not text:
        return False
    at = claim.quote.find(text)
    if at < 0:
        return False
    after = claim.quote[at + len(text) : at + len(text) + 16].split()
    return bool(after) and after[0].lower().strip(",.;:") in _INCREMENT_WORDS


# A sentence where these stand tells one toll replacing another ("rose from five to eight"): its figures are
# one toll told twice, not groups of dead to add up.


# Words between two figures that make the second a subset of the first ("five soldiers, including two
# officers"), a list of them, or another reading of the same dead (a contrast, "while others said",
# "claimed"); words right after the second that make it a part of the first ("two of them", "three of the
# dead"): then the figures are not groups to add up.
_SUBSET_BETWEEN = re.compile(
    r"includ|among|compris|namely|[:;(]"
    r"|\b(?:while|whereas|but|however|said|says|told|claim\w*|accord\w*|report\w*|put)\b",
    re.IGNORECASE,
)
_PART_AFTER = re.compile(r"\s+(?:of|among)\b", re.IGNORECASE)


def _told_apart(parts: list[Claim]) -> bool:
    """Whether a sentence's figures stand apart as groups of their own, in text order, with nothing making one
    a subset of another."""
    quote, at = parts[0].quote, 0
    places = []
    for claim in parts:
        if claim.count.low != claim.count.high or _vague(claim.count):
            return False  # "several others", "at least five": not a group one can add
        found = quote.find(claim.count.text, at) if claim.count.text else -1
        if found < 0:
            return False
        places.append((found, found + len(claim.count.text)))
        at = found + len(claim.count.text)
    for (_, end), (start, stop) in zip(places, places[1:], strict=False):
        if _SUBSET_BETWEEN.search(quote, end, start) or _PART_AFTER.match(quote, stop):
            return False
    return True


def _one_sentence_parts(claims: list[Claim]) -> list[Claim]:
    """A claimant's figures for one kind of victim told in one sentence are different people ("three died on
    the spot and one in hospital", "six were found dead and five died on the way"): one figure, their sum.
    The same figure told again in another sentence stays a repeat (rule 1)."""
    by_sentence: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_sentence[(claim.start, claim.victim)].append(claim)
    if len(by_sentence) == len(claims):  # the common case: one figure a sentence
        return claims
    out = []
    for parts in by_sentence.values():
        if (
            len(parts) == 1
            or parts[0].outcome != "killed"  # the dead, where and when each died; the hurt are told in lists
            or has_any_word(parts[0].quote, toll_verbs())
            or not _told_apart(parts)
        ):
            out.extend(parts)
            continue
        out.append(_added_up(parts))
    return out


# How a list of names is joined: "Roe, Lee and Ford", "Roe & Lee".
_NAME_LIST = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


def _names(claim: Claim) -> list[tuple[str, str]]:
    """The people a claim counts by name, as (the last word of the name, the name): "Jane Roe" is one, "Jane
    Roe, Sam Lee and Ann Ford" three. Its count and its people are the same capitalised words, one name for
    each person counted, not a pronoun."""
    text = claim.count.text
    if claim.count.low is None or claim.count.low != claim.count.high or text != claim.victim_text:
        return []
    names = _NAME_LIST.split(text) if claim.count.low > 1 else [text]
    if len(names) != claim.count.low or not all(name[:1].isupper() for name in names):
        return []
    found = []
    for name in names:
        last = name.split()[-1].lower().removesuffix("'s").removesuffix("’s")
        if last in ("he", "she"):
            return []
        found.append((last, name))
    return found


def _named_count(claim: Claim, names: list[str]) -> Claim:
    """The claim counting only these of its names."""
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    count = Count(low=len(names), high=len(names), text=text)
    return claim.model_copy(update={"count": count, "victim_text": text})


_FATES = {"killed": 2, "injured": 1, "casualties": 0}


def _one_fate_per_name(claims: list[Claim]) -> list[Claim]:
    """Rule 10: a person called by name has one fate, the gravest told of that name ("Roe was shot", "Roe
    died": dead); where nobody died, one named as hit is wounded. A list of names keeps the names whose fate
    it tells ("Roe, Lee and Ford were shot" then "Ford died": two hit)."""
    fates: dict[str, int] = {}
    named: list[list[tuple[str, str]]] = []
    for claim in claims:
        names = _names(claim) if claim.outcome in _FATES else []
        named.append(names)
        for surname, _ in names:
            fates[surname] = max(fates.get(surname, 0), _FATES[claim.outcome])
    if not fates:
        return claims
    out = []
    for claim, names in zip(claims, named, strict=True):
        if not names:
            out.append(claim)
            continue
        kept = [name for surname, name in names if _FATES[claim.outcome] == fates[surname]]
        if not kept:
            continue
        if len(kept) < len(names):
            claim = _named_count(claim, kept)
        # Where every death is told by name (or nobody died), a person named as hit and not as dead is one of
        # the wounded, beside others named as wounded.
        wounded = claim.outcome == "casualties" and all(_names(c) for c in claims if c.outcome == "killed")
        out.append(claim.model_copy(update={"outcome": "injured"}) if wounded else claim)
    return out


def _with_people_named(claims: list[Claim]) -> list[Claim]:
    """Rule 1 for people called by name: different names of the same victims are different people — one
    figure, their number ("Roe was pronounced dead …" and "Lee died …" are two; "Roe and Lee were shot" and
    "Ford was shot" three), whoever tells each name (a person named is no one's estimate: "Ford was shot,
    police said" is the same Ford). Names that end in the same word are one person ("Jane Roe", "Roe")."""
    named: dict[str, list[tuple[Claim, list[tuple[str, str]]]]] = defaultdict(list)
    rest = []
    for claim in claims:
        names = _names(claim)
        if not names:
            rest.append(claim)
        else:
            named[claim.victim].append((claim, names))
    for told in named.values():
        people: dict[str, str] = {}
        for _, names in told:
            for surname, name in names:
                people.setdefault(surname, name)
        first = told[0][0]
        if len(told) == 1 or len(people) == len(told[0][1]):
            rest.append(first)  # one claim, or others naming only its people again
            continue
        rest.append(_named_count(first, list(people.values())))
    return rest


# How a list names its people: one at a time ("a girl", "his brother", "he") or as the rest ("three others").
_ONE_PERSON = frozenset({"a", "an", "the", "his", "her", "their", "he", "she", "another"})


def _listed_one_by_one(claim: Claim) -> bool:
    words = claim.count.text.lower().split()
    if (claim.count.low, claim.count.high) == (1, 1):
        return bool(words) and words[0] in _ONE_PERSON
    return claim.victim_text.lower() in ("others", "other")


def _with_people_listed(claims: list[Claim]) -> list[Claim]:
    """Rule 1 for people listed one by one: "a girl and a woman were shot", "he and three others were shot",
    said by one claimant in one sentence, are different people — one figure, their sum. The people may be of
    different kinds ("a man and his nephew were shot", "a guard and a passer-by were killed"): their sum then
    counts people of no one kind."""
    groups: dict[tuple[int, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[(claim.start, *_claimant_key(claim))].append(claim)
    if len(groups) == len(claims):
        return claims
    out = []
    for group in groups.values():
        texts = {(c.count.text.lower(), c.victim_text.lower()) for c in group}
        if len(group) == 1 or len(texts) < len(group) or not all(map(_listed_one_by_one, group)):
            out.extend(group)
            continue
        total = _added_up(group)
        if len({c.victim for c in group}) > 1:
            total = total.model_copy(update={"victim": "unspecified"})
        out.append(total)
    return out


def _official_sides(claims: list[Claim]) -> dict[str, Claim]:
    """The official account by side (rule 2): per side, the largest figure of an official source."""
    return _largest([c for c in claims if c.claimant.kind in _OFFICIAL and c.victim in _SIDES])


def _added_up(parts: list[Claim]) -> Claim:
    """One claim for several figures told apart that add up ("three at the scene and one in hospital")."""
    low, high = _sum(parts)
    text = " + ".join(c.count.text for c in parts)
    return parts[0].model_copy(update={"count": Count(low=low, high=high, text=text)})


def _sum(chosen: list[Claim]) -> tuple[int, int | None]:
    low = sum(c.count.low or 0 for c in chosen)
    highs = [c.count.high for c in chosen]
    return low, (sum(h for h in highs if h is not None) if all(h is not None for h in highs) else None)


def _totals(claims: list[Claim], fill: bool = True) -> list[_Total]:
    """One total per claimant, by rules 1 and 2 (``fill``: sides the claimant omits from the official
    account)."""
    counted = _counted(claims)
    by_claimant: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in counted:
        by_claimant[_claimant_key(claim)].append(claim)
    official = _official_sides(counted) if fill else {}
    totals = []
    for (kind, name), own in by_claimant.items():
        largest = _largest(_one_sentence_parts(own))
        sides = [c for v, c in largest.items() if v != "unspecified"]
        unspecified = largest.get("unspecified")
        if sides and (
            unspecified is None or sum(c.count.low or 0 for c in sides) >= (unspecified.count.low or 0)
        ):
            filled = [c for side, c in official.items() if side not in largest]
            low, high = _sum(sides + filled)
            perpetrator = any(_is_perpetrator(c) for c in sides)
        else:
            assert unspecified is not None
            # "Nine people were killed … the three attackers were shot dead": the people are the attackers'
            # victims (a figure including them says so, and is linked as their total by ``part_of``); the
            # attackers, told apart by the claimant or the officials, are added as ACLED counts them.
            attackers = (
                (largest.get("militants") or official.get("militants")) if unspecified.outcome == "killed" else None
            )
            low, high = _sum([unspecified, attackers] if attackers is not None else [unspecified])
            perpetrator = _is_perpetrator(unspecified)
        totals.append(_Total(name or kind, kind, low, high, perpetrator))
    return totals


def _official_total(claims: list[Claim]) -> tuple[int, int | None] | None:
    """The official account's total: its sides summed, or an official's figure for unspecified victims where
    that is larger; None when no official gives a figure."""
    counted = [c for c in _counted(claims) if c.claimant.kind in _OFFICIAL]
    if not counted:
        return None
    sides = list(_official_sides(counted).values())
    unspecified = [c for c in counted if c.victim == "unspecified"]
    by_sides = _sum(sides) if sides else (0, 0)
    widest = max(unspecified, key=lambda c: c.count.low or 0, default=None)
    if widest is not None and (widest.count.low or 0) > by_sides[0]:
        return _sum([widest])
    return by_sides


def reconcile(claims: list[Claim], best_rule: str | None = None) -> Figure:
    """low / best / high for one outcome from the claims about it (the rules in the module docstring)."""
    return Figure(**_figure_fields(claims, best_rule or best_rule_setting()))


def _bound(total: _Total) -> int:
    return total.high if total.high is not None else total.low


def _figure_fields(
    claims: list[Claim], best_rule: str = DEFAULT_BEST_RULE, fill: bool = True
) -> dict[str, int | str | None]:
    """``reconcile``'s figure as the fields to build it from: an event validates its figures with itself, in one
    pass, instead of building each of its eight figures as a model of its own."""
    if not claims:  # most events lack most outcomes
        return {"rule": ""}
    totals = _totals(claims, fill)
    if not totals:
        return {"rule": "no claim gives a number"}
    parts = []
    trusted = [t for t in totals if not t.perpetrator]
    own_claim = not trusted
    low = min(trusted or totals, key=lambda t: t.low)
    parts.append(f"low {low.low} from {low.claimant} ({low.kind})")
    high = max(totals, key=_bound)
    parts.append(f"high {_bound(high)} from {high.claimant} ({high.kind})")
    if best_rule == "official":
        official = _official_total(claims) if not own_claim else None
        if official is not None and official[0] < low.low:
            # The officials counted only some of the dead (the attackers, say): their total is a floor.
            best_value = low.low
            parts.append(
                f"best {best_value} by the official rule: the officials' partial total, raised to the low"
            )
        elif official is not None:
            best_value = min(official[0], _bound(high))
            parts.append(f"best {best_value} by the official rule: the officials' total")
        else:
            best_value = low.low
            parts.append(f"best {best_value} by the official rule: no official figure, the low")
    elif best_rule == "lowest":
        best_value = low.low
        parts.append(f"best {best_value} by the lowest rule")
    elif best_rule == "most_reliable":
        most_reliable = min(_RELIABILITY.get(t.kind, 1) for t in totals)
        best = min((t for t in totals if _RELIABILITY.get(t.kind, 1) == most_reliable), key=lambda t: t.low)
        best_value = best.low
        parts.append(f"best {best_value} by the most_reliable rule: from {best.claimant} ({best.kind})")
    else:
        raise ValueError(f"unknown best rule {best_rule!r}: the best rules are {', '.join(BEST_RULES)}")
    if own_claim:
        parts.append("perpetrator's own claim")
    return {"low": low.low, "best": best_value, "high": _bound(high), "rule": "; ".join(parts)}


def split_by_side(deaths: list[Claim], best_rule: str | None = None) -> BySide:
    """Deaths of all parties by who died, each side reconciled by the same rules."""
    return _by_side(_by_side_fields(deaths, best_rule or best_rule_setting()))


def _by_side(fields: dict[str, dict[str, int | str | None]]) -> BySide:
    return BySide(**{side: Figure(**value) for side, value in fields.items()})


def _by_side_fields(deaths: list[Claim], best_rule: str) -> dict[str, dict[str, int | str | None]]:
    by_side: dict[str, list[Claim]] = {
        "security_forces": [],
        "civilians": [],
        "militants": [],
        "unspecified": [],
    }
    for claim in deaths:
        if claim.part_of is None and claim.victim in by_side:
            by_side[claim.victim].append(claim)
    # A side's figures are its own: nothing is filled in from the other sides.
    return {side: _figure_fields(claims, best_rule, fill=False) for side, claims in by_side.items()}


def event_figures(claims: list[Claim], best_rule: str | None = None) -> dict[str, Figure | BySide]:
    """The event's ``fatalities``, ``injured``, ``abducted`` and ``by_side``."""
    fields = event_figure_fields(claims, best_rule)
    by_side = fields.pop("by_side")
    figures: dict[str, Figure | BySide] = {name: Figure(**value) for name, value in fields.items()}
    figures["by_side"] = _by_side(by_side)
    return figures


def event_figure_fields(claims: list[Claim], best_rule: str | None = None) -> dict[str, dict]:
    """``event_figures`` as plain fields, for ``Event(**event_figure_fields(claims), …)`` to validate at once.
    ``best_rule`` is one of ``BEST_RULES``; by default the ``SITREP_BEST_RULE`` setting, else "official"."""
    rule = best_rule or best_rule_setting()
    by_outcome: dict[str, list[Claim]] = {"killed": [], "injured": [], "abducted": [], "casualties": []}
    for claim in _one_fate_per_name(_others_told_apart(claims)):  # one pass, in order
        # Background figures (earlier incidents, yearly statistics) stay claims but count in no event's figures.
        if claim.outcome in by_outcome and not claim.background:
            by_outcome[claim.outcome].append(claim)
    fatalities = _figure_fields(by_outcome["killed"], rule)
    if not by_outcome["killed"] and _living_counted(by_outcome):
        fatalities = {"low": 0, "best": 0, "high": 0, "rule": _NOBODY_DEAD}
    injured = _figure_fields(by_outcome["injured"], rule)
    injured = _less_the_wounded_who_died(injured, by_outcome["killed"], by_outcome["casualties"])
    if (fatalities.get("best") or 0) and _told_again(by_outcome["injured"]):
        injured = {"rule": "rule 9: the one wounded is told again, one of the dead"}
    if by_outcome["casualties"]:
        wounded = _wounded_from_hit(_figure_fields(by_outcome["casualties"], rule), fatalities)
        if wounded is not None and wounded["best"] > (injured.get("best") or 0):
            injured = wounded
    return {
        "fatalities": fatalities,
        "injured": injured,
        "abducted": _figure_fields(by_outcome["abducted"], rule),
        "by_side": _by_side_fields(by_outcome["killed"], rule),
    }


# Words that tell people apart from those counted just before: "two other passengers", "a second man".
_APART = frozenset({"other", "others", "second", "third", "fourth", "fifth", "sixth"})
# Words of the wounded in a figure of the dead: one of the wounded who died ("an injured constable died").
_WOUNDED = frozenset({"injured", "wounded"})


def _apart(claim: Claim) -> bool:
    """Whether a claim's people are told apart from those counted before it ("two others", "two other men", "a
    second man"): a word of ``_APART`` in its figure or right after it."""
    text = claim.count.text
    if not text or claim.count.low is None:
        return False
    if claim.count.low != claim.count.high:
        return False  # "at least seven others": a bound, not people one can add
    words = text.lower().split()
    at = claim.quote.find(text)
    if at < 0 or has_any_word(claim.quote[:at], _outcome_words()):
        return False  # "killing two and wounding nine others": apart from a figure of its own sentence
    after = claim.quote[at + len(text) : at + len(text) + 24].lower().split()
    if claim.outcome == "killed" and (
        _WOUNDED.intersection(words) or after[:3] in (["of", "the", "injured"], ["of", "the", "wounded"])
    ):
        return True  # "an injured constable also died", "one of the injured later succumbed": a new death
    if words[0] in ("the", "these", "those"):
        return False  # "the other victim", "the second man": one of a set already counted
    return bool(_APART.intersection(words)) or (bool(after) and after[0].strip(",.;:") in _APART)


def _others_told_apart(claims: list[Claim]) -> list[Claim]:
    """Rule 12: dead told apart from the dead just before, in a sentence of their own ("a passenger was killed
    on the spot. Two other passengers died in hospital"; "a second man also died"), are added to them; people
    hit but told apart from the dead ("one man died. Two other men were taken to hospital with gunshot
    wounds") are the wounded. The sum is the first figure's claimant's, or the later one's where the article
    itself told the first."""
    if len(claims) < 2 or not any(map(_apart, claims)):  # the common case: nothing told apart
        return claims
    out: list[Claim] = []
    for claim in sorted(claims, key=lambda c: c.start):
        before = out[-1] if out else None
        if (
            before is None
            or before.start >= claim.start  # another figure of its own sentence is what it is told apart from
            or before.background
            or claim.background
            or before.part_of is not None
            or claim.part_of is not None
            or not _apart(claim)
        ):
            out.append(claim)
        elif before.outcome == claim.outcome == "killed" and before.count.low is not None:
            low, high = _sum([before, claim])
            owner = claim if before.claimant.kind == "none" else before
            count = Count(low=low, high=high, text=f"{before.count.text} + {claim.count.text}")
            victim = before.victim if before.victim == claim.victim else "unspecified"
            out[-1] = owner.model_copy(update={"count": count, "victim": victim, "start": claim.start})
        elif before.outcome == "killed" and claim.outcome == "casualties":
            out.append(claim.model_copy(update={"outcome": "injured"}))
        else:
            out.append(claim)
    return out


def _of_the_wounded(claim: Claim, them: bool) -> bool:
    """Whether a figure of dead counts people told before as wounded: "one of the injured later died", "an
    injured constable died", and where ``them`` can only be the wounded, "one of them died"."""
    text = claim.count.text
    at = claim.quote.find(text) if text else -1
    if at < 0:
        return False
    after = claim.quote[at + len(text) : at + len(text) + 24].lower().split()[:3]
    return (
        bool(_WOUNDED.intersection(text.lower().split()))
        or after in (["of", "the", "injured"], ["of", "the", "wounded"])
        or (them and after[:2] in (["of", "them"], ["of", "those"]))
    )


def _less_the_wounded_who_died(injured: dict, killed: list[Claim], hit: list[Claim]) -> dict:
    """Rule 13: the wounded who died are counted dead, not wounded too ("two men were wounded … one of them
    died": one dead, one wounded). "Of them" speaks of the wounded only where no one is told hit (rule 8
    takes the dead from those)."""
    best = injured.get("best")
    if not isinstance(best, int) or not killed:
        return injured
    them = not hit
    died = sum(
        c.count.low or 0
        for c in killed
        if c.part_of is None and not c.background and c.count.low == c.count.high and _of_the_wounded(c, them)
    )
    if not died:
        return injured
    value = max(best - died, 0)
    rule = f"rule 13: {best} wounded less {died} of them dead"
    return {"low": value, "best": value, "high": value, "rule": rule}


_NOBODY_DEAD = "rule 11: people counted hurt or taken, no death told: none dead"


def _living_counted(by_outcome: dict[str, list[Claim]]) -> bool:
    """Rule 11: whether the event counts people wounded, hit or taken with a number (a report that tells no
    death beside them says nobody died)."""
    return any(
        c.count.low is not None and c.stance != "denied"
        for outcome in ("injured", "casualties", "abducted")
        for c in by_outcome[outcome]
    )


_ANOTHER_PERSON = frozenset({"other", "second", "third", "fourth", "remaining", "surviving"})


def _told_again(injured: list[Claim]) -> bool:
    """Rule 9: every figure of injured is one person referred to again ("she", "the girl")."""
    counted = _counted(injured)
    return bool(counted) and all(
        (c.count.low, c.count.high) == (1, 1)
        and c.count.text.lower().split()[:1] in (["the"], ["he"], ["she"])
        and not _ANOTHER_PERSON.intersection(c.count.text.lower().split())  # "the other man" is someone else
        for c in counted
    )


def _wounded_from_hit(hit: dict[str, int | str | None], dead: dict[str, int | str | None]) -> dict | None:
    """Rule 8: those hit less the dead, or None when that leaves nobody."""
    hit_best, dead_best = hit.get("best"), dead.get("best") or 0
    if not isinstance(hit_best, int) or not isinstance(dead_best, int) or hit_best <= dead_best:
        return None
    value = hit_best - dead_best
    rule = f"best {value} by rule 8: {hit_best} hit less {dead_best} dead"
    return {"low": value, "best": value, "high": value, "rule": rule}


@cache
def _outcome_words() -> frozenset[str]:
    """The one-word outcome phrases ("killed", "wounded", "shot")."""
    return frozenset(row["phrase"] for row in read_table("outcomes.tsv") if " " not in row["phrase"])


@cache
def _killing_words() -> frozenset[str]:
    return frozenset(row["phrase"] for row in read_table("outcomes.tsv") if row["outcome"] == "killed")


@cache
def _acled_values() -> dict[str, int]:
    return {row["words"]: int(row["value"]) for row in read_table("acled_conventions.tsv")}


def _vague(count: Count) -> bool:
    words = " ".join(count.text.lower().split())
    return any(words == phrase or words.endswith(" " + phrase) for phrase in _acled_values())


def _acled_count(count: Count) -> Count:
    """A claim's count read by ACLED's conventions for vague figures ("dozens" = 12, no number = 3)."""
    values = _acled_values()
    words = " ".join(count.text.lower().split())
    for phrase, value in values.items():
        if words == phrase or words.endswith(" " + phrase):
            return Count(low=value, high=value, text=count.text)
    if count.low is None and count.high is None:
        return Count(low=values["unnumbered"], high=values["unnumbered"], text=count.text)
    if count.low is None:
        return Count(low=count.high, high=count.high, text=count.text)
    return count


def acled_fatalities(claims: list[Claim]) -> int:
    """ACLED's single conservative fatality figure for an event: the ``low`` of rule 2 with vague figures
    read by ACLED's conventions; a perpetrator's claim counts only when no one else gives a figure."""
    # "killed and wounded several" (casualties, unsplit, but saying some died) counts as deaths when no death
    # is reported apart; "an unspecified number of casualties" says nobody died for certain (ACLED: 0).
    if any(c.outcome == "killed" for c in claims):
        deaths = [c for c in claims if c.outcome == "killed"]
    else:
        deaths = [c for c in claims if c.outcome == "casualties" and has_any_word(c.quote, _killing_words())]
    killed = [c.model_copy(update={"count": _acled_count(c.count)}) for c in deaths if c.stance != "denied"]
    totals = _totals(killed)
    if not totals:
        return 0
    trusted = [t for t in totals if not t.perpetrator] or totals
    return min(t.low for t in trusted)
