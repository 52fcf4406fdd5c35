"""The Urdu word lists of ``sitrep/data/ur/`` (and an analyst's overlay, ``SITREP_DATA``), each with its finder."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sitrep.data import read_table
from sitrep.nlp.urdu.writing import GAP, GapFinder, PhraseFinder


@dataclass(frozen=True)
class Lexicon:
    """The Urdu word lists, each with its finder."""

    numbers: dict[str, tuple[str, int | None]]
    outcomes: dict[str, str]
    victims: dict[str, str]
    numbers_of: dict[str, str]  # victim noun: plural | singular | any
    claimants: dict[str, tuple[str, str]]
    reporting: dict[str, tuple[str, str]]  # phrase: (stance, form)
    verification: dict[str, bool]
    actors: dict[str, str]
    background: PhraseFinder
    background_reach: dict[str, str]  # phrase: clause | sentence
    non_casualty_after: PhraseFinder
    non_casualty_before: PhraseFinder
    number_finder: PhraseFinder
    outcome_finder: PhraseFinder
    outcome_gaps: GapFinder  # the outcome phrases with a gap ("اپنے ساتھ … لے گئے")
    victim_finder: PhraseFinder
    claimant_finder: PhraseFinder
    reporting_finder: PhraseFinder
    verification_finder: PhraseFinder
    posts: frozenset[str]  # claimant words for a post in an organisation (``ur/claimants.tsv`` role "post")
    months: frozenset[str]  # month names (``ur/dates.tsv``): a year after one is a date, not a whole year
    care_places: PhraseFinder  # where the wounded or dead are taken (``ur/care_places.tsv``: "ہسپتال")


def _rows(name: str, *columns: str) -> dict[str, tuple[str, ...]]:
    return {row["phrase"]: tuple(row[c] for c in columns) for row in read_table(f"ur/{name}")}


def _side(side: str) -> PhraseFinder:
    """The words of ``ur/non_casualty.tsv`` on one side of a number (a word may stand on both: "دفعہ")."""
    return PhraseFinder([row["phrase"] for row in read_table("ur/non_casualty.tsv") if row["side"] == side])


@cache
def urdu_lexicon() -> Lexicon:
    """The Urdu word lists of ``sitrep/data/ur/`` (and an analyst's overlay, ``SITREP_DATA``)."""
    numbers = {p: (k, int(v) if v else None) for p, (k, v) in _rows("numbers.tsv", "kind", "value").items()}
    outcomes = {p: o for p, (o,) in _rows("outcomes.tsv", "outcome").items()}
    victims = {p: v for p, (v,) in _rows("victims.tsv", "victim").items()}
    claimants = {p: (k, n) for p, (k, n) in _rows("claimants.tsv", "kind", "name").items()}
    actors = {p: a for p, (a,) in _rows("actors.tsv", "actor").items()}
    reporting = {p: (s, f) for p, (s, f) in _rows("reporting.tsv", "stance", "form").items()}
    verification = {p: v == "yes" for p, (v,) in _rows("verification.tsv", "verified").items()}
    background = {p: r for p, (r,) in _rows("background.tsv", "reach").items()}
    return Lexicon(
        numbers=numbers,
        outcomes=outcomes,
        victims=victims,
        numbers_of={p: n for p, (n,) in _rows("victims.tsv", "number").items()},
        claimants=claimants,
        reporting=reporting,
        verification=verification,
        actors=actors,
        background=PhraseFinder(list(background)),
        background_reach=background,
        non_casualty_after=_side("after"),
        non_casualty_before=_side("before"),
        number_finder=PhraseFinder(list(numbers)),
        outcome_finder=PhraseFinder([p for p in outcomes if GAP not in p], glued=True),
        outcome_gaps=GapFinder([p for p in outcomes if GAP in p]),
        victim_finder=PhraseFinder(list(victims)),
        claimant_finder=PhraseFinder([*claimants, *actors]),
        reporting_finder=PhraseFinder(list(reporting)),
        verification_finder=PhraseFinder(list(verification)),
        posts=frozenset(row["phrase"] for row in read_table("ur/claimants.tsv") if row["role"] == "post"),
        months=frozenset(
            row["phrase"] for row in read_table("ur/dates.tsv") if row["rule"] in ("month_name", "month_abbr")
        ),
        care_places=PhraseFinder([row["phrase"] for row in read_table("ur/care_places.tsv")]),
    )
