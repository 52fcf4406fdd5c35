"""Scoring sitrep on real, full-length news: the ``realnews`` gold format and full US (GVA) articles.

``realnews`` gold (``../shared/data/README.md``) lists, for every figure an article states, all the values a
correct reading may give (outcome, victim, low, high, claimant kind), and for every event its district (with
alternatives), date, actor, sub-event type and death toll. The fields scored, one ``FieldScore`` each:

- ``claims_precision`` / ``claims_recall``: a predicted claim matches a gold claim when outcome, victim, low,
  high and claimant kind all fit. Claims are paired one to one (a maximum matching, required gold first);
  optional gold claims (background figures, recaps, subsets) only excuse a prediction, they are never missed.
  ``figures_*`` is the same without the claimant kind, to tell reading errors from attribution errors.
- ``verified``: the verified flag of claims matched to gold that states one.
- ``district_recall``: required gold events found by a predicted event in the same district (any listed
  spelling or alternative; a province-level gold event by a province-level prediction). ``district_precision``:
  predicted events that match some gold event, required or optional, one to one.
- ``event_place_allowed``: predicted events *not* placed at one of the article's ``not_event_places``.
- ``toll_low`` / ``toll_high`` / ``toll_best``: the main gold event (the required one with the largest low
  toll) against the predicted event matched to it, else the predicted event holding most claims; best is
  compared with ``killed_official`` where the gold gives one.
- ``actor``, ``claimed_by``, ``sub_event_type``, ``date``: on the events matched by district.

GVA articles: ``killed_exact`` / ``injured_exact`` compare the main event's best figures (no event: 0) with
the Gun Violence Archive's counts; ``state`` the main event's admin1.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from sitrep.errors import SitrepError
from sitrep.evaluate.places import same_district
from sitrep.evaluate.report import Record, Report, main_event
from sitrep.events.actors import acled_actor_matches, load_actors
from sitrep.model import Claim, Event, ExtractResult, Place

L = TypeVar("L")
R = TypeVar("R")

_UNIDENTIFIED = "Unidentified"


class RealNewsInputError(SitrepError, ValueError):
    """A line of a realnews or GVA file cannot be read (one line: what and where)."""


# -- reading -------------------------------------------------------------------------------------------------


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def read_articles(path: Path, required_gold: Sequence[str]) -> Iterator[Record]:
    """Records of a JSON Lines dev file (``id``, ``text``, ``title``, ``published``, ``gold``)."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                gold = row["gold"]
                missing = [key for key in required_gold if key not in gold]
                if missing or not isinstance(row["text"], str):
                    raise KeyError(missing[0] if missing else "text")
            except json.JSONDecodeError as error:
                raise RealNewsInputError(f"{path}:{number}: not valid JSON ({error.msg})") from None
            except (KeyError, TypeError) as error:
                raise RealNewsInputError(f"{path}:{number}: missing or bad field {error}") from None
            yield Record(str(row["id"]), row["text"], _date(row.get("published")), gold, row.get("title"))


# -- one-to-one matching -------------------------------------------------------------------------------------


def best_pairs(left: Sequence[L], right: Sequence[R], fits: Callable[[L, R], bool]) -> dict[int, int]:
    """A maximum one-to-one pairing of ``left`` and ``right`` items that fit (augmenting paths; the lists
    of one article are small). Returns left index → right index."""
    owner: dict[int, int] = {}
    allowed = [[j for j, r in enumerate(right) if fits(item, r)] for item in left]

    def assign(i: int, seen: set[int]) -> bool:
        for j in allowed[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(left)):
        assign(i, set())
    return {i: j for j, i in owner.items()}


def _pair_required_first(
    predicted: Sequence[L], required: Sequence[R], optional: Sequence[R], fits: Callable[[L, R], bool]
) -> tuple[dict[int, int], set[int]]:
    """Predicted → required pairs, and the predicted items excused by an optional gold item."""
    pairs = best_pairs(predicted, required, fits)
    rest = [i for i in range(len(predicted)) if i not in pairs]
    excused = best_pairs([predicted[i] for i in rest], optional, fits)
    return pairs, {rest[i] for i in excused}


# -- claims --------------------------------------------------------------------------------------------------


def _claim_fits(with_kind: bool) -> Callable[[Claim, dict[str, Any]], bool]:
    def fits(claim: Claim, gold: dict[str, Any]) -> bool:
        return (
            claim.outcome in gold["outcome"]
            and claim.victim in gold["victim"]
            and claim.count.low in gold["low"]
            and claim.count.high in gold["high"]
            and (not with_kind or claim.claimant.kind in gold["kind"])
        )

    return fits


def _describe_claim(claim: Claim) -> str:
    return (
        f"{claim.outcome}/{claim.victim} {claim.count.low}-{claim.count.high} ({claim.count.text!r})"
        f" by {claim.claimant.kind}:{claim.claimant.name!r} in {claim.quote[:90]!r}"
    )


def _score_claims(
    report: Report, key: str, claims: list[Claim], gold: list[dict[str, Any]], keep: int
) -> None:
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    for prefix, with_kind in (("claims", True), ("figures", False)):
        pairs, excused = _pair_required_first(claims, required, optional, _claim_fits(with_kind))
        found = set(pairs.values())
        for i, claim in enumerate(claims):
            ok = i in pairs or i in excused
            report.field(f"{prefix}_precision").add(ok, f"{key}: spurious {_describe_claim(claim)}", keep)
        for j, wanted in enumerate(required):
            report.field(f"{prefix}_recall").add(j in found, f"{key}: missed {wanted['what']!r}", keep)
        if with_kind:
            for i, j in pairs.items():
                if "verified" in required[j]:
                    report.field("verified").add(
                        claims[i].verified in required[j]["verified"],
                        f"{key}: verified {claims[i].verified} for {required[j]['what']!r}",
                        keep,
                    )


# -- events --------------------------------------------------------------------------------------------------


def _event_fits(place: Place | None, gold: dict[str, Any]) -> bool:
    if place is None:
        return False
    districts = [d for d in [gold.get("district"), *gold.get("district_alt", [])] if d]
    if districts:
        names = [place.admin2] + ([place.name] if place.kind == "admin2" else [])
        return any(same_district(name, d) for name in names for d in districts)
    province = gold.get("province")
    return bool(province) and place.kind == "admin1" and (place.admin1 or place.name) == province


def _actor_fits(predicted: str | None, gold: str | None) -> bool:
    if not gold:
        return not predicted or predicted.startswith(_UNIDENTIFIED)
    if not predicted:
        return False
    canonical = {mention.actor.name for mention in load_actors().find(gold)}
    return predicted == gold or predicted in canonical or acled_actor_matches(predicted, gold)


def _describe_event(event: Event, place: Place | None) -> str:
    where = f"{place.text!r}→{place.admin2 or place.admin1}" if place else "nowhere"
    return f"{event.id} {event.sub_event_type} at {where}, actor {event.actor1!r}, killed {event.fatalities}"


def _main_gold(required: list[dict[str, Any]]) -> int | None:
    if not required:
        return None
    lows = [g["killed_low"] if g["killed_low"] is not None else -1 for g in required]
    return lows.index(max(lows))


def _score_events(report: Report, record: Record, result: ExtractResult, keep: int) -> None:
    key, gold = record.key, record.gold
    places = {p.id: p for p in result.places}
    events = result.events
    where = [places.get(e.place_id or "") for e in events]
    required = [g for g in gold["events"] if not g.get("optional")]
    optional = [g for g in gold["events"] if g.get("optional")]
    fits = _event_fits
    pairs, excused = _pair_required_first(where, required, optional, fits)
    found = {j: i for i, j in pairs.items()}
    for i, event in enumerate(events):
        report.field("district_precision").add(
            i in pairs or i in excused, f"{key}: no such event {_describe_event(event, where[i])}", keep
        )
    for j, wanted in enumerate(required):
        report.field("district_recall").add(
            j in found, f"{key}: missed event in {wanted['district'] or wanted['province']}", keep
        )
    excluded = {name.casefold() for name in gold.get("not_event_places", [])}
    for i, event in enumerate(events):
        place = where[i]
        at = {place.text.casefold(), place.name.casefold()} if place else set()
        allowed = not (at & excluded)
        report.field("event_place_allowed").add(allowed, f"{key}: {_describe_event(event, place)}", keep)
    for j, i in found.items():
        event, wanted = events[i], required[j]
        ok = _actor_fits(event.actor1, wanted["actor1"])
        report.field("actor").add(ok, f"{key}: actor {event.actor1!r} ≠ {wanted['actor1']!r}", keep)
        claimed = set(event.claimed_by)
        wanted_claims = wanted.get("claimed_by") or []
        ok = len(claimed) == len(wanted_claims) and all(
            any(_actor_fits(c, w) for c in claimed) for w in wanted_claims
        )
        report.field("claimed_by").add(ok, f"{key}: claimed_by {sorted(claimed)} ≠ {wanted_claims}", keep)
        types = [wanted["sub_event_type"], *wanted.get("sub_event_type_alt", [])]
        report.field("sub_event_type").add(
            event.sub_event_type in types, f"{key}: {event.sub_event_type} ∉ {types}", keep
        )
        dates = [d for d in [wanted.get("date"), *wanted.get("date_alt", [])] if d]
        if dates:
            got = event.date.isoformat() if event.date else None
            report.field("date").add(got in dates, f"{key}: date {got} ∉ {dates}", keep)
    _score_toll(report, key, result, required, found, keep)


def _score_toll(
    report: Report,
    key: str,
    result: ExtractResult,
    required: list[dict[str, Any]],
    found: dict[int, int],
    keep: int,
) -> None:
    main = _main_gold(required)
    if main is None:
        return
    wanted = required[main]
    if main in found:
        event: Event | None = result.events[found[main]]
    else:
        event = main_event(result)[0]
    figure = event.fatalities if event else None
    got_low, got_high, got_best = (figure.low, figure.high, figure.best) if figure else (None, None, None)
    rule = figure.rule if figure else "no event"
    report.field("toll_low").add(
        got_low == wanted["killed_low"], f"{key}: low {got_low} ≠ {wanted['killed_low']} ({rule})", keep
    )
    report.field("toll_high").add(
        got_high == wanted["killed_high"], f"{key}: high {got_high} ≠ {wanted['killed_high']} ({rule})", keep
    )
    if wanted["killed_official"] is not None:
        report.field("toll_best").add(
            got_best == wanted["killed_official"],
            f"{key}: best {got_best} ≠ official {wanted['killed_official']} ({rule})",
            keep,
        )


def score_realnews(report: Report, record: Record, result: ExtractResult, keep: int) -> None:
    """Claims and events of one realnews article (see the module docstring)."""
    _score_claims(report, record.key, result.claims, record.gold["claims"], keep)
    _score_events(report, record, result, keep)


# -- full US articles (Gun Violence Archive) -----------------------------------------------------------------


def score_gva(report: Report, record: Record, result: ExtractResult, keep: int) -> None:
    """Killed and injured of the article's main event against the archive's counts."""
    event, _claims, place = main_event(result)
    gold, key = record.gold, record.key
    killed = (event.fatalities.best or 0) if event else 0
    injured = (event.injured.best or 0) if event else 0
    wanted_killed, wanted_injured = int(gold["num_killed"]), int(gold["num_injured"])
    rule = event.fatalities.rule if event else "no event"
    report.field("killed_exact").add(
        killed == wanted_killed, f"{key}: killed {killed} ≠ {wanted_killed} ({rule})", keep
    )
    report.field("injured_exact").add(
        injured == wanted_injured, f"{key}: injured {injured} ≠ {wanted_injured}", keep
    )
    if wanted_killed + wanted_injured:
        report.field("event_found").add(event is not None, f"{key}: no event", keep)
    if gold.get("state"):
        got = place.admin1 if place else None
        report.field("state").add(
            (got or "").casefold() == str(gold["state"]).casefold(),
            f"{key}: state {got} ≠ {gold['state']}",
            keep,
        )
