"""sitrep.geo.containers: which place a text puts inside which."""

from __future__ import annotations

from sitrep.geo.containers import link_containers
from sitrep.geo.lexicon import get_lexicon
from tests.geo_text import hits_of, named


def _linked(text: str) -> list[tuple[str, str | None, bool]]:
    doc, hits = hits_of(text)
    link_containers(doc, hits, get_lexicon())
    return [(h.written, h.container.written if h.container else None, h.soft_container) for h in hits]


def test_a_kind_word_and_of_link_a_place_to_its_container() -> None:
    assert _linked("Two soldiers were killed in Buleda area of Kech district.") == [
        ("Buleda", "Kech district", False),
        ("Kech district", None, False),
    ]


def test_a_comma_before_a_district_is_a_soft_link() -> None:
    assert _linked("A blast hit Turbat, Kech on Sunday.")[0] == ("Turbat", "Kech", True)


def test_a_list_of_towns_links_nothing() -> None:
    assert [
        container for _w, container, _soft in _linked("Shops closed in Quetta, Nushki and Dalbandin.")
    ] == [
        None,
        None,
        None,
    ]


def test_a_long_gap_links_nothing() -> None:
    doc, hits = hits_of("Troops left Turbat and after a long drive through the night reached Kech district.")
    link_containers(doc, hits, get_lexicon())
    assert named(hits, "Turbat").container is None
