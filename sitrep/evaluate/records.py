"""``sitrep eval FORMAT FILE``: agreement of sitrep with an analysts' dataset, field by field.

Each record's text (ACLED ``notes``, GTD ``summary``, UCDP ``source_headline``) is run through the whole
pipeline; the event that holds most claims is compared with the record's coding. A field whose gold value is
unknown (GTD -9/-99, an empty cell) is not scored for that record. Accuracies are fractions between 0 and 1.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError
from sitrep.evaluate import places
from sitrep.evaluate.devset import score_claims, strip_coder_notes
from sitrep.evaluate.halves import HALVES, Half, half_of
from sitrep.evaluate.multidoc import score_multidoc
from sitrep.evaluate.realnews import RealNewsInputError, read_articles, score_gva, score_realnews
from sitrep.evaluate.report import Record, Report, main_event
from sitrep.events.actors import acled_actor_matches, load_actors
from sitrep.events.figures import acled_fatalities
from sitrep.model import Article, ExtractResult
from sitrep.pipeline import extract

FORMATS = ("acled", "gtd", "ucdp", "realnews", "gva", "multidoc", "jsonl")
_NEAR_KM = 25.0
# ACLED's umbrella for unattributed Baloch militants is a coder's inference sitrep does not make.
_INFERRED_ACTORS = {"Baloch Separatists (Pakistan)"}


class EvalInputError(SitrepError, ValueError):
    """The evaluation file cannot be read as the format asked for (one line: what and where)."""


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _read_csv(path: Path, text_column: str) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise EvalInputError(f"{path}: cannot read as CSV ({error})") from None
    if rows and text_column not in rows[0]:
        raise EvalInputError(f"{path}: no '{text_column}' column (columns: {', '.join(rows[0])})")
    return rows


def _read_gtd(path: Path) -> list[dict[str, str]]:
    if path.suffix.lower() != ".xlsx":
        return _read_csv(path, "summary")
    try:
        import openpyxl  # optional: only GTD's Excel export needs it
    except ImportError:
        raise EvalInputError(
            f"{path}: reading .xlsx needs openpyxl (pip install openpyxl), or export CSV"
        ) from None
    sheet = openpyxl.load_workbook(path, read_only=True).active
    rows = sheet.iter_rows(values_only=True)
    header = [str(h) for h in next(rows)]
    return [{k: "" if v is None else str(v) for k, v in zip(header, row, strict=False)} for row in rows]


def _known(value: str | None) -> bool:
    """GTD writes -9 / -99 for unknown; an empty cell is unknown too."""
    return value is not None and value.strip() not in ("", "-9", "-99", "-9.0", "-99.0")


def _number(value: str) -> int:
    return int(float(value))


def _records(fmt: str, path: Path, strip: bool) -> Iterator[Record]:
    if fmt == "acled":
        for number, row in enumerate(_read_csv(path, "notes"), start=2):
            text = strip_coder_notes(row["notes"]) if strip else row["notes"]
            # ACLED's dev export has no id column: the notes themselves identify the record.
            key = row.get("event_id_cnty") or row["notes"]
            yield Record(key, text, _date(row.get("event_date", "")), row, where=f"{path.name}:{number}")
    elif fmt == "gtd":
        for number, row in enumerate(_read_gtd(path), start=2):
            year, month, day = (row.get(k, "0") or "0" for k in ("iyear", "imonth", "iday"))
            try:
                published = dt.date(_number(year), max(_number(month), 1), max(_number(day), 1))
            except ValueError:
                published = None
            key = row.get("eventid") or row["summary"]
            yield Record(key, row["summary"], published, row, where=f"{path.name}:{number}")
    elif fmt == "ucdp":
        for number, row in enumerate(_read_csv(path, "source_headline"), start=2):
            if row["source_headline"].strip():
                yield Record(
                    row.get("id") or row["source_headline"],
                    row["source_headline"],
                    _date(row.get("date_start", "")),
                    row,
                    where=f"{path.name}:{number}",
                )
    elif fmt == "realnews":
        yield from read_articles(path, ("claims", "events"))
    elif fmt == "gva":
        yield from read_articles(path, ("num_killed", "num_injured"))
    else:
        raise EvalInputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def _score_acled(report: Report, record: Record, result: ExtractResult, keep: int) -> None:
    event, claims, place = main_event(result)
    gold = record.gold
    where = record.label
    report.field("event_found").add(event is not None, f"{where}: no event", keep)
    if gold.get("sub_event_type"):
        got = event.sub_event_type if event else None
        report.field("sub_event_type").add(
            got == gold["sub_event_type"], f"{where}: {got} ≠ {gold['sub_event_type']}", keep
        )
    for column in ("actor1", "actor2"):
        wanted = gold.get(column, "")
        if wanted and wanted not in _INFERRED_ACTORS:
            found = [event.actor1, event.actor2] if event else []
            ok = any(acled_actor_matches(a, wanted) for a in found)
            report.field("named_actor").add(ok, f"{where}: {found} lacks {wanted!r}", keep)
    if _known(gold.get("fatalities")):
        got_deaths = acled_fatalities(claims) if event else 0
        report.field("fatalities_exact").add(
            got_deaths == _number(gold["fatalities"]), f"{where}: {got_deaths} ≠ {gold['fatalities']}", keep
        )
    if gold.get("admin1"):
        got = place.admin1 if place else None
        report.field("admin1").add(
            (got or "").lower() == gold["admin1"].lower(), f"{where}: {got} ≠ {gold['admin1']}", keep
        )
    if gold.get("admin2"):
        got = place.admin2 if place else None
        report.field("admin2").add(
            places.same_district(got, gold["admin2"]), f"{where}: {got} ≠ {gold['admin2']}", keep
        )
    if _known(gold.get("latitude")) and _known(gold.get("longitude")):
        km = None
        if place and place.lat is not None and place.lon is not None:
            km = places.haversine_km(place.lat, place.lon, float(gold["latitude"]), float(gold["longitude"]))
        report.field("within_25km").add(
            km is not None and km <= _NEAR_KM, f"{where}: {km and round(km)} km", keep
        )


def _score_gtd(report: Report, record: Record, result: ExtractResult, keep: int) -> None:
    event, _claims, place = main_event(result)
    gold, where = record.gold, record.label
    for column, figure in (("nkill", "fatalities"), ("nwound", "injured"), ("nhostkid", "abducted")):
        if _known(gold.get(column)):
            got = getattr(event, figure).best if event else None
            wanted = _number(gold[column])
            report.field(f"{column}_exact").add((got or 0) == wanted, f"{where}: {got} ≠ {wanted}", keep)
    if gold.get("provstate"):
        got = place.admin1 if place else None
        report.field("provstate").add(
            (got or "").lower() == gold["provstate"].lower(), f"{where}: {got}", keep
        )
    if gold.get("city") and gold["city"].lower() != "unknown":
        got = place.name if place else None
        report.field("city").add(
            (got or "").lower() == gold["city"].lower(), f"{where}: {got} ≠ {gold['city']}", keep
        )
    if gold.get("gname") and gold["gname"] != "Unknown":
        wanted = {m.actor.name for m in load_actors().find(gold["gname"])}
        got = {event.actor1} if event else set()
        report.field("gname").add(bool(wanted & got), f"{where}: {got} ≠ {gold['gname']}", keep)
    if gold.get("attacktype1_txt"):
        got = event.gtd_attack_type if event else None
        report.field("attacktype").add(
            got == gold["attacktype1_txt"], f"{where}: {got} ≠ {gold['attacktype1_txt']}", keep
        )
    if gold.get("claimed") in ("0", "1", "0.0", "1.0"):
        got_claimed = bool(event and event.claimed_by)
        report.field("claimed").add(
            got_claimed == (_number(gold["claimed"]) == 1), f"{where}: {got_claimed}", keep
        )


def _score_ucdp(report: Report, record: Record, result: ExtractResult, keep: int) -> None:
    gold, where = record.gold, record.label
    event, _claims, place = main_event(result)
    if _known(gold.get("best")):
        got = sum(e.fatalities.best or 0 for e in result.events)
        report.field("best_exact").add(got == _number(gold["best"]), f"{where}: {got} ≠ {gold['best']}", keep)
    if gold.get("adm_1"):
        got = place.admin1 if place else None
        wanted = gold["adm_1"].replace(" province", "")
        report.field("adm_1").add((got or "").lower() == wanted.lower(), f"{where}: {got} ≠ {wanted}", keep)
    if gold.get("adm_2"):
        got = place.admin2 if place else None
        report.field("adm_2").add(
            places.same_district(got, gold["adm_2"]), f"{where}: {got} ≠ {gold['adm_2']}", keep
        )


_SCORERS: dict[str, Callable[[Report, Record, ExtractResult, int], None]] = {
    "acled": _score_acled,
    "gtd": _score_gtd,
    "ucdp": _score_ucdp,
    "realnews": score_realnews,
    "gva": score_gva,
}


def evaluate_file(
    fmt: str, path: Path, strip_coder_notes: bool = False, examples: int = 5, half: Half | None = None
) -> Report:
    """Score sitrep on an analysts' file, or on one fixed half of it (``halves.half_of`` each record's id);
    raises ``EvalInputError`` (one line) when it cannot be read."""
    if not path.is_file():
        raise EvalInputError(f"{path}: no such file")
    if half is not None and half not in HALVES:
        raise EvalInputError(f"unknown half {half!r}: use A or B")
    report = Report(fmt)
    if fmt == "jsonl":
        return _evaluate_jsonl(path, report, examples, half)
    if fmt == "multidoc":
        try:
            return score_multidoc(path, examples, half)
        except RealNewsInputError as error:
            raise EvalInputError(str(error)) from None
    scorer = _SCORERS.get(fmt)
    if scorer is None:
        raise EvalInputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    try:
        for record in _records(fmt, path, strip_coder_notes):
            if half is not None and half_of(record.key) != half:
                continue
            report.records += 1
            article = Article(
                id=record.key[:200], text=record.text, title=record.title, published=record.published
            )
            scorer(report, record, extract(article), examples)
    except RealNewsInputError as error:
        raise EvalInputError(str(error)) from None
    return report


def evaluate_halves(
    fmt: str, path: Path, strip_coder_notes: bool = False, examples: int = 5
) -> dict[str, Report]:
    """Half A, half B and the whole (their sum) of a dev file; examples only from A, where rules are tuned."""
    first, second = (evaluate_file(fmt, path, strip_coder_notes, examples, half=h) for h in HALVES)
    return {"A": first, "B": second.without_examples(), "all": first.merged(second)}


def _evaluate_jsonl(path: Path, report: Report, examples: int, half: Half | None = None) -> Report:
    """The project's own annotated format (tests/devset/README.md): claim precision and recall."""
    items: list[tuple[str, str, list[dict[str, Any]]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            item_id = str(row.get("id", number))
            if half is None or half_of(item_id) == half:
                items.append((item_id, row["text"], row["claims"]))
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise EvalInputError(f"{path}:{number}: not an annotated item ({error})") from None
    score = score_claims(path.name, items)
    report.records = score.items
    report.extra.update({key: round(value, 4) for key, value in score.ratios().items()})
    report.extra.update({"gold_claims": score.gold, "predicted_claims": score.predicted})
    report.field("claims").examples.extend(score.errors[:examples])
    return report
