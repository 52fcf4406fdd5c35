"""GeoJSON export (RFC 7946): a FeatureCollection with one Point per event that has coordinates.

Coordinates are [longitude, latitude], as RFC 7946 requires. Events without coordinates cannot be drawn; they
are left out and counted in the top-level member ``events_without_coordinates`` (their ids in
``events_without_coordinates_ids``), so a map never silently shows fewer events than the dataset has.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from sitrep.model import Dataset, DatasetCampaign, DatasetEvent


def feature(event: DatasetEvent) -> dict[str, Any] | None:
    """The event as a Point feature; None when it has no coordinates."""
    place = event.place
    if place is None or place.lat is None or place.lon is None:
        return None
    properties = {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "interaction": event.interaction,
        "place": place.name,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "country_code": place.country_code,
        "geo_precision": place.precision,
        "fatalities_low": event.fatalities.low,
        "fatalities_best": event.fatalities.best,
        "fatalities_high": event.fatalities.high,
        "campaign_id": event.campaign_id,
        "notes": event.notes,
        "article_ids": list(event.article_ids),
        "claim_count": len(event.claims),
    }
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": properties,
    }


def _campaign(campaign: DatasetCampaign) -> dict[str, Any]:
    return {
        "id": campaign.id,
        "name": campaign.name,
        "actor": campaign.actor,
        "date_first": campaign.date_first.isoformat() if campaign.date_first else None,
        "date_last": campaign.date_last.isoformat() if campaign.date_last else None,
        **{
            f"{name}_{bound}": getattr(getattr(campaign, name), bound)
            for name in ("fatalities", "injured", "abducted")
            for bound in ("low", "best", "high")
        },
        "fatalities_rule": campaign.fatalities.rule,
        "notes": campaign.notes,
        "event_ids": list(campaign.event_ids),
        "article_ids": list(campaign.article_ids),
    }


def _dumps(value: Any, depth: int) -> str:
    """``value`` as ``json.dump(..., indent=1)`` writes it ``depth`` levels down."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)


def pieces(
    events: Iterable[DatasetEvent], campaigns: Callable[[], Iterable[DatasetCampaign]]
) -> Iterator[str]:
    """The FeatureCollection, one feature at a time, as ``json.dump(collection, indent=1)`` would write it
    whole: the events are read once, as they come; ``campaigns`` is asked for after the last one (it may
    depend on which events were read)."""
    yield '{\n "type": "FeatureCollection",\n "features": ['
    unplaced: list[str] = []
    first = True
    for event in events:
        item = feature(event)
        if item is None:
            unplaced.append(event.id)
            continue
        yield ("\n  " if first else ",\n  ") + _dumps(item, 2)
        first = False
    yield "]" if first else "\n ]"
    yield f',\n "events_without_coordinates": {len(unplaced)}'
    yield ',\n "events_without_coordinates_ids": ' + _dumps(unplaced, 1)
    # A foreign member (RFC 7946 §6.1): campaigns have no one point, but their own figures.
    yield ',\n "campaigns": ' + _dumps([_campaign(campaign) for campaign in campaigns()], 1)
    yield "\n}\n"


def write(dataset: Dataset, stream: TextIO) -> None:
    for piece in pieces(dataset.events, lambda: dataset.campaigns):
        stream.write(piece)
