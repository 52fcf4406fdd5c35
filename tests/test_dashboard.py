"""The dashboard in a real browser: Playwright drives Debian's chromium against ``sitrep``'s server, started
here on loopback with a database made from the bundled examples (plus one hostile article posted through the
API): a marker per place in view, the list of the events in view a page at a time (changing as the map pans
and zooms), claims side by side, a review edit in the history, nothing from an article ever executed, nothing
fetched from anywhere but the server, and never a request for every event (each list or map request names the
map's bounds and a page).

Skipped when chromium, Playwright or the dashboard's libraries (fetched by the package build:
sitrep/web/vendor.py) are missing, except under CI (``CI`` set), where that is a failure. ``SITREP_DASHBOARD_SCREENSHOT=path.png`` saves a
screenshot of the dashboard (how ``docs/dashboard.png`` is made).
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import httpx
import pytest

from sitrep.api.app import WEB_DIR, create_app
from sitrep.api.server import LOOPBACK_NAMES
from sitrep.store.review import token_digest
from sitrep.web import vendor
from tests.test_api import TUMP_URDU, TURBAT_IED, ingest_examples

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
TOKEN = "dashboard-token-0123456789abcdef"
HOSTILE = {
    "id": "hostile-article",
    "title": "Attack <script>window.__xss='title'</script> in Quetta",
    "source": "<b onmouseover=\"window.__xss='source'\">Evil Outlet</b>",
    "published": "2025-03-20",
    "text": (
        "QUETTA, March 20 — Gunmen killed five policemen <img src=x onerror=\"window.__xss='img'\"> at a checkpost "
        "in Quetta on Thursday, police said <script>window.__xss='quote'</script>.\n\nNo group claimed the attack."
    ),
}


def _require(ok: bool, reason: str) -> None:
    if not ok:
        pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _require(CHROMIUM.exists(), f"no {CHROMIUM}: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _require(False, "Playwright for Python is not installed")
    _require(
        not vendor.missing(WEB_DIR / "static" / "vendor"),
        "the dashboard's libraries are missing: pip install -e . (or python sitrep/web/vendor.py) fetches them",
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield browser
        browser.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


STORE: dict[str, str] = {}  # the served store's URL, for a test that writes to it beside the API


@pytest.fixture(scope="module")
def server(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn server in a thread, on a free loopback port, as ``sitrep serve`` configures it."""
    import uvicorn

    url = f"sqlite:///{tmp_path_factory.mktemp('dashboard') / 'sitrep.db'}"
    STORE["url"] = url
    ingest_examples(url)
    app = create_app(url, token_digests=[token_digest(TOKEN)], allowed_hosts=LOOPBACK_NAMES, cache_max_age=0)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvicorn_server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    stored = httpx.post(
        f"{base}/api/ingest", json=HOSTILE, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60
    )
    assert stored.status_code == 200 and stored.json()["stored"][0]["outcome"] == "new", stored.text
    try:
        yield base
    finally:
        uvicorn_server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.outside: list[str] = []
    page.dialogs: list[str] = []
    page.errors: list[str] = []
    page.asked: list[str] = []  # every URL the page requested, in order

    def only_the_server(route: Any) -> None:
        # The dashboard must work with no internet: anything not for our server is recorded and refused.
        if route.request.url.startswith(server):
            route.continue_()
        else:
            page.outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_the_server)
    page.on("request", lambda request: page.asked.append(request.url))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=20000)
    yield page
    assert page.outside == [], "the dashboard fetched something from outside the server"
    assert page.errors == [], "JavaScript errors"
    _asked_only_for_what_is_in_view(page.asked)
    context.close()


def _asked_only_for_what_is_in_view(urls: list[str]) -> None:
    """The dashboard never asks for every event: each list and places request names the map's bounds, and a
    list request one page."""
    for url in urls:
        parts = urlsplit(url)
        params = parse_qs(parts.query)
        if parts.path in ("/api/events", "/api/places"):
            assert "bbox" in params, f"asked without the map's bounds: {url}"
        if parts.path == "/api/events":
            assert 1 <= int(params["limit"][0]) <= 100, f"asked for more than a page: {url}"


def _asked(page: Any, path: str) -> list[str]:
    return [url for url in page.asked if urlsplit(url).path == path]


def _open_event(page: Any, server: str, event_id: str) -> None:
    """Click the marker of the event's place, then the event's row in the list of the events there. Markers
    of one town overlap, so the click is dispatched on that marker itself rather than at a point of the
    screen."""
    event = httpx.get(f"{server}/api/events/{quote(event_id, safe='')}").json()
    page.locator(f'path.place-marker[data-name="{event["place"]["name"]}"]').first.dispatch_event("click")
    page.locator(f'#list-rows tr[data-event-id="{event_id}"]').click()


def _loads(page: Any) -> int:
    return int(page.get_attribute("body", "data-view-loads") or 0)


def _settled(page: Any, loads_before: int) -> None:
    """Wait until a newer list is shown and no question to the server is open (no clock involved)."""
    page.wait_for_function(
        "n => Number(document.body.dataset.viewLoads) > n && !document.body.hasAttribute('data-busy')",
        arg=loads_before,
    )


def _listed(page: Any) -> list[str]:
    rows = page.locator("#list-rows tr")
    return [rows.nth(i).get_attribute("data-event-id") for i in range(rows.count())]


def _events(server: str) -> list[dict]:
    return httpx.get(f"{server}/api/events", params={"limit": 1000}).json()["events"]


def test_map_shows_a_marker_per_place_in_view_offline(page: Any, server: str) -> None:
    mapped = [e for e in _events(server) if e["lat"] is not None]
    assert len(mapped) >= 15
    [asked] = _asked(page, "/api/places")
    places = httpx.get(asked).json()
    markers = page.locator("path.place-marker")
    assert markers.count() == len(places) >= 10
    shown = sorted(
        (markers.nth(i).get_attribute("data-name"), int(markers.nth(i).get_attribute("data-events")))
        for i in range(markers.count())
    )
    assert shown == sorted((p["name"], p["events"]) for p in places)
    # The first view frames Balochistan, where every example event happened: all of them are counted there
    # and listed (the first page of them).
    assert sum(p["events"] for p in places) == len(mapped)
    assert page.locator("#list-heading").inner_text() == f"{len(mapped)} events in view"
    [listed] = _asked(page, "/api/events")
    assert _listed(page) == [e["id"] for e in httpx.get(listed).json()["events"]]
    assert "OCHA/WFP COD-AB via HDX" in page.locator(".leaflet-control-attribution").inner_text()
    assert "Natural Earth" in page.locator(".leaflet-control-attribution").inner_text()
    # Country outlines, districts and markers are all vector paths: no tile images.
    assert page.locator(".leaflet-tile").count() == 0
    assert page.locator(".leaflet-overlay-pane path").count() > 200
    assert page.locator("#timeline rect.bar").count() >= 4
    if os.environ.get("SITREP_DASHBOARD_SCREENSHOT"):  # the campaign view: a contested toll side by side
        page.locator("#tabs button[data-view=campaigns]").click()
        page.locator("#view tr.clickable").first.click()
        page.wait_for_selector(".claim")
        page.wait_for_timeout(300)
        page.screenshot(path=os.environ["SITREP_DASHBOARD_SCREENSHOT"])


def test_headline_shows_the_campaigns_contested_range_first(page: Any, server: str) -> None:
    [campaign] = httpx.get(f"{server}/api/campaigns").json()
    figure = campaign["fatalities"]
    # From the officials' count to the armed group's claim, across all three articles about it.
    low_part, high_part = figure["rule"].removeprefix("campaign-wide: ").split("; ")[:2]
    assert low_part.startswith("low") and low_part.endswith("(government)")
    assert high_part.startswith("high") and high_part.endswith("(armed_group)")
    assert figure["low"] < figure["best"] <= figure["high"]
    headline = page.locator("#summary .headline")
    headline.wait_for()
    assert headline.inner_text() == f"{campaign['name']}: {figure['low']}–{figure['high']} killed"
    assert page.locator("#summary").inner_text().startswith(campaign["name"])
    page.locator("#tabs button[data-view=campaigns]").click()
    page.locator("#view tr.clickable").first.click()
    page.wait_for_selector("#view p.headline")
    assert page.locator("#view p.headline strong").inner_text() == f"{figure['low']}–{figure['high']} killed"


def test_clicking_a_marker_shows_every_claim_side_by_side(page: Any, server: str) -> None:
    _open_event(page, server, TURBAT_IED)
    page.wait_for_selector("#claims .claim")
    event = httpx.get(f"{server}/api/events/{quote(TURBAT_IED, safe='')}").json()
    cards = page.locator("#claims .claim")
    assert cards.count() == len(event["claims"]) == 2
    boxes = [cards.nth(i).bounding_box() for i in range(cards.count())]
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[0]["x"] < boxes[1]["x"], "side by side, not stacked"
    for i, claim in enumerate(event["claims"]):
        text = cards.nth(i).inner_text()
        for expected in (
            "police",
            claim["stance"],
            str(claim["count"]["low"]),
            claim["quote"][:40],
            "2025-04-08",
        ):
            assert expected in text, (expected, text)
    figures = page.locator("table.figures").inner_text()
    assert "killed" in figures and "police" in figures


def test_an_urdu_quote_is_shown_in_its_script_right_to_left(page: Any, server: str) -> None:
    _open_event(page, server, TUMP_URDU)
    page.wait_for_selector("#claims .claim blockquote")
    quotes = page.locator("#claims .claim blockquote")
    event = httpx.get(f"{server}/api/events/{quote(TUMP_URDU, safe='')}").json()
    assert quotes.count() == len(event["claims"]) > 0
    for i in range(quotes.count()):
        shown = quotes.nth(i)
        assert any("\u0600" <= char <= "\u06ff" for char in shown.inner_text()), "the quote in Urdu script"
        assert shown.evaluate("node => getComputedStyle(node).direction") == "rtl"
    # An English quote beside it stays left to right.
    _open_event(page, server, TURBAT_IED)
    said = httpx.get(f"{server}/api/events/{quote(TURBAT_IED, safe='')}").json()["claims"][0]["quote"]
    english = page.locator("#claims .claim blockquote", has_text=said[:30]).first
    assert english.evaluate("node => getComputedStyle(node).direction") == "ltr"


def test_review_edit_shows_in_the_history(page: Any, server: str) -> None:
    page.locator("#analyst summary").click()
    page.fill("#analyst-name", "Test Analyst")
    page.fill("#analyst-token", TOKEN)
    page.click("#analyst-save")
    _open_event(page, server, TURBAT_IED)
    page.wait_for_selector("#edit-form")
    page.fill("#edit-form input[name=fatalities_best]", "4")
    page.fill("#edit-form input[name=fatalities_high]", "4")
    page.fill("#edit-form input[name=note]", "hospital list")
    page.click("#edit-form button[type=submit]")
    page.wait_for_selector("#history li.change")
    history = page.locator("#history").inner_text()
    assert "edit by Test Analyst" in history and "hospital list" in history
    assert '"best":2' in history.replace(" ", "") and '"best":4' in history.replace(" ", "")
    event = httpx.get(f"{server}/api/events/{quote(TURBAT_IED, safe='')}").json()
    assert event["fatalities"]["best"] == 4 and event["history"][0]["who"] == "Test Analyst"
    page.click("#history button.undo")
    page.wait_for_selector("#history li.change.undone")
    assert httpx.get(f"{server}/api/events/{quote(TURBAT_IED, safe='')}").json()["fatalities"]["best"] == 2


def test_article_text_is_shown_never_run(page: Any, server: str) -> None:
    hostile = next(e for e in _events(server) if e["date"] == "2025-03-20")
    page.locator(f'path.place-marker[data-name="{hostile["place"]}"]').first.hover()
    _open_event(page, server, hostile["id"])
    page.wait_for_selector("#claims .claim")
    view = page.locator("#view")
    text = view.inner_text()
    assert "<script>window.__xss='quote'</script>" in text, "the quote is shown as the article wrote it"
    assert "<img src=x onerror=" in text
    assert "<script>window.__xss='title'</script>" in text and "<b onmouseover=" in text
    assert view.locator("img, script, b").count() == 0, "no element was made from article text"
    page.locator("#tabs button[data-view=list]").click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []


def test_panning_and_zooming_change_the_listed_events(page: Any, server: str) -> None:
    first = _listed(page)
    quetta = next(e["id"] for e in _events(server) if e["place"] == "Quetta")
    assert TURBAT_IED in first and quetta in first
    # Zoom in with the wheel over Turbat, then drag the map a whole width: each time the list is what the
    # server gives for the bounds the dashboard asked about, and the places are asked for the same bounds.
    turbat = page.locator('path.place-marker[data-name="Turbat"]').first.bounding_box()
    before = _loads(page)
    page.mouse.move(turbat["x"] + turbat["width"] / 2, turbat["y"] + turbat["height"] / 2)
    page.mouse.wheel(0, -500)
    _settled(page, before)
    zoomed = _listed(page)
    assert TURBAT_IED in zoomed and quetta not in zoomed and set(zoomed) < set(first)
    listed = _asked(page, "/api/events")[-1]
    assert zoomed == [e["id"] for e in httpx.get(listed).json()["events"]]
    bbox = parse_qs(urlsplit(listed).query)["bbox"][0]
    assert parse_qs(urlsplit(_asked(page, "/api/places")[-1]).query)["bbox"][0] == bbox

    box = page.locator("#map").bounding_box()
    before = _loads(page)
    page.mouse.move(box["x"] + box["width"] - 20, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + 20, box["y"] + 40, steps=10)
    page.mouse.up()
    _settled(page, before)
    panned = _listed(page)
    assert TURBAT_IED not in panned and panned != zoomed
    listed = _asked(page, "/api/events")[-1]
    assert parse_qs(urlsplit(listed).query)["bbox"][0] != bbox
    assert panned == [e["id"] for e in httpx.get(listed).json()["events"]]
    assert page.locator('path.place-marker[data-name="Turbat"]').count() == 0
    _asked_only_for_what_is_in_view(page.asked)


def test_the_list_pages_through_the_events_in_view(page: Any, server: str) -> None:
    mapped = [e["id"] for e in _events(server) if e["lat"] is not None]
    assert 10 < len(mapped) <= 20
    before = _loads(page)
    page.select_option("#page-size", "10")
    _settled(page, before)
    first = _listed(page)
    assert len(first) == 10
    assert page.locator("#list-range").inner_text() == f"1–10 of {len(mapped)}"
    before = _loads(page)
    page.click("#list-next")
    _settled(page, before)
    second = _listed(page)
    assert second and not set(first) & set(second)
    assert first + second == mapped, "every event in view once, in the list's order"
    assert page.locator("#list-range").inner_text() == f"11–{len(mapped)} of {len(mapped)}"
    assert page.locator("#list-next").is_disabled()
    before = _loads(page)
    page.click("#list-previous")
    _settled(page, before)
    assert _listed(page) == first
    offsets = [parse_qs(urlsplit(url).query).get("offset", ["0"])[0] for url in _asked(page, "/api/events")]
    assert offsets[-3:] == ["0", "10", "0"]


def test_quote_search_narrows_the_list_and_the_download_is_the_list(page: Any, server: str) -> None:
    everything = _listed(page)
    said = httpx.get(f"{server}/api/events", params={"q": "hospital", "limit": 100}).json()["events"]
    assert len(said) == 1 < len(everything), "one example event has a quote with 'hospital'"
    before = _loads(page)
    page.fill('#filters input[name="q"]', "Hospital")  # applied once the typing pauses: no Apply needed
    _settled(page, before)
    assert _listed(page) == [said[0]["id"]]
    assert parse_qs(urlsplit(_asked(page, "/api/events")[-1]).query)["q"] == ["Hospital"]

    before = _loads(page)
    page.fill('#filters input[name="admin2"]', "Quetta")
    page.click('#filters button[type="submit"]')
    _settled(page, before)
    assert _listed(page) == [said[0]["id"]]
    for fmt in ("csv", "geojson"):
        href = page.get_attribute(f"#download-{fmt}", "href")
        params = parse_qs(urlsplit(href).query)
        assert params["q"] == ["Hospital"] and params["admin2"] == ["Quetta"] and "bbox" in params, href
        download = httpx.get(server + href)
        assert download.status_code == 200 and "attachment" in download.headers["content-disposition"]
        if fmt == "csv":
            ids = [line.split(",")[0] for line in download.text.splitlines()[1:]]
        else:
            ids = [f["properties"]["id"] for f in download.json()["features"]]
        assert ids == [said[0]["id"]], fmt

    before = _loads(page)
    page.fill('#filters input[name="q"]', "no quote says this")
    _settled(page, before)
    assert _listed(page) == []
    csv = httpx.get(server + page.get_attribute("#download-csv", "href")).text
    assert len(csv.splitlines()) == 1, "the header alone"


def test_without_its_libraries_the_page_says_what_is_missing(browser: Any, server: str) -> None:
    """A source tree that skipped the build serves no static/vendor/: here the browser is refused those files
    (as the server would answer 404), and the page must say so rather than show an empty map."""
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route("**/static/vendor/**", lambda route: route.fulfill(status=404, body="not found"))
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready=missing-libraries]", timeout=20000)
    message = page.locator("#map").inner_text()
    assert "map libraries are missing" in message and "python sitrep/web/vendor.py" in message
    assert page.locator("#map.missing").is_visible()
    assert errors == ["the dashboard's libraries are missing (static/vendor/)"]
    context.close()


def test_the_alerts_tab_lists_what_was_sent(page: Any, server: str, tmp_path: Path) -> None:
    from sitrep.alerts import Sender, load_rules, run_alerts
    from sitrep.store import open_engine

    rules_path = tmp_path / "rules.toml"
    rules_path.write_text(
        '[deliver]\nstdout = false\n[[rule]]\nname = "kech"\nadmin2 = "Kech"\nmin_best = 2\n'
    )
    rules = load_rules(rules_path)
    engine = open_engine(STORE["url"])
    try:
        assert run_alerts(engine, rules, Sender(rules.deliver), dt.date(2025, 4, 10)).sent == 1
    finally:
        engine.dispose()
    page.locator("#tabs button[data-view=alerts]").click()
    row = page.locator("#alerts tr.clickable")
    row.wait_for()
    cells = row.locator("td").all_inner_texts()
    assert cells[1:5] == [
        "kech",
        "Remote explosive/landmine/IED (Unidentified Armed Group (Pakistan) vs Police Forces of Pakistan Frontier "
        "Corps)",
        "Turbat, Kech, Balochistan, PK",
        "2/2/2 killed",
    ]
    assert cells[5] == "police: killed 2; police: injured 3"
    row.click()
    page.locator("#view td", has_text=TURBAT_IED).wait_for()  # the event's own view, by its id
