"""An outcome's claims → one total per claimant (rules 1–3 and 10 of the package docstring): what a claimant's figures add up to, who is the perpetrator, and the official account."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from sitrep.events.figures.words import vague_count
from sitrep.model import Claim, Count
from sitrep.nlp.lexicon import has_any_word, toll_verbs

_STATE = {"government", "security_forces"}
_OFFICIAL = {"government", "security_forces", "medical"}
_SIDES = ("security_forces", "civilians", "militants")


class ClaimantTotal(
    NamedTuple
):  # a named tuple: a frozen dataclass sets each field through object.__setattr__
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


def counted_claims(claims: list[Claim]) -> list[Claim]:
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
        if claim.count.low != claim.count.high or vague_count(claim.count):
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


def one_fate_per_name(claims: list[Claim]) -> list[Claim]:
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
    low, high = sum_of(parts)
    text = " + ".join(c.count.text for c in parts)
    return parts[0].model_copy(update={"count": Count(low=low, high=high, text=text)})


def sum_of(chosen: list[Claim]) -> tuple[int, int | None]:
    low = sum(c.count.low or 0 for c in chosen)
    highs = [c.count.high for c in chosen]
    return low, (sum(h for h in highs if h is not None) if all(h is not None for h in highs) else None)


def claimant_totals(claims: list[Claim], fill: bool = True) -> list[ClaimantTotal]:
    """One total per claimant, by rules 1 and 2 (``fill``: sides the claimant omits from the official
    account)."""
    counted = counted_claims(claims)
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
            low, high = sum_of(sides + filled)
            perpetrator = any(_is_perpetrator(c) for c in sides)
        else:
            assert unspecified is not None
            # "Nine people were killed … the three attackers were shot dead": the people are the attackers'
            # victims (a figure including them says so, and is linked as their total by ``part_of``); the
            # attackers, told apart by the claimant or the officials, are added as ACLED counts them.
            attackers = (
                (largest.get("militants") or official.get("militants"))
                if unspecified.outcome == "killed"
                else None
            )
            low, high = sum_of([unspecified, attackers] if attackers is not None else [unspecified])
            perpetrator = _is_perpetrator(unspecified)
        totals.append(ClaimantTotal(name or kind, kind, low, high, perpetrator))
    return totals


def official_total(claims: list[Claim]) -> tuple[int, int | None] | None:
    """The official account's total: its sides summed, or an official's figure for unspecified victims where
    that is larger; None when no official gives a figure."""
    counted = [c for c in counted_claims(claims) if c.claimant.kind in _OFFICIAL]
    if not counted:
        return None
    sides = list(_official_sides(counted).values())
    unspecified = [c for c in counted if c.victim == "unspecified"]
    by_sides = sum_of(sides) if sides else (0, 0)
    widest = max(unspecified, key=lambda c: c.count.low or 0, default=None)
    if widest is not None and (widest.count.low or 0) > by_sides[0]:
        return sum_of([widest])
    return by_sides
