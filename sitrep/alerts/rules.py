"""The rules file: TOML an analyst edits (read with the standard library's ``tomllib``).

::

    dashboard = "http://127.0.0.1:8000/"   # links in alerts point here

    [deliver]
    stdout = true                           # one line per alert
    jsonl = "alerts.jsonl"                  # one JSON object per alert (relative to the rules file)
    webhook = "https://hooks.example.org/sitrep"
    webhook_secret_env = "SITREP_ALERTS_SECRET"   # the HMAC key's variable (default this one)
    email_to = ["desk@example.org"]         # e-mail through SMTP: the alert's block as the body
    email_from = "sitrep@example.org"
    smtp_host = "smtp.example.org"
    smtp_port = 587
    smtp_starttls = "auto"                  # auto (when offered) | required | off
    # credentials: $SITREP_SMTP_USER / $SITREP_SMTP_PASSWORD, only ever sent over TLS

    [[rule]]
    name = "kech-toll"                      # unique; names the alert and its state
    kind = "event"                          # event (default) | campaign | spike
    country = "PK"                          # ISO alpha-2
    admin1 = "Balochistan"
    admin2 = "Kech"
    area = "kech.geojson"                   # a GeoJSON (Multi)Polygon, Feature or FeatureCollection
    actors = ["BLA", "BLF"]                 # any of them, part of actor1 or actor2
    sub_event_types = ["Remote explosive/landmine/IED"]   # event or sub-event types
    min_best = 2                            # best fatalities at least (either min_* suffices)
    min_high = 10
    days = 30                               # only events / campaigns of the last 30 days (default 30)

    [[rule]]
    name = "kech-spike"
    kind = "spike"
    admin2 = "Kech"
    measure = "events"                      # events | fatalities
    window = 7                              # N days
    baseline = 4                            # K previous windows
    at_least = 3                            # the floor of the threshold (default 3)
    factor = 2.0                            # times the baseline median (default 2)

A mistake in the file is one line naming the file, the rule and the key (``RulesError``).
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError

KINDS = ("event", "campaign", "spike")
DASHBOARD = "http://127.0.0.1:8000/"  # `sitrep serve`'s default address
SECRET_ENV = "SITREP_ALERTS_SECRET"
MEASURES = ("events", "fatalities")


class RulesError(SitrepError):
    """The rules file cannot be used as written."""

    exit_code = 2


Ring = list[tuple[float, float]]  # (lon, lat) pairs, as GeoJSON


@dataclass(frozen=True, slots=True)
class Area:
    """Polygons (each an outer ring and its holes) read from a GeoJSON file."""

    polygons: tuple[tuple[Ring, ...], ...]

    def contains(self, lat: float | None, lon: float | None) -> bool:
        if lat is None or lon is None:
            return False
        return any(
            _inside(rings[0], lon, lat) and not any(_inside(hole, lon, lat) for hole in rings[1:])
            for rings in self.polygons
        )


def _inside(ring: Ring, x: float, y: float) -> bool:
    """Even-odd ray casting: does a ray to the east of (x, y) cross the ring an odd number of times."""
    crossing = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            crossing = not crossing
    return crossing


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: str = "event"
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    area: Area | None = None
    actors: tuple[str, ...] = ()
    sub_event_types: tuple[str, ...] = ()
    min_best: int | None = None
    min_high: int | None = None
    days: int = 30
    measure: str = "events"
    window: int = 7
    baseline: int = 4
    at_least: float = 3
    factor: float = 2.0


@dataclass(frozen=True, slots=True)
class Deliveries:
    stdout: bool = True
    jsonl: Path | None = None
    webhook: str | None = None
    webhook_secret_env: str = SECRET_ENV
    email_to: tuple[str, ...] = ()
    email_from: str = "sitrep@localhost"
    smtp_host: str = "localhost"
    smtp_port: int = 587
    smtp_starttls: str = "auto"


@dataclass(frozen=True, slots=True)
class Rules:
    path: Path
    rules: tuple[Rule, ...]
    deliver: Deliveries = field(default_factory=Deliveries)
    dashboard: str = DASHBOARD


_RULE_KEYS: dict[str, type | tuple[type, ...]] = {
    "name": str,
    "kind": str,
    "country": str,
    "admin1": str,
    "admin2": str,
    "area": str,
    "actors": list,
    "sub_event_types": list,
    "min_best": int,
    "min_high": int,
    "days": int,
    "measure": str,
    "window": int,
    "baseline": int,
    "at_least": (int, float),
    "factor": (int, float),
}
_DELIVER_KEYS: dict[str, type | tuple[type, ...]] = {
    "stdout": bool,
    "jsonl": str,
    "webhook": str,
    "webhook_secret_env": str,
    "email_to": list,
    "email_from": str,
    "smtp_host": str,
    "smtp_port": int,
    "smtp_starttls": str,
}
STARTTLS = ("auto", "required", "off")


def load_rules(path: Path) -> Rules:
    """The rules in ``path``; ``RulesError`` names the file, rule and key of the first mistake."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as problem:
        raise RulesError(f"{path}: cannot read the rules file: {problem.strerror or problem}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as problem:
        raise RulesError(f"{path}: not valid TOML: {problem}") from None
    unknown = set(data) - {"rule", "deliver", "dashboard"}
    if unknown:
        raise RulesError(f"{path}: unknown key {sorted(unknown)[0]!r} (expected rule, deliver, dashboard)")
    dashboard = data.get("dashboard", DASHBOARD)
    if not isinstance(dashboard, str):
        raise RulesError(f"{path}: dashboard: expected a URL string")
    deliver = _deliveries(path, data.get("deliver", {}))
    entries = data.get("rule", [])
    if not isinstance(entries, list) or not entries:
        raise RulesError(f"{path}: no [[rule]] tables")
    rules: list[Rule] = []
    for number, entry in enumerate(entries, 1):
        rule = _rule(path, number, entry)
        if any(r.name == rule.name for r in rules):
            raise RulesError(f"{path}: rule {rule.name!r}: name: used by an earlier rule")
        rules.append(rule)
    return Rules(path, tuple(rules), deliver, dashboard)


def _checked(where: str, entry: Any, keys: dict[str, type | tuple[type, ...]]) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise RulesError(f"{where}: expected a table")
    for key, value in entry.items():
        if key not in keys:
            raise RulesError(f"{where}: {key}: unknown key (known: {', '.join(keys)})")
        wanted = keys[key]
        if isinstance(value, bool) and wanted is not bool or not isinstance(value, wanted):
            names = " or ".join(t.__name__ for t in (wanted if isinstance(wanted, tuple) else (wanted,)))
            raise RulesError(f"{where}: {key}: expected {names}, not {value!r}")
    return entry


def _deliveries(path: Path, entry: Any) -> Deliveries:
    entry = _checked(f"{path}: [deliver]", entry, _DELIVER_KEYS)
    jsonl = entry.get("jsonl")
    where = f"{path}: [deliver]"
    if not all(isinstance(v, str) and "@" in v for v in entry.get("email_to", [])):
        raise RulesError(f"{where}: email_to: expected a list of e-mail addresses")
    if entry.get("smtp_starttls", "auto") not in STARTTLS:
        raise RulesError(
            f"{where}: smtp_starttls: {entry['smtp_starttls']!r} is not one of {', '.join(STARTTLS)}"
        )
    mail = {k: entry[k] for k in ("email_from", "smtp_host", "smtp_port", "smtp_starttls") if k in entry}
    return Deliveries(
        stdout=entry.get("stdout", True),
        jsonl=path.parent / jsonl if jsonl else None,
        webhook=entry.get("webhook"),
        webhook_secret_env=entry.get("webhook_secret_env", SECRET_ENV),
        email_to=tuple(entry.get("email_to", ())),
        **mail,
    )


def _rule(path: Path, number: int, entry: Any) -> Rule:
    name = entry.get("name") if isinstance(entry, dict) else None
    where = f"{path}: rule {name!r}" if isinstance(name, str) and name else f"{path}: rule #{number}"
    entry = _checked(where, entry, _RULE_KEYS)
    if not name or not name.strip():
        raise RulesError(f"{where}: name: missing (every rule needs a unique name)")
    kind = entry.get("kind", "event")
    if kind not in KINDS:
        raise RulesError(f"{where}: kind: {kind!r} is not one of {', '.join(KINDS)}")
    measure = entry.get("measure", "events")
    if measure not in MEASURES:
        raise RulesError(f"{where}: measure: {measure!r} is not one of {', '.join(MEASURES)}")
    for key in ("actors", "sub_event_types"):
        if not all(isinstance(v, str) and v for v in entry.get(key, [])):
            raise RulesError(f"{where}: {key}: expected a list of names")
    for key in ("min_best", "min_high", "days", "window", "baseline", "at_least", "factor"):
        low = 1 if key in ("days", "window", "baseline") else 0
        if key in entry and entry[key] < low:
            raise RulesError(f"{where}: {key}: must be at least {low}, not {entry[key]}")
    country = entry.get("country")
    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise RulesError(f"{where}: country: expected an ISO 3166 alpha-2 code such as PK, not {country!r}")
    area = _area(path.parent / entry["area"], f"{where}: area") if "area" in entry else None
    values = {k: v for k, v in entry.items() if k not in ("area", "actors", "sub_event_types")}
    return Rule(
        **values,
        area=area,
        actors=tuple(entry.get("actors", ())),
        sub_event_types=tuple(entry.get("sub_event_types", ())),
    )


def _area(path: Path, where: str) -> Area:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as problem:
        raise RulesError(f"{where}: cannot read {path}: {problem.strerror or problem}") from None
    except ValueError as problem:
        raise RulesError(f"{where}: {path} is not JSON: {problem}") from None
    polygons: list[tuple[Ring, ...]] = []

    def add(geometry: Any) -> None:
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
        try:
            if kind == "Polygon":
                polygons.append(tuple([(float(x), float(y)) for x, y, *_ in ring] for ring in coordinates))
            elif kind == "MultiPolygon":
                for polygon in coordinates:
                    polygons.append(tuple([(float(x), float(y)) for x, y, *_ in ring] for ring in polygon))
            elif kind == "Feature":
                add(geometry.get("geometry"))
            elif kind == "FeatureCollection":
                for feature in geometry.get("features") or []:
                    add(feature)
            else:
                raise RulesError(f"{where}: {path}: expected a Polygon or MultiPolygon, not {kind!r}")
        except (TypeError, ValueError):
            raise RulesError(f"{where}: {path}: malformed {kind} coordinates") from None

    add(data)
    if not polygons or any(not rings or len(rings[0]) < 3 for rings in polygons):
        raise RulesError(f"{where}: {path}: no polygon with at least three points")
    return Area(tuple(polygons))
